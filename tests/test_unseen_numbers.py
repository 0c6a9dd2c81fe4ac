"""Numbers, units and quantities as written on pages nobody tuned the rules to: concentrations, fractions of a
measure, short dates, temperatures without the degree sign, dosing abbreviations, service and vanity phone
numbers; each rule with the look-alikes it must leave alone."""
from __future__ import annotations

import pytest

from narration.review import default_rules, unknown_abbreviations
from narration.text.sentences import split_sentences
from spoken_table import say, table



@table(
    # a unit over a unit (or over a number and its unit) is "per", units in any capitals after the slash
    ("Drops of 160mg/5mL.", "Drops of 160 milligrams per 5 milliliters."),
    ("a syrup of 50mg/1.25mL", "a syrup of 50 milligrams per 1 point 2 5 milliliters"),
    ("levels below 45 ng/ml today", "levels below 45 nanograms per milliliter today"),
    ("levels (ng/ml) fell", "levels, nanograms per milliliter, fell"),
    ("a dose of 2.5 mg/kg/day", "a dose of 2 point 5 milligrams per kilogram per day"),
    ("15 mg/kg/dose", "15 milligrams per kilogram per dose"),
    ("3 mg/DL and 3 mg/dl", "3 milligrams per deciliter and 3 milligrams per deciliter"),
    ("500 mg/tablet", "500 milligrams per tablet"),
    ("5 mg/day", "5 milligrams a day"),
    ("2 g/day or 500 mg/dose", "2 grams a day or 500 milligrams per dose"),
    ("5mg/10mg tablets", "5 milligrams or 10 milligrams tablets"),  # two strengths
    ("units of mg/dL and mmol/L", "units of milligrams per deciliter and millimoles per liter"),
    ("1 mL/kg", "1 milliliter per kilogram"),
    # a unit's full stop also ends the sentence before a capital (the splitter then cuts there)
    ("lower than 70 mg/dL. Yours may differ.", "lower than 70 milligrams per deciliter. Yours may differ."),
    ("Take 5 mg. Then rest.", "Take 5 milligrams. Then rest."),
    ("a child 6 mo. to 8 yrs. old", "a child 6 months to 8 years old"),
    # a slash between quantities that are no units is a pause, not "or"
    ("open 24 hours a day/7 days a week", "open 24 hours a day, 7 days a week"),
    ("the 24/7 line", "the 24 7 line"),
    ("yes/no questions", "yes or no questions"),
    ("120/80 mmHg", "120 over 80 millimeters of mercury"),
)
def test_concentrations_and_ratios(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    # a fraction of a measure: singular below one, plural from one on; tsp, tbsp, oz, lb and cup said in full
    ("Give ½ tsp. now.", "Give half a teaspoon now."),
    ("Give 1½ tsp. daily", "Give 1 and a half teaspoons daily"),
    ("Give 2 ½ tsp. daily", "Give 2 and a half teaspoons daily"),
    ("Give 2 1/2 tsp daily", "Give 2 and a half teaspoons daily"),
    ("Add ¼ cup of milk", "Add a quarter of a cup of milk"),
    ("Add 3/4 cup of flour", "Add three quarters of a cup of flour"),
    ("Add ⅓ cup, 2/3 cup and 1/8 tsp", "Add a third of a cup, two thirds of a cup and an eighth of a teaspoon"),
    ("Add 1 3/4 cups", "Add 1 and three quarters cups"),
    ("½ oz and 1/2 hour", "half an ounce and half an hour"),
    ("1 1⁄2 tbsp", "1 and a half tablespoons"),  # a fraction slash
    ("2 tbsp and 1 Tbsp", "2 tablespoons and 1 tablespoon"),
    # before its noun, the measure is singular with no article
    ("a 1/2 cup serving", "a half cup serving"),
    ("cut into 1/2-inch pieces", "cut into half inch pieces"),
    # bare fractions and mixed numbers
    ("2 ½", "2 and a half"),
    ("one half of 1/2 of them", "one half of one half of them"),
    ("between 1/2 and 3/4 of patients", "between one half and three quarters of patients"),
    ("in 2019 1/3 of adults", "in 2019 one third of adults"),
    # not fractions: dates, ratios in words, scores
    ("on 1/2/2024", "on January 2, 2024"),
    ("1 in 2 people", "1 in 2 people"),
    ("rate your pain 7/10", "rate your pain 7 over 10"),
)
def test_fractions(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    # two-digit years: 20yy up to ten years ahead of this year, 19yy beyond
    ("Procedure Date: 01/14/24", "Procedure Date: January 14, 2024"),
    ("born 12/25/99", "born December 25, nineteen ninety-nine"),
    ("on 5/1/2024", "on May 1, 2024"),
    ("on 2/30/24", "on 2, 30, 24"),  # no such day: no date
    ("a 3/4 split", "a three quarters split"),
)
def test_short_dates(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    # degrees without the degree sign, in text about temperature
    ("A high temperature is 38C or more.", "A high temperature is 38 degrees Celsius or more."),
    ("a normal temperature is about 36.4C, but", "a normal temperature is about 36 point 4 degrees Celsius, but"),
    ("a fever of 100.4 F or 100.4F.", "a fever of 100 point 4 degrees Fahrenheit or 100 point 4 degrees Fahrenheit."),
    ("Cook to 165 F; freeze at 0F and -18C.",
     "Cook to 165 degrees Fahrenheit; freeze at 0 degrees Fahrenheit and -18 degrees Celsius."),
    ("a fever of 38 to 39C", "a fever of 38 to 39 degrees Celsius"),
    ("a fever of 38.5 °C", "a fever of 38 point 5 degrees Celsius"),
    # not temperatures: a class, a vitamin, a virus, a lab value, a catheter's size, a flat, no word of heat
    ("Stage 2C cancer with fever", "Stage 2C cancer with fever"),
    ("Class 1C drugs and a fever", "Class 1C drugs and a fever"),
    ("vitamin C, hepatitis C and fever", "vitamin C, hepatitis C and fever"),
    ("HbA1c and C1 with fever", "H.B.A 1 C and C1 with fever"),
    ("a 5F catheter in a child with fever", "a 5F catheter in a child with fever"),
    ("Apartment 4F is hot.", "Apartment 4F is hot."),
    ("Take 38C to the desk.", "Take 38C to the desk."),
)
def test_temperatures(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    ("Take it b.i.d. with food.", "Take it twice a day with food."),
    ("Take it t.i.d. and q.i.d.", "Take it three times a day and four times a day."),
    ("Take it q.d. Then rest.", "Take it once a day. Then rest."),
    ("Use it p.r.n. for pain", "Use it as needed for pain"),
    ("1 tablet p.o. h.s. or q.h.s.", "1 tablet by mouth at bedtime or at bedtime."),
    ("Take it B.I.D.", "Take it twice a day."),
    ("Take 1 tablet BID and 2 TID, PRN.", "Take 1 tablet twice a day and 2 three times a day, as needed."),
    ("q4h, q 4 h, q4-6h, Q6H, q1h", "every 4 hours, every 4 hours, every 4 to 6 hours, every 6 hours, every hour"),
    ("every 4 hr", "every 4 hours"),
    # not doses: a post office box, a high school, a name
    ("P.O. Box 12", "P.O Box 12"),
    ("H.S. graduates", "H.S graduates"),
    ("Ask Po Chen.", "Ask Po Chen."),
)
def test_dosing_abbreviations(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    # service numbers digit by digit after call, dial, text, at, or, or alone on a line
    ("call emergency services at 911.", "call emergency services at 9 1 1."),
    ("Call 911 if you need help.", "Call 9 1 1 if you need help."),
    ("call or text 988", "call or text 9 8 8"),
    ("Dial 411.", "Dial 4 1 1."),
    ("Call 111 or your doctor now.", "Call 1 1 1 or your doctor now."),
    ("Call 999 or 112.", "Call 9 9 9 or 1 1 2."),
    ("911", "9 1 1"),
    # counts and addresses stay numbers
    ("911 patients were seen.", "911 patients were seen."),
    ("at 211 Main Street", "at 211 Main Street"),
    ("at 311 sites", "at 311 sites"),
    ("The 211 bus", "The 211 bus"),
    # phone numbers with letter groups, hyphens or en dashes
    ("1-877-44U-QUIT", "1 8 7 7, 4 4-U, quit"),
    ("1–877–44U–QUIT", "1 8 7 7, 4 4-U, quit"),
    ("1-800-QUIT-NOW", "1 800, quit now"),
    ("1–800–4–CANCER", "1 800, 4, cancer"),
    ("1-800-4-CANCER (1-800-422-6237)", "1 800, 4, cancer, that is, 1 800, 4 2 2, 6 2 3 7"),
    ("Call 1-800-FTC-HELP.", "Call 1 800, F.T.C help."),
    ("Take 800 MG tablets.", "Take 800 M.G tablets."),  # a dose, no phone number
    ("Call 1-800-422-6237.", "Call 1 800, 4 2 2, 6 2 3 7."),
)
def test_phone_numbers(written: str, spoken: str) -> None:
    assert say(written) == spoken


def test_a_list_item_cut_after_a_unit_is_two_sentences() -> None:
    spoken = say("For many, this means lower than 70 mg/dL. Your number might differ.")
    assert split_sentences(spoken) == ["For many, this means lower than 70 milligrams per deciliter.",
                                       "Your number might differ."]


@pytest.mark.parametrize(("sentence", "flagged"), [
    ("Come by 6 30 P.M, please.", []),  # the P of a spelled P.M is no abbreviation
    ("Come by 6 P.M.", []),
    ("the 5 U.S states", []),
    ("Take 2 tbsp daily.", ["2 tbsp"]),
    ("a child 6 mo. to 8 yrs", ["6 mo.", "8 yrs"]),
])
def test_review_abbreviations_after_numbers(sentence: str, flagged: list[str]) -> None:
    assert unknown_abbreviations(sentence, default_rules()) == flagged
