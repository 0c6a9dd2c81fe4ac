"""Round eight (pages L, M) of debris in a pasted page's body and footer: an opening line lost as a caption, link
boxes ("Related sites"), reference sections at any heading level, feedback-form messages, publication and
permission lines, and the footer under an "Updated:" date. Each rule with the look-alikes it must leave alone."""
from __future__ import annotations

from pathlib import Path

import pytest

from test_unseen_structure import article, outline

BODY = ("Before You Go\n\nSee your doctor a month before you leave. Some vaccines need more than one dose.\n\n"
        "Pack a small first aid kit with plasters, pain relief and any medicines you take every day.\n\n")


def read(text: str, tmp_path: Path, suffix: str = ".txt") -> str:
    return "\n".join(outline(article(text, tmp_path, suffix)))


def dropped(text: str, tmp_path: Path, suffix: str = ".txt") -> list[str]:
    return [d.line for d in article(text, tmp_path, suffix).dropped]


@pytest.mark.parametrize("opening", [
    "Going abroad? Get ready early.",
    "Hand washing. The simplest way to stay well abroad.",
])
def test_the_line_under_the_title_is_the_opening_not_a_caption(opening: str, tmp_path: Path) -> None:
    page = f"Travel Health\n\n{opening}\n\nTravel can expose you to illnesses that are rare at home.\n\n" + BODY
    assert opening in read(page, tmp_path)


def test_a_caption_between_paragraphs_is_still_left_out(tmp_path: Path) -> None:
    page = ("Kidney Health\n\nYour kidneys filter waste from your blood and make urine.\n\n"
            "Kidney anatomy. The two kidneys sit below the ribs.\n\n"
            "Each kidney holds about a million tiny filters called nephrons.\n\n" + BODY)
    assert "Kidney anatomy" not in read(page, tmp_path)


MD = ("# Kidney Stones\n\nKidney stones form when minerals in urine stick together.\n\n"
      "## Treatment\n\nDrink plenty of water. Pain relief helps while a small stone passes.\n\n")
CITED = "Smith AB, Jones C. Kidney stones. In: Brown D, ed. *Urology*. 12th ed. Boston, MA: Elsevier; 2021:chap 4.\n\n"


@pytest.mark.parametrize("heading", ["## References", "##### References", "### Sources", "#### Bibliography"])
def test_a_references_section_is_left_out_at_any_level(heading: str, tmp_path: Path) -> None:
    found = read(MD + f"{heading}\n\n" + CITED, tmp_path, ".md")
    assert "Urology" not in found and "References" not in found and "Bibliography" not in found
    assert "Drink plenty of water" in found


def test_a_citation_is_left_out_wherever_it_stands(tmp_path: Path) -> None:
    page = MD + CITED + "## Prevention\n\nDrinking enough water every day is the best way to prevent stones.\n"
    found = read(page, tmp_path, ".md")
    assert "Elsevier" not in found and "best way to prevent stones" in found
    assert any("Smith AB" in line for line in dropped(page, tmp_path, ".md"))


def test_a_heading_over_only_pictures_is_left_out(tmp_path: Path) -> None:
    page = MD + ("## Images\n\n- ![Kidney stone](k.jpg) [Kidney stone](k.htm)\n\n##### Review Date 5/6/2024\n\n"
                 "Updated by: Jane Doe, MD, Nephrologist. Review provided by a health network.\n")
    found = read(page, tmp_path, ".md")
    assert "Images" not in found and "Review Date" not in found
    assert "Images" in dropped(page, tmp_path, ".md")


@pytest.mark.parametrize(("part", "kept"), [
    # a heading over a list of links names a page's menu of links: kept, as before
    ("## Research\n\n- [Clinical Trials](/trials)\n- [Research Programs](/research)\n\n## Statistics\n\n"
     "About one in ten people will have a kidney stone.\n", "# Research"),
    # a section whose name looks like one for references but holds prose
    ("## Sources of Calcium\n\nMilk, yogurt and cheese are rich sources of calcium.\n", "Milk, yogurt and cheese"),
    ("## Images\n\nAn X-ray or CT scan shows where the stone is.\n", "# Images"),
])
def test_headings_with_something_under_them_stay(part: str, kept: str, tmp_path: Path) -> None:
    assert kept in read(MD + part, tmp_path, ".md")


LINKS = ("- Travel Health Notices\n- Vaccine Advice for Infants and Young Children\n"
         "- Approved Yellow Fever and Travel Vaccination Clinics in the State\n- Malaria Maps (World Health Agency)\n")


@pytest.mark.parametrize("heading", ["Related sites", "Related links", "Other resources"])
def test_a_link_box_is_left_out_with_its_heading(heading: str, tmp_path: Path) -> None:
    page = "Travel Health\n\nTravel can expose you to illnesses that are rare at home.\n\n" + BODY + f"{heading}\n{LINKS}"
    found = read(page, tmp_path)
    assert heading not in found and "Malaria Maps" not in found and "Pack a small first aid kit" in found
    assert heading in dropped(page, tmp_path)


def test_a_section_named_like_a_link_box_with_prose_stays(tmp_path: Path) -> None:
    page = ("Travel Health\n\nTravel can expose you to illnesses that are rare at home.\n\n" + BODY
            + "Other resources\n\nCall the travel clinic on 0300 123 4567. A nurse can answer your questions.\n")
    found = read(page, tmp_path)
    assert "Other resources" in found and "A nurse can answer your questions" in found
