"""Preview a built folder on localhost: a static file server that browsers can seek audio on.

http.server's handler serves files but ignores Range headers, and Chromium needs 206 partial
responses to seek reliably inside an <audio>; this adds single-range support and nothing more.
"""
from __future__ import annotations

import email.utils
import os
import re
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import BinaryIO

from narration.errors import InputError

_RANGE = re.compile(r"bytes=(\d*)-(\d*)")


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves one folder with podcast MIME types and single byte-range requests."""

    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".html": "text/html; charset=utf-8",
        ".css": "text/css; charset=utf-8",
        ".js": "text/javascript; charset=utf-8",
        ".mp3": "audio/mpeg",
        ".vtt": "text/vtt; charset=utf-8",
        ".srt": "application/x-subrip; charset=utf-8",
        ".json": "application/json",
        ".xml": "application/xml",
        ".png": "image/png",
        ".jpg": "image/jpeg",
        ".jpeg": "image/jpeg",
    }
    _window: tuple[int, int] | None = None  # (start, length) of the range being sent

    def _inside(self, path: str) -> bool:
        """translate_path already drops '..'; this also refuses symlinks that lead out of the folder."""
        root = Path(self.directory).resolve()
        resolved = Path(path).resolve()
        return resolved == root or root in resolved.parents

    def end_headers(self) -> None:
        self.send_header("Accept-Ranges", "bytes")
        super().end_headers()

    def send_head(self) -> BinaryIO | None:
        self._window = None
        path = self.translate_path(self.path)
        if not self._inside(path):
            self.send_error(HTTPStatus.NOT_FOUND, "File not found")
            return None
        wanted = self.headers.get("Range")
        if not wanted or self.headers.get("If-Range") or not os.path.isfile(path):
            return super().send_head()  # If-Range is not checked: sending the whole file is always right
        match = _RANGE.fullmatch(wanted.strip())
        if not match or match.groups() == ("", ""):
            return super().send_head()  # several ranges or a malformed one: the full file is a valid answer
        try:
            source = open(path, "rb")
        except OSError:
            self.send_error(HTTPStatus.NOT_FOUND, "File not found")
            return None
        stat = os.fstat(source.fileno())
        window = _byte_window(match.group(1), match.group(2), stat.st_size)
        if window is None:
            source.close()
            self.send_response(HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
            self.send_header("Content-Range", f"bytes */{stat.st_size}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        start, length = window
        self.send_response(HTTPStatus.PARTIAL_CONTENT)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Range", f"bytes {start}-{start + length - 1}/{stat.st_size}")
        self.send_header("Content-Length", str(length))
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        self.end_headers()
        source.seek(start)
        self._window = window
        return source

    def copyfile(self, source: BinaryIO, outputfile: BinaryIO) -> None:
        if self._window is None:
            super().copyfile(source, outputfile)
            return
        remaining = self._window[1]
        while remaining > 0:
            chunk = source.read(min(64 * 1024, remaining))
            if not chunk:
                break
            outputfile.write(chunk)
            remaining -= len(chunk)


def _byte_window(first: str, last: str, size: int) -> tuple[int, int] | None:
    """(start, length) of a 'bytes=first-last' range in a file of `size` bytes; None if unsatisfiable."""
    if not first:  # "bytes=-N": the last N bytes
        length = min(int(last), size)
        return (size - length, length) if length > 0 else None
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or end < start:
        return None
    return start, end - start + 1


def make_server(directory: Path, host: str = "127.0.0.1", port: int = 8000) -> ThreadingHTTPServer:
    """A server for `directory`, bound but not yet serving (port 0 picks a free port)."""
    if not Path(directory).is_dir():
        raise InputError(directory, "is not a folder; build the site first or name the output folder")
    handler = partial(SiteHandler, directory=str(Path(directory).resolve()))
    return ThreadingHTTPServer((host, port), handler)


def serve(directory: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the folder until Ctrl+C; loopback only unless the caller names another host."""
    with make_server(directory, host, port) as server:
        bound_host, bound_port = server.server_address[:2]
        print(f"Serving {directory} at http://{bound_host}:{bound_port}/ (press Ctrl+C to stop)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass

