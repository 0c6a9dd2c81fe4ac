"""Round eleven (pages R and S): titles and headings. Image texts, generic labels over a heading, furniture that
names a section, a numbered question split over two lines, callout labels and a title's site suffix. Each rule
with the look-alikes it must leave alone."""
from __future__ import annotations

from pathlib import Path

import pytest

from narration.text.sentences import split_sentences
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


# --- of two heading lines back to back, the one over the text is the heading; a generic label is left out ---

STACKED = ("Blood sugar\n\nSome intro text sits here. It says what the page is for.\n\n{label}\n"
           "What is blood sugar?\n\nBlood sugar is the main sugar in your blood. It comes from food.\n\n"
           "How is it measured?\n\nA meter reads a drop of blood. It takes a minute.\n")


@pytest.mark.parametrize("label", ["Summary", "Overview", "The Basics", "At a glance"])
def test_a_generic_label_over_a_question_is_left_out(label: str, tmp_path: Path) -> None:
    text = STACKED.format(label=label)
    assert "# What is blood sugar?" in said(text, tmp_path).split("\n")
    assert dropped(text, tmp_path).get(label) == "<page label>"
    assert label not in said(text, tmp_path)


def test_a_topic_line_over_a_question_heads_it(tmp_path: Path) -> None:
    shown = said(STACKED.format(label="Sugar And Your Body"), tmp_path)
    assert "Sugar And Your Body" in shown and "p: What is blood sugar?" not in shown


@pytest.mark.parametrize(("text", "kept"), [
    ("Blood sugar\n\nIntro text here. It says things.\n\nSummary\n\nThe sugar in blood comes from food. It is fuel.\n",
     "Summary"),  # a real closing section
    ("Blood sugar\n\nIntro text here. It says things.\n\nSummary\nBlood sugar is fuel. It comes from food.\n",
     "Summary"),  # a label over its own text
])
def test_look_alikes_of_a_stacked_label_stay(text: str, kept: str, tmp_path: Path) -> None:
    assert kept in said(text, tmp_path)


# --- a page tool or a site section's name never names the first section ------------------------------

OPENING = ("Before your surgery\n\n{line}\n\nCall the ward the day before. A nurse will tell you when to come in. "
           "Bring your medicines with you.\n\nOn the day\n\nDo not eat after midnight. You may drink water.\n")


@pytest.mark.parametrize(("line", "rule"), [
    ("Print this issue", "<page tool>"),
    ("Print this article", "<page tool>"),
    ("Email this article", "<page tool>"),
    ("Patient Information", "<site label>"),
    ("Health Topics", "<site label>"),
])
def test_furniture_does_not_name_the_first_section(line: str, rule: str, tmp_path: Path) -> None:
    text = OPENING.format(line=line)
    assert dropped(text, tmp_path).get(line) == rule
    assert outline(article(text, tmp_path))[0] == "# "  # the section takes the article's title


@pytest.mark.parametrize("line", ["Arriving at the hospital", "Patient information for surgery"])
def test_a_real_first_heading_stays(line: str, tmp_path: Path) -> None:
    assert outline(article(OPENING.format(line=line), tmp_path))[0] == f"# {line}"


def test_a_site_label_further_down_stays(tmp_path: Path) -> None:
    text = OPENING.format(line="Arriving") + "\nPatient Information\n\nLeaflets are at the desk. Ask a nurse.\n"
    assert "# Patient Information" in outline(article(text, tmp_path))


# --- S-2: a line's own number stays with it, never said as a sentence of its own --------------------------------

@pytest.mark.parametrize(("text", "sentences"), [
    ("2. How do hormones work?", ["2. How do hormones work?"]),
    ("12. Eat well. Drink water.", ["12. Eat well.", "Drink water."]),
    ("Take 2. Then rest.", ["Take 2.", "Then rest."]),  # a number ending a sentence
    ("2019. It was a hard year.", ["2019.", "It was a hard year."]),  # a year is no enumerator
])
def test_an_enumerator_stays_with_its_line(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


# --- S-4: a callout's one-word label is its paragraph's lead, not a heading -------------------------------------

DOSE = ("Taking the tablets\n\nSwallow the tablets whole with water. Take them at the same times each day.\n\n"
        "{label}\nCarry on taking them until the course is done. Stopping early lets the infection back.\n\n"
        "Side effects\n\nYou may feel sick. This passes.\n")


@pytest.mark.parametrize("label", ["Important", "Note", "Warning"])
def test_a_callout_label_leads_its_paragraph(label: str, tmp_path: Path) -> None:
    shown = outline(article(DOSE.format(label=label), tmp_path))
    assert f"p: {label}: Carry on taking them until the course is done. Stopping early lets the infection back." in shown
    assert f"# {label}" not in shown


def test_a_plural_section_name_stays_a_heading(tmp_path: Path) -> None:
    assert "# Warnings" in outline(article(DOSE.format(label="\nWarnings"), tmp_path))


# --- a title's publisher parts after " | " are left out, the rest said as one title -------------------------

@pytest.mark.parametrize(("first", "title"), [
    ("Norovirus | Disease of the Week | CDC", "Norovirus: Disease of the Week"),
    ("Head lice | NHS", "Head lice"),
    ("Flu | Seasonal Flu | MedlinePlus", "Flu: Seasonal Flu"),
    ("Cats | Dogs", "Cats: Dogs"),  # no publisher: the parts are kept, with a pause
    ("Living With HIV", "Living With HIV"),
])
def test_a_titles_publisher_parts_are_left_out(first: str, title: str, tmp_path: Path) -> None:
    page = f"{first}\n\nThis page says a few things. It goes on a bit.\n\nMore\n\nSome more text here. It ends.\n"
    assert article(page, tmp_path).title == title
