"""The engine protocol: synthesis is a pure function of (text, engine, voice, settings)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from narration.models import Audio

# Speaking-rate presets: Piper length_scale (> 1 is slower). Measured on the sample with the bundled
# voice: standard ~168 wpm, patient ~151 wpm, slow ~130 wpm.
PRESETS: dict[str, float] = {"standard": 1.0, "patient": 1.12, "slow": 1.3}


@dataclass(frozen=True)
class VoiceSettings:
    """Everything besides the text that decides what a clip sounds like (part of the cache key)."""

    engine: str
    voice: str = ""
    preset: str = "patient"
    language: str = "en"  # the article's language without its region ("es"), as engines name languages
    tld: str = ""  # gTTS: Google's regional domain for the accent ("com.mx"); '' for its default
    retries: int = 3  # attempts for network engines (not part of the sound, so not in fingerprints)
    timeout: float = 20.0  # seconds per network request
    threads: int = 0  # CPU threads a local engine may use (0: its own default); a speech worker is given its share


class Engine(Protocol):
    """A speech engine: turns one sentence into audio."""

    name: str

    def fingerprint(self) -> dict[str, str]:
        """What identifies this engine's output besides the text: version, voice, settings."""
        ...

    def synthesize(self, text: str) -> Audio:
        """Speak one sentence."""
        ...

    def unload(self) -> None:
        """Free what speaking needed (a neural voice's working memory); the next sentence loads it again."""
        ...
