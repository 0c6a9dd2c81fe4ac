"""The site around a pasted article: tables of contents, menus, banners and breadcrumbs above it (its foot is
footer.py's), left out (and recorded) before any rule reads the page's structure."""
from __future__ import annotations

import re
import unicodedata

from narration.ingest.debris import LONE_DATE, MENU_ENTRIES, DebrisFilter, page_date
from narration.ingest.text.alts import alt_lines
from narration.ingest.text.cues import link_cues
from narration.ingest.text.druglabel import label_sections
from narration.ingest.text.figures import LINK_BOX, is_link_text, is_reading_box, names_reading_box
from narration.ingest.text.footer import address_block, below_closing_date, link_remnant, form_notes, trailing_sidebar
from narration.ingest.text.widgets import banner_taglines, widget_labels
from narration.ingest.text.units import (CLAUSE_WORDS, LINKS, PHONE, SENTENCE_END, Unit, has_verb, is_body, is_title_case,
                                         organization_words, text_key, unit_lines, words)
from narration.text.phones import phone_run


# What opens a page's table of contents or jump menu ("On this page:", "Table of Contents", "In this article").
CONTENTS_LEAD = re.compile(r"(?i)^(?:table of contents|contents|page contents|on this page|in this (?:article|page|section)"
                           r"|jump to|skip to|sections on this page)\s*:?$")
# A page's feedback widget opens with its question ("Was this helpful?", "Did you find what you needed?").
FEEDBACK = re.compile(r"(?i)^(?:was this (?:page |article |information |content |answer )?(?:helpful|useful)|"
                      r"did you find (?:this|what you (?:were looking for|needed))[\w ]{0,30}|"
                      r"how (?:helpful|useful) was this[\w ]{0,30}|rate this (?:page|article))\s*\??$")
# The widget's own note, however long: "We use your comments to improve ... We cannot reply to comments left on this form."
FEEDBACK_NOTE = re.compile(r"(?i)^(?=.*\b(?:your (?:comments|feedback)|(?:comments|feedback) (?:left |given )?on this form)\b)"
                           r"(?=.*\b(?:this form|improve|reply|respond)\b)")
FEEDBACK_WORDS = 20  # a paragraph this long after the widget is the article (or its footer) again
# A control of the page set right under its title: a button ("Request Appointment", "Book Online", "Print
# Page") or the name of a widget ("Vertical Tabs", "Image Gallery"): an action verb to click, or a widget's noun.
CONTROL_LABEL = re.compile(
    r"^(?:(?:request|book|schedule|print|share|download|subscribe|sign|log|donate|contact|email|e-mail|view|"
    r"expand|collapse|search|register|listen|translate)"
    r"\b(?:\s+\w+){0,3}|(?:\w+\s+){0,2}(?:tabs?|menu|toggle|accordion|carousel|slideshow|gallery|buttons?))$",
    re.IGNORECASE)
# Words that mark a sentence's language: frequent function words one language has and the other lacks.
FUNCTION_WORDS = {
    "en": frozenset("the and of to is are in for with your you that this can be it on or from have not will "
                    "about should what when how".split()),
    "es": frozenset("el la los las de del y en que es son para por con su sus una un sobre están está muchos "
                    "otros otras se más usted puede pueden cuando como".split()),
}
NOTICE_EVIDENCE = 3  # function words of the other language a paragraph needs (a name or one word is not enough)
# The heading of a row of thumbnails whose labels are all a paste keeps of them (MedlinePlus "Images").
GALLERY = re.compile(r"(?i)^(?:images|pictures|photos|illustrations|videos|slideshows?|(?:image|photo) gallery)$")
THUMBNAIL_WORDS = 6
# Who the article comes from, under its title: "From the FDA Office of Women's Health", "By the National
# Institute on Aging": a name in capitals that names an organization (an acronym or an organization's noun).
ORGANIZATION_NOUN = organization_words("Office", "Cent(?:er|re)", "Clinic", "Service", "Staff", "Team", "Editors",
                                       "Division", "Program(?:me)?", "Hospital") + "s?"
NAME = r"[A-Z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|of|on|for|and|the|&))*"  # capitalized words and their joints
BYLINE = re.compile(r"^(?:From|By) (?:the )?(?=.*\b(?:[A-Z]{2,}|" + ORGANIZATION_NOUN + r")\b)" + NAME + "$")
# A writer's byline under the title: "By Tiffany Chen", "By Jane Q. Doe, MD, MPH": a first and last name
# (a middle initial between), credentials after a comma; "By the way" or "By Public Transport" is no name.
PERSON_BYLINE = re.compile(r"^By (?!(?:The|Car|Bus|Train|Air|Phone|Mail|Post|Public|Age|Law|Appointment)\b)"
                           r"[A-Z][a-z'’-]+(?: [A-Z]\.)?(?: (?:de |van |von |Mc|O’|O')?[A-Z][a-z'’-]+){1,2}"
                           r"(?:,(?: [A-Z][\w.]{1,8},?){1,4})?$")
# The site's banner under the title: an organization's name, alone ("Agency for Healthcare Research Quality").
BANNER = re.compile(r"^(?=\S+(?:\s+\S+){2})(?:The )?(?!(?:Your|Our|My|About|Contact|Find|Visit|Meet|Choosing|Finding|"
                    r"At|In|Before|After|During|When|\w+ing)\b)(?=.*\b"
                    + organization_words("Institutes", "Departments", "Agencies", "Centers", "Centres", "Ministry",
                                         "Hospitals?", "Clinic", "Health Service", "Health Authority")
                    + r"(?:$|\s+(?:of|for|on)\s))" + NAME + "$")
# A menu's own entries, whatever the site: a run of short lines above the article with one of them is its menu.
NAV_ENTRY = re.compile(r"(?i)^(?:" + MENU_ENTRIES + r"|about|contact|search (?:the |this |our )?(?:[\w'’-]+ ){0,3}"
                       r"(?:website|site)|browse|more|main menu|support us|get involved|news|(?:health )?a(?: to |-)z|"
                       r"who we are|careers)$")
HEADER_MENU_RUN = 4  # entries in a row above the first paragraph, one a menu's own, that make the site's menu
LATIN_PAGE = 0.75  # of a page's letters in Latin script: a page written in it (one in Greek or Arabic is not)
HEADER_LINES = 5  # lines above a "beginning of content" marker that are the site's header, at most
# A company's name on a line of its own ("Acme Brands LLC", "Example Pharma, Inc."): a product's maker.
COMPANY = re.compile(r"^[A-Z][\w&'’.-]*(?:,?\s+[\w&'’.-]+){0,6},?\s+(?:LLC|L\.L\.C\.|Inc\.?|Incorporated|Ltd\.?|"
                     r"Limited|Corp\.?|Corporation|Co\.|GmbH|plc|PLC|AG|S\.A\.|LLP|L\.P\.)$")
MENU_WORDS = 6  # a site menu's or breadcrumb's entry: "Health A-Z", "Care and support", "Home Health A to Z"
MENU_RUN = 3  # entries in a row that make a menu, not a stack of headings
REPEATED_SHARE = 0.8  # of a contents list's entries that come back as the page's own headings


def _heading_shaped(text: str) -> bool:
    """An entry of a contents list: a heading's words, or its question."""
    return 0 < len(words(text)) <= 15 and not re.search(r"[.!;,:]$", text)


def _contents_end(units: list[Unit], start: int) -> int:
    """The index after the table of contents that opens at `start` (== start when there is none): a lead line
    ("On this page") and the heading-shaped lines under it, or a block of such lines above the article's first
    paragraph nearly all of which come back later as its headings (the contents without a lead, as pasted from
    MedlinePlus; below a paragraph such a list is the article's: "three types of particles:", then one each)."""
    led = not units[start].is_list and bool(CONTENTS_LEAD.match(units[start].text))
    below_text = not led and any(is_body(unit) and not unit.is_list for unit in units[:start])
    if below_text:
        return start + 1 if _jump_menu(units, start) or _opens_cut_sections(units, start) else start
    end = start + 1 if led else start
    while end < len(units) and all(_heading_shaped(t) for t in unit_lines(units[end])) and (
            end == start or not units[end].blank_before or (led and end == start + 1 and units[end].is_list)):
        end += 1
    entries = [t for unit in units[start + led:end] for t in unit_lines(unit)]
    later = {text_key(u.text) for u in units[end:] if not u.is_list}
    repeated = sum(text_key(t) in later for t in entries)
    if (led and len(entries) >= 2) or (len(entries) >= MENU_RUN and repeated >= REPEATED_SHARE * len(entries)):
        return end
    if len(entries) >= MENU_RUN and _cut_short_contents(entries, units[end:]):
        return end
    return start


def _cut_short_contents(entries: list[str], after: list[Unit]) -> bool:
    """A contents list whose page was pasted cut short: the entries that come back as lines of their own are its
    first ones, in order, the first of them at least, as headings over text (a picture's alt text may come between),
    and none of the rest comes back (their sections were cut). A label ("On this page") is not needed then."""
    later = [text_key(u.text) for i, u in enumerate(after) if not u.is_list and any(map(is_body, after[i + 1:i + 3]))]
    found, position = 0, 0
    for entry in entries:
        if text_key(entry) not in later[position:]:
            break
        position, found = later.index(text_key(entry), position) + 1, found + 1
    return found >= 1 and not any(text_key(entry) in later for entry in entries[found:])


def _jump_menu(units: list[Unit], start: int) -> bool:
    """A list below the article's opening text that is a jump menu: its entries, from the first, come back in
    the same order as the page's own headings (three at least, and most of it; a paste cut short loses the last
    sections). A list led in by its paragraph ("three types of particles:"), or one of sentences, is the article's."""
    unit, previous = units[start], units[start - 1]
    if (not unit.is_list or previous.is_list or not is_body(previous) or previous.text.rstrip().endswith(":")
            or not all(_heading_shaped(item) for item in unit.items)):
        return False  # under a heading ("Key Points"), a list of the points to come is the article's summary
    later = [text_key(u.text) for u in units[start + 1:] if not u.is_list and u.blank_before]
    found, position = 0, 0
    for entry in unit.items:
        if text_key(entry) not in later[position:]:
            break
        position, found = later.index(text_key(entry), position) + 1, found + 1
    return found >= MENU_RUN and found * 2 > len(unit.items)


def _opens_cut_sections(units: list[Unit], start: int) -> bool:
    """A jump list over a page pasted cut short: its first entry is the very next line, a heading over text,
    and the entries that come back do so in order, the rest not at all (their sections were cut), nor does any
    other heading (a page going on past its first sections is not cut; one whose list all comes back is the
    "Key Points" summary). A list led in by its paragraph ("three types:") stays the article's."""
    unit, after = units[start], units[start + 1:]
    if (len(after) < 2 or after[0].is_list or not after[0].blank_before or not unit.is_list
            or len(unit.items) < MENU_RUN or text_key(after[0].text) != text_key(unit.items[0])):
        return False
    previous, entries = units[start - 1], {text_key(item) for item in unit.items}
    return ((previous.is_list or not previous.text.rstrip().endswith(":"))
            and all(_heading_shaped(item) for item in unit.items) and _cut_short_contents(unit.items, after)
            and {text_key(u.text) for u in _headings_over_text(after)} < entries)


def _headings_over_text(units: list[Unit]) -> list[Unit]:
    """Lines of their own, heading-shaped, with a paragraph right under them."""
    return [unit for unit, under in zip(units, units[1:]) if unit.blank_before and not unit.is_list
            and _heading_shaped(unit.text) and is_body(under)]


def _is_menu_entry(unit: Unit) -> bool:
    """A line of a site menu, breadcrumb or footer: a few words on their own, no sentence punctuation."""
    return not unit.is_list and is_menu_line(unit.text)


def _furniture(units: list[Unit], title: str) -> dict[int, str]:
    """Units that belong to the site around the article, each with the rule that names it: tables of contents,
    a repeat of the title above the first paragraph (the page's heading under its browser title), menus and
    breadcrumbs there (three or more short lines, link titles among them), short link lines below the last
    paragraph (a footer), and a lone lower-case line of its own (an image's description)."""
    found: dict[int, str] = {**_feedback(units), **_gallery(units), **_other_language(units), **_breadcrumbs(units, title)}
    found.update(_header_above_title(units, title, found))
    index = 0
    while index < len(units):
        end = _contents_end(units, index)
        found.update((i, "table of contents") for i in range(index, end))
        index = max(end, index + 1)
    top_line = next((i for i in range(len(units)) if i not in found), None)
    if top_line is not None and not units[top_line].is_list and COMPANY.match(units[top_line].text):
        found[top_line] = "byline"  # the maker under a product's title ("Acme Brands LLC", "Example Pharma, Inc.")
    rest = [i for i in range(len(units)) if i not in found]
    body = [i for i in rest if is_body(units[i])]
    first, last = (body[0], body[-1]) if body else (len(units), len(units))
    first = min([first, *label_sections(units)[:1]])  # a label's first section name ("Drug Facts") starts it
    if last + 1 < len(units) and _asks_or_leads(units[last]) and not _is_menu_entry(units[last + 1]):
        last += 1  # "Questions or comments?" / "call 1-800-...": the line under it answers it
    found.update((i, "title repeated") for i in rest if i < first and title and text_key(units[i].text) == text_key(title))
    found.update((i, "title repeated") for i in rest if i < first and not units[i].is_list and _title_with_site(units[i].text, title))
    # between the title and its repeat (the browser's title, then the page's heading) stands only the site's menu
    repeat = max((i for i, rule in found.items() if rule == "title repeated"), default=-1)
    found.update((i, "site menu") for i in rest if i < repeat and i not in found and _is_menu_entry(units[i]))
    found.update((i, "byline") for i in rest if i < first and (BYLINE.match(units[i].text)
                                                               or PERSON_BYLINE.match(units[i].text)))
    if rest and rest[0] < first and not units[rest[0]].is_list and BANNER.match(units[rest[0]].text):
        found[rest[0]] = "site banner"
    if rest and rest[0] < first and _is_control(units[rest[0]]):
        found[rest[0]] = "page control"
        # the banner under a control set first ("Close Menu" / "Indiana Department of Health")
        if len(rest) > 1 and rest[1] < first and not units[rest[1]].is_list and BANNER.match(units[rest[1]].text):
            found[rest[1]] = "site banner"
    # the line of its own right over the first paragraph is the article's first heading, not the menu's last line
    heading = first - 1 if first and units[first - 1].blank_before else None
    top = [i for i in rest if i < first and i not in found and i != heading and _is_menu_entry(units[i])]
    bottom = [i for i in rest if i > last and _is_menu_entry(units[i])]
    tail = [i for i in rest if i > last]  # below a footer's links, a line among them is the footer's too
    for run, rule, whole in ((top, "site menu", top), (bottom, "page footer", tail)):
        links = sum(is_link_text(units[i].text) for i in run)  # "Live Well", "Food Safety Charts"; not "Fever"
        if (len(run) >= MENU_RUN and links >= 2) or (run and rule == "page footer" and links == len(run)):
            found.update((i, rule) for i in whole)
    for i in rest:
        text = units[i].text
        if (i not in found and text and re.fullmatch(r"[a-z]+", (words(text) or [""])[0]) and len(words(text)) <= 12
                and not SENTENCE_END.search(text) and units[i].blank_before
                and (i + 1 == len(units) or units[i + 1].blank_before) and not _is_series(text)
                and not (i and units[i - 1].text.rstrip().endswith((":", "?")))):
            found[i] = "image description"
    found.update((i - 1, "image caption") for i, rule in list(found.items())
                 if rule == "image description" and i and i - 1 not in found and _is_caption(units, i - 1))
    if rest and rest[0] not in found and _is_section_label(units, rest[0], title, first):
        found[rest[0]] = "site section"
    return found


# A browser title's site name after the page's own: "Your child's immunisation - Immunise", "Fever | Example Health".
SITE_SUFFIX = re.compile(r"\s+[-–—|]\s+[A-Z][\w.'’&-]*(?:\s+[\w.'’&-]+){0,3}$")


def _title_with_site(text: str, title: str) -> bool:
    """The title again with the site's name after it (its punctuation aside): the browser's title, pasted."""
    bare = SITE_SUFFIX.sub("", text)
    return bool(title) and bare != text and _letters(bare) == _letters(title)


def _letters(text: str) -> str:
    """A line's words only: a title compared with its colon or dash lost."""
    return " ".join(re.findall(r"\w+", text.casefold()))


def _asks_or_leads(unit: Unit) -> bool:
    """A short line that asks or leads in ("Questions or comments?", "Contact:"): what is under it is its answer."""
    return not unit.is_list and len(words(unit.text)) <= MENU_WORDS and unit.text.rstrip().endswith(("?", ":"))


SERIES_ITEM_WORDS = 4


def _is_series(text: str) -> bool:
    """A list of things run on with commas ("cellulose, corn starch, talc"): what a label lists, never what a
    picture's alt text says of the picture."""
    items = [item.strip() for item in re.split(r",\s*(?:and\s+|or\s+)?", text)]
    return len(items) >= 3 and all(0 < len(words(item)) <= SERIES_ITEM_WORDS for item in items)


CAPTION_LINE_WORDS = 8  # "Shingles on back of neck": a picture's name, a few words


def _is_caption(units: list[Unit], index: int) -> bool:
    """The caption of a picture whose alt text (a lower-case line of its own) comes next: a short capitalized
    noun phrase of its own ("Shingles on the back" / "red rash on back"), no sentence, no lead-in, with no text
    after the pair that it could head ("Shingles rash" / "red rash" / "The rash ..." is a heading with its picture)."""
    unit, after = units[index], units[index + 2] if index + 2 < len(units) else None
    text = unit.text
    return (not unit.is_list and unit.table is None and unit.blank_before and 0 < len(words(text)) <= CAPTION_LINE_WORDS
            and text[0].isupper() and not SENTENCE_END.search(text) and not text.endswith(":") and not has_verb(text)
            and (after is None or not is_body(after)) and not _under_lead_in(units, index))


QUESTION_HEADINGS = 3  # questions standing as headings that make a page of question headings


def _is_question_heading(units: list[Unit], index: int) -> bool:
    """A question on a line of its own with text under it ("How is OA treated?")."""
    unit = units[index]
    return (not unit.is_list and unit.table is None and unit.blank_before and unit.text.endswith("?")
            and _heading_shaped(unit.text[:-1]) and index + 1 < len(units) and is_body(units[index + 1]))


def _captions_over_questions(units: list[Unit]) -> dict[int, str]:
    """On a page whose headings are questions, a short noun phrase of its own between a paragraph and one of
    the questions ("Elderly woman with arthritis in her hands") is a picture's caption, not a heading over that
    question: it describes (a preposition joins its nouns), in sentence case, with no verb; a section label over
    questions is a name ("Treatment", "Risk Factors")."""
    questions = [i for i in range(len(units)) if _is_question_heading(units, i)]
    if len(questions) < QUESTION_HEADINGS:
        return {}
    found: dict[int, str] = {}
    for index in (q - 1 for q in questions if q >= 2):
        unit, text = units[index], units[index].text
        found_words = words(text)
        if (not unit.is_list and unit.table is None and unit.blank_before and is_body(units[index - 1])
                and 4 <= len(found_words) <= CAPTION_LINE_WORDS and text[0].isupper() and not is_title_case(text)
                and not SENTENCE_END.search(text) and not has_verb(text) and not CLAUSE_WORDS.search(text)
                and any(w.casefold() in LINKS for w in found_words[1:-1])):
            found[index] = "image caption"
    return found


def _under_lead_in(units: list[Unit], index: int) -> bool:
    """Whether the short lines above this one follow a lead-in ("Ask about:"): list items that lost their bullets."""
    above = next((u for u in reversed(units[:index]) if is_body(u)), None)
    return above is not None and not above.is_list and above.text.rstrip().endswith(":")


def _head_noun(text: str) -> str:
    """The last word of a name, brackets left out, without its plural: "Viral Hemorrhagic Fevers (VHFs)" -> "fever"."""
    found = words(re.sub(r"\([^)]*\)", "", text))
    return found[-1].casefold().rstrip("s") if found else ""


def _is_section_label(units: list[Unit], index: int, title: str, first: int) -> bool:
    """The site section the page belongs to, shown over it like a breadcrumb's parent ("Viral Hemorrhagic Fevers
    (VHFs)" over "Alkhurma Hemorrhagic Fever (AHF)"): a short title-case line above the first paragraph, over page
    tools left out ("Print", "Share"), that heads no text (a heading comes next) and names the kind of thing the
    title is (the same head noun, without the title's own words). A page's first heading about its subject
    ("General Information About Anal Cancer" over "Anal Cancer Treatment"), or a subtitle, stays."""
    unit = units[index]
    following = units[index + 1] if index + 1 < len(units) else None
    own = {w.casefold() for w in words(title)} - {w.casefold() for w in words(unit.text)}
    return (index < first and following is not None and not is_body(following) and _is_menu_entry(unit)
            and is_title_case(unit.text) and following.after_debris and bool(own)
            and _head_noun(unit.text) == _head_noun(title) != "")


HEADER_LINE_WORDS = 20  # a line of the site's header: a logo's alt text, a guide's name, a breadcrumb


def _header_above_title(units: list[Unit], title: str, found: dict[int, str]) -> dict[int, str]:
    """The title (the browser's) coming back as a line of its own near the top (the page's heading): what stands
    between is the site's header, whatever its punctuation ("Cancer Research UK logo.", "SearchDonate", a breadcrumb,
    a guide's name with its colon), so long as it is a few single lines, none a sentence."""
    if not title:
        return {}
    above = [i for i in range(len(units)) if i not in found]
    repeat = next((n for n, i in enumerate(above[:HEADER_LINES + 1])
                   if not units[i].is_list and text_key(units[i].text) == text_key(title)), None)
    if not repeat or not all(is_header_line(units[i]) for i in above[:repeat]):
        return {}
    return {**{i: _header_rule(units[i]) for i in above[:repeat]}, above[repeat]: "title repeated"}


def _header_rule(unit: Unit) -> str:
    """The name a header line is left out under: the banner's, the menu's, or the header's."""
    return "site banner" if BANNER.match(unit.text) else "site menu" if _is_menu_entry(unit) else "site header"


def is_header_line(unit: Unit) -> bool:
    """One line of a site's header: a few words, no list of the article's, and no sentence (a full stop after a
    verb: "Please read this leaflet first." is the article's; "Cancer Research UK logo." is a picture's name)."""
    text = unit.text.rstrip()
    return (not unit.is_list and unit.table is None and 0 < len(words(text)) <= HEADER_LINE_WORDS
            and not text.endswith((":", "?")) and not (text.endswith((".", "!")) and has_verb(text)))


def _breadcrumbs(units: list[Unit], title: str) -> dict[int, str]:
    """A breadcrumb pasted as a numbered or bulleted list above the article's first paragraph ("1. Home",
    "2. Drugs", ... "7. <the page's title>"): short entries, no sentence among them, that start at "Home" or end at
    the page itself."""
    first = next((i for i, u in enumerate(units) if not u.is_list and is_body(u)), len(units))
    found: dict[int, str] = {}
    for index, unit in enumerate(units[:first]):
        entries = [" ".join(entry.split()) for entry in unit.items]
        if not unit.is_list or not all(0 < len(words(e)) <= 2 * MENU_WORDS and not re.search(r"[.!?;,]$", e)
                                       for e in entries):
            continue
        if text_key(entries[0]) == "home" or (title and any(text_key(e) == text_key(title) for e in entries)) or \
                _numbered_trail(units, index, title):
            found[index] = "breadcrumb"
    return found


TRAIL_WORDS = 5  # an entry of a numbered breadcrumb: "Conditions", "Asthma and your child"


def _numbered_trail(units: list[Unit], index: int, title: str) -> bool:
    """A breadcrumb pasted as a numbered list ("1. Conditions 2. Asthma 3. Asthma and your child"): two or more
    short capitalized names, not led in by a colon, the last naming what the title is about (a word of it)."""
    unit = units[index]
    own = {w.casefold() for w in words(title) if len(w) > 3}
    return (unit.ordered and len(unit.items) >= 2 and not _led_in(units, index)
            and all(len(words(e)) <= TRAIL_WORDS and e[0].isupper() and not has_verb(e) for e in unit.items)
            and any(w.casefold() in own for w in words(unit.items[-1])))


def _is_control(unit: Unit) -> bool:
    """A page control's label: a few title-case words that click (a verb) or name a widget, no sentence."""
    return (not unit.is_list and 0 < len(words(unit.text)) <= 4 and is_link_text(unit.text)
            and bool(CONTROL_LABEL.match(unit.text)))


def _language_of(text: str) -> tuple[str, int]:
    """The language whose function words a text has most of (and how many), '' when none or a tie."""
    found = [w.casefold() for w in words(text)]
    counts = {language: sum(w in marks for w in found) for language, marks in FUNCTION_WORDS.items()}
    ranked = sorted(counts.items(), key=lambda pair: -pair[1])
    return (ranked[0][0], ranked[0][1] - ranked[1][1]) if ranked[0][1] > ranked[1][1] else ("", 0)


def _other_language(units: list[Unit]) -> dict[int, str]:
    """A paragraph in another language than the page's ("Hojas de información sobre vacunas están disponibles en
    español ..." on an English page) is a notice for other readers: the voice of the page's language cannot say it.
    Names and single words of another language inside a sentence leave the sentence in its own language."""
    page, _ = _language_of(" ".join(u.text for u in units if not u.is_list))
    found: dict[int, str] = {}
    for index, unit in enumerate(units):
        language, margin = _language_of(unit.text) if not unit.is_list else ("", 0)
        if page and language and language != page and margin >= NOTICE_EVIDENCE:
            found[index] = "language notice"
    return found


def _gallery(units: list[Unit]) -> dict[int, str]:
    """A gallery heading ("Images") and the thumbnail labels under it, one short line each with no blank line
    between them ("Ovarian cysts" / "Fibroid tumors"): a picture's name says nothing without the picture."""
    found: dict[int, str] = {}
    for start, unit in enumerate(units[:-1]):
        if unit.is_list or not GALLERY.match(unit.text):
            continue
        end = start + 1
        while end < len(units) and _is_thumbnail(units[end]) and (end == start + 1 or not units[end].blank_before):
            end += 1
        if end > start + 1:
            found.update((i, "image thumbnails") for i in range(start, end))
    return found


def _is_thumbnail(unit: Unit) -> bool:
    return (not unit.is_list and unit.table is None and 0 < len(words(unit.text)) <= THUMBNAIL_WORDS
            and not SENTENCE_END.search(unit.text))


def _feedback(units: list[Unit]) -> dict[int, str]:
    """A feedback survey: its question and the short lines of controls, choices and thanks under it ("Yes No",
    "Tell us more.", "Not at all A little Somewhat ...", "Thank You!"), up to a long paragraph or a list."""
    found: dict[int, str] = {}
    for start, unit in enumerate(units):
        if unit.is_list or not FEEDBACK.match(unit.text):
            continue
        found[start] = "feedback survey"
        for index in range(start + 1, len(units)):
            if units[index].is_list or units[index].table is not None or (
                    len(words(units[index].text)) > FEEDBACK_WORDS and not FEEDBACK_NOTE.search(units[index].text)):
                break
            found[index] = "feedback survey"
    return found


def _first_paragraph(units: list[Unit]) -> int:
    """The index of the article's first paragraph (a sentence, a long line; not a list), or len(units)."""
    return next((i for i, u in enumerate(units) if not u.is_list and is_body(u)), len(units))


def _led_in(units: list[Unit], index: int) -> bool:
    return index > 0 and not units[index - 1].is_list and units[index - 1].text.rstrip().endswith(":")


def _header_menu(units: list[Unit], first: int, debris: DebrisFilter) -> dict[int, str]:
    """The site's menu above the article's first paragraph: a run of four or more short capitalized entries (lines
    with no blank line between them, or the items of lists, counting the menu's lines other rules left out:
    "Search", "Search the site"), one of them a menu's own ("Home", "About us", "Donate", "Health A-Z"); a run
    led in by a colon ("Symptoms include:") is the article's list."""
    found: dict[int, str] = {}
    run: list[int] = []
    for index in range(first + 1):
        unit = units[index] if index < first else None
        entries = unit_lines(unit) if unit is not None else []
        fits = unit is not None and all(is_menu_line(e) for e in entries) and (not run or not unit.blank_before)
        if fits:
            run.append(index)
            continue
        names = [e for i in run for e in unit_lines(units[i])]
        left_out = debris.lines_dropped_between(units[run[0] - 1].mark if run and run[0] else 0,
                                                units[run[-1]].mark) if run else 0
        if run and len(names) + left_out >= HEADER_MENU_RUN and any(NAV_ENTRY.match(e) for e in names) and not _led_in(units, run[0]):
            found.update((i, "site menu") for i in run)
        run = [index] if unit is not None and all(is_menu_line(e) for e in entries) else []
    return found


def is_menu_line(text: str) -> bool:
    return 0 < len(words(text)) <= MENU_WORDS and text[0].isupper() and not re.search(r"[.!?:;,]", text)


def _helpline_banner(units: list[Unit], first: int) -> dict[int, str]:
    """A helpline's banner above the article ("Our helpline 0300 222 5800"): a short line with a telephone number
    and no sentence, before the first paragraph; a label's value ("Dept Phone: 650-555-5555") is the document's."""
    return {i: "helpline banner" for i, unit in enumerate(units[:first])
            if not unit.is_list and len(words(unit.text)) <= 8 and PHONE.search(unit.text) and ":" not in unit.text
            and len(re.findall(r"\d", unit.text)) >= 7 and not SENTENCE_END.search(unit.text)}


# A helpline's banner that asks first: "Questions About Cancer? 1-800-4-CANCER", "Questions? Call 0300 123 4567";
# the number may spell a word (a vanity number's letters).
ASKING_HELPLINE = re.compile(r"(?i)^questions?(?: about [\w'’ -]{1,40})?\?\s*(?:call(?: us)?(?: at| on)?\s+)?"
                             r"(?-i:" + phone_run(2, r"[\dA-Z](?:[ -]?[\dA-Z]){0,9}") + r")\.?$")


def _asking_helpline(units: list[Unit], first: int) -> dict[int, str]:
    """A helpline banner that asks its question before the number, above the article's first paragraph."""
    return {i: "helpline banner" for i, unit in enumerate(units[:first])
            if not unit.is_list and ASKING_HELPLINE.match(unit.text.strip())}


def _latin_share(text: str) -> float:
    """The share of a text's letters that are Latin script (1.0 when it has none)."""
    letters = [c for c in text if c.isalpha()]
    return sum(unicodedata.name(c, "").startswith("LATIN") for c in letters) / len(letters) if letters else 1.0


def _foreign_script(units: list[Unit]) -> dict[int, str]:
    """Lines mostly in another script than the page's Latin one (a language picker: "العربية", "简体中文"): the
    voice cannot say them. A word of another script inside an English sentence leaves the sentence."""
    if _latin_share(" ".join(t for u in units for t in unit_lines(u))) < LATIN_PAGE:
        return {}
    return {i: "language picker" for i, unit in enumerate(units)
            if all(_latin_share(t) < 0.5 for t in unit_lines(unit)) and any(_latin_share(t) < 1 for t in unit_lines(unit))}


def _site_header(units: list[Unit], debris: DebrisFilter) -> dict[int, str]:
    """The site's header, known by what the debris filter left out in it: the lines above a "beginning of
    content" marker (a few at the top of the page: the site's banner, its strap line), and a site's name right
    above a breadcrumb that begins with it ("Arthritis" over "Arthritis Home > Arthritis Basics")."""
    found: dict[int, str] = {}
    for place in debris.marks_of("content marker")[:1]:
        above = [i for i, unit in enumerate(units) if unit.mark <= place]
        if len(above) <= HEADER_LINES:
            found.update((i, "site header") for i in above)
    first = _first_paragraph(units)
    trails = [d.text.casefold() for d in debris.dropped_of("breadcrumb")]
    for index in range(first):
        text = units[index].text.casefold()
        if _is_menu_entry(units[index]) and any(t.startswith(text + " ") for t in trails):
            found[index] = "site name"
    return found


# "On this page you will find:", "In this article": what opens a jump menu, said or not, the list lost or kept.
ON_THIS_PAGE = re.compile(r"(?i)^(?:on this page|in this (?:article|page|section))\b[^.!?]{0,40}:?$")
# A page's tabs for its other versions ("Consumer", "Health Professional", "Other Resources", "Español").
TAB_ENTRY = re.compile(r"(?i)^(?:consumers?|patients?|health professionals?|professionals?|other resources|español|"
                       r"(?:patient|professional|consumer) version)$")
BACK_ARROW = ("<", "‹", "«", "←")  # "< Types of mental health problems": a breadcrumb's way back up
SECTION_MENU = (2, 6)  # items of a section's menu pasted as a list: "Anxiety disorders", "For friends and family"


def _header_stamps(units: list[Unit], title: str, debris: DebrisFilter) -> dict[int, str]:
    """What stands between the title and the article's text that is no part of it: a bare date ("October 2014",
    the article's date when the page gives no other), a one-word site section repeating a word of the title over
    it ("Arthritis" over "Arthritis and Rheumatic Diseases"), an "On this page" line (its links lost or not), a
    breadcrumb with a way back ("< Types of problems"), the tabs of the page's other versions, and the link titles
    under a download box's lead-in ("PDF versions:", left out)."""
    first = _first_paragraph(units)
    found: dict[int, str] = {}
    for index, unit in enumerate(units[:first]):
        if not unit.is_list and LONE_DATE.match(unit.text):
            found[index] = "date stamp"
            debris.reviewed = debris.reviewed or page_date(unit.text.strip().rstrip("."))
    own = {w.casefold() for w in words(title)}
    label = next((i for i in range(first) if i not in found), None)
    if (label is not None and len(own) > 1 and not units[label].is_list and len(words(units[label].text)) == 1
            and units[label].text.casefold() in own and label + 1 < len(units)
            and (not is_body(units[label + 1]) or units[label + 1].after_debris)):
        found[label] = "site section"
    for index, unit in enumerate(units):
        if not unit.is_list and ON_THIS_PAGE.match(unit.text) and not (index + 1 < len(units) and units[index + 1].is_list):
            found[index] = "table of contents"
    found.update(_header_runs(units, first))
    found.update(_download_box(units, debris))
    found.update(_section_menu(units, set(found)))
    return found


def _header_runs(units: list[Unit], first: int) -> dict[int, str]:
    """Runs of short lines (no blank line between) above the first paragraph: a breadcrumb when one of them goes
    back up ("< Types of problems"), the page's tabs when one names another version ("Health Professional")."""
    found: dict[int, str] = {}
    run: list[int] = []
    for index in range(first + 1):
        unit = units[index] if index < first else None
        line = unit.text.lstrip("".join(BACK_ARROW)).strip() if unit is not None and not unit.is_list else ""
        if line and is_menu_line(line) and (not run or not unit.blank_before):
            run.append(index)
            continue
        texts = [units[i].text for i in run]
        if any(t.startswith(BACK_ARROW) for t in texts):
            found.update((i, "breadcrumb") for i in run)
        elif len(run) >= 2 and any(TAB_ENTRY.match(t) for t in texts):
            found.update((i, "page tabs") for i in run)
        run = [index] if line and is_menu_line(line) else []
    return found


def _download_box(units: list[Unit], debris: DebrisFilter) -> dict[int, str]:
    """The link titles under a download box's lead-in ("PDF versions:", left out as a download link): short
    names, no sentence among them ("A Guide for Travel", "Una guía para viajar (Spanish)")."""
    found: dict[int, str] = {}
    leads = [place for place, dropped in debris.placed_of("download link") if dropped.text.rstrip().endswith(":")]
    for place in leads:
        index = next((i for i, unit in enumerate(units) if unit.mark > place), None)
        if index is not None and all(0 < len(words(t)) <= 12 and not re.search(r"[.!?:]$", t)
                                    for t in unit_lines(units[index])):
            found[index] = "download link"
    return found


def _section_menu(units: list[Unit], skip: set[int]) -> dict[int, str]:
    """A section's menu pasted as a short list under the article's opening paragraph, right over its first
    heading ("Anxiety disorders", "For friends and family"): a few names of two to six words, no lead-in above
    them, none of them a heading of this page; a list led in ("Symptoms include:") or of single words ("Pain", "Swelling") is the article's. Lines
    already known as the site's (`skip`) are passed over."""
    kept = [i for i in range(len(units)) if i not in skip]
    for at, index in enumerate(kept[1:-2], start=1):
        unit, previous, after, then = (units[kept[at + step]] for step in (0, -1, 1, 2))
        heads = not after.is_list and not is_body(after) and is_body(then)
        if not unit.is_list:
            if not is_body(unit) and is_body(after):
                return {}  # the first heading came first
            continue
        if (heads and not previous.is_list and is_body(previous) and not previous.text.rstrip().endswith(":")
                and SECTION_MENU[0] <= len(unit.items) <= SECTION_MENU[1]
                and all(2 <= len(words(e)) <= MENU_WORDS and is_menu_line(e) for e in unit.items)
                and not {text_key(e) for e in unit.items} & {text_key(u.text) for u in units[index + 1:] if not u.is_list}):
            return {index: "section menu"}  # names of other pages: one coming back as a heading here is a contents list
        return {}
    return {}


def _link_box(units: list[Unit]) -> dict[int, str]:
    """A link box's name on a line of its own ("See also", "Related resources") and the short link titles under it
    ("Nutrition and healthy eating", no blank line between), when nothing but another heading or the page's end follows them; with prose
    under it the name is a heading, and a list under it is left to the link lists' rule."""
    found: dict[int, str] = {}
    for start, unit in enumerate(units):
        if unit.is_list or not LINK_BOX.fullmatch(unit.text.strip()):
            continue
        end = start + 1
        while (end < len(units) and not units[end].is_list and not units[end].blank_before and _is_link_title(units[end].text)
               and not (end + 1 < len(units) and is_body(units[end + 1]))):
            end += 1
        if end > start + 1 and (end == len(units) or not is_body(units[end])):
            found.update((i, "link box") for i in range(start, end))
    return found


def _reading_box(units: list[Unit]) -> dict[int, str]:
    """A reading box between paragraphs ("Recommended reading" and its link lines right under it, no blank line
    between, a blank line after): the pages of another site, whatever follows the box."""
    found: dict[int, str] = {}
    for start, unit in enumerate(units):
        if unit.is_list or not names_reading_box(unit.text):  # before walking the box: most lines name none
            continue
        end = start + 1
        while end < len(units) and not units[end].is_list and not units[end].blank_before:
            end += 1
        if is_reading_box([units[i].text for i in range(start, end)]):
            found.update((i, "link box") for i in range(start, end))
    return found


def _is_link_title(text: str) -> bool:
    return 0 < len(words(text)) <= MENU_WORDS and not re.search(r"[.!?:;]$", text.strip())


def _label_among_tools(units: list[Unit], first: int, debris: DebrisFilter) -> list[int]:
    """The site section's name in the page's header, set among its tools ("Search" / "Your Child's Hospital Stay"
    / "Expand Anchor Panel"): the first line above the article's first paragraph, a few title-case words, with a
    page tool left out right above it and right under it. A heading there has the article's text under it instead."""
    tools = debris.marks_of("page tool")
    if not units or first == 0 or first >= len(units):
        return []
    unit, following = units[0], units[1]
    dropped_over = any(p < unit.mark for p in tools)
    dropped_under = any(unit.mark <= p < following.mark for p in tools)
    if (unit.after_debris and following.after_debris and dropped_over and dropped_under and _is_menu_entry(unit)
            and is_title_case(unit.text)):
        return [0]
    return []


def without_furniture(units: list[Unit], title: str, debris: DebrisFilter) -> list[Unit]:
    """The units without the site's furniture (recorded as dropped), before any rule reads the page's structure:
    a contents list must not make sub-headings of the sections it lists, nor a menu tip the page's layout."""
    first = _first_paragraph(units)
    found = {**form_notes(units), **_link_box(units), **_reading_box(units), **_header_stamps(units, title, debris), **_header_menu(units, first, debris), **_helpline_banner(units, first), **_asking_helpline(units, first), **_foreign_script(units),
             **_site_header(units, debris), **_captions_over_questions(units), **_furniture(units, title),
             **below_closing_date(units, debris)}
    for index, rule in {**link_cues(units, debris), **alt_lines(units)}.items():
        found.setdefault(index, rule)
    for index in _label_among_tools(units, first, debris):
        found.setdefault(index, "site section")
    for index, rule in {**widget_labels(units), **banner_taglines(units, first, debris)}.items():
        found.setdefault(index, rule)
    for index in trailing_sidebar(units, debris):
        found.setdefault(index, "page sidebar")
    for index, rule in {**address_block(units), **link_remnant(units, title)}.items():
        found.setdefault(index, rule)
    for index, rule in sorted(found.items()):
        for line in unit_lines(units[index]):
            debris.drop(line, rule, units[index].mark)
    kept: list[Unit] = []
    for index, unit in enumerate(units):
        if index not in found:
            kept.append(unit)
        elif found[index] == "image alt text":  # a picture's name: the page reads on as if it were not there
            continue
        elif not kept or kept[-1].kind != "drop":  # a place where something was: the headings around it are not
            kept.append(Unit(kind="drop", blank_before=unit.blank_before))  # stacked (a publisher's line, a menu)
        if found.get(index) == "image caption":  # a lone alt text ("cellulose, corn starch") is no gallery
            kept[-1].pictures = True
    return kept
