"""Command line: parse arguments, call the pipeline, print one line per user error (traceback with -v)."""
from __future__ import annotations

import argparse
import atexit
import difflib
import errno
import logging
import os
import sys
import textwrap
import threading
import typing
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, NoReturn, Sequence
from urllib.parse import urlparse

from narration.config import Config, load_config
from narration.errors import AudioToolError, NarrationError
from narration.publish import layout
from narration.build import scale_options

COMMANDS = ("build", "scripts", "serve", "check", "holdline", "cache", "voices")
log = logging.getLogger("narration")

if TYPE_CHECKING:
    from narration.build.pipeline import BuildReport


def _path(text: str) -> Path:
    """A path argument; an empty one (an unset shell variable) is refused instead of meaning the working folder."""
    if not text.strip():
        raise argparse.ArgumentTypeError("empty path (an unset variable?); name a file or folder")
    return Path(text)


def _article(text: str) -> Path | str:
    """An article argument: a file path, or an http(s) address kept exactly as typed (a Path would fold its '//')."""
    from narration.ingest.fetch import is_url

    return text.strip() if is_url(text.strip()) else _path(text)


class _Parser(argparse.ArgumentParser):
    """Argument mistakes are one line, like every other user error."""

    def error(self, message: str) -> typing.NoReturn:
        self.exit(2, f"error: {message} (see {self.prog} --help)\n")


def _common(parser: argparse.ArgumentParser, command: str) -> None:
    if command not in ("serve", "cache"):
        parser.add_argument("--config", type=_path, help="config file (default: ./narration.toml if present)")
    if command in ("build", "scripts", "holdline", "check"):
        parser.add_argument("--scripts", type=_path, default=Path("scripts"),
                            help="narration scripts folder (default: scripts/)")
    if command in ("build", "holdline", "cache", "check"):
        parser.add_argument("--cache", type=scale_options.cache_location, default=scale_options.DEFAULT_CACHE,
                            help="clip cache folder (default: .cache/narration/); for build also a shared cache "
                                 "URL (s3://bucket/prefix, file:///path)")
    parser.add_argument("-v", "--verbose", action="store_true", help="show details and tracebacks")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress display")


def _article_args(parser: argparse.ArgumentParser, command: str) -> None:
    parser.add_argument("articles", nargs="*", type=_article, metavar="ARTICLE",
                        help="article files (.txt, .md, .html) or web page addresses (https://...); "
                             "default: the built-in sample")
    if command in ("build", "holdline"):
        parser.add_argument("--output", "-o", type=_path, default=Path("output"), help="output folder (default: output/)")
        parser.add_argument("--engine", choices=("piper", "gtts"), help="speech engine (default from config: piper)")
        parser.add_argument("--voice", help="path of a Piper .onnx voice (default: the bundled voice)")
        parser.add_argument("--preset", choices=("standard", "patient", "slow"), help="speaking-rate preset")
    if command == "build":
        parser.add_argument("--base-url", help="public URL the output folder will be served from")
        parser.add_argument("--title", help="show title")
        parser.add_argument("--no-holdline", action="store_true",
                            help="skip the telephone hold-line renditions (the published ones are kept)")
        scale_options.add_arguments(parser)
    parser.add_argument("--regenerate-scripts", action="store_true",
                        help="replace hand-edited scripts with freshly generated ones")


COMMAND_HELP = {
    "build": "Build podcast episodes, feed, transcripts, player, talking book and hold line from articles "
             "(default: the built-in sample).",
    "scripts": "Write the narration scripts without synthesizing, and list what to review in them (also in REVIEW.md).",
    "serve": "Preview a built folder on this computer (loopback only by default).",
    "check": "Validate a built folder: loudness, peaks, tags, feed, artwork, transcripts; --listen also hears every "
             "sentence clip back with a speech recognizer.",
    "holdline": "Build only the telephone hold-line renditions and program.",
    "cache": "Show how big the clip cache is; --prune removes what no current build uses.",
    "voices": "List the Piper voices at hand (bundled, configured, given with --voice, in a voices/ folder beside "
              "the config) with language, quality, sample rate, dataset and licence from their model cards.",
}


def _program() -> str:
    """The name the user typed: `narration` for the installed command, else the entry script."""
    name = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else ""
    return "narration" if name == "narration" else "build_audio.py"


def _epilog() -> str:
    width = max(map(len, COMMANDS))
    lines = [textwrap.fill(text, 100, initial_indent=f"  {name:<{width}}  ", subsequent_indent=" " * (width + 4))
             for name, text in COMMAND_HELP.items()]
    return ("commands (the first argument; without one, build):\n" + "\n".join(lines) +
            f"\n\n'{_program()} COMMAND --help' shows the options of one command.")


def parser_for(command: str) -> argparse.ArgumentParser:
    """The argument parser of one command, with only the options that do something there."""
    prog = _program() if command == "build" else f"{_program()} {command}"
    parser = _Parser(prog=prog, description=textwrap.fill(COMMAND_HELP[command], 100), epilog=_epilog() if command == "build" else None,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    parser.set_defaults(command=command)
    _common(parser, command)
    if command in ("build", "scripts", "holdline"):
        _article_args(parser, command)
    if command in ("serve", "check"):
        parser.add_argument("directory", nargs="?", type=_path, default=Path("output"), metavar="DIR",
                            help="built folder (default: output/)")
    if command == "check":
        parser.add_argument("--article", action="append", dest="articles", default=[], type=_article, metavar="ARTICLE",
                            help="an article the folder was built from, for the numbers audit (repeatable; "
                                 "default: the built-in sample when the folder holds it)")
        parser.add_argument("--listen", action="store_true", help="also hear every sentence clip back with the "
                            "offline speech recognizer (the [listen] extra) and list what sounds wrong in LISTEN.md")
    if command == "cache":
        parser.add_argument("--prune", action="store_true",
                            help="remove what no current build uses (run after building every output that shares it)")
    if command == "voices":
        parser.add_argument("--voice", action="append", dest="voices", default=[], metavar="PATH",
                            help="also describe this Piper .onnx voice (repeatable)")
    if command == "serve":
        parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this computer only)")
        parser.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("narration")
    except PackageNotFoundError:
        return "(not installed)"


def _config(args: argparse.Namespace) -> Config:
    overrides: dict[str, dict[str, Any]] = {
        "speech": {"engine": getattr(args, "engine", None), "voice": getattr(args, "voice", None),
                   "preset": getattr(args, "preset", None)},
        "show": {"base_url": getattr(args, "base_url", None), "title": getattr(args, "title", None)},
    }
    return load_config(args.config, overrides)


def _options(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from narration.build.pipeline import BuildOptions

    return BuildOptions(articles=tuple(args.articles), output=getattr(args, "output", Path("output")),
                        scripts_dir=args.scripts, **scale_options.build_options(args, args.command),
                        regenerate_scripts=args.regenerate_scripts, holdline=not getattr(args, "no_holdline", False))


def cmd_build(args: argparse.Namespace) -> int:
    from narration.build.pipeline import build
    from narration.build.progress import ProgressDisplay

    config = _config(args)
    _warn_loopback(config)
    with ProgressDisplay(enabled=not args.quiet) as progress:
        report = build(config, _options(args), progress=progress.update)
    for path in report.kept_edits:
        log.info("kept hand-edited script %s", path)
    for line in summary(report):
        print(line)
    return 0


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _minutes(ms: int) -> str:
    seconds = round(ms / 1000)
    return f"{seconds // 60}:{seconds % 60:02d}"


def summary(report: "BuildReport") -> list[str]:
    """What a build made and where, and what to do next."""
    out = report.output
    sections = [e for e in report.episodes if e.info.kind == "section"]
    full = [e for e in report.episodes if e.info.kind == "full"]
    articles = len({e.info.article_slug for e in report.episodes})
    listening = sum(e.duration_ms for e in sections)
    stats = report.stats
    lines = [f"Built {_plural(articles, 'article')} in {out}: {_plural(len(sections), 'section episode')} "
             f"({_minutes(listening)} of listening)" + (f" and {_plural(len(full), 'full-article episode')}" if full else "") + ".",
             f"  {_plural(stats.misses, 'sentence')} synthesized, {stats.hits} reused from the cache; "
             f"{_plural(report.episodes_rendered, 'episode')} mixed, {len(report.episodes) - report.episodes_rendered} unchanged."]
    lines += report.changes.lines()
    lines += scale_options.summary_line(stats.worker_peak_mb)
    made = [("podcast feed", out / layout.FEED), ("episodes (MP3)", out / layout.EPISODES),
            ("web player", out / layout.INDEX), ("talking books (EPUB)", out / layout.BOOKS),
            ("transcripts", out / layout.TRANSCRIPTS), ("hold line", out / layout.HOLDLINE)]
    width = max(len(what) for what, _ in made)
    lines += [f"  {what:<{width}}  {path}" for what, path in made if path.exists()]
    lines += [f"  reading level, {line}" for line in report.reading]
    command = "narration" if _program() == "narration" else "python build_audio.py"
    lines.append(f"Next: {command} serve {out}   (then open http://127.0.0.1:8000/)")
    return lines


def _warn_loopback(config: Config) -> None:
    """Episodes addressed to this computer cannot be fetched by a podcast app anywhere else."""
    host = (urlparse(config.show.base_url).hostname or "").lower()
    if host in ("localhost", "::1") or host.startswith("127."):
        log.warning("show.base_url is %s, which only this computer can reach: set base_url in narration.toml "
                    "(or --base-url) to the address you will publish the output folder at", config.show.base_url)


def cmd_scripts(args: argparse.Namespace) -> int:
    from narration.build.pipeline import prepare_scripts, project_lexicon
    from narration.review import review_article, summary, write_review

    config = _config(args)
    prepared, report = prepare_scripts(config, _options(args))
    for path in report.scripts_written:
        print(f"wrote {path}")
    for path in report.kept_edits:
        print(f"kept your edit of {path}")
    lexicon = project_lexicon(config)
    for item in prepared:
        findings = review_article(item.article, item.scripts, lexicon, planned=item.planned, check=config.check,
                                  link_phrase=config.scripts.url_phrase or None, credits=config.scripts.credits)
        for finding in findings:
            print(finding)
        review = write_review(args.scripts / item.article.slug, item.article, item.scripts, findings)
        print(f"{summary(item.article, item.scripts, findings)}; the list is in {review}")
    for line in report.rules.lines():
        log.debug("fired: %s", line)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from narration.serve import serve

    serve(args.directory, host=args.host, port=args.port)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from narration.check.folder import check_folder
    from narration.check.numbers import audit_folder
    from narration.build.staging import reading

    config = _config(args)
    _warn_loopback(config)
    checked: list[str] = []
    with reading(args.directory):
        problems = check_folder(args.directory, config, checked)
        problems += audit_folder(args.directory, config, args.articles, checked)
    if args.verbose:
        print("Checked:")
        for line in checked:
            print(f"  {line}")
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s) found in {args.directory}" if problems else f"{args.directory}: all checks passed")
    if args.listen:
        from narration.check.listen_report import listen_and_report

        return max(1 if problems else 0, listen_and_report(args.directory, config, scale_options.build_options(args, "check")["cache_dir"],
                                                             args.scripts, args.quiet))
    return 1 if problems else 0


def cmd_holdline(args: argparse.Namespace) -> int:
    from narration.build.pipeline import build_holdline

    from narration.build.progress import ProgressDisplay

    with ProgressDisplay(enabled=not args.quiet) as progress:
        folder = build_holdline(_config(args), _options(args), progress=progress.update)
    print(f"Hold-line files written to {folder} (see {folder / 'manifest.json'})")
    return 0


def cmd_voices(args: argparse.Namespace) -> int:
    from narration.build.pipeline import voice_settings
    from narration.speech.voices import find_voices

    config = _config(args)
    own = {tag: voice_settings(config, tag).voice for tag, settings in config.languages.items() if settings.voice}
    voices = find_voices(voice_settings(config).voice, args.voices, config.root / "voices", own)
    for voice in voices:
        print("\n".join(voice.lines()))
    unusable = sum(bool(voice.problem) for voice in voices)
    return 1 if unusable else 0


OS_ERROR_HINTS = {
    errno.ENOSPC: "no space left on the disk; free some space and try again",
    errno.EDQUOT: "disk quota exceeded; free some space and try again",
    errno.EROFS: "the file system is read-only; choose a writable folder",
    errno.EACCES: "permission denied; check the folder's permissions",
    errno.EPERM: "operation not permitted; check the folder's permissions",
}


def os_error_line(err: OSError) -> str:
    """A file-system failure as one line that names the path and what to do."""
    where = " -> ".join(str(name) for name in (err.filename, err.filename2) if name is not None) or "a file"
    return f"{where}: {OS_ERROR_HINTS.get(err.errno or 0, err.strerror or str(err))}"


def cmd_cache(args: argparse.Namespace) -> int:
    from narration.cache.usage import prune, survey

    folder = scale_options.build_options(args, "cache")["cache_dir"]  # a shared cache URL is refused in one line
    if args.prune:
        result = prune(folder)
        if result is None:
            print(f"{folder}: no build of an existing output is recorded; build first, then prune", file=sys.stderr)
            return 2
        removed, freed = result
        print(f"Removed {removed} {'entry' if removed == 1 else 'entries'} ({freed / 1e6:.1f} MB) that no current build uses.")
    kinds = survey(folder)
    total = sum(size for _, size in kinds.values())
    print(f"{folder}: {total / 1e6:.1f} MB in {sum(n for n, _ in kinds.values())} entries")
    for kind, (count, size) in sorted(kinds.items()):
        print(f"  {kind:<9} {count:>6} entries {size / 1e6:>9.1f} MB")
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "build": cmd_build, "scripts": cmd_scripts, "serve": cmd_serve, "check": cmd_check, "holdline": cmd_holdline,
    "cache": cmd_cache, "voices": cmd_voices,
}


def _looks_like_a_command(word: str) -> bool:
    """A bare word with no file behind it and no file suffix is a mistyped command, not a missing article."""
    return not word.startswith("-") and "." not in word and "/" not in word and not Path(word).exists()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: `build_audio.py [COMMAND] ...`; without a command it builds."""
    argv = list(sys.argv[1:] if argv is None else argv)
    command = argv.pop(0) if argv and argv[0] in COMMANDS else "build"
    if command == "build" and argv and _looks_like_a_command(argv[0]):
        close = difflib.get_close_matches(argv[0], COMMANDS, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        print(f"error: '{argv[0]}' is neither a command nor an article file; {hint}commands: {', '.join(COMMANDS)} "
              f"(see {_program()} --help)", file=sys.stderr)
        return 2
    try:
        args = parser_for(command).parse_args(argv)
    except SystemExit as stop:  # --help, or a mistake already reported in one line
        return stop.code if isinstance(stop.code, int) else 2
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO, format="%(levelname)s: %(message)s")
    logging.getLogger("narration").setLevel(logging.DEBUG if args.verbose else logging.INFO)
    for noisy in ("urllib3", "gtts", "PIL", "piper", "matplotlib"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    try:
        return HANDLERS[command](args)
    except NarrationError as err:
        if args.verbose:
            log.exception("build failed")
            if isinstance(err, AudioToolError):
                print(" ".join(err.command), file=sys.stderr)
                print(err.stderr, file=sys.stderr)
        for line in str(err).splitlines() or [type(err).__name__]:  # several config problems: one line each
            print(f"error: {line}", file=sys.stderr)
        return 2
    except OSError as err:  # the file system refused (disk full, read-only, permissions): one line, no traceback
        if args.verbose:
            log.exception("build failed")
        print(f"error: {os_error_line(err)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted; the published output was left as it was", file=sys.stderr)
        return 130


def run() -> NoReturn:
    """`build_audio.py` and the `narration` command: main(), then leave at once. Every file is written and
    closed by then; the steps of a normal exit still run, in its order (threads and process pools are joined,
    then exit handlers: a local Ray stops, logs are flushed), and a failure to write the output still fails the
    program. What is skipped is the interpreter taking down its modules one by one, which with the
    signal-processing modules loaded takes about 0.2 s: a fifth of a rebuild that finds nothing to do."""
    code = main()
    if _observed():
        sys.exit(code)  # a profiler or coverage tool writes its results at the normal exit
    threading._shutdown()  # type: ignore[attr-defined]  # what a normal exit does first: executors stop their workers
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):  # the reader has gone (`| head`), or the stream was closed
            pass
        except OSError as err:  # a full disk: what was printed is lost, which is a failure
            code = code or 120
            try:
                print(f"error: cannot write the output: {err.strerror or err}", file=sys.__stderr__, flush=True)
            except (OSError, ValueError):
                pass
    os._exit(code or 0)


def _observed() -> bool:
    """Whether a profiler, debugger or coverage tool is watching this process."""
    monitoring = getattr(sys, "monitoring", None)  # Python 3.12's tools (coverage may use it)
    watched = monitoring is not None and any(monitoring.get_tool(tool) for tool in range(6))
    return watched or sys.getprofile() is not None or sys.gettrace() is not None
