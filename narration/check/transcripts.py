"""Checks of the transcripts and captions: VTT/SRT timing, line length, JSON transcripts."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

from narration.publish.transcripts import LINE_CHARS, Caption
from narration.check.base import Problem
from narration.publish import layout


CUE_END_TOLERANCE_S = 0.5

TRANSCRIPT_SUFFIXES = layout.TRANSCRIPT_SUFFIXES

_TIME = r"(?:(\d{2,}):)?(\d{2}):(\d{2})[.,](\d{3})"

TIMING = re.compile(rf"^{_TIME}\s+-->\s+{_TIME}(?:\s.*)?$")

def transcript_problems(root: Path, slug: str, duration_s: float | None) -> list[Problem]:
    """VTT well-formed, readable line lengths, timed to the audio; SRT and JSON saying the same."""
    paths = {suffix: layout.transcript(slug, suffix) for suffix in TRANSCRIPT_SUFFIXES}
    problems = [Problem(p, "missing") for p in paths.values() if not (root / p).is_file()]
    if problems and not (root / paths["vtt"]).is_file():
        return problems
    vtt, error = parse_captions((root / paths["vtt"]).read_text(encoding="utf-8-sig"), "vtt")
    if error:
        return [*problems, Problem(paths["vtt"], error)]
    long = [line for c in vtt for line in c.lines if len(line) > LINE_CHARS and " " in line.strip()]
    if long:
        problems.append(Problem(paths["vtt"], f"{len(long)} caption line(s) over {LINE_CHARS} characters, e.g. {long[0]!r}"))
    if duration_s is not None and abs(vtt[-1].end_ms / 1000 - duration_s) > CUE_END_TOLERANCE_S:
        problems.append(Problem(paths["vtt"], f"last cue ends at {vtt[-1].end_ms / 1000:.2f} s but the audio ends at "
                                              f"{duration_s:.2f} s (more than {CUE_END_TOLERANCE_S:g} s apart)"))
    if (root / paths["srt"]).is_file():
        srt, error = parse_captions((root / paths["srt"]).read_text(encoding="utf-8-sig"), "srt")
        if error or srt != vtt:
            problems.append(Problem(paths["srt"], error or "cues differ from the VTT transcript"))
    if (root / paths["json"]).is_file():
        problems += [Problem(paths["json"], m) for m in _json_transcript_problems((root / paths["json"]).read_text("utf-8"), vtt)]
    return problems

def parse_captions(text: str, kind: str) -> tuple[list[Caption], str]:
    """Captions of a WebVTT or SRT file (text unescaped), or the first reason it is malformed."""
    blocks = [b.strip("\n").splitlines() for b in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").strip())]
    if kind == "vtt":
        header = blocks.pop(0) if blocks else [""]
        if not re.match(r"WEBVTT($|[ \t])", header[0]):
            return [], "does not start with the WEBVTT header"
        blocks = [b for b in blocks if not re.match(r"(NOTE|STYLE|REGION)($|[ \t])", b[0])]
    captions: list[Caption] = []
    for block in blocks:
        at = next((i for i, line in enumerate(block[:2]) if "-->" in line), None)
        match = TIMING.match(block[at]) if at is not None else None
        if match is None or (kind == "srt" and not (at == 1 and block[0].strip().isdigit())):
            return [], f"malformed cue near {' / '.join(block[:2])!r}"
        start, end = _ms(match.groups()[:4]), _ms(match.groups()[4:])
        if end < start or (captions and start < captions[-1].start_ms):
            return [], f"cue times out of order at {block[at]!r}"
        lines = tuple(html.unescape(line) if kind == "vtt" else line for line in block[at + 1:])
        captions.append(Caption(start, end, lines))
    if not captions:
        return [], "has no cues"
    return captions, ""

def _ms(groups: tuple[str | None, ...]) -> int:
    hours, minutes, seconds, millis = (int(g or 0) for g in groups)
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis

def _json_transcript_problems(text: str, vtt: list[Caption]) -> list[str]:
    """The Podcasting 2.0 JSON transcript has the VTT's words, and each sentence starts and ends with a caption."""
    try:
        document = json.loads(text)
        segments = [(round(s["startTime"] * 1000), round(s["endTime"] * 1000), s["body"]) for s in document["segments"]]
    except (ValueError, KeyError, TypeError) as err:
        return [f"not a Podcasting 2.0 JSON transcript: {err!r}"]
    found = []
    if "version" not in document:
        found.append("no version")
    words = " ".join(body for _, _, body in segments).split()
    if words != " ".join(line for c in vtt for line in c.lines).split():
        found.append("text differs from the VTT transcript")
    starts, ends = {c.start_ms for c in vtt}, {c.end_ms for c in vtt}
    if any(start not in starts or end not in ends for start, end, _ in segments):
        found.append("segment times differ from the VTT cue times")
    return found
