"""The signal-processing modules (scipy-based, about a second to import), imported on first need by one
thread at a time.

The build imports them lazily (a rebuild with nothing to mix never pays for them) and from more than one
thread (the hold line is rendered beside the episodes). Two threads importing scipy for the first time at
once can deadlock inside importlib, which then fails one of the imports; one lock around the first import
prevents that.
"""
from __future__ import annotations

import importlib
import threading

from narration.build.concurrency import in_background

MODULES = ("narration.audio.loudness", "narration.audio.telephone", "narration.publish.holdline.render")
_LOCK = threading.Lock()
_DONE = threading.Event()


def import_signal_processing() -> None:
    """Make sure the signal-processing modules are imported; cheap after the first time."""
    if _DONE.is_set():
        return
    with _LOCK:
        for name in MODULES:
            importlib.import_module(name)
        _DONE.set()


def import_in_background() -> None:
    """Start importing them now, while something else (the speech engine) keeps this thread busy: on a thread of
    the build's budget if one is free, else they are imported on first need."""
    if not _DONE.is_set():
        in_background(import_signal_processing, "imports")
