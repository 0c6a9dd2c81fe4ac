"""A library of articles on the web: each article's own page (its episodes, its talking book, its feed) and own
feed under articles/<slug>/, and the front page's list of articles (title, episodes, length, last reviewed).

A patient who wants one topic subscribes to that article's feed; the show's feed.xml carries every article."""
from __future__ import annotations

from dataclasses import replace
from urllib.parse import quote, urljoin
from pathlib import Path
from typing import Callable, Mapping, Sequence

from narration.atomic import write_bytes_atomic
from narration.config import ShowConfig
from narration.models import PublishedEpisode
from narration.publish import feed as feed_stage
from narration.publish import layout
from narration.publish.site import (_display_settings, _grouped, _listing_item, _long_date, _review, _Site,
                                    _subscribe, _synthetic_notice)
from narration.publish.site_html import duration, e, href


def write_article_feeds(out_dir: Path, show: ShowConfig, episodes: Sequence[PublishedEpisode], cover: str) -> None:
    """articles/<slug>/feed.xml: one podcast feed per article, titled after it, in the article's language."""
    for group in _grouped(episodes):
        info = group[0].info
        own = replace(show, language=info.meta.language or show.language, title=f"{info.article_title} – {show.title}",
                      description=f"“{info.article_title}”, read aloud section by section. {show.description}")
        data = feed_stage.build_feed(own, group, cover, feed_path=layout.article_feed(info.article_slug))
        write_bytes_atomic(out_dir / layout.article_feed(info.article_slug), data)


def article_pages(site: _Site) -> dict[str, str]:
    """articles/<slug>/index.html: one page per article, framed like every other page of the site."""
    return {layout.article_page(group[0].info.article_slug): _article_page(site, group)
            for group in _grouped(site.episodes)}


def _facts(group: Sequence[PublishedEpisode], reviewed: bool = True) -> str:
    """'3 episodes, 9 min 12 s in all; last reviewed 1 March 2025.' (the whole-article episode is not counted)."""
    sections = [ep for ep in group if ep.info.kind == "section"]
    count = f"{len(sections)} episode{'' if len(sections) == 1 else 's'}"
    text = f"{count}, {duration(sum(ep.duration_ms for ep in sections))} in all"
    day = group[0].info.meta.last_reviewed
    if day and reviewed:
        text += f'; last reviewed <time datetime="{day.isoformat()}">{_long_date(day)}</time>'
    return text + "."


def library_listing(groups: Sequence[Sequence[PublishedEpisode]], books: Mapping[str, str],
                    lang: Callable[[PublishedEpisode], str] = lambda episode: "") -> str:
    """The front page of a library: every article with its facts, leading to its page, book and feed; `lang` gives
    the lang attribute of an article's own words where they differ from the page's language (WCAG 3.1.2)."""
    items = []
    for group in groups:
        info = group[0].info
        page, feed = layout.article_page(info.article_slug), layout.article_feed(info.article_slug)
        book = books.get(info.article_slug)
        links = [f'<a href="{href(page, "")}">Episodes of “{e(info.article_title)}”</a>']
        if book:
            links.append(f'<a href="{href(book, "")}">Talking book (EPUB)</a>')
        links.append(f'<a href="{href(feed, "")}">Feed of this article (RSS)</a>')
        items.append(f'<li>\n<h3{lang(group[0])}><a href="{href(page, "")}">{e(info.article_title)}</a></h3>\n'
                     f'<p class="facts">{_facts(group)}</p>\n'
                     f'<ul class="links">\n{"".join(f"<li>{link}</li>" for link in links)}\n</ul>\n</li>\n')
    return ('<section aria-labelledby="articles-heading">\n<h2 id="articles-heading">Articles</h2>\n'
            f'<ul class="articles">\n{"".join(items)}</ul>\n</section>\n')


def _article_page(site: _Site, group: Sequence[PublishedEpisode]) -> str:
    """An article's page: its facts, its episodes (the whole article first), its book and its own feed."""
    info = group[0].info
    page_dir = layout.article_dir(info.article_slug)
    feed = layout.article_feed(info.article_slug)
    # the show's feed sits at the top of the site: the article's feed address is relative to it
    own = replace(site.show, title=info.article_title, feed=feed,
                  feed_url=urljoin(site.show.feed_url, quote(feed)) if site.show.feed_url else "")
    book = site.books.get(info.article_slug)
    book_link = (f'<p class="book"><a href="{href(book, page_dir)}">Download the talking book (EPUB, text and'
                 " audio together)</a></p>\n" if book else "")
    body = (
        '<a class="skip-link" href="#main">Skip to the episodes</a>\n'
        f"{_display_settings()}"
        f'<header>\n<nav aria-label="Articles">\n<ul class="neighbours">\n'
        f'<li><a href="{href(layout.INDEX, page_dir)}">All articles of {e(site.show.title)}</a></li>\n'
        "</ul>\n</nav>\n</header>\n"
        f'<main id="main" tabindex="-1">\n<h1>{e(info.article_title)}</h1>\n'
        f'<p class="facts">{_facts(group, reviewed=False)}</p>\n{_review(group[0])}{_synthetic_notice()}'
        f'<section aria-labelledby="episodes-heading">\n<h2 id="episodes-heading">Episodes</h2>\n'
        f'<ul class="episodes">\n{"".join(_listing_item(ep, page_dir) for ep in group)}</ul>\n{book_link}</section>\n'
        f"{_subscribe(own, href(feed, page_dir))}</main>\n"
    )
    language = info.meta.language or site.show.language
    return replace(site, show=own)._page(language, f"{info.article_title} – {site.show.title}", page_dir, "", body)
