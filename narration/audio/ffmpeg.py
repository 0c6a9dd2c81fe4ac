"""The bundled ffmpeg binary (imageio-ffmpeg): encode and decode without a system install or ffprobe."""
from __future__ import annotations

import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from narration.errors import AudioToolError
from narration.models import Audio


@lru_cache(maxsize=1)
def ffmpeg_exe() -> str:
    """Path of the ffmpeg binary that imageio-ffmpeg ships."""
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


def run(args: Sequence[str], stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run ffmpeg with arguments (never through a shell); failures keep the command and stderr."""
    command = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel", "error", *args]
    result = subprocess.run(command, input=stdin, capture_output=True, check=False)
    if result.returncode != 0:
        raise AudioToolError(command, result.stderr.decode("utf-8", "replace"))
    return result


def decode(path: Path, rate: int | None = None) -> Audio:
    """Decode any audio file ffmpeg reads to mono float32 (at its own rate unless one is given)."""
    rate = rate or probe_rate(path)
    out = run(["-i", str(path), "-f", "f32le", "-ac", "1", "-ar", str(rate), "pipe:1"]).stdout
    return Audio(np.frombuffer(out, dtype="<f4").copy(), rate)


def probe_rate(path: Path) -> int:
    """Sample rate of an audio file, read from ffmpeg's own description of the input."""
    command = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-i", str(path)]
    text = subprocess.run(command, capture_output=True, check=False).stderr.decode("utf-8", "replace")
    for line in text.splitlines():
        if "Audio:" in line:
            for part in line.split(","):
                if part.strip().endswith(" Hz"):
                    return int(part.strip().split()[0])
    raise AudioToolError(command, text or f"{path}: no audio stream")


def atempo(audio: Audio, tempo: float) -> Audio:
    """Change the speaking rate without changing pitch (ffmpeg's atempo, WSOLA)."""
    out = run(["-f", "f32le", "-ar", str(audio.rate), "-ac", "1", "-i", "pipe:0", "-af", f"atempo={tempo}",
               "-f", "f32le", "-ar", str(audio.rate), "-ac", "1", "pipe:1"],
              stdin=audio.samples.astype("<f4").tobytes()).stdout
    return Audio(np.frombuffer(out, dtype="<f4").copy(), audio.rate)


def to_pcm16(audio: Audio) -> bytes:
    """Little-endian 16-bit PCM bytes of an Audio (clipped to full scale)."""
    return (np.clip(audio.samples, -1.0, 1.0) * 32767.0).round().astype("<i2").tobytes()


def encode_mp3(chunks: Iterable[np.ndarray], rate: int, path: Path, bitrate: str = "96k", out_rate: int = 44100) -> None:
    """Encode mono audio, streamed in chunks, to bare CBR MP3 frames: no tags of ffmpeg's own (mutagen writes
    them) and no Info header, so that segments can be joined frame by frame (narration.audio.mp3).

    LAME's algorithm quality 7 encodes about twice as fast as its default; at 96 kbps for one voice channel
    the difference is not audible, and encoding is the largest cost of a build after synthesis."""
    command = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel", "error",
               "-f", "s16le", "-ar", str(rate), "-ac", "1", "-i", "pipe:0",
               "-ar", str(out_rate), "-ac", "1", "-c:a", "libmp3lame", "-b:a", bitrate,
               "-compression_level", "7", "-map_metadata", "-1", "-id3v2_version", "0", "-write_xing", "0",
               "-fflags", "+bitexact", "-flags:a", "+bitexact", "-f", "mp3", "-y", str(path)]
    with tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stderr=stderr)
        assert process.stdin is not None
        try:
            for chunk in chunks:
                process.stdin.write(to_pcm16(Audio(chunk, rate)))
            process.stdin.close()
        except BrokenPipeError:
            pass  # ffmpeg stopped early: its exit code and stderr say why
        finally:
            code = process.wait()
        if code != 0:
            stderr.seek(0)
            raise AudioToolError(command, stderr.read().decode("utf-8", "replace"))
