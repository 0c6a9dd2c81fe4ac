"""Episode MP3 files with their tags, joined from encoded segments; both cached by a hash of what decides their bytes."""
from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Container, Sequence

from narration.atomic import atomic_path, write_text_atomic
from narration.audio.ffmpeg import encode_mp3
from narration.models import Chapter, Cue, Mixdown
from narration.audio.mp3 import CODEC_DELAY, count_frames, samples_per_frame
from narration.cache.keys import file_sha
from narration.cache.usage import touch
from narration.publish.tags import write_tags


@dataclass(frozen=True)
class EpisodeAudio:
    """A finished, tagged MP3 in the cache and the timeline of its sentences."""

    mp3: Path
    duration_ms: int
    cues: tuple[Cue, ...]
    bytes: int
    sha256: str = ""


@dataclass(frozen=True)
class TagInfo:
    """ID3 values of an episode."""

    title: str
    artist: str
    album: str
    track: int
    year: int
    genre: str
    comment: str
    cover: Path | None
    chapters: tuple[Chapter, ...] = ()


@dataclass(frozen=True)
class EncodedSegment:
    """One segment of an episode as bare MP3 frames (no tags, no Info header) and its sentence timeline."""

    mp3: Path
    frames: int
    cues: tuple[Cue, ...]  # relative to the segment's first mixed sample


def _read_entry(meta_path: Path, mp3: Path, unread: Container[str] = ()) -> dict | None:  # type: ignore[type-arg]
    """The entry's metadata when its MP3 is whole (size and sha256 as recorded); anything else is a miss. An MP3
    whose sha256 is in `unread` is not read (its bytes are published from elsewhere)."""
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if meta["sha256"] in unread:
            return meta  # type: ignore[no-any-return]
        if mp3.stat().st_size != meta["bytes"] or file_sha(mp3) != meta["sha256"]:
            return None
        return meta  # type: ignore[no-any-return]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_meta(meta_path: Path, mp3: Path, **fields: object) -> dict[str, object]:
    """The metadata of a finished MP3, written after it (an entry without it is incomplete, hence a miss)."""
    meta = {"bytes": mp3.stat().st_size, "sha256": file_sha(mp3), **fields}
    write_text_atomic(meta_path, json.dumps(meta))
    return meta


class SegmentCache:
    """<root>/segments/<key>.mp3 + <key>.json: mixed and encoded segments, shared between episodes."""

    def __init__(self, root: Path) -> None:
        self.root = root / "segments"

    def get(self, key: str) -> EncodedSegment | None:
        mp3 = self.root / f"{key}.mp3"
        meta = _read_entry(self.root / f"{key}.json", mp3)
        if meta is None:
            return None
        touch(self.root / f"{key}.json")
        try:
            return EncodedSegment(mp3, int(meta["frames"]), tuple(Cue(**cue) for cue in meta["cues"]))
        except (KeyError, TypeError, ValueError):
            return None

    def make(self, key: str, render: Callable[[], Mixdown], bitrate: str, rate: int) -> EncodedSegment:
        """Mix and encode a segment into the cache."""
        mix = render()
        mp3 = self.root / f"{key}.mp3"
        with atomic_path(mp3) as tmp:
            encode_mp3(mix.chunks(), mix.rate, tmp, bitrate=bitrate, out_rate=rate)
            frames = count_frames(tmp)
        _write_meta(self.root / f"{key}.json", mp3, frames=frames, cues=[cue.__dict__ for cue in mix.cues])
        return EncodedSegment(mp3, frames, mix.cues)


def join_timeline(segments: Sequence[EncodedSegment], rate: int) -> tuple[tuple[Cue, ...], int]:
    """The cues of joined segments on the episode's clock, and its duration in ms (whole frames, as decoded).

    The closing words stay on screen through the closing chime: the transcript covers the whole audio."""
    cues: list[Cue] = []
    position = 0  # in samples
    for segment in segments:
        shift = round((position + CODEC_DELAY) * 1000 / rate)
        cues += [replace(cue, start_ms=cue.start_ms + shift, end_ms=cue.end_ms + shift) for cue in segment.cues]
        position += segment.frames * samples_per_frame(rate)
    duration_ms = position * 1000 // rate
    if cues:
        cues[-1] = replace(cues[-1], end_ms=duration_ms)
    return tuple(cues), duration_ms


class EpisodeCache:
    """<root>/episodes/<key>/audio.mp3 + timeline.json; an incomplete entry is a miss."""

    def __init__(self, root: Path) -> None:
        self.root = root / "episodes"

    def get(self, key: str, unread: Container[str] = ()) -> EpisodeAudio | None:
        """The cached episode, verified whole unless its sha256 is in `unread` (published bytes that a rebuild
        carries over instead of reading the cache's copy)."""
        folder = self.root / key
        mp3 = folder / "audio.mp3"
        meta = _read_entry(folder / "timeline.json", mp3, unread)
        if meta is None:
            return None
        touch(folder / "timeline.json")
        try:
            return EpisodeAudio(mp3, int(meta["duration_ms"]), tuple(Cue(**cue) for cue in meta["cues"]), meta["bytes"],
                                meta["sha256"])
        except (KeyError, TypeError, ValueError):
            return None

    def make(self, key: str, segments: Sequence[EncodedSegment], rate: int, tags: TagInfo,
             chapters_for: Callable[[tuple[Cue, ...], int], tuple[Chapter, ...]] | None = None) -> EpisodeAudio:
        """Join encoded segments frame by frame and tag the result into the cache (the timeline is written last)."""
        cues, duration_ms = join_timeline(segments, rate)
        chapters = chapters_for(cues, duration_ms) if chapters_for else tags.chapters
        mp3 = self.root / key / "audio.mp3"
        with atomic_path(mp3) as tmp:
            with tmp.open("wb") as out:
                for segment in segments:
                    with segment.mp3.open("rb") as part:
                        shutil.copyfileobj(part, out)
            write_tags(tmp, title=tags.title, artist=tags.artist, album=tags.album, track=tags.track,
                       year=tags.year, genre=tags.genre, comment=tags.comment, cover=tags.cover, chapters=chapters)
        meta = _write_meta(self.root / key / "timeline.json", mp3, duration_ms=duration_ms,
                           cues=[cue.__dict__ for cue in cues])
        return EpisodeAudio(mp3, duration_ms, cues, meta["bytes"], meta["sha256"])


def place(source: Path, target: Path) -> None:
    """Copy a cached file into the staging folder (a copy, not a link: damage to the cache can never reach
    published files)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
