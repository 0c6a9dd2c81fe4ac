"""Structure, debris and titles of pasted text, fourth round of unseen pages: item lines that lost their
bullets, loose lists, .gov banners and numbered breadcrumbs, photo captions over a credit, page tools, label
lines, agency source lines, and the real text each rule must leave alone. Short pages in our own words."""
from __future__ import annotations

from pathlib import Path

import pytest

from test_unseen_structure import article, outline
from test_unseen_structure3 import spoken

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


# --- D8, D2. A .gov banner after its flag's alt text and a picture's link label are debris ---------------------

@pytest.mark.parametrize("line, kept", [
    ("U.S. flag An official website of the United States government", False),
    ("View and Print Infographic", False),
    ("Download the PDF", False),
    ("Enlarge image", False),
    # look-alikes that are the article's text
    ("See the figure below for the steps.", True),
    ("View images of the rash on different skin tones to compare.", True),
    ("The flag on the clinic means it is an official website of the state.", True),
])
def test_banner_and_picture_links_are_debris(line: str, kept: bool, tmp_path: Path) -> None:
    page = INTRO + line + AFTER
    assert (line in spoken(page, tmp_path)) == kept


# --- D1. A short paragraph right above a dropped image credit is the picture's caption --------------------------

@pytest.mark.parametrize("above, kept", [
    ("Germs that have been stained with a purple dye. The dye shows them under a microscope.", False),
    # the article's text: it speaks to the reader, leads into a list, or runs long
    ("You may see a doctor who looks at the germs under a microscope.", True),
    ("Colds are caused by many different viruses, and adults get two or three colds each year on average, while "
     "young children may get many more, because their bodies have not yet met the viruses. Washing hands is the "
     "best way to stop them. Doctors cannot cure a cold.", True),
])
def test_a_caption_goes_with_its_credit(above: str, kept: bool, tmp_path: Path) -> None:
    page = INTRO + above + "\n\nCredit: Health Picture Library" + AFTER
    found = spoken(page, tmp_path)
    assert (above in found) == kept
    assert "Credit:" not in found


# --- D3. A "Label: values" line is not a heading -----------------------------------------------------------------

@pytest.mark.parametrize("line, heading", [
    ("Other names: Glycated hemoglobin, HbA1c, A1C test", False),
    ("Stage 1: small spots appear", True),  # a heading with a colon names one thing
])
def test_a_label_with_values_is_not_a_heading(line: str, heading: bool, tmp_path: Path) -> None:
    page = "Blood Sugar\n\n" + line + "\n\nThis test measures your average blood sugar over three months.\n"
    found = spoken(page, tmp_path).splitlines()
    assert (f"# {line}" in found) == heading
    if not heading:
        assert article(page, tmp_path).sections[0].heading == ""  # the episode takes the article's title


# --- D4. An agency's abbreviation and full name closing the page is its source line ------------------------------

@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_closing_source_line_is_a_credit(suffix: str, tmp_path: Path) -> None:
    page = INTRO + "Rest and fluids help.\n\nCDC: Centers for Disease Control and Prevention\n"
    found = article(page, tmp_path, suffix)
    assert "Centers for Disease Control" not in "\n".join(outline(found))
    assert any(d.pattern == "<source line>" for d in found.dropped)


def test_the_same_line_within_the_article_is_kept(tmp_path: Path) -> None:
    page = INTRO + "CDC: Centers for Disease Control and Prevention\n\nThe CDC tracks colds and flu every winter.\n"
    assert "CDC: Centers for Disease Control and Prevention" in spoken(page, tmp_path)


BODY = "Sunscreen protects the skin from the sun. Use it every day, also when it is cloudy."
STEPS = "Use sunscreen:\n\n1. Put it on 15 minutes before you go out.\n2. Put it on again every two hours.\n"


@pytest.mark.parametrize(("crumbs", "kept"), [
    ("1. Home\n2. Drugs\n3. Resources | Drugs\n4. Sunscreen Safety", False),  # starts at Home
    ("- Health Topics\n- Skin\n- Sunscreen Safety", False),  # ends at the page itself
    ("1. Home care\n2. Hospital care", True),  # not a breadcrumb: "Home care" is not the site's home
    ("- Wear a hat.\n- Stay in the shade.", True),  # sentences: the article's own list
])
def test_a_breadcrumb_list_above_the_article_is_left_out(crumbs: str, kept: bool, tmp_path: Path) -> None:
    found = outline(article(f"Sunscreen Safety\n\n{crumbs}\n\n{BODY}\n\n{STEPS}", tmp_path))
    first = crumbs.splitlines()[0].split(" ", 1)[1]
    assert any(first in line for line in found) is kept, found
    assert any("Put it on 15 minutes" in line for line in found)  # a numbered list in the article stays


@pytest.mark.parametrize(("line", "heading"), [
    ("Get consumer information about sunscreen and sun protection", False),  # a subtitle over another heading
    ("Why Sunscreen Matters", True),  # title case: the page's first heading
    ("Why does sunscreen matter?", True),  # a question heads its section
])
def test_a_subtitle_over_the_first_heading_is_an_opening_line(line: str, heading: bool, tmp_path: Path) -> None:
    found = outline(article(f"Sunscreen Safety\n\n{line}\n\nLatest News\n\n{BODY}\n", tmp_path))
    assert (f"# {line}" in found) is heading, found
    assert (f"p: {line}" in found) is not heading, found
