"""narration.toml -> a validated Config; every problem is collected and reported at once."""
from __future__ import annotations

import math
import os
import re
import tomllib
import typing
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlparse

from narration.bounds import bounded, bounds_problem
from narration.publish.holdline.settings import HoldlineSettings
from narration.publish.holdline.settings import problems as holdline_problems
from narration.errors import ConfigError, InputError
from narration.files import CONFIG_LIMIT, read_user_file
from narration.ingest.debris import pattern_problems
from narration.language import LanguageConfig
from narration.language import problems as language_problems
from narration.phrases import phrases_for

ENGLISH = phrases_for("en")  # the default wording of the config's phrases (another language uses its own table)

CONFIG_NAME = "narration.toml"
# Control and bidi-override characters would break the feed's XML and the spoken intro.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
# Layer III bitrates (kbps) by sample rate: MPEG-1 rates take 32..320, MPEG-2 (half) rates 8..160.
MPEG1_KBPS = (32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320)
MPEG2_KBPS = (8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160)
MP3_KBPS = {32000: MPEG1_KBPS, 44100: MPEG1_KBPS, 48000: MPEG1_KBPS,
            16000: MPEG2_KBPS, 22050: MPEG2_KBPS, 24000: MPEG2_KBPS}


@dataclass(frozen=True)
class ShowConfig:
    """What the feed, the covers and the intros say about the show."""

    title: str = "Health Information, Read Aloud"
    description: str = "Patient health articles, read aloud section by section."
    author: str = "Patient Education"
    email: str = "podcast@example.org"
    base_url: str = "http://127.0.0.1:8000/"
    language: str = "en-us"
    artwork: str = ""
    category: str = "Health & Fitness"
    subcategory: str = "Medicine"
    copyright: str = ""
    locked: bool = True
    first_published: str = ""


@dataclass(frozen=True)
class SpeechConfig:
    """Which engine speaks, with which voice, at which pace."""

    engine: Literal["piper", "gtts"] = "piper"
    voice: str = ""
    preset: Literal["standard", "patient", "slow"] = "patient"
    timeout_seconds: float = bounded(120.0, 0, 3600, "seconds per sentence", above=True)
    retries: int = bounded(3, 0, 10)


@dataclass(frozen=True)
class AudioConfig:
    """Episode format and pacing."""

    loudness_lufs: float = bounded(-16.0, -30, -10, "podcasts use -16, broadcast -23")
    true_peak_dbtp: float = bounded(-1.0, -10, 0, "-1 is usual")
    bitrate: str = "96k"
    sample_rate: int = 44100
    sentence_pause_ms: int = bounded(250, 0, 60_000)
    paragraph_pause_ms: int = bounded(700, 0, 60_000)
    heading_pause_ms: int = bounded(1000, 0, 60_000)
    full_article_episode: bool = True


@dataclass(frozen=True)
class ScriptConfig:
    """How articles become narration scripts."""

    credits: Literal["line", "episode", "outro", "omit"] = "line"
    min_section_seconds: float = bounded(45.0, 0, 600, "0 keeps short sections apart")
    max_section_seconds: float = bounded(480.0, 0, 7200, "0 keeps long sections whole")
    lexicon: str = "lexicon.toml"
    url_phrase: str = ""
    debris: list[str] = field(default_factory=list)  # regexes of page debris, added to narration.ingest.debris defaults
    disclaimer: str = ENGLISH.disclaimer  # said once, in the full-article episode (and shown on the pages)
    short_disclaimer: str = ENGLISH.short_disclaimer  # said at the end of every section episode


@dataclass(frozen=True)
class CheckConfig:
    """Which findings of the checks stop a build ("fail"), are only listed ("warn") or are not looked for ("off")."""

    numbers: Literal["fail", "warn", "off"] = "fail"  # a number of the article missing or changed in a script
    recognizer: Literal["warn", "fail", "off"] = "warn"  # what the speech recognizer heard (check --listen)
    # an English sentence above this Flesch-Kincaid grade is flagged (sections are compared with grade 8)
    max_grade: float = bounded(14.0, 1, 20, "one sentence's grade; 14 flags the long, dense ones")


@dataclass(frozen=True)
class ArticleConfig:
    """Per-article metadata that the article file itself may lack."""

    title: str = ""
    reviewed_by: str = ""
    last_reviewed: str = ""
    source_url: str = ""
    first_published: str = ""  # the day its episodes are dated (default: show.first_published)
    language: str = ""  # a language tag ("es"): over the article's own front matter or HTML lang


@dataclass(frozen=True)
class LibraryConfig:
    """Where the articles of a library are found (see narration.ingest.library)."""

    sources: list[str] = field(default_factory=list)  # folders, glob patterns, list files, URLs, feeds, sitemaps


@dataclass(frozen=True)
class Config:
    """The whole project configuration."""

    show: ShowConfig = field(default_factory=ShowConfig)
    speech: SpeechConfig = field(default_factory=SpeechConfig)
    audio: AudioConfig = field(default_factory=AudioConfig)
    scripts: ScriptConfig = field(default_factory=ScriptConfig)
    holdline: HoldlineSettings = field(default_factory=HoldlineSettings)
    check: CheckConfig = field(default_factory=CheckConfig)
    articles: dict[str, ArticleConfig] = field(default_factory=dict)
    languages: dict[str, LanguageConfig] = field(default_factory=dict)  # [languages.<tag>]: voice, tld, feed title
    library: LibraryConfig = field(default_factory=LibraryConfig)
    root: Path = Path(".")
    source: Path = Path(CONFIG_NAME)  # the file the values came from, named by errors found later


def _check_value(key: str, value: Any, annotation: Any, problems: list[str]) -> Any:
    """Check one value against its annotation; return it (ints accepted for floats)."""
    origin = typing.get_origin(annotation)
    if origin is Literal:
        if value not in typing.get_args(annotation):
            choices = ", ".join(repr(a) for a in typing.get_args(annotation))
            problems.append(f"{key}: {value!r} is not one of {choices}")
        return value
    if origin is list:
        (item_type,) = typing.get_args(annotation)
        if not isinstance(value, list) or not all(isinstance(v, item_type) for v in value):
            problems.append(f"{key}: expected a list of {item_type.__name__}, got {value!r}")
        return value
    expected = annotation
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value) if abs(value) < 1e300 else math.inf
    if expected is int and isinstance(value, bool) or not isinstance(value, expected):
        problems.append(f"{key}: expected {expected.__name__}, got {type(value).__name__} {value!r}")
    elif isinstance(value, float) and not math.isfinite(value):
        problems.append(f"{key}: {value} is not a finite number")
    return value


def _build(cls: type, table: Any, prefix: str, problems: list[str]) -> Any:
    """Build a config dataclass from a TOML table, collecting unknown keys and type errors."""
    if not isinstance(table, dict):
        problems.append(f"{prefix}: expected a table, got {table!r}")
        return cls()
    hints = typing.get_type_hints(cls)
    known = {f.name: f for f in fields(cls) if f.init}
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in known:
            problems.append(f"{prefix}.{key}: unknown key (known: {', '.join(sorted(known))})")
            continue
        before = len(problems)
        checked = _check_value(f"{prefix}.{key}", value, hints[key], problems)
        if isinstance(checked, str) and CONTROL.search(checked):
            problems.append(f"{prefix}.{key}: contains invisible control characters; retype the value")
        if len(problems) == before and "bounds" in known[key].metadata:
            problem = bounds_problem(f"{prefix}.{key}", checked, known[key].metadata["bounds"])
            problems += [problem] if problem else []
        if len(problems) == before:  # a wrong value keeps the default, so later rules can still run
            values[key] = checked
    return cls(**values)


def _validate(config: Config, problems: list[str]) -> None:
    """Rules that go beyond types and ranges: formats, and values that depend on each other."""
    _validate_show(config.show, problems)
    _validate_audio(config.audio, problems)
    problems += holdline_problems(config.holdline, config.root)
    problems.extend(pattern_problems(config.scripts.debris))
    problems.extend(language_problems(config))
    scripts = config.scripts
    if 0 < scripts.max_section_seconds <= scripts.min_section_seconds:
        problems.append(f"scripts.max_section_seconds: {scripts.max_section_seconds:g} must be above "
                        f"min_section_seconds ({scripts.min_section_seconds:g}), or 0")
    for name, article in config.articles.items():
        for key in ("last_reviewed", "first_published"):
            if getattr(article, key):
                try:
                    date.fromisoformat(getattr(article, key))
                except ValueError:
                    problems.append(f"articles.{name}.{key}: {getattr(article, key)!r} is not a date like 2024-05-01")


def _read_toml(source: Path) -> dict[str, Any]:
    """The parsed config file; a missing, unreadable, special or oversized file is one ConfigError line."""
    try:
        return tomllib.loads(read_user_file(source, CONFIG_LIMIT, "a TOML config file").decode("utf-8"))
    except InputError as err:
        raise ConfigError([err.problem], source) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ConfigError([f"not valid TOML: {err}"], source) from None


def _validate_show(show: ShowConfig, problems: list[str]) -> None:
    url = urlparse(show.base_url)
    if url.scheme not in ("http", "https") or not url.netloc:
        problems.append(f"show.base_url: {show.base_url!r} must be an http(s) URL like https://example.org/podcast/")
    if "@" not in show.email:
        problems.append(f"show.email: {show.email!r} is not an e-mail address")
    if not show.title.strip():
        problems.append("show.title: must not be empty")
    if show.first_published:
        try:
            date.fromisoformat(show.first_published)
        except ValueError:
            problems.append(f"show.first_published: {show.first_published!r} is not a date like 2026-01-31")


def _validate_audio(audio: AudioConfig, problems: list[str]) -> None:
    """The sample rate must be one MP3 has, and the bitrate one that MP3 has at that rate."""
    if audio.sample_rate not in MP3_KBPS:
        rates = ", ".join(str(r) for r in sorted(MP3_KBPS))
        problems.append(f"audio.sample_rate: {audio.sample_rate} is not an MP3 sample rate ({rates})")
        return
    allowed = MP3_KBPS[audio.sample_rate]
    match = re.fullmatch(r"(\d+)k", audio.bitrate)
    if not match or int(match.group(1)) not in allowed:
        problems.append(f"audio.bitrate: {audio.bitrate!r} is not an MP3 bitrate at {audio.sample_rate} Hz; "
                        f"use {allowed[0]}k to {allowed[-1]}k, like '96k'")


def load_config(path: Path | None = None, overrides: dict[str, dict[str, Any]] | None = None) -> Config:
    """Read narration.toml (if any), apply CLI overrides, and validate everything at once."""
    source = path or Path(CONFIG_NAME)
    if path is not None and not os.path.lexists(source):
        raise ConfigError(["no such config file; check --config"], source)
    data = _read_toml(source) if os.path.lexists(source) else {}
    for section, values in (overrides or {}).items():
        data.setdefault(section, {}).update({k: v for k, v in values.items() if v is not None})
    problems: list[str] = []
    named = {"articles": ArticleConfig, "languages": LanguageConfig}  # tables of tables, by name
    sections = {f.name: f for f in fields(Config) if f.name not in (*named, "root", "source")}
    built: dict[str, Any] = {}
    for key, value in data.items():
        if key in named:
            if isinstance(value, dict):
                built[key] = {n: _build(named[key], t, f"{key}.{n}", problems) for n, t in value.items()}
            else:
                problems.append(f"{key}: expected a table, got {value!r}")
        elif key in sections:
            cls = typing.get_type_hints(Config)[key]
            built[key] = _build(cls, value, key, problems)
        else:
            problems.append(f"{key}: unknown section (known: {', '.join(sorted([*sections, *named]))})")
    config = Config(**built, root=source.resolve().parent, source=source)
    _validate(config, problems)
    if problems:
        raise ConfigError(problems, source)
    return config


__all__ = ["Config", "ShowConfig", "SpeechConfig", "AudioConfig", "ScriptConfig", "HoldlineSettings", "CheckConfig",
           "ArticleConfig", "LanguageConfig", "LibraryConfig", "load_config", "CONFIG_NAME"]
