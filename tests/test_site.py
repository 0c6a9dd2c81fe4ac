"""The published site: page structure, working links, and escaping of hostile article text."""
from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest

from narration.models import ArticleMeta, Cue
from narration.publish.site import SiteShow, write_site
from sitekit import REVIEWED, SHOW, episode

CUES = (
    Cue(0, 1500, "What are breast calcifications?", "heading"),
    Cue(1800, 4000, "They are small bright spots on a mammogram."),
    Cue(4200, 6000, "Most are harmless."),
)
HOSTILE = "<script>alert('x')</script> & \"quotes\" 'apostrophes' </script><img src=x onerror=alert(1)> 🎧"


def _page(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(path.read_bytes())


def _build(tmp_path: Path, episodes, show: SiteShow = SHOW) -> Path:
    """Write the site plus the files other publishers put beside it, so every link can be checked."""
    for ep in episodes:
        for relative in (ep.mp3, *(f"transcripts/{ep.info.slug}.{ext}" for ext in ("vtt", "srt", "json"))):
            (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / relative).write_bytes(b"x")
    (tmp_path / show.feed).write_text("<rss/>")
    if show.cover:
        (tmp_path / show.cover).write_bytes(b"png")
    write_site(tmp_path, show, episodes)
    return tmp_path


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return _build(
        tmp_path,
        [
            episode("01-what", CUES),
            episode("02-why", CUES, title="Why calcifications form", number=2),
            episode("01-screening", CUES, title="Screening", article_slug="screening",
                    article_title="Breast screening", meta=ArticleMeta()),
        ],
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
    for relative in ("index.html", "episodes/01-what.html", "episodes/02-why.html",
                     "episodes/01-screening.html", "assets/player.js", "assets/player.css"):
        assert (site / relative).is_file(), relative


def test_every_link_and_fragment_resolves(site: Path) -> None:
    for page in [site / "index.html", *sorted((site / "episodes").glob("*.html"))]:
        ids = set(_page(page).xpath("//@id"))
        for link, target in _local_targets(page, site):
            if target is None:
                assert link[1:] in ids, f"{page.name}: {link}"
            else:
                assert target.is_file() and site in target.parents, f"{page.name}: {link}"


def test_index_lists_episodes_by_article_and_links_the_feed(site: Path) -> None:
    doc = _page(site / "index.html")
    assert doc.get("lang") == "en"
    assert [h.text_content() for h in doc.xpath("//h1")] == [SHOW.title]
    sections = doc.xpath("//main/section")
    assert [s.xpath("string(h2)") for s in sections] == ["Breast calcifications", "Breast screening"]
    assert [a.text_content() for a in sections[0].xpath(".//ol/li/a")] == [
        "What are breast calcifications?", "Why calcifications form"]
    assert sections[1].xpath(".//ol/li/a/@href") == ["episodes/01-screening.html"]
    assert doc.xpath("//a[@href='feed.xml' and contains(., 'Subscribe')]")
    assert "synthesized" in doc.text_content()


def test_episode_page_structure(site: Path) -> None:
    doc = _page(site / "episodes" / "01-what.html")
    assert doc.get("lang") == "en"
    levels = [int(h.tag[1]) for h in doc.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels
    assert doc.xpath("string(//h1)") == "What are breast calcifications?"

    (audio,) = doc.xpath("//audio")
    assert audio.get("controls") is not None and audio.get("src") == "01-what.mp3"
    assert audio.get("aria-label")
    (track,) = audio.xpath("track")
    assert track.get("kind") == "captions" and track.get("src") == "../transcripts/01-what.vtt"

    skip = doc.xpath("//body/a[@class='skip-link']/@href")
    assert skip == ["#player", "#transcript"]
    assert doc.xpath("//body/a[1]")[0].get("class") == "skip-link"  # first thing a keyboard reaches

    speeds = doc.xpath("//div[@role='group']//button[@data-rate]")
    assert [b.get("data-rate") for b in speeds] == ["0.75", "1", "1.25", "1.5"]
    assert [b.get("aria-pressed") for b in speeds] == ["false", "true", "false", "false"]
    (group,) = doc.xpath("//div[@role='group']")
    assert doc.xpath(f"string(//*[@id='{group.get('aria-labelledby')}'])") == "Playback speed"

    cues = doc.xpath("//section[@id='transcript']//button[@data-start]")
    assert [(int(b.get("data-start")), int(b.get("data-end")), b.text_content()) for b in cues] == [
        (c.start_ms, c.end_ms, c.text) for c in CUES]
    assert cues[0].getparent().tag == "h3"  # a spoken heading stays a heading in the transcript

    text = " ".join(doc.text_content().split())
    assert "synthesized (computer-generated) reading of the article" in text
    assert "Reviewed by Breast care nurses, last reviewed 5 March 2024." in text
    assert doc.xpath("//time/@datetime") == ["2024-03-05"]
    assert doc.xpath("//a[@href='https://example.org/article']")
    assert doc.xpath("//a[@href='01-what.mp3' and @download]")
    assert doc.xpath("//a[@href='../feed.xml' and contains(., 'Subscribe')]")
    for ext in ("vtt", "srt", "json"):
        assert doc.xpath(f"//a[@href='../transcripts/01-what.{ext}']")
    assert doc.xpath("//script/@src") == ["../assets/player.js"]


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
    hostile_show = SiteShow(title=HOSTILE, description=HOSTILE, author=HOSTILE, language='en" onload="x')
    ep = episode("01-hostile", cues, title=HOSTILE, article_title=HOSTILE, description=HOSTILE, meta=meta)
    _build(tmp_path, [ep], hostile_show)

    for page in (tmp_path / "index.html", tmp_path / "episodes" / "01-hostile.html"):
        doc = _page(page)
        scripts = doc.xpath("//script")
        assert all(s.get("src") and not (s.text or "").strip() for s in scripts), page.name
        assert not doc.xpath("//img[@onerror] | //b | //*[@onload]")
        assert not [a for a in doc.xpath("//*/@*") if a.attrname.startswith("on")]
        assert not doc.xpath("//a[starts-with(normalize-space(@href), 'javascript:')]")
        assert doc.xpath("string(//h1)") == HOSTILE  # the words survive, emoji included
        assert HOSTILE in doc.xpath("string(//title)")

    doc = _page(tmp_path / "episodes" / "01-hostile.html")
    assert [b.text_content() for b in doc.xpath("//button[@data-start]")] == [c.text for c in cues]
    assert HOSTILE in doc.xpath("string(//p[@class='review'])")
    assert not doc.xpath("//p[@class='source']")  # a javascript: source link is dropped, not linked


@pytest.mark.parametrize("slug", ["../escape", "a/b", "", ".hidden"])
def test_unsafe_slug_is_refused(tmp_path: Path, slug: str) -> None:
    with pytest.raises(ValueError, match="slug"):
        write_site(tmp_path, SHOW, [episode(slug, CUES)])
    assert not (tmp_path / "escape.html").exists()
