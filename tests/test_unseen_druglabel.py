"""Round seven (pages J) on an over-the-counter medicine's Drug Facts label: a dosing table pasted with tabs, the
label's fixed section names, its byline and the site's notices around it. Each rule with the look-alikes it must
leave alone; the examples are our own words."""
from __future__ import annotations

from pathlib import Path

import pytest

from narration.ingest.tables import spoken_rows, tab_tables
from narration.models import Block

from test_unseen_structure import article, headings, outline


def said(text: str, tmp_path: Path) -> str:
    return "\n".join(outline(article(text, tmp_path)))


def dropped(text: str, tmp_path: Path) -> dict[str, str]:
    return {d.line: d.pattern for d in article(text, tmp_path).dropped}


def table(lines: list[str]) -> Block:
    found = [part for part in tab_tables(lines) if isinstance(part, Block)]
    assert len(found) == 1
    return found[0]


# --- S2: a dosing table's first row is a header only when its cells are labels ------------------------------------

@pytest.mark.parametrize("lines, rows", [
    # the adults' row first: three rows, each said with its own dose
    (["adults and children 12 years and over\ttake 2 tablets every 6 hours; not more than 8 in a day",
      "children 6-11 years\ttake 1 tablet every 6 hours; not more than 4 in a day",
      "children under 6 years\tdo not use"],
     ["adults and children 12 years and over: take 2 tablets every 6 hours; not more than 8 in a day.",
      "children 6-11 years: take 1 tablet every 6 hours; not more than 4 in a day.",
      "children under 6 years: do not use."]),
    # doses written in words, or a bare amount: still values, not column names
    (["Adults\tTake two capsules", "Children\tTake one capsule"],
     ["Adults: take two capsules.", "Children: take one capsule."]),
    (["Adults\t900 mcg", "Teens\t700 mcg"], ["Adults: 900 mcg.", "Teens: 700 mcg."]),
])
def test_a_data_row_first_is_never_the_header(lines: list[str], rows: list[str]) -> None:
    found = table(lines)
    assert found.header == () and spoken_rows(found) == rows


@pytest.mark.parametrize("lines, header", [
    (["Age\tDose", "Adults\t2 tablets", "Children 6-11 years\t1 tablet"], ("Age", "Dose")),
    (["Blood Lead Level (µg/dL)\tRecommended Action", "5-9\tRetest in 3 months", "10 or more\tSee a doctor"],
     ("Blood Lead Level (µg/dL)", "Recommended Action")),
    (["Life Stage\tRecommended Amount", "Adult women\t700 mcg", "Adult men\t900 mcg"],
     ("Life Stage", "Recommended Amount")),
    # an empty corner over the rows' labels: the columns' names, digits or not
    (["\tAge 50 or younger\tAge 51 or older", "Men\t38 grams\t30 grams", "Women\t25 grams\t21 grams"],
     ("", "Age 50 or younger", "Age 51 or older")),
])
def test_a_row_of_labels_first_is_the_header(lines: list[str], header: tuple[str, ...]) -> None:
    assert table(lines).header == header


# --- S3: a Drug Facts label's section names are headings, and the lines under them stay ----------------------------

LABEL = ("Pain Away Tablets\n\nDrug Facts\n\nActive ingredient (in each caplet)\n\nIbuprofen 200 mg\n\nPurpose\n\n"
         "Pain reliever\n\nUses\n\n- relieves minor aches\n- reduces fever\n\nWarnings\n\n"
         "Stomach bleeding warning: This product has an NSAID. It may cause bleeding.\n\n"
         "Stop use and ask a doctor if\n\n- you feel faint\n- pain gets worse\n\n"
         "Directions\n\n- take 1 caplet every 6 hours\n\nInactive ingredients\n\n"
         "starch, talc, titanium dioxide, wax\n\nQuestions or comments?\n\ncall 1-800-555-0100 weekdays\n")


def test_a_labels_section_names_are_headings(tmp_path: Path) -> None:
    found = headings(article(LABEL, tmp_path))
    for name in ("Active ingredient (in each caplet)", "Purpose", "Uses", "Stop use and ask a doctor if",
                 "Inactive ingredients", "Questions or comments?"):
        assert any(line.lstrip("#").strip() == name for line in found), name


def test_the_lines_under_a_labels_names_are_kept(tmp_path: Path) -> None:
    text = said(LABEL, tmp_path)
    for kept in ("Ibuprofen 200 mg", "Pain reliever", "starch, talc, titanium dioxide, wax", "call 1-800-555-0100"):
        assert kept in text, kept


def test_a_few_label_words_do_not_make_a_label(tmp_path: Path) -> None:
    """'Uses' and 'Directions' on another page are left to the usual rules."""
    text = ("Heat packs\n\nA heat pack eases sore muscles. It is cheap and easy to use.\n\nUses\n\n"
            "Back pain\n\nDirections\n\nWarm the pack for one minute. Test it on your wrist first.\n")
    assert "# Uses" not in headings(article(text, tmp_path))


@pytest.mark.parametrize("lines, kept", [
    # a comma-separated list of substances is no picture's alt text
    ("Ingredients\n\nwater, sugar, citric acid, salt\n\n", "water, sugar, citric acid, salt"),
    # nor is a lower-case line under a label ending ':' or a question
    ("What to bring:\n\nyour pill bottles\n\n", "your pill bottles"),
    ("Who can help?\n\nyour pharmacist or nurse\n\n", "your pharmacist or nurse"),
])
def test_a_lower_case_line_under_a_heading_is_kept(lines: str, kept: str, tmp_path: Path) -> None:
    text = ("Cough syrup\n\nCough syrup soothes a dry cough. Ask first before giving it to a child.\n\n" + lines
            + "More help\n\nYour pharmacist can tell you which syrup suits you. Ask at the counter.\n")
    assert kept in said(text, tmp_path)


def test_a_lone_alt_text_is_still_dropped(tmp_path: Path) -> None:
    text = ("Cough syrup\n\nCough syrup soothes a dry cough. Ask first before giving it to a child.\n\n"
            "a bottle of red syrup\n\nMore help\n\nYour pharmacist can tell you which syrup suits you.\n")
    assert dropped(text, tmp_path).get("a bottle of red syrup") == "<image description>"


# --- S4: a clause beside another of its form is the page's text --------------------------------------------------

def test_a_run_of_clauses_is_body_not_a_heading(tmp_path: Path) -> None:
    text = ("Cold tablets\n\nThese tablets ease a cold. Read the label first.\n\n"
            "Ask a doctor before use if the user has kidney disease\n\n"
            "Ask a doctor or nurse before use if the user is taking a water pill every day\n\n"
            "Keep out of reach of children. Store in a dry place.\n")
    assert not any("kidney" in line for line in headings(article(text, tmp_path)))


@pytest.mark.parametrize("text, heading", [
    # a heading that shares its first words with the sentence under it
    ("Ask a doctor\n\nAsk a doctor if the pain lasts more than a week or keeps you awake at night.\n\n",
     "# Ask a doctor"),
    # stacked headings of one form
    ("How to take it\n\nHow to store it\n\nKeep it in a cool dry place. Do not freeze it.\n\n", "How to store it"),
])
def test_headings_beside_a_sentence_of_their_form_stay(text: str, heading: str, tmp_path: Path) -> None:
    page = "Cold tablets\n\nThese tablets ease a cold. Read the label first.\n\n" + text
    assert any(heading.lstrip("# ") in line for line in headings(article(page, tmp_path)))


# --- S1 and D1: the maker under the title, a site's disclaimer and its menu ----------------------------------------

@pytest.mark.parametrize("company", ["Acme Brands LLC", "Example Pharma, Inc.", "Northwind Labs Ltd", "Contoso Corp."])
def test_a_company_line_under_the_title_is_a_byline(company: str, tmp_path: Path) -> None:
    text = f"Pain Away Tablets\n{company}\n\nPain Away eases aches. Take it with food.\n\nUses\n\nIt eases aches.\n"
    found = article(text, tmp_path)
    assert dropped(text, tmp_path).get(company) == "<byline>"
    assert all(section.heading != company for section in found.sections)


def test_a_sentence_about_a_company_is_kept(tmp_path: Path) -> None:
    text = "Pain Away Tablets\n\nThe tablets are made by Acme Brands LLC.\n\nThey ease aches. Take them with food.\n"
    assert "Acme Brands LLC" in said(text, tmp_path)


def test_a_sites_disclaimer_and_menu_are_dropped(tmp_path: Path) -> None:
    text = ("Pain Away Tablets\nDisclaimer: This site has not checked this label. Ask your pharmacist.\n"
            "Label Info\nSafety Notices\nReport a Problem\nRelated Resources\n\n" + LABEL.split("\n\n", 1)[1])
    gone = dropped(text, tmp_path)
    assert gone.get("Disclaimer: This site has not checked this label. Ask your pharmacist.") == "<site notice>"
    assert "Safety Notices" in gone and "Drug Facts" not in gone and "Ibuprofen 200 mg" not in gone


@pytest.mark.parametrize("written, spoken", [
    ("PAIN AWAY EXTRA STRENGTH- ibuprofen tablet", "Pain away extra strength, ibuprofen tablet"),
    ("Mood- and anxiety-related problems", "Mood- and anxiety-related problems"),
    ("Walk for 10- to 15-minute spells.", "Walk for 10 to 15-minute spells."),
])
def test_a_dangling_hyphen_is_a_pause(written: str, spoken: str) -> None:
    from narration.text.lexicon import Report, load_lexicon
    from narration.text.normalize import normalize
    assert normalize(written, load_lexicon(None), Report()) == spoken
