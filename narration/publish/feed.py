"""The podcast RSS feed, built with feedgen and its podcast (iTunes) extension."""
from __future__ import annotations

from datetime import datetime
from typing import Sequence
from urllib.parse import quote, urljoin

import feedgen.feed  # must be imported before any feedgen.ext module (lxml import order)

from narration.config import ShowConfig
from narration.models import PublishedEpisode
from narration.phrases import phrases_for
from narration.publish import podcast_ns
from narration.publish import layout

FEED_NAME = layout.FEED
TRANSCRIPT_FORMATS = ("vtt", "srt", "json")


def within_bytes(text: str, limit: int = 4000) -> str:
    """Apple counts description limits in bytes: cut at a word boundary so the UTF-8 text fits."""
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    cut = data[: limit - 3].decode("utf-8", "ignore")
    return cut.rsplit(" ", 1)[0] + "…"


def absolute_url(base_url: str, relative: str) -> str:
    """URL of a published file, from the configured base URL."""
    base = base_url if base_url.endswith("/") else base_url + "/"
    return urljoin(base, quote(relative))


def episode_description(episode: PublishedEpisode) -> str:
    """Plain-text episode notes, in the episode's language: the description plus review information when known."""
    info = episode.info
    notes = phrases_for(info.meta.language or "en")
    lines = [info.description]
    if info.meta.reviewed_by:
        lines.append(notes.reviewed_by_note.format(name=info.meta.reviewed_by))
    if info.meta.last_reviewed:
        lines.append(notes.reviewed_on_note.format(date=info.meta.last_reviewed.isoformat()))
    if info.meta.source_url:
        lines.append(notes.source_note.format(url=info.meta.source_url))
    lines.append(notes.synthetic_note)
    return "\n\n".join(line for line in lines if line)


def build_feed(show: ShowConfig, episodes: Sequence[PublishedEpisode], cover: str,
               transcripts: bool = True, chapters: bool = True, feed_path: str = FEED_NAME) -> bytes:
    """The RSS 2.0 document with iTunes tags, its items in order of publication (oldest first; the same time keeps
    the order given); `feed_path` is where it is published (the show's feed, one language's - see
    narration.publish.language_feeds - or an article's own, beside its page)."""
    episodes = sorted(episodes, key=lambda episode: datetime.fromisoformat(episode.info.pub_date))
    feed = feedgen.feed.FeedGenerator()
    podcast_ns.register(feed)
    feed_url = absolute_url(show.base_url, feed_path)
    feed.title(show.title)
    feed.description(within_bytes(show.description))
    feed.link(href=feed_url, rel="self", type="application/rss+xml")
    feed.link(href=show.base_url, rel="alternate")  # the last link call decides the channel <link>
    feed.language(show.language)
    feed.author({"name": show.author, "email": show.email})
    feed.generator("narration")
    if episodes:  # deterministic: the same inputs give the same feed bytes
        feed.lastBuildDate(max(datetime.fromisoformat(e.info.pub_date) for e in episodes))
    if show.copyright:
        feed.copyright(show.copyright)
    feed.image(absolute_url(show.base_url, cover), title=show.title, link=show.base_url)
    feed.podcast.itunes_author(show.author)
    feed.podcast.itunes_owner(name=show.author, email=show.email)
    feed.podcast.itunes_image(absolute_url(show.base_url, cover))
    feed.podcast.itunes_category(show.category, show.subcategory)
    feed.podcast.itunes_type("episodic")
    feed.podcast.itunes_summary(within_bytes(show.description))
    feed.podcast.itunes_explicit(False)
    feed.podcastindex.guid(podcast_ns.podcast_guid(feed_url))
    if show.locked:
        feed.podcastindex.locked(True, owner=show.email)
    for episode in episodes:
        info = episode.info
        entry = feed.add_entry(order="append")
        entry.id(info.guid)
        entry.guid(info.guid, permalink=False)
        entry.title(info.title)
        entry.description(within_bytes(episode_description(episode)))
        entry.link(href=absolute_url(show.base_url, layout.episode_page(info.slug)))
        entry.published(datetime.fromisoformat(info.pub_date))
        entry.enclosure(absolute_url(show.base_url, episode.mp3), str(episode.bytes), "audio/mpeg")
        entry.podcast.itunes_duration(round(episode.duration_ms / 1000))
        entry.podcast.itunes_season(info.season)
        if info.kind == "section":
            entry.podcast.itunes_episode(info.number)
            entry.podcast.itunes_episode_type("full")
        else:
            entry.podcast.itunes_episode_type("bonus")
        entry.podcast.itunes_author(show.author)
        entry.podcast.itunes_image(absolute_url(show.base_url, cover))
        entry.podcast.itunes_explicit(False)
        if transcripts:
            for suffix in TRANSCRIPT_FORMATS:
                entry.podcastindex.transcript(absolute_url(show.base_url, layout.transcript(info.slug, suffix)), suffix,
                                              language=info.meta.language or show.language,
                                              captions=suffix == "vtt")
        if chapters and info.chapters:
            entry.podcastindex.chapters(absolute_url(show.base_url, layout.chapters(info.slug)))
    return feed.rss_str(pretty=True)

