"""Episodes joined from separately encoded segments: frames are counted exactly and every cue lands where
its sound is decoded, at the MPEG-1 and MPEG-2 rates."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from narration.audio.ffmpeg import decode, encode_mp3
from narration.models import Cue, Mixdown
from narration.audio.mp3 import CODEC_DELAY, FrameError, count_frames, samples_per_frame
from narration.publish.episodes import EpisodeCache, SegmentCache, TagInfo


def _clicks(length: int, at: list[int]) -> np.ndarray:
    samples = np.zeros(length, dtype=np.float32)
    samples[at] = 0.8
    return samples


def _mixdown(samples: np.ndarray, rate: int, cue_at: list[int]) -> Mixdown:
    cues = tuple(Cue(round(i * 1000 / rate), round(i * 1000 / rate) + 10, f"click {i}") for i in cue_at)
    return Mixdown(cues, len(samples), rate, lambda: iter(np.array_split(samples, 3)))


def _peaks(samples: np.ndarray, count: int) -> list[int]:
    return sorted(int(i) for i in np.argsort(-np.abs(samples))[: count * 40] if abs(samples[i]) > 0.3)


@pytest.mark.parametrize("rate", [44100, 22050])
def test_a_segment_decodes_to_whole_frames_with_its_sound_after_the_codec_delay(tmp_path: Path, rate: int) -> None:
    mp3 = tmp_path / "segment.mp3"
    encode_mp3([_clicks(rate, [3000])], rate, mp3, bitrate="64k", out_rate=rate)
    decoded = decode(mp3)
    assert len(decoded.samples) == count_frames(mp3) * samples_per_frame(rate)
    assert abs(int(np.argmax(np.abs(decoded.samples))) - (3000 + CODEC_DELAY)) <= 2


@pytest.mark.parametrize("rate", [44100, 22050])
def test_joined_segments_keep_every_cue_on_its_sound(tmp_path: Path, rate: int) -> None:
    segments = SegmentCache(tmp_path)
    lengths = [int(rate * 1.3), int(rate * 0.7) + 17, int(rate * 2.1) + 401]
    clicks = [[int(rate * s) for s in seconds] for seconds in ([0.05, 0.7], [0.1], [0.01, 0.9])]
    encoded = [segments.make(f"s{n}", lambda n=n: _mixdown(_clicks(lengths[n], clicks[n]), rate, clicks[n]), "64k", rate)
               for n in range(3)]
    tags = TagInfo("t", "a", "b", 1, 2026, "Podcast", "c", None)
    episode = EpisodeCache(tmp_path).make("joined", encoded, rate, tags)
    decoded = decode(episode.mp3)
    assert abs(decoded.duration_ms - episode.duration_ms) <= 1
    assert episode.cues[-1].end_ms == episode.duration_ms
    heard = [round(i * 1000 / rate) for i in _peaks(decoded.samples, 5)]
    for cue in episode.cues:
        assert min(abs(cue.start_ms - t) for t in heard) <= 2, (cue, heard)
    assert SegmentCache(tmp_path).get("s1") == encoded[1]


def test_frame_counting_refuses_what_is_not_bare_frames(tmp_path: Path) -> None:
    mp3 = tmp_path / "segment.mp3"
    encode_mp3([_clicks(44100, [10])], 44100, mp3)
    frames = count_frames(mp3)
    truncated = tmp_path / "truncated.mp3"
    truncated.write_bytes(mp3.read_bytes()[:-100])
    with pytest.raises(FrameError):
        count_frames(truncated)
    tagged = tmp_path / "tagged.mp3"
    tagged.write_bytes(b"ID3\x03\x00\x00\x00\x00\x00\x00" + mp3.read_bytes())
    with pytest.raises(FrameError):
        count_frames(tagged)
    assert frames > 30
