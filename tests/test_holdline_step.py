"""The build's hold-line step on the real sample: renditions of every section and a looping program."""
from __future__ import annotations

import hashlib
import json
import os
import struct
import wave
from dataclasses import replace
from pathlib import Path

import pytest
import soundfile

import narration.speech
from conftest import FakeEngine, Project, SampleBuild, copy_project, make_project
from narration.cli import main
from narration.audio.ffmpeg import decode
from loop_seam import loop_discontinuity
from narration.scripts import parse_script
from narration.config import AudioConfig


def _manifest(output: Path) -> dict:
    return json.loads((output / "holdline" / "manifest.json").read_text(encoding="utf-8"))


def test_every_section_has_renditions_whose_text_is_its_script(sample_build: SampleBuild) -> None:
    output = sample_build.project.root / "output"
    files = _manifest(output)["files"]
    for entry in files:
        assert (output / "holdline" / entry["file"]).is_file(), entry["file"]
        assert " " not in entry["file"]
    scripts = sorted((sample_build.project.root / "scripts" / "breast-calcifications").glob("*.txt"))
    for script in scripts:
        _, segments = parse_script(script.read_text(encoding="utf-8"), script, AudioConfig())
        text = "\n".join(s.text for s in segments if hasattr(s, "text"))
        entries = [e for e in files if e["source"] == f"breast-calcifications--{script.stem}" and e["target"] == "cisco"]
        assert entries and all(e["text"] == text for e in entries)
    targets = {e["target"] for e in files}
    assert targets == {"asterisk", "amazon-connect", "cisco", "twilio", "freeswitch"}


def test_program_is_telephone_format_and_loops(sample_build: SampleBuild) -> None:
    holdline = sample_build.project.root / "output" / "holdline"
    with wave.open(str(holdline / "cisco" / "hold-program.wav")) as wav:
        assert (wav.getframerate(), wav.getnchannels(), wav.getsampwidth()) == (8000, 1, 2)
        seconds = wav.getnframes() / 8000
    settings = sample_build.project.config.holdline  # whole messages only: up to one message short of the budget
    assert settings.program_seconds - settings.message_max_seconds <= seconds <= settings.program_seconds + 0.05
    header = (holdline / "amazon-connect" / "hold-program.wav").read_bytes()[:64]
    fmt = header.index(b"fmt ")
    assert struct.unpack("<HHI", header[fmt + 8:fmt + 16]) == (7, 1, 8000)  # G.711 mu-law, mono, 8 kHz
    program = decode(holdline / "cisco" / "hold-program.wav")
    assert loop_discontinuity(program).seamless
    assert float(abs(program.samples).max()) < 0.99


def test_holdline_command_keeps_the_rest_of_the_output(sample_build: SampleBuild, tmp_path: Path) -> None:
    from narration.build.pipeline import build_holdline

    project = copy_project(sample_build.project, tmp_path / "copy")
    output = project.root / "output"
    feed = (output / "feed.xml").read_bytes()
    episodes = sorted(p.name for p in (output / "episodes").iterdir())
    build_holdline(project.config, project.options())
    assert (output / "feed.xml").read_bytes() == feed
    assert sorted(p.name for p in (output / "episodes").iterdir()) == episodes
    assert (output / "holdline" / "manifest.json").is_file()


def test_fake_engine_builds_holdline_without_piper(project, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from narration.build.pipeline import build

    article = tmp_path / "short.txt"
    article.write_text("A short opening paragraph about screening.\nWhat happens next?\n"
                       "Your doctor explains the results. You can ask questions at any time.\n", encoding="utf-8")
    engine = FakeEngine()
    build(project.config, project.options(article), engine=engine)
    files = _manifest(project.root / "output")["files"]
    assert any(e["source"] == "hold-program" for e in files)
    assert any(e["source"] == "short--02-what-happens-next" for e in files)


def test_hold_line_pace_is_110_to_130_words_a_minute(sample_build: SampleBuild) -> None:
    files = _manifest(sample_build.project.root / "output")["files"]
    sections = [e for e in files if e["target"] == "cisco" and e["codec"] == "pcm_s16le" and e["source"] != "hold-program"]
    words = sum(len(e["text"].split()) for e in sections)
    minutes = sum(e["duration_s"] for e in sections) / 60
    assert 110 <= words / minutes <= 130


def _cli(project: Project, *extra: str) -> list[str]:
    return ["build", "-q", "--config", str(project.root / "narration.toml"), "--scripts", str(project.root / "scripts"),
            "--cache", str(project.root / "cache"), "--output", str(project.root / "output"), *extra]


def _files(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


def test_the_script_sentences_are_slowed_to_the_hold_pace_while_the_engine_speaks(
        project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The mixing thread makes each script sentence's hold-pace copy as its clip arrives, so the hold line (which
    starts after the last sentence) finds them made; what it publishes does not change."""
    from narration.build import pipeline
    from narration.publish.holdline.step import HoldPace

    article = tmp_path / "short.txt"
    article.write_text("# Screening\n\n## Why\n\nIt finds problems early. Most people start at forty.\n\n"
                       "## How\n\nA nurse takes a sample. It takes five minutes.\n", encoding="utf-8")
    slowed_later: list[str] = []  # the sentences the hold line slowed itself
    real_raw, real_write = HoldPace._raw, pipeline.write_holdline
    holding = []

    def raw(self, text):  # type: ignore[no-untyped-def]
        if holding:
            slowed_later.append(text)
        return real_raw(self, text)

    def write_holdline(*args, **kwargs):  # type: ignore[no-untyped-def]
        holding.append(True)
        return real_write(*args, **kwargs)

    monkeypatch.setattr(HoldPace, "_raw", raw)
    monkeypatch.setattr(pipeline, "write_holdline", write_holdline)
    engine = FakeEngine()
    report = pipeline.build(project.config, project.options(article), engine=engine)
    said = {x.text for episode in report.episodes for x in episode.cues}
    script_sentences = {x.text for path in (project.root / "scripts" / "short").glob("*.txt")
                        for x in parse_script(path.read_text(encoding="utf-8"), path, AudioConfig())[1] if hasattr(x, "text")}
    assert holding and slowed_later and script_sentences and script_sentences <= said
    assert not set(slowed_later) & script_sentences  # only the greeting and the topic line were left to slow
    ahead = _hold_files(project.root / "output")
    monkeypatch.undo()
    real_maker = pipeline._segment_maker  # the same build without slowing ahead
    monkeypatch.setattr(pipeline, "_segment_maker", lambda config, clips, voice_of, segments, paced=():
                        real_maker(config, clips, voice_of, segments))
    fresh = make_project(tmp_path / "alone")
    pipeline.build(fresh.config, fresh.options(article), engine=engine)
    assert _hold_files(fresh.root / "output") == ahead and len(ahead) > 10


def _hold_files(output: Path) -> dict[str, str]:
    return {p.relative_to(output).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted((output / "holdline").rglob("*")) if p.is_file()}


def test_no_holdline_keeps_the_published_holdline(project: Project, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """--no-holdline skips the work, not the published files; a config that turns the hold line off removes them."""
    for name in list(narration.speech.ENGINES):
        monkeypatch.setitem(narration.speech.ENGINES, name, lambda settings: FakeEngine())
    article = project.root / "short.md"
    article.write_text("# Screening\n\n## When\n\nMost people start at forty.\n\n## Results\n\nResults come in a week.\n",
                       encoding="utf-8")
    assert main(_cli(project, str(article))) == 0
    holdline = project.root / "output" / "holdline"
    before = _files(holdline)
    assert "manifest.json" in before and len(before) > 20
    outside = tmp_path / "private.txt"
    outside.write_text("not the build's", encoding="utf-8")
    (holdline / "link.txt").symlink_to(outside)
    feed = (project.root / "output" / "feed.xml").read_bytes()
    article.write_text(article.read_text(encoding="utf-8").replace("a week", "five days"), encoding="utf-8")
    assert main(_cli(project, "--no-holdline", str(article))) == 0
    assert (project.root / "output" / "feed.xml").read_bytes() != feed  # the build did publish
    assert {k: v for k, v in _files(holdline).items() if k != "link.txt"} == before
    # the user's link is kept as a link: never followed, never copied through, the outside file untouched
    assert os.readlink(holdline / "link.txt") == str(outside) and outside.stat().st_nlink == 1
    config = project.root / "narration.toml"
    config.write_text(config.read_text(encoding="utf-8") + "[holdline]\nenabled = false\n", encoding="utf-8")
    assert main(_cli(project, str(article))) == 0
    assert [p.name for p in holdline.iterdir()] == ["link.txt"]  # what the build made is gone, the user's link stays


def test_a_sentence_longer_than_a_connect_prompt_is_cut_between_words(project: Project,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """One sentence with no punctuation, longer than Amazon Connect takes: its parts are cut at pauses, and
    every other output is built. (The limit is lowered so the fake voice's clip need not last 5 minutes.)"""
    import narration.publish.holdline.step as step

    for name in list(narration.speech.ENGINES):
        monkeypatch.setitem(narration.speech.ENGINES, name, lambda settings: FakeEngine())
    limit = 15.0
    monkeypatch.setattr(step, "holdline_settings", lambda config, real=step.holdline_settings: replace(
        real(config), connect_max_seconds=limit))
    words = " ".join(f"word{k}" for k in range(300))  # about 2,100 characters: some 30 s at the hold-line pace
    article = project.root / "long.md"
    article.write_text(f"# Long\n\n## Start\n\nA short opening.\n\n## Rambling\n\n{words}\n", encoding="utf-8")
    assert main(_cli(project, str(article))) == 0
    output = project.root / "output"
    assert len(list((output / "episodes").glob("*.mp3"))) == 3
    files = _manifest(output)["files"]
    whole = next(e for e in files if e["source"].endswith("02-rambling") and e["target"] == "cisco" and e["codec"] == "pcm_s16le")
    assert whole["duration_s"] > 2 * limit
    for source in ("02-rambling", "hold-program"):
        parts = [e for e in files if e["source"].endswith(source) and e["target"] == "amazon-connect"]
        assert len(parts) >= 2 and all(e["duration_s"] < limit for e in parts)
        for entry in parts:
            info = soundfile.info(str(output / "holdline" / entry["file"]))
            assert info.duration == pytest.approx(entry["duration_s"], abs=0.001) and info.subtype == "ULAW"
    parts = [e for e in files if e["source"].endswith("02-rambling") and e["target"] == "amazon-connect"]
    assert sum(e["duration_s"] for e in parts) == pytest.approx(whole["duration_s"], abs=0.01)
    assert " ".join(e["text"] for e in parts).split() == words.split()  # each word in exactly one part


def test_program_says_what_each_article_is_about_before_its_messages(project: Project, tmp_path: Path) -> None:
    from narration.build.pipeline import build

    articles = []
    for name, title, text in (("calcium.md", "Breast Calcifications", "Calcifications are small calcium deposits."),
                              ("screening.md", "Screening Basics", "Screening finds problems early.")):
        path = tmp_path / name
        path.write_text(f"# {title}\n\n{text} Most are harmless.\n\n## Next steps\n\nAsk your doctor.\n", encoding="utf-8")
        articles.append((path, title, text))
    build(project.config, project.options(*(a[0] for a in articles)), engine=FakeEngine())
    program = next(e for e in _manifest(project.root / "output")["files"] if e["source"] == "hold-program")
    lines = program["text"].splitlines()
    for _, title, first in articles:
        topic = f"Here is some information about {title.lower()}."
        assert topic in lines and lines[lines.index(topic) + 1] == first
    assert lines[0] == project.config.holdline.greeting.split(". ")[0] + "."


def test_a_failing_build_does_not_wait_for_the_whole_hold_line(project: Project,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The hold line renders beside the episodes; when the main thread fails, the hold line stops after the
    items it had started, and the failure is the one reported."""
    import threading

    import narration.build.concurrency as concurrency
    import narration.build.pipeline as pipeline
    from narration.build.pipeline import build
    from narration.publish.holdline.cache import HoldlineCache

    article = project.root / "five.md"
    article.write_text("# Five\n\n" + "".join(f"## Part {n}\n\nSentence number {n} is here.\n\n" for n in range(1, 6)),
                       encoding="utf-8")
    besides: list[concurrency.Beside] = []
    real_init, real_make = concurrency.Beside.__init__, HoldlineCache.make
    started, made = threading.Event(), []

    def init(self: concurrency.Beside, *args: object, **kwargs: object) -> None:
        real_init(self, *args, **kwargs)
        besides.append(self)

    def make(self: HoldlineCache, key: str, render, out_dir: Path):  # type: ignore[no-untyped-def]
        made.append(key)
        started.set()
        besides[-1].cancelled.wait(20)  # the pages fail meanwhile (the last Beside is the hold line's)
        return real_make(self, key, render, out_dir)

    def failing_pages(*args: object, **kwargs: object) -> None:
        started.wait(20)
        raise RuntimeError("the pages could not be written")

    monkeypatch.setattr(concurrency.Beside, "__init__", init)
    monkeypatch.setattr(HoldlineCache, "make", make)
    monkeypatch.setattr(pipeline, "write_site", failing_pages)
    with pytest.raises(RuntimeError, match="pages could not be written"):
        build(project.config, project.options(article), engine=FakeEngine())
    assert besides[-1].cancelled.is_set()
    assert 1 <= len(made) <= 2 < 6  # the program and five sections: only what had started was rendered
    assert not (project.root / "output").exists()  # nothing published
