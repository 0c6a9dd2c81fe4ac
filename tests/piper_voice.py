"""The bundled Piper voice for tests that speak or phonemize directly: loaded once per test run, the way the
build loads it (onnxruntime's threads sleep instead of spinning while they wait, which saves CPU time)."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def piper_voice():  # type: ignore[no-untyped-def]  # a piper.PiperVoice
    from narration.speech.piper_engine import _load_voice, voice_files

    return _load_voice.__wrapped__(*voice_files(""))  # not the build's cached copy, which a build unloads
