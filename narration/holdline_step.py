"""The build's hold-line step: scripts spoken at the hold-line pace -> program and renditions, cached by content."""
from __future__ import annotations

import concurrent.futures
import hashlib
import json
from dataclasses import asdict
from pathlib import Path
from typing import Sequence

import numpy as np

from .config import Config
from .models import Audio, Cue, Pause, Script
from .publish.episodes import place
from .publish.holdline_config import HoldlineConfig
from .publish.holdline_manifest import HOLDLINE_DIR, ManifestEntry, write_manifest
from .sentences import split_sentences
from .errors import EngineError
from .ffmpeg import atempo
from .speech import ClipCache, Engine, clip_key
from .speech.synthesize import Job, ProgressHook, SynthesisStats, synthesize_missing

PROGRAM_NAME = "hold-program"
FORMAT_VERSION = 3


def holdline_config(config: Config) -> HoldlineConfig:
    """The publisher's settings from the project's [holdline] table."""
    settings = config.holdline
    return HoldlineConfig(
        target_dbov=settings.target_dbov, program_seconds=settings.program_seconds,
        message_min_seconds=settings.message_min_seconds, message_max_seconds=settings.message_max_seconds,
        gap_seconds=settings.gap_seconds, greeting=settings.greeting, tempo=settings.tempo,
        music_bed=(config.root / settings.music) if settings.music else None,
        sections=tuple(settings.sections),
    )


class HoldPace:
    """Sentences at the slower hold-line pace: the podcast clips time-stretched (no second synthesis),
    cached by the raw clip's key and the tempo."""

    def __init__(self, clips: ClipCache, fingerprint: dict[str, str], tempo: float) -> None:
        self.raw, self.fingerprint, self.tempo = clips, fingerprint, tempo
        self.slow = ClipCache(clips.root / "holdpace")

    def _key(self, text: str) -> str:
        raw = clip_key(text, self.fingerprint)
        return hashlib.sha256(f"{raw}:{self.tempo}:{FORMAT_VERSION}".encode()).hexdigest()

    def get(self, texts: Sequence[str]) -> dict[str, Audio]:
        """Every text at the hold-line pace; the missing ones are stretched now and cached."""
        found = {t: self.slow.get(self._key(t)) for t in dict.fromkeys(texts)}
        missing = [t for t, audio in found.items() if audio is None]
        for text, audio in zip(missing, self._stretch([self._raw(t) for t in missing])):
            found[text] = self.slow.put(self._key(text), audio)
        return {t: a for t, a in found.items() if a is not None}

    def _raw(self, text: str) -> Audio:
        audio = self.raw.get(clip_key(text, self.fingerprint))
        if audio is None:
            raise EngineError(f"clip for {text[:60]!r} vanished from the cache during the build")
        return audio

    def _stretch(self, clips: list[Audio]) -> list[Audio]:
        """Each clip on its own (so a clip never depends on which others were missing), two ffmpeg runs at a time."""
        from .mix import trim_silence
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            return [trim_silence(a) for a in pool.map(lambda clip: atempo(trim_silence(clip), self.tempo), clips)]


def _section_audio(script: Script, clip: dict[str, Audio], gap_ms: int) -> tuple[Audio, tuple[Cue, ...]]:
    """A section read at the hold-line pace: sentences with gaps, paragraph pauses kept; cues for splitting."""
    rate = next(iter(clip.values())).rate
    pieces: list[np.ndarray] = []
    cues: list[Cue] = []
    position = 0
    previous_spoken = False
    for segment in script.segments:
        if isinstance(segment, Pause):
            piece, previous_spoken = np.zeros(int(rate * segment.ms / 1000), np.float32), False
        else:
            if previous_spoken:
                gap = np.zeros(int(rate * gap_ms / 1000), np.float32)
                pieces.append(gap)
                position += len(gap)
            piece, previous_spoken = clip[segment.text].samples, True
            cues.append(Cue(round(position * 1000 / rate), round((position + len(piece)) * 1000 / rate), segment.text))
        pieces.append(piece)
        position += len(piece)
    return Audio(np.concatenate(pieces), rate), tuple(cues)


def write_holdline(config: Config, scripts: Sequence[Script], out_dir: Path, cache_dir: Path, engine: Engine,
                   progress: ProgressHook | None = None) -> SynthesisStats:
    """Hold-line files from the podcast voice's clips (only the greeting is synthesized, once), slowed to the
    hold-line pace; the renditions are cached by content and written under out_dir with their manifest."""
    settings = holdline_config(config)
    spoken = [s for s in scripts if s.sentences]
    greeting = [s for s in split_sentences(settings.greeting) if s.strip()]
    texts = greeting + [sentence.text for script in spoken for sentence in script.sentences]
    clips = ClipCache(cache_dir)
    stats = synthesize_missing([Job(t, "hold line") for t in texts], engine, clips, config.speech.timeout_seconds, progress)
    fingerprint = engine.fingerprint()
    key = hashlib.sha256(json.dumps({
        "format": FORMAT_VERSION, "clips": [clip_key(t, fingerprint) for t in texts],
        "scripts": [(s.slug, s.role, [repr(x) for x in s.segments]) for s in spoken],
        "config": asdict(settings), "music": _file_hash(settings.music_bed),
    }, sort_keys=True, default=str).encode()).hexdigest()
    cached = cache_dir / "holdline" / key
    if not (cached / "entries.json").exists():
        paced = HoldPace(clips, fingerprint, settings.tempo).get(texts)
        _render(settings, greeting, spoken, paced, cached)
    entries = [ManifestEntry(**e) for e in json.loads((cached / "entries.json").read_text(encoding="utf-8"))]
    for entry in entries:
        place(cached / HOLDLINE_DIR / entry.file, out_dir / HOLDLINE_DIR / entry.file)
    write_manifest(entries, out_dir)
    return stats


def _render(settings: HoldlineConfig, greeting: list[str], scripts: list[Script], paced: dict[str, Audio],
            target: Path) -> None:
    """Make the program (body sections) and every section's renditions into a cache folder
    (entries.json is written last, so an entry is complete or absent)."""
    from .publish.holdline import build_program, program_cues, program_text, write_renditions  # signal processing

    def audio(text: str) -> Audio:
        return paced[text]

    staging = target.with_name(target.name + ".partial")
    import shutil

    shutil.rmtree(staging, ignore_errors=True)
    sections = [(s.slug, [(x.text, audio(x.text)) for x in s.sentences]) for s in scripts if s.role == "body"]
    program, placements = build_program([(g, audio(g)) for g in greeting], sections, settings)
    entries = write_renditions(PROGRAM_NAME, program, program_text(placements), staging, settings,
                               program_cues(placements), loop=True)
    for script in scripts:
        clip = {x.text: audio(x.text) for x in script.sentences}
        section_audio, cues = _section_audio(script, clip, settings.sentence_gap_ms)
        entries += write_renditions(script.slug, section_audio, script.text, staging, settings, cues)
    (staging / "entries.json").write_text(json.dumps([asdict(e) for e in entries]), encoding="utf-8")
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)


def _file_hash(path: Path | None) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path and path.is_file() else ""
