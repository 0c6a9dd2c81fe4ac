"""Round seven (pages J, K) of debris in a pasted page's body and footer: the site's footer under the closing review
date, review dates in their forms, registration lines, "Top of Page", a photo caption over a question heading, and
a help box with a phone number that must never be lost. Each rule with the look-alikes it must leave alone."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from narration.ingest.debris import debris_filter
from test_unseen_structure import article, outline

OPENING = "Sore Throat\n\nA sore throat is common and usually gets better on its own within a week.\n\n"
SECTION = "Treating a sore throat\n\nRest and drink plenty of fluids. Pain relief can help.\n\n"
REVIEWED = "Page last reviewed: 02 March 2022\nNext review due: 02 March 2025\n\n"
FOOTER = "Support links\n- Home\n- Health A to Z\n- Mental health\n- Contact us\n- Accessibility statement\n- Cookies\n"


def read(text: str, tmp_path: Path) -> str:
    return "\n".join(outline(article(text, tmp_path)))


def test_links_under_the_closing_review_date_are_the_footer(tmp_path: Path) -> None:
    found = read(OPENING + SECTION + REVIEWED + FOOTER + "© Crown copyright\n", tmp_path)
    assert "Support links" not in found and "Accessibility statement" not in found
    assert "Rest and drink plenty of fluids" in found
    dropped = [d.line for d in article(OPENING + SECTION + REVIEWED + FOOTER, tmp_path).dropped]
    assert "Support links" in dropped and "Cookies" in dropped


@pytest.mark.parametrize(("after", "kept"), [
    # a last section of text after the date is the article's, with its phone numbers
    ("Where to get help\n\nCall our nurses on 0300 123 4567. They can talk you through your options.\n\n",
     "Call our nurses on 0300 123 4567"),
    # a list of sentences is text too
    ("What to do next\n- Keep a diary of your symptoms for two weeks.\n- Take it to your next appointment.\n",
     "Keep a diary of your symptoms"),
])
def test_text_under_the_review_date_stays(after: str, kept: str, tmp_path: Path) -> None:
    assert kept in read(OPENING + SECTION + REVIEWED + after, tmp_path)


def test_a_review_date_above_the_article_drops_nothing_below_it(tmp_path: Path) -> None:
    page = ("Sore Throat\n\nLast reviewed: 2 March 2022\n\nA sore throat is common and usually gets better on its own."
            "\n\nSymptoms\n- Pain when swallowing\n- Swollen glands\n- Hoarse voice\n")
    found = read(page, tmp_path)
    assert "Pain when swallowing" in found and "Symptoms" in found


@pytest.mark.parametrize(("lines", "reviewed"), [
    ("Page last reviewed:\n31 July 2020\nNext review due:\n31 July 2023\n", date(2020, 7, 31)),
    ("Last medically reviewed: 31 July 2020 / Next review: 31 July 2023\n", date(2020, 7, 31)),
    ("Medically reviewed: March 3, 2021\n", date(2021, 3, 3)),
    ("Last reviewed: 4 May 2019\nNext review: May 2022\n", date(2019, 5, 4)),
])
def test_review_dates_in_their_forms_are_the_articles_date(lines: str, reviewed: date, tmp_path: Path) -> None:
    found = article(OPENING + SECTION + lines, tmp_path)
    assert found.meta.last_reviewed == reviewed
    spoken = "\n".join(outline(found))
    assert "2023" not in spoken and "2022\n" not in spoken and "reviewed" not in spoken.casefold()


@pytest.mark.parametrize(("line", "gone"), [
    ("Top of Page", True),
    ("Back to top", True),
    ("Return to top", True),
    ("Back to top of page", True),
    ("Lung Health UK is a company limited by guarantee 01234567 (England and Wales). VAT number 123 4567 89.", True),
    ("Registered charity in England and Wales (123456) and Scotland (SC012345). Registered office: 1 High Street.",
     True),
    # look-alikes: a sentence about a charity without its registration, a top of something else
    ("Our nurses work for a registered charity that can help you.", False),
    ("Top of the thigh bone", False),
    ("Call 0800 123 4567 to reach our registered nurses.", False),
])
def test_page_tools_and_registration_lines(line: str, gone: bool) -> None:
    assert (debris_filter("page.txt").clean(line) == "") is gone


def test_a_photo_caption_over_a_question_is_no_heading(tmp_path: Path) -> None:
    page = ("Gout\n\nWhat is gout?\n\nGout is a kind of arthritis that causes sudden pain.\n\n"
            "Older man with swelling in his big toe\n\nWhat are the symptoms?\n\n- Pain\n- Swelling\n\n"
            "How is gout treated?\n\nMedicines can ease the pain.\n\nWho gets gout?\n\nMen get it more often.\n")
    found = read(page, tmp_path)
    assert "Older man with swelling" not in found
    assert "# What are the symptoms?" in found


@pytest.mark.parametrize("label", ["Risk Factors", "Treatment", "Treatment options"])
def test_a_section_label_over_a_question_stays(label: str, tmp_path: Path) -> None:
    page = ("Gout\n\nWhat is gout?\n\nGout is a kind of arthritis that causes sudden pain.\n\n"
            f"{label}\n\nWhat raises the risk?\n\nEating a lot of red meat.\n\n"
            "How is gout treated?\n\nMedicines can ease the pain.\n\nWho gets gout?\n\nMen get it more often.\n")
    assert label in read(page, tmp_path)


@pytest.mark.parametrize(("box", "kept"), [
    ("Get Help Finding Clinical Trials\nCall our information service at 1-800-555-0199 for information about trials.",
     "1-800-555-0199"),
    ("Talk To A Nurse\nEmail our nurses at nurses@example.org for advice about your treatment.", "nurses@example.org"),
])
def test_a_closing_help_box_with_a_number_is_never_lost(box: str, kept: str, tmp_path: Path) -> None:
    page = ("Blood Vessel Inhibitors\n\nWhat are they?\n\nThey are drugs that stop tumors growing new blood vessels."
            "\n\nHow do they work?\n\nThey block the signals that vessels need to grow.\n\n" + box + "\n")
    assert kept in read(page, tmp_path)


def test_a_card_teaser_without_a_number_is_still_a_card(tmp_path: Path) -> None:
    page = ("Blood vessel inhibitors\n\nWhat are they?\n\nThey are drugs that stop tumors growing new blood vessels."
            "\n\nHow do they work?\n\nThey block the signals that vessels need to grow.\n\n"
            "What side effects can they cause?\n\nHigh blood pressure is the most common one.\n\nBreast Cancer Prevention\nLearn about ways to lower your risk of breast cancer.\n")
    assert "Breast Cancer Prevention" not in read(page, tmp_path)


def test_a_feedback_forms_note_goes_with_it(tmp_path: Path) -> None:
    page = (OPENING + SECTION + "Was this page helpful?\nYes\nNo\n\nWe use your comments to improve our information. "
            "We cannot reply to comments left on this form. If you need advice, please contact your doctor.\n")
    assert "We use your comments" not in read(page, tmp_path)
