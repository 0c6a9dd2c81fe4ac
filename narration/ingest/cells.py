"""A data table's cell in a web page as the sentences it says: the extractor keeps only a cell's paragraphs and
drops its lists, so a cell holding blocks is made one run of text before it runs."""
from __future__ import annotations

import re

import lxml.html

# What starts a new line inside a cell: blocks, list items, definitions, line breaks.
CELL_BREAKS = frozenset({"p", "div", "ul", "ol", "dl", "dt", "dd", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6",
                         "blockquote", "pre", "hr", "section", "article"})
CLOSED = re.compile(r"[.!?:\u2026][\"')\]\u2019\u201d]*$")  # a sentence's (or a lead-in's) own end
PHRASE_MAX_WORDS = 6  # a list item this short without a full stop is a phrase of a running list ("Fever")


def flatten_cell(cell: lxml.html.HtmlElement) -> None:
    """A data table's cell holding blocks (paragraphs, lists, line breaks) as the sentences they say, in one run
    of text: the extractor keeps only a cell's paragraphs and drops its lists. Each paragraph or line is a
    sentence; a list of short phrases is said as one running list after its lead-in ("Signs: fever, rash."), a
    list of longer items an item a sentence."""
    if not any(isinstance(child.tag, str) and child.tag in CELL_BREAKS - {"br"} for child in cell.iter()
               if child is not cell):
        return  # words and line breaks only: the extractor keeps them
    said: list[str] = []  # sentences, each closed at the end

    def add(text: str) -> None:  # a line that opens in lower case or a bracket goes on with the line before it
        if said and (text[:1].islower() or text[:1] in "([") and not CLOSED.search(said[-1]):
            said[-1] = f"{said[-1]} {text}"
        else:
            said.append(text)

    for piece in _cell_pieces(cell):
        if isinstance(piece, str):
            add(piece)
        elif all(len(item.split()) <= PHRASE_MAX_WORDS and not CLOSED.search(item) for item in piece):
            run = ", ".join(piece)
            if said and said[-1].endswith(":"):
                said[-1] = f"{said[-1]} {run}"
            else:
                add(run)
        else:
            for item in piece:
                add(item)
    tail = cell.tail
    for child in list(cell):
        cell.remove(child)
    cell.text, cell.tail = " ".join(_closed(sentence) for sentence in said), tail


def _closed(text: str) -> str:
    """A line of a cell as a sentence: its own closing punctuation, else a full stop."""
    return text if CLOSED.search(text) else f"{text}."


def _cell_pieces(element: lxml.html.HtmlElement) -> list[str | list[str]]:
    """A cell's lines (paragraphs, lines between <br>s) and lists (their items), in reading order; a list holding
    lists is its items' lines, each nested list after the item that holds it."""
    pieces: list[str | list[str]] = []
    line: list[str] = [element.text or ""]

    def flush() -> None:
        if text := " ".join("".join(line).split()):
            pieces.append(text)
        line.clear()

    for child in element:
        if not isinstance(child.tag, str):
            line.append(child.tail or "")
            continue
        if child.tag in ("ul", "ol"):
            flush()
            items = child.xpath("./li")
            if child.xpath("./li/ul|./li/ol"):
                pieces.extend(piece for item in items for piece in _cell_pieces(item))
            elif texts := [text for item in items if (text := " ".join(item.text_content().split()))]:
                pieces.append(texts)
        elif child.tag in CELL_BREAKS:
            flush()
            pieces.extend(_cell_pieces(child))
        else:
            line.append(child.text_content())
        line.append(child.tail or "")
    flush()
    return pieces
