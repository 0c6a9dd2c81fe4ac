"""`build_audio.py cache`: how big the cache is, and pruning what no current build uses, through the real CLI."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FakeEngine
from narration.cli import main
from test_bad_input import CONFIG, fake_engines

ARTICLE = "# Screening\n\n## When\n\nMost people start at forty.\n\n## Results\n\nResults come in a week.\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[FakeEngine]:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "narration.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.md").write_text(ARTICLE.replace("Screening", "Follow-up").replace("forty", "fifty"), encoding="utf-8")
    made: list[FakeEngine] = []
    fake_engines(monkeypatch, made)
    return made


def build(*args: str) -> int:
    return main(["build", "-q", "--no-holdline", "--cache", "cache", *args])


def test_prune_removes_only_what_no_current_build_uses(project: list[FakeEngine],
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cache", "--cache", "cache", "--prune"]) == 2  # nothing recorded yet: nothing is pruned
    assert "build first" in capsys.readouterr().err
    assert build("a.md", "--output", "out-a") == 0
    assert build("b.md", "--output", "out-b") == 0  # a second output sharing the cache
    Path("a.md").write_text(ARTICLE.replace("forty", "forty-five"), encoding="utf-8")
    assert build("a.md", "--output", "out-a") == 0
    capsys.readouterr()
    assert main(["cache", "--cache", "cache"]) == 0
    before = capsys.readouterr().out
    assert main(["cache", "--cache", "cache", "--prune"]) == 0
    said = capsys.readouterr().out
    removed = int(said.split("Removed ")[1].split()[0])
    assert removed >= 3  # the old sentence's clip and prepared clip, its segment and its two episodes
    assert said != before
    project.clear()
    assert build("a.md", "--output", "out-a") == 0
    assert build("b.md", "--output", "out-b") == 0
    assert not any(engine.calls for engine in project)  # what both outputs use was kept
    Path("a.md").write_text(ARTICLE, encoding="utf-8")
    assert build("a.md", "--output", "out-a") == 0
    assert sum(len(engine.calls) for engine in project) == 1  # the pruned sentence is spoken again


def test_cache_lists_its_kinds(project: list[FakeEngine], capsys: pytest.CaptureFixture[str]) -> None:
    assert build("a.md", "--output", "out-a") == 0
    capsys.readouterr()
    assert main(["cache", "--cache", "cache"]) == 0
    out = capsys.readouterr().out
    for kind in ("clips", "prepared", "segments", "episodes", "covers", "generated"):
        assert f"  {kind} " in out
