"""Speech: engines in a plain mapping, the clip cache, and the driver that fills cache misses."""
from __future__ import annotations

from typing import Callable

from narration.errors import ConfigError
from narration.speech.base import PRESETS, Engine, VoiceSettings
from narration.cache.clips import ClipCache, clip_key
from narration.speech.gtts_engine import GttsEngine
from narration.speech.piper_engine import PiperEngine

ENGINES: dict[str, Callable[[VoiceSettings], Engine]] = {
    "piper": PiperEngine,
    "gtts": GttsEngine,
}


def make_engine(settings: VoiceSettings) -> Engine:
    """Build the engine a config names."""
    try:
        factory = ENGINES[settings.engine]
    except KeyError:
        raise ConfigError([f"speech.engine: {settings.engine!r} is not one of {', '.join(ENGINES)}"]) from None
    return factory(settings)


__all__ = ["ENGINES", "PRESETS", "Engine", "VoiceSettings", "ClipCache", "clip_key", "make_engine"]
