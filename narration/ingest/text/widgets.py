"""A page's widgets pasted as lines of their own: a box's label the page repeats over each box ("Handy Hints"),
which a listener hears as a heading again and again with nothing new in it; a publisher's tagline on a cover."""
from __future__ import annotations

import re

from narration.ingest.debris import DebrisFilter
from narration.ingest.text.units import Unit, text_key, words

WIDGET_WORDS = 4  # a box's label: "Handy Hints", "Top tip", "Did you know"
WIDGET_REPEATS = 3  # times the label stands word for word in one page


def _label_key(unit: Unit) -> str:
    """The line's words as a label, or '' when it is no short unpunctuated line of its own."""
    text = unit.text.strip()
    if unit.is_list or not 0 < len(words(text)) <= WIDGET_WORDS or re.search(r"[.!;,:]$", text):
        return ""
    return text_key(text)


def widget_labels(units: list[Unit]) -> dict[int, str]:
    """A short line said word for word three times or more, with only prose between the repeats, is a widget's
    label; a repeated "Symptoms" under each condition's own heading is that section's heading, and stays."""
    places: dict[str, list[int]] = {}
    for index, unit in enumerate(units):
        if key := _label_key(unit):
            places.setdefault(key, []).append(index)
    found: dict[int, str] = {}
    for key, at in places.items():
        between = [units[i] for i in range(at[0] + 1, at[-1]) if i not in at] if len(at) >= WIDGET_REPEATS else []
        if between and not any(_label_key(unit) for unit in between):
            found.update((i, "widget label") for i in at)
    return found


TAGLINE_WORDS = 8  # "NIH...Turning Discovery Into Health®"


def _under_banner(units: list[Unit], index: int, debris: DebrisFilter) -> bool:
    """A publisher-banner line the patterns left out stood right above the unit."""
    since = units[index - 1].mark if index else 0
    return units[index].after_debris and any(since <= place < units[index].mark
                                             for place in debris.marks_of("publisher banner"))


def banner_taglines(units: list[Unit], first: int, debris: DebrisFilter) -> dict[int, str]:
    """A short line ending in ® or ™ before the first paragraph, right under the publisher's banner, is its
    tagline ("NIH...Turning Discovery Into Health®"); a product's name heading a section has no banner over it."""
    return {i: "publisher banner" for i, unit in enumerate(units[:first])
            if not unit.is_list and unit.text.rstrip().endswith(("®", "™")) and len(words(unit.text)) <= TAGLINE_WORDS
            and _under_banner(units, i, debris)}
