"""Command line: parse arguments, call the pipeline, print one line per user error (traceback with -v)."""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any, Callable, Sequence

from .config import Config, load_config
from .errors import AudioToolError, NarrationError

COMMANDS = ("build", "scripts", "serve", "check", "holdline")
log = logging.getLogger("narration")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, help="config file (default: ./narration.toml if present)")
    parser.add_argument("--scripts", type=Path, default=Path("scripts"), help="narration scripts folder (default: scripts/)")
    parser.add_argument("--cache", type=Path, default=Path(".cache/narration"), help="clip cache folder")
    parser.add_argument("-v", "--verbose", action="store_true", help="show details and tracebacks")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress display")


def _build_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("articles", nargs="*", type=Path, help="article files (.txt, .md, .html); default: the built-in sample")
    parser.add_argument("--output", "-o", type=Path, default=Path("output"), help="output folder (default: output/)")
    parser.add_argument("--engine", choices=("piper", "gtts"), help="speech engine (default from config: piper)")
    parser.add_argument("--voice", help="path of a Piper .onnx voice (default: the bundled voice)")
    parser.add_argument("--preset", choices=("standard", "patient", "slow"), help="speaking-rate preset")
    parser.add_argument("--base-url", help="public URL the output folder will be served from")
    parser.add_argument("--title", help="show title")
    parser.add_argument("--regenerate-scripts", action="store_true",
                        help="replace hand-edited scripts with freshly generated ones")
    parser.add_argument("--no-holdline", action="store_true", help="skip the telephone hold-line renditions")


def parser_for(command: str) -> argparse.ArgumentParser:
    """The argument parser of one command."""
    prog = "build_audio.py" if command == "build" else f"build_audio.py {command}"
    parser = argparse.ArgumentParser(prog=prog, description=COMMAND_HELP[command])
    _common(parser)
    if command in ("build", "scripts", "holdline"):
        _build_args(parser)
    if command in ("serve", "check"):
        parser.add_argument("directory", nargs="?", type=Path, default=Path("output"), help="built folder (default: output/)")
    if command == "serve":
        parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback only)")
        parser.add_argument("--port", type=int, default=8000)
    return parser


COMMAND_HELP = {
    "build": "Build podcast episodes, feed, transcripts and player from articles (default: the built-in sample).",
    "scripts": "Write the narration scripts for review without synthesizing, and list the rules that fired.",
    "serve": "Preview a built folder on this computer (loopback only by default).",
    "check": "Validate a built folder: loudness, peaks, tags, feed, artwork, transcripts.",
    "holdline": "Build only the telephone hold-line renditions and program.",
}


def _config(args: argparse.Namespace) -> Config:
    overrides: dict[str, dict[str, Any]] = {
        "speech": {"engine": getattr(args, "engine", None), "voice": getattr(args, "voice", None),
                   "preset": getattr(args, "preset", None)},
        "show": {"base_url": getattr(args, "base_url", None), "title": getattr(args, "title", None)},
    }
    return load_config(args.config, overrides)


def _options(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from .pipeline import BuildOptions

    return BuildOptions(articles=tuple(args.articles), output=args.output, scripts_dir=args.scripts,
                        cache_dir=args.cache, regenerate_scripts=args.regenerate_scripts,
                        holdline=not args.no_holdline)


def cmd_build(args: argparse.Namespace) -> int:
    from .pipeline import build
    from .progress import ProgressDisplay

    config = _config(args)
    with ProgressDisplay(enabled=not args.quiet) as progress:
        report = build(config, _options(args), progress=progress.update)
    for path in report.kept_edits:
        log.info("kept hand-edited script %s", path)
    total = sum(e.duration_ms for e in report.episodes) / 1000
    print(f"Built {len(report.episodes)} episodes ({total / 60:.1f} min of audio) in {report.output}: "
          f"{report.stats.misses} sentences synthesized, {report.stats.hits} from cache, "
          f"{report.episodes_rendered} episodes mixed.")
    print(f"Feed: {report.output / 'feed.xml'}")
    return 0


def cmd_scripts(args: argparse.Namespace) -> int:
    from .pipeline import prepare_scripts

    config = _config(args)
    prepared, report = prepare_scripts(config, _options(args))
    for item in prepared:
        print(f"{item.article.title}: {len(item.scripts)} scripts in {args.scripts / item.article.slug}")
    for path in report.scripts_written:
        print(f"  wrote {path}")
    for path in report.kept_edits:
        print(f"  kept your edit of {path}")
    lines = report.rules.lines()
    if lines:
        print("Rules and lexicon entries that fired:")
        for line in lines:
            print(f"  {line}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from .serve import serve

    serve(args.directory, host=args.host, port=args.port)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from .check import check_folder

    problems = check_folder(args.directory, _config(args))
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s) found in {args.directory}" if problems else f"{args.directory}: all checks passed")
    return 1 if problems else 0


def cmd_holdline(args: argparse.Namespace) -> int:
    from .pipeline import build_holdline

    from .progress import ProgressDisplay

    with ProgressDisplay(enabled=not args.quiet) as progress:
        folder = build_holdline(_config(args), _options(args), progress=progress.update)
    print(f"Hold-line files written to {folder} (see {folder / 'manifest.json'})")
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "build": cmd_build, "scripts": cmd_scripts, "serve": cmd_serve, "check": cmd_check, "holdline": cmd_holdline,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: `build_audio.py [COMMAND] ...`; without a command it builds."""
    argv = list(sys.argv[1:] if argv is None else argv)
    command = argv.pop(0) if argv and argv[0] in COMMANDS else "build"
    args = parser_for(command).parse_args(argv)
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
    except KeyboardInterrupt:
        print("interrupted; the published output was left as it was", file=sys.stderr)
        return 130
