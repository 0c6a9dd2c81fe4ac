"""Small HTML helpers the site's pages share: escaping, relative links and how lengths are written.

Every piece of user text goes through `e`, every local link through `href`, every external one through
`external`, so article titles can never inject markup or script.
"""
from __future__ import annotations

import html
import posixpath
from urllib.parse import quote, urlsplit


def e(text: str) -> str:
    """Escape text for HTML element content and quoted attribute values."""
    return html.escape(text, quote=True)


def href(target: str, page_dir: str) -> str:
    """A relative, percent-encoded, HTML-escaped link from a page's folder to a file of the site."""
    relative = posixpath.relpath(target, page_dir or ".")
    return e(quote(relative, safe="/"))


def external(url: str) -> str:
    """An absolute http(s) URL, escaped; anything else (javascript:, data:) is dropped."""
    return e(url) if urlsplit(url).scheme in ("http", "https") else ""


def duration(ms: int) -> str:
    """A duration people read and screen readers say well, e.g. "4 min 05 s"."""
    minutes, seconds = divmod(round(ms / 1000), 60)
    return f"{minutes} min {seconds:02d} s" if minutes else f"{seconds} s"


def clock(ms: int) -> str:
    """A duration as a player shows it, e.g. "4:05"."""
    minutes, seconds = divmod(round(ms / 1000), 60)
    return f"{minutes}:{seconds:02d}"


def file_size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{max(1, round(size / 1000))} kB"
