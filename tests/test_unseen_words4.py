"""How text is said, fourth round of unseen pages: a fraction hyphened to its unit, a sentence that ends on an
acronym in capitals ("MS."), capitals coined as a word before the word that ends a name ("the CARES Act"), and
lexicon words; each rule with the look-alikes it must leave alone (pure text, no speech synthesis)."""
from __future__ import annotations

from narration.text.sentences import split_sentences
from spoken_table import say, table


@table(
    # a hyphen with no noun after it joins a quantity, said as the fraction rules say one
    ("remove about 1/3-inch of skin", "remove about a third of an inch of skin"),
    ("leave 1/2-inch of space", "leave half an inch of space"),
    ("a gap of 3/4-inch.", "a gap of three quarters of an inch."),
    # before the noun it measures: a half and a quarter bare, a third and an eighth with their "one"
    ("cut into 1/2-inch pieces", "cut into half inch pieces"),
    ("cut into 1/3-inch pieces", "cut into one third inch pieces"),
    ("slices 1/8-inch thick", "slices one eighth inch thick"),
    ("3/4-inch cubes", "three quarter inch cubes"),
    ("a 1/4-inch slice", "a quarter inch slice"),
    ("a 1/8-inch slice", "a one eighth inch slice"),  # never "a eighth"
    ("a 1/3 cup serving", "a third cup serving"),
    ("the 1/3 cup scoop", "the one third cup scoop"),
    ("a 1/2 cup serving", "a half cup serving"),
    # with no hyphen, as before
    ("Add 1/3 cup of milk", "Add a third of a cup of milk"),
    ("in 2019 1/3 of adults", "in 2019 one third of adults"),
)
def test_fraction_hyphened_to_its_unit(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    # an acronym in capitals ending a sentence is no "Ms." title
    ("It differs from MS. First, it starts fast.", ["It differs from MS.", "First, it starts fast."]),
    ("It is seen in MS. Children get it less.", ["It is seen in MS.", "Children get it less."]),
    # after a dotted initialism, a transition word with its comma opens a sentence
    ("It differs from M.S. First, it starts fast.", ["It differs from M.S.", "First, it starts fast."]),
    ("We live in the U.S. Finally, we moved.", ["We live in the U.S.", "Finally, we moved."]),
    # names go on
    ("Ask Ms. Smith today.", ["Ask Ms. Smith today."]),
    ("MS. SMITH WILL SEE YOU NOW.", ["MS. SMITH WILL SEE YOU NOW."]),
    ("Talk to Dr. Jones.", ["Talk to Dr. Jones."]),
    ("The U.S. First Lady spoke.", ["The U.S. First Lady spoke."]),
    ("The M.S. Society helps.", ["The M.S. Society helps."]),
    ("The U.S. Army, Navy and Air Force help.", ["The U.S. Army, Navy and Air Force help."]),
)
def test_sentence_ends_on_an_acronym(written: str, spoken: list[str]) -> None:
    assert split_sentences(written) == spoken


@table(
    # capitals the dictionary says as a word, before the word that ends a name, are that word
    ("the CARES Act passed", "the Cares Act passed"),
    ("as the law says (CARES Act).", "as the law says, Cares Act."),
    ("the SPRINT trial", "the Sprint trial"),
    ("the DASH diet", "the Dash diet"),
    ("the HOPE Initiative", "the Hope Initiative"),
    # spelled ones stay spelled: no word in the dictionary, or one spelled there, or too short to tell
    ("the CDC Foundation", "the C.D.C Foundation"),
    ("the NIH Program", "the N.I.H Program"),
    ("the WHI Study", "the W.H.I Study"),
    ("the FDA Act", "the F.D.A Act"),
    ("the ACT Network", "the A.C.T Network"),
    ("the HIPAA Act", "the HIPAA Act"),  # the lexicon's own
    ("the CARES team", "the C.A.R.E.S team"),  # no name's end after it
)
def test_coined_names(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    ("ADEM is rare.", "Aid-em is rare."),
    ("It may be ADEM.", "It may be aid-em."),
    ("HbA1c, HbA1C and HBA1C", "H.B.A 1 C, H.B.A 1 C and H.B.A 1 C"),
    ("an A1C test", "an A1C test"),  # Piper says "A one C" as written
)
def test_lexicon_words(written: str, spoken: str) -> None:
    assert say(written) == spoken
