"""Round twelve of unseen pages, a pasted page's title and headings: the first line stays the title over a
lower-case line, and a title made from the file name is said in the review (pure text, no speech synthesis)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from narration.ingest import read_article
from narration.ingest.debris import debris_filter
from narration.ingest.outline import Heading
from narration.ingest.text import parse_text
from narration.review import title_findings

PARAGRAPH = "Most people feel better within a week, and the symptoms fade slowly over the following days."


def outline(text: str) -> tuple[str, list[str]]:
    """The title and each item of a pasted page, a heading as '# text'."""
    title, items = parse_text(text, debris_filter("page.txt"))
    said = []
    for item in items:
        if isinstance(item, Heading):
            said.append(f"# {item.text}")
        elif getattr(item, "kind", "") == "paragraph":
            said.append(item.text)
        elif getattr(item, "kind", "") == "list":
            said.append(" | ".join(item.items))
    return title, said


@pytest.mark.parametrize(("first", "second", "title"), [
    # a title over a lower-case line (a tag line, a lead-in) stays the title
    ("Pelvic Ultrasound", "screening and diagnosis archives from the family doctor site and its feed", "Pelvic Ultrasound"),
    ("Knee pain", "what it means, what helps and when to see a doctor about it this week", "Knee pain"),
    # a paragraph's first line broken by the page's width is still joined to the rest: no title
    ("The test takes about half an hour and you can go home straight after it, most", "people feel fine.", ""),
])
def test_first_line_over_lower_case(first: str, second: str, title: str) -> None:
    found, items = outline(f"{first}\n{second}\n\n{PARAGRAPH}\n")
    assert found == title
    if not title:
        assert items[0] == f"{first} {second}"


def test_a_title_from_the_file_name_is_reviewed(tmp_path: Path) -> None:
    page = tmp_path / "knee-pain.txt"
    page.write_text(f"{PARAGRAPH}\n\n{PARAGRAPH}\n", encoding="utf-8")
    article = read_article(page)
    assert article.title == "Knee Pain"
    assert [f.kind for f in title_findings(article, "01.txt", "title: Knee Pain\n\nText.\n")] == ["title from the file name"]
    titled = replace(article, title="Knee pain")
    assert title_findings(titled, "01.txt", "title: Knee pain\n") == []


@pytest.mark.parametrize(("written", "said"), [
    # a two-entry trail from a site's home, and a menu bar pasted with its entries run together
    ("NIDA Home > Frequently Asked Questions", ""),
    ("Arthritis Home > Types of Arthritis", ""),
    ("PatientsCarersProfessionalsResearchers", ""),
    ("DoctorsNursesParents/TeachersStudents", ""),
    # a name or two joined that way, and a ">" in a sentence, stay
    ("About GlaxoSmithKline", "About GlaxoSmithKline"),
    ("Watch it on YouTube with your iPhone", "Watch it on YouTube with your iPhone"),
    ("Home care > hospital care for most people", "Home care > hospital care for most people"),
    ("Keep the heating on at Home > 18 degrees", "Keep the heating on at Home > 18 degrees"),
])
def test_a_run_together_menu_and_a_home_trail_are_left_out(written: str, said: str) -> None:
    assert debris_filter("page.txt").clean(written) == said


def test_header_lines_above_the_title_repeated_are_no_headings() -> None:
    page = ("Drug Questions\n\nLink to the institute news feed\n\nSciencePagesParentsTeachers\n\n"
            "Institute Home > Drug Questions\n\nDrug Questions\n\n" + PARAGRAPH + "\n")
    title, items = outline(page)
    assert title == "Drug Questions"
    assert items == [PARAGRAPH]


LINKED = (f"{PARAGRAPH}\n\nFind out more\n\nCharity - Hair loss\n\nLocal Wig Service\n\nFatigue\n\n{PARAGRAPH}\n\n"
          f"Find out more\n\nCharity - Being active\n\nSleep\n\n{PARAGRAPH}\n")


def test_link_cues_and_their_titles_leave_the_headings_under_them() -> None:
    title, items = outline("Cancer treatment effects\n\n" + LINKED)
    assert items == [PARAGRAPH, "# Fatigue", PARAGRAPH, "# Sleep", PARAGRAPH]


@pytest.mark.parametrize("page", [
    # a "Read more" that is a sentence's words stays, and a heading right under a lone cue stays a heading
    f"Read more about it in the next part.\n\nDiet\n\n{PARAGRAPH}\n\nExercise\n\n{PARAGRAPH}\n",
    f"{PARAGRAPH}\n\nLearn more\n\nDiet\n\n{PARAGRAPH}\n\nExercise\n\n{PARAGRAPH}\n",
])
def test_a_heading_under_a_cue_stays(page: str) -> None:
    _, items = outline("Healthy living\n\n" + page)
    assert "# Diet" in items and "# Exercise" in items


QUESTION = "Do you know why some labels say low fat?"


@pytest.mark.parametrize(("page", "heading"), [
    # the article's opening question to the reader, its only heading, is its first line
    (f"{QUESTION}\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n", False),
    (f"A short summary of the page.\n\n{QUESTION}\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n", False),
    # one of several headings, a question about the subject, or one further down stays a heading
    (f"{QUESTION}\n\n{PARAGRAPH}\n\nWhat is low fat?\n\n{PARAGRAPH}\n", True),
    (f"What is a low fat label?\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n", True),
    (f"{PARAGRAPH}\n\n{PARAGRAPH}\n\n{QUESTION}\n\n{PARAGRAPH}\n", True),
])
def test_an_opening_question_is_no_heading(page: str, heading: bool) -> None:
    _, items = outline("Food labels\n\n" + page)
    assert (f"# {QUESTION}" in items or "# What is a low fat label?" in items) == heading


@pytest.mark.parametrize(("page", "listed"), [
    # short unpunctuated lines right under a lead-in ending ':' are its list, bullets or not
    ("See your doctor if:\nYour fever lasts more than 3 days\nYou are pregnant\n", ["Your fever lasts more than 3 days", "You are pregnant"]),
    ("Go to hospital if you have:\nChest pain\nSevere headache\nA stiff neck\n", ["Chest pain", "Severe headache", "A stiff neck"]),
    # one line, or full sentences, under it are no list
    ("See your pharmacist if:\nYou need advice on your symptoms. They can help.\n", []),
    ("The options are:\nSurgery\n", []),
])
def test_a_lead_in_keeps_its_unbulleted_list(page: str, listed: list[str]) -> None:
    _, items = outline(f"Fever\n{PARAGRAPH}\n{page}{PARAGRAPH}\n")
    assert (" | ".join(listed) in items) == bool(listed)


def test_a_heading_over_a_line_in_lower_case_stays_apart() -> None:
    """A heading over a paragraph, and a line over a name written in lower case ("pH"), are not joined."""
    _, items = outline(f"Vaccines\n\nChildhood vaccines\n\n{PARAGRAPH}\n\nSoil tests\n\npH levels in the soil tell you a lot about it.\n")
    assert "# Childhood vaccines" in items and "# Soil tests" in items



def test_more_information_is_a_heading_not_a_cue() -> None:
    _, items = outline(f"Cancer\n\n{PARAGRAPH}\n\nMore information\n\nCancer Help - Treatments\n\n{PARAGRAPH}\n")
    assert "Cancer Help - Treatments" in items or "# Cancer Help - Treatments" in items or "# More information" in items


def test_the_title_is_not_joined_to_a_lower_case_line_below_a_blank() -> None:
    title, _ = outline(f"Managing side effects\n\nfour circles with icons inside them drawn in a row\n\n{PARAGRAPH}\n")
    assert title == "Managing side effects"
