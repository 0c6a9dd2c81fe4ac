"""Plain text as pasted from a web page -> title and outline.

A pasted page has no markup, so its structure is read from the whole document: the first line is the title,
a short line of its own between blank lines and followed by text is a heading, a sentence that repeats an item
of the "Key Points" list above it is a sub-heading, and lines that merely continue a sentence (hard wraps) are
joined back. Page debris is left out on the way and recorded.
"""
from __future__ import annotations

from narration.ingest.debris import DebrisFilter, dated_review_labels
from narration.ingest.outline import SUB, Gap, Heading, Item
from narration.ingest.text.druglabel import mark_label_headings
from narration.ingest.text.figures import mark_cards, mark_figures_and_links, mark_hub_teasers, page_citations
from narration.ingest.text.flattened import drop_flattened_tables
from narration.ingest.text.furniture import without_furniture
from narration.ingest.text.headings import (
    heading_levels, mark_headings, numbered_headings, contents_levels, looks_like_heading, paragraphs_spaced,
)
from narration.ingest.text.headings import drop_attributions, drop_link_buttons, drop_repeated_labels, stacked_headings
from narration.ingest.text.headings import callout_leads, drop_site_label
from narration.ingest.text.units import depths, rejoin_split_paragraphs, rejoin_wrapped, title_line, units_from_lines
from narration.models import Block

__all__ = ["looks_like_heading", "parse_text"]


def parse_text(text: str, debris: DebrisFilter) -> tuple[str, list[Item]]:
    """Plain text -> (the title on its first line, or '') and the outline."""
    # trailing tabs are a table row's empty last cells
    title, lines = title_line(rejoin_wrapped(rejoin_split_paragraphs(dated_review_labels([line.rstrip(" \r\f\v") for line in text.split("\n")]))), debris)
    units = units_from_lines(lines, debris)
    page_citations(units, debris)
    units = drop_flattened_tables(units, debris)
    units = without_furniture(units, title, debris)
    stacked_headings(units, debris)
    callout_leads(units)
    spaced = paragraphs_spaced(units)
    mark_headings(units, spaced)
    mark_label_headings(units)
    drop_link_buttons(units, debris)
    drop_repeated_labels(units, debris)
    numbered = numbered_headings(units, spaced)
    if spaced:
        mark_cards(units, debris, numbered)
        mark_figures_and_links(units, debris)
        mark_hub_teasers(units, debris)
    drop_attributions(units, debris)
    drop_site_label(units, debris)
    contents = [d.line for d in debris.dropped_of("table of contents")]
    levels = contents_levels(units, heading_levels(units, numbered), contents)
    items: list[Item] = []
    for index, unit in enumerate(units):
        if unit.kind == "drop":
            items.append(Gap())
        elif unit.kind == "heading":
            items.append(Heading(unit.text, levels[index]))
        elif unit.kind == "sub":
            items.append(Heading(unit.text, SUB))
        elif unit.table is not None:
            items.append(unit.table)
        elif unit.is_list:
            items.append(Block("list", items=tuple(unit.items), ordered=unit.ordered, start=unit.number or 1,
                               depths=depths(unit.indents) if len(unit.indents) == len(unit.items) else ()))
        else:
            items.append(Block("paragraph", text=unit.text))
    return title, items
