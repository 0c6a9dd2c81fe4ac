"""Round twelve (pages T and U): what follows a picture, and the text each rule must leave alone. Short pages in
our own words."""
from __future__ import annotations

from pathlib import Path

import pytest

from test_unseen_structure import article

# --- U-4. The paragraph under a picture is its caption only if it has a caption's shape -----------------------

PAGE = "# Eating well\n\n![{alt}](pic.png)\n\n{paragraph}\n\nSome more text follows here, as it always does.\n"

# paragraph under the picture -> whether it is left out as the picture's caption
UNDER_PICTURE = [
    ("Many people skip breakfast, but a morning meal helps them focus.", False),   # the article goes on
    ("Oats are cheap. They keep you full until lunch.", False),                     # two full sentences
    ("*A bowl of oats with berries.*", True),                                       # italic
    ("Figure 2. Oats keep you full until lunch.", True),                            # a labelled figure
    ("Photo: a bowl of oats with berries.", True),
    ("Anatomy of the stomach. Food passes into the small bowel.", True),            # a label, then a description
    ("Drawing of the stomach showing the small bowel.", True),                       # says what it shows
    ("Healthy breakfast ideas", True),                                              # no sentence at all
]


@pytest.mark.parametrize(("paragraph", "caption"), UNDER_PICTURE)
def test_a_paragraph_under_a_picture_is_a_caption_only_in_a_captions_shape(
        paragraph: str, caption: bool, tmp_path: Path) -> None:
    found = article(PAGE.format(alt="Oats in a bowl", paragraph=paragraph), tmp_path, ".md")
    said = [block.text for section in found.sections for block in section.blocks]
    assert (paragraph.strip("*") not in said) == caption


def test_a_sentence_over_a_credit_line_is_a_caption(tmp_path: Path) -> None:
    page = PAGE.format(alt="A man running", paragraph="Running twice a week lowers blood pressure.\n\nCredit: iStock")
    found = article(page, tmp_path, ".md")
    assert ("Running twice a week lowers blood pressure.", "<figure caption>") in [
        (d.text, d.pattern) for d in found.dropped]


def test_a_caption_that_the_text_says_again_is_left_out_once(tmp_path: Path) -> None:
    said = "Walking every day helps keep your heart and lungs healthy for many years."
    page = PAGE.format(alt="A woman walking", paragraph=said) + f"\n{said} Start slowly.\n"
    found = article(page, tmp_path, ".md")
    assert (said, "<figure caption>") in [(d.text, d.pattern) for d in found.dropped]
