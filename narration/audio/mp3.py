"""MP3 at the frame level: episodes are joined from separately encoded segments without decoding them.

An MPEG audio stream is a sequence of self-contained frames, so segments encoded on their own (with no
Xing/Info header) can be concatenated byte for byte. Each segment then decodes to whole frames: its audio
starts after the encoder and decoder delay and ends with padding, which the mixer places in a pause.
That lets an edited section re-encode only its own audio while the full-article episode reuses the rest.
"""
from __future__ import annotations

from pathlib import Path

# libmp3lame's encoder delay (576 samples) plus the MP3 decoder's delay (529): where a segment's first sample
# is heard when a stream without an Info header is decoded (measured with ffmpeg; tested in tests/test_mp3.py).
CODEC_DELAY = 1105

_BITRATES_KBPS = {  # by (MPEG-1?, bitrate index), layer III
    True: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    False: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}  # by version bits


class FrameError(ValueError):
    """The bytes are not a plain stream of MPEG layer III frames."""


def samples_per_frame(rate: int) -> int:
    """1152 samples per frame for MPEG-1 rates (32 to 48 kHz), 576 for the lower MPEG-2 and 2.5 rates."""
    return 1152 if rate >= 32000 else 576


def count_frames(path: Path) -> int:
    """How many MPEG layer III frames a file holds (it must hold nothing else: no tags, no Info header)."""
    data = path.read_bytes()
    frames, position = 0, 0
    while position < len(data):
        position += _frame_length(data, position)
        frames += 1
    if position != len(data):
        raise FrameError(f"{path}: the last MP3 frame is truncated")
    return frames


def _frame_length(data: bytes, at: int) -> int:
    header = data[at:at + 4]
    if len(header) < 4 or header[0] != 0xFF or header[1] & 0xE0 != 0xE0 or (header[1] >> 1) & 0x3 != 1:
        raise FrameError(f"no MPEG layer III frame header at byte {at}")
    version = (header[1] >> 3) & 0x3
    bitrate_index, rate_index, padding = header[2] >> 4, (header[2] >> 2) & 0x3, (header[2] >> 1) & 0x1
    if version == 1 or bitrate_index in (0, 15) or rate_index == 3:
        raise FrameError(f"unsupported MP3 frame header at byte {at}")
    mpeg1 = version == 3
    bitrate = _BITRATES_KBPS[mpeg1][bitrate_index] * 1000
    rate = _RATES[version][rate_index]
    return (144 if mpeg1 else 72) * bitrate // rate + padding
