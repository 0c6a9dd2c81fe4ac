"""Round twelve (page T): sentences split over two paragraphs, tables pasted one cell a line, and a web page's
title with no <title>. Short pages in our own words."""
from __future__ import annotations

from pathlib import Path

import pytest

from test_unseen_structure import article

# --- T-8. A paragraph that stops mid-clause before one in lower case is one sentence with it ---------- ----------

INTRO = "Caring for a cold\n\nMost colds get better on their own within a week or ten days at home.\n\n"

# pasted paragraphs -> what is said
SPLIT = [
    ("Your child needs three visits to\n\nthe clinic to be fully protected.",
     ["Your child needs three visits to the clinic to be fully protected."]),
    ("The chart shows when each dose is given,\n\nwhere it is given and by whom.",
     ["The chart shows when each dose is given, where it is given and by whom."]),
    ("Rest and drink plenty of\n\nwater or\n\nwarm tea with honey.",   # a sentence over three paragraphs
     ["Rest and drink plenty of water or warm tea with honey."]),
]


@pytest.mark.parametrize(("pasted", "said"), SPLIT)
def test_a_sentence_split_over_two_paragraphs_is_joined(pasted: str, said: list[str], tmp_path: Path) -> None:
    found = article(INTRO + pasted + "\n", tmp_path)
    texts = [block.text for section in found.sections for block in section.blocks if block.kind == "paragraph"]
    assert texts[1:] == said


# paragraphs left apart: a finished sentence, a capital, a brand or measure, a web address
APART = [
    ("Rest at home.", "fluids help too."),
    ("Ask your doctor about", "The new vaccine is free."),
    ("Your kidney test shows your", "eGFR is normal for your age."),
    ("More help is on our website", "www.example.org"),
    ("Inactive ingredients", "starch, talc, wax"),                # a label over lower-case text
    ("It can lead to problems such as", "image of a man walking\n- heart attack\n- stroke"),  # alt text over a list
]


@pytest.mark.parametrize(("first", "second"), APART)
def test_paragraphs_that_do_not_go_on_stay_apart(first: str, second: str, tmp_path: Path) -> None:
    found = article(f"{INTRO}{first}\n\n{second}\n", tmp_path)
    said = [block.text for section in found.sections for block in section.blocks] + [h.heading for h in found.sections]
    assert f"{first} {second}" not in said


def test_lower_case_items_under_a_label_stay_apart(tmp_path: Path) -> None:
    found = article(INTRO + "Common signs\n\nfever\n\nsore throat\n\nrunny nose\n", tmp_path)
    said = " ".join(block.text or " ".join(block.items) for section in found.sections for block in section.blocks)
    assert "Common signs fever" not in said


def test_the_title_line_is_never_joined_to_the_next(tmp_path: Path) -> None:
    found = article("Pelvic Ultrasound\n\nscreening and diagnosis of pain in the pelvis.\n\nMore text here.\n", tmp_path)
    assert found.title == "Pelvic Ultrasound"


HTML = ("<!doctype html><html><head><title>Vaccines - Clinic</title></head><body><main><h1>Vaccines</h1>"
        "<p>All the vaccines listed are free and are given by your own family doctor.</p>{body}</main></body></html>")


@pytest.mark.parametrize(("body", "said"), [
    ("<p>Your child needs three visits to</p><p>the clinic to be fully protected.</p>",
     ["Your child needs three visits to the clinic to be fully protected."]),
    ("<p>Your child needs three visits.</p><p>most children have no side effects at all.</p>",
     ["Your child needs three visits.", "most children have no side effects at all."]),
])
def test_html_paragraphs_split_mid_sentence_are_joined(body: str, said: list[str], tmp_path: Path) -> None:
    found = article(HTML.format(body=body), tmp_path, ".html")
    texts = [block.text for section in found.sections for block in section.blocks if block.kind == "paragraph"]
    assert texts[1:] == said


# --- T-5. A table pasted one cell a line, each ending " |", is rebuilt and read row by row ---------------------

def _cells(*cells: str) -> str:
    return "".join(f"{cell} |\n" for cell in cells)


CELL_TABLES = [
    # a header of three labels over two rows of values
    (_cells("Medicine", "Age limit", "How often",
            "Paracetamol", "Anyone over 2 months", "Every 4 to 6 hours",
            "Ibuprofen", "Children over 6 months", "Every 6 to 8 hours"),
     ("Medicine", "Age limit", "How often"),
     [("Paracetamol", "Anyone over 2 months", "Every 4 to 6 hours"),
      ("Ibuprofen", "Children over 6 months", "Every 6 to 8 hours")]),
    # two columns, blank lines between the cells
    (_cells("Age", "Dose").replace("\n", "\n\n") + "\n" + _cells("Under 6", "Half a tablet", "Over 6", "One tablet"),
     ("Age", "Dose"), [("Under 6", "Half a tablet"), ("Over 6", "One tablet")]),
]


@pytest.mark.parametrize(("cells", "header", "rows"), CELL_TABLES)
def test_cells_pasted_one_a_line_make_a_table(cells: str, header: tuple[str, ...], rows: list[tuple[str, ...]],
                                              tmp_path: Path) -> None:
    found = article(f"{INTRO}Take the medicine as shown below.\n\n{cells}\nCall us if the fever lasts.\n", tmp_path)
    tables = [block for section in found.sections for block in section.blocks if block.kind == "table"]
    assert [(table.header, list(table.rows)) for table in tables] == [(header, rows)]
    headings = [section.heading for section in found.sections] + [
        block.text for section in found.sections for block in section.blocks if block.kind == "subheading"]
    assert not set(headings) & {*header, *(cell for row in rows for cell in row)}


@pytest.mark.parametrize("cells", [
    _cells("Fever", "Cough"),                                           # too few cells for a header and a row
    _cells("Fever", "Cough", "Sore throat", "Runny nose", "Headache", "Aches"),  # no width tells header from rows
])
def test_cell_lines_that_make_no_table_are_not_one(cells: str, tmp_path: Path) -> None:
    found = article(f"{INTRO}{cells}\nCall us if the fever lasts.\n", tmp_path)
    assert not [block for section in found.sections for block in section.blocks if block.kind == "table"]


# --- T-7. Six or more one-cell lines with a table's numbers and repeats are a flattened table: left out ---------

FLAT = "\n\n".join(["Age", "Where", "2", "Months", "Clinic", "Visit 1", "4", "Months", "Clinic", "Visit 2"])


def test_a_flattened_table_is_left_out_and_named_once(tmp_path: Path) -> None:
    found = article(f"{INTRO}The chart below shows when each visit is.\n\n{FLAT}\n\nBring the record book.\n",
                    tmp_path)
    said = [block.text for section in found.sections for block in section.blocks]
    assert said[-2:] == ["The chart below shows when each visit is.", "Bring the record book."]
    assert [d.pattern for d in found.dropped].count("<flattened table, not narrated>") == 1


@pytest.mark.parametrize("lines", [
    ["Fever", "Cough", "Sore throat", "Runny nose", "Headache", "Body aches"],  # names that lost their bullets
    ["Overview", "Symptoms", "Causes", "Diagnosis", "Treatment", "Overview"],   # a page's tab menu
    ["Step 1", "Step 2", "Step 3", "Step 4", "Step 5", "Step 6"],               # numbered, nothing repeats
    ["2", "Months", "4", "Months", "Clinic"],                                   # too short a run
    ["Visit 1", "Visit 2", "Rest well today.", "Visit 3", "Visit 4", "Visit 5"],  # a sentence breaks the run
])
def test_short_lines_that_are_no_table_are_said(lines: list[str], tmp_path: Path) -> None:
    found = article(INTRO + "\n\n".join(lines) + "\n\nBring the record book.\n", tmp_path)
    assert "<flattened table, not narrated>" not in [d.pattern for d in found.dropped]


# --- T-2. A web page with no <title>, <h1> or heading is named by a title-like line at its top ---------------

BODY = ("<p>Your child needs five visits to the family doctor to be fully protected in the first year.</p>"
        "<p>All the vaccines on the schedule are free, and the doctor records each one in the book.</p>")


def _page(head: str, top: str) -> str:
    return f"<!doctype html><html><head>{head}</head><body><div class='content'>{top}{BODY}</div></body></html>"


@pytest.mark.parametrize(("head", "top", "title"), [
    ("", "<p>Your child's vaccines - Immunise</p><p>Your child's vaccines - Immunise</p>", "Your child's vaccines"),
    ("", "<p>12.03.2020 Views</p><p>Vaccines for babies</p>", "Vaccines for babies"),    # a banner line first
    ("", "", "Page"),                                    # nothing title-like: the file name
    ("<title>Baby vaccines - Clinic</title>", "<p>Your child's vaccines - Immunise</p>", "Baby vaccines"),
])
def test_a_page_without_a_title_takes_its_top_line(head: str, top: str, title: str, tmp_path: Path) -> None:
    found = article(_page(head, top), tmp_path, ".html")
    assert found.title == title
    said = [block.text for section in found.sections for block in section.blocks]
    assert said[-2:] == [BODY.split("</p>")[0][3:], BODY.split("</p>")[1][3:]]
    if not head and top:
        assert not any("Immunise" in text or text == title for text in said)
