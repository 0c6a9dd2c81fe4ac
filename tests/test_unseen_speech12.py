"""How brackets are said, twelfth round of unseen pages: an example in brackets inside a series, a term with its
abbreviation in brackets and a "--" definition, a bracket inside a noun phrase; each rule with the look-alikes it
must leave alone (pure text, no speech synthesis)."""
from __future__ import annotations

from spoken_table import say, table


@table(
    # one example before the comma of an outer series would sound like the head of the items after it
    ("Drugs treat infections such as chest infections (including pneumonia), ear infections and acne.",
     "Drugs treat infections such as chest infections, ear infections and acne. "
     "One example of chest infections is pneumonia."),
    ("Stay away from natural disasters (such as hurricanes or floods), fires or riots.",
     "Stay away from natural disasters, fires or riots. Examples of natural disasters are hurricanes or floods."),
    # not inside a series: said where it stands
    ("It treats chest infections (including pneumonia).", "It treats chest infections, including pneumonia."),
    ("It treats chest infections (including pneumonia), so see a doctor.",
     "It treats chest infections, including pneumonia, so see a doctor."),
    ("It treats chest infections (including pneumonia) and acne.",
     "It treats chest infections, including pneumonia, and acne."),
    # no noun phrase before it to name the examples by
    ("Take drugs (such as aspirin), water and rest.", "Take drugs, such as aspirin, water and rest."),
)
def test_example_inside_a_series(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    # an abbreviation inside a name in capitals is said after the whole name, with the name's last words
    ("Over-the-Counter (OTC) Medicine is sold in shops.",
     "Over-the-Counter Medicine, or O.T.C Medicine, is sold in shops."),
    ("The Over-the-Counter (OTC) Medicine.", "The Over-the-Counter Medicine, or O.T.C Medicine."),
    # at the name's end, before a little word, or in lower case: between commas as before
    ("Ask about Over-the-Counter (OTC).", "Ask about Over-the-Counter, O.T.C."),
    ("Ask about Over-the-Counter (OTC) and more.", "Ask about Over-the-Counter, O.T.C, and more."),
    ("Take over-the-counter (OTC) medicine.", "Take over-the-counter, O.T.C, medicine."),
    # a glossary's term, a double hyphen or a dash, and a definition in capitals: a colon's pause
    ("Over-the-Counter (OTC) Medicine--Medicine you can buy without a prescription.",
     "Over-the-Counter Medicine, or O.T.C Medicine: Medicine you can buy without a prescription."),
    ("Generic Drug--A drug sold under its chemical name.", "Generic Drug: A drug sold under its chemical name."),
    ("Warning — Do not drive.", "Warning: Do not drive."),
    # a range is no term ("to", not a comma), a dash before lower case, a dash aside: as before
    ("Rest for 2--3 days.", "Rest for 2 to 3 days."),
    ("It went well--very well.", "It went well, very well."),
    ("Aspirin--which many take--can cause bleeding.", "Aspirin, which many take, can cause bleeding."),
    ("Most people (about 80%)--Women and men--recover.", "Most people, about 80 percent, Women and men, recover."),
)
def test_term_with_abbreviation_and_definition(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    # the name goes on past three words, or into "of ..." a name of its own: between commas as before
    ("The National Institutes of Health (NIH) Office of Dietary Supplements helps.",
     "The National Institutes of Health, N.I.H, Office of Dietary Supplements helps."),
    ("The Office of Dietary Supplements (ODS) Health Professional Fact Sheet.",
     "The Office of Dietary Supplements, O.D.S, Health Professional Fact Sheet."),
)
def test_abbreviation_before_a_longer_name(written: str, spoken: str) -> None:
    assert say(written) == spoken
