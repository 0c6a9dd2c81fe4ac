"""Parts of an episode + clips -> one continuous stretch of audio (one sample rate, no clicks) and its sentence timeline."""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, Iterator, Sequence

import numpy as np

from narration.plan import Part
from narration.audio.lazy import import_signal_processing
from narration.audio.dsp import resample
from narration.models import Audio, Cue, Mixdown

FADE_MS = 8
SILENCE_DB = -45.0
ENCODER_LOSS_LU = 0.4  # measured: 96 kbps mono MP3 decodes about 0.4 LU quieter (its low-pass removes treble)
HEADROOM_DB = 1.5  # clips are limited this far below the ceiling, so the episode-level correction cannot overshoot


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
    import_signal_processing()
    from narration.audio.loudness import level_clip

    trimmed = trim_silence(resample(audio, rate))
    if len(trimmed.samples) == 0:
        return trimmed
    levelled = level_clip(trimmed, loudness_lufs + ENCODER_LOSS_LU, true_peak_dbtp - HEADROOM_DB)
    return Audio(fade(levelled.samples, rate), rate)


def _pieces(parts: Sequence[Part], clip: Callable[[str], Audio], rate: int, chime: np.ndarray) -> Iterator[tuple[Part, np.ndarray]]:
    """The parts as sample arrays, one at a time (clips are read from the cache as needed)."""
    for part in parts:
        if part.kind == "pause":
            yield part, np.zeros(int(rate * part.ms / 1000), dtype=np.float32)
        elif part.kind == "signature":
            yield part, chime
        else:
            yield part, clip(part.text).samples


def render(parts: Sequence[Part], clip: Callable[[str], Audio], rate: int, loudness_lufs: float,
           true_peak_dbtp: float) -> Mixdown:
    """Lay prepared clips (see prepare_clip) end to end at one rate, record each sentence's cue, and correct
    the integrated loudness of the whole (one segment of an episode) within the clips' headroom.

    Two passes over the parts, never the whole segment in memory: the first measures the loudness and the
    timeline, the second (Mixdown.chunks) streams the corrected audio to the encoder.
    """
    import_signal_processing()
    from narration.audio.loudness import LoudnessMeter, integrated_lufs, limit_sample_peaks

    chime = signature(rate).samples
    chime = chime * np.float32(10 ** ((loudness_lufs + ENCODER_LOSS_LU - integrated_lufs(signature(rate))) / 20))
    meter = LoudnessMeter(rate)
    cues: list[Cue] = []
    position = 0
    for part, piece in _pieces(parts, clip, rate, chime):
        meter.add(piece)
        if part.text:
            cues.append(Cue(round(position * 1000 / rate), round((position + len(piece)) * 1000 / rate), part.text,
                            kind=part.kind if part.kind in ("intro", "heading", "body", "outro") else "body",  # type: ignore[arg-type]
                            section=part.section, paragraph=part.paragraph,
                            subheading=part.subheading))
        position += len(piece)
    correction = loudness_lufs + ENCODER_LOSS_LU - meter.integrated() if position else 0.0
    gain = np.float32(10 ** (correction / 20)) if np.isfinite(correction) else np.float32(1.0)
    ceiling = 10 ** (true_peak_dbtp / 20) * 10 ** (-0.5 / 20)  # sample peaks kept 0.5 dB under the true-peak limit

    def chunks() -> Iterator[np.ndarray]:
        for _, piece in _pieces(parts, clip, rate, chime):
            out = piece * gain
            if correction > HEADROOM_DB - 1.0 and len(out):  # unusual voices: limit what the gain pushed over
                out = limit_sample_peaks(out, rate, ceiling)
            yield out.astype(np.float32)

    return Mixdown(tuple(cues), position, rate, chunks)
