"""Transcripts (WebVTT, SRT, Podcasting 2.0 JSON) and JSON chapters, timed from the mix timeline."""
from __future__ import annotations

import json
import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from narration.models import Chapter, Cue, PublishedEpisode
from narration.publish import layout

LINE_CHARS = 65  # a caption line people can read at a glance (and what players wrap to anyway)
CUE_LINES = 2
TRANSCRIPT_VERSION = "1.0.0"  # Podcasting 2.0 JSON transcript format


@dataclass(frozen=True)
class Caption:
    """A caption as shown on screen: at most two short lines for a slice of one sentence's time."""

    start_ms: int
    end_ms: int
    lines: tuple[str, ...]


def captions(cues: Sequence[Cue]) -> list[Caption]:
    """Split each sentence into captions of at most two lines, sharing its time in proportion to length."""
    result: list[Caption] = []
    for cue in cues:
        words = " ".join(cue.text.split())
        if not words:
            continue
        layout = _layout(words)
        pieces = [" ".join(lines) for lines in layout]
        start, end = cue.start_ms, max(cue.end_ms, cue.start_ms + len(pieces))
        total = sum(len(piece) for piece in pieces)
        done = 0
        for piece, lines in zip(pieces, layout):
            piece_start = start + math.floor((end - start) * done / total)
            done += len(piece)
            piece_end = start + math.floor((end - start) * done / total)
            result.append(Caption(piece_start, piece_end, tuple(lines)))
    return result


def to_vtt(cues: Sequence[Cue]) -> str:
    """The captions file (WebVTT) for players and the web page."""
    blocks = ["WEBVTT"]
    for caption in captions(cues):
        times = f"{_timestamp(caption.start_ms, '.')} --> {_timestamp(caption.end_ms, '.')}"
        blocks.append("\n".join([times, *(_vtt_escape(line) for line in caption.lines)]))
    return "\n\n".join(blocks) + "\n"


def to_srt(cues: Sequence[Cue]) -> str:
    """SubRip captions, the one format every caption tool and older player reads."""
    blocks = []
    for number, caption in enumerate(captions(cues), start=1):
        times = f"{_timestamp(caption.start_ms, ',')} --> {_timestamp(caption.end_ms, ',')}"
        blocks.append("\n".join([str(number), times, *caption.lines]))
    return "\n\n".join(blocks) + "\n"


def to_json(cues: Sequence[Cue], speaker: str | None = None) -> str:
    """Podcasting 2.0 JSON transcript: one segment per spoken sentence, times in seconds."""
    segments = []
    for cue in cues:
        body = " ".join(cue.text.split())
        if not body:
            continue
        segment: dict[str, object] = {"startTime": _seconds(cue.start_ms), "endTime": _seconds(cue.end_ms)}
        if speaker:
            segment["speaker"] = speaker
        segment["body"] = body
        segments.append(segment)
    return _dump({"version": TRANSCRIPT_VERSION, "segments": segments})


def chapters_json(chapters: Sequence[Chapter], title: str | None = None) -> str:
    """Podcasting 2.0 JSON chapters (the same marks as the ID3 chapters inside the MP3)."""
    document: dict[str, object] = {"version": layout.CHAPTERS_VERSION}
    if title:
        document["title"] = title
    document["chapters"] = [
        {"startTime": _seconds(c.start_ms), "endTime": _seconds(c.end_ms), "title": c.title} for c in chapters
    ]
    return _dump(document)


def _layout(text: str) -> list[list[str]]:
    """The fewest two-line captions for a sentence, with lines as even as the words allow (no one-word tails)."""
    if len(text) <= LINE_CHARS:
        return [[text]]
    lines = _wrap(text, LINE_CHARS)
    count = math.ceil(len(lines) / CUE_LINES)
    for width in range(math.ceil(len(text) / (count * CUE_LINES)), LINE_CHARS):
        narrower = _wrap(text, width)
        if len(narrower) <= count * CUE_LINES:
            lines = narrower
            break
    return [lines[i : i + CUE_LINES] for i in range(0, len(lines), CUE_LINES)]


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_on_hyphens=False)


def _timestamp(ms: int, decimal: str) -> str:
    hours, rest = divmod(max(ms, 0), 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{decimal}{millis:03d}"


def _vtt_escape(line: str) -> str:
    return line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _seconds(ms: int) -> float:
    return round(ms / 1000, 3)


def _dump(document: dict[str, object]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def write_episode_files(out_dir: Path, episode: PublishedEpisode) -> None:
    """transcripts/<slug>.vtt|.srt|.json and, for chaptered episodes, chapters/<slug>.json."""
    slug = episode.info.slug
    folder = out_dir / layout.TRANSCRIPTS
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{slug}.vtt").write_text(to_vtt(episode.cues), encoding="utf-8")
    (folder / f"{slug}.srt").write_text(to_srt(episode.cues), encoding="utf-8")
    (folder / f"{slug}.json").write_text(to_json(episode.cues), encoding="utf-8")
    if episode.info.chapters:
        (out_dir / layout.CHAPTERS).mkdir(exist_ok=True)
        (out_dir / layout.chapters(slug)).write_text(
            chapters_json(episode.info.chapters, episode.info.title), encoding="utf-8")
