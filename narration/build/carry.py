"""Files a rebuild publishes unchanged (episodes, hold-line renditions, talking books) are carried from the previous
output by a hard link, not copied again from the cache or made again, and the cache copies of those episodes
are not read: a rebuild of a large library then writes only what changed (audio is most of its bytes).

The cache remembers each output's files as they were published (cache/published/<output>.json): the identity of
their bytes (the sha256 the cache recorded when an episode or rendition was made; for a book, the sha256 of
what it is zipped from), their size, modification time and change time. A published file whose size and times
still match holds the bytes it was published with (a file changed in place has a new change time, even when a
tool puts its modification time back), so a new file with the same identity is that file; anything else is
copied from the cache, where its bytes are verified. Linking a file changes its change time too: after the
hold-line command, or a backup made of hard links, the next build copies once. The record lives in the cache,
not in the output, so that what is published does not depend on when it was written."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from narration.atomic import write_text_atomic
from narration.cache.keys import file_sha
from narration.errors import NarrationError
from narration.publish.episodes import EpisodeAudio, place


class Carrier:
    """The previous output's intact files by content, and what this build publishes (for the next one)."""

    def __init__(self, output: Path, cache_dir: Path) -> None:
        self.output = output
        name = hashlib.sha256(str(output.resolve()).encode()).hexdigest()[:16]
        self.record = cache_dir / "published" / f"{name}.json"
        # identity -> the published files holding those bytes: relative path, size and modification time of each
        self.intact: dict[str, list[tuple[str, int, int]]] = {}
        self.published: dict[str, tuple[str, int, int]] = {}  # relative path -> identity, size, time, as placed
        for relative, entry in self._recorded().items():
            try:
                sha, size, mtime_ns, ctime_ns = entry
                status = (output / relative).stat()
            except (OSError, TypeError, ValueError):
                continue
            if isinstance(sha, str) and (status.st_size, status.st_mtime_ns, status.st_ctime_ns) == (size, mtime_ns,
                                                                                                     ctime_ns):
                self.intact.setdefault(sha, []).append((relative, size, mtime_ns))

    def _recorded(self) -> dict[str, object]:
        try:
            data = json.loads(self.record.read_text(encoding="utf-8"))
            return data["files"] if data.get("output") == str(self.output.resolve()) else {}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return {}  # no record, or a damaged one: everything is copied

    def link(self, sha: str, staging: Path, relative: str) -> bool:
        """Link the previous output's file holding these bytes into the stage at `relative` (the file at the same
        path, where it is one); False when there is none or it changed since the build looked (the caller then
        makes the file, or copies it from the cache, verifying it)."""
        holding = self.intact.get(sha, []) if sha else []
        for carried, size, mtime_ns in sorted(holding, key=lambda held: held[0] != relative):
            if _carry(self.output / carried, staging / relative, (size, mtime_ns)):
                self.note(sha, staging, relative)
                return True
        return False

    def note(self, sha: str, staging: Path, relative: str) -> None:
        """Remember a file of the stage as published with these bytes."""
        status = (staging / relative).stat()
        self.published[relative] = (sha, status.st_size, status.st_mtime_ns)

    def place(self, made: EpisodeAudio, staging: Path, relative: str) -> None:
        """An episode's MP3 into the stage: linked from the previous output when it published the same bytes and
        the file is still as it was published, else copied from the cache (verified, if the build did not read it)."""
        if self.link(made.sha256, staging, relative):
            return
        if made.sha256 in self.intact:
            _verified_copy(made, staging / relative)
        else:
            place(made.mp3, staging / relative)
        self.note(made.sha256, staging, relative)

    def save(self) -> None:
        """Remember what the output now holds (after the swap: a failed build leaves the old record true), with each
        file's change time as the swap left it; a file changed since it was placed is not remembered."""
        files = {}
        for relative, (sha, size, mtime_ns) in self.published.items():
            try:
                status = (self.output / relative).stat()
            except OSError:
                continue
            if (status.st_size, status.st_mtime_ns) == (size, mtime_ns):
                files[relative] = [sha, size, mtime_ns, status.st_ctime_ns]
        write_text_atomic(self.record, json.dumps({"output": str(self.output.resolve()), "files": files}))


def _carry(source: Path, target: Path, published: tuple[int, int]) -> bool:
    """Link (or copy) a published file into the stage; False, with nothing left there, when it is gone or no longer
    the file that was published (changed in place since the build looked: the link would publish the change)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        try:
            os.link(source, target)
        except OSError:  # a file system without hard links
            shutil.copy2(source, target)
        status = target.stat()
    except OSError:
        target.unlink(missing_ok=True)
        return False
    if (status.st_size, status.st_mtime_ns) != published:
        target.unlink()
        return False
    return True


def _verified_copy(made: EpisodeAudio, target: Path) -> None:
    """Copy from the cache an episode whose cache copy was not read (its published one was to be carried)."""
    try:
        place(made.mp3, target)
        whole = file_sha(target) == made.sha256
    except OSError:
        whole = False
    if not whole:
        target.unlink(missing_ok=True)
        raise NarrationError(f"{made.mp3}: the cached episode is damaged or gone, and its published copy changed "
                             f"during the build; build again (the episode is then made anew)")
