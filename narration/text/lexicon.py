"""Pronunciation lexicon: whole-word, case-aware replacements (written form -> spoken form).

The package ships a default medical lexicon (`narration/data/lexicon.toml`); a project file is merged
over it, so a project can add, correct or override any entry. Entries under `[entries]` are English (the
default language); entries under `[languages.<tag>]` (`[languages.es]`) apply to articles in that language
only, so "VIH" can be spelled in Spanish and "DCIS" in English, each by its own letter names.
"""
from __future__ import annotations

import os
import re
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from importlib import resources
from pathlib import Path

from narration.errors import InputError
from narration.files import LEXICON_LIMIT, read_user_file
from narration.text.sentences import SENTENCE_START

DEFAULT_LEXICON = "lexicon.toml"
_WORD_AFTER = re.compile(r"\W*\s+\w")  # more of the sentence after a word
DEFAULT_LANGUAGE = "en"


def primary_language(tag: str) -> str:
    """A language tag's primary subtag: "es-MX" and "es_US" are "es"; no tag is the default, English."""
    return tag.replace("_", "-").split("-")[0].strip().lower() or DEFAULT_LANGUAGE


@dataclass
class Report:
    """Collects which normalization rules and lexicon entries fired, so editors can review them."""

    rules: Counter[str] = field(default_factory=Counter)
    entries: Counter[str] = field(default_factory=Counter)

    def lines(self) -> list[str]:
        """Human-readable summary, most frequent first, for the `scripts` command."""
        out = [f"rule {name}: {n}" for name, n in self.rules.most_common()]
        out += [f"lexicon {name!r}: {n}" for name, n in self.entries.most_common()]
        return out


@dataclass(frozen=True)
class Entry:
    """One lexicon line: how a word is written and how it should be said."""

    written: str
    spoken: str
    ignore_case: bool = False
    language: str = DEFAULT_LANGUAGE  # the primary language subtag of the articles it applies to


@dataclass(frozen=True)
class Lexicon:
    """An immutable set of entries of every language; later entries with the same written form (in the same
    language) win when built. `apply` uses the entries of `language` only (see `for_language`)."""

    entries: tuple[Entry, ...] = ()
    language: str = DEFAULT_LANGUAGE

    @classmethod
    def of(cls, entries: Iterable[Entry]) -> Lexicon:
        """Build from entries, the last one per language and written form overriding earlier ones."""
        by_written = {(e.language, e.written): e for e in entries}
        return cls(tuple(sorted(by_written.values(), key=lambda e: (e.language, e.written))))

    def merged(self, other: Lexicon) -> Lexicon:
        """This lexicon with `other`'s entries added on top (other overrides)."""
        return replace(Lexicon.of(self.entries + other.entries), language=self.language)

    def for_language(self, tag: str) -> Lexicon:
        """The same entries, applying those of the language `tag` ("es", "es-MX"; "" is English)."""
        return replace(self, language=primary_language(tag))

    @cached_property
    def _active(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.language == self.language)

    @cached_property
    def _lookup(self) -> tuple[dict[str, Entry], dict[str, Entry]]:
        exact: dict[str, Entry] = {}
        folded: dict[str, Entry] = {}
        for e in self._active:
            if e.ignore_case:
                folded[e.written.casefold()] = e
            else:
                exact[e.written] = e
                if e.written[:1].islower():
                    exact.setdefault(e.written[0].upper() + e.written[1:], e)
        return exact, folded

    def entry(self, written: str) -> Entry | None:
        """The entry that says this written form, if any."""
        exact, folded = self._lookup
        return exact.get(written) or folded.get(written.casefold())

    def knows(self, written: str) -> bool:
        """Whether an entry says this written form."""
        return self.entry(written) is not None

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        alternatives = []
        for e in sorted(self._active, key=lambda e: len(e.written), reverse=True):
            body = re.escape(e.written)
            if e.ignore_case:
                body = f"(?i:{body})"
            elif e.written[:1].islower():
                body = f"[{e.written[0]}{e.written[0].upper()}]{re.escape(e.written[1:])}"
            alternatives.append(body)
        if not alternatives:
            return None
        return re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])")

    def apply(self, text: str, report: Report | None = None,
              mark: Callable[[str], str] = lambda spoken: spoken, sentences: bool = False) -> str:
        """Replace every whole-word match, longest first; `mark` may wrap the spoken form. In `sentences` (text
        said as sentences) a word in capitals opening one keeps a capital ("PET scan is" "Pet scan is"); a word
        alone ("BRCA1") is a label or an item, no sentence."""
        if self._pattern is None:
            return text
        exact, folded = self._lookup

        def replace(m: re.Match[str]) -> str:
            found = m.group()
            entry = exact.get(found) or folded.get(found.casefold())
            if entry is None:  # a case variant the regex allowed but the entry does not
                return found
            spoken = entry.spoken
            opens = (sentences and found.isupper() and _WORD_AFTER.match(text, m.end()) is not None
                     and SENTENCE_START.search(text, 0, m.start()) is not None)
            if found[:1].isupper() and (opens or not entry.ignore_case and found != entry.written):
                spoken = spoken[:1].upper() + spoken[1:]
            if report is not None:
                report.entries[entry.written] += 1
            return mark(spoken)

        return self._pattern.sub(replace, text)


def _parse(data: dict[str, object], path: Path) -> Lexicon:
    """Validate one parsed TOML document; the first problem becomes a one-line InputError."""
    unknown = set(data) - {"entries", "languages"}
    if unknown:
        raise InputError(path, f"unknown table or key {sorted(unknown)[0]!r}; put entries under [entries] "
                               "or [languages.<language>]")
    entries = _parse_table(data.get("entries", {}), "[entries]", DEFAULT_LANGUAGE, path)
    languages = data.get("languages", {})
    if not isinstance(languages, dict):
        raise InputError(path, "[languages] must hold one table per language, like [languages.es]")
    for tag, table in languages.items():
        if not re.fullmatch(r"[A-Za-z]{2,3}", tag):
            raise InputError(path, f"[languages.{tag}]: name the language by its code, like [languages.es]")
        entries += _parse_table(table, f"[languages.{tag}]", tag.lower(), path)
    return Lexicon.of(entries)


def _parse_table(table: object, name: str, language: str, path: Path) -> list[Entry]:
    """One table of written = "spoken" lines, for one language."""
    if not isinstance(table, dict):
        raise InputError(path, f"{name} must be a table of written = \"spoken\" lines")
    entries = []
    for written, value in table.items():
        if not written.strip():
            raise InputError(path, "an entry has an empty written form")
        if written != written.strip():
            raise InputError(path, f"entry {written!r}: remove spaces around the written form")
        ignore_case = False
        if isinstance(value, dict):
            extra = set(value) - {"say", "ignore_case"}
            if extra or "say" not in value:
                raise InputError(path, f"entry {written!r}: use {{ say = \"...\", ignore_case = true }}")
            ignore_case = value.get("ignore_case", False)
            if not isinstance(ignore_case, bool):
                raise InputError(path, f"entry {written!r}: ignore_case must be true or false")
            value = value["say"]
        if not isinstance(value, str):
            raise InputError(path, f"entry {written!r}: the spoken form must be a string")
        if not value.strip():
            raise InputError(path, f"entry {written!r}: the spoken form is empty")
        entries.append(Entry(written, value.strip(), ignore_case, language))
    return entries


def read_lexicon(path: Path) -> Lexicon:
    """One lexicon file on its own, without the shipped defaults."""
    if not os.path.lexists(path):
        raise InputError(path, "lexicon file not found; fix the path or remove the setting")
    raw = read_user_file(path, LEXICON_LIMIT, "a TOML lexicon file")
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(path, f"cannot read lexicon file ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(path, f"not valid TOML: {exc}") from None
    return _parse(data, path)


def default_lexicon() -> Lexicon:
    """The lexicon shipped in the package."""
    resource = resources.files("narration") / "data" / DEFAULT_LEXICON
    with resources.as_file(resource) as path:
        return read_lexicon(Path(path))


def load_lexicon(path: Path | None) -> Lexicon:
    """The shipped default lexicon, with the project file (if any) merged over it."""
    base = default_lexicon()
    return base if path is None else base.merged(read_lexicon(path))
