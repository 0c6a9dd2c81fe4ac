"""What the build says around an article (intros, announcements, outros, disclaimers, credits, hold greeting) and
writes about it (episode titles and notes), in the article's language: one translatable table per language in
narration/data/phrases/<tag>.toml, so adding a language adds a data file, not code."""
from __future__ import annotations

import datetime
import tomllib
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources

from narration.errors import NarrationError

FOLDER = "data/phrases"


@dataclass(frozen=True)
class Phrases:
    """One language's table (the TOML's sections flattened: every key is unique)."""

    language: str  # the table's tag (file name), e.g. "en"
    name: str
    part: str
    titled: str
    whole: str
    announce: str
    announce_titled: str
    continued: str
    reviewed_short: str
    reviewed_long: str
    date: str
    months: tuple[str, ...]
    disclaimer: str
    short_disclaimer: str
    reviewed_by: str
    written_by: str
    edited_by: str
    greeting: str
    topic_intro: str
    conjunction: str
    quoted: str
    part_of: str
    whole_notes: str
    whole_title: str
    reviewed_by_note: str
    reviewed_on_note: str
    source_note: str
    synthetic_note: str
    feed_title: str
    article_feed_description: str
    about: str
    contents: str
    start: str
    source: str
    credits: str
    book_summary: str

    def spoken_date(self, day: datetime.date) -> str:
        """A date as a sentence says it ("March 1, 2025", "1 de marzo de 2025")."""
        return self.date.format(month=self.months[day.month - 1], day=day.day, year=day.year)


class PhrasesMissing(NarrationError):
    """No phrase table for a language (the caller names the article or setting that asked for it)."""


def available() -> list[str]:
    """The languages that have a table."""
    folder = resources.files("narration").joinpath(FOLDER)
    return sorted(item.name.removesuffix(".toml") for item in folder.iterdir() if item.name.endswith(".toml"))


def table_for(tag: str) -> str:
    """The table a language tag uses: its own ("es-mx"), else its language's ("es"); '' when neither exists."""
    tag = tag.lower().replace("_", "-")
    have = available()
    return next((t for t in (tag, tag.split("-")[0]) if t in have), "")


@lru_cache(maxsize=None)
def read_table(name: str) -> dict:
    """A language's table as written (its [page] section is the web pages' wording, see publish/page_words)."""
    return tomllib.loads(resources.files("narration").joinpath(f"{FOLDER}/{name}.toml").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _load(name: str) -> Phrases:
    data = {k: v for k, v in read_table(name).items() if k != "page"}
    flat = {k: v for k, v in data.items() if not isinstance(v, dict)}
    for section in (v for v in data.values() if isinstance(v, dict)):
        flat.update(section)
    wanted = {f.name for f in fields(Phrases)} - {"language"}
    missing, unknown = sorted(wanted - set(flat)), sorted(set(flat) - wanted)
    if missing or unknown:
        raise PhrasesMissing(f"phrase table {FOLDER}/{name}.toml: missing {missing}, unknown {unknown}")
    flat["months"] = tuple(flat["months"])
    return Phrases(language=name, **flat)


def phrases_for(tag: str) -> Phrases:
    """The phrase table of a language tag ("es", "es-mx" -> es.toml); an unknown language is a PhrasesMissing."""
    name = table_for(tag or "en")
    if not name:
        raise PhrasesMissing(f"no phrase table for language {tag!r} (have: {', '.join(available())}); "
                             f"add narration/{FOLDER}/{tag.split('-')[0].lower()}.toml")
    return _load(name)
