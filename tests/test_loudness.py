"""Loudness and true peak measured on real Piper speech, cross-checked against ffmpeg's ebur128 meter."""
from __future__ import annotations

import math
import re
import subprocess
from pathlib import Path

import tracemalloc

import imageio_ffmpeg
import numpy as np
import pyloudnorm
import pytest
import soundfile
from scipy.ndimage import maximum_filter1d
from scipy.signal import resample_poly

from narration.audio import loudness
from narration.check.audio import measure_levels
from narration.models import Audio
from piper_voice import piper_voice

SPEECH = (
    "Breast calcifications are small deposits of calcium in the breast tissue. "
    "They are very common, and most of them are not cancer. "
    "Your doctor may ask for more mammogram pictures, or a biopsy, to be sure! "
    "What happens next depends on the result."
)


@pytest.fixture(scope="session")
def speech() -> Audio:
    """A few sentences of real Piper speech (about 14 s)."""
    chunks = list(piper_voice().synthesize(SPEECH))
    return Audio(np.concatenate([c.audio_float_array for c in chunks]).astype(np.float32), chunks[0].sample_rate)


def ebur128(path: Path) -> tuple[float, float]:
    """(integrated LUFS, true peak dBTP) as ffmpeg's ebur128 filter prints them in its summary."""
    command = [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-nostats", "-i", str(path),
               "-af", "ebur128=peak=true", "-f", "null", "-"]
    summary = subprocess.run(command, capture_output=True, text=True, check=True).stderr.rsplit("Summary:", 1)[1]
    lufs = re.search(r"I:\s+(-?[\d.]+|-inf) LUFS", summary).group(1)
    peak = re.search(r"True peak:\s+Peak:\s+(-?[\d.]+|-inf) dBFS", summary).group(1)
    return float(lufs), float(peak)


def write_wav(audio: Audio, path: Path) -> Path:
    soundfile.write(path, audio.samples, audio.rate, subtype="FLOAT")
    return path


def encode_mp3(audio: Audio, path: Path) -> Path:
    wav = write_wav(audio, path.with_suffix(".wav"))
    subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-y", "-loglevel", "error", "-i", str(wav),
                    "-ar", "44100", "-ac", "1", "-b:a", "96k", str(path)], check=True)
    return path


def test_piper_speech_peaks_above_the_podcast_ceiling_once_at_target(speech):
    # The premise of the limiter: plain gain to -16 LUFS would put this speech's true peak over -1 dBTP.
    gain_db = -16.0 - loudness.integrated_lufs(speech)
    assert loudness.true_peak_dbtp(speech) + gain_db > -1.0


def test_measurements_agree_with_ffmpeg(speech, tmp_path):
    lufs, peak = ebur128(write_wav(speech, tmp_path / "speech.wav"))
    assert loudness.integrated_lufs(speech) == pytest.approx(lufs, abs=0.2)
    assert loudness.true_peak_dbtp(speech) == pytest.approx(peak, abs=0.2)


def test_true_peak_finds_the_peak_between_samples(tmp_path):
    # A quarter-rate sine sampled 45 degrees off its crests: every sample is at 0.707, the wave reaches 1.0.
    rate = 48_000
    n = np.arange(rate)
    fade = np.minimum(1.0, np.minimum(n, n[::-1]) / (0.05 * rate))  # no clicks at the ends to ring over
    samples = (0.5 * fade * np.sin(2 * np.pi * n / 4 + np.pi / 4)).astype(np.float32)
    audio = Audio(samples, rate)
    sample_peak = 20 * math.log10(np.abs(samples).max())
    assert sample_peak == pytest.approx(20 * math.log10(0.5) - 3.01, abs=0.01)
    assert loudness.true_peak_dbtp(audio) == pytest.approx(20 * math.log10(0.5), abs=0.1)
    assert loudness.true_peak_dbtp(audio) == pytest.approx(ebur128(write_wav(audio, tmp_path / "sine.wav"))[1], abs=0.2)


def test_levelling_limits_smoothly_instead_of_clipping(speech):
    limited = loudness.level_clip(speech, -16.0, -2.5).samples.astype(np.float64)
    original = speech.samples.astype(np.float64)
    # No flat-topped runs of samples at the ceiling, as a hard clipper would leave.
    top = np.abs(limited) >= np.abs(limited).max() - 1e-6
    assert not np.any(top[1:] & top[:-1])
    # The gain applied (output over input): one overall gain, lowered around the peaks and only gradually.
    audible = np.abs(original) > 1e-3
    gain = np.full(len(original), np.nan)
    gain[audible] = limited[audible] / original[audible]
    overall = np.nanmax(gain)
    # Away from the peaks the overall gain would push over the ceiling (by more than the limiter's reach: its
    # window on each side, plus a block), speech passes at the overall gain, untouched. (A fixed share of the
    # speech would depend on how much of Piper's fresh speech, different every run, lies near its peaks.)
    ceiling = 10 ** (-2.5 / 20)
    reach = int(loudness.LIMITER_WINDOW_S * speech.rate) + 2 * (speech.rate // 1000) + 1
    near = maximum_filter1d((np.abs(original) * overall > ceiling * 0.995).astype(np.uint8), 2 * reach + 1) > 0
    away = audible & ~near
    assert away.sum() > speech.rate  # a second of speech and more is away from every peak
    assert np.nanmin(gain[away]) > overall * 0.99
    assert np.nanmin(gain) < overall * 0.9  # the limiter did work on the peaks
    assert np.nanmax(np.abs(np.diff(gain))) < overall * 0.01  # ramps, no jumps from one sample to the next


def test_short_and_silent_audio(speech):
    loudest = max(int(np.argmax(np.abs(speech.samples))) - speech.rate // 10, 0)  # voiced (Piper's leading silence varies)
    short = Audio(speech.samples[loudest: loudest + speech.rate // 5], speech.rate)  # 0.2 s: shorter than a gating block
    assert math.isfinite(loudness.integrated_lufs(short))
    silence = Audio(np.zeros(speech.rate, dtype=np.float32), speech.rate)
    assert loudness.integrated_lufs(silence) == -math.inf


def test_a_published_mp3_is_measured_like_ffmpeg(speech, tmp_path):
    """`check` decodes an episode and measures it: the same LUFS and true peak as ffmpeg's own meter."""
    mp3 = encode_mp3(loudness.level_clip(speech, -16.0, -2.5), tmp_path / "episode.mp3")
    levels = measure_levels(mp3, 44100)
    ff_lufs, ff_peak = ebur128(mp3)
    assert levels.lufs == pytest.approx(ff_lufs, abs=0.2)
    assert levels.true_peak_dbtp == pytest.approx(ff_peak, abs=0.2)
    assert levels.lufs == pytest.approx(-16.0, abs=1.0)


RATES = (22050, 44100, 48000)


def at_rate(audio: Audio, rate: int) -> np.ndarray:
    """The speech resampled to another rate, as the mix does before levelling."""
    g = math.gcd(rate, audio.rate)
    return resample_poly(audio.samples.astype(np.float64), rate // g, audio.rate // g)


def synthetic(rate: int) -> dict[str, np.ndarray]:
    """Steady and gated material at odd lengths, so the last block is partial."""
    t = np.arange(int(3.37 * rate)) / rate
    noise = np.random.default_rng(rate).standard_normal(len(t))
    return {"sine": 0.25 * np.sin(2 * np.pi * 997 * t),
            "low sine": 0.5 * np.sin(2 * np.pi * 60 * t),
            "noise": 0.05 * noise,
            "noise with a pause": 0.2 * noise * ((t < 1.0) | (t > 2.2)) + 1e-4 * noise}


def streamed(samples: np.ndarray, rate: int, sizes: list[int]) -> float:
    meter = loudness.LoudnessMeter(rate)
    start, index = 0, 0
    while start < len(samples):
        meter.add(samples[start:start + sizes[index % len(sizes)]])
        start += sizes[index % len(sizes)]
        index += 1
    return meter.integrated()


@pytest.mark.parametrize("rate", RATES)
def test_meter_agrees_with_pyloudnorm(speech, rate):
    signals = {"speech": at_rate(speech, rate), **synthetic(rate)}
    for name, samples in signals.items():
        expected = pyloudnorm.Meter(rate).integrated_loudness(samples)
        assert loudness.integrated_lufs(Audio(samples.astype(np.float32), rate)) == pytest.approx(expected, abs=0.05), name
        assert streamed(samples, rate, [len(samples)]) == pytest.approx(expected, abs=0.05), name


@pytest.mark.parametrize("rate", RATES)
def test_meter_gives_the_same_result_whatever_the_chunks(speech, rate):
    samples = at_rate(speech, rate)
    whole = streamed(samples, rate, [len(samples)])
    for sizes in ([1000], [4410], [777], [1, 4799, 4801, 13, 65536]):
        assert streamed(samples, rate, sizes) == pytest.approx(whole, abs=1e-6), sizes
    excerpt = samples[rate:rate + int(1.37 * rate)]  # sample by sample is slow: a short stretch
    assert streamed(excerpt, rate, [1]) == pytest.approx(streamed(excerpt, rate, [len(excerpt)]), abs=1e-6)
    meter = loudness.LoudnessMeter(rate)
    for piece in (samples[:0], samples, np.zeros(0, np.float32)):  # zero-length pauses add nothing
        meter.add(piece)
    assert meter.integrated() == pytest.approx(whole, abs=1e-6)


def test_meter_pads_short_audio_with_silence_like_pyloudnorm_on_a_padded_block(speech):
    for seconds in (0.05, 0.2, 0.399):
        samples = speech.samples[speech.rate: speech.rate + int(seconds * speech.rate)].astype(np.float64)
        padded = np.concatenate([samples, np.zeros(math.ceil(0.4 * speech.rate) + 1 - len(samples))])
        expected = pyloudnorm.Meter(speech.rate).integrated_loudness(padded)
        assert streamed(samples, speech.rate, [97]) == pytest.approx(expected, abs=0.05)
    assert loudness.LoudnessMeter(speech.rate).integrated() == -math.inf


def test_meter_memory_follows_sub_blocks_not_the_signal():
    # Ten minutes at 48 kHz would be 230 MB as float64; streamed in one-second chunks the meter keeps
    # one float per 100 ms plus one chunk's work.
    rate, rng = 48_000, np.random.default_rng(1)
    chunks = [(0.1 * rng.standard_normal(rate)).astype(np.float32) for _ in range(4)]
    meter = loudness.LoudnessMeter(rate)
    tracemalloc.start()
    for second in range(600):
        meter.add(chunks[second % 4])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 4_000_000
    twenty_seconds = np.tile(np.concatenate(chunks), 5).astype(np.float64)
    assert meter.integrated() == pytest.approx(pyloudnorm.Meter(rate).integrated_loudness(twenty_seconds), abs=0.05)


@pytest.mark.parametrize("target", (-15.6, -23.0))
def test_level_clip_reaches_target_under_the_sample_ceiling(speech, target):
    rate = 2 * speech.rate
    samples = at_rate(speech, rate).astype(np.float32)
    # Sentence-sized pieces of real speech; at the mix's -15.6 LUFS the limiter takes 3 LU off their peaks.
    for piece in np.array_split(samples, 4):
        out = loudness.level_clip(Audio(piece, rate), target, -2.5)
        assert out.samples.dtype == np.float32 and len(out.samples) == len(piece)
        assert loudness.integrated_lufs(out) == pytest.approx(target, abs=0.1)
        assert np.abs(out.samples).max() <= 10 ** (-2.5 / 20)


def test_true_peak_keeps_float32_audio_in_float32(speech):
    peaks = loudness._sample_true_peaks(speech.samples, speech.rate)
    assert peaks.dtype == np.float32
    as_float64 = loudness._sample_true_peaks(speech.samples.astype(np.float64), speech.rate)
    assert 20 * np.log10(peaks.max()) == pytest.approx(20 * np.log10(as_float64.max()), abs=0.05)
    assert loudness.true_peak_dbtp(speech) >= 20 * np.log10(np.abs(speech.samples).max())
