"""One bound for every thread of the build: nested pools never exceed it and never deadlock, the first failure
(in item order) is the one raised, and work beside the build that may be abandoned never holds up a failure."""
from __future__ import annotations

import threading
import time

import pytest

import narration.build.concurrency as concurrency
from narration.build.concurrency import Beside, Budget, map_in_order


class Gauge:
    """How many threads are inside `measure` at once, at most."""

    def __init__(self) -> None:
        self.now = self.most = 0
        self._lock = threading.Lock()

    def measure(self, value: int) -> int:
        with self._lock:
            self.now += 1
            self.most = max(self.most, self.now)
        time.sleep(0.005)
        with self._lock:
            self.now -= 1
        return value * 2


def test_nested_pools_stay_within_one_budget_and_finish(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(concurrency, "BUDGET", Budget(2))
    gauge = Gauge()

    def middle(row: int) -> list[list[int]]:
        return map_in_order(lambda col: map_in_order(gauge.measure, [row * 100 + col * 10 + k for k in range(4)], 4),
                            range(4), 4)

    result = map_in_order(middle, range(4), 4)
    assert result == [[[2 * (r * 100 + c * 10 + k) for k in range(4)] for c in range(4)] for r in range(4)]
    assert 2 <= gauge.most <= 3  # the caller's own thread and the budget's two, however deep the nesting
    assert concurrency.BUDGET.take(2) == 2  # every thread was given back


def test_the_earliest_failure_is_raised_and_the_rest_not_started(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(concurrency, "BUDGET", Budget(2))
    started: list[int] = []

    def work(item: int) -> int:
        started.append(item)
        if item in (1, 2):
            time.sleep(0.05 if item == 1 else 0)
            raise ValueError(f"item {item}")
        time.sleep(0.01)
        return item

    with pytest.raises(ValueError, match="item 1"):
        map_in_order(work, range(50), 3)
    assert len(started) < 25  # the others stopped taking items after the failure


def test_abandoned_work_beside_does_not_hold_up_a_failure() -> None:
    release = threading.Event()
    with pytest.raises(RuntimeError, match="main thread failed"):
        with Beside(wait_on_failure=False) as beside:
            running = beside.submit(release.wait, 30)
            raise RuntimeError("main thread failed")
    assert not running.done() and beside.cancelled.is_set()  # left behind, told to stop; the failure came at once
    release.set()
    assert running.result(timeout=5) is True
