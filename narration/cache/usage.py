"""How big the cache is and what no current build uses, so it can be cleaned (`build_audio.py cache --prune`).

Keys decide what is rebuilt (see keys.py), never times. Times only say what is still in use: every build
touches each entry it reads, and records when it started for its output folder; an entry that no recorded
build touched since it started is used by no current script, and pruning removes it. Several outputs may
share one cache: an entry goes only when the oldest of their latest builds did not use it.
"""
from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from narration.atomic import write_text_atomic

BUILDS = "builds.json"


@dataclass(frozen=True)
class Entry:
    """One cache entry: the file whose time says when it was last used, and everything it consists of."""

    kind: str
    marker: Path
    parts: tuple[Path, ...]

    @property
    def size(self) -> int:
        return sum(_size(p) for p in self.parts)


def touch(path: Path) -> None:
    """Mark a cache entry as used by this build (a read-only or vanished entry is simply not marked)."""
    try:
        os.utime(path)
    except OSError:
        pass


def record_build(cache_dir: Path, output: Path, started: float) -> None:
    """Remember when the latest build of `output` started: entries it used are at least that recent."""
    builds = _builds(cache_dir)
    builds[str(output.resolve())] = started
    write_text_atomic(cache_dir / BUILDS, json.dumps(builds, indent=1, sort_keys=True) + "\n")


def entries(cache_dir: Path) -> Iterator[Entry]:
    """Every entry of every kind of cache under `cache_dir` (see keys.py for what each depends on)."""
    for kind in ("clips", "prepared/clips", "holdpace/clips"):
        for wav in (cache_dir / kind).glob("*/*.wav"):
            yield Entry(kind.split("/")[0], wav, (wav,))
    for meta in (cache_dir / "segments").glob("*.json"):
        yield Entry("segments", meta, (meta, meta.with_suffix(".mp3")))
    for kind, marker in (("episodes", "timeline.json"), ("holdline", "entries.json")):
        for folder in (cache_dir / kind).glob("*"):
            if folder.is_dir() and not folder.name.startswith("."):
                yield Entry(kind, folder / marker, (folder,))
    for cover in (cache_dir / "covers").glob("*.png"):
        yield Entry("covers", cover, (cover,))
    for level in (cache_dir / "readability").glob("*.json"):
        yield Entry("readability", level, (level,))
    for scripts in (cache_dir / "generated").glob("*.json"):
        yield Entry("generated", scripts, (scripts,))
    for meta in (cache_dir / "fetched").glob("*.json"):  # web pages, feeds and sitemaps kept for revalidation
        yield Entry("fetched", meta, (meta, meta.with_suffix(".body")))


def survey(cache_dir: Path) -> dict[str, tuple[int, int]]:
    """(entries, bytes) per kind of cache."""
    found: dict[str, tuple[int, int]] = {}
    for entry in entries(cache_dir):
        count, size = found.get(entry.kind, (0, 0))
        found[entry.kind] = (count + 1, size + entry.size)
    return found


def prune(cache_dir: Path) -> tuple[int, int] | None:
    """Remove the entries no current build used, and leftovers of killed builds; (entries, bytes) removed, or
    None when no build of an existing output is recorded (then nothing says what is in use)."""
    builds = {out: started for out, started in _builds(cache_dir).items() if Path(out).is_dir()}
    if not builds:
        return None
    cutoff = min(builds.values())
    removed = freed = 0
    for entry in list(entries(cache_dir)):
        if _mtime(entry.marker) < cutoff:
            freed += entry.size
            removed += 1
            for part in entry.parts:
                _remove(part)
    for leftover in [*cache_dir.rglob("*.partial"), *cache_dir.rglob(".*.tmp")]:
        if _mtime(leftover) < cutoff - 3600:  # a killed build's half-written entry, not a running build's
            freed += _size(leftover)
            _remove(leftover)
    return removed, freed


def _builds(cache_dir: Path) -> dict[str, float]:
    try:
        data = json.loads((cache_dir / BUILDS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: float(v) for k, v in data.items() if isinstance(v, (int, float))} if isinstance(data, dict) else {}


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0  # an entry without its marker is incomplete: nothing uses it


def _size(path: Path) -> int:
    if path.is_dir() and not path.is_symlink():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
