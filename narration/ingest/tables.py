"""A table as a listener hears it: one sentence per row, each value said with its column's header.

"Nausea: how common, 1 in 10; what to do, take with food." A table without a header row is read as labels and
values ("Brand names: Glucophage."). Read cell by cell, a table loses what its numbers mean.
"""
from __future__ import annotations

import re
from typing import Sequence

from narration.models import Block

END = re.compile(r"[.!?…][\"')\]’”]*$")
TRAILING = re.compile(r"(?<=[\w)%])[.;,:]+$")  # a cell's own full stop or comma, not an ellipsis


def table_block(rows: list[list[str]], has_header: bool) -> Block | None:
    """A table block from rows of cell texts (the first the header when `has_header`); rows are padded to one
    width, a header of empty cells is no header, and a table with no text is no table."""
    rows = [[" ".join(cell.split()) for cell in row] for row in rows]
    header = rows.pop(0) if has_header and rows else []
    rows = [row for row in rows if any(row)]
    if not rows:
        return None
    width = max(len(header), *(len(row) for row in rows))
    pad = lambda row: tuple(row) + ("",) * (width - len(row))  # noqa: E731
    return Block("table", header=pad(header) if any(header) else (), rows=tuple(pad(row) for row in rows))


LABEL_MAX_WORDS = 5
VALUE_MAX_WORDS = 3
_UNENDED = re.compile(r"[^.!?:;,]$")


def label_value_tables(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """A key/value box pasted as short lines, one a paragraph ("US Brand Name(s)" / "Temodar" / "FDA Approved" /
    "Yes"), becomes a table of labels and values, read "label: value" rather than as one-word sentences. It takes
    two pairs at least, each a capitalized label of a few words without a sentence's punctuation and a value
    shorter than its label (or one word), so that stacked headings or a column of link titles stay as they are."""
    result: list[Block] = []
    index = 0
    while index < len(blocks):
        end = index
        while end + 1 < len(blocks) and _is_pair(blocks[end], blocks[end + 1]):
            end += 2
        if end - index >= 4:
            rows = [(blocks[i].text.strip(), blocks[i + 1].text.strip()) for i in range(index, end, 2)]
            result.append(Block("table", rows=tuple(rows)))
            index = end
        else:
            result.append(blocks[index])
            index += 1
    return tuple(result)


def _is_pair(label: Block, value: Block) -> bool:
    def line(block: Block) -> list[str]:
        text = block.text.strip()
        return text.split() if block.kind == "paragraph" and "\n" not in text and _UNENDED.search(text) else []

    label_words, value_words = line(label), line(value)
    return (0 < len(label_words) <= LABEL_MAX_WORDS and label_words[0][:1].isupper() and 0 < len(value_words)
            and (len(value_words) == 1 or len(value_words) < len(label_words) and len(value_words) <= VALUE_MAX_WORDS))


def spoken_rows(block: Block) -> list[str]:
    """One sentence per row of a table block; empty rows are skipped."""
    return [sentence for row in block.rows if (sentence := spoken_row(block, row))]


def spoken_row(block: Block, row: tuple[str, ...]) -> str:
    """A row of a table block as one sentence with its headers ("" for a row with nothing in it)."""
    cells = [_cell(cell) for cell in row]
    if not any(cells):
        return ""
    sentence = _with_header(cells, block.header) if any(block.header) else _label_value(cells)
    return sentence if END.search(sentence) else f"{sentence}."


def _with_header(cells: list[str], header: tuple[str, ...]) -> str:
    """The row's first cell names it; every other value follows its column's name."""
    if len(cells) == 1:
        return f"{header[0]}: {cells[0]}" if header[0] else cells[0]
    label, values = cells[0], [(_mid_sentence(name, one_word=True), value) for name, value in zip(header[1:], cells[1:]) if value]
    said = "; ".join(f"{name}, {_mid_sentence(value)}" if name else value for name, value in values)
    if not label:
        return said
    return f"{label}: {said}" if said else label


def _label_value(cells: list[str]) -> str:
    """A table without a header: the first cell is a label, the rest its values."""
    label, values = cells[0], [value for value in cells[1:] if value]
    if not label:
        return ", ".join(values)
    return f"{label}: {', '.join(_mid_sentence(v) for v in values)}" if values else label


def _cell(text: str) -> str:
    return TRAILING.sub("", " ".join(text.split()))


def _mid_sentence(text: str, one_word: bool = False) -> str:
    """A sentence-case phrase continues the row's sentence in lower case ("Take with food" -> "take with food");
    names, acronyms and Title Case stay as written, and so does a lone capitalized value (often a name)."""
    words = text.split()
    if len(words) < (1 if one_word else 2) or not re.fullmatch(r"[A-Z][a-z]+", words[0]):
        return text
    if any(re.fullmatch(r"[A-Z][a-z]+\W*", word) for word in words[1:]):  # Title Case: a name
        return text
    return text[0].lower() + text[1:]
