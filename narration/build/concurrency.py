"""Every thread the build starts, in one place: one bound for the whole process, stopped on the first failure.

The build's main thread runs the stages in order; beside it run the mix-ahead worker and the hold line
(`Beside`), item pools inside them (`map_in_order`: hold-line items, both telephone bands, two encoders), the
background import of the signal-processing modules (`in_background`) and the engine call that a timeout
abandons (`call_with_timeout`). All of them draw threads from one `BUDGET`, so nested pools never multiply:
a pool that finds no free thread runs its items in the caller's own thread (what it makes does not depend on
where it is made). Speech fanned out to processes or Ray (speech/workers.py, speech/ray_workers.py) is the
other executor; it runs beside the same main thread and leaves these threads to mixing and encoding.

If the main thread fails (a page cannot be written, Ctrl-C), the build does not wait for the whole hold line:
`Beside` tells its work to stop (long work checks `cancelled` between its items), cancels what has not
started, and the failure is reported where it happened. A failure of the work itself is raised in the main
thread when it asks for the result.
"""
from __future__ import annotations

import os
import queue
import threading
from concurrent.futures import Future
from types import TracebackType
from typing import Any, Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Cancelled(Exception):
    """The build stopped: work beside it gave up between two of its items."""


class Budget:
    """How many threads may work beside the main thread at once, for the whole process."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._free = threading.Semaphore(size)

    def take(self, wanted: int) -> int:
        """Up to `wanted` threads, those free now (never waited for)."""
        taken = 0
        while taken < wanted and self._free.acquire(blocking=False):
            taken += 1
        return taken

    def give(self, count: int) -> None:
        for _ in range(count):
            self._free.release()


# Two per core: most of these threads wait on ffmpeg or on file and hash work that releases the GIL.
BUDGET = Budget(2 * (os.cpu_count() or 1))


class Beside:
    """A bounded pool for work beside the main thread, cancelled on the first failure of the build. It always
    gets one thread, from the budget when one is free and beyond it otherwise: its work must run at the same time
    as the main thread, and waiting for a thread held by other work could deadlock.

    On a failure, work that writes into the staging folder is waited for until it stops between its items
    (`wait_on_failure`); work whose writes are atomic cache entries (mixing ahead) is abandoned at once. The
    threads are daemons, so abandoned work never keeps the process from exiting (Ctrl-C)."""

    def __init__(self, max_workers: int = 1, wait_on_failure: bool = True) -> None:
        self.cancelled = threading.Event()
        self._wait_on_failure = wait_on_failure
        # Never waited for: work beside that is still running elsewhere (or abandoned) must not deadlock the build.
        self._taken = BUDGET.take(max_workers)
        self._size = max(1, self._taken)
        self._work: queue.SimpleQueue[tuple[Future[Any], Callable[[], Any]]] = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []

    def submit(self, function: Callable[..., R], *args: Any, **kwargs: Any) -> Future[R]:
        future: Future[R] = Future()
        self._work.put((future, lambda: function(*args, **kwargs)))
        if len(self._threads) < self._size:
            thread = threading.Thread(target=self._run, name="beside", daemon=True)
            self._threads.append(thread)
            thread.start()
        return future

    def _run(self) -> None:
        while True:
            try:
                future, call = self._work.get_nowait()
            except queue.Empty:
                return
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(call())
            except BaseException as err:  # raised in the main thread by future.result()
                future.set_exception(err)

    def __enter__(self) -> "Beside":
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        try:
            if exc_type is not None:
                self.cancelled.set()  # the work stops after its current item; what has not started never starts
                while not self._work.empty():
                    self._work.get_nowait()[0].cancel()
                if not self._wait_on_failure:
                    return
            for thread in self._threads:
                thread.join()
        finally:
            BUDGET.give(self._taken)


def map_in_order(function: Callable[[T], R], items: Sequence[T], workers: int,
                 cancelled: threading.Event | None = None) -> list[R]:
    """function over items, up to `workers` at a time (the caller's thread and the free threads of the budget),
    results in the items' order; the first failure stops the items not yet started and is raised (the earliest
    item's, whatever finished first); a set `cancelled` stops the work between items (Cancelled)."""
    items = list(items)
    results: list[Any] = [None] * len(items)
    failures: dict[int, BaseException] = {}
    stop = threading.Event()
    claim, lock = iter(range(len(items))), threading.Lock()

    def drain() -> None:
        while not stop.is_set():
            with lock:
                index = next(claim, None)
            if index is None:
                return
            try:
                if cancelled is not None and cancelled.is_set():
                    raise Cancelled()
                results[index] = function(items[index])
            except BaseException as err:  # raised in the caller's thread below
                failures[index] = err
                stop.set()

    helpers = BUDGET.take(min(workers, len(items)) - 1)
    threads = [threading.Thread(target=drain, name="items") for _ in range(helpers)]
    try:
        for thread in threads:
            thread.start()
        drain()
    finally:
        stop.set()  # helpers finish the item they hold, then stop
        for thread in threads:
            thread.join()
        BUDGET.give(helpers)
    if failures:
        raise failures[min(failures)]
    return results


def in_background(function: Callable[[], None], name: str) -> threading.Thread | None:
    """Start optional work (it would otherwise run on first need) if the budget has a thread free now."""
    if not BUDGET.take(1):
        return None

    def run() -> None:
        try:
            function()
        finally:
            BUDGET.give(1)

    thread = threading.Thread(target=run, name=name)
    thread.start()
    return thread


def call_with_timeout(function: Callable[[T], R], argument: T, timeout: float) -> R:
    """function(argument) in a daemon thread, waited for at most `timeout` seconds: a hung call is abandoned (and
    cannot keep the process alive at exit, as a ThreadPoolExecutor worker would), never waited for. The caller
    only waits meanwhile, so the call takes its place rather than a thread of the budget."""
    result: list[R] = []
    failure: list[BaseException] = []

    def target() -> None:
        try:
            result.append(function(argument))
        except BaseException as err:  # handed to the caller's thread
            failure.append(err)

    worker = threading.Thread(target=target, name="engine", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise TimeoutError(argument)
    if failure:
        raise failure[0]
    return result[0]
