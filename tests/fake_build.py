"""Test-only entry: `build_audio.py` with the fake voice, that can stop at a named point so a test can kill it.

FAKE_BUILD_PAUSE names the point ("synth:N" after N sentences, "encode" mid-way through writing an episode
MP3, "feed" when the staged folder is complete, "swap" between the two renames of the swap, "script" with a script file's temporary file written but not
yet moved into place);
FAKE_BUILD_READY is the file it creates when it got there; it then waits until FAKE_BUILD_GO exists.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import narration.atomic as atomic  # noqa: E402
import narration.publish.episodes as episodes_module  # noqa: E402
import narration.build.staging as publishing  # noqa: E402
import narration.speech  # noqa: E402
from conftest import FakeEngine  # noqa: E402
from narration.cli import main  # noqa: E402
from narration.models import Audio  # noqa: E402

POINT = os.environ.get("FAKE_BUILD_PAUSE", "")
READY = Path(os.environ.get("FAKE_BUILD_READY", "/nonexistent/ready"))
GO = Path(os.environ.get("FAKE_BUILD_GO", "/nonexistent/go"))


def pause(point: str) -> None:
    """Announce the point and wait for the test to kill us (or to let us go on)."""
    if point != POINT:
        return
    READY.write_text(str(os.getpid()))
    while not GO.exists():
        time.sleep(0.01)


class PausingEngine(FakeEngine):
    def synthesize(self, text: str) -> Audio:
        audio = super().synthesize(text)
        pause(f"synth:{len(self.calls)}")
        return audio


def encode_then_pause(chunks, rate, path, **kwargs):  # type: ignore[no-untyped-def]
    real_encode(chunks, rate, path, **kwargs)
    if POINT == "encode":
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])  # the temporary MP3 is half written when the kill comes
    pause("encode")


def write_last_then_pause(self, relative, data):  # type: ignore[no-untyped-def]
    real_write_last(self, relative, data)
    pause("feed")


def replace_then_pause(source, target, *args, **kwargs):  # type: ignore[no-untyped-def]
    real_replace(source, target, *args, **kwargs)
    if str(target).endswith(".previous"):
        pause("swap")


def write_then_pause(path, data):  # type: ignore[no-untyped-def]
    with atomic.atomic_path(path) as tmp:
        tmp.write_bytes(data)
        if path.suffix == ".txt":
            pause("script")


real_encode = episodes_module.encode_mp3
real_write_last = publishing.StagedOutput.write_last
real_replace = os.replace
episodes_module.encode_mp3 = encode_then_pause
publishing.StagedOutput.write_last = write_last_then_pause
os.replace = replace_then_pause
atomic.write_bytes_atomic = write_then_pause
for name in list(narration.speech.ENGINES):
    narration.speech.ENGINES[name] = lambda settings: PausingEngine()

if __name__ == "__main__":
    sys.exit(main())
