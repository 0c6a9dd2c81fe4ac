"""Checks of feed.xml: the channel and item tags podcast apps and directories require, enclosures, links."""
from __future__ import annotations

from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence
from urllib.parse import unquote

import feedparser
from lxml import etree

from narration.config import Config
from narration.language import primary
from narration.publish.layout import is_feed
from narration.publish.artwork import check_cover
from narration.publish.feed import FEED_NAME, absolute_url
from narration.publish.podcast_ns import CHAPTERS_TYPE, podcast_guid
from narration.check.audio import DURATION_TOLERANCE_S
from narration.check.base import Episode, Measured, NS, Problem


DESCRIPTION_MAX_BYTES = 4000

EPISODE_TYPES = ("full", "trailer", "bonus")

def feed_names(root: Path) -> list[str]:
    """The folder's feeds: feed.xml (always expected), then each language's feed-<language>.xml."""
    return [FEED_NAME] + sorted(p.name for p in root.glob("feed-*.xml") if is_feed(p.name) and p.is_file())


def read_feed(root: Path, problems: list[Problem], name: str = FEED_NAME) -> Any:
    """The <channel> of a feed, or None (with the reason) when it is missing or not well-formed."""
    path = root / name
    if not path.is_file():
        problems.append(Problem(name, "missing: podcast apps subscribe to this file"))
        return None
    data = path.read_bytes()
    try:
        document = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as err:
        problems.append(Problem(name, f"not well-formed XML: {err}"))
        return None
    parsed = feedparser.parse(data)
    if parsed.bozo:
        problems.append(Problem(name, f"feedparser reports a problem: {parsed.bozo_exception}"))
    channel = document.find("channel")
    if document.tag != "rss" or channel is None:
        problems.append(Problem(name, "not an RSS 2.0 feed (<rss><channel> expected)"))
        return None
    return channel

def _text(element: Any, path: str) -> str:
    found = element.find(path, NS)
    return (found.text or "").strip() if found is not None else ""

def _attr(element: Any, path: str, name: str) -> str:
    found = element.find(path, NS)
    return (found.get(name) or "").strip() if found is not None else ""

def with_slash(base_url: str) -> str:
    return base_url if base_url.endswith("/") else base_url + "/"

def _local(url: str, base: str) -> str | None:
    """The folder-relative path a published URL points to, or None when it is not under base_url."""
    return unquote(url[len(base):]) if url.startswith(base) and len(url) > len(base) else None

def channel_problems(root: Path, channel: Any, config: Config, base: str, name: str = FEED_NAME) -> list[Problem]:
    """Channel tags Apple requires or recommends, and the Podcasting 2.0 channel tags; the channel's language is
    the show's in feed.xml and its own in a language's feed (feed-es.xml)."""
    found: list[str] = []
    for tag in ("title", "description", "language", "link", "itunes:author"):
        if not _text(channel, tag):
            found.append(f"channel has no {tag}")
    if len(_text(channel, "description").encode("utf-8")) > DESCRIPTION_MAX_BYTES:
        found.append(f"channel description is over {DESCRIPTION_MAX_BYTES} bytes")
    category = channel.find("itunes:category", NS)
    sub = category.find("itunes:category", NS) if category is not None else None
    wanted = (config.show.category, config.show.subcategory)
    if category is None or (category.get("text"), sub.get("text") if sub is not None else None) != wanted:
        found.append(f"itunes:category must be “{wanted[0]}” > “{wanted[1]}”")
    if _text(channel, "itunes:explicit") not in ("true", "false"):
        found.append("itunes:explicit must be present as true or false")
    if "@" not in _text(channel, "itunes:owner/itunes:email"):
        found.append("itunes:owner needs an itunes:email")
    if _text(channel, "itunes:type") not in ("episodic", "serial"):
        found.append("itunes:type must be episodic or serial")
    feed_url = absolute_url(config.show.base_url, name)
    found += _language_problems(channel, config, name)
    selves = [link.get("href") for link in channel.findall("atom:link", NS) if link.get("rel") == "self"]
    if selves != [feed_url]:
        found.append(f"needs one atom:link rel=\"self\" with href {feed_url}")
    if _text(channel, "podcast:guid") != podcast_guid(feed_url):
        found.append(f"podcast:guid must be {podcast_guid(feed_url)} (UUIDv5 of the feed URL)")
    if _text(channel, "podcast:locked") not in ("yes", "no"):
        found.append("podcast:locked must be present as yes or no")
    problems = [Problem(name, message) for message in found]
    image = _attr(channel, "itunes:image", "href")
    cover = _local(image, base)
    if not image.lower().endswith((".png", ".jpg")):
        problems.append(Problem(name, f"itunes:image {image or '(missing)'} must be a URL ending in .png or .jpg"))
    elif cover is None:
        problems.append(Problem(name, f"itunes:image {image} is not under base_url {base}"))
    elif not (root / cover).is_file():
        problems.append(Problem(name, f"itunes:image points to {cover}, which is not in the folder"))
    else:
        problems += [Problem(cover, message) for message in check_cover(root / cover)]
    return problems

def cover_fallback(root: Path) -> list[Problem]:
    """Without a readable feed, check whatever cover image the folder holds."""
    covers = sorted(p for p in root.glob("cover.*") if p.is_file())
    if not covers:
        return [Problem("cover.png", "missing: no cover image in the folder")]
    return [Problem(p.name, message) for p in covers for message in check_cover(p)]

def find_episodes(root: Path, channel: Any, base: str, problems: list[Problem],
                  others: Sequence[tuple[str, Any]] = ()) -> list[Episode]:
    """Episodes of the feed (in feed order) and of the other languages' feeds (name, channel), then MP3 files
    that no feed lists."""
    episodes: list[Episode] = []
    listed: set[str] = set()
    for name, number, item in _items([(FEED_NAME, channel), *others]):
        url = _attr(item, "enclosure", "url")
        relative = _local(url, base)
        if relative is None or not relative.startswith("episodes/") or not relative.endswith(".mp3"):
            problems.append(Problem(name, f"item {number}: enclosure URL {url or '(missing)'} is not an "
                                          f"episodes/*.mp3 under base_url {base}"))
            continue
        slug = relative[len("episodes/"):-len(".mp3")]
        if not (root / relative).is_file():
            problems.append(Problem(name, f"item {number}: enclosure {relative} is not in the folder"))
        listed.add(slug)
        episodes.append(Episode(slug, item, name))
    for mp3 in sorted((root / "episodes").glob("*.mp3")):
        if mp3.stem not in listed:
            if channel is not None:
                problems.append(Problem(f"episodes/{mp3.name}", "not listed in any feed"))
            episodes.append(Episode(mp3.stem, None))
    if not episodes:
        problems.append(Problem("episodes", "no episode MP3 files"))
    return episodes

def _items(channels: Sequence[tuple[str, Any]]) -> Iterator[tuple[str, int, Any]]:
    """(feed name, position, <item>) of every feed, in feed order."""
    for name, channel in channels:
        for number, item in enumerate(channel.findall("item") if channel is not None else [], start=1):
            yield name, number, item


def _language_problems(channel: Any, config: Config, name: str) -> list[str]:
    """feed.xml speaks the show's language; feed-<language>.xml its own; every item's transcripts say the same."""
    language = _text(channel, "language")
    wanted = primary(config.show.language) if name == FEED_NAME else name.removeprefix("feed-").removesuffix(".xml")
    found = []
    if language and primary(language) != wanted:
        found.append(f"channel language {language} is not {wanted}, the language of this feed's episodes")
    for item in channel.findall("item"):
        spoken = {link.get("language") or "" for link in item.findall("podcast:transcript", NS)}
        if any(tag and primary(tag) != primary(language or wanted) for tag in spoken):
            found.append(f"item {_text(item, 'title')!r}: its transcripts are in {', '.join(sorted(spoken))}, "
                         f"not the channel's language {language}")
    return found


def item_problems(root: Path, episode: Episode, measured: Measured, full: bool, base: str) -> list[Problem]:
    """Per-episode feed tags: Apple's required ones, exact enclosure length, duration and Podcasting 2.0 links."""
    item, mp3 = episode.item, f"episodes/{episode.slug}.mp3"
    found: list[str] = []
    for tag in ("title", "guid", "description", "link", "pubDate"):
        if not _text(item, tag):
            found.append(f"no {tag}")
    if len(_text(item, "description").encode("utf-8")) > DESCRIPTION_MAX_BYTES:
        found.append(f"description is over {DESCRIPTION_MAX_BYTES} bytes")
    if _text(item, "pubDate"):
        try:
            parsedate_to_datetime(_text(item, "pubDate"))
        except (TypeError, ValueError):
            found.append(f"pubDate {_text(item, 'pubDate')!r} is not an RFC 822 date")
    link = _local(_text(item, "link"), base)
    if _text(item, "link") and (link is None or not (root / link).is_file()):
        found.append(f"link {_text(item, 'link')} does not point to a page in the folder")
    length, kind = _attr(item, "enclosure", "length"), _attr(item, "enclosure", "type")
    if (root / mp3).is_file() and length != str((root / mp3).stat().st_size):
        found.append(f"enclosure length {length or '(missing)'} differs from the file's {(root / mp3).stat().st_size} bytes")
    if kind != "audio/mpeg":
        found.append(f"enclosure type {kind or '(missing)'} must be audio/mpeg")
    duration = _duration_s(_text(item, "itunes:duration"))
    if duration is None:
        found.append("itunes:duration missing or not a number of seconds")
    elif measured.duration_s is not None and abs(duration - measured.duration_s) > DURATION_TOLERANCE_S:
        found.append(f"itunes:duration {duration:g} s but the audio lasts {measured.duration_s:.1f} s")
    if _text(item, "itunes:episodeType") not in EPISODE_TYPES:
        found.append(f"itunes:episodeType must be one of {', '.join(EPISODE_TYPES)}")
    if not full and not _text(item, "itunes:episode").isdigit():
        found.append("section episode has no itunes:episode number")
    found += _transcript_links(root, item, base)
    chapters = item.find("podcast:chapters", NS)
    if full and chapters is None:
        found.append("full-article episode has no podcast:chapters")
    if chapters is not None:
        target = _local(chapters.get("url") or "", base)
        if target is None or not (root / target).is_file():
            found.append(f"podcast:chapters {chapters.get('url')} does not point to a file in the folder")
        if chapters.get("type") != CHAPTERS_TYPE:
            found.append(f"podcast:chapters type must be {CHAPTERS_TYPE}")
    return [Problem(episode.feed, f"item {episode.slug}: {message}") for message in found]

def _transcript_links(root: Path, item: Any, base: str) -> list[str]:
    links = item.findall("podcast:transcript", NS)
    if not links:
        return ["no podcast:transcript"]
    found = []
    for link in links:
        target = _local(link.get("url") or "", base)
        if target is None or not (root / target).is_file():
            found.append(f"podcast:transcript {link.get('url')} does not point to a file in the folder")
    vtt = [link for link in links if link.get("type") == "text/vtt"]
    if not vtt or vtt[0].get("rel") != "captions" or not vtt[0].get("language"):
        found.append('needs a text/vtt podcast:transcript with language and rel="captions"')
    return found

def _duration_s(text: str) -> float | None:
    """itunes:duration as seconds (plain seconds or [HH:]MM:SS)."""
    parts = text.split(":")
    if not text or len(parts) > 3 or not all(p.isdigit() for p in parts):
        return None
    return float(sum(int(p) * 60 ** i for i, p in enumerate(reversed(parts))))

def full_episode_problems(episodes: Iterable[Episode], root: Path, config: Config) -> list[Problem]:
    """With audio.full_article_episode on, every article (season) of several sections has a chaptered episode."""
    if not config.audio.full_article_episode:
        return []
    seasons: dict[str, list[Episode]] = {}
    for episode in episodes:
        if episode.item is not None:
            seasons.setdefault(_text(episode.item, "itunes:season"), []).append(episode)
    return [Problem(FEED_NAME, f"season {season or '(none)'}: no full-article episode with chapters")
            for season, members in seasons.items()
            if len(members) > 1 and not any((root / "chapters" / f"{e.slug}.json").is_file()
                                            or e.item.find("podcast:chapters", NS) is not None for e in members)]
