"""Brackets whose two commas would be heard as items of a series, decided on the text as written: later rules
rewrite numbers, units and capitals ("(kg)", "(II)", "(HYPERTENSION)"), after which a unit or a numeral looks
like any short lower-case word. Every other bracket is left to the punctuation rules (said between commas)."""
from __future__ import annotations

import re

from narration.text.english_counts import syllables
from narration.text.lexicon import Report
from narration.text.normalize.words import ordinary_word
from narration.text.sentences import HELPING_VERBS, ends_sentence

_BRACKET = re.compile(r"(?:(?<=[A-Za-z])|(?<=[A-Z]\.))\s+\(([^()\n]{1,200})\)")  # after a word, or "I.V."

# A gloss: one to four lower-case ordinary words ("gastric", "loss of appetite"); a unit ("kg") is no ordinary
# word. Not a gloss: an aside that opens with a little word ("see below", "if needed", "such as ..."), a pair
# ("children and adults"), or a qualifier ("optional", "rare").
_GLOSS = re.compile(r"[a-z][a-z'-]*(?: [a-z][a-z'-]*){0,3}")
_NOT_GLOSS_START = frozenset("""a an the see e.g i.e eg ie such also called known including include like or and for if in on
    at to with without from by about as not only usually often sometimes especially mainly mostly which who that this
    these those it they we you he she there here where when while after before during per each every all any some
    more less most least very plus than page click read call ask visit go""".split())
_NOT_GLOSS_WORDS = HELPING_VERBS | frozenset("""and or be been do does did had optional rare common uncommon mild
    moderate severe serious recommended required needed preferred approximate approx estimated typical usual free
    new updated pictured shown left right above below ongoing temporary permanent daily weekly monthly yearly first second last etc""".split())
# The text runs on past the bracket into its noun or the next item of a series: "(gastric) cancer", "(dye), some";
# not into a little word ("recurred (come back) after remission": no series to mistake it for).
_RUNS_ON = re.compile(r"\s*(?:,|(?:and|or)\b|(?P<word>[a-z]+)\b)")

# A brand name: capitalized words that are no ordinary words ("Hygroton", "Esidrix and HydroDIURIL") after a
# lower-case word that is none either (a generic drug's name: "chlorthalidone"); "(Boston)" after "city" is no brand.
_BRAND = re.compile(r"[A-Z][A-Za-z-]*[a-z][A-Za-z-]*®?(?:(?:,? (?:and|or)|,) [A-Z][A-Za-z-]*[a-z][A-Za-z-]*®?)*")

# A clause of its own ("signs include redness, swelling, and pain"): a subject, then a finite verb among the first
# words. Between commas its own commas and the "and" after it sound like one series; it is said as a sentence
# after the one it stood in. An aside that opens with a little word ("which is rare", "if needed") is no sentence.
_VERBS = HELPING_VERBS | frozenset("include includes included means mean had does do did".split())
_NOT_CLAUSE_START = frozenset("""see e.g i.e eg ie such also called known including include like or and but nor for
    if in on at to with without from by about as not only which who whom whose that when while where after before
    during because although unless so whether per than plus especially mainly mostly usually often sometimes""".split())
_SENTENCE_END = re.compile(r"[.!?]")


def _runs_on(after: str) -> bool:
    """Whether the sentence goes on past the bracket into a noun or the next item, not into a little word."""
    m = _RUNS_ON.match(after)
    return m is not None and m.group("word") not in _NOT_GLOSS_START | _NOT_GLOSS_WORDS


def _gloss(inner: str, after: str) -> bool:
    """Whether a bracket holds another name for the word before it ("anorexia (loss of appetite)")."""
    words = inner.replace("-", " ").split()
    return (_GLOSS.fullmatch(inner) is not None and _runs_on(after)
            and words[0] not in _NOT_GLOSS_START and not _NOT_GLOSS_WORDS.intersection(words)
            and all(ordinary_word(word.strip("'")) for word in words))


def _gloss_word(inner: str, before: str, after: str) -> str:
    """How a gloss is introduced: "or" inside a noun phrase ("liver, or hepatic, disease"); where the text runs on
    into a series ("detect (find), diagnose", "pregnant (gestational diabetes) or gave birth") "or X" sounds like
    one more item, so it is "called X" when the gloss is the harder word, the term for the plain one before it,
    and "meaning X" when it explains the word before it."""
    m = _RUNS_ON.match(after)
    if m is not None and m.group("word"):
        return "or"
    hardest = max(syllables(word) for word in inner.replace("-", " ").split())
    return "called" if hardest > syllables(before.strip(".,;:")) else "meaning"


def _brand(inner: str, before: str) -> bool:
    """Whether a bracket holds the brand names of the generic drug named before it."""
    names = re.findall(r"[A-Z][\w-]*", inner)
    return (_BRAND.fullmatch(inner) is not None and before.isalpha() and before.islower()
            and not ordinary_word(before) and not any(ordinary_word(name) for name in names))


def _clause(inner: str) -> bool:
    """Whether a bracket holds a sentence of its own ("signs include heat, redness, and pain")."""
    words = inner.split()
    return (len(words) >= 3 and words[0].isalpha() and words[0].lower() not in _NOT_CLAUSE_START
            and any(word in _VERBS for word in words[1:3]))


def _sentence_end(text: str, start: int) -> int | None:
    """Where the sentence that goes on at `start` ends: just after its full stop, or None when it has none."""
    for m in _SENTENCE_END.finditer(text, start):
        if not text[m.end():].strip(" \"'”’)") or ends_sentence(text, m.start()):
            return m.end()
    return None


def _said_apart(text: str, m: re.Match[str]) -> str | None:
    """The text with a clause aside moved out to a sentence of its own after its sentence, or None."""
    rest = text[:m.start()] + text[m.end():]
    end = _sentence_end(rest, m.start())
    if end is None:
        return None
    inner = m.group(1).strip()
    sentence = inner[0].upper() + inner[1:] + ("" if inner[-1] in ".!?" else ".")
    return f"{rest[:end]} {sentence}{rest[end:]}"


# A bracket of examples that holds a list of its own ("(such as hurricanes, floods, or fires)"). Said between commas
# inside an outer series ("natural disasters (...) or acts of violence"), the next item sounds like one more example:
# the examples are said after the sentence, "Examples of natural disasters are hurricanes, floods, or fires."
# One example said between commas before the comma of an outer series ("chest infections (including pneumonia),
# dental abscesses and skin infections") sounds like the head of the items after it: it is said after the sentence too.
_EXAMPLES = re.compile(r"(?:such as|including|like|e\.g\.|eg|for example),?\s+(?P<items>.+)", re.I)
_SERIES = re.compile(r",|\b(?:and|or)\b")
_OUTER_SERIES = re.compile(r"\s*(?:(?:and|or)\b|,(?=[^.;:!?]*\b(?:and|or|as well as)\b))")
# Words before a bracket that its noun phrase does not reach back across ("like natural disasters", "or acts of
# violence"; "of" stays inside the phrase); a determiner is left out ("Examples of disasters", not "of the").
_PHRASE_STOPS = frozenset("""like such as including or and nor the a an this these those some any all your our
    their his her its my with without in on at to for from by about after before during into than""".split())
# Words that show the phrase is no noun phrase: a verb or a relative clause ("you take drugs", "people who smoke").
_PHRASE_BREAKS = HELPING_VERBS | frozenset("who whom whose which that where when if because be been had could do does "
                                            "did".split())
_PHRASE_WORDS = 4
# Examples that open with one of these are times, places or conditions, not things of the kind named ("at noon").
_NOT_THINGS = frozenset("with without in on at to for from by about after before during into when if while".split())


def _example_head(before: str) -> str:
    """The noun phrase a bracket of examples follows ("natural disasters"), found back to a comma, a conjunction, a
    determiner or a preposition; '' when none is (the sentence's start or a verb comes first: "Take drugs")."""
    words: list[str] = []
    for word in reversed(before.split()):
        if word.endswith((",", ";", ":")) or word.lower() in _PHRASE_STOPS:
            return " ".join(words) if words and words[-1].isalpha() else ""
        if word.lower() in _PHRASE_BREAKS or len(words) == _PHRASE_WORDS:
            return ""
        words.insert(0, word)
    return ""


def _inside_series(sentence: str, m: re.Match[str], items: str) -> bool:
    """Whether a bracket of examples sits inside an outer series where its bounds would not be heard: a list of its
    own before any next item, a shorter one before a comma that goes on with the series."""
    return ("," in items or sentence[m.end():m.end() + 1] == ",") and _OUTER_SERIES.match(sentence, m.end()) is not None


def _sentence_examples(sentence: str) -> tuple[str, int]:
    """One sentence with its lists of examples said after it when one of them sits inside an outer series."""
    found = [(m, items.group("items"), _example_head(sentence[:m.start()])) for m in _BRACKET.finditer(sentence)
             if (items := _EXAMPLES.fullmatch(m.group(1).strip()))]
    found = [(m, items, head) for m, items, head in found if head and items.split()[0].lower() not in _NOT_THINGS]
    if not any(_inside_series(sentence, m, items) for m, items, _ in found):
        return sentence, 0
    kept, position, after = [], 0, []
    for m, items, head in found:
        kept.append(sentence[position:m.start()])
        position = m.end()
        head = head[0].lower() + head[1:] if head[1:2].islower() else head
        after.append(f"Examples of {head} are {items}." if _SERIES.search(items) else f"One example of {head} is {items}.")
    said = ("".join(kept) + sentence[position:]).rstrip()
    said += "" if said[-1:] in ".!?" else "."
    return f"{said} {' '.join(after)}{sentence[len(sentence.rstrip()):]}", len(after)


def _examples_apart(text: str, report: Report | None = None) -> str:
    """Lists of examples in brackets inside an outer series said after their sentence (see _EXAMPLES)."""
    said, start = [], 0
    while start < len(text):
        end = _sentence_end(text, start) or len(text)
        sentence, moved = _sentence_examples(text[start:end])
        said.append(sentence)
        if moved and report is not None:
            report.rules["aside"] += moved
        start = end
    return "".join(said)


# An abbreviation in brackets inside a name in capitals, before the name's last words ("Over-the-Counter (OTC)
# Medicine"): said between commas it cuts the name in two ("Over-the-Counter, O.T.C, Medicine"); the whole name is
# said first, then the short one with the same last words: "Over-the-Counter Medicine, or OTC Medicine". Only when
# those words end the name: a longer name ("NIH Office of Dietary Supplements") is a name of its own, and one that
# goes on with "and" ("Tuberculosis (TB) Prevention and Care") names the first word only: "Tuberculosis, or TB, ...".
_LITTLE_CAPITALS = r"(?!(?:And|Or|Of|The|A|An|In|On|At|To|For|With|By|From|Is|Are)\b)"
_HEAD_WORD = _LITTLE_CAPITALS + r"[A-Z][a-z]+(?:-[A-Za-z]+)*\b"
_ABBREVIATION_IN_NAME = re.compile(r"\b(?P<before>[A-Z][\w'-]*[a-z])\s+\((?P<short>[A-Z]{2,6}s?)\)\s+"
                                   rf"(?P<head>{_HEAD_WORD}(?:\s+{_HEAD_WORD}){{0,2}})(?!\s+(?:[A-Z]|(?:of|for)\s+[A-Z]))"
                                   r"(?P<on>\s+(?=\w))?")
_LONGER_NAME = re.compile(r"\s+(?:and|&)\s+[A-Z]")
# A short term opening the text, then a double hyphen or a dash and a definition in capitals ("Generic Drug--A drug
# sold under ..."): a glossary's entry, said with a colon's pause after the term, not a comma that runs it into the
# definition's first words.
_TERM_DASH = re.compile(r"^(?P<term>[A-Z][^.;:!?()\n]{0,80}?[\w)])\s*(?:--|—)\s*(?=[A-Z](?:[a-z]|\s))")
_TERM_WORDS = 8


def _names_abbreviated(text: str, report: Report | None) -> str:
    """Abbreviations inside a name said after it (see _ABBREVIATION_IN_NAME)."""
    def said(m: re.Match[str]) -> str:
        if report is not None:
            report.rules["aside"] += 1
        if _LONGER_NAME.match(m.string, m.end("head")):
            return f"{m['before']}, or {m['short']}, {m['head']}{' ' if m['on'] else ''}"
        return f"{m['before']} {m['head']}, or {m['short']} {m['head']}{', ' if m['on'] else ''}"

    return _ABBREVIATION_IN_NAME.sub(said, text)


def _term_defined(text: str, report: Report | None) -> str:
    """A glossary's "Term--Definition" said "Term: Definition" (see _TERM_DASH)."""
    m = _TERM_DASH.match(text)
    if m is None or len(m["term"].split()) > _TERM_WORDS:
        return text
    if report is not None:
        report.rules["dash"] += 1
    return f"{m['term']}: {text[m.end():]}"


# A heading or label that closes on a bracket holding a pair ("Fatigue (tiredness and weakness)"): between commas
# the pair sounds like two more things; after a colon it describes the words before it.
_CLOSING_PAIR = re.compile(r"(?P<head>[^.!?:;()\n]*[A-Za-z])\s+\((?P<inner>[^()\n]*\b(?:and|or)\b[^()\n]*)\)\s*")


def _closing_pair(text: str) -> str:
    """A heading's closing bracket of a pair said after a colon (see _CLOSING_PAIR)."""
    m = _CLOSING_PAIR.fullmatch(text)
    return f"{m.group('head')}: {m.group('inner').strip()}" if m else text


# A description in brackets ("tube from the throat to the stomach", "chest pain or pressure") before the comma or
# semicolon of a list whose items a semicolon parts: between commas it sounds like one more item. A choice of two
# words ("fresh or frozen") qualifies rather than describes.
_DESCRIPTION = re.compile(r"(?![a-z'-]+ (?:or|and) [a-z'-]+$)[a-z][a-z' -]*")


def _list_gloss(inner: str, text: str, after: str) -> bool:
    """Whether a bracket describes the word before it inside a semicolon list (said "that is, X")."""
    return (";" in text and _DESCRIPTION.fullmatch(inner) is not None and re.match(r"\s*[,;]", after) is not None
            and inner.split()[0] not in _NOT_GLOSS_START and not _clause(inner))


def said_asides(text: str, report: Report | None = None) -> str:
    """Say a gloss "X, or Y," (see _gloss_word), a brand name "X, brand name Y," and a clause aside as a sentence of its own."""
    text = _term_defined(_names_abbreviated(_closing_pair(text), report), report)
    text = _examples_apart(text, report)
    position = 0
    while (m := _BRACKET.search(text, position)) is not None:
        inner, after = m.group(1).strip(), text[m.end():]
        before = text[:m.start()].split()[-1]
        said: str | None = None
        if _gloss(inner, after):
            said = f"{text[:m.start()]}, {_gloss_word(inner, before, after)} {inner},{text[m.end():]}"
        elif _brand(inner, before):
            label = "brand names" if re.search(r",|\b(?:and|or) [A-Z]", inner) else "brand name"
            said = f"{text[:m.start()]}, {label} {inner},{text[m.end():]}"
        elif _clause(inner):
            said = _said_apart(text, m)
        elif _list_gloss(inner, text, after):
            said = f"{text[:m.start()]}, that is, {inner}{text[m.end():]}"
        if said is None:
            position = m.end()
            continue
        if report is not None:
            report.rules["aside"] += 1
        position = m.start() + 1
        text = said
    return text
