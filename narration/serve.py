"""Preview a built folder on localhost: a static file server that browsers can seek audio on.

http.server's handler serves files but ignores Range headers, and Chromium needs 206 partial
responses to seek reliably inside an <audio>; this adds single-range support. It also stays inside
the folder (symlinks that lead out are refused), answers odd requests with a status instead of a dropped
connection, and bounds its threads and how long a silent client may hold one.
"""
from __future__ import annotations

import email.utils
import errno
import io
import os
import re
import sys
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, BinaryIO, Callable

from narration.errors import InputError, ServeError
from narration.publish.layout import is_feed

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

    def setup(self) -> None:
        self.timeout = getattr(self.server, "read_timeout", None)  # an idle client is dropped, not waited on
        super().setup()

    def _inside(self, path: str) -> bool:
        """translate_path already drops '..'; this also refuses symlinks that lead out of the folder
        (a symlink loop cannot be resolved, so it is refused too)."""
        try:
            root = Path(self.directory).resolve()
            resolved = Path(path).resolve()
        except (OSError, RuntimeError):  # RuntimeError: a symlink loop on Python 3.11 and 3.12
            return False
        return resolved == root or root in resolved.parents

    def _servable(self, path: str) -> bool:
        """The path and, for a folder, the index page that would be sent instead, stay inside."""
        if not self._inside(path):
            return False
        if os.path.isdir(path):
            return all(self._inside(index) for index in (os.path.join(path, "index.html"),
                                                         os.path.join(path, "index.htm")) if os.path.lexists(index))
        return True

    def end_headers(self) -> None:
        self.send_header("Accept-Ranges", "bytes")
        super().end_headers()

    def send_head(self) -> BinaryIO | None:
        self._window = None
        path = self.translate_path(self.path)
        if "\x00" in path:  # no file name holds a NUL; os calls would raise instead of answering
            self.send_error(HTTPStatus.BAD_REQUEST, "Bad request path")
            return None
        if not self._servable(path):
            self.send_error(HTTPStatus.NOT_FOUND, "File not found")
            return None
        if Path(path).parent == Path(self.directory) and is_feed(Path(path).name) and os.path.isfile(path):
            return self._feed_here(path)
        wanted = self.headers.get("Range")
        if not wanted or self.headers.get("If-Range") or not os.path.isfile(path):
            return super().send_head()  # If-Range is not checked: sending the whole file is always right
        try:
            source = open(path, "rb")
        except OSError:
            self.send_error(HTTPStatus.NOT_FOUND, "File not found")
            return None
        stat = os.fstat(source.fileno())
        try:
            window = _byte_window(wanted, stat.st_size)
        except _Unsatisfiable:
            source.close()
            self.send_response(HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
            self.send_header("Content-Range", f"bytes */{stat.st_size}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if window is None:
            source.close()
            return super().send_head()  # several ranges or an invalid one: the full file is a valid answer
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

    def _feed_here(self, path: str) -> BinaryIO:
        """The feed with its addresses pointing at this server: a podcast app on this computer can play the
        episodes whatever base_url the build was given (the file on disk is not changed)."""
        data = Path(path).read_bytes()
        built = _feed_base(data)
        here = f"http://{self.headers.get('Host') or '%s:%d' % self.server.server_address[:2]}/"
        if built and built != here:
            data = data.replace(built.encode("utf-8"), here.encode("utf-8"))
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)

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


def _feed_base(data: bytes) -> str:
    """The base URL a feed was built for: its atom:link rel="self" without the file name."""
    match = re.search(rb'<atom:link[^>]*href="([^"]+)"[^>]*rel="self"|<atom:link[^>]*rel="self"[^>]*href="([^"]+)"', data)
    href = (match.group(1) or match.group(2)).decode("utf-8", "replace") if match else ""
    return href.rsplit("/", 1)[0] + "/" if is_feed(href.rsplit("/", 1)[-1]) else ""


class _Unsatisfiable(Exception):
    """The range starts past the end of the file: 416."""


_BIGGEST = 10**18  # more bytes than any file holds


def _position(digits: str) -> int:
    """A byte position from a Range header; thousands of digits mean 'past the end', not a crash
    (int() refuses strings of more than 4,300 digits)."""
    return int(digits) if len(digits) <= 18 else _BIGGEST


def _byte_window(header: str, size: int) -> tuple[int, int] | None:
    """(start, length) of a single 'bytes=first-last' range in a file of `size` bytes; None when the
    whole file is the answer (several ranges, or one that is malformed or invalid, which RFC 9110
    section 14.2 lets a server ignore); raises _Unsatisfiable for a range past the end."""
    match = _RANGE.fullmatch(header.strip())
    if not match or match.groups() == ("", ""):
        return None
    first, last = match.groups()
    if not first:  # "bytes=-N": the last N bytes
        length = min(_position(last), size)
        if length <= 0:
            raise _Unsatisfiable
        return size - length, length
    start = _position(first)
    if last and _position(last) < start:
        return None  # "bytes=5-3" is invalid, not unsatisfiable
    if start >= size:
        raise _Unsatisfiable
    end = min(_position(last), size - 1) if last else size - 1
    return start, end - start + 1


class PreviewServer(ThreadingHTTPServer):
    """A threading server that handles at most `max_workers` connections at once and drops clients
    that stay silent for `read_timeout` seconds, so idle sockets cannot hold every thread."""

    def __init__(self, address: tuple[str, int], handler: Callable[..., SiteHandler],
                 max_workers: int = 16, read_timeout: float = 15.0) -> None:
        self.read_timeout = read_timeout
        self._slots = threading.BoundedSemaphore(max_workers)
        super().__init__(address, handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        # Waits for a free worker at most as long as an idle client may hold one, then drops the connection.
        if not self._slots.acquire(timeout=self.read_timeout):
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return  # the browser went away (it does so when seeking audio): nothing to report
        super().handle_error(request, client_address)


def make_server(directory: Path, host: str = "127.0.0.1", port: int = 8000, max_workers: int = 16,
                read_timeout: float = 15.0) -> PreviewServer:
    """A server for `directory`, bound but not yet serving (port 0 picks a free port)."""
    if not Path(directory).is_dir():
        raise InputError(directory, "is not a folder; build the site first or name the output folder")
    if not 0 <= port <= 65535:
        raise ServeError(f"--port {port}: a port is a number from 0 to 65535 (0 picks a free one)")
    handler = partial(SiteHandler, directory=str(Path(directory).resolve()))
    try:
        return PreviewServer((host, port), handler, max_workers=max_workers, read_timeout=read_timeout)
    except OSError as err:
        if err.errno == errno.EADDRINUSE:
            raise ServeError(f"cannot serve on {host}:{port}: the port is in use by another program; "
                             f"pick another with --port") from None
        raise ServeError(f"cannot serve on {host}:{port}: {err.strerror or err}; check --host and --port") from None


def serve(directory: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the folder until Ctrl+C; loopback only unless the caller names another host."""
    with make_server(directory, host, port) as server:
        bound_host, bound_port = server.server_address[:2]
        print(f"Serving {directory} at http://{bound_host}:{bound_port}/ (press Ctrl+C to stop)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
