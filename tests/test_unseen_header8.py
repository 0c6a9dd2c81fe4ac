"""Round eight of unseen pages, the page's header: an archive's banner, download links and their sizes, skip
links, alt text, a language link, a repeated pipe breadcrumb, a page-type tag, a bare date stamp, a section label,
a breadcrumb with a back arrow, a short section menu, version tabs and notes are left out, in pasted text and in
Markdown; subtitles, 'Also called' lines, a first heading and paragraph and a list under its lead-in stay."""
from __future__ import annotations

import pytest
from test_unseen_header7 import BODY, MORE, said_and_dropped

from narration.ingest.debris import debris_filter
from narration.ingest.text import parse_text


@pytest.mark.parametrize(("written", "said"), [
    ("The Wayback Machine - https://web.archive.org/web/2016/http://example.gov/gout", ""),
    ("PDF version of this document [PDF - 154 KB]", ""),
    ("PDF version - 979KB", ""),
    ("PDF versions:", ""),
    ("Printable version", ""),
    ("Keep a food diary [PDF - 53 KB] for a week.", "Keep a food diary for a week."),
    ("Read the leaflet (PDF, 2.1 MB) first.", "Read the leaflet first."),
    ("Skip to text and downloadable files.", ""),
    ("Infographic: a guide to healthy joints", ""),
    ("Read this page in Welsh (Cymraeg)", ""),
    ("Resources | Drugs", ""),
    ("(public service announcement)", ""),
    ("Have a question? Ask ODS Join the ODS Email List", ""),
    ("This is a general overview. For more in-depth information, see our health professional fact sheet.", ""),
    # the article's own lines stay
    ("Skip the salt when you cook.", "Skip the salt when you cook."),
    ("Read this in full before you start.", "Read this in full before you start."),
    ("For more information, see our page on diet.", "For more information, see our page on diet."),
    ("Have a question?", "Have a question?"),
    ("(see Table 2)", "(see Table 2)"),
    ("Call us - 0300 123 4567", "Call us - 0300 123 4567"),
    ("Image-guided surgery: what to expect", "Image-guided surgery: what to expect"),
])
def test_a_header_line_is_cleaned(written: str, said: str) -> None:
    assert debris_filter("page.txt").clean(written) == said


@pytest.mark.parametrize("header", [
    ["Arthritis", "", "October 2014"],  # a site section repeating a word of the title, a bare date stamp
    ["Information and support", "Types of problems", "< Types of problems"],  # a breadcrumb with a way back
    ["Consumer", "Health Professional", "Other Resources"],  # the tabs of the page's other versions
    ["On this page you will find:"],  # its links lost in the paste
    ["PDF versions:", "- A Guide to Arthritis", "- Una guía sobre la artritis (Spanish)"],  # a download box
])
def test_a_header_block_is_left_out(header: list[str]) -> None:
    page = "Arthritis and Gout\n\n" + "\n".join(header) + f"\n\n{BODY}\n\nTreatment\n\n{MORE}\n"
    said, dropped = said_and_dropped(page)
    assert said == [BODY, "# Treatment", MORE]
    assert dropped


def test_a_bare_date_stamp_is_the_articles_date_when_none_other() -> None:
    debris = debris_filter("page.txt")
    parse_text(f"Arthritis and Gout\n\nOctober 2014\n\n{BODY}\n", debris)
    assert debris.reviewed is not None and (debris.reviewed.year, debris.reviewed.month) == (2014, 10)


def test_a_section_menu_over_the_first_heading_is_left_out() -> None:
    page = f"Gout\n\n{BODY}\n\n- Gout in older adults\n- For friends and family\n\nTreatment\n\n{MORE}\n"
    said, _ = said_and_dropped(page)
    assert said == [BODY, "# Treatment", MORE]


@pytest.mark.parametrize(("header", "kept"), [
    (["Gout"], ["Gout"]),  # the title's own word heading the first paragraph
    (["Symptoms include:", "- Joint pain", "- Red skin"], ["Symptoms include:", "- Joint pain", "- Red skin"]),
    (["A guide for people with joint pain"], ["A guide for people with joint pain"]),  # a subtitle
    (["Also called: podagra"], ["Also called: podagra"]),
    (["Gout is common."], ["Gout is common."]),
])
def test_the_articles_own_top_lines_stay(header: list[str], kept: list[str]) -> None:
    page = "Gout and Diet\n\n" + "\n".join(header) + f"\n\n{BODY}\n\nTreatment\n\n{MORE}\n"
    said, _ = said_and_dropped(page)
    assert [line.removeprefix("# ") for line in said[:len(kept)]] == kept and BODY in said


def test_a_list_after_the_opening_paragraph_with_its_own_text_stays() -> None:
    page = f"Gout\n\n{BODY}\n\n- Gout in older adults\n- Gout in children\n\n{MORE}\n\nTreatment\n\n{MORE}\n"
    said, _ = said_and_dropped(page)
    assert "- Gout in children" in said


def test_a_markdown_header_menu_is_left_out() -> None:
    header = ("Search the Clinic website\n\nSearch\n\n* [Health A-Z](/a-z/)\n* [Live Well](/live/)\n"
              "* [Pregnancy](/pregnancy/)\n* Browse\n\n More\n\n")
    said, _ = said_and_dropped(f"# Gout\n\n{header}{BODY}\n\n## Treatment\n\n{MORE}\n", True)
    assert said == ["# Gout", BODY, "# Treatment", MORE]


@pytest.mark.parametrize("top", [
    "Symptoms include:\n\n* [Pain](/pain/)\n* Swelling\n* [Redness](/red/)\n\n",  # a list under its lead-in
    "A guide for people with joint pain\n\n",  # a subtitle
    "Also called: podagra\n\n",
    "Gout is common.\n\n",
])
def test_a_markdown_pages_own_top_lines_stay(top: str) -> None:
    said, _ = said_and_dropped(f"# Gout\n\n{top}{BODY}\n\n## Treatment\n\n{MORE}\n", True)
    assert len(said) > 4 and BODY in said
