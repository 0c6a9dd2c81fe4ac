"""What the checks share: the problem record, what an episode's MP3 measured, the feed's namespaces."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mutagen.id3 import ID3

from narration.publish.podcast_ns import ITUNES_NAMESPACE, NAMESPACE as PODCAST_NAMESPACE


ATOM_NAMESPACE = "http://www.w3.org/2005/Atom"

NS = {"itunes": ITUNES_NAMESPACE, "podcast": PODCAST_NAMESPACE, "atom": ATOM_NAMESPACE}

@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file of the folder (path relative to the folder)."""

    path: str
    message: str

@dataclass(frozen=True)
class Measured:
    """What an episode MP3 holds, read once: decoded length and its ID3 tags."""

    duration_s: float | None
    tags: ID3 | None

@dataclass(frozen=True)
class Levels:
    """What the decoded audio of an MP3 measures."""

    duration_s: float
    lufs: float
    true_peak_dbtp: float

LEVELS: dict[tuple[str, int], Levels] = {}  # by content hash: a file seen again (a copy, a re-check) is not decoded again

@dataclass(frozen=True)
class Episode:
    """An episode found in the folder or the feed: its slug and its feed item (if the feed lists it)."""

    slug: str
    item: Any  # lxml element of the <item>, or None
    feed: str = "feed.xml"  # the feed that lists it (feed-es.xml for an episode in another language)
