#!/usr/bin/env python3
"""Issue 15 benchmark: a no-op rebuild of a 10-article library against its cold build, side by side in one run.

The library is the nine corpus articles (tests/fixtures/corpus/*.md) and the built-in sample, given as one folder,
built with the real Piper voice (hold line included) in fresh processes: one cold build, then no-op rebuilds
(nothing changed) of the same output. Target: a no-op rebuild under 3 % of the cold build. Exit status 1 when
it is missed.

    python benchmarks/library.py [--repeat 3] [--keep DIR]
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import ROOT, build, new_project  # noqa: E402

TARGET = 0.03


def library(folder: Path) -> Path:
    """The ten articles in one folder."""
    folder.mkdir(parents=True)
    for article in sorted((ROOT / "tests" / "fixtures" / "corpus").glob("*.md")):
        if article.stem.isupper():  # README.md, FIXTURES.md: about the corpus, not articles
            continue
        shutil.copyfile(article, folder / article.name)
    shutil.copyfile(ROOT / "narration" / "data" / "breast-calcifications.txt", folder / "breast-calcifications.txt")
    return folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="no-op rebuilds (the fastest and the median are shown)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="narration-library-bench-"))
    try:
        project = new_project(work, "project")
        lib = library(work / "library")
        print(f"library: {len(list(lib.iterdir()))} articles in {lib}", flush=True)
        cold = build(project, lib)
        print(f"cold build: {cold.seconds:.1f} s (peak {cold.peak_mb:.0f} MB)", flush=True)
        noops = [build(project, lib).seconds for _ in range(args.repeat)]
        best, median = min(noops), statistics.median(noops)
        print(f"no-op rebuilds: {', '.join(f'{s:.2f}' for s in noops)} s")
        print(f"no-op / cold: {best / cold.seconds:.1%} fastest, {median / cold.seconds:.1%} median "
              f"(target under {TARGET:.0%})")
        return 0 if best / cold.seconds < TARGET else 1
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
