"""Hold-line settings: the one type for the [holdline] table of narration.toml and for the renderer.

Light to import (no signal processing), so a build that changes nothing stays fast. Every number carries its
range (see narration.bounds): the config loader checks them, with the rules below, before anything is spoken."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from narration.bounds import bounded
from narration.phrases import phrases_for

CONNECT_MAX_SECONDS = 300.0  # Amazon Connect prompts must be under 5 minutes ...
CONNECT_MAX_BYTES = 50_000_000  # ... and under 50 MB
# The English table's wording; an article in another language is greeted in its own (narration.language.phrases).
DEFAULT_GREETING = phrases_for("en").greeting
DEFAULT_TOPIC_INTRO = phrases_for("en").topic_intro


@dataclass(frozen=True)
class HoldlineSettings:
    """What the hold program and its renditions say and sound like."""

    enabled: bool = True
    greeting: str = DEFAULT_GREETING
    topic_intro: str = DEFAULT_TOPIC_INTRO  # said before each article's messages; empty: nothing
    target_dbov: float = bounded(-26.0, -40, -16, "telephone speech is -26")  # ITU-T P.56 active speech level
    program_seconds: float = bounded(240.0, 0, 600, "the program loops; 10 minutes at most", above=True)
    message_min_seconds: float = bounded(15.0, 0, 300, above=True)
    message_max_seconds: float = bounded(45.0, 0, 300, above=True)
    gap_seconds: float = bounded(2.0, 0.2, 30, "so messages and the loop point do not run together")
    tempo: float = bounded(0.82, 0.5, 1.0, "0.82: about 120 words a minute")  # time-stretch of the podcast voice
    music: str = ""  # a music bed (audio file); relative to the config's folder until the build resolves it
    music_throughout: bool = True  # False: music only in the gaps
    music_level_db: float = bounded(-6.0, -40, 0, "music alone, relative to the speech level")
    duck_db: float = bounded(-14.0, -60, 0, "further attenuation of the music under speech")
    duck_ramp_ms: int = bounded(400, 0, 5000, above=True)
    sentence_gap_ms: int = bounded(400, 0, 5000)  # pause between sentences inside a message
    sections: list[str] = field(default_factory=list)  # section slugs for the program; empty: all body sections
    connect_max_seconds: float = bounded(CONNECT_MAX_SECONDS - 1.0, 10, CONNECT_MAX_SECONDS - 1.0,
                                         "Amazon Connect's prompts are under 5 minutes")
    mp3_bitrate_kbps: int = bounded(32, 8, 64)

    @property
    def music_bed(self) -> Path | None:
        return Path(self.music) if self.music else None


def problems(settings: HoldlineSettings, root: Path) -> list[str]:
    """Rules between values: message lengths fit each other and the program; the music bed exists."""
    found = []
    if settings.message_min_seconds >= settings.message_max_seconds:
        found.append(f"holdline.message_min_seconds: {settings.message_min_seconds:g} must be below "
                     f"message_max_seconds ({settings.message_max_seconds:g})")
    if settings.program_seconds < settings.message_max_seconds:
        found.append(f"holdline.program_seconds: {settings.program_seconds:g} must be at least "
                     f"message_max_seconds ({settings.message_max_seconds:g})")
    if not settings.greeting.strip():
        found.append("holdline.greeting: must not be empty")
    if settings.topic_intro and settings.topic_intro.replace("{topic}", "").count("{") + \
            settings.topic_intro.replace("{topic}", "").count("}"):
        found.append(f"holdline.topic_intro: {settings.topic_intro!r} may use only {{topic}} (the article's title)")
    if settings.music and not (root / settings.music).is_file():
        found.append(f"holdline.music: {settings.music!r} is not a file (relative to the config's folder)")
    return found


def unknown_sections(settings: HoldlineSettings, known: Sequence[str]) -> list[str]:
    """holdline.sections entries that name no body section of the articles."""
    return [f"holdline.sections: no section {s!r}; choose from {', '.join(known)}"
            for s in settings.sections if s not in known]
