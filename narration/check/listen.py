"""`check --listen`: hear every sentence clip of a built folder back and flag the gross failures.

The built folder's transcripts say which sentences its episodes speak; each sentence's clip is found in the
clip cache by its key (text and voice), heard by the recognizer (narration/check/recognizer.py) and aligned
with its words (narration/check/alignment.py). What was heard is cached by the clip's key, so a rebuild
listens only to its new clips. Findings name the script line, the moment of the episode to play, what was
expected and what was heard.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from narration.atomic import write_text_atomic
from narration.cache import keys
from narration.cache.clips import ClipCache
from narration.cache.usage import touch
from narration.check import recognizer
from narration.check.alignment import Comparison, Fault, compare, spoken_words
from narration.check.pitch import CEILING_HZ, FLOOR_HZ, RATE as PITCH_RATE, median_pitch
from narration.check.pronounce import pronunciations
from narration.config import AudioConfig
from narration.errors import InputError
from narration.language import primary
from narration.models import Audio, Sentence
from narration.publish import layout
from narration.scripts import parse_script


SILENT_DBFS = -40.0  # a clip whose loudest sample is below this holds no speech
FAST, SLOW = 0.7, 1.45  # a clip's length against the folder's pace for its phones (measured 0.78 to 1.35 on good clips)
LOW_PITCH, HIGH_PITCH = 0.85, 1.3  # median pitch against the folder's (measured 0.90 to 1.23 on good clips)
MIN_PACE_PHONES = 20  # a shorter clip's length varies too much from one synthesis to the next (its pitch still counts)
MIN_CLIPS = 12  # fewer clips tell no usual pace or pitch (one odd clip among seven moves the line)
# The voice ends every clip in near silence (its last 40 ms at most -62 dB below the clip's level on the sample
# and five corpus pages); a clip that stops in the middle of a sound was cut.
TAIL_MS, CUT_TAIL_DB = 40, -40.0
OTHER_SENTENCE_WER = 0.35  # heard words this close to another sentence of the folder: that sentence's audio


@dataclass(frozen=True)
class Utterance:
    """A sentence the folder's episodes speak, where it is first heard, and its clip."""

    text: str
    episode: str  # slug
    start_s: float
    end_s: float
    clip: Path  # the cached clip file


@dataclass(frozen=True)
class Heard:
    """One clip heard back and compared with its sentence."""

    utterance: Utterance
    heard: str
    comparison: Comparison
    faults: tuple[Fault, ...]
    where: str  # script file and line, or what says it (an episode's opening or closing)


@dataclass
class ListenReport:
    """What `check --listen` found, for the terminal, the review file and tests."""

    heard: list[Heard] = field(default_factory=list)
    listened: int = 0  # clips the recognizer heard in this run (the others came from the cache)
    missing: list[Utterance] = field(default_factory=list)  # sentences whose clip is not in the cache
    not_heard: dict[str, int] = field(default_factory=dict)  # episodes in a language the recognizer has no model for

    @property
    def findings(self) -> list[Heard]:
        return [h for h in self.heard if h.faults]

    def wer_by_episode(self) -> dict[str, float]:
        """Word error rate of each section episode (errors over words, the clips as first heard)."""
        totals: dict[str, list[int]] = {}
        for item in self.heard:
            errors_words = totals.setdefault(item.utterance.episode, [0, 0])
            errors_words[0] += item.comparison.errors
            errors_words[1] += item.comparison.words
        return {slug: errors / max(words, 1) for slug, (errors, words) in totals.items()}


_PAGE_LANGUAGE = re.compile(r'<html[^>]*\slang="([^"]+)"')


def episode_language(folder: Path, slug: str) -> str:
    """An episode's language, as its player page declares it ("" when the page cannot say)."""
    try:
        with (folder / layout.episode_page(slug)).open(encoding="utf-8") as page:
            head = page.read(2048)
    except OSError:
        return ""
    found = _PAGE_LANGUAGE.search(head)
    return found.group(1) if found else ""


def utterances(folder: Path, clips: ClipCache, fingerprint: dict[str, str],
               not_heard: dict[str, int] | None = None) -> tuple[list[Utterance], list[Utterance]]:
    """Every distinct sentence of the folder's episodes (section episodes first), with its cached clip; and
    those whose clip the cache does not hold. Episodes in a language the recognizer has no model for are
    counted in `not_heard` (by language) instead."""
    found, missing, seen = [], [], set()
    transcripts = sorted((folder / layout.TRANSCRIPTS).glob("*.json"), key=lambda p: (p.stem.endswith("--00-full"), p.name))
    for path in transcripts:
        language = primary(episode_language(folder, path.stem))
        if language and language not in recognizer.LANGUAGES:
            if not_heard is not None:
                not_heard[language] = not_heard.get(language, 0) + 1
            continue
        try:
            segments = json.loads(path.read_text(encoding="utf-8"))["segments"]
        except (OSError, ValueError, KeyError, TypeError):
            continue  # the transcript checks report an unreadable transcript
        for segment in segments:
            text = segment.get("body", "") if isinstance(segment, dict) else ""
            if not text or text in seen:
                continue
            seen.add(text)
            key = keys.clip_key(text, fingerprint)
            item = Utterance(text, path.stem, float(segment.get("startTime", 0)), float(segment.get("endTime", 0)),
                             clips.path(key))
            (found if clips.path(key).is_file() else missing).append(item)
    return found, missing


def script_lines(scripts_dir: Path, articles: set[str], audio: AudioConfig) -> dict[str, str]:
    """Where each sentence is written: `path:line` for every sentence of the articles' script files."""
    where: dict[str, str] = {}
    for article in sorted(articles):
        for path in sorted((scripts_dir / article).glob("*.txt")):
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeError):
                continue
            for number, line in enumerate(lines, start=1):
                try:
                    _, segments = parse_script(line, path, audio)
                except InputError:  # the build reports a broken script line; here its sentences are only unplaced
                    continue
                for segment in segments:
                    if isinstance(segment, Sentence):
                        where.setdefault(segment.text, f"{path}:{number}")
    return where


class HeardCache:
    """What the recognizer heard in each clip, by the clip's key and the recognizer (JSON files under heard/)."""

    def __init__(self, root: Path) -> None:
        self.root = root / "heard"
        self.recognizer = {**recognizer.fingerprint(), "pitch": f"{PITCH_RATE}:{FLOOR_HZ}:{CEILING_HZ}"}

    def _path(self, clip: Path) -> Path:
        with open(clip, "rb") as handle:  # the clip cache's checksum chunk ends the file: the samples' sha256
            handle.seek(-32, 2)
            samples = handle.read(32).hex()
        key = keys.heard_key(clip.stem, samples, self.recognizer)
        return self.root / key[:2] / f"{key}.json"

    def get(self, clip: Path) -> tuple[str, float] | None:
        """(words heard, median pitch in Hz), or None when not heard yet (or the entry is unreadable)."""
        path = self._path(clip)
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
            heard, pitch = entry["heard"], float(entry["pitch"])
        except (OSError, ValueError, KeyError, TypeError):
            return None
        touch(path)
        return (heard, pitch) if isinstance(heard, str) else None

    def put(self, clip: Path, heard: str, pitch: float) -> None:
        write_text_atomic(self._path(clip), json.dumps({"heard": heard, "pitch": pitch}) + "\n")


def listen(folder: Path, cache_dir: Path, scripts_dir: Path, fingerprint: dict[str, str], audio: AudioConfig,
           progress: Callable[[str, int, int], None] | None = None) -> ListenReport:
    """Hear every sentence clip of a built folder (the cached result where there is one) and compare."""
    clips = ClipCache(cache_dir)
    not_heard: dict[str, int] = {}
    found, missing = utterances(folder, clips, fingerprint, not_heard)
    heard_cache = HeardCache(cache_dir)
    report = ListenReport(missing=missing, not_heard=not_heard)
    where = script_lines(scripts_dir, {u.episode.split("--")[0] for u in found}, audio)
    results: list[tuple[Utterance, Audio | None, str, float]] = []
    for done, item in enumerate(found):
        if progress:
            progress("listening", done, len(found))
        clip = clips.get(item.clip.stem)
        known = heard_cache.get(item.clip) if clip is not None else ("", 0.0)
        if known is None and clip is not None:
            known = recognizer.hear(clip, item.text), median_pitch(clip)
            heard_cache.put(item.clip, *known)
            report.listened += 1
        results.append((item, clip, *(known or ("", 0.0))))
    if progress:
        progress("", len(found), len(found))
    paces = _paces([item.text for item, *_ in results], [clip for _, clip, *_ in results])
    voiced = [pitch for *_, pitch in results if pitch]
    usual_pitch = float(np.median(voiced)) if len(voiced) >= MIN_CLIPS else 0.0
    sentences = {item.text: spoken_words(item.text) for item, *_ in results}
    for (item, clip, heard, pitch), pace in zip(results, paces):
        comparison = compare(sentences[item.text], heard.split())
        faults = _clip_faults(clip, pace, pitch / usual_pitch if usual_pitch and pitch else 0.0) + list(comparison.faults)
        other, heard_as_other = _other_sentence(item.text, clip, comparison, sentences, where)
        if other is not None:
            faults, heard = [other, *faults], heard_as_other
        report.heard.append(Heard(item, heard, comparison, tuple(faults),
                                  where.get(item.text, "the episode's opening or closing (not in a script)")))
    return report


def _paces(texts: Sequence[str], clips: Sequence[Audio | None]) -> list[float]:
    """Each clip's length against what the folder's other clips take for as many phones (1.0 = as expected;
    0.0 when unknown): a robust line through (phones, seconds) of every clip, so that a few broken clips do
    not move it and short clips' fixed lead-in counts."""
    from scipy.stats import theilslopes

    phones = [sum(len(next(iter(pronunciations(word)), "").split()) for word in spoken_words(text)) for text in texts]
    points = [(n, clip.duration_s) for n, clip in zip(phones, clips) if clip is not None and n]
    if len(points) < MIN_CLIPS:
        return [0.0] * len(texts)
    slope, intercept, _, _ = theilslopes([s for _, s in points], [n for n, _ in points])
    return [clip.duration_s / (intercept + slope * n) if clip is not None and n >= MIN_PACE_PHONES
            and intercept + slope * n > 0 else 0.0 for n, clip in zip(phones, clips)]


def _clip_faults(clip: Audio | None, pace: float, pitch: float) -> list[Fault]:
    """What the clip's own samples show: silence, an end in the middle of a sound, or a pace or pitch far
    from the folder's other clips (`pace`, `pitch`: against the folder's usual; 0 when unknown)."""
    if clip is None:
        return [Fault("unreadable clip", "the cached clip is damaged; build again to make it anew")]
    peak = float(np.max(np.abs(clip.samples))) if len(clip.samples) else 0.0
    if peak <= 10 ** (SILENT_DBFS / 20):
        return [Fault("silence", f"the clip is silent (peak {20 * np.log10(max(peak, 1e-9)):.0f} dBFS)")]
    faults = []
    tail = clip.samples[-max(1, clip.rate * TAIL_MS // 1000):]
    tail_db = 10 * np.log10(max(float(np.mean(tail ** 2)), 1e-18) / max(float(np.mean(clip.samples ** 2)), 1e-18))
    if tail_db > CUT_TAIL_DB:
        faults.append(Fault("cut short", f"the clip stops in the middle of a sound ({tail_db:.0f} dB at its end)"))
    if pace and not FAST <= pace <= SLOW and not faults:  # a cut clip is short, not fast
        faults.append(Fault("wrong speed", f"{pace:.2f} times as long as the other clips take for as many sounds"))
    elif pitch and not LOW_PITCH <= pitch <= HIGH_PITCH:
        faults.append(Fault("wrong speed", f"the voice is {pitch:.2f} times its usual pitch"))
    return faults


def _other_sentence(text: str, clip: Audio | None, comparison: Comparison, sentences: dict[str, list[str]],
                    where: dict[str, str]) -> tuple[Fault | None, str]:
    """A clip that sounds like another sentence of the folder rather than its own: heard again with every
    sentence of the folder possible (only clips that were mostly wrong); the fault and what was heard."""
    if clip is None or comparison.wer <= OTHER_SENTENCE_WER or len(sentences) < 2:
        return None, ""
    heard = recognizer.hear_among(clip, list(sentences)).split()
    rates = {other: compare(words, heard).wer for other, words in sentences.items() if words}
    best = min(rates, key=rates.__getitem__, default=text)
    if best == text or rates[best] > OTHER_SENTENCE_WER or rates[best] >= rates.get(text, 1.0):
        return None, ""
    return Fault("wrong sentence", f"sounds like “{best}” ({where.get(best, 'not in a script')})"), " ".join(heard)
