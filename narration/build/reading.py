"""The reading level of each built article for the build summary, cached by its sentences: scoring loads the
CMU dictionary (a second or two), which a rebuild of unchanged scripts does not need to pay again."""
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
from narration.text.readability import Level, Scores, level


def article_level(scripts: Sequence[Script], max_grade: float, cache_dir: Path) -> Level:
    """The grades of an article's spoken sentences (sub-headings aside), from the cache when they were scored."""
    sentences = [s.text for script in scripts for s in script.sentences if not s.subheading]
    path = cache_dir / "readability" / f"{reading_key(sentences, max_grade, version('textstat'))}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        found = Level(Scores(**data["scores"]), data["above"], data["max_grade"])
        touch(path)
        return found
    except (OSError, ValueError, KeyError, TypeError):  # not scored yet, or a damaged entry: score again
        pass
    found = level(sentences, max_grade)
    write_text_atomic(path, json.dumps(asdict(found)) + "\n")
    return found


def reading_lines(articles: Sequence[tuple[str, Sequence[Script]]], max_grade: float, cache_dir: Path) -> list[str]:
    """One summary line per article: its grades, and how many sentences `scripts` will flag."""
    return [f"{title}: {article_level(scripts, max_grade, cache_dir)}" for title, scripts in articles]
