"""Round ten (P, Q): a section split for length says its later part continues; a lead-in whose list is missing
is closed and listed for review; lead-ins and list items are not called fragments."""
from __future__ import annotations

from pathlib import Path

import pytest

from narration.grouping import Unit, continued_titles
from narration.ingest import read_article
from narration.phrases import phrases_for
from narration.scripts import plan_sections

FILLER = " ".join(["The liver makes bile that helps the body break down fat in food."] * 12)


def planned_titles(tmp_path: Path, markdown: str) -> list[str]:
    page = tmp_path / "page.md"
    page.write_text(markdown, encoding="utf-8")
    return [p.title for p in plan_sections(read_article(page), "omit", max_seconds=40.0)]


@pytest.mark.parametrize("sub_heading, later_title", [
    # a sentence-like sub-heading is said as the part's first line: the title says the section goes on
    ("Tests that look at the liver are used to find, diagnose, and stage liver cancer.", "About Liver Cancer, continued"),
    # a title-like sub-heading names the part, as before
    ("Imaging tests", "Imaging tests"),
])
def test_a_later_part_of_a_split_section_is_not_titled_the_same(tmp_path: Path, sub_heading: str, later_title: str) -> None:
    text = f"# Liver Cancer\n\n## About Liver Cancer\n\n{FILLER}\n\n### {sub_heading}\n\n{FILLER}\n"
    assert planned_titles(tmp_path, text) == ["About Liver Cancer", later_title]


def test_sections_of_their_own_keep_their_titles(tmp_path: Path) -> None:
    text = f"# Liver Cancer\n\n## About Liver Cancer\n\n{FILLER}\n\n## Treatment\n\n{FILLER}\n"
    assert planned_titles(tmp_path, text) == ["About Liver Cancer", "Treatment"]


def test_a_page_that_repeats_a_heading_keeps_it(tmp_path: Path) -> None:
    """Two sections of the page with one heading are the page's own: not parts of one split for length."""
    text = f"# Liver Cancer\n\n## Symptoms\n\n{FILLER}\n\n## Symptoms\n\n{FILLER}\n"
    assert planned_titles(tmp_path, text) == ["Symptoms", "Symptoms"]


@pytest.mark.parametrize("language, expected", [("en", "Causes, continued"), ("es", "Causes, continuación")])
def test_continued_titles(language: str, expected: str) -> None:
    units = [Unit("Causes", "body", ()), Unit("Causes", "body", (), continues=True)]
    assert [u.title for u in continued_titles(units, phrases_for(language).continued)] == ["Causes", expected]
