"""Signal operations every audio path shares (one implementation each)."""
from __future__ import annotations

from fractions import Fraction

import numpy as np

from narration.audio.lazy import import_signal_processing
from narration.models import Audio


def resample(audio: Audio, rate: int) -> Audio:
    """Band-limited polyphase resampling (scipy's anti-alias filter) to exactly `rate` samples per second."""
    if audio.rate == rate or len(audio.samples) == 0:
        return Audio(audio.samples.astype(np.float32), rate)
    import_signal_processing()  # scipy is imported only when audio is actually made (about 1 s)
    from scipy.signal import resample_poly

    ratio = Fraction(rate, audio.rate)
    out = resample_poly(audio.samples.astype(np.float64), ratio.numerator, ratio.denominator)
    return Audio(out.astype(np.float32), rate)
