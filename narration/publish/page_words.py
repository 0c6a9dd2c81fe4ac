"""The web pages' own wording (buttons, headings, labels, the player's live-region messages) in a page's language.

It is the [page] section of each language's phrase table (narration/data/phrases/<tag>.toml), so a Spanish page has
Spanish controls, not English words read with Spanish rules (WCAG 3.1.2). The English table's keys are the list
every other table must translate. The scripts get their messages from a JSON block on the page (`script_block`).
"""
from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping

from narration.phrases import FOLDER, PhrasesMissing, phrases_for, read_table, table_for
from narration.publish.site_html import e

SCRIPT_ID = "page-words"  # the id of the JSON block the pages' scripts read their messages from


@dataclass(frozen=True)
class PageWords:
    """One language's page wording: texts by key (the [page] section's subsections flattened), the podcast apps'
    steps, the months' names (the spoken table's), and which texts the scripts say."""

    language: str
    name: str  # the language's own name for itself ("Español")
    texts: Mapping[str, str]
    apps: tuple[tuple[str, str], ...]
    months: tuple[str, ...]
    script: tuple[str, ...]  # the keys of [page.script]

    def __call__(self, key: str, **values: object) -> str:
        """A plain text, its {names} filled in (escape it before it goes into HTML)."""
        return self.texts[key].format(**values)

    def html(self, key: str, **markup: str) -> str:
        """A text as HTML: the wording escaped, its {names} filled with markup the caller has escaped."""
        return e(self.texts[key]).format(**markup)

    def date(self, day: datetime.date) -> str:
        return self("date", day=day.day, month=self.months[day.month - 1], year=day.year)

    def script_block(self) -> str:
        """The scripts' messages as a JSON data block (no markup can close it: '<' is written as \\u003c)."""
        data = json.dumps({key: self.texts[key] for key in self.script}, ensure_ascii=False, sort_keys=True)
        return f'<script type="application/json" id="{SCRIPT_ID}">{data.replace("<", chr(92) + "u003c")}</script>\n'


def _flatten(section: dict, name: str) -> tuple[dict[str, str], tuple[str, ...]]:
    """The section's texts in one namespace (keys are unique across its subsections), and the script's keys."""
    flat: dict[str, str] = {}
    for key, value in section.items():
        items = value.items() if isinstance(value, dict) else [(key, value)]
        for inner, text in ((k, v) for k, v in items if k != "apps"):
            if inner in flat or not isinstance(text, str):
                raise PhrasesMissing(f"phrase table {FOLDER}/{name}.toml: [page] {inner!r} is repeated or not text")
            flat[inner] = text
    return flat, tuple(section.get("script", {}))


@lru_cache(maxsize=None)
def _load(name: str) -> PageWords:
    section = read_table(name).get("page", {})
    texts, script = _flatten(section, name)
    apps = tuple((app, how) for app, how in section.get("subscribe", {}).get("apps", []))
    if name != "en":
        english = _load("en")
        missing, unknown = sorted(set(english.texts) - set(texts)), sorted(set(texts) - set(english.texts))
        if missing or unknown or [a for a, _ in apps] != [a for a, _ in english.apps]:
            raise PhrasesMissing(f"phrase table {FOLDER}/{name}.toml: [page] missing {missing}, unknown {unknown}, "
                                 "or not the same podcast apps as en.toml")
    spoken = phrases_for(name)
    return PageWords(name, spoken.name, texts, apps, spoken.months, script)


def words_for(tag: str) -> PageWords:
    """The page wording of a language tag ("es-MX" -> es.toml's [page]). Articles in a language without a table are
    refused when they are read (narration.language.resolve), so a page never needs one; English is the fallback."""
    return _load(table_for(tag or "en") or "en")
