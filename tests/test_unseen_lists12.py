"""Shared patterns and word lists: each user of one keeps matching what it needs (a refactor: the readers and
the spoken rules now build their patterns from one definition)."""
from __future__ import annotations

import re

import pytest

from narration.ingest.debris import dated_review_labels
from narration.ingest.text import figures, furniture, headings, units
from narration.text.normalize import lists, numbers
from narration.text.phones import AUSTRALIAN, NORTH_AMERICAN, TRUNK, phone_run


@pytest.mark.parametrize(("piece", "written", "matches"), [
    (NORTH_AMERICAN, "(608) 263-8009", True),
    (NORTH_AMERICAN, "800-222-1222", True),
    (NORTH_AMERICAN, "250-1000", False),          # a range, no number
    (TRUNK, "020 8709 5555", True),
    (TRUNK, "01905 362 207", True),
    (TRUNK, "2020 2021", False),
    (AUSTRALIAN, "1800 022 222", True),
    (AUSTRALIAN, "13 11 14", True),
    (AUSTRALIAN, "1900 022 222", False),
    (phone_run(5), "0300 222 5800", True),
    (phone_run(5), "12 34", False),                # too short for a line to dial
])
def test_phone_pieces(piece: str, written: str, matches: bool) -> None:
    assert bool(re.fullmatch(piece, written)) is matches


@pytest.mark.parametrize(("pattern", "text", "found"), [
    (units.PHONE, "Our helpline 0300 222 5800", True),
    (units.PHONE, "Call 1-800-232-4636", True),
    (headings.PHONE, "01473 702194 or 702195", True),
    (headings.PHONE, "Stage 2 (of 4)", False),
    (figures.CONTACT, "Call 1-800-4-CANCER (1-800-422-6237).", True),
    (figures.CONTACT, "Write to help@example.org.", True),
    (figures.CONTACT, "Serving Size 1 cup (228g)", False),
    (furniture.ASKING_HELPLINE, "Questions About Cancer? 1-800-4-CANCER", True),
    (furniture.ASKING_HELPLINE, "Questions? Call 0300 123 4567", True),
    (furniture.ASKING_HELPLINE, "Questions? See our guide", False),
])
def test_page_phone_users(pattern: re.Pattern[str], text: str, found: bool) -> None:
    assert bool(pattern.search(text)) is found


def test_calling_verbs_shared() -> None:
    """A word that dials a service number dials a local one too; each list keeps its own extras."""
    assert {"call", "dial", "text", "phone"} <= numbers._SERVICE_VERBS & numbers._DIALED_BY
    assert "ring" in numbers._SERVICE_VERBS and "fax" in numbers._DIALED_BY


@pytest.mark.parametrize(("pattern", "text", "found"), [
    (furniture.BANNER, "National Institute on Aging", True),
    (furniture.BANNER, "Agency for Healthcare Research and Quality", True),
    (furniture.BANNER, "Finding a Clinic Near You", False),
    (furniture.BYLINE, "From the FDA Office of Women's Health", True),
    (furniture.BYLINE, "By the American Heart Association", True),
    (furniture.BYLINE, "From Start to Finish", False),
    (headings.ORGANIZATION, "National Institute of Arthritis", True),
    (headings.ORGANIZATION, "World Health Organization", True),
    (headings.ORGANIZATION, "Treatment Options", False),
])
def test_organization_users(pattern: re.Pattern[str], text: str, found: bool) -> None:
    """Each organization pattern keeps the shared words and its own."""
    assert bool(pattern.search(text)) is found


@pytest.mark.parametrize(("text", "entry"), [
    ("Home", True), ("About us", True), ("Contact", True), ("Log in", True), ("Main menu", True),
    ("Search this website", True), ("Health A to Z", True),
    ("Sign up", False),                           # a menu row's word, no header entry of its own
    ("Home care for older adults", False),
])
def test_menu_entry(text: str, entry: bool) -> None:
    assert bool(furniture.NAV_ENTRY.match(text)) is entry


@pytest.mark.parametrize(("lines", "joined"), [
    (["Content reviewed by:", "Jane Doe, MD"], ["Content reviewed by: Jane Doe, MD"]),
    (["Reviewed By:", "Jane Doe, MD"], ["Reviewed By: Jane Doe, MD"]),
    (["Treatment options:", "Surgery"], ["Treatment options:", "Surgery"]),
])
def test_credit_label_takes_its_name(lines: list[str], joined: list[str]) -> None:
    """Every credits label the credits row knows takes the name on the line under it."""
    assert dated_review_labels(lines) == joined


@pytest.mark.parametrize(("pattern", "text", "found"), [
    (lists.LEAD_VERB, "Types include:", True),
    (lists.LEAD_VERB, "These tests could be used:", True),
    (lists.LEAD_VERB, "At this time:", False),
    (headings.FINITE, "if the user has liver disease", True),
    (headings.FINITE, "if it feels tight", True),
    (headings.FINITE, "Causes of low blood sugar", False),
])
def test_helping_verb_users(pattern: re.Pattern[str], text: str, found: bool) -> None:
    """The clause tests share the helping verbs and keep their own extras."""
    assert bool(pattern.search(text)) is found
