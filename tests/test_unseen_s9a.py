"""Round nine (pages N and O): lines wrongly made headings, and headings missed. Numbered steps under a heading,
each over a paragraph of its own, are its sub-headings; a related-page link ("More on: ..."), a contact line
("Tel: ..."), a label with its values ("Also called: ..."), and an organization's name the text was taken
from are never headings; a lead-in with no items after it ends its paragraph. Each rule with look-alikes."""
from __future__ import annotations

from pathlib import Path

import pytest

from narration.models import Block
from narration.scripts import spoken_lines
from narration.text.lexicon import Report, load_lexicon
from test_unseen_structure import article, outline

INTRO = "Before Your Stay\n\nA few things to sort out before the day. Start a week early if you can.\n\n"


def read(text: str, tmp_path: Path) -> list[str]:
    return outline(article(text, tmp_path))


def dropped(text: str, tmp_path: Path) -> dict[str, str]:
    return {d.text: d.pattern for d in article(text, tmp_path).dropped}


STEPS = (INTRO + "Five Things to Do\n\n1. Arrange a place to stay\n\nOne parent may sleep in the room. Others can "
         "book a room nearby.\n\n2. Arrange child care\n\nBrothers and sisters may visit in the day.\n\n"
         "3. Pack for the stay\n\nBring clothes for three days. Label everything.\n\n")


def test_numbered_steps_under_a_heading_each_over_its_paragraph_are_sub_headings(tmp_path: Path) -> None:
    found = read(STEPS, tmp_path)
    assert [line for line in found if line.startswith("#")] == [
        "# ", "# Five Things to Do", "## 1. Arrange a place to stay", "## 2. Arrange child care",
        "## 3. Pack for the stay"]


@pytest.mark.parametrize("page", [
    # a loose list: its items stand one after another with nothing under them
    INTRO + "Five Things to Do\n\nDo these in order.\n\n1. Book a room\n\n2. Call the ward\n\n3. Pack a bag\n\n"
    "Then you are ready for the day. Come to the front desk.\n",
    # items that are sentences, each over a note: a list of instructions, not headings
    INTRO + "Five Things to Do\n\n1. Book a room.\n\nThe hotel is close by.\n\n2. Call the ward.\n\nAsk for the nurse.\n\n"
    "3. Pack a bag.\n\nBring clothes for three days.\n",
])
def test_a_numbered_list_stays_a_list(page: str, tmp_path: Path) -> None:
    found = read(page, tmp_path)
    assert not any(line.startswith("## ") for line in found)
    assert any(line.startswith("list:") for line in found)


@pytest.mark.parametrize("line", ["More on: Head Lice Treatment", "See also: Anemia", "Learn more: Flu vaccines",
                                  "Related: Sleep and your heart", "Related topics: Asthma, Allergies"])
def test_related_link_lines_are_left_out_and_head_nothing(line: str, tmp_path: Path) -> None:
    page = (INTRO + "Treatment\n\nRest and drink water. Most people get better in a week.\n\n" + line + "\n\n"
            "Prevention\n\nWash your hands often. Stay home when sick.\n")
    found = read(page, tmp_path)
    assert dropped(page, tmp_path).get(line) == "<related link>"
    assert "# Prevention" in found and not any(line in entry for entry in found)


@pytest.mark.parametrize("line", [
    "See also: the leaflet on crutches, which explains how to climb stairs safely.",  # a sentence: kept
    "More on this below",
])
def test_a_sentence_that_points_on_is_kept(line: str, tmp_path: Path) -> None:
    page = INTRO + "Treatment\n\nRest and drink water. Most people get better in a week.\n\n" + line + "\n"
    assert "<related link>" not in dropped(page, tmp_path).values()


@pytest.mark.parametrize("line", ["Tel: 01473 702194 or 702195", "Phone: 206-987-2000", "Email: ward@example.org",
                                  "01473 702194 or 702195", "Call 206-987-2000 (TTY)", "Also called: Acid indigestion",
                                  "Also called: Also called: Acid indigestion, Pyrosis"])
def test_a_label_with_its_value_or_a_phone_line_is_content_not_a_heading(line: str, tmp_path: Path) -> None:
    page = INTRO + "Children's Ward\n\n" + line + "\n\nYour child has a cast. It helps the bone heal.\n"
    found = read(page, tmp_path)
    said = line.replace("Also called: Also called:", "Also called:")
    assert f"p: {said}" in found
    assert not any(entry.startswith("#") and said in entry for entry in found)


@pytest.mark.parametrize("heading", ["Stage 1: Small Spots Appear", "2020-2021 Flu Season", "Call 111",
                                     "Contact Us", "Phone Apps That Help"])
def test_headings_with_numbers_or_colons_stay_headings(heading: str, tmp_path: Path) -> None:
    page = INTRO + heading + "\n\nThis part of the page says more. It has two sentences.\n"
    assert f"# {heading}" in read(page, tmp_path)


def test_a_doubled_label_is_said_once(tmp_path: Path) -> None:
    page = "Heartburn\n\nAlso called: Also called: Acid indigestion, Pyrosis\n\nAlmost everyone has it. It burns.\n"
    assert dropped(page, tmp_path).get("Also called:") == "<repeated label>"


ORG = "National Institute of Arthritis and Skin Diseases"


def test_an_organizations_name_over_nothing_is_a_source_line(tmp_path: Path) -> None:
    page = (INTRO + "A sprain is a torn ligament. It hurts.\n\n" + ORG + "\n\n"
            "Start Here Overviews Diagnosis/Symptoms Treatment Prevention/Screening Rehabilitation/Recovery "
            "Clinical Trials Research Journal Articles\n\nDate last updated: May 2 2008\n")
    found = read(page, tmp_path)
    assert dropped(page, tmp_path).get(ORG) == "<source line>"
    assert not any(ORG in entry for entry in found)


def test_an_organizations_name_over_text_is_a_heading(tmp_path: Path) -> None:
    page = INTRO + "American Heart Association\n\nThe association funds research. It also trains people in CPR.\n"
    assert "# American Heart Association" in read(page, tmp_path)


def _said(blocks: list[Block]) -> list[str]:
    return [line.text for paragraph in spoken_lines(blocks, load_lexicon(None), Report()) for line in paragraph]


def test_a_lead_in_with_no_items_after_it_ends_with_a_full_stop() -> None:
    lead = Block("paragraph", text="If you need a room, the following will help you:")
    said = _said([lead, Block("subheading", text="4. Take care of special needs"), Block("paragraph", text="Ask us.")])
    assert said[0].endswith("help you.")
    assert _said([lead])[0].endswith("help you.")


def test_a_lead_in_over_its_list_keeps_running_into_it() -> None:
    lead = Block("paragraph", text="Bring these things:")
    said = _said([lead, Block("list", items=("your card", "your medicines"))])
    assert "Bring these things" in said[0] and "card" in said[0]
