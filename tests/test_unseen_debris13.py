"""Round thirteen's page debris: a leaflet's document-control lines, a widget's label repeated over each box,
the header block above the article, publisher banners, link teasers and navigation: each left out under a rule
that names it, while real headings and sentences stay."""
from __future__ import annotations

import pytest

from narration.ingest.debris import debris_filter
from narration.ingest.text import parse_text
from said import said

BODY = "Flu is an infection of the nose, throat and lungs. It spreads from person to person."
MORE = "Most people get better within a week. Rest and fluids help the body fight it."
THIRD = "Call your doctor if the fever lasts more than three days. Drink plenty of water."


def parse(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    """(what is said: headings as '# text', paragraphs, list items as '- text'; (dropped line, rule))."""
    debris = debris_filter("page.txt")
    _, items = parse_text(text, debris)
    return said(items), [(d.text, d.pattern) for d in debris.dropped]


@pytest.mark.parametrize(("line", "kept"), [
    ("Ref: UR01_MOB", ""),
    ("Ref: AB12 XYZ", ""),
    ("Leaflet number: 1234/v2", ""),
    ("Created on: Jan 2024", ""),
    ("Due for review by: January 2026", ""),
    ("Next review due: May 2027", ""),
    ("Reference: Smith and Jones, 2019, found the same.", "Reference: Smith and Jones, 2019, found the same."),
    ("Ref: see the table below", "Ref: see the table below"),
    ("Created on a farm in 2024", "Created on a farm in 2024"),
    ("Due for review by your doctor in May 2026.", "Due for review by your doctor in May 2026."),
])
def test_a_leaflets_document_control_lines_are_left_out(line: str, kept: str) -> None:
    assert debris_filter("page.txt").clean(line) == kept


def test_document_control_dates_are_no_review_date() -> None:
    debris = debris_filter("page.txt")
    debris.clean("Due for review by: January 2030")
    assert debris.reviewed is None


def test_a_label_repeated_over_each_box_is_a_widget() -> None:
    text = f"Flu\n\n{BODY}\n\nHandy Hints\n\n{MORE}\n\nHandy Hints\n\n{THIRD}\n\nHandy Hints\n\n{BODY}\n"
    spoken, dropped = parse(text)
    assert not any("Handy Hints" in line for line in spoken)
    assert sum(rule == "<widget label>" for _, rule in dropped) == 3


def test_a_section_heading_repeated_under_each_condition_stays() -> None:
    text = (f"Flu\n\n{BODY}\n\nType A\n\nSymptoms\n\n{MORE}\n\nType B\n\nSymptoms\n\n{THIRD}\n\n"
            f"Type C\n\nSymptoms\n\n{BODY}\n")
    spoken, _ = parse(text)
    assert sum(line.endswith("Symptoms") for line in spoken) == 3


def test_a_label_said_twice_stays() -> None:
    spoken, _ = parse(f"Flu\n\n{BODY}\n\nHandy Hints\n\n{MORE}\n\nHandy Hints\n\n{THIRD}\n")
    assert any("Handy Hints" in line for line in spoken)
