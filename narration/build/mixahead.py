"""Mix and encode episode segments while the engine is still speaking.

A segment is mixed as soon as the last of its clips exists, in a worker thread: the CPU time the speech
engine leaves idle goes to mixing and encoding, and the build ends soon after the last sentence is spoken.
What is made does not depend on when it is made: every segment is a pure function of its parts.
"""
from __future__ import annotations

import queue
import threading
from types import TracebackType
from typing import Callable, Mapping, Sequence

from narration.plan import Part
from narration.audio.lazy import import_in_background
from narration.publish.episodes import EncodedSegment

MakeSegment = Callable[[str, tuple[Part, ...]], EncodedSegment]


class MixAhead:
    """Renders the given segments (key -> parts) in order of readiness; a synthesis listener tells it which
    clips are still to come and when each arrives."""

    def __init__(self, segments: Mapping[str, tuple[Part, ...]], make: MakeSegment) -> None:
        self._segments = dict(segments)
        self._make = make
        self._waiting: dict[str, set[str]] = {}
        self._needed_by: dict[str, list[str]] = {}
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._made: dict[str, EncodedSegment] = {}
        self._error: BaseException | None = None
        self._abort = threading.Event()
        self._thread: threading.Thread | None = None

    def starting(self, texts: Sequence[str]) -> None:
        """The engine is about to speak these texts: every segment that needs none of them can start now."""
        if self._thread is not None:
            return
        coming = set(texts)
        for key, parts in self._segments.items():
            self._waiting[key] = {p.text for p in parts if p.text in coming}
            for text in self._waiting[key]:
                self._needed_by.setdefault(text, []).append(key)
        if self._segments:
            import_in_background()
        self._thread = threading.Thread(target=self._work, name="mix-ahead", daemon=True)
        self._thread.start()
        for key, waiting in self._waiting.items():
            if not waiting:
                self._queue.put(key)

    def spoken(self, text: str) -> None:
        """A clip is in the cache: the segments that were waiting only for it are queued."""
        for key in self._needed_by.pop(text, ()):
            self._waiting[key].discard(text)
            if not self._waiting[key]:
                self._queue.put(key)

    def finish(self) -> dict[str, EncodedSegment]:
        """Wait for every segment (the engine has spoken everything) and return them by key."""
        self.starting(())
        assert self._thread is not None
        self._queue.put(None)
        self._thread.join()
        if self._error is not None:
            raise self._error
        missing = [key for key in self._segments if key not in self._made]
        if missing:
            raise RuntimeError(f"{len(missing)} segments were never mixed: their clips did not arrive")
        return self._made

    def _work(self) -> None:
        while (key := self._queue.get()) is not None:
            if self._error is not None or self._abort.is_set():
                continue  # drain the queue without working
            try:
                self._made[key] = self._make(key, self._segments[key])
            except BaseException as err:  # handed to the build's thread by finish()
                self._error = err

    def __enter__(self) -> "MixAhead":
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        """On a failed build the worker stops after its current segment (cache writes are atomic either way)."""
        if exc_type is not None and self._thread is not None:
            self._abort.set()
            self._queue.put(None)
            self._thread.join()
