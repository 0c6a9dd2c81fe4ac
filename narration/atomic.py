"""Write files so that a reader never sees a half-written one: temporary file, fsync, rename."""
from __future__ import annotations

import fcntl
import os
import re
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

TEMP_PREFIX, TEMP_SUFFIX = ".", ".tmp"  # a temporary file is named .<name>.<8 random characters>.tmp
TEMP_RANDOM = r"[a-z0-9_]{8}"  # what tempfile.mkstemp puts between prefix and suffix


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success it is fsynced and renamed over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, 0o644)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)


def write_text_atomic(path: Path, text: str) -> None:
    """Replace `path` with UTF-8 `text` in one step."""
    write_bytes_atomic(path, text.encode("utf-8"))


def remove_stale_temps(folder: Path, names: str) -> list[Path]:
    """Remove temporary files that a killed writer left for files whose names match the regex `names`.

    Only this module's own temp-name pattern is touched; call it while holding `folder_lock(folder)`, so that
    no live writer's temporary file can be among them."""
    pattern = re.compile(rf"{re.escape(TEMP_PREFIX)}(?:{names})\.{TEMP_RANDOM}{re.escape(TEMP_SUFFIX)}")
    stale = [p for p in folder.iterdir() if pattern.fullmatch(p.name) and p.is_file() and not p.is_symlink()]
    for path in stale:
        path.unlink(missing_ok=True)
    return stale


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on a folder (on the folder itself: no lock file) while its files are rewritten;
    a second writer waits its turn."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
