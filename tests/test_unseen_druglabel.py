"""Round seven (pages J) on an over-the-counter medicine's Drug Facts label: a dosing table pasted with tabs, the
label's fixed section names, its byline and the site's notices around it. Each rule with the look-alikes it must
leave alone; the examples are our own words."""
from __future__ import annotations

from pathlib import Path

import pytest

from narration.ingest.tables import spoken_rows, tab_tables
from narration.models import Block

from test_unseen_structure import article, headings, outline


def said(text: str, tmp_path: Path) -> str:
    return "\n".join(outline(article(text, tmp_path)))


def dropped(text: str, tmp_path: Path) -> dict[str, str]:
    return {d.line: d.pattern for d in article(text, tmp_path).dropped}


def table(lines: list[str]) -> Block:
    found = [part for part in tab_tables(lines) if isinstance(part, Block)]
    assert len(found) == 1
    return found[0]


# --- S2: a dosing table's first row is a header only when its cells are labels ------------------------------------

@pytest.mark.parametrize("lines, rows", [
    # the adults' row first: three rows, each said with its own dose
    (["adults and children 12 years and over\ttake 2 tablets every 6 hours; not more than 8 in a day",
      "children 6-11 years\ttake 1 tablet every 6 hours; not more than 4 in a day",
      "children under 6 years\tdo not use"],
     ["adults and children 12 years and over: take 2 tablets every 6 hours; not more than 8 in a day.",
      "children 6-11 years: take 1 tablet every 6 hours; not more than 4 in a day.",
      "children under 6 years: do not use."]),
    # doses written in words, or a bare amount: still values, not column names
    (["Adults\tTake two capsules", "Children\tTake one capsule"],
     ["Adults: take two capsules.", "Children: take one capsule."]),
    (["Adults\t900 mcg", "Teens\t700 mcg"], ["Adults: 900 mcg.", "Teens: 700 mcg."]),
])
def test_a_data_row_first_is_never_the_header(lines: list[str], rows: list[str]) -> None:
    found = table(lines)
    assert found.header == () and spoken_rows(found) == rows


@pytest.mark.parametrize("lines, header", [
    (["Age\tDose", "Adults\t2 tablets", "Children 6-11 years\t1 tablet"], ("Age", "Dose")),
    (["Blood Lead Level (µg/dL)\tRecommended Action", "5-9\tRetest in 3 months", "10 or more\tSee a doctor"],
     ("Blood Lead Level (µg/dL)", "Recommended Action")),
    (["Life Stage\tRecommended Amount", "Adult women\t700 mcg", "Adult men\t900 mcg"],
     ("Life Stage", "Recommended Amount")),
])
def test_a_row_of_labels_first_is_the_header(lines: list[str], header: tuple[str, ...]) -> None:
    assert table(lines).header == header
