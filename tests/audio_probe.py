"""Measure real artefacts: decode audio through the bundled ffmpeg (there is no ffprobe)."""
from __future__ import annotations

from pathlib import Path

from narration.audio.ffmpeg import decode


def decoded_seconds(path: Path) -> float:
    """Duration of an audio file as a decoder plays it."""
    return decode(path).duration_s
