"""What a listener hears of a parsed page, as one line an item: the form the page-reading tests compare."""
from __future__ import annotations

from narration.ingest.outline import Heading
from narration.models import Block


def said(items: list) -> list[str]:  # type: ignore[type-arg]
    """Headings as '# text', paragraphs as they are, list items as '- text' (gaps and other marks left out)."""
    lines: list[str] = []
    for item in items:
        if isinstance(item, Heading):
            lines.append(f"# {item.text}")
        elif isinstance(item, Block) and item.kind == "list":
            lines += [f"- {entry}" for entry in item.items]
        elif isinstance(item, Block):
            lines.append(item.text)
    return lines


def parse_page(text: str) -> tuple[str, list[str], list[tuple[str, str]]]:
    """A pasted page's (title, what is said as in `said`, (dropped line, rule) pairs)."""
    from narration.ingest.debris import debris_filter
    from narration.ingest.text import parse_text

    debris = debris_filter("page.txt")
    title, items = parse_text(text, debris)
    return title, said(items), [(d.text, d.pattern) for d in debris.dropped]
