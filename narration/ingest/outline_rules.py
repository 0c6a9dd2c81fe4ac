"""Rules the Markdown and HTML readers apply to their outlines alike: the works an article cites are left out, a
heading left with nothing to read under it goes too, and a nested list keeps each item's depth.

Here rather than in outline.py, which the citation test (text/figures.py) itself imports.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Sequence

from narration.ingest.debris import DebrisFilter
from narration.ingest.outline import Gap, Heading, Item
from narration.ingest.text.figures import is_citation
from narration.models import Block

# A heading over the works an article cites: "References", "Sources", "Selected bibliography", "Works cited:".
REFERENCES_HEADING = re.compile(r"(?i)(?:selected |key )?(?:references?|sources?|bibliography|works cited|"
                                r"literature cited|citations?|reference list)\s*:?")


def without_references(items: list[Item], debris: DebrisFilter) -> list[Item]:
    """The works an article cites are for readers, as in pasted text: every paragraph and list under a references
    heading, and elsewhere one made only of citations ("Ball JW, Dains JE. Abdomen. In: ... 2023."), is left out
    and recorded. A References section is so never handed to the `credits` setting, though CREDIT_HEADINGS names
    it: only its heading is left, for the silent-heading rule."""
    kept: list[Item] = []
    under: int | None = None  # the level of the references heading the items are under
    for item in items:
        if isinstance(item, Heading):
            under = item.level if REFERENCES_HEADING.fullmatch(item.text) else \
                under if under is not None and item.level > under else None
        elif isinstance(item, Block) and item.kind in ("paragraph", "list"):
            lines = list(item.items) or item.text.split("\n")
            if under is not None or all(is_citation(line) for line in lines):
                for line in lines:
                    debris.drop(line, "reference")
                item = Gap()
        kept.append(item)
    return kept


def _is_block(item: Item, heading: Heading) -> bool:
    """What a heading is over that is read: a paragraph, a list, a table."""
    return isinstance(item, Block)


@dataclass(frozen=True)
class Silence:
    """When a heading says nothing, as a reader's pages need it.

    reads: whether an item under a heading is read (a block; Markdown's left-out links still name a menu).
    over_nothing: True, a heading goes where nothing under it is read, its kept sub-headings counting as read (a
    stack of empty headings goes together); False, only where something under it was left out, each heading judged
    on its own items (a heading with nothing at all under it stays).
    first_level: the highest level that may go (2 where H1s are title candidates).
    last_first: record the left-out headings from the page's end (HTML's order in the review so far).
    """

    reads: Callable[[Item, Heading], bool] = _is_block
    over_nothing: bool = False
    first_level: int = 1
    last_first: bool = False


@dataclass
class _Open:
    """A heading whose part of the page is still being read: what was under it so far."""

    index: int
    heading: Heading
    left_out: bool = False
    read: bool = False


def without_silent_headings(items: Sequence[Item], debris: DebrisFilter, rule: Silence) -> list[Item]:
    """The items with each heading that says nothing under `rule`, down to the next heading of its rank, made a
    Gap and recorded ("## Images" over a left-out picture): read, it says nothing, and it would take the next one
    under it. One pass: the open headings are a stack of rising levels, a few deep."""
    silent: list[int] = []
    stack: list[_Open] = []

    def close(level: int) -> None:
        while stack and stack[-1].heading.level >= level:
            done = stack.pop()
            if (done.heading.level >= rule.first_level and not done.read
                    and (rule.over_nothing or done.left_out)):
                silent.append(done.index)
            elif rule.over_nothing and stack:
                stack[-1].read = True  # a kept sub-heading is read under its parent

    for index, item in enumerate(items):
        if isinstance(item, Heading):
            close(item.level)
            stack.append(_Open(index, item))
            continue
        for open_ in stack:
            open_.left_out = open_.left_out or isinstance(item, Gap)
            open_.read = open_.read or rule.reads(item, open_.heading)
    close(0)
    kept = list(items)
    for index in sorted(silent, reverse=rule.last_first):
        debris.drop(items[index].text, "heading with nothing under it")
        kept[index] = Gap()
    return kept


def with_depths(entries: Iterable[tuple[str, int]], clean: Callable[[str], str]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """A list's items (as `clean` leaves them, the empty ones left out) and their nesting depths, () when the list
    is flat: a nested list's items are read as part of their parent list."""
    kept = [(text, depth) for written, depth in entries if (text := clean(written))]
    depths = tuple(depth for _, depth in kept)
    return tuple(text for text, _ in kept), depths if any(depths) else ()


# The name of a document, not of a section: a year and what it is ("2017 Rabies Exposure Assessment Tree", "2019
# Bite Report Form (PDF)"). Standing over nothing, it was a link to that document.
DOCUMENT_NAME = re.compile(r"^(?=[^.!?:;]*\b(?:19|20)\d\d\b)[^.!?:;]{0,120}\b(?:forms?|trees?|charts?|guides?|"
                           r"guidelines|reports?|brochures?|leaflets?|flyers?|fact ?sheets?|posters?|checklists?|"
                           r"toolkits?|handbooks?|booklets?|worksheets?|algorithms?|flow ?charts?)"
                           r"(?:\s*[-–,]?\s*(?:19|20)\d\d)?(?:\s*[(\[](?:pdf|docx?)[^)\]]{0,20}[)\]])?$", re.IGNORECASE)


def _over_nothing(items: list[Item]) -> list[bool]:
    """For each item, whether what follows it (gaps aside) is a heading or nothing: it heads an empty section."""
    empty, following = [False] * len(items), None
    for index in range(len(items) - 1, -1, -1):
        empty[index] = following is None or isinstance(following, Heading)
        if not isinstance(items[index], Gap):
            following = items[index]
    return empty


def without_document_links(items: list[Item], debris: DebrisFilter) -> list[Item]:
    """The outline without a document's name standing as a heading over an empty section (the next item is
    another heading, or nothing): a link to the document, its address lost. A heading over text stays."""
    kept: list[Item] = []
    for item, empty in zip(items, _over_nothing(items)):
        if (isinstance(item, Heading) and DOCUMENT_NAME.match(item.text.strip()) and empty
):
            debris.drop(item.text, "document link")
            continue
        kept.append(item)
    return kept


# A numbered list item the reader took for a bold sub-heading ("4. **Contacts:**"): a list's item all the same.
NUMBERED_LEAD = re.compile(r"^\d{1,2}[.)]\s+\S.*:$")


def without_lost_sublists(items: list[Item], debris: DebrisFilter) -> list[Item]:
    """The outline without a list's last item that leads in a sub-list the page lost ("Contacts:" with its links
    gone): it ends with a colon and the next thing is a heading, or nothing. Recorded, so the review shows it."""
    kept: list[Item] = []
    for item, empty in zip(items, _over_nothing(items)):
        if (empty and isinstance(item, Block) and item.kind == "list" and item.items
                and item.items[-1].rstrip().endswith(":")):
            debris.drop(item.items[-1], "list item without its list")
            item = replace(item, items=item.items[:-1], depths=item.depths[:-1])
            if not item.items:
                continue
        elif (empty and isinstance(item, Heading) and NUMBERED_LEAD.match(item.text.strip()) and kept
              and isinstance(kept[-1], Block) and kept[-1].kind == "list"):
            debris.drop(item.text, "list item without its list")
            continue
        kept.append(item)
    return kept


TITLE_ITEM_WORDS = 3  # a one- or two-word title ("Fever") may well be an item of a list on its own page


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text).casefold().split())


def without_title_items(items: list[Item], title: str, debris: DebrisFilter) -> list[Item]:
    """The outline without list items that only repeat the article's title (a leaflet's "see also" or a handout's
    own name in a list of handouts): said again in the middle of the article, they sound like a new start."""
    plain = _plain(title)
    if len(plain.split()) < TITLE_ITEM_WORDS:
        return items
    kept: list[Item] = []
    for item in items:
        is_list = isinstance(item, Block) and item.kind == "list"
        repeats = [_plain(entry) == plain for entry in item.items] if is_list else []
        if any(repeats):
            keep = [index for index, repeat in enumerate(repeats) if not repeat]
            for entry, repeat in zip(item.items, repeats):
                if repeat:
                    debris.drop(entry, "title repeated")
            if not keep:
                continue
            item = replace(item, items=tuple(item.items[i] for i in keep),
                           depths=tuple(item.depths[i] for i in keep) if item.depths else item.depths)
        kept.append(item)
    return kept
