"""gTTS: Google Translate's voice. Needs Google's servers; offline it fails with a clear message."""
from __future__ import annotations

import importlib.metadata
import io
import logging
import tempfile
import time
from pathlib import Path

from narration.errors import ConfigError, EngineError
from narration.audio.ffmpeg import decode
from narration.models import Audio
from narration.speech.base import VoiceSettings

log = logging.getLogger(__name__)
RETRY_STATUS = {429, 500, 502, 503, 504}
OFFLINE_HINT = "this machine may be offline; use --engine piper (the offline voice) instead"


class GttsEngine:
    """gTTS with bounded retries for timeouts, HTTP 429 and 5xx answers."""

    name = "gtts"

    def __init__(self, settings: VoiceSettings, backoff: float = 1.0, max_backoff: float = 30.0) -> None:
        from gtts.lang import tts_langs

        if settings.language not in tts_langs():
            raise ConfigError([f"gTTS has no voice for the language {settings.language!r}; use --engine piper with a "
                               f"{settings.language} voice (see the README's Languages)"])
        self.settings = settings
        self.retries = max(1, settings.retries)  # attempts in all, the first included
        self.timeout = settings.timeout
        self.backoff = backoff
        self.max_backoff = max_backoff

    def fingerprint(self) -> dict[str, str]:
        return {
            "engine": "gtts",
            "gtts": importlib.metadata.version("gTTS"),
            "lang": self.settings.language,
            "slow": str(self.settings.preset == "slow"),
            **({"tld": self.settings.tld} if self.settings.tld else {}),
        }

    def _mp3(self, text: str) -> bytes:
        from gtts import gTTS, gTTSError
        import requests

        for attempt in range(1, self.retries + 1):
            buffer = io.BytesIO()
            try:
                gTTS(text, lang=self.settings.language, slow=self.settings.preset == "slow", timeout=self.timeout,
                     **({"tld": self.settings.tld} if self.settings.tld else {})).write_to_fp(buffer)
                return buffer.getvalue()
            except (gTTSError, requests.exceptions.Timeout, requests.exceptions.ChunkedEncodingError) as err:
                status = getattr(getattr(err, "rsp", None), "status_code", None)
                timed_out = isinstance(err, requests.exceptions.RequestException) or isinstance(
                    err.__context__, requests.exceptions.Timeout)
                if attempt < self.retries and (status in RETRY_STATUS or timed_out):
                    delay = min(self.max_backoff, self.backoff * 2 ** (attempt - 1))
                    log.info("gTTS: %s; retrying in %.1f s (%d of %d)", err, delay, attempt, self.retries)
                    time.sleep(delay)
                    continue
                hint = OFFLINE_HINT if status is None and not timed_out else \
                    "try again later, or use --engine piper (the offline voice)"
                raise EngineError(f"gTTS failed: {err}; {hint}") from err
            except AssertionError as err:  # gTTS asserts on empty text
                raise EngineError(f"gTTS refused the text {text!r}: {err}") from err
        raise EngineError("gTTS failed")  # unreachable: the loop returns or raises

    def unload(self) -> None:
        """Nothing is held between requests."""

    def synthesize(self, text: str) -> Audio:
        data = self._mp3(text)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "clip.mp3"
            path.write_bytes(data)
            return decode(path)
