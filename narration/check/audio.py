"""Checks of the episode MP3s: decoded duration, loudness and true peak, ID3 tags and chapters."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from mutagen import MutagenError
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from narration.config import Config
from narration.errors import AudioToolError
from narration.audio.ffmpeg import decode
from narration.audio.loudness import integrated_lufs, true_peak_dbtp
from narration.publish.tags import COVER_TYPES, read_chapters
from narration.check.base import Episode, Levels, Measured, NS, Problem, LEVELS
from narration.check.transcripts import CUE_END_TOLERANCE_S
from narration.publish import layout


LOUDNESS_TOLERANCE_LU = 1.0

PEAK_ROUNDING_DB = 0.005  # measurement noise, far below anything audible

DURATION_TOLERANCE_S = 1.0


def check_mp3(root: Path, relative: str, config: Config, problems: list[Problem]) -> Measured:
    """Format, tags, loudness and true peak of one episode, decoding it once."""
    path = root / relative
    try:
        mp3 = MP3(path)
    except MutagenError as err:
        problems.append(Problem(relative, f"not a readable MP3: {err}"))
        return Measured(None, None)
    info, audio = mp3.info, config.audio
    found: list[str] = []
    if info.channels != 1:
        found.append(f"has {info.channels} channels: episodes must be mono")
    if info.sample_rate != audio.sample_rate:
        found.append(f"sample rate {info.sample_rate} Hz, configured {audio.sample_rate} Hz")
    if round(info.bitrate / 1000) != int(audio.bitrate.rstrip("k")):
        found.append(f"bitrate {round(info.bitrate / 1000)} kbps, configured {audio.bitrate}")
    found += _tag_problems(mp3.tags)
    duration = None
    try:
        levels = measure_levels(path, info.sample_rate)
    except AudioToolError as err:
        found.append(f"cannot be decoded: {err}")
    else:
        duration = levels.duration_s
        if not abs(levels.lufs - audio.loudness_lufs) <= LOUDNESS_TOLERANCE_LU:
            found.append(f"integrated loudness {levels.lufs:.1f} LUFS, target {audio.loudness_lufs:g} "
                         f"± {LOUDNESS_TOLERANCE_LU:g} LU")
        if levels.true_peak_dbtp > audio.true_peak_dbtp + PEAK_ROUNDING_DB:
            found.append(f"true peak {levels.true_peak_dbtp:.2f} dBTP is above {audio.true_peak_dbtp:g} dBTP")
    problems += [Problem(relative, message) for message in found]
    return Measured(duration, mp3.tags)

def measure_levels(path: Path, rate: int) -> Levels:
    """Decode an MP3 once at its own rate and measure length, integrated loudness and true peak."""
    key = (hashlib.sha256(path.read_bytes()).hexdigest(), rate)
    if key not in LEVELS:
        audio = decode(path, rate=rate)
        LEVELS[key] = Levels(audio.duration_s, integrated_lufs(audio), true_peak_dbtp(audio))
    return LEVELS[key]

def _tag_problems(tags: ID3 | None) -> list[str]:
    if tags is None:
        return ["has no ID3 tags"]
    missing = [name for frame, name in REQUIRED_ID3.items()
               if not any(str(f).strip() or frame == "APIC" for f in tags.getall(frame))]
    found = [f"ID3 tags lack {', '.join(missing)}"] if missing else []
    for picture in tags.getall("APIC"):
        kind = next((mime for magic, mime in COVER_TYPES.items() if picture.data.startswith(magic)), None)
        if kind is None or kind != picture.mime:
            found.append(f"ID3 cover art is {picture.mime!r} but its data is {kind or 'not PNG or JPEG'}")
    return found

def is_full(root: Path, episode: Episode, measured: Measured) -> bool:
    """A full-article episode shows itself by any of its chapter marks: JSON file, feed link or ID3 CTOC."""
    return ((root / layout.chapters(episode.slug)).is_file()
            or (episode.item is not None and episode.item.find("podcast:chapters", NS) is not None)
            or (measured.tags is not None and bool(measured.tags.getall("CTOC"))))

def chapter_problems(root: Path, slug: str, measured: Measured) -> list[Problem]:
    """chapters/<slug>.json is valid Podcasting 2.0 chapters and matches the MP3's CTOC/CHAP frames."""
    relative = layout.chapters(slug)
    try:
        document = json.loads((root / relative).read_text(encoding="utf-8"))
        marks = [(round(c["startTime"] * 1000), round(c["endTime"] * 1000), c["title"]) for c in document["chapters"]]
    except FileNotFoundError:
        return [Problem(relative, "missing: the full-article episode needs its chapters file")]
    except (ValueError, KeyError, TypeError) as err:
        return [Problem(relative, f"not a Podcasting 2.0 chapters file: {err!r}")]
    problems = []
    if str(document.get("version", "")).split(".")[:2] != layout.CHAPTERS_VERSION.split(".")[:2]:
        problems.append(Problem(relative, f"version must be {layout.CHAPTERS_VERSION}"))
    starts = [start for start, _, _ in marks]
    if not marks or starts != sorted(starts) or not all(title.strip() for _, _, title in marks):
        problems.append(Problem(relative, "chapters must be non-empty, titled and in time order"))
    elif measured.duration_s is not None and marks[-1][1] > measured.duration_s * 1000 + CUE_END_TOLERANCE_S * 1000:
        problems.append(Problem(relative, f"last chapter ends after the audio ({measured.duration_s:.1f} s)"))
    if measured.tags is not None:
        id3 = read_chapters(measured.tags)
        if id3 is None:
            problems.append(Problem(layout.episode_mp3(slug), "full-article episode has no top-level ID3 CTOC with CHAP frames"))
        elif id3 != marks:
            problems.append(Problem(layout.episode_mp3(slug), f"ID3 chapters {id3} differ from {relative} {marks}"))
    return problems

REQUIRED_ID3 = {"TIT2": "title", "TPE1": "artist", "TALB": "album", "TRCK": "track", "TDRC": "year",
                "TCON": "genre", "COMM": "comment", "APIC": "cover art"}
