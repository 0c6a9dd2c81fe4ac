"""gTTS through its own code, with only the HTTP layer faked (Google's servers are not reachable here)."""
from __future__ import annotations

import base64
import json
import subprocess

import pytest
import requests
import responses

from narration.errors import EngineError
from narration.audio.ffmpeg import ffmpeg_exe
from narration.speech import VoiceSettings, make_engine

URL = "https://translate.google.com/_/TranslateWebserverUi/data/batchexecute"


def _mp3_tone(seconds: float = 1.0) -> bytes:
    """A real MP3 (what Google's service returns), made with the bundled ffmpeg."""
    return subprocess.run(
        [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", f"sine=frequency=220:duration={seconds}",
         "-ac", "1", "-ar", "24000", "-c:a", "libmp3lame", "-b:a", "32k", "-f", "mp3", "pipe:1"],
        capture_output=True, check=True).stdout


def _google_answer(mp3: bytes) -> str:
    """The batchexecute answer format that gTTS parses: a line holding jQ1olc and the base64 audio."""
    payload = json.dumps([base64.b64encode(mp3).decode("ascii")])
    return ")]}'\n\n" + json.dumps([["wrb.fr", "jQ1olc", payload, None, None, None, "generic"]], separators=(",", ":")) + "\n"


@responses.activate
def test_gtts_engine_synthesizes_through_gtts_code() -> None:
    responses.add(responses.POST, URL, body=_google_answer(_mp3_tone(1.0)), status=200)
    engine = make_engine(VoiceSettings("gtts", preset="patient", language="en"))
    audio = engine.synthesize("Calcifications are usually harmless.")
    assert 0.9 < audio.duration_s < 1.2
    assert audio.rate == 24000
    sent = responses.calls[0].request
    assert "Calcifications" in requests.utils.unquote(sent.body)
    assert engine.fingerprint()["engine"] == "gtts"


@responses.activate
def test_gtts_offline_names_the_offline_engine() -> None:
    responses.add(responses.POST, URL, body=requests.exceptions.ConnectionError("no network"))
    engine = make_engine(VoiceSettings("gtts"))
    with pytest.raises(EngineError) as caught:
        engine.synthesize("Hello.")
    message = str(caught.value)
    assert "--engine piper" in message
    assert "\n" not in message


@responses.activate
def test_gtts_retries_rate_limits_then_succeeds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("time.sleep", lambda seconds: None)
    responses.add(responses.POST, URL, status=429)
    responses.add(responses.POST, URL, status=503)
    responses.add(responses.POST, URL, body=_google_answer(_mp3_tone(0.5)), status=200)
    engine = make_engine(VoiceSettings("gtts"))
    audio = engine.synthesize("Hello again.")
    assert len(responses.calls) == 3
    assert 0.4 < audio.duration_s < 0.7


@responses.activate
def test_gtts_gives_up_after_bounded_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    delays: list[float] = []
    monkeypatch.setattr("time.sleep", delays.append)
    for _ in range(5):
        responses.add(responses.POST, URL, status=500)
    with pytest.raises(EngineError):
        make_engine(VoiceSettings("gtts")).synthesize("Hello.")
    assert len(responses.calls) == 3
    assert delays == [1.0, 2.0]


def test_gtts_cli_offline_is_one_clear_line(tmp_path, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from narration.cli import main

    monkeypatch.chdir(tmp_path)
    with responses.RequestsMock() as mock:
        mock.add(responses.POST, URL, body=requests.exceptions.ConnectionError("no network"))
        code = main(["--engine", "gtts", "-q", "--output", str(tmp_path / "out")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code != 0
    assert len(err) == 1 and "--engine piper" in err[0]
    assert not (tmp_path / "out").exists()
