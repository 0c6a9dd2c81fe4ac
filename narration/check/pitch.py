"""The voice's pitch in a clip (Praat's pitch tracker, through parselmouth): a clip played at the wrong speed
is also higher or lower, which its length alone cannot always show (the same voice's sentences differ in pace
by more than a third, but their median pitch by less than a quarter)."""
from __future__ import annotations

from math import gcd

import numpy as np
from scipy.signal import resample_poly

from narration.models import Audio

FLOOR_HZ, CEILING_HZ = 40.0, 600.0  # wide enough that a clip played slow or fast is still tracked
RATE = 8_000  # plenty for a voice's pitch, and a third of the tracker's time at the voice's own rate


def median_pitch(audio: Audio) -> float:
    """Median fundamental frequency of the voiced frames in Hz (0 when nothing is voiced)."""
    import parselmouth

    if audio.duration_s < 0.1:
        return 0.0
    factor = gcd(RATE, audio.rate)
    samples = resample_poly(audio.samples, RATE // factor, audio.rate // factor)
    sound = parselmouth.Sound(samples.astype(np.float64), sampling_frequency=RATE)
    track = sound.to_pitch(pitch_floor=FLOOR_HZ, pitch_ceiling=CEILING_HZ).selected_array["frequency"]
    voiced = track[track > 0]
    return float(np.median(voiced)) if len(voiced) else 0.0
