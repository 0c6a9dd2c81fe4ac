"""Phone hold-line output: messages cut between sentences, a looping hold program, files phone systems take as-is.

Settings live in settings.py, the manifest in manifest.py (both light to import).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np
import soundfile
from scipy import ndimage

from narration.errors import AudioToolError, InputError
from narration.audio.ffmpeg import decode, run, to_pcm16
from narration.build.concurrency import map_in_order
from narration.models import Audio, Cue
from narration.publish.holdline.settings import CONNECT_MAX_BYTES, HoldlineSettings
from narration.publish.holdline.manifest import (
    HOLDLINE_DIR,
    ManifestEntry,
    write_manifest,
)
from narration.audio.telephone import (
    NARROWBAND,
    WIDEBAND,
    TelephoneBand,
    active_speech_level,
    fade_edges,
    resample_factors,
    set_level,
    telephone,
)


@dataclass(frozen=True, eq=False)
class HoldMessage:
    """A stand-alone stretch of speech for the hold program: whole sentences only."""

    text: str  # the sentences it speaks, one a line
    audio: Audio
    source: str  # e.g. "breast-calcifications--02-what-are-breast-calcifications"; merged sections are joined with "+"
    part: int = 1
    parts: int = 1

    @property
    def name(self) -> str:
        return self.source if self.parts == 1 else f"{self.source}-part-{self.part}"


@dataclass(frozen=True)
class Placement:
    """Where a message sits in the hold program (milliseconds)."""

    start_ms: int
    end_ms: int
    message: HoldMessage


# --- messages -------------------------------------------------------------------------------------


def _join(pieces: Sequence[Audio], gap_ms: int) -> Audio:
    """Concatenate audio with silence between pieces."""
    rate = pieces[0].rate
    if any(p.rate != rate for p in pieces):
        raise ValueError("all sentence audio must share one sample rate")
    gap = np.zeros(round(rate * gap_ms / 1000), dtype=np.float32)
    parts: list[np.ndarray] = []
    for i, piece in enumerate(pieces):
        if i:
            parts.append(gap)
        parts.append(piece.samples.astype(np.float32))
    return Audio(np.concatenate(parts), rate)


def _best_cuts(durations: Sequence[float], gap_s: float, min_s: float, max_s: float) -> list[int]:
    """Sentence indices where messages start, chosen so every message is near the middle of [min, max]."""
    n = len(durations)
    ends = np.concatenate([[0.0], np.cumsum(durations)])
    ideal = (min_s + max_s) / 2
    best = [0.0] + [np.inf] * n
    back = [0] * (n + 1)
    for j in range(1, n + 1):
        for i in range(j - 1, -1, -1):
            length = ends[j] - ends[i] + gap_s * (j - i - 1)
            if length > max_s and j - i > 1:
                break  # longer still as i falls; a lone over-long sentence stays whole
            cost = (length - ideal) ** 2
            if length < min_s and not (i == 0 and j == n):
                cost += 1e6 * (min_s - length)  # short only when the whole section is short
            if best[i] + cost < best[j]:
                best[j], back[j] = best[i] + cost, i
    cuts, j = [], n
    while j > 0:
        cuts.append(back[j])
        j = back[j]
    return sorted(cuts)


def split_messages(
    sentences: Sequence[tuple[str, Audio]],
    source: str,
    min_s: float = 15.0,
    max_s: float = 45.0,
    gap_ms: int = 400,
) -> list[HoldMessage]:
    """Cut a section's sentences into messages of min_s..max_s seconds, only ever between sentences."""
    if not sentences:
        return []
    durations = [audio.duration_s for _, audio in sentences]
    cuts = _best_cuts(durations, gap_ms / 1000, min_s, max_s) + [len(sentences)]
    groups = [sentences[a:b] for a, b in zip(cuts, cuts[1:])]
    return [
        HoldMessage(
            text="\n".join(text for text, _ in group),
            audio=_join([audio for _, audio in group], gap_ms),
            source=source,
            part=k,
            parts=len(groups),
        )
        for k, group in enumerate(groups, start=1)
    ]


def merge_short(messages: Sequence[HoldMessage], min_s: float, max_s: float, gap_ms: int = 400) -> list[HoldMessage]:
    """Join a message shorter than min_s to its neighbour (the next, else the previous) when both fit max_s."""
    out = list(messages)
    gap_s = gap_ms / 1000
    i = 0
    while i < len(out):
        if out[i].audio.duration_s >= min_s or len(out) == 1:
            i += 1
            continue
        for j in (i + 1, i - 1):
            if 0 <= j < len(out) and out[i].audio.duration_s + gap_s + out[j].audio.duration_s <= max_s:
                first, second = sorted((i, j))
                a, b = out[first], out[second]
                source = a.source if a.source == b.source else f"{a.name}+{b.name}"
                merged = HoldMessage(f"{a.text}\n{b.text}", _join([a.audio, b.audio], gap_ms), source)
                out[first:second + 1] = [merged]
                i = first
                break
        else:
            i += 1
    return out


def plan_messages(
    sections: Sequence[tuple[str, Sequence[tuple[str, Audio]]]], config: HoldlineSettings = HoldlineSettings()
) -> list[HoldMessage]:
    """All chosen sections' messages in order: long sections split, short ones merged with a neighbour."""
    messages = [
        message
        for source, sentences in sections
        for message in split_messages(
            sentences, source, config.message_min_seconds, config.message_max_seconds, config.sentence_gap_ms
        )
    ]
    return merge_short(messages, config.message_min_seconds, config.message_max_seconds, config.sentence_gap_ms)


# --- the program ----------------------------------------------------------------------------------


def _running_order(
    greeting: HoldMessage, messages: Sequence[HoldMessage], budget_s: float, gap_s: float
) -> list[HoldMessage]:
    """Greeting, then messages in order that fit the budget; greeting and messages again while room remains."""
    order = [greeting]
    used = greeting.audio.duration_s + gap_s
    while True:
        added = 0
        for message in messages:
            cost = message.audio.duration_s + gap_s
            if used + cost <= budget_s or len(order) == 1:
                order.append(message)
                used += cost
                added += 1
        again = greeting.audio.duration_s + gap_s + min((m.audio.duration_s + gap_s for m in messages), default=0)
        if added < len(messages) or not messages or used + again > budget_s:
            return order
        order.append(greeting)
        used += greeting.audio.duration_s + gap_s


def loop_grid(rate: int) -> int:
    """Program lengths are whole multiples of this many samples, so every telephone rate gets an exact loop."""
    downs = [resample_factors(rate, band.rate)[1] for band in (NARROWBAND, WIDEBAND)]
    return int(np.lcm.reduce(downs))


def _speech_envelope(length: int, placements: Sequence[tuple[int, int]], rate: int, ramp_ms: int) -> np.ndarray:
    """0 in the gaps, 1 under speech, ramping ahead of and after it; circular so the loop point matches."""
    mask = np.zeros(length)
    for start, end in placements:
        mask[start:end] = 1.0
    ramp = max(1, int(rate * ramp_ms / 1000))
    held = ndimage.maximum_filter1d(mask, size=2 * ramp + 1, mode="wrap")
    return ndimage.uniform_filter1d(held, size=ramp, mode="wrap")


def _crossfade(a: np.ndarray, b: np.ndarray, n: int) -> np.ndarray:
    """Equal-power crossfade of a's last n samples into b's first n."""
    t = (np.arange(n) + 0.5) / n
    fade_in, fade_out = np.sin(0.5 * np.pi * t), np.cos(0.5 * np.pi * t)
    return np.concatenate([a[:-n], a[-n:] * fade_out + b[:n] * fade_in, b[n:]])


def _loop_music(music: np.ndarray, length: int, xfade: int) -> np.ndarray:
    """Music repeated to `length`, every join crossfaded, its tail folded onto its head so it loops."""
    track = music
    while len(track) < length + xfade:
        track = _crossfade(track, music, xfade)
    t = (np.arange(xfade) + 0.5) / xfade
    head = track[:xfade] * np.sin(0.5 * np.pi * t) + track[length:length + xfade] * np.cos(0.5 * np.pi * t)
    return np.concatenate([head, track[xfade:length]])


def load_music(path: Path, rate: int) -> Audio:
    """Decode the user's music bed to mono float at the program's rate."""
    if not Path(path).is_file():
        raise InputError(path, "music bed not found; set holdline.music to an audio file or remove it")
    try:
        samples = decode(Path(path), rate).samples
    except AudioToolError as error:
        raise InputError(path, f"ffmpeg cannot decode this music bed ({error}); use a WAV, MP3 or FLAC file") from error
    if len(samples) < 2 * rate:
        raise InputError(path, "music bed is shorter than 2 seconds; use a longer piece so its repeats do not stutter")
    return Audio(samples, rate)


def assemble_program(
    greeting: HoldMessage, messages: Sequence[HoldMessage], config: HoldlineSettings = HoldlineSettings()
) -> tuple[Audio, list[Placement]]:
    """The looping hold program: greeting, messages, gaps (or a ducked music bed), the loop point mid-gap."""
    rate = greeting.audio.rate
    if any(m.audio.rate != rate for m in messages):
        raise ValueError("greeting and messages must share one sample rate")
    gap_s = config.gap_seconds
    order = _running_order(greeting, messages, config.program_seconds, gap_s)
    leveled = {id(m): set_level(m.audio, config.target_dbov) for m in {id(m): m for m in order}.values()}
    speech_s = sum(m.audio.duration_s for m in order)
    spare = max(0.0, config.program_seconds - speech_s - gap_s * len(order))
    gap = round(rate * (gap_s + min(spare / len(order), gap_s)))  # stretch gaps at most to double
    grid = loop_grid(rate)
    length = gap * len(order) + sum(len(m.audio.samples) for m in order)
    length = -(-length // grid) * grid
    samples = np.zeros(length, dtype=np.float32)
    placements, spans = [], []
    at = gap // 2  # half a gap before the greeting, the rest after the last message: the seam is mid-gap
    for message in order:
        audio = leveled[id(message)].samples
        samples[at:at + len(audio)] = audio
        spans.append((at, at + len(audio)))
        placements.append(Placement(round(at * 1000 / rate), round((at + len(audio)) * 1000 / rate), message))
        at += len(audio) + gap
    if config.music_bed is not None:
        samples = samples + _music_track(config, rate, length, spans)
    return Audio(samples.astype(np.float32), rate), placements


def _music_track(config: HoldlineSettings, rate: int, length: int, spans: Sequence[tuple[int, int]]) -> np.ndarray:
    """The music bed at its level, looped seamlessly and ducked (or silenced) under speech."""
    music = load_music(config.music_bed, rate)
    level = active_speech_level(music)
    gain = 10 ** ((config.target_dbov + config.music_level_db - level) / 20)
    looped = _loop_music(music.samples.astype(np.float64), length, min(rate, len(music.samples) // 4))
    under_speech = 10 ** (config.duck_db / 20) if config.music_throughout else 0.0
    envelope = 1.0 - _speech_envelope(length, spans, rate, config.duck_ramp_ms) * (1.0 - under_speech)
    return (looped * gain * envelope).astype(np.float32)


def build_program(
    greeting: Sequence[tuple[str, Audio]],
    sections: Sequence[tuple[str, Sequence[tuple[str, Audio]]]],
    config: HoldlineSettings = HoldlineSettings(),
) -> tuple[Audio, list[Placement]]:
    """From per-sentence audio (greeting and each section's) to the looping program, keeping the chosen sections."""
    chosen = [(slug, sentences) for slug, sentences in sections if not config.sections or slug in config.sections]
    speech = _join([audio for _, audio in greeting], config.sentence_gap_ms)
    hello = HoldMessage("\n".join(text for text, _ in greeting), speech, "greeting")
    return assemble_program(hello, plan_messages(chosen, config), config)


def program_cues(placements: Sequence[Placement]) -> tuple[Cue, ...]:
    """The program's messages as cues: the points where it may be split, and what each part says."""
    return tuple(Cue(p.start_ms, p.end_ms, p.message.text) for p in placements)


def program_text(placements: Sequence[Placement]) -> str:
    """Everything the program speaks, in order, one sentence a line."""
    return "\n".join(p.message.text for p in placements)


# --- renditions -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rendition:
    """One file a target system takes: where it goes, at which rate, and how ffmpeg encodes and stores it."""

    target: str
    path: str  # relative to holdline/, "{}" standing for the file stem
    band: TelephoneBand
    format: str  # as the manifest names the container
    codec: str  # as ffmpeg names the codec when it decodes the file
    encoder: str
    muxer: str


RENDITIONS: tuple[_Rendition, ...] = (
    _Rendition("asterisk", "asterisk/{}.ulaw", NARROWBAND, "raw", "pcm_mulaw", "pcm_mulaw", "mulaw"),
    _Rendition("asterisk", "asterisk/{}.alaw", NARROWBAND, "raw", "pcm_alaw", "pcm_alaw", "alaw"),
    _Rendition("asterisk", "asterisk/{}.sln", NARROWBAND, "raw", "pcm_s16le", "pcm_s16le", "s16le"),
    _Rendition("asterisk", "asterisk/{}.sln16", WIDEBAND, "raw", "pcm_s16le", "pcm_s16le", "s16le"),
    _Rendition("asterisk", "asterisk/{}.wav", NARROWBAND, "wav", "pcm_s16le", "pcm_s16le", "wav"),
    _Rendition("asterisk", "asterisk/{}.g722", WIDEBAND, "raw", "adpcm_g722", "g722", "g722"),
    _Rendition("cisco", "cisco/{}.wav", NARROWBAND, "wav", "pcm_s16le", "pcm_s16le", "wav"),
    _Rendition("cisco", "cisco/{}-mulaw.wav", NARROWBAND, "wav", "pcm_mulaw", "pcm_mulaw", "wav"),
    _Rendition("cisco", "cisco/{}-alaw.wav", NARROWBAND, "wav", "pcm_alaw", "pcm_alaw", "wav"),
    _Rendition("twilio", "twilio/{}.mp3", WIDEBAND, "mp3", "mp3", "libmp3lame", "mp3"),
    _Rendition("freeswitch", "freeswitch/8000/{}.wav", NARROWBAND, "wav", "pcm_s16le", "pcm_s16le", "wav"),
    _Rendition("freeswitch", "freeswitch/16000/{}.wav", WIDEBAND, "wav", "pcm_s16le", "pcm_s16le", "wav"),
)
CONNECT = _Rendition("amazon-connect", "amazon-connect/{}.wav", NARROWBAND, "wav", "pcm_mulaw", "pcm_mulaw", "wav")


def file_name(name: str) -> str:
    """A file stem without spaces or characters phone systems choke on."""
    stem = re.sub(r"[^a-z0-9._+-]+", "-", name.lower()).strip("-.")
    if not stem:
        raise ValueError(f"cannot make a file name from {name!r}")
    return stem


@lru_cache(maxsize=None)
def _has_encoder(codec: str) -> bool:
    """Whether the bundled ffmpeg can encode `codec` (G.722 is optional)."""
    listing = run(["-encoders"]).stdout.decode(errors="replace")
    return any(line.split()[1:2] == [codec] for line in listing.splitlines() if line.startswith(" "))


# Plain PCM and G.711 files are written in-process by libsndfile (no ffmpeg run, no pipe): as the muxer and
# encoder ffmpeg would use -> (libsndfile format, subtype).
_SOUNDFILE = {
    ("mulaw", "pcm_mulaw"): ("RAW", "ULAW"),
    ("alaw", "pcm_alaw"): ("RAW", "ALAW"),
    ("s16le", "pcm_s16le"): ("RAW", "PCM_16"),
    ("wav", "pcm_s16le"): ("WAV", "PCM_16"),
    ("wav", "pcm_mulaw"): ("WAV", "ULAW"),
    ("wav", "pcm_alaw"): ("WAV", "ALAW"),
}


def _encode_all(audio: Audio, outputs: Sequence[tuple[_Rendition, Path]], bitrate_kbps: int) -> list[int]:
    """Encode one piece of 16-bit PCM into several renditions: PCM and G.711 with libsndfile, the rest (G.722,
    MP3) with ffmpeg, one run each, side by side; each file appears whole, by rename, only after it was written.
    Returns the sizes."""
    pcm = to_pcm16(audio)  # the telephone chain keeps peaks 3 dB under full scale
    source = ["-y", "-f", "s16le", "-ar", str(audio.rate), "-ac", "1", "-i", "pipe:0"]
    encodes: list[list[str]] = []
    temporary = []
    for rendition, path in outputs:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        temporary.append(tmp)
        native = _SOUNDFILE.get((rendition.muxer, rendition.encoder))
        if native:
            soundfile.write(tmp, np.frombuffer(pcm, dtype="<i2"), audio.rate, format=native[0], subtype=native[1],
                            endian="LITTLE")
            continue
        # LAME quality 7, as for the episodes: twice as fast, and inaudible at telephone bandwidth
        bitrate = ("-b:a", f"{bitrate_kbps}k", "-compression_level", "7") if rendition.format == "mp3" else ()
        encodes.append([*source, "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:a", "+bitexact",
                        "-c:a", rendition.encoder, *bitrate, "-f", rendition.muxer, str(tmp)])
    map_in_order(lambda args: run(args, pcm), encodes, 2)  # G.722 and MP3 encode side by side
    for tmp, (_, path) in zip(temporary, outputs):
        os.replace(tmp, path)
    return [path.stat().st_size for _, path in outputs]


QUIET_FRAME_MS = 20  # the stretch whose energy decides where a sentence too long for a part is cut


def _quiet_point(audio: Audio, lo_ms: float, hi_ms: float) -> int:
    """The middle of the quietest 20 ms between lo_ms and hi_ms (the latest, on a tie): a pause between words."""
    frame = max(1, audio.rate * QUIET_FRAME_MS // 1000)
    lo, hi = int(lo_ms * audio.rate / 1000), int(hi_ms * audio.rate / 1000)
    count = max(1, (hi - lo) // frame)
    span = audio.samples[lo:lo + count * frame].astype(np.float64)
    energy = np.square(span).reshape(count, frame).mean(axis=1)
    best = count - 1 - int(np.argmin(energy[::-1]))
    return (lo + best * frame + frame // 2) * 1000 // audio.rate


def _cut_points(cues: Sequence[Cue], audio: Audio, max_ms: float) -> list[int]:
    """Millisecond offsets splitting audio into parts under max_ms, each cut mid-silence between cues; where
    one sentence alone is too long, at its quietest moment in the second half of the part (between words)."""
    bounds = [(a.end_ms + b.start_ms) // 2 for a, b in zip(cues, cues[1:]) if b.start_ms >= a.end_ms]
    total_ms = len(audio.samples) * 1000 // audio.rate
    cuts, start = [0], 0
    while total_ms - start >= max_ms:
        fitting = [b for b in bounds if start < b < start + max_ms]
        start = fitting[-1] if fitting else _quiet_point(audio, start + max_ms / 2, start + max_ms - QUIET_FRAME_MS)
        cuts.append(start)
    return cuts + [total_ms]


def _words_between(cue: Cue, a: int, b: int) -> str:
    """What a cue says between a and b ms: all of it, or for a sentence cut in two, its words in proportion
    to the time (an estimate: the manifest's text of such a part)."""
    if a <= cue.start_ms and cue.end_ms <= b:
        return cue.text
    words, span = cue.text.split(), max(1, cue.end_ms - cue.start_ms)
    first = round(len(words) * max(0, a - cue.start_ms) / span)
    last = round(len(words) * min(span, b - cue.start_ms) / span)
    return " ".join(words[first:last])


def _connect_parts(
    name: str, narrow: Audio, text: str, cues: Sequence[Cue], config: HoldlineSettings
) -> list[tuple[str, Audio, str]]:
    """Amazon Connect's parts: each under 5 minutes and 50 MB, cut between sentences (or, for a sentence longer
    than a part, between words)."""
    max_s = min(config.connect_max_seconds, (CONNECT_MAX_BYTES - 4096) / narrow.rate)  # mu-law: 1 byte a sample
    if narrow.duration_s < max_s:
        return [(name, narrow, text)]
    ordered = sorted(cues, key=lambda c: c.start_ms)
    cuts = _cut_points(ordered, narrow, max_s * 1000)
    parts = []
    for k, (a, b) in enumerate(zip(cuts, cuts[1:]), start=1):
        inside = [words for c in ordered if c.start_ms < b and a < c.end_ms and (words := _words_between(c, a, b))]
        span = narrow.samples[a * narrow.rate // 1000 : b * narrow.rate // 1000]
        parts.append((f"{name}-part-{k}", fade_edges(Audio(span, narrow.rate)), "\n".join(inside)))
    return parts


def write_renditions(
    name: str,
    audio: Audio,
    text: str,
    out_dir: Path,
    config: HoldlineSettings = HoldlineSettings(),
    cues: Sequence[Cue] = (),
    loop: bool = False,
) -> list[ManifestEntry]:
    """Write every phone system's files for one piece of audio under out_dir/holdline/; cues allow Connect parts."""
    stem = file_name(name)
    root = Path(out_dir) / HOLDLINE_DIR
    bands = (NARROWBAND, WIDEBAND)
    # both bands at once: numpy, scipy and ffmpeg release the GIL
    versions = dict(zip((b.rate for b in bands), map_in_order(
        lambda b: telephone(audio, b, config.target_dbov, loop=loop), bands, 2)))
    usable = [r for r in RENDITIONS if _has_encoder(r.encoder)]  # G.722 only if this ffmpeg has it
    jobs = [(r, stem, versions[r.band.rate], text) for r in usable]
    # Connect's parts are worked out before anything is written, so a refusal leaves no half-written output.
    jobs += [(CONNECT, *part) for part in _connect_parts(stem, versions[NARROWBAND.rate], text, cues, config)]
    groups: dict[int, list[tuple[_Rendition, str, Audio, str]]] = {}
    for job in jobs:  # renditions of the same audio are encoded together, from one 16-bit conversion
        groups.setdefault(id(job[2]), []).append(job)
    sizes: dict[str, int] = {}

    def encode(group: list[tuple[_Rendition, str, Audio, str]]) -> None:
        outputs = [(rendition, root / rendition.path.format(part_name)) for rendition, part_name, _, _ in group]
        for (rendition, part_name, _, _), size in zip(group, _encode_all(group[0][2], outputs, config.mp3_bitrate_kbps)):
            sizes[rendition.path.format(part_name)] = size

    map_in_order(encode, list(groups.values()), 2)
    entries = []
    for rendition, part_name, part_audio, part_text in jobs:
        relative = rendition.path.format(part_name)
        entries.append(
            ManifestEntry(
                file=relative,
                target=rendition.target,
                format=rendition.format,
                codec=rendition.codec,
                sample_rate=part_audio.rate,
                channels=1,
                duration_s=round(part_audio.duration_s, 3),
                bytes=sizes[relative],
                text=part_text,
                source=name,
            )
        )
    return entries


__all__ = ["HoldlineSettings", "HoldMessage", "ManifestEntry", "Placement", "assemble_program", "build_program",
           "load_music", "loop_grid", "merge_short", "plan_messages", "program_cues",
           "program_text", "split_messages", "write_manifest", "write_renditions"]
