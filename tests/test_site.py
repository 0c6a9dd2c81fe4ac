"""The published site: page structure, working links, and escaping of hostile article text."""
from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest

from narration.models import ArticleMeta, Cue
from narration.publish.site import SiteShow, write_site
from narration.publish.page_words import words_for
from narration.publish.site_player import SPEEDS, shortcuts
from sitekit import REVIEWED, SHOW, episode

CUES = (
    Cue(0, 1500, "What are breast calcifications?", "heading"),
    Cue(1800, 4000, "They are small bright spots on a mammogram."),
    Cue(4200, 6000, "Most are harmless."),
)
HOSTILE = "<script>alert('x')</script> & \"quotes\" 'apostrophes' </script><img src=x onerror=alert(1)> 🎧"


def _page(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(path.read_bytes())


def _build(tmp_path: Path, episodes, show: SiteShow = SHOW, books: dict[str, str] | None = None) -> Path:
    """Write the site plus the files other publishers put beside it, so every link can be checked."""
    for book in (books or {}).values():
        (tmp_path / book).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / book).write_bytes(b"epub")
    for ep in episodes:
        for relative in (ep.mp3, *(f"transcripts/{ep.info.slug}.{ext}" for ext in ("vtt", "srt", "json"))):
            (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / relative).write_bytes(b"x")
    (tmp_path / show.feed).write_text("<rss/>")
    for slug in {ep.info.article_slug for ep in episodes}:  # each article's own feed
        (tmp_path / "articles" / slug).mkdir(parents=True, exist_ok=True)
        (tmp_path / "articles" / slug / "feed.xml").write_text("<rss/>")
    if show.cover:
        (tmp_path / show.cover).write_bytes(b"png")
    write_site(tmp_path, show, episodes, books)
    return tmp_path


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return _build(
        tmp_path,
        [
            episode("01-intro", CUES, title="Breast Calcifications"),  # the opening section, named after the article
            episode("02-why", CUES, title="Why calcifications form", number=2),
            episode("00-full", CUES + (Cue(6000, 9000, "The end."),), title="Breast calcifications (full article)",
                    number=0),
            episode("01-screening", CUES, title="Screening", article_slug="screening",
                    article_title="Breast screening", meta=ArticleMeta()),
        ],
        books={"breast-calcifications": "books/breast-calcifications.epub"},
    )


def _local_targets(page: Path, root: Path) -> list[tuple[str, Path | None]]:
    """Every href/src of a page as (link, file it resolves to inside root)."""
    doc = _page(page)
    out = []
    for element, _attribute, link, _pos in doc.iterlinks():
        parts = urlsplit(link)
        if parts.scheme or parts.netloc:
            continue
        if not parts.path:  # a fragment on this page
            out.append((link, None))
            continue
        folder = posixpath.dirname(page.relative_to(root).as_posix())
        out.append((link, root / posixpath.normpath(posixpath.join(folder, unquote(parts.path)))))
    return out


def test_writes_index_pages_and_assets(site: Path) -> None:
    for relative in ("index.html", "episodes/01-intro.html", "episodes/02-why.html", "episodes/00-full.html",
                     "episodes/01-screening.html", "assets/player.js", "assets/display.js", "assets/player.css"):
        assert (site / relative).is_file(), relative


def test_every_link_and_fragment_resolves(site: Path) -> None:
    for page in [site / "index.html", *sorted((site / "episodes").glob("*.html")),
                 *sorted((site / "articles").glob("*/index.html"))]:
        ids = set(_page(page).xpath("//@id"))
        for link, target in _local_targets(page, site):
            if target is None:
                assert link[1:] in ids, f"{page.name}: {link}"
            else:
                assert target.is_file() and site in target.parents, f"{page.name}: {link}"


def test_article_page_lists_the_whole_article_first_then_sections_with_lengths_and_play_links(site: Path) -> None:
    doc = _page(site / "articles" / "breast-calcifications" / "index.html")
    assert doc.get("lang") == "en"
    assert [h.text_content() for h in doc.xpath("//h1")] == ["Breast calcifications"]
    items = doc.xpath("//ul[@class='episodes']/li")
    # Given sections first (as the pipeline lists them), the page puts the whole article first.
    assert [li.xpath("string(a[@class='title'])") for li in items] == [
        "Listen to the whole article", "Introduction", "Why calcifications form"]
    for li, slug, ms in zip(items, ("00-full", "01-intro", "02-why"), (9000, 6000, 6000)):
        assert li.xpath("a[@class='title']/@href") == [f"../../episodes/{slug}.html"]
        assert li.xpath("a[@class='play-link']/@href") == [f"../../episodes/{slug}.html#audio"]
        assert li.xpath("a[@class='play-link']/@aria-label")[0].startswith("Play")
        assert li.xpath("string(span[@class='duration'])") == f"{ms // 1000} s"
    assert doc.xpath(".//a[@href='../../books/breast-calcifications.epub']")
    assert doc.xpath("//section[@id='subscribe']//a[@href='feed.xml']")  # the article's own feed, beside the page
    assert "2 episodes, 12 s in all." in doc.xpath("string(//p[@class='facts'])")  # the whole article not counted
    assert "synthesized" in doc.text_content()
    other = _page(site / "articles" / "screening" / "index.html")
    assert not other.xpath("//a[contains(@href, '.epub')]")  # no book was made for it


def test_index_of_several_articles_lists_each_with_its_facts_page_book_and_feed(site: Path) -> None:
    doc = _page(site / "index.html")
    assert [h.text_content() for h in doc.xpath("//h1")] == [SHOW.title]
    articles = doc.xpath("//ul[@class='articles']/li")
    assert [li.xpath("string(h3)") for li in articles] == ["Breast calcifications", "Breast screening"]
    first = articles[0]
    assert first.xpath("h3/a/@href") == ["articles/breast-calcifications/index.html"]
    assert first.xpath(".//a[@href='books/breast-calcifications.epub']")
    assert first.xpath(".//a[@href='articles/breast-calcifications/feed.xml']")
    assert first.xpath("string(p[@class='facts'])").startswith("2 episodes, 12 s in all")
    assert not articles[1].xpath(".//a[contains(@href, '.epub')]")
    assert "synthesized" in doc.text_content()


@pytest.mark.parametrize("page", ["index.html", "episodes/02-why.html"])
def test_every_page_links_the_feed_with_its_address_and_how_to_subscribe(site: Path, page: str) -> None:
    doc = _page(site / page)
    feed = "feed.xml" if page == "index.html" else "../feed.xml"
    assert doc.xpath("//head/link[@rel='alternate' and @type='application/rss+xml']/@href") == [feed]
    (section,) = doc.xpath("//section[@id='subscribe']")
    assert section.xpath(f".//a[@href='{feed}']")
    (field,) = section.xpath(".//input[@id='feed-url']")
    assert field.get("readonly") is not None and field.get("value") == SHOW.feed_url
    assert section.xpath("string(.//label[@for='feed-url'])")
    assert section.xpath(".//button[@id='copy-feed']")
    text = section.text_content()
    for app in ("Apple Podcasts", "Pocket Casts", "Overcast", "AntennaPod"):
        assert app in text


def test_episode_page_works_without_javascript_and_carries_the_large_controls(site: Path) -> None:
    doc = _page(site / "episodes" / "01-intro.html")
    assert doc.get("lang") == "en"
    levels = [int(h.tag[1]) for h in doc.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels
    assert doc.xpath("string(//h1)") == "Introduction"  # the opening section does not repeat the article's title
    assert " ".join(doc.xpath("string(//p[@class='article'])").split()) == "Section 1 of 2 of Breast calcifications."

    (audio,) = doc.xpath("//audio")
    assert audio.get("controls") is not None and audio.get("src") == "01-intro.mp3"  # the no-JS player
    assert audio.get("aria-label")
    (track,) = audio.xpath("track")
    assert track.get("kind") == "captions" and track.get("src") == "../transcripts/01-intro.vtt"
    (controls,) = doc.xpath("//div[@id='controls']")
    assert controls.get("hidden") is not None  # shown by player.js, which makes them work
    assert [b.get("id") for b in controls.xpath(".//div[@class='transport']/button")] == ["back", "play", "forward"]
    assert controls.xpath(".//input[@type='range' and @id='position']")
    assert controls.xpath("string(.//label[@for='position'])")
    speeds = controls.xpath(".//div[@role='group']//button[@data-rate]")
    assert [b.get("data-rate") for b in speeds] == list(SPEEDS)
    assert [b.get("aria-pressed") for b in speeds] == ["true" if r == "1" else "false" for r in SPEEDS]
    listed = [" ".join(dt.text_content().split()) for dt in controls.xpath(".//dl[@class='shortcuts']//dt")]
    assert listed == [keys for keys, _ in shortcuts(words_for("en"))]
    assert doc.xpath("//*[@id='player-status' and @role='status']")

    skip = doc.xpath("//body/a[@class='skip-link']/@href")
    assert skip == ["#player", "#transcript"]
    assert doc.xpath("//body/a[1]")[0].get("class") == "skip-link"  # first thing a keyboard reaches

    text = " ".join(doc.text_content().split())
    assert "synthesized (computer-generated) reading of the article" in text
    assert "Reviewed by Breast care nurses, last reviewed 5 March 2024." in text
    assert doc.xpath("//time/@datetime") == ["2024-03-05"]
    assert doc.xpath("//a[@href='https://example.org/article']")
    assert doc.xpath("//a[@href='01-intro.mp3' and @download]")
    assert doc.xpath("//a[@href='../books/breast-calcifications.epub']")
    for ext in ("vtt", "srt", "json"):
        assert doc.xpath(f"//a[@href='../transcripts/01-intro.{ext}']")
    assert doc.xpath("//script/@src") == ["../assets/display.js", "../assets/player.js"]


def test_previous_and_next_follow_the_index(site: Path) -> None:
    def neighbours(slug: str) -> list[tuple[str, str]]:
        doc = _page(site / "episodes" / f"{slug}.html")
        return [(a.get("rel"), a.get("href")) for a in doc.xpath("//nav//a[@rel]")]

    assert neighbours("00-full") == [("next", "01-intro.html")]
    assert neighbours("01-intro") == [("prev", "00-full.html"), ("next", "02-why.html")]
    assert neighbours("02-why") == [("prev", "01-intro.html"), ("next", "01-screening.html")]
    doc = _page(site / "episodes" / "02-why.html")
    assert "(Breast screening)" in doc.xpath("string(//a[@rel='next'])")  # another article says so


def test_transcript_keeps_the_scripts_paragraphs_and_headings(tmp_path: Path) -> None:
    cues = (
        Cue(0, 900, "Welcome to the show.", "intro"),
        Cue(1000, 1900, "Section 1 of 2: First.", "heading", section=1),
        Cue(2000, 2900, "One.", section=1), Cue(3000, 3900, "Two.", section=1),
        Cue(4000, 4900, "Three.", section=1, paragraph=1),
        Cue(5000, 5900, "Section 2 of 2: Second.", "heading", section=2),
        Cue(6000, 6900, "Four.", section=2),
        Cue(7000, 7900, "Goodbye.", "outro"),
    )
    _build(tmp_path, [episode("00-full", cues, title="Breast calcifications (full article)", number=0)])
    doc = _page(tmp_path / "episodes" / "00-full.html")
    blocks = doc.xpath("//div[@class='transcript']/*")
    assert [(b.tag, b.get("class"), [c.text for c in b.xpath(".//*[@data-start]")]) for b in blocks] == [
        ("p", "framing", ["Welcome to the show."]),
        ("h3", None, ["Section 1 of 2: First."]),
        ("p", None, ["One.", "Two."]),
        ("p", None, ["Three."]),
        ("h3", None, ["Section 2 of 2: Second."]),
        ("p", None, ["Four."]),
        ("p", "framing", ["Goodbye."]),
    ]
    starts = [int(c.get("data-start")) for c in doc.xpath("//*[@data-start]")]
    assert starts == [c.start_ms for c in cues]
    assert doc.xpath("string(//h1)") == "Breast calcifications (full article)"


def test_review_line_is_left_out_without_review_metadata(site: Path) -> None:
    text = _page(site / "episodes" / "01-screening.html").text_content()
    assert "Reviewed" not in text and "reviewed" not in text
    assert "synthesized" in text


def test_article_language_sets_the_page_language(tmp_path: Path) -> None:
    ep = episode("01-que", CUES, meta=ArticleMeta(language="es"))
    _build(tmp_path, [ep])
    doc = _page(tmp_path / "episodes" / "01-que.html")
    assert doc.get("lang") == "es" and doc.xpath("//track/@srclang") == ["es"]


def test_hostile_text_is_shown_as_text_and_never_runs(tmp_path: Path) -> None:
    cues = (Cue(0, 1000, HOSTILE, "heading"), Cue(1000, 2000, "a </script> b <b>c</b>"))
    meta = ArticleMeta(reviewed_by=HOSTILE, last_reviewed=REVIEWED.last_reviewed, source_url="javascript:alert(1)")
    hostile_show = SiteShow(title=HOSTILE, description=HOSTILE, author=HOSTILE, language='en" onload="x',
                            feed_url="javascript:alert(1)")
    ep = episode("01-hostile", cues, title=HOSTILE, article_title="On " + HOSTILE, description=HOSTILE, meta=meta)
    _build(tmp_path, [ep], hostile_show)

    for page in (tmp_path / "index.html", tmp_path / "episodes" / "01-hostile.html"):
        doc = _page(page)
        scripts = doc.xpath("//script")
        code = [s for s in scripts if s.get("type") != "application/json"]  # a data block is never run
        assert all(s.get("src") and not (s.text or "").strip() for s in code), page.name
        assert [json.loads(s.text) for s in scripts if s not in code]  # the scripts' messages parse as data
        assert not doc.xpath("//img[@onerror] | //b | //*[@onload]")
        assert not [a for a in doc.xpath("//*/@*") if a.attrname.startswith("on")]
        assert not doc.xpath("//a[starts-with(normalize-space(@href), 'javascript:')]")
        assert doc.xpath("string(//h1)") == HOSTILE  # the words survive, emoji included
        assert HOSTILE in doc.xpath("string(//title)")

    doc = _page(tmp_path / "episodes" / "01-hostile.html")
    assert [b.text_content() for b in doc.xpath("//*[@data-start]")] == [c.text for c in cues]
    assert HOSTILE in doc.xpath("string(//p[@class='review'])")
    assert not doc.xpath("//p[@class='source']")  # a javascript: source link is dropped, not linked
    assert not doc.xpath("//input[@id='feed-url']")  # and so is a feed address that is not http(s)


@pytest.mark.parametrize("slug", ["../escape", "a/b", "", ".hidden"])
def test_unsafe_slug_is_refused(tmp_path: Path, slug: str) -> None:
    with pytest.raises(ValueError, match="slug"):
        write_site(tmp_path, SHOW, [episode(slug, CUES)])
    assert not (tmp_path / "escape.html").exists()


SMALL_CORPUS = ("coping-day-to-day", "temozolomide", "uterine-cancer")
WEB_PAGE = "metformin-safely.html"  # tables (with and without a header row), a list with its lead-in, <br> lines


@pytest.fixture(scope="module", params=["md", "txt"])
def corpus_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    """Three corpus pages in one form and a web page with tables, built with the fake voice (the site does not
    depend on the voice); the output folder and the articles."""
    from conftest import FIXTURES, FakeEngine, make_project
    from narration.build.pipeline import build

    project = make_project(tmp_path_factory.mktemp(f"corpus-{request.param}") / "project")
    articles = [FIXTURES / "corpus" / f"{name}.{request.param}" for name in SMALL_CORPUS] + [FIXTURES / "web" / WEB_PAGE]
    build(project.config, project.options(*articles, holdline=False), engine=FakeEngine())
    return project.root / "output", articles


def _written_pieces(path: Path) -> set[str]:
    """Every sentence, list item, table cell and sub-heading of an article as it is read (what pages may show)."""
    from narration.ingest import read_article
    from narration.text.sentences import split_sentences

    pieces: set[str] = set()
    for section in read_article(path).sections:
        for block in section.blocks:
            pieces.update(" ".join(p.split()) for p in (*split_sentences(block.text), *block.items,
                                                        *(c for row in block.rows for c in row), *block.header))
            if block.kind == "subheading":
                pieces.add(" ".join(re.sub(r"^\d{1,2}\.\s+", "", block.text).split()))
    return pieces


def test_built_pages_show_each_section_as_written_in_step_with_its_sentences(corpus_site: tuple[Path, list[Path]]) -> None:
    from narration.ingest import read_article

    out, articles = corpus_site
    written = {read_article(path).slug: _written_pieces(path) for path in articles}
    pages = sorted((out / "episodes").glob("*--0[1-9]*.html"))
    assert len(pages) >= len(articles)
    tables = 0
    for page in pages:
        transcript = _page(page).xpath("//div[@class='transcript']")[0]
        framing = {int(s) for s in transcript.xpath("./p[@class='framing']//@data-start")}
        synced = [(int(el.get("data-start")), int(el.get("data-end"))) for el in transcript.xpath(".//*[@data-start]")
                  if int(el.get("data-start")) not in framing]
        cues = json.loads((out / "transcripts" / f"{page.stem}.json").read_text(encoding="utf-8"))["segments"]
        starts = [round(c["startTime"] * 1000) for c in cues if round(c["startTime"] * 1000) not in framing]
        # every spoken sentence of the section plays from exactly one element, and they come in reading order
        assert all(a[1] <= b[0] for a, b in zip(synced, synced[1:])), page.name
        assert starts and all(sum(a <= start < b for a, b in synced) == 1 for start in starts), page.name
        # the text shown is the article's own: its sentences, list items, table cells and sub-headings
        pieces = written[page.stem.split("--")[0]]
        for element in transcript.xpath("./p[not(@class)] | ./h3 | ./h4 | .//li | .//th | .//td | .//div[@class='list']/p"):
            texts = [" ".join(t.split()) for t in element.xpath("./text() | ./span/text()") if t.strip()]
            assert texts and all(text in pieces for text in texts), (page.name, texts)
        tables += len(transcript.xpath(".//table[tbody/tr/th[@scope='row']]"))
    # the web page's two tables (one with column headers, one of labels and values) and temozolomide's key/value box
    assert tables == 3
    deepest = 0
    for page in (out / "episodes").glob("*--00-full.html"):  # sub-headings sit under their part's heading
        levels = [int(h.tag[1]) for h in _page(page).iter("h1", "h2", "h3", "h4", "h5", "h6")]
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), (page.name, levels)
        if not page.name.startswith(Path(WEB_PAGE).stem):  # the web page's <h3>s are sub-headings in both builds
            deepest = max(deepest, *levels)
    # uterine-cancer's sub-headings head link lists, left out: in the Markdown an empty '####' over a '#####' is
    # read as its parent; in pasted text both are bare lines with nothing left under them, and neither is read
    assert deepest == (4 if articles[0].suffix == ".md" else 3)


def test_built_index_and_links(corpus_site: tuple[Path, list[Path]]) -> None:
    out, _ = corpus_site
    doc = _page(out / "index.html")
    for section in doc.xpath("//main/section[.//ul[@class='episodes']]"):
        titles = [" ".join(a.text_content().split()) for a in section.xpath(".//li/a[@class='title']")]
        hrefs = section.xpath(".//li/a[@class='title']/@href")
        article = section.xpath("string(h2)")
        if len(hrefs) > 1:  # a one-section article has no separate whole-article episode
            assert titles[0] == "Listen to the whole article" and hrefs[0].endswith("--00-full.html")
            assert hrefs[1:] == sorted(hrefs[1:])  # the sections in reading order
        assert article.casefold() not in [t.casefold() for t in titles]
        assert section.xpath(".//a[starts-with(@href, 'books/') and substring(@href, string-length(@href) - 4) = '.epub']")
    assert doc.xpath("string(//input[@id='feed-url']/@value)") == "https://podcast.example.org/breast-health/feed.xml"
    for page in [out / "index.html", *sorted((out / "episodes").glob("*.html"))]:
        for link, target in _local_targets(page, out):
            assert target is None or target.is_file(), f"{page.name}: {link}"
