"""One written sentence to spoken words: every rule set, in the order that keeps each one's input intact."""
from __future__ import annotations

import re

from narration.text.lexicon import Lexicon, Report
from narration.text.normalize.abbreviations import TITLES
from narration.text.normalize.acronyms import ACRONYMS, emphasized, said_as_word, unshout, shouted
from narration.text.normalize.asides import said_asides
from narration.text.normalize.base import Held, run_rules
from narration.text.normalize.characters import LOWER_RESPELLING, FOOTNOTES, clean_chars
from narration.text.normalize.links import spoken_links
from narration.text.normalize.numbers import (
    MINUS, NUMBERS, VANITY, defined_abbreviation, drop_repeated_abbreviation, drop_restated_number, vanity_phone,
)
from narration.text.normalize.punctuation import PUNCTUATION, SEPARATOR_HYPHEN, tidy


def normalize(text: str, lexicon: Lexicon, report: Report | None = None,
              link_phrase: str | None = None) -> str:
    """Turn one written sentence (or paragraph) into the words a voice should say."""
    held = Held()
    text = clean_chars(run_rules([MINUS], text, report))
    text = run_rules([SEPARATOR_HYPHEN], text, report)  # before capitals are read: "STRENGTH- generic" is a word
    text = run_rules([*FOOTNOTES, LOWER_RESPELLING], text, report)
    text = said_asides(text, report)  # before numbers, units and capitals are rewritten: "(kg)" is no gloss
    text = spoken_links(text, held, link_phrase, report)
    text = defined_abbreviation(text, lexicon, held, report)
    text = drop_repeated_abbreviation(text, lexicon, report)
    text = drop_restated_number(text, report)
    loud = shouted(text, report, lexicon.knows)
    text = emphasized(text, lexicon, report)
    text = lexicon.apply(text, report, mark=held.hold, sentences=True)
    text = run_rules(TITLES, text, report)
    text = run_rules([("phone", VANITY, lambda m: vanity_phone(m, held))], text, report)
    text = run_rules(NUMBERS, text, report)
    text = unshout(text, loud)
    text = run_rules(ACRONYMS, text, report)
    text = run_rules(PUNCTUATION, text, report)
    return held.release(tidy(text))


_INITIAL_DOT = re.compile(r"(?<![\w.])([A-Z])\.(?=\s+[A-Z])")
_CAPITAL_WORD = re.compile(r"(?<![\w.'-])[A-Z]{3,}(?![\w']|\.\w)")


def for_voice(sentence: str) -> str:
    """A script sentence as a neural voice must get it: an initial keeps its full stop in the script ("Tari
    A. King", "the U. S. Food"), but Piper would end a sentence there, and says a lone "A" as "uh"; an acronym said
    as a word keeps its capitals in the script ("PET scan", for the transcript), but Piper spells "PET": it gets the
    word in lower case (acronyms to spell are written "C.T" by then)."""
    sentence = _CAPITAL_WORD.sub(lambda m: m.group().lower() if said_as_word(m.group()) else m.group(), sentence)
    return _INITIAL_DOT.sub(lambda m: "A," if m.group(1) == "A" else m.group(1), sentence)
