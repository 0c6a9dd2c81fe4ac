"""Link cues: a line that announces links ("Find out more", "Read more") and the short link labels under it
("Macmillan - Hair loss", "Natural Image Wigs"), which the page shows as buttons and a listener cannot follow."""
from __future__ import annotations

import re

from narration.ingest.debris import DebrisFilter
from narration.ingest.text.units import Unit, is_body, words

LINK_CUE = re.compile(r"(?i)(?:find out|read|learn|see) more(?: (?:here|information|info))?\s*:?\s*(?:[>»›]|\.\.\.|…)?")
LABEL_WORDS = 10  # a link's label: a page's title, perhaps after its publisher
PUBLISHER_LABEL = re.compile(r"^[A-Z][\w.&'’]*(?: [A-Z][\w.&'’]*){0,3} [-–—|] \S")  # "Macmillan - Hair loss"


def _is_label(unit: Unit) -> bool:
    text = unit.text.strip()
    return not unit.is_list and 0 < len(words(text)) <= LABEL_WORDS and not re.search(r"[.!?:;,]$", text)


def _cued(units: list[Unit], index: int, cues: list[int]) -> bool:
    """The unit stands right under a cue line the debris patterns left out ("Read more"; `cues`: where they were)."""
    unit = units[index]
    since = units[index - 1].mark if index else 0
    return unit.after_debris and any(since <= place < unit.mark for place in cues)


def _labels(units: list[Unit], start: int, first_sure: bool) -> int:
    """Where the labels under a cue at `start` end: the line right under a cue left on the page is a label, a
    "Publisher - Page" line is one, and so is a short line with no prose under it; a short line over prose is the
    next section's heading (under a "Read more" button the patterns took, even the first)."""
    end = start
    while end < len(units) and _is_label(units[end]):
        over_prose = end + 1 < len(units) and is_body(units[end + 1])
        if (end > start or not first_sure) and over_prose and not PUBLISHER_LABEL.match(units[end].text):
            break
        end += 1
    return end


def link_cues(units: list[Unit], debris: DebrisFilter) -> dict[int, str]:
    """Each cue line and the link labels under it, as a link block."""
    found: dict[int, str] = {}
    cues = [place for place, dropped in debris.placed_of("page tool") if LINK_CUE.fullmatch(dropped.line.strip())]
    for index, unit in enumerate(units):
        if not unit.is_list and LINK_CUE.fullmatch(unit.text.strip()):
            if index + 1 == len(units) or _is_label(units[index + 1]):  # with prose under it, a section's heading
                found.update((i, "link block") for i in range(index, _labels(units, index + 1, True)))
        elif _cued(units, index, cues):
            found.update((i, "link block") for i in range(index, _labels(units, index, False)))
    return found
