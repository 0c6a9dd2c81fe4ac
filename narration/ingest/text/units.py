"""The lines of a pasted page as units (a paragraph line, a run of list items, a table), and the shared
vocabulary the structure rules read them with."""
from __future__ import annotations

from dataclasses import dataclass, field
import re

from narration.ingest.debris import CREDIT_LINE, DebrisFilter
from narration.ingest.tables import CELL_LINE, cell_line_tables, tab_tables
from narration.models import Block
from narration.text.phones import phone_run


WORDY = re.compile(r"[^\W_]")  # a line says something only if it has a letter or a digit
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
# The first word of a lead-in that names the case the list under it is for ("For irritable bowel syndrome:",
# "If you have a fever:", "Before surgery:"), unlike a label that names the list ("Directions:").
LEAD_IN_START = re.compile(r"^(?:for|if|when|while|before|after|during|once|unless|until|para|si|cuando|antes|"
                           r"después|durante)\b", re.IGNORECASE)
# The last word of a lead-in that runs into the list under it ("Other symptoms include", "Goals of treatment are
# to"): an article, a conjunction, "to", an auxiliary or a verb that introduces examples. A heading ends in a noun.
LEAD_IN_END = re.compile(
    r"\b(a|an|the|and|or|nor|but|if|that|than|because|as|like|such as|of|to|is|are|was|were|be|been|can|could|"
    r"may|might|must|will|would|should|include[sd]?|including|involves?|contains?|means|following|whether|"
    # a preposition waits for its object: "The prognosis depends on:", "Treatment choices are based on"
    r"on|upon|in|into|for|with|from|by|about|at|between|among|against|toward|towards|through|during|"
    r"el|la|los|las|y|o|que|de|a|es|son|incluyen?|como|en|con|para|por|sobre|entre)\W*$", re.IGNORECASE)
LABEL_MAX_WORDS = 5
HEADING_MAX_WORDS = 12  # a longer line of its own is prose, or several link titles run together
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
    indents: list[int] = field(default_factory=list)  # each item's indentation as pasted (a nested item's is deeper)
    ordered: bool = False
    blank_before: bool = True
    kind: str = "paragraph"  # paragraph, list, heading, sub, drop, table
    emphasized: bool = False  # the whole line was in *asterisks*: a label the page set in bold or italics
    number: int = 0  # the number an ordered list starts at, as written ("3." -> 3)
    mark: int = 0  # where in the page it was read (DebrisFilter.mark), to file its drop in page order
    table: Block | None = None  # rows a browser pasted with tabs between the cells
    under_figure: bool = False  # a figure's link ("Enlarge") stood on the line before: this is its caption
    over_credit: bool = False  # an image's credit line ("Credit: ...") came next, left out: this may be its caption
    after_debris: bool = False  # a line of debris ("Print", "Share", a skip link) stood right above, left out
    pictures: bool = False  # a 'drop' left where pictures were (captions, alt texts): what a heading above heads

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


ITEM_MAX_WORDS = 25  # an item a page sets on a line of its own; a longer line is prose
WRAP_SLACK = 0.85  # a line wrapped by width is within 15% of the longest: proportional fonts and justified PDFs vary


def _block_lines(lines: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each run of consecutive plain lines: no blank line, list item or table row between."""
    runs: list[tuple[int, int]] = []
    start = None
    for index, line in enumerate([*lines, ""]):
        plain = bool(WORDY.search(line)) and not LIST_ITEM.match(line) and "\t" not in line
        if plain and start is None:
            start = index
        elif not plain and start is not None:
            runs.append((start, index))
            start = None
    return runs


def _ending(line: str) -> str:
    """How an item ends: a sentence or clause mark, or '' for a bare item (a closing bracket is bare)."""
    last = line.rstrip()[-1:]
    return last if last in ".!?;," else ""


def _starts_lower(line: str) -> bool:
    return bool(re.match(r"\s*[(\"'“]?[a-záéíóúüñ]", line))


def _forced_break(line: str, following: str, width: int) -> bool:
    """Whether the page's width broke the line here: the sentence goes on in lower case and the next word
    would not have fitted on the line (or a bracket is left open)."""
    if line.count("(") > line.count(")"):
        return True
    if _ending(line) or not _starts_lower(following):
        return False
    first_word = following.split()[0]
    return len(line.strip()) + 1 + len(first_word) > WRAP_SLACK * width


def _are_items(block: list[str], lead_in: bool) -> bool:
    """Lines of a list the paste lost its bullets from: two or more short lines that each end the same way
    (bare, or with the same mark; the last may close with a period), broken where the next word would have
    fitted (most of the time), so not by the page's width. Without a lead-in ending ':' each must start in lower case and stay bare
    (an item, never a sentence's start)."""
    if len(block) < 2 or any(len(words(line)) > ITEM_MAX_WORDS for line in block):
        return False
    endings = [_ending(line) for line in block]
    if len(set(endings[:-1])) != 1 or endings[-1] not in (endings[0], "."):
        return False
    if not lead_in and (any(endings) or not all(_starts_lower(line) for line in block)):
        return False
    width = max(len(line.strip()) for line in block)
    # a break after the longest line always looks forced, as the width is measured on it: it tells nothing
    telling = [_forced_break(line, following, width) for line, following in zip(block, block[1:])
               if len(line.strip()) < width]
    return bool(telling) and 2 * sum(telling) < len(telling)


def bulleted_items(lines: list[str]) -> list[str]:
    """Give back the bullets a paste lost: a run of item lines under a lead-in ending ':' (on the line above
    the run, or over a blank line), or of bare lower-case items after a finished sentence, is a list, never
    hard-wrapped prose to join into one run-on sentence."""
    marked = list(lines)
    for start, end in _block_lines(lines):
        above = next((line.strip() for line in reversed(lines[:start]) if line.strip()), "")
        first = lines[start].strip()
        if first.endswith(":") and not LIST_ITEM.match(first):
            above, start = first, start + 1
        lead_in = above.endswith(":")
        if (lead_in or not above or above[-1] in ".!?") and _are_items(lines[start:end], lead_in):
            marked[start:end] = [f"- {line.strip()}" for line in lines[start:end]]
    return marked


# An item lettered or numbered in Roman numerals ("a.", "B)", "ii."), as a page sets the items nested in a step.
LETTERED_ITEM = re.compile(r"^(\s+)(?:[a-zA-Z]|[ivx]{2,4})[.)]\s+(?=\S)")


def lettered_sub_items(lines: list[str]) -> list[str]:
    """Lettered items indented under a list item ("1. Eat well" / "   a. Eat fruit") are its nested items: they
    are marked as bullets, keeping their indentation, so that they are said as its sub-list, never glued to it
    as wrapped text. Prose between ends the list; a blank line does not (a loose list)."""
    marked = []
    above: int | None = None  # the indentation of the list item above, while its list goes on
    for line in lines:
        lettered = LETTERED_ITEM.match(line)
        if lettered and above is not None and _indent(line) > above:
            line = f"{lettered.group(1)}- {line[lettered.end():]}"
        elif LIST_ITEM.match(line):
            above = _indent(line)
        elif WORDY.search(line):
            above = None
        marked.append(line)
    return marked


# A line opening with a letter or a Roman numeral as an item's mark: "a) cracks", "(b) wet", "c. loose", "ii) ...",
# "B) ..."; a capital with a full stop ("A. Overview", "II. Methods") numbers an outline's headings instead.
LETTER_MARK = re.compile(r"^(\s*)(?:\((?P<bracketed>[a-zA-Z]|[ivxIVX]{1,4})\)|(?P<closed>[a-zA-Z]|[ivxIVX]{1,4})\)"
                         r"|(?P<dotted>[a-z]|[ivx]{1,4})\.)\s+(?=\S)")
LETTERS = "abcdefghijklmnopqrstuvwxyz"
ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")


def _letter(line: str) -> str | None:
    found = LETTER_MARK.match(line)
    return found and (found.group("bracketed") or found.group("closed") or found.group("dotted")).lower()


def _counts_on(marks: list[str]) -> bool:
    """Marks that count on from the first letter or numeral: "a, b, c" or "i, ii, iii"."""
    return marks == list(LETTERS[:len(marks)]) or marks == list(ROMAN[:len(marks)])


def lettered_items(lines: list[str]) -> list[str]:
    """A run of two or more lines lettered in sequence ("a) cracks or softens" / "b) becomes wet", blank lines
    between or not) is a list: its items are marked as bullets, said as one list under the lead-in, never read as
    captions or with their letters ("a, cracks"). Any other line ends the run."""
    marked = list(lines)
    run: list[int] = []
    for index, line in enumerate([*lines, "end"]):
        if not WORDY.search(line):
            continue
        mark = _letter(line)
        if mark is not None and _counts_on([_letter(lines[i]) or "" for i in run] + [mark]):
            run.append(index)
            continue
        for i in run if len(run) >= 2 else ():
            found = LETTER_MARK.match(lines[i])
            marked[i] = f"{found.group(1)}- {lines[i][found.end():]}" if found else lines[i]
        run = [index] if mark in ("a", "i") else []
    return marked


LEAD_IN_ITEMS = 2  # a lead-in's list has two items at least; one short line under it may be a heading


def items_under_colon(lines: list[str]) -> list[str]:
    """Give back the bullets of short lines with no closing punctuation set right under a lead-in ending ':' in the
    same block ("See your GP if:" / "Your fever lasts more than 3 days" / "You are pregnant"): its list."""
    marked = list(lines)
    for index, line in enumerate(lines):
        if not line.rstrip().endswith(":") or LIST_ITEM.match(line):
            continue
        run = []
        for below in range(index + 1, len(lines)):
            item = lines[below]
            if (not WORDY.search(item) or LIST_ITEM.match(item) or "\t" in item or _ending(item)
                    or item.rstrip().endswith(":") or len(words(item)) > ITEM_MAX_WORDS
                    or _starts_lower(item)):  # a wrapped sentence's next line, no item of its own
                break
            run.append(below)
        if len(run) >= LEAD_IN_ITEMS:
            for below in run:
                marked[below] = f"- {lines[below].strip()}"
    return marked


SHORT_LINE_WORDS = 8  # a heading's or a sentence's first piece, cut off by a blank line


def _title_alone(first: str, following: str) -> bool:
    """A page's first line that reads as a title and stops well short of the line under it was not broken by the
    page's width: "Pelvic Ultrasound" over "screening and diagnosis ..." is the title, not a paragraph's head."""
    return _reads_as_title(first.strip()) and len(first.strip()) < WRAP_SLACK * len(following.strip())


def rejoin_wrapped(lines: list[str]) -> list[str]:
    """Join a line to the next when it leaves a bracket open or stops mid-sentence before a lower-case word."""
    joined: list[str] = []
    words_before = False  # a line with words stands before the last one: that one is not the page's first
    for line in items_under_colon(bulleted_items(lettered_items(lettered_sub_items(lines)))):
        if joined and line.strip() and joined[-1].strip() and not LIST_ITEM.match(line) \
                and "\t" not in line + joined[-1] and not CELL_LINE.match(joined[-1]):  # a table row or cell
            previous = joined[-1]
            open_bracket = previous.count("(") > previous.count(")")
            continues = (not SENTENCE_END.search(previous.rstrip()) and re.match(r"\s*\(?[a-záéíóúüñ]", line)
                         and not re.match(CREDIT_LINE, line.strip()))  # "iStock" under a picture's description
            if (open_bracket or continues) and (words_before or not _title_alone(previous, line)):
                joined[-1] = f"{previous.rstrip()} {line.strip()}"
                continue
        words_before = words_before or bool(joined and WORDY.search(joined[-1]))
        joined.append(line)
    return joined


# A paragraph's first word in plain lower case, as a sentence goes on ("your GP to be ..."); never a brand or a
# measure ("eGFR", "iStock", "mRNA") nor a web address ("www.site.org").
GOES_ON = re.compile(r"\s*[a-záéíóúüñ]+(?:[,;:]?\s|[,;:.]?$)")
CLOSED = re.compile(r"[.!?:;\"'”’)]$")
# A paragraph that stops mid-clause: on a comma, a word that waits for more (LEAD_IN_END: "to", "the", "of",
# "and", "include") or a possessive ("your"). A label ("Inactive ingredients") over lower-case text is not one.
UNFINISHED = re.compile(r"(?:,|\b(?:your|their|our|his|her|its|my|this|these|those|who|which|tu|tus|nuestro)\b)$",
                        re.IGNORECASE)


def sentence_goes_on(line: str, following: str) -> bool:
    """Whether paragraph `line` and the `following` one are one sentence split in two: it stops mid-clause
    and the next starts in plain lower case."""
    line, following = line.strip(), following.strip()
    if not line or CLOSED.search(line) or CELL_LINE.match(line) or LIST_ITEM.match(line) \
            or LIST_ITEM.match(following) or "\t" in line + following or not GOES_ON.match(following) \
            or re.match(CREDIT_LINE, following):
        return False
    return bool(UNFINISHED.search(line) or LEAD_IN_END.search(line))


def _paragraph_goes_on(lines: list[str], index: int) -> bool:
    """Whether the paragraph at lines[index] goes on in the one after a single blank line. A lower-case line
    with a list right under it, or with no closing mark and more lower-case text after it, is set into the
    sentence (an image's alt text over the list "such as" leads into), not its end."""
    if index + 2 >= len(lines) or lines[index + 1].strip() or not sentence_goes_on(lines[index], lines[index + 2]):
        return False
    under, after = (lines[at] if at < len(lines) else "" for at in (index + 3, index + 4))
    following = lines[index + 2].rstrip()
    inserted = not under.strip() and GOES_ON.match(after) and not SENTENCE_END.search(following) \
        and not (UNFINISHED.search(following) or LEAD_IN_END.search(following))
    return not (LIST_ITEM.match(under) or inserted)


def rejoin_split_paragraphs(lines: list[str]) -> list[str]:
    """Join a paragraph to the next over the blank line between when the sentence goes on there ("Your child
    needs 5 visits to" / "" / "your GP to be fully vaccinated."): said with a paragraph's pause, it breaks. The
    first line is the title, a block of its own."""
    joined = list(lines)
    index = next((i for i, line in enumerate(lines) if line.strip()), len(lines)) + 1
    while index < len(joined):
        if _paragraph_goes_on(joined, index):
            joined[index:index + 3] = [f"{joined[index].rstrip()} {joined[index + 2].strip()}"]
            continue
        index += 1
    return joined


# A browser title's publisher after a dash: "Sodium - Veterans Affairs".
PUBLISHER = re.compile(r"^(?P<title>.*?\S)\s+[-|–—]\s+[^-|–—:]{1,40}$")
DOCUMENT_TYPE_WORDS = 4  # "MEDICATION GUIDE", "PATIENT INFORMATION", "FACT SHEET"


def _reads_as_title(line: str) -> bool:
    """Short, no closing period, not a list item, opening with a capital."""
    opened = line.lstrip("¿¡«\"“")  # a Spanish question or exclamation opens with its mark
    return not (LIST_ITEM.match(line) or len(words(line)) > 20 or re.search(r"[.,;:]$", line)
                or not opened[:1].isupper())


# The site's header on a page's first line: a skip link ("Skip banner links and go to content", "Jump to main
# content"), the agency banner pasted after it or alone ("U.S. Department of Health & Human Services ...").
BANNER = re.compile(r"(?i)^(?:(?:skip|jump)\b.{0,40}?\bto (?:the )?(?:main |page |site )?(?:content|navigation)"
                    r"|skip navigation|(?:U\.?S\.? )?Department of Health\b|National Institutes of Health\b)")
BANNER_BLOCKS = 4  # how far below the banner the title is looked for, in lines standing alone


def _title_below_banner(lines: list[str], content: list[int]) -> tuple[str, list[str]]:
    """Below a site's banner the title is the first line that stands alone between blank lines and reads as one
    (the banner's other lines run together above it); the lines around it stay for the furniture rules."""
    alone = [i for i in content[1:] if not lines[i - 1].strip() and (i + 1 == len(lines) or not lines[i + 1].strip())]
    for index in alone[:BANNER_BLOCKS]:
        if _reads_as_title(" ".join(lines[index].split())):
            return " ".join(lines[index].split()), lines[:index] + lines[index + 1:]
    return "", lines


TITLE_MIN_WORDS = 3  # "6 symptoms you should never ignore": more than a number or a date's month


def _title_over_gap(first: str, content: list[int]) -> bool:
    """A first line set apart by a blank line may open with a number ("6 symptoms you should never ignore") or a
    brand written in lower case before a name ("healthdirect Symptom Checker"; "and then we left" is a
    sentence's piece): short, no closing stop, no list marker ("1."
    "1)"), and words enough to be more than a date or a count."""
    lettered = [w for w in words(first) if any(c.isalpha() for c in w)]
    return (content[1] > content[0] + 1 and first[:1].isalnum() and not LIST_ITEM.match(first)
            and len(lettered) >= TITLE_MIN_WORDS and len(words(first)) <= 20 and not re.search(r"[.,;:!]$", first)
            and (not first[:1].islower() or any(w[:1].isupper() and w[1:2].islower() for w in lettered[1:])))


def title_line(lines: list[str], debris: DebrisFilter | None = None) -> tuple[str, list[str]]:
    """The first line is the page's title when it reads like one. A document-type label in capitals over a name
    on the next line ("MEDICATION GUIDE" / "Antidepressant Medicines ...") gives the name; a publisher after a
    dash is left out when the next line repeats what is before it ("Sodium - Veterans Affairs" / "SODIUM")."""
    content = [i for i, line in enumerate(lines) if line.strip()]
    if len(content) < 2:
        return "", lines
    first, second = (" ".join(lines[i].split()) for i in content[:2])
    if BANNER.match(first):
        return _title_below_banner(lines, content)
    if first.endswith(":") and not LIST_ITEM.match(second) and _reads_as_title(first[:-1]):
        first = first[:-1].rstrip()  # "Patient discharge information:" over its text: a title, not a lead-in
    if not (_reads_as_title(first) or _title_over_gap(first, content)):
        return "", lines
    if (first.isupper() and len(words(first)) <= DOCUMENT_TYPE_WORDS and content[1] == content[0] + 1
            and _reads_as_title(second) and not second.isupper() and len(content) > 2):
        if debris is not None:
            debris.drop(first, "document type")
        return second, lines[content[1] + 1:]
    publisher = PUBLISHER.match(first)
    if publisher and publisher.group("title").casefold() == second.casefold():
        if debris is not None:
            debris.drop(first[publisher.end("title"):].strip(" -|–—"), "publisher in the title")
        return publisher.group("title"), lines[content[0] + 1:]
    return first, lines[content[0] + 1:]


def _loose_item(previous: Unit, number: str | None) -> bool:
    """A blank line after a lone item leaves it and the next one list (a loose list: a blank line between every
    two items) when the marks go on: another bullet after bullets, the next number after numbers. An item
    ending ':' opens a list of its own under it."""
    if previous.items[-1].endswith(":"):
        return False
    if previous.ordered:
        return number is not None and int(number) == previous.number + len(previous.items)
    return number is None


def _indent(line: str) -> int:
    """How far a pasted line is indented, a tab as four spaces."""
    line = line.expandtabs(4)
    return len(line) - len(line.lstrip())


def depths(indents: list[int]) -> tuple[int, ...]:
    """List items' nesting from their indentation: each deeper indentation a level further in; () when flat."""
    levels = sorted(set(indents))
    return tuple(levels.index(indent) for indent in indents) if len(levels) > 1 else ()


def units_from_lines(lines: list[str], debris: DebrisFilter) -> list[Unit]:
    """Non-blank lines -> paragraph units (one per line) and list units (runs of items), debris removed."""
    units: list[Unit] = []
    blank = True
    figure = False  # the last line read was a figure's link, left out
    credited = False  # the last line read was an image's credit, left out (its caption stood above it)
    run = 0  # list items read since the last blank line
    dropped = False  # the last line read was debris, left out whole
    for raw in cell_line_tables(tab_tables(lines)):
        if isinstance(raw, Block):
            units.append(Unit(kind="table", table=raw, blank_before=blank, mark=debris.mark()))
            blank = dropped = False
            continue
        if not WORDY.search(raw):  # blank, or a separator with nothing to say ("......", "----", "***", "|")
            blank = True
            continue
        line = " ".join(raw.split())
        match = LIST_ITEM.match(line)
        if match and not (NUMBERED_QUESTION.match(line)):
            item = debris.clean(match.group(2).strip())  # "- Print This Page" is debris as much as the line
            if not item:
                continue
            if units and units[-1].is_list and (not blank or (run == 1 and _loose_item(units[-1], match.group(1)))):
                units[-1].items.append(item)
                units[-1].indents.append(_indent(raw))
                run = 1 if blank else run + 1
            else:
                units.append(Unit(items=[item], ordered=match.group(1) is not None, blank_before=blank, kind="list",
                                  number=int(match.group(1) or 0), indents=[_indent(raw)],
                                  mark=debris.mark(), after_debris=dropped))
                run = 1
        elif cleaned := debris.clean(line):
            inner = EMPHASIZED.fullmatch(cleaned)
            units.append(Unit(text=inner.group(1).strip() if inner else cleaned, blank_before=blank,
                              emphasized=bool(inner), mark=debris.mark(), under_figure=figure, after_debris=dropped))
        else:
            dropped = True
            # a figure's link under its credit ("Credit: ..." then "Enlarge Image") comes after its caption, above
            figure = debris.last_was("figure link") and not credited
            credited = debris.last_was("image credit")
            if units and credited:
                units[-1].over_credit = True
            continue
        figure = credited = dropped = False
        blank = False
    return units


# On a page that puts citation numbers at clause ends ("cancer (3)."), the same marker after a word within a
# sentence ("young adults (3) but can occur") is one too; an enumerator follows a colon or semicolon instead.


def has_verb(label: str) -> bool:
    """Whether a short phrase reads as a clause: a noun phrase ends with its head noun, so a word in -s that
    another content word follows ("Hypoglycemia means low glucose", "Red cells carry oxygen") is a verb, or the
    subject before one. Prepositions, conjunctions and participles ("Cells lining the bladder") may follow a noun."""
    found = [w.casefold() for w in words(label)]
    return any(re.search(r"[^su]s$", word) and len(word) > 3 and following not in LINKS
               and not re.search(r"(?:ing|ed)$", following) for word, following in zip(found, found[1:]))


# Words that name an organization ("National Institute of ...", "American Heart Association", "NHS Trust"): the
# ones every pattern of organizations shares; each adds its own (plurals, "Clinic", "Ministry").
ORGANIZATION_WORDS = ("Institute", "Department", "Agency", "Association", "Society", "Foundation", "Council",
                      "Administration", "College", "Academy", "University", "Trust")


def organization_words(*extra: str) -> str:
    """An alternation of the shared organization words and a pattern's own."""
    return "(?:" + "|".join((*ORGANIZATION_WORDS, *extra)) + ")"


# A telephone number as a banner writes it: "0300 222 5800", "1-800-232-4636", "(608) 263-8009".
PHONE = re.compile(r"(?<!\w)(?:" + phone_run(5) + r")(?!\w)")


def text_key(text: str) -> str:
    """A line as lines are compared: case and spacing aside."""
    return " ".join(text.casefold().split())


def unit_lines(unit: Unit) -> list[str]:
    """A unit's lines: its items, or its one line."""
    return unit.items or [unit.text]


def is_body(unit: Unit) -> bool:
    """The article's own text: a list, a sentence, a long line or a run of names ("Swollen belly; Abdominal
    distention"); "Coronavirus (COVID-19)" is none of these."""
    return unit.is_list or bool(re.search(r"[.!?:;]$", unit.text)) or len(words(unit.text)) > 12 or "; " in unit.text
