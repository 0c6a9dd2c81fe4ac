"""Round 10 (P-6, Q-7 to Q-10, MUPS): how sentences are said. A sentence end after a spelled acronym survives in
the script, a bracket in a series is not heard as one more item, a dose measure before its form is singular."""
from __future__ import annotations

import pytest

from narration.text.lexicon import Report, load_lexicon
from narration.text.normalize import normalize
from narration.text.sentences import split_sentences

LEXICON = load_lexicon(None)


def say(text: str) -> str:
    return normalize(text, LEXICON, Report())


def table(*rows: tuple[str, object]):
    return pytest.mark.parametrize(("written", "spoken"), rows)


@table(
    # an undotted acronym that ends a sentence keeps the end in the script ("A.D." then a capital)
    ("It helps people with AD. Dance if you can.", ["It helps people with A.D.", "Dance if you can."]),
    ("He has COPD. Walk each day.", ["He has C.O.P.D.", "Walk each day."]),
    ("Get tested for HIV. Treatment works.", ["Get tested for H.I.V.", "Treatment works."]),
    # dotted initials inside a sentence, titles and initials stay one sentence
    ("It was built in A.D. 1500 by monks.", ["It was built in A.D fifteen hundred by monks."]),
    ("Most U.S. adults have it.", ["Most U.S adults have it."]),
    ("Ask the U.S. Food and Drug Administration.", ["Ask the U.S Food and Drug Administration."]),
    ("See Dr. Smith today.", ["See Doctor Smith today."]),
    ("Tari A. King wrote it.", ["Tari A. King wrote it."]),
)
def test_a_sentence_ending_in_an_acronym_ends_in_the_script(written: str, spoken: list[str]) -> None:
    assert split_sentences(say(written), spoken=True) == spoken


def test_written_text_keeps_dotted_initials_before_a_name() -> None:
    assert split_sentences("The U.S. Food and Drug Administration. Ask.") == [
        "The U.S. Food and Drug Administration.", "Ask."]


@table(
    # a dose measure right before the form it comes in describes it: singular unit
    ("Take the 10mg tablets.", "Take the 10 milligram tablets."),
    ("It comes as 20 mg capsules.", "It comes as 20 milligram capsules."),
    ("Use the 5ml spoon.", "Use the 5 milliliter spoon."),
    ("Give 2 mL doses.", "Give 2 milliliter doses."),
    ("Use a 5 mL spoon.", "Use a 5 milliliter spoon."),
    # the unit is the head: plural
    ("Take 10 mg twice a day.", "Take 10 milligrams twice a day."),
    ("Take 20 mg of it.", "Take 20 milligrams of it."),
    ("Take 10 mg. Tablets are white.", "Take 10 milligrams. Tablets are white."),
    ("The dose is 40 mg daily.", "The dose is 40 milligrams daily."),
    ("Take 1 mg tablets.", "Take 1 milligram tablets."),
)
def test_a_dose_measure_before_its_form_is_singular(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    ("Take Losec MUPS tablets.", "Take Losec MUPS tablets."),  # said "mups" (Piper's phonemizer: m'ʌps)
    ("Take MMR vaccine.", "Take M.M.R vaccine."),
)
def test_mups_is_said_as_a_word(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    # a gloss before "or", "and" or a comma would be heard as one more item: the term for plain words is "called",
    # a plainer word for a harder one is "meaning"
    ("Had diabetes while pregnant (gestational diabetes) or gave birth?",
     "Had diabetes while pregnant, called gestational diabetes, or gave birth?"),
    ("Signs are belly pain (abdominal pain) or fever.", "Signs are belly pain, called abdominal pain, or fever."),
    ("Scans help detect (find), diagnose, and stage it.", "Scans help detect, meaning find, diagnose, and stage it."),
    ("It causes anorexia (loss of appetite) and fever.", "It causes anorexia, meaning loss of appetite, and fever."),
    # inside a noun phrase "or" stays; other brackets keep their commas
    ("Kidney (renal) disease and gout.", "Kidney, or renal, disease and gout."),
    ("You may get IV (intravenous) fluids.", "You may get I.V, or intravenous, fluids."),
    ("The cancer has recurred (come back) after treatment.", "The cancer has recurred, come back, after treatment."),
    ("Write your weight (kg) and height (cm).", "Write your weight, kg, and height, cm."),
)
def test_a_gloss_in_a_series_is_not_heard_as_an_item(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    # a bracket of examples holding its own list, inside an outer series: its examples are said after the sentence
    ("Events like natural disasters (such as floods, fires, or storms) or acts of violence (such as assault or abuse)"
     " can hurt.",
     "Events like natural disasters or acts of violence can hurt. Examples of natural disasters are floods, fires, or"
     " storms. Examples of acts of violence are assault or abuse."),
    ("Some foods (e.g. nuts, seeds) and fish contain zinc.", "Some foods and fish contain zinc. Examples of foods are"
     " nuts, seeds."),
    # no outer series after it, a list of one, no noun phrase before it, or no things in it: said between commas
    ("Disasters (such as floods, fires, or storms) can cause stress.",
     "Disasters, such as floods, fires, or storms, can cause stress."),
    ("If you live through a disaster (such as a flood, fire, or storm), call us.",
     "If you live through a disaster, such as a flood, fire, or storm, call us."),
    ("Eat nuts (such as almonds) or seeds.", "Eat nuts, such as almonds, or seeds."),
    ("Take drugs (including aspirin, ibuprofen) and rest.", "Take drugs, including aspirin, ibuprofen, and rest."),
    ("Avoid the sun (such as at noon, in summer) and heat.", "Avoid the sun, such as at noon, in summer, and heat."),
)
def test_examples_inside_an_outer_series_are_said_after_it(written: str, spoken: str) -> None:
    assert say(written) == spoken
