"""Fill the clip cache for a set of sentences: each distinct text is synthesized at most once, here or by speech
workers (speech/workers.py: processes, speech/ray_workers.py: Ray actors) fed one section at a time."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Container, Iterator, Protocol, Sequence

import numpy as np

from narration.errors import EngineError, InputError, NarrationError
from narration.models import Audio
from narration.speech.base import Engine
from narration.cache.clips import ClipCache, clip_key
from narration.build.concurrency import call_with_timeout


@dataclass(frozen=True)
class Job:
    """One sentence to speak, and the label of the section it belongs to (for progress and errors)."""

    text: str
    label: str
    engine: Engine | None = None  # the voice of its language, when not the build's one engine


@dataclass
class SynthesisStats:
    """How many clips came from the cache and how many the engine made, per section label."""

    hits: int = 0
    misses: int = 0
    synthesized_labels: dict[str, int] = field(default_factory=dict)
    worker_peak_mb: float = 0.0  # the largest peak resident memory of a speech worker (0: spoken in this process)


ProgressHook = Callable[[str, int, int], None]  # (section label, done, total)


class SynthesisListener(Protocol):
    """Told what the engine is about to speak and when each clip is in the cache (the build mixes ahead)."""

    def starting(self, texts: Sequence[str]) -> None: ...

    def spoken(self, text: str) -> None: ...


class Spoken(Protocol):
    """What a speech worker sends back for a batch: its clips, or the one-line error that stopped it."""

    audios: list[Audio]
    error: str
    peak_mb: float
    fingerprint: dict[str, str]


class Speakers(Protocol):
    """Speech fanned out: batches (one section's sentences each) in, each batch's clips out as it is done."""

    def speak(self, batches: Sequence[tuple[Job, ...]], timeout: float) -> Iterator[tuple[tuple[Job, ...], Spoken]]: ...


# Fewer missing sentences than this are spoken here even when workers are asked for: a worker process imports the
# engine and loads the voice before its first sentence, which costs more than it saves on so little speech.
FAN_OUT_AT_LEAST = 80
MAX_BATCH = 40  # sentences: a section longer than this is cut, so one worker does not finish long after the others


def sections(jobs: Sequence[Job]) -> list[tuple[Job, ...]]:
    """The jobs in batches of one section each (consecutive jobs with the same label), cut at MAX_BATCH."""
    batches: list[list[Job]] = []
    for job in jobs:
        if not batches or batches[-1][0].label != job.label or len(batches[-1]) >= MAX_BATCH:
            batches.append([])
        batches[-1].append(job)
    return [tuple(batch) for batch in batches]


def speak_checked(engine: Engine, job: Job, timeout: float) -> Audio:
    """One sentence; the engine's failures become one-line errors naming the section; a hung engine times out."""
    try:
        audio = call_with_timeout(engine.synthesize, job.text, timeout)
    except TimeoutError:
        raise EngineError(f"{job.label}: the {engine.name} engine did not answer within {timeout:g} s "
                          f"(sentence: {job.text[:60]!r})") from None
    except InputError:
        raise  # a voice file that cannot be used: the message names it already
    except NarrationError as err:
        raise EngineError(f"{job.label}: {err}") from err
    except Exception as err:  # an engine crash is reported with the section, not as a traceback
        raise EngineError(f"{job.label}: the {engine.name} engine failed: {err!r}") from err
    if not isinstance(audio, Audio) or not np.all(np.isfinite(audio.samples)):
        raise EngineError(f"{job.label}: the {engine.name} engine returned no usable audio for {job.text[:60]!r}")
    return audio


def synthesize_missing(jobs: Sequence[Job], engine: Engine, cache: ClipCache, timeout: float,
                       progress: ProgressHook | None = None, listener: SynthesisListener | None = None,
                       speakers: Speakers | None = None, read: Container[str] | None = None) -> SynthesisStats:
    """Synthesize every job whose clip is not cached, here or by `speakers` (the jobs of the build's own engine;
    another language's voice speaks here); what is stored does not depend on which (a clip is a function of its
    text and the engine's fingerprint). `read`: the texts whose clips the caller will read (None: all), which are
    verified whole; the others need only be present."""
    fingerprints: dict[int, dict[str, str]] = {}
    stats = SynthesisStats()
    missing: dict[str, Job] = {}
    seen: set[str] = set()
    for job in jobs:
        voice = job.engine or engine
        if id(voice) not in fingerprints:
            fingerprints[id(voice)] = voice.fingerprint()
        key = clip_key(job.text, fingerprints[id(voice)])
        if key in seen:  # a sentence heard in several episodes (the full article repeats them all) counts once
            continue
        seen.add(key)
        if (cache.get(key) is not None) if read is None or job.text in read else cache.has(key):
            stats.hits += 1
        else:
            missing[key] = job
    total = len(missing)
    pending = Counter(job.text for job in missing.values())  # the same text in two languages: two clips to wait for
    if listener:
        listener.starting([job.text for job in missing.values()])

    def store(key: str, job: Job, audio: Audio) -> None:
        cache.put(key, audio)
        pending[job.text] -= 1
        if listener and not pending[job.text]:
            listener.spoken(job.text)
        stats.misses += 1
        stats.synthesized_labels[job.label] = stats.synthesized_labels.get(job.label, 0) + 1

    mine = [job for job in missing.values() if (job.engine or engine) is engine]
    if speakers is not None and len(mine) < FAN_OUT_AT_LEAST:
        speakers = None  # too little to be worth starting the workers
    fanned = mine if speakers is not None else []
    here = [(key, job) for key, job in missing.items() if speakers is None or (job.engine or engine) is not engine]
    for done, (key, job) in enumerate(here):
        if progress:
            progress(f"synthesizing {job.label}", done, total)
        store(key, job, speak_checked(job.engine or engine, job, timeout))
    if fanned:
        stats.worker_peak_mb = _fan_out(fanned, engine, fingerprints[id(engine)], speakers, timeout, store, progress)
    if progress:
        progress("", total, total)
    return stats


def _fan_out(jobs: list[Job], engine: Engine, fingerprint: dict[str, str], speakers: Speakers, timeout: float,
             store: Callable[[str, Job, Audio], None], progress: ProgressHook | None) -> float:
    """The jobs spoken by workers, a section at a time; each clip stored as its batch comes back. Returns the
    largest peak memory a worker reported."""
    done, total, peak = 0, len(jobs), 0.0
    if progress:
        progress(f"synthesizing {jobs[0].label}" if jobs else "", 0, total)
    for batch, spoken in speakers.speak(sections(jobs), timeout):
        if spoken.error:
            raise EngineError(spoken.error)
        if spoken.fingerprint != fingerprint:  # a worker with another voice or engine version would mix clips up
            raise EngineError(f"a speech worker's {engine.name} engine differs from this build's "
                              f"({spoken.fingerprint} instead of {fingerprint}): install the same version everywhere")
        for job, audio in zip(batch, spoken.audios):
            store(clip_key(job.text, fingerprint), job, audio)
        done, peak = done + len(batch), max(peak, spoken.peak_mb)
        if progress:
            progress(f"synthesizing {batch[-1].label}", done, total)
    return peak
