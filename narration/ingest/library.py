"""Where a library's articles are: folders (searched recursively), glob patterns, a text file listing paths or
addresses, web pages, and the RSS/Atom feed or sitemap of a website, each expanded into article sources.

Folders are searched for .txt, .md and .html files (every suffix an article reader takes); hidden files and
folders, the build's own folders (scripts, output, cache) and any other built output are skipped."""
from __future__ import annotations

import glob
import os
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from narration.errors import ConfigError, InputError
from narration.ingest.conditional import Fetcher
from narration.ingest.fetch import HTML_TYPES, is_url

Source = Path | str  # a file, or an http(s) address
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml")
OUTPUT_MARK = "narration-output.json"  # a folder carrying it is a built output, never a source
GLOB_CHARS = frozenset("*?[")


def article_suffixes() -> frozenset[str]:
    from narration.ingest import READERS

    return frozenset(READERS)


def expand(given: Sequence[Source], configured: Sequence[str], root: Path, config_file: Path, skip: Sequence[Path],
           fetcher: Fetcher) -> list[Source]:
    """The article sources: the command line's (files, folders, addresses), else the config's [library] sources
    (relative to the config's folder); each source once, in the order found."""
    finder = _Finder(frozenset(p.resolve() for p in skip), fetcher)
    if given:
        found = [s for item in given for s in finder.given(item)]
    else:
        found = [s for entry in configured for s in finder.configured(entry, root, config_file)]
    if (given or configured) and not found:
        where = ", ".join(str(g) for g in given) if given else f"library.sources in {config_file}"
        raise InputError(where, "no article found (.txt, .md or .html files, web pages, feeds or sitemaps)")
    unique: dict[Source, Source] = {}
    for source in found:  # the same file named twice (a folder and a glob, 'a.md' and './a.md') is one article
        unique.setdefault(source if isinstance(source, str) else source.resolve(), source)
    return list(unique.values())


def local_roots(configured: Sequence[str], root: Path) -> list[Path]:
    """The files and folders [library] sources read from (a glob pattern's folder before its first wildcard): the
    output must never be or contain one of them."""
    roots = []
    for entry in configured:
        if is_url(entry):
            continue
        parts = Path(entry).expanduser().parts
        fixed = next((i for i, part in enumerate(parts) if GLOB_CHARS & set(part)), len(parts))
        path = Path(*parts[:fixed]) if fixed else Path(".")
        roots.append(path if path.is_absolute() else root / path)
    return roots


class _Finder:
    def __init__(self, skip: frozenset[Path], fetcher: Fetcher) -> None:
        self.skip = skip
        self.fetcher = fetcher
        self.suffixes = article_suffixes()
        self.seen: set[str] = set()

    def given(self, item: Source) -> Iterator[Source]:
        """A command-line argument: an address (a page, a feed, a sitemap), a folder, or an article file."""
        if is_url(item):
            yield from self.address(str(item))
        elif Path(item).is_dir():
            yield from self.folder(Path(item))
        else:
            yield Path(item)

    def configured(self, entry: str, root: Path, config_file: Path) -> Iterator[Source]:
        """A [library] sources entry: an address, a glob pattern, a folder, a list file or an article file."""
        if is_url(entry):
            yield from self.address(entry)
            return
        path = Path(entry).expanduser()
        path = path if path.is_absolute() else root / path
        if GLOB_CHARS & set(entry):
            matches = sorted(Path(p) for p in glob.glob(str(path), recursive=True))
            if not matches:
                raise ConfigError([f"library.sources: {entry!r} matches no file"], config_file)
            for match in matches:
                yield from (self.folder(match) if match.is_dir() else self.files([match]))
        elif path.is_dir():
            yield from self.folder(path)
        elif path.is_file():
            listed = _listed(path)
            yield from (s for line in listed for s in self.listed(line, path.parent)) if listed else (path,)
        else:
            raise ConfigError([f"library.sources: {entry!r} is neither a file, a folder nor an address"], config_file)

    def listed(self, line: str, folder: Path) -> Iterator[Source]:
        """A line of a list file: an address, a folder or an article, relative to the list's own folder."""
        if is_url(line):
            yield from self.address(line)
            return
        path = Path(line).expanduser()
        path = path if path.is_absolute() else folder / path
        yield from self.folder(path) if path.is_dir() else (path,)

    def folder(self, top: Path) -> Iterator[Path]:
        """Every article file under `top`, in name order, without hidden, skipped or built folders."""
        for here, dirs, files in os.walk(top):
            base = Path(here)
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and (base / d).resolve() not in self.skip
                             and not (base / d / OUTPUT_MARK).exists())
            yield from self.files(base / name for name in sorted(files) if not name.startswith("."))

    def files(self, paths: Iterable[Path]) -> Iterator[Path]:
        for path in paths:
            if path.suffix.lower() in self.suffixes and path.is_file() and not _skipped(path, self.skip):
                yield path

    def address(self, url: str) -> Iterator[str]:
        """A web page is an article; a feed or a sitemap stands for the pages it links to."""
        fetched = self.fetcher.get(url)
        if fetched.kind not in FEED_TYPES and (fetched.kind in HTML_TYPES or not _looks_like_xml(fetched.raw)):
            yield url  # a page (reading it refuses a document that is not HTML)
            return
        from narration.ingest.sitemap import linked

        pages, sitemaps = linked(url, fetched.raw)
        for sitemap in sitemaps:  # a sitemap index: each of its sitemaps once
            if sitemap not in self.seen:
                self.seen.add(sitemap)
                yield from self.address(sitemap)
        yield from pages


def _listed(path: Path) -> list[str] | None:
    """The lines of a list of sources, or None when the file is an article: a list holds only addresses and paths of
    existing files or folders (relative to the list), one a line ('#' lines and blank lines aside)."""
    if path.suffix.lower() not in (".txt", ".text", ".list", ""):
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    for line in lines:
        target = Path(line).expanduser()
        if not is_url(line) and not (target if target.is_absolute() else path.parent / target).exists():
            return None
    return lines or None


def _skipped(path: Path, skip: frozenset[Path]) -> bool:
    resolved = path.resolve()
    return any(folder == resolved or folder in resolved.parents for folder in skip)


def _looks_like_xml(raw: bytes) -> bool:
    return raw.lstrip()[:5] in (b"<?xml", b"<rss ", b"<rss>", b"<feed", b"<urls", b"<site")
