"""Faults: a crashing or hanging engine, flaky gTTS, killed builds, corrupt cache entries, concurrent builds.

Whatever happens, output/ holds the previous good build until a new one is complete.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Iterator

import feedparser
import pytest
import requests
import responses

import narration.speech
from conftest import ROOT, FakeEngine, Project, copy_project, make_project
from narration.cli import main
from narration.errors import BuildLockedError, EngineError
from narration.models import Audio
from narration.build.pipeline import build
from narration.publish.episodes import SegmentCache
from narration.speech import ClipCache, VoiceSettings, clip_key
from narration.speech.gtts_engine import GttsEngine

ARTICLE = ("# Screening Basics\n\n## When to start\n\nMost people start at forty. Ask your doctor.\n\n"
           "## Results\n\nResults come in a week. A nurse will call you.\n\n## Follow-up\n\nSome people need more images.\n")
EDITED = ARTICLE.replace("Results come in a week. A nurse will call you.",
                         "Results come in about five days. A nurse will phone you.")
GTTS_URL = "https://translate.google.com/_/TranslateWebserverUi/data/batchexecute"


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def feed_items(output: Path) -> dict[str, tuple[str, str, int]]:
    """guid -> (title, enclosure file, enclosure length), as a podcast app reads the feed."""
    parsed = feedparser.parse((output / "feed.xml").read_bytes())
    assert not parsed.bozo
    return {e.id: (e.title, e.enclosures[0].href.rsplit("/", 1)[1], int(e.enclosures[0].length)) for e in parsed.entries}


def assert_same_build(output: Path, reference: Path, before: dict[str, str] | None = None) -> None:
    """Same feed items and files as the reference, every MP3 complete and sounding the same; the MP3s of
    episodes that did not change since `before` are the very same bytes."""
    from narration.audio.ffmpeg import decode

    assert feed_items(output) == feed_items(reference)
    assert sorted(snapshot(output)) == sorted(snapshot(reference))
    now = snapshot(output)
    for mp3 in sorted((reference / "episodes").glob("*.mp3")):
        ours, theirs = decode(output / "episodes" / mp3.name).samples, decode(mp3).samples
        assert len(ours) == len(theirs), mp3.name
        assert float(abs(ours - theirs).max(initial=0.0)) < 0.02, mp3.name
    for name, digest in (before or {}).items():
        if name.endswith(".mp3") and name in now and digest == snapshot(reference).get(name):
            assert now[name] == digest, name


def test_builds_do_not_depend_on_their_history(published, reference: Project) -> None:  # type: ignore[no-untyped-def]
    """A build after other builds gives the same bytes as a build from scratch (clips are mixed as cached)."""
    project, article, _ = published
    build(project.config, project.options(article), engine=FakeEngine())
    assert snapshot(project.root / "output") == snapshot(reference.root / "output")


def scripts_args(project: Project, article: Path) -> list[str]:
    return ["scripts", "--config", str(project.root / "narration.toml"), "--scripts", str(project.root / "scripts"),
            str(article)]


def cli_args(project: Project, article: Path, output: str = "output") -> list[str]:
    return ["build", "-q", "--config", str(project.root / "narration.toml"), "--scripts", str(project.root / "scripts"),
            "--cache", str(project.root / "cache"), "--output", str(project.root / output), str(article)]


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """An uninterrupted build of the edited article: what every recovered build must equal."""
    project = make_project(tmp_path_factory.mktemp("reference") / "project")
    article = project.root / "screening.md"
    article.write_text(EDITED, encoding="utf-8")
    build(project.config, project.options(article), engine=FakeEngine())
    return project


@pytest.fixture(scope="module")
def published_once(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """A project with a good build of the original article; the article file now holds the edited text."""
    project = make_project(tmp_path_factory.mktemp("published") / "project")
    article = project.root / "screening.md"
    article.write_text(ARTICLE, encoding="utf-8")
    build(project.config, project.options(article), engine=FakeEngine())
    article.write_text(EDITED, encoding="utf-8")
    return project


@pytest.fixture
def published(published_once: Project, tmp_path: Path) -> tuple[Project, Path, dict[str, str]]:
    """A private copy of the published project (its article, output, its snapshot) that a test may damage."""
    project = copy_project(published_once, tmp_path / "project")
    return project, project.root / "screening.md", snapshot(project.root / "output")


class FailingEngine(FakeEngine):
    """Crashes on one sentence."""

    def synthesize(self, text: str) -> Audio:
        if "five days" in text:
            raise RuntimeError("voice model exploded")
        return super().synthesize(text)


class HangingEngine(FakeEngine):
    """Never answers for one sentence (until the test releases it)."""

    release = threading.Event()

    def synthesize(self, text: str) -> Audio:
        if "five days" in text:
            self.release.wait()
        return super().synthesize(text)


def test_engine_crash_names_the_section_and_leaves_output(published, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    project, article, before = published
    monkeypatch.setitem(narration.speech.ENGINES, "piper", lambda settings: FailingEngine())
    assert main(cli_args(project, article)) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: screening--02-results: ") and "voice model exploded" in lines[0]
    assert snapshot(project.root / "output") == before


def test_hung_engine_times_out(published, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    project, article, before = published
    config = project.root / "narration.toml"
    config.write_text(config.read_text(encoding="utf-8") + "[speech]\ntimeout_seconds = 0.5\n", encoding="utf-8")
    monkeypatch.setitem(narration.speech.ENGINES, "piper", lambda settings: HangingEngine())
    try:
        start = time.monotonic()
        assert main(cli_args(project, article)) == 2
        assert time.monotonic() - start < 30
    finally:
        HangingEngine.release.set()
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and "02-results" in lines[0] and "did not answer within 0.5 s" in lines[0]
    assert snapshot(project.root / "output") == before


def test_hung_engine_does_not_keep_the_process_alive(published) -> None:  # type: ignore[no-untyped-def]
    project, article, before = published
    config = project.root / "narration.toml"
    config.write_text(config.read_text(encoding="utf-8") + "[speech]\ntimeout_seconds = 0.5\n", encoding="utf-8")
    code = ("import sys, threading; sys.path[:0] = [sys.argv.pop(1), sys.argv.pop(1)]\n"
            "import narration.speech, conftest\n"
            "class Hang(conftest.FakeEngine):\n"
            "    def synthesize(self, text):\n"
            "        threading.Event().wait()\n"
            "narration.speech.ENGINES['piper'] = lambda s: Hang()\n"
            "from narration.cli import main; sys.exit(main())\n")
    result = subprocess.run([sys.executable, "-c", code, str(ROOT), str(ROOT / "tests"), *cli_args(project, article)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "did not answer" in result.stderr
    assert snapshot(project.root / "output") == before


def _gtts_answer() -> str:
    from test_gtts import _google_answer, _mp3_tone

    return _google_answer(_mp3_tone(0.5))


@responses.activate
def test_gtts_retries_timeouts_with_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    delays: list[float] = []
    monkeypatch.setattr("time.sleep", delays.append)
    responses.add(responses.POST, GTTS_URL, body=requests.exceptions.ReadTimeout("slow"))
    responses.add(responses.POST, GTTS_URL, body=requests.exceptions.ConnectTimeout("slow"))
    responses.add(responses.POST, GTTS_URL, body=_gtts_answer(), status=200)
    audio = GttsEngine(VoiceSettings("gtts")).synthesize("Hello.")
    assert len(responses.calls) == 3 and delays == [1.0, 2.0]
    assert 0.4 < audio.duration_s < 0.7


@responses.activate
def test_gtts_backoff_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    delays: list[float] = []
    monkeypatch.setattr("time.sleep", delays.append)
    responses.add(responses.POST, GTTS_URL, status=502)
    with pytest.raises(EngineError) as caught:
        GttsEngine(VoiceSettings("gtts", retries=8), max_backoff=10.0).synthesize("Hello.")
    assert len(responses.calls) == 8
    assert delays == [1.0, 2.0, 4.0, 8.0, 10.0, 10.0, 10.0]
    assert "try again later" in str(caught.value)


@pytest.mark.parametrize("status", [400, 403, 404])
@responses.activate
def test_gtts_client_errors_are_not_retried(monkeypatch: pytest.MonkeyPatch, status: int) -> None:
    monkeypatch.setattr("time.sleep", lambda seconds: pytest.fail("no retry expected"))
    responses.add(responses.POST, GTTS_URL, status=status)
    with pytest.raises(EngineError):
        GttsEngine(VoiceSettings("gtts")).synthesize("Hello.")
    assert len(responses.calls) == 1


def _start(project: Project, article: Path, point: str, tmp: Path, command: str = "build") -> subprocess.Popen[bytes]:
    """The fake build (or another command) in its own process, stopped at `point`."""
    env = {**os.environ, "FAKE_BUILD_PAUSE": point, "FAKE_BUILD_READY": str(tmp / "ready"), "FAKE_BUILD_GO": str(tmp / "go")}
    (tmp / "ready").unlink(missing_ok=True)
    (tmp / "go").unlink(missing_ok=True)
    args = scripts_args(project, article) if command == "scripts" else [command, *cli_args(project, article)[1:]]
    proc = subprocess.Popen([sys.executable, str(ROOT / "tests" / "fake_build.py"), *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not (tmp / "ready").exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the build never reached its pause point"
        time.sleep(0.01)
    return proc


KILLS = [(point, signal.SIGKILL) for point in ("synth:1", "synth:2", "encode", "feed", "swap")] + \
        [(point, signal.SIGINT) for point in ("synth:2", "encode", "feed")]


@pytest.mark.parametrize("point, how", KILLS, ids=[f"{p}-{h.name}" for p, h in KILLS])
def test_killed_build_then_next_build_is_complete(published, reference: Project, tmp_path: Path,
                                                  point: str, how: signal.Signals) -> None:  # type: ignore[no-untyped-def]
    project, article, before = published
    output = project.root / "output"
    proc = _start(project, article, point, tmp_path)
    proc.send_signal(how)
    _, err = proc.communicate(timeout=60)
    if how == signal.SIGINT:
        assert proc.returncode == 130 and b"interrupted" in err, err
    if point == "swap" and not output.exists():  # killed between the two renames: the next build puts it back
        assert snapshot(project.root / ".output.previous") == before
    else:
        assert snapshot(output) == before
    build(project.config, project.options(article), engine=FakeEngine())
    assert_same_build(output, reference.root / "output", before)
    locks = (".output.lock", ".output.swap-lock")
    leftovers = [p.name for p in project.root.iterdir() if p.name.startswith(".output.") and p.name not in locks]
    assert leftovers == []


def test_killed_scripts_command_leaves_no_temporary_file_behind(published, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    project, article, _ = published
    folder = project.root / "scripts" / "screening"
    proc = _start(project, article, "script", tmp_path, command="scripts")
    proc.kill()
    proc.communicate(timeout=60)
    left = [p.name for p in folder.glob(".*.tmp")]
    assert len(left) == 1 and left[0].startswith(".02-results.txt."), left  # what the kill leaves
    others = [".notes.txt.abcdefgh.tmp", ".02-results.txt.swp", "02-results.txt.abcdefgh.tmp"]  # not the build's own
    for name in others:
        (folder / name).write_text("someone else's", encoding="utf-8")
    assert main(scripts_args(project, article)) == 0
    assert sorted(p.name for p in folder.iterdir() if p.name not in {".generated.json", "REVIEW.md"} and p.suffix != ".txt") == \
        sorted(others)
    assert "five days" in (folder / "02-results.txt").read_text(encoding="utf-8")


def test_time_based_kills_never_leave_a_broken_output(published, reference: Project, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    project, article, before = published
    output = project.root / "output"
    for delay in (0.3, 1.2, 2.2):
        proc = subprocess.Popen([sys.executable, str(ROOT / "tests" / "fake_build.py"), *cli_args(project, article)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.kill()
        proc.wait()
        if output.exists():
            state = snapshot(output)
            assert state == before or feed_items(output) == feed_items(reference.root / "output")
    build(project.config, project.options(article), engine=FakeEngine())
    assert_same_build(output, reference.root / "output", before)


def test_concurrent_build_stops_with_a_clear_message(published, reference: Project, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    project, article, before = published
    proc = _start(project, article, "synth:1", tmp_path)
    try:
        with pytest.raises(BuildLockedError, match="another build of this folder is running"):
            build(project.config, project.options(article), engine=FakeEngine())
        assert main(cli_args(project, article)) == 2
        lines = capsys.readouterr().err.strip().splitlines()
        assert len(lines) == 1 and "another build" in lines[0] and str(project.root / "output") in lines[0]
        assert snapshot(project.root / "output") == before
    finally:
        (tmp_path / "go").write_text("")
    assert proc.wait(timeout=60) == 0, proc.communicate()
    assert_same_build(project.root / "output", reference.root / "output", before)


def test_builds_to_different_outputs_share_one_cache(tmp_path: Path, reference: Project) -> None:
    """Every build of a project shares the default cache: builds of other outputs may run at the same time."""
    project = make_project(tmp_path / "project")
    article = project.root / "screening.md"
    article.write_text(EDITED, encoding="utf-8")
    outputs = ["site-a", "site-b"]
    procs = [subprocess.Popen([sys.executable, str(ROOT / "tests" / "fake_build.py"), *cli_args(project, article, name)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for name in outputs]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
    for name in outputs:
        assert_same_build(project.root / name, reference.root / "output")
        assert snapshot(project.root / name / "holdline") == snapshot(reference.root / "output" / "holdline")
    assert not [p for p in (project.root / "cache").rglob("*") if p.name.endswith((".partial", ".tmp", ".old"))]


@pytest.fixture(scope="module")
def built_once(tmp_path_factory: pytest.TempPathFactory, reference: Project) -> Project:
    """The edited article built from scratch (equal to the reference), so every cache entry is in use."""
    project = make_project(tmp_path_factory.mktemp("built") / "built")
    article = project.root / "screening.md"
    article.write_text(EDITED, encoding="utf-8")
    build(project.config, project.options(article), engine=FakeEngine())
    assert_same_build(project.root / "output", reference.root / "output")
    return project


@pytest.fixture
def built(built_once: Project, tmp_path: Path) -> Iterator[tuple[Project, Path]]:
    """A private copy of the built project whose cache a test may damage."""
    project = copy_project(built_once, tmp_path / "built")
    yield project, project.root / "screening.md"


def _key(text: str) -> str:
    return clip_key(text, FakeEngine().fingerprint())


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty", "garbage"])
def test_corrupt_clip_is_synthesized_again(built, reference: Project, damage: str) -> None:  # type: ignore[no-untyped-def]
    project, article = built
    text = "Results come in about five days."
    cache = ClipCache(project.root / "cache")
    path = cache.path(_key(text))
    data = path.read_bytes()
    damaged = {"truncate": data[: len(data) // 2], "flip": data[:100] + bytes([data[100] ^ 0xFF]) + data[101:],
               "empty": b"", "garbage": os.urandom(len(data))}[damage]
    path.write_bytes(damaged)
    assert cache.get(_key(text)) is None
    _forget_mixes(project)  # make the mix read the clips again
    engine = FakeEngine()
    report = build(project.config, project.options(article), engine=engine)
    assert engine.calls == [text]
    assert report.stats.misses == 1
    assert cache.get(_key(text)) is not None
    assert_same_build(project.root / "output", reference.root / "output")


def test_a_rebuild_reads_only_the_clips_it_mixes(built, reference: Project) -> None:  # type: ignore[no-untyped-def]
    """The clips of episodes already made are looked for, not read (a large library's rebuild must not read every
    clip it ever made): bit rot in one of them goes unnoticed until a mix reads it, while a clip cut short is
    missing at once and spoken again."""
    project, article = built
    cache = ClipCache(project.root / "cache")
    rotten, cut = cache.path(_key("Results come in about five days.")), cache.path(_key("A nurse will phone you."))
    data = rotten.read_bytes()
    rotten.write_bytes(data[:100] + bytes([data[100] ^ 0xFF]) + data[101:])
    cut.write_bytes(cut.read_bytes()[:-1000])
    assert cache.has(_key("Results come in about five days.")) and cache.get(_key("Results come in about five days.")) is None
    assert not cache.has(_key("A nurse will phone you."))
    engine = FakeEngine()
    report = build(project.config, project.options(article), engine=engine)
    assert engine.calls == ["A nurse will phone you."]
    assert report.stats.misses == 1
    assert_same_build(project.root / "output", reference.root / "output")


@pytest.mark.parametrize("damage", ["truncate-mp3", "flip-mp3", "bad-timeline", "no-mp3"])
def test_corrupt_episode_in_cache_is_rebuilt_not_published(built, reference: Project, damage: str) -> None:  # type: ignore[no-untyped-def]
    project, article = built
    entries = sorted((project.root / "cache" / "episodes").iterdir())
    for entry in entries:
        mp3, timeline = entry / "audio.mp3", entry / "timeline.json"
        data = mp3.read_bytes()
        mp3.unlink()  # a new inode: the published copy (a hard link) is not what we damage here
        if damage == "truncate-mp3":
            mp3.write_bytes(data[: len(data) - 417])
        elif damage == "flip-mp3":
            mp3.write_bytes(data[:2000] + bytes([data[2000] ^ 0x55]) + data[2001:])
        elif damage == "bad-timeline":
            mp3.write_bytes(data)
            timeline.write_text(timeline.read_text(encoding="utf-8")[:50], encoding="utf-8")
    report = build(project.config, project.options(article), engine=FakeEngine())
    assert report.episodes_rendered == len(entries) == len(report.episodes)
    assert_same_build(project.root / "output", reference.root / "output")


def _forget_mixes(project: Project) -> None:
    """Drop the cached episodes and segments (their metadata), so the next build mixes from the clips again."""
    for entry in (project.root / "cache" / "episodes").iterdir():
        (entry / "timeline.json").unlink()
    for meta in (project.root / "cache" / "segments").glob("*.json"):
        meta.unlink()


@pytest.mark.parametrize("damage", ["truncate", "flip", "bad-meta"])
def test_corrupt_segment_in_cache_is_encoded_again(built, reference: Project, damage: str) -> None:  # type: ignore[no-untyped-def]
    project, article = built
    segments = sorted((project.root / "cache" / "segments").glob("*.mp3"))
    assert segments
    for mp3 in segments:
        data = mp3.read_bytes()
        if damage == "truncate":
            mp3.write_bytes(data[: len(data) - 313])
        elif damage == "flip":
            mp3.write_bytes(data[:1000] + bytes([data[1000] ^ 0x55]) + data[1001:])
        else:
            meta = mp3.with_suffix(".json")
            meta.write_text(meta.read_text(encoding="utf-8")[:40], encoding="utf-8")
    for entry in (project.root / "cache" / "episodes").iterdir():  # the episodes must be joined again
        (entry / "timeline.json").unlink()
    report = build(project.config, project.options(article), engine=FakeEngine())
    assert report.episodes_rendered == len(report.episodes)
    assert all(SegmentCache(project.root / "cache").get(mp3.stem) is not None for mp3 in segments)
    assert_same_build(project.root / "output", reference.root / "output")


def test_corrupt_prepared_clip_is_prepared_again(built, reference: Project) -> None:  # type: ignore[no-untyped-def]
    project, article = built
    for wav in (project.root / "cache" / "prepared").rglob("*.wav"):
        data = wav.read_bytes()
        wav.write_bytes(data[: len(data) // 3])
    _forget_mixes(project)
    engine = FakeEngine()
    build(project.config, project.options(article), engine=engine)
    assert engine.calls == []
    assert all(ClipCache(wav.parent.parent.parent).get(wav.stem) is not None
               for wav in (project.root / "cache" / "prepared").rglob("*.wav"))
    assert_same_build(project.root / "output", reference.root / "output")


def _holdline_entry_intact(entry: Path) -> bool:
    records = json.loads((entry / "entries.json").read_text(encoding="utf-8"))
    return all(hashlib.sha256((entry / "holdline" / r["file"]).read_bytes()).hexdigest() == r["sha256"] for r in records)


@pytest.mark.parametrize("damage", ["truncate", "flip", "no-file", "bad-index", "index-not-a-list", "no-index"])
def test_corrupt_holdline_entry_is_rendered_again(built, reference: Project, damage: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A damaged hold-line entry is a miss: never published as it is, never a crash."""
    project, article = built
    monkeypatch.setitem(narration.speech.ENGINES, "piper", lambda settings: FakeEngine())
    entries = sorted(p for p in (project.root / "cache" / "holdline").iterdir() if not p.name.startswith("."))
    assert len(entries) >= 2
    for entry in entries:
        index = entry / "entries.json"
        rendition = entry / "holdline" / json.loads(index.read_text(encoding="utf-8"))[0]["file"]
        data = rendition.read_bytes()
        if damage == "truncate":
            rendition.write_bytes(data[:100])
        elif damage == "flip":
            rendition.write_bytes(data[:60] + bytes([data[60] ^ 0x55]) + data[61:])
        elif damage == "no-file":
            rendition.unlink()
        elif damage == "bad-index":
            index.write_text(index.read_text(encoding="utf-8")[:70], encoding="utf-8")
        elif damage == "index-not-a-list":
            index.write_text('{"file": 3}', encoding="utf-8")
        else:
            index.unlink()
    assert main(cli_args(project, article)) == 0
    output, expected = project.root / "output" / "holdline", reference.root / "output" / "holdline"
    assert snapshot(output) == snapshot(expected)
    manifest = json.loads((output / "manifest.json").read_text(encoding="utf-8"))
    assert all((output / f["file"]).stat().st_size == f["bytes"] for f in manifest["files"])
    assert all(_holdline_entry_intact(entry) for entry in entries)


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty"])
def test_corrupt_cover_in_cache_is_drawn_again(built, reference: Project, damage: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    project, article = built
    monkeypatch.setitem(narration.speech.ENGINES, "piper", lambda settings: FakeEngine())
    (cover,) = (project.root / "cache" / "covers").glob("*.png")
    data = cover.read_bytes()
    cover.write_bytes({"truncate": data[: len(data) - 20], "flip": data[:4000] + bytes([data[4000] ^ 0x55]) + data[4001:],
                       "empty": b""}[damage])
    assert main(cli_args(project, article)) == 0
    assert (project.root / "output" / "cover.png").read_bytes() == (reference.root / "output" / "cover.png").read_bytes()
    assert cover.read_bytes() == data



def test_a_hold_line_remade_from_a_damaged_slowed_clip_and_podcast_clip_speaks_the_sentence_again(
        built, reference: Project) -> None:  # type: ignore[no-untyped-def]
    """The hold line slows the podcast clips it has no slowed copy of; a slowed clip damaged inside (its length
    intact) whose podcast clip is damaged too is spoken again, not a build that fails until the cache is cleared."""
    project, article = built
    text = "Results come in about five days."
    for folder in (project.root / "cache" / "holdline").iterdir():  # the hold line is remade from its clips
        shutil.rmtree(folder)
    raw = ClipCache(project.root / "cache")
    slowed = sorted((project.root / "cache" / "holdpace" / "clips").rglob("*.wav"))
    for path in [raw.path(_key(text)), *slowed]:
        data = path.read_bytes()
        path.write_bytes(data[:100] + bytes([data[100] ^ 0xFF]) + data[101:])
    engine = FakeEngine()
    build(project.config, project.options(article), engine=engine)
    assert text in engine.calls
    assert_same_build(project.root / "output", reference.root / "output")
