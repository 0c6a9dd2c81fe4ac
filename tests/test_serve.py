"""The preview server: loopback only, nothing outside the folder, podcast MIME types, byte ranges."""
from __future__ import annotations

import http.client
import os
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from narration.errors import InputError
from narration.serve import make_server

PAYLOAD = bytes(range(256)) * 40  # 10,240 bytes whose every position is recognisable


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int, Path]]:
    tmp_path = tmp_path_factory.mktemp("serve")
    root = tmp_path / "site"
    (root / "episodes").mkdir(parents=True)
    (root / "episodes" / "one.mp3").write_bytes(PAYLOAD)
    for name in ("feed.xml", "t.vtt", "t.srt", "t.json", "index.html"):
        (root / name).write_text("x", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("outside", encoding="utf-8")
    httpd = make_server(root, port=0)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    host, port = httpd.server_address[:2]
    yield host, port, tmp_path
    httpd.shutdown()
    httpd.server_close()
    thread.join()


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


def test_binds_to_loopback_by_default(server) -> None:
    assert server[0] == "127.0.0.1"


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


def test_range_past_the_end_is_unsatisfiable(server) -> None:
    response = _get(server, "/episodes/one.mp3", {"Range": f"bytes={len(PAYLOAD)}-"})
    assert response.status == 416
    assert response.getheader("Content-Range") == f"bytes */{len(PAYLOAD)}"


@pytest.mark.parametrize("header", ["bytes=0-1,5-9", "items=0-5", "bytes=-"])
def test_ranges_it_does_not_handle_get_the_whole_file(server, header: str) -> None:
    response = _get(server, "/episodes/one.mp3", {"Range": header})
    assert response.status == 200 and response.body == PAYLOAD


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a folder"):
        make_server(tmp_path / "missing", port=0)
