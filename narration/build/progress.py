"""A progress display for long synthesis runs (rich), silent when not wanted or not on a terminal."""
from __future__ import annotations

import sys
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn


class ProgressDisplay:
    """Shows which stage and section the build is at (synthesizing, mixing) and how far along it is."""

    def __init__(self, enabled: bool = True) -> None:
        self.console = Console(stderr=True)
        self.enabled = enabled
        self._progress: Progress | None = None
        self._task: int | None = None

    def __enter__(self) -> "ProgressDisplay":
        if self.enabled:
            self._progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                      TimeRemainingColumn(), console=self.console, transient=True)
            self._progress.start()
        return self

    def update(self, label: str, done: int, total: int) -> None:
        """Called before each sentence is synthesized or episode is mixed, and once at the end of a stage."""
        if self._progress is None or total == 0:
            return
        if self._task is None or done == 0:  # a new stage starts a new bar
            self._task = self._progress.add_task(label, total=total)
        self._progress.update(self._task, description=label or "done", completed=done, total=total)
        if not self.console.is_terminal and label:
            self._log_line(label, done, total)

    def _log_line(self, label: str, done: int, total: int) -> None:
        """Without a terminal (a log file, CI): a plain line as each stage starts and every 25 steps, never wrapped."""
        if done == 0:
            line = f"{label}…" if total == 1 else f"{label} (0 of {total})…"
        elif done % 25 == 0 or done == total:
            line = f"{label}: {done} of {total}"
        else:
            return
        print(line, file=sys.stderr, flush=True)

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._progress is not None:
            self._progress.stop()
