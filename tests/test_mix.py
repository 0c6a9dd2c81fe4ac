"""The mix on the real sample: sentence cues sit where the words are heard; the signature is as loud as the voice."""
from __future__ import annotations

import numpy as np
import pytest

from conftest import SampleBuild
from narration.audio.ffmpeg import decode
from narration.audio.loudness import integrated_lufs
from narration.audio.mix import fade, signature
from narration.models import Audio, PublishedEpisode
from narration.publish.feed import within_bytes


def _db(samples: np.ndarray) -> float:
    return 20 * np.log10(np.sqrt(np.mean(samples.astype(np.float64) ** 2)) + 1e-12)


@pytest.mark.parametrize("number", [2, 0], ids=["section", "full-article joined from segments"])
def test_cues_start_where_their_sentence_is_heard(sample_build: SampleBuild, number: int) -> None:
    episode = next(e for e in sample_build.report.episodes if e.info.number == number)
    audio = decode(sample_build.project.root / "output" / episode.mp3)
    rate = audio.rate
    body = [c for c in episode.cues if c.kind == "body"]
    assert len(body) >= 4
    for cue in body:
        start = cue.start_ms * rate // 1000
        before = audio.samples[start - rate // 5: start]
        after = audio.samples[start: start + int(rate * 0.4)]
        loudest = max(_db(after[i:i + rate // 50]) for i in range(0, len(after) - rate // 50, rate // 100))
        assert _db(before) < -45, cue.text
        assert loudest > -30, cue.text
    assert abs(episode.cues[-1].end_ms - audio.duration_ms) <= 500


def test_signature_is_as_loud_as_the_voice(sample_build: SampleBuild) -> None:
    episode = next(e for e in sample_build.report.episodes if e.info.number == 1)
    audio = decode(sample_build.project.root / "output" / episode.mp3)
    chime = Audio(audio.samples[: int(audio.rate * 1.6)], audio.rate)
    voice = Audio(audio.samples[int(audio.rate * 2.0):], audio.rate)
    assert abs(integrated_lufs(chime) - integrated_lufs(voice)) <= 1.0


def test_signature_and_fades_never_click() -> None:
    chime = signature(44100).samples
    assert abs(chime[0]) < 1e-4 and abs(chime[-1]) < 1e-4
    faded = fade(np.ones(4410, dtype=np.float32), 44100)
    assert faded[0] == 0.0 and faded[-1] == 0.0 and np.max(np.abs(np.diff(faded))) < 0.01


def test_descriptions_fit_apples_byte_limit() -> None:
    text = "Calcium deposits – é " * 400
    cut = within_bytes(text)
    assert len(cut.encode("utf-8")) <= 4000 and cut.endswith("…")
    assert within_bytes("short") == "short"


def _framing_share(episode: PublishedEpisode, heard_ms: int) -> float:
    """The part of an episode that is not its content: signature, intro, outro and the pauses around them, i.e.
    everything before the first heading or body sentence and after the last body sentence (cue kinds)."""
    content = [c for c in episode.cues if c.kind in ("heading", "body")]
    frame = [c for c in episode.cues if c.kind in ("intro", "outro")]
    assert frame and all(c.end_ms <= content[0].start_ms or c.start_ms >= content[-1].end_ms for c in frame)
    return (heard_ms - (content[-1].end_ms - content[0].start_ms)) / heard_ms


def test_intro_outro_and_signature_are_a_small_share_of_every_episode(sample_build: SampleBuild) -> None:
    """At most 20 % of a section episode and 10 % of the full article, measured on the decoded real-voice audio."""
    for episode in sample_build.report.episodes:
        heard = decode(sample_build.project.root / "output" / episode.mp3).duration_ms
        assert abs(heard - episode.duration_ms) <= 100
        limit = 0.10 if episode.info.kind == "full" else 0.20
        assert _framing_share(episode, heard) <= limit, (episode.info.slug, heard)
