"""Work that runs beside the build's main thread, bounded, and stopped when the build fails.

The hold line is rendered beside the episodes. If the main thread fails (a page cannot be written, Ctrl-C),
the build must not wait for the whole hold line: `Beside` tells its work to stop (long work checks
`cancelled` between its items), cancels what has not started, and the failure is reported where it happened.
A failure of the work itself is raised in the main thread when it asks for the result, with what it was doing.
"""
from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType
from typing import Any, Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Cancelled(Exception):
    """The build stopped: work beside it gave up between two of its items."""


class Beside:
    """A bounded pool for work beside the main thread, cancelled on the first failure of the build."""

    def __init__(self, max_workers: int = 1) -> None:
        self.cancelled = threading.Event()
        self._pool = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="beside")

    def submit(self, function: Callable[..., R], *args: Any, **kwargs: Any) -> Future[R]:
        return self._pool.submit(function, *args, **kwargs)

    def __enter__(self) -> "Beside":
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if exc_type is not None:
            self.cancelled.set()  # the work stops after its current item; what has not started never starts
        self._pool.shutdown(wait=True, cancel_futures=exc_type is not None)


def map_in_order(function: Callable[[T], R], items: Sequence[T], workers: int,
                 cancelled: threading.Event | None = None) -> list[R]:
    """function over items, `workers` at a time, results in the items' order; the first failure cancels the
    items not yet started and is raised; a set `cancelled` stops the work between items (Cancelled)."""
    def run(item: T) -> R:
        if cancelled is not None and cancelled.is_set():
            raise Cancelled()
        return function(item)

    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="items") as pool:
        futures = [pool.submit(run, item) for item in items]
        try:
            return [future.result() for future in futures]
        except BaseException:
            for future in futures:
                future.cancel()
            raise
