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
from importlib import resources
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from narration.models import PublishedEpisode
from narration.written import WrittenSection

from narration.language import same_language
from narration.publish.page_words import PageWords, words_for
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

    site = Site(show, _in_listing_order(episodes), dict(books or {}), dict(written or {}))
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


def grouped_by(episodes: Iterable[PublishedEpisode]) -> list[list[PublishedEpisode]]:
    """Episodes grouped by article, in the order the articles first appear."""
    groups: dict[str, list[PublishedEpisode]] = {}
    for episode in episodes:
        groups.setdefault(episode.info.article_slug, []).append(episode)
    return list(groups.values())


def _in_listing_order(episodes: Iterable[PublishedEpisode]) -> list[PublishedEpisode]:
    """By article; in each, the whole article first, then its sections in reading order."""
    return [ep for group in grouped_by(episodes)
            for ep in sorted(group, key=lambda ep: (ep.info.kind != "full", ep.info.number))]


def episode_label(episode: PublishedEpisode, words: PageWords) -> str:
    """What a listener calls an episode: the opening section, titled after its article, is the introduction."""
    info = episode.info
    if info.kind == "full":
        return words("whole_article")
    if info.title.casefold().strip() == info.article_title.casefold().strip():
        return words("introduction")
    return info.title


def _language(episode: PublishedEpisode, show: SiteShow) -> str:
    return episode.info.meta.language or show.language or "en"


def page_lang(language: str, page_language: str) -> str:
    """A lang attribute for words in another language than the page's (WCAG 3.1.2), else nothing."""
    return "" if language.lower() == page_language.lower() else f' lang="{e(language)}"'


def in_language(text: str, language: str, page_language: str) -> str:
    """Text for a page, escaped, and marked with its language when that is not the page's (a show's title)."""
    lang = page_lang(language, page_language)
    return f"<span{lang}>{e(text)}</span>" if lang else e(text)


def listing_item(ep: PublishedEpisode, words: PageWords, page_dir: str = "") -> str:
    """An index entry: the episode's page, its length, and a link that opens it playing."""
    page = href(episode_page_path(ep), page_dir)
    label = episode_label(ep, words)
    css = ' class="whole"' if ep.info.kind == "full" else ""
    return (
        f'<li{css}><a class="title" href="{page}">{e(label)}</a>'
        f' <span class="duration">{duration(ep.duration_ms)}</span>'
        f' <a class="play-link" href="{page}#audio" aria-label="{e(words("play_named", episode=label))}">'
        f'<span aria-hidden="true">▶ </span>{e(words("play_link"))}</a></li>\n'
    )


@dataclass(frozen=True)
class Site:
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
        """The front page, in the show's language: what the show is, how to subscribe, every episode by article."""
        show = self.show
        words = words_for(show.language)
        cover = (f'<img class="cover" src="{href(show.cover, "")}" alt="" width="240" height="240">\n'
                 if show.cover else "")
        groups = grouped_by(self.episodes)
        if len(groups) > 1:  # a library: one entry per article, leading to the article's own page
            from narration.publish.library_index import library_listing

            articles = library_listing(groups, self.books, show.language)
        else:
            articles = "".join(self._article(number, group) for number, group in enumerate(groups, 1))
        articles = articles or f"<p>{e(words('no_episodes'))}</p>\n"
        body = (
            f'<a class="skip-link" href="#main">{e(words("skip_to_episodes"))}</a>\n'
            f"{display_settings(words)}"
            f'<main id="main" tabindex="-1">\n{cover}<h1>{e(show.title)}</h1>\n'
            f'<p class="description">{e(show.description)}</p>\n'
            f"{_byline(show, words)}{synthetic_voice_notice(words)}"
            f"{articles}{self.subscribe_links('', show.language, words)}</main>\n"
        )
        return self._page(show.language, show.title, "", "", body, words)

    def _article(self, number: int, group: list[PublishedEpisode]) -> str:
        """One article, in its own language (marked when it is not the page's): the whole article first, then its
        sections, each with its length and a play link."""
        heading_id = f"article-{number}"
        language = _language(group[0], self.show)
        words = words_for(language)
        items = "".join(listing_item(ep, words) for ep in group)
        book = self.books.get(group[0].info.article_slug)
        book_link = f'<p class="book"><a href="{href(book, "")}">{e(words("book_link"))}</a></p>\n' if book else ""
        lang = page_lang(language, self.show.language) if group[0].info.meta.language else ""
        return (
            f'<section aria-labelledby="{heading_id}"{lang}>\n'
            f'<h2 id="{heading_id}">{e(group[0].info.article_title)}</h2>\n'
            f'<ul class="episodes">\n{items}</ul>\n{book_link}</section>\n'
        )

    def episode_page(self, position: int) -> str:
        """One episode's player, in its article's language: large controls, synchronized transcript, neighbours,
        downloads."""
        episode = self.episodes[position]
        info = episode.info
        page_dir = EPISODE_PAGES
        language = _language(episode, self.show)
        words = words_for(language)
        label = episode_label(episode, words)
        head = f'<script src="{href(ASSETS, page_dir)}/player.js" defer></script>\n'
        controls = player(label, href(episode.mp3, page_dir), href(f"{TRANSCRIPTS}/{info.slug}.vtt", page_dir),
                          language, episode.duration_ms, info.guid, words)
        show = in_language(self.show.title, self.show.language, language)
        body = (
            f'<a class="skip-link" href="#player">{e(words("skip_to_player"))}</a>\n'
            f'<a class="skip-link" href="#transcript">{e(words("skip_to_transcript"))}</a>\n'
            f"{display_settings(words)}"
            f'<header>\n<nav aria-label="{e(words("episodes_nav"))}">\n<ul class="neighbours">\n'
            f'<li><a href="{href("index.html", page_dir)}">{words.html("all_episodes", show=show)}</a></li>\n'
            f'<li><a href="{href(layout.article_page(info.article_slug), page_dir)}">'
            f'{words.html("all_article_episodes", article=e(info.article_title))}</a></li>\n'
            f"{self._neighbours(position, language, words)}</ul>\n</nav>\n</header>\n"
            f'<main id="main">\n<h1>{e(label if info.kind == "section" else info.title)}</h1>\n'
            f'<p class="article">{self._place(episode, words)}</p>\n'
            f'<section id="player" aria-labelledby="player-heading" tabindex="-1">\n'
            f'<h2 id="player-heading">{e(words("listen"))}</h2>\n'
            f"{controls}"
            "</section>\n"
            f"{synthetic_voice_notice(words)}{review_note(episode, words)}"
            f'<section id="transcript" aria-labelledby="transcript-heading" tabindex="-1">\n'
            f'<h2 id="transcript-heading">{e(words("transcript"))}</h2>\n'
            f'<p class="hint">{e(words("transcript_hint"))}</p>\n'
            '<p class="follow"><button type="button" id="follow" class="small" hidden>'
            f"{e(words('follow'))}</button></p>\n"
            f'<div class="transcript" lang="{e(language)}">\n'
            f"{transcript(episode.cues, words, self.written.get(info.article_slug))}</div>\n</section>\n"
            f'<section aria-labelledby="downloads-heading">\n<h2 id="downloads-heading">{e(words("download"))}</h2>\n'
            f"{self._downloads(episode, page_dir, words)}</section>\n"
            f"{self.subscribe_links(page_dir, language, words)}</main>\n"
        )
        title = f"{label} – {info.article_title} – {self.show.title}"
        return self._page(language, title, page_dir, head, body, words)

    def _place(self, episode: PublishedEpisode, words: PageWords) -> str:
        """Where the episode sits: "Section 3 of 5 of <article>" or "The whole of <article>"."""
        info = episode.info
        count = self._sections_per_article[info.article_slug]
        article = f"<cite>{e(info.article_title)}</cite>"
        if info.kind == "section" and info.number:
            return words.html("section_place", number=str(info.number), count=str(count), article=article)
        return words.html("whole_place", article=article)

    def _neighbours(self, position: int, language: str, words: PageWords) -> str:
        """Previous and next episode in listing order; another article's episode names its article (in its own
        language, marked when it is not the page's)."""
        links = []
        here = self.episodes[position].info.article_slug
        for offset, rel, word in ((-1, "prev", "previous"), (1, "next", "next")):
            if 0 <= position + offset < len(self.episodes):
                other = self.episodes[position + offset]
                theirs = _language(other, self.show)
                name = episode_label(other, words_for(theirs))
                if other.info.article_slug != here:
                    name += f" ({other.info.article_title})"
                lang = page_lang(theirs, language)
                name_html = f"<span{lang}>{e(name)}</span>" if lang else e(name)
                links.append(f'<li><a rel="{rel}" href="{href(episode_page_path(other), EPISODE_PAGES)}">'
                             f"{words.html(word, episode=name_html)}</a></li>\n")
        return "".join(links)

    def _downloads(self, episode: PublishedEpisode, page_dir: str, words: PageWords) -> str:
        """Links to the MP3, the transcript files another publisher step writes, and the talking book."""
        slug = episode.info.slug
        size = file_size(episode.bytes).replace(".", words("decimal"))
        mp3 = (f'<li><a href="{href(episode.mp3, page_dir)}" download>'
               f"{e(words('download_mp3', size=size, duration=duration(episode.duration_ms)))}</a></li>\n")
        transcripts = "".join(
            f'<li><a href="{href(f"{TRANSCRIPTS}/{slug}.{ext}", page_dir)}">'
            f"{e(words('transcript_as', format=words(ext), extension=ext))}</a></li>\n"
            for ext in ("vtt", "srt", "json")
        )
        book = self.books.get(episode.info.article_slug)
        book_link = f'<li><a href="{href(book, page_dir)}">{e(words("book_download"))}</a></li>\n' if book else ""
        return f'<ul class="downloads">\n{mp3}{transcripts}{book_link}</ul>\n'

    def subscribe_links(self, page_dir: str, language: str, words: PageWords) -> str:
        return subscribe_links(self.show, page_dir, language, words)

    def _page(self, language: str, title: str, page_dir: str, head: str, body: str, words: PageWords) -> str:
        """The shared document frame: language, viewport, style sheet, feed and display settings, and the scripts'
        messages in the page's language."""
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
            f"<body>\n{body}{words.script_block()}</body>\n</html>\n"
        )


def _feeds(show: SiteShow, language: str) -> tuple[tuple[str, str, str, str], list[tuple[str, str, str, str]]]:
    """The feed a page in `language` offers first (its language's, else the show's), and the others: (tag, name,
    path, address) each."""
    own = (show.language, words_for(show.language).name, show.feed, show.feed_url)
    every = [own, *show.other_feeds]
    first = next((feed for feed in every if same_language(feed[0], language)), own)
    return first, [feed for feed in every if feed is not first]


def subscribe_links(show: SiteShow, page_dir: str, language: str, words: PageWords) -> str:
    """The feed's link and address ready to copy, and how common podcast apps add a show by its address."""
    (_, _, path, address), others = _feeds(show, language)
    field = (
        f'<p class="feed-address"><label for="feed-url">{e(words("feed_address"))}</label>\n'
        f'<input id="feed-url" type="text" readonly value="{e(address)}" spellcheck="false">\n'
        f'<button type="button" id="copy-feed" class="small" hidden>{e(words("copy"))}</button></p>\n'
        '<p id="copy-status" class="status" role="status"></p>\n'
        if external(address) else ""
    )
    steps = "".join(f"<li><strong>{e(app)}</strong>: {e(how)}</li>\n" for app, how in words.apps)
    title = in_language(show.title, show.language, language)
    link = f'<a href="{href(path, page_dir)}">{words.html("feed_link", show=title)}</a>'
    return (
        '<section id="subscribe" aria-labelledby="subscribe-heading">\n'
        f'<h2 id="subscribe-heading">{e(words("subscribe"))}</h2>\n'
        f'<p>{words.html("subscribe_intro", feed=link)}</p>\n'
        f"{field}<p>{e(words('copy_then'))}</p>\n<ul class=\"apps\">\n{steps}</ul>\n"
        f"{_other_feeds(others, page_dir, words)}</section>\n"
    )


def _other_feeds(feeds: Sequence[tuple[str, str, str, str]], page_dir: str, words: PageWords) -> str:
    """The feeds of the episodes in the other languages, each named in its own language."""
    if not feeds:
        return ""
    items = "".join(f'<li><a href="{href(path, page_dir)}" hreflang="{e(tag)}" lang="{e(tag)}">{e(name)}</a>: '
                    f'<span class="feed-url">{e(address)}</span></li>\n'
                    for tag, name, path, address in feeds)
    return f'<p>{e(words("other_feeds"))}</p>\n<ul class="feeds">\n{items}</ul>\n'


def display_settings(words: PageWords) -> str:
    """The reader's text size and colour scheme, remembered on this device; display.js shows them (they need it)."""
    def group(name: str, label: str, choices: tuple[tuple[str, str], ...]) -> str:
        buttons = "".join(f'<button type="button" data-{name}="{value}" aria-pressed="false">'
                          f"{e(words(text))}</button>\n"
                          for value, text in choices)
        return (f'<div class="choice" role="group" aria-labelledby="{name}-label">\n'
                f'<span id="{name}-label">{e(words(label))}</span>\n{buttons}</div>\n')

    return (
        f'<details class="display" id="display" hidden>\n<summary>{e(words("display"))}</summary>\n'
        + group("text-size", "text_size", (("normal", "normal"), ("large", "larger"), ("largest", "largest")))
        + group("theme", "colours", (("auto", "device"), ("light", "light"), ("dark", "dark"),
                                     ("contrast", "contrast")))
        + "</details>\n"
    )


def _byline(show: SiteShow, words: PageWords) -> str:
    return f'<p class="author">{e(words("by", author=show.author))}</p>\n' if show.author else ""


def synthetic_voice_notice(words: PageWords) -> str:
    return f'<p class="notice">{e(words("synthetic_notice"))}</p>\n'


def review_note(episode: PublishedEpisode, words: PageWords) -> str:
    """"Reviewed by ..., last reviewed ..." and a link to the article, when the article says so."""
    meta = episode.info.meta
    parts = []
    if meta.reviewed_by:
        parts.append(e(words("reviewed_by", name=meta.reviewed_by)))
    if meta.last_reviewed:
        when = f'<time datetime="{meta.last_reviewed.isoformat()}">{e(words.date(meta.last_reviewed))}</time>'
        parts.append(words.html("then_reviewed" if parts else "last_reviewed", date=when))
    review = f'<p class="review">{", ".join(parts)}.</p>\n' if parts else ""
    source = external(meta.source_url)
    if source:
        review += f'<p class="source"><a href="{source}">{e(words("original"))}</a></p>\n'
    return review
