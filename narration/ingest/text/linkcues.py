"""A page's link cues pasted as text: "Find out more" over the titles of the pages it links to ("Macmillan - Hair
loss", "Natural Image Wigs"). Left out before headings are found, so a topic's one-word heading ("Fatigue") right
under them is still read as one, and no part of the article is named after a page tool."""
from __future__ import annotations

import re

from narration.ingest.debris import DebrisFilter
from narration.ingest.text.units import SENTENCE_END, Unit, words

LINK_CUE = re.compile(r"(?i)^(?:find out more|read more|learn more|see more)"
                      r"(?: (?:here|below|online))?\s*[:.…>»›]*$")
LABEL_WORDS = 8  # a linked page's title: "Macmillan - Side effects of cancer treatment"
PUBLISHER_LABEL = re.compile(r"^[A-Z][^.!?:]{0,40}\s[-–|]\s\S")  # "Macmillan - Hair loss": a site, then its page


def is_link_cue(text: str) -> bool:
    """Whether a line only points to a link: "Find out more", "Read more", "Learn more:"."""
    return bool(LINK_CUE.match(" ".join(text.split())))


def _label(unit: Unit) -> bool:
    """A short line of its own with no sentence end: a link's title, or a heading (which the next line tells)."""
    text = unit.text.strip()
    return (unit.kind == "paragraph" and not unit.is_list and unit.table is None and 0 < len(words(text)) <= LABEL_WORDS
            and not SENTENCE_END.search(text))


def _cue_and_titles(units: list[Unit]) -> set[int]:
    """Where the link cues and their link titles are: a "Site - Page" title always, another short line only while
    a short line follows it (the last short line over a paragraph is that paragraph's heading)."""
    found: set[int] = set()
    for index, unit in enumerate(units):
        if unit.kind != "paragraph" or unit.is_list or not is_link_cue(unit.text):
            continue
        found.add(index)
        below = index + 1
        while below < len(units) and _label(units[below]):
            after = units[below + 1] if below + 1 < len(units) else None
            if not (PUBLISHER_LABEL.match(units[below].text) or (after is not None and _label(after))):
                break
            found.add(below)
            below += 1
    return found


def without_link_cues(units: list[Unit], debris: DebrisFilter) -> list[Unit]:
    """The units without link cues and the link titles under them (recorded as dropped), one gap where they were."""
    found = _cue_and_titles(units)
    kept: list[Unit] = []
    for index, unit in enumerate(units):
        if index not in found:
            kept.append(unit)
            continue
        debris.drop(unit.text, "link cue" if is_link_cue(unit.text) else "link title", unit.mark)
        if not kept or kept[-1].kind != "drop":
            kept.append(Unit(kind="drop", blank_before=unit.blank_before))
    return kept
