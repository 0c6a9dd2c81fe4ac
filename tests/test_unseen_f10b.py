"""Round ten (page set Q): an opening sentence that looks like a card's teaser, a byline, an image's alt text
and credit, accordion buttons. Each rule with the look-alikes it must leave alone."""
from __future__ import annotations

from pathlib import Path

import pytest

from test_unseen_structure import article, outline

PAGE = ("Sleep Well\n\nWhy Sleep Matters\n\nSleep keeps the body and mind well. Most adults need seven hours a night.\n\n"
        "Getting Help\n\nSee your doctor if poor sleep lasts longer than a month.\n\n")


def read(text: str, tmp_path: Path) -> str:
    return "\n".join(outline(article(text, tmp_path)))


def dropped(text: str, tmp_path: Path) -> dict[str, str]:
    return {d.line: d.pattern for d in article(text, tmp_path).dropped}


# a sentence with a verb that the next line goes on from is the article's opening, not a card's teaser
@pytest.mark.parametrize("opening", [
    "1 in 4 adults sleeps too little.\nMost don't know it. Do you?",
    "Poor sleep is common.\n\nIt affects one adult in three.",
    "Many adults have insomnia.\n\nThey often sleep less than six hours.",
])
def test_an_opening_sentence_carried_on_is_kept(opening: str, tmp_path: Path) -> None:
    page = PAGE.replace("Why Sleep Matters", "Why sleep matters").replace("Getting Help", "How to get help")
    page = page.replace("Why sleep matters\n\n", f"Sleep Facts For Adults\n\n{opening}\n\nWhy sleep matters\n\n")
    assert opening.split("\n")[0] in read(page, tmp_path)


def test_a_card_and_its_teaser_still_go(tmp_path: Path) -> None:
    page = PAGE.replace("Why Sleep Matters", "Why sleep matters").replace("Getting Help", "How to get help")
    page += "Healthy Sleep Habits\n\nLearn about ways to sleep better.\n"
    assert dropped(page, tmp_path).get("Learn about ways to sleep better.") == "<promotional card>"


# a button that opens more of the page, the site's home link under its acronym
@pytest.mark.parametrize("line", ["Learn More", "Read more", "Show more", "See more", "CDC Home", "NIH Homepage"])
def test_buttons_and_home_links_are_page_tools(line: str, tmp_path: Path) -> None:
    page = PAGE.replace("Getting Help\n\n", f"Getting Help\n\n{line}\n\n")
    assert dropped(page, tmp_path).get(line) == "<page tool>" and line not in read(page, tmp_path)


@pytest.mark.parametrize("line", ["Nursing Home Care", "Your Home"])
def test_look_alike_headings_stay(line: str, tmp_path: Path) -> None:
    page = PAGE.replace("Getting Help\n\n", f"{line}\n\nSome clinics help.\n\nGetting Help\n\n")
    assert line in read(page, tmp_path)
