"""The build's hold-line step: scripts spoken at the hold-line pace -> program and renditions, cached by content."""
from __future__ import annotations

import threading
import re
from dataclasses import asdict, replace
from pathlib import Path
from typing import Callable, Mapping, Sequence

import numpy as np

from narration.config import Config
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
from narration.speech.synthesize import Job, ProgressHook, SynthesisStats, synthesize_missing

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


def greeting_sentences(config: Config) -> list[str]:
    """The hold greeting, sentence by sentence."""
    return [s for s in split_sentences(config.holdline.greeting) if s.strip()]


def topic_sentence(config: Config, spoken_title: str) -> str:
    """What the caller is about to hear ('Here is some information about breast calcifications.'): the title's
    capitalized words in lower case, as inside a sentence (acronyms and other capitals kept)."""
    words = [w.lower() if re.fullmatch(r"[A-Z][a-z]+[,;:]?", w) else w for w in spoken_title.split()]
    return config.holdline.topic_intro.replace("{topic}", " ".join(words)) if config.holdline.topic_intro else ""


def hold_only_sentences(config: Config, topics: Mapping[str, str]) -> list[str]:
    """What the hold line says that the podcast episodes do not: the greeting and each article's topic line
    (topics: article slug -> the article's spoken title)."""
    leads = [topic_sentence(config, title) for title in topics.values()]
    return greeting_sentences(config) + [s for lead in leads for s in split_sentences(lead) if s.strip()]


class HoldPace:
    """Sentences at the slower hold-line pace: the podcast clips time-stretched (no second synthesis),
    cached by the raw clip's key and the tempo."""

    def __init__(self, clips: ClipCache, fingerprint: dict[str, str], tempo: float) -> None:
        self.raw, self.fingerprint, self.tempo = clips, fingerprint, tempo
        self.slow = ClipCache(clips.root / "holdpace")

    def _key(self, text: str) -> str:
        return holdpace_key(clip_key(text, self.fingerprint), self.tempo)

    def get(self, texts: Sequence[str]) -> dict[str, Audio]:
        """Every text at the hold-line pace; the missing ones are stretched now and cached."""
        found = {t: self.slow.get(self._key(t)) for t in dict.fromkeys(texts)}
        missing = [t for t, audio in found.items() if audio is None]
        for text, audio in zip(missing, self._stretch([self._raw(t) for t in missing])):
            found[text] = self.slow.put(self._key(text), audio)
        return {t: a for t, a in found.items() if a is not None}

    def _raw(self, text: str) -> Audio:
        audio = self.raw.get(clip_key(text, self.fingerprint))
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


def write_holdline(config: Config, scripts: Sequence[Script], out_dir: Path, cache_dir: Path, engine: Engine,
                   progress: ProgressHook | None = None, topics: Mapping[str, str] | None = None,
                   cancelled: threading.Event | None = None) -> SynthesisStats:
    """Hold-line files from the podcast voice's clips (only the greeting and the topic lines are synthesized,
    once), slowed to the hold-line pace; topics: article slug -> spoken title, announced before the article's
    messages in the program. The program and each section are cached on their own, by content: editing one
    section remakes that section's files and the program, nothing else."""
    settings = holdline_settings(config)
    spoken = [s for s in scripts if s.sentences]
    greeting = greeting_sentences(config)
    leads = {slug: [s for s in split_sentences(topic_sentence(config, title)) if s.strip()]
             for slug, title in (topics or {}).items()}
    texts = hold_only_sentences(config, topics or {}) + [sentence.text for script in spoken for sentence in script.sentences]
    clips = ClipCache(cache_dir)
    stats = synthesize_missing([Job(t, "hold line") for t in texts], engine, clips, config.speech.timeout_seconds, progress)
    fingerprint = engine.fingerprint()
    pace = HoldPace(clips, fingerprint, settings.tempo)
    body = [s for s in spoken if s.role == "body"]

    def key(*parts: object) -> str:
        return holdline_key(asdict(settings), settings.music_bed, *parts)

    def sentences_of(script: Script) -> list[object]:
        return [_name(script), [clip_key(x.text, fingerprint) if isinstance(x, Sentence) else x.ms for x in script.segments]]

    lead_keys = {slug: [clip_key(t, fingerprint) for t in texts] for slug, texts in leads.items()}
    items = [(key("program", [clip_key(g, fingerprint) for g in greeting], lead_keys, [sentences_of(s) for s in body]),
              lambda folder: _program(settings, greeting, leads, body, pace, folder))]
    items += [(key("section", sentences_of(script)), lambda folder, script=script: _section(settings, script, pace, folder))
              for script in spoken]
    published = _publish_items(HoldlineCache(cache_dir), items, out_dir, cancelled)
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


def _program(settings: HoldlineSettings, greeting: list[str], leads: Mapping[str, list[str]], body: list[Script],
             pace: HoldPace, folder: Path) -> list[ManifestEntry]:
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
        paced = pace.get(texts)
        sections.append((script.slug, [(text, paced[text]) for text in texts]))
        seconds += sum(audio.duration_s for audio in paced.values())
        if seconds >= 2 * settings.program_seconds:
            break
    hello = pace.get(greeting)
    program, placements = build_program([(g, hello[g]) for g in greeting], sections, replace(settings, sections=()))
    return write_renditions(PROGRAM_NAME, program, program_text(placements), folder, settings,
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
