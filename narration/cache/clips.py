"""Content-addressed clip cache: key = hash of exactly what decides the audio; a bad entry is a miss."""
from __future__ import annotations

import hashlib
import io
import struct
import wave
from pathlib import Path

import numpy as np

from narration.atomic import write_bytes_atomic
from narration.cache.shared import SharedStore
from narration.cache.keys import clip_key
from narration.cache.usage import touch  # noqa: F401 (re-exported: the clip cache is addressed by it)
from narration.models import Audio

CHECK_CHUNK = b"nsha"  # our own RIFF chunk: sha256 of the PCM data, so corruption reads as a miss


class ClipCache:
    """16-bit mono WAV files under <root>/clips/ab/<key>.wav with a checksum chunk, written atomically; with a
    shared store (cache/shared.py), clips missing here are fetched from it and new clips are added to it."""

    def __init__(self, root: Path, shared: SharedStore | None = None) -> None:
        self.root = root
        self.shared = shared

    def path(self, key: str) -> Path:
        return self.root / "clips" / key[:2] / f"{key}.wav"

    def get(self, key: str) -> Audio | None:
        """The cached clip, or None when it is missing, truncated or unreadable (here and in the shared store)."""
        path = self.path(key)
        try:
            audio = _decode(path.read_bytes())
        except OSError:
            audio = None
        if audio is not None:
            touch(path)
            return audio
        data = self.shared.get(self._shared_path(key)) if self.shared else None
        if data is None or (audio := _decode(data)) is None:
            return None  # a damaged shared entry stays a miss: the clip is made again and kept here
        write_bytes_atomic(path, data)
        return audio

    def has(self, key: str) -> bool:
        """Whether the clip is here whole (its RIFF header gives the file's length), without reading its samples;
        marked as used. A build checks this for the clips it will not read (their episodes are made), so that a
        rebuild of a large library does not read and verify every clip it ever made; a clip that is read is
        verified by `get`."""
        path = self.path(key)
        try:
            with path.open("rb") as handle:
                head, size = handle.read(12), path.stat().st_size
        except OSError:
            head, size = b"", 0
        if head[:4] == b"RIFF" and head[8:12] == b"WAVE" and struct.unpack("<I", head[4:8])[0] + 8 == size:
            touch(path)
            return True
        return self.shared is not None and self.get(key) is not None

    def put(self, key: str, audio: Audio) -> Audio:
        """Store a clip; readers never see a partial file. Returns the clip exactly as stored (16-bit), so a
        first build can use the same samples that later builds read back, and both give the same bytes."""
        quantized = (np.clip(audio.samples, -1.0, 32767 / 32768) * 32768.0).round().astype("<i2")
        data = _encode(quantized.tobytes(), audio.rate)
        write_bytes_atomic(self.path(key), data)
        if self.shared:
            self.shared.put(self._shared_path(key), data)
        return Audio(quantized.astype(np.float32) / 32768.0, audio.rate)

    def _shared_path(self, key: str) -> str:
        return self.path(key).relative_to(self.root).as_posix()


def _encode(pcm: bytes, rate: int) -> bytes:
    """A mono 16-bit WAV file with our checksum chunk after the data."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(pcm)
    data = bytearray(buffer.getvalue() + CHECK_CHUNK + struct.pack("<I", 32) + hashlib.sha256(pcm).digest())
    data[4:8] = struct.pack("<I", len(data) - 8)
    return bytes(data)


def _decode(data: bytes) -> Audio | None:
    """The clip in a cache entry, or None when it is not one of ours or its checksum does not match."""
    try:
        with wave.open(io.BytesIO(data), "rb") as wav:
            frames, rate = wav.getnframes(), wav.getframerate()
            if wav.getnchannels() != 1 or wav.getsampwidth() != 2:
                return None
            pcm = wav.readframes(frames)
    except (EOFError, wave.Error, struct.error):
        return None
    tail = data[-40:]
    if len(pcm) != frames * 2 or tail[:4] != CHECK_CHUNK or tail[8:] != hashlib.sha256(pcm).digest():
        return None
    return Audio(np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768.0, rate)
