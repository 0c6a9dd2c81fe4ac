"""Reading levels of the generated scripts of the sample, the corpus (both forms) and the Spanish test articles:
each page's passage scores and how many single sentences (of readability.MIN_WORDS words or more) each flag
threshold would list, so the default
`[check] max_grade` can be chosen from the distribution (docs/review.md).

    python benchmarks/reading_levels.py
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from narration.config import AudioConfig, CheckConfig, ScriptConfig  # noqa: E402
from narration.grouping import WORDS_PER_MINUTE  # noqa: E402
from narration.ingest import read_article  # noqa: E402
from narration.review import HEADING, spoken_lines  # noqa: E402
from narration.scripts import sections_of, sync_scripts  # noqa: E402
from narration.text import readability  # noqa: E402
from narration.text.lexicon import load_lexicon  # noqa: E402

CORPUS = ROOT / "tests" / "fixtures" / "corpus"
SPANISH = ROOT / "tests" / "fixtures" / "es"
THRESHOLDS = (8, 10, 12, 14, 16)


def pages() -> list[Path]:
    corpus = sorted(p for p in CORPUS.glob("*.md") if p.stem.upper() != p.stem and p.name != "README.md")
    return [ROOT / "narration" / "data" / "breast-calcifications.txt", *corpus, *sorted(CORPUS.glob("*.txt")),
            *sorted(SPANISH.glob("*.md")), *sorted(SPANISH.glob("*.txt"))]


def body_sentences(page: Path, folder: Path) -> tuple[str, list[str]]:
    """The article's language and its generated scripts' spoken sentences, sub-headings aside."""
    article = read_article(page)
    planned = sections_of(article, ScriptConfig(), WORDS_PER_MINUTE["patient"])
    sync = sync_scripts(article, folder, load_lexicon(None), ScriptConfig(), AudioConfig(), planned=planned)
    said = []
    for script in sync.scripts:
        text = script.path.read_text(encoding="utf-8")
        lines = text.splitlines()
        said += [s for n, s in spoken_lines(text)[1] if not HEADING.match(lines[n - 1].strip())]
    return article.meta.language, said


def main() -> None:
    default = CheckConfig().max_grade
    print("| page | sentences | passage | " + " | ".join(f"above {t}" for t in THRESHOLDS) + " | flagged by default |")
    print("|---|---:|---|" + "---:|" * (len(THRESHOLDS) + 1))
    totals = [0] * (len(THRESHOLDS) + 2)
    with tempfile.TemporaryDirectory() as tmp:
        for index, page in enumerate(pages()):
            language, said = body_sentences(page, Path(tmp) / str(index))
            scores = readability.scores(said, language)
            flagged = len(readability.hard_sentences(said, default, language))
            passage = (f"INFLESZ {scores.score:.1f}" if scores.measure == "INFLESZ"
                       else f"grade {scores.score:.1f}, SMOG {scores.smog or 0:.1f}")
            english = scores.measure == "grade"
            above = [len(readability.hard_sentences(said, t)) if english else None for t in THRESHOLDS]
            if english:
                totals = [a + b for a, b in zip(totals, [len(said), *above, flagged])]  # type: ignore[list-item]
            cells = " | ".join("" if a is None else f"{a}" for a in above)
            print(f"| {page.relative_to(ROOT)} | {len(said)} | {passage} | {cells} | {flagged} |")
    count = totals[0]
    print(f"| **English, all** | {count} | | " + " | ".join(f"{a} ({100 * a / count:.0f} %)" for a in totals[1:]) + " |")


if __name__ == "__main__":
    main()
