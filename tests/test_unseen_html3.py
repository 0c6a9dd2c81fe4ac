"""Web pages, third round: what a table cell holds besides words, lists whose sentences carry links, the works
an article cites, headings left with nothing under them, spaces between inline elements, and the title of a
page with no <title> or <h1>. Each case is a small page written for the test -> what a listener hears of it."""
from __future__ import annotations

import pytest

from narration.ingest.debris import debris_filter
from narration.ingest.html import read_page
from narration.ingest.tables import spoken_rows
from narration.models import Block
from test_unseen_html2 import said

INTRO = "<p>Lead can harm a child's growth. A blood test shows how much lead is in the body.</p>"
MORE = "<p>Ask your doctor when your child should be tested again.</p>"


def page(body: str, head: str = "<title>Lead</title>", h1: str = "<h1>Lead</h1>") -> tuple[str, list[str], list[tuple[str, str]]]:
    """(title, what is said, (dropped text, rule)) of a page with this body."""
    debris = debris_filter("page.html")
    found = read_page(f"<html><head>{head}</head><body><main>{h1}{body}</main></body></html>", debris=debris)
    return found.title, said(list(found.items)), [(d.text, d.pattern) for d in debris.dropped]


def table(cell: str, label: str = "0-3.4") -> str:
    return (f"<table><tr><th>Level</th><th>What to do</th></tr><tr><td>{label}</td><td>{cell}</td></tr>"
            "<tr><td>3.5-19</td><td>Test again in a month.</td></tr></table>")


# --- F2: every block inside a table cell is read under its row -------------------------------------------------

@pytest.mark.parametrize(("cell", "row"), [
    # a paragraph and a list of sentences: each a sentence of the row
    ("<p>Low amounts of lead.</p><ul><li>Find the source.</li><li>Take them to the hospital if they faint.</li></ul>",
     "Low amounts of lead. Find the source. Take them to the hospital if they faint."),
    # a cell that is only a list
    ("<ul><li>Find the source of the lead.</li><li>Feed iron and calcium.</li></ul>",
     "Find the source of the lead. Feed iron and calcium."),
    # a list of short phrases is one running list, after its lead-in
    ("<p>Signs:</p><ul><li>Tiredness</li><li>Belly pain</li></ul>", "Signs: Tiredness, Belly pain."),
    ("<ul><li>Iron</li><li>Calcium</li></ul>", "Iron, Calcium."),
    # items without a full stop that are sentences; an ordered list; a nested list after its item
    ("<ol><li>Identify where the lead comes from and stop further exposure</li><li>Retest</li></ol>",
     "Identify where the lead comes from and stop further exposure. Retest."),
    ("<ul><li>See a doctor<ul><li>within a week</li></ul></li></ul>", "See a doctor within a week."),
    ("<ul><li>Your child needs:<ul><li>a test</li><li>a visit</li></ul></li></ul>", "Your child needs: a test, a visit."),
    # paragraphs and divs
    ("<p>Low.</p><div>Retest soon</div>", "Low. Retest soon."),
])
def test_a_cells_blocks_are_sentences_of_its_row(cell: str, row: str) -> None:
    _, spoken, dropped = page(INTRO + table(cell) + MORE)
    assert spoken == [INTRO[3:-4], f"| 0-3.4 | {row}", "| 3.5-19 | Test again in a month.", MORE[3:-4]]
    assert not dropped


@pytest.mark.parametrize(("cell", "row"), [
    ("Retest in a month.", "Retest in a month."),  # words only: as before
    ("Retest<br>in a month", "Retest in a month"),  # a line break inside a phrase
    ("<b>Retest</b> in a <a href='/m'>month</a>.", "Retest in a month."),
])
def test_a_cell_of_words_is_read_as_written(cell: str, row: str) -> None:
    assert page(INTRO + table(cell) + MORE)[1][1] == f"| 0-3.4 | {row}"


def test_a_row_label_of_two_lines_stays_one_label() -> None:
    _, spoken, _ = page(INTRO + table("<p>Low.</p><ul><li>Retest.</li></ul>", label="Newborns<br>(0 to 3 months)"))
    assert spoken[1] == "| Newborns (0 to 3 months) | Low. Retest."


def test_a_cells_list_is_spoken_under_its_row() -> None:
    found = read_page(f"<html><body><main><h1>Lead</h1>{INTRO}{table('<p>Low amounts.</p><ul><li>Find the source.</li></ul>')}"
                      "</main></body></html>")
    block = next(item for item in found.items if isinstance(item, Block) and item.kind == "table")
    assert spoken_rows(block)[0] == "0-3.4: what to do, low amounts. Find the source."


# --- E2: a list whose sentences carry links is content; a list of link titles is navigation --------------------

@pytest.mark.parametrize(("listed", "heard"), [
    ('<p>For constipation:</p><ul><li>Eat more <a href="/f">fiber</a>.</li><li>Drink water.</li>'
     '<li>Talk to your provider.</li></ul>',
     ["For constipation:", "- Eat more fiber.", "- Drink water.", "- Talk to your provider."]),
    ('<ul><li>Partial <a href="/b">bowel blockage</a></li><li><a href="/p">Premenstrual syndrome</a> (PMS)</li></ul>',
     ["- Partial bowel blockage", "- Premenstrual syndrome (PMS)"]),
    ('<ul><li><a href="/a">Call your doctor if the pain gets worse.</a></li><li><a href="/b">Rest at home.</a></li></ul>',
     ["- Call your doctor if the pain gets worse.", "- Rest at home."]),
    # navigation: every item wholly a link that reads as a title
    ('<ul><li><a href="/e">Edema</a></li><li><a href="/g">Gas and bloating</a></li></ul>', []),
])
def test_a_list_is_navigation_only_when_each_item_is_a_link_title(listed: str, heard: list[str]) -> None:
    _, spoken, dropped = page(INTRO + listed + MORE)
    assert spoken == [INTRO[3:-4], *heard, MORE[3:-4]]
    if heard:
        assert not dropped


# --- E6: the works an article cites, and headings left with nothing under them ---------------------------------

CITATION = "<p>Ball JW, Dains JE. Abdomen. In: Ball JW, eds. <em>Guide to Examination</em>. 10th ed. Elsevier; 2023:chap 18.</p>"


@pytest.mark.parametrize(("body", "heard", "dropped"), [
    (INTRO + "<h2>References</h2>" + CITATION + CITATION, [INTRO[3:-4]],
     {"<reference>", "<heading with nothing under it>"}),
    (INTRO + "<h2>Sources</h2><ul><li>National Sleep Foundation. Sleep and teens. 2020.</li></ul>", [INTRO[3:-4]],
     {"<reference>", "<heading with nothing under it>"}),
    (INTRO + "<h3>Bibliography:</h3><p>Some books we used.</p><h2>Next steps</h2>" + MORE,
     [INTRO[3:-4], "## Next steps", MORE[3:-4]], {"<reference>", "<heading with nothing under it>"}),
    # a citation standing anywhere else
    (INTRO + CITATION + MORE, [INTRO[3:-4], MORE[3:-4]], {"<reference>"}),
    # an empty "Images" section (its thumbnails left out) does not take the next section under it
    (INTRO + '<h2>Images</h2><ul><li><img src="a.jpg"><a href="/a">Ovarian cysts</a></li></ul><h2>Outlook</h2>' + MORE,
     [INTRO[3:-4], "## Outlook", MORE[3:-4]], {"<heading with nothing under it>"}),
])
def test_references_and_empty_headings_are_left_out(body: str, heard: list[str], dropped: set[str]) -> None:
    _, spoken, found = page(body)
    assert spoken == heard
    assert {rule for _, rule in found} == dropped


@pytest.mark.parametrize("body", [
    # what is no reference: a heading that only starts like one, sentences with years, a sub-heading's parent
    "<h2>Sources of lead</h2><p>Old paint, soil and some toys. Houses built before 1978 may have lead paint.</p>",
    "<p>Smith found in 2019 that lead harms children, and the CDC agreed.</p>",
    "<h2>Treatment</h2><h3>Chelation</h3><p>A medicine binds the lead so the body can pass it.</p>",
    "<p>See Table 2. Levels, 2021: most children had less than 3.5.</p>",
])
def test_text_that_mentions_sources_or_years_is_read(body: str) -> None:
    _, spoken, found = page(INTRO + body)
    assert len(spoken) == 1 + body.count("<p>") + body.count("<h")
    assert not found


# --- F10: spaces between inline elements ------------------------------------------------------------------------

@pytest.mark.parametrize(("markup", "heard"), [
    ('<ul><li><a href="/c"><strong>Cystic</strong></a><strong> acne</strong>: deep pimples.</li></ul>',
     "- Cystic acne: deep pimples."),
    ("<ul><li><b>Mild</b><i> acne</i>: blackheads.</li></ul>", "- Mild acne: blackheads."),
    ("<ul><li><b>Bold</b>ed word</li></ul>", "- Bolded word"),  # no space written: none said
    ("<h2>Types <em> of</em> acne</h2>", "## Types of acne"),
    ("<p><b>Cystic</b><b> acne</b> scars.</p>", "Cystic acne scars."),
])
def test_spaces_between_inline_elements_are_kept(markup: str, heard: str) -> None:
    assert page(INTRO + markup + MORE)[1][1] == heard


# --- F13: the title of a page without <title> or <h1> ---------------------------------------------------------

@pytest.mark.parametrize(("head", "body", "title", "first"), [
    ("", "<p>Medium</p><h2>What does a lead test mean?</h2>" + INTRO, "What does a lead test mean?", INTRO[3:-4]),
    # sections in a row: the first names the page and keeps its section
    ("", "<h2>Overview</h2>" + INTRO + "<h2>Testing</h2>" + MORE, "Overview", "## Overview"),
    # a <title> or an <h1> still wins
    ("<title>Lead and children</title>", "<h2>What does a lead test mean?</h2>" + INTRO, "Lead and children",
     "## What does a lead test mean?"),
])
def test_a_page_without_title_or_h1_is_named_by_its_first_heading(head: str, body: str, title: str, first: str) -> None:
    found_title, spoken, _ = page(body, head=head, h1="")
    assert (found_title, spoken[0]) == (title, first)


# --- F14: a short bold paragraph naming what follows is a sub-heading, on a page with headings -----------------

SECTION = "<h2>Living with lead</h2>" + INTRO


@pytest.mark.parametrize(("bold", "after", "heading"), [
    ("<p><strong>A note from the clinic</strong></p>", MORE, True),
    ("<p><b>Home remedies</b></p>", MORE, True),
    # lead-ins, warnings and sentences said with emphasis stay text
    ("<p><strong>Call 911 if your child faints</strong></p>", MORE, False),
    ("<p><strong>Do not give aspirin to children</strong></p>", MORE, False),
    ("<p><strong>Warning</strong></p>", MORE, False),
    ("<p><strong>Signs of lead poisoning include</strong></p>", MORE, False),
    ("<p><strong>Signs of lead poisoning:</strong></p>", MORE, False),
    ("<p><strong>Keep paint chips away.</strong></p>", MORE, False),
    ("<p><strong>Old paint</strong> is the main source.</p>", MORE, False),  # a bold lead-in of a sentence
    ("<p><strong>Common sources</strong></p>", "<ul><li>Old paint</li><li>Soil</li></ul>", False),  # over a list
])
def test_a_bold_paragraph_is_a_sub_heading_only_when_it_names_what_follows(bold: str, after: str, heading: bool) -> None:
    _, spoken, _ = page(SECTION + bold + after)
    text = bold.replace("<p>", "").replace("</p>", "")
    plain = " ".join(text.replace("<strong>", "").replace("</strong>", "").replace("<b>", "").replace("</b>", "").split())
    assert (f"* {plain}" in spoken) is heading
    assert heading or plain in spoken


def test_a_bold_paragraph_on_a_page_without_headings_keeps_the_older_rule() -> None:
    _, spoken, _ = page(INTRO + "<p><b>Home remedies</b></p>" + MORE, h1="")
    assert "## Home remedies" in spoken


# --- E2: the review finds a dropped line of a web page where it is written -------------------------------------

def test_the_review_finds_dropped_web_page_text_with_markup_inside() -> None:
    from narration.models import Dropped
    from narration.review import debris_findings

    lines = ["<html><body>", "<p>Intro.</p>", '<ul><li>Edema</li><li>Eat more <a href="/f">fiber</a>.</li></ul>',
             "<p>Your child&#8217;s <b>lead</b> level</p>"]
    dropped = [Dropped("p.html", "Eat more fiber.", "<link list>", "Eat more fiber."),
               Dropped("p.html", "Your child’s lead level", "<page banner>", "Your child’s lead level")]
    assert [finding.line for finding in debris_findings("p.html", lines, dropped)] == [3, 4]
    # a pasted-text source is searched as written: its "&amp;" is the author's
    assert debris_findings("p.txt", ["Salt &amp; pepper"], [Dropped("p.txt", "Salt & pepper", "<x>", "Salt & pepper")])[0].line == 0
