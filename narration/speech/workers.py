"""Speech on a pool of processes on this machine (`--workers N`): each loads the voice once and speaks whole
sections with its share of the cores, while the build's own process mixes and encodes as the clips arrive.

Synthesis is a pure function of (sentence text, engine, voice, settings) and the clips are content-addressed,
so where a clip is made does not change what the build publishes. The workers only speak: the clips come back
to the build, which stores them in its cache (and the shared cache, if there is one).
"""
from __future__ import annotations

import multiprocessing
import os
import resource
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Callable, Iterator, Sequence

from narration.errors import EngineError, NarrationError
from narration.models import Audio
from narration.speech.base import Engine, VoiceSettings
from narration.speech.synthesize import Job, Speakers, speak_checked

EngineFactory = Callable[[int], Engine]  # threads -> an engine using that many (pickled into each worker)


@dataclass
class Spoken:
    """A batch's clips as a worker made them, or the one-line error that stopped it."""

    audios: list[Audio] = field(default_factory=list)
    error: str = ""
    peak_mb: float = 0.0
    fingerprint: dict[str, str] = field(default_factory=dict)


def speak_batch(engine: Engine, batch: tuple[Job, ...], timeout: float) -> Spoken:
    """Speak one batch in a worker; errors travel back as text (exception types need not unpickle there)."""
    try:
        audios = [speak_checked(engine, job, timeout) for job in batch]
    except NarrationError as err:
        return Spoken(error=str(err))
    return Spoken(audios, "", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, engine.fingerprint())


def engine_factory(settings: VoiceSettings, given: Engine | None = None) -> EngineFactory:
    """How a worker makes its engine: the given one (tests' fake engine), else from the settings with the
    threads the worker is given."""
    return partial(_same, given) if given is not None else partial(_from_settings, settings)


def _same(engine: Engine, threads: int) -> Engine:
    return engine


def _from_settings(settings: VoiceSettings, threads: int) -> Engine:
    from narration.speech import make_engine

    return make_engine(replace(settings, threads=threads))


def cores() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@dataclass
class _Worker:
    """A worker process's engine factory and threads, then its engine."""

    factory: EngineFactory
    threads: int
    engine: Engine | None = None


_worker: _Worker | None = None  # set in each worker process by _start


def _start(factory: EngineFactory, threads: int) -> None:
    global _worker
    _worker = _Worker(factory, threads)


def _speak(batch: tuple[Job, ...], timeout: float) -> Spoken:
    """In a worker: the engine is made (the voice loaded) with the first batch, so a voice that cannot be
    loaded is one error line in the build, not a pool that keeps restarting its workers."""
    assert _worker is not None
    if _worker.engine is None:
        try:
            _worker.engine = _worker.factory(_worker.threads)
        except NarrationError as err:
            return Spoken(error=str(err))
    return speak_batch(_worker.engine, batch, timeout)


class ProcessSpeakers:
    """N worker processes (spawned: no thread of the build is copied into them) with cores // N threads each,
    started when there is something to speak (a rebuild with every clip cached starts none)."""

    def __init__(self, factory: EngineFactory, workers: int) -> None:
        self.workers = max(1, min(workers, cores()))  # N x threads never more than the cores
        self._factory, self._threads = factory, max(1, cores() // self.workers)
        self._pool: ProcessPoolExecutor | None = None

    def speak(self, batches: Sequence[tuple[Job, ...]], timeout: float) -> Iterator[tuple[tuple[Job, ...], Spoken]]:
        """Each batch's clips as soon as a worker has spoken them (in the order they finish); a worker that
        died (killed for memory) fails the build instead of hanging it."""
        if not batches:
            return
        self._pool = ProcessPoolExecutor(self.workers, multiprocessing.get_context("spawn"), _start,
                                         (self._factory, self._threads))
        futures = {self._pool.submit(_speak, batch, timeout): batch for batch in batches}
        try:
            for future in as_completed(futures):
                yield futures[future], future.result()
        except BrokenProcessPool:
            raise EngineError("a speech worker process died (out of memory?); try fewer --workers") from None

    def close(self, failed: bool) -> None:
        """Let the workers finish, or on a failure drop what has not started (each batch in progress ends
        within its sentences' timeouts)."""
        if self._pool is not None:
            self._pool.shutdown(wait=not failed, cancel_futures=failed)


@contextmanager
def speakers(factory: EngineFactory, workers: int = 0, ray: str | None = None) -> Iterator[Speakers | None]:
    """The speech executor a build asked for: None (this process), a process pool, or Ray actors (`ray`: an
    address, or '' for a local Ray started here)."""
    if ray is not None:
        from narration.speech.ray_workers import RaySpeakers

        pool: ProcessSpeakers | RaySpeakers = RaySpeakers(factory, ray, workers)
    elif workers > 1:
        pool = ProcessSpeakers(factory, workers)
    else:
        yield None
        return
    try:
        yield pool
    except BaseException:
        pool.close(failed=True)
        raise
    pool.close(failed=False)
