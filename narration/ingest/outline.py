"""A document's outline (headings with levels, blocks between them) -> sections with sub-headings.

Readers (text, Markdown) produce the outline; the rules that decide what starts an episode live here, once:
the highest heading level starts a section, deeper ones are sub-headings inside it, and a heading stacked
right on another one is a sub-heading too, never glued into a longer title.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Sequence, Union

from narration.ingest.tables import label_value_tables
from narration.models import Block, Section, SectionRole

# Headings whose sections are credits or boilerplate rather than health information.
CREDIT_HEADINGS = re.compile(
    r"^(about (the )?(medical )?(reviewer|author|editor|expert|contributor)s?|references|sources|citations|"
    r"acknowledge?ments?|disclaimer|related (articles|content|links|reading|resources)|share this( article| page)?|"
    r"further reading|bibliography|footnotes|notes|"
    r"about this (pdq )?(summary|page|article|fact sheet)|about (pdq|us|this site)$|purpose of this (summary|page)$|permission to (use|reuse)|contact us|"
    r"reviewers and updates|changes to this (summary|page)|to learn more( about)?|more information( about)?|"
    r"for more information|additional resources|resources|how to cite|citation|"
    # Spanish
    r"(acerca|sobre) (del?|de la|los|las) (revisora?|revisore?s|autora?|autore?s|editora?|experta?)s?|"
    r"(referencias|fuentes|bibliografía|citas|notas)$|agradecimientos?|aviso legal|descargo de responsabilidad|"
    r"(artículos|contenidos|enlaces) relacionados|compartir( este artículo| esta página)?|lecturas? recomendadas?|"
    r"acerca de (este|esta) (resumen|página|artículo|hoja informativa)|contáctenos|"
    r"(para )?más información|recursos( adicionales)?|cómo citar)\b",
    re.IGNORECASE,
)
SUB = 99  # the level of a sub-heading that is not a '#' heading (a bold line, a numbered question)


@dataclass(frozen=True)
class Heading:
    """A heading as found: its text and level (1 = '#'; SUB for other sub-heading forms)."""

    text: str
    level: int


@dataclass(frozen=True)
class Gap:
    """Where debris was removed: content was there, so the headings around it are not stacked."""


Item = Union[Heading, Block, Gap]


def section_role(heading: str) -> SectionRole:
    """Credits and boilerplate sections are recognized by their heading."""
    return "credits" if CREDIT_HEADINGS.match(heading.strip()) else "body"


# The labels a page sets over a list of what to do and what not to do ("Do" / "Don't", as NHS pages have them): a
# label, not a heading. The negative one is said with each item ("Don't use ibuprofen"), so no item is heard as
# advice on its own; the positive one's items are orders already.
DO_LABEL = re.compile(r"(?i)^(?:do|dos|do's|things to do)$")
DONT_LABEL = re.compile(r"(?i)^(?:don['’]t|do not|never)$")
NEGATIVE = re.compile(r"(?i)^(?:don['’]t|do not|never|avoid|no)\b")  # an item that says its own "not"


def _without_do_labels(items: Sequence[Item]) -> list[Item]:
    """The outline with each Do / Don't label over a list taken into the list."""
    kept: list[Item] = []
    for item in items:
        above = kept[-1] if kept else None
        label = above.text.strip().rstrip(":").strip() if isinstance(above, Heading) else ""
        if isinstance(item, Block) and item.kind == "list" and item.items and (DO_LABEL.match(label) or DONT_LABEL.match(label)):
            kept[-1] = Gap()
            if DONT_LABEL.match(label):
                item = _said_with(item, label[:1].upper() + label[1:])
        kept.append(item)
    return kept


# A sentence that leads into a list with its negation as its last words ("In this time, you must not:"): each
# item finishes it, and said alone ("Drink alcohol.") would be heard as advice. "Do not use it if you:" is not
# one: its items are conditions, the negation is before them.
NEGATIVE_LEAD_IN = re.compile(r"(?i)(?:\b(?:must|should|do|does|can|will|may)\s+not|\b(?:mustn|shouldn|don|can|won)['’]t|"
                              r"\bcannot|\b(?P<never>never))\s*:$")


def _with_negative_lead_ins(items: Sequence[Item]) -> list[Item]:
    """The outline with each list under a negative lead-in said item by item with its "Do not" ("Never"), as the
    Don't label's list is: "Do not drink alcohol."."""
    kept: list[Item] = []
    for item in items:
        above = kept[-1] if kept else None
        last = above.text.strip().split("\n")[-1] if isinstance(above, Block) and above.kind == "paragraph" else ""
        if isinstance(item, Block) and item.kind == "list" and item.items and (found := NEGATIVE_LEAD_IN.search(last)):
            item = _said_with(item, "Never" if found.group("never") else "Do not")
        kept.append(item)
    return kept


def _said_with(item: Block, said: str) -> Block:
    """A list whose items each finish a negative order ("Don't"): said with it, unless they say their own "not"."""
    return replace(item, items=tuple(entry if NEGATIVE.match(entry) else _sentence(f"{said} {_lowered(entry)}")
                                     for entry in item.items))


def _sentence(text: str) -> str:
    """A negative order said as a sentence of its own, so that the next one starts with its own "Don't"."""
    return text if re.search(r"[.!?]$", text.rstrip()) else text.rstrip() + "."


def _lowered(entry: str) -> str:
    """An item after a label: its first letter lowered unless the word is a name or acronym ("Use" -> "use",
    "NSAIDs" and "I" stay)."""
    first = entry.split(maxsplit=1)[0] if entry.strip() else ""
    return entry[:1].lower() + entry[1:] if first[:1].isupper() and first[1:2].islower() else entry


def sections_from_outline(items: Sequence[Item]) -> tuple[Section, ...]:
    """Headings at the top level start sections; the others become sub-heading blocks of their section. A
    sub-heading right over another heading (nothing between, not even left-out debris) is that heading's parent:
    the one below it is made deeper, and a top-level one below it makes it a section of its own ("How is it
    diagnosed?" over "Blood tests")."""
    items = _with_negative_lead_ins(_without_do_labels(items))
    top = min((item.level for item in items if isinstance(item, Heading)), default=1)
    pairs: list[tuple[str, list[Block]]] = [("", [])]
    stacked = False  # the current section has a heading and nothing under it yet
    bare: Block | None = None  # the sub-heading just added, with nothing after it yet
    for item in items:
        if isinstance(item, (Gap, Block)):
            if isinstance(item, Block):
                pairs[-1][1].append(item)
            stacked, bare = False, None
        elif bare is not None and item.level <= top and not _only_block(pairs[-1], bare):
            parent = pairs[-1][1].pop()
            bare = Block("subheading", text=item.text, level=top + 1)
            pairs.append((parent.text, [bare]))
        elif item.level > top or stacked:
            level = item.level if bare is None or deeper(item.level, bare.level) else bare.level + 1
            bare = Block("subheading", text=item.text, level=level)
            pairs[-1][1].append(bare)
        else:
            pairs.append((item.text, []))
            stacked = True
    return _sections(pairs)


def _sections(pairs: list[tuple[str, list[Block]]]) -> tuple[Section, ...]:
    """(heading, blocks) pairs -> Sections, dropping an empty untitled opening."""
    return tuple(
        Section(heading=h, blocks=label_value_tables(b), role=section_role(h))
        for h, b in pairs
        if h or b
    )


def _only_block(pair: tuple[str, list[Block]], bare: Block) -> bool:
    """Whether a titled section holds nothing but the sub-heading just added: taking that one away as the parent
    of the next heading would leave the section empty and its heading unsaid, so the next one goes under it."""
    return bool(pair[0]) and pair[1] == [bare]


def deeper(level: int, than: int) -> bool:
    """Whether a heading of `level` sits under one of `than`; a sub-heading of unknown level (SUB: a bold line, a
    repeated Key Point) is not taken to be under a '###' heading, so an empty '###' before it is not its parent."""
    return level > than and not (level == SUB and than < SUB)


def narrated_blocks(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """The blocks worth speaking: a sub-heading with nothing under it (its links were left out) is not read; one
    followed by a deeper sub-heading is its parent ("### IMRT" over "#### What it is") and is read."""
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        if block.kind == "subheading":
            after = blocks[index + 1] if index + 1 < len(blocks) else None
            parent = after is not None and block.level > 0 and deeper(after.level, block.level)
            if after is None or (after.kind == "subheading" and not parent):
                continue
        kept.append(block)
    return tuple(kept)
