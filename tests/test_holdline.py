"""Hold-line messages, the looping program and the phone-system files, measured on real Piper speech."""
from __future__ import annotations

import json
import re
import struct
import wave
from pathlib import Path

import numpy as np
import pytest
import soundfile

from narration.errors import InputError
from narration.publish.holdline.settings import unknown_sections
from narration.models import Audio, Cue
from narration.publish.holdline.render import (
    HoldlineSettings,
    HoldMessage,
    assemble_program,
    build_program,
    merge_short,
    plan_messages,
    program_cues,
    program_text,
    split_messages,
    write_manifest,
    write_renditions,
)
from narration.audio.dsp import resample
from narration.audio.telephone import active_speech_level
from loop_seam import loop_discontinuity
from phone_speech import GREETING, SECTIONS, band_gap_db, ffmpeg_decode, sentences_of, spoken

RATE = 22050
GAP_S = 2.0


def silence(seconds: float, rate: int = RATE) -> Audio:
    return Audio(np.zeros(round(seconds * rate), dtype=np.float32), rate)


def riff_chunks(path: Path) -> dict[str, bytes]:
    """The chunks of a RIFF/WAVE file, read by hand: Python's wave module refuses mu-law and A-law."""
    data = path.read_bytes()
    assert data[:4] == b"RIFF" and data[8:12] == b"WAVE"
    assert struct.unpack("<I", data[4:8])[0] == len(data) - 8
    chunks, at = {}, 12
    while at < len(data):
        tag, size = data[at:at + 4].decode("ascii"), struct.unpack("<I", data[at + 4:at + 8])[0]
        chunks[tag] = data[at + 8:at + 8 + size]
        at += 8 + size + (size & 1)
    return chunks


@pytest.fixture(scope="module")
def sections() -> list[tuple[str, list[tuple[str, Audio]]]]:
    return [(slug, spoken(text)) for slug, text in SECTIONS.items()]


@pytest.fixture(scope="module")
def greeting() -> HoldMessage:
    return split_messages(spoken(GREETING), "greeting", min_s=1, max_s=60)[0]


@pytest.fixture(scope="module")
def config() -> HoldlineSettings:
    return HoldlineSettings(program_seconds=75, gap_seconds=GAP_S)


@pytest.fixture(scope="module")
def program(greeting, sections, config):
    return assemble_program(greeting, plan_messages(sections, config), config)


@pytest.fixture(scope="module")
def written(tmp_path_factory, program, config):
    audio, placements = program
    out = tmp_path_factory.mktemp("out")
    text = program_text(placements)
    entries = write_renditions("Hold program", audio, text, out, config, program_cues(placements), loop=True)
    write_manifest(entries, out)
    return out, entries, text


# --- pace and messages ------------------------------------------------------------------------------


def test_long_section_splits_between_sentences_within_bounds(sections):
    slug, sentences = sections[0]
    messages = split_messages(sentences, slug, 15, 45, 400)
    assert len(messages) >= 2  # the section runs past 45 s
    assert all(15 <= m.audio.duration_s <= 45 for m in messages)
    assert [m.name for m in messages] == [f"{slug}-part-{k}" for k in range(1, len(messages) + 1)]
    # Every message is whole sentences, and together they are the section, in order.
    lines = [line for m in messages for line in m.text.split("\n")]
    assert lines == [text for text, _ in sentences]
    assert all(re.search(r"[.?!]$", m.text) for m in messages)
    # The audio is exactly those sentences with the configured pauses.
    for m in messages:
        count = len(m.text.split("\n"))
        expected = sum(a.duration_s for t, a in sentences if t in m.text.split("\n")) + 0.4 * (count - 1)
        assert m.audio.duration_s == pytest.approx(expected, abs=0.001)


def test_splitting_balances_and_never_cuts_a_sentence():
    sentences = [(f"Sentence {k}.", silence(8.0)) for k in range(12)]  # 96 s of speech plus pauses
    messages = split_messages(sentences, "s", 15, 45, 400)
    assert all(15 <= m.audio.duration_s <= 45 for m in messages)
    assert max(m.audio.duration_s for m in messages) - min(m.audio.duration_s for m in messages) <= 8.5
    lone = split_messages([("A very long sentence.", silence(50.0)), ("Short.", silence(20.0))], "s")
    assert [m.text for m in lone] == ["A very long sentence.", "Short."]  # too long, yet still whole


def test_short_sections_stay_whole_and_merge_with_a_neighbour(sections):
    (slug_a, a), (slug_b, b) = sections
    short = split_messages(b, slug_b, 15, 45, 400)
    assert len(short) == 1 and short[0].audio.duration_s < 15
    last_of_a = split_messages(a, slug_a, 15, 45, 400)[-1]
    merged = merge_short([last_of_a, short[0]], 15, 45, 400)
    assert len(merged) == 1
    assert merged[0].text == last_of_a.text + "\n" + short[0].text
    assert merged[0].source == f"{last_of_a.name}+{slug_b}"
    too_long = HoldMessage("x.", silence(44.0), "long")
    assert len(merge_short([too_long, short[0]], 15, 45, 400)) == 2  # merging would pass 45 s


# --- the program ----------------------------------------------------------------------------------


def test_program_layout(program, greeting, config):
    audio, placements = program
    assert audio.rate == RATE
    assert all(len(audio.samples) * phone_rate % RATE == 0 for phone_rate in (8000, 16000))  # whole loops on the phone
    assert config.program_seconds - 45 <= audio.duration_s <= config.program_seconds + 0.05
    assert placements[0].message is greeting
    starts = [p.start_ms for p in placements]
    assert starts == sorted(starts)
    gaps = [b.start_ms - a.end_ms for a, b in zip(placements, placements[1:])]
    assert all(GAP_S * 1000 - 2 <= g <= 2 * GAP_S * 1000 + 2 for g in gaps)
    # The loop gap (end back to start) equals the others, so the seam cannot be heard as a gap.
    seam_gap = audio.duration_ms - placements[-1].end_ms + placements[0].start_ms
    assert seam_gap == pytest.approx(gaps[0], abs=25)
    for p in placements:  # speech sits where the placements say, at one common level
        inside = Audio(audio.samples[p.start_ms * RATE // 1000:p.end_ms * RATE // 1000], RATE)
        assert active_speech_level(inside) == pytest.approx(config.target_dbov, abs=0.3)


def test_program_loops_without_click_gap_or_level_jump(program):
    audio, _ = program
    seam = loop_discontinuity(audio)
    assert seam.seamless and seam.step < 1e-4 and abs(seam.level_jump_db) < 1.0


def test_loop_measure_catches_a_click_and_a_level_jump():
    t = np.arange(RATE * 2) / RATE
    cut = Audio((0.3 * np.sin(2 * np.pi * 441.7 * t)).astype(np.float32), RATE)  # not a whole number of cycles
    seam = loop_discontinuity(cut)
    assert not seam.seamless and seam.step > 10 * seam.typical_step
    whole = Audio((0.3 * np.sin(2 * np.pi * 441 * t)).astype(np.float32), RATE)  # 882 whole cycles
    assert loop_discontinuity(whole).seamless
    swelling = Audio((np.linspace(0.03, 0.3, len(t)) * np.sin(2 * np.pi * 441 * t)).astype(np.float32), RATE)
    seam = loop_discontinuity(swelling)  # smooth inside, but 20 dB quieter again at the seam
    assert not seam.seamless and seam.level_jump_db < -15


@pytest.fixture(scope="module")
def music_bed(tmp_path_factory) -> Path:
    """A user's music file: 7.3 s of chords (so its repeats do not line up with the program)."""
    rate = 44100
    t = np.arange(int(7.3 * rate)) / rate
    swell = 0.8 + 0.2 * np.sin(2 * np.pi * 0.5 * t)
    chord = sum(np.sin(2 * np.pi * f * t) for f in (220.0, 277.2, 329.6)) * swell
    path = tmp_path_factory.mktemp("music") / "bed music.wav"
    soundfile.write(path, (0.2 * chord).astype(np.float32), rate, subtype="PCM_16")
    return path


@pytest.mark.parametrize("throughout", [True, False])
def test_music_bed_ducks_under_speech_and_loops(program, greeting, sections, config, music_bed, throughout):
    plain, placements = program
    with_music = HoldlineSettings(
        program_seconds=config.program_seconds, gap_seconds=GAP_S, music=str(music_bed), music_throughout=throughout
    )
    audio, again = assemble_program(greeting, plan_messages(sections, with_music), with_music)
    assert [p.start_ms for p in again] == [p.start_ms for p in placements]
    music = audio.samples.astype(np.float64) - plain.samples
    ramp = int(0.5 * RATE)
    at = lambda ms: ms * RATE // 1000  # noqa: E731
    under = np.concatenate([music[at(p.start_ms) + ramp:at(p.end_ms) - ramp] for p in placements])
    pairs = zip(placements, placements[1:])
    gaps = np.concatenate([music[at(a.end_ms) + ramp:at(b.start_ms) - ramp] for a, b in pairs])
    rms = lambda x: 10 * np.log10(np.mean(x * x) + 1e-20)  # noqa: E731
    if throughout:
        assert rms(under) - rms(gaps) == pytest.approx(with_music.duck_db, abs=1.0)
    else:
        assert np.abs(under).max() < 1e-6
    assert rms(gaps) == pytest.approx(config.target_dbov + with_music.music_level_db, abs=1.5)
    seam = loop_discontinuity(audio)
    assert seam.seamless
    # The loop point lies mid-gap, in music alone: no speech reaches it, so the program's seam is the music's.
    alone = loop_discontinuity(Audio(music.astype(np.float32), RATE))
    assert (seam.step, seam.level_jump_db) == pytest.approx((alone.step, alone.level_jump_db), abs=1e-3)
    # The music alone joins no rougher, and steps no more in level, than it does anywhere else. (Its level at the
    # seam follows the bed's own swell, at whatever phase the program ends: not a fixed number of dB.)
    assert alone.step <= alone.typical_step and abs(alone.level_jump_db) <= alone.typical_level_jump_db
    narrow = loop_discontinuity(resample(audio, 8000))
    assert narrow.seamless


def test_build_program_keeps_the_chosen_sections(sections):
    slug = "03-what-happens-next"
    config = HoldlineSettings(program_seconds=60, sections=(slug,))
    audio, placements = build_program(spoken(GREETING), sections, config)
    assert [p.message.source for p in placements][:2] == ["greeting", slug]
    assert {p.message.source for p in placements} == {"greeting", slug}
    assert placements[0].message.text == "\n".join(sentences_of(GREETING))
    assert unknown_sections(HoldlineSettings(sections=["nope"]), [slug]) == [
        f"holdline.sections: no section 'nope'; choose from {slug}"]


def test_missing_music_bed_is_a_clear_error(greeting, tmp_path):
    config = HoldlineSettings(program_seconds=60, music=str(tmp_path / "nope.mp3"))
    with pytest.raises(InputError, match="music bed not found"):
        assemble_program(greeting, [], config)


# --- renditions -----------------------------------------------------------------------------------

EXPECTED = {
    # file: (target, format, codec, rate, raw ffmpeg demuxer or None, WAV format tag or None)
    "asterisk/hold-program.ulaw": ("asterisk", "raw", "pcm_mulaw", 8000, "mulaw", None),
    "asterisk/hold-program.alaw": ("asterisk", "raw", "pcm_alaw", 8000, "alaw", None),
    "asterisk/hold-program.sln": ("asterisk", "raw", "pcm_s16le", 8000, "s16le", None),
    "asterisk/hold-program.sln16": ("asterisk", "raw", "pcm_s16le", 16000, "s16le", None),
    "asterisk/hold-program.wav": ("asterisk", "wav", "pcm_s16le", 8000, None, 1),
    "asterisk/hold-program.g722": ("asterisk", "raw", "adpcm_g722", 16000, "g722", None),
    "amazon-connect/hold-program.wav": ("amazon-connect", "wav", "pcm_mulaw", 8000, None, 7),
    "cisco/hold-program.wav": ("cisco", "wav", "pcm_s16le", 8000, None, 1),
    "cisco/hold-program-mulaw.wav": ("cisco", "wav", "pcm_mulaw", 8000, None, 7),
    "cisco/hold-program-alaw.wav": ("cisco", "wav", "pcm_alaw", 8000, None, 6),
    "twilio/hold-program.mp3": ("twilio", "mp3", "mp3", 16000, None, None),
    "freeswitch/8000/hold-program.wav": ("freeswitch", "wav", "pcm_s16le", 8000, None, 1),
    "freeswitch/16000/hold-program.wav": ("freeswitch", "wav", "pcm_s16le", 16000, None, 1),
}
LINEAR_8K = [f for f, spec in EXPECTED.items() if spec[2] == "pcm_s16le" and spec[3] == 8000]


def test_every_file_is_written_and_listed(written):
    out, entries, _ = written
    on_disk = sorted(p.relative_to(out / "holdline").as_posix() for p in (out / "holdline").rglob("*") if p.is_file())
    assert on_disk == sorted([*EXPECTED, "manifest.json"])
    assert all(" " not in name for name in on_disk)
    manifest = json.loads((out / "holdline" / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(f["file"] for f in manifest["files"]) == sorted(EXPECTED)
    assert set(manifest["targets"]) == {"asterisk", "amazon-connect", "cisco", "twilio", "freeswitch"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_file_decodes_as_its_manifest_says(written, name):
    out, _, text = written
    target, fmt, codec, rate, raw, _ = EXPECTED[name]
    path = out / "holdline" / name
    entry = next(f for f in json.loads((out / "holdline" / "manifest.json").read_text())["files"] if f["file"] == name)
    assert (entry["target"], entry["format"], entry["codec"], entry["sample_rate"], entry["channels"]) == (
        target, fmt, codec, rate, 1,
    )
    assert entry["text"] == text and entry["bytes"] == path.stat().st_size
    samples, got_rate, got_codec, channels = ffmpeg_decode(path, (raw, rate) if raw else None)
    assert (got_codec, got_rate, channels) == (codec, rate, 1)
    tolerance = 0.05 if fmt == "mp3" else 1 / rate
    assert len(samples) / rate == pytest.approx(entry["duration_s"], abs=tolerance + 0.001)
    # Never at full scale (G.711 would clip), and at the target active speech level.
    assert np.abs(samples).max() < 10 ** (-2.5 / 20)
    assert active_speech_level(Audio(samples, rate)) == pytest.approx(-26.0, abs=1.0)
    # The program loops through every rendition; the seam sits in the middle of a quiet gap.
    assert loop_discontinuity(Audio(samples, rate)).seamless


@pytest.mark.parametrize("name", [n for n, spec in EXPECTED.items() if spec[5] is not None])
def test_wav_headers_are_right_for_the_codec(written, name):
    out, _, _ = written
    path = out / "holdline" / name
    _, _, codec, rate, _, tag = EXPECTED[name]
    chunks = riff_chunks(path)
    fmt_tag, channels, sample_rate, byte_rate, align, bits = struct.unpack("<HHIIHH", chunks["fmt "][:16])
    width = 2 if tag == 1 else 1
    assert (fmt_tag, channels, sample_rate, byte_rate, align, bits) == (tag, 1, rate, rate * width, width, 8 * width)
    frames = len(chunks["data"]) // width
    if tag == 1:
        assert len(chunks["fmt "]) == 16 and "fact" not in chunks
        with wave.open(str(path)) as reader:
            assert (reader.getnchannels(), reader.getsampwidth(), reader.getframerate()) == (1, 2, rate)
            assert reader.getnframes() == frames
    else:
        assert len(chunks["fmt "]) == 18 and struct.unpack("<I", chunks["fact"])[0] == frames
    info = soundfile.info(str(path))
    assert (info.samplerate, info.channels, info.frames) == (rate, 1, frames)
    assert info.subtype == {1: "PCM_16", 7: "ULAW", 6: "ALAW"}[tag]


@pytest.mark.parametrize("name", LINEAR_8K)
def test_narrowband_files_keep_to_the_telephone_band(written, name):
    out, _, _ = written
    raw = ("s16le", 8000) if name.endswith(".sln") else None
    samples, rate, _, _ = ffmpeg_decode(out / "holdline" / name, raw)
    assert band_gap_db(Audio(samples, rate), 3600) <= -35


def _long_speech(sections, minutes: float) -> tuple[Audio, list[Cue]]:
    """Real sentences repeated to the given length, with their cues."""
    pieces, cues, at = [], [], 0
    sentences = [s for _, section in sections for s in section]
    while at < minutes * 60 * RATE:
        for text, audio in sentences:
            cues.append(Cue(at * 1000 // RATE, (at + len(audio.samples)) * 1000 // RATE, text))
            pieces += [audio.samples, np.zeros(RATE // 2, dtype=np.float32)]
            at += len(audio.samples) + RATE // 2
    return Audio(np.concatenate(pieces), RATE), cues


def test_amazon_connect_splits_long_audio_between_sentences(sections, tmp_path):
    audio, cues = _long_speech(sections, 5.5)
    text = "\n".join(c.text for c in cues)
    entries = write_renditions("long episode", audio, text, tmp_path, HoldlineSettings(), cues)
    parts = [e for e in entries if e.target == "amazon-connect"]
    assert [e.file for e in parts] == [f"amazon-connect/long-episode-part-{k}.wav" for k in (1, 2)]
    assert "\n".join(e.text for e in parts) == text
    for entry in parts:
        path = tmp_path / "holdline" / entry.file
        info = soundfile.info(str(path))
        assert info.subtype == "ULAW" and info.samplerate == 8000
        assert info.duration < 300 and path.stat().st_size < 50_000_000
        assert info.duration == pytest.approx(entry.duration_s, abs=0.001)
    assert sum(e.duration_s for e in parts) == pytest.approx(audio.duration_s, abs=0.01)
    other = [e for e in entries if e.target == "asterisk" and e.file.endswith(".wav")]
    assert other[0].duration_s > 300  # only Amazon Connect has the limit


def test_amazon_connect_cuts_between_words_where_no_sentence_break_fits(sections, tmp_path):
    """No cue to cut at (as for one very long sentence): parts are cut in a pause, nothing is lost or refused."""
    audio, _ = _long_speech(sections, 5.2)
    entries = write_renditions("long episode", audio, "text", tmp_path, HoldlineSettings())
    parts = [e for e in entries if e.target == "amazon-connect"]
    assert len(parts) == 2 and all(e.duration_s < 300 for e in parts)
    assert sum(e.duration_s for e in parts) == pytest.approx(audio.duration_s, abs=0.01)
    whole, _, _, _ = ffmpeg_decode(tmp_path / "holdline" / "asterisk" / "long-episode.sln", ("s16le", 8000))
    cut = round(parts[0].duration_s * 8000)
    assert float(np.abs(whole[cut - 80:cut + 80]).max()) < 0.01 * float(np.abs(whole).max())  # in a pause


def test_amazon_connect_split_respects_a_lower_limit(sections, tmp_path):
    slug, sentences = sections[0]
    audio, cues = _long_speech([(slug, sentences[:3])], 0.9)
    for limit in (20, 10):
        entries = write_renditions("m", audio, "x", tmp_path, HoldlineSettings(connect_max_seconds=limit), cues)
        parts = [e for e in entries if e.target == "amazon-connect"]
        assert len(parts) >= 3 and all(e.duration_s < limit for e in parts)
        assert sum(e.duration_s for e in parts) == pytest.approx(audio.duration_s, abs=0.01)
