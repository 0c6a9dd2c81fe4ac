"""Markdown (as real web exports write it) -> title and outline.

Exports carry the page around the article: images with alt texts and captions, promotional cards written
as a link whose text spans blank lines (which CommonMark does not parse as a link), rows of links, empty
'##' markers with the heading on the next line. These are read as structure or left out as debris here.
"""
from __future__ import annotations

import re
from typing import Any

from narration.ingest.debris import CREDIT_LINE, IMAGE_CREDIT, DebrisFilter
from narration.ingest.outline_rules import Silence, with_depths, without_references, without_silent_headings
from narration.ingest.text.figures import LINK_BOX, caption_after_picture, is_reading_box, page_runs
from narration.models import Block
from narration.ingest.tables import table_block
from narration.ingest.outline import SUB, Gap, Heading, Item
from narration.ingest.text.headings import candidate, is_lead_in, is_prose
from narration.ingest.text.furniture import HEADER_LINES, HEADER_MENU_RUN, NAV_ENTRY, is_header_line, is_menu_line
from narration.ingest.text.units import Unit, is_body

EMPTY_HEADING = re.compile(r"^(#{1,6})[ \t]*\n(?:[ \t]*\n)*(?=[^\s#>\-*+\d\[!|])", re.MULTILINE)
NUMBERED_BOLD = re.compile(r"^(\d{1,2}\.)[ \t]+\*\*([^*\n]+)\*\*[ \t]*$", re.MULTILINE)
# A card: [optional image, blank line] title, blank line, teaser](/url): one link spread over blank lines.
# A crawl's first lines: the page's <title> with its site name broken onto a line of its own ("Hiatus hernia" / " - NHS").
TAB_TITLE = re.compile(r"\A\s*(?P<title>[^\s#>*+\-|\[!][^\n]{0,120}?)[ \t]*\n[ \t]*[-|–—][ \t]+"
                       r"(?P<site>[^\s.!?:;,][^\n.!?:;,]{0,39}?)[ \t]*\n")
CARD = re.compile(r"\[(?:!\[([^\]\n]*)\]\([^\n]*\)[ \t]*\n[ \t]*\n)?([^\[\]\n]+)\n[ \t]*\n([^\[\]\n]+)\]\([^)\s]*\)")


# Lines that start a block of their own (so never continue the line above): headings, quotes, list items, fences,
# table rows, HTML, rules and setext underlines.
BLOCK_START = re.compile(r"^[ \t]*(?:#{1,6}(?:[ \t]|$)|>|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|```|~~~|\||<"
                         r"|(?:[-*_=][ \t]*){3,}$)")
FENCE = re.compile(r"^[ \t]{0,3}(?:```|~~~)")
LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
LINK_TARGET = re.compile(r"\]\([^)\s]*\)")
BOLD_LABEL = re.compile(r"[ \t]*\*\*[^*]+\*\*:?[ \t]*")
SENTENCE_END = re.compile(r"[.!?:][\"'”’)*_\]]*$")


def _spoken_end(line: str) -> str:
    """A line as read, for judging how it ends and starts: no list marker, link targets, emphasis or brackets."""
    return LINK_TARGET.sub("]", LIST_ITEM.sub("", line)).strip().strip("*_[]").strip()


def _line_pairs(lines: list[str]) -> list[tuple[int, int]]:
    """(index of a plain text line, index of the text line above it) outside code fences, for lines no block starts
    with whose line above is neither a heading nor a table row (a blank line may lie between them)."""
    pairs: list[tuple[int, int]] = []
    fenced, above = False, -1
    for index, line in enumerate(lines):
        if FENCE.match(line):
            fenced, above = not fenced, -1
        elif not fenced and line.strip():
            if above >= 0 and not BLOCK_START.match(line) and not re.match(r"^[ \t]*(?:#|\|)", lines[above]):
                pairs.append((index, above))
            above = index
    return pairs


def _lines_are_blocks(lines: list[str]) -> bool:
    """Whether the document writes each paragraph (and item) on one line with no blank line between them, as some
    crawls do: lines ending a sentence sit directly on capitalised lines, and hardly ever does a line break
    mid-sentence (a next line in lower case, or a line ending in a comma) or a blank line part two text lines."""
    direct = wrapped = spaced = 0
    for index, above in _line_pairs(lines):
        upper, lower = _spoken_end(lines[above]), _spoken_end(lines[index])
        if above < index - 1:
            spaced += 1
        elif not upper or not lower:
            continue
        elif lower[0].islower() or upper.endswith(","):
            wrapped += 1
        elif SENTENCE_END.search(upper) and (lower[0].isupper() or lower[0].isdigit()):
            direct += 1
    return direct >= 3 and 5 * (wrapped + spaced) <= direct


def _split_lines(text: str) -> str:
    """In a document written one paragraph to a line (see _lines_are_blocks), each plain line is a block of its own:
    CommonMark would otherwise continue a list's last item, or a paragraph, with it ('...when swallowing These are
    the symptoms...'). A line inside an open link ('[Back to' / 'Health A to Z](/x)') and one after a bold label
    line, a table row or a heading stay as they are."""
    lines = text.split("\n")
    if not _lines_are_blocks(lines):
        return text
    for index, above in reversed(_line_pairs(lines)):
        upper, line = lines[above], lines[index].expandtabs(4)
        open_link = upper.count("[") > upper.count("]")
        if above < index - 1 or open_link or BOLD_LABEL.fullmatch(upper) or len(line) - len(line.lstrip()) >= 4:
            continue  # (a line indented four spaces would become code after a blank line)
        lines.insert(index, "")
    return "\n".join(lines)


def _cards(text: str, debris: DebrisFilter) -> str:
    """Remove promotional cards, recording their alt text, title and teaser."""
    def remove(match: re.Match[str]) -> str:
        for part, rule in ((match.group(1), "image alt text"), (match.group(2), "promotional card"),
                           (match.group(3), "promotional card")):
            if part and part.strip():
                debris.drop(" ".join(part.split()), rule)
        return "\u2063"  # a marker: something was here (no heading stacking across it)
    return CARD.sub(remove, text)


def _inline(token: Any, debris: DebrisFilter) -> tuple[str, str, bool]:
    """(plain text, shape) of an inline token; shape is 'image' (only pictures), 'links' (only links),
    'bold' (all emphasized) or 'text', and whether it ends with a picture (whose caption then follows).
    Alt texts are recorded as dropped, never returned as text."""
    parts: list[str] = []
    in_link = in_strong = 0
    outside_link = outside_strong = ""
    line_text = line_plain = False  # the line so far has text / has text outside emphasis
    images = 0
    alts: set[str] = set()
    last = ""
    for child in getattr(token, "children", None) or []:
        kind = child.type
        if kind == "link_open":
            in_link += 1
        elif kind == "link_close":
            in_link -= 1
        elif kind in ("strong_open", "em_open"):
            in_strong += 1
        elif kind in ("strong_close", "em_close"):
            in_strong -= 1
        elif kind == "image":
            images += 1
            last = "image"
            if child.content.strip():
                alts.add(" ".join(child.content.split()))
                debris.drop(" ".join(child.content.split()), "image alt text")
        elif kind in ("text", "code_inline", "softbreak", "hardbreak"):
            content = child.content
            if kind in ("softbreak", "hardbreak"):  # a hard break, or one after a bold label, is a line break
                content = "\n" if kind == "hardbreak" or (line_text and not line_plain) else " "
                line_text = line_plain = False
            elif content.strip():
                line_text, line_plain = True, line_plain or not in_strong
            parts.append(content)
            last = "text" if content.strip() else last
            if not in_link:
                outside_link += content
            if not in_strong:
                outside_strong += content
    raw = "".join(parts)
    text = "\n".join(line for line in (" ".join(part.split()) for part in raw.replace("\u2063", " ").split("\n")) if line)
    pictured = last == "image"
    if "\u2063" in raw and not text:
        return text, "gap", False
    if images and (not text or text == "Enlarge" or text in alts):  # a thumbnail linked to its picture's page
        return text, "image", True
    if not text:
        return text, "text", pictured
    if not re.sub(r"[\s\W]", "", outside_link):
        return text, "links", pictured
    return text, "bold" if not outside_strong.strip() else "text", pictured


def parse_markdown(text: str, debris: DebrisFilter) -> tuple[str, list[Item]]:
    """Markdown through markdown-it: '#' headings with their levels, paragraphs, lists; H1s are title candidates
    (returned as level-1 headings for the caller to choose from)."""
    from markdown_it import MarkdownIt

    title, text = _tab_title(text, debris)
    text = EMPTY_HEADING.sub(lambda m: m.group(1) + " ", text)
    text = NUMBERED_BOLD.sub(lambda m: f"\n**{m.group(1)} {m.group(2)}**\n", text)
    text = _cards(text, debris)
    text = _split_lines(text)
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    runs = page_runs(text)
    items: list[Item] = []
    lists: list[tuple[int, list[tuple[str, str, int]]]] = []  # (start, [(item, shape, depth)])
    table: list[list[str]] = []
    heading_level = 0
    after_image = False
    for i, token in enumerate(tokens):
        if token.type in ("table_open", "tr_open"):
            table = [] if token.type == "table_open" else [*table, []]
        elif token.type == "inline" and tokens[i - 1].type in ("th_open", "td_open"):
            table[-1].append(_one_line(_inline(token, debris)[0]))
        elif token.type == "table_close" and (block := table_block(table, has_header=True)) is not None:
            items.append(block)
        elif token.type == "heading_open":
            heading_level = int(token.tag[1])
        elif token.type == "inline" and heading_level:
            plain = _one_line(_inline(token, debris)[0])
            if plain:
                items.append(Heading(plain, heading_level))
            heading_level, after_image = 0, False
        elif token.type in ("bullet_list_open", "ordered_list_open"):  # an ordered list's first number, or 0
            lists.append((int(token.attrGet("start") or 1) if token.type == "ordered_list_open" else 0, []))
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            start, entries = lists.pop()
            if lists:
                lists[-1][1].extend(entries)  # nested lists are read as part of their parent
            else:
                _add_list(items, start, entries, debris)
        elif token.type == "inline" and tokens[i - 1].type == "paragraph_open":
            plain, shape, pictured = _inline(token, debris)
            if lists and (shape == "image" or after_image):  # a figure inside a list item, then its caption
                if shape != "image" and plain:
                    debris.drop(plain, "figure caption")
                after_image = shape == "image"
                continue
            if lists:
                lists[-1][1].append((_one_line(plain), shape, len(lists) - 1))
                after_image = pictured
                continue
            caption = after_image and _caption_here(tokens, i, plain, shape, runs)
            after_image = _add_paragraph(items, plain, shape, caption, debris) or pictured
    items = _without_header_above_title(_without_header_menu(items, debris), debris)
    return title, without_silent_headings(without_references(_promote_plain_headings(items), debris), debris, SILENCE)


# A picture's credit line ("Credit: iStock"): the paragraph above it is the picture's caption.
CREDIT = re.compile(f"{IMAGE_CREDIT}|{CREDIT_LINE}")


def _caption_here(tokens: list[Any], index: int, plain: str, shape: str, runs: dict[tuple[str, ...], int]) -> bool:
    """Whether the paragraph under a picture is its caption: links, emphasis or no text, a credit line right under
    it, or a caption's own shape; a run of full sentences that goes on with the section is the article's text."""
    following = next((t.content for t in tokens[index + 1:] if t.type == "inline"), "")
    return (shape != "text" or not plain.strip() or bool(CREDIT.fullmatch(" ".join(following.split())))
            or caption_after_picture(plain, runs))


class LeftLinks(Gap):
    """Where links (a list, a row, a card) were left out: a heading over them names a page's menu, kept."""


def _reads(item: Item, heading: Heading) -> bool:
    """A block is read; left-out links still name what a heading is over (a page of link lists), unless it names a
    link box ("See also")."""
    return isinstance(item, Block) or (isinstance(item, LeftLinks) and not LINK_BOX.fullmatch(heading.text.strip()))


# A heading whose part of the page held only what is left out (pictures, works cited, a credit line) says nothing
# ("## Images", "##### References"); H1s are title candidates.
SILENCE = Silence(reads=_reads, first_level=2)


def _tab_title(text: str, debris: DebrisFilter) -> tuple[str, str]:
    """The page's title from a crawl's opening <title> lines ("Hiatus hernia" / " - NHS"), and the text without
    them: a site name of a few words, on its own line after a dash or bar, marks the line above as the tab's title."""
    match = TAB_TITLE.match(text)
    if not match or len(match.group("site").split()) > 5:
        return "", text
    debris.drop(match.group("site").strip(), "page title with site name")
    return match.group("title").strip(), text[match.end():]


def _promote_plain_headings(items: list[Item]) -> list[Item]:
    """A short line of its own without closing punctuation, followed by text, is a heading whose markup the
    export lost ("Breast cancer" over its paragraph); read as a sub-heading. One followed by a '##'-'######' heading
    heads it ("Other ways to get help" over "### Get an urgent GP appointment"): a heading one level above."""
    promoted = list(items)
    for index, item in enumerate(items):
        if not (isinstance(item, Block) and item.kind == "paragraph" and 0 < index < len(items) - 1):
            continue
        following, previous = items[index + 1], items[index - 1]
        line = Unit(text=item.text)
        label_before = isinstance(previous, Block) and previous.kind == "paragraph" and not is_prose(Unit(text=previous.text))
        text_after = isinstance(following, Block) and (following.kind == "list" or is_prose(Unit(text=following.text)))
        above = following.level - 1 if isinstance(following, Heading) and 1 < following.level < SUB else 0
        lead_in = isinstance(following, Block) and following.kind == "list" and is_lead_in(item.text)
        if "\n" not in item.text and candidate(line, spaced=True) and (text_after or above) and not label_before \
                and not lead_in:
            promoted[index] = Heading(item.text, above or SUB)
    return promoted


def _one_line(text: str) -> str:
    """A heading, list item or table cell on one line: its author's line breaks are spaces there."""
    return " ".join(text.split())


def _add_paragraph(items: list[Item], plain: str, shape: str, after_image: bool, debris: DebrisFilter) -> bool:
    """Add one paragraph's item; returns whether the next paragraph follows a picture (and may be its caption)."""
    cleaned = "\n".join(line for written in plain.split("\n") if (line := debris.clean(written))) if plain else ""
    if shape in ("image", "gap"):
        items.append(Gap())
        return shape == "image"
    if not cleaned:
        if plain and debris.last_was("content marker"):
            _drop_site_header(items, debris)
        if plain:
            items.append(Gap())
        # the picture's own page tool ("View and Print Infographic") closes the figure; its "Enlarge" does not
        return after_image and not (shape == "links" and debris.last_was("page tool"))
    if after_image and len(cleaned.split()) <= 150:
        debris.drop(cleaned, "card teaser" if shape == "links" else "figure caption")
        items.append(LeftLinks() if shape == "links" else Gap())
        return False
    if is_reading_box(cleaned.split("\n")):  # "**Recommended reading**" over its link lines
        for line in cleaned.split("\n"):
            debris.drop(line, "link box")
        items.append(LeftLinks())
    elif shape == "links" and (len(re.findall(r"\S+", cleaned)) >= 8 and not re.search(r"[.!?]$", cleaned)):
        debris.drop(cleaned, "row of links")
        items.append(LeftLinks())
    elif shape == "bold" and len(cleaned.split()) <= 25 and "\n" not in cleaned and not _bold_sentence(cleaned):
        items.append(Heading(cleaned, SUB))
    else:
        items.append(Block("paragraph", text=cleaned))
    return False


def _bold_sentence(text: str) -> bool:
    """A bold paragraph that is a sentence, closed by a full stop ("**Talk to your health care provider.**"): the
    page stresses it; a heading names or asks ("**Be Prepared**", "**What is it?**")."""
    return bool(re.search(r"[.!][\"'”’)]*$", text)) and len(text.split()) >= 2


def _drop_site_header(items: list[Item], debris: DebrisFilter) -> None:
    """The paragraphs above a "beginning of content" marker, under the page's H1 at most, are the site's header
    (its banner, its strap line): a few of them, at the top of the page."""
    start = next((i + 1 for i, item in enumerate(items) if isinstance(item, Heading) and item.level == 1), 0)
    above = items[start:]
    if not above or len(above) > HEADER_LINES or not all(isinstance(i, (Block, Gap)) for i in above):
        return
    for item in above:
        if isinstance(item, Block) and item.kind == "paragraph":
            debris.drop(item.text, "site header")
    del items[start:]


def _without_header_above_title(items: list[Item], debris: DebrisFilter) -> list[Item]:
    """The items without the site's header above the page's H1: a few single lines, none a sentence (a logo's alt
    text, a breadcrumb, a guide's name); a sentence or a list there keeps them all."""
    start = next((i for i, item in enumerate(items) if isinstance(item, Heading)), 0)
    if start == 0 or items[start].level != 1 or start > HEADER_LINES:
        return items
    above = [item for item in items[:start] if not isinstance(item, Gap)]
    if not all(isinstance(item, Block) and item.kind == "paragraph" and "\n" not in item.text
               and is_header_line(Unit(text=item.text)) for item in above):
        return items
    for item in above:
        debris.drop(item.text, "site header")
    return [Gap() if i < start and not isinstance(item, Gap) else item for i, item in enumerate(items)]


def _without_header_menu(items: list[Item], debris: DebrisFilter) -> list[Item]:
    """The items without the site's header menu above the article's first paragraph, as pasted text has it: short
    entries ("Search the NHS website", "Search", "More"), one a menu's own word, among four or more entries and
    left-out lines (a link list, a skip link); a lead-in ("Symptoms include:") keeps what follows it."""
    end = next((i for i, item in enumerate(items) if (isinstance(item, Heading) and item.level > 1) or (
        isinstance(item, Block) and item.kind == "paragraph" and is_body(Unit(text=item.text)))), len(items))
    top = [i for i in range(end) if isinstance(items[i], Block)]
    entries = [line for i in top for line in (items[i].items or items[i].text.split("\n"))]
    gaps = sum(isinstance(item, Gap) for item in items[:end])
    if (not top or not all(is_menu_line(e) for e in entries) or len(entries) + gaps < HEADER_MENU_RUN
            or not any(NAV_ENTRY.match(e) for e in entries)):
        return items
    for entry in entries:
        debris.drop(entry, "site menu")
    return [Gap() if i in top else item for i, item in enumerate(items)]


def _add_list(items: list[Item], start: int, entries: list[tuple[str, str, int]], debris: DebrisFilter) -> None:
    """A list (ordered from `start`, or a bulleted one for 0); one made only of links (site navigation) is left out
    unless a sentence introduces it."""
    lead_in = bool(items) and isinstance(items[-1], Block) and items[-1].text.rstrip().endswith(":")
    links = sum(shape == "links" for _, shape, _ in entries)
    top = not any(isinstance(item, Block) and item.kind == "paragraph" and is_body(Unit(text=item.text)) for item in items)
    # above the first paragraph, a list most of whose entries are links is the site's menu ("... Pregnancy, Browse")
    if entries and (all(shape in ("links", "gap") for _, shape, _ in entries) or (top and links * 2 > len(entries))) \
            and not lead_in:
        for plain, shape, _ in entries:
            if shape == "links" or plain:
                debris.drop(plain, "link list")
        items.append(LeftLinks())
        return
    if not entries:  # its items were pictures, left out
        items.append(Gap())
        return
    kept, depths = with_depths(((plain, depth) for plain, _, depth in entries), debris.clean)
    if kept:
        items.append(Block("list", items=kept, ordered=start > 0, start=max(start, 1), depths=depths))
