"""Sections -> episodes of a listenable length, decided from word counts before anything is synthesized.

A section of a few sentences wrapped in its own intro and outro is mostly framing, and a ten-minute one is hard
to come back to: short sections join a neighbour (their heading becomes a spoken sub-heading) and long ones are
split at their sub-headings.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from typing import Sequence

from narration.models import Block
from narration.text.sentences import split_sentences

QUESTION_NUMBER = re.compile(r"^\d{1,2}\.\s+")  # "1. What is mistletoe?" is said "What is mistletoe?"

# Speaking rates of the presets, measured on the sample with the bundled voice and the mixer's pauses (README).
WORDS_PER_MINUTE: dict[str, float] = {"standard": 163.0, "patient": 151.0, "slow": 137.0}


@dataclass(frozen=True)
class Unit:
    """A stretch of an article that may become an episode: its title, role and the blocks it reads."""

    title: str
    role: str
    blocks: tuple[Block, ...]
    continues: bool = False  # a later part of a split section, under the section's own title


def block_words(block: Block) -> int:
    """How many words a block speaks (a table's headers are repeated on every row)."""
    cells = [cell for row in block.rows for cell in row] + list(block.header) * len(block.rows)
    return sum(len(text.split()) for text in (block.text, *block.items, *cells))


def seconds(blocks: Sequence[Block], words_per_minute: float) -> float:
    """Estimated speaking time of blocks at the preset's measured rate."""
    return sum(block_words(b) for b in blocks) * 60.0 / words_per_minute


def split_long(unit: Unit, words_per_minute: float, max_seconds: float) -> list[Unit]:
    """A unit over max_seconds cut at sub-headings into about equal parts, as few as keep each part within the
    limit; a later part is titled by the sub-heading it starts with (not spoken twice) when that reads as a
    title. Without sub-headings to cut at, it stays whole."""
    lengths = [seconds([b], words_per_minute) for b in unit.blocks]
    starts = [sum(lengths[:i]) for i in range(len(lengths) + 1)]
    candidates = [i for i, b in enumerate(unit.blocks) if b.kind == "subheading" and i > 0]
    if max_seconds <= 0 or starts[-1] <= max_seconds or not candidates:
        return [unit]
    most = len(candidates) + 1  # parts when cut at every sub-heading: a section too long even so is cut that often
    for count in range(min(math.ceil(starts[-1] / max_seconds), most), most + 1):
        cuts = sorted({min(candidates, key=lambda i: abs(starts[i] - starts[-1] * j / count)) for j in range(1, count)})
        bounds = [0, *cuts, len(unit.blocks)]
        if max(starts[b] - starts[a] for a, b in zip(bounds, bounds[1:])) <= max_seconds:
            break
    parts = [unit.blocks[a:b] for a, b in zip(bounds, bounds[1:])]
    return [Unit(unit.title, unit.role, parts[0])] + [_part(unit, part) for part in parts[1:]]


TITLE_WORDS = 12  # a sub-heading longer than this, or one that ends in a full stop, is a sentence


def _part(unit: Unit, blocks: Sequence[Block]) -> Unit:
    """A later part of a split unit: titled by the sub-heading it starts with when that reads as a title; a
    sentence-like one ("After the cancer has been diagnosed, tests are done to ...") is said as its first line,
    under the section's own title (the episode's announcement numbers the parts)."""
    heading = QUESTION_NUMBER.sub("", blocks[0].text)
    if len(heading.split()) <= TITLE_WORDS and not re.search(r"[.;:,]$", heading):
        return Unit(heading, unit.role, tuple(blocks[1:]))
    return Unit(unit.title, unit.role, tuple(blocks), continues=True)


def _joined(first: Unit, second: Unit) -> Unit:
    """Two neighbours as one: the first keeps its title, the second's heading is spoken as a sub-heading."""
    heading = (Block("subheading", text=second.title),) if second.title and second.title != first.title else ()
    return replace(first, blocks=first.blocks + heading + second.blocks)


def join_short(units: Sequence[Unit], words_per_minute: float, min_seconds: float) -> list[Unit]:
    """Join the shortest body unit under min_seconds to its shorter body neighbour, again until none is left.
    Credits kept as episodes of their own are never joined."""
    result = list(units)
    while min_seconds > 0:
        lengths = [seconds(u.blocks, words_per_minute) if u.role == "body" else math.inf for u in result]

        def neighbour(index: int, step: int) -> float:
            other = index + step
            return lengths[other] if 0 <= other < len(result) else math.inf

        short = [i for i, length in enumerate(lengths)
                 if length < min_seconds and min(neighbour(i, -1), neighbour(i, 1)) < math.inf]
        if not short:
            return result
        index = min(short, key=lengths.__getitem__)
        left = index - 1 if neighbour(index, -1) <= neighbour(index, 1) else index
        result[left:left + 2] = [_joined(result[left], result[left + 1])]
    return result


def regroup(units: Sequence[Unit], words_per_minute: float, min_seconds: float, max_seconds: float) -> list[Unit]:
    """Long units split at sub-headings, then short ones joined to a neighbour."""
    return join_short([part for unit in units for part in split_long(unit, words_per_minute, max_seconds)],
                      words_per_minute, min_seconds)


def continued_titles(units: Sequence[Unit], continued: str) -> list[Unit]:
    """A later part of a section split for length that starts at no title-like sub-heading keeps the section's
    title: said twice in a row it sounds repeated, so the part's title says it goes on (`continued`, the
    language's "{title}, continued")."""
    return [replace(unit, title=continued.format(title=unit.title), continues=False) if unit.continues else unit
            for unit in units]


def carry_lead_ins(units: Sequence[Unit]) -> list[Unit]:
    """A sentence that introduces what follows ("The following tests may be used:") and ends an episode would be
    said just before the closing words, its items unsaid: it opens the next body episode instead, where they are."""
    result = list(units)
    for index in range(len(result) - 1):
        unit, following = result[index], result[index + 1]
        last = unit.blocks[-1] if unit.blocks else None
        if last is None or last.kind != "paragraph" or following.role != "body" or unit.role != "body":
            continue
        lines = last.text.rstrip().split("\n")
        sentences = split_sentences(lines[-1])
        if not sentences or not sentences[-1].endswith(":"):
            continue
        rest = "\n".join([*lines[:-1], " ".join(sentences[:-1])]).strip()
        kept = unit.blocks[:-1] + ((replace(last, text=rest),) if rest else ())
        if not kept:
            continue  # an episode of nothing but the lead-in: leave it be
        result[index] = replace(unit, blocks=kept)
        result[index + 1] = replace(following, blocks=(Block("paragraph", text=sentences[-1]),) + following.blocks)
    return result
