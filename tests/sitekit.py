"""Hand-built published episodes shared by the site and browser tests."""
from __future__ import annotations

from datetime import date

from narration.models import ArticleMeta, Cue, EpisodeInfo, PublishedEpisode
from narration.publish.site import SiteShow

SHOW = SiteShow(
    title="Health, read aloud",
    description="Reviewed health articles as a podcast.",
    language="en",
    author="The health information team",
    cover="cover.png",
    feed_url="https://podcast.example.org/health/feed.xml",
)
REVIEWED = ArticleMeta(
    reviewed_by="Breast care nurses", last_reviewed=date(2024, 3, 5), source_url="https://example.org/article"
)


def episode(
    slug: str,
    cues: tuple[Cue, ...],
    *,
    title: str = "What are breast calcifications?",
    article_slug: str = "breast-calcifications",
    article_title: str = "Breast calcifications",
    number: int = 1,
    description: str = "What calcifications are and why they show on a mammogram.",
    meta: ArticleMeta = REVIEWED,
    size: int = 1000,
) -> PublishedEpisode:
    """A published episode whose MP3 sits at episodes/<slug>.mp3."""
    info = EpisodeInfo(
        guid=f"urn:test:{slug}",
        slug=slug,
        title=title,
        description=description,
        article_slug=article_slug,
        article_title=article_title,
        season=1,
        number=number,
        pub_date="2024-03-05T09:00:00+00:00",
        kind="section" if number else "full",
        meta=meta,
    )
    duration = cues[-1].end_ms if cues else 0
    return PublishedEpisode(info=info, mp3=f"episodes/{slug}.mp3", bytes=size, duration_ms=duration, cues=cues)
