"""Measure a loop point: a test instrument for the hold program and the telephone renditions that loop."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from narration.models import Audio


@dataclass(frozen=True)
class LoopSeam:
    """How the end of a loop joins its start, against how the loop changes everywhere else."""

    step: float  # second difference across the seam: a click or a cut waveform makes it large
    typical_step: float  # 99th percentile of the same measure over the whole loop
    level_jump_db: float  # level of the opening window minus that of the closing window
    typical_level_jump_db: float  # 99th percentile of the change between neighbouring windows elsewhere

    @property
    def seamless(self) -> bool:
        """The seam is no rougher and no jumpier than the loop's own content (silence joins trivially)."""
        return self.step <= max(self.typical_step, 1e-4) and abs(self.level_jump_db) <= max(
            self.typical_level_jump_db, 1.0
        )


def loop_discontinuity(audio: Audio, window_ms: float = 250.0) -> LoopSeam:
    """Measure the loop point: the jump and level step where the end meets the start, and the loop's own."""
    x = audio.samples.astype(np.float64)
    # Second difference of the looped signal: near zero for smooth audio, large at a click or a cut.
    circular = np.concatenate([x[-2:], x])
    d2 = np.abs(circular[2:] - 2 * circular[1:-1] + circular[:-2])
    window = max(1, min(int(audio.rate * window_ms / 1000), len(x) // 4))
    frames = x[: len(x) // window * window].reshape(-1, window)
    levels = 10 * np.log10(np.mean(frames * frames, axis=1) + 1e-10)  # floor: -100 dBov
    closing = 10 * np.log10(np.mean(x[-window:] ** 2) + 1e-10)
    return LoopSeam(
        step=float(max(d2[0], d2[1])),
        typical_step=float(np.percentile(d2, 99)),
        level_jump_db=float(levels[0] - closing),
        typical_level_jump_db=float(np.percentile(np.abs(np.diff(levels)), 99)),
    )
