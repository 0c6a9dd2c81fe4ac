"""Fanned out: the same articles built in one process, with two worker processes and on a local Ray publish the
same bytes; a clip cache shared by URL (a local S3 server, a file:// folder) is reused across builds, written
create-only, and a damaged entry in it stays a miss."""
from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pytest

from conftest import FakeEngine, Project, make_project
from fakes import FailingEngine
from narration.errors import EngineError
from narration.build.pipeline import BuildReport, build
from narration.cache.shared import SharedStore
from narration.speech.synthesize import Job
from narration.speech.workers import WorkerVoice
from narration.cli import main

ARTICLES = {  # three short articles, several sections each: enough sections for both workers to get some
    "sleep.md": "# Sleep after surgery\n\n## Why rest helps\n\nRest lets the wound heal. Short naps count too.\n\n"
                "## At night\n\nKeep the room cool and dark. Take pain medicine one hour before bed.\n\n"
                "## Call your nurse\n\nCall if you cannot sleep for three nights in a row.\n",
    "water.md": "# Drinking enough water\n\n## How much\n\nMost adults need about eight cups a day.\n\n"
                "## Signs of too little\n\nDark urine and headaches are common signs. Drink a glass and rest.\n",
    "walk.md": "# Walking after a hip replacement\n\n## First week\n\nWalk for five minutes, three times a day.\n\n"
               "## Later\n\nAdd a few minutes each day. Use your walker until the therapist says so.\n\n"
               "## Stop and rest\n\nStop if the pain is sharp or your leg swells.\n",
}


def _articles(root: Path) -> list[Path]:
    paths = []
    for name, text in ARTICLES.items():
        (root / name).write_text(text, encoding="utf-8")
        paths.append(root / name)
    return paths


@pytest.fixture(autouse=True)
def fan_out_small_work(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """These articles are a few sentences: let the workers take them anyway (the build keeps work this small in
    its own process), except in the test of that rule."""
    if "little_work" not in request.node.name:
        monkeypatch.setattr("narration.speech.synthesize.FAN_OUT_AT_LEAST", 1)


def _published(output: Path) -> dict[str, str]:
    """Every published file by relative path -> sha256 (the ownership marker lists paths only)."""
    return {p.relative_to(output).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(output.rglob("*")) if p.is_file()}


def _build(tmp: Path, name: str, **options: object) -> tuple[Project, BuildReport, FakeEngine]:
    project = make_project(tmp / name)
    engine = FakeEngine()
    report = build(project.config, project.options(*_articles(project.root), holdline=False, **options), engine=engine)
    return project, report, engine


@pytest.fixture(scope="module")
def one_process(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, BuildReport, FakeEngine]:
    return _build(tmp_path_factory.mktemp("scale"), "one")


def _same_as_one_process(one_process: tuple[Project, BuildReport, FakeEngine], project: Project,
                         report: BuildReport, engine: FakeEngine) -> None:
    reference, reference_report, _ = one_process
    assert report.stats.misses == reference_report.stats.misses > 0
    assert engine.calls == []  # the workers spoke, not the build's own engine
    assert report.stats.worker_peak_mb > 0
    published = _published(project.root / "output")
    assert any(name.endswith(".mp3") for name in published) and "feed.xml" in published
    assert published == _published(reference.root / "output")


def test_two_worker_processes_publish_the_same_bytes(tmp_path: Path, one_process) -> None:  # type: ignore[no-untyped-def]
    _same_as_one_process(one_process, *_build(tmp_path, "workers", workers=2))


def test_a_local_ray_publishes_the_same_bytes(tmp_path: Path, one_process) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("ray", reason="the [ray] extra is not installed")
    _same_as_one_process(one_process, *_build(tmp_path, "ray", workers=2, ray=""))


def test_a_rebuild_with_workers_starts_none_when_every_clip_is_cached(tmp_path: Path) -> None:
    project, first, _ = _build(tmp_path, "again")
    engine = FakeEngine()
    again = build(project.config, project.options(*_articles(project.root), holdline=False, workers=2), engine=engine)
    assert again.stats.misses == 0 and again.stats.hits == first.stats.misses
    assert again.stats.worker_peak_mb == 0  # no worker was started


def test_little_work_is_spoken_here_without_starting_workers(tmp_path: Path, one_process) -> None:  # type: ignore[no-untyped-def]
    from narration.speech.synthesize import FAN_OUT_AT_LEAST

    project, report, engine = _build(tmp_path, "little", workers=2)
    assert 0 < report.stats.misses < FAN_OUT_AT_LEAST and len(engine.calls) == report.stats.misses
    assert report.stats.worker_peak_mb == 0  # no worker was started
    assert _published(project.root / "output") == _published(one_process[0].root / "output")


def test_an_engine_failing_in_a_worker_fails_the_build_naming_the_section(tmp_path: Path) -> None:
    project = make_project(tmp_path / "failing")
    with pytest.raises(EngineError, match=r"walk.*the fake engine failed: RuntimeError\(\"cannot say 'walker'"):
        build(project.config, project.options(*_articles(project.root), holdline=False, workers=2),
              engine=FailingEngine("walker"))
    assert not (project.root / "output").exists()


@pytest.fixture
def s3(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A local S3 server (moto) on 127.0.0.1 with an empty bucket; obstore and boto3 find it by the environment."""
    boto3 = pytest.importorskip("boto3")
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    for name, value in {"AWS_ENDPOINT_URL": f"http://{host}:{port}", "AWS_ALLOW_HTTP": "true",
                        "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test",
                        "AWS_REGION": "us-east-1", "AWS_DEFAULT_REGION": "us-east-1"}.items():
        monkeypatch.setenv(name, value)
    client = boto3.client("s3", endpoint_url=f"http://{host}:{port}")
    client.create_bucket(Bucket="clips")
    yield client
    server.stop()


class GrowingEngine(FakeEngine):
    """A voice whose working memory grows with every sentence until it is unloaded (as onnxruntime's arena does);
    the process's memory is this engine's (the real effect is measured in benchmarks/scale.py)."""

    def __init__(self, growth_mb: float) -> None:
        super().__init__()
        self.growth_mb, self.arena, self.peak = growth_mb, 0, 0.0

    def resident_mb(self) -> float:
        return 50.0 + self.growth_mb * self.arena

    def synthesize(self, text: str):  # type: ignore[no-untyped-def]
        self.arena += 1
        self.peak = max(self.peak, self.resident_mb())
        return super().synthesize(text)

    def unload(self) -> None:
        super().unload()
        self.arena = 0


@pytest.mark.parametrize("growth_mb, unloads, peak", [
    (8, 30 // 14, 50 + 8 + 100 + 8),  # past its bound (100 MB over its first sentence) at its 14th sentence
    (100, 30 // 5, 50 + 5 * 100),  # a voice larger than the bound: reloaded every 5 sentences, not every one
])
def test_a_worker_gives_its_voice_back_when_its_memory_grows_past_the_bound(
        growth_mb: float, unloads: int, peak: float, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = GrowingEngine(growth_mb)
    monkeypatch.setattr("narration.speech.workers.VOICE_GROWTH_MB", 100)
    monkeypatch.setattr("narration.speech.workers.MIN_SENTENCES_PER_LOAD", 5)
    monkeypatch.setattr("narration.speech.workers.resident_mb", engine.resident_mb)
    voice = WorkerVoice(lambda threads: engine, threads=1)
    jobs = tuple(Job(f"Sentence number {n} of the section.", "Section") for n in range(5))
    for _ in range(6):  # 30 sentences (each reload collects garbage: slow in the suite's big process)
        spoken = voice.speak(jobs, timeout=30)
        assert len(spoken.audios) == len(jobs) and not spoken.error
    assert engine.unloads == unloads
    assert engine.peak <= peak


def test_a_ray_actor_gives_its_voice_less_room_for_the_runtime_it_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    from narration.speech.ray_workers import RAY_RUNTIME_MB, Speaker  # the actor's class (Ray itself not needed)

    engine = GrowingEngine(8)
    monkeypatch.setattr("narration.speech.workers.VOICE_GROWTH_MB", 100)
    monkeypatch.setattr("narration.speech.workers.MIN_SENTENCES_PER_LOAD", 5)
    monkeypatch.setattr("narration.speech.ray_workers.RAY_MIN_SENTENCES", 5)
    monkeypatch.setattr("narration.speech.workers.resident_mb", engine.resident_mb)
    speaker = Speaker(lambda threads: engine)
    jobs = tuple(Job(f"Sentence number {n} of the section.", "Section") for n in range(5))
    for index in range(6):
        assert speaker.speak(index, jobs, timeout=30)[0] == index
    assert engine.unloads > 30 // 14  # more often than a process worker (previous test)
    assert engine.peak <= 50 + 8 + max(100 - RAY_RUNTIME_MB, 8 * 5)


def test_builds_share_clips_through_s3_and_a_damaged_entry_stays_a_miss(tmp_path: Path, s3) -> None:  # type: ignore[no-untyped-def]
    url = "s3://clips/narration"
    first, first_report, _ = _build(tmp_path, "first", shared_cache=url)
    keys = [o["Key"] for o in s3.list_objects_v2(Bucket="clips")["Contents"]]
    assert len(keys) == first_report.stats.misses and all(k.startswith("narration/clips/") for k in keys)

    second, second_report, engine = _build(tmp_path, "second", shared_cache=url)  # its own local cache: empty
    assert engine.calls == [] and second_report.stats.hits == first_report.stats.misses
    assert _published(second.root / "output") == _published(first.root / "output")

    damaged = keys[0]
    s3.put_object(Bucket="clips", Key=damaged, Body=b"RIFF not a clip")
    _, third_report, engine = _build(tmp_path, "third", shared_cache=url)
    assert third_report.stats.misses == 1 and len(engine.calls) == 1
    assert s3.get_object(Bucket="clips", Key=damaged)["Body"].read() == b"RIFF not a clip"  # create-only


def test_a_file_url_store_is_create_only_under_concurrent_writers(tmp_path: Path) -> None:
    store = SharedStore((tmp_path / "shared").as_uri())
    barrier = threading.Barrier(8)

    def write(n: int) -> None:
        barrier.wait()
        store.put("clips/ab/abc.wav", f"writer {n}".encode() * 1000)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stored = store.get("clips/ab/abc.wav")
    assert stored is not None and stored in {f"writer {n}".encode() * 1000 for n in range(8)}  # one whole entry
    assert store.get("clips/ab/missing.wav") is None
    assert [p.name for p in (tmp_path / "shared" / "clips" / "ab").iterdir()] == ["abc.wav"]  # no temporary left


@pytest.mark.parametrize("argv, message", [
    (["--ray", "article.md"], "is not a Ray address"),
    (["--workers", "0"], "give a number of workers"),
    (["--cache", "ftp://host/x"], "a shared cache is one of"),
])
def test_scaling_options_refuse_mistakes_in_one_line(argv: list[str], message: str,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", *argv]) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1


def test_ray_without_an_address_starts_a_local_one_and_with_one_joins_it() -> None:
    from narration.cli import parser_for

    assert parser_for("build").parse_args(["a.md", "--ray"]).ray == ""
    assert parser_for("build").parse_args(["--ray=10.0.0.5:6379", "a.md"]).ray == "10.0.0.5:6379"
    assert parser_for("build").parse_args(["a.md"]).ray is None


def test_the_cache_command_wants_a_local_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cache", "--cache", "s3://bucket/prefix"]) == 2
    assert "a shared cache URL is for the build command" in capsys.readouterr().err
