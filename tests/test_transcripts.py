"""Transcripts and chapters: caption layout, timing and the Podcasting 2.0 JSON formats, parsed back."""
from __future__ import annotations

import json
import re

import pytest

from narration.models import Chapter, Cue
from narration.publish.transcripts import LINE_CHARS, captions, chapters_json, to_json, to_srt, to_vtt

LONG = (
    "Calcifications that look the same size and shape and are spread out across the breast are usually "
    "benign, but if they are clustered together, vary in shape and size, or form a line, your doctor may "
    "recommend a biopsy to be sure that nothing else is going on."
)
CUES = (
    Cue(0, 2400, "What are breast calcifications?", kind="heading", section=1),
    Cue(2900, 5200, "They are small deposits of calcium & they are common.", section=1),
    Cue(5600, 21600, LONG, section=1),
    Cue(22000, 23500, "Is it <cancer>?", section=2),
)
TIME = r"(\d\d):(\d\d):(\d\d)[.,](\d\d\d)"


def parse_times(text: str) -> list[tuple[int, int]]:
    """Every `start --> end` pair of a VTT or SRT file, in milliseconds."""
    def ms(h, m, s, f):
        return ((int(h) * 60 + int(m)) * 60 + int(s)) * 1000 + int(f)
    return [(ms(*m[:4]), ms(*m[4:])) for m in re.findall(TIME + " --> " + TIME, text)]


def vtt_cues(text: str) -> list[list[str]]:
    """The text lines of each cue of a WebVTT file."""
    assert text.startswith("WEBVTT\n\n")
    return [block.split("\n")[1:] for block in text.strip().split("\n\n")[1:]]


def test_vtt_lines_short_and_at_most_two_per_cue():
    for lines in vtt_cues(to_vtt(CUES)):
        assert 1 <= len(lines) <= 2
        assert all(len(line) <= LINE_CHARS for line in lines)


def test_long_sentence_becomes_consecutive_cues_sharing_its_time():
    times = parse_times(to_vtt(CUES))
    parts = [t for t in times if 5600 <= t[0] < 21600]
    assert len(parts) >= 2
    assert parts[0][0] == 5600 and parts[-1][1] == 21600
    assert all(a[1] == b[0] for a, b in zip(parts, parts[1:]))  # no gaps, no overlaps
    # Time shared in proportion to the text shown.
    texts = [" ".join(c.lines) for c in captions(CUES) if 5600 <= c.start_ms < 21600]
    for (start, end), text in zip(parts, texts):
        assert (end - start) / 16000 == pytest.approx(len(text) / sum(map(len, texts)), abs=0.01)
    assert " ".join(texts) == LONG
    assert min(map(len, texts)) > 0.7 * max(map(len, texts))  # evenly filled: no one-word tail caption


def test_cue_times_follow_the_timeline():
    times = parse_times(to_vtt(CUES))
    assert all(start < end for start, end in times)
    assert all(a[1] <= b[0] for a, b in zip(times, times[1:]))
    assert times[0][0] == 0 and times[-1][1] == 23500
    assert to_vtt(CUES).count("00:00:02.900 --> 00:00:05.200") == 1


def test_vtt_escapes_markup_but_srt_keeps_the_words():
    vtt, srt = to_vtt(CUES), to_srt(CUES)
    assert "calcium &amp; they" in vtt and "Is it &lt;cancer&gt;?" in vtt
    assert "calcium & they" in srt and "Is it <cancer>?" in srt


def test_srt_matches_vtt():
    srt = to_srt(CUES)
    blocks = srt.strip().split("\n\n")
    assert [b.split("\n")[0] for b in blocks] == [str(n) for n in range(1, len(blocks) + 1)]
    assert parse_times(srt) == parse_times(to_vtt(CUES))
    assert "00:00:02,900 --> 00:00:05,200" in srt
    assert all(len(line) <= LINE_CHARS for b in blocks for line in b.split("\n")[2:])


def test_json_transcript_follows_podcasting20_format():
    document = json.loads(to_json(CUES, speaker="Narrator"))
    assert document["version"] == "1.0.0"
    segments = document["segments"]
    assert [s["body"] for s in segments] == [c.text for c in CUES]
    assert segments[1] == {"startTime": 2.9, "endTime": 5.2, "speaker": "Narrator",
                           "body": "They are small deposits of calcium & they are common."}
    assert "speaker" not in json.loads(to_json(CUES))["segments"][0]


def test_chapters_json_follows_podcasting20_format():
    chapters = (Chapter(0, 21600, "What are breast calcifications?"), Chapter(22000, 23500, "Is it cancer?"))
    document = json.loads(chapters_json(chapters, title="Breast calcifications"))
    assert document["version"] == "1.2.0"
    assert document["title"] == "Breast calcifications"
    assert document["chapters"] == [
        {"startTime": 0.0, "endTime": 21.6, "title": "What are breast calcifications?"},
        {"startTime": 22.0, "endTime": 23.5, "title": "Is it cancer?"},
    ]
    assert "title" not in json.loads(chapters_json(chapters))


def test_empty_text_and_instant_cues():
    assert to_vtt([Cue(0, 100, "   ")]) == "WEBVTT\n"
    times = parse_times(to_vtt([Cue(500, 500, "Zero length.")]))
    assert times == [(500, 501)]
