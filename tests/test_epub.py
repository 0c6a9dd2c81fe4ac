"""The talking book: EPUBCheck-clean EPUB 3 whose Media Overlays match the audio and the transcript."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from lxml import etree

from narration.config import ScriptConfig
from narration.audio.ffmpeg import decode
from narration.models import Article, PublishedEpisode
from narration.build.pipeline import article_paths, build, read_articles
from narration.publish.book import BookSummary, write_epub
from narration.publish.transcripts import to_vtt

from conftest import FIXTURES, FakeEngine, SampleBuild, make_project

NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/",
      "x": "http://www.w3.org/1999/xhtml", "smil": "http://www.w3.org/ns/SMIL",
      "epub": "http://www.idpf.org/2007/ops"}
SENTENCE_ID = re.compile(r"s\d+")


@dataclass
class Book:
    path: Path
    summary: BookSummary
    article: Article
    episode: PublishedEpisode
    mp3: Path

    def read(self, name: str) -> etree._Element:
        with zipfile.ZipFile(self.path) as book:
            return etree.fromstring(book.read(name))


def _write(path: Path, article: Article, episode: PublishedEpisode, mp3: Path, **options: object) -> Book:
    summary = write_epub(path, article, episode, mp3, "Breast Health Read Aloud", "en-US",
                         **options)  # type: ignore[arg-type]
    return Book(path, summary, article, episode, mp3)


@pytest.fixture(scope="module")
def book(sample_build: SampleBuild, tmp_path_factory: pytest.TempPathFactory) -> Book:
    project = sample_build.project
    episode = next(e for e in sample_build.report.episodes if e.info.kind == "full")
    article = read_articles(project.config, article_paths(project.options()))[0]
    path = tmp_path_factory.mktemp("book") / "books" / f"{article.slug}.epub"
    return _write(path, article, episode, project.root / "output" / episode.mp3)


def epubcheck(path: Path) -> list[dict[str, object]]:
    """EPUBCheck's messages for a book (Debian ships it as an executable jar)."""
    program, java = shutil.which("epubcheck"), shutil.which("java")
    if not program or not java:
        pytest.skip("EPUBCheck needs Java and the epubcheck package (apt-get install epubcheck)")
    real = Path(program).resolve()
    command = [java, "-jar", str(real)] if zipfile.is_zipfile(real) else [program]
    report = path.with_suffix(".epubcheck.json")
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
    xhtml = book.read("EPUB/chapter.xhtml")
    sentences = [e.get("id") for e in xhtml.iter() if SENTENCE_ID.fullmatch(e.get("id") or "")]
    targets = Counter(ident for ident, _, _ in clips(book))
    assert sentences and set(targets) == set(sentences)
    assert set(targets.values()) == {1}
    assert [ident for ident, _, _ in clips(book)] == sentences  # playback follows reading order
    assert len(sentences) == book.summary.sentences == len([c for c in book.episode.cues if c.text.strip()])


def test_clips_are_increasing_inside_the_audio_and_sum_to_media_duration(book: Book) -> None:
    audio = decode(book.mp3)
    previous_end = 0.0
    for _, begin, end in clips(book):
        assert previous_end <= begin < end <= audio.duration_s
        previous_end = end
    overlay, total = durations(book)
    summed = sum(end - begin for _, begin, end in clips(book))
    assert overlay == total == pytest.approx(summed, abs=0.0005)


def test_sentence_clips_agree_with_the_vtt_transcript(book: Book) -> None:
    captions = [(seconds(m.group(1)), seconds(m.group(2))) for m in re.finditer(
        r"^(\d+:\d\d:\d\d\.\d{3}) --> (\d+:\d\d:\d\d\.\d{3})", to_vtt(book.episode.cues), re.MULTILINE)]
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


def test_navigation_has_one_entry_per_section_and_headings_are_spoken(book: Book) -> None:
    nav = book.read("EPUB/nav.xhtml")
    toc = nav.find(".//x:nav[@epub:type='toc']", NS)
    entries = [a.text for a in toc.iterfind(".//x:a", NS)]
    titles = [c.title for c in book.episode.info.chapters]
    unread = [s.heading for s in book.article.sections if s.role == "credits"]  # a spoken line, shown in full
    assert entries == [*titles, *unread, "About this recording"] and unread == ["About the Medical Reviewer"]
    xhtml = book.read("EPUB/chapter.xhtml")
    headings = xhtml.findall(".//x:section/x:h2", NS)
    spoken = {ident for ident, _, _ in clips(book)}
    assert ["".join(h.itertext()) for h in headings[:len(titles)]] == titles
    assert all(h.get("id") in spoken for h in headings[:len(titles)])


def test_text_is_the_article_as_written_with_real_lists(book: Book) -> None:
    xhtml = book.read("EPUB/chapter.xhtml")
    text = " ".join("".join(xhtml.itertext()).split())
    assert "ductal carcinoma in situ (DCIS)" in text and "D.C.I.S" not in text
    items = [li.text for li in xhtml.iterfind(".//x:ul/x:li", NS)]
    assert items == ["Aging", "A previous injury", "Infection", "Inflammation"]
    assert book.summary.spoken_sections == ()


def test_container_is_deterministic_with_mimetype_first_and_stored(book: Book, tmp_path: Path) -> None:
    again = _write(tmp_path / "again.epub", book.article, book.episode, book.mp3)
    assert again.path.read_bytes() == book.path.read_bytes()
    with zipfile.ZipFile(book.path) as archive:
        first = archive.infolist()[0]
        assert (first.filename, first.compress_type, first.extra) == ("mimetype", zipfile.ZIP_STORED, b"")
        assert archive.read("mimetype") == b"application/epub+zip"
        assert archive.read("EPUB/audio/full.mp3") == book.mp3.read_bytes()
    assert book.path.read_bytes()[30:38] == b"mimetype"


def test_an_edited_script_shows_its_spoken_sentences(book: Book, tmp_path: Path) -> None:
    cues = list(book.episode.cues)
    index = next(i for i, c in enumerate(cues) if c.kind == "body" and c.section == 2)
    cues[index] = replace(cues[index], text="A sentence the editor wrote instead.")
    edited = _write(tmp_path / "edited.epub", book.article, replace(book.episode, cues=tuple(cues)), book.mp3)
    assert edited.summary.spoken_sections == (2,)
    section = edited.read("EPUB/chapter.xhtml").find(".//x:section[@id='section-2']", NS)
    assert "A sentence the editor wrote instead." in "".join(section.itertext())
    assert edited.summary.sentences == book.summary.sentences


def test_lists_review_metadata_and_unread_credits(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", '[show]\ntitle = "Breast Health Read Aloud"\n'
                           '[scripts]\ncredits = "omit"\nmin_section_seconds = 0\n')
    options = project.options(FIXTURES / "talking-book.md")
    report = build(project.config, options, engine=FakeEngine())
    episode = next(e for e in report.episodes if e.info.kind == "full")
    article = read_articles(project.config, article_paths(options))[0]
    book = _write(tmp_path / "book.epub", article, episode, project.root / "output" / episode.mp3,
                  scripts=ScriptConfig(credits="omit", min_section_seconds=0))
    assert epubcheck(book.path) == []
    xhtml = book.read("EPUB/chapter.xhtml")
    ordered = xhtml.findall(".//x:ol/x:li", NS)
    assert [li.text for li in ordered][0] == "Tell the team if you take a blood thinner."
    assert all(SENTENCE_ID.fullmatch(li.get("id") or "") for li in ordered)  # sentence items: one par each
    phrase_list = xhtml.find(".//x:div[@class='list']", NS)
    assert SENTENCE_ID.fullmatch(phrase_list.get("id")) and len(phrase_list.findall(".//x:li", NS)) == 2
    references = xhtml.find(".//x:section[@id='unread-1']", NS)
    assert "American College of Radiology" in "".join(references.itertext())
    assert not [e for e in references.iter() if SENTENCE_ID.fullmatch(e.get("id") or "")]
    text = "".join(xhtml.itertext())
    assert "Reviewed by Jordan Example, MD." in text and "Last reviewed March 14, 2025." in text
    opf = book.read("EPUB/package.opf")
    assert opf.find(".//dc:contributor", NS).text == "Jordan Example, MD"
    assert opf.find(".//dc:source", NS).text == "https://www.example.org/breast-biopsy"
    assert book.summary.spoken_sections == ()
