"""Telephone DSP on Audio: band-limit, resample exactly, set the P.56 speech level, keep peaks safe for G.711."""
from __future__ import annotations

from dataclasses import dataclass
from math import gcd

import numpy as np
from scipy import ndimage, signal

from narration.audio.dsp import resample
from narration.models import Audio


@dataclass(frozen=True)
class TelephoneBand:
    """A telephone channel: the rate the phone system plays and the band its speech keeps."""

    rate: int
    low_hz: float
    high_hz: float
    stop_hz: float  # where the low-pass reaches its full attenuation (below the new Nyquist)


NARROWBAND = TelephoneBand(rate=8000, low_hz=300.0, high_hz=3400.0, stop_hz=3600.0)
WIDEBAND = TelephoneBand(rate=16000, low_hz=50.0, high_hz=7000.0, stop_hz=7400.0)

DEFAULT_LEVEL_DBOV = -26.0
PEAK_CEILING_DBOV = -3.0  # G.711 saturates just below 0 dBov; 3 dB keeps every rendition well clear
_STOP_DB = 70.0  # low-pass stopband attenuation (one pass; zero-phase filtering doubles it)
_RIPPLE_DB = 0.1

# ITU-T P.56 method B constants.
_P56_TIME_CONSTANT_S = 0.03
_P56_HANGOVER_S = 0.2
_P56_MARGIN_DB = 15.9
_P56_THRESHOLDS = 2.0 ** np.arange(-15, 0)  # one 16-bit quantum up to half of full scale, 6 dB apart


def _band_sos(band: TelephoneBand, rate: int) -> np.ndarray:
    """A steep elliptic low-pass at the band edge plus a gentle Butterworth high-pass, as second-order sections."""
    nyquist = rate / 2
    order, wn = signal.ellipord(band.high_hz / nyquist, band.stop_hz / nyquist, _RIPPLE_DB, _STOP_DB)
    low = signal.ellip(order, _RIPPLE_DB, _STOP_DB, wn, btype="low", output="sos")
    high = signal.butter(4, band.low_hz / nyquist, btype="high", output="sos")
    return np.vstack([high, low])


def band_limit(audio: Audio, band: TelephoneBand) -> Audio:
    """Keep only the telephone band, zero-phase so speech onsets do not smear or click."""
    if band.stop_hz >= band.rate / 2 or band.stop_hz >= audio.rate / 2:
        raise ValueError(f"{band.rate} Hz band needs a source rate above {2 * band.stop_hz:.0f} Hz, got {audio.rate}")
    sos = _band_sos(band, audio.rate)
    # A waveform cut off mid-cycle would make the steep filter ring at the ends: fade 2 ms, pad with silence.
    edged = fade_edges(audio, 2.0).samples.astype(np.float64)
    samples = signal.sosfiltfilt(sos, edged, padtype="constant")
    return Audio(samples.astype(np.float32), audio.rate)


def resample_factors(source_rate: int, rate: int) -> tuple[int, int]:
    """The exact rational up/down factors between two rates (44100 -> 8000 is 80/441)."""
    common = gcd(source_rate, rate)
    return rate // common, source_rate // common


def active_speech_level(audio: Audio) -> float:
    """Active speech level in dBov by ITU-T P.56 method B (0 dBov = a full-scale square wave)."""
    x = audio.samples.astype(np.float64)
    if not len(x):
        return float("-inf")
    g = np.exp(-1.0 / (audio.rate * _P56_TIME_CONSTANT_S))
    envelope = signal.lfilter([1 - g], [1, -g], signal.lfilter([1 - g], [1, -g], np.abs(x)))
    # A sample is active for threshold c if the envelope reached c within the hangover before it:
    # the running maximum over that window, compared with every threshold at once.
    hangover = int(np.ceil(audio.rate * _P56_HANGOVER_S))
    held = ndimage.maximum_filter1d(envelope, size=hangover + 1, origin=hangover // 2, mode="constant")
    # Samples at or above each threshold: each sample's threshold index (a search among 15, not a sort of all).
    passed = np.bincount(np.searchsorted(_P56_THRESHOLDS, held, side="right"), minlength=len(_P56_THRESHOLDS) + 1)
    counts = np.cumsum(passed[::-1])[::-1][1:]
    energy = float(np.sum(x * x))
    if counts[0] == 0 or energy == 0.0:
        return float("-inf")
    active = counts > 0
    level_db = np.full(len(counts), np.inf)
    level_db[active] = 10 * np.log10(energy / counts[active])
    delta = level_db - 20 * np.log10(_P56_THRESHOLDS)
    if delta[0] <= _P56_MARGIN_DB:
        return float(level_db[0])  # barely above the quantization floor: no threshold pair brackets it
    below = np.flatnonzero(delta <= _P56_MARGIN_DB)
    if not len(below):
        return float(level_db[active][-1])
    j = int(below[0])
    # Linear interpolation between the two thresholds that bracket the margin (P.56 annex B).
    t = (delta[j - 1] - _P56_MARGIN_DB) / (delta[j - 1] - delta[j])
    return float(level_db[j - 1] + t * (level_db[j] - level_db[j - 1]))


def limit_peaks(audio: Audio, ceiling_dbov: float = PEAK_CEILING_DBOV, lookahead_ms: float = 5.0) -> Audio:
    """A look-ahead limiter: gain falls smoothly before a peak so no sample exceeds the ceiling."""
    x = audio.samples.astype(np.float64)
    ceiling = 10 ** (ceiling_dbov / 20)
    needed = np.minimum(1.0, ceiling / np.maximum(np.abs(x), 1e-12))
    if needed.min() >= 1.0:
        return audio
    half = max(1, int(audio.rate * lookahead_ms / 1000))
    # The minimum over +-half, averaged over a window no wider, never exceeds the gain each sample needs.
    floor = ndimage.minimum_filter1d(needed, size=2 * half + 1, mode="nearest")
    gain = ndimage.uniform_filter1d(floor, size=half + 1, mode="nearest")
    return Audio(np.clip(x * gain, -ceiling, ceiling).astype(np.float32), audio.rate)


def set_level(audio: Audio, target_dbov: float = DEFAULT_LEVEL_DBOV, ceiling_dbov: float = PEAK_CEILING_DBOV) -> Audio:
    """Gain to the target active speech level, peaks limited; measured again and corrected once."""
    out = audio
    for _ in range(2):
        level = active_speech_level(out)
        if not np.isfinite(level) or abs(level - target_dbov) < 0.1:
            break
        gained = Audio((out.samples * 10 ** ((target_dbov - level) / 20)).astype(np.float32), out.rate)
        out = limit_peaks(gained, ceiling_dbov)
    return out


def fade_edges(audio: Audio, ms: float = 10.0) -> Audio:
    """Raised-cosine fade-in and fade-out so a file starts and ends at zero without a click."""
    n = min(int(audio.rate * ms / 1000), len(audio.samples) // 2)
    if n == 0:
        return audio
    ramp = (np.sin(0.5 * np.pi * (np.arange(n) + 0.5) / n) ** 2).astype(np.float32)
    samples = audio.samples.astype(np.float32).copy()
    samples[:n] *= ramp
    samples[-n:] *= ramp[::-1]
    return Audio(samples, audio.rate)


def loop_pad(source_rate: int, rate: int, seconds: float = 0.5) -> int:
    """Source samples of wrap-around context for a loop: whole resampling periods, so the crop is exact."""
    _, down = resample_factors(source_rate, rate)
    return int(np.ceil(source_rate * seconds / down)) * down


def telephone(
    audio: Audio,
    band: TelephoneBand = NARROWBAND,
    target_dbov: float = DEFAULT_LEVEL_DBOV,
    *,
    ceiling_dbov: float = PEAK_CEILING_DBOV,
    loop: bool = False,
    fade_ms: float = 10.0,
) -> Audio:
    """The whole chain: band-limit, resample, set level, fade (or, for a loop, filter circularly and keep the seam)."""
    pad = loop_pad(audio.rate, band.rate) if loop else 0
    source = Audio(np.pad(audio.samples, pad, mode="wrap"), audio.rate) if pad else audio
    # Resampling first (its own anti-alias filter stops what would fold back) lets the steep band filter run at
    # the telephone rate, on fewer samples than the source has.
    narrow = band_limit(resample(source, band.rate), band)
    up, down = resample_factors(audio.rate, band.rate)
    out_pad = pad * up // down
    core = slice(out_pad, len(narrow.samples) - out_pad)
    level = active_speech_level(Audio(narrow.samples[core], band.rate))
    gain = 10 ** ((target_dbov - level) / 20) if np.isfinite(level) else 1.0
    # Limiting the padded signal keeps the limiter's gain continuous across a loop's seam.
    gained = Audio((narrow.samples * gain).astype(np.float32), band.rate)
    leveled = limit_peaks(gained, ceiling_dbov)
    result = Audio(leveled.samples[core], band.rate)
    if loop:
        return result
    if leveled is not gained:  # the limiter took some level away: measure again and correct
        result = set_level(result, target_dbov, ceiling_dbov)
    return fade_edges(result, fade_ms)
