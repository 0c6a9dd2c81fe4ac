"""The fake engine, in a module of its own: worker processes and Ray actors import it to unpickle it (they
never import conftest, which needs pytest)."""
from __future__ import annotations

import hashlib

import numpy as np

from narration.models import Audio


class FakeEngine:
    """A deterministic stand-in voice: a speech-like buzz whose length follows the text; counts its calls."""

    name = "fake"

    def __init__(self, rate: int = 22050, version: str = "1") -> None:
        self.rate = rate
        self.version = version
        self.calls: list[str] = []
        self.unloads = 0

    def fingerprint(self) -> dict[str, str]:
        return {"engine": "fake", "version": self.version, "rate": str(self.rate)}

    def unload(self) -> None:
        self.unloads += 1

    def synthesize(self, text: str) -> Audio:
        self.calls.append(text)
        seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:4], "little")
        n = int(self.rate * (0.2 + 0.012 * len(text)))  # short clips keep fake builds fast
        t = np.arange(n) / self.rate
        pitch = 110 + seed % 60
        voice = sum(np.sin(2 * np.pi * pitch * k * t) / k for k in range(1, 8))
        envelope = 0.5 + 0.5 * np.sin(2 * np.pi * 3.5 * t) ** 2
        samples = (voice * envelope * 0.2).astype(np.float32)
        return Audio(samples, self.rate)


class FailingEngine(FakeEngine):
    """Fails on every sentence holding `word`: in a worker process, the failure must still reach the build."""

    def __init__(self, word: str) -> None:
        super().__init__()
        self.word = word

    def synthesize(self, text: str) -> Audio:
        if self.word in text:
            raise RuntimeError(f"cannot say {self.word!r}")
        return super().synthesize(text)
