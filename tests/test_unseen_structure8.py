"""Round eight of structure: items indented under a numbered step are its sub-list (no ordinal of their own), a
list's lead-in is body text even under a heading, a bold sentence is emphasis, and a lone link button does not
start a section. Each rule with the look-alikes it must leave alone."""
from __future__ import annotations

from pathlib import Path

import pytest

from narration.ingest import read_article
from narration.ingest.text.headings import is_lead_in, is_link_button
from test_unseen_lists7 import page_lines
from narration.text.lexicon import Report, load_lexicon
from narration.text.normalize import spoken_list




# --- 1. Items indented under a numbered step are its sub-list ----------------------------------------------------

@pytest.mark.parametrize(("items", "depths", "expected"), [
    # the nested items take no ordinal and do not advance the count
    (["Check your risk", "Ask your parents", "Ask your nurse", "Get tested", "Eat well"], (0, 1, 1, 0, 0),
     "Do this: First, check your risk: ask your parents and ask your nurse. Second, get tested. Third, eat well."),
    # a step ending in its own colon keeps one colon
    (["Watch for these changes:", "A lump or a hard knot", "Swelling, warmth or redness", "Stay active"],
     (0, 1, 1, 0),
     "Do this: First, watch for these changes: a lump or a hard knot; and swelling, warmth or redness. Second,"
     " stay active."),
    # a long sub-list is said an item a line, after its step
    (["Watch for these changes:", "A lump or a hard knot in the skin of the breast or the armpit",
      "Swelling, warmth or redness or a darker patch of the skin", "A change in the size or the shape of it",
      "Dimpling or puckering of the skin anywhere", "Stay active"], (0, 1, 1, 1, 1, 0),
     "Do this: First, watch for these changes: A lump or a hard knot in the skin of the breast or the armpit."
     " Swelling, warmth or redness or a darker patch of the skin. A change in the size or the shape of it."
     " Dimpling or puckering of the skin anywhere. Second, stay active."),
])
def test_nested_items_of_a_numbered_step_are_its_sub_list(items: list[str], depths: tuple[int, ...],
                                                          expected: str) -> None:
    assert spoken_list("Do this:", items, True, load_lexicon(None), Report(), depths=depths) == expected


@pytest.mark.parametrize(("items", "ordered", "depths", "expected"), [
    # a flat numbered list is counted as before
    (["Check your risk", "Get tested", "Eat well"], True, (),
     "Do this: first, check your risk; second, get tested; and third, eat well."),
    # a bulleted list with nested items keeps them as items of their own
    (["Fruit", "apples", "pears", "Bread"], False, (0, 1, 1, 0), "Do this: fruit, apples, pears, and bread."),
    # a numbered step that stops mid-phrase still runs into its nested items
    (["Keep your waist under", "35 inches for women", "40 inches for men", "Eat well"], True, (0, 1, 1, 0),
     "Do this: first, keep your waist under 35 inches for women, or 40 inches for men; and second, eat well."),
])
def test_lists_without_nested_steps_are_said_as_before(items: list[str], ordered: bool, depths: tuple[int, ...],
                                                       expected: str) -> None:
    assert spoken_list("Do this:", items, ordered, load_lexicon(None), Report(), depths=depths) == expected


STEPS = "Some words to start the article with.\n\nDo this:\n\n1. Check your risk\n{a}Ask your parents\n" \
        "{b}Ask your nurse\n2. Get tested\n3. Eat well\n\nThat is all.\n"


@pytest.mark.parametrize(("text", "suffix"), [
    ("Steps\n\n" + STEPS.format(a="  - ", b="  - "), ".txt"),  # bullets under numbers
    ("Steps\n\n" + STEPS.format(a="\t- ", b="\t- "), ".txt"),  # tab-indented
    ("Steps\n\n" + STEPS.format(a="   a. ", b="   b. "), ".txt"),  # lettered
    ("Steps\n\n" + STEPS.format(a="    i. ", b="    ii. "), ".txt"),  # Roman numerals
    ("# Steps\n\n" + STEPS.format(a="   - ", b="   - "), ".md"),
])
def test_a_pasted_numbered_list_with_nested_items(text: str, suffix: str, tmp_path: Path) -> None:
    assert page_lines(text, tmp_path, suffix).splitlines()[1:5] == [
        "Do this:", "First, check your risk: ask your parents and ask your nurse.", "Second, get tested.",
        "Third, eat well."]


def test_a_lettered_line_in_prose_is_not_an_item(tmp_path: Path) -> None:
    text = "Steps\n\nSome words to start the article with.\n\nPlan A. Then plan B.\n   a. Not an item after prose\n"
    assert "a." in page_lines(text, tmp_path, ".txt")


# --- 2. A list's lead-in is body text, even right under a heading ----------------------------------------------

@pytest.mark.parametrize("line", [
    "To prevent kidney trouble:",  # a phrase in sentence case ending in a colon
    "Ways of placing the implant:",
    "There are three types of implants",  # a clause: subject and finite verb
    "Your friends will also need to take care, which may include",  # runs on into its items
    "Most people will need some of these",
    "For Irritable Bowel Syndrome:",  # names the case its list is for
])
def test_a_lead_in_is_not_a_heading(line: str) -> None:
    assert is_lead_in(line)


@pytest.mark.parametrize("line", [
    "Symptoms",  # a short noun heading
    "Do",
    "Directions:",  # a title-case label
    "Eating and Drinking Instructions:",
    "What should I look for?",  # a question heading
    "How the implant is put in place",  # an indirect question
    "Actions to take if your child has a fever",  # a verb in a subordinate clause
    "Things you can do",  # a noun's own clause
    "Types of Implants Used",
])
def test_a_heading_over_a_list_stays_a_heading(line: str) -> None:
    assert not is_lead_in(line)


LEAD_INS = ("Implants\n\nSome words to start the article with, long enough to be a sentence.\n\n{h}Prevention\n\n"
            "To prevent kidney trouble:\n\n- Keep your blood pressure under control.\n- Avoid drugs that harm the"
            " kidneys.\n\n{h}Types\n\nThere are three types of implants\n\n- Low-dose implants stay for a week.\n"
            "- High-dose implants stay for minutes.\n\nYour friends may need to take care, which may include\n\n"
            "- not visiting at first\n- standing by the door\n\nThat is all.\n")


@pytest.mark.parametrize(("text", "suffix"), [(LEAD_INS.format(h=""), ".txt"),
                                               (LEAD_INS.format(h="## "), ".md")])
def test_lead_ins_under_headings_are_read_with_their_lists(text: str, suffix: str, tmp_path: Path) -> None:
    lines = page_lines(text, tmp_path, suffix).splitlines()
    assert [section.heading for section in read_article(tmp_path / f"page{suffix}").sections][-2:] == [
        "Prevention", "Types"]
    assert "To prevent kidney trouble:" in lines and "Keep your blood pressure under control." in lines  # N-6
    assert "There are three types of implants." in lines
    assert ("Your friends may need to take care, which may include not visiting at first and standing by the door."
            in lines)
    assert not [line for line in lines if line.startswith("[heading]")]


# --- 3. A bold sentence is emphasis, not a heading ---------------------------------------------------------------

BOLD = ("# Travel\n\nSome words to start the article with, long enough to be a sentence.\n\n## Get Ready\n\n"
        "{bold}\n\n* See a nurse a month before you go.\n* Pack your medicines.\n\nThat is all for now.\n")


@pytest.mark.parametrize(("bold", "heading"), [
    ("**Talk to your nurse.**", False),  # a sentence with its full stop
    ("**Do not wait!**", False),
    ("**Before you go**", True),  # a bold line without an end mark is a heading's form
    ("**What should I pack?**", True),  # a bold question heads what answers it
])
def test_a_bold_sentence_is_emphasis(bold: str, heading: bool, tmp_path: Path) -> None:
    lines = page_lines(BOLD.format(bold=bold), tmp_path, ".md").splitlines()
    said = bold.strip("*")
    assert (f"[heading] {said}" in lines) == heading
    assert heading or said in lines


# --- 4. A link button under a section is not a section of its own ----------------------------------------------

@pytest.mark.parametrize(("line", "heading_above", "button"), [
    ("Explore mental health apps", "Mental health apps", True),
    ("Learn more about food labels", "Food labels", True),
    ("Read the label", "Food labels", False),  # health advice
    ("Try mindfulness", "Mindfulness", False),
    ("Explore local walking groups", "Walking", False),  # words of its own
])
def test_a_link_button_repeats_the_heading_above(line: str, heading_above: str, button: bool) -> None:
    assert is_link_button(line, heading_above) == button


BUTTON = ("Calm\n\nSome words to start the article with, long enough to be a sentence.\n\nTry mindfulness\n\n"
          "Mindfulness helps some people feel calmer.\n\nMental health apps\n\nThere are lots of apps out there.\n\n"
          "{line}\n\n- Pick one that suits you.\n- Use it a little every day.\n\nMost are free to try.\n")


@pytest.mark.parametrize(("line", "heads"), [("Explore mental health apps", False), ("Try an app", True)])
def test_a_link_button_starts_no_section(line: str, heads: bool, tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(BUTTON.format(line=line), encoding="utf-8")
    headings = [section.heading for section in read_article(path).sections] + [
        block.text for section in read_article(path).sections for block in section.blocks
        if block.kind == "subheading"]
    assert "Mental health apps" in headings
    assert (line in headings) == heads
