"""Which text rules speak an article: its language's primary subtag ("es" of "es-MX") -> its normalizer.

Adding a language's text rules means one module with `normalize` and `list_pieces` and one entry in
NORMALIZERS. A language without an entry is read by the English rules (today's behaviour).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Sequence

from narration.text import normalize as english
from narration.text import spanish
from narration.text.lexicon import DEFAULT_LANGUAGE, Lexicon, Report, primary_language


class _Normalize(Protocol):
    def __call__(self, text: str, lexicon: Lexicon, report: Report | None = None,
                 link_phrase: str | None = None) -> str: ...


class _ListPieces(Protocol):
    def __call__(self, lead_in: str, items: Sequence[str], ordered: bool, lexicon: Lexicon,
                 report: Report | None = None, link_phrase: str | None = None, *,
                 start: int = 1, depths: Sequence[int] = ()) -> list[tuple[str, int]]: ...


@dataclass(frozen=True)
class Normalizer:
    """One language's rules for the ear: a sentence, and a lead-in with its list items."""

    language: str
    normalize: _Normalize
    list_pieces: _ListPieces


NORMALIZERS: dict[str, Normalizer] = {
    "en": Normalizer("en", english.normalize, english.list_pieces),
    "es": Normalizer("es", spanish.normalize, spanish.list_pieces),
}


def normalizer_for(language: str) -> Normalizer:
    """The normalizer of a language tag ("es", "es-MX", "en-us"); English when the tag is empty or unknown."""
    return NORMALIZERS.get(primary_language(language), NORMALIZERS[DEFAULT_LANGUAGE])
