"""Hold-line settings: light to import (no signal processing), so a build that changes nothing stays fast."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from narration.errors import ConfigError

CONNECT_MAX_SECONDS = 300.0  # Amazon Connect prompts must be under 5 minutes ...
CONNECT_MAX_BYTES = 50_000_000  # ... and under 50 MB
DEFAULT_GREETING = (
    "Thank you for holding. We will be with you as soon as we can. "
    "While you wait, here is some information you may find helpful."
)


@dataclass(frozen=True)
class HoldlineConfig:
    """What the hold program and its renditions should sound like; bad values are rejected when set."""

    target_dbov: float = -26.0  # ITU-T P.56 active speech level of every rendition
    program_seconds: float = 240.0
    message_min_seconds: float = 15.0
    message_max_seconds: float = 45.0
    gap_seconds: float = 2.0  # silence (or music alone) between messages, and across the loop point
    sentence_gap_ms: int = 400  # pause between sentences inside a message
    greeting: str = DEFAULT_GREETING
    tempo: float = 0.82  # speaking rate relative to the podcast voice (time-stretched): about 120 words a minute
    music_bed: Path | None = None
    music_throughout: bool = True  # False: music only in the gaps
    music_level_db: float = -6.0  # music alone, relative to the speech level
    duck_db: float = -14.0  # further attenuation of the music under speech
    duck_ramp_ms: int = 400
    sections: tuple[str, ...] = ()  # section slugs for the program; empty means all body sections
    connect_max_seconds: float = CONNECT_MAX_SECONDS - 1.0
    mp3_bitrate_kbps: int = 32

    def __post_init__(self) -> None:
        # Guards direct callers: a project's [holdline] values are checked earlier, when its config is read.
        problems = []
        if not -40.0 <= self.target_dbov <= -16.0:
            problems.append(f"target_dbov {self.target_dbov} is outside -40..-16 dBov (telephone speech is -26)")
        if not 0 < self.message_min_seconds < self.message_max_seconds:
            problems.append("message_min_seconds must be positive and below message_max_seconds")
        if self.program_seconds < self.message_max_seconds:
            problems.append("program_seconds must be at least message_max_seconds")
        if self.gap_seconds < 0.2:
            problems.append("gap_seconds must be at least 0.2 so messages and the loop point do not run together")
        if self.sentence_gap_ms < 0 or self.duck_ramp_ms <= 0:
            problems.append("sentence_gap_ms must be >= 0 and duck_ramp_ms > 0")
        if self.duck_db > 0 or self.music_level_db > 0:
            problems.append("duck_db and music_level_db are attenuations: use values <= 0")
        if not 0.5 <= self.tempo <= 1.0:
            problems.append(f"tempo {self.tempo} is outside 0.5..1.0 (0.82: about 120 words a minute)")
        if not 10.0 <= self.connect_max_seconds < CONNECT_MAX_SECONDS:
            problems.append("connect_max_seconds must be under 300 (Amazon Connect's 5-minute limit)")
        if not self.greeting.strip():
            problems.append("greeting must not be empty")
        if problems:
            raise ConfigError([f"holdline.{p}" for p in problems], "holdline")
