"""Round six (pages I) of pasted text's debris and structure: a gallery's captions with their alt texts, the
heading over the gallery, and the site section named over the page's title. Each rule with the look-alikes it must
leave alone."""
from __future__ import annotations

from pathlib import Path

import pytest

from test_unseen_structure import article, headings, outline

INTRO = "Eczema makes the skin dry and itchy. It often starts in childhood.\n\n"
GALLERY = ("Pictures of eczema\n\nEczema on the hands\n\ndry patches on fingers\n\n"
           "Eczema behind the knee\n\nred skin in a crease\n\n")
AFTER = "Treating eczema\n\nMoisturisers help the skin hold water. Use them every day.\n"


def dropped(text: str, tmp_path: Path) -> dict[str, str]:
    return {d.line: d.pattern for d in article(text, tmp_path).dropped}


def said(text: str, tmp_path: Path) -> str:
    return "\n".join(outline(article(text, tmp_path)))


def test_gallery_captions_and_alt_texts_are_dropped_and_named(tmp_path: Path) -> None:
    text = "Eczema\n\n" + INTRO + GALLERY + AFTER
    gone = dropped(text, tmp_path)
    assert gone["Eczema on the hands"] == gone["Eczema behind the knee"] == "<image caption>"
    assert gone["dry patches on fingers"] == "<image description>"
    assert "Eczema on the hands" not in said(text, tmp_path)


def test_the_heading_over_a_gallery_stays_a_heading(tmp_path: Path) -> None:
    found = headings(article("Eczema\n\n" + INTRO + GALLERY + AFTER, tmp_path))
    assert "# Pictures of eczema" in found and "# Treating eczema" in found


@pytest.mark.parametrize(("body", "kept"), [
    # a line with its one picture under it, then text it heads: the alt text goes, the line stays
    ("Eczema on the hands\n\ndry patches on fingers\n\nThe hands crack in cold weather. Wear gloves.\n",
     "Eczema on the hands"),
    # list items that lost their bullets under a lead-in are the list, whatever follows them
    ("Ask your pharmacist about:\n\nCream for the hands\n\nointment for the night\n\n" + AFTER, "Cream for the hands"),
    # capitalized items under a lead-in, and a short sentence of its own
    ("Eczema often shows on:\n\nThe hands\n\nThe elbows\n\nThe knees\n\n" + AFTER, "The elbows"),
    ("Eczema is not catching.\n\n" + AFTER, "Eczema is not catching."),
    # a table's rows
    ("Cream\tTwice a day\nOintment\tAt night\n\n" + AFTER, "Ointment"),
])
def test_look_alikes_of_a_caption_stay(body: str, kept: str, tmp_path: Path) -> None:
    assert kept in said("Eczema\n\n" + INTRO + body, tmp_path)


SECTION_BODY = "\nPrint\nShare\n\nWho is at risk\n\nSmoking raises the risk. So does high blood pressure.\n"


def test_a_site_section_over_the_title_is_dropped_and_named(tmp_path: Path) -> None:
    text = "Coronary Heart Disease (CHD)\n\nSkip directly to site content\nHeart Diseases (HD)" + SECTION_BODY
    assert dropped(text, tmp_path)["Heart Diseases (HD)"] == "<site section>"
    assert headings(article(text, tmp_path))[-1] == "# Who is at risk"


@pytest.mark.parametrize("line", [
    "General Information About Coronary Heart Disease",  # the page's own first heading, about its subject
    "Heart Health Basics",  # names no kind of thing the title is
    "What you should know about your heart",  # a subtitle
    "Also called: CHD, coronary artery disease",
])
def test_look_alikes_of_a_site_section_stay(line: str, tmp_path: Path) -> None:
    assert line in said("Coronary Heart Disease\n\n" + line + SECTION_BODY, tmp_path)


def test_a_first_heading_over_its_paragraph_stays(tmp_path: Path) -> None:
    found = said("Coronary Heart Disease\n\nHeart Diseases\nPrint\n\nSmoking raises the risk. Stop early.\n", tmp_path)
    assert "Heart Diseases" in found
