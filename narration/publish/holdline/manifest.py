"""holdline/manifest.json: what each hold-line file is, for the administrator who uploads it."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Mapping, Sequence

from narration.atomic import write_text_atomic
from narration.publish import layout

HOLDLINE_DIR = layout.HOLDLINE
MANIFEST_NAME = "manifest.json"


@dataclass(frozen=True)
class ManifestEntry:
    """One file an administrator uploads, and what it is."""

    file: str  # relative to holdline/, e.g. "asterisk/02-what-are-breast-calcifications.ulaw"
    target: str  # asterisk, amazon-connect, cisco, twilio, freeswitch
    format: str  # container: raw, wav, mp3
    codec: str  # ffmpeg codec name: pcm_mulaw, pcm_alaw, pcm_s16le, adpcm_g722, mp3
    sample_rate: int
    channels: int
    duration_s: float
    bytes: int
    text: str
    source: str


TARGET_NOTES = {
    "asterisk": "Asterisk/FreePBX: copy into the sounds folder (e.g. sounds/custom/); it plays the codec of the call.",
    "amazon-connect": "Amazon Connect: upload as prompts (WAV, 8 kHz, mono, mu-law; each under 5 minutes and 50 MB).",
    "cisco": "Cisco and most hardware PBXs: upload as music-on-hold or announcement audio (8 kHz mono WAV).",
    "twilio": "Twilio <Play> and other cloud platforms: host the MP3 at a public URL.",
    "freeswitch": "FreeSWITCH: copy the 8000/ and 16000/ folders into a local_stream directory.",
}


def write_manifest(entries: Sequence[ManifestEntry], out_dir: Path,
                   articles: Mapping[str, Sequence[str]] | None = None) -> Path:
    """holdline/manifest.json: every file with its target, format, rate, duration and the words it speaks, and
    which files are each article's (by article slug), so that one topic can be uploaded or withdrawn alone."""
    path = Path(out_dir) / HOLDLINE_DIR / MANIFEST_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    used = sorted({e.target for e in entries})
    document = {
        "version": 1,
        "targets": {t: TARGET_NOTES[t] for t in used},
        "files": [asdict(e) for e in entries],
        "articles": {slug: list(files) for slug, files in (articles or {}).items()},
    }
    write_text_atomic(path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    return path
