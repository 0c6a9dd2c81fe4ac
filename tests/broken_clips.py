"""Clips broken on purpose, the way a voice or a cache can fail, for the listening check's tests and benchmark."""
from __future__ import annotations

from typing import Callable

import numpy as np
from scipy.signal import resample_poly

from narration.models import Audio


def silence(clip: Audio, other: Audio) -> Audio:
    """The voice returned nothing audible, at the right length."""
    return Audio(np.zeros_like(clip.samples), clip.rate)


def truncated(clip: Audio, other: Audio) -> Audio:
    """The clip stops a little past half-way (a crash, a cut file)."""
    return Audio(clip.samples[: int(len(clip.samples) * 0.55)].copy(), clip.rate)


def another_sentence(clip: Audio, other: Audio) -> Audio:
    """Another sentence's audio under this sentence's key."""
    return Audio(other.samples.copy(), other.rate)


def noise(clip: Audio, other: Audio) -> Audio:
    """Hiss at the clip's own loudness instead of speech."""
    rms = float(np.sqrt(np.mean(clip.samples ** 2))) or 0.1
    samples = np.random.default_rng(7).normal(0.0, rms, len(clip.samples)).astype(np.float32)
    return Audio(np.clip(samples, -1, 1), clip.rate)


def _speed(factor: float) -> Callable[[Audio, Audio], Audio]:
    def changed(clip: Audio, other: Audio) -> Audio:
        """Played at the wrong rate: faster (or slower) and higher (or lower)."""
        up, down = (100, round(100 * factor))
        return Audio(resample_poly(clip.samples, up, down).astype(np.float32), clip.rate)

    return changed


too_fast = _speed(1.5)
too_slow = _speed(0.67)

BREAKS: dict[str, Callable[[Audio, Audio], Audio]] = {
    "silence": silence, "truncated": truncated, "another sentence": another_sentence, "noise": noise,
    "too fast": too_fast, "too slow": too_slow,
}
