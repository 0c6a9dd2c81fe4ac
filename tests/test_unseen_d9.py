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
