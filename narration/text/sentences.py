"""Sentence splitting for written English and Spanish that knows titles, abbreviations, initials and decimals.

Spanish opening marks (¿ ¡ «) never end or start a sentence of their own: a question "¿Qué es ...?" is one
sentence, and a capital after an opening mark starts one.

A sentence is the unit of synthesis and of transcript cues, so "Dr. King" must never be cut in two.
"""
from __future__ import annotations

import bisect
import re

# Abbreviations that are never the last word of a sentence (they introduce what follows).
_NEVER_FINAL = frozenset(
    "dr drs mr mrs ms mx prof rev fr sr st mt gen sen rep gov capt col lt sgt "
    "vs v e.g i.e cf approx ca fig figs vol pp p dept univ natl intl".split()
) | frozenset(  # Spanish: Dra. Ruiz, Sra. Gómez, p. ej., aprox., EE. UU. (the first half), Tel., Avda.
    "dra dras dres sra sras sres srta lic lcda licda ing ud uds ej aprox núm pág tel av avda ee".split()
)
# A dotted initialism ("N.I.H.", "A.D.A.M.") mostly leads into a name ("the N.I.H. Clinical Center", "the U.S. Food
# and Drug Administration", "P.O. Box 12"); it ends a sentence when the next word is one that opens sentences, not
# names: a pronoun, a determiner, a conjunction, a preposition, a question word or a common imperative
# ("made in the U.S. Most people ...", "Ask the F.D.A. Call us"). Spanish ones too ("la O.M.S. La vacuna").
_SENTENCE_OPENERS = frozenset(
    "I You He She It We They This That These Those There Here The A An Most Many Much Some All Each Every Any No "
    "Not Our Your My His Her Its Their One Few Several Both Such Other Another Neither Either "
    "But And Or So Yet However Also Then Thus Still Even Only Instead If When Whenever While Because Although "
    "Though As After Before Since Until Unless Once In On At For From With Without By Of To During About Over "
    "Under Between Among Through Today Now Yesterday Tomorrow What Why How Who Whom Whose Where Which Do Does Did "
    "Is Are Was Were Can Could Should Would Will May Might Must Has Have Had "
    "Ask Call Talk Tell Take Get Go See Keep Make Use Don't Read Visit Learn Find Contact Check Stop Avoid Try Be "
    "Let Please Follow Give Eat Drink Wash".split()
) | frozenset(
    "El La Los Las Un Una Unos Unas Es Son Se No Por Para En Con Si Cuando Pero Y Este Esta Estos Estas Usted "
    "Ellos Ellas Su Sus Hay Pregunte Llame Hable".split()
)
# Words that open a sentence when a comma follows them ("First, ..."), though they begin names too ("First Lady").
_TRANSITIONS = frozenset("First Second Third Fourth Fifth Next Last Lastly Later Meanwhile Overall Again Otherwise "
                         "Therefore Furthermore Moreover Additionally Similarly Likewise Finally Besides Indeed "
                         "Nevertheless Nonetheless Hence Sometimes Often Usually Typically Generally Rarely "
                         "Fortunately Unfortunately Importantly Currently Recently Previously Together Afterward "
                         "Afterwards Eventually Initially Primarily Specifically Ideally Alternatively".split())
# The helping verbs that make a clause of words around them ("Types include", "which may", "Patients can"):
# the ones every test of a clause shares; each adds its own.
HELPING_VERBS = frozenset("is are was were can may might will would should must has have".split())


def helping_verbs(*extra: str) -> str:
    """An alternation of the helping verbs and a pattern's own words, for a regular expression."""
    return "(?:" + "|".join((*sorted(HELPING_VERBS), *extra)) + ")"


# A capitalized word that a verb follows is a sentence's subject ("the U.K. Patients can ...", "Doctors say").
_SUBJECT_VERBS = HELPING_VERBS | frozenset("could do does did had need say said says found find show shows showed "
                                           "think".split())
_CAPITAL_INITIALS = re.compile(r"^(?:[A-Z]\.){2,}$")
# Abbreviations that end no sentence when a number follows ("Oct. 2, 2024", "Fig. 3").
# "No. 5" is "number 5", while "No." before a word ends a sentence ("Does it hurt? No. It does not.").
_BEFORE_NUMBER = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec no nos".split())
# Time zones that follow a time ("5 p.m. ET"): the time's "p.m." does not end the sentence before them.
TIME_ZONES = {"ET": "Eastern Time", "EST": "Eastern Standard Time", "EDT": "Eastern Daylight Time",
              "CT": "Central Time", "CST": "Central Standard Time", "CDT": "Central Daylight Time",
              "MT": "Mountain Time", "MST": "Mountain Standard Time", "MDT": "Mountain Daylight Time",
              "PT": "Pacific Time", "PST": "Pacific Standard Time", "PDT": "Pacific Daylight Time",
              "GMT": "Greenwich Mean Time", "UTC": "U.T.C"}
# A time zone's name after a time ("8 p.m. Eastern Time") continues the sentence as its abbreviation does.
_ZONE_WORDS = frozenset("Eastern Central Mountain Pacific Atlantic Alaska Hawaii Greenwich".split())
# "diet.A heart-healthy diet", "Exercise.The": a full stop glued to the next sentence (a lost space) still
# ends it; a lower-case word after the dot ("Cancer.gov") or capitals ("Node.JS") do not.
_GLUED = re.compile(r"(?<=[a-z]{2}[.?!])(?=[A-Z](?:[a-z]+\b|\s))")

# Possessive quantifiers and the look-behind make every candidate start at the first mark of a run, so a
# line of 200,000 dots is scanned once instead of once per dot (the splitter stays linear).
_CANDIDATE = re.compile(r"((?<![.?!])\.{3}|…|(?<![.?!])[.?!]++)([\"'”’»)\]]*+)(\s++)(?=\S)")
_INITIAL = re.compile(r"^[A-Z]\.$")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.){2,}$")
# The text before a sentence's first word ends so (searched up to that word's position).
SENTENCE_START = re.compile(r"(?:^|[.?!]\s)[\s\"'“(]*\Z")
_OPENERS = "\"'“‘([¿¡«"
_OPENER_RUN = re.compile(r"[\"'“‘(\[¿¡«]*+")
_WORD = re.compile(r"\S+")


class WordIndex:
    """Where the words of a text start and end, so the words before any position are found without
    rescanning the text (a rescan per match makes a pass quadratic on a line of many short words)."""

    def __init__(self, text: str) -> None:
        self.text = text
        spans = [m.span() for m in _WORD.finditer(text)]
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]

    def before(self, pos: int, count: int) -> list[str]:
        """The last `count` words of text[:pos], as text[:pos].split()[-count:] gives them."""
        last = bisect.bisect_left(self.starts, pos) - 1
        first = max(last - count + 1, 0)
        return [self.text[self.starts[i]:min(self.ends[i], pos)] for i in range(first, last + 1)]


class _Line:
    """One line being split into sentences."""

    _LOOK_BACK = 48  # characters that almost always hold the two words before a full stop

    def __init__(self, text: str) -> None:
        self.text = text
        self._index: WordIndex | None = None  # built only for a line of very long words

    def words_before(self, end: int) -> tuple[str, str]:
        """The word ending at `end` (terminator included) and the word before it, openers stripped."""
        start = max(0, end - self._LOOK_BACK)
        words = self.text[start:end].split()
        if start > 0 and len(words) < 3:  # the window may have cut the first word: look it up
            self._index = self._index or WordIndex(self.text)
            words = self._index.before(end, 2)
        words = [w.lstrip(_OPENERS) for w in words[-2:]]
        return (words[-1], words[0] if len(words) == 2 else "")

    def starts_sentence(self, pos: int) -> bool:
        """Whether the text at `pos` can begin a sentence (capital letter, digit or opening mark)."""
        first = _OPENER_RUN.match(self.text, pos).end()
        return first < len(self.text) and (self.text[first].isupper() or self.text[first].isdigit())


def _acronym_before_words(stem: str, following: str) -> bool:
    """"MS." before "First" is multiple sclerosis ending a sentence, not "Ms.": a title in capitals is written so
    only in a line typed in capitals ("MS. JONES"), where the next word is in capitals too."""
    return len(stem) > 1 and stem.isupper() and not following.isupper()


def _opens_sentence(words: list[str]) -> bool:
    """Whether the words after a dotted initialism start a sentence (see _SENTENCE_OPENERS), not a name; a
    transition word with its comma opens one too ("the U.S. First, ...", unlike "the U.S. First Lady")."""
    first = words[0].lstrip(_OPENERS).rstrip(",.;:") if words else ""
    transition = words[0].endswith(",") and (first in _TRANSITIONS or first.endswith("ly")) if words else False
    return (first in _SENTENCE_OPENERS or transition
            or len(words) > 1 and words[1].rstrip(",.;:") in _SUBJECT_VERBS)


# A line's own number ("2. How do hormones work?"): it goes with the line, never a sentence of its own.
_ENUMERATOR = re.compile(r"\s*\d{1,2}")


def _is_boundary(line: _Line, m: re.Match[str], spoken: bool = False) -> bool:
    """Decide whether a terminator followed by whitespace really ends a sentence (see split_sentences for
    `spoken`)."""
    if not line.starts_sentence(m.end()) or _ENUMERATOR.fullmatch(line.text, 0, m.start(1)):
        return False
    mark = m.group(1)
    if mark != ".":
        return True
    word, before = line.words_before(m.end(1))
    stem = word[:-1].lower()
    after = line.text[m.end():m.end() + 16].split(maxsplit=1)
    following = after[0].rstrip(",.;:") if after else ""
    if stem in _NEVER_FINAL and not _acronym_before_words(word[:-1], following):
        return False
    if _CAPITAL_INITIALS.match(word):
        return spoken or _opens_sentence(line.text[m.end():m.end() + 40].split(maxsplit=2))
    if stem in _BEFORE_NUMBER and following[:1].isdigit():
        return False
    if stem in ("a.m", "p.m") and (following in TIME_ZONES or following in _ZONE_WORDS):
        return False
    if _INITIAL.match(word):
        if after and _INITIAL.match(after[0]):
            return False  # "the U. S. Food": an initial followed by another is a run of initials
        # "Tari A. King": an initial after a capitalized name or at the start is not an end.
        return bool(before) and not before[:1].isupper()
    return True


def ends_sentence(text: str, at: int) -> bool:
    """Whether the full stop at `at` ends a sentence that more text follows, by the splitter's own rules (a rule
    that rewrites "5 mg." or "8 p.m." asks, to keep the stop where a sentence ends)."""
    m = _CANDIDATE.match(text, at)
    return m is not None and _is_boundary(_Line(text), m)


def split_sentences(text: str, spoken: bool = False) -> list[str]:
    """Split a paragraph into sentences; line breaks always end a sentence. In `spoken` text (a script, normalize's
    output) spelled letters have no final dot ("the U.S Food", "A.D 1500"): one that has it ends a sentence
    ("with A.D. Dance to ..." was "with AD. Dance"), as the voice's phonemizer ends it there too."""
    sentences: list[str] = []
    for text_line in text.splitlines():
        text_line = _GLUED.sub(" ", text_line)
        line = _Line(text_line)
        start = 0
        for m in _CANDIDATE.finditer(text_line):
            if _is_boundary(line, m, spoken):
                sentences.append(text_line[start:m.end(2)].strip())
                start = m.end()
        sentences.append(text_line[start:].strip())
    return [s for s in sentences if s]


# Where a long sentence may be cut, best first; group 1 is the punctuation the first piece keeps.
_CLAUSE_BREAKS = (re.compile(r"([;:])\s+"), re.compile(r"(,)\s+"),
                  re.compile(r"()\s+(?=(?:and|or|but|which|that|including)\s)"), re.compile(r"()\s+"))


def clause_pieces(sentence: str, max_chars: int) -> list[str]:
    """A sentence longer than max_chars cut into pieces at clause breaks (semicolons and colons first, then
    commas, then before a conjunction, then any space), each cut as near the middle as the breaks allow.

    A neural voice's working memory grows with the longest text it speaks at once, so bounding the piece
    bounds the build's memory whatever the article holds (a flattened table, a long list)."""
    if len(sentence) <= max_chars:
        return [sentence]
    middle = len(sentence) / 2
    for pattern in _CLAUSE_BREAKS:
        cuts = [m for m in pattern.finditer(sentence) if 0 < m.start() and m.end() < len(sentence)]
        if cuts:
            cut = min(cuts, key=lambda m: abs(m.end() - middle))
            # the piece ends on its own punctuation: a pause, not a stop
            head, tail = sentence[:cut.start()].rstrip() + cut.group(1), sentence[cut.end():]
            return clause_pieces(head, max_chars) + clause_pieces(tail, max_chars)
    return [sentence[i:i + max_chars] for i in range(0, len(sentence), max_chars)]  # one unbroken "word"
