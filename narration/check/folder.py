"""`check`: validate a built output folder against the podcast and accessibility rules, file by file."""
from __future__ import annotations

from pathlib import Path

from narration.config import Config
from narration.publish.feed import FEED_NAME
from narration.check.audio import chapter_problems, check_mp3, is_full
from narration.check.base import Measured, Problem
from narration.check.feed import with_slash, channel_problems, cover_fallback, feed_names, find_episodes, full_episode_problems, item_problems, read_feed
from narration.check.pages import page_problems
from narration.check.library import article_problems
from narration.check.transcripts import transcript_problems
from narration.publish import layout


def check_folder(directory: Path, config: Config, checked: list[str] | None = None) -> list[str]:
    """Every problem of a built folder as `path: problem` lines (empty when podcast apps will accept it);
    `checked`, when given, receives one line per file saying what was checked in it."""
    directory = Path(directory)
    if not directory.is_dir():
        return [f"{directory}: no such folder; build first or name the output folder"]
    return [f"{directory / p.path}: {p.message}" for p in _problems(directory, config, checked if checked is not None else [])]


def _problems(root: Path, config: Config, checked: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    channel = read_feed(root, problems)
    base = with_slash(config.show.base_url)
    if channel is not None:
        problems += channel_problems(root, channel, config, base)
        checked.append(f"{FEED_NAME}: parses as RSS; channel tags Apple and Podcasting 2.0 require; self link and "
                       f"podcast:guid; artwork")
    else:
        problems += cover_fallback(root)
    others = [(name, read_feed(root, problems, name)) for name in feed_names(root)[1:]]  # other languages' feeds
    for name, other in others:
        if other is not None:
            problems += channel_problems(root, other, config, base, name)
            checked.append(f"{name}: the same, and that its channel and episodes share its language")
    episodes = find_episodes(root, channel, base, problems, others)
    for episode in episodes:
        mp3 = layout.episode_mp3(episode.slug)
        measured = check_mp3(root, mp3, config, problems) if (root / mp3).is_file() else Measured(None, None)
        full = is_full(root, episode, measured)
        if episode.item is not None:
            problems += item_problems(root, episode, measured, full, base)
        if full:
            problems += chapter_problems(root, episode.slug, measured)
        problems += transcript_problems(root, episode.slug, measured.duration_s)
        problems += page_problems(root, layout.episode_page(episode.slug))
        checked.append(f"{mp3}: decoded length, loudness ({config.audio.loudness_lufs:g} LUFS), true peak, ID3 tags"
                       + (", chapters" if full else "") + "; its feed item (enclosure length, duration, GUID, "
                       "transcript links); transcripts (VTT, SRT, JSON timing); its player page")
    problems += page_problems(root, "index.html")
    checked.append("index.html: parses, links resolve")
    library_problems, library_checked = article_problems(root, config.show.base_url, [channel, *(other for _, other in others)])
    problems += library_problems
    checked += library_checked
    if channel is not None:
        problems += full_episode_problems(episodes, root, config)
    return problems

