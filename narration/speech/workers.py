"""Speech on a pool of processes on this machine (`--workers N`): each loads the voice once and speaks whole
sections with its share of the cores, while the build's own process mixes and encodes as the clips arrive.

Synthesis is a pure function of (sentence text, engine, voice, settings) and the clips are content-addressed,
so where a clip is made does not change what the build publishes. The workers only speak: the clips come back
to the build, which stores them in its cache (and the shared cache, if there is one).
"""
from __future__ import annotations

import ctypes
import ctypes.util
import gc
import multiprocessing
import os
import resource
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Callable, Iterator, Sequence

from narration.errors import EngineError, NarrationError
from narration.models import Audio
from narration.speech.base import Engine, VoiceSettings
from narration.speech.synthesize import Job, Speakers, speak_checked

EngineFactory = Callable[[int], Engine]  # threads -> an engine using that many (pickled into each worker)

# A worker whose memory has grown by more than VOICE_GROWTH_MB since its voice spoke its first sentence gives the
# voice back and loads it again for the next sentence. onnxruntime's memory arena keeps every block it ever
# allocated and fragments as sentence lengths vary: one process speaking the whole corpus grew from 370 MB to
# 650 MB. The arena for the longest piece spoken at once (MAX_PIECE_CHARS) takes about 180 MB beyond what the
# bundled voice holds after a short sentence; unloading and trimming the heap gives the rest back, and a reload
# costs about 0.3 s. Measured on two corpus pages (480 sentences, one worker): 4 reloads, peak 497 MB instead of
# about 600 MB, no slower. Measured from the first sentence, the bound follows the voice's own size (a larger
# voice holds more); a voice is never reloaded more often than every MIN_SENTENCES_PER_LOAD sentences, so a voice
# that needs more than the bound costs a reload now and then, not one per sentence.
VOICE_GROWTH_MB = 200
MIN_SENTENCES_PER_LOAD = 40


@dataclass
class Spoken:
    """A batch's clips as a worker made them, or the one-line error that stopped it."""

    audios: list[Audio] = field(default_factory=list)
    error: str = ""
    peak_mb: float = 0.0
    fingerprint: dict[str, str] = field(default_factory=dict)


@dataclass
class WorkerVoice:
    """A worker's engine (process or Ray actor): made with the first batch, so a voice that cannot be loaded is one
    error line in the build, not a pool that keeps restarting its workers; given back when the worker's memory
    has grown past its bound (checked after every sentence, so it overshoots the bound by one sentence at most)."""

    factory: EngineFactory
    threads: int
    less_mb: float = 0.0  # room taken by what else the worker holds (a Ray actor's runtime), off VOICE_GROWTH_MB
    min_sentences: int = 0  # between two reloads at least (0: MIN_SENTENCES_PER_LOAD)
    engine: Engine | None = None
    bound_mb: float = 0.0
    spoken: int = 0  # sentences since the voice was (re)loaded

    def speak(self, batch: tuple[Job, ...], timeout: float) -> Spoken:
        """Speak one batch; errors travel back as text (exception types need not unpickle there)."""
        if self.engine is None:
            try:
                self.engine = self.factory(self.threads)
            except NarrationError as err:
                return Spoken(error=str(err))
        audios = []
        try:
            for job in batch:
                audios.append(speak_checked(self.engine, job, timeout))
                self._after_sentence()
        except NarrationError as err:
            return Spoken(error=str(err))
        return Spoken(audios, "", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, self.engine.fingerprint())

    def _after_sentence(self) -> None:
        assert self.engine is not None
        self.spoken += 1
        if self.spoken == 1:
            self.bound_mb = resident_mb() + VOICE_GROWTH_MB - self.less_mb
        elif self.spoken >= (self.min_sentences or MIN_SENTENCES_PER_LOAD) and resident_mb() > self.bound_mb:
            give_back(self.engine)
            self.spoken = 0


def resident_mb() -> float:
    """This process's private resident memory now (RssAnon: the heap the voice grows, not the shared pages that a
    Ray actor's object store maps), from Linux's /proc; 0 where there is none (nothing is given back there)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("RssAnon:"):
                return int(line.split()[1]) / 1024
    except (OSError, IndexError, ValueError):
        pass
    return 0.0


def give_back(engine: Engine) -> None:
    """Free the engine's working memory and return the freed heap to the system (glibc keeps it otherwise)."""
    engine.unload()
    gc.collect()
    libc = ctypes.util.find_library("c")
    if libc and hasattr(ctypes.CDLL(libc), "malloc_trim"):
        ctypes.CDLL(libc).malloc_trim(0)


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


_worker: WorkerVoice | None = None  # set in each worker process by _start


def _start(factory: EngineFactory, threads: int) -> None:
    global _worker
    _worker = WorkerVoice(factory, threads)


def _speak(batch: tuple[Job, ...], timeout: float) -> Spoken:
    assert _worker is not None
    return _worker.speak(batch, timeout)


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
