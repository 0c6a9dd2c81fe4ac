"""Loudness and true peak (ITU-R BS.1770-4): measure episodes and bring them to the podcast target."""
from __future__ import annotations

import copy
import math
from typing import Callable

import numpy as np
from pyloudnorm.iirfilter import IIRfilter
from scipy.ndimage import minimum_filter1d
from scipy.signal import resample_poly, sosfilt

from narration.models import Audio

TRUE_PEAK_RATE = 192_000  # BS.1770-4 Annex 2 oversamples 48 kHz by 4; lower rates need more to catch the same peaks
SUB_BLOCKS_PER_S = 10  # 100 ms sub-blocks: a 400 ms gating block with 75 % overlap is four consecutive ones
BLOCK_SUB_BLOCKS = 4  # shorter audio is padded with silence to one gating block, which the gate then ignores
ABSOLUTE_GATE_LUFS = -70.0
RELATIVE_GATE_LU = -10.0
MEASURE_CHUNK = 1 << 16  # samples K-weighted at a time: float64 work stays small however long the episode
LEVEL_TOLERANCE_LU = 0.1  # sentences land this close to their target when the limiter allows it
LEVEL_ROUNDS = 8  # limit-and-measure rounds per sentence, at most; Piper speech at podcast levels needs 3 on average
LEVEL_FIRST_SLOPE = 0.4  # LU gained per dB of gain at first: at podcast levels the limiter takes back about 60 %
LEVEL_MIN_SLOPE = 0.15  # LU gained per dB of gain under heavy limiting, at least: caps each step at 7x the error
LIMITER_WINDOW_S = 0.03  # look-ahead and release of the limiter: spans several pitch periods, so the gain follows syllables, not cycles


def integrated_lufs(audio: Audio) -> float:
    """Integrated loudness in LUFS, the measure podcast apps and directories normalise to."""
    return _lufs(audio.samples, audio.rate)


def true_peak_dbtp(audio: Audio) -> float:
    """True (inter-sample) peak in dBTP: sample peaks miss overs that appear after decoding and resampling."""
    return _true_peak(audio.samples, audio.rate)


def _k_weighting(rate: int) -> np.ndarray:
    """BS.1770 pre-filter (high shelf) and RLB high-pass as second-order sections, designed as pyloudnorm does."""
    stages = (IIRfilter(4.0, 1 / np.sqrt(2), 1500.0, rate, "high_shelf"), IIRfilter(0.0, 0.5, 38.0, rate, "high_pass"))
    return np.array([np.concatenate((stage.passband_gain * stage.b, stage.a)) for stage in stages])


def _block_lufs(mean_square: np.ndarray | float) -> np.ndarray | float:
    return -0.691 + 10 * np.log10(mean_square)


class LoudnessMeter:
    """Streaming BS.1770-4 integrated loudness: memory grows with 100 ms sub-blocks, never with the signal.

    Agrees with pyloudnorm's Meter (same K-weighting coefficients, same blocks and gates), including its
    rounding of the block count: a trailing partial sub-block more than half full counts, padded with silence.
    """

    def __init__(self, rate: int) -> None:
        self.rate = rate
        # Single precision filtering: a third faster, and its error (about 1e-6 of the level) is far below 0.01 LU.
        self._sos = _k_weighting(rate).astype(np.float32)
        self._zi = np.zeros((len(self._sos), 2), dtype=np.float32)
        self._energies = np.zeros(64)  # weighted sum of squares of each finished sub-block
        self._finished = 0
        self._partial = 0.0  # sum of squares so far in the sub-block being filled
        self._position = 0  # samples added
        self._index = 0  # sub-block being filled

    def add(self, samples: np.ndarray) -> None:
        """K-weight the next mono samples, carrying filter state and the open sub-block."""
        data = np.asarray(samples, dtype=np.float32)
        if not len(data):  # a zero-length pause
            return
        filtered, self._zi = sosfilt(self._sos, data, zi=self._zi)
        power = np.square(filtered, dtype=np.float64)
        end = self._position + len(power)
        last = (SUB_BLOCKS_PER_S * (end + 1) - 1) // self.rate  # last sub-block starting at or before end
        cuts = np.arange(self._index + 1, last + 1) * self.rate // SUB_BLOCKS_PER_S - self._position
        sums = np.add.reduceat(power, np.concatenate(([0], cuts[cuts < len(power)])))
        closed = len(cuts)
        if closed:
            done = sums[:closed].copy()
            done[0] += self._partial
            self._keep(done)
            self._partial = float(sums[closed]) if len(sums) > closed else 0.0
        else:
            self._partial += float(sums[0])
        self._index += closed
        self._position = end

    def integrated(self) -> float:
        """Integrated loudness in LUFS of everything added so far (-inf for silence)."""
        minimum = BLOCK_SUB_BLOCKS * self.rate // SUB_BLOCKS_PER_S
        if self._position < minimum:
            padded = copy.deepcopy(self)
            padded.add(np.zeros(minimum - self._position))
            return padded.integrated()
        energies = self._energies[:self._finished]
        start, stop = (self._boundary(i) for i in (self._index, self._index + 1))
        if 2 * (self._position - start) > stop - start:
            energies = np.append(energies, self._partial)
        blocks = np.lib.stride_tricks.sliding_window_view(energies, BLOCK_SUB_BLOCKS).sum(axis=1)
        blocks /= BLOCK_SUB_BLOCKS * self.rate / SUB_BLOCKS_PER_S
        with np.errstate(divide="ignore"):
            levels = _block_lufs(blocks)
        audible = blocks[levels >= ABSOLUTE_GATE_LUFS]
        if not len(audible):
            return -math.inf
        relative = _block_lufs(audible.mean()) + RELATIVE_GATE_LU
        return float(_block_lufs(blocks[(levels > relative) & (levels > ABSOLUTE_GATE_LUFS)].mean()))

    def _boundary(self, index: int) -> int:
        return index * self.rate // SUB_BLOCKS_PER_S

    def _keep(self, energies: np.ndarray) -> None:
        needed = self._finished + len(energies)
        if needed > len(self._energies):
            self._energies = np.resize(self._energies, max(needed, 2 * len(self._energies)))
        self._energies[self._finished:needed] = energies
        self._finished = needed



def _lufs(samples: np.ndarray, rate: int) -> float:
    data = np.asarray(samples)
    meter = LoudnessMeter(rate)
    for start in range(0, len(data), MEASURE_CHUNK):
        meter.add(data[start:start + MEASURE_CHUNK])
    return meter.integrated()


def _oversample_factor(rate: int) -> int:
    return max(4, math.ceil(TRUE_PEAK_RATE / rate))


def _sample_true_peaks(samples: np.ndarray, rate: int) -> np.ndarray:
    """For each original sample, the largest magnitude of the oversampled signal in its interval.

    Only blocks whose sample peak comes within 6 dB of the loudest one are oversampled: inter-sample
    overshoot of band-limited audio stays well below that, so quieter blocks cannot hold the true peak
    (and cannot need limiting); this keeps true-peak work proportional to the loud parts.
    """
    data = np.asarray(samples)
    if data.dtype not in (np.float32, np.float64):
        data = data.astype(np.float32)
    peaks = np.abs(data)  # a new array in the input's precision
    if len(data) == 0:
        return peaks
    factor = _oversample_factor(rate)
    block, pad = 4096, 64
    starts = np.arange(0, len(data), block)
    block_peaks = np.maximum.reduceat(peaks, starts)
    threshold = block_peaks.max() / 2.0
    for start in starts[block_peaks >= threshold]:
        lo, hi = max(0, start - pad), min(len(data), start + block + pad)
        up = np.abs(resample_poly(data[lo:hi].astype(np.float64), factor, 1))
        up = up.reshape(hi - lo, factor).max(axis=1)
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
    previous: tuple[float, float] | None = None
    for _ in range(LEVEL_ROUNDS):
        out = _limit(samples * 10 ** (gain_db / 20), audio.rate, ceiling, lambda x, _rate: np.abs(x))
        error = target_lufs - _lufs(out, audio.rate)
        if abs(error) <= LEVEL_TOLERANCE_LU:
            break
        # The limiter takes back part of every added dB: step by the error over the slope seen so far (secant).
        slope = LEVEL_FIRST_SLOPE if previous is None else (previous[1] - error) / (gain_db - previous[0])
        previous = (gain_db, error)
        gain_db += error / (min(1.0, max(LEVEL_MIN_SLOPE, slope)) if slope > 0 else 1.0)
    return Audio(out.astype(np.float32), audio.rate)


def limit_sample_peaks(samples: np.ndarray, rate: int, ceiling: float) -> np.ndarray:
    """Smooth look-ahead limiting of sample peaks to a linear ceiling (for audio that is already oversampled)."""
    return _limit(np.asarray(samples), rate, ceiling, lambda x, _rate: np.abs(x)).astype(np.float32)


def _limit(samples: np.ndarray, rate: int, ceiling: float,
           peak_fn: Callable[[np.ndarray, int], np.ndarray]) -> np.ndarray:
    """Look-ahead peak limiter: a smooth gain curve that never lets a peak (as peak_fn sees it) over the ceiling."""
    out = samples
    for _ in range(8):
        peaks = peak_fn(out, rate)
        if peaks.max() <= ceiling:
            return out
        # A windowed average of a sliding minimum of the same width stays at or below the needed gain
        # at every sample, and ramps into each peak and out of it over the window instead of jumping.
        # The gain curve is worked out per millisecond block (each block takes its most demanding sample) and
        # interpolated between block centres: neighbouring blocks both sit under the need of every sample
        # their windows cover, so the interpolation does too; it costs a fortieth of a per-sample curve.
        needed = np.minimum(1.0, ceiling * 0.995 / np.maximum(peaks, 1e-12))
        block = max(1, rate // 1000)
        blocks = -(-len(needed) // block)
        padded = np.ones(blocks * block)
        padded[: len(needed)] = needed
        need = padded.reshape(blocks, block).min(axis=1)
        width = 2 * round(LIMITER_WINDOW_S * 1000 / 2) + 1
        floor = minimum_filter1d(need, width, mode="nearest")
        window = np.hanning(width + 2)[1:-1]
        smooth = np.convolve(np.pad(floor, width // 2, mode="edge"), window / window.sum(), mode="valid")
        edged = np.pad(smooth, 1, mode="edge")
        guarded = np.minimum(np.minimum(edged[:-2], edged[1:-1]), edged[2:])  # interpolation never rises above a block's need
        centres = np.arange(blocks) * block + (block - 1) / 2
        gain = np.interp(np.arange(len(needed)), centres, guarded)
        out = out * np.minimum(gain, 1.0)
    return out


