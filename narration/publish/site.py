"""The published folder as a static site: an index of episodes and one accessible player page per episode.

Pages are plain HTML built from escaped strings (no template engine, see site_html). They work without
JavaScript (native audio controls, plain links); the scripts in assets/ add the large player controls, the
display settings and the copy button.
"""
from __future__ import annotations

import re
import shutil
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from narration.models import PublishedEpisode
from narration.written import WrittenSection

from narration.publish.site_html import duration, e, external, file_size, href
from narration.publish.site_player import player, transcript
from narration.publish import layout

EPISODE_PAGES = layout.EPISODES
ASSETS = layout.ASSETS
TRANSCRIPTS = layout.TRANSCRIPTS
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
    feed_url: str = ""  # the feed's absolute address, what a podcast app is given; "" when unknown
    other_feeds: tuple[tuple[str, str, str, str], ...] = ()  # other languages' feeds: (tag, name, path, address)


def write_site(out_dir: Path, show: SiteShow, episodes: Sequence[PublishedEpisode],
               books: Mapping[str, str] | None = None,
               written: Mapping[str, Mapping[int, WrittenSection]] | None = None) -> None:
    """Write index.html, one page per article, one player page per episode and the player's assets into the output
    folder (each article's own feed, linked from its page, is the feed stage's).

    `books` maps an article's slug to its talking book (relative path), for the articles that have one;
    `written` an article's slug to its sections as written (by number), which transcripts show in step with
    the audio (a section without one is shown as spoken).
    """
    from narration.publish.library_index import article_pages

    site = _Site(show, _in_listing_order(episodes), dict(books or {}), dict(written or {}))
    pages = {"index.html": site.index(), **article_pages(site)}
    for position, episode in enumerate(site.episodes):
        pages[episode_page_path(episode)] = site.episode_page(position)
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
    return layout.episode_page(slug)


def _copy_assets(target: Path) -> None:
    """Ship the player's static scripts and style sheet next to the pages (no CDN, no build step)."""
    target.mkdir(parents=True, exist_ok=True)
    for item in resources.files("narration").joinpath("data/site").iterdir():
        if item.is_file():
            with resources.as_file(item) as source:
                shutil.copyfile(source, target / item.name)


def _grouped(episodes: Iterable[PublishedEpisode]) -> list[list[PublishedEpisode]]:
    """Episodes grouped by article, in the order the articles first appear."""
    groups: dict[str, list[PublishedEpisode]] = {}
    for episode in episodes:
        groups.setdefault(episode.info.article_slug, []).append(episode)
    return list(groups.values())


def _in_listing_order(episodes: Iterable[PublishedEpisode]) -> list[PublishedEpisode]:
    """By article; in each, the whole article first, then its sections in reading order."""
    return [ep for group in _grouped(episodes)
            for ep in sorted(group, key=lambda ep: (ep.info.kind != "full", ep.info.number))]


def episode_label(episode: PublishedEpisode) -> str:
    """What a listener calls an episode: the opening section, titled after its article, is the introduction."""
    info = episode.info
    if info.kind == "full":
        return "Listen to the whole article"
    if info.title.casefold().strip() == info.article_title.casefold().strip():
        return "Introduction"
    return info.title


def _listing_item(ep: PublishedEpisode, page_dir: str = "") -> str:
    """An index entry: the episode's page, its length, and a link that opens it playing."""
    page = href(episode_page_path(ep), page_dir)
    label = e(episode_label(ep))
    css = ' class="whole"' if ep.info.kind == "full" else ""
    return (
        f'<li{css}><a class="title" href="{page}">{label}</a> <span class="duration">{duration(ep.duration_ms)}</span>'
        f' <a class="play-link" href="{page}#audio" aria-label="Play: {label}">'
        '<span aria-hidden="true">▶ </span>Play</a></li>\n'
    )


def _long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


@dataclass(frozen=True)
class _Site:
    """The facts every page needs: the show, the episodes in listing order, the talking books."""

    show: SiteShow
    episodes: list[PublishedEpisode]
    books: dict[str, str]
    written: dict[str, Mapping[int, WrittenSection]]

    @cached_property
    def _sections_per_article(self) -> Counter[str]:
        """Counted once: a library has thousands of episodes, and every page says "Section 3 of 5"."""
        return Counter(ep.info.article_slug for ep in self.episodes if ep.info.kind == "section")

    def index(self) -> str:
        """The front page: what the show is, how to subscribe, every episode by article."""
        show = self.show
        cover = (f'<img class="cover" src="{href(show.cover, "")}" alt="" width="240" height="240">\n'
                 if show.cover else "")
        groups = _grouped(self.episodes)
        if len(groups) > 1:  # a library: one entry per article, leading to the article's own page
            from narration.publish.library_index import library_listing

            articles = library_listing(groups, self.books, self._lang)
        else:
            articles = "".join(self._article(number, group) for number, group in enumerate(groups, 1))
        articles = articles or "<p>No episodes have been published yet.</p>\n"
        body = (
            '<a class="skip-link" href="#main">Skip to the episodes</a>\n'
            f"{_display_settings()}"
            f'<main id="main" tabindex="-1">\n{cover}<h1>{e(show.title)}</h1>\n'
            f'<p class="description">{e(show.description)}</p>\n'
            f"{_byline(show)}{_synthetic_notice()}"
            f"{articles}{self._subscribe('')}</main>\n"
        )
        return self._page(show.language, show.title, "", "", body)

    def _article(self, number: int, group: list[PublishedEpisode]) -> str:
        """One article: the whole article first, then its sections, each with its length and a play link."""
        heading_id = f"article-{number}"
        items = "".join(_listing_item(ep) for ep in group)
        book = self.books.get(group[0].info.article_slug)
        book_link = (f'<p class="book"><a href="{href(book, "")}">Download the talking book (EPUB, text and'
                     " audio together)</a></p>\n" if book else "")
        return (
            f'<section aria-labelledby="{heading_id}">\n'
            f'<h2 id="{heading_id}"{self._lang(group[0])}>{e(group[0].info.article_title)}</h2>\n'
            f'<ul class="episodes">\n{items}</ul>\n{book_link}</section>\n'
        )

    def _lang(self, episode: PublishedEpisode) -> str:
        """A lang attribute for an article's own words on a page in the show's language, when they differ."""
        language = episode.info.meta.language
        return f' lang="{e(language)}"' if language and language.lower() != self.show.language.lower() else ""

    def episode_page(self, position: int) -> str:
        """One episode's player: large controls, synchronized transcript, neighbours, downloads."""
        episode = self.episodes[position]
        info = episode.info
        page_dir = EPISODE_PAGES
        language = info.meta.language or self.show.language or "en"
        label = episode_label(episode)
        head = f'<script src="{href(ASSETS, page_dir)}/player.js" defer></script>\n'
        controls = player(label, href(episode.mp3, page_dir), href(f"{TRANSCRIPTS}/{info.slug}.vtt", page_dir),
                          language, episode.duration_ms, info.guid)
        body = (
            '<a class="skip-link" href="#player">Skip to the audio player</a>\n'
            '<a class="skip-link" href="#transcript">Skip to the transcript</a>\n'
            f"{_display_settings()}"
            f'<header>\n<nav aria-label="Episodes">\n<ul class="neighbours">\n'
            f'<li><a href="{href("index.html", page_dir)}">All episodes of {e(self.show.title)}</a></li>\n'
            f'<li><a href="{href(layout.article_page(info.article_slug), page_dir)}">All episodes of'
            f" “{e(info.article_title)}”</a></li>\n"
            f"{self._neighbours(position)}</ul>\n</nav>\n</header>\n"
            f'<main id="main">\n<h1>{e(label if info.kind == "section" else info.title)}</h1>\n'
            f'<p class="article">{self._place(episode)}</p>\n'
            f'<section id="player" aria-labelledby="player-heading" tabindex="-1">\n'
            f'<h2 id="player-heading">Listen</h2>\n'
            f"{controls}"
            "</section>\n"
            f"{_synthetic_notice()}{_review(episode)}"
            f'<section id="transcript" aria-labelledby="transcript-heading" tabindex="-1">\n'
            f'<h2 id="transcript-heading">Transcript</h2>\n'
            '<p class="hint">The sentence being read is highlighted. Select any sentence to play from there.</p>\n'
            '<p class="follow"><button type="button" id="follow" class="small" hidden>'
            "Show the sentence being read</button></p>\n"
            f'<div class="transcript" lang="{e(language)}">\n{transcript(episode.cues, self.written.get(info.article_slug))}</div>\n</section>\n'
            f'<section aria-labelledby="downloads-heading">\n<h2 id="downloads-heading">Download</h2>\n'
            f"{self._downloads(episode, page_dir)}</section>\n"
            f"{self._subscribe(page_dir)}</main>\n"
        )
        return self._page(language, f"{label} – {info.article_title} – {self.show.title}", page_dir, head, body)

    def _place(self, episode: PublishedEpisode) -> str:
        """Where the episode sits: "Section 3 of 5 of <article>" or "The whole of <article>"."""
        info = episode.info
        count = self._sections_per_article[info.article_slug]
        if info.kind == "section" and info.number:
            return f"Section {info.number} of {count} of <cite>{e(info.article_title)}</cite>."
        return f"The whole of <cite>{e(info.article_title)}</cite>, all its sections in one episode."

    def _neighbours(self, position: int) -> str:
        """Previous and next episode in listing order; another article's episode names its article."""
        links = []
        here = self.episodes[position].info.article_slug
        for offset, rel, word in ((-1, "prev", "Previous"), (1, "next", "Next")):
            if 0 <= position + offset < len(self.episodes):
                other = self.episodes[position + offset]
                name = episode_label(other)
                if other.info.article_slug != here:
                    name += f" ({other.info.article_title})"
                links.append(f'<li><a rel="{rel}" href="{href(episode_page_path(other), EPISODE_PAGES)}">'
                             f"{word}: {e(name)}</a></li>\n")
        return "".join(links)

    def _downloads(self, episode: PublishedEpisode, page_dir: str) -> str:
        """Links to the MP3, the transcript files another publisher step writes, and the talking book."""
        slug = episode.info.slug
        mp3 = (f'<li><a href="{href(episode.mp3, page_dir)}" download>Download the MP3 audio'
               f" ({file_size(episode.bytes)}, {duration(episode.duration_ms)})</a></li>\n")
        transcripts = "".join(
            f'<li><a href="{href(f"{TRANSCRIPTS}/{slug}.{ext}", page_dir)}">Transcript as {label}'
            f" (.{ext})</a></li>\n"
            for ext, label in (("vtt", "WebVTT captions"), ("srt", "SRT subtitles"), ("json", "JSON"))
        )
        book = self.books.get(episode.info.article_slug)
        book_link = (f'<li><a href="{href(book, page_dir)}">The whole article as a talking book (EPUB, text and'
                     " audio together)</a></li>\n" if book else "")
        return f'<ul class="downloads">\n{mp3}{transcripts}{book_link}</ul>\n'

    def _subscribe(self, page_dir: str) -> str:
        return _subscribe(self.show, href(self.show.feed, page_dir))

    def _page(self, language: str, title: str, page_dir: str, head: str, body: str) -> str:
        """The shared document frame: language, viewport, style sheet, feed and display settings."""
        assets = href(ASSETS, page_dir)
        return (
            "<!DOCTYPE html>\n"
            f'<html lang="{e(language or "en")}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{e(title)}</title>\n"
            f'<link rel="stylesheet" href="{assets}/player.css">\n'
            f'<link rel="alternate" type="application/rss+xml" title="{e(self.show.title)}"'
            f' href="{href(self.show.feed, page_dir)}">\n'
            + "".join(f'<link rel="alternate" type="application/rss+xml" hreflang="{e(tag)}" title="{e(name)}"'
                      f' href="{href(path, page_dir)}">\n' for tag, name, path, _ in self.show.other_feeds)
            + f'<script src="{assets}/display.js"></script>\n{head}</head>\n'
            f"<body>\n{body}</body>\n</html>\n"
        )


# How a podcast app is given a feed by its address (checked against each app's own help pages).
APPS = (
    ("Apple Podcasts", "in the Library, open the menu (…) and choose “Follow a Show by URL”; on a Mac, File, then "
                       "“Follow a Show by URL”."),
    ("Pocket Casts", "paste the address into the search field and choose the show that appears."),
    ("Overcast", "tap +, then “Add URL”, and paste the address."),
    ("AntennaPod", "choose “Add podcast”, then “Add podcast by RSS address”, and paste the address."),
)


def _subscribe(show: SiteShow, feed_href: str) -> str:
    """The feed's link and address ready to copy, and how common podcast apps add a show by its address."""
    address = show.feed_url
    field = (
        '<p class="feed-address"><label for="feed-url">The feed’s address</label>\n'
        f'<input id="feed-url" type="text" readonly value="{e(address)}" spellcheck="false">\n'
        '<button type="button" id="copy-feed" class="small" hidden>Copy the address</button></p>\n'
        '<p id="copy-status" class="status" role="status"></p>\n'
        if external(address) else ""
    )
    steps = "".join(f"<li><strong>{e(app)}</strong>: {e(how)}</li>\n" for app, how in APPS)
    return (
        '<section id="subscribe" aria-labelledby="subscribe-heading">\n'
        '<h2 id="subscribe-heading">Subscribe in a podcast app</h2>\n'
        f'<p>New episodes then arrive by themselves. <a href="{feed_href}">The feed of {e(show.title)}'
        " (RSS)</a> is what podcast apps follow.</p>\n"
        f"{field}<p>Copy the address, then add it to your app:</p>\n<ul class=\"apps\">\n{steps}</ul>\n"
        f"{_other_feeds(show, feed_href)}</section>\n"
    )


def _other_feeds(show: SiteShow, feed_href: str) -> str:
    """The feeds of the episodes in other languages than the show's, each named in its own language."""
    if not show.other_feeds:
        return ""
    folder = feed_href[:-len(show.feed)]  # the same relative way up as the show's feed
    items = "".join(f'<li><a href="{e(folder + path)}" hreflang="{e(tag)}" lang="{e(tag)}">{e(name)}</a>: '
                    f'<span class="feed-url">{e(address)}</span></li>\n'
                    for tag, name, path, address in show.other_feeds)
    return f'<p>Episodes in other languages have feeds of their own:</p>\n<ul class="feeds">\n{items}</ul>\n'


def _display_settings() -> str:
    """Text size and colours, remembered on this device; display.js shows them (they need it to work)."""
    def group(name: str, label: str, choices: tuple[tuple[str, str], ...]) -> str:
        buttons = "".join(f'<button type="button" data-{name}="{value}" aria-pressed="false">{e(text)}</button>\n'
                          for value, text in choices)
        return (f'<div class="choice" role="group" aria-labelledby="{name}-label">\n'
                f'<span id="{name}-label">{label}</span>\n{buttons}</div>\n')

    return (
        '<details class="display" id="display" hidden>\n<summary>Text size and colours</summary>\n'
        + group("text-size", "Text size", (("normal", "Normal"), ("large", "Larger"), ("largest", "Largest")))
        + group("theme", "Colours", (("auto", "As my device"), ("light", "Light"), ("dark", "Dark"),
                                     ("contrast", "High contrast")))
        + "</details>\n"
    )


def _byline(show: SiteShow) -> str:
    return f'<p class="author">By {e(show.author)}</p>\n' if show.author else ""


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
        parts.append(f"Reviewed by {e(meta.reviewed_by)}")
    if meta.last_reviewed:
        when = f'<time datetime="{meta.last_reviewed.isoformat()}">{_long_date(meta.last_reviewed)}</time>'
        parts.append(f"last reviewed {when}" if parts else f"Last reviewed {when}")
    review = f'<p class="review">{", ".join(parts)}.</p>\n' if parts else ""
    source = external(meta.source_url)
    if source:
        review += f'<p class="source"><a href="{source}">Read the original article</a></p>\n'
    return review
