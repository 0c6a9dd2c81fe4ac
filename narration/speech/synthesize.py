"""Fill the clip cache for a set of sentences: each distinct text is synthesized at most once."""
from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Protocol, Sequence

import numpy as np

from narration.errors import EngineError, InputError, NarrationError
from narration.models import Audio
from narration.speech.base import Engine
from narration.cache.clips import ClipCache, clip_key


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


ProgressHook = Callable[[str, int, int], None]  # (section label, done, total)


class SynthesisListener(Protocol):
    """Told what the engine is about to speak and when each clip is in the cache (the build mixes ahead)."""

    def starting(self, texts: Sequence[str]) -> None: ...

    def spoken(self, text: str) -> None: ...


def synthesize_missing(jobs: Sequence[Job], engine: Engine, cache: ClipCache, timeout: float,
                       progress: ProgressHook | None = None,
                       listener: SynthesisListener | None = None) -> SynthesisStats:
    """Synthesize every job whose clip is not cached; a hung engine times out instead of hanging."""
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
        if cache.get(key) is not None:
            stats.hits += 1
        else:
            missing[key] = job
    total = len(missing)
    pending = Counter(job.text for job in missing.values())  # the same text in two languages: two clips to wait for
    if listener:
        listener.starting([job.text for job in missing.values()])
    for done, (key, job) in enumerate(missing.items()):
        voice = job.engine or engine
        if progress:
            progress(f"synthesizing {job.label}", done, total)
        try:
            audio = _call_with_timeout(voice.synthesize, job.text, timeout)
        except TimeoutError:
            raise EngineError(f"{job.label}: the {voice.name} engine did not answer within {timeout:g} s "
                              f"(sentence: {job.text[:60]!r})") from None
        except InputError:
            raise  # a voice file that cannot be used: the message names it already
        except NarrationError as err:
            raise EngineError(f"{job.label}: {err}") from err
        except Exception as err:  # an engine crash is reported with the section, not as a traceback
            raise EngineError(f"{job.label}: the {voice.name} engine failed: {err!r}") from err
        if not isinstance(audio, Audio) or not np.all(np.isfinite(audio.samples)):
            raise EngineError(f"{job.label}: the {voice.name} engine returned no usable audio "
                              f"for {job.text[:60]!r}")
        cache.put(key, audio)
        pending[job.text] -= 1
        if listener and not pending[job.text]:
            listener.spoken(job.text)
        stats.misses += 1
        stats.synthesized_labels[job.label] = stats.synthesized_labels.get(job.label, 0) + 1
    if progress:
        progress("", total, total)
    return stats


def _call_with_timeout(function: Callable[[str], Audio], text: str, timeout: float) -> Audio:
    """Run one engine call in a daemon thread: a hung engine is abandoned (and cannot keep the process
    alive at exit, as a ThreadPoolExecutor worker would), never waited for."""
    result: list[Audio] = []
    failure: list[BaseException] = []

    def target() -> None:
        try:
            result.append(function(text))
        except BaseException as err:  # handed to the caller's thread
            failure.append(err)

    worker = threading.Thread(target=target, name="engine", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise TimeoutError(text)
    if failure:
        raise failure[0]
    return result[0]
