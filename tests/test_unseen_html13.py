"""Web pages, thirteenth round: a line break inside a list item, rows of links, lists under a negative lead-in,
and speaker labels. Each case is a small page written for the test -> what a listener hears of it."""
from __future__ import annotations

from pathlib import Path

import pytest

from narration.ingest import read_article
from narration.ingest.outline import sections_from_outline
from narration.models import Block
from test_unseen_html3 import INTRO, page


# --- V-3: a <br> inside a list item ends a sentence where the next line starts one ---------------------------

@pytest.mark.parametrize(("item", "heard"), [
    ("<strong>Chest pain</strong><br>Most attacks start with pain in the chest.",
     "Chest pain. Most attacks start with pain in the chest."),
    ("<b>Breathlessness</b><br/>This often comes with chest pain.", "Breathlessness. This often comes with chest pain."),
    # the line already ends, or goes on in lower case: no stop added
    ("<strong>Chest pain:</strong><br>Most attacks start there.", "Chest pain: Most attacks start there."),
    ("Call your doctor<br>or go to the nearest hospital.", "Call your doctor or go to the nearest hospital."),
    ("Take a dose of<br>20 mg a day.", "Take a dose of 20 mg a day."),
])
def test_line_break_in_item_ends_sentence(item: str, heard: str) -> None:
    other = "<li><strong>Sweating</strong><br>You may break out in a cold sweat.</li>"
    _, said, _ = page(f"{INTRO}<ul><li>{item}</li>{other}</ul>")
    assert any(heard in line for line in said), said


# --- a paragraph that is mostly its links is a row of links; a site's accreditation line is its footer -------

MENU = '<p><a href="/a">Disease</a> &nbsp; <a href="/b">Injury</a> &nbsp; <a href="/c">Nutrition</a> &nbsp; <a href="/d">Tests</a></p>'


@pytest.mark.parametrize(("row", "word", "kept"), [
    (MENU, "Nutrition", False),
    ('<div><a href="/o">Overview</a> | <a href="/s">Symptoms</a> | <a href="/t">Treatment</a></div>', "Treatment", False),
    # a sentence with links in it is read
    ('<p>Lead is found in old <a href="/p">paint</a>, in garden <a href="/s">soil</a> and in the <a href="/w">water '
     'pipes</a> of older homes.</p>', "soil", True),
    # two links are not a row
    ('<p><a href="/a">Lead poisoning</a> and <a href="/b">anemia</a></p>', "anemia", True),
])
def test_row_of_links(row: str, word: str, kept: bool) -> None:
    _, said, dropped = page(f"{INTRO}{row}")
    assert any(word in line for line in said) == kept, said
    assert ("<row of links>" in [rule for _, rule in dropped]) != kept


def test_heading_over_menus_above_title() -> None:
    """A section's name above the page's h1 with only menus under it is banner, and the h1 stays the title."""
    title, said, dropped = page(f"{INTRO}", h1=f"<h2>Medical Encyclopedia</h2>{MENU}<h1>Lead</h1>")
    assert title == "Lead"
    assert not any("Encyclopedia" in line for line in said), said
    assert ("Medical Encyclopedia", "<page banner>") in dropped


@pytest.mark.parametrize(("line", "kept"), [
    ("A.D.A.M., Inc. is accredited by URAC, also known as the American Accreditation HealthCare Commission.", False),
    ("This site complies with the HONcode standard for trustworthy health information.", False),
    ("The clinic is accredited by the Joint Commission.", True),
    ("Ask whether your laboratory is certified by the state.", True),
])
def test_accreditation_line(line: str, kept: bool) -> None:
    _, said, _ = page(f"{INTRO}<p>{line}</p>")
    assert any(line in heard for heard in said) == kept, said


# --- items under a lead-in that ends in its negation ("you must not:") keep it, in all three readers ---------

NEGATIVE_PAGES = {
    "txt": "Resting after surgery\n\nFor a day after your operation, you must not:\n- Drive a car.\n- Drink alcohol.\n\n"
           "Rest at home.\n",
    "md": "# Resting after surgery\n\nFor a day after your operation, you must not:\n\n- Drive a car.\n- Drink alcohol.\n\n"
          "Rest at home.\n",
    "html": "<html><head><title>Resting after surgery</title></head><body><main><h1>Resting after surgery</h1>"
            "<p>For a day after your operation, you must not:</p><ul><li>Drive a car.</li><li>Drink alcohol.</li>"
            "</ul><p>Rest at home.</p></main></body></html>",
}


def _list_items(tmp_path: Path, suffix: str, text: str) -> tuple[str, ...]:
    path = tmp_path / f"page.{suffix}"
    path.write_text(text)
    article = read_article(path)
    return next(block.items for section in article.sections for block in section.blocks if block.kind == "list")


@pytest.mark.parametrize("suffix", sorted(NEGATIVE_PAGES))
def test_negative_lead_in_carried_by_items(tmp_path: Path, suffix: str) -> None:
    assert _list_items(tmp_path, suffix, NEGATIVE_PAGES[suffix]) == ("Do not drive a car.", "Do not drink alcohol.")


@pytest.mark.parametrize(("lead", "items", "heard"), [
    ("You should never:", ("Share needles", "Do not smoke"), ("Never share needles.", "Do not smoke")),
    ("After the test you can't:", ("Eat for an hour.",), ("Do not eat for an hour.",)),
    # the negation before the list, its items conditions: as written
    ("Do not take this medicine if you:", ("Have asthma.", "Are pregnant."), ("Have asthma.", "Are pregnant.")),
    ("You must:", ("Rest.", "Drink water."), ("Rest.", "Drink water.")),
])
def test_negative_lead_in_rule(lead: str, items: tuple[str, ...], heard: tuple[str, ...]) -> None:
    outline = [Block("paragraph", text=lead), Block("list", items=items)]
    section, = sections_from_outline(outline)
    assert section.blocks[1].items == heard
