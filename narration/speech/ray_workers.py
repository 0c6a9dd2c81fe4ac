"""Speech on Ray actors (`--ray [ADDRESS]`, the optional `ray` extra): the same work as the process pool, spread
over a Ray cluster, or over a local Ray started on this machine when no address is given.

Each actor holds a loaded voice (one CPU, one engine thread: on many cores, sentences side by side beat
threads inside one sentence). Scheduling is Ray's: `ray.util.ActorPool` hands a section to an actor only when
that actor is idle and collects finished ones with `ray.wait`, so at most one section per actor is in flight
(back-pressure) and the rest wait in the driver. The clips come back through Ray's object store; the build
stores them in its cache, so the actors need no access to it.
"""
from __future__ import annotations

import os
import sys
from typing import Any, Iterator, Sequence

from narration.errors import EngineError, NarrationError
from narration.speech.synthesize import Job
from narration.speech.workers import EngineFactory, Spoken, WorkerVoice, cores

# The local Ray's object store (shared memory): a section's clips are a few MB and at most one section per actor is
# in flight, so Ray's default (30 % of the memory) is not needed. An actor's resident memory counts the pages of the
# store it has written to: with 256 MB, a corpus build's actors peaked at 691 to 789 MB over three runs, with 96 MB
# at 686 to 718 MB. Ray's least is 75 MB; a fuller store spills to disk rather than fail.
LOCAL_OBJECT_STORE_BYTES = 96 * 1024 * 1024
# An actor also holds Ray's own runtime beside the voice (its peak was about 70 MB above a process worker's
# speaking the same corpus), so its voice gets less room to grow and may be reloaded sooner. Over the corpus (2
# actors, 96 MB store): 682 and 683 MB at 151 s, against 686 to 718 MB at 146 to 149 s with a process worker's
# settings; reloading after 15 sentences kept it at 670 MB but took 157 to 165 s.
RAY_RUNTIME_MB = 100
RAY_MIN_SENTENCES = 20


class Speaker:
    """One Ray actor: makes its engine (loads the voice) with its first section, then speaks sections."""

    def __init__(self, factory: EngineFactory) -> None:
        self._voice = WorkerVoice(factory, 1, less_mb=RAY_RUNTIME_MB, min_sentences=RAY_MIN_SENTENCES)

    def speak(self, index: int, batch: tuple[Job, ...], timeout: float) -> tuple[int, Spoken]:
        return index, self._voice.speak(batch, timeout)


def _ray() -> Any:
    try:
        import ray
    except ImportError:
        raise NarrationError("--ray needs Ray: pip install 'narration[ray]'") from None
    return ray


class RaySpeakers:
    """Ray actors speaking sections: `workers` of them, or one per CPU of the cluster; connected (or a local
    Ray started) when there is something to speak."""

    def __init__(self, factory: EngineFactory, address: str, workers: int) -> None:
        self._ray = _ray()
        self._factory, self._address, self._workers = factory, address, workers
        self._actors: list[Any] = []
        self._started = False

    def _connect(self) -> None:
        ray = self._ray
        if not ray.is_initialized():
            if self._address:
                ray.init(address=self._address, log_to_driver=False)
            else:  # a local Ray: its workers import this build's code (and a test's fake engine) from here
                path = os.pathsep.join(p for p in sys.path if p)
                ray.init(num_cpus=self._workers or cores(), include_dashboard=False, log_to_driver=False,
                         object_store_memory=LOCAL_OBJECT_STORE_BYTES,
                         runtime_env={"env_vars": {"PYTHONPATH": path}})
            self._started = True
        count = self._workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        actor = ray.remote(num_cpus=1)(Speaker)
        self._actors = [actor.remote(self._factory) for _ in range(count)]

    def speak(self, batches: Sequence[tuple[Job, ...]], timeout: float) -> Iterator[tuple[tuple[Job, ...], Spoken]]:
        """Each batch's clips as soon as an actor has spoken them."""
        if not batches:
            return
        self._connect()
        from ray.util import ActorPool

        pool = ActorPool(self._actors)
        for index, batch in enumerate(batches):
            pool.submit(lambda actor, task: actor.speak.remote(*task), (index, batch, timeout))
        try:
            while pool.has_next():
                index, spoken = pool.get_next_unordered()
                yield batches[index], spoken
        except self._ray.exceptions.RayError as err:
            raise EngineError(f"a Ray speech actor failed: {str(err).splitlines()[0]}") from None

    def close(self, failed: bool) -> None:
        """Release the actors (and the local Ray this build started)."""
        for actor in self._actors:
            self._ray.kill(actor)
        self._actors = []
        if self._started:
            self._ray.shutdown()
