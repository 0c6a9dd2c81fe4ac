"""Path -> Article: one reader per format (plain text copied from a web page, Markdown, HTML)."""
from __future__ import annotations

import logging
import re
import unicodedata
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable, Iterable

import yaml

from narration.errors import InputError
from narration.files import ARTICLE_LIMIT, read_user_file
from narration.models import Article, ArticleMeta, Block, Section, SectionRole
from narration.fetch import fetch_page, is_url, url_stem
from narration.tables import table_block
from narration.webpage import Page, read_page

log = logging.getLogger(__name__)

# Headings whose sections are credits or boilerplate rather than health information.
CREDIT_HEADINGS = re.compile(
    r"^(about (the )?(medical )?(reviewer|author|editor|expert|contributor)s?|references|sources|citations|"
    r"acknowledge?ments?|disclaimer|related (articles|content|links|reading)|share this( article| page)?|"
    r"further reading|bibliography|footnotes|notes)\b",
    re.IGNORECASE,
)
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
LIST_ITEM = re.compile(r"^\s*(?:[-*\u2022\u25aa\u25cf\u2013]|(\d{1,3})[.)])\s+(\S.*)$")
CONTROL_CHARS = re.compile(r"[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
FRONT_MATTER_OPEN = re.compile(r"\A---[ \t]*\n")
FRONT_MATTER_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
YAML_START = re.compile(r"^\s*(?:[\w-]+\s*:|-\s)")  # a key or a list item: what an unclosed block opens with
# Front matter keys (snake_cased: lastReviewed -> last_reviewed) -> what they fill in.
FRONT_MATTER_KEYS = {
    "title": "title", "slug": "slug", "language": "language", "lang": "language", "source": "source",
    "reviewed_by": "reviewed_by", "reviewer": "reviewed_by", "medically_reviewed_by": "reviewed_by",
    "last_reviewed": "last_reviewed", "reviewed": "last_reviewed", "first_published": "first_published",
    "source_url": "source_url", "url": "source_url", "canonical_url": "source_url",
}
# Keys that real exports (static-site generators, knowledge bases) carry and narration has no use for.
KNOWN_UNUSED_KEYS = frozenset({
    "audience_level", "author", "authors", "cancer_types", "categories", "citation", "created", "date",
    "description", "draft", "id", "keywords", "layout", "license", "modified", "permalink", "review_frequency",
    "source_type", "status", "summary", "tags", "type", "updated", "version",
})
SMALL_WORDS = {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on",
               "or", "the", "to", "vs", "with", "about", "over", "per", "via", "is", "are"}


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
    text = CONTROL_CHARS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
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


def _front_matter_fields(data: dict[Any, Any], path: Path | str) -> dict[str, str]:
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


def _front_matter_text(name: object, value: Any, path: Path | str) -> str:
    """A front matter value as text: dates as YYYY-MM-DD, a list of names joined with commas."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        value = ", ".join(str(v) for v in value)
    if isinstance(value, (dict, list)):
        raise InputError(path, f"front matter {name}: expected text, got {'a table' if isinstance(value, dict) else 'a nested list'}")
    text = "" if value is None else value.isoformat() if isinstance(value, date) else str(value)
    return " ".join(CONTROL_CHARS.sub("", text).split())


def _front_matter_date(value: str, key: str, path: Path | str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise InputError(path, f"front matter {key} {value!r} is not a date like 2024-05-01") from None


def meta_from_fields(fields: dict[str, str], path: Path | str) -> ArticleMeta:
    """Review metadata from front matter fields (dates as YYYY-MM-DD)."""
    source = fields.get("source", "")  # often the publisher's name; a URL only when it is one
    return ArticleMeta(
        reviewed_by=fields.get("reviewed_by", ""),
        last_reviewed=_front_matter_date(fields.get("last_reviewed", ""), "last_reviewed", path),
        source_url=fields.get("source_url", "") or (source if re.match(r"https?://", source) else ""),
        language=fields.get("language", ""),
        first_published=_front_matter_date(fields.get("first_published", ""), "first_published", path),
    )


def section_role(heading: str) -> SectionRole:
    """Credits and boilerplate sections are recognized by their heading."""
    return "credits" if CREDIT_HEADINGS.match(heading.strip()) else "body"


def _is_title_case(line: str) -> bool:
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", line)
    if not words or not words[0][0].isupper():
        return False
    significant = [w for w in words[1:] if w.lower() not in SMALL_WORDS]
    return all(w[0].isupper() for w in significant)


def looks_like_heading(line: str, next_line: str | None) -> bool:
    """Plain-text heading heuristic: a short standalone question, or a short title-case line without
    closing punctuation, that is followed by content."""
    stripped = line.strip()
    if not stripped or next_line is None or LIST_ITEM.match(stripped):
        return False
    words = stripped.split()
    if len(words) > 14 or len(stripped) > 100:
        return False
    if stripped.endswith("?"):
        return stripped.count("?") == 1 and not re.search(r"[.!]\s", stripped)
    if stripped[-1] in ".!:;,\"'”’)" or re.search(r"[.!?;]\s", stripped):
        return False
    if len(words) <= 1 and not stripped.isupper():
        return False
    return _is_title_case(stripped) or (stripped.isupper() and len(words) <= 8)


def _blocks_from_lines(lines: Iterable[str]) -> list[Block]:
    """Paragraph lines and runs of list-item lines -> blocks."""
    blocks: list[Block] = []
    items: list[str] = []
    ordered = False
    for line in lines:
        match = LIST_ITEM.match(line)
        if match:
            if not items:
                ordered = match.group(1) is not None
            items.append(match.group(2).strip())
            continue
        if items:
            blocks.append(Block("list", items=tuple(items), ordered=ordered))
            items = []
        if line.strip():
            blocks.append(Block("paragraph", text=" ".join(line.split())))
    if items:
        blocks.append(Block("list", items=tuple(items), ordered=ordered))
    return blocks


def _sections(pairs: list[tuple[str, list[Block]]]) -> tuple[Section, ...]:
    """(heading, blocks) pairs -> Sections, dropping an empty untitled opening."""
    return tuple(
        Section(heading=h, blocks=tuple(b), role=section_role(h))
        for h, b in pairs
        if h or b
    )


def parse_text(text: str) -> tuple[str, tuple[Section, ...]]:
    """Plain text as copied from a web page: one paragraph per line, '- ' list items, heading lines."""
    lines = [l.rstrip() for l in text.split("\n")]
    content = [i for i, l in enumerate(lines) if l.strip()]
    pairs: list[tuple[str, list[Block]]] = [("", [])]
    pending: list[str] = []
    for pos, index in enumerate(content):
        line = lines[index]
        next_line = lines[content[pos + 1]] if pos + 1 < len(content) else None
        if looks_like_heading(line, next_line):
            pairs[-1][1].extend(_blocks_from_lines(pending))
            pending = []
            pairs.append((" ".join(line.split()), []))
        else:
            pending.append(line)
    pairs[-1][1].extend(_blocks_from_lines(pending))
    return "", _sections(pairs)


def parse_markdown(text: str) -> tuple[str, tuple[Section, ...]]:
    """Markdown through markdown-it: '#' headings, paragraphs, bullet and ordered lists, pipe tables."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    title = ""
    pairs: list[tuple[str, list[Block]]] = [("", [])]
    list_stack: list[tuple[bool, list[str]]] = []
    table: list[list[str]] = []
    heading_level = 0
    for i, token in enumerate(tokens):
        if token.type in ("table_open", "tr_open"):
            table = [] if token.type == "table_open" else [*table, []]
        elif token.type == "inline" and tokens[i - 1].type in ("th_open", "td_open"):
            table[-1].append(_plain_inline(token))
        elif token.type == "table_close" and (block := table_block(table, has_header=True)) is not None:
            pairs[-1][1].append(block)
        elif token.type == "heading_open":
            heading_level = int(token.tag[1])
        elif token.type == "inline" and heading_level:
            heading = _plain_inline(token)
            if heading_level == 1 and not title and not any(b for _, b in pairs) and len(pairs) == 1:
                title = heading
            else:
                pairs.append((heading, []))
            heading_level = 0
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            list_stack.append((token.type == "ordered_list_open", []))
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            ordered, items = list_stack.pop()
            if list_stack:
                list_stack[-1][1].extend(items)  # nested lists are read as part of their parent
            elif items:
                pairs[-1][1].append(Block("list", items=tuple(items), ordered=ordered))
        elif token.type == "inline" and tokens[i - 1].type == "paragraph_open":
            text_ = _plain_inline(token)
            if list_stack:
                list_stack[-1][1].append(text_)
            elif text_:
                pairs[-1][1].append(Block("paragraph", text=text_))
    return title, _sections(pairs)


def _plain_inline(token: object) -> str:
    """Text of a markdown-it inline token without markup (links keep their words)."""
    parts: list[str] = []
    for child in getattr(token, "children", None) or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return " ".join("".join(parts).split())


def parse_html(text: str) -> tuple[str, tuple[Section, ...]]:
    """HTML: the page's main content (see narration.webpage); a leading h1 is the title, h2/h3 start sections."""
    page = read_page(text)
    return page.title, _sections([(h, list(b)) for h, b in page.sections])


READERS: dict[str, Callable[[str], tuple[str, tuple[Section, ...]]]] = {
    ".txt": parse_text,
    ".text": parse_text,
    ".md": parse_markdown,
    ".markdown": parse_markdown,
    ".html": parse_html,
    ".htm": parse_html,
    ".xhtml": parse_html,
}


def read_article(source: Path | str, title: str = "", meta: ArticleMeta | None = None) -> Article:
    """Read one article from a file or an http(s) address; the title comes from the argument (config), front
    matter, the document, or its file name. A web page's own language and date fill what front matter leaves."""
    url = source if is_url(source) else ""
    path = Path(source)
    text = fetch_page(url) if url else read_text(path)
    fields, body = split_front_matter(text, source)
    reader = parse_html if url else READERS.get(path.suffix.lower(), parse_text)
    if reader is parse_html:
        page = read_page(body, url)
        doc_title, sections = page.title, _sections([(h, list(b)) for h, b in page.sections])
        fields = {**_page_fields(page, url), **fields}
    else:
        doc_title, sections = reader(body)
    if not any(section.blocks or section.heading for section in sections):
        raise InputError(source, "has no readable text (only markup or whitespace); nothing to narrate")
    if not any(section.blocks for section in sections):
        raise InputError(source, "has headings but no text under them; nothing to narrate")
    article_meta = meta if meta is not None else meta_from_fields(fields, source)
    stem = url_stem(url) if url else path.stem
    final_title = CONTROL_CHARS.sub("", title or fields.get("title", "") or doc_title or title_from_filename(Path(stem)))
    return Article(
        slug=slugify(fields.get("slug", "") or stem, fallback="article"),
        title=" ".join(final_title.split()),
        sections=sections,
        source=url or path,
        meta=article_meta,
    )


def article_stem(source: Path | str) -> str:
    """The name an article goes by before it is read (config sections are keyed by it): file stem or URL name."""
    return url_stem(source) if is_url(source) else Path(source).stem


def _page_fields(page: Page, url: str) -> dict[str, str]:
    """What a web page says about itself, as front matter would say it."""
    fields = {"language": page.language, "source_url": url or page.url,
              "last_reviewed": page.modified.isoformat() if page.modified else ""}
    return {key: value for key, value in fields.items() if value}
