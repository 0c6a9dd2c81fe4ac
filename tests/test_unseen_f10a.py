"""Round ten (pages P) of debris read aloud: the site's header between the title and its repeat, the credit block
and publisher's disclaimer under an encyclopedia article, file-size link labels inside sentences, and a trailing
sidebar of locations and teasers. Each rule with the look-alikes it must leave alone."""
from __future__ import annotations

from pathlib import Path

import pytest

from narration.ingest.debris import debris_filter
from test_unseen_structure import article, outline

PROSE = "Most people have questions about their treatment. Ask your nurse early.\n"


def read(text: str, tmp_path: Path) -> str:
    return "\n".join(outline(article(text, tmp_path)))


@pytest.mark.parametrize(("between", "dropped"), [
    # a logo's alt text, glued menu words, a breadcrumb, a guide's name: the site's header
    ("Example Charity logo.\nSearchDonate\n\nTreatments into your arm (Intravenous)", True),
    ("Looking After Someone at Home: A Short Guide from the Example Institute", True),
    # a sentence between them, or a lead-in, is the article's
    ("Please read this leaflet before you go home.", False),
    ("Read this first:", False),
])
def test_what_stands_between_the_title_and_its_repeat_is_the_header(between: str, dropped: bool,
                                                                    tmp_path: Path) -> None:
    found = read(f"Drain Lines\n{between}\n\nDrain Lines\n\nA drain line takes fluid away.\n\nCare of the line\n\n"
                 f"{PROSE}", tmp_path)
    assert all((line not in found) is dropped for line in between.split("\n") if line)
    assert "A drain line takes fluid away." in found or not dropped


def test_a_title_that_does_not_come_back_keeps_the_lines_under_it(tmp_path: Path) -> None:
    found = read(f"Drain Lines\nLooking After Someone at Home: A Short Guide\n\nA drain line takes fluid away.\n\n"
                 f"Care of the line\n\n{PROSE}", tmp_path)
    assert "Looking After Someone at Home" in found


@pytest.mark.parametrize(("line", "spoken"), [
    ("Exercise helps people feel better (PDF, 850K). Walk daily.", "Exercise helps people feel better. Walk daily."),
    ("Drink water or juice (PDF, 570K) after exercise.", "Drink water or juice after exercise."),
    ("See the form (Word, 1.2 MB) and fill it in.", "See the form and fill it in."),
    ("Read the leaflet [PDF - 154 KB].", "Read the leaflet."),
    # a bracket with a number that is no file size stays
    ("Take 2 tablets (500 mg each) a day.", "Take 2 tablets (500 mg each) a day."),
    ("Most cases (80%) are mild.", "Most cases (80%) are mild."),
])
def test_a_file_type_and_size_in_brackets_is_a_download_label(line: str, spoken: str) -> None:
    assert debris_filter("page").clean(line) == spoken


@pytest.mark.parametrize(("line", "gone"), [
    ("Reviewed By: Jane Roe, MD, Clinical Professor, Example University, Seattle, WA.", True),
    ("Also reviewed by John Doe, MD, MHA, Medical Director, and the Example Editorial team.", True),
    ("A.D.A.M. Editorial team.", True),
    ("This information should not be used during any medical emergency or for the diagnosis or treatment of any "
     "medical condition. A licensed medical professional should be consulted for diagnosis and", True),
    ("The information provided herein should not be used during any medical emergency.", True),
    # the article's own sentences about review and use
    ("Your doctor reviewed by phone the results of your scan.", False),
    ("This medicine should not be used during pregnancy.", False),
    ("Ask the editorial team at your clinic for a copy.", False),
])
def test_the_credit_block_and_the_publishers_disclaimer_are_left_out(line: str, gone: bool) -> None:
    assert (debris_filter("page").clean(line) == "") is gone


def test_a_credit_label_on_its_own_line_takes_the_name_under_it(tmp_path: Path) -> None:
    found = read(f"Hiccups\n\nCauses\n\n{PROSE}\nReview Date: 1/26/2017\nReviewed By:\nJane Roe, MD, Clinical "
                 f"Professor, Example University, Seattle, WA.\n", tmp_path)
    assert "Jane Roe" not in found and "Reviewed" not in found and "Ask your nurse early." in found


@pytest.mark.parametrize(("line", "gone"), [
    ("Example Charity logo.", True),
    ("NHS logo", True),
    ("Search Donate", True),
    ("SearchDonate", True),
    ("Home Help", True),
    # a sentence about a logo, a heading with a menu word, one menu word
    ("Look for the logo on the pack.", False),
    ("Help at home", False),
    ("Donate blood", False),
])
def test_a_logo_and_a_row_of_menu_words_are_the_site_header(line: str, gone: bool) -> None:
    assert (debris_filter("page").clean(line) == "") is gone


@pytest.mark.parametrize(("above", "gone"), [
    ("[Treatments into your arm (Intravenous)](/treatments/arm)", True),
    ("Looking After Someone at Home: A Short Guide", True),
    ("This leaflet is for patients going home with a line.", False),
])
def test_single_lines_above_a_markdown_h1_are_the_site_header(above: str, gone: bool, tmp_path: Path) -> None:
    found = "\n".join(outline(article(f"{above}\n\n# Drain Lines\n\nA drain line takes fluid away.\n\n"
                                      f"## Care of the line\n\n{PROSE}", tmp_path, ".md")))
    text = above.split("](")[0].lstrip("[")
    assert (text not in found) is gone


ARTICLE = ("Head Lice\n\nHead lice are common. They are not a health risk.\n\nWhat parents can do:\n\n"
           "- check weekly\n- treat only those with live lice\n\n")
SIDEBAR = ("Locations\n\nEquipment Loan Service\n\nEquipment Loan Service\n\nExample Centre for Children\n"
           "100 Example Rd\nVictoria, B.C.\nV1A 2B3\n\n250-555-0100\n\nNews & Events\n\nCoding Day 2020\n\n"
           "Coding Day is back!\n\nAre you ready for a challenge? We are looking for 100 people.\n\nRead more\n")


@pytest.mark.parametrize(("tail", "kept", "gone"), [
    # locations with addresses and phones, doubled card titles, a teaser and its link: the sidebar
    (SIDEBAR, "treat only those with live lice", ["Locations", "V1A 2B3", "250-555-0100", "Coding Day", "Read more"]),
    ("Related Links\n\nLice Treatment Guide\n\nLice Treatment Guide\n\nSchool Health Programs\n\nRead more\n",
     "treat only those with live lice", ["Related Links", "Read more"]),
    # a closing contact section with a sentence, and a final list, are the article's
    ("Contact us\n\nCall the clinic if you have questions.\n\n250-555-0100\n", "250-555-0100", []),
    ("Symptoms\n\nItching\n\nRed Bumps\n\nSores\n", "Red Bumps", []),
])
def test_a_run_of_sidebar_lines_under_the_article_is_left_out(tail: str, kept: str, gone: list[str],
                                                              tmp_path: Path) -> None:
    found = read(ARTICLE + tail, tmp_path)
    assert kept in found and not [line for line in gone if line in found]


def test_lines_a_lead_in_introduces_are_no_sidebar(tmp_path: Path) -> None:
    doc = article(ARTICLE + "Useful numbers:\n\nHelpline A\n\n1-800-555-0100\n\nHelpline B\n\n1-800-555-0101\n\n"
                  "Helpline C\n\n1-800-555-0102\n", tmp_path)
    assert not [d for d in doc.dropped if d.pattern == "<page sidebar>"]
