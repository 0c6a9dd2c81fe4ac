"""Checks of a library's per-article folders: each article's own feed parses, lists only episodes of the show's
feed that are in the folder, and points to itself; each article's page is readable."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

import feedparser

from narration.check.base import Problem
from narration.check.pages import page_problems
from narration.publish import layout
from narration.publish.feed import absolute_url


def article_problems(root: Path, base_url: str, show_channels: Sequence[Any]) -> tuple[list[Problem], list[str]]:
    """Problems of every articles/<slug>/ folder, and one 'checked' line per folder; `show_channels`: the parsed
    channels of the show's feeds (feed.xml and each other language's), None where one did not parse."""
    problems: list[Problem] = []
    checked: list[str] = []
    readable = [channel for channel in show_channels if channel is not None]
    show_guids = {(item.findtext("guid") or "").strip() for channel in readable for item in channel.findall("item")} \
        if readable else None
    for folder in sorted(p for p in (root / layout.ARTICLES).glob("*") if p.is_dir()):
        slug = folder.name
        problems += page_problems(root, layout.article_page(slug))
        problems += _feed_problems(root, slug, base_url, show_guids)
        checked.append(f"{layout.article_dir(slug)}/: its feed parses as RSS, points to itself, lists episodes of "
                       f"{layout.FEED} that are in the folder; its page")
    return problems, checked


def _feed_problems(root: Path, slug: str, base_url: str, show_guids: set[str] | None) -> list[Problem]:
    relative = layout.article_feed(slug)
    if not (root / relative).is_file():
        return [Problem(relative, "missing: the article's own feed")]
    parsed = feedparser.parse((root / relative).read_bytes())
    if parsed.bozo or not parsed.version.startswith("rss"):
        return [Problem(relative, f"not a readable RSS feed: {parsed.get('bozo_exception', parsed.version)}")]
    problems = []
    own = absolute_url(base_url, relative)
    if not any(link.get("rel") == "self" and link.get("href") == own for link in parsed.feed.get("links", [])):
        problems.append(Problem(relative, f"its self link is not {own}"))
    base = base_url if base_url.endswith("/") else base_url + "/"
    for entry in parsed.entries:
        urls = [e.get("href", "") for e in entry.get("enclosures", [])]
        if not urls or not urls[0].startswith(base) or not (root / urls[0][len(base):]).is_file():
            problems.append(Problem(relative, f"item {entry.get('id', '?')}: enclosure {urls[:1]} is not in the folder"))
        if show_guids is not None and entry.get("id") not in show_guids:
            problems.append(Problem(relative, f"item {entry.get('id', '?')} is in none of the show's feeds ({layout.FEED} and its languages')"))
    if not parsed.entries:
        problems.append(Problem(relative, "lists no episode"))
    return problems
