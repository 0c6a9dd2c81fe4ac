"""Structure of pasted text on pages nobody tuned the reader to (round 13): no heading of the article is lost
without a word, title lines and headings read as the page shows them."""
from __future__ import annotations

from pathlib import Path

import pytest

from narration.ingest import read_article
from narration.ingest.outline import narrated_blocks
from said import parse_page

BODY = "Flu is an infection of the nose, throat and lungs. It spreads from person to person."
MORE = "Most people get better within a week. Rest and fluids help the body fight it."


parse = parse_page  # (title, what is said, (dropped line, rule))


def headings_read(text: str, tmp_path: Path) -> list[str]:
    """Every heading a listener hears: the sections' and the sub-headings narrated under them."""
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    heard = []
    for section in read_article(page).sections:
        blocks = narrated_blocks(section.blocks)
        if blocks:
            heard += [section.heading] + [b.text for b in blocks if b.kind == "subheading"]
    return heard


def test_a_stack_of_empty_question_headings_is_all_heard(tmp_path: Path) -> None:
    """X-1: three question headings with no text between them (their lists lost in the copy) all stay."""
    page = (f"Colds\n\n{BODY}\n\nTypes of Colds\n\nThere are many kinds of colds. For example:\n\n"
            f"Why do people get colds?\n\nWhat are the risks?\n\nWhat if I do not get better?\n\n{MORE}\n\n"
            f"How can I stop a cold?\n\n{BODY}\n")
    heard = headings_read(page, tmp_path)
    for heading in ("Types of Colds", "Why do people get colds?", "What are the risks?",
                    "What if I do not get better?", "How can I stop a cold?"):
        assert heading in heard


@pytest.mark.parametrize(("after", "card"), [
    ("What if I do not like my tattoo?", False),  # the page's own question: the article goes on
    ("Caring for new skin", True),  # not a question: the old rule stands
])
def test_a_titled_heading_and_sentence_before_a_question_are_a_section(after: str, card: bool) -> None:
    """X-1: a title-case heading + one sentence is a promotional card only where it stands alone."""
    page = (f"Tattoos\n\n{BODY}\n\nWhy would someone want a tattoo?\n\n{MORE}\n\nTypes of Tattoos\n\n"
            f"There are many different kinds of tattoos.\n\n{after}\n\n{BODY}\n")
    _, lines, dropped = parse(page)
    assert (("Types of Tattoos", "<promotional card>") in dropped) is card
    assert ("# Types of Tattoos" in lines) is not card


@pytest.mark.parametrize("line", ["Updated:Oct 3,2014", "Updated: Oct 3, 2014", "Reviewed:March 5,2020"])
def test_a_date_stamp_without_spaces_is_a_review_date(line: str) -> None:
    """V-1: a date stamp the paste squeezed together is a date stamp, never the first section's title."""
    title, lines, dropped = parse(f"Heart Attack Signs\n\n{line}\n\n{BODY}\n")
    assert title == "Heart Attack Signs" and lines == [BODY]
    assert dropped == [(line, "<review date>")]


@pytest.mark.parametrize(("first", "title"), [
    ("6 symptoms you should never ignore", "6 symptoms you should never ignore"),  # V-2: a count opens it
    ("healthdirect Symptom Checker (video transcript)", "healthdirect Symptom Checker (video transcript)"),  # W-2
    ("1) Bleeding from the back passage", ""),  # a list marker: an item
    ("1. What is it", ""),
    ("12 March 2020", ""),  # a date, not a title
    ("and then we went home", ""),  # a sentence's piece
    ("Iron Deficiency", "Iron Deficiency"),
])
def test_a_first_line_over_a_blank_line_is_the_title(first: str, title: str) -> None:
    assert parse(f"{first}\n\n{BODY}\n\n{MORE}\n")[0] == title


@pytest.mark.parametrize("banner", [
    "Skip banner links and go to contentU.S. Department of Health & Human Services * National Institutes of Health",
    "Skip navigation",
    "U.S. Department of Health and Human Services",
])
def test_a_skip_link_or_agency_banner_is_never_the_title(banner: str) -> None:
    """W-1: the title is the line standing alone below the banner's block."""
    page = f"{banner}\nHeart Institute: Diseases Index\nSearch this site\n\nIron-Deficiency Anemia\n\n{BODY}\n\n{MORE}\n"
    title, lines, _ = parse(page)
    assert title == "Iron-Deficiency Anemia"
    assert banner not in lines and BODY in lines


ITEMS = "- Rest in a cool place.\n- Drink water.\n"


@pytest.mark.parametrize(("line", "heard"), [
    ("First aid:", ["# First aid"]),  # a noun phrase names its block, as "Directions:" does
    ("Alternative names:", ["# Alternative names"]),
    ("SEEK MEDICAL CARE IF:", ["# SEEK MEDICAL CARE IF"]),  # W-5: capitals are the page's heading
    ("SEEK IMMEDIATE MEDICAL CARE IF:", ["# SEEK IMMEDIATE MEDICAL CARE IF"]),
    ("HOME CARE INSTRUCTIONS", ["# HOME CARE INSTRUCTIONS"]),
    ("You may need to:", ["You may need to:"]),  # runs on in sentence case: a lead-in
    ("Common signs include:", ["Common signs include:"]),
    ("For example:", ["For example:"]),
    ("Seek care if:", ["Seek care if:"]),
])
def test_a_short_colon_line_over_a_block_is_a_heading_unless_it_runs_on(line: str, heard: list[str]) -> None:
    _, lines, _ = parse(f"Heat Illness\n\n{BODY}\n\n{line}\n\n{ITEMS}\n{MORE}\n")
    assert lines[1:2] == heard


def test_a_do_not_label_is_said_with_each_item_once(tmp_path: Path) -> None:
    """X-5: "Do not:" over items that say their own "Do not" is not heard twice ("do not, do not")."""
    page = tmp_path / "page.txt"
    page.write_text(f"Heat Illness\n\n{BODY}\n\nDo not:\n\n- Do not give aspirin.\n- Use alcohol rubs.\n\n{MORE}\n",
                    encoding="utf-8")
    said_items = [item for s in read_article(page).sections for b in s.blocks for item in b.items]
    assert said_items == ["Do not give aspirin.", "Do not use alcohol rubs."]
