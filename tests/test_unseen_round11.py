"""Round eleven (the last of the session) of pages nobody tuned to: a "Do" / "Don't" pair of labels over lists, as
NHS pages set them. Read as headings, the "Don't" list was said as one sentence of orders ("Use ibuprofen, ...; give
aspirin ..."), the opposite of the advice. The labels go into their lists in every form; look-alikes stay."""
from __future__ import annotations

from pathlib import Path

import pytest

from narration.ingest import read_article

INTRO = "Chickenpox is common in children. It usually gets better by itself within a week."
PASTED = (f"Chickenpox\n\n{INTRO}\n\nDo\n\n- drink plenty of fluid\n- take paracetamol to bring down a temperature\n\n"
          "Don’t\n\n- use ibuprofen - it can make someone with chickenpox very ill\n- give aspirin to children under 16\n\n"
          "Tell the receptionist you think it is chickenpox before you go in.\n")
MARKDOWN = (f"# Chickenpox\n\n{INTRO}\n\n### Do\n\n- drink plenty of fluid\n- take paracetamol to bring down a temperature\n\n"
            "### Don't\n\n- use ibuprofen - it can make someone with chickenpox very ill\n- give aspirin to children under 16\n\n"
            "Tell the receptionist you think it is chickenpox before you go in.\n")
HTML = (f"<html><head><title>Chickenpox</title></head><body><main><h1>Chickenpox</h1><p>{INTRO}</p><h3>Do</h3><ul>"
        "<li>drink plenty of fluid</li><li>take paracetamol to bring down a temperature</li></ul><h3>Don’t</h3><ul>"
        "<li>use ibuprofen - it can make someone with chickenpox very ill</li><li>give aspirin to children under 16</li>"
        "</ul><p>Tell the receptionist you think it is chickenpox before you go in.</p></main></body></html>")


def _read(tmp_path: Path, name: str, text: str) -> tuple[list[str], list[str]]:
    """(every heading and sub-heading, every list item) of the article."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    article = read_article(path)
    headings = [s.heading for s in article.sections if s.heading] + [
        b.text for s in article.sections for b in s.blocks if b.kind == "subheading"]
    return headings, [item for s in article.sections for b in s.blocks if b.kind == "list" for item in b.items]


@pytest.mark.parametrize(("name", "text"), [("page.txt", PASTED), ("page.md", MARKDOWN), ("page.html", HTML)])
def test_each_dont_item_says_dont_and_the_labels_are_no_headings(tmp_path: Path, name: str, text: str) -> None:
    headings, items = _read(tmp_path, name, text)
    assert not {"Do", "Don't", "Don’t"} & set(headings)
    assert "drink plenty of fluid" in items
    negative = [item for item in items if "ibuprofen" in item or "aspirin" in item]
    assert [item.split()[0] for item in negative] == [negative[0].split()[0]] * 2
    assert negative[0].startswith(("Don't use ibuprofen", "Don’t use ibuprofen")) and negative[0].endswith("very ill.")


@pytest.mark.parametrize("page", [
    # a label over prose, not over a list, is left as it is
    f"Hiccups\n\n{INTRO}\n\nDo\n\nSome people hold their breath. It may help.\n\nMore text follows here for the page.\n",
    # a heading that only starts with the word is a heading
    f"Hiccups\n\n{INTRO}\n\nDo not panic\n\n- breathe slowly\n- sip cold water\n",
])
def test_other_headings_over_lists_stay_headings(tmp_path: Path, page: str) -> None:
    headings, items = _read(tmp_path, "page.txt", page)
    assert not any(item.startswith(("Do ", "Don")) for item in items)


@pytest.mark.parametrize(("lead", "items", "expected"), [
    # label-and-value items: each a sentence of its own, so one value does not run into the next label
    ("The typical targets are:", ["Before a meal: 80 to 130 mg/dL", "Two hours after the start of a meal: less than 180 mg/dL"],
     "The typical targets are: Before a meal: 80 to 130 milligrams per deciliter. "
     "Two hours after the start of a meal: less than 180 milligrams per deciliter."),
    # one item with a colon among plain ones: still a running list
    ("Bring:", ["your insurance card", "a list of your medicines", "glasses: if you wear them"],
     "Bring: your insurance card, a list of your medicines, and glasses: if you wear them."),
    # a time is no label
    ("Visiting hours are:", ["10:30 to noon", "2:00 to 4:00"], "Visiting hours are: 10 30 to noon and 2 o'clock to 4 o'clock."),
])
def test_label_and_value_items_are_sentences_of_their_own(lead: str, items: list[str], expected: str) -> None:
    from narration.text.lexicon import Report, load_lexicon
    from narration.text.normalize import spoken_list
    assert spoken_list(lead, items, False, load_lexicon(None), Report()) == expected
