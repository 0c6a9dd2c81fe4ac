"""Round nine (pages N and O) of pasted text: lines lost as repeats, lettered lists, image texts and section
levels. Each rule with the look-alikes it must leave alone."""
from __future__ import annotations

from pathlib import Path

import pytest

from test_unseen_structure import article, outline


def said(text: str, tmp_path: Path) -> str:
    return "\n".join(outline(article(text, tmp_path)))


def dropped(text: str, tmp_path: Path) -> dict[str, str]:
    return {d.line: d.pattern for d in article(text, tmp_path).dropped}


# --- O-11: a line is a repeat only when it says nothing the other line does not ---------------------------------

PARALLEL = """Treating kidney cancer

Kidney cancer is treated in several ways. The choice depends on the stage.

Radiation therapy

Radiation therapy uses high-energy rays to kill cancer cells. It may be given from outside the body.

The way the {first} is given depends on the type and stage of the cancer being treated.

Chemotherapy

Chemotherapy uses drugs to stop cancer cells growing. The drugs travel in the blood. The way the {second} is \
given depends on the type and stage of the cancer being treated.

New treatments are being tested in clinical trials.
"""


@pytest.mark.parametrize(("first", "second"), [
    ("radiation therapy", "chemotherapy"),
    ("surgery", "chemotherapy"),
    ("hormone therapy", "targeted therapy"),
])
def test_a_parallel_sentence_that_differs_in_a_content_word_is_kept(first: str, second: str, tmp_path: Path) -> None:
    text = PARALLEL.format(first=first, second=second)
    assert f"p: The way the {first} is given depends" in said(text, tmp_path)
    assert not any(f"The way the {first}" in line for line in dropped(text, tmp_path))


CAPTIONED = """Staying active after treatment

{caption}

Many people feel tired after treatment. {sentence} Talk with your doctor about which activities you can safely do.

Sleep

Try to go to bed at the same time each night.
"""


@pytest.mark.parametrize(("caption", "sentence"), [
    # said again word for word
    ("Regular walks can help you get your strength back.", "Regular walks can help you get your strength back."),
    # the caption leaves out a few of the text's words
    ("Regular walks can help you get your strength back.", "Regular short walks can help you get your strength back."),
    # only an ending differs
    ("A daily walk helps most people sleep better at night.", "A daily walk help most people sleep better at night."),
])
def test_a_true_repeated_caption_still_goes(caption: str, sentence: str, tmp_path: Path) -> None:
    text = CAPTIONED.format(caption=caption, sentence=sentence)
    assert dropped(text, tmp_path).get(caption) == "<repeated caption>"


@pytest.mark.parametrize("body", [
    # a lead-in to a list, whatever longer lead-in says much the same elsewhere
    "Standard treatment of untreated leukemia during the remission induction phase depends on the type of leukemia "
    "and may include:\n\n- chemotherapy\n- radiation therapy\n\nTreatment of leukemia during the remission phase "
    "depends on the type of leukemia and may include:\n\n- chemotherapy\n- a stem cell transplant\n",
    # all a heading has under it, said again with a different ending in a later section
    "Schedule\n\nMost people have treatment once a day. The number of treatments vary from person to person.\n\n"
    "Second type\n\nIt uses smaller beams.\n\nSchedule\n\nMost people have treatment once a day. The number of "
    "treatments varies from person to person. Your team will tell you how many.\n",
])
def test_body_text_repeated_elsewhere_is_kept(body: str, tmp_path: Path) -> None:
    text = "Leukemia treatment\n\nLeukemia is a cancer of the blood. It is treated in phases.\n\n" + body
    assert "repeated caption" not in " ".join(dropped(text, tmp_path).values())
