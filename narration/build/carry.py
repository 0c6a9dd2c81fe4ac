"""Files a rebuild publishes unchanged (episodes, hold-line renditions, talking books) are carried from the previous
output by a hard link, not copied again from the cache or made again, and the cache copies of those episodes
are not read: a rebuild of a large library then writes only what changed (audio is most of its bytes).

The cache remembers each output's files as they were published (cache/published/<output>.json): the identity of
their bytes (the sha256 the cache recorded when an episode or rendition was made; for a book, the sha256 of
what it is zipped from), their size and their modification time. A published file whose size and time still
match holds the bytes it was published with (a file changed in place has a new time), so a new file with the
same identity is that file; anything else is copied from the cache, where its bytes are verified. The record lives in the cache, not in the output, so that what is published does not depend
on when it was written."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from narration.atomic import write_text_atomic
from narration.publish.episodes import EpisodeAudio, place


class Carrier:
    """The previous output's intact episodes by content, and what this build publishes (for the next one)."""

    def __init__(self, output: Path, cache_dir: Path) -> None:
        self.output = output
        name = hashlib.sha256(str(output.resolve()).encode()).hexdigest()[:16]
        self.record = cache_dir / "published" / f"{name}.json"
        self.intact: dict[str, list[str]] = {}  # sha256 -> relative paths of published files holding those bytes
        self.published: dict[str, list[object]] = {}
        for relative, entry in self._recorded().items():
            try:
                sha, size, mtime_ns = entry
                status = (output / relative).stat()
            except (OSError, TypeError, ValueError):
                continue
            if isinstance(sha, str) and (status.st_size, status.st_mtime_ns) == (size, mtime_ns):
                self.intact.setdefault(sha, []).append(relative)

    def _recorded(self) -> dict[str, object]:
        try:
            data = json.loads(self.record.read_text(encoding="utf-8"))
            return data["files"] if data.get("output") == str(self.output.resolve()) else {}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return {}  # no record, or a damaged one: everything is copied

    def link(self, sha: str, staging: Path, relative: str) -> bool:
        """Link the previous output's file holding these bytes into the stage at `relative`; False when it holds
        none (the caller copies the file from the cache, verifying it)."""
        holding = self.intact.get(sha, []) if sha else []
        if not holding:
            return False
        carried = relative if relative in holding else holding[0]  # the same file, where it is the same path
        target = staging / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(self.output / carried, target)
        except OSError:  # a file system without hard links
            shutil.copy2(self.output / carried, target)
        self.note(sha, staging, relative)
        return True

    def note(self, sha: str, staging: Path, relative: str) -> None:
        """Remember a file of the stage as published with these bytes."""
        status = (staging / relative).stat()
        self.published[relative] = [sha, status.st_size, status.st_mtime_ns]

    def place(self, made: EpisodeAudio, staging: Path, relative: str) -> None:
        """An episode's MP3 into the stage: linked from the previous output when it published the same bytes,
        else copied from the cache."""
        if not self.link(made.sha256, staging, relative):
            place(made.mp3, staging / relative)
            self.note(made.sha256, staging, relative)

    def save(self) -> None:
        """Remember what the output now holds (after the swap: a failed build leaves the old record true)."""
        write_text_atomic(self.record, json.dumps({"output": str(self.output.resolve()), "files": self.published}))
