"""The hold-line cache: one folder per rendered item, checked by sha256 like the clip cache; a bad entry is a miss.

<root>/holdline/<key>/holdline/... holds an item's renditions and <key>/entries.json their manifest entries with
each file's sha256 (written last). Builds sharing the cache each render into a private folder and move it into
place whole, so a reader never meets a half-made entry and two writers never share a temporary name.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import uuid
from dataclasses import asdict, fields
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from narration.atomic import write_text_atomic
from narration.cache.keys import file_sha
from narration.cache.usage import touch
from narration.publish.holdline.manifest import HOLDLINE_DIR, ManifestEntry

if TYPE_CHECKING:
    from narration.build.carry import Carrier

ENTRIES = "entries.json"
CHUNK = 1 << 20
_FIELDS = {f.name for f in fields(ManifestEntry)}


def _copy_hashed(source: Path, target: Path) -> str:
    """Copy a regular file and return the sha256 of exactly the bytes copied (one read does both)."""
    digest = hashlib.sha256()
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(source, "rb") as src, open(target, "wb") as dst:
        while chunk := src.read(CHUNK):
            digest.update(chunk)
            dst.write(chunk)
    return digest.hexdigest()


def _records(folder: Path) -> list[tuple[ManifestEntry, str]] | None:
    """The entry's files with their recorded checksums; None when entries.json is missing or unreadable."""
    try:
        data = json.loads((folder / ENTRIES).read_text(encoding="utf-8"))
        records = [(ManifestEntry(**{k: v for k, v in item.items() if k in _FIELDS}), str(item["sha256"]))
                   for item in data]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if any(Path(entry.file).is_absolute() or ".." in Path(entry.file).parts for entry, _ in records):
        return None  # an index naming files outside its own folder is not one we wrote
    return records


class HoldlineCache:
    """Rendered hold-line items by content key, shared by every build of a project (even at the same time)."""

    def __init__(self, cache_dir: Path, carrier: Carrier | None = None) -> None:
        self.root = cache_dir / "holdline"
        self.carrier = carrier  # the build's: files the previous output published as they are are linked from it

    def publish(self, key: str, out_dir: Path) -> list[ManifestEntry] | None:
        """Copy a cached item into out_dir/holdline/, checking every file as it is copied (or link the previous
        output's copy of it); None on a miss (and nothing of it left in out_dir)."""
        published = _publish_from(self.root / key, out_dir, self.carrier)
        if published is not None:
            touch(self.root / key / "entries.json")
        return published

    def make(self, key: str, render: Callable[[Path], list[ManifestEntry]], out_dir: Path) -> list[ManifestEntry]:
        """Render an item into a private folder, publish it from there, then move it into the cache."""
        self.root.mkdir(parents=True, exist_ok=True)
        private = Path(tempfile.mkdtemp(prefix=f".{key}.", suffix=".partial", dir=self.root))
        os.chmod(private, 0o755)  # as readable as the rest of the cache (mkdtemp makes it private to us)
        try:
            entries = render(private)
            records = [{**asdict(e), "sha256": _copy_hashed(private / HOLDLINE_DIR / e.file, out_dir / HOLDLINE_DIR / e.file)}
                       for e in entries]
            if self.carrier is not None:
                for record in records:
                    self.carrier.note(str(record["sha256"]), out_dir, f"{HOLDLINE_DIR}/{record['file']}")
            write_text_atomic(private / ENTRIES, json.dumps(records))
            self._install(private, key)
        finally:
            shutil.rmtree(private, ignore_errors=True)
        return entries

    def _install(self, private: Path, key: str) -> None:
        """Move a finished entry into place; an intact entry already there (another build's) is left alone,
        a damaged one is moved aside first."""
        folder = self.root / key
        try:
            os.rename(private, folder)
            return
        except OSError:
            if _intact(folder):
                return
        aside = self.root / f".{key}.{uuid.uuid4().hex}.old"
        try:
            os.rename(folder, aside)
            os.rename(private, folder)
        except OSError:
            pass  # another build installed its copy meanwhile: as good as ours
        if aside.is_dir() and not aside.is_symlink():
            shutil.rmtree(aside, ignore_errors=True)
        else:
            aside.unlink(missing_ok=True)


def _intact(folder: Path) -> bool:
    """Every file of the entry matches its recorded checksum."""
    records = _records(folder)
    try:
        return records is not None and all(file_sha(folder / HOLDLINE_DIR / e.file) == sha for e, sha in records)
    except OSError:
        return False


def _publish_from(folder: Path, out_dir: Path, carrier: Carrier | None = None) -> list[ManifestEntry] | None:
    """Copy an entry's files into out_dir when each matches its checksum (or link the previous output's intact
    copy); otherwise remove what was copied."""
    records = _records(folder)
    if records is None:
        return None
    copied: list[Path] = []
    try:
        for entry, sha in records:
            relative = f"{HOLDLINE_DIR}/{entry.file}"
            target = out_dir / relative
            copied.append(target)
            if carrier is not None and carrier.link(sha, out_dir, relative):
                continue
            if _copy_hashed(folder / HOLDLINE_DIR / entry.file, target) != sha:
                raise ValueError(entry.file)
            if carrier is not None:
                carrier.note(sha, out_dir, relative)
    except (OSError, ValueError):
        for path in copied:
            path.unlink(missing_ok=True)
        return None
    return [entry for entry, _ in records]
