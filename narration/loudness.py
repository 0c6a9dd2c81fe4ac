"""Loudness and true peak (ITU-R BS.1770-4): measure episodes and bring them to the podcast target."""
from __future__ import annotations

import math
import subprocess
import tempfile
from pathlib import Path

import imageio_ffmpeg
import numpy as np
import pyloudnorm
import soundfile
from scipy.ndimage import minimum_filter1d
from scipy.signal import oaconvolve, resample_poly

from narration.errors import AudioToolError
from narration.models import Audio

TRUE_PEAK_RATE = 192_000  # BS.1770-4 Annex 2 oversamples 48 kHz by 4; lower rates need more to catch the same peaks
LOUDNESS_BLOCK_S = 0.4  # pyloudnorm's gating block; shorter audio is padded with silence, which the gate ignores
LIMITER_WINDOW_S = 0.03  # look-ahead and release of the limiter: spans several pitch periods, so the gain follows syllables, not cycles
LOUDNESS_TOLERANCE_LU = 0.5  # normalize aims at half the allowed 1 LU so encoding cannot push it over


def integrated_lufs(audio: Audio) -> float:
    """Integrated loudness in LUFS, the measure podcast apps and directories normalise to."""
    return _lufs(audio.samples, audio.rate)


def true_peak_dbtp(audio: Audio) -> float:
    """True (inter-sample) peak in dBTP: sample peaks miss overs that appear after decoding and resampling."""
    return _true_peak(audio.samples, audio.rate)


def normalize(audio: Audio, target_lufs: float = -16.0, max_true_peak: float = -1.0) -> Audio:
    """Bring audio to target loudness with true peak below the ceiling, limiting softly instead of clipping."""
    samples = np.asarray(audio.samples, dtype=np.float64)
    loudness = _lufs(samples, audio.rate)
    if not math.isfinite(loudness):
        return audio  # silence has no loudness to correct
    ceiling = 10 ** (max_true_peak / 20)
    gain_db = target_lufs - loudness
    out = samples
    for _ in range(6):
        out = samples * 10 ** (gain_db / 20)
        out = _limit(out, audio.rate, ceiling)
        error = target_lufs - _lufs(out, audio.rate)
        if abs(error) <= LOUDNESS_TOLERANCE_LU / 2:
            break
        gain_db += error  # the limiter took some loudness away (or the gate moved): correct and limit again
    return Audio(np.clip(out, -1.0, 1.0).astype(np.float32), audio.rate)


def measure_file(path: Path) -> tuple[float, float]:
    """(LUFS, dBTP) of an encoded file as a listener's decoder will play it back."""
    samples, rate = decode(path)
    return _lufs(samples, rate), _true_peak(samples, rate)


def decode(path: Path) -> tuple[np.ndarray, int]:
    """Decode any audio file with ffmpeg (there is no ffprobe): float samples, (frames,) or (frames, channels)."""
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "decoded.wav"
        _ffmpeg(["-i", str(path), "-vn", "-c:a", "pcm_f32le", str(wav)])
        samples, rate = soundfile.read(wav, dtype="float64")
    return samples, rate


def _lufs(samples: np.ndarray, rate: int) -> float:
    data = np.asarray(samples, dtype=np.float64)
    block = math.ceil(LOUDNESS_BLOCK_S * rate) + 1
    if len(data) < block:
        data = np.concatenate([data, np.zeros((block - len(data),) + data.shape[1:])])
    return float(pyloudnorm.Meter(rate).integrated_loudness(data))


def _oversample_factor(rate: int) -> int:
    return max(4, math.ceil(TRUE_PEAK_RATE / rate))


def _sample_true_peaks(samples: np.ndarray, rate: int) -> np.ndarray:
    """For each original sample, the largest magnitude of the oversampled signal in its interval.

    Only blocks whose sample peak comes within 6 dB of the loudest one are oversampled: inter-sample
    overshoot of band-limited audio stays well below that, so quieter blocks cannot hold the true peak
    (and cannot need limiting); this keeps true-peak work proportional to the loud parts.
    """
    data = np.asarray(samples, dtype=np.float64)
    mono = np.abs(data).max(axis=1) if data.ndim > 1 else np.abs(data)
    peaks = mono.copy()
    if len(data) == 0:
        return peaks
    factor = _oversample_factor(rate)
    block, pad = 4096, 64
    starts = range(0, len(data), block)
    block_peaks = np.array([mono[i:i + block].max() for i in starts])
    threshold = block_peaks.max() / 2.0
    for index, start in enumerate(starts):
        if block_peaks[index] < threshold:
            continue
        lo, hi = max(0, start - pad), min(len(data), start + block + pad)
        up = np.abs(resample_poly(data[lo:hi], factor, 1, axis=0))
        up = up.reshape(hi - lo, factor, *up.shape[1:]).max(axis=1)
        if up.ndim > 1:
            up = up.max(axis=1)
        end = min(start + block, len(data))
        peaks[start:end] = np.maximum(peaks[start:end], up[start - lo:end - lo])
    return peaks


def _true_peak(samples: np.ndarray, rate: int) -> float:
    if len(samples) == 0:
        return -math.inf
    peak = float(_sample_true_peaks(samples, rate).max())
    return 20 * math.log10(peak) if peak > 0 else -math.inf


def level_clip(audio: Audio, target_lufs: float, ceiling_dbfs: float) -> Audio:
    """Fast levelling for one sentence already at twice its engine's rate: gain to the target loudness, then a
    smooth limiter on sample peaks (oversampled audio has little inter-sample overshoot; the episode keeps
    true-peak headroom for the rest)."""
    samples = np.asarray(audio.samples, dtype=np.float64)
    loudness = _lufs(samples, audio.rate)
    if not math.isfinite(loudness):
        return audio
    ceiling = 10 ** (ceiling_dbfs / 20)
    gain_db = target_lufs - loudness
    out = samples
    for _ in range(6):
        out = _limit(samples * 10 ** (gain_db / 20), audio.rate, ceiling, lambda x, _rate: np.abs(x))
        error = target_lufs - _lufs(out, audio.rate)
        if abs(error) <= 0.1:
            break
        gain_db += error
    return Audio(out.astype(np.float32), audio.rate)


def _limit(samples: np.ndarray, rate: int, ceiling: float, peak_fn=None) -> np.ndarray:  # type: ignore[no-untyped-def]
    """Look-ahead peak limiter on true peaks: a smooth gain curve that never lets a peak over the ceiling."""
    out = samples
    peak_fn = peak_fn or _sample_true_peaks
    for _ in range(8):
        peaks = peak_fn(out, rate)
        if peaks.max() <= ceiling:
            return out
        # A windowed average of a sliding minimum of the same width stays at or below the needed gain
        # at every sample, and ramps into each peak and out of it over the window instead of jumping.
        needed = np.minimum(1.0, ceiling * 0.995 / np.maximum(peaks, 1e-12))
        width = 2 * round(LIMITER_WINDOW_S * rate / 2) + 1
        floor = minimum_filter1d(needed, width, mode="nearest")
        window = np.hanning(width + 2)[1:-1]
        gain = oaconvolve(np.pad(floor, width // 2, mode="edge"), window / window.sum(), mode="valid")
        out = out * np.minimum(gain, 1.0)
    return out


def _ffmpeg(args: list[str]) -> str:
    """Run the bundled ffmpeg quietly; failures keep their command and stderr."""
    command = [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-nostdin", "-y", *args]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise AudioToolError(command, result.stderr)
    return result.stderr
