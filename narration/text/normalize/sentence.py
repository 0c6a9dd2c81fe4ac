"""One written sentence to spoken words: every rule set, in the order that keeps each one's input intact."""
from __future__ import annotations

import re

from narration.text.lexicon import Lexicon, Report
from narration.text.normalize.abbreviations import _TITLES
from narration.text.normalize.acronyms import _ACRONYMS, _emphasis, _said_as_word, _unshout, shouted
from narration.text.normalize.asides import said_asides
from narration.text.normalize.base import _Held, _run
from narration.text.normalize.characters import LOWER_RESPELLING, _FOOTNOTES, _clean_chars
from narration.text.normalize.links import _links
from narration.text.normalize.numbers import (
    MINUS, _NUMBERS, _VANITY, _defined_abbreviation, _drop_repeated_abbreviation, _drop_restated_number, _vanity_phone,
)
from narration.text.normalize.punctuation import _PUNCTUATION, SEPARATOR_HYPHEN, _tidy


def normalize(text: str, lexicon: Lexicon, report: Report | None = None,
              link_phrase: str | None = None) -> str:
    """Turn one written sentence (or paragraph) into the words a voice should say."""
    held = _Held()
    text = _clean_chars(_run([MINUS], text, report))
    text = _run([SEPARATOR_HYPHEN], text, report)  # before capitals are read: "STRENGTH- generic" is a word
    text = _run([*_FOOTNOTES, LOWER_RESPELLING], text, report)
    text = said_asides(text, report)  # before numbers, units and capitals are rewritten: "(kg)" is no gloss
    text = _links(text, held, link_phrase, report)
    text = _defined_abbreviation(text, lexicon, held, report)
    text = _drop_repeated_abbreviation(text, lexicon, report)
    text = _drop_restated_number(text, report)
    loud = shouted(text, report, lexicon.knows)
    text = _emphasis(text, lexicon, report)
    text = lexicon.apply(text, report, mark=held.hold, sentences=True)
    text = _run(_TITLES, text, report)
    text = _run([("phone", _VANITY, lambda m: _vanity_phone(m, held))], text, report)
    text = _run(_NUMBERS, text, report)
    text = _unshout(text, loud)
    text = _run(_ACRONYMS, text, report)
    text = _run(_PUNCTUATION, text, report)
    return held.release(_tidy(text))


_INITIAL_DOT = re.compile(r"(?<![\w.])([A-Z])\.(?=\s+[A-Z])")
_CAPITAL_WORD = re.compile(r"(?<![\w.'-])[A-Z]{3,}(?![\w']|\.\w)")


def for_voice(sentence: str) -> str:
    """A script sentence as a neural voice must get it: an initial keeps its full stop in the script ("Tari
    A. King", "the U. S. Food"), but Piper would end a sentence there, and says a lone "A" as "uh"; an acronym said
    as a word keeps its capitals in the script ("PET scan", for the transcript), but Piper spells "PET": it gets the
    word in lower case (acronyms to spell are written "C.T" by then)."""
    sentence = _CAPITAL_WORD.sub(lambda m: m.group().lower() if _said_as_word(m.group()) else m.group(), sentence)
    return _INITIAL_DOT.sub(lambda m: "A," if m.group(1) == "A" else m.group(1), sentence)
