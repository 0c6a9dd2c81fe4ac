"""Speech: engines in a plain mapping, the clip cache, and the driver that fills cache misses."""
from __future__ import annotations

from typing import Callable

from ..errors import ConfigError
from .base import PRESETS, Engine, VoiceSettings
from .cache import ClipCache, clip_key
from .gtts_engine import GttsEngine
from .piper_engine import PiperEngine

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
