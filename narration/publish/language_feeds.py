"""A library in several languages: one podcast feed per language, each with its channel's language right and
only that language's episodes. feed.xml is the show's own language (empty when no article is in it);
feed-<language>.xml holds each other language's episodes (feed-es.xml), titled from its phrase table."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Sequence

from narration.config import Config, ShowConfig
from narration.language import feed_name, primary, settings_for
from narration.models import PublishedEpisode
from narration.phrases import phrases_for
from narration.publish import layout
from narration.publish.feed import absolute_url


@dataclass(frozen=True)
class LanguageFeed:
    """One feed of the build: its file name, what its channel says, and its episodes (in build order)."""

    name: str
    show: ShowConfig
    episodes: tuple[PublishedEpisode, ...]


def language_feeds(config: Config, episodes: Sequence[PublishedEpisode]) -> list[LanguageFeed]:
    """The build's feeds: every other language's first (in the order its articles come), feed.xml last."""
    show = config.show
    groups: dict[str, list[PublishedEpisode]] = {layout.FEED: []}
    for episode in episodes:
        groups.setdefault(feed_name(episode.info.meta.language or show.language, show.language), []).append(episode)
    feeds = []
    for name, members in groups.items():
        if name == layout.FEED:
            continue
        tags = {e.info.meta.language for e in members}
        tag = tags.pop() if len(tags) == 1 else primary(members[0].info.meta.language)
        own = settings_for(config, tag)
        title = own.title or phrases_for(tag).feed_title.format(show=show.title)  # as language.show_title, or marked
        feeds.append(LanguageFeed(name, replace(show, language=tag, title=title,
                                                description=own.description or show.description), tuple(members)))
    return feeds + [LanguageFeed(layout.FEED, show, tuple(groups[layout.FEED]))]


def site_links(config: Config, feeds: Sequence[LanguageFeed]) -> tuple[tuple[str, str, str, str], ...]:
    """What the index says of the other languages' feeds: (language tag, its own name, relative path, address)."""
    return tuple((feed.show.language, phrases_for(feed.show.language).name, feed.name,
                  absolute_url(config.show.base_url, feed.name)) for feed in feeds if feed.name != layout.FEED)
