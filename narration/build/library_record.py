"""What the output remembers about each article between builds (in its mark, narration-output.json): the day
it was first published, kept when it is rebuilt, and a digest of its episodes, so that a rebuild can say which
articles were added, changed or removed."""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping, Sequence

from narration.build.staging import mark_data

if TYPE_CHECKING:
    from narration.build.pipeline import ArticleScripts, EpisodeWork

KEY = "articles"  # the mark's key for the records
LAST_SEASON = "last_season"  # the highest season ever given: a removed article's number is never given again


@dataclass(frozen=True)
class ArticleRecord:
    """One article as the output last published it."""

    first_published: str  # YYYY-MM-DD: the day its episodes are dated
    digest: str  # of everything its episodes are made of: a different digest is an edited article
    season: int = 0  # its season in the feeds: given once, kept when other articles come and go


@dataclass(frozen=True)
class Changes:
    """Articles added, edited and removed since the output's previous build."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """One summary line per kind of change, naming the articles."""
        named = (("added", self.added), ("changed", self.changed), ("removed", self.removed))
        return [f"  Articles {what}: {', '.join(slugs)}." for what, slugs in named if slugs]


def read_records(output: Path) -> dict[str, ArticleRecord] | None:
    """The records of the output's previous build; None for a new output (or one built before records were kept)."""
    data = mark_data(output).get(KEY) if output.is_dir() else None
    if not isinstance(data, dict):
        return None
    records = {}
    for slug, value in data.items():
        try:
            season = value.get("season", 0)
            records[slug] = ArticleRecord(value["first_published"], value["digest"],
                                          season if isinstance(season, int) and season > 0 else 0)
            date.fromisoformat(records[slug].first_published)
        except (TypeError, ValueError, KeyError):
            continue  # a damaged record is forgotten, never fatal: the article is dated afresh
    return records


def read_last_season(output: Path) -> int:
    """The highest season the output ever gave an article (0 for a new output)."""
    value = mark_data(output).get(LAST_SEASON) if output.is_dir() else None
    return value if isinstance(value, int) and value > 0 else 0


def build_day() -> date:
    """Today (UTC), or the day of SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    moment = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch.isdigit() else datetime.now(timezone.utc)
    return moment.date()


def first_published(own: date | None, slug: str, records: Mapping[str, ArticleRecord] | None, show_first: date) -> date:
    """The day an article's episodes are dated: its own (front matter or config), else the day recorded when it was
    first published; an article new to a library built before is published today, the first build's articles on
    the show's first_published day."""
    if own is not None:
        return own
    if records is not None and slug in records:
        return date.fromisoformat(records[slug].first_published)
    return build_day() if records else show_first


def dated(prepared: Sequence["ArticleScripts"], records: Mapping[str, ArticleRecord] | None,
          show_first: date, last_season: int = 0) -> list["ArticleScripts"]:
    """Each article with the day it was first published (its own, else the one the output recorded), in order of
    that day (a newly added article comes last and moves no other), and its season: the recorded one, else the
    number after every one given before (`last_season`), so that articles coming and going never renumber or
    share a season."""
    out = []
    for item in prepared:
        meta = item.article.meta
        day = first_published(meta.first_published, item.article.slug, records, show_first)
        out.append(replace(item, article=replace(item.article, meta=replace(meta, first_published=day))))
    out.sort(key=lambda item: item.article.meta.first_published or show_first)
    kept = {slug: record.season for slug, record in (records or {}).items() if record.season}
    given = max([last_season, *kept.values()])
    seasons: list[int] = []
    for item in out:
        season = kept.get(item.article.slug, 0)
        if not season or season in seasons:  # new here (or a damaged record giving two articles one season)
            given += 1
            season = given
        seasons.append(season)
    return [replace(item, season=season) for item, season in zip(out, seasons)]


def article_records(prepared: Sequence["ArticleScripts"], works: Sequence["EpisodeWork"]) -> dict[str, ArticleRecord]:
    """What the output records of each article: its first day, and a digest of its title and its episodes' keys."""
    keys_of: dict[str, list[str]] = {}
    for work in works:
        keys_of.setdefault(work.plan.info.article_slug, []).append(work.key)
    return {item.article.slug: ArticleRecord((item.article.meta.first_published or date.min).isoformat(),
                                             digest([item.article.title, *keys_of.get(item.article.slug, [])]),
                                             item.season)
            for item in prepared}


def digest(parts: Iterable[object]) -> str:
    return hashlib.sha256(json.dumps(list(parts), sort_keys=True, default=str).encode("utf-8")).hexdigest()[:32]


def changes(before: Mapping[str, ArticleRecord] | None, after: Mapping[str, ArticleRecord]) -> Changes:
    """What changed since the previous build (nothing is listed on the output's first build)."""
    if before is None:
        return Changes()
    return Changes(added=[s for s in after if s not in before],
                   changed=[s for s in after if s in before and before[s].digest != after[s].digest],
                   removed=[s for s in before if s not in after])


def as_mark(records: Mapping[str, ArticleRecord], last_season: int = 0) -> dict[str, object]:
    """The records as the mark stores them, with the highest season ever given."""
    highest = max([last_season, *(record.season for record in records.values())])
    return {KEY: {slug: vars(record) for slug, record in sorted(records.items())}, LAST_SEASON: highest}
