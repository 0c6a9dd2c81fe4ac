"""Real Piper speech and ffmpeg decoding shared by the telephone and hold-line tests (synthesized once per process)."""
from __future__ import annotations

import re
import subprocess
from functools import lru_cache

import imageio_ffmpeg
import numpy as np

from narration.models import Audio
from piper_voice import piper_voice

HOLD_LENGTH_SCALE = 1.45  # slow Piper speech, like the hold line's, for the DSP tests
SECTIONS = {
    "02-what-are-breast-calcifications": (
        "All cells in the body have a life span; the cells that line the milk ducts of the breast only live for so "
        "long. Breast calcifications, or small calcium deposits in breast tissue, are signs of cellular turnover, "
        "essentially, "
        "dead cells, that can be visualized on a mammogram or observed in a breast biopsy. "
        "Calcifications are generally harmless and are often a result of aging breast tissue. "
        "On rare occasions, however, calcifications can be an early marker of breast cancer. "
        "Calcifications are a common find on a mammogram, with increasing prevalence after the age of fifty. "
        "Calcifications, unlike lumps, cannot be detected using touch."
    ),
    "03-what-happens-next": "Your doctor will explain what the images show. Ask any question you have.",
}
GREETING = "Thank you for holding. We will be with you as soon as we can."


def sentences_of(text: str) -> list[str]:
    return re.split(r"(?<=[.?!])\s+", text.strip())


@lru_cache(maxsize=None)
def speak(sentence: str, length_scale: float = HOLD_LENGTH_SCALE) -> Audio:
    """One sentence as Piper speaks it at the hold-line pace."""
    from piper import SynthesisConfig

    chunks = list(piper_voice().synthesize(sentence, SynthesisConfig(length_scale=length_scale)))
    return Audio(np.concatenate([c.audio_float_array for c in chunks]).astype(np.float32), chunks[0].sample_rate)


def spoken(text: str) -> list[tuple[str, Audio]]:
    return [(s, speak(s)) for s in sentences_of(text)]


def ffmpeg_decode(path, raw: tuple[str, int] | None = None) -> tuple[np.ndarray, int, str, int]:
    """Decode any file with ffmpeg itself: samples as float, and the codec, rate and channels ffmpeg reports."""
    command = [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-nostdin"]
    if raw and raw[0] == "g722":
        command += ["-f", "g722"]  # the format fixes 16 kHz mono; ffmpeg reports what it finds
    elif raw:
        command += ["-f", raw[0], "-ar", str(raw[1]), "-ac", "1"]
    command += ["-i", str(path), "-f", "s16le", "pipe:1"]
    done = subprocess.run(command, capture_output=True, check=True)
    stream = re.search(r"Stream #0:0.*?: Audio: (\w+)[^,]*, (\d+) Hz, (mono|stereo)", done.stderr.decode())
    assert stream, done.stderr.decode()
    samples = np.frombuffer(done.stdout, dtype="<i2").astype(np.float32) / 32768.0
    return samples, int(stream.group(2)), stream.group(1), 1 if stream.group(3) == "mono" else 2


def band_gap_db(audio: Audio, stop_hz: float = 3600.0) -> float:
    """Average power above stop_hz minus the average in 300-3400 Hz (dB); very negative is well band-limited."""
    from scipy import signal

    f, p = signal.welch(audio.samples.astype(np.float64), audio.rate, nperseg=1024)
    return float(10 * np.log10(p[f > stop_hz].mean() / p[(f >= 300) & (f <= 3400)].mean()))
