"""Capitals: acronyms spelled letter by letter, words typed in capitals for emphasis or shouted read as words."""
from __future__ import annotations

from collections.abc import Callable
import re

from narration.text.english_counts import pronunciation
from narration.text.lexicon import Lexicon, Report
from narration.text.normalize.abbreviations import digit_words
from narration.text.normalize.base import Rule, final_dot
from narration.text.sentences import SENTENCE_START as SENTENCE_OPENING


VOWELS = set("AEIOUY")
_EG = re.compile(r"\bE\.G\.")


def spell_letters(letters: str) -> str:
    """Letters said one by one, written so the voice says each (see module docstring)."""
    return _EG.sub("E.G-", ".".join(letters))  # "E.G.F.R" would be read "for example F R"


def _long_word(letters: str) -> bool:
    """Capitals long enough, with vowels enough, to be said as a word ("WARNING"; not "USPSTF")."""
    return len(letters) > 5 and sum(ch in VOWELS for ch in letters) * 4 > len(letters)


def _acronym(m: re.Match[str]) -> str:
    """"NCI" "N.C.I", "NCI's" "N.C.I's", "AYAs" "A.Y.A.'s", "NCI-supported" "N.C.I supported"; a long
    capitalized word with vowels to say ("WARNING") is a word, a long one without ("USPSTF") is spelled."""
    letters, digits, suffix, hyphen = m.group(1), m.group(2), m.group(3), m.group(4)
    if not digits and _long_word(letters):
        return m.group()
    said = spell_letters(letters) + {"s": ".'s", "'s": "'s", "'S": "'s"}.get(suffix or "", "")
    said = f"{said} {digits}" if digits else said
    return said + (" " if hyphen else "")


def _compound(m: re.Match[str]) -> str:
    """Hyphenated all-caps names: "B-PREP" is "B-prep", "X-RAY" "X-ray"; "ER-PR" is spelled, and so are letters
    joined one by one ("U-M", the University of Michigan, is "U.M")."""
    parts = m.group().split("-")
    if all(len(p) == 1 for p in parts):
        return spell_letters("".join(parts))
    wordlike = any(len(p) == 1 for p in parts)
    said = [p.lower() if wordlike and len(p) >= 3 and VOWELS & set(p) else
            (p if len(p) == 1 else spell_letters(p)) for p in parts]
    return "-".join(said)


def letter_pairs(digits: str) -> str:
    """Four digits said in two pairs, as years and addresses are: "3535" "35 35", "2005" "20 oh 5", "1600" "16
    hundred"."""
    high, low = digits[:2], digits[2:]
    said = f"oh {high[1]}" if high[0] == "0" else high
    if low == "00":
        return f"{said} hundred"
    return f"{said} oh {low[1]}" if low[0] == "0" else f"{said} {low}"


def code_digits(run: str) -> str:
    """A code's digits: a number up to three digits ("10") or a round one ("X1000"), four in pairs ("35 35"), more
    one by one."""
    return run if len(run) < 4 or run.endswith("00") else letter_pairs(run) if len(run) == 4 else digit_words(run)


def _code(m: re.Match[str]) -> str:
    """A code of capitals and digits, said in its parts: "IR3535" "I.R 35 35", "10-10EZ" "10 10 E.Z", "CYP2D6"
    "C.Y.P 2 D 6". Codes the voice already reads right ("H1N1", "N95", "A1C", "HPV16" spelled by the acronym
    rule) have no run of two letters after a digit or of four digits, and are left alone."""
    code = m.group()
    runs = re.findall(r"\d+|[A-Z]+", code)
    if not (re.search(r"\d[A-Z]{2}|[A-Z]{2}\d|\d{4}", code.replace("-", ""))) or re.fullmatch(r"[A-Z]{2,}\d{1,3}", code):
        return code
    return " ".join(code_digits(run) if run.isdigit() else spell_letters(run) for run in runs)


def _capital_tail(m: re.Match[str]) -> str:
    """A name with one capital inside, near its end: a letter ("IscadorM" "Iscador M") or a letter pair that is no
    syllable ("IscadorQu", the oak's, "Iscador Q.U") is spelled; a syllable ("CeeNu", a brand) is said as a word."""
    head, tail = m.groups()
    return f"{head} {tail if _SYLLABLE.fullmatch(tail) else spell_letters(tail.upper())}"


_SYLLABLE = re.compile(r"[B-DF-HJ-NPR-TV-Z][aeiouy]")  # a consonant and a vowel ("Qu" is half of one)
_SHOUT_WORD = re.compile(r"(?<![\w.'-])[A-Z]{2,}(?:'S)?(?![\w'-]|\.\w)")  # "SURGEON'S", "PROCEDURE." too


def shouted(text: str, report: Report | None, known: Callable[[str], bool] = lambda word: False) -> bool:
    """Whether a sentence is typed in capitals (at least three words of capitals, and most of its words): then it
    is read as words, not as a row of acronyms (counted in the report). Words the lexicon says (`known`) do not
    count: they are said its way in any sentence."""
    words = [w for w in re.findall(r"[^\W\d_]+", text) if not known(w)]
    caps = [w for w in words if w.isupper() and len(w) > 1]
    if len(caps) < 3 or len(caps) * 2 <= len(words):
        return False
    if report is not None:
        report.rules["all caps"] += 1
    return True


def unshout(text: str, loud: bool) -> str:
    """A sentence typed in capitals (`loud`, see `shouted`) is not a row of acronyms: read its long words as words."""
    if not loud:
        return text
    lowered = _SHOUT_WORD.sub(lambda m: m.group().lower() if _shouted_word(m.group().removesuffix("'S"))
                              else m.group(), text)
    return lowered[:1].upper() + lowered[1:]


def _shouted_word(letters: str) -> bool:
    """A word of a shouted sentence said as a word: a common one, one the CMU dictionary says as a word, or a long
    one with vowels ("TRIAMCINOLONE"); "DCIS" and "NCI's" stay, to be spelled."""
    return letters in _COMMON_CAPS or len(letters) > 3 and (said_as_word(letters) or _long_word(letters))


_COMMON_CAPS = frozenset(
    "THE AND FOR ARE BUT NOT YOU ALL ANY CAN HAS HER WAS ONE OUR OUT DAY GET HIM HIS HOW MAN NEW NOW "
    "OLD SEE TWO WAY WHO BOY DID ITS LET PUT SAY SHE TOO USE WHAT WHEN WITH YOUR FROM THAT THIS HAVE "
    "WILL THEY BEEN CALL FIND MORE MAKE LIKE KNOW TAKE INTO YEAR THAN THEM SOME TIME VERY WHY ABOUT "
    "AFTER BEFORE WHICH WHERE THERE THESE THEIR WOULD COULD NOTE IS IT IN ON OF TO BE DO IF OR AS AT "
    "BY AN GO NO SO UP WE MY ME HE US AM".split()
)
# Words typed in capitals for emphasis on their own in a sentence ("Do NOT stop", "ONLY one"), beside the
# common ones; a lone capital word is otherwise an acronym ("CAD", "ART", "NURSE" the program).
_EMPHASIS_WORDS = _COMMON_CAPS | frozenset(
    "NEVER ONLY ALWAYS MUST SHOULD CANNOT DON'T DOESN'T CAN'T WON'T ONCE EVERY EACH BOTH EITHER NEITHER NOR "
    "ALSO EVEN STILL JUST UNTIL WHILE UNLESS MAY MIGHT OFF STOP".split()
)
# The CMU dictionary's phones of each letter's name: a word whose pronunciation is these is an acronym ("dna").
_LETTER_NAMES = dict(zip("abcdefghijklmnopqrstuvwxyz", (
    "EY", "B IY", "S IY", "D IY", "IY", "EH F", "JH IY", "EY CH", "AY", "JH EY", "K EY", "EH L", "EH M", "EH N",
    "OW", "P IY", "K Y UW", "AA R", "EH S", "T IY", "Y UW", "V IY", "D AH B AH L Y UW", "EH K S", "W AY", "Z IY")))
_CAPITAL_WORD = r"[A-Z]+(?:['-][A-Z]+)*"
# A run of capital words goes on across brackets and numbers between them ("A RESPONSIBLE ADULT (OVER 18) TO
# ACCOMPANY YOU", "HIGH BLOOD PRESSURE (HYPERTENSION) STAGE 1"): they are one emphasis.
_RUN_GAP = r"\)?\s\(?"
_CAPITAL_RUN = re.compile(rf"(?<![\w.'-]){_CAPITAL_WORD}(?:{_RUN_GAP}(?:\d+{_RUN_GAP})*{_CAPITAL_WORD})*(?![\w'-]|\.\w)")
_SPELLING = re.compile(r"(?:[A-Z]\.)+[A-Z]")  # a lexicon entry that spells its letters ("A.L.L")


def said_as_word(word: str) -> bool:
    """Whether the CMU dictionary says a word as a word ("why" W AY1), not letter by letter ("dna" D IY2 EH2 N EY1)."""
    phones = pronunciation(word)
    if phones is None or "#" in phones:  # "hiv ... # abbrev"
        return False
    return re.sub(r"\d", "", phones) != " ".join(_LETTER_NAMES.get(ch, "?") for ch in word.lower())


def _run_word(token: str) -> bool:
    """A capital word that reads as a word inside a run of capital words ("SIDE EFFECTS", "IF I FORGET"): said as a
    word by the CMU dictionary, and if of two letters a common one ("IF", not "ER" or "MS")."""
    return all(part in _COMMON_CAPS if len(part) == 2 else len(part) > 2 and said_as_word(part)
               for part in token.split("-"))


def _lone_word(token: str, lexicon: Lexicon) -> bool:
    """A capital word alone among lower-case ones that is emphasis, not an acronym: a common word ("NOT", "WHY") or
    words joined by a hyphen ("LIFE-THREATENING"), unless the lexicon says it ("ALL", "BI-RADS")."""
    common = token in _EMPHASIS_WORDS and len(token) > 2
    joined = "-" in token and all(len(part) > 3 for part in token.split("-"))
    return (common or joined) and not lexicon.knows(token)


_LABEL_END = re.compile(r"\s+\d|:")


def _label(token: str, text: str, end: int) -> bool:
    """A word in capitals that labels what follows, before a number or a colon ("TABLE 1.", "STEP 3", "FIGURE
    2:"), is the word when the dictionary says it as one; shorter ones ("ART 1", "CAD:") are taken for acronyms."""
    return len(token) > 3 and token.isalpha() and _LABEL_END.match(text, end) is not None and said_as_word(token)


# Words after which "OR" is the operating room, a noun ("the OR", "in OR settings"), not a stressed "or".
_BEFORE_A_NOUN = frozenset("the a an this that your our their his her its in into to from of at for per no any each "
                           "every".split())
_LOWER_BEFORE = re.compile(r"(?<![\w'-])([a-z][a-z'-]*)\s+$")
_LOWER_AFTER = re.compile(r"\s+[a-z]")


def _stressed_or(token: str, text: str, at: int) -> bool:
    """"dry-cleaned OR sealed": "or" typed in capitals between two lower-case words is a stressed conjunction, said
    as the word; after an article or a preposition ("the OR staff", "in OR settings") it is the operating room."""
    if token != "OR" or not _LOWER_AFTER.match(text, at + len(token)):
        return False
    before = _LOWER_BEFORE.search(text, max(0, at - 40), at)
    return before is not None and before.group(1) not in _BEFORE_A_NOUN


def emphasized(text: str, lexicon: Lexicon, report: Report | None) -> str:
    """Capital words typed for emphasis are read as words ("WHY is", "What SIDE EFFECTS", "have NOT"): a run of
    two or more capital words that are all words, a longer word beside an acronym ("CT SCAN"), or a lone common
    word that the lexicon does not claim as an acronym ("ALL" the leukemia, "WHO"). Other capitals stay, to be
    spelled ("AML", "a CAD risk", "the ER")."""
    def lower(token: str, at: int) -> str:
        if report is not None:
            report.rules["emphasis"] += 1
        said = token if token == "I" else token.lower()
        return said[:1].upper() + said[1:] if SENTENCE_OPENING.search(text, 0, at) else said

    def run(m: re.Match[str]) -> str:
        tokens = [(t.group(), m.start() + t.start()) for t in re.finditer(r"\S+", m.group())]
        words_in_run = sum(not token.strip("()").isdigit() for token, _ in tokens)
        said, group = [], []  # group: the tokens of the current run of words (a lone "I" or "A" may join it)
        for token, at in [*tokens, ("", len(text))]:
            core = token.strip("()")  # the run's brackets and numbers go with it as written
            entry = lexicon.entry(core) if core else None  # "ALL" spelled there, but "BRCA" said its way
            spelled = entry is None or _SPELLING.fullmatch(entry.spoken)
            if core.isdigit() or core in ("I", "A") or (core and spelled and _run_word(core)):
                group.append((token, at))
                continue
            words = sum(len(t.strip("()")) > 1 and not t.strip("()").isdigit() for t, _ in group)
            said += [lower(t, a) if words > 1 or _lone_word(t.strip("()"), lexicon) or _label(t, text, a + len(t))
                     or _stressed_or(t, text, a)
                     or (words_in_run > 1 and len(t.strip("()")) > 3) else t for t, a in group]
            group = []
            if token:
                said.append(token)
        return " ".join(said)

    return _CAPITAL_RUN.sub(run, text)


# Words that end the name of a law, a program or a study: capitals before them name it ("the CARES Act").
_NAME_ENDS = r"(?i:acts?|programs?|programmes?|initiatives?|stud(?:y|ies)|trials?|networks?|projects?|plans?" \
             r"|campaigns?|coalitions?|alliances?|diet)"


def _coined_name(m: re.Match[str]) -> str:
    """Capitals chosen to make a word, before the word that ends a name ("the CARES Act", "the SPRINT Trial", "the
    DASH diet"), are the word when the CMU dictionary says them as one; "CDC Foundation" and "NIH Program", which
    it has no word for (or spells), stay to be spelled."""
    letters = m.group()
    return letters.capitalize() if len(letters) > 3 and said_as_word(letters) else letters


ACRONYMS: list[Rule] = [
    ("coined name", re.compile(rf"(?<![\w.'-])[A-Z]{{4,}}(?=\s+{_NAME_ENDS}\b)"), _coined_name),
    ("dotted acronym", re.compile(r"(?<![\w.])((?:[A-Za-z]\.){2,})(?!\w)"),
     lambda m: m.group(1)[:-1] + final_dot(m)),
    ("mixed case", re.compile(r"(?<![\w.'-])([a-z]{1,2})([A-Z]{2,})(?![\w'])"),
     lambda m: spell_letters(m.group().upper())),  # "mRNA", "cDNA": every letter said
    ("camel case", re.compile(r"(?<![\w.'-])([a-z]{3,})([A-Z]{3,})(?![\w'])"),
     lambda m: f"{m.group(1)} {m.group(2).lower()}"),  # "abnobaVISCUM": a brand in two words
    ("camel case", re.compile(r"\b(?!Mc)([A-Z][a-z]+)((?:[A-Z][a-z]{2,})+)\b"),
     lambda m: m.group(1) + re.sub(r"(?=[A-Z])", " ", m.group(2))),  # "GammaKnife", "MedlinePlus"
    ("camel case", re.compile(r"\b([A-Z][a-z]{2,})([A-Z][a-z]?)\b"), _capital_tail),  # "IscadorM", "CeeNu"
    # "DTaP", "IgG", "HbS": capitals with a lower-case letter or two between them are spelled ("McCoy" is a name)
    ("mixed case", re.compile(r"(?<![\w.'-])[A-Z](?:[A-Z]|[a-z]{1,2}(?=[A-Z]))*[a-z]{1,2}[A-Z]+(?![\w'-]|\.\w)"),
     lambda m: spell_letters(m.group().upper())),
    ("code", re.compile(r"(?<![\w.'-])(?=[A-Z\d-]*[A-Z])(?=[A-Z\d-]*\d)[A-Z\d]+(?:-[A-Z\d]+)*(?![\w'-]|\.\w)"), _code),
    # a CAT scan with CT beside it ("computed tomography (CT or CAT) scan"): the word, not C.A.T
    ("acronym", re.compile(r"\bCAT\b(?=\)?\s+scans?\b|\s?(?:or|/)\s?CT\b)|(?<=\bCT or )CAT\b|(?<=\bCT/)CAT\b"), "cat"),
    ("acronym", re.compile(r"(?<![\w.'-])[A-Z]+(?:-[A-Z]+)+(?![\w'-]|\.\w)"), _compound),
    ("acronym", re.compile(r"(?<![\w.'])(?<![A-Z\d]-)([A-Z]{2,})(\d{0,3})(s|'[sS])?(-(?=[A-Za-z]*[a-z]))?"
                           r"(?(4)|(?![\w']|-[A-Z\d]|\.\w))"), _acronym),
]
