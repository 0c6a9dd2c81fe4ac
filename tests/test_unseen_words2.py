"""How text is said, second round of unseen pages: service numbers, vanity numbers' digits, table rows, codes,
street numbers, emphasis across brackets, restated numbers and smaller slips; each rule with the look-alikes it
must leave alone (pure text, no speech synthesis)."""
from __future__ import annotations

from pathlib import Path

from narration.cli import main
from narration.ingest.tables import spoken_rows
from narration.models import Block
from spoken_table import say, table


@table(
    # a service number written with separators is the number said digit by digit
    ("If it cannot wait, call 9-1-1 now.", "If it cannot wait, call 9 1 1 now."),
    ("call 9.1.1 or go to the hospital", "call 9 1 1 or go to the hospital"),
    ("call 9 1 1", "call 9 1 1"),
    # a service number that names its service
    ("988 is the crisis line for everyone.", "9 8 8 is the crisis line for everyone."),
    ("Rest first. 988 Is Here For You.", "Rest first. 9 8 8 Is Here For You."),
    ("Reach the 988 Lifeline any time.", "Reach the 9 8 8 Lifeline any time."),
    ("Call or text 988.", "Call or text 9 8 8."),
    ("911 can send an ambulance.", "9 1 1 can send an ambulance."),
    # counts and other numbers stay numbers
    ("988 people called last year.", "988 people called last year."),
    ("The 911 patients were seen.", "The 911 patients were seen."),
    ("In all, 911 people came.", "In all, 911 people came."),
    ("scores of 1-2-3", "scores of 1-2-3"),
)
def test_service_numbers(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    ("call 1-877-222-VETS (8387) on weekdays", "call 1 8 7 7, 2 2 2, vets, that is, 8 3 8 7, on weekdays"),
    ("Call 1-800-AHA-USA-1 (242-8721).", "Call 1 800, aha U.S.A, 1, that is, 2 4 2, 8 7 2 1."),
    ("1-800-4-CANCER (1-800-422-6237)", "1 800, 4, cancer, that is, 1 800, 4 2 2, 6 2 3 7"),  # the whole number
    ("call 1-800-QUIT-NOW (24 hours) now", "call 1 800, quit now, 24 hours, now"),  # no number in the bracket
)
def test_digits_in_brackets_after_a_vanity_number(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    ("a reading of 180/120 mm Hg", "a reading of 180 over 120 millimeters of mercury"),
    ("under 120 mmHg.", "under 120 millimeters of mercury."),
    ("SYSTOLIC mm Hg (upper number)", "SYSTOLIC millimeters of mercury, upper number"),
    ("a 5 mm lump", "a 5 millimeter lump"),
)
def test_millimeters_of_mercury(written: str, spoken: str) -> None:
    assert say(written) == spoken


def _row(header: tuple[str, ...], *rows: tuple[str, ...]) -> list[str]:
    return spoken_rows(Block("table", header=header, rows=rows))


def test_a_column_of_conjunctions_joins_its_neighbours() -> None:
    header = ("Category", "Top number", "and/or", "Bottom number")
    rows = _row(header, ("Normal", "below 120", "and", "below 80"), ("High", "130 or more", "or", "80 or more"),
                ("Crisis", "over 180", "and/or", "over 120"))
    assert rows == ["Normal: top number, below 120; and bottom number, below 80.",
                    "High: top number, 130 or more; or bottom number, 80 or more.",
                    "Crisis: top number, over 180; and/or bottom number, over 120."]


def test_a_column_with_other_words_is_still_labelled() -> None:
    header = ("Food", "Fiber", "Or")  # a header "Or" over values is a real column
    assert _row(header, ("Pears", "5 grams", "apples")) == ["Pears: fiber, 5 grams; or, apples."]
    no_header = spoken_rows(Block("table", rows=(("Pears", "5 grams", "or", "6 grams"), ("Figs", "3 grams", "", ""))))
    assert no_header == ["Pears: 5 grams, or 6 grams.", "Figs: 3 grams."]


@table(
    # capitals typed for emphasis run on across brackets and numbers
    ("HIGH BLOOD PRESSURE (HYPERTENSION) STAGE 1: top 130", "High blood pressure, hypertension, stage 1: top 130"),
    ("After a long visit to the clinic, YOU MUST ASK A FRIEND (OVER 18) TO DRIVE YOU home",
     "After a long visit to the clinic, you must ask a friend, over 18, to drive you home"),
    ("Ask about STAGE 2 BREAST CANCER today", "Ask about stage 2 breast cancer today"),
    # acronyms beside them stay spelled
    ("AML (ACUTE MYELOID LEUKEMIA) is rare", "A.M.L, acute myeloid leukemia, is rare"),
    ("the NCI (NIH) site", "the N.C.I, N.I.H, site"),
    ("He has HIV (AIDS) now", "He has H.I.V, AIDS, now"),
    ("Tell the NURSE", "Tell the N.U.R.S.E"),
)
def test_emphasis_runs_across_brackets_and_numbers(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    # codes of capitals and digits, said in parts
    ("use IR3535 or DEET", "use I.R 35 35 or DEET"),
    ("fill out Form 10-10EZ", "fill out Form 10 10 E.Z"),
    ("the CYP2D6 gene", "the C.Y.P 2 D 6 gene"),
    ("G6PD deficiency", "G 6 P.D deficiency"),
    ("an ICD-10 code", "an I.C.D 10 code"),
    ("the CA-125 test", "the C.A 125 test"),
    ("model X1000", "model X 1000"),
    # codes the voice reads right are left alone
    ("H1N1 flu", "H1N1 flu"),
    ("an N95 mask", "an N95 mask"),
    ("your A1C", "your A1C"),
    ("vitamin B12", "vitamin B12"),
    ("a W-2 form", "a W-2 form"),
    ("PM2.5 levels", "PM2.5 levels"),
    ("COVID-19", "COVID 19"),
    ("HPV16", "H.P.V 16"),
    # mixed-case initialisms are spelled; names and lexicon words are not
    ("the DTaP vaccine", "the D.T.A.P vaccine"),
    ("IgG and IgA", "I.G.G and I.G.A"),
    ("McCoy", "McCoy"),
    ("a BiPAP machine", "a bye-pap machine"),
    ("CoQ10", "co Q 10"),
    ("MDs", "M.D.'s"),
    # letters joined one by one
    ("the U-M Health System", "the U.M Health System"),
    ("an X-RAY", "an X-ray"),
)
def test_codes_and_initialisms(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    # four or five digits before a street's name are said in pairs
    ("2957 Clairmont Road Suite 200", "29 57 Clairmont Road Suite 200"),
    ("4500 East-West Highway, Bethesda", "45 hundred East-West Highway, Bethesda"),
    ("1005 Market Street", "10 oh 5 Market Street"),
    ("12345 Old Oak Lane", "1 23 45 Old Oak Lane"),
    ("10100 Park Avenue", "1 oh 1 hundred Park Avenue"),
    # shorter numbers and numbers before no street stay numbers
    ("100 Main Street", "100 Main Street"),
    ("4 Elm Street", "4 Elm Street"),
    ("at 211 Main Street", "at 211 Main Street"),
    ("about 2500 Americans", "about 2500 Americans"),
    ("In 1995 the road opened", "In nineteen ninety-five the road opened"),
)
def test_street_numbers(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    ("the visit lasts two to four (2–4) hours", "the visit lasts two to four hours"),
    ("Take 4 (four) tablets.", "Take 4 tablets."),
    ("Take two (2) tablets daily.", "Take two tablets daily."),
    ("for twenty-one (21) days", "for twenty-one days"),
    # a bracket that says something else stays
    ("for 2 (or 3) days", "for 2, or 3, days"),
    ("in 3 (of 10) cases", "in 3, of 10, cases"),
    ("take 2 (3 for adults) tablets", "take 2, 3 for adults, tablets"),
)
def test_a_bracket_restating_a_number_is_dropped(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    ("the medicine doesn¹t work", "the medicine doesn't work"),
    ("it¹s fine", "it's fine"),
    ("studies¹ show", "studies show"),  # a footnote mark
    ("42 U.S.C. § 300aa-26", "42 U.S.C section 300 A.A 26"),
    ("in 1st-2nd grade", "in 1st-2nd grade"),
    ("a computed tomography (CT or CAT) scan", "a computed tomography, C.T or cat, scan"),
    ("a CT/CAT scan", "a C.T or cat scan"),
    ("the CAT gene", "the C.A.T gene"),
    ('For more, go to "How Is This Illness Treated at Home?")',
     "For more, go to, quote, How Is This Illness Treated at Home?, end quote."),
    ('go to "How Is It Treated?"', "go to, How Is It Treated?"),
    ('Read "Why Do We Sleep?" for more.', "Read, Why Do We Sleep?, for more."),
    ('He said "take two tablets each morning with food." Then he left.',
     "He said, quote, take two tablets each morning with food, end quote. Then he left."),
)
def test_smaller_slips(written: str, spoken: str) -> None:
    assert say(written) == spoken


BODY = ("Fever is common in children. It is often a sign that the body is fighting an infection. "
        "Most fevers go away in a few days.")


def _captions(tmp_path: Path, opening: str) -> list[str]:
    (tmp_path / "fever.txt").write_text(f"Fever in Children\n\n{opening}\n\n{BODY}\n", encoding="utf-8")
    assert main(["scripts", "-q", "--scripts", str(tmp_path / "scripts"), str(tmp_path / "fever.txt")]) == 0
    review = (tmp_path / "scripts" / "fever" / "REVIEW.md").read_text(encoding="utf-8")
    return [line for line in review.splitlines() if ": possible caption: " in line]


@table(
    ("Make sure you’re giving your child the right dose of medicine.", ""),
    ("A child resting on a sofa with a cool cloth on the forehead.", "caption"),
    ("A high fever in a young baby increases your worry as a parent.", "caption"),  # "your" alone: may caption
)
def test_an_opening_that_speaks_to_the_reader_is_no_caption(tmp_path: Path, written: str, spoken: str) -> None:
    assert bool(_captions(tmp_path, written)) == bool(spoken)
