"""Web pages: the article inside a page (not its navigation, banners, related links or footer), its tables and
line breaks, and a page fetched from an http(s) address, served here by a local HTTP server."""
from __future__ import annotations

import http.server
import socket
import threading
import time
import zipfile
from datetime import date
from pathlib import Path
from typing import Iterator

import lxml.etree
import lxml.html
import pytest

import narration.ingest.fetch
import narration.speech
from conftest import FIXTURES, FakeEngine
from narration.cli import main
from narration.config import ScriptConfig
from narration.ingest import read_article
from narration.text.lexicon import Report, load_lexicon
from narration.models import Block
from narration.scripts import plan_sections, script_text
from narration.ingest.tables import spoken_rows

PAGE = FIXTURES / "web" / "metformin-safely.html"
# Text of the page around the article: none of it may reach a script, a heading or a title.
BOILERPLATE = ("cookies", "Accept all", "Conditions A to Z", "Find a service", "Contact us", "Search", "Home",
               "Riverside Health NHS Trust", "Related articles", "Living with type 2 diabetes", "Starting insulin",
               "low-sugar breakfast", "newsletter", "Subscribe", "Privacy policy", "Accessibility statement",
               "Terms and conditions", "All rights reserved", "Two white oval tablets")
CONFIG = ('[show]\ntitle = "Test Show"\nbase_url = "https://podcast.example.org/show/"\nfirst_published = "2026-01-05"\n'
          '[scripts]\nmin_section_seconds = 0\n')  # few-word test sections stay episodes of their own


def test_saved_page_keeps_the_article_and_drops_the_page_around_it() -> None:
    article = read_article(PAGE)
    assert article.title == "Taking Metformin Safely"
    assert [s.heading for s in article.sections] == ["", "How to take metformin", "Side effects", "When to get help",
                                                     "Medicine facts"]  # each <h3> is a heading inside its <h2>
    text = repr(article.sections)
    for words in BOILERPLATE:
        assert words.lower() not in text.lower(), words
    assert article.meta.language == "en-GB"
    assert article.meta.last_reviewed == date(2025, 2, 14)
    assert article.meta.source_url == "https://health.example.org/medicines/metformin-safely"
    kinds = {section.heading: [block.kind for block in section.blocks] for section in article.sections}
    assert kinds["How to take metformin"] == ["paragraph", "subheading", "paragraph", "list"]
    assert kinds["When to get help"] == ["paragraph", "list", "subheading", "paragraph"]
    assert kinds["Side effects"] == ["paragraph", "table"]
    assert [b for b in article.sections[3].blocks if b.kind == "list"][0].ordered


def test_page_laid_out_with_divs_only() -> None:
    """An older site: no <main>, <nav> or <footer>, only divs with ids and classes."""
    article = read_article(FIXTURES / "web" / "div-layout.html")
    assert article.title == "Flu Vaccine: Who Should Get It"
    assert [s.heading for s in article.sections] == ["", "Who is eligible", "Clinic times"]
    text = repr(article.sections)
    for words in ("cookies", "Home", "Our services", "Book online", "You may also like", "COVID-19 boosters",
                  "Travel jabs", "High Street", "Registered charity", "Privacy"):
        assert words not in text, words
    assert [b.kind for b in article.sections[1].blocks] == ["paragraph", "list"]
    assert article.sections[2].blocks[0].rows[0] == ("Monday", "9 am to 12 noon")


def test_html_table_keeps_its_header_and_rows() -> None:
    article = read_article(PAGE)
    side_effects = next(b for s in article.sections for b in s.blocks if b.kind == "table" and b.header)
    assert side_effects.header == ("Side effect", "How common", "What to do")
    assert side_effects.rows[0] == ("Nausea", "1 in 10", "Take with food")
    assert len(side_effects.rows) == 3
    facts = next(b for s in article.sections if s.heading == "Medicine facts" for b in s.blocks if b.kind == "table")
    assert facts.header == () and facts.rows == (("Brand names", "Glucophage, Glucient"), ("Prescription only", "Yes"))


def test_br_lines_stay_separate_lines() -> None:
    article = read_article(PAGE)
    help_section = next(s for s in article.sections if s.heading == "When to get help")
    assert help_section.blocks[2].text == "Contact the diabetes nurses"
    assert help_section.blocks[3].lines == ("Riverside Diabetes Centre", "Level 2, West Wing",
                                       "Monday to Friday, 8:30 am to 5 pm", "Phone 020 7946 0000")


def _script_lines(article_path: Path, heading: str) -> list[str]:
    article = read_article(article_path)
    planned = next(p for p in plan_sections(article, "episode") if p.title == heading)
    text = script_text(article, planned, load_lexicon(None), Report(), ScriptConfig())
    return [line for line in text.splitlines() if line and not line.startswith(("#", "title:"))]


def test_table_rows_are_spoken_with_their_headers() -> None:
    lines = _script_lines(PAGE, "Side effects")
    rows = [line for line in lines if line.startswith(("Nausea", "Diarrhoea", "Metallic"))]
    assert rows[0] == "Nausea: how common, 1 in 10; what to do, take with food."
    assert len(rows) == 3 and all("how common" in row and "what to do" in row for row in rows)
    assert not any("Side effect" in line for line in lines)  # the header is said with each value, not on its own


def test_label_value_table_and_br_lines_in_the_script() -> None:
    facts = _script_lines(PAGE, "Medicine facts")
    assert facts[:2] == ["Brand names: Glucophage, Glucient.", "Prescription only: Yes."]
    help_lines = _script_lines(PAGE, "When to get help")
    contact = help_lines[next(i for i, line in enumerate(help_lines) if "diabetes nurses" in line) + 1:]
    assert contact[0] == "Riverside Diabetes Centre"  # one spoken line per written line, never merged
    assert len(contact) == 4 and contact[1].startswith("Level 2") and contact[3].startswith("Phone")


MARKDOWN_TABLE = """# Metformin

Most side effects are mild.

| Side effect | How common | What to do |
|---|---|---|
| Nausea | 1 in 10 | Take with food |
| Diarrhoea | 1 in 10 | Drink plenty of water |

|  |  |
|--|--|
| Brand names | Glucophage |
"""


def test_markdown_table_is_a_table(tmp_path: Path) -> None:
    path = tmp_path / "metformin.md"
    path.write_text(MARKDOWN_TABLE, encoding="utf-8")
    blocks = read_article(path).sections[0].blocks
    assert [b.kind for b in blocks] == ["paragraph", "table", "table"]
    assert blocks[1].header == ("Side effect", "How common", "What to do") and len(blocks[1].rows) == 2
    assert blocks[2].header == ()  # an empty header row is no header
    lines = _script_lines(path, "Metformin")
    assert "Nausea: how common, 1 in 10; what to do, take with food." in lines
    assert "Brand names: Glucophage." in lines
    assert not any("-, -" in line or "|" in line for line in lines)


@pytest.mark.parametrize("block, spoken", [
    (Block("table", header=("Test", "When"), rows=(("Blood test", "Every 3 months."), ("Eye check", ""))),
     ["Blood test: when, every 3 months.", "Eye check."]),
    (Block("table", header=("", "Adults", "Children"), rows=(("Dose", "500 mg", "Ask your GP"),)),
     ["Dose: adults, 500 mg; children, ask your GP."]),
    (Block("table", header=("Symptom",), rows=(("Fever",), ("Rash",))), ["Symptom: Fever.", "Symptom: Rash."]),
    (Block("table", rows=(("FDA approved", "Yes"), ("Brand name", "Temodar"))),
     ["FDA approved: Yes.", "Brand name: Temodar."]),
])
def test_table_shapes(block: Block, spoken: list[str]) -> None:
    assert spoken_rows(block) == spoken


# --- A page fetched from an address, through the command line -------------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    """The routes a real site answers with: the page, a missing page, a PDF, and a server that never answers."""

    def do_GET(self) -> None:  # noqa: N802 (the http.server name)
        if self.path == "/medicines/metformin-safely":
            self._send(200, "text/html; charset=utf-8", PAGE.read_bytes())
        elif self.path == "/leaflet.pdf":
            self._send(200, "application/pdf", b"%PDF-1.7 ...")
        elif self.path == "/slow":
            time.sleep(3)
            self._send(200, "text/html", b"<p>late</p>")
        else:
            self._send(404, "text/html", b"<h1>Not found</h1>")

    def _send(self, status: int, kind: str, body: bytes) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            pass  # the client gave up (the timeout test)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "narration.toml").write_text(CONFIG, encoding="utf-8")
    for name in list(narration.speech.ENGINES):
        monkeypatch.setitem(narration.speech.ENGINES, name, lambda settings: FakeEngine())
    return tmp_path


def _build(folder: Path, *articles: str) -> int:
    return main(["build", "-q", "--config", str(folder / "narration.toml"), "--scripts", str(folder / "scripts"),
                 "--cache", str(folder / "cache"), "--output", str(folder / "output"), "--no-holdline", *articles])


def test_url_article_builds_with_the_pages_own_metadata(server: str, folder: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    url = f"{server}/medicines/metformin-safely"
    assert _build(folder, url) == 0, capsys.readouterr().err
    scripts = folder / "scripts" / "metformin-safely"
    names = sorted(p.name for p in scripts.glob("*.txt"))
    assert names[0] == "01-taking-metformin-safely.txt" and len(names) == 5  # <h3>s are inside their <h2>
    spoken = "\n".join(p.read_text(encoding="utf-8") for p in scripts.glob("*.txt"))
    assert url in spoken  # the header names the address, whole
    for words in BOILERPLATE:
        assert words.lower() not in spoken.lower(), words
    feed = lxml.etree.parse(str(folder / "output" / "feed.xml"))
    assert "Taking Metformin Safely" in [t.text for t in feed.findall("channel/item/title")]
    page = lxml.html.parse(str(next((folder / "output" / "episodes").glob("*01-taking*.html")))).getroot()
    assert page.get("lang") == "en-GB"
    with zipfile.ZipFile(next((folder / "output" / "books").glob("*.epub"))) as book:
        chapter = lxml.etree.fromstring(book.read("EPUB/chapter.xhtml"))
        overlay = book.read("EPUB/chapter.smil").decode()
        opf = book.read("EPUB/package.opf").decode()
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    tables = chapter.findall(".//x:table", ns)
    assert len(tables) == 2
    assert [th.text for th in tables[0].findall(".//x:thead//x:th", ns)] == ["Side effect", "How common", "What to do"]
    rows = tables[0].findall(".//x:tbody/x:tr", ns)
    assert len(rows) == 3 and all(f"#{row.get('id')}" in overlay for row in rows)  # each row synced to its audio
    assert "2025-02-14" in opf or "February 14, 2025" in lxml.etree.tostring(chapter).decode()


@pytest.mark.parametrize("route, says", [
    ("/missing", "404"),
    ("/leaflet.pdf", "is not a web page (application/pdf)"),
    ("/slow", "no answer within"),
])
def test_url_failures_are_one_line(server: str, folder: Path, route: str, says: str,
                                   capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(narration.ingest.fetch, "TIMEOUT_S", 0.5)
    url = f"{server}{route}"
    assert _build(folder, url) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {url}: ") and says in lines[0], lines
    assert not (folder / "output").exists()


def test_unreachable_address_is_one_line(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as probe:  # a port nothing listens on: what an offline computer gets
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/page"
    assert _build(folder, url) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and "cannot be reached" in lines[0] and url in lines[0], lines
