"""A table a paste flattened to one cell a line ("2" / "Months" / "GP Surgery" / "Visit 1" ...): said cell by
cell it means nothing, so when its rows cannot be told it is left out, with one line in the review."""
from __future__ import annotations

import re

from narration.ingest.debris import DebrisFilter
from narration.ingest.text.units import Unit, has_verb, text_key, words

CELL_MAX_WORDS = 3
MIN_CELLS = 6  # fewer short lines in a row are labels, headings or a short list


def _is_cell(unit: Unit) -> bool:
    """A line of its own that says no sentence: a number, a label or a name of three words or fewer."""
    return (unit.kind == "paragraph" and not unit.is_list and unit.table is None and bool(unit.text)
            and len(words(unit.text)) <= CELL_MAX_WORDS and not re.search(r"[.!?:;,]$", unit.text)
            and not has_verb(unit.text))


def _tabular(cells: list[Unit]) -> bool:
    """Whether a run of cell lines is a table's: it has numbers and cells repeat ("Months", "GP Surgery"), as a
    list of names (symptoms, foods) that lost its bullets or a page's tab menu ("Overview" ... "Overview") does
    not."""
    keys = [text_key(cell.text) for cell in cells]
    return any(re.search(r"\d", key) for key in keys) and len(set(keys)) < len(keys)


def drop_flattened_tables(units: list[Unit], debris: DebrisFilter) -> list[Unit]:
    """The units without each run of six or more cell lines with a table's numbers and repeats; a Gap stands
    where it was, and the review names it once."""
    kept: list[Unit] = []
    run: list[Unit] = []
    for unit in [*units, Unit(kind="end")]:
        if _is_cell(unit):
            run.append(unit)
            continue
        if len(run) >= MIN_CELLS and _tabular(run):
            debris.drop(f"{run[0].text} … {run[-1].text} ({len(run)} lines)", "flattened table, not narrated",
                        at=run[0].mark)
            kept.append(Unit(kind="drop", blank_before=run[0].blank_before, mark=run[0].mark))
        else:
            kept.extend(run)
        run = []
        if unit.kind != "end":
            kept.append(unit)
    return kept
