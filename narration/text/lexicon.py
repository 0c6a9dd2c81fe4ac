"""Pronunciation lexicon: whole-word, case-aware replacements (written form -> spoken form).

The package ships a default medical lexicon (`narration/data/lexicon.toml`); a project file is merged
over it, so a project can add, correct or override any entry.
"""
from __future__ import annotations

import os
import re
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path

from narration.errors import InputError
from narration.files import LEXICON_LIMIT, read_user_file

DEFAULT_LEXICON = "lexicon.toml"


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


@dataclass(frozen=True)
class Lexicon:
    """An immutable set of entries; later entries with the same written form win when built."""

    entries: tuple[Entry, ...] = ()

    @classmethod
    def of(cls, entries: Iterable[Entry]) -> Lexicon:
        """Build from entries, the last one per written form overriding earlier ones."""
        by_written = {e.written: e for e in entries}
        return cls(tuple(sorted(by_written.values(), key=lambda e: e.written)))

    def merged(self, other: Lexicon) -> Lexicon:
        """This lexicon with `other`'s entries added on top (other overrides)."""
        return Lexicon.of(self.entries + other.entries)

    @cached_property
    def _lookup(self) -> tuple[dict[str, Entry], dict[str, Entry]]:
        exact: dict[str, Entry] = {}
        folded: dict[str, Entry] = {}
        for e in self.entries:
            if e.ignore_case:
                folded[e.written.casefold()] = e
            else:
                exact[e.written] = e
                if e.written[:1].islower():
                    exact.setdefault(e.written[0].upper() + e.written[1:], e)
        return exact, folded

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        alternatives = []
        for e in sorted(self.entries, key=lambda e: len(e.written), reverse=True):
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
              mark: Callable[[str], str] = lambda spoken: spoken) -> str:
        """Replace every whole-word match, longest first; `mark` may wrap the spoken form."""
        if self._pattern is None:
            return text
        exact, folded = self._lookup

        def replace(m: re.Match[str]) -> str:
            found = m.group()
            entry = exact.get(found) or folded.get(found.casefold())
            if entry is None:  # a case variant the regex allowed but the entry does not
                return found
            spoken = entry.spoken
            if not entry.ignore_case and found != entry.written and found[:1].isupper():
                spoken = spoken[:1].upper() + spoken[1:]
            if report is not None:
                report.entries[entry.written] += 1
            return mark(spoken)

        return self._pattern.sub(replace, text)


def _parse(data: dict[str, object], path: Path) -> Lexicon:
    """Validate one parsed TOML document; the first problem becomes a one-line InputError."""
    unknown = set(data) - {"entries"}
    if unknown:
        raise InputError(path, f"unknown table or key {sorted(unknown)[0]!r}; put entries under [entries]")
    table = data.get("entries", {})
    if not isinstance(table, dict):
        raise InputError(path, "[entries] must be a table of written = \"spoken\" lines")
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
        entries.append(Entry(written, value.strip(), ignore_case))
    return Lexicon.of(entries)


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
