"""A table as a listener hears it: one sentence per row, each value said with its column's header.

"Nausea: how common, 1 in 10; what to do, take with food." A table without a header row is read as labels and
values ("Brand names: Glucophage."). Read cell by cell, a table loses what its numbers mean.
"""
from __future__ import annotations

import re
from typing import Sequence

from narration.models import Block

END = re.compile(r"[.!?…][\"')\]’”]*$")
BULLET = re.compile(r"^\s*[-*\u2022]\s+(?=\S)")  # a list item's mark, as a paste keeps it
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


def _cells(line: str) -> list[str]:
    """The cells of a pasted table row ("Adult men\t900 mcg"), [] for a line without a tab."""
    return [" ".join(cell.split()) for cell in line.split("\t")] if "\t" in line.strip("\n") else []


def tab_tables(lines: list[str]) -> list[str | Block]:
    """Lines of pasted text with each table a browser pasted as tab-separated rows made a table block.

    A table is two or more consecutive rows of one width (>= 2 cells), the first its header when its cells are
    labels (else every row is data, said "label: value", never under another row's cells). Inside it, a line
    without a tab before another row continues the last cell of the row above (a cell of two lines); a shorter
    row sits under cells that span rows and takes them from the row above ("Beef" / "Steaks" / "145 °F", then
    "Ground meat" / "160 °F"); a shorter row just above the header names groups of the last columns. List lines
    ("- Identify the source.") under a row are its last cell's too, and the table goes on after them."""
    result: list[str | Block] = []
    index = 0
    while index < len(lines):
        end, block = _tab_table(lines, index)
        if block is None:
            result.append(lines[index])
            index += 1
        else:
            result.append(block)
            index = end
    return result


def _tab_table(lines: list[str], start: int) -> tuple[int, Block | None]:
    """The table starting at lines[start] and the index after it, or (start, None)."""
    following = lambda i: _cells(lines[i]) if i < len(lines) else []  # noqa: E731
    groups, header = following(start), following(start + 1)
    if not (2 <= len(groups) < len(header) and len(following(start + 2)) == len(header)):
        groups, header = [], groups
    first = start + (2 if groups else 1)
    if sum(map(bool, header)) < 2 or len(following(first)) != len(header):
        return start, None
    named = len(header) - len(groups)
    header = header[:named] + [_grouped(group, name) for group, name in zip(groups, header[named:])]
    has_header = bool(groups) or is_label_row(header)
    rows: list[list[str]] = [] if has_header else [header]
    index = first
    while index < len(lines):
        cells = _cells(lines[index])
        if cells:
            spanned = rows[-1][:max(0, len(header) - len(cells))] if rows else []
            rows.append(spanned + cells)
        elif lines[index].strip() and rows and (following(index + 1) or BULLET.match(lines[index])):
            _continue_cell(rows[-1], BULLET.sub("", " ".join(lines[index].split())))
        else:
            break
        index += 1
    return index, table_block([header, *rows] if has_header else rows, has_header=has_header)


# A table a browser pasted one cell a line, each ending " |": "Dosing |", "Can be used for ANY age |".
CELL_LINE = re.compile(r"^\s*(?P<cell>\S.*?)\s+\|$")
MIN_TABLE_CELLS = 4  # a header of two and one row


def cell_line_tables(lines: Sequence[str | Block]) -> list[str | Block]:
    """Runs of cell lines (" |" at the end, blank lines between allowed) rebuilt into table blocks, said row by
    row; a run whose rows cannot be told is left as it is."""
    result: list[str | Block] = []
    index = 0
    while index < len(lines):
        end = index
        cells: list[str] = []
        while end < len(lines) and isinstance(line := lines[end], str) and (found := CELL_LINE.match(line)
                                                                              or not line.strip()):
            if found is not True:
                cells.append(found.group("cell"))
            end += 1
        block = _cell_table(cells)
        if block is None:  # never a table made of the run's tail
            result.extend(lines[index:max(end, index + 1)])
            index = max(end, index + 1)
            continue
        while not str(lines[end - 1]).strip():
            end -= 1  # the blank lines after the table are the text's
        result.append(block)
        index = end
    return result


def _cell_table(cells: list[str]) -> Block | None:
    """The table whose cells these are, row after row, when only one width fits: its first row a header of labels
    and each column's cells alike (all labels, or all values), as the cells before the first data row are the
    header."""
    widths = [width for width in _widths(len(cells)) if _fits(cells, width)]
    if len(widths) != 1:
        return None
    width = widths[0]
    return table_block([cells[start:start + width] for start in range(0, len(cells), width)], has_header=True)


def _widths(count: int) -> list[int]:
    """The table widths a run of `count` cells allows: two columns or more, a header and one row or more."""
    return [width for width in range(2, count // 2 + 1) if count >= MIN_TABLE_CELLS and count % width == 0]


def _fits(cells: list[str], width: int) -> bool:
    """Whether the cells, `width` a row, make a header of labels over columns of alike cells."""
    if not is_label_row(cells[:width]):
        return False
    columns = [cells[width + column::width] for column in range(width)]
    return all(len({is_label_row([cell]) for cell in column}) == 1 for column in columns)


HEADER_CELL_MAX_WORDS = 6
# A header cell names a column; a cell with a number outside brackets, a clause's punctuation or a verb says a value
# ("take 2 tablets every 4 hours; do not ..."), so its row is a data row, never the header others are said under.
_VALUE_MARK = re.compile(r"\d(?![^()]*\))|[;!]|[.?]\s|[.?]$")


def is_label_row(cells: list[str]) -> bool:
    """Whether a table's first row is its header: an empty corner cell, or every cell a short label, no digits (but
    a bracketed unit's, as "(µg/dL)"), no sentence and no verb ("Age" / "Dose", not "Adults" / "take 2 tablets")."""
    from narration.ingest.text.units import CLAUSE_WORDS, has_verb  # units reads its tables through this module
    if not cells[0] and any(cells[1:]):
        return True  # an empty corner over the rows' labels: column names ("", "Age 50 or younger", ...)
    return all(len(cell.split()) <= HEADER_CELL_MAX_WORDS and not _VALUE_MARK.search(cell)
               and not CLAUSE_WORDS.search(cell) and not has_verb(cell) for cell in cells if cell)


def _grouped(group: str, name: str) -> str:
    """A column's header under the header of its group of columns ("Children's Suspension (Teaspoon)")."""
    if not (group and name):
        return group or name
    return f"{group}, {name}" if "(" in name else f"{group} ({name})"


def _continue_cell(row: list[str], text: str) -> None:
    """The last non-empty cell of a row goes on with a line of its own ("145 °F" + "Rest time: 3 minutes")."""
    last = max((i for i, cell in enumerate(row) if cell), default=len(row) - 1)
    joined = " " if not row[last] or text[:1].islower() or END.search(row[last]) else ". "
    row[last] = f"{row[last]}{joined}{text}".strip()


LABEL_MAX_WORDS = 5
VALUE_MAX_WORDS = 3
_UNENDED = re.compile(r"[^.!?:;,]$")


def label_value_tables(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """A key/value box pasted as short lines, one a paragraph ("US Brand Name(s)" / "Temodar" / "FDA Approved" /
    "Yes"), becomes a table of labels and values, read "label: value" rather than as one-word sentences.

    The box is a whole run of such short lines, two pairs at least, each a capitalized label of a few words
    without a sentence's punctuation and a real value: shorter than its label (or one word), and not a word of
    its label again. So stacked headings, a column of link titles or a page's menu ("Fact Sheet for Consumers" /
    "Consumer" / "Datos en español" / "Health Professional" / "Other Resources") stay as they are."""
    result: list[Block] = []
    index = 0
    while index < len(blocks):
        end = index
        while end < len(blocks) and _line(blocks[end]):
            end += 1
        run = blocks[index:end]
        if len(run) >= 4 and len(run) % 2 == 0 and all(_is_pair(run[i], run[i + 1]) for i in range(0, len(run), 2)):
            rows = [(run[i].text.strip(), run[i + 1].text.strip()) for i in range(0, len(run), 2)]
            result.append(Block("table", rows=tuple(rows)))
        else:
            result.extend(run or blocks[index:index + 1])
        index = max(end, index + 1)
    return tuple(result)


def _line(block: Block) -> list[str]:
    """The words of a one-line paragraph without a sentence's closing punctuation ([] for anything else)."""
    text = block.text.strip()
    return text.split() if block.kind == "paragraph" and "\n" not in text and _UNENDED.search(text) else []


def _is_pair(label: Block, value: Block) -> bool:
    label_words, value_words = _line(label), _line(value)
    stems = {word.casefold().rstrip("s") for word in label_words}
    return (0 < len(label_words) <= LABEL_MAX_WORDS and label_words[0][:1].isupper() and 0 < len(value_words)
            and (len(value_words) == 1 or len(value_words) < len(label_words) and len(value_words) <= VALUE_MAX_WORDS)
            and not any(word.casefold().rstrip("s") in stems for word in value_words))


def spoken_rows(block: Block) -> list[str]:
    """One sentence per row of a table block; empty rows are skipped."""
    return [sentence for row in block.rows if (sentence := spoken_row(block, row))]


def spoken_row(block: Block, row: tuple[str, ...]) -> str:
    """A row of a table block as one sentence with its headers ("" for a row with nothing in it)."""
    cells = [_cell(cell) for cell in row]
    if not any(cells):
        return ""
    joining = _joining_columns(block)
    sentence = _with_header(cells, block.header, joining) if any(block.header) else _label_value(cells, joining)
    return sentence if END.search(sentence) else f"{sentence}."


CONJUNCTIONS = frozenset({"and", "or", "and/or", "or/and", "and or", "&"})


def _joining_columns(block: Block) -> frozenset[int]:
    """Columns (past the first) whose header and cells are only "and", "or" or "and/or": they join the values on
    either side ("less than 120; and less than 80"), so they are said as that word, not as a labelled value."""
    width = len(block.rows[0]) if block.rows else 0
    column = lambda i: [block.header[i] if block.header else "", *(row[i] for row in block.rows)]  # noqa: E731
    return frozenset(i for i in range(1, width)
                     if all(_cell(cell).casefold() in CONJUNCTIONS | {""} for cell in column(i))
                     and any(row[i] for row in block.rows))


def _joined(values: list[tuple[int, str]], joining: frozenset[int], separator: str) -> str:
    """Values in column order, each after the word of a joining column just before it ("; or DIASTOLIC ...")."""
    said: list[str] = []
    word = ""
    for column, value in values:
        if column in joining:
            word = value.lower()
            continue
        said.append(f"{word} {value}" if word and said else value)
        word = ""
    return separator.join(said)


def _with_header(cells: list[str], header: tuple[str, ...], joining: frozenset[int] = frozenset()) -> str:
    """The row's first cell names it; every other value follows its column's name."""
    if len(cells) == 1:
        return f"{header[0]}: {cells[0]}" if header[0] else cells[0]
    label = _with_unit(cells[0], header[0])
    values = [(column, value if column in joining or not name else f"{_mid_sentence(name, one_word=True)}, "
               f"{_mid_sentence(value)}")
              for column, (name, value) in enumerate(zip(header, cells)) if column and value]
    said = _joined(values, joining, "; ")
    if not label:
        return said
    return f"{label}: {said}" if said else label


UNIT = re.compile(r"\(([^()\d]{1,12})\)\s*$")  # "Blood Lead Level (µg/dL)" -> µg/dL
QUANTITY = re.compile(r"^[<>≤≥]?\s*\d[\d.,]*(?:\s*(?:[-–]|to)\s*\d[\d.,]*)?\+?$")  # "0-3.4", "≥45", "20 to 44"


def _with_unit(label: str, name: str) -> str:
    """A bare number or range in the first column with the unit its header gives ("0-3.4" under "Blood Lead Level
    (µg/dL)" -> "0-3.4 µg/dL"): said without it, the number means nothing."""
    unit = UNIT.search(name)
    return f"{label} {unit.group(1).strip()}" if unit and QUANTITY.match(label) else label


def _label_value(cells: list[str], joining: frozenset[int] = frozenset()) -> str:
    """A table without a header: the first cell is a label, the rest its values."""
    label, values = cells[0], [(column, value) for column, value in enumerate(cells) if column and value]
    if not label:
        return _joined(values, joining, ", ")
    said = _joined([(column, _mid_sentence(value)) for column, value in values], joining, ", ")
    return f"{label}: {said}" if said else label


def _cell(text: str) -> str:
    return TRAILING.sub("", " ".join(text.split()))


def _mid_sentence(text: str, one_word: bool = False) -> str:
    """A sentence-case phrase continues the row's sentence in lower case ("Take with food" -> "take with food");
    names, acronyms and Title Case stay as written, and so does a lone capitalized value (often a name)."""
    words = text.split()
    if len(words) < (1 if one_word else 2) or not re.fullmatch(r"[A-Z][a-z]+", words[0]):
        return text
    first = re.split(r"(?<=[.!?])\s", text)[0].split()  # a cell of several sentences: judged by its first
    if any(re.fullmatch(r"[A-Z][a-z]+\W*", word) for word in first[1:]):  # Title Case: a name
        return text
    return text[0].lower() + text[1:]
