"""Round seven of spoken lists: an item that stops mid-phrase runs into its nested items, a bracketed gloss is
heard as a gloss and not as another item, and a name opening a list item keeps its capital. Each rule with the
look-alikes it must leave alone. (A bracketed gloss heard as an item is not fixed yet.)"""
from __future__ import annotations

from pathlib import Path

import pytest

from narration.ingest import read_article
from narration.scripts import spoken_paragraphs
from narration.text.lexicon import Report, load_lexicon
from narration.text.normalize import spoken_list
from narration.text.spanish import spoken_list as spanish_list


def said(lead: str, items: list[str], depths: tuple[int, ...] = ()) -> str:
    return spoken_list(lead, items, False, load_lexicon(None), Report(), depths=depths)


def page_lines(text: str, tmp_path: Path, suffix: str) -> str:
    path = tmp_path / f"page{suffix}"
    path.write_text(text, encoding="utf-8")
    blocks = [block for section in read_article(path).sections for block in section.blocks]
    return "\n".join(line for paragraph in spoken_paragraphs(blocks, load_lexicon(None), Report()) for line in paragraph)


# --- 1. An item that stops mid-phrase runs into its nested items ------------------------------------------------

@pytest.mark.parametrize(("items", "depths", "expected"), [
    # a preposition takes one of its nested items: "or"
    (["A wide waist, meaning a measurement of", "36 inches or more for women", "41 inches or more for men",
      "A high pulse"], (0, 1, 1, 0),
     "You need two of these: a wide waist, meaning a measurement of 36 inches or more for women, or 41 inches or more"
     " for men; and a high pulse."),
    # "which is" likewise, and the nested items' capital goes as they run on
    (["A low iron level, which is", "Under 12 units for women", "Under 13 units for men", "Being tired"], (0, 1, 1, 0),
     "You need two of these: a low iron level, which is under 12 units for women, or under 13 units for men; and"
     " being tired."),
    # after a list's own lead-in ("such as") the nested items are a list: "and"
    (["Fruit, such as", "apples", "pears", "Bread"], (0, 1, 1, 0),
     "You need two of these: fruit, such as apples, and pears; and bread."),
    # the nested items' own closing "or" joins them
    (["A reading of", "high in the morning, or", "high at night", "Bread"], (0, 1, 1, 0),
     "You need two of these: a reading of high in the morning, or high at night; and bread."),
])
def test_an_item_stopping_mid_phrase_runs_into_its_nested_items(items: list[str], depths: tuple[int, ...],
                                                               expected: str) -> None:
    assert said("You need two of these:", items, depths) == expected


@pytest.mark.parametrize(("items", "depths", "expected"), [
    # a finished item keeps its nested items as items of their own
    (["Fruit", "apples", "pears", "Bread"], (0, 1, 1, 0), "You need two of these: fruit, apples, pears, and bread."),
    # an item that stops mid-phrase without nested items is left as it is (no depths known: a flat list)
    (["A measurement of", "36 inches"], (), "You need two of these: a measurement of and 36 inches."),
])
def test_a_finished_item_or_a_flat_list_keeps_its_items(items: list[str], depths: tuple[int, ...],
                                                       expected: str) -> None:
    assert said("You need two of these:", items, depths) == expected


def test_spanish_nested_items_run_on_with_o() -> None:
    found = spanish_list("Necesita:", ["Una cintura de", "90 cm o más en mujeres", "102 cm o más en hombres", "Pan"],
                         False, load_lexicon(None), Report(), depths=(0, 1, 1, 0))
    assert found == ("Necesita: una cintura de noventa centímetros o más en mujeres o ciento dos centímetros o más en"
                     " hombres y pan.")


PASTED = ("Waist Size\n\nSome words to start the article with.\n\nYou need two of these:\n\n"
          "- A wide waist, meaning a measurement of\n  - 36 inches or more for women\n  - 41 inches or more for men\n"
          "- A high pulse, which is over 100 beats a minute.\n\nThat is all.\n")
MARKDOWN = ("# Waist Size\n\nSome words to start the article with.\n\nYou need two of these:\n\n"
            "* A wide waist, meaning a measurement of\n  + 36 inches or more for women\n  + 41 inches or more for men\n"
            "* A high pulse, which is over 100 beats a minute.\n\nThat is all.\n")
HTML = ("<html><head><title>Waist Size</title></head><body><article><h1>Waist Size</h1>"
        "<p>Some words to start the article with, long enough to be read as the article's own text.</p>"
        "<p>You need two of these:</p><ul><li>A wide waist, meaning a measurement of<ul>"
        "<li>36 inches or more for women</li><li>41 inches or more for men</li></ul></li>"
        "<li>A high pulse, which is over 100 beats a minute.</li></ul><p>That is all.</p></article></body></html>")


@pytest.mark.parametrize(("text", "suffix"), [(PASTED, ".txt"), (MARKDOWN, ".md"), (HTML, ".html")])
def test_nested_items_run_on_in_each_format(text: str, suffix: str, tmp_path: Path) -> None:
    found = page_lines(text, tmp_path, suffix)
    assert "measurement of 36 inches or more for women, or 41 inches or more for men." in found
    assert "measurement of." not in found


# --- 3. A name opening a list item keeps its capital when the items are joined into a sentence ------------------

@pytest.mark.parametrize(("item", "expected"), [
    ("Barrett esophagus", "Barrett esophagus"),
    ("Hodgkin lymphoma", "Hodgkin lymphoma"),
    ("Crohn's disease", "Crohn's disease"),
    ("Medicare", "Medicare"),
    ("Tylenol", "Tylenol"),
    ("Fever", "fever"),
    ("Nausea", "nausea"),
    ("Headaches", "headaches"),
    ("Swelling", "swelling"),
    ("The skin", "the skin"),
])
def test_a_name_opening_a_joined_item_keeps_its_capital(item: str, expected: str) -> None:
    assert said("It treats:", ["sore joints", item, "dry eyes"]) == f"It treats: sore joints, {expected}, and dry eyes."
