"""The one place that plans a build, runs the stages in order, uses the caches and publishes atomically."""
from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Container, Sequence

from narration import ingest
from narration.language import primary, resolve as resolve_language, settings_for, show_title
from narration.publish.language_feeds import language_feeds, site_links
from narration.speech.languages import Engines
from narration.ingest import library
from narration.ingest.conditional import Fetcher
from narration.ingest.fetch import page_text
from narration.cache import keys
from narration.cache.generated import Generated, GeneratedScripts
from narration.cache.usage import record_build, touch
from narration import scripts as script_stage
from narration.atomic import atomic_path
from narration.config import AudioConfig, Config
from narration.plan import EpisodePlan, Part, full_plan, section_plan
from narration.errors import EngineError, InputError
from narration.publish.holdline.step import HoldPace, check_sections, hold_only_sentences, holdline_settings, write_holdline
from narration.text.lexicon import Lexicon, Report, load_lexicon
from narration.audio.mix import prepare_clip, render
from narration.build.concurrency import Beside
from narration.build.mixahead import MakeSegment, MixAhead, PrepareClip
from narration.build.reading import reading_lines
from narration.models import Article, ArticleMeta, Audio, Chapter, Cue, Mixdown, PublishedEpisode, Script
from narration.text.languages import normalizer_for
from narration.publish import feed as feed_stage
from narration.publish import transcripts
from narration.publish.artwork import check_cover, default_cover, intact_png
from narration.publish.episodes import EncodedSegment, EpisodeAudio, EpisodeCache, SegmentCache, TagInfo, place
from narration.publish.book import write_epub
from narration.publish import library_index
from narration.publish.site import SiteShow, write_site
from narration.build import library_record
from narration.build.carry import Carrier
from narration.build.staging import StagedOutput, build_lock, check_output
from narration.speech import ClipCache, Engine, VoiceSettings, clip_key
from narration.speech.synthesize import Job, ProgressHook, SynthesisStats, synthesize_missing
from narration.speech.workers import engine_factory, speakers
from narration.cache.shared import shared_store
from narration.grouping import WORDS_PER_MINUTE
from narration.opening import opening_words
from narration.phrases import phrases_for
from narration.publish import layout

log = logging.getLogger(__name__)
SAMPLE = Path(__file__).resolve().parent.parent / "data" / "breast-calcifications.txt"
COVER_NAME = layout.COVER


@dataclass(frozen=True)
class BuildOptions:
    """What to build and where (from the CLI)."""

    articles: tuple[Path | str, ...] = ()  # files, or http(s) addresses of web pages
    output: Path = Path("output")
    scripts_dir: Path = Path("scripts")
    cache_dir: Path = Path(".cache/narration")
    regenerate_scripts: bool = False
    holdline: bool = True  # also write the telephone renditions and hold program (when the config enables them)
    workers: int = 0  # speech worker processes (or Ray actors); 0 or 1: the build's own process speaks
    ray: str | None = None  # speak on Ray actors: a cluster's address, or '' for a local Ray
    shared_cache: str = ""  # URL of a clip cache shared by builds and machines (s3://..., file://...)


@dataclass
class BuildReport:
    """What a build did: for the CLI summary and for tests."""

    output: Path
    episodes: list[PublishedEpisode] = field(default_factory=list)
    stats: SynthesisStats = field(default_factory=SynthesisStats)
    scripts_written: list[Path] = field(default_factory=list)
    kept_edits: list[Path] = field(default_factory=list)
    rules: Report = field(default_factory=Report)
    episodes_rendered: int = 0
    hold_stats: SynthesisStats = field(default_factory=SynthesisStats)
    reading: list[str] = field(default_factory=list)  # each article's reading level, one line each
    changes: library_record.Changes = field(default_factory=library_record.Changes)  # articles added, edited, removed


@dataclass(frozen=True)
class ArticleScripts:
    """An article with its narration scripts (read back from the script files)."""

    article: Article
    scripts: tuple[Script, ...]
    descriptions: tuple[str, ...]
    planned: tuple[script_stage.PlannedSection, ...] = ()  # the episodes' sections, as the settings planned them
    season: int = 0  # its season in the feeds, kept by the output's records (0: its place in this build)


def article_paths(options: BuildOptions, config: Config | None = None,
                  fetcher: Fetcher | None = None) -> tuple[Path | str, ...]:
    """The articles to build: the given ones (folders searched, feeds and sitemaps followed), else the config's
    [library] sources, else the built-in sample."""
    skip = (options.output, options.scripts_dir, options.cache_dir)
    found = library.expand(options.articles, config.library.sources if config else (), config.root if config else Path("."),
                           config.source if config else Path(), skip, fetcher or Fetcher(options.cache_dir))
    return tuple(found) or (SAMPLE,)


def check_output_folder(config: Config, options: BuildOptions) -> None:
    """Refuse, before anything is made, an output folder that is not the build's own or that holds its inputs."""
    inputs = [(f"the article {p}", p) for p in options.articles if isinstance(p, Path)]
    if config.source.is_file():
        inputs.append((f"the config {config.source}", config.source))
    voices = [(f"the {tag} voice", settings.voice) for tag, settings in config.languages.items()]
    for what, name in (("the lexicon", config.scripts.lexicon), ("the artwork", config.show.artwork),
                       ("the hold-line music", config.holdline.music), ("the voice", config.speech.voice), *voices):
        if name:
            inputs.append((what, config.root / Path(name).expanduser()))
    inputs += [(f"the library source {path}", path) for path in library.local_roots(config.library.sources, config.root)]
    nested = [("the scripts folder", options.scripts_dir), ("the cache", options.cache_dir)]
    check_output(options.output, inputs + nested, nested)


def read_articles(config: Config, paths: Sequence[Path | str], fetcher: Fetcher | None = None) -> list[Article]:
    """Ingest every article (files or web addresses), with title and review metadata from the config where it has them;
    two articles that would have the same name are refused before anything is made."""
    fetcher = fetcher or Fetcher(None)
    articles = []
    for path in paths:
        settings = config.articles.get(ingest.slugify(ingest.article_stem(path), fallback="article"))
        meta = None
        if settings and (settings.reviewed_by or settings.last_reviewed or settings.source_url or settings.first_published):
            meta = ArticleMeta(reviewed_by=settings.reviewed_by, source_url=settings.source_url,
                               last_reviewed=date.fromisoformat(settings.last_reviewed) if settings.last_reviewed else None,
                               first_published=date.fromisoformat(settings.first_published) if settings.first_published else None)
        article = ingest.read_article(path, title=settings.title if settings else "", meta=meta,
                                      debris=config.scripts.debris,
                                      fetch=lambda url: page_text(url, fetcher.get(url)))
        articles.append(resolve_language(article, settings.language if settings else "", config.show.language))
    first: dict[str, Article] = {}
    for article in articles:
        other = first.setdefault(article.slug, article)
        if other is not article:
            raise InputError(article.source, f"has the same name ({article.slug}) as {other.source}; give one of "
                                             "them another file name or an 'id' in its front matter")
    return articles


def voice_settings(config: Config, language: str = "") -> VoiceSettings:
    """The engine settings for a language (the show's by default): its [languages] voice and tld, else the
    config's voice; a relative voice path is relative to the config file."""
    language = language or config.show.language
    own = settings_for(config, language)
    voice = own.voice or config.speech.voice
    if voice and not Path(voice).expanduser().is_absolute():
        voice = str(config.root / voice)
    return VoiceSettings(config.speech.engine, voice, config.speech.preset, primary(language), tld=own.tld,
                         retries=config.speech.retries, timeout=config.speech.timeout_seconds)


def language_engines(config: Config) -> Engines:
    """The engine of each language, made when first needed."""
    return Engines(lambda language: voice_settings(config, language))


def project_lexicon(config: Config) -> Lexicon:
    """The shipped lexicon with the project's lexicon file (if any) over it."""
    path = config.root / config.scripts.lexicon
    return load_lexicon(path if path.exists() else None)


def prepare_scripts(config: Config, options: BuildOptions, write: bool = True) -> tuple[list[ArticleScripts], BuildReport]:
    """Ingest the articles and sync their script files (the 'scripts' command stops here)."""
    report = BuildReport(output=options.output)
    lexicon = project_lexicon(config)
    prepared = []
    fetcher = Fetcher(options.cache_dir)
    memo = GeneratedScripts(options.cache_dir)
    for article in read_articles(config, article_paths(options, config, fetcher), fetcher):
        planned = script_stage.sections_of(article, config.scripts, WORDS_PER_MINUTE[config.speech.preset])
        generated = _generated(memo if write else None, config, article, planned, lexicon, report.rules,
                               options.regenerate_scripts)
        sync = script_stage.sync_scripts(article, options.scripts_dir, lexicon, config.scripts, config.audio,
                                         regenerate=options.regenerate_scripts, write=write, planned=planned,
                                         generated=generated)
        report.scripts_written += sync.written
        report.kept_edits += sync.kept_edits
        report.rules.rules.update(sync.report.rules)
        report.rules.entries.update(sync.report.entries)
        descriptions = tuple(_description(article, p) for p in planned)
        prepared.append(ArticleScripts(article, tuple(sync.scripts), descriptions, tuple(planned)))
    return prepared, report


def _generated(memo: GeneratedScripts | None, config: Config, article: Article,
               planned: Sequence[script_stage.PlannedSection], lexicon: Lexicon, report: Report,
               regenerate: bool = False) -> list[Generated]:
    """The article's generated scripts, from the cache when nothing they follow from has changed (`memo`: None
    for a build that writes nothing; `regenerate`: made anew, and the cache entry with them)."""
    def make(fired: Report) -> list[Generated]:
        return [script_stage.generated_script(article, p, lexicon, fired, config.scripts) for p in planned]

    if memo is None:
        return make(report)
    return memo.get_or_make((article, planned, lexicon, config.scripts), len(planned), make, report, regenerate)


def audit_numbers(config: Config, prepared: Sequence[ArticleScripts], edited: Sequence[Path]) -> None:
    """Stop before anything is synthesized when an edited script drops or changes a number of its article ([check]
    numbers); a generated script says the article's numbers by construction (tests/test_numbers.py)."""
    pairs = [(item, script, section) for item in prepared for script, section in zip(item.scripts, item.planned)
             if script.path in edited]
    if config.check.numbers == "off" or not pairs:
        return
    from narration.check.numbers import enforce  # imports the checks (scipy): only when a script was edited
    from narration.review import number_issues

    lexicon, link_phrase = project_lexicon(config), config.scripts.url_phrase or None
    enforce(config.check.numbers, [issue for item, script, section in pairs for issue in number_issues(
        [script], [section], lexicon, link_phrase, item.article.meta.language)])


def _description(article: Article, planned: script_stage.PlannedSection) -> str:
    """Episode notes: which part of which article, and its opening sentences as written."""
    notes = phrases_for(article.meta.language or "en")
    where = notes.part_of.format(number=planned.number, count=planned.count, article=article.title) \
        if planned.count > 1 else notes.quoted.format(article=article.title)
    title = planned.title.strip()
    heading = f"{where}: {title}" if title != article.title else where
    opening = opening_words(planned.blocks, notes.conjunction)
    return " ".join(x for x in (heading if heading[-1] in ".?!" else heading + ".", opening) if x)


def plan_episodes(config: Config, prepared: Sequence[ArticleScripts], lexicon: Lexicon) -> list[EpisodePlan]:
    """Every episode of the build, in feed order; each article's episodes are dated from its own first-published
    day, so adding or reordering articles never moves them."""
    show_first = show_first_published(config)
    plans = []
    for position, item in enumerate(prepared, start=1):
        season = item.season or position
        first = item.article.meta.first_published or show_first
        spoken_article = spoken_title(item.article.title, lexicon)
        spoken_show = spoken_title(show_title(config, item.article.meta.language), lexicon)
        for script, description in zip(item.scripts, item.descriptions):
            plans.append(section_plan(config, item.article, script, season, first, spoken_show, description,
                                      spoken_article))
        if config.audio.full_article_episode and len(item.scripts) > 1:
            notes = phrases_for(item.article.meta.language or "en").whole_notes.format(article=item.article.title)
            plans.append(full_plan(config, item.article, item.scripts, season, first, spoken_show, notes, spoken_article))
    return plans


def show_first_published(config: Config) -> date:
    return date.fromisoformat(config.show.first_published) if config.show.first_published else date(2026, 1, 1)


def spoken_title(title: str, lexicon: Lexicon) -> str:
    """A show's or article's title as the intros speak it (lexicon and normalization, no closing period), by the
    rules of the lexicon's language (`lexicon.for_language(article.meta.language)` for an article's)."""
    return " ".join(normalizer_for(lexicon.language).normalize(title, lexicon, None).split()).rstrip(".")


def chapters_from_cues(cues: Sequence[Cue], titles: dict[int, str], duration_ms: int) -> tuple[Chapter, ...]:
    """One chapter per section of a full-article episode, starting at its spoken announcement."""
    starts: list[tuple[int, int]] = []
    for cue in cues:
        if cue.kind == "heading":
            starts.append((cue.section, cue.start_ms))
    chapters = []
    for index, (section, start) in enumerate(starts):
        start = 0 if index == 0 else start
        end = starts[index + 1][1] if index + 1 < len(starts) else duration_ms
        chapters.append(Chapter(start, end, titles.get(section, f"Section {section}")))
    return tuple(chapters)


def _cover(config: Config, cache_dir: Path) -> Path:
    """The configured artwork (checked) or the generated default cover, cached by show title."""
    if config.show.artwork:
        path = (config.root / config.show.artwork)
        if not path.is_file():
            raise InputError(path, "artwork file not found; fix show.artwork or leave it empty for a generated cover")
        problems = check_cover(path)
        if problems:
            raise InputError(path, "; ".join(problems))
        return path
    key = keys.cover_key(config.show.title, config.show.author)
    cached = cache_dir / "covers" / f"{key}.png"
    if not intact_png(cached):  # PNG chunks carry CRCs: a damaged cover is drawn again, never published
        with atomic_path(cached) as tmp:
            default_cover(config.show.title, config.show.author, tmp)
    touch(cached)
    return cached


class PreparedClips:
    """Sentences levelled and resampled for the mix, cached beside the raw clips (content-addressed too)."""

    def __init__(self, clips: ClipCache, fingerprint: dict[str, str], audio: AudioConfig) -> None:
        self.raw = clips
        self.ready = ClipCache(clips.root / "prepared")
        self.fingerprint = fingerprint
        self.audio = audio

    def get(self, text: str) -> Audio:
        raw_key = clip_key(text, self.fingerprint)
        key = keys.prepared_key(raw_key, self.audio.sample_rate, self.audio.loudness_lufs, self.audio.true_peak_dbtp)
        ready = self.ready.get(key)
        if ready is None:
            raw = self.raw.get(raw_key)
            if raw is None:
                raise EngineError(f"clip for {text[:60]!r} vanished from the cache during the build")
            ready = prepare_clip(raw, self.audio.sample_rate, self.audio.loudness_lufs, self.audio.true_peak_dbtp)
            ready = self.ready.put(key, ready)  # use what later builds will read back: same bytes
        return ready


@dataclass(frozen=True)
class EpisodeWork:
    """An episode's identity in the caches: its key, its tags and the keys of its segments."""

    plan: EpisodePlan
    key: str
    tags: TagInfo
    segment_keys: tuple[str, ...]


def episode_work(config: Config, plan: EpisodePlan, fingerprint: dict[str, str], cover: Path) -> EpisodeWork:
    """Keys from exactly what decides the bytes: each segment's parts (clip keys, pauses) and the audio settings;
    the episode's from its segments and tags."""
    info = plan.info
    audio = config.audio
    settings = keys.mix_settings(audio.loudness_lufs, audio.true_peak_dbtp, audio.bitrate, audio.sample_rate)
    segment_keys = tuple(keys.segment_key(settings, [(p.kind, clip_key(p.text, fingerprint) if p.text else "", p.ms,
                                                      p.section, p.paragraph, p.subheading) for p in segment])
                         for segment in plan.segments)
    track = info.number or sum(part.kind == "heading" for part in plan.parts) + 1  # the full article follows its sections
    tags = TagInfo(title=info.title, artist=config.show.author, album=config.show.title,
                   track=track, year=int(info.pub_date[:4]), genre="Podcast",
                   comment=info.description, cover=cover)
    key = keys.episode_key(segment_keys, {**settings, "full": info.kind == "full"},
                           [tags.title, tags.artist, tags.album, tags.track, tags.year, tags.genre, tags.comment,
                            [(c.start_ms, c.end_ms, c.title) for c in tags.chapters]], tags.cover)
    return EpisodeWork(plan, key, tags, segment_keys)


def build(config: Config, options: BuildOptions, engine: Engine | None = None,
          progress: ProgressHook | None = None) -> BuildReport:
    """Run the whole build; output/ is replaced only when everything succeeded.

    Segments of the episodes to remake are mixed while the engine speaks (MixAhead); the hold line is rendered
    beside the episodes; everything is written to a staging folder that replaces output/ at the end."""
    check_output_folder(config, options)
    started = time.time()
    with build_lock(options.output), Beside() as aside:
        prepared, report = prepare_scripts(config, options)
        audit_numbers(config, prepared, report.kept_edits)
        reading = aside.submit(reading_lines, [(i.article.title, i.scripts, i.article.meta.language) for i in prepared],
                               config.check.max_grade, options.cache_dir)  # beside the synthesis (the dictionary loads slowly)
        previous = library_record.read_records(options.output)
        last_season = library_record.read_last_season(options.output)
        prepared = library_record.dated(prepared, previous, show_first_published(config), last_season)
        holdline = options.holdline and config.holdline.enabled
        if holdline:
            check_sections(config, [s for item in prepared for s in item.scripts])
        lexicon = project_lexicon(config)
        plans = plan_episodes(config, prepared, lexicon)
        engines = Engines.one(engine) if engine else language_engines(config)
        engines.check(item.article for item in prepared)  # each article's voice speaks its language
        languages = {item.article.slug: item.article.meta.language for item in prepared}
        factory = engine_factory(voice_settings(config), engine)  # how speech workers make theirs (the show's voice)
        clips = ClipCache(options.cache_dir, shared_store(options.shared_cache))
        episodes, segments = EpisodeCache(options.cache_dir), SegmentCache(options.cache_dir)
        cover = _cover(config, options.cache_dir)
        works = [episode_work(config, plan, engines.fingerprint(plan.info.meta.language), cover) for plan in plans]
        records = library_record.article_records(prepared, works)
        report.changes = library_record.changes(previous, records)
        carrier = Carrier(options.output, options.cache_dir)  # unchanged episodes: linked, their cache copies unread
        found = {work.key: episodes.get(work.key, carrier.intact) for work in works}
        to_mix = {key: parts for work in works if found[work.key] is None
                  for key, parts in zip(work.segment_keys, work.plan.segments)}
        voice_of = {key: engines.fingerprint(work.plan.info.meta.language) for work in works for key in work.segment_keys}
        encoded = {key: segment for key in to_mix if (segment := segments.get(key)) is not None}
        jobs = [Job(text, plan.info.slug, engines(plan.info.meta.language)) for plan in plans for text in plan.sentences]
        topics = {item.article.slug: spoken_title(item.article.title, lexicon) for item in prepared}
        said = hold_only_sentences(config, topics, languages) if holdline else {}
        jobs += [Job(text, "hold line", engines(tag)) for tag, texts in said.items() for text in texts]
        paced = {x.text for item in prepared for s in item.scripts for x in s.sentences} if holdline else set()
        mixer, prepare = _segment_maker(config, clips, voice_of, segments, paced)
        unmixed = {k: v for k, v in to_mix.items() if k not in encoded}
        read = {part.text for parts in unmixed.values() for part in parts if part.text}  # the clips the mix reads
        with MixAhead(unmixed, mixer, prepare) as ahead, speakers(factory, options.workers, options.ray) as fanned_out:
            report.stats = synthesize_missing(jobs, engines(config.show.language), clips,
                                              config.speech.timeout_seconds, progress, ahead, fanned_out, read)
            engines.unload()
            if progress and len(encoded) < len(to_mix):
                progress("mixing the episodes", 0, 1)
            encoded.update(ahead.finish())
        report.reading = reading.result()
        # The hold line needs only the clips: it is rendered beside the episodes, in its own folder of the stage.
        keep = None if holdline or not config.holdline.enabled else _in_holdline  # --no-holdline keeps the published one
        with StagedOutput(options.output, keep, library_record.as_mark(records, last_season)) as stage, Beside() as beside:
            scripts = [s for item in prepared for s in item.scripts]
            hold = beside.submit(write_holdline, config, scripts, stage.path, options.cache_dir, engines,
                                 topics=topics, cancelled=beside.cancelled, languages=languages,
                                 carrier=carrier) if holdline else None
            cover_name = COVER_NAME if not config.show.artwork else layout.cover(cover.suffix)
            place(cover, stage.path / cover_name)
            titles = {item.article.slug: {s.number: s.title for s in item.scripts} for item in prepared}
            for work in works:
                made = found[work.key]
                if made is None:
                    made = _join(config, work, encoded, episodes, titles[work.plan.info.article_slug])
                    report.episodes_rendered += 1
                report.episodes.append(_publish(work.plan, made, titles[work.plan.info.article_slug], stage.path,
                                                carrier))
            for episode in report.episodes:
                transcripts.write_episode_files(stage.path, episode)
            by_article: dict[str, list[PublishedEpisode]] = {}
            for episode in report.episodes:
                by_article.setdefault(episode.info.article_slug, []).append(episode)
            books = {item.article.slug: book for item in prepared
                     if (book := _book(config, item, by_article[item.article.slug], stage.path, carrier))}
            feed_url = feed_stage.absolute_url(config.show.base_url, feed_stage.FEED_NAME)
            feeds = language_feeds(config, report.episodes)
            site_show = SiteShow(config.show.title, config.show.description, config.show.language,
                                 config.show.author, feed_stage.FEED_NAME, cover_name, feed_url,
                                 other_feeds=site_links(config, feeds))
            write_site(stage.path, site_show, report.episodes, books,
                       {item.article.slug: {s.number: s.written for s in item.scripts if s.written} for item in prepared})
            library_index.write_article_feeds(stage.path, config.show, report.episodes, cover_name)
            if hold is not None:
                if progress:
                    progress("finishing the hold line", len(plans), len(plans))
                report.hold_stats = hold.result()
            for feed in feeds:  # each language's feed, the show's own (feed.xml) last
                stage.write_last(feed.name, feed_stage.build_feed(feed.show, feed.episodes, cover_name, feed_path=feed.name))
        carrier.save()
        record_build(options.cache_dir, options.output, started)  # what it used is in use (cache --prune)
        return report


def _segment_maker(config: Config, clips: ClipCache, voice_of: dict[str, dict[str, str]],
                   segments: SegmentCache, paced: Container[str] = ()) -> tuple[MakeSegment, PrepareClip]:
    """Mix a segment from its prepared clips (spoken by its language's voice: voice_of maps segment keys to
    fingerprints) and encode it into the segment cache; and prepare one clip for a segment ahead of its mix,
    and at the hold-line pace too when it is one of the `paced` sentences (the hold line then finds it made)."""
    audio, tempo = config.audio, holdline_settings(config).tempo
    prepared: dict[str, PreparedClips] = {}
    paces: dict[str, HoldPace] = {}

    def clips_for(key: str) -> PreparedClips:
        voice = json.dumps(voice_of[key], sort_keys=True)
        if voice not in prepared:
            prepared[voice] = PreparedClips(clips, voice_of[key], audio)
        return prepared[voice]

    def pace_for(key: str) -> HoldPace:
        voice = json.dumps(voice_of[key], sort_keys=True)
        if voice not in paces:
            paces[voice] = HoldPace(clips, voice_of[key], tempo)
        return paces[voice]

    def make(key: str, parts: tuple[Part, ...]) -> EncodedSegment:
        clips_of = clips_for(key)

        def mixdown() -> Mixdown:
            return render(parts, clips_of.get, audio.sample_rate, audio.loudness_lufs, audio.true_peak_dbtp)

        return segments.make(key, mixdown, audio.bitrate, audio.sample_rate)

    def prepare(key: str, text: str) -> None:
        clips_for(key).get(text)
        if text in paced:
            pace_for(key).get([text])

    return make, prepare


def _join(config: Config, work: EpisodeWork, encoded: dict[str, EncodedSegment], episodes: EpisodeCache,
          titles: dict[int, str]) -> EpisodeAudio:
    """An episode joined frame by frame from its encoded segments and tagged (a full-article one with chapters)."""
    chapters_for = None
    if work.plan.info.kind == "full":
        def chapters_for(cues: tuple[Cue, ...], duration_ms: int) -> tuple[Chapter, ...]:
            return chapters_from_cues(cues, titles, duration_ms)
    return episodes.make(work.key, [encoded[k] for k in work.segment_keys], config.audio.sample_rate, work.tags,
                         chapters_for)


def _publish(plan: EpisodePlan, made: EpisodeAudio, titles: dict[int, str], staging: Path,
             carrier: Carrier) -> PublishedEpisode:
    """The episode's MP3 into the stage; what the feed, transcripts and pages say about it."""
    info = plan.info
    mp3 = layout.episode_mp3(info.slug)
    carrier.place(made, staging, mp3)
    if info.kind == "full":
        info = replace(info, chapters=chapters_from_cues(made.cues, titles, made.duration_ms))
    return PublishedEpisode(info, mp3, made.bytes, made.duration_ms, made.cues, made.sha256)


def _book(config: Config, item: ArticleScripts, mine: Sequence[PublishedEpisode], out: Path,
          carrier: Carrier) -> str | None:
    """books/<article>.epub: the talking book, from the full-article episode (or the only episode) of the article's
    episodes (`mine`), linked from the previous output when it is the same book; its path."""
    episode = next((e for e in mine if e.info.kind == "full"), mine[0] if len(mine) == 1 else None)
    if episode is None:
        log.info("%s: no talking book without a full-article episode (audio.full_article_episode)", item.article.source)
        return None
    relative = layout.book(item.article.slug)
    book = write_epub(out / relative, item.article, episode, out / episode.mp3, config.show.title,
                      item.article.meta.language, item.scripts, publisher=config.show.author, scripts=config.scripts,
                      carried=lambda content: carrier.link(content, out, relative))
    if book.content:
        carrier.note(book.content, out, relative)
    return relative


def _in_holdline(relative: str) -> bool:
    return relative.split("/", 1)[0] == "holdline"


def build_holdline(config: Config, options: BuildOptions, progress: ProgressHook | None = None) -> Path:
    """Only the hold-line files: the rest of the published folder is carried over unchanged."""
    check_output_folder(config, options)
    with build_lock(options.output):
        prepared, _ = prepare_scripts(config, options)
        scripts = [s for item in prepared for s in item.scripts]
        check_sections(config, scripts)
        lexicon = project_lexicon(config)
        topics = {item.article.slug: spoken_title(item.article.title, lexicon) for item in prepared}
        with StagedOutput(options.output, keep=lambda relative: not _in_holdline(relative)) as stage:
            engines = language_engines(config)
            engines.check(item.article for item in prepared)
            write_holdline(config, scripts, stage.path, options.cache_dir, engines, progress,
                           topics=topics, languages={item.article.slug: item.article.meta.language for item in prepared})
        return options.output / "holdline"
