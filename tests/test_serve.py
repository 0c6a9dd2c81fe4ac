"""The preview server: loopback only, nothing outside the folder, podcast MIME types, byte ranges."""
from __future__ import annotations

import http.client
import ipaddress
import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from narration.cli import main, parser_for
from narration.errors import InputError
from narration.serve import PreviewServer, make_server

PAYLOAD = bytes(range(256)) * 40  # 10,240 bytes whose every position is recognisable


@contextmanager
def running(httpd: PreviewServer) -> Iterator[tuple[str, int]]:
    """Serve in a thread for the with-block; always shut down."""
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield httpd.server_address[:2]
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int, Path]]:
    tmp_path = tmp_path_factory.mktemp("serve")
    root = tmp_path / "site"
    (root / "episodes").mkdir(parents=True)
    (root / "episodes" / "one.mp3").write_bytes(PAYLOAD)
    for name in ("feed.xml", "t.vtt", "t.srt", "t.json", "index.html"):
        (root / name).write_text("x", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("outside", encoding="utf-8")
    with running(make_server(root, port=0)) as (host, port):
        yield host, port, tmp_path


def _get(server, path: str, headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection(server[0], server[1], timeout=5)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def _raw(server, request_line: str) -> bytes:
    """Send a request line exactly as written (http.client would normalise the path)."""
    with socket.create_connection(server[:2], timeout=5) as sock:
        sock.sendall(f"{request_line}\r\nHost: localhost\r\nConnection: close\r\n\r\n".encode())
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def test_binds_to_loopback_by_default(tmp_path: Path) -> None:
    """The command's own defaults bind a real socket on loopback, and it answers there."""
    (tmp_path / "index.html").write_text("hello", encoding="utf-8")
    args = parser_for("serve").parse_args([str(tmp_path), "--port", "0"])
    with running(make_server(args.directory, host=args.host, port=args.port)) as address:
        assert ipaddress.ip_address(address[0]).is_loopback
        response = _get(address, "/")
        assert response.status == 200 and response.body == b"hello"


@pytest.mark.parametrize(
    "name, mime",
    [("episodes/one.mp3", "audio/mpeg"), ("t.vtt", "text/vtt"), ("t.json", "application/json"),
     ("feed.xml", "application/xml"), ("t.srt", "application/x-subrip"), ("index.html", "text/html")],
)
def test_mime_types(server, name: str, mime: str) -> None:
    response = _get(server, f"/{name}")
    assert response.status == 200
    assert response.getheader("Content-Type").split(";")[0] == mime


@pytest.mark.parametrize(
    "target", ["/../../etc/passwd", "/../secret.txt", "/%2e%2e/secret.txt", "/episodes/../../secret.txt"]
)
def test_nothing_outside_the_folder_is_served(server, target: str) -> None:
    reply = _raw(server, f"GET {target} HTTP/1.1")
    assert reply.startswith(b"HTTP/1.0 404") or reply.startswith(b"HTTP/1.1 404"), reply[:80]
    assert b"outside" not in reply and b"root:" not in reply


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this platform")
def test_a_symlink_out_of_the_folder_is_not_followed(server) -> None:
    os.symlink(server[2] / "secret.txt", server[2] / "site" / "link.txt")
    response = _get(server, "/link.txt")
    assert response.status == 404 and b"outside" not in response.body


def test_whole_file_advertises_ranges(server) -> None:
    response = _get(server, "/episodes/one.mp3")
    assert response.status == 200 and response.body == PAYLOAD
    assert response.getheader("Accept-Ranges") == "bytes"


@pytest.mark.parametrize(
    "header, start, end",
    [("bytes=0-99", 0, 99), ("bytes=1000-", 1000, len(PAYLOAD) - 1), ("bytes=-300", len(PAYLOAD) - 300,
     len(PAYLOAD) - 1), ("bytes=10000-99999", 10000, len(PAYLOAD) - 1), ("bytes=5-5", 5, 5)],
)
def test_single_range_gets_partial_content(server, header: str, start: int, end: int) -> None:
    response = _get(server, "/episodes/one.mp3", {"Range": header})
    assert response.status == 206
    assert response.getheader("Content-Range") == f"bytes {start}-{end}/{len(PAYLOAD)}"
    assert int(response.getheader("Content-Length")) == end - start + 1
    assert response.body == PAYLOAD[start : end + 1]
    assert response.getheader("Content-Type") == "audio/mpeg"


@pytest.mark.parametrize("header", [f"bytes={len(PAYLOAD)}-", "bytes=" + "9" * 5000 + "-", "bytes=-0"])
def test_range_past_the_end_is_unsatisfiable(server, header: str) -> None:
    response = _get(server, "/episodes/one.mp3", {"Range": header})
    assert response.status == 416
    assert response.getheader("Content-Range") == f"bytes */{len(PAYLOAD)}"


@pytest.mark.parametrize("header", ["bytes=0-" + "9" * 5000, "bytes=-" + "9" * 5000])
def test_range_with_thousands_of_digits_covers_the_whole_file(server, header: str) -> None:
    response = _get(server, "/episodes/one.mp3", {"Range": header})
    assert response.status == 206 and response.body == PAYLOAD
    assert response.getheader("Content-Range") == f"bytes 0-{len(PAYLOAD) - 1}/{len(PAYLOAD)}"


# Several ranges, other units, a malformed or an invalid range (last before first): RFC 9110 section 14.2
# lets the server ignore the header and send the whole file.
@pytest.mark.parametrize("header", ["bytes=0-1,5-9", "items=0-5", "bytes=-", "bytes=5-3", "bytes=" + "9" * 5000 + "-3",
                                    "bytes=x-y"])
def test_ranges_it_does_not_handle_get_the_whole_file(server, header: str) -> None:
    response = _get(server, "/episodes/one.mp3", {"Range": header})
    assert response.status == 200 and response.body == PAYLOAD


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a folder"):
        make_server(tmp_path / "missing", port=0)


@pytest.mark.parametrize("target", ["/%00", "/episodes/%00one.mp3", "/index.html%00.txt"])
def test_nul_in_the_path_is_a_bad_request(server, target: str) -> None:
    reply = _raw(server, f"GET {target} HTTP/1.1")
    assert reply.split(b"\r\n", 1)[0].split(b" ")[1] == b"400", reply[:80]
    assert _get(server, "/t.json").status == 200  # the server still answers


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this platform")
def test_symlinks_that_leave_or_loop_are_refused(server) -> None:
    site, outside = server[2] / "site", server[2] / "outside"
    (outside / "sub").mkdir(parents=True)
    (outside / "sub" / "index.html").write_text("outside", encoding="utf-8")
    os.symlink(outside / "sub", site / "linked-folder")
    (site / "own").mkdir()
    os.symlink(outside / "sub" / "index.html", site / "own" / "index.html")
    os.symlink(site / "loop", site / "loop")
    os.symlink(site / "ping", site / "pong")
    os.symlink(site / "pong", site / "ping")
    for target in ("/linked-folder/index.html", "/linked-folder/", "/own/", "/own/index.html", "/loop", "/ping",
                   "/loop/x.mp3"):
        response = _get(server, target)
        assert response.status == 404 and b"outside" not in response.body, target
    listing = _get(server, "/")
    assert listing.status == 200 and b"outside" not in listing.body


def test_idle_connections_time_out_and_threads_are_bounded(tmp_path: Path) -> None:
    """Silent clients are dropped after the read timeout and never hold more than max_workers threads."""
    (tmp_path / "index.html").write_text("hello", encoding="utf-8")

    def workers() -> int:
        return sum("process_request_thread" in t.name for t in threading.enumerate())

    with running(make_server(tmp_path, port=0, max_workers=3, read_timeout=0.5)) as address:
        idle = [socket.create_connection(address, timeout=10) for _ in range(12)]
        try:
            time.sleep(0.3)
            assert workers() <= 3
            response = _get_when_served(address, "/")  # served once the idle clients are dropped
            assert response.status == 200 and response.body == b"hello"
            assert idle[0].recv(1) == b""  # the server closed the silent connection
        finally:
            for sock in idle:
                sock.close()
    deadline = time.monotonic() + 10
    while workers() and time.monotonic() < deadline:  # the last handlers finish closing after shutdown
        time.sleep(0.05)
    assert workers() == 0


def _get_when_served(address: tuple[str, int], path: str):  # type: ignore[no-untyped-def]
    """A request that may be dropped while every worker is held by an idle client: tried again for 10 s."""
    deadline = time.monotonic() + 10
    while True:
        try:
            return _get(address, path)
        except (ConnectionError, http.client.RemoteDisconnected, socket.timeout):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


@pytest.mark.parametrize("port, says", [("70000", "from 0 to 65535"), ("-1", "from 0 to 65535"),
                                        ("taken", "in use")])
def test_port_in_use_or_out_of_range_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 port: str, says: str) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        number = str(taken.getsockname()[1]) if port == "taken" else port
        code = main(["serve", str(tmp_path), "--port", number])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert len(err) == 1 and err[0].startswith("error: ") and says in err[0] and number in err[0], err


def test_the_feed_is_served_with_the_servers_own_address(tmp_path: Path) -> None:
    """A feed built for a public base_url (or for another port) points a local podcast app at this server."""
    import feedparser

    root = tmp_path / "site"
    (root / "episodes").mkdir(parents=True)
    (root / "episodes" / "a.mp3").write_bytes(b"ID3" + bytes(100))
    built = ('<?xml version="1.0"?><rss xmlns:atom="http://www.w3.org/2005/Atom" version="2.0"><channel>'
             '<title>T</title><atom:link href="https://podcast.example.org/show/feed.xml" rel="self"/>'
             '<item><title>A</title><enclosure url="https://podcast.example.org/show/episodes/a.mp3" '
             'length="103" type="audio/mpeg"/></item></channel></rss>')
    (root / "feed.xml").write_text(built, encoding="utf-8")
    with running(make_server(root, port=0)) as (host, port):
        connection = http.client.HTTPConnection(host, port, timeout=10)
        connection.request("GET", "/feed.xml")
        response = connection.getresponse()
        feed = feedparser.parse(response.read())
        assert response.status == 200
        enclosure = feed.entries[0].enclosures[0].href
        assert enclosure == f"http://{host}:{port}/episodes/a.mp3"
        connection.request("GET", "/episodes/a.mp3")
        assert connection.getresponse().status == 200
    assert (root / "feed.xml").read_text(encoding="utf-8") == built  # the published file is left as built
