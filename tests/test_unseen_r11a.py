"""Round eleven (pages R and S): titles and headings. Image texts, generic labels over a heading, furniture that
names a section, a numbered question split over two lines, callout labels and a title's site suffix. Each rule
with the look-alikes it must leave alone."""
from __future__ import annotations

from pathlib import Path

import pytest

from test_unseen_structure import article, outline


def said(text: str, tmp_path: Path) -> str:
    return "\n".join(outline(article(text, tmp_path)))


def dropped(text: str, tmp_path: Path) -> dict[str, str]:
    return {d.line: d.pattern for d in article(text, tmp_path).dropped}


# --- S-1: a line saying what a picture shows is its alt text, never a title or section name ---------------------

FLU = ("Flu season\n\n{line}\n\nThe county sees a lot of flu this month. Most people get better at home.\n\n"
       "- Wash your hands\n- Stay home when sick\n")


@pytest.mark.parametrize("line", [
    "Infographic detailing steps to take to prevent flu",
    "Image showing how to wash your hands",
    "Photo depicting a nurse giving a flu shot",
])
def test_a_picture_description_is_dropped(line: str, tmp_path: Path) -> None:
    found = article(FLU.format(line=line), tmp_path)
    assert found.title == "Flu season"
    assert dropped(FLU.format(line=line), tmp_path).get(line) == "<image alt text>"
    assert line not in said(FLU.format(line=line), tmp_path)


@pytest.mark.parametrize("line", [
    "Infographic showing the steps is available at the clinic.",  # a sentence
    "Image showing",  # names nothing
])
def test_look_alikes_of_a_picture_description_stay(line: str, tmp_path: Path) -> None:
    assert line in said(FLU.format(line=line), tmp_path)
