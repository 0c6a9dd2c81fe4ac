"""A section as written (paragraphs, lists, tables, sub-headings) in HTML, each piece tied to the sentences that
voice it; the talking book and the web player each say how a piece is tied (a Marker), the layout is shared."""
from __future__ import annotations

import html
from typing import Protocol, Sequence

from narration.written import Sentences, Voiced, WrittenBlock, WrittenSection


class Marker(Protocol):
    """How a page ties written text to the spoken sentences (positions in the section's script)."""

    def span(self, text: str, sentences: Sentences) -> str:
        """Running text synced to its sentences (plain escaped text when it has none)."""

    def holder(self, sentences: Sentences) -> tuple[str, Sentences]:
        """A block element that is synced as a whole (a table row, a list said as one sentence): its attributes,
        and the sentences its first text is still to carry as a span (none when the element itself carries them)."""


def e(text: str) -> str:
    return html.escape(text, quote=True)


def section_html(section: WrittenSection, marker: Marker, heading: str = "h3") -> list[str]:
    """The section's blocks in reading order, one line each."""
    return [_block(block, marker, heading) for block in section.blocks]


def _block(block: WrittenBlock, marker: Marker, heading: str) -> str:
    if block.kind == "subheading":
        part = block.parts[0]
        return f"<{heading}>{marker.span(part.text, part.sentences)}</{heading}>"
    if block.kind == "paragraph":
        return "<p>" + " ".join(("<br/>" if part.line_break else "") + marker.span(part.text, part.sentences)
                                for part in block.parts) + "</p>"
    if block.kind == "table":
        return table_html(block.header, block.parts, marker)
    return _list(block, marker)


def _list(block: WrittenBlock, marker: Marker) -> str:
    """A list with its lead-in; items said together are one synced element, else each item is its own."""
    tag = "ol" if block.ordered else "ul"
    lead = block.lead
    together = block.sentences
    attributes, carried = marker.holder(together) if together else ("", ())
    if lead and not lead.sentences and carried:  # the lead-in is the first text of the list said together
        lead, carried = Voiced(lead.text, carried), ()
    lead_html = f"<p>{marker.span(lead.text, lead.sentences)}</p>" if lead else ""
    items = []
    for part in block.parts:
        said, carried = (carried, ()) if carried else (part.sentences, ())
        items.append(f"<li>{marker.span(part.text, said)}</li>")
    listed = f"<{tag}>{''.join(items)}</{tag}>"
    return f'<div class="list"{attributes}>{lead_html}{listed}</div>' if together else lead_html + listed


def table_html(header: Sequence[str], rows: Sequence[Voiced], marker: Marker) -> str:
    """A table as written: column headers, each row named by its first cell and synced as a whole."""
    head = ("<thead><tr>" + "".join(f'<th scope="col">{e(name)}</th>' for name in header) + "</tr></thead>"
            if header else "")
    body = []
    for row in rows:
        attributes, carried = marker.holder(row.sentences) if row.sentences else ("", ())
        carrier = next((index for index, cell in enumerate(row.cells) if cell.strip()), 0)  # a span needs text
        cells = [('<th scope="row">{}</th>' if not index else "<td>{}</td>").format(
                     marker.span(cell, carried) if index == carrier else e(cell)) for index, cell in enumerate(row.cells)]
        body.append(f"<tr{attributes}>{''.join(cells)}</tr>")
    return f"<table>{head}<tbody>{''.join(body)}</tbody></table>"
