"""The build's hold-line step: scripts spoken at the hold-line pace -> program and renditions, cached by content."""
from __future__ import annotations

import json
import threading
from dataclasses import asdict, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Mapping, Sequence

import numpy as np

from narration.config import Config
from narration.language import phrases, primary, same_language
from narration.speech.languages import Engines
from narration.plan import episode_slug
from narration.errors import ConfigError, EngineError
from narration.audio.ffmpeg import atempo
from narration.audio.lazy import import_signal_processing
from narration.models import Audio, Cue, Pause, Script, Sentence
from narration.publish.holdline.settings import HoldlineSettings, unknown_sections
from narration.publish.holdline.cache import HoldlineCache
from narration.publish.holdline.manifest import ManifestEntry, write_manifest
from narration.text.sentences import split_sentences
from narration.build.concurrency import map_in_order
from narration.cache.keys import holdline_key, holdpace_key
from narration.speech import ClipCache, Engine, clip_key
from narration.speech.synthesize import Job, ProgressHook, SynthesisStats, speak_checked, synthesize_missing

if TYPE_CHECKING:
    from narration.build.carry import Carrier

PROGRAM_NAME = "hold-program"


def holdline_settings(config: Config) -> HoldlineSettings:
    """The project's [holdline] settings with the music bed's path resolved against the config's folder."""
    settings = config.holdline
    return replace(settings, music=str(config.root / settings.music)) if settings.music else settings


def check_sections(config: Config, scripts: Sequence[Script]) -> None:
    """holdline.sections must name body sections of the articles: checked before anything is synthesized."""
    unknown = unknown_sections(config.holdline, [s.slug for s in scripts if s.sentences and s.role == "body"])
    if unknown:
        raise ConfigError(unknown, config.source)


def greeting_sentences(config: Config, language: str = "") -> list[str]:
    """The hold greeting in a language (the show's by default), sentence by sentence."""
    return [s for s in split_sentences(phrases(config, language).greeting) if s.strip()]


def topic_sentence(config: Config, spoken_title: str, language: str = "") -> str:
    """What the caller is about to hear (the language's topic_intro phrase about the article): the title's
    capitalized words in lower case, as inside a sentence (acronyms and other capitals kept)."""
    intro = phrases(config, language).topic_intro
    words = [w.lower() if _capitalized(w) else w for w in spoken_title.split()]
    return intro.replace("{topic}", " ".join(words)) if intro else ""


def _capitalized(word: str) -> bool:
    """A capitalized word of any alphabet ("Calcifications", "Ácido"), not an acronym ("BRCA", "VIH")."""
    letters = word.rstrip(",;:")
    return len(letters) > 1 and letters.isalpha() and letters[0].isupper() and letters[1:].islower()


def program_name(config: Config, language: str) -> str:
    """The looping program of a language: hold-program for the show's language, hold-program-<language> else."""
    return PROGRAM_NAME if same_language(language, config.show.language) else f"{PROGRAM_NAME}-{primary(language)}"


def programs(config: Config, languages: Mapping[str, str]) -> dict[str, str]:
    """One looping program per language of the articles (article slug -> language tag): program name -> the tag
    whose greeting opens it (the first article's of that language)."""
    found: dict[str, str] = {}
    for tag in languages.values():
        found.setdefault(program_name(config, tag), tag)
    return found


def _leads(config: Config, topics: Mapping[str, str], languages: Mapping[str, str]) -> dict[str, list[str]]:
    """Each article's topic line, in its language, sentence by sentence."""
    return {slug: [s for s in split_sentences(topic_sentence(config, title, languages.get(slug, ""))) if s.strip()]
            for slug, title in topics.items()}


def hold_only_sentences(config: Config, topics: Mapping[str, str],
                        languages: Mapping[str, str] | None = None) -> dict[str, list[str]]:
    """What the hold line says that the podcast episodes do not, by language: each program's greeting and each
    article's topic line (topics: article slug -> the article's spoken title; languages: slug -> its language)."""
    languages = {**{slug: config.show.language for slug in topics}, **(languages or {})}
    greeted = programs(config, languages) or {PROGRAM_NAME: config.show.language}
    said: dict[str, list[str]] = {tag: greeting_sentences(config, tag) for tag in greeted.values()}
    for slug, lines in _leads(config, topics, languages).items():
        said.setdefault(languages[slug], []).extend(lines)
    return said


class HoldPace:
    """Sentences at the slower hold-line pace: the podcast clips time-stretched (no second synthesis),
    cached by the raw clip's key and the tempo."""

    def __init__(self, clips: ClipCache, fingerprint: dict[str, str], tempo: float,
                 speak: Callable[[str], Audio] | None = None) -> None:
        self.raw, self.fingerprint, self.tempo = clips, fingerprint, tempo
        self.slow = ClipCache(clips.root / "holdpace")
        self.speak = speak  # speaks a podcast clip found damaged only when read (see _raw)

    def _key(self, text: str) -> str:
        return holdpace_key(clip_key(text, self.fingerprint), self.tempo)

    def get(self, texts: Sequence[str]) -> dict[str, Audio]:
        """Every text at the hold-line pace; the missing ones are stretched now and cached."""
        found = {t: self.slow.get(self._key(t)) for t in dict.fromkeys(texts)}
        missing = [t for t, audio in found.items() if audio is None]
        for text, audio in zip(missing, self._stretch([self._raw(t) for t in missing])):
            found[text] = self.slow.put(self._key(text), audio)
        return {t: a for t, a in found.items() if a is not None}

    def has(self, text: str) -> bool:
        """Whether the text is cached at the hold pace (then its podcast clip is not read)."""
        return self.slow.has(self._key(text))

    def _raw(self, text: str) -> Audio:
        """The podcast clip, spoken again if it is damaged: a clip whose slowed copy was present was only looked
        for before, not read (`has`), so damage inside both is found here."""
        key = clip_key(text, self.fingerprint)
        audio = self.raw.get(key)
        if audio is None and self.speak is not None:
            audio = self.raw.put(key, self.speak(text))
        if audio is None:
            raise EngineError(f"clip for {text[:60]!r} vanished from the cache during the build")
        return audio

    def _stretch(self, clips: list[Audio]) -> list[Audio]:
        """Each clip on its own (so a clip never depends on which others were missing), two ffmpeg runs at a time."""
        from narration.audio.mix import trim_silence
        return [trim_silence(a) for a in map_in_order(lambda clip: atempo(trim_silence(clip), self.tempo), clips, 2)]


def _section_audio(script: Script, clip: dict[str, Audio], gap_ms: int) -> tuple[Audio, tuple[Cue, ...]]:
    """A section read at the hold-line pace: sentences with gaps, paragraph pauses kept; cues for splitting."""
    rate = next(iter(clip.values())).rate
    pieces: list[np.ndarray] = []
    cues: list[Cue] = []
    position = 0
    previous_spoken = False
    for segment in script.segments:
        if isinstance(segment, Pause):
            piece, previous_spoken = np.zeros(int(rate * segment.ms / 1000), np.float32), False
        else:
            if previous_spoken:
                gap = np.zeros(int(rate * gap_ms / 1000), np.float32)
                pieces.append(gap)
                position += len(gap)
            piece, previous_spoken = clip[segment.text].samples, True
            cues.append(Cue(round(position * 1000 / rate), round((position + len(piece)) * 1000 / rate), segment.text))
        pieces.append(piece)
        position += len(piece)
    return Audio(np.concatenate(pieces), rate), tuple(cues)


class _Voices:
    """Each language's voice as the hold line uses it: the keys of its clips, and its clips at the hold pace."""

    def __init__(self, engines: Engines, clips: ClipCache, tempo: float, timeout: float) -> None:
        self.engines, self.clips, self.tempo, self.timeout = engines, clips, tempo, timeout
        self._paces: dict[str, HoldPace] = {}

    def key(self, text: str, language: str) -> str:
        return clip_key(text, self.engines.fingerprint(language))

    def pace(self, language: str) -> HoldPace:
        fingerprint = self.engines.fingerprint(language)
        voice = json.dumps(fingerprint, sort_keys=True)
        if voice not in self._paces:
            engine = self.engines(language)

            def speak(text: str) -> Audio:
                return speak_checked(engine, Job(text, "hold line", engine), self.timeout)

            self._paces[voice] = HoldPace(self.clips, fingerprint, self.tempo, speak)
        return self._paces[voice]


def write_holdline(config: Config, scripts: Sequence[Script], out_dir: Path, cache_dir: Path,
                   engines: Engines | Engine, progress: ProgressHook | None = None,
                   topics: Mapping[str, str] | None = None, cancelled: threading.Event | None = None,
                   languages: Mapping[str, str] | None = None, carrier: Carrier | None = None) -> SynthesisStats:
    """Hold-line files from the podcast voice's clips (only the greetings and the topic lines are synthesized,
    once), slowed to the hold-line pace; topics: article slug -> spoken title, announced before the article's
    messages in the program; languages: article slug -> its language (default the show's), each spoken by its
    language's engine, with one program per language. The programs and each section are cached on their own,
    by content: editing one section remakes that section's files and its program, nothing else. `carrier`: the
    build's, which links what the previous output published unchanged instead of copying it again."""
    settings = holdline_settings(config)
    engines = engines if isinstance(engines, Engines) else Engines.one(engines)
    spoken = [s for s in scripts if s.sentences]
    slugs = [*(s.article_slug for s in spoken), *(topics or {})]
    language = {slug: (languages or {}).get(slug, config.show.language) for slug in slugs}
    said = hold_only_sentences(config, topics or {}, language)
    used = [(tag, t) for tag, texts in said.items() for t in texts]  # (language, sentence) of every clip heard
    used += [(language[s.article_slug], x.text) for s in spoken for x in s.sentences]
    jobs = [Job(text, "hold line", engines(tag)) for tag, text in used]
    clips = ClipCache(cache_dir)
    voices = _Voices(engines, clips, settings.tempo, config.speech.timeout_seconds)
    unpaced = {text for tag, text in used if not voices.pace(tag).has(text)}  # the clips read to be slowed
    stats = synthesize_missing(jobs, engines(config.show.language), clips, config.speech.timeout_seconds, progress,
                               read=unpaced)

    def key(*parts: object) -> str:
        return holdline_key(asdict(settings), settings.music_bed, *parts)

    def sentences_of(script: Script) -> list[object]:
        tag = language[script.article_slug]
        return [_name(script), [voices.key(x.text, tag) if isinstance(x, Sentence) else x.ms for x in script.segments]]

    items = []
    for name, tag in programs(config, language).items():
        body = [s for s in spoken if s.role == "body" and program_name(config, language[s.article_slug]) == name]
        if settings.sections and not any(s.slug in settings.sections for s in body):
            continue  # holdline.sections chose none of this language's sections
        greeting = greeting_sentences(config, tag)
        leads = {slug: lines for slug, lines in _leads(config, topics or {}, language).items()
                 if program_name(config, language[slug]) == name}
        parts = ([voices.key(g, tag) for g in greeting], {slug: [voices.key(t, language[slug]) for t in lines]
                                                          for slug, lines in leads.items()}, [sentences_of(s) for s in body])
        items.append((key("program", *parts) if name == PROGRAM_NAME else key("program", name, *parts),
                      lambda folder, name=name, tag=tag, greeting=greeting, leads=leads, body=body: _program(
                          settings, name, (greeting, voices.pace(tag)), leads, body,
                          lambda slug: voices.pace(language[slug]), folder)))
    items += [(key("section", sentences_of(script)),
               lambda folder, script=script: _section(settings, script, voices.pace(language[script.article_slug]), folder))
              for script in spoken]
    published = _publish_items(HoldlineCache(cache_dir, carrier), items, out_dir, cancelled)
    articles: dict[str, list[str]] = {}
    for script, made in zip(spoken, published[1:]):  # the program first, then each section's renditions
        articles.setdefault(script.article_slug, []).extend(entry.file for entry in made)
    write_manifest([entry for made in published for entry in made], out_dir, articles)
    return stats


def _publish_items(cache: HoldlineCache, items: Sequence[tuple[str, Callable[[Path], list[ManifestEntry]]]],
                   out_dir: Path, cancelled: threading.Event | None = None) -> list[list[ManifestEntry]]:
    """Every item's files in out_dir: intact cache entries copied and checked, the others rendered and cached;
    two at a time (hashing, filters and ffmpeg runs release the GIL). Each item's entries come back in the items' order;
    a build that failed meanwhile (`cancelled`) stops the work between two items."""
    published = map_in_order(lambda item: cache.publish(item[0], out_dir), items, 2, cancelled)
    missing = [i for i, made in enumerate(published) if made is None]
    for i, made in zip(missing, map_in_order(lambda i: cache.make(*items[i], out_dir), missing, 2, cancelled)):
        published[i] = made
    return [list(made or ()) for made in published]


def _program(settings: HoldlineSettings, name: str, greeting: tuple[list[str], HoldPace],
             leads: Mapping[str, list[str]], body: list[Script], pace: Callable[[str], HoldPace],
             folder: Path) -> list[ManifestEntry]:
    """The looping hold program in every phone format, from the chosen body sections in order, each article's
    opening with its topic line: only as many sections are loaded as the program can play (a long article does
    not make the program step use more memory)."""
    import_signal_processing()
    from narration.publish.holdline.render import (  # signal processing
        build_program,
        program_cues,
        program_text,
        write_renditions,
    )

    sections, seconds, article = [], 0.0, None
    for script in (s for s in body if not settings.sections or s.slug in settings.sections):
        texts = [x.text for x in script.sentences]
        if script.article_slug != article:
            texts, article = leads.get(script.article_slug, []) + texts, script.article_slug
        paced = pace(script.article_slug).get(texts)
        sections.append((script.slug, [(text, paced[text]) for text in texts]))
        seconds += sum(audio.duration_s for audio in paced.values())
        if seconds >= 2 * settings.program_seconds:
            break
    hello = greeting[1].get(greeting[0])
    program, placements = build_program([(g, hello[g]) for g in greeting[0]], sections, replace(settings, sections=()))
    return write_renditions(name, program, program_text(placements), folder, settings,
                            program_cues(placements), loop=True)


def _section(settings: HoldlineSettings, script: Script, pace: HoldPace, folder: Path) -> list[ManifestEntry]:
    """One section read at the hold-line pace, in every phone format."""
    import_signal_processing()
    from narration.publish.holdline.render import write_renditions  # signal processing

    paced = pace.get([x.text for x in script.sentences])
    section_audio, cues = _section_audio(script, paced, settings.sentence_gap_ms)
    return write_renditions(_name(script), section_audio, script.text, folder, settings, cues)


def _name(script: Script) -> str:
    """A section's hold-line files are named like its episode: unique whatever other articles are built with it."""
    return episode_slug(script.article_slug, script.slug)
