"""Mixing ahead of the engine: a segment is made as soon as its last clip is spoken, each exactly once, and a
failure reaches the build's thread."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest

from conftest import FakeEngine, make_project
from narration.plan import Part
from narration.build.mixahead import MixAhead
from narration.build.pipeline import build
from narration.publish.episodes import EncodedSegment


def _segments() -> dict[str, tuple[Part, ...]]:
    return {
        "opening": (Part("signature"), Part("intro", text="Hello.")),
        "body": (Part("body", text="One."), Part("pause", ms=250), Part("body", text="Two.")),
        "closing": (Part("outro", text="Bye."),),
    }


def test_segments_start_when_their_last_clip_arrives() -> None:
    made: list[str] = []
    done = threading.Event()

    def make(key: str, parts: tuple[Part, ...]) -> EncodedSegment:
        made.append(key)
        if len(made) == 2:
            done.set()
        return EncodedSegment(Path(key), 1, ())

    ahead = MixAhead(_segments(), make)
    ahead.starting(["One.", "Two.", "Bye."])  # "Hello." was cached: the opening can start at once
    ahead.spoken("One.")
    ahead.spoken("Bye.")
    assert done.wait(10)
    assert made == ["opening", "closing"]  # the body still waits for "Two."
    ahead.spoken("Two.")
    result = ahead.finish()
    assert sorted(result) == ["body", "closing", "opening"] and sorted(made) == sorted(result)


def test_a_failed_segment_fails_the_build_thread() -> None:
    def make(key: str, parts: tuple[Part, ...]) -> EncodedSegment:
        raise RuntimeError(f"encoder broke on {key}")

    ahead = MixAhead(_segments(), make)
    ahead.starting([])
    with pytest.raises(RuntimeError, match="encoder broke"):
        ahead.finish()


def test_a_segment_whose_clip_never_came_is_reported() -> None:
    ahead = MixAhead(_segments(), lambda key, parts: EncodedSegment(Path(key), 1, ()))
    ahead.starting(["Two."])
    with pytest.raises(RuntimeError, match="never mixed"):
        ahead.finish()


def test_a_build_releases_the_voice_after_speaking_and_mixes_every_segment_once(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    article = project.root / "screening.md"
    article.write_text("# Screening\n\n## Why\n\nIt finds problems early.\n\n"
                       "## How\n\nA nurse takes a sample. It takes five minutes.\n", encoding="utf-8")
    engine = FakeEngine()
    report = build(project.config, project.options(article), engine=engine)
    assert engine.unloads == 1
    segments = sorted((project.root / "cache" / "segments").glob("*.mp3"))
    # two section episodes and the full article: 2 openings + 1 full opening, 2 bodies shared by all,
    # 2 announcements, one closing shared by the sections (the short disclaimer) and the full article's own
    assert len(segments) == 9
    assert report.episodes_rendered == 3
