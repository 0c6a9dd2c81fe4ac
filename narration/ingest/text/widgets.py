"""A page's widgets pasted as lines of their own: a box's label the page repeats over each box ("Handy Hints"),
which a listener hears as a heading again and again with nothing new in it."""
from __future__ import annotations

import re

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
