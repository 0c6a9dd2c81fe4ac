"""A talking book: EPUB 3 whose text is highlighted sentence by sentence as the full-article audio plays.

The XHTML shows the article as written (paragraphs, real lists, tables, sub-headings), tied to the spoken
sentences by the mapping the scripts stage made (narration.written); a section whose script was hand-edited
(so the mapping no longer holds) shows its spoken sentences instead, so text and audio can never disagree.
Media Overlays (SMIL) pair every synced element with its clip of the episode MP3, timed from the mix cues.
"""
from __future__ import annotations

import hashlib
import html
import json
import uuid
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Sequence

from narration.phrases import Phrases, phrases_for
from narration.atomic import atomic_path
from narration.config import ScriptConfig
from narration.models import Article, Block, Cue, PublishedEpisode, Script
from narration.publish.written_html import section_html, table_html
from narration.written import Sentences, Voiced

TEXT = "chapter.xhtml"
OVERLAY = "chapter.smil"
AUDIO = "audio/full.mp3"
ACTIVE_CLASS = "narration-active"
ZIP_TIME = (2000, 1, 1, 0, 0, 0)  # fixed entry timestamps: the same inputs give the same bytes
FEATURES = ("synchronizedAudioText", "structuralNavigation", "tableOfContents", "readingOrder")
CONFORMS_TO = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"
CSS = f"""body {{ font-family: serif; line-height: 1.5; margin: 1em; }}
h1, h2 {{ font-family: sans-serif; line-height: 1.2; }}
.announcement {{ font-style: italic; }}
table {{ border-collapse: collapse; margin: 1em 0; }}
th, td {{ border: 1px solid #999999; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }}
.{ACTIVE_CLASS} {{ background-color: #ffe066; color: #000000; }}
"""


@dataclass(frozen=True)
class BookSummary:
    """What write_epub made: for the build report and the log."""

    path: Path
    sentences: int  # sentence elements, each with one SMIL par
    duration_ms: int  # the summed clip durations (media:duration)
    spoken_sections: tuple[int, ...] = ()  # sections shown as spoken text (their script no longer matches)
    content: str = ""  # sha256 of what the book is zipped from (its files and its audio's sha256): its identity


@dataclass
class _Body:
    """The XHTML body being written and the sentence elements it syncs, in reading order."""

    lines: list[str] = field(default_factory=list)
    pars: list[tuple[str, Cue]] = field(default_factory=list)

    def sync(self, cue: Cue | None) -> str:
        """An id attribute that ties an element to its cue (empty when the text is not spoken)."""
        if cue is None:
            return ""
        ident = f"s{len(self.pars) + 1}"
        self.pars.append((ident, cue))
        return f' id="{ident}"'


@dataclass
class _Marker:
    """Ties written text to a section's body cues (the scripts stage's mapping says which sentences voice it)."""

    body: _Body
    cues: Sequence[Cue]

    def _sync(self, sentences: Sentences) -> str:
        if not sentences:
            return ""
        first, last = self.cues[sentences[0]], self.cues[sentences[-1]]
        return self.body.sync(replace(first, end_ms=last.end_ms, text=" ".join(self.cues[i].text for i in sentences)))

    def span(self, text: str, sentences: Sentences) -> str:
        return f"<span{self._sync(sentences)}>{_e(text)}</span>" if sentences else _e(text)

    def holder(self, sentences: Sentences) -> tuple[str, Sentences]:
        return self._sync(sentences), ()


def write_epub(path: Path, article: Article, episode: PublishedEpisode, mp3_path: Path, show_title: str,
               language: str, narrated: Sequence[Script], *, publisher: str = "",
               scripts: ScriptConfig | None = None, carried: Callable[[str], bool] | None = None) -> BookSummary:
    """Write the article's talking book from its full-article episode (a one-section article: its only episode);
    narrated: the episodes' scripts as the build read them, with their written-to-spoken mappings. `carried`:
    given the book's content identity, places the identical book published before at `path` (True), so that
    an unchanged book is not zipped again (the episode's sha256 must be known)."""
    scripts = scripts or ScriptConfig()
    sections = list(narrated)
    headings = {c.section: c for c in episode.cues if c.kind == "heading"}
    if episode.info.kind != "full" and len(sections) > 1:
        raise ValueError(f"{episode.info.slug}: a talking book needs the full-article episode")
    body_cues: dict[int, list[Cue]] = defaultdict(list)
    for cue in episode.cues:
        if cue.kind == "body":
            body_cues[cue.section].append(cue)

    lang = html.escape(language or article.meta.language or "en")
    say = phrases_for(lang)  # the book's own wording, in the article's language
    body = _Body()
    body.lines.append(f"<h1>{_e(article.title)}</h1>")
    intro = [c for c in episode.cues if c.kind == "intro"]
    if intro:
        body.lines.append('<p class="announcement">' + " ".join(_span(body, c.text, c) for c in intro) + "</p>")
    spoken_sections = []
    for section in sections:
        body.lines.append(f'<section id="section-{section.number}" aria-labelledby="h-{section.number}">')
        heading = headings.get(section.number)
        heading_id = body.sync(heading) if heading else ""
        body.lines.append(f'<h2{heading_id}><span id="h-{section.number}">{_e(section.title)}</span></h2>')
        cues = body_cues[section.number]
        written = section.written
        if written is not None and written.sentences == tuple(" ".join(c.text.split()) for c in cues):
            body.lines += section_html(written, _Marker(body, cues))
        else:  # an edited script: its mapping to the written text is gone, so show what is said
            spoken_sections.append(section.number)
            body.lines.append("<p>" + " ".join(_span(body, c.text, c) for c in body_cues[section.number]) + "</p>")
        body.lines.append("</section>")
    nav = [(f"section-{s.number}", s.title) for s in sections]
    if scripts.credits in ("omit", "line"):  # credits not read in full are shown in full
        for index, section in enumerate((s for s in article.sections if s.role == "credits"), start=1):
            nav.append((f"unread-{index}", section.heading or say.credits))
            body.lines.append(f'<section id="unread-{index}" aria-labelledby="unread-{index}-h">'
                              f'<h2 id="unread-{index}-h">{_e(section.heading or say.credits)}</h2>')
            body.lines += [_plain_block(b) for b in section.blocks]
            body.lines.append("</section>")
    body.lines.append(f'<section id="about" aria-labelledby="about-h"><h2 id="about-h">{_e(say.about)}</h2>')
    outro = [c for c in episode.cues if c.kind == "outro"]
    if outro:
        body.lines.append("<p>" + " ".join(_span(body, c.text, c) for c in outro) + "</p>")
    body.lines += _review_lines(article, say)
    body.lines.append("</section>")
    nav.append(("about", say.about))

    duration_ms = sum(cue.end_ms - cue.start_ms for _, cue in body.pars)
    files = {
        "EPUB/package.opf": _package(article, episode, show_title, publisher or show_title, lang, duration_ms,
                                     say.book_summary),
        "EPUB/nav.xhtml": _nav(article.title, lang, nav, say),
        f"EPUB/{TEXT}": _xhtml(article.title, lang, "\n".join(body.lines)),
        f"EPUB/{OVERLAY}": _smil(body.pars, sections),
        "EPUB/book.css": CSS,
    }
    content = _content(files, episode.sha256) if episode.sha256 else ""
    if not (content and carried and carried(content)):
        _zip(path, files, mp3_path)
    return BookSummary(path, len(body.pars), duration_ms, tuple(spoken_sections), content)


def _content(files: dict[str, str], audio_sha256: str) -> str:
    """The book's identity: its zip is a function of these (fixed entry times, the audio stored)."""
    digest = hashlib.sha256(json.dumps([ZIP_TIME, CONTAINER, files, audio_sha256], sort_keys=True).encode("utf-8"))
    return digest.hexdigest()


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _span(body: _Body, text: str, cue: Cue | None) -> str:
    return f"<span{body.sync(cue)}>{_e(text)}</span>" if cue else _e(text)


def _plain_block(block: Block) -> str:
    """A block of a section that is kept in the book but not read aloud."""
    if block.kind == "paragraph":
        return "<p>" + "<br/>".join(_e(line) for line in block.lines) + "</p>"
    if block.kind == "table":
        return table_html(block.header, [Voiced(row[0] if row else "", cells=row) for row in block.rows], _Marker(_Body(), []))
    if block.kind == "subheading":
        return f"<h3>{_e(block.text)}</h3>"
    tag = "ol" if block.ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{_e(item)}</li>" for item in block.items) + f"</{tag}>"


def _review_lines(article: Article, say: Phrases) -> list[str]:
    """The review information the article carries (reviewer, date, source), shown under the outro."""
    meta = article.meta
    lines = []
    if meta.reviewed_by:
        lines.append(f"<p>{_e(say.reviewed_by.format(name=meta.reviewed_by))}.</p>")
    if meta.last_reviewed:
        when = f'<time datetime="{meta.last_reviewed.isoformat()}">{_e(say.spoken_date(meta.last_reviewed))}</time>'
        lines.append(f"<p>{_e(say.reviewed_short).format(date=when)}</p>")
    if meta.source_url:
        lines.append(f'<p>{_e(say.source)}: <a href="{_e(meta.source_url)}">{_e(meta.source_url)}</a></p>')
    return lines


def clock(ms: int) -> str:
    """A SMIL full clock value (h:mm:ss.fff), as clipBegin/clipEnd and media:duration take it."""
    hours, rest = divmod(max(ms, 0), 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def _xhtml(title: str, lang: str, body: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="{lang}" xml:lang="{lang}">
<head>
<meta charset="utf-8"/>
<title>{_e(title)}</title>
<link rel="stylesheet" type="text/css" href="book.css"/>
</head>
<body>
<main>
{body}
</main>
</body>
</html>
"""


def _nav(title: str, lang: str, entries: Sequence[tuple[str, str]], say: Phrases) -> str:
    items = "\n".join(f'<li><a href="{TEXT}#{ident}">{_e(label)}</a></li>' for ident, label in entries)
    first = entries[0][0] if entries else ""
    return _xhtml(f"{title}: {say.contents.lower()}", lang, f"""<nav epub:type="toc" id="toc" role="doc-toc" aria-labelledby="toc-h">
<h1 id="toc-h">{_e(say.contents)}</h1>
<ol>
{items}
</ol>
</nav>
<nav epub:type="landmarks" id="landmarks" hidden="hidden" aria-label="Landmarks">
<ol>
<li><a epub:type="bodymatter" href="{TEXT}#{first}">{_e(say.start)}</a></li>
</ol>
</nav>""")


def _smil(pars: Sequence[tuple[str, Cue]], sections: Sequence[Script]) -> str:
    """The overlay: pars outside sections, then one seq per section (so readers can skip a section)."""
    def par(ident: str, cue: Cue) -> str:
        return (f'<par id="p-{ident}"><text src="{TEXT}#{ident}"/>'
                f'<audio src="{AUDIO}" clipBegin="{clock(cue.start_ms)}" clipEnd="{clock(cue.end_ms)}"/></par>')

    numbers = {s.number for s in sections}
    lines: list[str] = []
    current = 0
    for ident, cue in pars:
        section = cue.section if cue.kind in ("heading", "body") and cue.section in numbers else 0
        if section != current:
            if current:
                lines.append("</seq>")
            if section:
                lines.append(f'<seq id="seq-{section}" epub:textref="{TEXT}#section-{section}" epub:type="chapter">')
            current = section
        lines.append(par(ident, cue))
    if current:
        lines.append("</seq>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<smil xmlns="http://www.w3.org/ns/SMIL" xmlns:epub="http://www.idpf.org/2007/ops" version="3.0">\n'
            "<body>\n" + "\n".join(lines) + "\n</body>\n</smil>\n")


def _package(article: Article, episode: PublishedEpisode, show_title: str, publisher: str, lang: str,
             duration_ms: int, summary: str) -> str:
    """The package document: identity, accessibility claims, media overlay durations, manifest and spine."""
    identifier = uuid.uuid5(uuid.UUID(episode.info.guid), "epub")
    modified = episode.info.pub_date[:19] + "Z"  # stable across rebuilds, like the episode's own date
    meta = article.meta
    a11y = [("schema:accessMode", "textual"), ("schema:accessMode", "auditory"),
            ("schema:accessModeSufficient", "textual"), ("schema:accessModeSufficient", "auditory"),
            ("schema:accessModeSufficient", "textual,auditory"),
            *(("schema:accessibilityFeature", f) for f in FEATURES),
            ("schema:accessibilityHazard", "none"),
            ("schema:accessibilitySummary", summary),
            ("dcterms:conformsTo", CONFORMS_TO), ("a11y:certifiedBy", publisher)]
    lines = [
        f'<dc:identifier id="uid">urn:uuid:{identifier}</dc:identifier>',
        f"<dc:title>{_e(article.title)}</dc:title>",
        f"<dc:language>{lang}</dc:language>",
        f"<dc:publisher>{_e(publisher)}</dc:publisher>",
        f"<dc:date>{episode.info.pub_date[:10]}</dc:date>",
        f'<meta property="dcterms:modified">{modified}</meta>',
        f'<meta property="belongs-to-collection" id="show">{_e(show_title)}</meta>',
    ]
    if meta.reviewed_by:
        lines += [f'<dc:contributor id="reviewer">{_e(meta.reviewed_by)}</dc:contributor>',
                  '<meta refines="#reviewer" property="role" scheme="marc:relators">rev</meta>']
    if meta.source_url:
        lines.append(f"<dc:source>{_e(meta.source_url)}</dc:source>")
    lines += [f'<meta property="{name}">{_e(value)}</meta>' for name, value in a11y]
    lines += [f'<meta property="media:duration" refines="#overlay">{clock(duration_ms)}</meta>',
              f'<meta property="media:duration">{clock(duration_ms)}</meta>',
              f'<meta property="media:active-class">{ACTIVE_CLASS}</meta>']
    metadata = "\n".join(lines)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="{lang}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
{metadata}
</metadata>
<manifest>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="text" href="{TEXT}" media-type="application/xhtml+xml" media-overlay="overlay"/>
<item id="overlay" href="{OVERLAY}" media-type="application/smil+xml"/>
<item id="audio" href="{AUDIO}" media-type="audio/mpeg"/>
<item id="css" href="book.css" media-type="text/css"/>
</manifest>
<spine>
<itemref idref="text"/>
</spine>
</package>
"""


CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
"""


def _zip(path: Path, files: dict[str, str], mp3_path: Path) -> None:
    """The OCF container: mimetype first and stored, fixed timestamps, the audio stored (it is compressed)."""
    def entry(name: str, compress: int) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, ZIP_TIME)
        info.compress_type = compress
        info.create_system = 3
        info.external_attr = 0o644 << 16
        return info

    with atomic_path(path) as tmp, zipfile.ZipFile(tmp, "w") as book:
        book.writestr(entry("mimetype", zipfile.ZIP_STORED), "application/epub+zip")
        book.writestr(entry("META-INF/container.xml", zipfile.ZIP_DEFLATED), CONTAINER)
        for name, text in files.items():
            book.writestr(entry(name, zipfile.ZIP_DEFLATED), text.encode("utf-8"))
        with open(mp3_path, "rb") as audio, book.open(entry(f"EPUB/{AUDIO}", zipfile.ZIP_STORED), "w") as out:
            while chunk := audio.read(1 << 20):
                out.write(chunk)
