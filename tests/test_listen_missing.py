"""`check --listen` without the [listen] extra: one line saying what to install, before any work."""
from __future__ import annotations

from pathlib import Path

import pytest

from narration.check import listen_report
from narration.cli import main


def test_check_listen_without_the_extra_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(listen_report, "LISTEN_MODULES", ("pocketsphinx", "no_such_recognizer_module"))
    (tmp_path / "out").mkdir()
    config = tmp_path / "narration.toml"
    config.write_text("", encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--listen", "-q", str(tmp_path / "out"), "--config", str(config)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ['error: check --listen needs no_such_recognizer_module: pip install -e ".[listen]"']
