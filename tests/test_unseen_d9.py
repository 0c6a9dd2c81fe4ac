"""Round nine (pages N and O) of the debris a page carries around its text: widget labels ("Expand Anchor Panel",
a bare "Search"), link instructions ("Click here for home page - ..."), a printable copy's note, "See also..."
left without its links, a site's tagline ("X: A service of the ..."), a "Title - label - URL" link line. Each
rule with the look-alikes it must leave alone."""
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


@pytest.mark.parametrize(("line", "rule"), [
    ("Search", "<page tool>"),
    ("Expand Anchor Panel", "<page tool>"),
    ("Expand/Collapse All", "<page tool>"),
    ("Collapse Panel", "<page tool>"),
    ("Show/Hide Transcript", "<page tool>"),
    ("Click here for home page - example.gov - The Sleep Information Center A project of the U.S. Office of Sleep",
     "<link instruction>"),
    ("A printer friendly version of this item is available. [Printer-friendly version -- PDF file, 120 Kb]",
     "<page tool>"),
    ("See also...", "<related link>"),
    ("See also: Sleep and mood", "<related link>"),
    ("SleepInfo Health Information: A service of the National Sleep Institute and the U.S. Office of Sleep",
     "<site header>"),
    ("A service of the U.S. National Sleep Library", "<site header>"),
])
def test_header_tools_and_taglines_are_left_out(line: str, rule: str, tmp_path: Path) -> None:
    page = PAGE.replace("\n\n", f"\n{line}\n\n", 1)
    assert dropped(page, tmp_path).get(line) == rule
    assert line not in read(page, tmp_path)


@pytest.mark.parametrize("line", [
    "Sleep and Mood - Multiple Languages - http://www.example.gov/languages/sleep.html",
    "Sleep Diaries | https://example.org/diary",
])
def test_a_title_with_its_bare_address_is_a_link_line(line: str, tmp_path: Path) -> None:
    page = PAGE + line + "\n"
    assert line in dropped(page, tmp_path) and "http" not in read(page, tmp_path)


@pytest.mark.parametrize("sentence", [
    "Search for a sleep clinic near you on the hospital website.",
    "Click the alarm button if you need a nurse at night.",
    "Expand your bedtime routine slowly over two weeks.",
    "Show your doctor your sleep diary.",
    "A service of the sleep clinic is a free loan of a monitor.",
    "The main NIH organization for sleep research is the Sleep Institute - http://www.example.gov/",
    "Also called: Sleeplessness, Insomnia",
])
def test_sentences_like_tools_stay(sentence: str, tmp_path: Path) -> None:
    assert sentence.split(" - ")[0].split(":")[-1].strip() in read(PAGE + sentence + "\n", tmp_path)


def test_a_section_label_among_header_tools_is_left_out(tmp_path: Path) -> None:
    page = ("Before Your Visit\nSearch\nYour Clinic Stay\n\nExpand Anchor Panel\n|\n\n"
            "Bring your sleep diary to the clinic. Arrive ten minutes early.\n\nWhat to Bring\n\nBring a list of medicines.\n")
    assert dropped(page, tmp_path).get("Your Clinic Stay") == "<site section>"
    assert "Your Clinic Stay" not in read(page, tmp_path)


def test_a_heading_under_a_tool_with_text_under_it_stays(tmp_path: Path) -> None:
    page = "Before Your Visit\nPrint\n\nWhat to Bring\n\nBring your sleep diary to the clinic.\n"
    assert "# What to Bring" in outline(article(page, tmp_path))


QUESTIONS = ["What is sleep apnea?", "What causes sleep apnea?", "How is sleep apnea treated?", "Can I prevent sleep apnea?"]
MENU = "".join(f"- {q}\n" for q in QUESTIONS)


@pytest.mark.parametrize("cut", [1, 2, 4])
def test_an_unlabelled_contents_list_of_a_cut_page_is_left_out(cut: int, tmp_path: Path) -> None:
    body = "".join(f"{q}\n\nThe answer to this question is given here in a sentence.\n\n" for q in QUESTIONS[:cut])
    page = f"Sleep Apnea\n\n{MENU}\n{body}"
    found = outline(article(page, tmp_path))
    assert dropped(page, tmp_path).get(QUESTIONS[-1]) == "<table of contents>"
    assert all(f"# {q}" in found for q in QUESTIONS[:cut])


def test_a_list_whose_later_entries_come_back_alone_is_kept(tmp_path: Path) -> None:
    # only the second entry comes back: not the contents of a page cut short
    page = (f"Sleep Apnea\n\n{MENU}\n{QUESTIONS[1]}\n\nThe answer to this question is given here in a sentence.\n")
    assert QUESTIONS[0] not in dropped(page, tmp_path)


ROW = ("Start Here Overviews Diagnosis/Symptoms Treatment Prevention/Screening Related Issues Clinical Trials Journal Articles\n")


@pytest.mark.parametrize("tail", [
    "References and abstracts from MEDLINE/PubMed (National Library of Medicine)",
    "Organizations Children You may also be interested in these related pages:",
])
def test_lines_glued_under_a_row_of_links_go_with_it(tail: str, tmp_path: Path) -> None:
    page = PAGE + ROW + tail + "\n\nAsk your doctor about a sleep study.\n"
    assert dropped(page, tmp_path).get(tail) == "<row of links>"
    assert "Ask your doctor about a sleep study." in read(page, tmp_path)


@pytest.mark.parametrize("tail", [
    "Your doctor can tell you more. Ask at your next visit.",
    "Your doctor may suggest:\n- a sleep study",
])
def test_prose_under_a_row_of_links_stays(tail: str, tmp_path: Path) -> None:
    page = PAGE + ROW + tail + "\n"
    assert tail.splitlines()[0] in read(page, tmp_path)
