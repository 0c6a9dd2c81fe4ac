"""A library of articles: sources found in folders, globs, lists, feeds and sitemaps; one show feed and one feed and
page per article; first publication days kept; incremental additions, edits and removals; conditional fetches."""
from __future__ import annotations

import hashlib
import http.server
import json
import logging
import threading
from xml.etree import ElementTree
from datetime import date
from email.utils import formatdate
from pathlib import Path
from typing import Iterator

import feedparser
import podcastparser
import pytest

from conftest import TEST_TOML, FakeEngine, Project, make_project
from narration.build.pipeline import BuildReport, article_paths, build
from narration.check.folder import check_folder
from narration.cli import main, summary
from narration.config import load_config
from narration.ingest.conditional import Fetcher

BASE = "https://podcast.example.org/breast-health/"


def article(title: str, topic: str, front: str = "") -> str:
    """A small two-section article whose sentences name its topic (so no two articles share a sentence)."""
    head = f"---\n{front}\n---\n" if front else ""
    return (f"{head}# {title}\n\nThis article explains {topic} in plain words.\n\n## What to expect\n\n"
            f"Most people with {topic} feel well again within a week.\n")


def write_library(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    words = ["asthma", "bunions", "cataracts", "dermatitis", "eczema", "fever", "gout", "hives", "insomnia", "jaundice"]
    paths = []
    for name in words[:count]:
        path = folder / f"{name}.md"
        path.write_text(article(name.capitalize(), name), encoding="utf-8")
        paths.append(path)
    return paths


def _build(project: Project, *articles: Path | str, engine: FakeEngine | None = None, **changes: object) -> BuildReport:
    changes.setdefault("holdline", False)
    return build(project.config, project.options(*articles, **changes), engine=engine or FakeEngine())


def _mp3_hashes(output: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (output / "episodes").glob("*.mp3")}


def _mark(output: Path) -> dict:
    return json.loads((output / "narration-output.json").read_text(encoding="utf-8"))


# --- finding the articles -------------------------------------------------------------------------------------

def test_a_folder_yields_every_article_in_it_and_nothing_else(project: Project, tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    (lib / "topics" / "deeper").mkdir(parents=True)
    for relative in ("a.md", "topics/b.txt", "topics/deeper/c.html", "topics/deeper/d.HTM"):
        (lib / relative).write_text("x", encoding="utf-8")
    for relative in ("notes.pdf", ".draft.md", ".git/e.md", "output/f.md", "scripts/g.txt", "cache/h.md",
                     "old-site/index.html"):
        (lib / relative).parent.mkdir(parents=True, exist_ok=True)
        (lib / relative).write_text("x", encoding="utf-8")
    (lib / "old-site" / "narration-output.json").write_text("{}", encoding="utf-8")  # another built output
    options = project.options(lib, output=lib / "output", scripts_dir=lib / "scripts", cache_dir=lib / "cache")
    found = [p.relative_to(lib).as_posix() for p in article_paths(options, project.config)]
    assert found == ["a.md", "topics/b.txt", "topics/deeper/c.html", "topics/deeper/d.HTM"]


def test_library_sources_take_folders_globs_and_list_files(tmp_path: Path) -> None:
    root = tmp_path / "project"
    write_library(root / "lib", 2)
    (root / "more").mkdir(parents=True)
    (root / "more" / "x.md").write_text(article("X", "xerosis"), encoding="utf-8")
    (root / "more" / "y.txt").write_text("Yaws is an infection.\n", encoding="utf-8")
    (root / "elsewhere").mkdir()
    (root / "elsewhere" / "z.md").write_text(article("Z", "zoster"), encoding="utf-8")
    (root / "reading-list.txt").write_text("# one path a line\nelsewhere/z.md\n\nlib\n", encoding="utf-8")
    project = make_project(root, TEST_TOML + '[library]\nsources = ["lib", "more/*.md", "reading-list.txt"]\n')
    found = article_paths(project.options(), project.config)
    assert [p.relative_to(root).as_posix() for p in found] == [  # lib/ once, though the list names it again
        "lib/asthma.md", "lib/bunions.md", "more/x.md", "elsewhere/z.md"]


def test_a_missing_source_is_one_config_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "project"
    make_project(root, TEST_TOML + '[library]\nsources = ["nowhere/*.md"]\n')
    assert main(["build", "-q", "--config", str(root / "narration.toml"), "--output", str(root / "out")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "library.sources" in err[0] and "nowhere/*.md" in err[0]


def test_front_matter_id_names_the_article(project: Project, tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "draft-3-final.md").write_text(article("Gout", "gout", "id: gout-basics"), encoding="utf-8")
    report = _build(project, lib)
    assert {e.info.article_slug for e in report.episodes} == {"gout-basics"}
    assert (project.root / "output" / "articles" / "gout-basics" / "feed.xml").is_file()


def test_two_sources_with_one_name_are_one_error_naming_both(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import narration.speech

    engine = FakeEngine()
    for name in list(narration.speech.ENGINES):
        monkeypatch.setitem(narration.speech.ENGINES, name, lambda settings: engine)
    root = tmp_path / "project"
    make_project(root)
    (root / "a").mkdir()
    (root / "b").mkdir()
    (root / "a" / "gout.md").write_text(article("Gout", "gout"), encoding="utf-8")
    (root / "b" / "gout.txt").write_text("Gout is a kind of arthritis.\n", encoding="utf-8")
    code = main(["build", "-q", "--config", str(root / "narration.toml"), "--scripts", str(root / "scripts"),
                 "--cache", str(root / "cache"), "--output", str(root / "output"), str(root / "a"), str(root / "b")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1, err
    assert str(root / "a" / "gout.md") in err[0] and str(root / "b" / "gout.txt") in err[0] and "gout" in err[0]
    assert engine.calls == [] and not (root / "scripts").exists() and not (root / "output").exists()


# --- what a library publishes ---------------------------------------------------------------------------------

def test_library_publishes_a_show_feed_and_one_feed_and_page_per_article(project: Project, tmp_path: Path) -> None:
    paths = write_library(tmp_path / "lib", 3)
    paths[0].write_text(article("Asthma", "asthma", "first_published: 2026-03-01\nlast_reviewed: 2025-11-02"),
                        encoding="utf-8")
    report = _build(project, tmp_path / "lib")
    out = project.root / "output"
    show = podcastparser.parse(BASE + "feed.xml", (out / "feed.xml").open("rb"))
    dates = [e["published"] for e in show["episodes"]]
    # podcastparser sorts by date itself; the feed's own order (feedparser keeps it) is by publication date too
    order = [e.published_parsed for e in feedparser.parse((out / "feed.xml").read_bytes()).entries]
    articles_in_order = [e.info.article_slug for e in report.episodes]
    assert articles_in_order.index("asthma") > articles_in_order.index("cataracts")  # published last, listed last
    assert order == sorted(order)
    assert len(dates) == len(report.episodes) == 9
    for slug in ("asthma", "bunions", "cataracts"):
        data = (out / "articles" / slug / "feed.xml").read_bytes()
        parsed = feedparser.parse(data)
        assert not parsed.bozo and parsed.version == "rss20"
        assert {link["href"] for link in parsed.feed.links if link.get("rel") == "self"} == {
            f"{BASE}articles/{slug}/feed.xml"}
        own = podcastparser.parse(f"{BASE}articles/{slug}/feed.xml", (out / "articles" / slug / "feed.xml").open("rb"))
        assert len(own["episodes"]) == 3 and all(f"/episodes/{slug}--" in e["enclosures"][0]["url"]
                                                 for e in own["episodes"])
        assert slug.capitalize() in own["title"]
    assert check_folder(out, project.config) == []
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.count('<ul class="links">') == 3 and "last reviewed" in index and "articles/asthma/index.html" in index


def test_hold_line_manifest_groups_renditions_by_article(project: Project, tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    write_library(lib, 1)
    _build(project, lib, holdline=True)
    out = project.root / "output"
    before = {p.relative_to(out).as_posix(): p.read_bytes() for p in (out / "holdline").rglob("*") if p.is_file()}
    (lib / "bunions.md").write_text(article("Bunions", "bunions"), encoding="utf-8")  # added to the built library
    engine = FakeEngine()
    _build(project, lib, holdline=True, engine=engine)
    assert engine.calls and all("bunions" in text.lower() for text in engine.calls)  # its sentences and topic line
    after = {p.relative_to(out).as_posix(): p.read_bytes() for p in (out / "holdline").rglob("*") if p.is_file()}
    changed = {name for name in before if before[name] != after.get(name)}
    assert changed and all("hold-program" in name or name.endswith("manifest.json") for name in changed)
    manifest = json.loads((out / "holdline" / "manifest.json").read_text(encoding="utf-8"))
    groups = manifest["articles"]
    assert set(groups) == {"asthma", "bunions"}
    files = {entry["file"] for entry in manifest["files"]}
    for slug, listed in groups.items():
        assert listed and set(listed) <= files and all(f"{slug}--" in name for name in listed)
    grouped = {name for listed in groups.values() for name in listed}
    assert all("hold-program" in name for name in files - grouped)  # only the program is the library's as a whole


# --- incremental builds -----------------------------------------------------------------------------------------

def test_adding_an_article_makes_only_that_article(project: Project, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    lib = tmp_path / "lib"
    write_library(lib, 3)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")  # 2026-05-28
    _build(project, lib)
    out = project.root / "output"
    before = _mp3_hashes(out)
    (lib / "gout.md").write_text(article("Gout", "gout"), encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")  # 2026-09-21
    engine = FakeEngine()
    report = _build(project, lib, engine=engine)
    assert engine.calls and all("gout" in text.lower() for text in engine.calls)
    assert report.episodes_rendered == 3
    after = _mp3_hashes(out)
    assert {name: after[name] for name in before} == before  # nothing else re-encoded
    assert sorted(set(after) - set(before)) == ["gout--00-full.mp3", "gout--01-gout.mp3", "gout--02-what-to-expect.mp3"]
    records = _mark(out)["articles"]
    assert records["gout"]["first_published"] == "2026-09-21"  # published the day it was added
    assert {records[s]["first_published"] for s in ("asthma", "bunions", "cataracts")} == {"2026-01-05"}
    assert report.changes.added == ["gout"] and not report.changes.changed and not report.changes.removed
    assert "  Articles added: gout." in summary(report)
    newest = feedparser.parse((out / "feed.xml").read_bytes()).entries
    assert max(newest, key=lambda e: e.published_parsed).link.split("/")[-1].startswith("gout--")


def test_first_publication_day_is_kept_when_rebuilt(project: Project, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    lib = tmp_path / "lib"
    write_library(lib, 1)
    _build(project, lib)
    (lib / "bunions.md").write_text(article("Bunions", "bunions"), encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    _build(project, lib)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")  # months later, after an edit
    (lib / "bunions.md").write_text(article("Bunions", "bunions and hallux"), encoding="utf-8")
    report = _build(project, lib)
    assert _mark(project.root / "output")["articles"]["bunions"]["first_published"] == "2026-09-21"
    assert {e.info.pub_date[:10] for e in report.episodes if e.info.article_slug == "bunions"} == {"2026-09-21"}
    assert report.changes.changed == ["bunions"]


def test_editing_an_article_remakes_only_its_changed_sentences_and_episodes(project: Project, tmp_path: Path) -> None:
    paths = write_library(tmp_path / "lib", 3)
    _build(project, tmp_path / "lib")
    out = project.root / "output"
    before = _mp3_hashes(out)
    feed_before = (out / "articles" / "asthma" / "feed.xml").read_bytes()
    paths[1].write_text(paths[1].read_text(encoding="utf-8").replace("within a week", "within ten days"),
                        encoding="utf-8")
    engine = FakeEngine()
    report = _build(project, tmp_path / "lib", engine=engine)
    assert engine.calls == ["Most people with bunions feel well again within ten days."]
    after = _mp3_hashes(out)
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {"bunions--02-what-to-expect.mp3", "bunions--00-full.mp3"}
    assert report.episodes_rendered == 2
    assert report.changes.changed == ["bunions"] and not report.changes.added and not report.changes.removed
    assert (out / "articles" / "asthma" / "feed.xml").read_bytes() == feed_before  # another article's feed as it was


def test_removing_an_article_removes_its_items_and_files(project: Project, tmp_path: Path) -> None:
    paths = write_library(tmp_path / "lib", 3)
    _build(project, tmp_path / "lib")
    out = project.root / "output"
    paths[2].unlink()
    engine = FakeEngine()
    report = _build(project, tmp_path / "lib", engine=engine)
    assert engine.calls == [] and report.episodes_rendered == 0
    assert report.changes.removed == ["cataracts"] and "  Articles removed: cataracts." in summary(report)
    leftovers = [p for p in out.rglob("*") if "cataracts" in p.name]
    assert leftovers == [] and not (out / "articles" / "cataracts").exists()
    assert "cataracts" not in (out / "feed.xml").read_text(encoding="utf-8")
    assert "cataracts" not in (out / "index.html").read_text(encoding="utf-8")
    assert "cataracts" not in _mark(out)["articles"]


def _seasons(output: Path) -> dict[str, str]:
    """Each article's season (itunes:season of its items in the show's feed), by article slug."""
    itunes = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
    root = ElementTree.fromstring((output / "feed.xml").read_bytes())
    seasons = {}
    for item in root.iter("item"):
        slug = item.find("enclosure").get("url").rsplit("/", 1)[-1].split("--")[0]
        assert seasons.setdefault(slug, item.findtext(f"{itunes}season")) == item.findtext(f"{itunes}season")
    return seasons


def test_an_article_keeps_its_season_when_others_come_and_go(project: Project, tmp_path: Path) -> None:
    paths = write_library(tmp_path / "lib", 3)
    _build(project, tmp_path / "lib")
    out = project.root / "output"
    first = _seasons(out)
    assert sorted(first.values()) == ["1", "2", "3"]
    paths[0].unlink()  # the first article goes: the others keep their numbers
    _build(project, tmp_path / "lib")
    second = _seasons(out)
    assert second == {slug: season for slug, season in first.items() if slug != "asthma"}
    (tmp_path / "lib" / "zoster.md").write_text(article("Zoster", "zoster"), encoding="utf-8")
    _build(project, tmp_path / "lib")
    third = _seasons(out)
    assert {k: v for k, v in third.items() if k != "zoster"} == second and third["zoster"] not in first.values()


# --- addresses, feeds and sitemaps ----------------------------------------------------------------------------

PAGE = ("<!DOCTYPE html><html lang='en'><head><title>{title} - Clinic</title></head><body><main><article>"
        "<h1>{title}</h1><p>This page explains {topic} for patients and their families in plain words.</p>"
        "<h2>What to expect</h2><p>Most people with {topic} feel well again within a week or two.</p>"
        "</article></main></body></html>")
MODIFIED = formatdate(1767225600, usegmt=True)


class _Site(http.server.BaseHTTPRequestHandler):
    """A small website: two pages, its RSS and Atom feeds and sitemaps; validators on everything; counts requests."""

    log: list[tuple[str, int]] = []
    failing = 0  # a status every request gets (a server in trouble), 0 for none

    def do_GET(self) -> None:  # noqa: N802
        if type(self).failing:
            self._answer(type(self).failing, "text/html", b"trouble")
            return
        host = f"http://{self.headers['Host']}"
        pages = {"/health/gout": ("Gout", "gout"), "/health/hives.html": ("Hives", "hives")}
        routes = {
            "/feed.xml": ("application/rss+xml", "<?xml version='1.0'?><rss version='2.0'><channel><title>C</title>"
                          + "".join(f"<item><title>{t}</title><link>{host}{p}</link></item>" for p, (t, _) in pages.items())
                          + "</channel></rss>"),
            "/atom": ("application/atom+xml", "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>"
                      "<title>C</title><id>urn:c</id><updated>2026-01-01T00:00:00Z</updated>"
                      "<entry><title>Gout</title><id>urn:g</id><updated>2026-01-01T00:00:00Z</updated>"
                      "<link href='/health/gout'/></entry></feed>"),
            "/sitemap-index.xml": ("application/xml", "<?xml version='1.0'?><sitemapindex "
                                   "xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                                   f"<sitemap><loc>{host}/sitemap.xml</loc></sitemap></sitemapindex>"),
            "/sitemap.xml": ("text/xml", "<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                             + "".join(f"<url><loc>{host}{p}</loc></url>" for p in pages) + "</urlset>"),
            **{p: ("text/html; charset=utf-8", PAGE.format(title=t, topic=w)) for p, (t, w) in pages.items()},
        }
        if self.path not in routes:
            self._answer(404, "text/html", b"no")
            return
        kind, body = routes[self.path]
        data = body.encode("utf-8")
        etag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag or self.headers.get("If-Modified-Since") == MODIFIED:
            self._answer(304, kind, b"", etag)
        else:
            self._answer(200, kind, data, etag)

    def _answer(self, status: int, kind: str, body: bytes, etag: str = "") -> None:
        type(self).log.append((self.path, status))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if etag:
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", MODIFIED)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def website() -> Iterator[tuple[str, list[tuple[str, int]], http.server.ThreadingHTTPServer]]:
    _Site.log, _Site.failing = [], 0
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", _Site.log, httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("entry", ["/feed.xml", "/atom", "/sitemap-index.xml"])
def test_a_feed_or_sitemap_stands_for_the_pages_it_lists(website, tmp_path: Path, entry: str) -> None:
    server, _, _ = website
    root = tmp_path / "project"
    project = make_project(root, TEST_TOML + f'[library]\nsources = ["{server}{entry}"]\n')
    found = article_paths(project.options(), project.config, Fetcher(None))
    expected = [f"{server}/health/gout", f"{server}/health/hives.html"]
    assert list(found) == (expected[:1] if entry == "/atom" else expected)


def test_an_unchanged_address_costs_one_request_answered_304(website, project: Project,
                                                           caplog: pytest.LogCaptureFixture) -> None:
    server, log, httpd = website
    report = _build(project, f"{server}/feed.xml")
    assert {e.info.article_slug for e in report.episodes} == {"gout", "hives"}
    assert sorted(log) == [("/feed.xml", 200), ("/health/gout", 200), ("/health/hives.html", 200)]
    log.clear()
    engine = FakeEngine()
    report = _build(project, f"{server}/feed.xml", engine=engine)
    assert sorted(log) == [("/feed.xml", 304), ("/health/gout", 304), ("/health/hives.html", 304)]
    assert engine.calls == [] and report.episodes_rendered == 0 and len(report.episodes) == 6
    httpd.shutdown()  # offline now: the copies fetched earlier stand in, with a warning
    httpd.server_close()
    with caplog.at_level(logging.WARNING):
        report = _build(project, f"{server}/feed.xml")
    assert len(report.episodes) == 6
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING and "fetched earlier" in r.getMessage()]
    assert len(warned) == 3 and any(f"{server}/health/gout" in w for w in warned)


@pytest.mark.parametrize("status", [500, 503])
def test_a_server_in_trouble_is_answered_by_the_copy_fetched_earlier(website, project: Project, status: int,
                                                                    caplog: pytest.LogCaptureFixture) -> None:
    server, log, _ = website
    _build(project, f"{server}/health/gout")
    _Site.failing = status
    with caplog.at_level(logging.WARNING):
        report = _build(project, f"{server}/health/gout")
    assert len(report.episodes) == 3 and log[-1] == ("/health/gout", status)
    assert any(str(status) in r.getMessage() and "fetched earlier" in r.getMessage() for r in caplog.records)


def test_a_page_that_is_gone_is_an_error_not_its_old_copy(website, project: Project) -> None:
    from narration.errors import InputError

    server, _, _ = website
    _build(project, f"{server}/health/gout")
    _Site.failing = 404
    with pytest.raises(InputError, match="answered 404"):
        _build(project, f"{server}/health/gout")


def test_offline_without_a_copy_is_still_one_error(project: Project, website) -> None:
    server, _, httpd = website
    httpd.shutdown()
    httpd.server_close()
    from narration.errors import InputError

    with pytest.raises(InputError, match="cannot be reached"):
        _build(project, f"{server}/health/gout")


def test_config_library_sources_relative_to_the_config(tmp_path: Path) -> None:
    root = tmp_path / "project"
    write_library(root / "articles", 2)
    (root / "narration.toml").write_text(TEST_TOML + '[library]\nsources = ["articles"]\n', encoding="utf-8")
    config = load_config(root / "narration.toml")
    report = build(config, Project(root, config).options(holdline=False), engine=FakeEngine())
    assert {e.info.article_slug for e in report.episodes} == {"asthma", "bunions"}
    assert date.fromisoformat(_mark(root / "output")["articles"]["asthma"]["first_published"]) == date(2026, 1, 5)


def test_an_output_inside_a_configured_source_is_refused_only_when_it_would_hold_it(tmp_path: Path) -> None:
    from narration.build.pipeline import check_output_folder
    from narration.errors import OutputError

    root = tmp_path / "project"
    write_library(root / "site" / "articles", 1)
    project = make_project(root, TEST_TOML + '[library]\nsources = ["site/articles/**/*.md"]\n')
    with pytest.raises(OutputError, match="library source"):
        check_output_folder(project.config, project.options(output=root / "site"))
    check_output_folder(project.config, project.options(output=root / "site" / "articles" / "out"))  # inside: skipped


def test_a_list_file_may_name_addresses_and_feeds(website, tmp_path: Path) -> None:
    server, _, _ = website
    root = tmp_path / "project"
    write_library(root / "local", 1)
    (root / "sources.list").write_text(f"{server}/health/hives.html\n# the clinic's feed\n{server}/feed.xml\nlocal\n",
                                       encoding="utf-8")
    project = make_project(root, TEST_TOML + '[library]\nsources = ["sources.list"]\n')
    found = article_paths(project.options(), project.config, Fetcher(None))
    assert list(found) == [f"{server}/health/hives.html", f"{server}/health/gout", root / "local" / "asthma.md"]
