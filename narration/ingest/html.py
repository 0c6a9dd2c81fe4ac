"""HTML page -> the article it carries: its main content as sections (headings, paragraphs, lists, tables) and
its own title, language and last-modified date.

Which part of a page is the article is decided by trafilatura (the best-scoring main-content extractor in the
published benchmarks), so navigation, cookie banners, "related articles" boxes and footers are never narrated.
Before it runs, elements whose text must never be read (scripts, templates, frames, fallback content) are
removed, and a page with no content container is given one, so that its headings and lists survive.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date
from typing import Iterator, TypeGuard

import lxml.etree
import lxml.html

from narration.models import Block
from narration.ingest.debris import DebrisFilter, debris_filter
from narration.ingest.outline import SUB, Gap, Heading, Item, sections_from_outline
from narration.ingest.outline_rules import Silence, with_depths, without_references, without_silent_headings
from narration.ingest.cells import flatten_cell
from narration.ingest.tables import table_block
from narration.ingest.text.units import CLAUSE_WORDS, LEAD_IN_END, UNFINISHED, sentence_goes_on

log = logging.getLogger(__name__)

# Never read: code, frames, fallback content of plugins and media, form controls, page chrome templates.
NEVER_READ = ("script", "style", "template", "noscript", "iframe", "frame", "object", "applet", "svg", "math",
              "canvas", "video", "audio", "select", "textarea", "button", "dialog")
# Kept as text although trafilatura would drop the whole element: a time or an address inside a sentence.
UNWRAP = ("time", "embed", "label")
# Hidden until a script shows it (a calculator's results, a closed menu): the page does not show it either.
HIDDEN_STYLE = re.compile(r"(?i)display\s*:\s*none|visibility\s*:\s*hidden")
# A template's placeholder left in a saved page ("{{item.value}}", "${name}", "<%= dose %>", "{% if x %}").
TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\$\{[^{}]*\}|<%.*?%>", re.DOTALL)
READABLE = re.compile(r"[^\W_]")  # a letter or a digit: without one, a list item says nothing
# A footnote mark: "1", "[2]", "(3-5)", "1,4".
FOOTNOTE_MARK = re.compile(r"[\[(]?\d{1,3}(?:\s?[-\u2013,]\s?\d{1,3})*[\])]?")
TITLE_SEPARATOR = re.compile(r"\s+[|\u2013\u2014-]\s+")
# A catalogue number in brackets after a title ("Triamcinolone (68:04)"): digits joined by ':' or '.'.
CODE_AFTER_TITLE = re.compile(r"\s*[(\[]\d+(?:[:.]\d+)+[)\]]$")
# A heading with nothing to read under it before the next heading of its rank (its images, links or references
# were left out) goes too, H1s and stacked empty headings with it.
SILENCE = Silence(over_nothing=True, last_first=True)


@dataclass(frozen=True)
class Page:
    """What a web page says about itself besides its content."""

    title: str
    items: tuple[Item, ...]  # headings at their levels (h1 -> 2, h2 -> 3, ...), blocks, gaps left by debris
    language: str = ""
    modified: date | None = None
    url: str = ""  # where the page says it lives (canonical link), for a saved copy

    @property
    def sections(self) -> tuple[tuple[str, tuple[Block, ...]], ...]:
        """(heading, blocks) pairs, as the outline rules make sections of the page's headings."""
        return tuple((section.heading, section.blocks) for section in sections_from_outline(self.items))


def read_page(text: str, url: str = "", debris: DebrisFilter | None = None) -> Page:
    """The article of an HTML page: title, outline, language and last-modified date; page debris (`debris`, the
    default patterns when None) is left out of its headings, paragraphs and list items and recorded there."""
    debris = debris if debris is not None else debris_filter("page")
    tree = _parse(text)
    if tree is None:
        return Page("", ())
    lead_ins = {_words(lead): tuple(text for item in listed.xpath("./li") if (text := _words(item)))
                for lead, listed in _introduced_lists(tree)}  # before hidden lists are taken out
    _clean_tree(tree)
    heads = _head_metadata(tree)
    language = _language(tree, heads)
    modified = _modified(tree, heads)
    page_h1 = _first_text(tree, "//h1")
    _restore_structure(tree, debris)
    _give_container(tree)
    body = _extract(tree, url)
    items = _outline(body, debris, lead_ins) if body is not None else []
    first = _title_heading(items)
    content_title = items[first].text if first is not None and items[first].level == 2 else ""
    title = CODE_AFTER_TITLE.sub("", _cut_site_name(heads.get("og:title", ""), heads.get("og:site_name", ""))
                                 or content_title or page_h1
                                 or _cut_site_name(_first_text(tree, "//title"), "", always=True))
    if not title and first is not None:  # no title or h1: the first heading names the page, not its file name
        title = items[first].text
        if any(isinstance(item, Heading) and item.level == items[first].level for item in items[first + 1:]):
            first = None  # one of a row of sections ("Overview", "Symptoms"): its section keeps its heading
    if not title and first is None:  # no title, h1 or heading: a title-like line at the top, not the file name
        title, items = _title_line(items, debris)
    if first is not None and (content_title or items[first].text.casefold() == title.casefold()):
        items = [*_before_title(items[:first], debris), *items[first + 1:]]  # the page's title, not a section
    items = without_silent_headings(without_references(_joined_paragraphs(items), debris), debris, SILENCE)
    return Page(title, tuple(items), language, modified, _canonical(tree, heads))


TITLE_LINE_MAX_WORDS = 15
TOP_LINES = 3  # a banner line or two may come first ("08.01.2014 Views")


def _title_line(items: list[Item], debris: DebrisFilter) -> tuple[str, list[Item]]:
    """A page with no title of its own is named by the first of its top lines that reads as a title (a capital
    first, no closing mark but "?", not too long), its site name after a dash cut ("Your child's vaccines -
    Immunise"); that line and its repeats at the top are left out of the text."""
    top = [index for index, item in enumerate(items) if _is_paragraph(item)][:TOP_LINES]
    found = next((index for index in top if _reads_as_title(items[index].text)), None)
    if found is None:
        return "", items
    line = items[found].text
    repeats = [index for index in top if index > found and items[index].text == line]
    for _ in repeats:
        debris.drop(line, "title repeated")
    return _cut_site_name(line, "", always=True), [item for index, item in enumerate(items)
                                                   if index != found and index not in repeats]


def _reads_as_title(line: str) -> bool:
    return line[:1].isupper() and 2 <= len(line.split()) <= TITLE_LINE_MAX_WORDS and not re.search(r"[.,;:!]$", line)


def _joined_paragraphs(items: list[Item]) -> list[Item]:
    """Two <p>s that are one sentence split in two ("... needs 5 visits to" / "your GP to ...") as one paragraph:
    said with a paragraph's pause between, the sentence breaks."""
    joined: list[Item] = []
    for item in items:
        previous = joined[-1] if joined else None
        if _is_paragraph(item) and _is_paragraph(previous) and sentence_goes_on(previous.text, item.text):
            joined[-1] = Block("paragraph", text=f"{previous.text} {item.text}")
            continue
        joined.append(item)
    return joined


def _is_paragraph(item: Item | None) -> TypeGuard[Block]:
    return isinstance(item, Block) and item.kind == "paragraph"


def _parse(text: str) -> lxml.html.HtmlElement | None:
    """The page's tree, or None."""
    if not text.strip():
        return None
    try:
        tree = lxml.html.document_fromstring(text, parser=lxml.html.HTMLParser(huge_tree=True, remove_comments=True,
                                                                                 remove_pis=True))
    except (lxml.etree.ParserError, ValueError):
        return None
    return tree


def _clean_tree(tree: lxml.html.HtmlElement) -> None:
    """Remove what must not be read, whatever the extractor later decides: what the page hides until a script
    shows it, code, frames and fallback content, template placeholders, list items left with nothing to say."""
    _drop_hidden(tree)
    for button in tree.xpath("//h1//button|//h2//button|//h3//button|//h4//button|//h5//button|//h6//button"):
        button.drop_tag()  # an accordion's question: the heading's own text
    for element in tree.xpath("|".join(f"//{tag}" for tag in NEVER_READ)):
        if element.getparent() is not None:
            element.drop_tree()
    for element in tree.iter():
        if isinstance(element.tag, str):
            element.text = TEMPLATE.sub("", element.text) if element.text else element.text
        element.tail = TEMPLATE.sub("", element.tail) if element.tail else element.tail
    for item in tree.xpath("//li"):
        if not READABLE.search(item.text_content()):
            item.drop_tree()
    for element in tree.xpath("|".join(f"//{tag}" for tag in UNWRAP)):
        element.drop_tag()  # an <embed> the parser left open would otherwise swallow the rest of the page
    for form in tree.xpath("//form[.//p or .//h1 or .//h2 or .//h3]"):
        form.drop_tag()  # a form wrapping the whole page (ASP.NET) is layout, not a form


def _drop_hidden(tree: lxml.html.HtmlElement) -> None:
    """Remove elements hidden from every reader (`hidden`, aria-hidden, display:none): a calculator's results, a
    closed menu. A collapsed part that a control of the page opens (an accordion's answer, a tab's panel) is
    content, and so is an element holding most of the page (saved with a dialog open, which hides the rest)."""
    page_words = len(" ".join(tree.xpath("//text()[not(ancestor::script or ancestor::style)]")).split())
    opened = _opened_ids(tree)
    hidden = [element for element in tree.iter() if isinstance(element.tag, str) and element.tag not in ("html", "body")
              and (element.get("hidden") is not None or (element.get("aria-hidden") or "").strip().lower() == "true"
                   or HIDDEN_STYLE.search(element.get("style") or ""))]
    for element in hidden:
        if (element.get("role") or "").lower() in ("tabpanel", "region") or element.get("id") in opened:
            for attribute in ("hidden", "aria-hidden", "style"):
                element.attrib.pop(attribute, None)  # shown, or the extractor would drop it as hidden
        elif element.getparent() is not None and len(element.text_content().split()) * 2 <= page_words:
            element.drop_tree()


def _opened_ids(tree: lxml.html.HtmlElement) -> set[str]:
    """Ids of the parts that a button or link of the page shows (aria-controls, data-target, href="#id")."""
    values = tree.xpath("//@aria-controls|//@data-target|//@data-bs-target"
                        "|//a[@aria-expanded or @data-toggle or @data-bs-toggle]/@href")
    ids: set[str] = set()
    for value in values:
        ids.update(part.lstrip("#") for part in value.split())
    return ids


def _restore_structure(tree: lxml.html.HtmlElement, debris: DebrisFilter) -> None:
    """Old-style markup said as the extractor reads it: link targets and links within the page are not links,
    footnote marks that link to their notes are left out, a layout table is the page's flow of blocks (or
    navigation, left out), a definition list without terms only indents, lists split into one list per item
    are one list, a list of links that a sentence introduces is content ("Get tips for:" "quitting smoking";
    the extractor would drop it as a menu), and on a page without <h2> a short paragraph set entirely in bold
    ("<p><font size=+1><b>Side effects</b></font></p>") is a heading."""
    for anchor in tree.xpath("//a[not(@href) and not(normalize-space())]"):
        anchor.drop_tree()  # a link target (<a name="why">): beside it, the extractor takes a heading for a link
    for mark in tree.xpath("//sup[.//a[starts-with(@href, '#')]]"):
        text = " ".join(mark.text_content().split())
        if FOOTNOTE_MARK.fullmatch(text):
            debris.drop(text, "footnote number")
            mark.drop_tree()
    for link in tree.xpath("//p//a[starts-with(@href, '#')]"):
        paragraph = next(link.iterancestors("p"))
        if len(paragraph.text_content().split()) > len(link.text_content().split()):
            link.drop_tag()  # a link within the page from running text (a footnote mark) is part of the sentence
    _layout_tables(tree, debris)
    _drop_link_rows(tree, debris)
    for cell in tree.xpath("//td|//th"):
        flatten_cell(cell)
    for dl in tree.xpath("//dl[not(dt)]"):
        for dd in dl.xpath("./dd"):
            _as_block(dd)
        dl.drop_tag()
    for kind in ("ul", "ol"):
        for second in tree.xpath(f"//{kind}[preceding-sibling::*[1][self::{kind}]]"):
            first = second.getprevious()
            if (first.tail or "").strip():
                continue
            first.extend(list(second))
            first.tail = second.tail
            second.getparent().remove(second)
    for _, listed in _introduced_lists(tree):
        if _only_links(listed):
            for link in listed.iter("a"):
                link.drop_tag()
    for listed in tree.xpath("//ul|//ol"):
        if not _navigation(listed):
            for link in listed.iter("a"):
                link.drop_tag()  # links inside its sentences: the extractor would drop it for its links
    if not tree.xpath("//h1|//h2"):
        for paragraph in tree.xpath("//p"):
            if _bold_label(paragraph):
                paragraph.tag = "h2"


def _words(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def _only_links(element: lxml.html.HtmlElement) -> bool:
    """Whether all an element says is in links (a menu, a row of logos): nothing readable outside them."""
    outside = "".join(element.xpath(".//text()[not(ancestor::a)]"))
    return not READABLE.search(outside)


def _navigation(listed: lxml.html.HtmlElement) -> bool:
    """A list of links (a menu, related pages): each item wholly a link that reads as a title, not a sentence. A
    list whose items say more than their links ("Decrease emotional <a>stress</a>.") is the article's own."""
    items = listed.xpath("./li")
    return all(_only_links(item) and not re.search(r"\w[.!?][\"')\u201d]*$", _words(item)) for item in items)


LINK_ROW_MIN_LINKS = 3
LINK_ROW_SHARE = 2 / 3  # of a row's words in its links
READABLE_WORD = re.compile(r"\S*[^\W_]\S*")  # a word, not a separator ("|", "»")


def _drop_link_rows(tree: lxml.html.HtmlElement, debris: DebrisFilter) -> None:
    """A paragraph or block of text that is mostly its links (3 or more) and says no sentence is a row of links (a
    category menu, tabs, a footer), as in pasted text: left out. A sentence with links in it is read."""
    for element in tree.xpath("//p|//div[not(.//p or .//div or .//ul or .//ol or .//table)]"):
        links = element.xpath(".//a[@href]")
        words = _words(element)
        linked = sum(len(READABLE_WORD.findall(_words(link))) for link in links)
        if (len(links) >= LINK_ROW_MIN_LINKS and linked >= LINK_ROW_SHARE * len(READABLE_WORD.findall(words))
                and not re.search(r"\w[.!?][\"')\u201d]*$", words) and element.getparent() is not None):
            debris.drop(words, "row of links")
            element.drop_tree()


def _introduced_lists(tree: lxml.html.HtmlElement) -> list[tuple[lxml.html.HtmlElement, lxml.html.HtmlElement]]:
    """(lead-in, list) pairs: a list right after a paragraph that introduces it with a colon ("Get tips for:")."""
    pairs = []
    for listed in tree.xpath("//ul|//ol"):
        lead = listed.getprevious()
        if lead is not None and lead.tag == "p" and not (lead.tail or "").strip() and _words(lead).endswith(":"):
            pairs.append((lead, listed))
    return pairs


def _layout_tables(tree: lxml.html.HtmlElement, debris: DebrisFilter) -> None:
    """Tables that lay out the page rather than hold data are read as the blocks their cells hold, or left out
    when all they hold are links and logos (a menu, a banner of logos). The innermost go first."""
    found = [(table, _is_layout(table)) for table in tree.iter("table")]
    for table, layout in reversed(found):
        if not layout:
            continue
        if _only_links(table):
            if words := _words(table):
                debris.drop(words, "navigation table")
            table.drop_tree()
        else:
            _unwrap_layout(table)


def _is_layout(table: lxml.html.HtmlElement) -> bool:
    """A table for layout: declared so (role="presentation"), holding tables or headings, or one row (without
    header cells) or one column: a data table has rows and columns that a header names."""
    if (table.get("role") or "").strip().lower() in ("presentation", "none") or table.xpath(".//table"):
        return True
    rows = [row.xpath("./td|./th") for row in table.iter("tr")]
    if table.xpath(".//td//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6]"):
        return True
    one_row = len(rows) == 1 and not table.xpath(".//th")
    return one_row or all(len(cells) <= 1 for cells in rows)


def _unwrap_layout(table: lxml.html.HtmlElement) -> None:
    """A table used to lay out the page, each cell a block of its own (a table inside a cell stays a table)."""
    own = [part for part in table.xpath(".//tr|.//td|.//th|.//tbody|.//thead|.//tfoot|.//caption")
           if next(part.iterancestors("table")) is table]
    for cell in own:
        if cell.tag in ("td", "th"):
            _as_block(cell)
    for part in [*own, table]:
        if part.tag != "div":
            part.drop_tag()


BLOCKS = frozenset({"p", "div", "ul", "ol", "dl", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
                    "hr", "section", "article"})
def _as_block(element: lxml.html.HtmlElement) -> None:
    """A cell or indented part as a <div>, its loose text between blocks (a lead-in before a list) a paragraph of
    its own: the extractor would drop it, or glue it to the list's first item."""
    element.tag = "div"
    if not any(isinstance(child.tag, str) and child.tag in BLOCKS for child in element):
        return
    text, element.text = element.text or "", None
    run: list[lxml.html.HtmlElement] = []
    for child in list(element):
        if isinstance(child.tag, str) and child.tag in BLOCKS:
            if (paragraph := _paragraph(text, run)) is not None:
                child.addprevious(paragraph)
            text, run, child.tail = child.tail or "", [], None
        else:
            run.append(child)
    if (paragraph := _paragraph(text, run)) is not None:
        element.append(paragraph)


def _paragraph(text: str, run: list[lxml.html.HtmlElement]) -> lxml.html.HtmlElement | None:
    """Loose text and inline elements as a paragraph, None when there is nothing to read in them."""
    paragraph = lxml.html.Element("p")
    paragraph.text = text
    paragraph.extend(run)
    return paragraph if paragraph.text_content().strip() else None


HEADING_MAX_WORDS = 15


def _bold_label(paragraph: lxml.html.HtmlElement) -> bool:
    """A short paragraph whose text is all bold, not a sentence said with emphasis ("<b>Call 911 now.</b>")."""
    text = " ".join(paragraph.text_content().split())
    bold = " ".join(" ".join(b.text_content() for b in paragraph.xpath(".//b|.//strong")).split())
    return bool(text) and bold == text and len(text.split()) <= HEADING_MAX_WORDS and not re.search(r"[.!,;]$", text)


def _give_container(tree: lxml.html.HtmlElement) -> None:
    """A page with no element the extractor recognizes as the content container is given one around its body:
    without it the extractor falls back to collecting paragraphs and loses headings and lists."""
    from trafilatura.xpaths import BODY_XPATH

    if any(expression(tree) for expression in BODY_XPATH):
        return
    body = tree.find("body")
    if body is None:
        return
    article = lxml.html.Element("article")
    article.text, body.text = body.text, None
    for child in list(body):
        article.append(child)
    body.append(article)


def _extract(tree: lxml.html.HtmlElement, url: str) -> lxml.etree._Element | None:
    """The main content as trafilatura's XML (head, p, list/item, table/row/cell, lb), or None."""
    from trafilatura import bare_extraction
    from trafilatura.settings import use_config

    config = use_config()
    for key in ("MIN_EXTRACTED_SIZE", "MIN_OUTPUT_SIZE"):
        config.set("DEFAULT", key, "0")  # a short page is still an article; never fall back to the raw page text
    document = bare_extraction(tree, url=url or None, include_tables=True, include_images=False,
                               include_comments=False, include_formatting=True, include_links=False, config=config)
    return getattr(document, "body", None) if document is not None else None


def _outline(body: lxml.etree._Element, debris: DebrisFilter,
             lead_ins: dict[str, tuple[str, ...]]) -> list[Item]:
    """Extracted content -> its outline: every heading at its level, blocks without their debris, a Gap where
    something was left out."""
    items: list[Item] = []
    elements = list(_content(body))
    headed = any(element.tag == "head" for element in elements)
    for index, element in enumerate(elements):
        after = elements[index + 1] if index + 1 < len(elements) else None
        if headed and _bold_sub_heading(element, after) and (heading := debris.clean(_inline(element))):
            items.append(Heading(heading, SUB))
            continue
        if element.tag != "head":
            items.extend(_block(element, debris))
            continue
        written = _inline(element)
        heading = debris.clean(written)
        rank = int(rend[1]) if re.fullmatch(r"h[1-6]", rend := element.get("rend") or "h2") else 2
        if heading:
            items.append(Heading(heading, rank + 1))  # h1 -> 2: level 1 is a Markdown document's own title
        elif written:
            items.append(Gap())
    return _without_lost_lead_ins(items, debris, lead_ins)


SUB_HEADING_MAX_WORDS = 10


def _bold_sub_heading(element: lxml.etree._Element, after: lxml.etree._Element | None) -> bool:
    """On a page with headings, a paragraph set all in bold is a sub-heading ("A note from the clinic") when it
    names what follows: a few words, no sentence's punctuation or verb ("Call 911 if you faint", "Do not drive"),
    no lead-in ending ("Symptoms include"), and a paragraph of sentences after it."""
    if element.tag != "p" or after is None or after.tag != "p":
        return False
    text = _inline(element)
    bold = " ".join(_inline(hi) for hi in element.iter("hi") if "#b" in (hi.get("rend") or ""))
    following = _inline(after)
    return (bool(text) and " ".join(bold.split()) == text and 2 <= len(text.split()) <= SUB_HEADING_MAX_WORDS
            and text[0].isupper() and not re.search(r"[.!,;:]$", text) and not CLAUSE_WORDS.search(text)
            and not LEAD_IN_END.search(text) and following[:1].isupper() and bool(re.search(r"[.!?]$", following)))


def _title_heading(items: list[Item]) -> int | None:
    """Where the content's first heading is (the page's title when it is its h1, or says the title); the h1
    when nothing is read between them (a section's name over the site's menus: "Medical Encyclopedia")."""
    first = next((index for index, item in enumerate(items) if isinstance(item, Heading)), None)
    h1 = next((index for index, item in enumerate(items) if isinstance(item, Heading) and item.level == 2), None)
    if first is not None and h1 is not None and not any(isinstance(item, Block) for item in items[first:h1]):
        return h1
    return first


def _before_title(items: list[Item], debris: DebrisFilter) -> list[Item]:
    """What the extractor kept above the article's title: a sentence is read, a line that says no sentence
    (a site's name, a skip link) is the page's banner."""
    kept: list[Item] = []
    for index, item in enumerate(items):
        if isinstance(item, Block) and item.kind == "paragraph" and not re.search(r"\w[.!?][\"')\u201d]*$", item.text):
            debris.drop(item.text, "page banner")
            item = Gap()
        elif isinstance(item, Heading) and not any(isinstance(after, Block) for after in items[index + 1:]):
            debris.drop(item.text, "page banner")  # over nothing but the site's menus
            item = Gap()
        kept.append(item)
    return kept


def _without_lost_lead_ins(items: list[Item], debris: DebrisFilter,
                           lead_ins: dict[str, tuple[str, ...]]) -> list[Item]:
    """A sentence that introduces a list the extractor left out ("To learn more:") goes with its list."""
    kept: list[Item] = []
    for index, item in enumerate(items):
        after = items[index + 1] if index + 1 < len(items) else None
        if (isinstance(item, Block) and item.kind == "paragraph" and item.text in lead_ins
                and not (isinstance(after, Block) and after.kind in ("list", "table"))):
            debris.drop(item.text, "lead-in of a left-out list")
            for text in lead_ins[item.text]:
                debris.drop(text, "link list")
            item = Gap()
        kept.append(item)
    return kept


def _content(element: lxml.etree._Element) -> Iterator[lxml.etree._Element]:
    """Block-level elements in reading order; containers (quote, div) are opened."""
    for child in element:
        if child.tag in ("head", "p", "list", "table", "code"):
            yield child
        elif child.tag in ("quote", "div", "section", "main", "body"):
            if any(isinstance(c.tag, str) and c.tag in ("p", "list", "table", "head") for c in child):
                yield from _content(child)
            else:
                yield child


def _block(element: lxml.etree._Element, debris: DebrisFilter) -> list[Item]:
    """One extracted element as a block (a list, a table, or a paragraph keeping its line breaks) without its
    debris; a Gap where all of it was debris."""
    if element.tag == "list":
        listed = list(_list_items(element))
        written = [line for line, _ in listed]
        items, depths = with_depths(listed, debris.clean)
        block = Block("list", items=items, ordered=element.get("rend") == "ol", depths=depths) if items else None
    elif element.tag == "table":
        written, block = [], _table(element)
    else:
        written = _lines(element).split("\n")
        text = "\n".join(cleaned for line in written if (cleaned := debris.clean(line)))
        block = Block("paragraph", text=text) if text else None
    if block is None:
        return [Gap()] if any(written) else []
    return [block]


def _list_items(element: lxml.etree._Element, depth: int = 0) -> Iterator[tuple[str, int]]:
    """A list's items with their nesting; a nested list's items follow their parent item (read as part of the list)."""
    for item in element.iterchildren("item"):
        text = _broken_item(_raw_inline(item, skip=("list",)))
        if READABLE.search(text):
            yield text, depth
        for nested in item.iterchildren("list"):
            yield from _list_items(nested, depth + 1)


ITEM_LINE_END = re.compile(r"[.!?:;,\-\u2013\u2014][\"'\u2019\u201d)]*$")  # a line that ends or goes on itself


def _broken_item(text: str) -> str:
    """A list item's text on one line; a line break (<br>) after a label ("<b>Chest pain</b><br>Most ...") ends
    a sentence there, as a line break does in a paste, where the next line starts with a capital or a digit."""
    lines = [" ".join(line.split()) for line in text.split("\n")]
    lines = [line for line in lines if line]
    ended = [line + "." if (nxt[:1].isupper() or nxt[:1].isdigit()) and not ITEM_LINE_END.search(line)
             and not (UNFINISHED.search(line) or LEAD_IN_END.search(line)) else line
             for line, nxt in zip(lines, lines[1:])]
    return " ".join([*ended, *lines[len(ended):]])


def _table(element: lxml.etree._Element) -> Block | None:
    """Rows of cell texts; a first row made only of header cells is the header."""
    rows = [list(row.iterchildren("cell")) for row in element.iter("row")]
    rows = [cells for cells in rows if any(_inline(cell) for cell in cells)]
    has_header = bool(rows) and len(rows) > 1 and all(cell.get("role") == "head" for cell in rows[0])
    return table_block([[_inline(cell) for cell in cells] for cells in rows], has_header)


def _lines(element: lxml.etree._Element) -> str:
    """An element's text with its author's line breaks (<br>) kept as '\\n'."""
    parts: list[str] = []

    def walk(node: lxml.etree._Element) -> None:
        parts.append(node.text or "")
        for child in node:
            if child.tag == "lb":
                parts.append("\n")
            elif isinstance(child.tag, str):
                walk(child)
            parts.append(child.tail or "")

    walk(element)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _inline(element: lxml.etree._Element, skip: tuple[str, ...] = ()) -> str:
    """An element's text on one line (headings, list items, table cells)."""
    return " ".join(_raw_inline(element, skip).split())


def _raw_inline(element: lxml.etree._Element, skip: tuple[str, ...]) -> str:
    """An element's text with the spaces its author put between inline elements ("<b>Cystic</b><b> acne</b>");
    a paragraph, line break or list inside it is set apart by spaces."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag not in skip:
            inline = child.tag in ("hi", "ref")  # emphasis or a link
            parts.append("\n" if child.tag == "lb" else
                         _raw_inline(child, skip) if inline else f" {_raw_inline(child, skip)} ")
        parts.append(child.tail or "")
    return "".join(parts)


def _head_metadata(tree: lxml.html.HtmlElement) -> dict[str, str]:
    """<meta> values by their (lower-cased) property or name, the first of each."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or meta.get("http-equiv") or "")
        value = " ".join((meta.get("content") or "").split())
        if key and value:
            found.setdefault(key.strip().lower(), value)
    return found


def _language(tree: lxml.html.HtmlElement, heads: dict[str, str]) -> str:
    """The page's language as a BCP 47 tag: <html lang>, else Content-Language or og:locale."""
    value = (tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
             or heads.get("content-language", "") or heads.get("og:locale", "") or heads.get("language", ""))
    value = value.split(",")[0].strip().replace("_", "-")
    return value if re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", value) else ""


MODIFIED_KEYS = ("article:modified_time", "og:updated_time", "dcterms.modified", "dc.date.modified",
                 "datemodified", "last-modified", "lastmod", "revised", "dcterms.date", "dc.date")


def _modified(tree: lxml.html.HtmlElement, heads: dict[str, str]) -> date | None:
    """When the page was last reviewed or changed, from the common meta tags (the first that reads as a date)."""
    for key in MODIFIED_KEYS:
        found = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", heads.get(key, ""))
        if found:
            try:
                return date(*(int(part) for part in found.groups()))
            except ValueError:
                continue
    return None


def _canonical(tree: lxml.html.HtmlElement, heads: dict[str, str]) -> str:
    """The page's own address: its canonical link, else og:url (http(s) only)."""
    links = tree.xpath("//link[@rel='canonical']/@href")
    value = (links[0].strip() if links else "") or heads.get("og:url", "")
    return value if re.match(r"https?://\S+$", value) else ""


def _first_text(tree: lxml.html.HtmlElement, xpath: str) -> str:
    found = tree.xpath(xpath)
    return " ".join(found[0].text_content().split()) if found else ""


def _cut_site_name(title: str, site_name: str, always: bool = False) -> str:
    """'Taking Metformin | Riverside Health' -> 'Taking Metformin': the site's name after the last separator goes
    when it is the site's name, or (for <title>, which nearly always carries it) when it is a short phrase."""
    title = " ".join(title.split())
    while separators := list(TITLE_SEPARATOR.finditer(title)):
        last = separators[-1]
        prefix, suffix = title[:last.start()], title[last.end():]
        named = bool(site_name) and suffix.lower() == site_name.lower()
        short = always and len(suffix.split()) <= 4 and len(suffix.split()) < len(prefix.split())
        if not prefix or not (named or short):
            break
        title = prefix
    return title
