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
ADDED_RUN = 4  # more words heard than said in a run (a misheard long word can come out as three short ones)
GARBLED_WER = 0.5  # more than half the words wrong: the clip is not this sentence, spoken clearly

_NUMBER = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)(st|nd|rd|th)?")
_NOT_WORD = re.compile(r"[^a-z0-9']+")


@cache
def _number_words(ordinals: bool) -> frozenset[str]:
    from num2words import num2words

    words = {"point", "hundred", "thousand", "million", "billion"}
    for n in range(100):
        words.update(_NOT_WORD.sub(" ", num2words(n).lower()).split())
        if ordinals:
            words.update(_NOT_WORD.sub(" ", num2words(n, to="ordinal").lower()).split())
    return frozenset(words - {"and"})


NUMBER_WORDS = _number_words(ordinals=True)
CARDINAL_WORDS = _number_words(ordinals=False)


def _say_number(match: re.Match[str]) -> str:
    """Digits as the voice (espeak-ng) reads them: no "and"; 1101 to 1999 as "nineteen hundred ninety one"."""
    from num2words import num2words

    digits = match.group(1).replace(",", "")
    if match.group(2) and digits.isdigit():
        words = num2words(int(digits), to="ordinal")
    elif digits.isdigit() and 1100 < int(digits) < 2000 and int(digits) % 100 and "," not in match.group(1):
        words = f"{num2words(int(digits) // 100)} hundred {num2words(int(digits) % 100)}"
    else:
        words = num2words(float(digits) if "." in digits else int(digits))
    return f" {words.replace(' and ', ' ')} "


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
    faults = _region_faults(expected, heard, result.alignments[0])
    changed = _changed_numbers(expected, heard, result.alignments[0])
    if changed:
        faults.append(Fault("number changed", changed))
    wer = errors / len(expected)
    if wer > GARBLED_WER:
        faults.append(Fault("garbled", f"{wer:.0%} of the words heard wrong"))
    return Comparison(wer, errors, len(expected), tuple(faults))


def _regions(chunks: list[jiwer.AlignmentChunk]) -> list[tuple[int, int, int, int]]:
    """Maximal runs of words that differ: (said start, said end, heard start, heard end) each."""
    regions: list[list[int]] = []
    for chunk in chunks:
        if chunk.type == "equal":
            continue
        if regions and regions[-1][1] == chunk.ref_start_idx and regions[-1][3] == chunk.hyp_start_idx:
            regions[-1][1], regions[-1][3] = chunk.ref_end_idx, chunk.hyp_end_idx
        else:
            regions.append([chunk.ref_start_idx, chunk.ref_end_idx, chunk.hyp_start_idx, chunk.hyp_end_idx])
    return [(a, b, c, d) for a, b, c, d in regions]


def _region_faults(expected: list[str], heard: list[str], chunks: list[jiwer.AlignmentChunk]) -> list[Fault]:
    """Runs of words missing (at the end: the clip is cut short) or added; a misheard word is neither."""
    faults = []
    for said_start, said_end, heard_start, heard_end in _regions(chunks):
        said, got = expected[said_start:said_end], heard[heard_start:heard_end]
        if said_end == len(expected) and len(said) - len(got) >= CUT_WORDS:
            faults.append(Fault("cut short", f"the end was not heard: “{' '.join(said)}”"))
        elif len(said) - len(got) >= MISSING_RUN:
            faults.append(Fault("words missing", f"not heard: “{' '.join(said)}”" + (f" (heard “{' '.join(got)}”)" if got else "")))
        elif len(got) - len(said) >= ADDED_RUN:
            faults.append(Fault("words added", f"heard “{' '.join(got)}” for “{' '.join(said)}”"))
    return faults


def _changed_numbers(expected: list[str], heard: list[str], chunks: list[jiwer.AlignmentChunk]) -> str:
    """A number said but heard as another or not at all, or a number heard next to a said one ("five" heard
    "fifty five"); '' when every said number was heard as said."""
    for chunk in chunks:
        said = expected[chunk.ref_start_idx:chunk.ref_end_idx]
        got = heard[chunk.hyp_start_idx:chunk.hyp_end_idx]
        if chunk.type in ("substitute", "delete") and any(w in NUMBER_WORDS for w in said):
            return f"said “{' '.join(said)}”, heard “{' '.join(got) or 'nothing'}”"
        if chunk.type == "insert" and any(w in CARDINAL_WORDS for w in got):
            before = expected[chunk.ref_start_idx - 1:chunk.ref_start_idx]
            after = expected[chunk.ref_start_idx:chunk.ref_start_idx + 1]
            if any(w in CARDINAL_WORDS for w in before + after):
                return f"said “{' '.join(before + after)}”, heard “{' '.join(before + got + after)}”"
    return ""
