"""Episode plan + clips -> one continuous episode (one sample rate, no clicks) and its sentence timeline."""
from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from typing import Callable

import numpy as np
from scipy.signal import resample_poly

from .episodes import EpisodePlan
from .loudness import integrated_lufs, level_clip, normalize as normalize_loudness
from .models import Audio, Cue, Mixdown

VERSION = 8  # bump when the mix changes how an episode sounds: cached episodes are then rebuilt
FADE_MS = 8
SILENCE_DB = -45.0
ENCODER_LOSS_LU = 0.4  # measured: 96 kbps mono MP3 decodes about 0.4 LU quieter (its low-pass removes treble)
HEADROOM_DB = 1.5  # clips are limited this far below the ceiling, so the episode-level correction cannot overshoot


def resample(audio: Audio, rate: int) -> Audio:
    """Band-limited polyphase resampling to an exact rate."""
    if audio.rate == rate or len(audio.samples) == 0:
        return Audio(audio.samples.astype(np.float32), rate)
    ratio = Fraction(rate, audio.rate)
    out = resample_poly(audio.samples.astype(np.float64), ratio.numerator, ratio.denominator)
    return Audio(out.astype(np.float32), rate)


def trim_silence(audio: Audio, keep_ms: int = 40) -> Audio:
    """Trim leading/trailing near-silence so the mixer, not the engine, decides the pauses."""
    samples = audio.samples
    if len(samples) == 0:
        return audio
    threshold = 10 ** (SILENCE_DB / 20)
    loud = np.flatnonzero(np.abs(samples) > threshold)
    if len(loud) == 0:
        return Audio(samples[:0], audio.rate)
    keep = int(audio.rate * keep_ms / 1000)
    return Audio(samples[max(0, loud[0] - keep): loud[-1] + keep + 1], audio.rate)


def fade(samples: np.ndarray, rate: int, ms: int = FADE_MS) -> np.ndarray:
    """Short raised-cosine fades at both ends: joins never click."""
    n = min(len(samples) // 2, int(rate * ms / 1000))
    if n == 0:
        return samples
    ramp = (0.5 - 0.5 * np.cos(np.linspace(0, np.pi, n))).astype(np.float32)
    out = samples.astype(np.float32).copy()
    out[:n] *= ramp
    out[-n:] *= ramp[::-1]
    return out


@lru_cache(maxsize=4)
def signature(rate: int) -> Audio:
    """The project's own short audio signature: a soft rising three-note chime (no third-party music)."""
    notes = [(523.25, 0.0), (659.25, 0.18), (783.99, 0.36)]  # C5, E5, G5
    length = 1.6
    t = np.arange(int(rate * length)) / rate
    out = np.zeros_like(t)
    for freq, start in notes:
        active = t >= start
        local = t[active] - start
        envelope = np.exp(-local * 3.2) * (1 - np.exp(-local * 200))
        tone = sum(amp * np.sin(2 * np.pi * freq * k * local) for k, amp in ((1, 1.0), (2, 0.25), (3, 0.08)))
        out[active] += envelope * tone
    out *= 0.3 / np.max(np.abs(out))
    return Audio(fade(out.astype(np.float32), rate, 30), rate)


def prepare_clip(audio: Audio, rate: int, loudness_lufs: float, true_peak_dbtp: float) -> Audio:
    """One sentence ready to mix: at the episode rate, trimmed, at the target loudness, peaks limited, faded.

    Every sentence is levelled on its own, so the voice keeps a steady loudness from sentence to sentence
    (and the expensive true-peak limiting runs once per sentence ever, not once per episode build).
    """
    trimmed = trim_silence(resample(audio, rate))
    if len(trimmed.samples) == 0:
        return trimmed
    levelled = level_clip(trimmed, loudness_lufs + ENCODER_LOSS_LU, true_peak_dbtp - HEADROOM_DB)
    return Audio(fade(levelled.samples, rate), rate)


def render(plan: EpisodePlan, clip: Callable[[str], Audio], rate: int, loudness_lufs: float,
           true_peak_dbtp: float) -> Mixdown:
    """Lay prepared clips (see prepare_clip) end to end at one rate, record each sentence's cue, and correct
    the episode's integrated loudness within the clips' headroom."""
    pieces: list[np.ndarray] = []
    cues: list[Cue] = []
    position = 0
    chime = signature(rate)
    chime_gain = 10 ** ((loudness_lufs + ENCODER_LOSS_LU - integrated_lufs(chime)) / 20)  # as loud as the voice
    for part in plan.parts:
        if part.kind == "pause":
            piece = np.zeros(int(rate * part.ms / 1000), dtype=np.float32)
        elif part.kind == "signature":
            piece = chime.samples * np.float32(chime_gain)
        else:
            piece = clip(part.text).samples
            start_ms = round(position * 1000 / rate)
            cues.append(Cue(start_ms, round((position + len(piece)) * 1000 / rate), part.text,
                            kind=part.kind if part.kind in ("intro", "heading", "body", "outro") else "body",  # type: ignore[arg-type]
                            section=part.section))
        pieces.append(piece)
        position += len(piece)
    samples = np.concatenate(pieces) if pieces else np.zeros(0, np.float32)
    if cues:  # the closing words stay on screen through the closing chime: the transcript covers the audio
        last = cues[-1]
        cues[-1] = Cue(last.start_ms, len(samples) * 1000 // rate, last.text, last.kind, last.section)
    audio = Audio(samples, rate)
    target = loudness_lufs + ENCODER_LOSS_LU
    correction = target - integrated_lufs(audio) if len(samples) else 0.0
    if np.isfinite(correction) and abs(correction) > 0.05:
        if correction <= HEADROOM_DB - 1.0:
            audio = Audio((samples * np.float32(10 ** (correction / 20))).astype(np.float32), rate)
        else:  # clips far off target (unusual voices): level the whole episode, true-peak limited
            audio = normalize_loudness(audio, target, true_peak_dbtp)
    return Mixdown(audio, tuple(cues))
