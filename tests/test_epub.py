"""The talking book the build writes (books/<article>.epub): EPUBCheck-clean EPUB 3 whose Media Overlays match
the audio it carries and the published transcript, and whose navigation follows the built sections."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from lxml import etree

from narration.audio.ffmpeg import decode
from narration.models import Article, PublishedEpisode, Script
from narration.build.pipeline import BuildReport, build, prepare_scripts
from narration.publish.book import BookSummary, write_epub

from conftest import FIXTURES, FakeEngine, Project, SampleBuild, make_project

NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/",
      "x": "http://www.w3.org/1999/xhtml", "smil": "http://www.w3.org/ns/SMIL",
      "epub": "http://www.idpf.org/2007/ops"}
SENTENCE_ID = re.compile(r"s\d+")


@dataclass
class Book:
    path: Path
    article: Article
    episode: PublishedEpisode
    mp3: Path  # the episode MP3 the book was made from
    scripts: tuple[Script, ...]  # the scripts the build read, with their written-to-spoken mappings

    def read(self, name: str) -> etree._Element:
        with zipfile.ZipFile(self.path) as book:
            return etree.fromstring(book.read(name))


def _write(path: Path, article: Article, episode: PublishedEpisode, mp3: Path, scripts: tuple[Script, ...],
           **options: object) -> tuple[Book, BookSummary]:
    summary = write_epub(path, article, episode, mp3, "Breast Health Read Aloud", "en-US", scripts,
                         **options)  # type: ignore[arg-type]
    return Book(path, article, episode, mp3, scripts), summary


def built_book(project: Project, report: BuildReport, *articles: Path) -> Book:
    """The book a one-article build published, with the full-article episode it was made from."""
    [item] = prepare_scripts(project.config, project.options(*articles), write=False)[0]
    slug = item.article.slug
    episode = next(e for e in report.episodes if e.info.kind == "full")
    output = project.root / "output"
    return Book(output / "books" / f"{slug}.epub", item.article, episode, output / episode.mp3, item.scripts)


@pytest.fixture(scope="module")
def book(sample_build: SampleBuild) -> Book:
    return built_book(sample_build.project, sample_build.report)


def sentence_ids(book: Book) -> list[str]:
    xhtml = book.read("EPUB/chapter.xhtml")
    return [e.get("id") for e in xhtml.iter() if SENTENCE_ID.fullmatch(e.get("id") or "")]


def epubcheck(path: Path) -> list[dict[str, object]]:
    """EPUBCheck's messages for a book (Debian ships it as an executable jar)."""
    program, java = shutil.which("epubcheck"), shutil.which("java")
    if not program or not java:
        pytest.skip("EPUBCheck needs Java and the epubcheck package (apt-get install epubcheck)")
    real = Path(program).resolve()
    command = [java, "-jar", str(real)] if zipfile.is_zipfile(real) else [program]
    with tempfile.TemporaryDirectory() as folder:  # never beside the book: the output folder stays the build's
        report = Path(folder) / "epubcheck.json"
        subprocess.run([*command, str(path), "--json", str(report)], capture_output=True, check=False, timeout=300)
        return json.loads(report.read_text(encoding="utf-8"))["messages"]


def seconds(clock: str) -> float:
    hours, minutes, rest = clock.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(rest)


def clips(book: Book) -> list[tuple[str, float, float]]:
    """(sentence id, clipBegin, clipEnd) of every par, in playback order."""
    smil = book.read("EPUB/chapter.smil")
    result = []
    for par in smil.iterfind(".//smil:par", NS):
        text, audio = par.find("smil:text", NS), par.find("smil:audio", NS)
        assert audio.get("src") == "audio/full.mp3"
        result.append((text.get("src").split("#")[1], seconds(audio.get("clipBegin")), seconds(audio.get("clipEnd"))))
    return result


def durations(book: Book) -> tuple[float, float]:
    """(the overlay's media:duration, the book's total media:duration)."""
    opf = book.read("EPUB/package.opf")
    overlay = opf.xpath("//opf:meta[@property='media:duration'][@refines='#overlay']/text()", namespaces=NS)
    total = opf.xpath("//opf:meta[@property='media:duration'][not(@refines)]/text()", namespaces=NS)
    assert len(overlay) == len(total) == 1
    return seconds(overlay[0]), seconds(total[0])


def test_epubcheck_reports_nothing(book: Book) -> None:
    assert epubcheck(book.path) == []


def test_every_sentence_element_has_exactly_one_par(book: Book) -> None:
    sentences = sentence_ids(book)
    targets = Counter(ident for ident, _, _ in clips(book))
    assert sentences and set(targets) == set(sentences)
    assert set(targets.values()) == {1}
    assert [ident for ident, _, _ in clips(book)] == sentences  # playback follows reading order
    assert len(sentences) == len([c for c in book.episode.cues if c.text.strip()])


def test_clips_lie_inside_the_audio_the_book_carries_and_sum_to_media_duration(book: Book, tmp_path: Path) -> None:
    carried = tmp_path / "full.mp3"
    with zipfile.ZipFile(book.path) as archive:
        carried.write_bytes(archive.read("EPUB/audio/full.mp3"))
    assert carried.read_bytes() == book.mp3.read_bytes()  # the published full-article episode, as it is
    duration = decode(carried).duration_s
    previous_end = 0.0
    for _, begin, end in clips(book):
        assert previous_end <= begin < end <= duration
        previous_end = end
    assert duration - previous_end < 2.0  # the overlay reaches the closing words, not a point before them
    overlay, total = durations(book)
    summed = sum(end - begin for _, begin, end in clips(book))
    assert overlay == total == pytest.approx(summed, abs=0.0005)


def test_sentence_clips_agree_with_the_published_vtt_transcript(book: Book) -> None:
    vtt = book.mp3.parent.parent / "transcripts" / f"{book.episode.info.slug}.vtt"
    captions = [(seconds(m.group(1)), seconds(m.group(2))) for m in re.finditer(
        r"^(\d+:\d\d:\d\d\.\d{3}) --> (\d+:\d\d:\d\d\.\d{3})", vtt.read_text(encoding="utf-8"), re.MULTILINE)]
    index = 0
    for ident, begin, end in clips(book):
        assert captions[index][0] == pytest.approx(begin, abs=0.05), ident
        while captions[index][1] < end - 0.05:  # a long sentence is captioned in several pieces
            index += 1
        assert captions[index][1] == pytest.approx(end, abs=0.05), ident
        index += 1
    assert index == len(captions)


def test_accessibility_metadata(book: Book) -> None:
    opf = book.read("EPUB/package.opf")
    meta: dict[str, list[str]] = {}
    for element in opf.iterfind(".//opf:metadata/opf:meta[@property]", NS):
        if element.get("refines") is None:
            meta.setdefault(element.get("property"), []).append(element.text)
    assert set(meta["schema:accessMode"]) == {"textual", "auditory"}
    assert set(meta["schema:accessModeSufficient"]) == {"textual", "auditory", "textual,auditory"}
    assert {"synchronizedAudioText", "structuralNavigation", "tableOfContents",
            "readingOrder"} <= set(meta["schema:accessibilityFeature"])
    assert meta["schema:accessibilityHazard"] == ["none"]
    assert len(meta["schema:accessibilitySummary"][0]) > 40
    assert meta["dcterms:conformsTo"] == ["EPUB Accessibility 1.1 - WCAG 2.2 Level AA"]
    assert meta["a11y:certifiedBy"] and meta["media:active-class"] == ["narration-active"]
    css = zipfile.ZipFile(book.path).read("EPUB/book.css").decode()
    assert ".narration-active" in css
    assert opf.find(".//opf:item[@href='audio/full.mp3']", NS).get("media-type") == "audio/mpeg"
    assert opf.find(".//opf:item[@id='text']", NS).get("media-overlay") == "overlay"


def test_navigation_follows_the_built_sections_and_their_headings_are_spoken(book: Book,
                                                                            sample_build: SampleBuild) -> None:
    scripts = sorted((sample_build.project.root / "scripts" / book.article.slug).glob("*.txt"))
    titles = [e.info.title for e in sample_build.report.episodes
              if e.info.kind == "section" and e.info.article_slug == book.article.slug]
    assert len(titles) == len(scripts) > 1  # one section episode per script file
    toc = book.read("EPUB/nav.xhtml").find(".//x:nav[@epub:type='toc']", NS)
    links = [(a.text, a.get("href")) for a in toc.iterfind(".//x:a", NS)]
    unread = [s.heading for s in book.article.sections if s.role == "credits"]  # a spoken line, shown in full
    assert [text for text, _ in links] == [*titles, *unread, "About this recording"]
    assert unread == ["About the Medical Reviewer"]
    xhtml = book.read("EPUB/chapter.xhtml")
    ids = {e.get("id") for e in xhtml.iter() if e.get("id")}
    assert all(href.startswith("chapter.xhtml#") and href.split("#")[1] in ids for _, href in links)
    spoken = {ident for ident, _, _ in clips(book)}
    for (title, href) in links[:len(titles)]:
        section = xhtml.find(f".//x:section[@id='{href.split('#')[1]}']", NS)
        heading = section.find("x:h2", NS)
        assert "".join(heading.itertext()) == title and heading.get("id") in spoken


def test_text_is_the_article_as_written_with_real_lists(book: Book) -> None:
    xhtml = book.read("EPUB/chapter.xhtml")
    text = " ".join("".join(xhtml.itertext()).split())
    assert "ductal carcinoma in situ (DCIS)" in text and "D.C.I.S" not in text
    items = [li.text for li in xhtml.iterfind(".//x:ul/x:li", NS)]
    assert items == ["Aging", "A previous injury", "Infection", "Inflammation"]


def test_container_has_its_mimetype_first_and_stored(book: Book) -> None:
    with zipfile.ZipFile(book.path) as archive:
        first = archive.infolist()[0]
        assert (first.filename, first.compress_type, first.extra) == ("mimetype", zipfile.ZIP_STORED, b"")
        assert archive.read("mimetype") == b"application/epub+zip"
    assert book.path.read_bytes()[30:38] == b"mimetype"


def test_an_edited_script_shows_its_spoken_sentences(book: Book, tmp_path: Path) -> None:
    cues = list(book.episode.cues)
    index = next(i for i, c in enumerate(cues) if c.kind == "body" and c.section == 2)
    cues[index] = replace(cues[index], text="A sentence the editor wrote instead.")
    edited, summary = _write(tmp_path / "edited.epub", book.article, replace(book.episode, cues=tuple(cues)), book.mp3,
                              book.scripts)
    assert summary.spoken_sections == (2,)
    section = edited.read("EPUB/chapter.xhtml").find(".//x:section[@id='section-2']", NS)
    assert "A sentence the editor wrote instead." in "".join(section.itertext())
    assert summary.sentences == len(sentence_ids(book))


def test_lists_review_metadata_and_unread_credits(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", '[show]\ntitle = "Breast Health Read Aloud"\n'
                           '[scripts]\ncredits = "omit"\nmin_section_seconds = 0\n')
    article = FIXTURES / "talking-book.md"
    report = build(project.config, project.options(article, holdline=False), engine=FakeEngine())
    book = built_book(project, report, article)
    assert epubcheck(book.path) == []
    xhtml = book.read("EPUB/chapter.xhtml")
    ordered = xhtml.findall(".//x:ol/x:li", NS)
    assert ["".join(li.itertext()) for li in ordered][0] == "Tell the team if you take a blood thinner."
    assert all(len([e for e in li.iter() if SENTENCE_ID.fullmatch(e.get("id") or "")]) == 1
               for li in ordered)  # sentence items: one par each
    phrase_list = xhtml.find(".//x:div[@class='list']", NS)
    assert SENTENCE_ID.fullmatch(phrase_list.get("id")) and len(phrase_list.findall(".//x:li", NS)) == 2
    credits = xhtml.find(".//x:section[@id='unread-1']", NS)  # a list of works cited is left out in every form
    assert "American College of Radiology" in "".join(credits.itertext())
    assert not [e for e in credits.iter() if SENTENCE_ID.fullmatch(e.get("id") or "")]
    text = "".join(xhtml.itertext())
    assert "Reviewed by Jordan Example, MD." in text and "Last reviewed March 14, 2025." in text
    opf = book.read("EPUB/package.opf")
    assert opf.find(".//dc:contributor", NS).text == "Jordan Example, MD"
    assert opf.find(".//dc:source", NS).text == "https://www.example.org/breast-biopsy"


def test_a_web_page_with_tables_and_line_breaks_is_shown_as_written(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    article = FIXTURES / "web" / "metformin-safely.html"
    report = build(project.config, project.options(article, holdline=False), engine=FakeEngine())
    book = built_book(project, report, article)
    assert epubcheck(book.path) == []
    xhtml = book.read("EPUB/chapter.xhtml")
    tables = xhtml.findall(".//x:table", NS)
    assert [len(t.findall("x:tbody/x:tr", NS)) for t in tables] == [3, 2]
    for table in tables:  # each row is read as one sentence, and highlighted as one
        assert all(SENTENCE_ID.fullmatch(tr.get("id") or "") and tr.find("x:th[@scope='row']", NS) is not None
                   for tr in table.findall("x:tbody/x:tr", NS))
    assert [th.text for th in tables[0].findall("x:thead/x:tr/x:th[@scope='col']", NS)] == [
        "Side effect", "How common", "What to do"]
    address = next(p for p in xhtml.iterfind(".//x:p", NS) if "Riverside Diabetes Centre" in "".join(p.itertext()))
    assert len(address.findall("x:br", NS)) == 3  # the lines its author broke
    assert set(Counter(ident for ident, _, _ in clips(book)).values()) == {1}
