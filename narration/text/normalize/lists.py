"""Spoken lists: a lead-in and its items said as one sentence, or as one line an item when they are long."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
import functools
from importlib import resources
import re
import string
import tomllib

from narration.text.lexicon import Lexicon, Report
from narration.text.normalize.numbers import UNITS
from narration.text.normalize.sentence import normalize
from narration.text.normalize.words import ordinary_word
from narration.text.sentences import helping_verbs, split_sentences


_LIST_MARK = re.compile(r"^\s*(?:[-–—*•·▪◦+>]|\(?\d{1,3}[.)]|\(?(?P<letter>[a-zA-Z])[.)](?=\s))\s+")
# An item's short label and the dash after it ("Fatigue – you may feel tired"); a second dash in the item's first
# sentence makes the pair an aside instead ("Your mood – and sleep – may change").
_LABEL_DASH = re.compile(r"^([A-Z][^\s,;:.!?()–—]*(?:\s+[^\s,;:.!?()–—-]+){0,5})\s+(?:–|—|--?)\s+(?=\w)(?![^.!?]*\s(?:–|—|--?)\s)")
_GENUS = re.compile(r"^\s*[A-Z]\.\s+[a-z]")  # "E. coli", "H. pylori": an abbreviated genus, not an item's letter


@dataclass(frozen=True)
class ListWords:
    """The words a spoken list is made of in one language: its ordinals, its "and" and "or", the articles lowered
    when an item runs on, the lead-ins that run straight into the items, and whether a comma comes before "and"."""

    ordinals: tuple[str, ...]
    number: str  # past the last ordinal: "Number {n}"
    and_word: str
    trailing_join: re.Pattern[str]  # an item's own closing "and"/"or" (group 1), with the marks around it
    articles: tuple[str, ...]
    lead_in: re.Pattern[str]
    serial_comma: bool = True
    join: Callable[[str, str], str] = lambda word, item: word  # the joining word as said before `item`
    # whether a capitalized first word is an ordinary word that a running list may lower ("Aging", not "Kenacort")
    plain_word: Callable[[str], bool] = lambda word: True
    or_word: str = "or"
    # an item that stops mid-phrase runs into its nested items ("a waist measurement of" / "35 inches or more");
    # after a word that takes one of them (a preposition, "is") they are said with "or", after a list's lead-in with "and"
    runs_on: re.Pattern[str] = re.compile(r"(?!)")
    listing: re.Pattern[str] = re.compile(r"(?!)")
    # a lead-in that introduces its items without a colon ("Examples include"): said as if it had one
    introduces: re.Pattern[str] = re.compile(r"(?!)")
    # an item that stops on a joining word ("to the other hand, then"; "forward and") goes on in the next item; a
    # bare "and"/"or" (group 1) before a last item that is a phrase is the list's own joiner ("eggs", "milk and", "meat")
    carries: re.Pattern[str] = re.compile(r"(?!)")
    # the words a lead-in cannot stop on before its colon ("Mail the form to:"): what follows completes it, list or not
    open_ends: tuple[str, ...] = ()


ENGLISH_LIST = ListWords(
    ordinals=tuple("First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth".split()),
    number="Number {n}", and_word="and",
    trailing_join=re.compile(r"[\s,;]*(?:\b(and|or))?[\s,;.]*$"),
    articles=("A", "An", "The"),
    # ... and a lead-in that stops mid-phrase ("depends on whether", "Goals are to") runs on into its items too
    lead_in=re.compile(r"\b(?:including|include|includes|such as|are|is|like|whether|if|when|that|to|of|on|for|"
                       r"with|from|by|about)$"),
    plain_word=ordinary_word,
    runs_on=re.compile(r"(?:,|\b(?:of|for|to|at|in|on|with|from|than|about|over|under|above|below|between|by|as|a|an|the"
                       r"|is|are|was|were|be|means|mean|include|includes|including|such as|like))$", re.I),
    listing=re.compile(r"(?:,|\b(?:are|were|include|includes|including|such as|like))$", re.I),
    introduces=re.compile(r"\b(?:include|includes|including|are|is|such as|like|following)$", re.I),
    carries=re.compile(r"(?:\bthen|(?<![,;])\s(and|or))\s*$", re.I),
    open_ends=tuple("to if is are was were be when that as by for with of from at in on into than and or whether where "
                    "because like".split()),
)


@functools.cache
def _longest_line() -> int:
    """The review's limit of words in a spoken sentence (narration/data/review.toml): a list joined into one
    sentence must stay under it."""
    data = tomllib.loads((resources.files("narration") / "data" / "review.toml").read_text(encoding="utf-8"))
    return int(data["limits"]["long_sentence_words"])


def _is_sentence(item: str) -> bool:
    """An item that reads as a sentence of its own: a few words from a capital (or digit) to a full stop. A
    lower-case item closed by a full stop is the last of a running list ("..., and / possible side effects.")."""
    item = item.strip().lstrip("*_\"'“(¿¡«")
    return bool(re.search(r"[.?!]$", item)) and len(item.split()) >= 3 and not item[:1].islower()


LABELLED = re.compile(r"^(?P<label>[^:]{1,60}):\s+\S")  # "Before a meal: 80 to 130 mg/dL"
LABEL_WORDS = 8


def _labelled(raw: Sequence[tuple[str, int]]) -> bool:
    """Items that each give a label and its value ("Before a meal: 80 to 130 mg/dL" / "Two hours after a meal: less
    than 180 mg/dL"): each is said as a sentence of its own; run together, one item's value ran into the next one's
    label ("130 milligrams per deciliter and two hours after ...")."""
    found = [LABELLED.match(item) for item, _ in raw]
    return len(raw) > 1 and all(m is not None and len(m.group("label").split()) <= LABEL_WORDS for m in found)


def _folds_into_lead(raw: Sequence[tuple[str, int]]) -> bool:
    """Whether a lead-in may run on into its items when they are sentences: only into a lone item of one sentence.
    Folded into the first of several (or into one of several sentences), that item would be said unlike the rest,
    and what follows it would sound like a stray fragment ("... may include: surgery. A clinical trial.")."""
    return len(raw) == 1 and len(split_sentences(raw[0][0])) <= 1


def _join_colons(pieces: list[tuple[str, int]], words: ListWords) -> list[tuple[str, int]]:
    """A piece ending in a colon (a lead-in, or an item that introduces the next ones, "It is used:") runs on
    into the next piece, so that it is never said as a finished or broken sentence ("... include." / "At
    this time."); the joined piece keeps the first one's place in the list."""
    joined: list[tuple[str, int]] = []
    for piece, place in pieces:
        if joined and joined[-1][0].endswith(":") and not _is_clause(joined[-1][0], piece):
            first, rest = re.match(r"(.*?[.?!](?=\s)|.*)(.*)", piece, re.S).groups()  # its first sentence decides
            joined[-1] = (f"{joined[-1][0]} {_lower_first(first, words)}{rest}",
                          joined[-1][1] if joined[-1][1] != LEAD else place)
        else:
            joined.append((piece, place))
    return joined


CLAUSE_WORDS = 4  # a label this long, with sentences after it, is a sentence of its own
# A lead-in that is a clause of its own ("Types include:", "These tests are used:"), not a fragment ("At this time:").
LEAD_VERB = re.compile(r"\b" + helping_verbs("include[sd]?", "including", "could", "used") + r"\b", re.IGNORECASE)
# A sentence that opens with its subject and finite verb: an auxiliary, or a verb in -s before its object ("M.R.I,
# magnetic resonance imaging, uses a magnet"); a subordinate or relative word ends the subject first.
SUBJECT_VERB = re.compile(r"^(?:(?!(?:if|when|that|which|who|whose|because|and|or)\b)[\w().'’,-]+\s+){1,8}?"
                          r"(?:is|are|was|were|has|have|can|could|may|might|must|should|will|would|"
                          r"[a-z]+[^\Wsu]s\s+(?:a|an|the|your|their|its|this|these|that|some|how|what|if|to))\b")


def _is_clause(lead: str, piece: str) -> bool:
    """Whether a list piece after a lead-in that is a clause itself ("Tests may include:") says a whole thing: a
    sentence with its own subject and verb ("Needle biopsy uses a needle ..."), or a label of a few words that
    sentences follow ("Sarcoma with BCOR changes. It forms ..."). The lead-in is then said on its own; a noun
    phrase ("Swollen glands in the neck.", "Astrocytoma. It is used:"), or any piece after a fragment ("At this
    time:"), runs on after the colon instead."""
    first, *rest = split_sentences(piece) or [""]
    return bool(LEAD_VERB.search(lead)) and (bool(SUBJECT_VERB.search(first))
                                              or (bool(rest) and len(first.split()) >= CLAUSE_WORDS))


def _lower_first(item: str, words: ListWords = ENGLISH_LIST, seen: frozenset[str] | None = None) -> str:
    """"Aging" -> "aging"; leave acronyms, "I" and multi-word proper names alone. In a running list (`seen`, the
    words its items write in lower case) a name stays too: "Kenacort" is neither an ordinary word nor among them."""
    found = item.split()
    if not found:
        return item
    core = found[0].rstrip(",;:.!?").lstrip("¿¡«")
    titled = core[:1].isupper() and core[1:].replace("'", "").islower()
    if core in words.articles:
        return _lower_at_first_letter(item)
    if not titled or any(w[:1].isupper() for w in found[1:] if len(w) > 3):
        return item
    if seen is not None and core.lower() not in seen and not words.plain_word(core):
        return item
    return _lower_at_first_letter(item)


def _unraised(written: str, said: str) -> str:
    """A word in capitals said as a word takes a capital where it opens a sentence ("PET scan" "Pet scan"); an
    item of a running list opens none, so that capital goes ("bracka 1"), unlike a name's own ("Kenacort")."""
    first = written.split(maxsplit=1)[0] if written.strip() else ""
    said_first = said.split(maxsplit=1)[0] if said.strip() else ""
    titled = said_first[:1].isupper() and said_first[1:].isalpha() and said_first[1:].islower()
    return _lower_at_first_letter(said) if len(first) > 1 and first.isupper() and titled else said


def _lower_at_first_letter(item: str) -> str:
    """Lower the first letter, past a Spanish opening mark ("¿Cuándo" -> "¿cuándo")."""
    at = len(item) - len(item.lstrip("¿¡«"))
    return item[:at] + item[at:at + 1].lower() + item[at + 1:]


def _ordinal(i: int, words: ListWords) -> str:
    return words.ordinals[i] if i < len(words.ordinals) else words.number.format(n=i + 1)


LEAD = -2  # a piece of a spoken list that says its lead-in only
TOGETHER = -1  # a piece that says several items (or all of them) in one sentence


def spoken_list(lead_in: str, items: Sequence[str], ordered: bool, lexicon: Lexicon,
                report: Report | None = None, link_phrase: str | None = None, *,
                say_with: Callable[..., str] | None = None, words: ListWords = ENGLISH_LIST, start: int = 1,
                depths: Sequence[int] = ()) -> str:
    """A lead-in and list items as spoken sentences: never "dash", always a natural list (in English, unless
    another language's normalizer `say_with` and list `words` are given)."""
    return " ".join(text for text, _ in list_pieces(lead_in, items, ordered, lexicon, report, link_phrase,
                                                     say_with=say_with, words=words, start=start, depths=depths))


def _unmarked(items: Sequence[str]) -> list[str]:
    """Items without their bullets and numbers. A capital and a full stop before a lower-case word ("E. coli")
    is an item's letter only in a lettered sequence ("A.", "B.", ...); alone it abbreviates a genus and is said.
    The dash after an item's label is said as a colon, a pause before its text, not a comma that runs them on."""
    letters = [(found["letter"] or "").lower() if (found := _LIST_MARK.match(item)) else "" for item in items]
    in_sequence = len(items) >= 2 and letters == list(string.ascii_lowercase[:len(items)])
    return [_LABEL_DASH.sub(r"\1: ", item.strip() if _GENUS.match(item) and not in_sequence
                                  else _LIST_MARK.sub("", item).strip()) for item in items]


def list_pieces(lead_in: str, items: Sequence[str], ordered: bool, lexicon: Lexicon,
                report: Report | None = None, link_phrase: str | None = None, *,
                say_with: Callable[..., str] | None = None, words: ListWords = ENGLISH_LIST,
                start: int = 1, depths: Sequence[int] = ()) -> list[tuple[str, int]]:
    """A spoken list in pieces of whole sentences, each with what it says: an item (by its position in
    `items`), the lead-in alone (LEAD), or several items together (TOGETHER). An ordered list counts from
    `start`, as its page numbers it (a list that goes on after a paragraph, "3." then "4."); `depths` are its
    items' nesting (see Block.depths)."""
    def say(text: str) -> str:
        return (say_with or normalize)(text, lexicon, report, link_phrase)

    raw = _with_sub_items(_unmarked(items), depths, words)
    raw = [(item, place) for item, place in raw if item.strip(" ,;.")]
    if not ordered:  # a numbered step keeps its number
        raw = _carry_on(raw, words)
    lead = say(lead_in) if lead_in.strip() else ""
    if report is not None and raw:
        report.rules["ordered list" if ordered else "list"] += 1
    if not raw:
        return [(lead, LEAD)] if lead else []
    if ordered and len(depths) == len(items) and any(depths[place] > min(depths) for _, place in raw):
        return _steps_with_sub_items(lead, raw, depths, lexicon, report, link_phrase, say_with, words, start)
    if any(_is_sentence(item) for item, _ in raw):
        spoken = [(say(item), place) for item, place in raw]
        spoken = [(s if s[-1:] in ".?!:" else s + ".", place) for s, place in spoken]
        if ordered:
            spoken = [(f"{_ordinal(n, words)}, {_lower_first(s, words)}", place)
                      for n, (s, place) in enumerate(spoken, start=start - 1)]
        head = re.sub(r"[;,]$", ".", lead)
        if head and head[-1] not in ".?!:":
            head += ":" if words.introduces.search(head) else "."
        if head and not _folds_into_lead(raw):
            pieces = [(head, LEAD), *_join_colons(spoken, words)]
        else:
            pieces = _join_colons([(head, LEAD), *spoken] if head else spoken, words)
        return [(p if p[-1:] in ".?!" or (p.endswith(":") and n < len(pieces) - 1) else p.rstrip(":") + ".", place)
                for n, (p, place) in enumerate(pieces)]
    if any(len(split_sentences(item)) > 1 for item, _ in raw) or _labelled(raw):  # several sentences, or "Label: value"
        return _item_lines(lead, raw, ordered, say, words, start)
    body = _phrase_list([item for item, _ in raw], ordered, say, words, start)
    if len(body.split()) > _longest_line():
        return _item_lines(lead, raw, ordered, say, words, start)
    if lead[-1:] not in ".?!" and len(f"{lead} {body}".split()) > _longest_line():  # a long lead-in: a line of its own
        head = lead if lead.endswith(":") else lead.rstrip(",;") + ":"
        return [(head, LEAD), (f"{body[:1].upper()}{body[1:]}.", TOGETHER)]
    if not lead:
        return [(body[:1].upper() + body[1:] + ".", TOGETHER)]
    if lead[-1] in ".?!":
        return [(lead, LEAD), (f"{body[:1].upper()}{body[1:]}.", TOGETHER)]
    if lead[-1] in ":,;" or words.lead_in.search(lead):
        return [(f"{lead} {body}.", TOGETHER)]
    return [(f"{lead}: {body}.", TOGETHER)]


def _with_sub_items(items: Sequence[str], depths: Sequence[int], words: ListWords) -> list[tuple[str, int]]:
    """Items with their places, where an item that stops mid-phrase ("a waist measurement of") takes its nested
    items into it as a series; other nested items stay items of their own, as the page lists them."""
    if len(depths) != len(items):
        depths = [0] * len(items)
    merged: list[tuple[str, int]] = []
    place = 0
    while place < len(items):
        end = place + 1
        while end < len(items) and depths[end] > depths[place]:
            end += 1
        nested = items[place + 1:end]
        if nested and all(d == depths[place] + 1 for d in depths[place + 1:end]) \
                and words.runs_on.search(items[place].rstrip()):
            merged.append((_run_into(items[place], nested, words), place))
            place = end
        else:
            merged.append((items[place], place))
            place += 1
    return merged


def _carry_on(raw: Sequence[tuple[str, int]], words: ListWords) -> list[tuple[str, int]]:
    """An item that stops on a joining word goes on in the next one, joined by that word alone ("to the other hand,
    then put the crutches ..."), never by the list's own "and" as well ("..., then; and put ...")."""
    merged: list[tuple[str, int]] = []
    for n, (item, place) in enumerate(raw):
        carried = words.carries.search(merged[-1][0]) if merged else None
        if carried and not (carried.group(1) and n == len(raw) - 1 and not _is_sentence(item)):
            merged[-1] = (f"{merged[-1][0].rstrip()} {_lower_first(item.strip(), words)}", merged[-1][1])
        else:
            merged.append((item, place))
    return merged


def _steps_with_sub_items(lead: str, raw: Sequence[tuple[str, int]], depths: Sequence[int], lexicon: Lexicon,
                          report: Report | None, link_phrase: str | None, say_with: Callable[..., str] | None,
                          words: ListWords, start: int) -> list[tuple[str, int]]:
    """A numbered list whose steps have items indented under them: only the steps are counted ("First, know your
    risk"), and each step's own items are said as its sub-list, with the step as their lead-in, never as "Second,
    talk to your family" and on up to "Number 20"."""
    top = min(depths)
    groups: list[tuple[tuple[str, int], list[tuple[str, int]]]] = []
    for item, place in raw:
        if depths[place] > top and groups:
            groups[-1][1].append((item, place))
        else:
            groups.append(((item, place), []))
    pieces = [(lead if lead[-1] in ".?!:" else lead.rstrip(",;") + ":", LEAD)] if lead else []
    for n, ((step, place), nested) in enumerate(groups, start=start - 1):
        said = f"{_ordinal(n, words)}, {_lower_first(step.strip(), words)}".rstrip(" ,;:.")
        if not nested:
            said = (say_with or normalize)(said, lexicon, report, link_phrase).rstrip(" ,;:")
            pieces.append((said if said[-1:] in ".?!" else said + ".", place))
            continue
        sub = list_pieces(said + ":", [item for item, _ in nested], False, lexicon, report, link_phrase,
                          say_with=say_with, words=words, depths=[depths[p] - top - 1 for _, p in nested])
        pieces += [(text, place if at == LEAD else at if at == TOGETHER else nested[at][1]) for text, at in sub]
    return pieces


def _run_into(item: str, nested: Sequence[str], words: ListWords) -> str:
    """ "a waist measurement of" + "35 inches or more for women" / "40 inches or more for men" -> "a waist
    measurement of 35 inches or more for women, or 40 inches or more for men": the nested items' own closing
    "and"/"or" joins them, else "or" after a word that takes one of them, "and" after a list's lead-in."""
    joins = [m.group(1) for n in nested if (m := words.trailing_join.search(n)).group(1)]
    joiner = joins[-1] if joins else words.and_word if words.listing.search(item.rstrip()) else words.or_word
    seen = frozenset(re.findall(r"(?<![\w'-])[a-z][\w'-]*", " ".join(nested)))
    said = [_lower_first(n[: words.trailing_join.search(n).start()] or n, words, seen).rstrip(" ,;:.") for n in nested]
    before = "," if words.serial_comma else ""
    series = ", ".join(said[:-1]) + f"{before} {words.join(joiner, said[-1])} {said[-1]}" if len(said) > 1 else said[0]
    closing = "." if nested[-1].rstrip().endswith(".") else ""
    return f"{item.rstrip()} {series}{closing}"


def _item_lines(lead: str, raw: Sequence[tuple[str, int]], ordered: bool, say: Callable[[str], str],
                words: ListWords, start: int = 1) -> list[tuple[str, int]]:
    """A list too long to say as one sentence (or whose items hold sentences): the lead-in on a line of its own,
    ending with its colon, then each item as a sentence of its own ("Call 999 if your child:" / "Has a stiff neck.")."""
    lines = []
    for n, (item, place) in enumerate(raw, start=start - 1):
        m = words.trailing_join.search(item)  # the item's own closing "or" joins nothing now
        said = say(item[: m.start()] or item).rstrip(" ,;:")
        said = f"{_ordinal(n, words)}, {_lower_first(said, words)}" if ordered else said[:1].upper() + said[1:]
        lines.append((said if said[-1:] in ".?!" else said + ".", place))
    if not lead:
        return lines
    return [(lead if lead[-1] in ".?!:" else lead.rstrip(",;") + ":", LEAD), *lines]


def _phrase_list(raw: Sequence[str], ordered: bool, say: Callable[[str], str], words: ListWords, start: int = 1) -> str:
    """Items that are phrases, said as one running list ("aging, a previous injury, and infection"; "a, b y c")."""
    joiner = words.and_word
    seen = frozenset(re.findall(r"(?<![\w'-])[a-z][\w'-]*", " ".join(raw)))  # words written in lower case
    cleaned: list[str] = []
    introduces = False  # the previous item ended in a colon: it runs on into this one ("such as: BRCA1")
    for item in raw:
        m = words.trailing_join.search(item)
        if m.group(1):
            joiner = m.group(1)
        text = _lower_first(_unraised(item, say(item[: m.start()] or item)).rstrip(" ,;:."), words, seen)
        if introduces:
            cleaned[-1] = f"{cleaned[-1]} {text}"
        else:
            cleaned.append(text)
        introduces = item.rstrip().endswith(":")
    if ordered:
        cleaned = [f"{_ordinal(n, words).lower()}, {c}" for n, c in enumerate(cleaned, start=start - 1)]
    sep = "; " if ordered or any("," in c for c in cleaned) else ", "
    said = words.join(joiner, cleaned[-1])
    if len(cleaned) == 1:
        return cleaned[0]
    if len(cleaned) == 2 and sep == ", ":
        return f"{cleaned[0]} {said} {cleaned[1]}"
    before = sep.rstrip() if words.serial_comma or sep == "; " else ""
    return sep.join(cleaned[:-1]) + f"{before} {said} {cleaned[-1]}"


def unit_words() -> frozenset[str]:
    """The words a unit is said as after a number ("milligrams", "millimeters"), lower-case: the numbers audit
    reads a unit as part of its number."""
    return frozenset(word.lower() for forms in UNITS.values() for form in forms for word in form.split()
                     if word != "of")
