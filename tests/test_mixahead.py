"""Mixing ahead of the engine: a segment is made as soon as its last clip is spoken, each exactly once, and a
failure reaches the build's thread."""
from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Callable

import pytest

from conftest import FakeEngine, make_project
from narration.plan import Part
from narration.build.mixahead import MixAhead
from narration.build import pipeline
from narration.models import Audio
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


def test_each_awaited_clip_is_prepared_as_it_arrives_before_its_segment_is_mixed() -> None:
    done: list[str] = []

    def make(key: str, parts: tuple[Part, ...]) -> EncodedSegment:
        done.append(f"mix {key}")
        return EncodedSegment(Path(key), 1, ())

    ahead = MixAhead(_segments(), make, lambda key, text: done.append(f"prepare {text} for {key}"))
    ahead.starting(["One.", "Two.", "Bye."])
    ahead.spoken("Two.")
    ahead.spoken("Bye.")
    ahead.spoken("One.")
    ahead.finish()
    assert done == ["mix opening",  # its clip was cached: mixed (and prepared) as the mix reads it
                    "prepare Two. for body", "prepare Bye. for closing", "mix closing", "prepare One. for body",
                    "mix body"]


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


class LastWordEngine(FakeEngine):
    """Holds its last sentence until the segments that do not need it are mixed (or 30 s pass), like a slow
    voice: mixing ahead is then seen as segments mixed before the engine is released."""

    def __init__(self, total: int, ready: Callable[[str], bool]) -> None:
        super().__init__()
        self.total, self.ready = total, ready
        self.released = threading.Event()

    def synthesize(self, text: str) -> Audio:
        if len(self.calls) + 1 == self.total:
            deadline = time.monotonic() + 30
            while not self.ready(text) and time.monotonic() < deadline:
                time.sleep(0.01)
        return super().synthesize(text)

    def unload(self) -> None:
        super().unload()
        self.released.set()


def test_a_build_mixes_every_segment_once_each_as_soon_as_its_clips_exist(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path)
    article = project.root / "screening.md"
    article.write_text("# Screening\n\n## Why\n\nIt finds problems early.\n\n"
                       "## How\n\nA nurse takes a sample. It takes five minutes.\n", encoding="utf-8")
    options = project.options(article, holdline=False)
    prepared, _ = pipeline.prepare_scripts(project.config, options, write=False)
    plans = pipeline.plan_episodes(project.config, prepared, pipeline.project_lexicon(project.config))
    segments = {segment for plan in plans for segment in plan.segments}
    texts = {text for plan in plans for text in plan.sentences}
    mixed: list[tuple[Part, ...]] = []
    early: list[tuple[Part, ...]] = []  # mixed while the engine still held its voice

    def ready(last: str) -> bool:
        return all(s in mixed for s in segments if all(p.text != last for p in s))

    engine = LastWordEngine(len(texts), ready)
    real_render = pipeline.render

    def render(parts, *args, **kwargs):  # type: ignore[no-untyped-def]
        mixed.append(tuple(parts))
        if not engine.released.is_set():
            early.append(tuple(parts))
        return real_render(parts, *args, **kwargs)

    monkeypatch.setattr(pipeline, "render", render)
    report = pipeline.build(project.config, options, engine=engine)
    assert engine.unloads == 1 and len(engine.calls) == len(texts)
    assert sorted(mixed, key=repr) == sorted(segments, key=repr)  # each segment of the episodes, exactly once
    last = engine.calls[-1]
    waiting = {s for s in segments if any(p.text == last for p in s)}
    assert set(early) >= segments - waiting and segments - waiting  # mixed before the voice was done
    assert report.episodes_rendered == len(plans)
