"""The rules the Markdown and HTML readers share: headings that say nothing, references, nested list depths."""
from __future__ import annotations

from typing import Callable

import pytest

from narration.ingest import html, markdown
from narration.ingest.debris import DebrisFilter, debris_filter
from narration.ingest.markdown import LeftLinks
from narration.ingest.outline import Gap, Heading, Item
from narration.ingest.outline_rules import with_depths, without_silent_headings
from narration.models import Block


def _items(outline: str) -> list[Item]:
    """'## A' a heading, '.' a left-out gap, '~' left-out links, anything else a paragraph; ' / ' between items."""
    items: list[Item] = []
    for written in outline.split(" / "):
        marks = len(written) - len(written.lstrip("#"))
        items.append(Heading(written[marks:].strip(), marks) if marks else Gap() if written == "." else
                     LeftLinks() if written == "~" else Block("paragraph", text=written))
    return items


def _dropped(reader: Callable[[list[Item], DebrisFilter], list[Item]], outline: str) -> list[str]:
    """The headings the reader leaves out, in the order it records them; each becomes a Gap in place."""
    debris = debris_filter("page")
    items = _items(outline)
    kept = reader(items, debris)
    assert len(kept) == len(items)
    dropped = [d.text for d in debris.dropped]
    assert sorted(dropped) == sorted(i.text for i, k in zip(items, kept) if isinstance(i, Heading) and isinstance(k, Gap))
    return dropped


def _markdown(items: list[Item], debris: DebrisFilter) -> list[Item]:
    return without_silent_headings(items, debris, markdown.SILENCE)


def _html(items: list[Item], debris: DebrisFilter) -> list[Item]:
    return without_silent_headings(items, debris, html.SILENCE)


# (outline, headings Markdown leaves out, headings HTML leaves out, each in the order recorded)
SILENT = [
    ("## A / text / ## B / text", [], []),
    ("## Images / . / ## B / text", ["Images"], ["Images"]),
    ("## A / ### Images / . / text", [], []),  # the gap and the text are both under Images
    ("## A / text / ### Images / .", ["Images"], ["Images"]),
    # a heading with nothing at all under it: kept in Markdown (nothing was left out), left out in HTML
    ("## A / ## B / text", [], ["A"]),
    ("## A / text / ## B", [], ["B"]),
    # stacked: a heading over a sub-heading over left-out lines
    ("## A / ### B / . / ## C / text", ["A", "B"], ["B", "A"]),
    ("## A / ### B / ## C / text", [], ["B", "A"]),
    # Markdown judges each heading on its own: a kept empty sub-heading does not speak for its parent
    ("## A / . / ### B / ## C / text", ["A"], ["B", "A"]),
    ("## A / ### B / text / ## C / .", ["C"], ["C"]),
    # H1s are title candidates in Markdown; HTML leaves them out too
    ("# T / . / # U / text", [], ["T"]),
    ("# T / ## B / . / # U / text", ["B"], ["B", "T"]),
    # left-out links name what a heading is over (a page of link lists), unless it names a link box
    ("## Topics / ~ / ## B / text", [], ["Topics"]),
    ("## See also / ~ / ## B / text", ["See also"], ["See also"]),
    # page order in Markdown, last first in HTML
    ("## Images / . / ## B / text / ## References / .", ["Images", "References"], ["References", "Images"]),
    ("## A / ### B / . / ### C / text", ["B"], ["B"]),
]


@pytest.mark.parametrize("outline, markdown, html", SILENT)
def test_headings_that_say_nothing(outline: str, markdown: list[str], html: list[str]) -> None:
    assert _dropped(_markdown, outline) == markdown
    assert _dropped(_html, outline) == html


# (items with their depths, depths kept): a flat list has none; an item left with nothing to say goes with its depth
DEPTHS = [
    ([("Rest", 0), ("Drink water", 0)], (("Rest", "Drink water"), ())),
    ([("Eat well", 0), ("Fruit", 1), ("Vegetables", 1), ("Sleep", 0)],
     (("Eat well", "Fruit", "Vegetables", "Sleep"), (0, 1, 1, 0))),
    ([("Eat well", 0), ("", 1), ("Sleep", 0)], (("Eat well", "Sleep"), ())),
    ([("", 0)], ((), ())),
]


@pytest.mark.parametrize("entries, expected", DEPTHS)
def test_nested_list_depths(entries: list[tuple[str, int]], expected: tuple) -> None:
    assert with_depths(entries, str.strip) == expected
