"""Fill the clip cache for a set of sentences: each distinct text is synthesized at most once."""
from __future__ import annotations

import concurrent.futures
from dataclasses import dataclass, field
from typing import Callable, Sequence

from ..errors import EngineError
from .base import Engine
from .cache import ClipCache, clip_key


@dataclass(frozen=True)
class Job:
    """One sentence to speak, and the label of the section it belongs to (for progress and errors)."""

    text: str
    label: str


@dataclass
class SynthesisStats:
    """How many clips came from the cache and how many the engine made, per section label."""

    hits: int = 0
    misses: int = 0
    synthesized_labels: dict[str, int] = field(default_factory=dict)


ProgressHook = Callable[[str, int, int], None]  # (section label, done, total)


def synthesize_missing(jobs: Sequence[Job], engine: Engine, cache: ClipCache, timeout: float,
                       progress: ProgressHook | None = None) -> SynthesisStats:
    """Synthesize every job whose clip is not cached; a hung engine times out instead of hanging."""
    fingerprint = engine.fingerprint()
    stats = SynthesisStats()
    missing: dict[str, Job] = {}
    for job in jobs:
        key = clip_key(job.text, fingerprint)
        if key in missing:
            continue
        if cache.get(key) is not None:
            stats.hits += 1
        else:
            missing[key] = job
    total = len(missing)
    executor = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="engine")
    try:
        for done, (key, job) in enumerate(missing.items()):
            if progress:
                progress(job.label, done, total)
            future = executor.submit(engine.synthesize, job.text)
            try:
                audio = future.result(timeout=timeout)
            except concurrent.futures.TimeoutError:
                raise EngineError(f"{job.label}: the {engine.name} engine did not answer within {timeout:.0f} s "
                                  f"(sentence: {job.text[:60]!r})") from None
            except EngineError as err:
                raise EngineError(f"{job.label}: {err}") from err
            except Exception as err:  # an engine crash is reported with the section, not as a traceback
                raise EngineError(f"{job.label}: the {engine.name} engine failed: {err!r}") from err
            cache.put(key, audio)
            stats.misses += 1
            stats.synthesized_labels[job.label] = stats.synthesized_labels.get(job.label, 0) + 1
        if progress:
            progress("", total, total)
    finally:
        executor.shutdown(wait=False, cancel_futures=True)
    return stats
