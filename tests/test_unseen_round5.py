"""Round five of pages nobody tuned to: numbers a phone or a thermometer writes, times joined by a hyphen, a
title ending in a colon, and a figure whose caption stands above its credit (so the text under its link is the
article's). Each rule with the look-alikes it must leave alone."""
from __future__ import annotations

from pathlib import Path

import pytest

from spoken_table import say, table
from test_unseen_structure import article, outline


@table(
    # a service number with a measure sign is a measure
    ("Temperatures of about 111°F can damage cells.", "Temperatures of about 111 degrees Fahrenheit can damage cells."),
    ("Heat (111°F) helps.", "Heat, 111 degrees Fahrenheit, helps."),
    ("If it is not urgent, call 111.", "If it is not urgent, call 1 1 1."),
    # a phone number's letters: a word where they make one, spelled where a caller must press each key
    ("Call 1-800-FDA-1088 to report it.", "Call 1 800, F.D.A, 1 0 8 8 to report it."),
    ("Call 1-800-4-CANCER.", "Call 1 800, 4, cancer."),
    ("Call 1-800-QUIT-NOW.", "Call 1 800, quit now."),
    # times joined by a hyphen are a range, as with a dash
    ("Open 9am-5pm, Monday to Friday.", "Open 9 A.M to 5 P.M, Monday to Friday."),
    ("Open 8:30am-4pm.", "Open 8 30 A.M to 4 P.M."),
    ("Open 9 a.m.-5 p.m. daily.", "Open 9 A.M to 5 P.M daily."),
    # a national number with its trunk zero, in groups, is dialled digit by digit
    ("Call 020 8709 5555 for advice.", "Call 0 2 0, 8 7 0 9, 5 5 5 5 for advice."),
    ("Ring 01905 362 207 today.", "Ring 0 1 9 0 5, 3 6 2, 2 0 7 today."),
    ("It took 010 300 steps.", "It took 010 300 steps."),  # too few digits for a phone number
    # a local number after a word that dials it; elsewhere the same shape is a range
    ("Call 555-1234.", "Call 5 5 5, 1 2 3 4."),
    ("Call us at 555-1234 today.", "Call us at 5 5 5, 1 2 3 4 today."),
    ("Take 250-1000 mg a day.", "Take 250 to 1000 milligrams a day."),
)
def test_numbers_phones_and_thermometers_write(written: str, spoken: str) -> None:
    assert say(written) == spoken


def test_a_title_ending_in_a_colon_is_the_title(tmp_path: Path) -> None:
    doc = article("Patient discharge information:\nPreparing to leave hospital\n\nBefore you go home, a nurse will "
                  "talk with you about your care. Ask any questions you have.\n\nYour medicines\n\nTake your "
                  "medicines as your doctor told you.\n", tmp_path)
    assert doc.title == "Patient discharge information"
    assert [s.heading for s in doc.sections] == ["Preparing to leave hospital", "Your medicines"]


def test_a_lead_in_on_the_first_line_is_not_a_title(tmp_path: Path) -> None:
    doc = article("Before your visit:\n- Bring your medicines.\n- Bring your insurance card.\n", tmp_path)
    assert doc.title != "Before your visit"


@pytest.mark.parametrize(("figure", "caption_kept"), [
    # caption, credit, then the figure's link: the caption stood above; the paragraph under the link is the article's
    ("In hyperthermia, heat is used to help damage cancer cells.\n\nCredit: © Example Studio\n\nEnlarge Image", False),
    # the figure's link, then its caption (as PDQ pages paste): the paragraph under the link is the caption
    ("Enlarge\n\nAnatomy of the lower digestive system showing the colon and rectum. Other organs are also shown.",
     False),
])
def test_the_text_under_a_figure_link_is_its_caption_only_when_no_caption_came_before(
        figure: str, caption_kept: bool, tmp_path: Path) -> None:
    body = ("Hyperthermia is almost always used with other forms of cancer treatment. Many trials have shown that "
            "it helps shrink tumors.")
    page = f"Hyperthermia\n\nHow it works\n\nHeat can damage proteins in cells.\n\n{figure}\n\n{body}\n"
    found = outline(article(page, tmp_path))
    said = " ".join(found)
    assert "Hyperthermia is almost always used" in said
    assert ("heat is used to help damage" in said or "Anatomy of the lower" in said) is caption_kept


@table(
    ("Results are given in mg/dL (milligrams per deciliter): a normal level is 99 or below.",
     "Results are given in milligrams per deciliter: a normal level is 99 or below."),
    ("Eat 800 micrograms (mcg) a day.", "Eat 800 micrograms a day."),
    ("Levels in mg/dL (see the table) vary.", "Levels in milligrams per deciliter, see the table, vary."),  # no gloss
)
def test_a_unit_is_said_once_with_its_gloss(written: str, spoken: str) -> None:
    assert say(written) == spoken


@pytest.mark.parametrize(("line", "dropped"), [
    ("Skip directly to site content", True),
    ("Skip to main content", True),
    ("Content source: National Center for Emerging and Zoonotic Infectious Diseases", True),
    ("Skip meals only if your doctor says so.", False),
])
def test_skip_links_and_content_source_lines_are_left_out(line: str, dropped: bool, tmp_path: Path) -> None:
    page = f"Alkhurma Fever\n\n{line}\n\nAlkhurma fever is spread by ticks. It can cause a high fever.\n"
    said = " ".join(outline(article(page, tmp_path)))
    assert (line not in said) is dropped, said
