"""The findings of `check --listen` for people: one line each on the terminal (`path:line: listen: ...`, like
the scripts' review list) and a LISTEN.md beside each article's scripts that an editor opens, with a link
that plays the moment of the episode."""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from typing import TYPE_CHECKING

from narration.atomic import write_text_atomic
from narration.config import Config
from narration.errors import InputError, NarrationError
from narration.publish import layout

if TYPE_CHECKING:
    from narration.check.listen import Heard, ListenReport

LISTEN_FILE = "LISTEN.md"
LISTEN_MODULES = ("pocketsphinx", "jiwer", "num2words", "parselmouth")  # the [listen] extra  # beside REVIEW.md: not a script (script files are NN-name.txt)


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def terminal_lines(report: ListenReport) -> list[str]:
    """One line per finding, then clips not in the cache."""
    lines = [f"{item.where}: listen: {', '.join(f.kind for f in item.faults)}: {'; '.join(f.detail for f in item.faults)}"
             f" (expected “{item.utterance.text}”, heard “{item.heard}”; {item.utterance.episode} at "
             f"{_clock(item.utterance.start_s)})" for item in report.findings]
    lines += [f"{m.episode}: listen: clip not in the cache for “{m.text}”: build with the same voice and cache "
              f"first (or pass --cache)" for m in report.missing]
    return lines


def _play_link(item: Heard, folder: Path, report_dir: Path) -> str:
    """A link to the episode MP3 that plays this sentence (a media fragment), and to the cached clip."""
    mp3 = os.path.relpath(folder / layout.episode_mp3(item.utterance.episode), report_dir)
    clip = os.path.relpath(item.utterance.clip, report_dir)
    start, end = item.utterance.start_s, item.utterance.end_s
    return f"[play {_clock(start)}]({mp3}#t={start:.2f},{end:.2f}) · [clip]({clip})"


def _markdown(article: str, items: list[Heard], report: ListenReport, folder: Path, report_dir: Path) -> str:
    wer = report.wer_by_episode()
    episodes = sorted({h.utterance.episode for h in items})
    findings = [h for h in items if h.faults]
    lines = [f"# Listening check: {article}", "",
             f"{len(items)} sentence clips heard back by the speech recognizer; {len(findings)} to listen to. "
             "Written by `build_audio.py check --listen`; the recognizer slips on single words, so only runs of "
             "words, a changed number, silence, a wrong pace or mostly wrong words are listed.", "",
             "| episode | word error rate |", "|---|---:|"]
    lines += [f"| {slug} | {wer.get(slug, 0.0):.1%} |" for slug in episodes]
    lines += ["", "## To listen to", ""] if findings else ["", "Nothing to listen to: every clip sounded like its sentence."]
    for item in findings:
        lines += [f"### {item.where}", "",
                  f"- **{', '.join(f.kind for f in item.faults)}**: {'; '.join(f.detail for f in item.faults)}",
                  f"- expected: “{item.utterance.text}”", f"- heard: “{item.heard}”",
                  f"- {_play_link(item, folder, report_dir)} ({item.utterance.episode})", ""]
    return "\n".join(lines).rstrip() + "\n"


def write_reports(report: ListenReport, folder: Path, scripts_dir: Path) -> list[Path]:
    """scripts/<article>/LISTEN.md for every article of the folder; the files written."""
    by_article: dict[str, list[Heard]] = {}
    for item in report.heard:
        by_article.setdefault(item.utterance.episode.split("--")[0], []).append(item)
    written = []
    for article, items in sorted(by_article.items()):
        report_dir = (scripts_dir / article).resolve()
        path = report_dir / LISTEN_FILE
        write_text_atomic(path, _markdown(article, items, report, folder.resolve(), report_dir))
        written.append(path)
    return written


def listen_and_report(folder: Path, config: Config, cache_dir: Path, scripts_dir: Path, quiet: bool = False) -> int:
    """`check --listen`: hear the folder's clips, print and write the findings; the exit status that
    `[check] recognizer` asks for (findings fail only with "fail")."""
    if config.check.recognizer == "off":
        print(f"{config.source}: [check] recognizer is \"off\"; not listening")
        return 0
    missing = [name for name in LISTEN_MODULES if importlib.util.find_spec(name) is None]
    if missing:
        raise NarrationError(f'check --listen needs {", ".join(missing)}: pip install -e ".[listen]"')
    from narration.build.pipeline import voice_settings
    from narration.build.progress import ProgressDisplay
    from narration.check.listen import listen
    from narration.speech import make_engine

    fingerprint = make_engine(voice_settings(config, "en")).fingerprint()  # the only language it hears
    with ProgressDisplay(enabled=not quiet) as progress:
        report = listen(folder, cache_dir, scripts_dir, fingerprint, config.audio, progress=progress.update)
    for language, count in sorted(report.not_heard.items()):
        print(f"Not heard: {count} episode(s) in '{language}' (the recognizer's model is English only)")
    if not report.heard and not report.missing and not report.not_heard:
        raise InputError(folder, "no episode transcripts to listen to; build first or name the output folder")
    for line in terminal_lines(report):
        print(line)
    written = write_reports(report, folder, scripts_dir)
    problems = len(report.findings) + len(report.missing)
    wer = ", ".join(f"{slug} {rate:.1%}" for slug, rate in report.wer_by_episode().items())
    print(f"Listened to {len(report.heard)} clips ({report.listened} new, the rest heard before)"
          + (f"; word error rate: {wer}" if wer else ""))
    print(f"{problems} clip(s) to listen to ({config.check.recognizer}); the list is in "
          f"{', '.join(str(p) for p in written) or 'no file'}")
    return 1 if problems and config.check.recognizer == "fail" else 0
