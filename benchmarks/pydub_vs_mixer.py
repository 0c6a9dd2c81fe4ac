#!/usr/bin/env python3
"""pydub against the project's streaming mixer: stitching the sample's episodes from their sentence clips.

Both sides start from the same files, the sample's clips as the build prepares them (16-bit WAV at the
episode rate, levelled, in the clip cache), and make every episode of the sample (each section and the full
article): pauses, the audio signature, the sentences end to end with short fades, one MP3 per episode at the
configured bitrate. Each side runs in a fresh process, which measures the wall time of the stitching and its
own peak resident memory (imports included; what they take is shown apart; the ffmpeg encoder both sides
run is not counted). Rounds are interleaved and the fastest of each side counts. A second, longer episode
(the full article's parts said --long times over) shows how each side grows with length.

- pydub: AudioSegment.from_wav per clip, fade_in/fade_out, `+=`, AudioSegment.silent, export(format="mp3")
  through imageio-ffmpeg's ffmpeg (pydub's from_file on anything but WAV needs ffprobe, which no PyPI
  package ships).
- mixer, whole episodes: narration.audio.mix.render over each episode's parts (it also meters the loudness
  and corrects it, and records each sentence's cue) streamed into publish/episodes.py's encoder.
- mixer as the build does it: each segment (opening, section bodies, closing) rendered and encoded once,
  episodes joined frame by frame and tagged; a section's body serves its own episode and the full one.

    python benchmarks/pydub_vs_mixer.py [--cache DIR] [--repeat 3] [--long 4]

Without --cache, the sample is first built with the bundled voice into a temporary folder (about half a
minute) to fill a clip cache. Needs pydub (`pip install -e ".[bench]"`); not a test.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIDES = ("pydub", "mixer", "mixer-segments")
FADE_MS = 8  # the mixer's own fade (narration.audio.mix.FADE_MS)


@dataclass(frozen=True)
class Run:
    seconds: float  # the stitching alone, timed inside the child
    peak_mb: float  # the child's peak resident memory, imports included (not its ffmpeg processes)
    base_mb: float  # its resident memory after the imports, before stitching
    audio_s: float  # seconds of audio in the MP3s it wrote (decoded)


def status_mb(field: str) -> float:
    """A memory figure of this process from /proc (VmRSS now, VmHWM its peak since exec).

    Not getrusage or wait4: Linux starts a spawned process's ru_maxrss at its parent's peak (exec records the
    old address space's high-water mark), so a child of a large process would inherit that process's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"/proc/self/status has no {field}")


def fill_cache(work: Path) -> Path:
    """Build the sample with the project's config and scripts so the clip cache holds every prepared clip."""
    cache = work / "cache"
    shutil.copytree(ROOT / "scripts", work / "scripts")
    subprocess.run([sys.executable, str(ROOT / "build_audio.py"), "build", "-q", "--no-holdline",
                    "--config", str(ROOT / "narration.toml"), "--scripts", str(work / "scripts"),
                    "--cache", str(cache), "--output", str(work / "output")], cwd=ROOT, check=True)
    return cache


def write_manifests(cache: Path, work: Path, repeat_full: int) -> tuple[Path, Path]:
    """Every episode of the sample as segments of parts, each sentence pointing at its prepared clip; and one
    long episode, the full article's parts said `repeat_full` times over (how each side grows with length)."""
    import numpy as np

    from narration.audio.loudness import integrated_lufs
    from narration.audio.mix import ENCODER_LOSS_LU, signature
    from narration.build.pipeline import BuildOptions, plan_episodes, prepare_scripts, project_lexicon, voice_settings
    from narration.cache import keys
    from narration.cache.clips import ClipCache
    from narration.config import load_config
    from narration.models import Audio
    from narration.speech import make_engine

    config = load_config(ROOT / "narration.toml")
    audio = config.audio
    prepared, _ = prepare_scripts(config, BuildOptions(scripts_dir=work / "scripts", cache_dir=cache), write=False)
    plans = plan_episodes(config, prepared, project_lexicon(config))
    fingerprint = make_engine(voice_settings(config)).fingerprint()
    ready = ClipCache(cache / "prepared")

    def clip(text: str) -> dict[str, str]:
        key = keys.prepared_key(keys.clip_key(text, fingerprint), audio.sample_rate, audio.loudness_lufs,
                                audio.true_peak_dbtp)
        if ready.get(key) is None:
            sys.exit(f"{ready.path(key)}: prepared clip missing; build the sample with this cache first")
        return {"key": key, "path": str(ready.path(key))}

    chime = signature(audio.sample_rate)  # levelled as render() levels it, so both sides play the same chime
    gain = 10 ** ((audio.loudness_lufs + ENCODER_LOSS_LU - integrated_lufs(chime)) / 20)
    ClipCache(work / "chime").put("chime", Audio((chime.samples * gain).astype(np.float32), chime.rate))
    episodes = [{"name": plan.info.slug, "title": plan.info.title,
                 "segments": [[{"kind": p.kind, "ms": p.ms, "section": p.section, "text": p.text,
                                **(clip(p.text) if p.text else {})} for p in segment] for segment in plan.segments]}
                for plan in plans]
    full = next(e for e in episodes if e["name"].endswith("--00-full"))
    long = {**full, "name": f"full-x{repeat_full}", "segments": full["segments"] * repeat_full}
    common = {"rate": audio.sample_rate, "bitrate": audio.bitrate, "lufs": audio.loudness_lufs,
              "true_peak": audio.true_peak_dbtp, "chime": str(ClipCache(work / "chime").path("chime")), "cache": str(cache)}
    paths = work / "sample.json", work / "long.json"
    for path, chosen in zip(paths, (episodes, [long])):
        path.write_text(json.dumps({**common, "episodes": chosen}), encoding="utf-8")
    return paths


def stitch_pydub(manifest: dict, out: Path) -> None:  # type: ignore[type-arg]
    """The pydub way, as its documentation shows it."""
    import imageio_ffmpeg
    from pydub import AudioSegment

    AudioSegment.converter = imageio_ffmpeg.get_ffmpeg_exe()
    rate = manifest["rate"]
    chime = AudioSegment.from_wav(manifest["chime"])
    for episode in manifest["episodes"]:
        mixed = AudioSegment.empty()
        for part in (p for segment in episode["segments"] for p in segment):
            if part["kind"] == "pause":
                mixed += AudioSegment.silent(duration=part["ms"], frame_rate=rate)
            elif part["kind"] == "signature":
                mixed += chime
            else:
                mixed += AudioSegment.from_wav(part["path"]).fade_in(FADE_MS).fade_out(FADE_MS)
        mixed.export(out / f"{episode['name']}.mp3", format="mp3", bitrate=manifest["bitrate"],
                     parameters=["-compression_level", "7"], tags={"title": episode["title"]})


def _parts(segment: list[dict]):  # type: ignore[no-untyped-def, type-arg]
    from narration.plan import Part

    return tuple(Part(p["kind"], p["text"], p["ms"], p["section"]) for p in segment)


def _mixer(manifest: dict, out: Path):  # type: ignore[no-untyped-def, type-arg]
    """The project's mixdown of some parts into the project's encoder, through the segment cache."""
    from narration.audio.mix import render
    from narration.cache.clips import ClipCache
    from narration.publish.episodes import SegmentCache

    ready = ClipCache(Path(manifest["cache"]) / "prepared")
    keys = {p["text"]: p["key"] for episode in manifest["episodes"] for segment in episode["segments"]
            for p in segment if p["text"]}
    segments = SegmentCache(out)

    def make(key: str, parts):  # type: ignore[no-untyped-def]
        def mixdown():  # type: ignore[no-untyped-def]
            return render(parts, lambda text: ready.get(keys[text]), manifest["rate"], manifest["lufs"],
                          manifest["true_peak"])
        return segments.make(key, mixdown, manifest["bitrate"], manifest["rate"])

    return make


def stitch_mixer(manifest: dict, out: Path) -> None:  # type: ignore[type-arg]
    """Each episode rendered whole and encoded once (like for like with pydub)."""
    make = _mixer(manifest, out)
    for episode in manifest["episodes"]:
        encoded = make(episode["name"], _parts([p for segment in episode["segments"] for p in segment]))
        encoded.mp3.rename(out / f"{episode['name']}.mp3")


def stitch_mixer_segments(manifest: dict, out: Path) -> None:  # type: ignore[type-arg]
    """As the build does it: segments encoded once each, episodes joined from them frame by frame and tagged."""
    from narration.publish.episodes import EpisodeCache, TagInfo

    make = _mixer(manifest, out)
    encoded = {}
    episodes = EpisodeCache(out)
    for episode in manifest["episodes"]:
        names = [json.dumps(segment, sort_keys=True) for segment in episode["segments"]]
        for name, segment in zip(names, episode["segments"]):
            if name not in encoded:
                encoded[name] = make(str(len(encoded)), _parts(segment))
        tags = TagInfo(episode["title"], "", "", 1, 2026, "Podcast", "", None)
        made = episodes.make(episode["name"], [encoded[name] for name in names], manifest["rate"], tags)
        shutil.copyfile(made.mp3, out / f"{episode['name']}.mp3")


def child(side: str, manifest_path: str, out: str) -> None:
    """One side in this fresh process: imports first (their memory is reported apart), then the timed stitching."""
    if side == "pydub":
        import imageio_ffmpeg  # noqa: F401
        import pydub  # noqa: F401
    else:
        from narration.audio.lazy import import_signal_processing
        import narration.publish.episodes  # noqa: F401

        import_signal_processing()
    manifest = json.loads(Path(manifest_path).read_text(encoding="utf-8"))
    base = status_mb("VmRSS")
    start = time.perf_counter()
    {"pydub": stitch_pydub, "mixer": stitch_mixer, "mixer-segments": stitch_mixer_segments}[side](manifest, Path(out))
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "base_mb": base, "peak_mb": status_mb("VmHWM")}))


def run_side(side: str, manifest: Path, out: Path) -> Run:
    """One side in a fresh process, which reports its own time and memory."""
    out.mkdir(parents=True)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    done = subprocess.run([sys.executable, __file__, "--child", side, str(manifest), str(out)],
                          capture_output=True, env=env, cwd=ROOT, check=False)
    if done.returncode != 0:
        sys.exit(f"{side} failed:\n{done.stderr.decode(errors='replace')[-2000:]}")
    result = json.loads(done.stdout.decode().strip().splitlines()[-1])
    return Run(result["seconds"], result["peak_mb"], result["base_mb"], audio_seconds(out))


def audio_seconds(folder: Path) -> float:
    """Seconds of audio in the episodes a side wrote, decoded with ffmpeg (both sides must make the same)."""
    from narration.audio.ffmpeg import decode

    return sum(len((a := decode(mp3, 44100)).samples) / a.rate for mp3 in folder.glob("*.mp3"))


def measure(manifest: Path, work: Path, repeat: int, sides: tuple[str, ...] = SIDES) -> dict[str, Run]:
    """Interleaved rounds (a slow spell of the shared machine hits every side alike); the fastest of each counts."""
    runs: dict[str, list[Run]] = {side: [] for side in sides}
    for round_ in range(repeat):
        for side in sides:
            runs[side].append(run_side(side, manifest, work / f"{manifest.stem}-{side}-{round_}"))
        print(f"{manifest.stem}, round {round_ + 1}/{repeat}: " +
              ", ".join(f"{side} {runs[side][-1].seconds:.2f} s" for side in sides), flush=True)
    return {side: min(found, key=lambda run: run.seconds) for side, found in runs.items()}


def report(best: dict[str, Run], what: str) -> None:
    mixer = best["mixer"]
    print(f"\n{what}; memory is the Python process's peak, imports included")
    print(f"{'':<34}{'time':>9}{'x mixer':>9}{'peak MB':>10}{'x mixer':>9}{'after imports':>15}{'audio':>9}")
    labels = {"pydub": "pydub (AudioSegment, export)", "mixer": "mixer, whole episodes",
              "mixer-segments": "mixer, shared segments (the build)"}
    for side, run in best.items():
        print(f"{labels[side]:<34}{run.seconds:>7.2f} s{run.seconds / mixer.seconds:>8.2f}x{run.peak_mb:>10.0f}"
              f"{run.peak_mb / mixer.peak_mb:>8.2f}x{run.base_mb:>12.0f} MB{run.audio_s / 60:>7.2f} min")
    growth = {side: run.peak_mb - run.base_mb for side, run in best.items()}
    print(f"memory the stitching itself added: pydub {growth['pydub']:.0f} MB, mixer {growth['mixer']:.0f} MB "
          f"({growth['pydub'] / max(growth['mixer'], 1):.1f}x)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="a clip cache that already holds the sample's prepared clips")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved rounds (the fastest of each side counts)")
    parser.add_argument("--long", type=int, default=4, help="the long episode is the full article said this many times")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return 0
    sys.path.insert(0, str(ROOT))
    work = Path(tempfile.mkdtemp(prefix="narration-pydub-"))
    try:
        if args.cache is None:
            print("building the sample once to fill a clip cache ...", flush=True)
        else:
            shutil.copytree(ROOT / "scripts", work / "scripts")
        cache = args.cache or fill_cache(work)
        sample, long = write_manifests(cache.resolve(), work, args.long)
        episodes = len(json.loads(sample.read_text(encoding="utf-8"))["episodes"])
        print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs", flush=True)
        best_sample = measure(sample, work, args.repeat)
        best_long = measure(long, work, 1, ("pydub", "mixer"))
        report(best_sample, f"stitching the sample's {episodes} episodes (fastest of {args.repeat} rounds)")
        report(best_long, f"one episode {args.long} times as long as the full article, its parts repeated (one round)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
