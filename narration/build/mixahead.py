"""Mix and encode episode segments while the engine is still speaking.

A segment is mixed as soon as the last of its clips exists, in a worker thread beside the build (one thread of
build/concurrency.py's budget): the CPU time the speech
engine leaves idle goes to mixing and encoding, and the build ends soon after the last sentence is spoken.
Each clip a segment waits for is also prepared (levelled, resampled) as it arrives, so that the segments the
last sentences complete need only their mix and encode after the engine is done.
What is made does not depend on when it is made: every segment is a pure function of its parts.
"""
from __future__ import annotations

import queue
from concurrent.futures import Future
from types import TracebackType
from typing import Callable, Mapping, Sequence

from narration.plan import Part
from narration.audio.lazy import import_in_background
from narration.build.concurrency import Beside
from narration.publish.episodes import EncodedSegment

MakeSegment = Callable[[str, tuple[Part, ...]], EncodedSegment]
PrepareClip = Callable[[str, str], object]  # (segment key, text): the clip made ready for that segment's mix
MIX, PREPARE = "mix", "prepare"  # the worker's two tasks


class MixAhead:
    """Renders the given segments (key -> parts) in order of readiness; a synthesis listener tells it which
    clips are still to come and when each arrives."""

    def __init__(self, segments: Mapping[str, tuple[Part, ...]], make: MakeSegment,
                 prepare: PrepareClip | None = None) -> None:
        self._segments = dict(segments)
        self._make = make
        self._prepare = prepare
        self._waiting: dict[str, set[str]] = {}
        self._needed_by: dict[str, list[str]] = {}
        self._queue: queue.Queue[tuple[str, str, str] | None] = queue.Queue()  # (MIX or PREPARE, segment key, clip text)
        self._made: dict[str, EncodedSegment] = {}
        self._beside: Beside | None = None
        self._worker: Future[None] | None = None

    def starting(self, texts: Sequence[str]) -> None:
        """The engine is about to speak these texts: every segment that needs none of them can start now."""
        if self._worker is not None:
            return
        coming = set(texts)
        for key, parts in self._segments.items():
            self._waiting[key] = {p.text for p in parts if p.text in coming}
            for text in self._waiting[key]:
                self._needed_by.setdefault(text, []).append(key)
        if self._segments:
            import_in_background()
        self._beside = Beside(wait_on_failure=False)  # segments are atomic cache entries: Ctrl-C need not wait
        self._worker = self._beside.submit(self._work)
        for key, waiting in self._waiting.items():
            if not waiting:
                self._queue.put((MIX, key, ""))

    def spoken(self, text: str) -> None:
        """A clip is in the cache: it is queued to be prepared, then the segments that were waiting only for it."""
        needed_by = self._needed_by.pop(text, ())
        if needed_by and self._prepare is not None:
            self._queue.put((PREPARE, needed_by[0], text))
        for key in needed_by:
            self._waiting[key].discard(text)
            if not self._waiting[key]:
                self._queue.put((MIX, key, ""))

    def finish(self) -> dict[str, EncodedSegment]:
        """Wait for every segment (the engine has spoken everything) and return them by key."""
        self.starting(())
        assert self._worker is not None
        self._queue.put(None)
        self._worker.result()  # a failure of the mix is raised here, in the build's thread
        missing = [key for key in self._segments if key not in self._made]
        if missing:
            raise RuntimeError(f"{len(missing)} segments were never mixed: their clips did not arrive")
        return self._made

    def _work(self) -> None:
        """Prepare each clip and mix each segment as it is queued; after a failure (its own, or the build's) only
        drain the queue."""
        assert self._beside is not None
        failure: BaseException | None = None
        while (item := self._queue.get()) is not None:
            if failure is not None or self._beside.cancelled.is_set():
                continue
            task, key, text = item
            try:
                if task == MIX:
                    self._made[key] = self._make(key, self._segments[key])
                elif self._prepare is not None:
                    self._prepare(key, text)
            except BaseException as err:  # raised in the build's thread by finish()
                failure = err
        if failure is not None:
            raise failure

    def __enter__(self) -> "MixAhead":
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        """On a failed build the worker stops after its current segment (cache writes are atomic either way)."""
        if self._beside is None:
            return
        self._queue.put(None)  # the worker ends at the first None it reads (finish() may have sent one already)
        self._beside.__exit__(exc_type, exc, tb)
