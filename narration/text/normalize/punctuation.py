"""Punctuation for the ear: quotations, dashes, brackets, slashes and symbols become words or pauses."""
from __future__ import annotations

import re

from narration.text.normalize.base import Rule, at_end, next_char, words_before


_LONG_QUOTE_WORDS = 6
_QUOTATION = re.compile(r"[“\"]([^“”\"]+?)([,.;:?!]?)[”\"]([,.;:?!]?)")
# 'blood thinners': single quotes used as quotation marks open before a word and close after one; an apostrophe
# inside a word ("don't") or closing a plural possessive ("patients' rights", never opened) is no quotation mark.
_SINGLE_QUOTATION = re.compile(r"(?<![\w.'])'(?=\w)((?:[^'\n]|(?<=\w)'(?=\w))+?)([,.;:?!]?)'(?![\w'])([,.;:?!]?)")


def quoted(m: re.Match[str], words: tuple[str, str] = ("quote", "end quote")) -> str:
    """A listener hears where a quotation starts and ends: a long one is framed by "quote" and "end quote",
    a short one ("no pain, no gain") is a clause of its own between pauses; a word or two in quotes
    ("friendly", "Supportive Care") is a name or a scare quote, read on without a pause."""
    inner, inside, after = m.group(1).strip(), m.group(2), m.group(3)
    if len(inner.split()) <= 2:
        return f" {inner}{inside}{after} "
    # A question or exclamation mark inside is the quotation's own ("go to "How Is It Treated?""): it stays
    # with it, and the sentence ends with its own mark, a full stop where the quotation closes it.
    asks = inside if inside in "?!" else ""
    end = after or ("." if inside == "." or (asks and at_end(m)) else "")
    if len(inner.split()) >= _LONG_QUOTE_WORDS:
        return f", {words[0]}, {inner}{asks}, {words[1]}{end or ','} "
    return f", {inner}{asks}{'' if asks and end == '.' else end or ','} "


# Words a slash offers as a choice even before a noun ("yes/no questions", "his/her doctor", "a male/female
# patient", "a pass/fail grade"): pronouns, answers, opposites and spans of time.
_CHOICE_WORDS = frozenset(
    "he she his her him hers they them their s yes no true false on off pass fail male female positive negative "
    "high low left right upper lower before after in out up down open closed old new first second day night week "
    "month year hour minute morning evening daily weekly monthly either or and not".split())
# Words after the pair that show it describes no noun: a verb, a preposition, a conjunction, an adverb.
_NOT_A_HEAD = frozenset(
    "is are was were be been can may will should could would might must do does did has have had of to in for with "
    "on at by from as that which who than if but not or and nor per each every a an the about into over under "
    "after before when while during until without within through because so too also again twice once now then "
    "today first right here there".split())
_PAIR_AND_HEAD = re.compile(r"\s?([a-z]+)\s+([a-z]+)")


def _compound_pair(m: re.Match[str]) -> bool:
    """"a multivitamin/mineral supplement", "drug/alcohol use", "the doctor/patient relationship": two lower-case
    words that together describe the noun after them name one combined kind; "or" would offer a choice the
    writer did not."""
    before = words_before(m, 1)
    pair = _PAIR_AND_HEAD.match(m.string, m.end())
    if not before or pair is None or not before[0].isalpha() or not before[0].islower():
        return False
    left, right, head = before[0], pair.group(1), pair.group(2)
    return not {left, right} & _CHOICE_WORDS and head not in _NOT_A_HEAD and not head.endswith("ly")


def slashed(m: re.Match[str], words: tuple[str, str] = (" and ", " or ")) -> str:
    """"Dana-Farber/Brigham" joins two institutions' names ("and"), "multivitamin/mineral supplement" two kinds in
    one (see `_compound_pair`); "yes/no" and "Keywords/Phrases" offer a choice ("or"). A hyphenated capitalized
    name on the left is what marks the institutions."""
    before = words_before(m, 1)
    names = bool(before) and before[0][:1].isupper() and "-" in before[0] and next_char(m).isupper()
    return words[0] if names or _compound_pair(m) else words[1]


# Words that a compound's en dash never joins: "near you–even young children" is a dash set where an em dash
# would be, a pause; "transcription–polymerase", "risk–benefit" join two names of things.
_NOT_COMPOUND = frozenset("""i you he she it we they me him her us them this that these those a an the some any each
    every all no not even especially including only just also and or but so then which who what when where while
    if because as like such of in on at to for with from by about is are was were be can may will""".split())


def _joining_dash(m: re.Match[str]) -> str:
    """An en dash between two letters joins the two words of a compound, and is a pause between other words."""
    before, after = words_before(m, 1), re.match(r"[a-z]+", m.string[m.end():])
    words = {before[0].rsplit("–", 1)[-1].lower() if before else "", after.group() if after else ""}
    return ", " if words & _NOT_COMPOUND else " "


# A hyphen left hanging between two words ("BRAND NAME- generic name tablet") separates them: said as a pause. One
# that waits for the second half of a compound ("mood- and anxiety-related", "10- to 15-minute") stays.
SEPARATOR_HYPHEN: Rule = ("dash", re.compile(r"(?<=[A-Za-z)®])-(?=\s+(?!(?:and|or|nor|to|through|&)\b)[A-Za-z(])"),
                          " -")
# Marks said as pauses (the same in every language), before and after the rules that name symbols in words.
PAUSE_MARKS: list[Rule] = [
    ("dash", re.compile(r"(?<=[a-z])–(?=[a-z])"), _joining_dash),  # "transcription–polymerase" joins two words
    ("dash", re.compile(r"\s*(?:—|–|--)\s*|\s+-\s+"), ", "),
    # An aside is said between commas: Piper's phonemizer drops brackets (no pause at all), renders a dash as the
    # same ';' pause as a comma, and cannot be told to lower its pitch; measured in docs/review.md.
    # square brackets mark an editor's words inside a quotation ("[the drug] works", "[T]he"): read on, no aside;
    # an editor's note ("[Note: ...]", "[Ed. ...]") is one
    ("editorial brackets", re.compile(r"\[([^\[\]:;.?!]*)\]"), r"\1"),
    ("parentheses", re.compile(r"\s*[(\[]\s*"), ", "),
    ("parentheses", re.compile(r"\s*[)\]](?=\s*[,;:.?!])"), ""),  # "(e.g., colitis); severe": its own mark stays
    ("parentheses", re.compile(r"\s*[)\]]"), ","),
    ("ellipsis", re.compile(r"\s*(?<!\.)\.{3,}\s*(?=[A-Z])"), ". "),
    ("ellipsis", re.compile(r"\s*(?<!\.)\.{3,}\s*(?=\S)"), ", "),
    ("ellipsis", re.compile(r"\s*(?<!\.)\.{3,}\s*$"), "."),
]
SLASH_SERIES: Rule = ("slash", re.compile(r"\b\w+(?:\s?/\s?\w+){2,}"), lambda m: re.sub(r"\s?/\s?", ", ", m.group()))
LEFTOVER_MARKS: list[Rule] = [
    # a word the lexicon held keeps its possessive: "NIDA's" (held as one mark) is no quotation's open
    ("quote", re.compile(r"[\"“”„«»]|(?<![\w.\ue000-\uf8ff])'|'(?![\w])(?<!s')"), ""),
    ("symbol", re.compile(r"(?<!\S)[^\w\s\ue000-\uf8ff]{2,}(?!\S)|[%$]{2,}"), " "),  # "%% $$$": nothing to say
    ("symbol", re.compile(r"[*•·▪◦■□►▶→←↑↓|\\^_`{}<>~=+@#†‡§¶]"), " "),
]

PUNCTUATION: list[Rule] = [
    ("quote", _QUOTATION, quoted),
    ("quote", _SINGLE_QUOTATION, quoted),
    *PAUSE_MARKS,
    ("ampersand", re.compile(r"\s*&\s*"), " and "),
    # "Help + guidance" is "and", "2 + 2" "plus"; "A+" and "65+" stay for the rules below
    ("ampersand", re.compile(r"(?<=\w)\s+\+\s+(?=\w)"),
     lambda m: " plus " if m.string[m.start() - 1].isdigit() and m.string[m.end()].isdigit() else " and "),
    # "CIC::DUX4", a gene fusion in the HGNC's writing, names one gene as the older "PML-RARA" did: its two
    # symbols said on, with no colon's pause ("the C.I.C D.U.X 4 fusion", "a gene called P.M.L R.A.R.A")
    ("fusion", re.compile(r"(?<=\w)::(?=\w)"), " "),
    # a colon inside a code, between two parts that both hold a digit ("E. coli O157:H7", a verse "John 3:5"), is
    # no label's pause: the code is said as one name ("O157 H7")
    ("code", re.compile(r"(?<![\w:])([A-Za-z]*\d[A-Za-z\d]*):(?=[A-Za-z]*\d[A-Za-z\d]*(?![\w:]))"), r"\1 "),
    ("slash", re.compile(r"\band/or\b"), "and or"),
    SLASH_SERIES,
    ("slash", re.compile(r"(?<=\w)\s?/\s?(?=[\w\ue000-\uf8ff])"), slashed),
    ("symbol", re.compile(r"~\s?(?=\d)"), "about "),
    ("symbol", re.compile(r"±"), " plus or minus "),
    ("symbol", re.compile(r"[≥⩾]\s?"), "at least "),
    ("symbol", re.compile(r"[≤⩽]\s?"), "at most "),
    ("symbol", re.compile(r"(?<!\w)>\s?(?=\d)"), "more than "),
    ("symbol", re.compile(r"(?<!\w)<\s?(?=\d)"), "less than "),
    ("symbol", re.compile(r"(?<=\d)\s?[×x]\s?(?=\d)"), " by "),
    # a count of times: "2 × a day", "3x daily" (an "x" only before a word of frequency, "2x" alone is a name)
    ("symbol", re.compile(r"(?<=\d)\s?(?:×|x(?=\s+(?:a|as|per|daily|weekly|each|every|more)\b))(?!\s?\d)"), " times"),
    # a telephone key: "press #", "the # key", "press *" (a "#" before a number is "number", said above)
    ("symbol", re.compile(r"(?<!\S)#(?=[\s.,;:)]|$)"), "pound"),
    ("symbol", re.compile(r"\b((?:[Pp]ress|then|[Hh]it|[Dd]ial|the) )\*(?=[\s.,;:)]|$)"), r"\1star"),
    ("symbol", re.compile(r"(?<=\d)\+"), " plus"),
    ("symbol", re.compile(r"\s=\s"), " equals "),
    *LEFTOVER_MARKS,
]

_TIDY: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\s+"), " "),
    (re.compile(r"\s+([,.;:?!])"), r"\1"),
    (re.compile(r"([,;:])(?:\s*[,;:])+"), r"\1"),
    (re.compile(r"(?<![,;:])[,;:]++\s*+([.?!])"), r"\1"),
    (re.compile(r"^[\s,;:.]+"), ""),
    (re.compile(r"([,;:])(?=[^\s\d])"), r"\1 "),
]


def tidy(text: str) -> str:
    """Collapse spaces and the doubled or dangling commas that removed marks leave behind."""
    for pattern, repl in _TIDY:
        text = pattern.sub(repl, text)
    return text.strip(" ,;")
