"""Web pages and Markdown as pages nobody tuned the readers to write them: what a page hides, tables that only
lay it out, lists of links that are content or navigation, page debris, heading levels, and the line breaks
of Markdown. Each case is a small page written for the test -> what a listener hears of it."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from narration.ingest import read_article
from narration.ingest.debris import debris_filter
from narration.ingest.html import read_page
from narration.ingest.markdown import parse_markdown
from narration.ingest.outline import SUB, Heading
from narration.models import Block

INTRO = "<p>Sleep keeps the body and the mind healthy. Most adults need seven hours or more each night.</p>"
MORE = "<p>Good sleep also helps you think clearly at work and at school.</p>"


def said(items: list) -> list[str]:
    """Headings as '#' * their HTML level ('## text' for an <h2>; a sub-heading of no level as '*'), paragraphs,
    list items '- text', tables '| row'."""
    out = []
    for item in items:
        if isinstance(item, Heading):
            out.append(("*" if item.level == SUB else "#" * (item.level - 1)) + " " + item.text)
        elif isinstance(item, Block) and item.kind == "list":
            out += [f"- {entry}" for entry in item.items]
        elif isinstance(item, Block) and item.kind == "table":
            out += ["| " + " | ".join(row) for row in item.rows]
        elif isinstance(item, Block):
            out.append(item.text)
    return out


def page(body: str, title: str = "Sleep") -> tuple[str, list[str], list[tuple[str, str]]]:
    """(title, what is said, (dropped text, rule)) of a page with this body under an <h1>."""
    debris = debris_filter("page.html")
    found = read_page(f"<html><head><title>{title}</title></head><body><main><h1>{title}</h1>{body}</main></body></html>",
                      debris=debris)
    return found.title, said(list(found.items)), [(d.text, d.pattern) for d in debris.dropped]


# --- 1. What the page hides, and template placeholders ----------------------------------------------------------

@pytest.mark.parametrize(("markup", "heard", "unheard"), [
    ('<div hidden><h3>Result</h3><p>Your reading is normal.</p></div>', [], ["Result", "normal"]),
    ('<div aria-hidden="true"><p>Decorative words.</p></div>', [], ["Decorative"]),
    ('<p style="display: none">Shown after you click.</p>', [], ["Shown after"]),
    ('<div style="VISIBILITY:hidden"><p>Not yet.</p></div>', [], ["Not yet"]),
    ('<ul><li>Rest</li><li>{{item.value}}</li><li>-</li><li>Drink water</li></ul>', ["- Rest", "- Drink water"],
     ["item.value", "- -"]),
    ('<p>Your dose is ${dose} a day, taken <%= when %> with food.</p>', ["Your dose is a day, taken with food."], ["$"]),
    # what is no template: prices, braces in prose, a range of numbers in a list
    ('<p>A visit costs $20 {with insurance}.</p>', ["A visit costs $20 {with insurance}."], []),
    ('<ul><li>1-2</li><li>3-4</li></ul>', ["- 1-2", "- 3-4"], []),
])
def test_hidden_elements_and_placeholders_are_not_read(markup: str, heard: list[str], unheard: list[str]) -> None:
    _, spoken, _ = page(INTRO + markup + MORE)
    assert spoken == [INTRO[3:-4], *heard, MORE[3:-4]]
    assert not any(word in line for line in spoken for word in unheard)


def test_a_page_saved_with_a_dialog_open_is_still_read() -> None:
    """A dialog marks the page behind it aria-hidden: the page is not hidden from a reader of the saved copy."""
    html = (f'<html><body><div aria-hidden="true"><main><h1>Sleep</h1>{INTRO}{MORE}</main></div>'
            '<div role="dialog"><p>Sign up now</p></div></body></html>')
    assert said(list(read_page(html).items)) == [INTRO[3:-4], MORE[3:-4]]


# --- 2. Tables that lay out the page ----------------------------------------------------------------------------

MENU = ('<table><tr><td><a href="/a">Home</a></td><td><a href="/b">About us</a></td>'
        '<td><a href="/c">Drug information</a></td></tr></table>')


@pytest.mark.parametrize(("markup", "heard"), [
    (MENU, []),  # one row of links: a menu
    ('<table><tr><td><img src="l.gif" alt="Logo"></td><td><a href="/">Agency home</a></td></tr></table>', []),
    ('<table role="presentation"><tr><td><p>Keep a routine.</p></td><td><p>Avoid screens at night.</p></td></tr>'
     '<tr><td><p>Get daylight.</p></td><td><p>Skip late coffee.</p></td></tr></table>',
     ["Keep a routine.", "Avoid screens at night.", "Get daylight.", "Skip late coffee."]),
    ('<table><tr><td><h2>Tips</h2><p>Go to bed at the same time.</p></td></tr></table>',
     ["## Tips", "Go to bed at the same time."]),
    ('<table><tr><td><table><tr><th>Age</th><th>Hours</th></tr><tr><td>Teens</td><td>8 to 10</td></tr>'
     '<tr><td>Adults</td><td>7 or more</td></tr></table></td></tr></table>', ["| Teens | 8 to 10", "| Adults | 7 or more"]),
    # data tables stay tables: rows and columns, or a one-row table of a label and its value
    ('<table><tr><th>Age</th><th>Hours</th></tr><tr><td>Teens</td><td>8 to 10</td></tr></table>', ["| Teens | 8 to 10"]),
    ('<table><tr><th>Phone</th><td>555 0100</td></tr></table>', ["| Phone | 555 0100"]),
])
def test_layout_tables_are_read_as_blocks_or_left_out(markup: str, heard: list[str]) -> None:
    _, spoken, _ = page(INTRO + markup + MORE)
    assert spoken == [INTRO[3:-4], *heard, MORE[3:-4]]


def test_a_menu_table_is_recorded_and_a_banner_above_the_title_is_left_out() -> None:
    html = (f'<html><body><a href="#content">[Skip navigation]</a>{MENU}<p>Center for Sleep Research</p>'
            f'<h1>Sleep</h1>{INTRO}{MORE}</body></html>')
    debris = debris_filter("page.html")
    found = read_page(html, debris=debris)
    assert found.title == "Sleep" and said(list(found.items)) == [INTRO[3:-4], MORE[3:-4]]
    rules = {d.pattern for d in debris.dropped}
    assert "<navigation table>" in rules and "<page banner>" in rules


def test_a_sentence_above_the_title_is_read() -> None:
    html = f"<html><body><p>This page was moved here from our old site in May.</p><h1>Sleep</h1>{INTRO}</body></html>"
    assert said(list(read_page(html).items))[0] == "This page was moved here from our old site in May."


# --- 3. Lists of links ------------------------------------------------------------------------------------------

def test_a_list_of_links_that_a_sentence_introduces_is_content() -> None:
    _, spoken, _ = page(INTRO + '<p>Get tips to help you:</p><ul><li><a href="https://x.org/a">Work the night shift</a></li>'
                        '<li><a href="https://y.org/b">Deal with jet lag</a></li></ul>' + MORE)
    assert spoken == [INTRO[3:-4], "Get tips to help you:", "- Work the night shift", "- Deal with jet lag", MORE[3:-4]]


def test_a_lead_in_whose_list_is_left_out_goes_with_it() -> None:
    _, spoken, dropped = page(INTRO + "<p>Your result:</p><ul hidden><li>Normal</li><li>High</li></ul>"
                              "<h2>Habits</h2>" + MORE)
    assert spoken == [INTRO[3:-4], "## Habits", MORE[3:-4]]
    assert ("Your result:", "<lead-in of a left-out list>") in dropped


def test_a_lead_in_keeps_its_list_and_a_colon_ending_paragraph_before_text_stays() -> None:
    _, spoken, _ = page(INTRO + "<p>Kids need more sleep than adults:</p><ul><li>Teens, 8 to 10 hours</li></ul>"
                        "<p>Note this:</p><p>Naps count too.</p>")
    assert spoken == [INTRO[3:-4], "Kids need more sleep than adults:", "- Teens, 8 to 10 hours", "Note this:",
                      "Naps count too."]


# --- 4. Page debris in HTML blocks ------------------------------------------------------------------------------

@pytest.mark.parametrize(("markup", "heard", "rule"), [
    ("<p>Content last updated August 4, 2023</p>", [], "<review date>"),
    ("<p>Page last reviewed: 3 March 2021</p>", [], "<review date>"),
    ("<ul><li>Print</li><li>Share</li></ul>", [], "<page tool>"),
    ("<p>Adults need more sleep.1</p>", ["Adults need more sleep."], "<footnote number>"),
    ('<p>Teens need more sleep: <sup><a href="#ref2">2</a></sup></p>', ["Teens need more sleep:"], "<footnote number>"),
    ("<p>© 2024 Sleep Society. All rights reserved.</p>", [], "<copyright>"),
    # what is no debris: a unit's exponent, a date in a sentence, a number that ends a sentence
    ("<p>It covers 2 m<sup>2</sup> of skin.</p>", ["It covers 2 m2 of skin."], None),
    ("<p>The study was updated in 2023 with new data.</p>", ["The study was updated in 2023 with new data."], None),
    ("<p>Adults need at least 7.</p>", ["Adults need at least 7."], None),
])
def test_debris_patterns_apply_to_html_blocks(markup: str, heard: list[str], rule: str | None) -> None:
    _, spoken, dropped = page(INTRO + markup + MORE)
    assert spoken == [INTRO[3:-4], *heard, MORE[3:-4]]
    assert (rule in {pattern for _, pattern in dropped}) if rule else not dropped


def test_a_review_date_in_a_web_page_is_the_articles_date(tmp_path: Path) -> None:
    path = tmp_path / "sleep.html"
    path.write_text(f"<html><body><h1>Sleep</h1>{INTRO}<p>Content last updated August 4, 2023</p></body></html>",
                    encoding="utf-8")
    assert read_article(path).meta.last_reviewed == date(2023, 8, 4)


# --- 5. Headings at their levels --------------------------------------------------------------------------------

def test_every_heading_is_a_heading_at_its_level() -> None:
    _, spoken, _ = page("<h2>Basics</h2>" + INTRO + "<h4>How much do I need?</h4>" + MORE + "<h3>Children</h3>"
                        + "<p>Children need more.</p><h5>Babies</h5><p>Babies sleep most of the day.</p>")
    assert [line for line in spoken if line.startswith("#")] == [
        "## Basics", "#### How much do I need?", "### Children", "##### Babies"]


def test_sub_headings_are_read_inside_their_section(tmp_path: Path) -> None:
    path = tmp_path / "sleep.html"
    path.write_text(f"<html><body><h1>Sleep</h1><h2>Basics</h2>{INTRO}<h4>How much do I need?</h4>{MORE}"
                    f"<h2>Take action</h2><p>Keep a routine every day of the week.</p></body></html>", encoding="utf-8")
    article = read_article(path)
    assert article.title == "Sleep" and [s.heading for s in article.sections] == ["Basics", "Take action"]
    assert [(b.kind, b.text) for b in article.sections[0].blocks if b.kind == "subheading"] == [
        ("subheading", "How much do I need?")]


# --- 6. Markdown line breaks ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("markdown", "paragraphs"), [
    ("Mail the form to:\n\nHealth Center  \nEnrollment Division  \n12 Main Road\n",
     ["Mail the form to:", "Health Center\nEnrollment Division\n12 Main Road"]),
    ("Health Center\\\nEnrollment Division\n", ["Health Center\nEnrollment Division"]),
    ("**Get help finding a trial**\nCall the help line at 555 0100 for more.\n",
     ["Get help finding a trial\nCall the help line at 555 0100 for more."]),
    # a soft break inside a sentence is a space; a bold word inside a line is no label
    ("Most people sleep\nseven hours.\n", ["Most people sleep seven hours."]),
    ("Take it **with food**\nand water.\n", ["Take it with food and water."]),
    ("**Note:** take it with food\nand water.\n", ["Note: take it with food and water."]),
])
def test_markdown_line_breaks_stay_lines(markdown: str, paragraphs: list[str]) -> None:
    _, items = parse_markdown(markdown, debris_filter("page.md"))
    assert [item.text for item in items if isinstance(item, Block)] == paragraphs


def test_markdown_line_breaks_in_list_items_and_table_cells_are_spaces() -> None:
    _, items = parse_markdown("- Health Center  \n  Main Road\n- **Open**\n  Monday to Friday\n", debris_filter("page.md"))
    assert [item.items for item in items if isinstance(item, Block)] == [("Health Center Main Road",
                                                                          "Open Monday to Friday")]


# --- 7. Titles --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("html", "title"), [
    ("<title>Get Enough Sleep | MyHealthfinder | health.gov</title></head><body><h1>Get Enough Sleep</h1>", "Get Enough Sleep"),
    ("<title>Old title</title></head><body><p>Agency banner</p><h1>Got a Cold?<br>Read the Label.</h1>",
     "Got a Cold? Read the Label."),
    ("<title>Sleep Basics for Adults - Sleep Society</title></head><body>", "Sleep Basics for Adults"),
])
def test_the_pages_own_title(html: str, title: str) -> None:
    found = read_page(f"<html><head>{html}{INTRO}{MORE}</body></html>")
    assert found.title == title
    assert not any(isinstance(item, Heading) and item.text == title for item in found.items)


@pytest.mark.parametrize("markup", [
    '<button aria-expanded="false" aria-controls="a1">Can kids nap?</button><div id="a1" hidden><p>Yes, naps help.</p></div>',
    '<a href="#a2" data-toggle="collapse">Can kids nap?</a><div id="a2" style="display:none"><p>Yes, naps help.</p></div>',
    '<div role="tabpanel" aria-hidden="true"><p>Yes, naps help.</p></div>',
])
def test_a_collapsed_answer_that_the_page_opens_is_read(markup: str) -> None:
    _, spoken, _ = page(INTRO + markup + MORE)
    assert "Yes, naps help." in spoken


def test_an_accordions_question_in_a_heading_is_its_heading() -> None:
    _, spoken, _ = page(INTRO + '<h3><button aria-expanded="false" aria-controls="q1">Can kids nap?</button></h3>'
                        '<div id="q1" hidden><p>Yes, naps help.</p></div>' + MORE)
    assert spoken == [INTRO[3:-4], "### Can kids nap?", "Yes, naps help.", MORE[3:-4]]
