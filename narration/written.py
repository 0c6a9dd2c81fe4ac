"""The written-to-spoken mapping of a section: which spoken sentences of its script voice each written block.

The scripts stage makes it once, while it writes the script (narration.scripts), so the talking book and the
web player show the article as written (paragraphs, lists, tables, sub-headings) in step with the audio without
deriving the spoken text a second time. A script edited by hand has no mapping (its sentences no longer follow
from the article), and pages show its spoken sentences instead.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Sequence

from narration.grouping import QUESTION_NUMBER
from narration.models import Block
from narration.text.normalize import LEAD, TOGETHER
from narration.text.sentences import split_sentences

WHOLE = TOGETHER  # a spoken line that voices its block as a whole (a sub-heading, a list's items together)
Sentences = tuple[int, ...]  # positions in the script's spoken sentences (Script.sentences), in order


@dataclass(frozen=True)
class Voiced:
    """A piece of written text (a sentence, a list's lead-in or item, a table row, a sub-heading) and the
    spoken sentences that say it; none when it is said inside another piece's sentence, or not at all."""

    text: str
    sentences: Sentences = ()
    cells: tuple[str, ...] = ()  # a table row's cells as written
    line_break: bool = False  # the sentence starts a line its author broke (an address, opening hours)


@dataclass(frozen=True)
class WrittenBlock:
    """One written block and its pieces: a paragraph's sentences, a list's items, a table's rows, a sub-heading.

    `sentences` voice the block's items together (a list said as one sentence); `lead` is the sentence that
    introduces a list, moved here from the paragraph before it because it is said with the list."""

    kind: Literal["paragraph", "list", "table", "subheading"]
    parts: tuple[Voiced, ...]
    lead: Voiced | None = None
    sentences: Sentences = ()
    ordered: bool = False
    header: tuple[str, ...] = ()

    @property
    def voiced(self) -> Sentences:
        """Every sentence that voices this block, in reading order."""
        lead = self.lead.sentences if self.lead else ()
        return lead + self.sentences + tuple(i for part in self.parts for i in part.sentences)


@dataclass(frozen=True)
class WrittenSection:
    """A section as written, block by block, with the spoken sentences it maps to (each voices one piece)."""

    blocks: tuple[WrittenBlock, ...]
    sentences: tuple[str, ...]  # the script's spoken sentences, which the episode's cues must repeat


@dataclass(frozen=True)
class SpokenLine:
    """A line of a generated script and what it voices: the block (by position) and the piece of it."""

    text: str
    block: int
    piece: int = WHOLE  # a paragraph's sentence, a list's item or a table's row, by position; LEAD, WHOLE
    lead: tuple[int, int] | None = None  # a list's lead-in: (block, sentence) of the paragraph it was taken from


def written_sentences(block: Block) -> list[tuple[str, bool]]:
    """A paragraph's sentences as written, each with whether it starts a line its author broke (not the first)."""
    return [(sentence, bool(number) and not index) for number, line in enumerate(block.lines)
            for index, sentence in enumerate(split_sentences(line))]


def heading_text(block: Block) -> str:
    """A sub-heading as it is said and shown: without a question's number ("1. What is mistletoe?")."""
    return QUESTION_NUMBER.sub("", block.text)


def build_mapping(blocks: Sequence[Block], lines: Sequence[SpokenLine], said: Sequence[Sequence[str]]) -> WrittenSection:
    """The mapping from the generated lines (in order) and the sentences the script reads from each line
    (said[i] for lines[i]); blocks are the section's written blocks, which the lines name by position."""
    owned: dict[tuple[int, int], list[int]] = {}
    leads: dict[int, tuple[int, int]] = {}
    position = 0
    for line, sentences in zip(lines, said):
        owned.setdefault((line.block, line.piece), []).extend(range(position, position + len(sentences)))
        position += len(sentences)
        if line.lead is not None:
            leads[line.block] = line.lead
    moved = set(leads.values())
    result = []
    for number, block in enumerate(blocks):
        def mine(piece: int) -> Sentences:
            return tuple(owned.get((number, piece), ()))

        if block.kind == "subheading":
            result.append(WrittenBlock("subheading", (Voiced(heading_text(block), mine(WHOLE)),)))
        elif block.kind == "paragraph":
            parts = tuple(Voiced(text, mine(piece), line_break=broken)
                          for piece, (text, broken) in enumerate(written_sentences(block)) if (number, piece) not in moved)
            if parts:
                result.append(WrittenBlock("paragraph", parts))
        elif block.kind == "table":
            rows = tuple(Voiced(row[0] if row else "", mine(piece), cells=row) for piece, row in enumerate(block.rows))
            result.append(WrittenBlock("table", rows, header=block.header))
        else:
            lead = written_sentences(blocks[leads[number][0]])[leads[number][1]][0] if number in leads else ""
            result.append(WrittenBlock("list", tuple(Voiced(item, mine(piece)) for piece, item in enumerate(block.items)),
                                       Voiced(lead, mine(LEAD)) if lead else None, mine(WHOLE), block.ordered))
    return WrittenSection(tuple(result), tuple(s for sentences in said for s in sentences))
