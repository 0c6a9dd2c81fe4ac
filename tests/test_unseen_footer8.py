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
