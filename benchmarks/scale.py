#!/usr/bin/env python3
"""Issue 15 benchmarks: a library of articles built cold in one process, with `--workers 2` and on a local Ray
with 2 workers, beside the raw engine speaking the same sentences, in one run (not a test).

The library is the nine corpus pages (tests/fixtures/corpus/*.md) plus the built-in sample; `--pages K` takes the
K shortest pages and the sample, `--quick` two of them (on a busy shared machine the whole corpus takes hours). Every build runs in a fresh process with its own project and cold cache;
time and peak memory are measured as in benchmarks/run.py (whose helpers this uses); the speech workers' own
peak memory comes from the build summary. Adding one article: the library without the sample is built with
--workers 2, then the sample is added, against the raw engine speaking the sample alone. Exit status 1 when a
target is missed.

    nice python benchmarks/scale.py [--quick | --pages K] [--keep DIR]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import ROOT, Check, Run, build, machine, new_project, raw_engine, spoken_texts  # noqa: E402

CORPUS = ROOT / "tests" / "fixtures" / "corpus"
PEAK_LINE = re.compile(r"speech workers: peak memory (\d+) MB")


@dataclass(frozen=True)
class Measured:
    """A build's run and the largest peak memory of its speech workers (0 when it spoke in its own process)."""

    run: Run
    worker_mb: float

    @property
    def speaker_mb(self) -> float:
        """The peak of the processes that spoke: the workers', or the build's own when it started none (below
        FAN_OUT_AT_LEAST missing sentences)."""
        return self.worker_mb or self.run.peak_mb


def library(pages: int) -> list[Path]:
    """The `pages` shortest corpus pages (Markdown form; all nine by default) and the sample."""
    sys.path.insert(0, str(ROOT))
    from narration.build.pipeline import SAMPLE

    sorted_pages = sorted((p for p in CORPUS.glob("*.md") if p.stem.upper() != p.stem), key=lambda p: p.stat().st_size)
    return sorted_pages[:pages] + [SAMPLE]


def measured_build(project: Path, articles: list[Path], flags: tuple[str, ...] = ()) -> Measured:
    """A build, with the worker peak read from its summary (the newest log of the project)."""
    run = build(project, *articles, flags=("--no-holdline", *flags))
    log = max(project.glob("build-*.log"), key=lambda p: p.stat().st_mtime).read_text(errors="replace")
    peak = PEAK_LINE.search(log)
    return Measured(run, float(peak.group(1)) if peak else 0.0)


def report(name: str, measured: Measured, raw: Run) -> None:
    workers = f", workers' peak {measured.worker_mb:.0f} MB" if measured.worker_mb else ""
    print(f"{name:<34} {measured.run.seconds:7.1f} s = {measured.run.seconds / raw.seconds:5.2f}x raw, "
          f"CPU {measured.run.cpu_s:.0f} s (build process and its children), "
          f"build process peak {measured.run.peak_mb:.0f} MB{workers}", flush=True)


def cache_sizes(cache: Path, articles: int, sentences: int) -> None:
    """What the cold build left in its cache, by kind, per article and per sentence (for sizing a shared one)."""
    from narration.cache.usage import survey

    for kind, (count, size) in sorted(survey(cache).items()):
        print(f"cache {kind:<9} {count:>6} entries {size / 1e6:>8.1f} MB = {size / 1e6 / articles:6.2f} MB an article, "
              f"{size / 1e3 / sentences:6.1f} kB a sentence", flush=True)


def measure(work: Path, articles: list[Path]) -> list[Check]:
    print(f"library: {len(articles)} articles ({', '.join(a.stem for a in articles)})", flush=True)
    one = measured_build(new_project(work, "one-process"), articles)
    texts, _ = spoken_texts(work / "one-process", *articles)
    raw = raw_engine(work, texts)
    words = sum(len(t.split()) for t in texts)
    print(f"raw engine: {len(texts)} sentences, {words} words: {raw.seconds:.1f} s, CPU {raw.cpu_s:.0f} s, "
          f"peak {raw.peak_mb:.0f} MB ({raw.seconds / len(texts) * 1000:.0f} ms a sentence)", flush=True)
    report("one process", one, raw)
    pool = measured_build(new_project(work, "workers-2"), articles, ("--workers", "2"))
    report("--workers 2", pool, raw)
    ray = measured_build(new_project(work, "ray-2"), articles, ("--ray", "--workers", "2"))
    report("--ray --workers 2 (local Ray)", ray, raw)

    added_project = new_project(work, "add-one")
    without = measured_build(added_project, articles[:-1], ("--workers", "2"))
    report(f"--workers 2, library less {articles[-1].stem}", without, raw)
    added = measured_build(added_project, articles, ("--workers", "2"))
    own_texts, _ = spoken_texts(new_project(work, "sample-alone"), articles[-1])
    own_raw = raw_engine(work, own_texts)
    print(f"adding {articles[-1].stem}: {added.run.seconds:.1f} s; its raw engine ({len(own_texts)} sentences) "
          f"{own_raw.seconds:.1f} s; workers' peak {added.worker_mb:.0f} MB", flush=True)
    cache_sizes(work / "one-process" / "cache", len(articles), len(texts))
    return [
        Check("cold library build (--workers 2) / raw engine", pool.run.seconds / raw.seconds, 1.2,
              f"one process {one.run.seconds / raw.seconds:.2f}x"),
        Check("local Ray (2 workers) / process pool (2)", ray.run.seconds / pool.run.seconds, 1.15),
        Check("peak memory per worker, MB", max(pool.speaker_mb, ray.speaker_mb), 700,
              f"pool {pool.speaker_mb:.0f}, Ray actor {ray.speaker_mb:.0f}" + ("" if pool.worker_mb else
                                                                             " (no worker started: the build's own)")),
        Check(f"worker peak, {len(articles)} articles / 1 article", pool.speaker_mb / max(added.speaker_mb, 1), 1.2,
              "flat in the number of articles"),
        Check("adding one article / its raw engine time", added.run.seconds / own_raw.seconds, 1.2),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the sample and the two shortest corpus pages")
    parser.add_argument("--pages", type=int, default=9, help="the sample and this many corpus pages, shortest first")
    parser.add_argument("--keep", type=Path, help="keep the work folder here instead of a temporary one")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="narration-scale-")) if not args.keep else args.keep
    work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {machine()}; load {os.getloadavg()[0]:.2f} at start", flush=True)
    started = time.time()
    try:
        checks = measure(work, library(2 if args.quick else args.pages))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\nload {os.getloadavg()[0]:.2f} at the end; {time.time() - started:.0f} s in all")
    for check in checks:
        status = "ok" if check.ok else "MISSED"
        print(f"{check.name:<48} {check.value:8.3f}   target <= {check.target:<6g} {status}  {check.note}")
    print(json.dumps({c.name: round(c.value, 3) for c in checks}))
    return 0 if all(check.ok for check in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
