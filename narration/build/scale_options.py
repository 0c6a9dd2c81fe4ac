"""The build's scaling options on the command line: --workers, --ray and a shared cache by URL (--cache s3://...)."""
from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

from narration.errors import InputError

URL = re.compile(r"[a-z][a-z0-9+.-]*://", re.IGNORECASE)
SCHEMES = ("s3", "file", "gs", "az", "memory")  # what obstore opens by URL
RAY_ADDRESS = re.compile(r"auto|local|ray://\S+|[\w.-]+:\d+")
DEFAULT_CACHE = Path(".cache/narration")


def cache_location(text: str) -> Path | str:
    """--cache: a local folder, or the URL of a shared clip cache (s3://bucket/prefix, file:///path)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("empty path (an unset variable?); name a folder or a URL")
    if not URL.match(text):
        return Path(text)
    scheme = text.split("://", 1)[0].lower()
    if scheme not in SCHEMES:
        raise argparse.ArgumentTypeError(f"{text}: a shared cache is one of {', '.join(s + '://' for s in SCHEMES)}")
    return text


def _ray_address(text: str) -> str:
    """--ray's address; '' (no address, argparse passes the constant through here too) or 'local': a local Ray."""
    if text and not RAY_ADDRESS.fullmatch(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a Ray address (host:port, ray://host:port or auto); "
                                         "write --ray=ADDRESS, or put --ray after the articles")
    return "" if text == "local" else text


def _workers(text: str) -> int:
    try:
        count = int(text)
    except ValueError:
        count = 0
    if count < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: give a number of workers, 1 or more")
    return count


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """--workers and --ray for the build command."""
    parser.add_argument("--workers", type=_workers, default=0, metavar="N",
                        help="speak with N worker processes, each loading the voice once (with --ray: N Ray actors)")
    parser.add_argument("--ray", nargs="?", const="", type=_ray_address, metavar="ADDRESS",
                        help="speak on Ray actors (pip install 'narration[ray]'); without an address, "
                             "a local Ray is started on this machine")


def build_options(args: argparse.Namespace, command: str) -> dict[str, Any]:
    """BuildOptions fields from the arguments: a URL cache is shared for clips, with the local default folder
    beside it for what is made from them."""
    cache = getattr(args, "cache", DEFAULT_CACHE)
    shared = ""
    if isinstance(cache, str):
        if command != "build":
            raise InputError(cache, "a shared cache URL is for the build command; give the local cache folder here")
        shared, cache = cache, DEFAULT_CACHE
    return {"cache_dir": cache, "shared_cache": shared, "workers": getattr(args, "workers", 0),
            "ray": getattr(args, "ray", None)}


def summary_line(workers_peak_mb: float) -> list[str]:
    """The build summary's line about speech workers (none when the build spoke in its own process)."""
    return [f"  speech workers: peak memory {workers_peak_mb:.0f} MB in the largest"] if workers_peak_mb else []
