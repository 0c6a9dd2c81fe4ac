"""feedgen extensions: the Podcasting 2.0 namespace, and itunes:explicit written as Apple documents it."""
from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

import feedgen.feed  # noqa: F401  (must come before feedgen.ext.*, which fails on its own with lxml 6)
from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.ext.podcast import PodcastExtension
from feedgen.ext.podcast_entry import PodcastEntryExtension
from feedgen.util import xml_elem

NAMESPACE = "https://podcastindex.org/namespace/1.0"
GUID_SEED = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")  # the namespace's documented UUIDv5 seed
ITUNES_NAMESPACE = "http://www.itunes.com/dtds/podcast-1.0.dtd"
CHAPTERS_TYPE = "application/json+chapters"
TRANSCRIPT_TYPES = {"vtt": "text/vtt", "srt": "application/x-subrip", "json": "application/json"}
EXPLICIT_WORDS = {"true": True, "yes": True, "false": False, "no": False, "clean": False}


def podcast_guid(feed_url: str) -> str:
    """The podcast:guid the namespace derives from a feed URL (scheme and trailing slashes stripped)."""
    bare = re.sub(r"^[A-Za-z][A-Za-z0-9+.-]*://", "", feed_url.strip()).rstrip("/")
    return str(uuid.uuid5(GUID_SEED, bare))


def register(feed: feedgen.feed.FeedGenerator) -> None:
    """Register both extensions: `feed.podcast` (iTunes) and `feed.podcastindex` (Podcasting 2.0)."""
    feed.register_extension("podcast", ItunesExtension, ItunesEntryExtension)
    feed.register_extension("podcastindex", PodcastIndexExtension, PodcastIndexEntryExtension)


@dataclass(frozen=True)
class Transcript:
    """A podcast:transcript link; rel="captions" marks a file with time codes."""

    url: str
    type: str
    language: str = ""
    rel: str = ""


class PodcastIndexExtension(BaseExtension):
    """Channel tags of the Podcasting 2.0 namespace: podcast:guid and podcast:locked."""

    def __init__(self) -> None:
        self._guid: str | None = None
        self._locked: bool | None = None
        self._owner: str = ""

    def extend_ns(self) -> dict[str, str]:
        return {"podcast": NAMESPACE}

    def guid(self, value: str | None = None) -> str | None:
        """Get or set the feed's podcast:guid (see podcast_guid for deriving it from the feed URL)."""
        if value is not None:
            self._guid = str(uuid.UUID(value))  # rejects anything that is not a UUID
        return self._guid

    def locked(self, value: bool | None = None, owner: str = "") -> bool | None:
        """Get or set podcast:locked: whether other hosts may import the feed; owner is an email."""
        if value is not None:
            self._locked, self._owner = bool(value), owner
        return self._locked

    def extend_rss(self, rss_feed):
        channel = rss_feed[0]
        if self._guid:
            xml_elem(f"{{{NAMESPACE}}}guid", channel).text = self._guid
        if self._locked is not None:
            locked = xml_elem(f"{{{NAMESPACE}}}locked", channel)
            locked.text = "yes" if self._locked else "no"
            if self._owner:
                locked.attrib["owner"] = self._owner
        return rss_feed


class PodcastIndexEntryExtension(BaseEntryExtension):
    """Item tags of the Podcasting 2.0 namespace: podcast:transcript (several) and podcast:chapters."""

    def __init__(self) -> None:
        self._transcripts: list[Transcript] = []
        self._chapters: str | None = None

    def transcript(self, url: str, type: str, language: str = "", captions: bool = False) -> list[Transcript]:
        """Add a transcript link; type is a MIME type or one of vtt, srt, json."""
        mime = TRANSCRIPT_TYPES.get(type, type)
        self._transcripts.append(Transcript(url, mime, language, "captions" if captions else ""))
        return list(self._transcripts)

    def transcripts(self) -> list[Transcript]:
        return list(self._transcripts)

    def chapters(self, url: str | None = None) -> str | None:
        """Get or set the URL of the episode's JSON chapters file."""
        if url is not None:
            self._chapters = url
        return self._chapters

    def extend_rss(self, item):
        for transcript in self._transcripts:
            element = xml_elem(f"{{{NAMESPACE}}}transcript", item)
            for name in ("url", "type", "language", "rel"):
                if getattr(transcript, name):
                    element.attrib[name] = getattr(transcript, name)
        if self._chapters:
            element = xml_elem(f"{{{NAMESPACE}}}chapters", item)
            element.attrib["url"] = self._chapters
            element.attrib["type"] = CHAPTERS_TYPE
        return item


class _ExplicitMixin:
    """itunes:explicit as true/false (Apple's documented values); feedgen 1.0 only writes yes/no/clean."""

    _explicit: bool | None = None

    def itunes_explicit(self, itunes_explicit: bool | str | None = None) -> bool | None:
        if itunes_explicit is not None:
            if isinstance(itunes_explicit, str):
                if itunes_explicit.lower() not in EXPLICIT_WORDS:
                    raise ValueError(f"itunes:explicit must be true or false, not {itunes_explicit!r}")
                itunes_explicit = EXPLICIT_WORDS[itunes_explicit.lower()]
            self._explicit = bool(itunes_explicit)
        return self._explicit

    def _add_explicit(self, parent) -> None:
        if self._explicit is not None:
            xml_elem(f"{{{ITUNES_NAMESPACE}}}explicit", parent).text = "true" if self._explicit else "false"


class ItunesExtension(_ExplicitMixin, PodcastExtension):
    """feedgen's iTunes channel extension, with itunes:explicit as true/false."""

    def extend_rss(self, rss_feed):
        rss_feed = super().extend_rss(rss_feed)
        self._add_explicit(rss_feed[0])
        return rss_feed


class ItunesEntryExtension(_ExplicitMixin, PodcastEntryExtension):
    """feedgen's iTunes item extension, with itunes:explicit as true/false."""

    def extend_rss(self, item):
        item = super().extend_rss(item)
        self._add_explicit(item)
        return item
