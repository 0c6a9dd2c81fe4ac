"""Publishing without damage: build into a staging folder, swap it into place whole, one build at a time."""
from __future__ import annotations

import fcntl
import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .atomic import write_bytes_atomic
from .errors import BuildLockedError


def _sibling(output: Path, tag: str) -> Path:
    return output.parent / f".{output.name}.{tag}"


def recover(output: Path) -> None:
    """Finish or undo a swap that a killed build left half done; drop stale staging folders."""
    previous = _sibling(output, "previous")
    if previous.exists():
        if output.exists():
            shutil.rmtree(previous, ignore_errors=True)
        else:
            previous.rename(output)
    for stale in output.parent.glob(f".{output.name}.staging-*"):
        shutil.rmtree(stale, ignore_errors=True)


@contextmanager
def build_lock(output: Path) -> Iterator[None]:
    """Hold an exclusive lock for this output folder; a second build stops with a clear message."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    lock_path = _sibling(output, "lock")
    handle = open(lock_path, "a+")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildLockedError(f"{output}: another build of this folder is running; wait for it to finish "
                                   f"and try again") from None
        recover(output)
        yield
    finally:
        handle.close()


class StagedOutput:
    """A staging folder that replaces the output folder only if the with-block succeeds."""

    def __init__(self, output: Path, carry_over: bool = False, replace: tuple[str, ...] = (),
                 keep: tuple[str, ...] = ()) -> None:
        self.output = output.resolve()
        self.carry_over = carry_over  # start from the published files (hard links), except the `replace` folders
        self.replace = replace
        self.keep = keep  # published folders this build does not remake, carried over as they are
        self.staging = _sibling(self.output, f"staging-{os.getpid()}")
        self._last: list[tuple[str, bytes]] = []

    @property
    def path(self) -> Path:
        return self.staging

    def __enter__(self) -> "StagedOutput":
        shutil.rmtree(self.staging, ignore_errors=True)
        if self.carry_over and self.output.exists():
            shutil.copytree(self.output, self.staging, copy_function=os.link,
                            ignore=lambda folder, names: [n for n in names if Path(folder) == self.output and n in self.replace])
        self.staging.mkdir(parents=True, exist_ok=True)
        for name in self.keep:
            link_tree(self.output / name, self.staging / name)
        return self

    def write_last(self, relative: str, data: bytes) -> None:
        """Files (the feed) written after everything else, just before the swap."""
        self._last.append((relative, data))

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            return
        for relative, data in self._last:
            write_bytes_atomic(self.staging / relative, data)
        _fsync_dir(self.staging)
        previous = _sibling(self.output, "previous")
        if self.output.exists():
            os.replace(self.output, previous)
        os.replace(self.staging, self.output)
        _fsync_dir(self.output.parent)
        shutil.rmtree(previous, ignore_errors=True)


def link_tree(source: Path, target: Path) -> None:
    """Hard-link a folder's regular files into target (a copy where links are refused); a symlink is never
    followed, nor carried, since it may lead out of the output."""
    if source.is_symlink() or not source.is_dir():
        return
    for folder, dirs, files in os.walk(source):  # os.walk does not descend into linked folders
        here, there = Path(folder), target / Path(folder).relative_to(source)
        there.mkdir(parents=True, exist_ok=True)
        dirs[:] = [d for d in dirs if not (here / d).is_symlink()]
        for name in files:
            path = here / name
            if path.is_symlink() or not path.is_file():
                continue
            try:
                os.link(path, there / name)
            except OSError:
                shutil.copy2(path, there / name)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
