"""How text is said, third round of unseen pages: runs of roman numerals, addresses in running text, dotted
initialisms before names, lexicon words at a sentence's start, trial numbers, labels in capitals, brands in mixed
case and editorial brackets; each rule with the look-alikes it must leave alone (pure text, no speech synthesis)."""
from __future__ import annotations

from spoken_table import say, table


@table(
    # a run of numerals in brackets after the word it numbers, or a run no acronym could be
    ("Your stage (I, II, III, or IV) is set.", "Your stage, one, two, three, or four, is set."),
    ("a grade (II) tumor", "a grade, two, tumor"),
    ("Its parts are I, II and III.", "Its parts are one, two and three."),
    ("The cancer may be IIA, IIB, or IIIC.", "The cancer may be two A, two B, or three C."),
    ("Stages I, II, and III are early.", "Stages one, two, and three are early."),
    ("Stage II cancer", "Stage two cancer"),
    ("Stage IIA", "Stage two A"),
    # routes, pronouns and letters stay
    ("Give it IV or IM.", "Give it I.V or I.M."),
    ("IV or V", "I.V or V"),
    ("Should I, or you, call?", "Should I, or you, call?"),
    ("vitamins A, D and E", "vitamins A, D and E"),
)
def test_runs_of_roman_numerals(written: str, spoken: str) -> None:
    assert say(written) == spoken
