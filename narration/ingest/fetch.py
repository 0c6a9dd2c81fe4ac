"""URL -> the HTML of a web page, fetched once with a timeout; every failure is one line naming the address."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping
from urllib.parse import unquote, urlsplit

from narration.errors import InputError
from narration.files import ARTICLE_LIMIT, MB

TIMEOUT_S = 20.0
HTML_TYPES = ("text/html", "application/xhtml+xml")
USER_AGENT = "narration (health article to audio; +https://pypi.org/project/narration/)"
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.IGNORECASE)


def is_url(text: object) -> bool:
    """True for an http(s) address given where an article file may be named."""
    return isinstance(text, str) and re.match(r"(?i)https?://[^/\s]", text) is not None


def url_stem(url: str) -> str:
    """The name an article fetched from `url` goes by: the last part of its path without a file suffix
    ('.../medicines/metformin-safely.html' -> 'metformin-safely'), else the host name."""
    parts = urlsplit(url)
    segments = [unquote(s) for s in parts.path.split("/") if s]
    while segments and re.fullmatch(r"(?i)index(\.\w+)?|default(\.\w+)?", segments[-1]):
        segments.pop()
    name = re.sub(r"\.(s?html?|php|aspx?|jsp|cfm)$", "", segments[-1], flags=re.IGNORECASE) if segments else ""
    return name or (parts.hostname or "article").removeprefix("www.")


class Unreachable(InputError):
    """Offline, no such server, or no answer in time: a copy fetched earlier may stand in (see conditional)."""


@dataclass(frozen=True)
class Fetched:
    """One answer of a server: its body (empty for 304 Not Modified), type and validators."""

    status: int
    raw: bytes
    kind: str  # the Content-Type without its parameters, lower case
    encoding: str | None  # the charset the server named, if it named one
    etag: str = ""
    last_modified: str = ""

    def text(self) -> str:
        return _decode(self.raw, self.encoding)


def fetch_page(url: str, timeout_s: float | None = None) -> str:
    """The page's HTML as text; offline, a timeout, an HTTP error or a response that is not HTML is refused."""
    return page_text(url, get(url, timeout_s=timeout_s))


def page_text(url: str, fetched: Fetched) -> str:
    """A fetched answer as a web page's text; a document of another type is refused."""
    if fetched.kind and fetched.kind not in HTML_TYPES:
        raise InputError(url, f"is not a web page ({fetched.kind}); give the address of an HTML page, or save the "
                              "document and pass the file")
    return fetched.text()


def get(url: str, accept: str = "text/html,application/xhtml+xml", headers: Mapping[str, str] | None = None,
        timeout_s: float | None = None) -> Fetched:
    """One GET with a timeout and a size cap; a 304 comes back with an empty body, any other failure is one line."""
    import requests

    timeout_s = timeout_s or TIMEOUT_S
    sent = {"User-Agent": USER_AGENT, "Accept": accept, **(headers or {})}
    try:
        with requests.get(url, timeout=timeout_s, stream=True, headers=sent) as response:
            answered = f"the server answered {response.status_code} {response.reason or ''}".rstrip()
            if response.status_code >= 500:  # the server's trouble, for now: a copy fetched earlier may stand in
                raise Unreachable(url, answered + "; try again later")
            if response.status_code >= 400:
                raise InputError(url, answered + "; check the address")
            content_type = response.headers.get("Content-Type", "")
            kind = content_type.split(";")[0].strip().lower()
            raw = b"" if response.status_code == 304 else _read_capped(response, url)
            return Fetched(response.status_code, raw, kind,
                           response.encoding if "charset" in content_type.lower() else None,
                           response.headers.get("ETag", ""), response.headers.get("Last-Modified", ""))
    except requests.Timeout:
        raise Unreachable(url, f"no answer within {timeout_s:g} s; check the address or try again later") from None
    except requests.ConnectionError as err:
        if "timed out" in str(err).lower():  # the server stopped sending half-way
            raise Unreachable(url, f"no answer within {timeout_s:g} s; check the address or try again later") from None
        raise Unreachable(url, "cannot be reached (offline, or no such server); check the address and the "
                               "network, or save the page and pass the file") from None
    except requests.RequestException as err:
        raise InputError(url, f"cannot be fetched: {type(err).__name__}") from None


def _read_capped(response: object, url: str) -> bytes:
    """The body, refused past the article size limit (a page that never ends must not fill the memory)."""
    chunks, size = [], 0
    for chunk in response.iter_content(64 * 1024):  # type: ignore[attr-defined]
        size += len(chunk)
        if size > ARTICLE_LIMIT:
            raise InputError(url, f"is larger than the {ARTICLE_LIMIT // MB} MB limit for articles")
        chunks.append(chunk)
    if not size:
        raise InputError(url, "the server sent an empty page; nothing to narrate")
    return b"".join(chunks)


def _decode(raw: bytes, encoding: str | None) -> str:
    """Text in the charset the server or the page names, else UTF-8 (bad bytes replaced, never fatal)."""
    declared = CHARSET.search(raw[:4096])
    for name in (encoding, declared.group(1).decode("ascii") if declared else None, "utf-8"):
        if not name:
            continue
        try:
            return raw.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("utf-8", errors="replace")
