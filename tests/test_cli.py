"""The command line: progress on long work, a summary, and the serve/check commands' wiring."""
from __future__ import annotations

from pathlib import Path

import pytest

import narration.speech
from conftest import FakeEngine
from narration.cli import main


@pytest.fixture
def fake_voice(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(narration.speech.ENGINES):
        monkeypatch.setitem(narration.speech.ENGINES, name, lambda settings: FakeEngine())


def test_build_shows_progress_per_stage_and_a_summary(tmp_path: Path, fake_voice: None,
                                                      capsys: pytest.CaptureFixture[str], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "a.md"
    article.write_text("# Title\n\nOpening words here.\n\n## Next part\n\nMore words follow.\n", encoding="utf-8")
    assert main([str(article), "--no-holdline"]) == 0
    captured = capsys.readouterr()
    assert "synthesizing" in captured.err and "mixing" in captured.err
    assert "Built 3 episodes" in captured.out
    assert (tmp_path / "output" / "feed.xml").is_file()
    assert (tmp_path / "scripts" / "a" / "02-next-part.txt").is_file()


def test_check_on_a_missing_folder_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "nothing")]) == 1
    assert "nothing" in capsys.readouterr().out
