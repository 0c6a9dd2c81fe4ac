"""What every cached thing depends on: one recipe per kind of entry, so a reader can see why it is rebuilt.

Each key is a sha256 of exactly the inputs that decide the entry's bytes, plus a format version to bump when
the code that makes the entry changes what it makes. Nothing else (no times, no paths, no build order) goes in.

| entry (cache folder)            | depends on                                                              |
|---------------------------------|-------------------------------------------------------------------------|
| clip (clips/)                   | sentence text, engine fingerprint (engine, version, voice, preset)      |
| prepared clip (prepared/)       | the clip's key, sample rate, loudness and true-peak targets, mix version |
| segment (segments/)             | its parts (kind, clip key, pause, section, paragraph), the audio settings |
| episode (episodes/)             | its segments' keys, the audio settings, its tags and the cover's bytes  |
| cover (covers/)                 | show title and author                                                   |
| hold-pace clip (holdpace/)      | the clip's key and the hold-line tempo                                  |
| hold-line entry (holdline/)     | hold-line settings, music bed's bytes, and its sentences' clip keys     |
| reading level (readability/)    | the article's script sentences and language, the flagged grade, the scorers' versions |
| what was heard (heard/)         | the clip's key and its samples' checksum, the recognizer's fingerprint  |
| fetched page (fetched/)         | its address; revalidated with the server (ETag, Last-Modified) on each build |
| generated scripts (generated/)  | the parsed article, its planned sections, the lexicon, the script settings, the package's code and its text libraries' versions |
"""
from __future__ import annotations

import hashlib
import json
import platform
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any, Sequence

CLIP_FORMAT = 1
EPISODE_FORMAT = 2
MIX_VERSION = 11  # bump when the mix changes how an episode sounds: cached segments and episodes are rebuilt
HOLDLINE_FORMAT = 4
COVER_FORMAT = "v1"
READING_FORMAT = 2
GENERATED_FORMAT = 1
TEXT_LIBRARIES = ("num2words", "pyphen", "silabeador")  # what the normalizers use besides the package itself


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def file_sha(path: Path | None) -> str:
    """A file's content hash ('' when there is none): inputs named by path count by their bytes."""
    if path is None or not path.is_file():
        return ""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def clip_key(text: str, fingerprint: dict[str, str]) -> str:
    """One sentence spoken by one engine, voice and settings."""
    return _sha(json.dumps({"format": CLIP_FORMAT, "text": text, "engine": fingerprint}, sort_keys=True))


def prepared_key(raw_key: str, sample_rate: int, loudness_lufs: float, true_peak_dbtp: float) -> str:
    """A clip levelled and resampled for the mix."""
    return _sha(f"{raw_key}:{sample_rate}:{loudness_lufs}:{true_peak_dbtp}:{MIX_VERSION}")


def mix_settings(loudness_lufs: float, true_peak_dbtp: float, bitrate: str, sample_rate: int) -> dict[str, object]:
    """The audio settings that decide how a segment or an episode sounds and is encoded."""
    return {"lufs": loudness_lufs, "tp": true_peak_dbtp, "bitrate": bitrate, "rate": sample_rate, "mix": MIX_VERSION}


def segment_key(settings: dict[str, object], parts: Sequence[tuple[str, str, int, int, int, bool]]) -> str:
    """A segment from its parts: (kind, clip key or '', pause ms, section, paragraph, sub-heading) each."""
    return _sha(json.dumps([settings, [list(p) for p in parts]]))


def episode_key(segment_keys: Sequence[str], settings: dict[str, object], tags: Sequence[object],
                cover: Path | None) -> str:
    """An episode joined from its segments, tagged (`tags`: the ID3 values in a fixed order)."""
    payload = json.dumps({"format": EPISODE_FORMAT, "parts": _sha("".join(segment_keys)), "settings": settings,
                          "tags": [*tags[:7], file_sha(cover) if cover else "", *tags[7:]]},
                         sort_keys=True, default=str)
    return _sha(payload)


def cover_key(title: str, author: str) -> str:
    """The generated cover art."""
    return _sha(f"{title}\n{author}\n{COVER_FORMAT}")[:16]


def holdpace_key(raw_key: str, tempo: float) -> str:
    """A clip time-stretched to the hold-line pace."""
    return _sha(f"{raw_key}:{tempo}:{HOLDLINE_FORMAT}")


def holdline_key(settings: dict[str, Any], music: Path | None, *parts: object) -> str:
    """A hold-line entry (the program, or one section's renditions)."""
    common = {"format": HOLDLINE_FORMAT, "config": settings, "music": file_sha(music)}
    return _sha(json.dumps([common, *parts], sort_keys=True, default=str))


def reading_key(sentences: Sequence[str], max_grade: float, scorer_version: str, language: str = "") -> str:
    """An article's reading level: its sentences as the scripts say them, in its language's measure, graded by one
    version of the scorers' data (the CMU dictionary and pyphen's patterns; silabeador for Spanish)."""
    return _sha(json.dumps({"format": READING_FORMAT, "sentences": list(sentences), "max_grade": max_grade,
                            "scorer": scorer_version, "language": language}))


def heard_key(raw_key: str, samples_sha: str, recognizer: dict[str, str]) -> str:
    """What the recognizer of `check --listen` heard in a clip: its key holds the sentence, its samples' checksum
    what is actually in the file (a clip replaced under the same key is heard again)."""
    return _sha(json.dumps({"clip": raw_key, "samples": samples_sha, "recognizer": recognizer}, sort_keys=True))


@cache
def code_version() -> str:
    """The package's own files (code and bundled data, by content), the versions of the text libraries and of
    Python (its Unicode tables): what a generated script follows from besides its inputs, so an edited or
    upgraded package writes scripts anew."""
    versions = [f"python={platform.python_version()}"]
    for name in TEXT_LIBRARIES:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=")
    return _sha(json.dumps([tree_digest(Path(__file__).resolve().parents[1]), versions]))


def tree_digest(root: Path) -> str:
    """Every file under `root` by name and content, compiled bytecode left out."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.relative_to(root).parts):
        digest.update(f"{path.relative_to(root).as_posix()}\0{path.stat().st_size}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def generated_key(inputs: Sequence[object]) -> str:
    """An article's generated scripts: `inputs` are every value they follow from (the parsed article, its planned
    sections, the lexicon, the script settings), whose reprs are deterministic (dataclasses, tuples, strings)."""
    return _sha(json.dumps({"format": GENERATED_FORMAT, "code": code_version(), "inputs": [repr(i) for i in inputs]}))
