#!/usr/bin/env python3
"""Issue 13 measure: spoken lines and review items by kind for every corpus page (not a test).

Writes each page's scripts into a temporary folder with the `scripts` command's own stages and prints a
Markdown table (the one in docs/review.md).

    python benchmarks/review_corpus.py [tests/fixtures/corpus]
"""
from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from narration.build.pipeline import BuildOptions, prepare_scripts, project_lexicon  # noqa: E402
from narration.config import load_config  # noqa: E402
from narration.review import review_article, spoken_lines  # noqa: E402

KINDS = ("unknown capitals", "symbol", "abbreviation", "fragment", "long sentence", "heading", "short section",
         "long section", "dropped")


def main(corpus: Path) -> None:
    config = load_config(None)
    lexicon = project_lexicon(config)
    print("| page | spoken lines | " + " | ".join(KINDS) + " |")
    print("|---|" + "---:|" * (len(KINDS) + 1))
    totals: Counter[str] = Counter()
    for page in sorted(corpus.glob("*.md")) + sorted(corpus.glob("*.txt")):
        if page.stem.isupper():
            continue
        with tempfile.TemporaryDirectory() as folder:
            options = BuildOptions(articles=(page,), output=Path(folder) / "out", scripts_dir=Path(folder))
            prepared, _ = prepare_scripts(config, options)
            item = prepared[0]
            findings = review_article(item.article, item.scripts, lexicon)
            lines = sum(len(spoken_lines(s.path.read_text(encoding="utf-8"))[1]) for s in item.scripts)
        kinds = Counter(f.kind for f in findings)
        totals.update(kinds)
        totals["lines"] += lines
        print(f"| {page.name} | {lines} | " + " | ".join(str(kinds[k]) for k in KINDS) + " |")
    print(f"| **all** | {totals['lines']} | " + " | ".join(str(totals[k]) for k in KINDS) + " |")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("tests/fixtures/corpus"))
