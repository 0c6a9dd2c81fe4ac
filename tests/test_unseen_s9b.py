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


# --- N-4: lines lettered in sequence are a list, never captions -------------------------------------------------

LEAD = "Cast care\n\nYour child has a cast. Keep it clean.\n\nCall the ward if the cast:\n\n"
AFTER = "\n\nCrutches\n\nUse crutches as you were shown. Take care on stairs.\n"


@pytest.mark.parametrize("marks", [
    ("a)", "b)", "c)", "d)"), ("(a)", "(b)", "(c)", "(d)"), ("a.", "b.", "c.", "d."), ("i)", "ii)", "iii)", "iv)"),
    ("(i)", "(ii)", "(iii)", "(iv)"), ("A)", "B)", "C)", "D)"),
])
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_lettered_run_is_one_list(marks: tuple[str, ...], gap: str, tmp_path: Path) -> None:
    items = ("cracks or softens", "becomes wet", "becomes loose", "feels tight.")
    text = LEAD.rstrip("\n") + "\n" + gap.join(f"{m} {i}" for m, i in zip(marks, items)) + AFTER
    assert "list: cracks or softens | becomes wet | becomes loose | feels tight." in said(text, tmp_path)
    assert dropped(text, tmp_path) == {}


@pytest.mark.parametrize(("body", "kept"), [
    # an outline's lettered headings keep their letters
    ("A. Before the cast\n\nKeep the skin dry. Check it daily.\n\nB. After the cast\n\nThe skin may be dry. "
     "Use cream.", "A. Before the cast"),
    # a lone lettered line, and letters out of order, are left as written
    ("a) cracks or softens\n\nThe plaster room is open every day.", "a) cracks or softens"),
    ("b) becomes wet\n\nd) becomes loose\n\nThe plaster room is open every day.", "b) becomes wet"),
])
def test_look_alikes_of_a_lettered_list_stay(body: str, kept: str, tmp_path: Path) -> None:
    assert kept in said(LEAD + body + AFTER, tmp_path)


# --- O-1: a line naming a picture is its alt text; a site-search prompt is furniture ----------------------------

PAGE = ("Bladder infections\n\nA bladder infection makes it hurt to pass urine. It is common.\n\n{line}\n\n"
        "What causes it?\n\nGerms from the gut cause most infections. They get into the bladder.\n")


@pytest.mark.parametrize(("line", "rule"), [
    ("Photo of a woman", "<image alt text>"),
    ("Diagram of the urinary tract", "<image alt text>"),
    ("Illustration of the kidneys and bladder", "<image alt text>"),
    ("Picture of someone drinking water.", "<image alt text>"),
    ("Search our database by Health Topic or enter your own keywords", "<site search>"),
    ("Search this site", "<site search>"),
])
def test_image_texts_and_search_prompts_are_dropped(line: str, rule: str, tmp_path: Path) -> None:
    text = PAGE.format(line=line)
    assert dropped(text, tmp_path).get(line) == rule
    assert line not in said(text, tmp_path)


@pytest.mark.parametrize("line", [
    "Pictures of eczema",  # a gallery's heading
    "Photo of a woman is shown on the leaflet.",  # a sentence
    "A diagram of the bladder can help you see where the infection is.",
    "Search the internet with care.",
    "Image of health",  # no picture named
])
def test_look_alikes_of_image_texts_stay(line: str, tmp_path: Path) -> None:
    assert line in said(PAGE.format(line=line), tmp_path)


# --- O-4: the page's own contents list names its sections -------------------------------------------------------

def section(name: str, body: str = "Some text about it. It goes on here.") -> str:
    return f"{name}\n\n{body}\n\n"


CONTENTS_PAGE = ("Bladder tests\n\nOn This Page\n\n- Tests to find it\n- Tests to stage it\n- Second opinions\n\n"
                 "Your doctor may do some tests. They show if you have cancer.\n\n"
                 + section("Tests to find it") + section("Cystoscopy") + section("Urine test")
                 + section("Tests to stage it") + section("CT scan") + section("Second opinions")
                 + section("Related resources"))


def test_a_contents_list_makes_its_entries_the_sections(tmp_path: Path) -> None:
    found = [line for line in outline(article(CONTENTS_PAGE, tmp_path)) if line.startswith("#")]
    assert found[1:] == ["# Tests to find it", "## Cystoscopy", "## Urine test", "# Tests to stage it", "## CT scan",
                         "# Second opinions", "# Related resources"]  # after the last entry, a heading keeps its level


def test_without_a_contents_list_the_headings_are_left_as_they_were(tmp_path: Path) -> None:
    text = CONTENTS_PAGE.replace("On This Page\n\n- Tests to find it\n- Tests to stage it\n- Second opinions\n\n", "")
    found = [line for line in outline(article(text, tmp_path)) if line.startswith("#")]
    assert "# Cystoscopy" in found and "# CT scan" in found
