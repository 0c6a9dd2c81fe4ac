"""The Podcasting 2.0 and iTunes extensions on a real feedgen feed, parsed with lxml and feedparser."""
from __future__ import annotations

import feedgen.feed
import feedparser
import pytest
from lxml import etree

from narration.publish import podcast_ns

FEED_URL = "https://example.org/health/feed.xml"
NS = {"podcast": podcast_ns.NAMESPACE, "itunes": podcast_ns.ITUNES_NAMESPACE}


def build_feed(explicit=False) -> bytes:
    feed = feedgen.feed.FeedGenerator()
    podcast_ns.register(feed)
    feed.title("Breast health, read aloud")
    feed.link(href=FEED_URL, rel="self")
    feed.link(href="https://example.org/health/", rel="alternate")
    feed.description("Health articles as audio.")
    feed.language("en")
    feed.podcast.itunes_explicit(explicit)
    feed.podcastindex.guid(podcast_ns.podcast_guid(FEED_URL))
    feed.podcastindex.locked(True, owner="owner@example.org")
    for number in (1, 2):
        entry = feed.add_entry(order="append")
        entry.id(f"urn:example:episode-{number}")
        entry.title(f"Episode {number}")
        entry.description("A section of the article.")
        entry.enclosure(f"https://example.org/health/episodes/{number}.mp3", "1234", "audio/mpeg")
        entry.podcast.itunes_explicit("false")
        base = f"https://example.org/health/transcripts/{number}"
        entry.podcastindex.transcript(f"{base}.vtt", "vtt", language="en", captions=True)
        entry.podcastindex.transcript(f"{base}.srt", "srt", language="en")
        entry.podcastindex.transcript(f"{base}.json", "json", language="en")
        if number == 2:
            entry.podcastindex.chapters("https://example.org/health/chapters/2.json")
    return feed.rss_str(pretty=True)


def test_guid_matches_the_namespace_examples():
    # The two worked examples of the namespace's guid documentation.
    assert podcast_ns.podcast_guid("https://mp3s.nashownotes.com/pc20rss.xml") == "917393e3-1b1e-5cef-ace4-edaa54e1f810"
    assert podcast_ns.podcast_guid("http://podnews.net/rss/") == "9b024349-ccf0-5f69-a609-6b82873eab3c"
    assert podcast_ns.podcast_guid("podnews.net/rss") == "9b024349-ccf0-5f69-a609-6b82873eab3c"


def test_channel_tags():
    channel = etree.fromstring(build_feed()).find("channel")
    assert channel.nsmap["podcast"] == "https://podcastindex.org/namespace/1.0"
    assert channel.findtext("podcast:guid", namespaces=NS) == podcast_ns.podcast_guid(FEED_URL)
    locked = channel.findall("podcast:locked", NS)
    assert len(locked) == 1 and locked[0].text == "yes" and locked[0].get("owner") == "owner@example.org"


@pytest.mark.parametrize("value, text", [(False, "false"), (True, "true"), ("no", "false"), ("yes", "true")])
def test_explicit_is_true_or_false(value, text):
    root = etree.fromstring(build_feed(explicit=value))
    assert [e.text for e in root.findall("channel/itunes:explicit", NS)] == [text]
    assert [e.text for e in root.findall("channel/item/itunes:explicit", NS)] == ["false", "false"]


def test_explicit_rejects_other_words():
    feed = feedgen.feed.FeedGenerator()
    podcast_ns.register(feed)
    with pytest.raises(ValueError, match="true or false"):
        feed.podcast.itunes_explicit("maybe")


def test_item_transcripts_and_chapters():
    items = etree.fromstring(build_feed()).findall("channel/item")
    transcripts = [dict(t.attrib) for t in items[0].findall("podcast:transcript", NS)]
    base = "https://example.org/health/transcripts/1"
    assert transcripts == [
        {"url": f"{base}.vtt", "type": "text/vtt", "language": "en", "rel": "captions"},
        {"url": f"{base}.srt", "type": "application/x-subrip", "language": "en"},
        {"url": f"{base}.json", "type": "application/json", "language": "en"},
    ]
    assert items[0].find("podcast:chapters", NS) is None
    chapters = items[1].find("podcast:chapters", NS)
    assert dict(chapters.attrib) == {"url": "https://example.org/health/chapters/2.json",
                                     "type": "application/json+chapters"}


def test_feedparser_reads_the_feed():
    parsed = feedparser.parse(build_feed())
    assert not parsed.bozo
    assert parsed.namespaces["podcast"] == podcast_ns.NAMESPACE
    assert parsed.feed["podcast_guid"] == podcast_ns.podcast_guid(FEED_URL)
    assert parsed.feed["podcast_locked"]["owner"] == "owner@example.org"
    assert [e.title for e in parsed.entries] == ["Episode 1", "Episode 2"]
    assert parsed.entries[1]["podcast_chapters"]["type"] == "application/json+chapters"
    assert parsed.entries[0]["podcast_transcript"]["url"].startswith("https://example.org/health/transcripts/1.")
