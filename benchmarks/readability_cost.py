#!/usr/bin/env python3
"""What English reading scores cost a fresh process (issue 15: the build pays it beside the synthesis for every
new or changed article, and `scripts`/`check` pay it on each run): the import of narration.text.readability,
then the first passage score of the sample's committed scripts, then the next one, each in a new process,
median of a few runs; and the slowest imports by `python -X importtime`. Not a test.

    python benchmarks/readability_cost.py [--repeat 5]
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import json, time
from pathlib import Path
clock = lambda: (time.perf_counter(), time.process_time())
t1 = clock()
from narration.text import readability
t2 = clock()
from narration.review import HEADING, spoken_lines
said = []
for path in sorted(Path("scripts/breast-calcifications").glob("*.txt")):
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    said += [s for n, s in spoken_lines(text)[1] if not HEADING.match(lines[n - 1].strip())]
t3 = clock()
first = readability.level(said, 14.0)
t4 = clock()
readability.level(list(reversed(said)), 14.0)
t5 = clock()
cost = lambda a, b: [b[0] - a[0], b[1] - a[1]]  # wall, CPU
print(json.dumps({"import": cost(t1, t2), "first score": cost(t3, t4), "next score": cost(t4, t5),
                  "sentences": len(said), "level": str(first)}))
"""


def probe() -> dict[str, list[float] | str]:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(done.stdout)


def slowest_imports(count: int = 8) -> list[tuple[int, str]]:
    """The imports with the largest cumulative time (microseconds) when the module and its first score load."""
    code = "from narration.text import readability; readability.scores(['A first sentence to score here.'])"
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, cwd=ROOT,
                          check=True)
    rows = []
    for line in done.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]), parts[2].rstrip()))
    return sorted(rows, reverse=True)[:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    runs = [probe() for _ in range(parser.parse_args().repeat)]
    print(f"{runs[0]['sentences']} sentences: {runs[0]['level']}")
    for key in ("import", "first score", "next score"):
        wall, cpu = (statistics.median(r[key][i] for r in runs) for i in (0, 1))  # type: ignore[index]
        print(f"{key:12} {wall:.3f} s wall, {cpu:.3f} s CPU (median of {len(runs)})")
    print("slowest imports (cumulative):")
    for micros, name in slowest_imports():
        print(f"  {micros / 1e6:.3f} s {name}")


if __name__ == "__main__":
    main()
