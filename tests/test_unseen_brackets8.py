"""Round 8 (L-10, M-11, M-12, M-17): brackets and dashes that sounded like items of a series, decided on the
text as written (before numbers, units and capitals are rewritten)."""
from __future__ import annotations

import pytest

from narration.ingest.debris import DEFAULT_DEBRIS
from narration.text.lexicon import Lexicon, Report
from narration.text.normalize import normalize


def say(text: str) -> str:
    return normalize(text, Lexicon({}), Report())


def table(*rows: tuple[str, str]):
    return pytest.mark.parametrize(("written", "spoken"), rows)


@table(
    # a short synonym inside a noun phrase: "X, or Y,"; before a comma or a conjunction "or Y" would sound like one
    # more item of a series: "meaning Y" (round 10, Q-8)
    ("Liver (hepatic) disease and kidney disease.", "Liver, or hepatic, disease and kidney disease."),
    ("It causes nausea (feeling sick), fever and chills.", "It causes nausea, meaning feeling sick, fever and chills."),
    ("The outlook (chance of getting well) and treatment vary.",
     "The outlook, meaning chance of getting well, and treatment vary."),
    ("You may get IV (intravenous) fluids.", "You may get I.V, or intravenous, fluids."),
    ("You may get I.V. (intravenous) fluids.", "You may get I.V, or intravenous, fluids."),
    ("Avoid the contrast (dye), some pills and some creams.", "Avoid the contrast, meaning dye, some pills and some creams."),
)
def test_a_gloss_is_said_as_another_name(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    # units, numbers, acronyms, capitals, pointers and qualifiers keep today's plain commas
    ("Write your weight (kg) and height (cm).", "Write your weight, kg, and height, cm."),
    ("Your level (mg/dL) is high.", "Your level, milligrams per deciliter, is high."),
    ("Call if you have a fever (over 100.4°F) or chills.",
     "Call if you have a fever, over 100 point 4 degrees Fahrenheit, or chills."),
    ("Stage II (2) cancer.", "Stage two, 2, cancer."),
    ("High blood pressure (HYPERTENSION) is common.", "High blood pressure, HYPERTENSION, is common."),
    ("Talk to your doctor (see below) about it.", "Talk to your doctor, see below, about it."),
    ("Bring a snack (optional) and water.", "Bring a snack, optional, and water."),
    ("Some foods (e.g. nuts) contain zinc.", "Some foods, for example, nuts, contain zinc."),
    ("Take it with food (if needed) and water.", "Take it with food, if needed, and water."),
    ("Exposed to DES (a synthetic estrogen) before birth.", "Exposed to D.E.S, a synthetic estrogen, before birth."),
    ("The cancer has recurred (come back) after treatment.", "The cancer has recurred, come back, after treatment."),
    ("Take your pills (tablets).", "Take your pills, tablets."),
)
def test_other_brackets_keep_their_commas(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    # a brand name after a generic drug's name is named as one, so two brands do not sound like two more drugs
    ("Drugs such as warfarin (Coumadin) and aspirin.", "Drugs such as warfarin, brand name Coumadin, and aspirin."),
    ("Take metformin (Glucophage or Fortamet) daily.", "Take metformin, brand names Glucophage or Fortamet, daily."),
    # not after an ordinary word, nor ordinary or shouted words inside
    ("She moved to the city (Boston) last year.", "She moved to the city, Boston, last year."),
    ("A nerve disease (Shingles) can hurt.", "A nerve disease, Shingles, can hurt."),
)
def test_a_brand_name_is_named(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    # a clause with its own commas, followed by "and": said as a sentence after its own
    ("It causes swelling (signs include heat, redness, and pain) and stiffness in joints.",
     "It causes swelling and stiffness in joints. Signs include heat, redness, and pain."),
    ("Surgery (this is rare) may be needed. Ask your doctor.", "Surgery may be needed. This is rare. Ask your doctor."),
    # not a clause: a relative clause, an imperative, a list
    ("Surgery (which is rare) may be needed.", "Surgery, which is rare, may be needed."),
    ("Eat fruit (apples, pears, or plums) every day.", "Eat fruit, apples, pears, or plums, every day."),
)
def test_a_clause_aside_is_its_own_sentence(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    ("Capecitabine (ka-peh-SY-tuh-been ) is a drug.", "Capecitabine is a drug."),
    ("Temozolomide (teh-moh-ZOH-loh-mide) is a drug.", "Temozolomide is a drug."),
    ("It is a drug (pill-like) for pain.", "It is a drug, pill-like, for pain."),
)
def test_a_respelling_with_a_space_inside_is_skipped(written: str, spoken: str) -> None:
    assert say(written) == spoken


def test_a_respelling_line_with_a_space_inside_is_debris() -> None:
    import re

    patterns = [re.compile(p) for name, p in DEFAULT_DEBRIS if name == "pronunciation"]
    assert any(p.search("(ka-peh-SY-tuh-been )") for p in patterns)


@table(
    # an en dash between ordinary words of a sentence is a pause; between two names of things it joins a compound
    ("It is safe to be near you–even small children.", "It is safe to be near you, even small children."),
    ("Pain–especially at night–is common.", "Pain, especially at night, is common."),
    ("A reverse transcription–polymerase chain reaction test.", "A reverse transcription polymerase chain reaction test."),
    ("The risk–benefit balance.", "The risk benefit balance."),
)
def test_an_en_dash_between_words(written: str, spoken: str) -> None:
    assert say(written) == spoken
