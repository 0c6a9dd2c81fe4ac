"""Structure and page debris of pasted text, second round of unseen pages: what a caption, a card, a numbered
heading and page furniture look like, and the real text each rule must leave alone. Short pages in our words."""
from __future__ import annotations

from pathlib import Path

import pytest

from test_unseen_structure import article, headings, outline


def dropped(text: str, tmp_path: Path) -> list[tuple[str, str]]:
    """(what was left out, the rule's name) of a page."""
    return [(d.text, d.pattern) for d in article(text, tmp_path).dropped]


# --- 1. A caption is short and stands apart from the text; real paragraphs are never taken for one -----------

KEPT_PARAGRAPHS = [
    # three sentences after a short opening phrase: the article talking, not a picture's label
    "Knee pain. It often comes with age. Rest helps most people. A doctor can check the joint.",
    # a verb after the opening noun: a sentence, however short
    "Cartilage grows slowly. It covers the ends of the bones and lines the joints.",
    # an abbreviation with a full stop must not cut the first sentence short
    "Boston, MA (May 2, 2019) – Gov. Jane Smith has named June Bone Health Month. Doctors welcome it.",
    # a negated verb opens an instruction, never a label
    "Don't Wait. Call Now.",
]


@pytest.mark.parametrize("paragraph", KEPT_PARAGRAPHS)
def test_a_real_paragraph_is_not_a_caption(paragraph: str, tmp_path: Path) -> None:
    page = f"Bone Health\n\nIntro\n\nBones carry the body and store calcium.\n\n{paragraph}\n\nMore text follows here.\n"
    assert f"p: {paragraph}" in outline(article(page, tmp_path))


def test_a_headings_only_paragraph_is_its_text_not_a_caption(tmp_path: Path) -> None:
    page = ("Bone Tumors\n\nTypes\n\nThere are several types.\n\nOsteoma\n\nOsteoma growth. Benign and slow.\n\n"
            "Chordoma\n\nChordoma forms in the spine.\n")
    found = outline(article(page, tmp_path))
    assert found[found.index("# Osteoma") + 1] == "p: Osteoma growth. Benign and slow."


def test_a_short_label_and_description_is_still_a_caption(tmp_path: Path) -> None:
    page = ("Spinal Tap\n\nWhy it is done\n\nThe test checks the fluid around the spine.\n\n"
            "Lumbar puncture. A needle goes into the lower back.\n\nThe test takes half an hour.\n")
    assert ("Lumbar puncture. A needle goes into the lower back.", "<figure caption>") in dropped(page, tmp_path)


def test_long_captions_stand_on_a_page_of_pictures(tmp_path: Path) -> None:
    """Counter-case: a page that describes each figure at length (PDQ) has several such paragraphs."""
    long = " The patient lies still. A scanner takes pictures. A doctor reads them. It takes an hour."
    page = (f"Scans\n\nTests\n\nSeveral tests find the cancer.\n\nCT scan.{long}\n\nThe first test is a scan.\n\n"
            f"Bone scan.{long}\n\nThe second test is also a scan.\n")
    rules = [rule for _, rule in dropped(page, tmp_path)]
    assert rules.count("<figure caption>") == 2
