"""Round ten (page set Q): an opening sentence that looks like a card's teaser, a byline, an image's alt text
and credit, accordion buttons. Each rule with the look-alikes it must leave alone."""
from __future__ import annotations

from pathlib import Path

import pytest

from test_unseen_d9 import PAGE, dropped, read  # noqa: F401 (the same page and readers)


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


# a writer's byline under the title
@pytest.mark.parametrize("line", ["By Jane Doe", "By Maria de Souza", "By Jane Q. Doe, MD, MPH", "By Sam Lee, RN"])
def test_a_personal_byline_is_left_out(line: str, tmp_path: Path) -> None:
    page = PAGE.replace("Why Sleep Matters\n\n", f"{line}\n\nWhy Sleep Matters\n\n")
    assert dropped(page, tmp_path).get(line) == "<byline>" and line not in read(page, tmp_path)


@pytest.mark.parametrize("line", ["By Public Transport", "By the Numbers"])
def test_by_headings_that_name_no_one_stay(line: str, tmp_path: Path) -> None:
    page = PAGE.replace("Why Sleep Matters\n\n", f"{line}\n\nMost clinics are near a bus stop.\n\nWhy Sleep Matters\n\n")
    assert line in read(page, tmp_path)


# a picture's description over its credit, or between a heading and its paragraph; a lone credit
@pytest.mark.parametrize(("caption", "credit"), [
    ("Children smiling and looking at the camera", "iStock"),
    ("Man walking a dog in the park", "Getty Images"),
    ("Two nurses talking in a hallway", "Shutterstock"),
    ("Woman holding a cup of tea", "Photo by Jane Doe"),
])
def test_a_picture_description_over_its_credit_is_left_out(caption: str, credit: str, tmp_path: Path) -> None:
    page = PAGE.replace("Why Sleep Matters\n\n", f"{caption}\n{credit}\n\nWhy Sleep Matters\n\n")
    found = dropped(page, tmp_path)
    assert found.get(credit) == "<image credit>" and caption in found
    assert caption not in read(page, tmp_path) and credit not in read(page, tmp_path)


@pytest.mark.parametrize("alt", ["Woman looking at laptop next to a bowl of fruit", "A doctor talking with a patient",
                                 "Family sitting at a table"])
def test_alt_text_under_a_heading_is_left_out(alt: str, tmp_path: Path) -> None:
    page = PAGE.replace("Getting Help\n\n", f"Getting Help\n\n{alt}\n\n")
    assert dropped(page, tmp_path).get(alt) == "<image alt text>" and alt not in read(page, tmp_path)


@pytest.mark.parametrize("sub", ["Eating healthy foods", "Managing stress at work", "People living with HIV",
                                 "Children and teens"])
def test_sub_headings_like_alt_text_stay(sub: str, tmp_path: Path) -> None:
    page = PAGE.replace("Getting Help\n\n", f"Getting Help\n\n{sub}\n\n")
    assert sub in read(page, tmp_path)


# a heading repeated word for word over a button or over nothing is an accordion's label; one stays
def test_repeated_accordion_labels_keep_the_one_with_text(tmp_path: Path) -> None:
    page = ("Going Home\n\nWhen to call\n\nLearn More\n- Walk a little each day.\n- Rest often.\n\nWhen to call\n\n"
            "Learn More\n\n- Shower after two days.\n\nPain relief\n\n- Take your medicine.\n\nWhen to call\n\n"
            "Call the clinic if you have a fever.\n")
    found = read(page, tmp_path)
    assert found.count("When to call") == 1 and "# When to call\np: Call the clinic" in found
    assert "Walk a little each day." in found and "Learn More" not in found


def test_a_heading_repeated_with_text_under_each_stays(tmp_path: Path) -> None:
    page = ("Going Home\n\nFor adults\n\nRest often after the surgery.\n\nFor children\n\nRest often too.\n\n"
            "For adults\n\nWalk a little each day.\n")
    assert read(page, tmp_path).count("For adults") == 2
