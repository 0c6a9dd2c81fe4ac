"""The foot of a pasted page: where the article ends and the site's footer begins (under its closing review date,
copyright line or "Legal information"), a feedback form's notes, and a sidebar pasted under the last paragraph.
Each rule returns the units it finds, by index, with the name the review gives them."""
from __future__ import annotations

import re

from narration.ingest.debris import LONE_DATE, DebrisFilter
from narration.ingest.text.units import PHONE, Unit, is_body, text_key, unit_lines, words


PROSE_WORDS = 5  # a sentence that says something to the listener: "Call us on 0300 123 4567."


def _says_something(unit: Unit) -> bool:
    """A table, or a line or item that is a sentence of a few words; a footer has link titles and labels."""
    return unit.table is not None or any(len(words(line)) >= PROSE_WORDS and re.search(r"[.!?]$", line)
                                         for line in unit_lines(unit))


# A footer's own heading, where the site's part of the page begins: "Legal information", "Legal notices".
END_HEADING = re.compile(r"(?i)^(?:legal(?: information| notices?)?|(?:privacy (?:and|&) )?legal|legal (?:and|&) privacy)$")


def _page_ends(units: list[Unit], debris: DebrisFilter) -> list[int]:
    """Where the article may have ended: under its closing date ("Page last reviewed: ...", "Updated: ...",
    "This information was published in ..."), its copyright line, or at a footer's heading ("Legal information")."""
    ends = {next((i for i, unit in enumerate(units) if unit.mark > place), len(units))
            for rule in ("review date", "copyright") for place in debris.marks_of(rule)}
    ends.update(i for i, unit in enumerate(units) if not unit.is_list and END_HEADING.match(unit.text.strip()))
    return sorted(ends)


def below_closing_date(units: list[Unit], debris: DebrisFilter) -> dict[int, str]:
    """Under the page's closing review date ("Page last reviewed: ..." / "Next review due: ...", a copyright line,
    "Legal information") the article has ended: when nothing there is a sentence, all of it is the site's footer
    ("Support links" and its list, "Who we are", "Privacy"). A review date over the article (prose comes after it)
    or a last section of text after the date ("Where to get help" / "Call us on ...") leaves everything where it is."""
    for start in _page_ends(units, debris):
        after = range(start, len(units))
        if after and any(_says_something(u) for u in units[:start]) and not any(_says_something(units[i]) for i in after):
            return {i: "page footer" for i in after}
    return {}


# What a feedback form says to the one filling it in: "Please don't include personal details like your name",
# "Unfortunately we can't reply to this."
FORM_NOTE = re.compile(r"(?i)\b(?:(?:do not|don['’]t) include (?:any )?personal (?:details|information)|"
                       r"we (?:can['’]t|cannot|can not|are unable to|won['’]t be able to) (?:reply|respond) to "
                       r"(?:this|comments|feedback|messages|you individually))\b")


def form_notes(units: list[Unit]) -> dict[int, str]:
    """The notes of a feedback form, a list or a paragraph one of whose lines speaks of the form itself."""
    return {i: "feedback form" for i, unit in enumerate(units) if any(FORM_NOTE.search(t) for t in unit_lines(unit))}


# A sidebar's lines under the article: a card's link, a postal code (Canada, UK, US ZIP) or street address, a phone
READ_MORE = re.compile(r"(?i)^(?:read|learn|see|find out|view) more\b[^.!?]{0,40}$")


POSTAL_CODE = re.compile(r"^(?:[A-Z][\w.'’ -]{0,30},?\s+)?(?:[A-Z]\d[A-Z] ?\d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|"
                         r"(?:[A-Z]{2} )?\d{5}(?:-\d{4})?)$")


STREET = re.compile(r"^\d{1,5}[A-Za-z]?(?: [A-Z][\w.'’-]*){1,4} (?:Rd|Road|St|Street|Ave|Avenue|Blvd|Boulevard|Dr|Drive|"
                    r"Lane|Ln|Way|Court|Ct|Place|Pl|Hwy|Highway|Crescent|Cres|Square|Sq|Terrace|Parkway|Pkwy)\.?$")


PHONE_LINE = re.compile(r"(?i)^(?:(?:phone|tel|telephone|fax|toll[- ]free)\.?:?\s*)?" + PHONE.pattern + r"$")


# The heading of a sidebar block, which may follow a lead-in the page's copy left without its list
SIDEBAR_LABEL = re.compile(r"(?i)^(?:locations?|our locations|news(?: (?:&|and) events)?|events|related (?:links|pages|"
                           r"topics|articles|content)|popular (?:pages|topics|articles)|latest news|quick links|"
                           r"you may also like|find a location|contact information)$")


SIDEBAR_LINE_WORDS = 8


TEASER_LINES = 2  # a card's title line and its text, above its "Read more"


SIDEBAR_SIGNS = 2  # addresses, phones, doubled lines and "Read more" links a run needs to be a sidebar


def _sidebar_sign(units: list[Unit], index: int) -> bool:
    """A line only a sidebar or footer has: a card's link, an address's lines, a phone alone, a line doubled."""
    text = units[index].text.strip()
    doubled = any(0 <= j < len(units) and j != index and text_key(units[j].text) == text_key(text) for j in (index - 1, index + 1))
    return bool(READ_MORE.match(text) or POSTAL_CODE.match(text) or STREET.match(text) or PHONE_LINE.match(text)) \
        or doubled


def _sidebar_line(text: str) -> bool:
    """A label of a sidebar block: a few words, capitalized (or a number), no sentence; "Victoria, B.C." ends on
    an abbreviation, not a full stop."""
    text = text.strip()
    return 0 < len(words(text)) <= SIDEBAR_LINE_WORDS and (text[0].isupper() or text[0].isdigit()) and (
        not re.search(r"[.!?:;]$", text) or bool(re.search(r"\b(?:[A-Z]\.){2,}$", text)))


def _read_more_after(units: list[Unit], debris: DebrisFilter) -> set[int]:
    """The units a "Read more" link followed that the debris patterns already left out (a page tool wherever it
    stands): to a sidebar, still the sign of a teaser card."""
    places = [place for place, dropped in debris.placed_of("page tool") if READ_MORE.match(dropped.text.strip())]
    return {index for index, unit in enumerate(units) for place in places
            if unit.mark <= place and (index + 1 == len(units) or place < units[index + 1].mark)}


def trailing_sidebar(units: list[Unit], debris: DebrisFilter) -> list[int]:
    """A sidebar or footer pasted under the article's last paragraph ("Locations", a clinic's address and phone,
    twice; "News & Events", a teaser and its "Read more"): a run of short labels to the page's end, with two or
    more lines only a sidebar has. A sentence or a list breaks the run (a closing "Contact us" sentence, a list
    of symptoms are the article's); under a lead-in left without its list, only a sidebar's own heading starts it."""
    run: list[int] = []
    teaser = 0
    left_out = _read_more_after(units, debris)
    for index in range(len(units) - 1, -1, -1):
        unit = units[index]
        if unit.is_list or unit.table is not None or not unit.text.strip():
            break
        if index in left_out:
            teaser = TEASER_LINES
        if _sidebar_line(unit.text) or READ_MORE.match(unit.text.strip()):
            teaser = TEASER_LINES if READ_MORE.match(unit.text.strip()) else max(teaser - 1, 0)
        elif teaser:
            teaser -= 1
        else:
            break
        run.insert(0, index)
    if run and run[0] and units[run[0] - 1].text.rstrip().endswith(":") and not SIDEBAR_LABEL.match(units[run[0]].text):
        return []  # the lines a lead-in introduces ("Useful numbers:"), not a sidebar
    while run and (_sidebar_sign(units, run[0]) or not _sidebar_line(units[run[0]].text)):
        run.pop(0)  # a sidebar opens on its heading, not on an address, a phone or a teaser's text
    if not run or not any(is_body(u) for u in units[:run[0]]) or sum(_sidebar_sign(units, i) for i in run) + len(left_out & set(run)) < SIDEBAR_SIGNS:
        return []
    return run


# A publisher's address block, as a PDF's page foot sets it ("PO Box 12233 • Research Triangle Park, NC 27709" /
# "Phone: 919-541-3345 • www.example.gov" / "October 2013"): each part a post box, a place with its postal code
# (a US state's name or abbreviation), a street, a phone, a web address or a bare date.
PO_BOX = re.compile(r"(?i)^p\.?\s?o\.?\s+box\s+\d+$")
STATE_ZIP = re.compile(r"^(?:[A-Z][\w.'’ -]{0,30},\s+)?[A-Z][a-z]+(?: [A-Z][a-z]+)?\s+\d{5}(?:-\d{4})?$")  # "..., North Carolina 27709"
WEB_ADDRESS = re.compile(r"(?i)^(?:https?://|www\.)?[\w-]+(?:\.[\w-]+)*\.(?:gov|org|com|edu|net|int|us|uk|ca|au)(?:/\S*)?$")
ADDRESS_PARTS = re.compile(r"\s+[•·|]\s+")


def _address_part(text: str) -> str:
    """What a part of an address line is: 'postal' (a post box, a place and its code, a street), 'contact' (a
    phone, a web address, a bare date), or '' (anything else: a sentence, a name)."""
    if PO_BOX.match(text) or POSTAL_CODE.match(text) or STATE_ZIP.match(text) or STREET.match(text):
        return "postal"
    return "contact" if PHONE_LINE.match(text) or WEB_ADDRESS.match(text) or LONE_DATE.match(text) else ""


def _address_kinds(unit: Unit) -> set[str]:
    """The kinds of an address line's parts ({''} among them when a part is none)."""
    if unit.is_list or unit.table is not None or not unit.text.strip():
        return {""}
    return {_address_part(part.strip()) for part in ADDRESS_PARTS.split(unit.text.strip())}


def address_block(units: list[Unit]) -> dict[int, str]:
    """The publisher's address block between or under the article's paragraphs (a PDF page's foot): two or more
    lines in a row of addresses, phones, web addresses and dates, a postal address among them, under a paragraph.
    Under a heading or a lead-in ("Write to us:") the address is the article's."""
    found: dict[int, str] = {}
    start = 0
    while start < len(units):
        end = start
        while end < len(units) and "" not in _address_kinds(units[end]):
            end += 1
        kinds = set().union(*(_address_kinds(units[i]) for i in range(start, end)))
        previous = units[start - 1] if start else None
        if (end - start >= 2 and "postal" in kinds and previous is not None and is_body(previous)
                and not previous.text.rstrip().endswith(":")):
            found.update((i, "publisher's address") for i in range(start, end))
        start = max(end, start + 1)
    return found


# A closing lead-in that only points somewhere ("Learn more at:", "For more information, visit:", "Find out more:"):
# with its link lost, nothing is left to say.
LINK_LEAD = re.compile(r"(?i)^(?:(?:to )?learn more|find out more|read more|more information|more info|"
                       r"for (?:more|further) (?:information|info|details)(?: about [^.!?:]{1,40})?)"
                       r"(?:,?\s*(?:please )?(?:visit|see|go to|click|check))?(?: (?:at|on|here|online|from|below))?\s*:$")


# A picture's label under the article: a series' acronym and the topic ("DOTW: Norovirus").
IMAGE_LABEL = re.compile(r"^[A-Z]{2,6}: (?P<topic>[A-Z][\w'’-]*(?: [\w'’-]+){0,4})$")


def _last_line(units: list[Unit]) -> int:
    """The index of the page's last line (not a list), or -1."""
    last = len(units) - 1
    while last >= 0 and units[last].kind == "drop":
        last -= 1
    return last if last > 0 and not units[last].is_list else -1


def link_remnant(units: list[Unit], title: str = "") -> dict[int, str]:
    """The page's last line when it says nothing: a lead-in to a link that is not there ("Learn more at:" with
    nothing under it), or a picture's label naming the page's topic under an acronym ("DOTW: Norovirus")."""
    last = _last_line(units)
    text = units[last].text.strip() if last >= 0 else ""
    if text and LINK_LEAD.match(text):
        return {last: "link remnant"}
    label = IMAGE_LABEL.match(text)
    own = {w.casefold() for w in words(title)}
    if label and own & {w.casefold() for w in words(label["topic"])}:
        return {last: "image label"}
    return {}
