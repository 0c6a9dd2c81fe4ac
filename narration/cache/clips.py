"""Content-addressed clip cache: key = hash of exactly what decides the audio; a bad entry is a miss."""
from __future__ import annotations

import hashlib
import struct
import wave
from pathlib import Path

import numpy as np

from narration.atomic import atomic_path
from narration.cache.keys import clip_key
from narration.cache.usage import touch  # noqa: F401 (re-exported: the clip cache is addressed by it)
from narration.models import Audio

CHECK_CHUNK = b"nsha"  # our own RIFF chunk: sha256 of the PCM data, so corruption reads as a miss


class ClipCache:
    """16-bit mono WAV files under <root>/clips/ab/<key>.wav with a checksum chunk, written atomically."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, key: str) -> Path:
        return self.root / "clips" / key[:2] / f"{key}.wav"

    def get(self, key: str) -> Audio | None:
        """The cached clip, or None when it is missing, truncated or unreadable."""
        path = self.path(key)
        try:
            with wave.open(str(path), "rb") as wav:
                frames, rate = wav.getnframes(), wav.getframerate()
                if wav.getnchannels() != 1 or wav.getsampwidth() != 2:
                    return None
                data = wav.readframes(frames)
        except (OSError, EOFError, wave.Error):
            return None
        if len(data) != frames * 2 or not _checksum_ok(path, data):
            return None
        touch(path)
        return Audio(np.frombuffer(data, dtype="<i2").astype(np.float32) / 32768.0, rate)

    def put(self, key: str, audio: Audio) -> Audio:
        """Store a clip; readers never see a partial file. Returns the clip exactly as stored (16-bit), so a
        first build can use the same samples that later builds read back, and both give the same bytes."""
        quantized = (np.clip(audio.samples, -1.0, 32767 / 32768) * 32768.0).round().astype("<i2")
        pcm = quantized.tobytes()
        with atomic_path(self.path(key)) as tmp:
            with wave.open(str(tmp), "wb") as wav:
                wav.setnchannels(1)
                wav.setsampwidth(2)
                wav.setframerate(audio.rate)
                wav.writeframes(pcm)
            with open(tmp, "r+b") as handle:
                handle.seek(0, 2)
                handle.write(CHECK_CHUNK + struct.pack("<I", 32) + hashlib.sha256(pcm).digest())
                size = handle.tell()
                handle.seek(4)
                handle.write(struct.pack("<I", size - 8))
        return Audio(quantized.astype(np.float32) / 32768.0, audio.rate)


def _checksum_ok(path: Path, pcm: bytes) -> bool:
    """The trailing checksum chunk matches the PCM data."""
    with open(path, "rb") as handle:
        handle.seek(-40, 2)
        tail = handle.read(40)
    return tail[:4] == CHECK_CHUNK and tail[8:] == hashlib.sha256(pcm).digest()
