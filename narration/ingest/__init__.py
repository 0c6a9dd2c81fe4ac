"""Path -> Article: one reader per format (plain text copied from a web page, Markdown, HTML)."""
from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable, Sequence

import yaml

from narration.ingest.debris import DebrisFilter, debris_filter
from narration.errors import InputError, NarrationError
from narration.ingest.fetch import fetch_page, is_url, url_stem
from narration.files import ARTICLE_LIMIT, read_user_file
from narration.ingest.markdown import parse_markdown
from narration.models import Article, ArticleMeta, Block
from narration.ingest.html import Page, read_page
from narration.ingest.outline import CREDIT_HEADINGS, Gap, Heading, Item, section_role, sections_from_outline  # noqa: F401 (re-exported)
from narration.ingest.outline_rules import without_document_links, without_lost_sublists, without_title_items
from narration.ingest.text import looks_like_heading, parse_text  # noqa: F401 (re-exported)

log = logging.getLogger(__name__)

BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"ID3": "an MP3 file",
    b"\xff\xfb": "an MP3 file",
    b"\xff\xf3": "an MP3 file",
    b"\xff\xf2": "an MP3 file",
    b"\xff\xf1": "an AAC audio file",
    b"\x1f\x8b": "a gzip archive",
    b"{\\rtf": "an RTF document (save it as plain text)",
    b"RIFF": "a RIFF (WAV/AVI) file",
    b"PK\x03\x04": "a ZIP archive (Word, EPUB or similar)",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
    b"OggS": "an Ogg audio file",
    b"fLaC": "a FLAC audio file",
}
CONTROL_CHARS = re.compile(r"[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
FRONT_MATTER_OPEN = re.compile(r"\A---[ \t]*\n")
FRONT_MATTER_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
YAML_START = re.compile(r"^\s*(?:[\w-]+\s*:|-\s)")  # a key or a list item: what an unclosed block opens with
# Front matter keys (snake_cased: lastReviewed -> last_reviewed) -> what they fill in.
FRONT_MATTER_KEYS = {
    "title": "title", "slug": "slug", "language": "language", "lang": "language", "source": "source",
    "reviewed_by": "reviewed_by", "reviewer": "reviewed_by", "medically_reviewed_by": "reviewed_by",
    "last_reviewed": "last_reviewed", "reviewed": "last_reviewed", "first_published": "first_published",
    "source_url": "source_url", "url": "source_url", "canonical_url": "source_url", "id": "slug",
}
# Keys that real exports (static-site generators, knowledge bases) carry and narration has no use for.
KNOWN_UNUSED_KEYS = frozenset({
    "audience_level", "author", "authors", "cancer_types", "categories", "citation", "created", "date",
    "description", "draft", "keywords", "layout", "license", "modified", "permalink", "review_frequency",
    "source_type", "status", "summary", "tags", "type", "updated", "version",
})
# The page's <title>: "Article - Site", "Page | Section - Site", "Section – Page - Site".
SITE_SUFFIX = re.compile(r"^(?P<title>.*?\S)\s+(?:[-|–—]|::)\s+[^-|–—:]{1,40}$")
# Spaces that only keep words together on screen; the ear, the sentence splitter and heading matching need plain ones.
UNICODE_SPACES = re.compile(r"[\u00a0\u2007\u202f\u2000-\u200a\u205f\u3000]")


def slugify(text: str, fallback: str = "section", max_length: int = 60) -> str:
    """A file-name-safe ASCII slug: never empty, never containing a path separator or dots."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        cut = slug[:max_length + 1]
        slug = cut[:cut.rfind("-")] if "-" in cut else slug[:max_length]
    return slug.strip("-") or fallback


def title_from_filename(path: Path) -> str:
    """'breast-calcifications.txt' -> 'Breast Calcifications'."""
    words = re.split(r"[-_\s]+", path.stem)
    return " ".join(w.capitalize() for w in words if w) or "Untitled"


def repaired(text: str) -> str:
    """Text with mojibake undone ("stateâ\x80\x99s" -> "state’s": UTF-8 once read as Windows-1252 and saved again),
    by ftfy, which changes nothing it cannot show to be a wrong decoding; quotes stay as the author typed them."""
    import ftfy

    return ftfy.fix_text(text, ftfy.TextFixerConfig(uncurl_quotes=False, unescape_html=False, explain=False))


def read_text(path: Path) -> str:
    """Read an article file as text: UTF-8, or Windows-1252 with a warning; binary files are refused."""
    raw = read_user_file(path, ARTICLE_LIMIT, "article files (.txt, .md, .html)")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Notepad's "Unicode": UTF-16 with a byte-order mark
        try:
            raw = raw.decode("utf-16").encode("utf-8")
        except UnicodeError:
            raise InputError(path, "is neither UTF-8 nor readable UTF-16; save it as UTF-8 text") from None
    for magic, what in BINARY_MAGIC.items():
        if raw.startswith(magic):
            raise InputError(path, f"looks like {what}, not an article; pass a .txt, .md or .html file")
    if b"\x00" in raw[:4096]:
        raise InputError(path, "is a binary file, not an article; pass a .txt, .md or .html file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
        log.warning("%s: not UTF-8; read as Windows-1252 (save it as UTF-8 to silence this)", path)
    text = CONTROL_CHARS.sub("", repaired(text).replace("\r\n", "\n").replace("\r", "\n"))
    text = UNICODE_SPACES.sub(" ", text)
    if not text.strip():
        raise InputError(path, "is empty; nothing to narrate")
    return text


def split_front_matter(text: str, path: Path | str) -> tuple[dict[str, str], str]:
    """Split a leading YAML block between '---' lines (Markdown and text front matter) from the body.

    A block that is opened but never closed, is not valid YAML, or is not 'key: value' lines is refused:
    otherwise its lines would be spoken, or silently dropped."""
    opening = FRONT_MATTER_OPEN.match(text)
    if not opening:
        return {}, text
    closing = FRONT_MATTER_CLOSE.search(text, opening.end())
    if closing is None:
        first = next((line for line in text[opening.end():].splitlines() if line.strip()), "")
        if YAML_START.match(first):
            raise InputError(path, "front matter opened by '---' on line 1 is never closed; end it with a '---' line")
        return {}, text  # a leading horizontal rule, not front matter
    try:
        data = yaml.safe_load(text[opening.end():closing.start()])
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise InputError(path, f"front matter is not valid YAML{where}: {getattr(err, 'problem', None) or err}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        found = "a list" if isinstance(data, list) else "plain text"
        raise InputError(path, f"front matter must be 'key: value' lines, not {found}")
    return _front_matter_fields(data, path), text[closing.end():].removeprefix("\n")


def _front_matter_fields(data: dict[Any, Any], path: Path) -> dict[str, str]:
    """Known keys (and their aliases) as text; unknown keys are named in a warning, never silently dropped."""
    fields: dict[str, str] = {}
    for name, value in data.items():
        key = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", str(name)).lower().replace("-", "_").strip()
        target = FRONT_MATTER_KEYS.get(key)
        if target is None:
            if key not in KNOWN_UNUSED_KEYS:
                log.warning("%s: front matter key %r is not used (narration reads %s)", path, name,
                            ", ".join(sorted(set(FRONT_MATTER_KEYS))))
            continue
        fields.setdefault(target, _front_matter_text(name, value, path))
    return fields


def _front_matter_text(name: object, value: Any, path: Path) -> str:
    """A front matter value as text: dates as YYYY-MM-DD, a list of names joined with commas."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        value = ", ".join(str(v) for v in value)
    if isinstance(value, (dict, list)):
        raise InputError(path, f"front matter {name}: expected text, got {'a table' if isinstance(value, dict) else 'a nested list'}")
    text = "" if value is None else value.isoformat() if isinstance(value, date) else str(value)
    return " ".join(CONTROL_CHARS.sub("", text).split())


def _front_matter_date(value: str, key: str, path: Path) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise InputError(path, f"front matter {key} {value!r} is not a date like 2024-05-01") from None


def meta_from_fields(fields: dict[str, str], path: Path) -> ArticleMeta:
    """Review metadata from front matter fields (dates as YYYY-MM-DD)."""
    source = fields.get("source", "")  # often the publisher's name; a URL only when it is one
    return ArticleMeta(
        reviewed_by=fields.get("reviewed_by", ""),
        last_reviewed=_front_matter_date(fields.get("last_reviewed", ""), "last_reviewed", path),
        source_url=fields.get("source_url", "") or (source if re.match(r"https?://", source) else ""),
        language=fields.get("language", ""),
        first_published=_front_matter_date(fields.get("first_published", ""), "first_published", path),
    )


def parse_html(text: str, debris: DebrisFilter) -> tuple[str, list[Item]]:
    """HTML: the page's main content (see narration.ingest.html), its title and outline."""
    page = read_page(text, debris=debris)
    return page.title, list(page.items)


Reader = Callable[[str, DebrisFilter], tuple[str, list[Item]]]
READERS: dict[str, Reader] = {
    ".txt": parse_text,
    ".text": parse_text,
    ".md": parse_markdown,
    ".markdown": parse_markdown,
    ".html": parse_html,
    ".htm": parse_html,
    ".xhtml": parse_html,
}


def _plain_title(title: str) -> str:
    """A page title without its site suffix or breadcrumb ("Temozolomide - NCI" -> "Temozolomide")."""
    match = SITE_SUFFIX.match(title)
    return match.group("title") if match else title


# A title's trailing part that names its publisher: an acronym ("CDC", "N.I.H.") or a known site's name.
PUBLISHER_PART = re.compile(r"(?:[A-Z]\.?){2,6}|MedlinePlus|WebMD|Mayo Clinic|Cleveland Clinic|NHS inform")


def _without_publisher(title: str) -> str:
    """A title in parts ("Norovirus | Disease of the Week | CDC"): the publisher's trailing parts left out, the
    rest said as one title ("Norovirus: Disease of the Week"), not run together."""
    parts = [part.strip() for part in title.split(" | ")]
    while len(parts) > 1 and PUBLISHER_PART.fullmatch(parts[-1]):
        parts.pop()
    return ": ".join(parts)


def choose_title(front_matter: str, doc_title: str, items: list[Item], debris: DebrisFilter) -> tuple[str, list[Item]]:
    """The document's own title, and the outline without it: of the leading H1s, the one that heads the content
    wins over a browser-tab title ("X - Site"), which is left out as debris; a front matter title ranks above
    the document's unless it is such a tab title."""
    leading: list[str] = []
    while items and isinstance(items[0], Gap):
        items.pop(0)
    while items and isinstance(items[0], Heading) and items[0].level == 1 and len(leading) < 2:
        leading.append(items.pop(0).text)
    if len(leading) == 2 and _plain_title(leading[0]) == leading[0]:
        items.insert(0, Heading(leading.pop(), 1))  # two real H1s: the second is the first section
    if len(leading) == 2 or (leading and front_matter and leading[0] == front_matter and doc_title):
        debris.drop(leading.pop(0), "page title with site name")
    own = leading[-1] if leading else doc_title
    if not own:
        own, items = _lone_h1(items)
    items = _without_title_repeat(own, items, debris)
    if front_matter and (not own or _plain_title(front_matter) == front_matter
                         or _plain_title(own) == _plain_title(front_matter)):
        return _plain_title(front_matter), items
    return _without_publisher(own), items


def _lone_h1(items: list[Item]) -> tuple[str, list[Item]]:
    """A document's only '#' heading, with no heading above it, is its title though page debris comes first."""
    found = [index for index, item in enumerate(items) if isinstance(item, Heading)]
    h1s = [index for index in found if items[index].level == 1]
    if len(h1s) != 1 or h1s[0] != found[0]:
        return "", items
    return items[h1s[0]].text, items[:h1s[0]] + items[h1s[0] + 1:]


def _without_title_repeat(title: str, items: list[Item], debris: DebrisFilter) -> list[Item]:
    """The outline without a first heading that only repeats the title (a crawl's tab title, then the page's H1):
    the title is said once."""
    first = next((index for index, item in enumerate(items) if isinstance(item, Heading)), None)
    if first is None or not title or items[first].text.casefold() != title.casefold():
        return items
    debris.drop(items[first].text, "title repeated")
    return items[:first] + items[first + 1:]


# A page's closing source line: an agency's abbreviation and its full name ("NIH: National Institute of Diabetes
# and Digestive and Kidney Diseases", "CDC: Centers for Disease Control and Prevention"), nothing more.
SOURCE_LINE = re.compile(r"^[A-Z]{2,8}:\s+[A-Z][\w'’-]*(?:,?\s+(?:[A-Z][\w'’-]*|of|and|for|on|the|in|&))+$")


def _without_closing_source(items: list[Item], debris: DebrisFilter) -> list[Item]:
    """The outline without a source line that closes the page (recorded as a credit): it says who wrote the
    page, not what the page says. The same line within the article is left to it (a list of abbreviations)."""
    if items and isinstance(items[-1], Block) and items[-1].kind == "paragraph" \
            and SOURCE_LINE.match(items[-1].text):
        debris.drop(items[-1].text, "source line")
        return items[:-1]
    return items


def read_article(source: Path | str, title: str = "", meta: ArticleMeta | None = None,
                 debris: Sequence[str] = (), fetch: Callable[[str], str] | None = None) -> Article:
    """Read one article from a file or an http(s) address; the title comes from the argument (config), front
    matter, the document, or its file name; page debris (the default patterns and `debris`) is left out and
    listed in Article.dropped. A web page's own language and date fill what front matter leaves; `fetch` gets an
    address's HTML (default: one plain request)."""
    url = source if is_url(source) else ""
    path = Path(source)
    text = repaired((fetch or fetch_page)(url)) if url else read_text(path)
    fields, body = split_front_matter(text, source)
    cleaner = debris_filter(url_stem(url) if url else path.name, debris)
    reader = parse_html if url else READERS.get(path.suffix.lower(), parse_text)
    try:
        if reader is parse_html:
            page = read_page(body, url, cleaner)
            doc_title, items = page.title, list(page.items)
            fields = {**_page_fields(page, url), **fields}
        else:
            doc_title, items = reader(body, cleaner)
        own_title, items = choose_title(fields.get("title", ""), doc_title, items, cleaner)
        items = _without_closing_source(items, cleaner)
        items = without_lost_sublists(without_document_links(items, cleaner), cleaner)
        items = without_title_items(items, title or own_title, cleaner)
        sections = sections_from_outline(items)
    except NarrationError:
        raise
    except Exception as err:  # a page shape the readers mishandle: name the article, not only a traceback (-v)
        raise InputError(source, f"could not be read ({type(err).__name__}: {err}); this is a fault in narration: "
                                 "please report it with this file") from err
    if not any(section.blocks or section.heading for section in sections):
        raise InputError(source, "has no readable text (only markup or whitespace); nothing to narrate")
    if not any(block.kind != "subheading" for section in sections for block in section.blocks):
        raise InputError(source, "has headings but no text under them; nothing to narrate")
    article_meta = meta_from_fields(fields, source) if meta is None else \
        meta if meta.language else replace(meta, language=fields.get("language", ""))  # the document's, unless given
    if article_meta.last_reviewed is None and cleaner.reviewed:  # a "Page last reviewed: ..." line it dropped
        article_meta = replace(article_meta, last_reviewed=cleaner.reviewed)
    stem = url_stem(url) if url else path.stem
    final_title = CONTROL_CHARS.sub("", title or own_title or title_from_filename(Path(stem)))
    return Article(
        slug=slugify(fields.get("slug", "") or stem, fallback="article"),
        title=" ".join(final_title.split()),
        sections=sections,
        source=url or path,
        meta=article_meta,
        dropped=tuple(cleaner.dropped),
    )


def article_stem(source: Path | str) -> str:
    """The name an article goes by before it is read (config sections are keyed by it): file stem or URL name."""
    return url_stem(source) if is_url(source) else Path(source).stem


def _page_fields(page: Page, url: str) -> dict[str, str]:
    """What a web page says about itself, as front matter would say it."""
    fields = {"language": page.language, "source_url": url or page.url,
              "last_reviewed": page.modified.isoformat() if page.modified else ""}
    return {key: value for key, value in fields.items() if value}
