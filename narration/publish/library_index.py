"""A library of articles on the web: each article's own page (its episodes, its talking book, its feed) and own
feed under articles/<slug>/, and the front page's list of articles (title, episodes, length, last reviewed).

A patient who wants one topic subscribes to that article's feed; the show's feed.xml carries every article."""
from __future__ import annotations

from dataclasses import replace
from urllib.parse import quote, urljoin
from pathlib import Path
from typing import Mapping, Sequence

from narration.atomic import write_bytes_atomic
from narration.config import ShowConfig
from narration.models import PublishedEpisode
from narration.publish import feed as feed_stage
from narration.publish import layout
from narration.phrases import phrases_for
from narration.publish.page_words import PageWords, words_for
from narration.publish.site import (display_settings, grouped_by, in_language, page_lang, listing_item, review_note, Site,
                                    subscribe_links, synthetic_voice_notice)
from narration.publish.site_html import duration, e, href


def write_article_feeds(out_dir: Path, show: ShowConfig, episodes: Sequence[PublishedEpisode], cover: str) -> None:
    """articles/<slug>/feed.xml: one podcast feed per article, titled after it, in the article's language."""
    for group in grouped_by(episodes):
        info = group[0].info
        own = replace(show, language=info.meta.language or show.language, title=f"{info.article_title} – {show.title}",
                      description=phrases_for(info.meta.language or show.language).article_feed_description.format(
                          article=info.article_title, description=show.description))
        data = feed_stage.build_feed(own, group, cover, feed_path=layout.article_feed(info.article_slug))
        write_bytes_atomic(out_dir / layout.article_feed(info.article_slug), data)


def article_pages(site: Site) -> dict[str, str]:
    """articles/<slug>/index.html: one page per article, framed like every other page of the site."""
    return {layout.article_page(group[0].info.article_slug): _article_page(site, group)
            for group in grouped_by(site.episodes)}


def _facts(group: Sequence[PublishedEpisode], words: PageWords, reviewed: bool = True) -> str:
    """'3 episodes, 9 min 12 s in all; last reviewed 1 March 2025.' (the whole-article episode is not counted)."""
    sections = [ep for ep in group if ep.info.kind == "section"]
    length = duration(sum(ep.duration_ms for ep in sections))
    text = words.html("facts_one" if len(sections) == 1 else "facts_many", count=str(len(sections)), length=length)
    day = group[0].info.meta.last_reviewed
    if day and reviewed:
        when = f'<time datetime="{day.isoformat()}">{e(words.date(day))}</time>'
        text += words.html("facts_reviewed", date=when)
    return text + "."


def library_listing(groups: Sequence[Sequence[PublishedEpisode]], books: Mapping[str, str], language: str) -> str:
    """The front page of a library, in the show's `language`: every article with its facts, leading to its page,
    book and feed; an article in another language is marked as such and described in its own words (WCAG 3.1.2)."""
    page_words = words_for(language)
    items = []
    for group in groups:
        info = group[0].info
        own = info.meta.language or language
        words = words_for(own)
        lang = page_lang(own, language)
        page, feed = layout.article_page(info.article_slug), layout.article_feed(info.article_slug)
        book = books.get(info.article_slug)
        title = e(info.article_title)
        links = [f'<a href="{href(page, "")}">{words.html("article_episodes_link", article=title)}</a>']
        if book:
            links.append(f'<a href="{href(book, "")}">{e(words("article_book_link"))}</a>')
        links.append(f'<a href="{href(feed, "")}">{e(words("article_feed_link"))}</a>')
        items.append(f'<li{lang}>\n<h3><a href="{href(page, "")}">{title}</a></h3>\n'
                     f'<p class="facts">{_facts(group, words)}</p>\n'
                     f'<ul class="links">\n{"".join(f"<li>{link}</li>" for link in links)}\n</ul>\n</li>\n')
    return ('<section aria-labelledby="articles-heading">\n'
            f'<h2 id="articles-heading">{e(page_words("articles_heading"))}</h2>\n'
            f'<ul class="articles">\n{"".join(items)}</ul>\n</section>\n')


def _article_page(site: Site, group: Sequence[PublishedEpisode]) -> str:
    """An article's page, in the article's language: its facts, its episodes (the whole article first), its book
    and its own feed."""
    info = group[0].info
    language = info.meta.language or site.show.language
    words = words_for(language)
    page_dir = layout.article_dir(info.article_slug)
    feed = layout.article_feed(info.article_slug)
    # the show's feed sits at the top of the site: the article's feed address is relative to it
    own = replace(site.show, title=info.article_title, feed=feed, language=language, other_feeds=(),
                  feed_url=urljoin(site.show.feed_url, quote(feed)) if site.show.feed_url else "")
    book = site.books.get(info.article_slug)
    book_link = f'<p class="book"><a href="{href(book, page_dir)}">{e(words("book_link"))}</a></p>\n' if book else ""
    show = in_language(site.show.title, site.show.language, language)
    body = (
        f'<a class="skip-link" href="#main">{e(words("skip_to_episodes"))}</a>\n'
        f"{display_settings(words)}"
        f'<header>\n<nav aria-label="{e(words("articles_nav"))}">\n<ul class="neighbours">\n'
        f'<li><a href="{href(layout.INDEX, page_dir)}">{words.html("all_articles", show=show)}</a></li>\n'
        "</ul>\n</nav>\n</header>\n"
        f'<main id="main" tabindex="-1">\n<h1>{e(info.article_title)}</h1>\n'
        f'<p class="facts">{_facts(group, words, reviewed=False)}</p>\n{review_note(group[0], words)}'
        f"{synthetic_voice_notice(words)}"
        f'<section aria-labelledby="episodes-heading">\n<h2 id="episodes-heading">{e(words("episodes_heading"))}</h2>\n'
        f'<ul class="episodes">\n{"".join(listing_item(ep, words, page_dir) for ep in group)}</ul>\n{book_link}'
        f"</section>\n{subscribe_links(own, page_dir, language, words)}</main>\n"
    )
    return replace(site, show=own)._page(language, f"{info.article_title} – {site.show.title}", page_dir, "", body,
                                         words)
