"""Addresses fetched with conditional requests: the last copy of each is kept beside the cache with its ETag and
Last-Modified, so an unchanged page costs one request answered 304, and offline the kept copy stands in.

Within one build each address is fetched at most once (a feed's page read again as an article costs nothing)."""
from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import asdict
from pathlib import Path

from narration.atomic import write_bytes_atomic, write_text_atomic
from narration.cache.usage import touch
from narration.ingest.fetch import Fetched, Unreachable, get

log = logging.getLogger(__name__)
FOLDER = "fetched"  # under the cache folder
ACCEPT = ("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
          "application/xml;q=0.9,text/xml;q=0.9")


class Fetcher:
    """GET an address once per build, revalidating the copy kept from an earlier build."""

    def __init__(self, cache_dir: Path | None) -> None:
        self.folder = cache_dir / FOLDER if cache_dir is not None else None
        self.seen: dict[str, Fetched] = {}
        self.requests = 0  # how many requests this build sent (tests and the build summary read it)

    def get(self, url: str) -> Fetched:
        if url not in self.seen:
            self.seen[url] = self._fetch(url)
        return self.seen[url]

    def _fetch(self, url: str) -> Fetched:
        kept = self._kept(url)
        headers = {}
        if kept is not None and kept.etag:
            headers["If-None-Match"] = kept.etag
        if kept is not None and kept.last_modified:
            headers["If-Modified-Since"] = kept.last_modified
        self.requests += 1
        try:
            fetched = get(url, ACCEPT, headers)
        except Unreachable as err:
            if kept is None:
                raise
            log.warning("%s; using the copy fetched earlier", err)
            return kept
        if fetched.status == 304 and kept is not None:
            return kept
        self._keep(url, fetched)
        return fetched

    def _paths(self, url: str) -> tuple[Path, Path] | None:
        if self.folder is None:
            return None
        name = hashlib.sha256(url.encode("utf-8")).hexdigest()[:40]
        return self.folder / f"{name}.body", self.folder / f"{name}.json"

    def _kept(self, url: str) -> Fetched | None:
        """The copy kept from an earlier fetch; an unreadable or mismatched one is no copy (a miss, never a failure)."""
        paths = self._paths(url)
        if paths is None:
            return None
        try:
            meta = json.loads(paths[1].read_text(encoding="utf-8"))
            raw = paths[0].read_bytes()
            if meta.pop("url") != url or meta.pop("sha256") != hashlib.sha256(raw).hexdigest():
                return None
            touch(paths[1])  # in use by this build (cache --prune)
            return Fetched(raw=raw, **meta)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _keep(self, url: str, fetched: Fetched) -> None:
        paths = self._paths(url)
        if paths is None:
            return
        meta = {k: v for k, v in asdict(fetched).items() if k != "raw"}
        write_bytes_atomic(paths[0], fetched.raw)
        write_text_atomic(paths[1], json.dumps({"url": url, "sha256": hashlib.sha256(fetched.raw).hexdigest(), **meta}))
