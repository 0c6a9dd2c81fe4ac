#!/usr/bin/env python3
"""Issue 11 benchmark: the text passes stay linear on hostile text (not a test).

Each case is text that made a pass quadratic (a line of dots, thousands of "Dr."): the sentence splitter
and speech normalization run on half a megabyte and on one megabyte of it, side by side in one run.
A linear pass takes about twice as long on twice the text; the splitter must also take under 2 s on
1 MB. Exit status 1 when a target is missed.

    python benchmarks/text.py [--megabytes 1]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from narration.text.lexicon import Report, default_lexicon  # noqa: E402
from narration.text.normalize import normalize  # noqa: E402
from narration.text.sentences import split_sentences  # noqa: E402

CASES: dict[str, str] = {
    "dots": ".",
    "exclamation marks": "!",
    '"Dr. "': "Dr. ",
    '"Dr. King "': "Dr. King ",
    "initials": "A. ",
    "short sentences": "It is. ",
    '"St. Jude "': "St. Jude ",
    "slashes": "a/b ",
}
SPLIT_SECONDS = 2.0  # for 1 MB
MAX_GROWTH = 3.0  # time(2x text) / time(x text); linear is 2, quadratic 4


def seconds(work: Callable[[str], object], text: str) -> float:
    """The faster of two runs (the machine is shared)."""
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        work(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=1.0, help="size of the larger text (default 1)")
    size = int(parser.parse_args().megabytes * 1_000_000)
    lexicon = default_lexicon()
    passes: dict[str, Callable[[str], object]] = {
        "split": split_sentences, "normalize": lambda text: normalize(text, lexicon, Report())}
    print(f"{'case':22} {'pass':10} {'half':>8} {'full':>8} {'growth':>7}  target")
    missed = 0
    for name, unit in CASES.items():
        full = unit * (size // len(unit))
        for pass_name, work in passes.items():
            half_s, full_s = seconds(work, full[: len(full) // 2]), seconds(work, full)
            growth = full_s / max(half_s, 1e-6)
            ok = growth <= MAX_GROWTH or full_s < 0.05  # too fast to time reliably
            limit = f", under {SPLIT_SECONDS:.0f} s" if pass_name == "split" else ""
            if pass_name == "split":
                ok = ok and full_s <= SPLIT_SECONDS
            missed += not ok
            print(f"{name:22} {pass_name:10} {half_s:7.3f}s {full_s:7.3f}s {growth:6.2f}x  "
                  f"{MAX_GROWTH:.0f}x{limit} {'ok' if ok else 'MISSED'}", flush=True)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
