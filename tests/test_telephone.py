"""Telephone DSP measured on real Piper speech and on signals whose answers are known."""
from __future__ import annotations

import numpy as np
import pytest

from narration.models import Audio
from narration.audio.telephone import (
    NARROWBAND,
    WIDEBAND,
    active_speech_level,
    band_limit,
    limit_peaks,
    telephone,
)
from narration.audio.dsp import resample
from phone_speech import SECTIONS, band_gap_db, sentences_of, speak


def peak_dbov(audio: Audio) -> float:
    """The sample peak in dBov (dB relative to full scale)."""
    peak = float(np.max(np.abs(audio.samples))) if len(audio.samples) else 0.0
    return 20 * np.log10(peak) if peak > 0 else float("-inf")


def tone(freq: float, seconds: float, rate: int, amplitude: float) -> Audio:
    t = np.arange(int(seconds * rate)) / rate
    return Audio((amplitude * np.sin(2 * np.pi * freq * t)).astype(np.float32), rate)


@pytest.fixture(scope="module")
def speech() -> Audio:
    """About 20 s of real speech: a few sentences run together at 22,050 Hz."""
    text = SECTIONS["02-what-are-breast-calcifications"]
    parts = [speak(s).samples for s in sentences_of(text)[:3]]
    return Audio(np.concatenate(parts), 22050)


def test_p56_level_of_a_steady_tone_is_its_rms():
    # A sine of peak 0.5 has an RMS of -9.03 dBov, and is active throughout.
    assert active_speech_level(tone(440, 4, 8000, 0.5)) == pytest.approx(-9.03, abs=0.2)


def test_p56_ignores_silence_unlike_rms():
    on = tone(440, 4, 8000, 0.5).samples
    audio = Audio(np.concatenate([on, np.zeros_like(on), on, np.zeros_like(on)]), 8000)
    rms_db = 10 * np.log10(np.mean(audio.samples.astype(np.float64) ** 2))
    # Half the time silent: the plain RMS drops 3 dB, the active level hardly moves (hangover adds ~0.3 dB).
    assert rms_db == pytest.approx(-12.04, abs=0.1)
    assert active_speech_level(audio) == pytest.approx(-9.03, abs=0.6)


def test_p56_follows_gain_exactly(speech):
    quieter = Audio((speech.samples * 10 ** (-7 / 20)).astype(np.float32), speech.rate)
    assert active_speech_level(speech) - active_speech_level(quieter) == pytest.approx(7.0, abs=0.1)


def test_p56_activity_of_speech_is_plausible(speech):
    level = active_speech_level(speech)
    rms_db = 10 * np.log10(np.mean(speech.samples.astype(np.float64) ** 2))
    activity = 10 ** ((rms_db - level) / 10)
    assert 0.5 < activity < 1.0  # read speech is active most of the time, with pauses


@pytest.mark.parametrize("rate", [22050, 44100])
@pytest.mark.parametrize("band", [NARROWBAND, WIDEBAND], ids=["8k", "16k"])
def test_telephone_rate_level_peaks_and_band(speech, rate, band):
    source = resample(speech, rate)
    out = telephone(source, band)
    assert out.rate == band.rate
    assert len(out.samples) == int(np.ceil(len(source.samples) * band.rate / rate))
    assert active_speech_level(out) == pytest.approx(-26.0, abs=0.5)
    assert peak_dbov(out) <= -3.0 + 1e-3
    if band is NARROWBAND:
        assert band_gap_db(out, 3600) <= -35
    else:
        assert band_gap_db(out, 7600) <= -35


def test_level_target_is_configurable(speech):
    assert active_speech_level(telephone(speech, NARROWBAND, -20.0)) == pytest.approx(-20.0, abs=0.5)


def test_a_plain_resample_would_leave_much_more_above_the_band(speech):
    plain = resample(speech, 8000)
    proper = telephone(speech, NARROWBAND)
    assert band_gap_db(proper) < band_gap_db(plain) - 10


def test_nothing_above_the_band_folds_back():
    # A 5 kHz tone would alias to 3 kHz at 8 kHz; the band filter must remove it first.
    source = tone(5000, 2, 22050, 0.5)
    folded = resample(band_limit(source, NARROWBAND), 8000)
    steady = Audio(folded.samples[2000:-2000], 8000)  # away from the tone's abrupt (broadband) start and stop
    assert peak_dbov(steady) < -80


def test_files_start_and_end_at_silence_without_a_click():
    out = telephone(tone(1000, 2, 22050, 0.5), NARROWBAND)
    assert abs(out.samples[0]) < 1e-3 and abs(out.samples[-1]) < 1e-3
    # The fade rises gradually: no sample-to-sample jump near the edges is larger than in the middle.
    edge_steps = np.abs(np.diff(out.samples[:200]))
    assert edge_steps.max() <= np.abs(np.diff(out.samples[4000:8000])).max() + 1e-4


def test_limiter_holds_the_ceiling_and_keeps_quiet_parts():
    loud = tone(300, 1, 8000, 0.99).samples.copy()
    loud[:4000] *= 0.1
    limited = limit_peaks(Audio(loud, 8000), -6.0)
    assert peak_dbov(limited) <= -6.0 + 1e-3
    assert np.allclose(limited.samples[:3900], loud[:3900], atol=1e-6)


def test_loop_rendition_is_circular():
    # A tone with a whole number of cycles loops seamlessly; the telephone chain must keep that.
    source = tone(500, 2, 22050, 0.3)  # 1000 whole cycles
    out = telephone(source, NARROWBAND, loop=True)
    assert len(out.samples) == 16000
    joined = np.concatenate([out.samples[-50:], out.samples[:50]])
    inner = out.samples[1000:1100]
    assert np.abs(np.diff(joined)).max() <= np.abs(np.diff(inner)).max() * 1.05
