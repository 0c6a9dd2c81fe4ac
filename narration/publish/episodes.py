"""Episode MP3 files with their tags, cached by a hash of everything that decides their bytes."""
from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..atomic import atomic_path, write_text_atomic
from ..ffmpeg import encode_mp3
from ..models import Chapter, Cue, Mixdown
from .tags import write_tags

FORMAT_VERSION = 1


@dataclass(frozen=True)
class EpisodeAudio:
    """A finished, tagged MP3 in the cache and the timeline of its sentences."""

    mp3: Path
    duration_ms: int
    cues: tuple[Cue, ...]
    bytes: int


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


def episode_key(parts_key: str, settings: dict[str, object], tags: TagInfo) -> str:
    """Hash of the mix input (clip keys and pauses), the audio settings and the tags."""
    cover_hash = hashlib.sha256(tags.cover.read_bytes()).hexdigest() if tags.cover else ""
    payload = json.dumps({"format": FORMAT_VERSION, "parts": parts_key, "settings": settings,
                          "tags": [tags.title, tags.artist, tags.album, tags.track, tags.year, tags.genre,
                                   tags.comment, cover_hash, [(c.start_ms, c.end_ms, c.title) for c in tags.chapters]]},
                         sort_keys=True, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class EpisodeCache:
    """<root>/episodes/<key>/audio.mp3 + timeline.json; an incomplete entry is a miss."""

    def __init__(self, root: Path) -> None:
        self.root = root / "episodes"

    def get(self, key: str) -> EpisodeAudio | None:
        folder = self.root / key
        try:
            meta = json.loads((folder / "timeline.json").read_text(encoding="utf-8"))
            mp3 = folder / "audio.mp3"
            size = mp3.stat().st_size
            if size != meta["bytes"] or hashlib.sha256(mp3.read_bytes()).hexdigest() != meta["sha256"]:
                return None
            cues = tuple(Cue(**cue) for cue in meta["cues"])
            return EpisodeAudio(mp3, int(meta["duration_ms"]), cues, size)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def make(self, key: str, render: Callable[[], Mixdown], bitrate: str, rate: int, tags: TagInfo,
             chapters_for: Callable[[Mixdown], tuple[Chapter, ...]] | None = None) -> EpisodeAudio:
        """Render, encode and tag an episode into the cache (the timeline is written last)."""
        folder = self.root / key
        folder.mkdir(parents=True, exist_ok=True)
        mix = render()
        chapters = chapters_for(mix) if chapters_for else tags.chapters
        mp3 = folder / "audio.mp3"
        with atomic_path(mp3) as tmp:
            encode_mp3(mix.chunks(), mix.rate, tmp, bitrate=bitrate, out_rate=rate)
            write_tags(tmp, title=tags.title, artist=tags.artist, album=tags.album, track=tags.track,
                       year=tags.year, genre=tags.genre, comment=tags.comment, cover=tags.cover, chapters=chapters)
        data = mp3.read_bytes()
        meta = {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest(), "duration_ms": mix.duration_ms,
                "cues": [cue.__dict__ for cue in mix.cues]}
        write_text_atomic(folder / "timeline.json", json.dumps(meta))
        return EpisodeAudio(mp3, mix.duration_ms, mix.cues, len(data))


def place(source: Path, target: Path) -> None:
    """Copy a cached file into the staging folder (a copy, not a link: damage to the cache can never reach
    published files)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
