"""Plain text as pasted from a web page -> title and outline.

A pasted page has no markup, so its structure is read from the whole document: the first line is the title,
a short line of its own between blank lines and followed by text is a heading, a sentence that repeats an item
of the "Key Points" list above it is a sub-heading, and lines that merely continue a sentence (hard wraps) are
joined back. Page debris is left out on the way and recorded.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Sequence

from narration.ingest.debris import DebrisFilter
from narration.models import Block
from narration.ingest.outline import SUB, Gap, Heading, Item
from narration.ingest.tables import tab_tables
from narration.text.sentences import split_sentences

LIST_ITEM = re.compile(r"^\s*(?:[-*\u2022\u25aa\u25cf\u2013]|(\d{1,3})[.)])\s+(\S.*)$")
EMPHASIZED = re.compile(r"\*{1,3}([^*]{2,200})\*{1,3}")
NUMBERED_QUESTION = re.compile(r"^\d{1,2}\.\s+\S.{0,200}\?$")
SENTENCE_END = re.compile(r"[.!?:;,\"'”’)]$")
HEADING_STOP = re.compile(r"[.!?:;,\"'”’]$")  # a heading may end in ")": "Intensity-modulated radiation therapy (IMRT)"
SMALL_WORDS = {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on",
               "or", "the", "to", "vs", "with", "about", "over", "per", "via", "is", "are", "than", "your"}
# Verbs and function words a figure label ("Lumbar puncture.") never has, while a short sentence does.
CLAUSE_WORDS = re.compile(
    r"\b(is|are|was|were|be|been|can|could|may|might|must|will|would|should|shall|do|does|did|has|have|had|"
    r"you|your|we|our|it|they|this|that|these|those|there|here|not|ask|talk|call|see|learn|read|find|visit|"
    r"check|get|take|keep|make|use|try|tell|go|let|avoid|eat|drink|\w+n['’]t|"  # a negated verb: "Don't Guess."
    # Spanish: "Es normal. Muchas mujeres ..." is two sentences, never a figure label and its description
    r"es|son|era|fue|está|están|estar|ser|puede|pueden|debe|deben|hay|tiene|tienen|usted|ustedes|su|sus|"
    r"nos|se|le|les|lo|no|sí|esto|eso|esta|este|estas|estos|llame|hable|pregunte|tome|use|evite|lea|vea|"
    r"consulte|siga)\b", re.IGNORECASE)
# Words that may follow a noun inside a noun phrase (a figure label): prepositions and conjunctions.
LINKS = {"of", "in", "and", "or", "with", "for", "to", "from", "on", "at", "by", "after", "before", "during",
         "inside", "into", "near", "under", "over", "between", "within", "without", "vs", "versus", "as",
         "de", "del", "y", "o", "en", "con", "para", "por", "a"}
READER = re.compile(r"\b(?:you|your|yours|yourself|usted|ustedes)\b", re.IGNORECASE)  # a caption never addresses the reader
# The last word of a lead-in that runs into the list under it ("Other symptoms include", "Goals of treatment are
# to"): an article, a conjunction, "to", an auxiliary or a verb that introduces examples. A heading ends in a noun.
LEAD_IN_END = re.compile(
    r"\b(a|an|the|and|or|nor|but|if|that|than|because|as|like|such as|of|to|is|are|was|were|be|been|can|could|"
    r"may|might|must|will|would|should|include[sd]?|including|involves?|contains?|means|following|"
    r"el|la|los|las|y|o|que|de|a|es|son|incluyen?|como)\W*$", re.IGNORECASE)
LABEL_MAX_WORDS = 5
TEASER_MAX_WORDS = 30
CAPTION_MAX_SENTENCES = 2  # a label and what the picture shows; a third sentence is the article talking
CAPTION_MAX_WORDS = 40
DETERMINERS = {"a", "an", "the", "some", "many", "most", "all", "each", "every", "no", "one", "two", "my", "his",
               "her", "its", "their", "if", "when", "for", "in", "on", "at", "after", "before", "as", "so", "but",
               # Spanish
               "el", "la", "los", "las", "un", "una", "unos", "unas", "algunos", "algunas", "muchos", "muchas",
               "cada", "todo", "todos", "toda", "todas", "mi", "su", "sus", "si", "cuando", "para", "en", "con",
               "después", "antes", "como", "pero", "por", "al", "del"}


@dataclass
class Unit:
    """A paragraph line or a run of list items, with whether a blank line precedes it."""

    text: str = ""
    items: list[str] = field(default_factory=list)
    ordered: bool = False
    blank_before: bool = True
    kind: str = "paragraph"  # paragraph, list, heading, sub, drop, table
    emphasized: bool = False  # the whole line was in *asterisks*: a label the page set in bold or italics
    number: int = 0  # the number an ordered list starts at, as written ("3." -> 3)
    mark: int = 0  # where in the page it was read (DebrisFilter.mark), to file its drop in page order
    table: Block | None = None  # rows a browser pasted with tabs between the cells

    @property
    def is_list(self) -> bool:
        return bool(self.items)


def words(text: str) -> list[str]:
    """The words of a line, accented letters included ("calcificación" is one word, not two)."""
    return re.findall(r"[^\W_][\w'’®-]*", text)


def is_title_case(text: str) -> bool:
    """Every significant word capitalized ("Breast Cancer Prevention"), with at least two of them."""
    found = re.findall(r"[^\W\d_][\w'’-]*", text)
    significant = [w for w in found[1:] if w.lower() not in SMALL_WORDS]
    return bool(found) and found[0][0].isupper() and len(significant) >= 1 and all(w[0].isupper() for w in significant)


def rejoin_wrapped(lines: list[str]) -> list[str]:
    """Join a line to the next when it leaves a bracket open or stops mid-sentence before a lower-case word."""
    joined: list[str] = []
    for line in lines:
        if joined and line.strip() and joined[-1].strip() and not LIST_ITEM.match(line) \
                and "\t" not in line + joined[-1]:  # a table row
            previous = joined[-1]
            open_bracket = previous.count("(") > previous.count(")")
            continues = not SENTENCE_END.search(previous.rstrip()) and re.match(r"\s*\(?[a-záéíóúüñ]", line)
            if open_bracket or continues:
                joined[-1] = f"{previous.rstrip()} {line.strip()}"
                continue
        joined.append(line)
    return joined


def title_line(lines: list[str]) -> tuple[str, list[str]]:
    """The first line is the page's title when it reads like one (short, no closing period, not a list item)."""
    content = [i for i, line in enumerate(lines) if line.strip()]
    if len(content) < 2:
        return "", lines
    first = " ".join(lines[content[0]].split())
    opened = first.lstrip("¿¡«\"“")  # a Spanish question or exclamation opens with its mark
    if LIST_ITEM.match(first) or len(words(first)) > 20 or re.search(r"[.,;:]$", first) or not opened[:1].isupper():
        return "", lines
    return first, lines[content[0] + 1:]


def units_from_lines(lines: list[str], debris: DebrisFilter) -> list[Unit]:
    """Non-blank lines -> paragraph units (one per line) and list units (runs of items), debris removed."""
    units: list[Unit] = []
    blank = True
    for raw in tab_tables(lines):
        if isinstance(raw, Block):
            units.append(Unit(kind="table", table=raw, blank_before=blank, mark=debris.mark()))
            blank = False
            continue
        if not raw.strip():
            blank = True
            continue
        line = " ".join(raw.split())
        match = LIST_ITEM.match(line)
        if match and not (NUMBERED_QUESTION.match(line)):
            item = debris.clean(match.group(2).strip())  # "- Print This Page" is debris as much as the line
            if not item:
                continue
            if units and units[-1].is_list and not blank:
                units[-1].items.append(item)
            else:
                units.append(Unit(items=[item], ordered=match.group(1) is not None, blank_before=blank, kind="list",
                                  number=int(match.group(1) or 0),
                                  mark=debris.mark()))
        elif line := debris.clean(line):
            inner = EMPHASIZED.fullmatch(line)
            units.append(Unit(text=inner.group(1).strip() if inner else line, blank_before=blank, emphasized=bool(inner),
                              mark=debris.mark()))
        else:
            continue
        blank = False
    return units


# On a page that puts citation numbers at clause ends ("cancer (3)."), the same marker after a word within a
# sentence ("young adults (3) but can occur") is one too; an enumerator follows a colon or semicolon instead.
MID_CITATION = re.compile(r"(?<=[a-z])(?<!\band)(?<!\bor)\s\(\d{1,3}(?:\s?[-–,]\s?\d{1,3})*\)(?=\s+[a-z])")
SERIES = re.compile(r"(?:^|[:;,]\s)\(1\)\s")  # "(1) surgery; (2) drugs; and (3) radiation": enumerators
# On a page with footnote numbers glued to its sentences ("sleep.1"), one after a closing colon ("studies: 2")
# or glued to a table cell's last sentence ("during the day.3") is one too.
LATE_FOOTNOTE = re.compile(r"(?:(?<=[a-z]:)\s|(?<=[a-z][.!?]))\d{1,2}$")
PAGE_EVIDENCE = 2  # citations the patterns found before the page's form is trusted mid-sentence


def _page_citations(units: list[Unit], debris: DebrisFilter) -> None:
    """Citation and footnote numbers in the forms a page shows only where it already used the plain forms."""
    rules = [(MID_CITATION, "citation", debris.count("citation") >= PAGE_EVIDENCE),
             (LATE_FOOTNOTE, "footnote number", debris.count("footnote number") >= 1)]
    for pattern, rule, shown in rules:
        if not shown:
            continue
        for unit in units:
            if unit.table is not None:
                rows = tuple(tuple(debris.strip(cell, rule, pattern, unit.mark) for cell in row) for row in unit.table.rows)
                unit.table = replace(unit.table, rows=rows)
            unit.items = [_uncited(item, rule, pattern, unit.mark, debris) for item in unit.items]
            unit.text = _uncited(unit.text, rule, pattern, unit.mark, debris)


def _uncited(line: str, rule: str, pattern: re.Pattern[str], at: int, debris: DebrisFilter) -> str:
    return line if SERIES.search(line) else debris.strip(line, rule, pattern, at)


def looks_like_heading(line: str, next_line: str | None) -> bool:
    """Heading test for text without blank lines between paragraphs: a short standalone question, or a short
    title-case line without closing punctuation, that is followed by content."""
    stripped = line.strip()
    if not stripped or next_line is None or LIST_ITEM.match(stripped):
        return False
    found = stripped.split()
    if len(found) > 14 or len(stripped) > 100:
        return False
    if stripped.endswith("?"):
        return stripped.count("?") == 1 and not re.search(r"[.!]\s", stripped)
    if stripped[-1] in ".!:;,\"'”’)" or re.search(r"[.!?;]\s", stripped):
        return False
    if len(found) <= 1 and not stripped.isupper():
        return False
    return is_title_case(stripped) or (stripped.isupper() and len(found) <= 8)


def candidate(unit: Unit, spaced: bool) -> bool:
    """A line that could be a heading by its own shape (whether text follows is checked separately)."""
    text = unit.text
    if unit.is_list or not text:
        return False
    if NUMBERED_QUESTION.match(text):
        return True
    if spaced and not unit.blank_before:
        return False
    count = len(words(text))
    if text.endswith("?"):
        return count <= 25 and text.count("?") == 1 and not re.search(r"[.!]\s", text)
    if HEADING_STOP.search(text) or re.search(r"[.!?;]\s", text) or not (text[0].isupper() or text[0].isdigit()):
        return False
    return count <= 12 and len(text) <= 100


def is_label(text: str) -> bool:
    """A label heading: a short noun phrase that ends in a colon and names what follows ("Directions:",
    "Personal Items:"), unlike a lead-in that a verb or pronoun shows to be a sentence ("Call 999 if your child:")."""
    name = text[:-1].rstrip()
    return (text.endswith(":") and 0 < len(words(name)) <= LABEL_MAX_WORDS and name[:1].isupper()
            and not re.search(r"[\d:.!?;]", name) and not CLAUSE_WORDS.search(name) and not LEAD_IN_END.search(name))


def _leads_into(unit: Unit, following: Unit | None) -> bool:
    """A line that runs on into the list under it ("Goals of treatment are to"): the list's lead-in."""
    return following is not None and following.is_list and bool(LEAD_IN_END.search(unit.text.rstrip(":")))


def is_prose(unit: Unit) -> bool:
    return unit.is_list or unit.table is not None or bool(SENTENCE_END.search(unit.text)) or len(words(unit.text)) > 12


def _after_a_label(units: list[Unit], index: int) -> bool:
    """Whether the line follows a short line that is neither prose nor a heading: the value of a key/value
    block ("FDA Approved" / "Yes"), not a heading."""
    if index == 0:
        return False
    previous = units[index - 1]
    return previous.kind == "paragraph" and not is_prose(previous)


SIBLING_WORDS = 4  # short headings of a set: "By Phone", "Online", "By Mail", "In Person"


def _parallel(text: str, above: list[Unit]) -> bool:
    """Whether a short line has the form of a heading above it on the page (a few words, capitalized alike):
    a sibling of that heading ("In Person" after "By Mail"), even below the last line of an address."""
    short, titled = _heading_form(text)
    return short and any(u.kind == "heading" and _heading_form(u.text) == (True, titled) for u in above)


def _followed_by_text(units: list[Unit], index: int, spaced: bool, depth: int = 0) -> bool:
    """Whether a heading candidate heads text: prose or a list next, or a stacked heading (of two words or
    more, so a key/value block "FDA Approved" / "Yes" is not read as headings) that does."""
    if index + 1 >= len(units):
        return False
    following = units[index + 1]
    if is_prose(following):
        return True
    return (depth < 2 and candidate(following, spaced) and len(words(following.text)) >= 2
            and _followed_by_text(units, index + 1, spaced, depth + 1))


def _mark_headings(units: list[Unit], spaced: bool) -> None:
    """Set kind 'heading' (or 'sub' for a sentence that repeats a list item above it, as PDQ "Key Points" do, and
    for a label heading: "Directions:")."""
    listed: set[str] = set()
    for index, unit in enumerate(units):
        following = units[index + 1] if index + 1 < len(units) else None
        if unit.is_list:
            listed.update(" ".join(item.casefold().split()) for item in unit.items)
            continue
        if _leads_into(unit, following):
            continue
        if spaced and unit.blank_before and " ".join(unit.text.casefold().split()) in listed:
            unit.kind = "sub"
        elif (is_label(unit.text) and (unit.blank_before or not spaced) and following is not None
              and is_prose(following) and not _after_a_label(units, index)):
            unit.kind, unit.text = "sub", unit.text[:-1].rstrip()
        elif (spaced and candidate(unit, spaced) and _followed_by_text(units, index, spaced)
              and (not _after_a_label(units, index) or _parallel(unit.text, units[:index]))):
            unit.kind = "sub" if unit.emphasized else "heading"
        elif not spaced and looks_like_heading(unit.text, (units[index + 1].text or "-") if index + 1 < len(units) else None):
            unit.kind = "heading"


NUMBERED_LINE = re.compile(r"^(\d{1,2})\.\s+(\S.*)$")
NUMBERED_RUN = 3  # numbered headings in a row, from 1, that make a page's outline


def _numbered_line(unit: Unit) -> tuple[int, str] | None:
    """A line of its own that reads "N. Text" and is shaped like a heading (no full stop, short): (N, Text)."""
    if unit.is_list:
        number, text = (unit.number, unit.items[0]) if unit.ordered and len(unit.items) == 1 else (0, "")
    else:
        match = NUMBERED_LINE.match(unit.text)
        number, text = (int(match.group(1)), match.group(2)) if match else (0, "")
    shaped = text and (text.endswith("?") or not HEADING_STOP.search(text)) and not re.search(r"[.!?;]\s", text)
    return (number, text) if shaped and len(words(text)) <= 15 else None


def _numbered_headings(units: list[Unit], spaced: bool) -> list[int]:
    """Numbered section headings ("1. Why get vaccinated?" ... "7. How can I learn more?"): lines "N. Text"
    whose numbers run 1, 2, 3 ... through the page, each over text of its own, with no heading above the first
    (under a heading, as PDQ's numbered questions are, they are its sub-headings). They are made the page's
    headings, said without their numbers; a one-item list "3. ..." among them is one of them, not a list."""
    found = [(index, parsed) for index, unit in enumerate(units) if unit.kind in ("paragraph", "list", "heading")
             and (parsed := _numbered_line(unit))]
    numbers = [number for _, (number, _) in found]
    if len(found) < NUMBERED_RUN or numbers != list(range(1, len(found) + 1)):
        return []
    first = found[0][0]
    if any(unit.kind in ("heading", "sub") for unit in units[:first]):
        return []
    if not all(_followed_by_text(units, index, spaced) for index, _ in found):
        return []
    for index, (_, text) in found:
        unit = units[index]
        unit.kind, unit.text, unit.items = "heading", text, []
    return [index for index, _ in found]


def _sentences(text: str) -> list[str]:
    """The sentences of a line, split where the narration splits them ("Gov. Hogan" is not cut)."""
    return split_sentences(text.strip())


def _is_teaser(unit: Unit | None) -> bool:
    """A promotional card's one-sentence teaser."""
    return (unit is not None and not unit.is_list and unit.kind == "paragraph" and len(_sentences(unit.text)) == 1
            and len(words(unit.text)) <= TEASER_MAX_WORDS and bool(SENTENCE_END.search(unit.text)))


def _mark_cards(units: list[Unit], debris: DebrisFilter, numbered: Sequence[int] = ()) -> None:
    """A promotional card is a title-case title (a line, or a one-item list) plus a one-sentence teaser, on a
    page whose own headings are in sentence case: "Breast Cancer Prevention" / "Learn about ...". One of the
    page's numbered headings ("6. The National Vaccine Injury Compensation Program") is never a card."""
    headings = [u.text for u in units if u.kind == "heading" and len(words(u.text)) >= 3]
    titled = sum(is_title_case(h) for h in headings)
    if titled * 2 >= len(headings) and headings:
        return  # a page with title-case headings: a title-case line is one of its headings
    for index, unit in enumerate(units[:-1]):
        title = unit.items[0] if unit.is_list and len(unit.items) == 1 else unit.text if unit.kind == "heading" else ""
        if index in numbered:
            continue
        if title and is_title_case(title) and not SENTENCE_END.search(title.rstrip("?")) and _is_teaser(units[index + 1]):
            for part in (unit, units[index + 1]):
                part.kind = "drop"
                debris.drop(title if part is unit else part.text, "promotional card", part.mark)


def _is_caption(unit: Unit, previous: Unit | None, following: Unit | None) -> bool:
    """A figure caption: a paragraph of its own that opens with a label ("Lumbar puncture.", "Anatomy of the
    urinary system showing ...") rather than a sentence, and goes on to describe the picture. A paragraph that
    leads into a list, asks, is numbered, speaks to the reader or is all a heading has under it is the
    article's own text."""
    if unit.kind != "paragraph" or not unit.blank_before or (following is not None and not following.blank_before
                                                            and not following.is_list):
        return False
    if previous is not None and previous.kind in ("heading", "sub") and (following is None or following.kind
                                                                        in ("heading", "sub")):
        return False
    text = unit.text.rstrip()
    if text.endswith((":", "?")) or LIST_ITEM.match(text) or READER.search(text):
        return False
    sentences = _sentences(text)
    if len(sentences) < 2:
        return False
    label = re.sub(r"\([^)]*\)", "", sentences[0])
    shows = re.search(r"\b(showing|shows|shown)\b", label)
    if shows:
        label = label[:shows.start()]
    first = words(label)[:1]
    return (len(words(label)) <= (14 if shows else 6) and not CLAUSE_WORDS.search(label) and not _has_verb(label)
            and bool(first) and first[0].lower() not in DETERMINERS)


def _short(unit: Unit) -> bool:
    """Whether a paragraph is as short as a caption standing alone is: a label and a sentence about the picture."""
    return len(_sentences(unit.text)) <= CAPTION_MAX_SENTENCES and len(words(unit.text)) <= CAPTION_MAX_WORDS


def _captions(units: list[Unit]) -> set[int]:
    """The paragraphs that are figure captions. A long one (three sentences, forty words) is only taken for a
    caption on a page of pictures, where others of that form stand too (PDQ pages describe each figure at
    length); alone, a long paragraph that opens with a short phrase is the article's text."""
    shaped = [i for i, unit in enumerate(units)
              if _is_caption(unit, units[i - 1] if i else None, units[i + 1] if i + 1 < len(units) else None)]
    return {i for i in shaped if len(shaped) >= 2 or _short(units[i])}


def _has_verb(label: str) -> bool:
    """Whether a short phrase reads as a clause: a noun phrase ends with its head noun, so a word in -s that
    another content word follows ("Hypoglycemia means low glucose", "Red cells carry oxygen") is a verb, or the
    subject before one. Prepositions, conjunctions and participles ("Cells lining the bladder") may follow a noun."""
    found = [w.casefold() for w in words(label)]
    return any(re.search(r"[^su]s$", word) and len(word) > 3 and following not in LINKS
               and not re.search(r"(?:ing|ed)$", following) for word, following in zip(found, found[1:]))


def _similar(a: str, b: str) -> bool:
    first, second = set(words(a.casefold())), set(words(b.casefold()))
    return bool(first) and len(first & second) / len(first | second) >= 0.8


def _repeats(unit: Unit, others: list[str]) -> bool:
    """A paragraph (typically a photo caption) said again, sentence after sentence, in a longer paragraph."""
    sentences = _sentences(unit.text)
    if len(words(unit.text)) < 6:
        return False
    longer = [_sentences(o) for o in others if len(o) > len(unit.text)]
    return any(all(_similar(s, t) for s, t in zip(sentences, other[start:]))
               for other in longer for start in range(len(other) - len(sentences) + 1))


CAPTION_RUN = 6  # consecutive words a caption shares with the text it illustrates


def _runs(text: str) -> set[tuple[str, ...]]:
    found = words(text.casefold())
    return {tuple(found[i:i + CAPTION_RUN]) for i in range(len(found) - CAPTION_RUN + 1)}


def _caption_in_list(unit: Unit, previous: Unit | None, following: Unit | None) -> bool:
    """A one-sentence paragraph that stands between two parts of one list and says again what an item beside it
    says: the caption of a picture set inside the list ("A mask fitted to your face helps make sure that you are
    in exactly the same position for each treatment." between the items about molds and masks)."""
    if (unit.kind != "paragraph" or unit.is_list or previous is None or following is None
            or not (previous.is_list and following.is_list) or len(_sentences(unit.text)) != 1
            or not unit.text.rstrip().endswith(".")):  # a lead-in ("... understand:") opens the list after it
        return False
    mine = _runs(unit.text)
    return any(mine & _runs(item) for item in (previous.items[-1], following.items[0]))


def _mark_figures_and_links(units: list[Unit], debris: DebrisFilter) -> None:
    """Captions, repeated captions, navigation link lists and rows of run-together links are left out."""
    texts = [u.text for u in units if u.kind == "paragraph"] + [i for u in units if u.is_list for i in u.items]
    captions = _captions(units)
    for index, unit in enumerate(units):
        following = units[index + 1] if index + 1 < len(units) else None
        previous = units[index - 1] if index else None
        if index in captions:
            unit.kind, rule = "drop", "figure caption"
        elif _is_reference(unit):
            unit.kind, rule = "drop", "reference"
        elif unit.kind == "paragraph" and _repeats(unit, texts):
            unit.kind, rule = "drop", "repeated caption"
        elif _caption_in_list(unit, previous, following):
            unit.kind, rule = "drop", "caption inside a list"
        elif (unit.is_list and previous is not None and previous.kind in ("heading", "sub")
              and all(_is_link_text(i) or re.fullmatch(r"[A-Z][a-z]+", i) for i in unit.items)):
            unit.kind, rule = "drop", "link list"
        elif unit.kind == "paragraph" and len(words(unit.text)) >= 8 and _is_link_text(unit.text, 30):
            unit.kind, rule = "drop", "row of links"
        else:
            continue
        for line in unit.items or [unit.text]:
            debris.drop(line, rule, unit.mark)


# What marks a work cited: an address, a DOI, "Retrieved", a year in brackets, or a year closing a publisher's line.
CITED = re.compile(r"https?://|\bdoi\b|\bRetrieved\b|\((?:19|20)\d\d[a-z]?\)|\(n\.d\.\)|[;:,]\s*(?:19|20)\d\d[;.:]"
                   r"|\b\d+\(\d+\):\s?\d+", re.IGNORECASE)
CITATION_OPENING = re.compile(r"^[A-Z][\w'’&,. -]{2,150}?\.\s")  # its authors or publisher, then a full stop


def _is_citation(text: str) -> bool:
    """A reference to a work: it opens with its authors or publisher (names, no clause) and carries what marks a
    work cited."""
    opening = CITATION_OPENING.match(text)
    return (opening is not None and not CLAUSE_WORDS.search(opening.group()) and bool(CITED.search(text))
            and not READER.search(text))


def _is_reference(unit: Unit) -> bool:
    """A reference list (every item a work cited) or a paragraph that is one reference."""
    return (unit.kind in ("paragraph", "list")
            and all(_is_citation(line) for line in unit.items or [unit.text]) and bool(unit.items or unit.text))


HUB_LINK_PARTS = 3  # parts of a page (between headings) that were nothing but links: a page of link cards


def _mark_hub_teasers(units: list[Unit], debris: DebrisFilter) -> None:
    """On a page of link cards (at least three of its parts, and a third of them, nothing but links), a part
    whose one paragraph is one short sentence is a card's teaser ("Find information about trends in uterine
    cancer on the Cancer Stat Facts page."): the Markdown of such a page shows it as a link. A part that
    introduces links of its own ("The information in this section ...", then a row of links) keeps its text."""
    parts: list[list[Unit]] = [[]]
    for unit in units:
        if unit.kind in ("heading", "sub"):
            parts.append([])
        else:
            parts[-1].append(unit)
    parts = [part for part in parts if part]
    links_only = sum(all(u.kind == "drop" for u in part) for part in parts)
    if links_only < HUB_LINK_PARTS or links_only * 3 < len(parts):
        return
    for part in parts:
        if len(part) == 1 and _is_teaser(part[0]):
            part[0].kind = "drop"
            debris.drop(part[0].text, "card teaser on a page of links", part[0].mark)


def _is_link_text(text: str, limit: int = 8) -> bool:
    """Words of a link title: title case, no sentence punctuation, short."""
    return is_title_case(text) and not re.search(r"[.!?:;,]", text) and len(words(text)) <= limit


# ------------------------------------------------------------------ page furniture

# What opens a page's table of contents or jump menu ("On this page:", "Table of Contents", "In this article").
CONTENTS_LEAD = re.compile(r"(?i)^(?:table of contents|contents|page contents|on this page|in this (?:article|page|section)"
                           r"|jump to|skip to|sections on this page)\s*:?$")
MENU_WORDS = 6  # a site menu's or breadcrumb's entry: "Health A-Z", "Care and support", "Home Health A to Z"
MENU_RUN = 3  # entries in a row that make a menu, not a stack of headings
REPEATED_SHARE = 0.8  # of a contents list's entries that come back as the page's own headings


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _lines(unit: Unit) -> list[str]:
    return unit.items or [unit.text]


def _heading_shaped(text: str) -> bool:
    """An entry of a contents list: a heading's words, or its question."""
    return 0 < len(words(text)) <= 15 and not re.search(r"[.!;,:]$", text)


def _contents_end(units: list[Unit], start: int) -> int:
    """The index after the table of contents that opens at `start` (== start when there is none): a lead line
    ("On this page") and the heading-shaped lines under it, or a block of such lines above the article's first
    paragraph nearly all of which come back later as its headings (the contents without a lead, as pasted from
    MedlinePlus; below a paragraph such a list is the article's: "three types of particles:", then one each)."""
    led = not units[start].is_list and bool(CONTENTS_LEAD.match(units[start].text))
    if not led and any(_is_body(unit) and not unit.is_list for unit in units[:start]):
        return start
    end = start + 1 if led else start
    while end < len(units) and all(_heading_shaped(t) for t in _lines(units[end])) and (
            end == start or not units[end].blank_before or (led and end == start + 1 and units[end].is_list)):
        end += 1
    entries = [t for unit in units[start + led:end] for t in _lines(unit)]
    later = {_key(u.text) for u in units[end:] if not u.is_list}
    repeated = sum(_key(t) in later for t in entries)
    if (led and len(entries) >= 2) or (len(entries) >= MENU_RUN and repeated >= REPEATED_SHARE * len(entries)):
        return end
    return start


def _is_menu_entry(unit: Unit) -> bool:
    """A line of a site menu, breadcrumb or footer: a few words on their own, no sentence punctuation."""
    return (not unit.is_list and 0 < len(words(unit.text)) <= MENU_WORDS and unit.text[0].isupper()
            and not re.search(r"[.!?:;,]", unit.text))


def _is_body(unit: Unit) -> bool:
    """The article's own text: a list, a sentence, or a long line ("Coronavirus (COVID-19)" is none of these)."""
    return unit.is_list or bool(re.search(r"[.!?:;]$", unit.text)) or len(words(unit.text)) > 12


def _furniture(units: list[Unit], title: str) -> dict[int, str]:
    """Units that belong to the site around the article, each with the rule that names it: tables of contents,
    a repeat of the title above the first paragraph (the page's heading under its browser title), menus and
    breadcrumbs there (three or more short lines, link titles among them), short link lines below the last
    paragraph (a footer), and a lone lower-case line of its own (an image's description)."""
    found: dict[int, str] = {}
    index = 0
    while index < len(units):
        end = _contents_end(units, index)
        found.update((i, "table of contents") for i in range(index, end))
        index = max(end, index + 1)
    rest = [i for i in range(len(units)) if i not in found]
    body = [i for i in rest if _is_body(units[i])]
    first, last = (body[0], body[-1]) if body else (len(units), len(units))
    found.update((i, "title repeated") for i in rest if i < first and title and _key(units[i].text) == _key(title))
    # the line of its own right over the first paragraph is the article's first heading, not the menu's last line
    heading = first - 1 if first and units[first - 1].blank_before else None
    top = [i for i in rest if i < first and i not in found and i != heading and _is_menu_entry(units[i])]
    bottom = [i for i in rest if i > last and _is_menu_entry(units[i])]
    tail = [i for i in rest if i > last]  # below a footer's links, a line among them is the footer's too
    for run, rule, whole in ((top, "site menu", top), (bottom, "page footer", tail)):
        links = sum(_is_link_text(units[i].text) for i in run)  # "Live Well", "Food Safety Charts"; not "Fever"
        if (len(run) >= MENU_RUN and links >= 2) or (run and rule == "page footer" and links == len(run)):
            found.update((i, rule) for i in whole)
    for i in rest:
        text = units[i].text
        if (i not in found and text and re.fullmatch(r"[a-z]+", words(text)[0]) and len(words(text)) <= 12
                and not SENTENCE_END.search(text) and units[i].blank_before
                and (i + 1 == len(units) or units[i + 1].blank_before)):
            found[i] = "image description"
    return found


def _without_furniture(units: list[Unit], title: str, debris: DebrisFilter) -> list[Unit]:
    """The units without the site's furniture (recorded as dropped), before any rule reads the page's structure:
    a contents list must not make sub-headings of the sections it lists, nor a menu tip the page's layout."""
    found = _furniture(units, title)
    for index, rule in sorted(found.items()):
        for line in _lines(units[index]):
            debris.drop(line, rule, units[index].mark)
    kept: list[Unit] = []
    for index, unit in enumerate(units):
        if index not in found:
            kept.append(unit)
        elif not kept or kept[-1].kind != "drop":  # a place where something was: the headings around it are not
            kept.append(Unit(kind="drop", blank_before=unit.blank_before))  # stacked (a publisher's line, a menu)
    return kept


def _levels(units: list[Unit], numbered: Sequence[int] = ()) -> dict[int, int]:
    """Heading levels read from the page: numbered section headings are its sections and every other heading
    under them a sub-heading; where title-case and sentence-case headings are mixed (PDQ pages),
    the title-case ones are sections and the sentence-case ones their sub-headings, except a question, which
    heads a section of its own on any page ("What causes acromegaly?"); a one-word heading takes
    the level of the heading before it; a heading that recurs on the page is a sub-heading."""
    if numbered:
        return {i: 2 if i in numbered else 3 for i, u in enumerate(units) if u.kind == "heading"}
    headings = [(i, u.text) for i, u in enumerate(units) if u.kind == "heading"]
    counts: dict[str, int] = {}
    for _, text in headings:
        counts[text.casefold()] = counts.get(text.casefold(), 0) + 1
    styled = [(i, is_title_case(t) or _asks(t)) for i, t in headings if len(words(t)) >= 2 and counts[t.casefold()] == 1]
    levels: dict[int, int] = {}
    level = 2
    style = dict(styled)
    mixed = _mixed(units, styled)
    for index, text in headings:
        if counts[text.casefold()] > 1:  # "Ways to Manage" x12: a sub-heading, and says nothing of the level
            levels[index] = SUB
            continue
        if index in style:
            level = 3 if mixed and not style[index] else 2
        elif len(words(text)) >= 2:
            level = 2
        levels[index] = level
    _under_questions(units, levels)
    _nest_siblings(units, levels)
    return levels


QUESTION_PAGE = 3  # question headings that make a page of questions


def _under_questions(units: list[Unit], levels: dict[int, int]) -> None:
    """On a page whose sections are questions ("What Causes ...?", "How Is ... Treated?"), a noun heading (one
    word, or title case: "Overview", "Diagnostic Tests") between two of them sits under the question before it:
    questions outrank them. After the last question ("Points to Remember", "Brand names") it heads a section again."""
    asked = [i for i in levels if _asks(units[i].text) and levels[i] == 2]
    if len(asked) < QUESTION_PAGE:
        return
    for index in levels:
        text = units[index].text
        if asked[0] < index < asked[-1] and levels[index] == 2 and not _asks(text) and _heading_form(text)[1]:
            levels[index] = 3


def _heading_form(text: str) -> tuple[bool, bool]:
    """A heading's form for telling siblings: whether it is short, and capitalized as a title."""
    return len(words(text)) <= SIBLING_WORDS, is_title_case(text) or len(words(text)) == 1


def _nest_siblings(units: list[Unit], levels: dict[int, int]) -> None:
    """A longer heading stacked right over a short one ("Easy Ways to Apply" over "By Phone") is the parent of
    the short one and of the headings after it that share its form ("Online", "By Mail", "In Person")."""
    order = sorted(levels)
    for position, parent in enumerate(order[:-1]):
        child = order[position + 1]
        form = _heading_form(units[child].text)
        if child != parent + 1 or _heading_form(units[parent].text)[0] or not form[0] or levels[child] != levels[parent]:
            continue
        for sibling in order[position + 1:]:
            if levels[sibling] != levels[parent] or _heading_form(units[sibling].text) != form:
                break
            levels[sibling] = levels[parent] + 1


def _asks(heading: str) -> bool:
    """A question heading not numbered as one of a list of questions ("1. What is mistletoe?")."""
    return heading.endswith("?") and not NUMBERED_QUESTION.match(heading)


def _mixed(units: list[Unit], styled: list[tuple[int, bool]]) -> bool:
    """Whether title-case headings head sections of sentence-case ones: two of each at least, counting only the
    title-case headings with text of their own under them (up to the next title-case one) that come before the
    last sentence-case heading. A footer line in title case ("Last Revised - 11/15/2015", "Browse Drugs and
    Medicines") heads nothing and decides nothing."""
    sentence = [i for i, titled in styled if not titled]
    titled = [i for i, t in styled if t and is_title_case(units[i].text)]
    bounds = titled[1:] + [len(units)]
    counted = [i for i, end in zip(titled, bounds)
               if sentence and i < sentence[-1] and any(u.kind not in ("heading", "sub", "drop") for u in units[i + 1:end])]
    return len(sentence) >= 2 and len(counted) >= 1 and (len(counted) >= 2 or counted[0] < sentence[0])


def paragraphs_spaced(units: list[Unit]) -> bool:
    """Whether the page separates its paragraphs by blank lines, judged by its prose: where one paragraph follows
    another, else whether its paragraphs stand after a blank line. A menu or footer of one-line links, however
    many lines it takes, says nothing about it (a vote over all lines let a long menu decide)."""
    prose = [(previous, unit) for previous, unit in zip([None, *units], units)
             if unit.kind == "paragraph" and not unit.is_list and is_prose(unit)]
    after_prose = [(p, u) for p, u in prose if p is not None and p.kind == "paragraph" and is_prose(p)]
    for judged in (after_prose, prose):
        if judged:
            return sum(u.blank_before for _, u in judged) * 2 >= len(judged)
    return sum(u.blank_before for u in units) * 2 >= len(units)


def parse_text(text: str, debris: DebrisFilter) -> tuple[str, list[Item]]:
    """Plain text -> (the title on its first line, or '') and the outline."""
    # trailing tabs are a table row's empty last cells
    title, lines = title_line(rejoin_wrapped([line.rstrip(" \r\f\v") for line in text.split("\n")]))
    units = units_from_lines(lines, debris)
    _page_citations(units, debris)
    units = _without_furniture(units, title, debris)
    spaced = paragraphs_spaced(units)
    _mark_headings(units, spaced)
    numbered = _numbered_headings(units, spaced)
    if spaced:
        _mark_cards(units, debris, numbered)
        _mark_figures_and_links(units, debris)
        _mark_hub_teasers(units, debris)
    levels = _levels(units, numbered)
    items: list[Item] = []
    for index, unit in enumerate(units):
        if unit.kind == "drop":
            items.append(Gap())
        elif unit.kind == "heading":
            items.append(Heading(unit.text, levels[index]))
        elif unit.kind == "sub":
            items.append(Heading(unit.text, SUB))
        elif unit.table is not None:
            items.append(unit.table)
        elif unit.is_list:
            items.append(Block("list", items=tuple(unit.items), ordered=unit.ordered, start=unit.number or 1))
        else:
            items.append(Block("paragraph", text=unit.text))
    return title, items
