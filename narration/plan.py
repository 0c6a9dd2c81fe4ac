"""Scripts -> episode plans: what each episode says in order (intro, section, outro) and its identity."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Sequence

from narration.config import Config
from narration.language import phrases
from narration.phrases import Phrases
from narration.models import Article, EpisodeInfo, Pause, Script, Segment, Sentence

GUID_NAMESPACE = uuid.UUID("6b1c1f4e-3f0e-5a4b-9a57-8a4f5f0f2b11")  # this project's own namespace


@dataclass(frozen=True)
class Part:
    """One step of an episode: the audio signature, a spoken sentence, or a pause."""

    kind: str  # "signature", "intro", "heading", "body", "outro", "pause"
    text: str = ""
    ms: int = 0
    section: int = 0
    paragraph: int = 0  # paragraph of its section: blank lines of the script, counted
    subheading: bool = False  # a sub-heading spoken inside the section


Parts = tuple[Part, ...]  # one segment of an episode


@dataclass(frozen=True)
class EpisodePlan:
    """An episode before it is heard: its parts in segments, and what the feed says about it.

    Segments are mixed and encoded on their own and joined in pauses (see narration.audio.mp3): a section's body is
    one segment, shared by its own episode and the full-article episode, so it is encoded once and an edit
    re-encodes only that section.
    """

    info: EpisodeInfo
    segments: tuple[Parts, ...]

    @property
    def parts(self) -> tuple[Part, ...]:
        return tuple(part for segment in self.segments for part in segment)

    @property
    def sentences(self) -> list[str]:
        return [p.text for p in self.parts if p.text]


FULL_NAME = "00-full"  # the full-article episode's name within its article (sections are numbered from 01)


def episode_guid(article_slug: str, script_slug: str) -> str:
    """A GUID that never changes for the same article and section (numbering prefix included)."""
    return str(uuid.uuid5(GUID_NAMESPACE, f"{article_slug}/{script_slug}"))


def episode_slug(article_slug: str, name: str) -> str:
    """'<article>--<NN-section>': the file stem of an episode's MP3, transcripts, chapters and page.

    Unique by construction whatever else is built beside it: an article slug never contains '--' (slugify
    collapses dashes) and is unique in a build, and a name starts with its section number (00 for the full article).
    """
    return f"{article_slug}--{name}"


def pub_date(first_published: date, number: int) -> str:
    """Stable publication time: the article's own first-published day at 09:00, one minute apart in reading
    order; it never depends on which other articles are built with it."""
    base = datetime.combine(first_published, time(9, 0), tzinfo=timezone.utc)
    return (base + timedelta(minutes=number)).isoformat()


def _body_parts(segments: Sequence[Segment], section: int, sentence_pause_ms: int) -> list[Part]:
    parts: list[Part] = []
    paragraph = 0
    for segment in segments:
        if isinstance(segment, Pause):
            parts.append(Part("pause", ms=segment.ms, section=section))
            paragraph += segment.paragraph
        elif isinstance(segment, Sentence):
            if parts and parts[-1].kind != "pause":
                parts.append(Part("pause", ms=sentence_pause_ms, section=section))
            parts.append(Part("body", text=segment.text, section=section, paragraph=paragraph,
                              subheading=segment.subheading))
    return parts


def _reviewed(article: Article, phrases: Phrases, short: bool) -> list[str]:
    """When the article was last reviewed, if it says so."""
    when = article.meta.last_reviewed
    if when is None:
        return []
    return [(phrases.reviewed_short if short else phrases.reviewed_long).format(date=phrases.spoken_date(when))]


def _sentences(text: str) -> list[str]:
    from narration.text.sentences import split_sentences

    return [s for s in split_sentences(text) if s.strip()]


def _ended(text: str) -> str:
    """A title as the end of a spoken sentence: a question keeps its mark, nothing is doubled."""
    text = text.strip()
    return text if text[-1:] in ".?!" else text + "."


def _framed(config: Config, intro: list[str], body: Sequence[Sequence[Part]], outro: list[str]) -> tuple[Parts, ...]:
    """Signature, intro and a heading pause; the body segments; a heading pause, the outro, the signature again.
    Every join between segments falls in a pause."""
    audio = config.audio

    def spoken(kind: str, lines: list[str]) -> list[Part]:
        return [p for line in lines for p in (Part("pause", ms=audio.sentence_pause_ms), Part(kind, text=line))][1:]

    opening = [Part("signature"), Part("pause", ms=300), *spoken("intro", intro), Part("pause", ms=audio.heading_pause_ms)]
    closing = [Part("pause", ms=audio.heading_pause_ms), *spoken("outro", outro),
               Part("pause", ms=500), Part("signature"), Part("pause", ms=300)]
    return (tuple(opening), *(tuple(segment) for segment in body if segment), tuple(closing))


def _same(a: str, b: str) -> bool:
    return " ".join(a.lower().rstrip(".?!").split()) == " ".join(b.lower().rstrip(".?!").split())


def section_plan(config: Config, article: Article, script: Script, season: int, first_published: date,
                 spoken_show: str, description: str, spoken_article: str = "") -> EpisodePlan:
    """One episode per section: 'Show. Article, part 2 of 5: title.', the script, and one short closing line
    (the full wording of the disclaimer is said once, in the full-article episode)."""
    say = phrases(config, article.meta.language)
    article_name = (spoken_article or article.title).rstrip(".")
    where = say.part.format(article=article_name, number=script.number, count=script.count) \
        if script.count > 1 else article_name
    title = script.spoken_title
    intro = [f"{spoken_show}.", _ended(where if _same(title, article_name) else say.titled.format(where=where, title=title))]
    body = [_body_parts(script.segments, script.number, config.audio.sentence_pause_ms)]
    outro = [*_reviewed(article, say, short=True), *_sentences(say.short_disclaimer)]
    info = EpisodeInfo(
        guid=episode_guid(article.slug, script.slug), slug=episode_slug(article.slug, script.slug),
        title=script.title, description=description, article_slug=article.slug, article_title=article.title,
        season=season, number=script.number, pub_date=pub_date(first_published, script.number),
        meta=article.meta,
    )
    return EpisodePlan(info, _framed(config, intro, body, outro))


def full_plan(config: Config, article: Article, scripts: Sequence[Script], season: int, first_published: date,
              spoken_show: str, description: str, spoken_article: str = "") -> EpisodePlan:
    """The whole article in one episode; each part is announced as it starts (chapters follow these)."""
    say = phrases(config, article.meta.language)
    article_name = (spoken_article or article.title).rstrip(".")
    body: list[list[Part]] = []
    for script in scripts:
        title = script.spoken_title
        heading = say.announce.format(number=script.number) if _same(title, article_name) else \
            _ended(say.announce_titled.format(number=script.number, title=title))
        announce = [Part("pause", ms=config.audio.heading_pause_ms)] if body else []
        announce.append(Part("heading", text=heading, section=script.number))
        announce.append(Part("pause", ms=config.audio.heading_pause_ms, section=script.number))
        body += [announce, _body_parts(script.segments, script.number, config.audio.sentence_pause_ms)]
    intro = [f"{spoken_show}.", say.whole.format(article=article_name, count=len(scripts))]
    outro = [*_reviewed(article, say, short=False), *_sentences(say.disclaimer)]
    info = EpisodeInfo(
        guid=episode_guid(article.slug, "full-article"), slug=episode_slug(article.slug, FULL_NAME),
        title=say.whole_title.format(article=article.title), description=description, article_slug=article.slug,
        article_title=article.title, season=season, number=0, pub_date=pub_date(first_published, 0), kind="full",
        meta=article.meta,
    )
    return EpisodePlan(info, _framed(config, intro, body, outro))
