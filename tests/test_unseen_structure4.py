"""Structure, debris and titles of pasted text, fourth round of unseen pages: item lines that lost their
bullets, loose lists, .gov banners and numbered breadcrumbs, photo captions over a credit, page tools, label
lines, agency source lines, and the real text each rule must leave alone. Short pages in our own words."""
from __future__ import annotations

from pathlib import Path

import pytest

from test_unseen_structure import article, outline
from test_unseen_structure3 import dropped, spoken

INTRO = "Colds\n\nA cold is a common infection of the nose and throat. It often gets better within a week.\n\n"
AFTER = "\n\nMost colds get better without any treatment at all.\n"


# --- D9. Item lines that lost their bullets under a lead-in are a list, never one run-on sentence -------------

@pytest.mark.parametrize("block, items", [
    # a lead-in ending ':' over bare capitalized items
    ("What you can do to help:\nRest at home\nDrink fluids\nTake pain relievers", "Rest at home | Drink fluids"),
    # the same over a blank line, items in lower case that would otherwise be joined
    ("What you can do to help:\n\ndrink fluids\ntake pain relievers if you need them\nrest at home",
     "drink fluids | take pain relievers if you need them | rest at home"),
    # no colon, but bare lower-case lines after a finished sentence, of very different lengths
    ("There are things you can try at home.\n\ndrink plenty of water (try warm drinks if your throat hurts)\n"
     "take paracetamol for any aches\nsuck on ice cubes or lozenges to soothe a sore throat\n"
     "gargle with salt water\nrest",
     "drink plenty of water (try warm drinks if your throat hurts) | take paracetamol for any aches"),
    # every item ends the same way
    ("Bring with you:\nyour medicines;\nyour insurance card;\na list of questions.", "your medicines; | your insurance card;"),
])
def test_item_lines_under_a_lead_in_are_a_list(block: str, items: str, tmp_path: Path) -> None:
    found = spoken(INTRO + block + AFTER, tmp_path)
    assert any(line.startswith("list: ") and items in line for line in found.splitlines()), found


@pytest.mark.parametrize("block, joined", [
    # a sentence hard-wrapped by width under a lead-in: one paragraph again
    ("Before you go:\nBring a list of all the medicines you take, including\n"
     "vitamins and herbs, and your insurance card and a\nphoto ID.",
     "p: Bring a list of all the medicines you take, including vitamins and herbs, and your insurance card and a "
     "photo ID."),
    ("Important:\nTake the pills with food and a full glass of water, and do not\nlie down for an hour after.",
     "p: Take the pills with food and a full glass of water, and do not lie down for an hour after."),
    # a wrapped paragraph of similar full-width lines with no lead-in
    ("Colds spread when an infected person coughs or sneezes and\nothers breathe in the droplets or touch a "
     "surface\nthat has the virus on it and then touch their face.",
     "p: Colds spread when an infected person coughs or sneezes and others breathe in the droplets or touch a "
     "surface that has the virus on it and then touch their face."),
])
def test_hard_wrapped_prose_is_still_joined(block: str, joined: str, tmp_path: Path) -> None:
    found = spoken(INTRO + block + AFTER, tmp_path)
    assert joined in found.splitlines(), found


def test_sentences_one_a_line_without_a_lead_in_stay_paragraphs(tmp_path: Path) -> None:
    block = "Wash your hands often.\nCover your mouth when you cough.\nStay home when you are ill."
    found = spoken(INTRO + block + AFTER, tmp_path)
    assert not any(line.startswith("list: ") for line in found.splitlines())


# --- D10. A blank line between every two items leaves them one list ---------------------------------------------

@pytest.mark.parametrize("block, items", [
    ("TELL YOUR DOCTOR ABOUT:\n\n- Allergies to food or medicine.\n\n- Medicines you take.\n\n- Past surgery.",
     ["Allergies to food or medicine.", "Medicines you take.", "Past surgery."]),
    ("Steps:\n\n1. Wash your hands.\n\n2. Dry them well.\n\n3. Put on the gloves.",
     ["Wash your hands.", "Dry them well.", "Put on the gloves."]),
])
def test_a_loose_list_is_one_list(block: str, items: list[str], tmp_path: Path) -> None:
    found = spoken(INTRO + block + AFTER, tmp_path)
    assert f"list: {' | '.join(items)}" in found.splitlines(), found


@pytest.mark.parametrize("block, lists", [
    # two tight lists over a blank line: two lists (titles, then an address)
    ("We can send you:\n\n- a booklet about colds\n- a leaflet about flu\n\n- Health Office\n- 1 Main Street",
     ["list: a booklet about colds | a leaflet about flu", "list: Health Office | 1 Main Street"]),
    # an item ending ':' opens a list of its own
    ("Tests include:\n\n- A blood count, which checks for:\n\n- red cells\n- white cells",
     ["list: A blood count, which checks for:", "list: red cells | white cells"]),
    # numbers that start again are another list
    ("Steps:\n\n1. Wash your hands.\n\n1. Dry them well.", ["list: Wash your hands.", "list: Dry them well."]),
])
def test_separate_lists_stay_apart(block: str, lists: list[str], tmp_path: Path) -> None:
    found = spoken(INTRO + block + AFTER, tmp_path).splitlines()
    assert all(line in found for line in lists), found
