"""Which lines of a pasted page are headings, and at which level: a short line between blank lines followed
by text, a numbered run of section lines, the page's mix of title-case and sentence-case headings."""
from __future__ import annotations

import re
from typing import Sequence

from narration.ingest.debris import DebrisFilter
from narration.ingest.outline import SUB
from narration.ingest.text.units import (
    CLAUSE_WORDS, HEADING_MAX_WORDS, HEADING_STOP, LABEL_MAX_WORDS, LEAD_IN_END, LEAD_IN_START, LIST_ITEM,
    NUMBERED_QUESTION, READER, SENTENCE_END, SMALL_WORDS, Unit, has_verb, is_title_case, organization_words, words,
)
from narration.text.phones import phone_run
from narration.text.sentences import helping_verbs


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
    if stripped[-1] in ".!:;,\"'”’)" or re.search(r"[.!?;]\s", stripped) or is_value_line(stripped):
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
    if text.endswith("!"):  # a title that calls out: "Watch Out For Fever!"; "Eat well!" is a sentence
        return count <= 8 and is_title_case(text) and not re.search(r"[.!?;:]\s", text)
    if HEADING_STOP.search(text) or re.search(r"[.!?;]\s", text) or not (text[0].isupper() or text[0].isdigit()):
        return False
    return count <= HEADING_MAX_WORDS and len(text) <= 100 and not LABEL_VALUES.match(text) and not is_value_line(text)


# A label with its value after the colon, which no heading is: a contact line ("Tel: 01473 702194", "Email:
# ward@nhs.net") or the names a thing goes by ("Also called: Pyrosis").
VALUE_LABEL = re.compile(r"(?i)^(?:tel(?:ephone)?|phone|ph|fax|e-?mail|mobile|text ?phone|minicom|helpline|website|"
                         r"web|address|also called|also known as|other names?|brand names?)\s*:\s*\S")
PHONE = re.compile(phone_run(8))  # its digits are counted: a bracket before them is none
PHONE_DIGITS = 9


def is_value_line(text: str) -> bool:
    """A labelled value or a line made mostly of a phone number ("01473 702194 or 702195"): content to say."""
    phone = PHONE.search(text)
    digits = sum(c.isdigit() for c in text)
    return bool(VALUE_LABEL.match(text)) or (phone is not None and sum(c.isdigit() for c in phone.group()) >= PHONE_DIGITS
                                             and digits >= sum(c.isalpha() for c in text))


# A label and the values it gives, in a line of their own: "Also called: Glycohemoglobin, HbA1C, A1C test";
# a heading with a colon names one thing after it ("Stage 1: small spots appear").
LABEL_VALUES = re.compile(r"^[^:,]{1,30}:\s+[^:,]+(?:,\s*[^:,]+)+$")


def is_label(text: str) -> bool:
    """A label heading: a short noun phrase that ends in a colon and names what follows ("Directions:",
    "Personal Items:"), unlike a lead-in that a verb or pronoun shows to be a sentence ("Call 999 if your child:")."""
    name = text[:-1].rstrip()
    return (text.endswith(":") and 0 < len(words(name)) <= LABEL_MAX_WORDS and name[:1].isupper()
            and not re.search(r"[\d:.!?;]", name) and not CLAUSE_WORDS.search(name) and not LEAD_IN_END.search(name)
            and not has_verb(name)) or _colon_label(text)  # "Dermatologists rank acne by severity:" is a sentence


def _leads_into(unit: Unit, following: Unit | None) -> bool:
    """A line that runs on into the list under it ("Goals of treatment are to", "The prognosis depends on:") or
    names the case it is for ("For irritable bowel syndrome:"): the list's lead-in."""
    return following is not None and following.is_list and is_lead_in(unit.text)


# A heading that names a question without asking it ("How brachytherapy is put in place", "What to expect when
# the catheter is removed"): its verb does not make it a clause that leads into a list.
INDIRECT_QUESTION = re.compile(r"^(?:how|what|when|where|why|who|which|whether)\b", re.IGNORECASE)


# A word that opens a subordinate clause or a modifier: a verb after it is not the line's own ("Actions to take if
# your child has an asthma attack" is a noun phrase).
SUBORDINATE = re.compile(r"\b(?:if|when|whenever|while|that|which|who|whom|whose|because|after|before|until|unless|"
                         r"where|to|for|of|with)\b", re.IGNORECASE)


def is_lead_in(text: str) -> bool:
    """Whether a line over a list is its lead-in, body text: it runs on into the items ("Other symptoms
    include"), is a phrase in sentence case ending in a colon ("To prevent kidney failure:"), or a clause
    in sentence case ("There are three types of implants"). A question ("What should I look for?") is answered
    by the list, and a noun phrase names it ("Symptoms", "Do", "Directions:", "Eating and Drinking Instructions:",
    "Actions to take if your child has an attack"): headings, all."""
    text = text.strip()
    if text.endswith("?") or _colon_label(text):
        return False
    if LEAD_IN_END.search(text.rstrip(":")) or (text.endswith(":") and LEAD_IN_START.match(text)):
        return True  # "For Irritable Bowel Syndrome:" names the case its list is for
    if is_title_case(text.rstrip(":")) or len(words(text)) < 2 or _bare_label(text):
        return False
    return text.endswith(":") or _main_clause(text)


DO_LABEL = re.compile(r"(?i)^(?:do|don['’]t|do not|never)$")  # "Do not:" over the things not to do
LABEL_WORDS = 6  # "SEEK IMMEDIATE MEDICAL CARE IF:"


BARE_LABEL_WORDS = 3


def _bare_label(text: str) -> bool:
    """A bare noun label in sentence case ("First aid:", "Alternative names:") names its block, as "Directions:"
    does; a phrase with a small word ("To prevent it:", "Ways of placing the implant:") leads into it."""
    found = words(text.rstrip(":"))
    return is_label(text) and len(found) <= BARE_LABEL_WORDS and not any(w.casefold() in SMALL_WORDS for w in found)


def _colon_label(text: str) -> bool:
    """A short label ending in a colon set in capitals as the page's heading ("SEEK CARE IF:": capitals outrank
    its run-on word), or a Do / Don't label over its items ("Do not:"): a heading over its block."""
    label = text.rstrip(":")
    return text.endswith(":") and 0 < len(words(label)) <= LABEL_WORDS and (
        (label.isupper() and len(words(label)) >= 2) or bool(DO_LABEL.match(label)))


# A noun with a clause of its own after it ("Things you can do", "Foods we should avoid"): a noun phrase.
REDUCED_RELATIVE = re.compile(r"\w\s+(?:you|we|they|i|he|she)\s+$", re.IGNORECASE)


def _main_clause(text: str) -> bool:
    """A line with a subject and its finite verb ("There are three types", "Your visitors will need"): the verb
    is not its first word (an imperative or a question's), and neither a subordinate word nor a noun's own
    clause ("Things you can do") comes before it."""
    verb = FINITE.search(text, len(words(text)[0]) if words(text) else 0)
    return (verb is not None and not INDIRECT_QUESTION.match(text) and len(words(text)) >= 3
            and not SUBORDINATE.search(text[:verb.start()]) and not REDUCED_RELATIVE.search(text[:verb.start()]))


def is_prose(unit: Unit) -> bool:
    """Text a heading can head: a list, a table, a sentence, a long line, or a run of names ("Swollen belly;
    Abdominal distention")."""
    return (unit.is_list or unit.table is not None or bool(SENTENCE_END.search(unit.text)) or len(words(unit.text)) > 12
            or "; " in unit.text)


def _after_a_label(units: list[Unit], index: int) -> bool:
    """Whether the line follows a short line that is neither prose nor a heading: the value of a key/value
    block ("FDA Approved" / "Yes"), not a heading. A question is never a label's value ("Also called: ..." /
    "What is it?"), nor is a line after a quote's attribution ("—Dana, a patient") a value of it."""
    if index == 0 or units[index].text.endswith("?"):
        return False
    previous = units[index - 1]
    return (previous.kind == "paragraph" and not is_prose(previous) and not ATTRIBUTION.match(previous.text)
            and not _titled_pair(units, index))


def _titled_pair(units: list[Unit], index: int) -> bool:
    """A lone pair of title-case lines after text ("Risk Factors You Can Control" / "Smoking", then text): a
    heading over its first sub-heading, not a key/value box, which is a run of pairs (a short line stands over
    its label: "Temodar" over "FDA Approved" / "Yes"). A one-word line must name what the text under it is
    about ("Smoking is ..."), as a value ("Yes") does not."""
    label = index - 1
    before = units[label - 1] if label > 0 else None
    return (is_title_case(units[label].text) and _heading_form(units[index].text)[1]
            and (before is None or before.kind not in ("paragraph", "heading") or is_prose(before))
            and (len(words(units[index].text)) > 1 or _named_below(units, index)))


def _named_below(units: list[Unit], index: int) -> bool:
    """Whether the line's words come back in the text right under it."""
    below = units[index + 1] if index + 1 < len(units) else None
    stems = {word.casefold().rstrip("s") for word in words(below.text if below else "")}
    return all(word.casefold().rstrip("s") in stems for word in words(units[index].text))


ATTRIBUTION = re.compile(r"^\s*[—–-]{1,2}\s*[A-Z]")  # "—Dana, person with heart disease" under a quote
SIBLING_WORDS = 4  # short headings of a set: "By Phone", "Online", "By Mail", "In Person"


def _parallel(text: str, above: list[Unit]) -> bool:
    """Whether a short line has the form of a heading above it on the page (a few words, capitalized alike):
    a sibling of that heading ("In Person" after "By Mail"), even below the last line of an address."""
    short, titled = _heading_form(text)
    return short and any(u.kind == "heading" and _heading_form(u.text) == (True, titled) for u in above)


def _followed_by_text(units: list[Unit], index: int, spaced: bool, depth: int = 0) -> bool:
    """Whether a heading candidate heads text: prose or a list next, or a stacked heading that does (of two
    words or more, or else not a value in a key/value box: "FDA Approved" / "Yes" is not read as headings)."""
    if index + 1 >= len(units):
        return False
    following = units[index + 1]
    if is_prose(following) or following.pictures:  # "Examples of the rash", then its pictures' captions
        return True
    return (depth < 2 and candidate(following, spaced)
            and (len(words(following.text)) >= 2 or not _after_a_label(units, index + 1))
            and _followed_by_text(units, index + 1, spaced, depth + 1))


# A finite verb: what makes a line a clause ("if the user has liver disease"), not a heading's noun phrase.
FINITE = re.compile(r"\b" + helping_verbs("had", "does", "do", "did", "could", "takes", "uses", "gets", "needs", "feels")
                    + r"\b", re.IGNORECASE)
CLAUSE_RUN_WORDS = 6


def _clause_line(unit: Unit) -> list[str]:
    """The words of a line that reads as a clause of some length, without a sentence's end mark ([] if not)."""
    found = words(unit.text)
    return (found if not unit.is_list and unit.table is None and len(found) >= CLAUSE_RUN_WORDS
            and not HEADING_STOP.search(unit.text) and not is_title_case(unit.text)
            and FINITE.search(" ".join(found[2:])) else [])


def _in_clause_run(units: list[Unit], index: int) -> bool:
    """A clause beside another of the same form (the same first two words: "Ask a doctor before use if the user
    has ..." / "Ask a doctor or pharmacist before use if the user is ...") is one of a run of statements, the
    page's text, not a heading over the next one."""
    own = [w.casefold() for w in _clause_line(units[index])[:2]]
    return bool(own) and any(0 <= other < len(units) and [w.casefold() for w in _clause_line(units[other])[:2]] == own
                             for other in (index - 1, index + 1))


def mark_headings(units: list[Unit], spaced: bool) -> None:
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
              and (not _after_a_label(units, index) or _parallel(unit.text, units[:index]))
              and not _in_clause_run(units, index)):
            unit.kind = "sub" if unit.emphasized else "heading"
        elif not spaced and looks_like_heading(unit.text, (units[index + 1].text or "-") if index + 1 < len(units) else None):
            unit.kind = "heading"
    _demote_subtitle(units)
    _opening_question(units)


LEDE_PARAGRAPHS = 1  # a summary line may stand between the title and the opening question


def _opening_question(units: list[Unit]) -> None:
    """A question to the reader that opens the article ("Do you know why some labels say gluten-free?") and would
    be its only heading is the opening line of the text, not a section of its own."""
    headings = [i for i, unit in enumerate(units) if unit.kind == "heading"]
    if len(headings) != 1:
        return
    question = units[headings[0]]
    before = [u for u in units[:headings[0]] if u.kind != "drop"]
    if question.text.endswith("?") and READER.search(question.text) and len(before) <= LEDE_PARAGRAPHS:
        question.kind = "paragraph"


def _demote_subtitle(units: list[Unit]) -> None:
    """A page's subtitle under its title ("Get consumer information about sunscreen and sun protection"): the
    first line of the page, in sentence case and no question, with only another heading under it, is the
    article's opening line, not a section of its own (its title would be the first episode's)."""
    present = [u for u in units if u.kind != "drop"]
    if len(present) < 2 or present[0].kind != "heading" or present[1].kind != "heading":
        return
    first = present[0]
    if not is_title_case(first.text) and not first.text.endswith("?") and len(words(first.text)) >= 4:
        first.kind = "paragraph"


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


def numbered_headings(units: list[Unit], spaced: bool) -> list[int]:
    """Numbered section headings ("1. Why get vaccinated?" ... "7. How can I learn more?"): lines "N. Text"
    whose numbers run 1, 2, 3 ... through the page, each over text of its own, with no heading above the first
    (under a heading, as PDQ's numbered questions are, they are its sub-headings). They are made the page's
    headings, said without their numbers; a one-item list "3. ..." among them is one of them, not a list."""
    found = [(index, parsed) for index, unit in enumerate(units) if unit.kind in ("paragraph", "list", "heading")
             and (parsed := _numbered_line(unit))]
    numbers = [number for _, (number, _) in found]
    if len(found) < NUMBERED_RUN or numbers != list(range(1, len(found) + 1)):
        _continue_numbering(units, found, spaced)
        return []
    first = found[0][0]
    if any(unit.kind in ("heading", "sub") for unit in units[:first]):
        _numbered_steps(units, found)
        return []
    if not all(_followed_by_text(units, index, spaced) for index, _ in found):
        return []
    for index, (_, text) in found:
        unit = units[index]
        unit.kind, unit.text, unit.items = "heading", text, []
    return [index for index, _ in found]


def _numbered_steps(units: list[Unit], found: list[tuple[int, tuple[int, str]]]) -> None:
    """Numbered steps under a heading ("10 Things to Do", then "1. Arrange child care" over a paragraph of its
    own, "2. Pack a bag" over another): sub-headings of its section, said without their numbers. A list whose
    items have no paragraph under them stays a list; numbered questions read as headings keep their level."""
    if any(units[index].kind == "heading" for index, _ in found) or not all(_over_prose(units, index) for index, _ in found):
        return
    for index, (number, text) in found:
        units[index].kind, units[index].text, units[index].items = "sub", f"{number}. {text}", []


def _over_prose(units: list[Unit], index: int) -> bool:
    """Whether the line has a paragraph of sentences of its own right under it (not the next numbered line)."""
    below = units[index + 1] if index + 1 < len(units) else None
    return (below is not None and below.kind == "paragraph" and not below.is_list and below.table is None
            and is_prose(below) and _numbered_line(below) is None)


def _continue_numbering(units: list[Unit], found: list[tuple[int, tuple[int, str]]], spaced: bool) -> None:
    """A numbered line over text of its own that goes on from a numbered heading ("1. Why get vaccinated?", then
    "2. MMR vaccine") is the next heading, said without its number, though the page (or what was pasted of it)
    has too few of them to make an outline."""
    headed: set[int] = set()
    for index, (number, text) in found:
        unit = units[index]
        if unit.kind == "heading":
            headed.add(number)
        elif number - 1 in headed and _followed_by_text(units, index, spaced):
            unit.kind, unit.text, unit.items = "heading", text, []
            headed.add(number)


def heading_levels(units: list[Unit], numbered: Sequence[int] = ()) -> dict[int, int]:
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


# The verb of a link button that sends the reader to a section's tool or to another page.
# ("Read the label", "Check your skin", "Get screened" are health advice, and headings of it.)
LINK_VERB = re.compile(r"^(?:explore|discover|browse|visit|download|view|search|shop|order|watch|listen|"
                       r"(?:learn|find out|read|see) more(?: about)?|see all)\b", re.IGNORECASE)


def _stems(text: str) -> set[str]:
    return {word.casefold().rstrip("s") for word in words(text) if word.casefold() not in SMALL_WORDS}


def is_link_button(text: str, heading_above: str) -> bool:
    """A link button at a section's end ("Explore mental health apps" under "Mental health apps"): a verb that
    sends the reader on, then nothing but the words of the heading above. A heading of its own brings words of
    its own ("Try mindfulness", "Find support near you" under "Getting help")."""
    found = LINK_VERB.match(text.strip())
    rest = _stems(text[found.end():]) if found else set()
    return bool(rest) and rest <= _stems(heading_above)


def drop_link_buttons(units: list[Unit], debris: DebrisFilter) -> None:
    """A link button made a heading (a short line followed by whatever the page puts next: a feedback form, the
    footer) starts no section: it is left out, and what follows stays with the section above."""
    above: Unit | None = None
    for index, unit in enumerate(units):
        if unit.kind != "heading":
            continue
        previous = units[index - 1] if index else None
        if above is not None and previous is not None and previous.kind not in ("heading", "sub") \
                and is_link_button(unit.text, above.text):
            unit.kind = "drop"
            debris.drop(unit.text, "link button", unit.mark)
            continue
        above = unit


def drop_repeated_labels(units: list[Unit], debris: DebrisFilter) -> None:
    """A heading said word for word more than once is an accordion's button label ("Reasons to Call your Doctor"
    over each panel, the panel's own title lost): one with nothing under it before the next heading, or one over a
    button left out ("Learn More"), is left out; the one over its own text stays."""
    places: dict[str, list[int]] = {}
    for index, unit in enumerate(units):
        if unit.kind in ("heading", "sub"):
            places.setdefault(" ".join(unit.text.casefold().split()), []).append(index)
    for found in (found for found in places.values() if len(found) > 1):
        empty = [i for i in found if _labels_nothing(units, i)]
        if len(empty) < len(found):
            for index in empty:
                units[index].kind = "drop"
                debris.drop(units[index].text, "accordion button", units[index].mark)


def _labels_nothing(units: list[Unit], index: int) -> bool:
    """Whether a heading has no text of its own: the next heading or the page's end, or a button line, follows."""
    below = units[index + 1] if index + 1 < len(units) else None
    return below is None or below.kind in ("heading", "sub") or below.after_debris


# A word that names an organization: "National Institute of ...", "American Heart Association", "NHS Trust".
ORGANIZATION = re.compile(r"\b" + organization_words("Institutes", "Cent(?:er|re)s?", "Organi[sz]ation", "Library",
                                                      "Alliance", "Federation", "Commission", "Coalition", "Ministry")
                          + r"\b")


def drop_attributions(units: list[Unit], debris: DebrisFilter) -> None:
    """An organization's name alone ("National Institute of Arthritis and Musculoskeletal and Skin Diseases")
    with nothing it heads (page furniture left out next, or the page's end) is the source the text was
    taken from, not a heading: left out as a source line."""
    for index, unit in enumerate(units):
        below = units[index + 1] if index + 1 < len(units) else None
        if (unit.kind in ("heading", "sub") and ORGANIZATION.search(unit.text) and is_title_case(unit.text)
                and (below is None or (below.kind == "drop" and not below.pictures))):
            unit.kind = "drop"
            debris.drop(unit.text, "source line", unit.mark)


CONTENTS_MATCHES = 2  # headings a contents list must name before it is trusted to give the page's sections


def contents_levels(units: list[Unit], levels: dict[int, int], contents: Sequence[str]) -> dict[int, int]:
    """Where the page's own contents list ("On This Page", left out) names its headings, those are its sections
    and every other heading between the first and the last of them is a sub-heading of the section it stands in
    (after the last, a box or the credits the list leaves out keep their own level)."""
    named = {" ".join(entry.casefold().split()) for entry in contents}
    top = [i for i in levels if " ".join(units[i].text.casefold().split()) in named]
    if len(top) < CONTENTS_MATCHES:
        return levels
    return {i: 2 if i in top else 3 if top[0] < i < top[-1] and level != SUB else level for i, level in levels.items()}


# A tab's or panel's generic name over the page's own heading ("Summary" / "What is diabetes?"): it names no topic.
GENERIC_LABEL = re.compile(r"(?i)^(?:summary|overview|basics|the basics|at a glance|in brief)$")


def stacked_headings(units: list[Unit], debris: DebrisFilter) -> None:
    """Two heading lines back to back, then text: the one right over the text is the heading (a question under
    a label is never read as a sentence). A generic label over it is a page label, left out; another short line
    over it stays, a heading over its sub-heading."""
    labels: list[int] = []
    for index in range(1, len(units) - 1):
        label, line, below = units[index - 1], units[index], units[index + 1]
        if (line.blank_before or not label.blank_before or label.kind != "paragraph" or label.is_list
                or not line.text.endswith("?") or not candidate(label, False) or is_prose(label)
                or not candidate(line, False) or not is_prose(below)):
            continue
        line.blank_before = True
        if GENERIC_LABEL.match(label.text):
            labels.append(index - 1)
            debris.drop(label.text, "page label", label.mark)
    for index in reversed(labels):
        del units[index]


# The site section a page sits in, set over its text: "Patient Information", "Health Topics", "Fact Sheet".
SITE_LABEL = re.compile(r"(?i)^(?:(?:patient|consumer|public|health|family) (?:information|education|resources?|"
                        r"handouts?|leaflets?|topics?)|health (?:a-z|a to z)|fact ?sheets?|for patients)$")


def drop_site_label(units: list[Unit], debris: DebrisFilter) -> None:
    """A site section's name as the page's first heading names no part of the article: left out, so the first
    section takes the article's title."""
    first = next((unit for unit in units if unit.kind != "drop"), None)
    if first is not None and first.kind == "heading" and SITE_LABEL.match(first.text):
        first.kind = "drop"
        debris.drop(first.text, "site label", first.mark)


# A callout box's one-word label: "Important", "Note", "Warning" (a section would be "Warnings", "Tips").
CALLOUT = re.compile(r"(?i)^(?:important|note|warning|caution|tip|remember)$")


def callout_leads(units: list[Unit]) -> None:
    """A callout's label over its paragraph heads no section: it is said as the paragraph's lead ("Important:
    Carry on taking ...")."""
    for index in range(len(units) - 2, -1, -1):
        label, below = units[index], units[index + 1]
        if (label.kind == "paragraph" and not label.is_list and CALLOUT.match(label.text) and below.kind == "paragraph"
                and not below.is_list and below.table is None and is_prose(below)):
            below.text, below.blank_before = f"{label.text}: {below.text}", label.blank_before
            del units[index]
