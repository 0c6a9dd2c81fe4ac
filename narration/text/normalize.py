"""Speech normalization: written text -> text every engine speaks right (engine-independent).

Rules run in a fixed order, each a compiled regex with a name the Report counts. Lexicon entries and
spoken URLs are "held" behind private-use placeholders, so no later rule rewrites them.
Spelled-out letters are written "D.C.I.S" (dots, no final dot): the Piper voice then says every
letter, "A" included ("A A C R" reads the A's as the article "uh"), and no sentence ends early.
"""
from __future__ import annotations

import datetime
import functools
import re
import tomllib
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources

from num2words import num2words

from narration.text.english_counts import pronunciation
from narration.text.lexicon import Lexicon, Report
from narration.text.sentences import TIME_ZONES, WordIndex, ends_sentence, split_sentences

__all__ = ["Report", "for_voice", "normalize", "spoken_list"]

_HOLD_BASE = 0xE000  # private-use code points stand in for held (final) text


class _Held:
    """Spans of final text replaced by single private-use characters until the end."""

    def __init__(self) -> None:
        self.spans: list[str] = []

    def hold(self, text: str) -> str:
        self.spans.append(text)
        return chr(_HOLD_BASE + len(self.spans) - 1)

    def release(self, text: str) -> str:
        return re.sub(r"[\ue000-\uf8ff]", lambda m: self.spans[ord(m.group()) - _HOLD_BASE], text)


Rule = tuple[str, re.Pattern[str], "str | Callable[[re.Match[str]], str]"]


def _run(rules: Sequence[Rule], text: str, report: Report | None) -> str:
    """Apply rules in order, counting how often each fired."""
    for name, pattern, repl in rules:
        text, n = pattern.subn(repl, text)
        if n and report is not None:
            report.rules[name] += n
    return text


_CLOSING_TO_END = re.compile(r"[ \"'”’)\]]*+\Z")
_SPACE_RUN = re.compile(r"\s*+")


@functools.lru_cache(maxsize=4)
def _word_index(text: str) -> WordIndex:
    """Built once per text that a rule runs over, so looking back from each match stays linear."""
    return WordIndex(text)


def _words_before(m: re.Match[str], count: int) -> list[str]:
    """The last `count` words before a match (m.string[:m.start()].split()[-count:])."""
    return _word_index(m.string).before(m.start(), count)


def _next_char(m: re.Match[str]) -> str:
    """The first non-space character after a match, or '' at the end."""
    at = _SPACE_RUN.match(m.string, m.end()).end()
    return m.string[at:at + 1]


def _at_end(m: re.Match[str]) -> bool:
    """Whether a match is the last thing in its text (closing marks aside)."""
    return _CLOSING_TO_END.match(m.string, m.end()) is not None


def _final_dot(m: re.Match[str]) -> str:
    """Keep a full stop that an abbreviation swallowed when it also ended the sentence ("... 70 mg/dL. Your")."""
    if _at_end(m):
        return "."
    return "." if m.group().endswith(".") and ends_sentence(m.string, m.end() - 1) else ""


# ---------------------------------------------------------------- characters

_SMART = str.maketrans({"‘": "'", "’": "'", "ʼ": "'", "‚": ",", "\u00a0": " ", "\u2009": " ",
                        "\u202f": " ", "\u2007": " ", "\u2002": " ", "\u2003": " ", "\t": " ",
                        "\u2010": "-", "\u2011": "-", "\u2212": "-", "\u2026": "...",
                        "\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": ""})
_DROP_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Cn", "So", "Sk"})
_KEEP_SYMBOLS = frozenset("°")


def _clean_chars(text: str) -> str:
    """Plain characters: NFC, one kind of apostrophe, no control characters, emoji or dingbats."""
    text = unicodedata.normalize("NFC", text).translate(_SMART)
    return "".join(
        " " if unicodedata.category(ch) == "Cc" else ch
        for ch in text
        if ch in _KEEP_SYMBOLS or unicodedata.category(ch) not in _DROP_CATEGORIES - {"Cc"}
    )


_FOOTNOTES: list[Rule] = [
    # a dictionary respelling "(teh-moh-ZOH-loh-mide)" is for readers; the lexicon is the voice's
    ("respelling", re.compile(r"\s?\((?=[a-z-]*[A-Z]{2,})(?=[A-Z-]*[a-z]{2,})[a-zA-Z]+(?:-[a-zA-Z]+){2,}\)"), ""),
    ("placeholder", re.compile(r"\s*<[A-Z][A-Z/_.\- ]*>"), ""),  # "<MM/DD/YYYY>" in a template
    # "doesn¹t": an apostrophe mis-encoded as a superscript one, inside a word; a footnote mark never is
    ("apostrophe", re.compile(r"(?<=[A-Za-z])[\u00b9\u00b2\u00b3\u2070-\u2079](?=(?:t|s|d|ll|re|ve|m)\b)"), "'"),
    ("section", re.compile(r"§§\s?(?=\d)"), "sections "),  # "42 U.S.C. § 300aa-26"
    ("section", re.compile(r"§\s?(?=\d)"), "section "),
    ("footnote", re.compile(r"\s?\[(?:\d+|[a-z])(?:[,–-]\s?(?:\d+|[a-z]))*\]"), ""),
    ("footnote", re.compile(r"(?<=[\w.,;:)\"'])[\u00b9\u00b2\u00b3\u2070-\u2079]+"), ""),
    ("footnote", re.compile(r"(?<=[\w.,;:)\"'])[*†‡§¶]+|[†‡§¶]"), ""),
]

# ---------------------------------------------------------------- links

_URL = re.compile(
    r"(?:(?:https?|ftp)://|www\.)[^\s<>\"')\]]+[^\s<>\"')\].,;:!?]"
    r"|(?<![@\w.])(?:[a-z0-9-]+\.)+(?:org|com|gov|edu|net|info|health|us|uk|ca)(?:/[^\s<>\"')\]]*[^\s<>\"')\].,;:!?])?(?![\w@])",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"(?<![\w.])[\w.+-]+@(?:[a-z0-9-]+\.)+[a-z]{2,}(?!\w)", re.IGNORECASE)
_LINK_SYMBOLS = {".": " dot ", "/": " slash ", "-": " dash ", "_": " underscore ", "@": " at ",
                 "~": " tilde ", "#": " hash ", "+": " plus ", "=": " equals ", "?": " ", "&": " and "}
_LINK_SPLIT = re.compile(r"([./\-_@~#+=?&])")


_LINK_WORDS = frozenset("com org gov edu net www info".split())


def _link_part(part: str, symbols: dict[str, str], spell: Callable[[str], str]) -> str:
    """A piece of a link as a person says it: "ClinicalTrials" two words, "nih" and "nccih" spelled."""
    if part in symbols:
        return symbols[part]
    lower = part.lower()
    if lower.isalpha() and lower not in _LINK_WORDS and (
            len(lower) <= 3 or not set(lower) & set("aeiouy") or re.match(r"[^aeiouy]{3}", lower)):
        return spell(lower.upper())
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", part).lower()


def _read_link(link: str, symbols: dict[str, str] | None = None, spell: Callable[[str], str] | None = None) -> str:
    """How a person reads a link aloud: no scheme, no www, symbols named (in English unless `symbols` says)."""
    link = re.sub(r"^(?:https?|ftp)://", "", link, flags=re.IGNORECASE)
    link = re.sub(r"^www\.", "", link, flags=re.IGNORECASE)
    link = re.split(r"[?#]", link, maxsplit=1)[0].rstrip("/")
    parts = [_link_part(p, symbols or _LINK_SYMBOLS, spell or _spell) for p in _LINK_SPLIT.split(link) if p]
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def _links(text: str, held: _Held, link_phrase: str | None, report: Report | None,
           read: Callable[[str], str] = _read_link) -> str:
    """Read e-mail addresses and URLs aloud, or replace them by a configured phrase."""
    for name, pattern in (("email", _EMAIL), ("url", _URL)):
        def replace(m: re.Match[str]) -> str:
            return held.hold(link_phrase if link_phrase is not None else read(m.group()))

        text, n = pattern.subn(replace, text)
        if n and report is not None:
            report.rules[name] += n
    return text


# ---------------------------------------------------------------- titles and abbreviations

def _saint_or_street(m: re.Match[str]) -> str:
    """"St. Jude" is Saint; "Francis St." and "75 Francis St. Boston" are Street."""
    before = _words_before(m, 2)
    street = bool(before) and (before[-1][:1].isupper() or before[-1][:1].isdigit())
    if _next_char(m).isupper() and not (len(before) == 2 and before[0].isdigit()):
        street = False
    return ("Street" if street else "Saint") + _final_dot(m)


_MONTH_NAMES = {name[:3]: name for name in ("January February March April May June July August September "
                                             "October November December").split()}
_WEEKDAYS = {name[:3]: name for name in "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()}
_DAYS = "Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun"
_COMPASS = {"NW": "Northwest", "NE": "Northeast", "SW": "Southwest", "SE": "Southeast"}
# A state's code is the state after "City," when a ZIP code or a colon follows ("Bethesda, MD 20892",
# "Bethesda, MD: National Cancer Institute"); after a name ("Ada Lane, MD") it stays the degree.
_STATES = dict(zip(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND "
    "OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC".split(),
    ["Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
     "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky",
     "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri",
     "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York",
     "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island",
     "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington",
     "West Virginia", "Wisconsin", "Wyoming", "D.C"]))
_STATE_CODES = "|".join(_STATES)


# Shortened words of names and notes, read in full ("Health Dept." "Health Department"); a capital stays.
_SHORT_WORDS = {"dept": "department", "govt": "government", "assn": "association", "univ": "university",
                "ctr": "center", "hosp": "hospital", "natl": "national", "intl": "international",
                "approx": "approximately", "appt": "appointment", "appts": "appointments"}


def _short_word(m: re.Match[str]) -> str:
    word = _SHORT_WORDS[m.group(1).lower()]
    return (word.capitalize() if m.group(1)[0].isupper() else word) + (_final_dot(m) if m.group().endswith(".") else "")


def _digits(group: str) -> str:
    return " ".join(group)


_TITLES: list[Rule] = [
    ("title", re.compile(r"\bDrs\.?(?=\s+[A-Z])"), "Doctors"),
    ("title", re.compile(r"\bDr\.?(?=\s+[A-Z])"), "Doctor"),
    ("title", re.compile(r"\bMrs\.?(?=\s+[A-Z])"), "Missus"),
    ("title", re.compile(r"\bMr\.?(?=\s+[A-Z])"), "Mister"),
    ("title", re.compile(r"\bMs\.?(?=\s+[A-Z])"), "Miz"),
    ("title", re.compile(r"\bProf\.?(?=\s+[A-Z])"), "Professor"),
    ("title", re.compile(r"\bSt\.(?=\s|$)"), _saint_or_street),
    ("title", re.compile(r"\b(?:Jr|Sr)\.(?=\W|$)"),
     lambda m: ("Junior" if m.group().startswith("J") else "Senior") + _final_dot(m)),
    ("abbreviation", re.compile(r"\bvs?\.(?=\s)|\bvs\b"), "versus"),
    ("abbreviation", re.compile(r"\be\.\s?g\.,?(?=\s)", re.IGNORECASE), "for example,"),
    ("abbreviation", re.compile(r"\bi\.\s?e\.,?(?=\s)", re.IGNORECASE), "that is,"),
    ("abbreviation", re.compile(r"\bcf\.(?=\s)"), "compare"),
    ("abbreviation", re.compile(r"\betc\.?(?!\w)"), lambda m: "et cetera" + _final_dot(m)),
    ("abbreviation", re.compile(r"\b(?:approx|ca)\.(?=\s*\d)"), "about"),
    ("abbreviation", re.compile(rf"\b((?i:{'|'.join(_SHORT_WORDS)})(?<![A-Z]{{2}}))\b\.?"), _short_word),
    ("abbreviation", re.compile(r"\bNo\.(?=\s*\d)|#(?=\s*\d)"), "number "),
    ("abbreviation", re.compile(r"(?<=[a-z])\(s\)"), "s"),
    ("month", re.compile(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?(?=\s+\d)"),
     lambda m: _MONTH_NAMES[m.group(1)[:3]]),
    ("weekday", re.compile(rf"\b({_DAYS})\.?\s?[-–—]\s?({_DAYS})\b(\.?)"),
     lambda m: f"{_WEEKDAYS[m.group(1)[:3]]} to {_WEEKDAYS[m.group(2)[:3]]}" + (_final_dot(m) if m.group(3) else "")),
    ("weekday", re.compile(rf"\b({_DAYS})\.(?!\w)"), lambda m: _WEEKDAYS[m.group(1)[:3]] + _final_dot(m)),
    ("address", re.compile(rf"(?<=[a-z],\s)({_STATE_CODES})(?:(?=\s*:)|\s+(\d{{5}})(?:\s?[-–]\s?(\d{{4}}))?(?!\w))"),
     lambda m: ", ".join([_STATES[m.group(1)], *(_digits(g) for g in m.groups()[1:] if g)])),
    ("address", re.compile(r"\b(Avenue|Street|Road|Boulevard|Drive|Place|Way|Ave|St|Rd|Blvd),\s(NW|NE|SW|SE)\b"),
     lambda m: f"{m.group(1)}, {_COMPASS[m.group(2)]}"),
]

# ---------------------------------------------------------------- numbers

_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen " \
        "fifteen sixteen seventeen eighteen nineteen".split()
_TENS_PLURAL = {"1": "tens", "2": "twenties", "3": "thirties", "4": "forties", "5": "fifties",
                "6": "sixties", "7": "seventies", "8": "eighties", "9": "nineties"}
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_MONTHS = ("January February March April May June July August September October November "
           "December").split()
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
_DENOMINATORS = {"2": ("half", "halves"), "3": ("third", "thirds"), "4": ("quarter", "quarters"),
                 "8": ("eighth", "eighths")}  # said as a fraction; "7/10" (a score) and "120/80" stay "over"
_UNITS = {  # written -> (singular, plural)
    "mcg": ("microgram", "micrograms"), "µg": ("microgram", "micrograms"),
    "μg": ("microgram", "micrograms"), "mg": ("milligram", "milligrams"), "ng": ("nanogram", "nanograms"),
    "g": ("gram", "grams"), "kg": ("kilogram", "kilograms"), "mL": ("milliliter", "milliliters"),
    "ml": ("milliliter", "milliliters"), "cc": ("cubic centimeter", "cubic centimeters"),
    "L": ("liter", "liters"), "dL": ("deciliter", "deciliters"), "dl": ("deciliter", "deciliters"),
    "mm": ("millimeter", "millimeters"),
    "cm": ("centimeter", "centimeters"), "km": ("kilometer", "kilometers"),
    "ft": ("foot", "feet"), "lb": ("pound", "pounds"),
    "lbs": ("pound", "pounds"), "oz": ("ounce", "ounces"), "IU": ("international unit", "international units"),
    "mmHg": ("millimeter of mercury", "millimeters of mercury"),
    "mm Hg": ("millimeter of mercury", "millimeters of mercury"), "mmol": ("millimole", "millimoles"),
    "hrs": ("hour", "hours"), "hr": ("hour", "hours"), "mins": ("minute", "minutes"),
    "min": ("minute", "minutes"), "mo": ("month", "months"), "mos": ("month", "months"),
    "yr": ("year", "years"), "yrs": ("year", "years"), "wk": ("week", "weeks"), "wks": ("week", "weeks"),
    "sec": ("second", "seconds"), "tsp": ("teaspoon", "teaspoons"), "tbsp": ("tablespoon", "tablespoons"),
    "Tbsp": ("tablespoon", "tablespoons"),
}
_PER = {"dL": "deciliter", "L": "liter", "kg": "kilogram", "mL": "milliliter", "m2": "square meter",
        "day": "day", "d": "day", "hr": "hour", "h": "hour", "week": "week", "wk": "week"}
_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
# After "unit/" comes a unit in any capitals ("mg/dL", "mg/DL", "mg/5mL") or a plain word ("mg/tablet"): "per".
_PER_SAID = {name.casefold(): said for name, said in
             [*((unit, forms[0]) for unit, forms in _UNITS.items()), *_PER.items()]}
_UNITS_FOLDED = {name.casefold(): forms for name, forms in _UNITS.items()}
_PER_WORD = "(?i:" + "|".join(sorted(map(re.escape, _PER_SAID), key=len, reverse=True)) + ")|[a-z]{3,}"
_PER_CHAIN = rf"(?:\s?/\s?(?:{_NUMBER}\s?)?(?:{_PER_WORD}))+"
_PER_PIECE = re.compile(rf"/\s?(?:({_NUMBER})\s?)?({_PER_WORD})(?=\s?/|\Z)")
_MEASURES = ("mcg", "µg", "μg", "mg", "ng", "g", "kg", "mmol", "IU", "mL", "ml", "cc")  # "ng/ml" needs no number


def _area(country: str | None, area: str) -> str:
    """"1-800" is said "one eight hundred"; other area codes digit by digit."""
    said = area if area.endswith("00") else _digits(area)
    return f"{country} {said}" if country else said


def _phone(m: re.Match[str]) -> str:
    country, area, *rest = m.groups()
    return ", ".join([_area(country, area), *(_digits(g) for g in rest)])


def _letters(run: str) -> str:
    """A phone number's letters said as a word ("CANCER", "QUIT") or, with no vowel to say, spelled ("F.T.C")."""
    return run.lower() if len(run) > 2 and _VOWELS & set(run) else _spell(run)


_KEYPAD = {letter: str(key) for key, letters in enumerate("ABC DEF GHI JKL MNO PQRS TUV WXYZ".split(), start=2)
           for letter in letters}


def _keyed(tail: str) -> str:
    """A phone number's letters as the digits of their keys ("222-VETS" "2228387")."""
    return "".join(_KEYPAD.get(ch, ch) for ch in tail if ch.isalnum())


def _vanity_phone(m: re.Match[str], held: _Held) -> str:
    """"1-800-4-CANCER", "1-877-44U-QUIT": the area code, then each group in turn, its digits one by one and its
    letters as a word ("cancer") or spelled ("4 4-U"); groups of letters only run on as words ("quit now"). Its
    digits in brackets say the same number again: the whole number, or the digits its letters stand for
    ("1-877-222-VETS (8387)"), said digit by digit after "that is"."""
    country, area, bare_area, tail, numeric, keys = m.groups()
    groups: list[str] = []
    letters_before = False
    for group in re.split(r"[-–]", tail):
        # "44U" is "4 4-U": said as one group, and no review takes the "U" for a unit after a number
        said = "-".join(_digits(run) if run.isdigit() else _letters(run) for run in re.findall(r"\d+|[A-Z]+", group))
        if group.isalpha() and letters_before:
            groups[-1] += " " + said
        else:
            groups.append(said)
        letters_before = group.isalpha()
    said = _area(country, area or bare_area) + ", " + held.hold(", ".join(groups))
    if keys and _keyed(tail).endswith(_keyed(keys)):
        numeric = held.hold(", ".join(_digits(group) for group in re.split(r"[-–. ]", keys)))
    elif keys:
        return said + m.group()[m.end(4) - m.start():]  # digits that are no other writing of the number
    return f"{said}, that is, {numeric}," if numeric else said


# a toll-free number with letters: "1-800-4-CANCER", "1–877–44U–QUIT", "800-FDA-1088" (not "800 MG", a dose)
_VANITY = re.compile(r"(?<![\w-])(?:(1)[-–. ](8\d\d)[-–. ]|(?<![\d.,])(8\d\d)[-–.])"
                     r"(?=[\dA-Z–-]*[A-Z]{2})([\dA-Z]+(?:[-–][\dA-Z]+)*)(?![\w-])"
                     r"(?:\s*\((?:((?:1[-–. ])?\d{3}[-–. ]\d{3}[-–. ]\d{4})|(\d{3,}(?:[-–. ]\d+)*))\))?")


def _time(m: re.Match[str]) -> str:
    hour, minute, half, zone = m.group("h"), m.group("m"), m.groupdict().get("ap"), m.groupdict().get("tz")
    said = hour
    if minute and minute != "00":
        said += f" oh {minute[1]}" if minute[0] == "0" else f" {minute}"
    if half:
        said += " AM" if half[0].lower() == "a" else " PM"
    elif minute == "00":
        said += " o'clock"
    if zone:
        said += " " + TIME_ZONES[zone]
    return said + (_final_dot(m) if m.group().endswith(".") else "")


def _year(m: re.Match[str]) -> str:
    """"1993" is "nineteen ninety-three" (the voice says "nineteen hundred ninety three")."""
    century, rest = int(m.group()[:2]), int(m.group()[2:])
    if rest == 0:
        return f"{_ONES[century]} hundred"
    return f"{_ONES[century]} {'oh ' + _ONES[rest] if rest < 10 else _two_digits(rest)}"


def _two_digits(n: int) -> str:
    if n < 20:
        return _ONES[n]
    tens = _TENS[n // 10]
    return f"{tens}-{_ONES[n % 10]}" if n % 10 else tens


_ZONE_NAMES = "|".join(TIME_ZONES)


def _decade(m: re.Match[str]) -> str:
    century, decade = m.group(1), m.group(2)
    if decade == "00":
        return "two thousands" if century == "20" else f"{_ONES[int(century)]} hundreds"
    tens = _TENS_PLURAL[decade[0]]
    return f"{_ONES[int(century)]} {tens}" if century else tens


def _year_range(m: re.Match[str]) -> str:
    first, second = m.group(1), m.group(2)
    if len(second) == 2:
        second = first[:2] + second
    return f"{first} to {second}" if int(second) > int(first) else m.group()


def _iso_date(m: re.Match[str]) -> str:
    year, month, day = m.group(1), int(m.group(2)), int(m.group(3))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return m.group()
    return f"{_MONTHS[month - 1]} {day}, {year}"


# A two-digit year up to this many years ahead is this century's ("01/14/24" 2024, an expiry "03/31/30" 2030);
# a later one is the last century's (a birth date "05/03/45" 1945).
_YEARS_AHEAD = 10


def _full_year(year: str) -> int:
    if len(year) == 4:
        return int(year)
    this_year = datetime.date.today().year
    century = this_year // 100 * 100
    return century + int(year) if int(year) <= this_year % 100 + _YEARS_AHEAD else century - 100 + int(year)


def _us_date(m: re.Match[str]) -> str:
    """"5/1/2024" and "05/01/24": May 1, 2024; a day the month does not have ("2/30/24") is no date."""
    month, day, year = int(m.group(1)), int(m.group(2)), _full_year(m.group(3))
    try:
        datetime.date(year, month, day)
    except ValueError:
        return m.group()
    return f"{_MONTHS[month - 1]} {day}, {year}"


_ONE_THING = frozenset("a an each every this that".split())  # determiners of one thing: "a 5 mg tablet"
_NOUN_AFTER = re.compile(r"[\s\-]*([a-z]+)")


def _attributive(m: re.Match[str], determiner_at: int = 1) -> bool:
    """A measure that describes the noun after it, as in "a 5 mg tablet" or "a 45° angle": English says its unit
    in the singular (as if hyphenated, "a five-milligram tablet"); "5 mg of ..." and "take 5 mg" keep the plural."""
    before = [w.lower() for w in _words_before(m, determiner_at + 2)]
    ranged = len(before) >= determiner_at and before[-determiner_at] == "to"  # "a 1 to 2 cm lump": a range
    at = -determiner_at - (2 if ranged else 0)
    after = _NOUN_AFTER.match(m.string, m.end())
    return (len(before) >= -at and before[at] in _ONE_THING
            and after is not None and after.group(1) not in ("of", "and", "or", "to"))


def _sentence_dot(m: re.Match[str]) -> str:
    """An abbreviation's full stop, kept where it also ends a sentence: at the end of the text, or before a
    capital ("below 70 mg/dL. Your number may differ" is two sentences)."""
    if not m.group().endswith("."):
        return ""
    return "." if _at_end(m) or _next_char(m).isupper() else ""


def _per(chain: str, unit: str) -> str:
    """What follows a unit's slashes: "/dL" "per deciliter", "/5mL" "per 5 milliliters", "/kg/day" "per kilogram
    per day", a lone "/day" "a day"; "5mg/10mg" offers two strengths ("or")."""
    said = []
    for number, name in _PER_PIECE.findall(chain):
        folded = name.casefold()
        if not number:
            said.append(f"per {_PER_SAID.get(folded, name)}")
            continue
        singular, plural = _UNITS_FOLDED.get(folded, (name, name))
        said.append(f"{'or' if folded == unit.casefold() else 'per'} {number} {singular if number == '1' else plural}")
    return " a day" if said == ["per day"] else " " + " ".join(said)


def _unit(m: re.Match[str]) -> str:
    number, unit, per = m.group(1), m.group(2), m.group(3)
    singular, plural = _UNITS[unit]
    one = number == "1" or (not per and ("-" in m.group() or _attributive(m)))
    said = f"{number} {singular if one else plural}" + (_per(per, unit) if per else "")
    return said + _sentence_dot(m)


def _rate(m: re.Match[str]) -> str:
    """A unit per unit with no number, as in a table's header "(ng/ml)": "nanograms per milliliter"."""
    return _UNITS[m.group(1)][1] + _per(m.group(2), m.group(1)) + _sentence_dot(m)


def _money(m: re.Match[str]) -> str:
    dollars, cents = m.group(1), m.group(2)
    said = f"{dollars} {'dollar' if dollars == '1' else 'dollars'}"
    if cents and cents != "00":
        said += f" and {int(cents)} {'cent' if cents == '01' else 'cents'}"
    return said


def _decimal(m: re.Match[str]) -> str:
    return f"{m.group(1)} point {_digits(m.group(2))}"


def _vulgar(m: re.Match[str]) -> str:
    """"½" is "1/2", "1½" and "2 ½" "1 1/2" and "2 1/2", as the fraction rules read them."""
    if not m.group(2):
        return "/"  # a fraction slash: "1⁄2"
    top, bottom = unicodedata.normalize("NFKC", m.group(2)).split("\u2044")
    return f"{m.group(1)} {top}/{bottom}" if m.group(1) else f"{top}/{bottom}"


def _article(word: str) -> str:
    return "an" if word[:1] in "aeio" or word.startswith("hour") else "a"


def _fraction_words(top: str, bottom: str, one: str | None = "one") -> str | None:
    """A proper fraction in words: "one half", "three quarters"; `one` is the word for a numerator of one (None:
    "a" or "an", as in "2 and a half", "an eighth"). None when it is no fraction said in words ("7/10")."""
    names = _DENOMINATORS.get(bottom)
    if names is None or not 0 < int(top) < int(bottom):
        return None
    if top == "1":
        return f"{one or _article(names[0])} {names[0]}"
    return f"{_ONES[int(top)]} {names[1]}"


def _fraction(m: re.Match[str]) -> str:
    """"1/2" one half, "2 1/2" 2 and a half, "120/80" 120 over 80."""
    whole, top, bottom = m.groups()
    said = _fraction_words(top, bottom, None if whole else "one")
    if said is None:
        return f"{whole + ' ' if whole else ''}{top} over {bottom}"
    return f"{whole} and {said}" if whole else said


_MEASURE_WORDS = {word: (word, word + ("es" if word.endswith(("s", "ch")) else "s")) for word in (
    "cup teaspoon tablespoon ounce pound inch hour minute mile gallon pint quart liter litre tablet pill capsule "
    "glass dose stick slice can serving").split()}
_MEASURE_WORDS |= {forms[1]: forms for forms in list(_MEASURE_WORDS.values())}
_DETERMINERS = _ONE_THING | {"the", "per", "one"}


def _measured_fraction(m: re.Match[str]) -> str:
    """A fraction of a measure, singular below one: "½ tsp" half a teaspoon, "¾ cup" three quarters of a cup,
    "¼ cup" a quarter of a cup; before its noun, "a ½ cup serving" a half cup serving, "1/2-inch pieces" half inch
    pieces; "1 ½ tsp" 1 and a half teaspoons."""
    whole, top, bottom, hyphen, unit, word = m.groups()
    singular, plural = _UNITS[unit] if unit else _MEASURE_WORDS[word.lower()]
    part = _fraction_words(top, bottom, None)
    before = _words_before(m, 1)
    if part is None:
        said = f"{whole + ' ' if whole else ''}{top} over {bottom} {plural}"
    elif whole:
        said = f"{whole} and {part} {singular if hyphen else plural}"
    elif hyphen or (before and before[0].lower() in _DETERMINERS):
        said = f"{part.split(' ', 1)[1] if top == '1' else part[:-1]} {singular}"
    elif top == "1" and bottom == "2":
        said = f"half {_article(singular)} {singular}"
    else:
        said = f"{part} of {_article(singular)} {singular}"
    return said + _sentence_dot(m)


_TEMPERATURE_TOPIC = re.compile(r"(?i:temperature|fever|thermometer|degree|cook|oven|heat|boil|freez|fridge"
                                r"|refrigerat|weather|\bwarm|\bhot\b|\bcold\b)")
# Fahrenheit from 1 to 31 is too cold for a page about health and the size of a catheter ("a 5F catheter").
_SCALES = {"C": ("Celsius", ((-60, 300),)), "F": ("Fahrenheit", ((-60, 0), (32, 600)))}
_NOT_TEMPERATURE_AFTER = frozenset("stage stages type types grade grades class level phase step part vitamin "
                                   "hepatitis factor size room unit ward bay bed floor suite apartment apt gauge "
                                   "form".split())


def _bare_temperature(m: re.Match[str]) -> str:
    """"38C", "100.4 F" in text about temperature are degrees ("38 degrees Celsius"); "Stage 2C" and a "5F"
    catheter's size are not (a word naming a class before it, a number no thermometer shows, or no word of
    temperature in the sentence)."""
    number, scale = m.group(1), m.group(2)
    name, ranges = _SCALES[scale]
    before = _words_before(m, 1)
    if (not any(low <= float(number) <= high for low, high in ranges) or not _TEMPERATURE_TOPIC.search(m.string)
            or (before and before[0].lower().strip("(,") in _NOT_TEMPERATURE_AFTER)):
        return m.group()
    return f"{number} degrees {name}"


_DOSING = {"bid": "twice a day", "tid": "three times a day", "qid": "four times a day", "qd": "once a day",
           "qod": "every other day", "qhs": "at bedtime", "hs": "at bedtime", "prn": "as needed", "po": "by mouth"}
_DOSING_LOWER_ONLY = ("hs", "po")  # "H.S." (a high school) and "P.O. Box" are no doses
_DOSING_DOTTED = "|".join(r"\.".join(key) if key in _DOSING_LOWER_ONLY else "(?i:" + r"\.".join(key) + ")"
                          for key in sorted(_DOSING, key=len, reverse=True))


def _every_hours(m: re.Match[str]) -> str:
    """"q4h" every 4 hours, "q4-6h" every 4 to 6 hours, "q1h" every hour."""
    first, last = m.group(1), m.group(2)
    if last:
        return f"every {first} to {last} hours" + _sentence_dot(m)
    return ("every hour" if first == "1" else f"every {first} hours") + _sentence_dot(m)


_SERVICE_NUMBERS = "911|988|999|112|111|211|311|411|511|611|711|811"
_SERVICE_VERBS = frozenset("call dial text phone ring".split())
_AFTER_SERVICE_NUMBER = frozenset("if or and for right now immediately to from in on when as with straight "
                                  "away".split())
# After a service number that names the service ("988 is the Suicide and Crisis Lifeline", "911 can send help"),
# a verb follows; after a count ("988 people"), its noun.
_SERVICE_NAMED_BY = frozenset("is was has can will offers provides connects answers operators dispatchers "
                              "calls".split())
_NAME_LEADS = frozenset("the a an your our local".split())  # "the 988 Lifeline", "your local 911 center"
_WORD_AFTER = re.compile(r"\s*([A-Za-z]+)")


def _service_number(m: re.Match[str]) -> str:
    """An emergency or service number is said digit by digit ("nine one one") after call, dial or text, after
    "at" or "or" unless a noun follows ("at 911 sites"), alone on its line, or as the name of its service: at the
    start of a sentence or after "the" with a verb or a capitalized name after it ("988 is ...", "the 988
    Lifeline"); "911 patients" is a count."""
    before = _words_before(m, 1)
    after = _WORD_AFTER.match(m.string, m.end())
    opens = not before or _SENTENCE_START.search(m.string, 0, m.start()) is not None
    if after is not None and (opens or before[0].lower() in _NAME_LEADS) and (
            after.group(1)[0].isupper() or after.group(1).lower() in _SERVICE_NAMED_BY):
        return _digits(m.group())
    if before and not opens:
        verb = before[0].lower() in _SERVICE_VERBS
        alone = after is None or after.group(1) in _AFTER_SERVICE_NUMBER
        return _digits(m.group()) if verb or alone else m.group()
    return _digits(m.group()) if not m.string[m.end():].strip(" .!") else m.group()


def _spaced_service_number(m: re.Match[str]) -> str:
    """"9-1-1" and "9.1.1" are 911 written so that it is said digit by digit: it is, like "9 1 1"."""
    digits = m.group(1) + m.group(3) + m.group(4)
    return _digits(digits) if digits in _SERVICE_NUMBERS.split("|") else m.group()


_STREET_TYPES = ("Road|Rd|Street|St|Avenue|Ave|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Parkway|Pkwy"
                 "|Highway|Hwy|Circle|Cir|Terrace|Pike|Square|Trail")
# A house number before a street's name ("2957 Clairmont Road", "4500 East-West Highway", "10100 N Main St")
_STREET_NUMBER = re.compile(rf"(?<![\w.,$/-])(\d{{4,5}})(?=\s+(?:(?:[NSEW]\.?|[A-Z][\w'-]*)\s+){{1,3}}"
                            rf"(?:{_STREET_TYPES})\b)")


def _street_number(m: re.Match[str]) -> str:
    """A house number of four or five digits is said in pairs, as people say addresses: "2957" "29 57", "1600"
    "16 hundred", "1005" "10 oh 5", "12345" "1 23 45", "10100" "1 oh 1 hundred"; one of up to three digits ("100
    Main Street") is said as a number."""
    number = m.group(1)
    return _pairs(number) if len(number) == 4 else f"{number[0]} {_pairs(number[1:])}"


_ROMAN_CONTEXT = r"(?i:stages?|types?|grades?|phases?|class(?:es)?|levels?|parts?|chapters?|steps?|factors?)"
_ROMAN_NUMERAL = r"(VIII|VII|VI|IV|IX|V|III|II|I|X)([A-C]?)"
# "the main factor I found", "the part I liked": a lone "I" before a verb is the pronoun, not a numeral
_PRONOUN_I = r"(?!(?<=\bI)\s+(?:am|was|have|had|do|did|don't|can|could|will|would|should|may|might|must|need|think|know|" \
             r"feel|felt|find|found|get|got|see|saw|like|want|use|take|took|go|went|say|said|mean|made|told|heard|[a-z]+ed)\b)"
_ROMAN_JOIN = r"(?:,\s*(?:or\s+|and\s+)?|\s+(?:or|and|to|through)\s+|\s?[-–]\s?)"
_UNIT_NAMES = "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True))

_NUMBERS: list[Rule] = [
    ("fraction", re.compile(r"(?:(?<![\d.,])(\d+) ?)?([\u00bc-\u00be\u2150-\u215e])|(?<=\d)\u2044(?=\d)"), _vulgar),
    ("dosing", re.compile(rf"(?<![\w.])(?:{_DOSING_DOTTED})\.?(?!\w|\.\w)"),
     lambda m: _DOSING[m.group().replace(".", "").lower()] + _sentence_dot(m)),
    ("dosing", re.compile(r"(?<![\w.])[qQ]\.?\s?(\d{1,2})(?:\s?[-–]\s?(\d{1,2}))?\s?(?:h|hrs?|hours?|H)\b\.?"),
     _every_hours),
    ("phone", re.compile(r"(?<![\w-])(?:\+?(1)[-–. ])?\(?(\d{3})\)?[-–. ]?(\d{3})[-–.](\d{4})(?![\w-])"), _phone),
    ("phone", re.compile(rf"(?<![\w.,-])(?:{_SERVICE_NUMBERS})(?![\w-]|[.,]\d)"), _service_number),
    ("phone", re.compile(r"(?<![\w.,-])(\d)([-.])(\d)\2(\d)(?![\w-]|[.,]\d)"), _spaced_service_number),
    ("date", re.compile(r"(?<![\w-])((?:19|20)\d\d)-(\d\d)-(\d\d)(?![\w-])"), _iso_date),
    ("date", re.compile(r"(?<![\w/])(\d{1,2})/(\d{1,2})/((?:19|20)\d\d|\d\d)(?![\w/])"), _us_date),
    ("time", re.compile(r"(?<![\w:.])(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?"
                        r"\s?(?P<ap>[ap]\.\s?m\.|[ap]m\b|[AP]M\b|[ap]\.m\b)"
                        rf"(?:\s(?P<tz>{_ZONE_NAMES})\b\.?)?"), _time),
    ("time", re.compile(r"(?<![\w:.])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?![\w:])"), _time),
    # a section of a code of laws: "300aa-26" is "300 A.A 26" (not "1st-2nd", an ordinal)
    ("code", re.compile(r"(?<![\w.-])(\d+)((?!st|nd|rd|th)[a-z]{1,2})-(\d+)(?![\w-])"),
     lambda m: f"{m.group(1)} {_spell(m.group(2).upper())} {m.group(3)}"),
    ("year range", re.compile(r"(?<![\w.,-])((?:1[89]|20)\d\d)\s?[-–—]\s?((?:1[89]|20)\d\d|\d\d)(?!\w|-\d|[.,]\d)"),
     _year_range),
    ("decade", re.compile(r"(?<![\w'])(?:(1[89]|20)|')(\d0)s(?!\w)"),
     lambda m: _decade(m) if m.group(1) or m.group(2) != "00" else m.group()),
    ("range", re.compile(rf"(?<![\w.,-])({_NUMBER})\s?(%?)\s?[-–—]\s?({_NUMBER})(?!\w|-\d|[.,]\d)"),
     lambda m: f"{m.group(1)}{m.group(2)} to {m.group(3)}"),
    ("range", re.compile(r"(?<=\d)-\s+(to|or|and)\s+(?=\d)"), r" \1 "),  # "a 1- to 2-hour meeting"
    ("range", re.compile(r"(?:(?<=\d)|(?<=\b[AP]M)|(?<=o'clock))\s?[–—]\s?(?=\d)"), " to "),  # times
    ("roman numeral", re.compile(rf"\b{_ROMAN_CONTEXT}(?:\s+|-){_ROMAN_NUMERAL}{_PRONOUN_I}(?:{_ROMAN_JOIN}{_ROMAN_NUMERAL})*\b"),
     lambda m: re.sub(rf"\b{_ROMAN_NUMERAL}\b", lambda r: " ".join(filter(None, (_ONES[_ROMAN[r.group(1)]], r.group(2)))),
                      m.group())),
    # a numeral joined to an acronym names its kind: "IGF-I" is "I.G.F one", "COX-II" "COX two"
    ("roman numeral", re.compile(r"(?<![\w.'-])([A-Z]{2,})-(VIII|VII|VI|IV|IX|V|III|II|I|X)(?![\w'-])"),
     lambda m: f"{m.group(1)} {_ONES[_ROMAN[m.group(2)]]}"),
    ("address", _STREET_NUMBER, _street_number),
    ("identifier", re.compile(r"(?<![\w.,])\d{6,}(?![\w,]|\.\d)"), lambda m: _digits(m.group())),
    ("money", re.compile(r"\$\s?(\d+(?:,\d{3})*)(?:\.(\d\d))?(?!\d)"), _money),
    ("percent", re.compile(r"(?<=\d)\s?%"), " percent"),
    ("year", re.compile(r"(?<![\w.,$])1[1-9]\d\d(?![\w,]|\.\d|\s?(?:percent|to \d))"), _year),
    ("temperature", re.compile(r"(?<![\w.,-])(-?\d{1,3}(?:\.\d)?) ?([CF])(?![\w'-]|\.\w)"), _bare_temperature),
    ("fraction", re.compile(rf"(?<![\w/.,])(?:(\d{{1,3}}) )?(\d{{1,2}})/(\d{{1,2}})(?: |(-))?(?:({_UNIT_NAMES})(?![\w/])\.?"
                            rf"|(?i:({'|'.join(_MEASURE_WORDS)}))\b)"), _measured_fraction),
    ("unit", re.compile(rf"(?<![\w.])({_NUMBER})(?:\s|-(?=[a-zµμ]))?({_UNIT_NAMES})({_PER_CHAIN})?(?![\w/])\.?"), _unit),
    ("unit", re.compile(rf"(?<![\w/.])({'|'.join(_MEASURES)})({_PER_CHAIN})(?![\w/])\.?"), _rate),
    ("unit", re.compile(r"(?<![\w/.])mm ?Hg\b"), "millimeters of mercury"),  # a column's unit: "SYSTOLIC mm Hg"
    # a slash between two quantities that are no units: "24 hours a day/7 days a week" is said with a pause
    ("slash", re.compile(r"(?<![\w.])(\d+(?:\.\d+)?(?: [a-z]+){1,3}) ?/ ?(?=\d+(?:\.\d+)? [a-z])"), r"\1, "),
    ("fraction", re.compile(r"(?<![\w/.])(?:(\d{1,3}) )?(\d{1,3})/(\d{1,3})(?![\w/])"), _fraction),
    ("decimal", re.compile(r"(?<![\w.])(\d+)\.(\d+)(?![\w]|\.\d)"), _decimal),
    ("temperature", re.compile(r"\s?°\s?([FC])\b"),
     lambda m: " degrees " + ("Fahrenheit" if m.group(1) == "F" else "Celsius")),
    ("temperature", re.compile(r"\s?°"), lambda m: " degree" if _attributive(m, 2) else " degrees"),
]

_BRACKETED_TOKEN = re.compile(r"\s*\(\s*([^\s()]+)\s*\)")


def _expansions(token: str, lexicon: Lexicon) -> list[str]:
    """What an abbreviation stands for, by the unit table ("mcg" micrograms, "mg/dL" milligrams per deciliter) or
    the lexicon ("BP" = "blood pressure" in a project's file)."""
    unit, _, per = token.partition("/")
    said = list(_UNITS.get(unit, ())) if not per or per in _PER else []
    said = [f"{form} per {_PER[per]}" if per else form for form in said]
    entry = lexicon.entry(token)
    return said + ([entry.spoken] if entry and entry.spoken != token else [])


def _drop_repeated_abbreviation(text: str, lexicon: Lexicon, report: Report | None) -> str:
    """"800 micrograms (mcg)": an abbreviation in brackets right after the words it stands for says nothing new
    aloud; one the listener will hear again and cannot expand ("ductal carcinoma in situ (DCIS)") stays."""
    def drop(m: re.Match[str]) -> str:
        for expansion in _expansions(m.group(1), lexicon):
            said = expansion.lower().split()
            before = [w.strip(",;:").lower() for w in _words_before(m, len(said))]
            if before == said:
                if report is not None:
                    report.rules["repeated abbreviation"] += 1
                return ""
        return m.group()

    return _BRACKETED_TOKEN.sub(drop, text)


_NUMBER_WORDS = frozenset(_ONES) | frozenset(_TENS[2:]) | {"hundred", "thousand"}
_RESTATED = re.compile(r"\s*\(\s*([\w –—-]+?)\s*\)")
_LOOK_BACK_WORDS = 8


def _number_words(text: str) -> list[str]:
    """A phrase with its numbers in words and its ranges joined by "to" ("2–4" and "two to four" both "two to
    four"), to compare a number with its restatement."""
    text = re.sub(r"(\d+)\s*[-–—]\s*(\d+)", r"\1 to \2", text.lower())
    text = re.sub(r"\d+", lambda m: num2words(int(m.group())), text)
    words = [w.strip(",;:") for w in re.split(r"[\s-]+", text)]
    return ["to" if w in ("or", "through") else w for w in words if w and w != "and"]


def _drop_restated_number(text: str, report: Report | None) -> str:
    """"two to four (2–4) hours", "4 (four) tablets": a bracket that writes the number before it again, in digits
    or in words, says nothing new aloud and is dropped ("for 2 (or 3) days" keeps its bracket)."""
    def drop(m: re.Match[str]) -> str:
        restated = _number_words(m.group(1))
        if not (set(restated) & _NUMBER_WORDS and set(restated) <= _NUMBER_WORDS | {"to"}):
            return m.group()
        before = _number_words(" ".join(_words_before(m, _LOOK_BACK_WORDS)))
        if before[-len(restated):] != restated:
            return m.group()
        if report is not None:
            report.rules["restated number"] += 1
        return ""

    return _RESTATED.sub(drop, text)


# ---------------------------------------------------------------- acronyms

_VOWELS = set("AEIOUY")
_EG = re.compile(r"\bE\.G\.")


def _spell(letters: str) -> str:
    """Letters said one by one, written so the voice says each (see module docstring)."""
    return _EG.sub("E.G-", ".".join(letters))  # "E.G.F.R" would be read "for example F R"


def _long_word(letters: str) -> bool:
    """Capitals long enough, with vowels enough, to be said as a word ("WARNING"; not "USPSTF")."""
    return len(letters) > 5 and sum(ch in _VOWELS for ch in letters) * 4 > len(letters)


def _acronym(m: re.Match[str]) -> str:
    """"NCI" "N.C.I", "NCI's" "N.C.I's", "AYAs" "A.Y.A.'s", "NCI-supported" "N.C.I supported"; a long
    capitalized word with vowels to say ("WARNING") is a word, a long one without ("USPSTF") is spelled."""
    letters, digits, suffix, hyphen = m.group(1), m.group(2), m.group(3), m.group(4)
    if not digits and _long_word(letters):
        return m.group()
    said = _spell(letters) + {"s": ".'s", "'s": "'s", "'S": "'s"}.get(suffix or "", "")
    said = f"{said} {digits}" if digits else said
    return said + (" " if hyphen else "")


def _compound(m: re.Match[str]) -> str:
    """Hyphenated all-caps names: "B-PREP" is "B-prep", "X-RAY" "X-ray"; "ER-PR" is spelled, and so are letters
    joined one by one ("U-M", the University of Michigan, is "U.M")."""
    parts = m.group().split("-")
    if all(len(p) == 1 for p in parts):
        return _spell("".join(parts))
    wordlike = any(len(p) == 1 for p in parts)
    said = [p.lower() if wordlike and len(p) >= 3 and _VOWELS & set(p) else
            (p if len(p) == 1 else _spell(p)) for p in parts]
    return "-".join(said)


def _pairs(digits: str) -> str:
    """Four digits said in two pairs, as years and addresses are: "3535" "35 35", "2005" "20 oh 5", "1600" "16
    hundred"."""
    high, low = digits[:2], digits[2:]
    said = f"oh {high[1]}" if high[0] == "0" else high
    if low == "00":
        return f"{said} hundred"
    return f"{said} oh {low[1]}" if low[0] == "0" else f"{said} {low}"


def _code_digits(run: str) -> str:
    """A code's digits: a number up to three digits ("10") or a round one ("X1000"), four in pairs ("35 35"), more
    one by one."""
    return run if len(run) < 4 or run.endswith("00") else _pairs(run) if len(run) == 4 else _digits(run)


def _code(m: re.Match[str]) -> str:
    """A code of capitals and digits, said in its parts: "IR3535" "I.R 35 35", "10-10EZ" "10 10 E.Z", "CYP2D6"
    "C.Y.P 2 D 6". Codes the voice already reads right ("H1N1", "N95", "A1C", "HPV16" spelled by the acronym
    rule) have no run of two letters after a digit or of four digits, and are left alone."""
    code = m.group()
    runs = re.findall(r"\d+|[A-Z]+", code)
    if not (re.search(r"\d[A-Z]{2}|[A-Z]{2}\d|\d{4}", code.replace("-", ""))) or re.fullmatch(r"[A-Z]{2,}\d{1,3}", code):
        return code
    return " ".join(_code_digits(run) if run.isdigit() else _spell(run) for run in runs)


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


def _unshout(text: str, loud: bool) -> str:
    """A sentence typed in capitals (`loud`, see `shouted`) is not a row of acronyms: read its long words as words."""
    if not loud:
        return text
    lowered = _SHOUT_WORD.sub(lambda m: m.group().lower() if _shouted_word(m.group().removesuffix("'S"))
                              else m.group(), text)
    return lowered[:1].upper() + lowered[1:]


def _shouted_word(letters: str) -> bool:
    """A word of a shouted sentence said as a word: a common one, one the CMU dictionary says as a word, or a long
    one with vowels ("TRIAMCINOLONE"); "DCIS" and "NCI's" stay, to be spelled."""
    return letters in _COMMON_CAPS or len(letters) > 3 and (_said_as_word(letters) or _long_word(letters))


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
_SENTENCE_START = re.compile(r"(?:^|[.?!]\s)[\s\"'“(]*\Z")


def _said_as_word(word: str) -> bool:
    """Whether the CMU dictionary says a word as a word ("why" W AY1), not letter by letter ("dna" D IY2 EH2 N EY1)."""
    phones = pronunciation(word)
    if phones is None or "#" in phones:  # "hiv ... # abbrev"
        return False
    return re.sub(r"\d", "", phones) != " ".join(_LETTER_NAMES.get(ch, "?") for ch in word.lower())


def _run_word(token: str) -> bool:
    """A capital word that reads as a word inside a run of capital words ("SIDE EFFECTS", "IF I FORGET"): said as a
    word by the CMU dictionary, and if of two letters a common one ("IF", not "ER" or "MS")."""
    return all(part in _COMMON_CAPS if len(part) == 2 else len(part) > 2 and _said_as_word(part)
               for part in token.split("-"))


def _lone_word(token: str, lexicon: Lexicon) -> bool:
    """A capital word alone among lower-case ones that is emphasis, not an acronym: a common word ("NOT", "WHY") or
    words joined by a hyphen ("LIFE-THREATENING"), unless the lexicon says it ("ALL", "BI-RADS")."""
    common = token in _EMPHASIS_WORDS and len(token) > 2
    joined = "-" in token and all(len(part) > 3 for part in token.split("-"))
    return (common or joined) and not lexicon.knows(token)


def _emphasis(text: str, lexicon: Lexicon, report: Report | None) -> str:
    """Capital words typed for emphasis are read as words ("WHY is", "What SIDE EFFECTS", "have NOT"): a run of
    two or more capital words that are all words, a longer word beside an acronym ("CT SCAN"), or a lone common
    word that the lexicon does not claim as an acronym ("ALL" the leukemia, "WHO"). Other capitals stay, to be
    spelled ("AML", "a CAD risk", "the ER")."""
    def lower(token: str, at: int) -> str:
        if report is not None:
            report.rules["emphasis"] += 1
        said = token if token == "I" else token.lower()
        return said[:1].upper() + said[1:] if _SENTENCE_START.search(text, 0, at) else said

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
            said += [lower(t, a) if words > 1 or _lone_word(t.strip("()"), lexicon)
                     or (words_in_run > 1 and len(t.strip("()")) > 3) else t for t, a in group]
            group = []
            if token:
                said.append(token)
        return " ".join(said)

    return _CAPITAL_RUN.sub(run, text)


_ACRONYMS: list[Rule] = [
    ("dotted acronym", re.compile(r"(?<![\w.])((?:[A-Za-z]\.){2,})(?!\w)"),
     lambda m: m.group(1)[:-1] + _final_dot(m)),
    ("mixed case", re.compile(r"(?<![\w.'-])([a-z]{1,2})([A-Z]{2,})(?![\w'])"),
     lambda m: _spell(m.group().upper())),  # "mRNA", "cDNA": every letter said
    ("camel case", re.compile(r"(?<![\w.'-])([a-z]{3,})([A-Z]{3,})(?![\w'])"),
     lambda m: f"{m.group(1)} {m.group(2).lower()}"),  # "abnobaVISCUM": a brand in two words
    ("camel case", re.compile(r"\b(?!Mc)([A-Z][a-z]+)((?:[A-Z][a-z]{2,})+)\b"),
     lambda m: m.group(1) + re.sub(r"(?=[A-Z])", " ", m.group(2))),  # "GammaKnife", "MedlinePlus"
    ("camel case", re.compile(r"\b([A-Z][a-z]{2,})([A-Z][a-z]?)\b"),
     lambda m: f"{m.group(1)} {_spell(m.group(2).upper())}"),  # "IscadorM", "IscadorQu"
    # "DTaP", "IgG", "HbS": capitals with a lower-case letter or two between them are spelled ("McCoy" is a name)
    ("mixed case", re.compile(r"(?<![\w.'-])[A-Z](?:[A-Z]|[a-z]{1,2}(?=[A-Z]))*[a-z]{1,2}[A-Z]+(?![\w'-]|\.\w)"),
     lambda m: _spell(m.group().upper())),
    ("code", re.compile(r"(?<![\w.'-])(?=[A-Z\d-]*[A-Z])(?=[A-Z\d-]*\d)[A-Z\d]+(?:-[A-Z\d]+)*(?![\w'-]|\.\w)"), _code),
    # a CAT scan with CT beside it ("computed tomography (CT or CAT) scan"): the word, not C.A.T
    ("acronym", re.compile(r"\bCAT\b(?=\)?\s+scans?\b|\s?(?:or|/)\s?CT\b)|(?<=\bCT or )CAT\b|(?<=\bCT/)CAT\b"), "cat"),
    ("acronym", re.compile(r"(?<![\w.'-])[A-Z]+(?:-[A-Z]+)+(?![\w'-]|\.\w)"), _compound),
    ("acronym", re.compile(r"(?<![\w.'])(?<![A-Z\d]-)([A-Z]{2,})(\d{0,3})(s|'[sS])?(-(?=[A-Za-z]*[a-z]))?"
                           r"(?(4)|(?![\w']|-[A-Z\d]|\.\w))"), _acronym),
]

# ---------------------------------------------------------------- punctuation for the ear

_LONG_QUOTE_WORDS = 6
_QUOTATION = re.compile(r"[“\"]([^“”\"]+?)([,.;:?!]?)[”\"]([,.;:?!]?)")
# 'blood thinners': single quotes used as quotation marks open before a word and close after one; an apostrophe
# inside a word ("don't") or closing a plural possessive ("patients' rights", never opened) is no quotation mark.
_SINGLE_QUOTATION = re.compile(r"(?<![\w.'])'(?=\w)((?:[^'\n]|(?<=\w)'(?=\w))+?)([,.;:?!]?)'(?![\w'])([,.;:?!]?)")


def _quotation(m: re.Match[str], words: tuple[str, str] = ("quote", "end quote")) -> str:
    """A listener hears where a quotation starts and ends: a long one is framed by "quote" and "end quote",
    a short one ("no pain, no gain") is a clause of its own between pauses; a word or two in quotes
    ("friendly", "Supportive Care") is a name or a scare quote, read on without a pause."""
    inner, inside, after = m.group(1).strip(), m.group(2), m.group(3)
    if len(inner.split()) <= 2:
        return f" {inner}{inside}{after} "
    # A question or exclamation mark inside is the quotation's own ("go to "How Is It Treated?""): it stays
    # with it, and the sentence ends with its own mark, a full stop where the quotation closes it.
    asks = inside if inside in "?!" else ""
    end = after or ("." if inside == "." or (asks and _at_end(m)) else "")
    if len(inner.split()) >= _LONG_QUOTE_WORDS:
        return f", {words[0]}, {inner}{asks}, {words[1]}{end or ','} "
    return f", {inner}{asks}{'' if asks and end == '.' else end or ','} "


def _slash(m: re.Match[str], words: tuple[str, str] = (" and ", " or ")) -> str:
    """"Dana-Farber/Brigham" joins two institutions' names ("and"); "yes/no" and "Keywords/Phrases" offer
    a choice ("or"). A hyphenated capitalized name on the left is what marks the institutions."""
    before = _words_before(m, 1)
    names = bool(before) and before[0][:1].isupper() and "-" in before[0] and _next_char(m).isupper()
    return words[0] if names else words[1]


# Marks said as pauses (the same in every language), before and after the rules that name symbols in words.
PAUSE_MARKS: list[Rule] = [
    ("dash", re.compile(r"(?<=[a-z])–(?=[a-z])"), " "),  # "transcription–polymerase" joins two words
    ("dash", re.compile(r"\s*(?:—|–|--)\s*|\s+-\s+"), ", "),
    # An aside is said between commas: Piper's phonemizer drops brackets (no pause at all), renders a dash as the
    # same ';' pause as a comma, and cannot be told to lower its pitch; measured in docs/review.md.
    ("parentheses", re.compile(r"\s*[(\[]\s*"), ", "),
    ("parentheses", re.compile(r"\s*[)\]](?=\s*[,;:.?!])"), ""),  # "(e.g., colitis); severe": its own mark stays
    ("parentheses", re.compile(r"\s*[)\]]"), ","),
    ("ellipsis", re.compile(r"\s*(?<!\.)\.{3,}\s*(?=[A-Z])"), ". "),
    ("ellipsis", re.compile(r"\s*(?<!\.)\.{3,}\s*(?=\S)"), ", "),
    ("ellipsis", re.compile(r"\s*(?<!\.)\.{3,}\s*$"), "."),
]
SLASH_SERIES: Rule = ("slash", re.compile(r"\b\w+(?:\s?/\s?\w+){2,}"), lambda m: re.sub(r"\s?/\s?", ", ", m.group()))
LEFTOVER_MARKS: list[Rule] = [
    ("quote", re.compile(r"[\"“”„«»]|(?<![\w.])'|'(?![\w])(?<!s')"), ""),
    ("symbol", re.compile(r"(?<!\S)[^\w\s\ue000-\uf8ff]{2,}(?!\S)|[%$]{2,}"), " "),  # "%% $$$": nothing to say
    ("symbol", re.compile(r"[*•·▪◦■□►▶→←↑↓|\\^_`{}<>~=+@#†‡§¶]"), " "),
]

_PUNCTUATION: list[Rule] = [
    ("quote", _QUOTATION, _quotation),
    ("quote", _SINGLE_QUOTATION, _quotation),
    *PAUSE_MARKS,
    ("ampersand", re.compile(r"\s*&\s*"), " and "),
    ("slash", re.compile(r"\band/or\b"), "and or"),
    SLASH_SERIES,
    ("slash", re.compile(r"(?<=\w)\s?/\s?(?=[\w\ue000-\uf8ff])"), _slash),
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


def _tidy(text: str) -> str:
    """Collapse spaces and the doubled or dangling commas that removed marks leave behind."""
    for pattern, repl in _TIDY:
        text = pattern.sub(repl, text)
    return text.strip(" ,;")


def normalize(text: str, lexicon: Lexicon, report: Report | None = None,
              link_phrase: str | None = None) -> str:
    """Turn one written sentence (or paragraph) into the words a voice should say."""
    held = _Held()
    text = _clean_chars(text)
    text = _run(_FOOTNOTES, text, report)
    text = _links(text, held, link_phrase, report)
    text = _drop_repeated_abbreviation(text, lexicon, report)
    text = _drop_restated_number(text, report)
    loud = shouted(text, report, lexicon.knows)
    text = _emphasis(text, lexicon, report)
    text = lexicon.apply(text, report, mark=held.hold)
    text = _run(_TITLES, text, report)
    text = _run([("phone", _VANITY, lambda m: _vanity_phone(m, held))], text, report)
    text = _run(_NUMBERS, text, report)
    text = _unshout(text, loud)
    text = _run(_ACRONYMS, text, report)
    text = _run(_PUNCTUATION, text, report)
    return held.release(_tidy(text))


_INITIAL_DOT = re.compile(r"(?<![\w.])([A-Z])\.(?=\s+[A-Z])")


def for_voice(sentence: str) -> str:
    """A script sentence as a neural voice must get it: an initial keeps its full stop in the script ("Tari
    A. King", "the U. S. Food"), but Piper would end a sentence there, and says a lone "A" as "uh"."""
    return _INITIAL_DOT.sub(lambda m: "A," if m.group(1) == "A" else m.group(1), sentence)


# ---------------------------------------------------------------- lists

_LIST_MARK = re.compile(r"^\s*(?:[-–—*•·▪◦+>]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)](?=\s))\s+")


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


ENGLISH_LIST = ListWords(
    ordinals=tuple("First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth".split()),
    number="Number {n}", and_word="and",
    trailing_join=re.compile(r"[\s,;]*(?:\b(and|or))?[\s,;.]*$"),
    articles=("A", "An", "The"),
    lead_in=re.compile(r"\b(?:including|include|includes|such as|are|is|like)$"),
    plain_word=lambda word: pronunciation(word) is not None,  # in the CMU dictionary (a brand name is not)
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


def _join_colons(pieces: list[tuple[str, int]], words: ListWords) -> list[tuple[str, int]]:
    """A piece ending in a colon (a lead-in, or an item that introduces the next ones, "It is used:") runs on
    into the next piece, so that it is never said as a finished or broken sentence ("... include." / "At
    this time."); the joined piece keeps the first one's place in the list."""
    joined: list[tuple[str, int]] = []
    for piece, place in pieces:
        if joined and joined[-1][0].endswith(":"):
            first, rest = re.match(r"(.*?[.?!](?=\s)|.*)(.*)", piece, re.S).groups()  # its first sentence decides
            joined[-1] = (f"{joined[-1][0]} {_lower_first(first, words)}{rest}",
                          joined[-1][1] if joined[-1][1] != LEAD else place)
        else:
            joined.append((piece, place))
    return joined


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
                say_with: Callable[..., str] | None = None, words: ListWords = ENGLISH_LIST) -> str:
    """A lead-in and list items as spoken sentences: never "dash", always a natural list (in English, unless
    another language's normalizer `say_with` and list `words` are given)."""
    return " ".join(text for text, _ in list_pieces(lead_in, items, ordered, lexicon, report, link_phrase,
                                                     say_with=say_with, words=words))


def list_pieces(lead_in: str, items: Sequence[str], ordered: bool, lexicon: Lexicon,
                report: Report | None = None, link_phrase: str | None = None, *,
                say_with: Callable[..., str] | None = None, words: ListWords = ENGLISH_LIST) -> list[tuple[str, int]]:
    """A spoken list in pieces of whole sentences, each with what it says: an item (by its position in
    `items`), the lead-in alone (LEAD), or several items together (TOGETHER)."""
    def say(text: str) -> str:
        return (say_with or normalize)(text, lexicon, report, link_phrase)

    raw = [(_LIST_MARK.sub("", item).strip(), place) for place, item in enumerate(items)]
    raw = [(item, place) for item, place in raw if item.strip(" ,;.")]
    lead = say(lead_in) if lead_in.strip() else ""
    if report is not None and raw:
        report.rules["ordered list" if ordered else "list"] += 1
    if not raw:
        return [(lead, LEAD)] if lead else []
    if any(_is_sentence(item) for item, _ in raw):
        spoken = [(say(item), place) for item, place in raw]
        spoken = [(s if s[-1:] in ".?!:" else s + ".", place) for s, place in spoken]
        if ordered:
            spoken = [(f"{_ordinal(n, words)}, {_lower_first(s, words)}", place) for n, (s, place) in enumerate(spoken)]
        head = re.sub(r"[;,]$", ".", lead)
        if head and head[-1] not in ".?!:":
            head += "."
        pieces = _join_colons([(head, LEAD), *spoken] if head else spoken, words)
        return [(p if p[-1:] in ".?!" else p.rstrip(":") + ".", place) for p, place in pieces]
    if any(len(split_sentences(item)) > 1 for item, _ in raw):  # items of several sentences
        return _item_lines(lead, raw, ordered, say, words)
    body = _phrase_list([item for item, _ in raw], ordered, say, words)
    if len(body.split()) > _longest_line():
        return _item_lines(lead, raw, ordered, say, words)
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


def _item_lines(lead: str, raw: Sequence[tuple[str, int]], ordered: bool, say: Callable[[str], str],
                words: ListWords) -> list[tuple[str, int]]:
    """A list too long to say as one sentence (or whose items hold sentences): the lead-in on a line of its own,
    ending with its colon, then each item as a sentence of its own ("Call 999 if your child:" / "Has a stiff neck.")."""
    lines = []
    for n, (item, place) in enumerate(raw):
        m = words.trailing_join.search(item)  # the item's own closing "or" joins nothing now
        said = say(item[: m.start()] or item).rstrip(" ,;:")
        said = f"{_ordinal(n, words)}, {_lower_first(said, words)}" if ordered else said[:1].upper() + said[1:]
        lines.append((said if said[-1:] in ".?!" else said + ".", place))
    if not lead:
        return lines
    return [(lead if lead[-1] in ".?!:" else lead.rstrip(",;") + ":", LEAD), *lines]


def _phrase_list(raw: Sequence[str], ordered: bool, say: Callable[[str], str], words: ListWords) -> str:
    """Items that are phrases, said as one running list ("aging, a previous injury, and infection"; "a, b y c")."""
    joiner = words.and_word
    seen = frozenset(re.findall(r"(?<![\w'-])[a-z][\w'-]*", " ".join(raw)))  # words written in lower case
    cleaned: list[str] = []
    introduces = False  # the previous item ended in a colon: it runs on into this one ("such as: BRCA1")
    for item in raw:
        m = words.trailing_join.search(item)
        if m.group(1):
            joiner = m.group(1)
        text = _lower_first(say(item[: m.start()] or item).rstrip(" ,;:."), words, seen)
        if introduces:
            cleaned[-1] = f"{cleaned[-1]} {text}"
        else:
            cleaned.append(text)
        introduces = item.rstrip().endswith(":")
    if ordered:
        cleaned = [f"{_ordinal(n, words).lower()}, {c}" for n, c in enumerate(cleaned)]
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
    return frozenset(word.lower() for forms in _UNITS.values() for form in forms for word in form.split()
                     if word != "of")
