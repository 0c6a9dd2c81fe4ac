"""Where everything lives in a published folder: the one place that names its files and folders.

Paths are relative to the output folder, with '/' separators (they are also the URLs under base_url)."""
from __future__ import annotations

import re

FEED = "feed.xml"
INDEX = "index.html"
COVER = "cover.png"  # the generated cover; a configured one keeps its own suffix
EPISODES = "episodes"  # the MP3s and their player pages
TRANSCRIPTS = "transcripts"
CHAPTERS = "chapters"
BOOKS = "books"
ASSETS = "assets"
HOLDLINE = "holdline"
ARTICLES = "articles"  # one folder per article: its own page and its own feed
TOP_LEVEL = frozenset({FEED, INDEX, "cover.png", "cover.jpg", "cover.jpeg", EPISODES, TRANSCRIPTS, CHAPTERS, BOOKS,
                       ASSETS, HOLDLINE, ARTICLES})
TRANSCRIPT_SUFFIXES = ("vtt", "srt", "json")
CHAPTERS_VERSION = "1.2.0"  # Podcasting 2.0 JSON chapters format


def language_feed(language: str) -> str:
    """The feed of the episodes in a language other than the show's ('es' -> feed-es.xml)."""
    return f"feed-{language}.xml"


def is_feed(name: str) -> bool:
    """Whether a top-level file name is one of the build's feeds (feed.xml, feed-es.xml)."""
    return re.fullmatch(r"feed(?:-[a-z]{2,3})?\.xml", name) is not None


def episode_mp3(slug: str) -> str:
    return f"{EPISODES}/{slug}.mp3"


def episode_page(slug: str) -> str:
    return f"{EPISODES}/{slug}.html"


def transcript(slug: str, suffix: str) -> str:
    return f"{TRANSCRIPTS}/{slug}.{suffix}"


def chapters(slug: str) -> str:
    return f"{CHAPTERS}/{slug}.json"


def book(article_slug: str) -> str:
    return f"{BOOKS}/{article_slug}.epub"


def article_dir(article_slug: str) -> str:
    return f"{ARTICLES}/{article_slug}"


def article_page(article_slug: str) -> str:
    return f"{article_dir(article_slug)}/{INDEX}"


def article_feed(article_slug: str) -> str:
    return f"{article_dir(article_slug)}/{FEED}"


def cover(suffix: str = ".png") -> str:
    return f"cover{suffix.lower()}"
