"""Publishing without damage: refuse folders the build does not own, build into a staging folder, swap it
into place whole, one build at a time.

Every published folder carries a mark (`narration-output.json`) listing the files the build wrote. A build
replaces only a folder that carries the mark (or an older output that holds nothing but what a build makes);
files a user added to it later are carried over into the new output untouched."""
from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, Sequence

from narration.atomic import write_bytes_atomic
from narration.errors import BuildLockedError, OutputError
from narration.publish import layout

log = logging.getLogger(__name__)
MARK = "narration-output.json"
MARK_VERSION = 1
# What a build writes at the top of its folder: an unmarked folder holding only these is an older output.
BUILT_NAMES = layout.TOP_LEVEL | {MARK}


def _sibling(output: Path, tag: str) -> Path:
    return output.parent / f".{output.name}.{tag}"


def _inside(path: Path, folder: Path) -> bool:
    """True when `path` is `folder` or lies somewhere inside it."""
    return path == folder or folder in path.parents


def read_mark(folder: Path) -> set[str] | None:
    """The files a build recorded as its own in `folder`, or None when the folder carries no readable mark."""
    try:
        data = json.loads((folder / MARK).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("generator") != "narration" or not isinstance(data.get("files"), list):
        return None
    return {f for f in data["files"] if isinstance(f, str)}


def mark_data(folder: Path) -> dict[str, object]:
    """What a build recorded in its mark besides its files (e.g. the library's articles), or {} when there is none."""
    try:
        data = json.loads((folder / MARK).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("generator") != "narration":
        return {}
    return {k: v for k, v in data.items() if k not in ("generator", "version", "files")}


def owned_files(folder: Path) -> set[str] | None:
    """What the build may replace in `folder`: its marked files, every file of an unmarked older output whose
    top level holds only what a build makes, nothing of an empty folder; None for a folder that is not ours."""
    marked = read_mark(folder)
    if marked is not None:
        return marked
    names = {p.name for p in folder.iterdir()}
    if not names:
        return set()
    if "feed.xml" in names and names <= BUILT_NAMES:
        return {str(p.relative_to(folder)) for p in _walk(folder)}
    return None


def check_output(output: Path, inputs: Sequence[tuple[str, Path]], nested: Sequence[tuple[str, Path]]) -> None:
    """Refuse an output folder the build must not replace, before anything is made.

    `inputs` are paths the output must neither be nor contain (the working folder, the articles, the config...);
    `nested` are folders that must not overlap the output in either direction (the scripts and the cache)."""
    if output.is_symlink() and not output.exists():
        raise OutputError(output, "is a broken symbolic link; name a folder")
    target = output.resolve()
    if target.exists() and not target.is_dir():
        raise OutputError(output, "is a file, not a folder; name a new or empty folder for the output")
    home = Path.home().resolve()
    for what, path in (("your home folder", home), ("the working folder", Path.cwd()), *inputs):
        if _inside(path.resolve(), target):
            raise OutputError(output, f"is or contains {what} ({path}); the build replaces its output folder "
                                      f"whole, so choose a folder of its own such as ./output")
    for what, path in nested:
        if _inside(target, path.resolve()):
            raise OutputError(output, f"lies inside {what} ({path}); choose a folder of its own such as ./output")
    if target.is_dir():
        try:
            owned = owned_files(target)
        except OSError as err:
            raise OutputError(output, f"cannot be read ({err.strerror})") from None
        if owned is None:
            raise OutputError(output, f"already holds files that narration did not make (no {MARK}); choose a new "
                                      f"or empty folder, or move those files away first")


def _walk(folder: Path) -> Iterator[Path]:
    """Every file and symbolic link under `folder`, never following a link (so loops and escapes are harmless)."""
    for top, dirs, files in os.walk(folder, followlinks=False):
        base = Path(top)
        for name in files:
            yield base / name
        for name in dirs:
            if (base / name).is_symlink():
                yield base / name


def _link_into(source: Path, target: Path) -> None:
    """Carry one published entry into the stage: a hard link for a file, the same link for a symbolic link."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.is_symlink():
        os.symlink(os.readlink(source), target)
    else:
        os.link(source, target)


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


def _flock(path: Path, mode: int) -> object:
    handle = open(path, "a+")
    fcntl.flock(handle, mode)
    return handle


@contextmanager
def build_lock(output: Path) -> Iterator[None]:
    """Hold an exclusive lock for this output folder; a second build stops with a clear message."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    handle = open(_sibling(output, "lock"), "a+")
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


@contextmanager
def reading(folder: Path) -> Iterator[None]:
    """Read a published folder without seeing a swap half done: a build waits for readers before it swaps."""
    folder = folder.resolve()
    swap_lock = _sibling(folder, "swap-lock")
    if not swap_lock.exists():
        yield
        return
    handle = _flock(swap_lock, fcntl.LOCK_SH)
    try:
        yield
    finally:
        handle.close()  # type: ignore[attr-defined]


class StagedOutput:
    """A staging folder that replaces the output folder only if the with-block succeeds.

    `keep` chooses published files (by relative path) to carry into the stage before the build writes (the
    hold-line command keeps everything but holdline/; a build without the hold line keeps holdline/). Files
    a user added to the output are carried over at the end, unless the build now makes the same path. `record`
    adds keys to the mark (the library's articles); without it, what the previous mark recorded is kept."""

    def __init__(self, output: Path, keep: Callable[[str], bool] | None = None,
                 record: dict[str, object] | None = None) -> None:
        self.output = output.resolve()
        self.keep = keep
        self.record = record
        self.staging = _sibling(self.output, f"staging-{os.getpid()}")
        self._last: list[tuple[str, bytes]] = []
        self._owned: set[str] = set()

    @property
    def path(self) -> Path:
        return self.staging

    def __enter__(self) -> "StagedOutput":
        shutil.rmtree(self.staging, ignore_errors=True)
        self.staging.mkdir(parents=True, exist_ok=True)
        if self.output.is_dir():
            self._owned = owned_files(self.output) or set()
            if self.keep is not None:
                for relative in sorted(self._owned):
                    source = self.output / relative
                    if relative != MARK and self.keep(relative) and (source.is_file() or source.is_symlink()):
                        _link_into(source, self.staging / relative)
        return self

    def write_last(self, relative: str, data: bytes) -> None:
        """Files (the feed) written after everything else, just before the swap."""
        self._last.append((relative, data))

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            return
        try:
            self._finish()
        except BaseException:
            shutil.rmtree(self.staging, ignore_errors=True)
            raise

    def _finish(self) -> None:
        for relative, data in self._last:
            write_bytes_atomic(self.staging / relative, data)
        made = sorted(str(p.relative_to(self.staging)) for p in _walk(self.staging))
        record = self.record if self.record is not None else mark_data(self.output)
        mark = {"generator": "narration", "version": MARK_VERSION, **record, "files": made}
        write_bytes_atomic(self.staging / MARK, (json.dumps(mark, indent=1) + "\n").encode("utf-8"))
        self._carry_foreign(set(made))
        _fsync_dir(self.staging)
        self._swap()

    def _carry_foreign(self, made: set[str]) -> None:
        """Carry over what a user added to the published folder: the build owns only what it made."""
        if not self.output.is_dir():
            return
        for path in _walk(self.output):
            relative = str(path.relative_to(self.output))
            if relative in self._owned or relative == MARK:
                continue
            if relative in made:
                log.warning("%s: a file you added is replaced by one the build makes", path)
                continue
            _link_into(path, self.staging / relative)

    def _swap(self) -> None:
        """Two renames, while no reader (check) is looking."""
        previous = _sibling(self.output, "previous")
        handle = _flock(_sibling(self.output, "swap-lock"), fcntl.LOCK_EX)
        try:
            if self.output.exists():
                os.replace(self.output, previous)
            os.replace(self.staging, self.output)
            _fsync_dir(self.output.parent)
        finally:
            handle.close()  # type: ignore[attr-defined]
        shutil.rmtree(previous, ignore_errors=True)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
