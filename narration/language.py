"""An article's language, and what follows from it: which phrase table frames its episodes, which voice speaks it.

Resolved once, when the articles are read: `[articles.<name>] language` in the config, else the article's front
matter `language:`, else an HTML page's `lang`, else the show's language. Tags are kept as BCP 47 in lower case
as written ("es", "en-us", "en-GB": tags are case-insensitive, so compare them with same_language or primary);
two tags are the same language when their first subtag is ("es-MX" and "es").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING

from narration.errors import InputError
from narration.models import Article
from narration.publish import layout
from narration.phrases import Phrases, PhrasesMissing, available, phrases_for, table_for

if TYPE_CHECKING:
    from narration.config import Config

TAG = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})*", re.IGNORECASE)
TLD = re.compile(r"[a-z]{2,3}(?:\.[a-z]{2,3})?")


@dataclass(frozen=True)
class LanguageConfig:
    """`[languages.<tag>]` in the config: what speaks a language when the show's defaults do not fit."""

    voice: str = ""  # a Piper .onnx voice for this language (relative to the config's folder)
    tld: str = ""  # gTTS: Google's regional domain for the accent ("com.mx", "es", "co.uk")
    title: str = ""  # the title of this language's feed (default: the phrase table's feed_title)
    description: str = ""  # the description of this language's feed (default: the show's)


def tag(value: str) -> str:
    """'es_MX', ' es-MX ' -> 'es-MX' (its case kept, as pages and feeds show it); '' when it is not a language tag."""
    value = value.strip().replace("_", "-")
    return value if TAG.fullmatch(value) else ""


def primary(value: str) -> str:
    """The language without its region or script: 'es-mx' -> 'es'."""
    return value.strip().replace("_", "-").lower().split("-")[0]


def same_language(a: str, b: str) -> bool:
    return primary(a) == primary(b)


def problems(config: Config) -> list[str]:
    """Config rules: the show's language, each article's and each [languages] table name a language with a
    phrase table; a tld looks like a domain ending."""
    have = ", ".join(available())
    found = []
    named = [("show.language", config.show.language)]
    named += [(f"articles.{name}.language", a.language) for name, a in config.articles.items() if a.language]
    named += [(f"languages.{name}", name) for name in config.languages]
    for key, value in named:
        if not tag(value):
            found.append(f"{key}: {value!r} is not a language tag like es or en-us")
        elif not table_for(value):
            found.append(f"{key}: no phrase table for {value!r} (have: {have}); see the README's Languages")
    for name, settings in config.languages.items():
        if settings.tld and not TLD.fullmatch(settings.tld):
            found.append(f"languages.{name}.tld: {settings.tld!r} is not a domain ending like com.mx or co.uk")
    return found


def resolve(article: Article, configured: str, show: str) -> Article:
    """The article with its language resolved (config, else what the document says, else the show's), checked."""
    value = configured or article.meta.language or show
    resolved = tag(value)
    if not resolved:
        raise InputError(article.source, f"language {value!r} is not a language tag like es or en-us; "
                                         f"fix it or set [articles.{article.slug}] language in the config")
    try:
        phrases_for(resolved)
    except PhrasesMissing as err:
        raise InputError(article.source, f"is in {resolved!r}: {err}") from None
    return replace(article, meta=replace(article.meta, language=resolved))


def settings_for(config: Config, language: str) -> LanguageConfig:
    """The [languages] table of a tag: its own ('es-mx'), else its language's ('es'), else none."""
    tables = {name.lower().replace("_", "-"): settings for name, settings in config.languages.items()}
    return tables.get(tag(language).lower()) or tables.get(primary(language)) or LanguageConfig()


def show_title(config: Config, language: str) -> str:
    """The show's title as an episode in `language` says it: `[languages.<tag>] title` for another language than
    the show's, when set; else the show's own."""
    own = settings_for(config, language).title
    return own if own and not same_language(language, config.show.language) else config.show.title


# Config values that, once set, replace the show language's phrases: (section, key) -> phrase name.
OVERRIDES = {("scripts", "disclaimer"): "disclaimer", ("scripts", "short_disclaimer"): "short_disclaimer",
             ("holdline", "greeting"): "greeting", ("holdline", "topic_intro"): "topic_intro"}


def phrases(config: Config, language: str) -> Phrases:
    """The phrases an article in `language` is framed with: its language's table; for the show's language, the
    config's own wording where it was changed from the default (the default is the English table's)."""
    table = phrases_for(language or config.show.language)
    if not same_language(language or config.show.language, config.show.language):
        return table
    changed = {}
    for (section, key), name in OVERRIDES.items():
        settings = getattr(config, section)
        default = next(f.default for f in fields(settings) if f.name == key)
        if getattr(settings, key) != default:
            changed[name] = getattr(settings, key)
    return replace(table, **changed) if changed else table


def feed_name(language: str, show: str) -> str:
    """The feed of a language: feed.xml for the show's language, feed-<language>.xml for each other one."""
    return layout.FEED if same_language(language, show) else layout.language_feed(primary(language))
