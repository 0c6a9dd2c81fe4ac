"""Checks of the web player's pages: they parse, link what exists, and say what they must."""
from __future__ import annotations

from pathlib import Path

import lxml.html
from lxml import etree

from narration.check.base import Problem


def page_problems(root: Path, relative: str) -> list[Problem]:
    """A page of the player site exists and declares its language."""
    path = root / relative
    if not path.is_file():
        return [Problem(relative, "missing")]
    try:
        document = lxml.html.document_fromstring(path.read_bytes())
    except (etree.ParserError, ValueError) as err:
        return [Problem(relative, f"not readable HTML: {err}")]
    if document.tag != "html" or not (document.get("lang") or "").strip():
        return [Problem(relative, "the <html> element has no lang attribute")]
    return []
