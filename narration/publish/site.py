"""The published folder as a static site: an index of episodes and one accessible player page per episode.

Pages are plain HTML built from escaped strings (no template engine): every piece of user text goes
through `_e`, URLs through `_href`, so article titles can never inject markup or script.
"""
from __future__ import annotations

import html
import posixpath
import re
import shutil
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence
from urllib.parse import quote, urlsplit

from narration.models import Cue, PublishedEpisode

EPISODE_PAGES = "episodes"
ASSETS = "assets"
TRANSCRIPTS = "transcripts"
SPEEDS = ("0.75", "1", "1.25", "1.5")
_SAFE_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


@dataclass(frozen=True)
class SiteShow:
    """What the site says about the show as a whole (the same facts the feed carries)."""

    title: str
    description: str
    language: str = "en"
    author: str = ""
    feed: str = "feed.xml"  # relative to the output folder
    cover: str = ""  # relative path of the cover image, "" for none


def write_site(out_dir: Path, show: SiteShow, episodes: Sequence[PublishedEpisode]) -> None:
    """Write index.html, one player page per episode and the player's assets into the output folder."""
    pages = {"index.html": _index_page(show, episodes)}
    for episode in episodes:
        pages[episode_page_path(episode)] = _episode_page(show, episode)
    for relative, text in pages.items():
        target = out_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    _copy_assets(out_dir / ASSETS)


def episode_page_path(episode: PublishedEpisode) -> str:
    """Where an episode's player page lives, relative to the output folder."""
    slug = episode.info.slug
    if not _SAFE_SLUG.fullmatch(slug):
        raise ValueError(f"episode slug {slug!r} is not a safe file name")
    return f"{EPISODE_PAGES}/{slug}.html"


def _copy_assets(target: Path) -> None:
    """Ship the player's static script and style sheet next to the pages (no CDN, no build step)."""
    target.mkdir(parents=True, exist_ok=True)
    for item in resources.files("narration").joinpath("data/site").iterdir():
        if item.is_file():
            with resources.as_file(item) as source:
                shutil.copyfile(source, target / item.name)


def _e(text: str) -> str:
    """Escape text for HTML element content and quoted attribute values."""
    return html.escape(text, quote=True)


def _href(target: str, page_dir: str) -> str:
    """A relative, percent-encoded, HTML-escaped link from a page's folder to a file of the site."""
    relative = posixpath.relpath(target, page_dir or ".")
    return _e(quote(relative, safe="/"))


def _external(url: str) -> str:
    """An absolute http(s) URL, escaped; anything else (javascript:, data:) is dropped."""
    return _e(url) if urlsplit(url).scheme in ("http", "https") else ""


def _duration(ms: int) -> str:
    """A duration people read and screen readers say well, e.g. "4 min 05 s"."""
    minutes, seconds = divmod(round(ms / 1000), 60)
    return f"{minutes} min {seconds:02d} s" if minutes else f"{seconds} s"


def _file_size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{max(1, round(size / 1000))} kB"


def _long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _page(language: str, title: str, page_dir: str, head: str, body: str) -> str:
    """The shared document frame: language, viewport and style sheet around a page's head and body."""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_e(language or "en")}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n"
        f'<link rel="stylesheet" href="{_href(ASSETS, page_dir)}/player.css">\n{head}</head>\n'
        f"<body>\n{body}</body>\n</html>\n"
    )


def _subscribe(show: SiteShow, page_dir: str) -> str:
    return (
        f'<p class="subscribe"><a href="{_href(show.feed, page_dir)}">Subscribe to {_e(show.title)}'
        " in your podcast app (RSS feed)</a></p>\n"
    )


def _feed_link(show: SiteShow, page_dir: str) -> str:
    return (
        f'<link rel="alternate" type="application/rss+xml" title="{_e(show.title)}"'
        f' href="{_href(show.feed, page_dir)}">\n'
    )


def _grouped(episodes: Iterable[PublishedEpisode]) -> list[list[PublishedEpisode]]:
    """Episodes grouped by article, in the order the articles first appear."""
    groups: dict[str, list[PublishedEpisode]] = {}
    for episode in episodes:
        groups.setdefault(episode.info.article_slug, []).append(episode)
    return list(groups.values())


def _index_page(show: SiteShow, episodes: Sequence[PublishedEpisode]) -> str:
    """The front page: what the show is, how to subscribe, every episode by article."""
    cover = (
        f'<img class="cover" src="{_href(show.cover, "")}" alt="" width="240" height="240">\n'
        if show.cover else ""
    )
    articles = []
    for number, group in enumerate(_grouped(episodes), start=1):
        items = "".join(
            f'<li><a href="{_href(episode_page_path(ep), "")}">{_e(ep.info.title)}</a>'
            f' <span class="duration">({_duration(ep.duration_ms)})</span></li>\n'
            for ep in group
        )
        heading_id = f"article-{number}"
        articles.append(
            f'<section aria-labelledby="{heading_id}">\n'
            f'<h2 id="{heading_id}">{_e(group[0].info.article_title)}</h2>\n<ol class="episodes">\n{items}</ol>\n'
            "</section>\n"
        )
    listing = "".join(articles) or "<p>No episodes have been published yet.</p>\n"
    body = (
        '<a class="skip-link" href="#main">Skip to the episodes</a>\n'
        f'<main id="main" tabindex="-1">\n{cover}<h1>{_e(show.title)}</h1>\n'
        f'<p class="description">{_e(show.description)}</p>\n'
        f"{_byline(show)}{_synthetic_notice()}{_subscribe(show, '')}{listing}</main>\n"
    )
    return _page(show.language, show.title, "", _feed_link(show, ""), body)


def _byline(show: SiteShow) -> str:
    return f'<p class="author">By {_e(show.author)}</p>\n' if show.author else ""


def _synthetic_notice() -> str:
    return (
        '<p class="notice">The audio is a synthesized (computer-generated) reading of the article,'
        " not a recording of a person.</p>\n"
    )


def _review(episode: PublishedEpisode) -> str:
    """"Reviewed by ..., last reviewed ..." and a link to the article, when the article says so."""
    meta = episode.info.meta
    parts = []
    if meta.reviewed_by:
        parts.append(f"Reviewed by {_e(meta.reviewed_by)}")
    if meta.last_reviewed:
        when = f'<time datetime="{meta.last_reviewed.isoformat()}">{_long_date(meta.last_reviewed)}</time>'
        parts.append(f"last reviewed {when}" if parts else f"Last reviewed {when}")
    review = f'<p class="review">{", ".join(parts)}.</p>\n' if parts else ""
    source = _external(meta.source_url)
    if source:
        review += f'<p class="source"><a href="{source}">Read the original article</a></p>\n'
    return review


def _downloads(episode: PublishedEpisode, page_dir: str) -> str:
    """Links to the MP3 and to the transcript files another publisher step writes."""
    slug = episode.info.slug
    mp3 = (
        f'<li><a href="{_href(episode.mp3, page_dir)}" download>Download the MP3 audio'
        f" ({_file_size(episode.bytes)}, {_duration(episode.duration_ms)})</a></li>\n"
    )
    transcripts = "".join(
        f'<li><a href="{_href(f"{TRANSCRIPTS}/{slug}.{ext}", page_dir)}">Transcript as {label}'
        f" (.{ext})</a></li>\n"
        for ext, label in (("vtt", "WebVTT captions"), ("srt", "SRT subtitles"), ("json", "JSON"))
    )
    return f'<ul class="downloads">\n{mp3}{transcripts}</ul>\n'


def _cue_button(index: int, cue: Cue) -> str:
    return (
        f'<button type="button" class="cue" id="cue-{index}" data-start="{int(cue.start_ms)}"'
        f' data-end="{int(cue.end_ms)}">{_e(cue.text)}</button>'
    )


def _transcript(cues: Sequence[Cue]) -> str:
    """The visible transcript: spoken headings as h3, other sentences in paragraphs, each one seekable."""
    out: list[str] = []
    paragraph: list[str] = []

    def close() -> None:
        if paragraph:
            out.append("<p>" + " ".join(paragraph) + "</p>\n")
            paragraph.clear()

    for index, cue in enumerate(cues):
        if cue.kind == "heading":
            close()
            out.append(f"<h3>{_cue_button(index, cue)}</h3>\n")
        else:
            paragraph.append(_cue_button(index, cue))
    close()
    return "".join(out) or "<p>No transcript is available for this episode.</p>\n"


def _speed_controls() -> str:
    buttons = "".join(
        f'<button type="button" class="speed" data-rate="{rate}"'
        f' aria-pressed="{"true" if rate == "1" else "false"}">{rate}×</button>\n'
        for rate in SPEEDS
    )
    return (
        '<div class="controls" role="group" aria-labelledby="speed-label" hidden>\n'
        f'<span id="speed-label">Playback speed</span>\n{buttons}</div>\n'
        '<p id="player-status" class="visually-hidden" role="status"></p>\n'
    )


def _episode_page(show: SiteShow, episode: PublishedEpisode) -> str:
    """One episode's player: native audio, speed buttons, synchronized transcript, downloads."""
    info = episode.info
    page_dir = EPISODE_PAGES
    language = info.meta.language or show.language or "en"
    mp3 = _href(episode.mp3, page_dir)
    vtt = _href(f"{TRANSCRIPTS}/{info.slug}.vtt", page_dir)
    head = _feed_link(show, page_dir) + f'<script src="{_href(ASSETS, page_dir)}/player.js" defer></script>\n'
    body = (
        '<a class="skip-link" href="#player">Skip to the audio player</a>\n'
        '<a class="skip-link" href="#transcript">Skip to the transcript</a>\n'
        f'<header>\n<nav aria-label="Site">\n<a href="{_href("index.html", page_dir)}">'
        f"All episodes of {_e(show.title)}</a>\n</nav>\n</header>\n"
        f'<main id="main">\n<h1>{_e(info.title)}</h1>\n'
        f'<p class="description">{_e(info.description)}</p>\n'
        f"{_synthetic_notice()}{_review(episode)}"
        f'<section id="player" aria-labelledby="player-heading" tabindex="-1">\n'
        f'<h2 id="player-heading">Listen</h2>\n'
        f'<audio id="audio" controls preload="metadata" src="{mp3}" aria-label="Audio of {_e(info.title)}">\n'
        f'<track kind="captions" src="{vtt}" srclang="{_e(language)}" label="Transcript">\n'
        f'<a href="{mp3}">Download the MP3 audio</a>\n</audio>\n'
        f"{_speed_controls()}</section>\n"
        f'<section id="transcript" aria-labelledby="transcript-heading" tabindex="-1">\n'
        f'<h2 id="transcript-heading">Transcript</h2>\n'
        '<p class="hint">The sentence being read is highlighted. Select a sentence to play from there.</p>\n'
        f'<div class="transcript">\n{_transcript(episode.cues)}</div>\n</section>\n'
        '<section aria-labelledby="downloads-heading">\n<h2 id="downloads-heading">Download and subscribe</h2>\n'
        f"{_downloads(episode, page_dir)}"
        f"{_subscribe(show, page_dir)}</section>\n</main>\n"
    )
    return _page(language, f"{info.title} – {show.title}", page_dir, head, body)
