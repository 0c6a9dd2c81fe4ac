"""Reading the user's input files: regular files only, with a size limit, every failure one clear line.

Opening a FIFO waits for a writer forever and /dev/zero never ends, so the kind and size of a file are
checked with stat before it is opened, and the read itself stops just past the limit.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from narration.errors import InputError

MB = 1_000_000
ARTICLE_LIMIT = 20 * MB  # a saved web page with inline images is a few megabytes; a book is under 20
CONFIG_LIMIT = 1 * MB
LEXICON_LIMIT = 5 * MB


def _kind(mode: int) -> str:
    """What a non-regular file is, in a user's words."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _problem(err: OSError) -> str:
    """An OSError as the end of a one-line message."""
    if isinstance(err, PermissionError):
        return "permission denied; check that you can read it"
    if isinstance(err, FileNotFoundError):
        return "no such file; check the path"
    return f"cannot be read ({err.strerror or err})"


def read_user_file(path: Path, limit: int, what: str) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; anything else raises InputError naming it.

    `what` says what the file should be ("article files (.txt, .md, .html)", "a TOML file")."""
    try:
        info = os.stat(path)
    except OSError as err:
        raise InputError(path, _problem(err)) from None
    except ValueError:  # a NUL in the name
        raise InputError(path, "is not a valid file name") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, f"is a folder; pass {what}")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(path, f"is {_kind(info.st_mode)}, not a file; pass {what}")
    too_big = f"larger than the {limit // MB} MB limit for {what}"
    if info.st_size > limit:
        raise InputError(path, f"is {info.st_size / MB:.1f} MB, {too_big}")
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)  # the file may have grown since stat
    except OSError as err:
        raise InputError(path, _problem(err)) from None
    if len(data) > limit:
        raise InputError(path, f"is {too_big}")
    return data
