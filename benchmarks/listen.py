#!/usr/bin/env python3
"""Issue 16 benchmark: what `check --listen` costs next to synthesis, and how well it hears (not a test).

In one process, side by side: Piper speaks every distinct sentence of the built sample (the voice loaded
first), then the check hears every one of those clips (recognizer and pitch, no cached results). Both are reported in seconds
per minute of audio; target: listening costs at most half of synthesizing. Then the accuracy on the same
build: word error rate per episode, false alarms on the good clips, and the catch rate when each sentence's
clip in turn is broken in the cache (silence, cut short, another sentence's audio, noise, played too fast or
too slow). Extra articles (e.g. tests/fixtures/corpus/*.md) widen the false-alarm measurement.

    python benchmarks/listen.py [ARTICLE...] [--keep DIR]
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # not `tests.`: an installed package may own that name

from broken_clips import BREAKS  # noqa: E402
from narration.build.pipeline import BuildOptions, build, voice_settings  # noqa: E402
from narration.cache.clips import ClipCache  # noqa: E402
from narration.check import recognizer  # noqa: E402
from narration.check.listen import listen, utterances  # noqa: E402
from narration.check.pitch import median_pitch  # noqa: E402
from narration.config import load_config  # noqa: E402
from narration.speech import make_engine  # noqa: E402

CONFIG = '[show]\ntitle = "Health Library"\nbase_url = "https://podcast.example.org/bench/"\n'


def timed_side_by_side(folder: Path, cache: Path, fingerprint: dict[str, str], engine) -> tuple[float, float, float]:  # type: ignore[no-untyped-def]
    """(audio minutes, synthesis seconds, listening seconds) for the folder's distinct sentences."""
    clips = ClipCache(cache)
    found, _ = utterances(folder, clips, fingerprint)
    engine.synthesize("Warm up.")  # the voice's loading is not speech
    recognizer.hear(clips.get(found[0].clip.stem), found[0].text)  # nor the recognizer's first dictionary read
    started = time.perf_counter()
    for item in found:
        engine.synthesize(item.text)
    synthesis = time.perf_counter() - started
    audio = [clips.get(item.clip.stem) for item in found]
    started = time.perf_counter()
    for item, clip in zip(found, audio):  # what `check --listen` does with a clip it has not heard before
        recognizer.hear(clip, item.text)
        median_pitch(clip)
    listening = time.perf_counter() - started
    return sum(a.duration_s for a in audio) / 60, synthesis, listening


def catch_rate(folder: Path, cache: Path, scripts: Path, fingerprint: dict[str, str], config) -> dict[str, tuple[int, int]]:  # type: ignore[no-untyped-def]
    """For each kind of break: (clips found, clips broken), breaking one sentence's clip at a time."""
    clips = ClipCache(cache)
    found, _ = utterances(folder, clips, fingerprint)
    caught: dict[str, tuple[int, int]] = {}
    for kind, breaking in BREAKS.items():
        hits = 0
        for index, item in enumerate(found):
            original = clips.get(item.clip.stem)
            other = clips.get(found[(index + len(found) // 2) % len(found)].clip.stem)
            clips.put(item.clip.stem, breaking(original, other))
            report = listen(folder, cache, scripts, fingerprint, config.audio)
            flagged = {h.utterance.text for h in report.findings}
            hits += item.text in flagged
            if item.text not in flagged:
                print(f"  missed {kind}: {item.text[:70]!r}")
            clips.put(item.clip.stem, original)
        caught[kind] = (hits, len(found))
    return caught


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="*", type=Path, help="more articles for the false-alarm measurement")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="listen-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    (work / "narration.toml").write_text(CONFIG, encoding="utf-8")
    config = load_config(work / "narration.toml")
    engine = make_engine(voice_settings(config))
    fingerprint = engine.fingerprint()
    try:
        for name, articles in (("sample", ()), *((a.stem, (a,)) for a in args.articles)):
            out, cache, scripts = work / f"out-{name}", work / "cache", work / "scripts"
            build(config, BuildOptions(articles=articles, output=out, scripts_dir=scripts, cache_dir=cache, holdline=False))
            if name == "sample":
                minutes, synthesis, listening = timed_side_by_side(out, cache, fingerprint, engine)
                print(f"sample: {minutes:.2f} min of audio; synthesis {synthesis / minutes:.2f} s per minute, "
                      f"listening {listening / minutes:.2f} s per minute: listening = {listening / synthesis:.2f}x "
                      f"synthesis (target 0.5x)")
            report = listen(out, cache, scripts, fingerprint, config.audio)
            for slug, rate in report.wer_by_episode().items():
                print(f"  WER {rate:6.1%}  {slug}")
            print(f"{name}: {len(report.findings)} false alarms in {len(report.heard)} good clips "
                  f"({len(report.findings) / max(len(report.heard), 1):.1%}, target under 2 %)")
            for item in report.findings:
                print(f"  {item.where}: {[f.kind + ': ' + f.detail for f in item.faults]}")
            if name == "sample":
                for kind, (hits, total) in catch_rate(out, cache, scripts, fingerprint, config).items():
                    print(f"  caught {hits}/{total} {kind} ({hits / total:.0%}, target 100 %)")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
