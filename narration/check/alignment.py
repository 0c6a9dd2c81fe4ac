"""What was said against what was heard: a script sentence as the words a listener hears, aligned with the
recognizer's words (jiwer), and the gross failures that alignment shows.

Thresholds were measured on the sample and five corpus pages with the bundled voice (docs/listening.md):
the recognizer slips on single words, so one missed or extra word is never a finding; runs of words are.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import jiwer

CUT_WORDS = 2  # the last words of the sentence not heard: the clip ends early
MISSING_RUN = 3  # words in a row not heard inside the sentence
ADDED_RUN = 3  # words in a row heard that the sentence does not have
GARBLED_WER = 0.5  # more than half the words wrong: the clip is not this sentence, spoken clearly

_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)(st|nd|rd|th)?")
_NOT_WORD = re.compile(r"[^a-z0-9']+")


@cache
def _number_words() -> frozenset[str]:
    from num2words import num2words

    words = {"point", "hundred", "thousand", "million", "billion", "half"}
    for n in range(100):
        words.update(_NOT_WORD.sub(" ", num2words(n).lower()).split())
        words.update(_NOT_WORD.sub(" ", num2words(n, to="ordinal").lower()).split())
    return frozenset(words)


NUMBER_WORDS = _number_words()


def _say_number(match: re.Match[str]) -> str:
    from num2words import num2words

    digits = match.group(1).replace(",", "")
    if match.group(2) and digits.isdigit():
        return f" {num2words(int(digits), to='ordinal')} "
    return f" {num2words(float(digits) if '.' in digits else int(digits))} "


def spoken_words(sentence: str) -> list[str]:
    """The words a listener hears in a script sentence: lower case, digits as words, spelled letters apart."""
    text = sentence.lower().replace("%", " percent ").replace("’", "'")
    text = _NUMBER.sub(_say_number, text)
    return [w.strip("'") for w in _NOT_WORD.sub(" ", text).split() if w.strip("'")]


@dataclass(frozen=True)
class Fault:
    """One gross failure of a clip: its kind (a short name) and what was expected and heard."""

    kind: str
    detail: str


@dataclass(frozen=True)
class Comparison:
    """A sentence aligned with what was heard: the word error rate and the faults found."""

    wer: float
    errors: int  # substitutions + deletions + insertions
    words: int  # words of the sentence
    faults: tuple[Fault, ...]


def compare(expected: list[str], heard: list[str]) -> Comparison:
    """Align the words and name the gross failures (runs of missing or added words, an early end, a changed
    number, mostly wrong words)."""
    if not expected:
        return Comparison(0.0, len(heard), 0, ())
    if not heard:
        return Comparison(1.0, len(expected), len(expected), (Fault("nothing heard", "no words recognized"),))
    result = jiwer.process_words(" ".join(expected), " ".join(heard))
    errors = result.substitutions + result.deletions + result.insertions
    faults: list[Fault] = []
    for chunk in result.alignments[0]:
        said = expected[chunk.ref_start_idx:chunk.ref_end_idx]
        got = heard[chunk.hyp_start_idx:chunk.hyp_end_idx]
        if chunk.type == "delete" and chunk.ref_end_idx == len(expected) and len(said) >= CUT_WORDS:
            faults.append(Fault("cut short", f"the end was not heard: “{' '.join(said)}”"))
        elif chunk.type == "delete" and len(said) >= MISSING_RUN:
            faults.append(Fault("words missing", f"not heard: “{' '.join(said)}”"))
        elif chunk.type == "insert" and len(got) >= ADDED_RUN:
            faults.append(Fault("words added", f"heard in addition: “{' '.join(got)}”"))
    said_numbers = [w for w in expected if w in NUMBER_WORDS]
    heard_numbers = [w for w in heard if w in NUMBER_WORDS]
    if said_numbers != heard_numbers:
        faults.append(Fault("number changed", f"numbers said “{' '.join(said_numbers) or 'none'}”, "
                                              f"heard “{' '.join(heard_numbers) or 'none'}”"))
    wer = errors / len(expected)
    if wer > GARBLED_WER:
        faults.append(Fault("garbled", f"{wer:.0%} of the words heard wrong"))
    return Comparison(wer, errors, len(expected), tuple(faults))
