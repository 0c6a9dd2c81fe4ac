"""What a pasted page shows beside its text: figure captions, promotional cards, rows of links, reference
lists and citation numbers, left out and recorded."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
import re
from typing import Sequence

from narration.ingest.debris import DebrisFilter
from narration.ingest.outline import section_role
from narration.ingest.text.headings import FINITE, is_prose
from narration.ingest.text.units import (
    CAPTION_MAX_SENTENCES, CAPTION_MAX_WORDS, CLAUSE_WORDS, DETERMINERS, HEADING_MAX_WORDS, LINKS, LIST_ITEM,
    READER, SENTENCE_END, SMALL_WORDS, TEASER_MAX_WORDS, Unit, has_verb, is_title_case, words,
)
from narration.text.sentences import split_sentences
from narration.text.phones import GROUPED, VANITY


MID_CITATION = re.compile(r"(?<=[a-z])(?<!\band)(?<!\bor)\s\(\d{1,3}(?:\s?[-–,]\s?\d{1,3})*\)(?=\s+[a-z])")
SERIES = re.compile(r"(?:^|[:;,]\s)\(1\)\s")  # "(1) surgery; (2) drugs; and (3) radiation": enumerators
# On a page with footnote numbers glued to its sentences ("sleep.1"), one after a closing colon ("studies: 2")
# or glued to a table cell's last sentence ("during the day.3") is one too.
LATE_FOOTNOTE = re.compile(r"(?:(?<=[a-z]:)\s|(?<=[a-z][.!?]))\d{1,2}$")
PAGE_EVIDENCE = 2  # citations the patterns found before the page's form is trusted mid-sentence


def page_citations(units: list[Unit], debris: DebrisFilter) -> None:
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


@lru_cache(maxsize=4096)
def _sentences(text: str) -> tuple[str, ...]:
    """The sentences of a line, split where the narration splits them ("Gov. Hogan" is not cut). Kept per text:
    every paragraph is compared with every longer one for a repeated caption, so a page splits each once."""
    return tuple(split_sentences(text.strip()))


@lru_cache(maxsize=16384)
def _word_set(sentence: str) -> frozenset[str]:
    return frozenset(words(sentence.casefold()))


# A quantity with its unit ("Serving Size 1 cup (228g)", "Sodium 470 mg"): a label's content, never a teaser.
QUANTITY = re.compile(r"\d(?:[\d.,]*)\s?(?:g|mg|mcg|µg|kg|ml|mL|l|L|oz|lbs?|cups?|tbsp|tsp|%|calories|kcal|IU|mmol)"
                      r"(?![\w])")


# A phone number ("1-800-4-CANCER (1-800-422-6237)", "0300 222 5800", "(608) 263-8009") or an e-mail address.
CONTACT = re.compile(r"(?<![\w-])" + GROUPED + r"(?![\w-])|\b" + VANITY + r"\b|[\w.+-]+@[\w-]+\.[\w.]+")


def _is_teaser(unit: Unit | None) -> bool:
    """A promotional card's one-sentence teaser; a line ending in a colon leads into what follows instead, and one
    that gives a number to call or an address to write to is the article's own help box: it needs no link."""
    return (unit is not None and not unit.is_list and unit.kind == "paragraph" and len(_sentences(unit.text)) == 1
            and len(words(unit.text)) <= TEASER_MAX_WORDS and bool(SENTENCE_END.search(unit.text))
            and not unit.text.rstrip().endswith(":") and not QUANTITY.search(unit.text) and not CONTACT.search(unit.text))


def mark_cards(units: list[Unit], debris: DebrisFilter, numbered: Sequence[int] = ()) -> None:
    """A promotional card is a title-case title (a line, or a one-item list) plus a one-sentence teaser, on a
    page whose own headings are in sentence case: "Breast Cancer Prevention" / "Learn about ...". One of the
    page's numbered headings ("6. The National Vaccine Injury Compensation Program") is never a card, nor a
    heading and paragraph that a list follows: a card stands alone, the list is what the heading is about."""
    headings = [u.text for u in units if u.kind == "heading" and len(words(u.text)) >= 3]
    titled = sum(is_title_case(h) for h in headings)
    if titled * 2 >= len(headings) and headings:
        return  # a page with title-case headings: a title-case line is one of its headings
    for index, unit in enumerate(units[:-1]):
        title = unit.items[0] if unit.is_list and len(unit.items) == 1 else unit.text if unit.kind == "heading" else ""
        if index in numbered:
            continue
        after = units[index + 2] if index + 2 < len(units) else None
        if after is not None and len(after.items) >= 2:  # a one-item list is the next card's title
            continue
        if (title and is_title_case(title) and not SENTENCE_END.search(title.rstrip("?")) and _is_teaser(units[index + 1])
                and not _carried_on(units[index + 1], after) and not _own_question(after)):
            for part in (unit, units[index + 1]):
                part.kind = "drop"
                debris.drop(title if part is unit else part.text, "promotional card", part.mark)


def _own_question(unit: Unit | None) -> bool:
    """A question heading in the page's own sentence case ("What if I don't like it?"): the article goes on
    after the heading and paragraph above it, so they are a section of the article, not a card standing alone."""
    return unit is not None and unit.kind == "heading" and unit.text.rstrip().endswith("?") and not is_title_case(unit.text)


# What opens a sentence that speaks of the one before it: "Most don't know it.", "This means ...", "They ..."
BACK_REFERENCE = re.compile(r"^(?:It|Its|This|That|These|Those|They|Their|Such|Most|Many|Some|Few|Both|All)\b")


def _carried_on(teaser: Unit, after: Unit | None) -> bool:
    """A sentence with a verb that the next paragraph goes on from (set on the very next line, or speaking of it:
    "1 in 3 adults has prediabetes." / "Most don't know it.") is the article's opening, not a card's teaser."""
    return (after is not None and after.kind == "paragraph" and not after.is_list and (bool(FINITE.search(teaser.text)) or has_verb(teaser.text))
            and (not after.blank_before or bool(BACK_REFERENCE.match(after.text.lstrip("“\"'")))))


def _is_caption(unit: Unit, previous: Unit | None, following: Unit | None) -> bool:
    """A figure caption: a paragraph of its own that opens with a label ("Lumbar puncture.", "Anatomy of the
    urinary system showing ...") rather than a sentence, and goes on to describe the picture. A paragraph that
    leads into a list, asks, is numbered, speaks to the reader or is all a heading has under it is the
    article's own text."""
    if unit.kind != "paragraph" or not unit.blank_before or (following is not None and not following.blank_before
                                                            and not following.is_list):
        return False
    if _all_under_heading(previous, following):
        return False
    text = unit.text.rstrip()
    if following is not None and following.table is not None:  # "Table 1. Recommended action ...": the table's title
        return False
    if text.endswith((":", "?")) or LIST_ITEM.match(text) or READER.search(text):
        return False
    sentences = _sentences(text)
    if len(sentences) < 2 or _opens_article(sentences, previous):
        return False
    label = re.sub(r"\([^)]*\)", "", sentences[0])
    shows = re.search(r"\b(showing|shows|shown)\b", label)
    if shows:
        label = label[:shows.start()]
    first = words(label)[:1]
    return (len(words(label)) <= (14 if shows else 6) and not CLAUSE_WORDS.search(label) and not has_verb(label)
            and bool(first) and first[0].lower() not in DETERMINERS)


def _opens_article(sentences: tuple[str, ...], previous: Unit | None) -> bool:
    """A question is never a figure's label ("Need travel vaccines? Plan ahead."), and the first paragraph under
    the title, with no picture marked beside it, is the article's opening: a caption's shape alone is not enough."""
    return sentences[0].rstrip().endswith("?") or previous is None


# A picture's description: who or what it shows, then what they are seen doing ("Woman looking at laptop next to
# a bowl of fruit", "Children smiling and looking at the camera"); "People living with HIV" or "Eating healthy
# foods" heads a section (no one pictured, or nothing seen).
PICTURED = re.compile(
    r"(?i)^(?:(?:an?|the|two|three|four|several|some|a group of|young|old|older|elderly|senior|smiling|happy)\s+)*"
    r"(?:wom[ae]n|m[ae]n|person|people|child(?:ren)?|kids?|girls?|boys?|bab(?:y|ies)|famil(?:y|ies)|doctors?|nurses?|"
    r"patients?|couples?|teens?|teenagers?|parents?|mothers?|fathers?|mom|dad|adults?|students?|friends?|hands?)\b"
    r"(?=.*\b(?:looking|smiling|sitting|standing|holding|walking|running|talking|playing|reading|laughing|hugging|"
    r"lying|wearing|cooking|using|brushing|riding|swimming|stretching|exercising|pointing|writing|typing|next to)\b)")
PICTURE_WORDS = 15


def _pictures(unit: Unit) -> bool:
    """A line made a heading that only describes a picture: a person seen doing something, no verb, no full stop."""
    text = unit.text.strip()
    return (unit.kind in ("heading", "sub") and len(words(text)) <= PICTURE_WORDS and bool(PICTURED.match(text))
            and not SENTENCE_END.search(text) and not FINITE.search(text) and not has_verb(text))


def _alt_text(unit: Unit, previous: Unit | None, following: Unit | None) -> bool:
    """A picture's description between a heading and its paragraph, or over the picture's credit (left out)."""
    return _pictures(unit) and (unit.over_credit or (
        previous is not None and previous.kind in ("heading", "sub") and following is not None
        and following.kind == "paragraph" and not following.is_list))


FIGURE_CAPTION_WORDS = 90  # NCI describes a figure in up to four sentences


def _short(unit: Unit) -> bool:
    """Whether a paragraph is as short as a caption standing alone is: a label and a sentence about the picture."""
    return len(_sentences(unit.text)) <= CAPTION_MAX_SENTENCES and len(words(unit.text)) <= CAPTION_MAX_WORDS


def _captions(units: list[Unit]) -> set[int]:
    """The paragraphs that are figure captions. A long one (three sentences, forty words) is only taken for a
    caption on a page of pictures, where others of that form stand too (PDQ pages describe each figure at
    length); alone, a long paragraph that opens with a short phrase is the article's text."""
    shaped = [i for i, unit in enumerate(units)
              if _is_caption(unit, units[i - 1] if i else None, units[i + 1] if i + 1 < len(units) else None)]
    return {i for i in shaped if len(shaped) >= 2 or _short(units[i])} | {
        i for i, unit in enumerate(units) if _under_figure(unit) or _over_credit(unit)}


def _over_credit(unit: Unit) -> bool:
    """A short paragraph right above an image's credit line is the image's caption ("Cancer cells that have
    absorbed the drug."); one that leads into a list, asks, speaks to the reader or runs long is the article's."""
    text = unit.text.rstrip()
    return (unit.over_credit and unit.kind == "paragraph" and not unit.is_list and not text.endswith((":", "?"))
            and not READER.search(text) and _short(unit))


def _under_figure(unit: Unit) -> bool:
    """The paragraph right under a figure's link ("Enlarge") is the figure's caption, a verb in it or not
    ("Tumor sizes are often measured in centimeters ..."); one that leads into a list or runs long is text."""
    return (unit.under_figure and unit.kind == "paragraph" and not unit.is_list
            and not unit.text.rstrip().endswith(":") and len(words(unit.text)) <= FIGURE_CAPTION_WORDS)


FUNCTION_WORDS = SMALL_WORDS | DETERMINERS | LINKS


def _base(word: str) -> str:
    """A word without its plural or third-person ending, so "varies" matches "vary" and "treatments" "treatment"."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


def _content(sentence: str) -> frozenset[str]:
    return frozenset(_base(w) for w in _word_set(sentence) if w not in FUNCTION_WORDS)


def _similar(a: str, b: str) -> bool:
    """Sentence a says b again: nearly the same words, and none of its own that b lacks beyond a function word
    or an ending. "The way the radiation therapy is given ..." does not repeat "The way the chemotherapy is given
    ...", while a caption that leaves out a few of the text's words ("keep you healthy") repeats it."""
    first, second = _word_set(a), _word_set(b)
    return (bool(first) and len(first & second) / len(first | second) >= 0.8
            and not _content(a) - _content(b))


def _repeats(unit: Unit, others: list[str], previous: Unit | None, following: Unit | None) -> bool:
    """A paragraph (typically a photo caption) said again, sentence after sentence, in a longer paragraph. A lead-in
    to a list, or all that a heading has under it, is the article's text, whatever repeats it elsewhere."""
    sentences = _sentences(unit.text)
    if len(words(unit.text)) < 6 or unit.text.rstrip().endswith(":") or _all_under_heading(previous, following):
        return False
    longer = [_sentences(o) for o in others if len(o) > len(unit.text)]
    return any(all(_similar(s, t) for s, t in zip(sentences, other[start:]))
               for other in longer for start in range(len(other) - len(sentences) + 1))


def _all_under_heading(previous: Unit | None, following: Unit | None) -> bool:
    return (previous is not None and previous.kind in ("heading", "sub")
            and (following is None or following.kind in ("heading", "sub")))


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


def mark_figures_and_links(units: list[Unit], debris: DebrisFilter) -> None:
    """Captions, repeated captions, navigation link lists and rows of run-together links are left out."""
    texts = [u.text for u in units if u.kind == "paragraph"] + [i for u in units if u.is_list for i in u.items]
    captions = _captions(units)
    rows: set[int] = set()  # rows of links left out, with the lines glued under them
    for index, unit in enumerate(units):
        following = units[index + 1] if index + 1 < len(units) else None
        previous = units[index - 1] if index else None
        if index in captions:
            unit.kind, rule = "drop", "figure caption"
        elif _is_reference(unit):
            unit.kind, rule = "drop", "reference"
        elif _alt_text(unit, previous, following):
            unit.kind, rule = "drop", "image alt text"
        elif unit.kind == "paragraph" and _repeats(unit, texts, previous, following):
            unit.kind, rule = "drop", "repeated caption"
        elif _caption_in_list(unit, previous, following):
            unit.kind, rule = "drop", "caption inside a list"
        elif (unit.is_list and previous is not None and (previous.kind in ("heading", "sub") or _boxes(previous))
              and _links_only(unit.items, previous.text)):
            unit.kind, rule = "drop", "link list"
            _drop_link_box_heading(previous, following, debris)
        elif _is_link_row(unit, following) or (index - 1 in rows and _row_tail(unit, following)):
            unit.kind, rule = "drop", "row of links"
            rows.add(index)
        else:
            continue
        for line in unit.items or [unit.text]:
            debris.drop(line, rule, unit.mark)


def _is_link_row(unit: Unit, following: Unit | None) -> bool:
    """Several link titles run together on one line ("Emotions and Cancer Adjusting to Cancer Support for
    Caregivers ..."). A title-case line no longer than a heading with prose under it is that prose's heading
    ("Your Doctor Is Your Partner in Health Care"), whatever kept it from being read as one."""
    count = len(words(unit.text))
    heads = count <= HEADING_MAX_WORDS and following is not None and is_prose(following)
    return unit.kind == "paragraph" and count >= 8 and is_link_text(unit.text, 30) and not heads


def _row_tail(unit: Unit, following: Unit | None) -> bool:
    """A line glued under a row of links (no blank line between) that is more of the same block: a label with no
    verb and no sentence ("References and abstracts from MEDLINE/PubMed"), or a bare lead-in whose links are lost
    ("... You may also be interested in these related pages:", nothing under it before a blank line)."""
    text = unit.text.rstrip()
    if unit.kind != "paragraph" or unit.is_list or unit.blank_before or not text:
        return False
    if re.search(r"[.!?]\s", text):
        return False  # a sentence of prose
    label = not has_verb(text) and not re.search(r"[.!?:;,]$", text)
    return label or (text.endswith(":") and (following is None or following.blank_before))


def _links_only(items: list[str], heading: str) -> bool:
    """A list of link titles ("Edema", "Endometrial Cancer Prevention"); a lone one-word item is one only under
    a heading that names resources ("More information" / "Hormones"): under another it is the heading's value
    ("Common Name" / "Diabetes"). Under a link box's heading a title may run as long as a heading does."""
    if len(items) == 1 and len(words(items[0])) == 1:
        return bool(re.fullmatch(r"[A-Z][a-z]+", items[0])) and section_role(heading) == "credits"
    limit = HEADING_MAX_WORDS if LINK_BOX.fullmatch(heading.strip()) else 8
    return all(is_link_text(i, limit) or re.fullmatch(r"[A-Z][a-z]+", i) for i in items)


# The heading of a box of links to other pages; a section of that name with prose under it is kept. "More
# information" over links is left as it was: pages name their own resource sections so (uterine-cancer).
LINK_BOX = re.compile(r"(?i)(?:related|other|useful) (?:sites|links|resources|pages|websites|topics)|see also:?")
# A reading box's name over its link lines ("Recommended reading" / "Giving X to children: information on Y website").
READING_BOX = re.compile(r"(?i)(?:recommended|further|suggested|additional|more) reading:?")
BOX_LINK_WORDS = 15  # a box's link line: a page's title, and the site it is on


def names_reading_box(line: str) -> bool:
    """Whether a line is a reading box's name ("Further reading", "See also")."""
    return bool(READING_BOX.fullmatch(line.strip()) or LINK_BOX.fullmatch(line.strip()))


def is_reading_box(lines: list[str]) -> bool:
    """A reading box's name and its link lines (one or more, none a sentence or a lead-in): the pages another site
    has, read as a box, not as the article's paragraph."""
    return (len(lines) >= 2 and names_reading_box(lines[0])
            and all(0 < len(line.split()) <= BOX_LINK_WORDS and not re.search(r"[.!?:;]$", line.strip())
                    for line in lines[1:]))


def _boxes(unit: Unit) -> bool:
    """A line of its own that names a link box ("See also"), whether or not it was read as a heading."""
    return unit.kind in ("heading", "sub", "paragraph") and not unit.is_list and bool(LINK_BOX.fullmatch(unit.text.strip()))


def _drop_link_box_heading(heading: Unit, following: Unit | None, debris: DebrisFilter) -> None:
    """A link box's heading ("Related sites") goes with its links, when nothing but the next heading follows them."""
    if _boxes(heading) and (following is None or following.kind in ("heading", "sub")):
        heading.kind = "drop"
        debris.drop(heading.text, "link box heading", heading.mark)


# What marks a work cited: an address, a DOI, "Retrieved", a year in brackets, or a year closing a publisher's line.
CITED = re.compile(r"https?://|\bdoi\b|\bRetrieved\b|\((?:19|20)\d\d[a-z]?\)|\(n\.d\.\)|[;:,]\s*(?:19|20)\d\d[;.:]"
                   r"|\b\d+\(\d+\):\s?\d+", re.IGNORECASE)
CITATION_OPENING = re.compile(r"^[A-Z][\w'’&,. -]{2,150}?\.\s")  # its authors or publisher, then a full stop


def is_citation(text: str) -> bool:
    """A reference to a work: it opens with its authors or publisher (names, no clause) and carries what marks a
    work cited."""
    opening = CITATION_OPENING.match(text)
    return (opening is not None and not CLAUSE_WORDS.search(opening.group()) and bool(CITED.search(text))
            and not READER.search(text))


def _is_reference(unit: Unit) -> bool:
    """A reference list (every item a work cited) or a paragraph that is one reference."""
    return (unit.kind in ("paragraph", "list")
            and all(is_citation(line) for line in unit.items or [unit.text]) and bool(unit.items or unit.text))


HUB_LINK_PARTS = 3  # parts of a page (between headings) that were nothing but links: a page of link cards


def mark_hub_teasers(units: list[Unit], debris: DebrisFilter) -> None:
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


def is_link_text(text: str, limit: int = 8) -> bool:
    """Words of a link title: title case, no sentence punctuation, short."""
    return is_title_case(text) and not re.search(r"[.!?:;,]", text) and len(words(text)) <= limit


# What a picture's own caption opens with ("Figure 2.", "Photo: ...", "Credit: iStock").
CAPTION_LABEL = re.compile(r"(?i)^(?:fig(?:ure)?|image|photo(?:graph)?|picture|illustration|credit|source|caption)\b")
SHOWS = re.compile(r"(?i)\b(?:showing|shows|shown|pictured|depicting|drawing of|diagram of)\b")  # what it pictures
CAPTION_LABEL_WORDS = 6  # a figure's label ("Anatomy of the bone.") is a few words with no verb
PICTURE_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)")


def page_runs(page: str) -> dict[tuple[str, ...], int]:
    """How often each run of CAPTION_RUN words stands in a page, its pictures' alt texts left out."""
    counts: dict[tuple[str, ...], int] = {}
    found = words(PICTURE_MARKUP.sub(" ", page).casefold())
    for i in range(len(found) - CAPTION_RUN + 1):
        run = tuple(found[i:i + CAPTION_RUN])
        counts[run] = counts.get(run, 0) + 1
    return counts


def caption_after_picture(text: str, runs: dict[tuple[str, ...], int]) -> bool:
    """Whether a plain paragraph set apart under a picture is its caption: one opening with a label
    ("Figure 1", "Photo:"), one that is no run of full sentences ("Anatomy of the bone. The bone is ...", "Breast
    Cancer Prevention"), or one the text says again (a photo's caption repeating the paragraph below). A run of
    full sentences said once goes on with the article ("Pasteurization is the process of heating milk ...")."""
    sentences = _sentences(text)
    ended = all(re.search(r"[.!?][\"'”’)]*$", s.rstrip()) for s in sentences)
    full = ended and bool(sentences) and bool(FINITE.search(sentences[0]) or has_verb(sentences[0])
                                              or len(words(sentences[0])) > CAPTION_LABEL_WORDS)
    return (bool(CAPTION_LABEL.match(text.lstrip())) or not full or bool(SHOWS.search(sentences[0]))
            or _said_again(_runs(text), runs))


def _said_again(mine: set[tuple[str, ...]], runs: dict[tuple[str, ...], int]) -> bool:
    """Most of a paragraph stands twice in its page: a caption repeating the text, not one phrase they share."""
    return bool(mine) and sum(runs.get(run, 0) >= 2 for run in mine) * 2 >= len(mine)
