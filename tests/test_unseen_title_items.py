"""A list item that only repeats the article's title (a handout naming itself among the handouts to review) is left
out and listed; an item that merely contains the title's words, or a short title's one word, stays."""
from __future__ import annotations

from pathlib import Path

import pytest

from narration.ingest import read_article

BODY = "Fever is a body temperature of 100.4 degrees or more. It helps the body fight infection."


def items_of(tmp_path: Path, title: str, entries: list[str]) -> tuple[list[str], list[str]]:
    page = tmp_path / "page.txt"
    listed = "\n".join(f"- {entry}" for entry in entries)
    page.write_text(f"{title}\n\n{BODY}\n\nReview these with your family:\n\n{listed}\n\n{BODY}\n", encoding="utf-8")
    article = read_article(page)
    said = [entry for section in article.sections for block in section.blocks if block.kind == "list"
            for entry in block.items]
    return said, [d.text for d in article.dropped if d.pattern == "<title repeated>"]


@pytest.mark.parametrize(("title", "entries", "kept", "dropped"), [
    # the title again, in any case and punctuation, is left out
    ("Fever Guidelines for the Healthy Child", ["Fever guidelines for the healthy child.", "When to call the doctor",
                                                  "How to give medicine"],
     ["When to call the doctor", "How to give medicine"], ["Fever guidelines for the healthy child."]),
    # an item that holds the title's words and more stays
    ("Fever Guidelines for Children", ["Fever guidelines for children under 3 months", "Medicine doses"],
     ["Fever guidelines for children under 3 months", "Medicine doses"], []),
    # a title of one or two words may be an item on its own page
    ("Fever", ["Fever", "Cough", "Rash"], ["Fever", "Cough", "Rash"], []),
])
def test_a_list_item_repeating_the_title(tmp_path: Path, title: str, entries: list[str], kept: list[str],
                                         dropped: list[str]) -> None:
    said, left_out = items_of(tmp_path, title, entries)
    assert [entry.rstrip(".") for entry in said] == [entry.rstrip(".") for entry in kept]
    assert left_out == dropped


@pytest.mark.parametrize(("line", "kept"), [
    # a cross-link to another page, and a syndicated page's pointer home, are left out
    ("Keep Reading: About Pontiac Fever", ""),
    ("Read more on the NHS website.", ""),
    ("Find out more on the healthdirect website", ""),
    # sentences that only start the same way stay
    ("Keep reading to learn about treatment.", "Keep reading to learn about treatment."),
    ("Read more on the website about how to apply for a grant.",
     "Read more on the website about how to apply for a grant."),
])
def test_cross_links(line: str, kept: str) -> None:
    from narration.ingest.debris import debris_filter

    assert debris_filter("page.txt").clean(line) == kept
