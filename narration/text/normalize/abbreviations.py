"""Titles, written abbreviations and shortened words said in full ("Dr." is "Doctor", "Dept" "Department")."""
from __future__ import annotations

import re

from narration.text.normalize.base import Rule, final_dot, next_char, words_before


def _saint_or_street(m: re.Match[str]) -> str:
    """"St. Jude" is Saint; "Francis St." and "75 Francis St. Boston" are Street."""
    before = words_before(m, 2)
    street = bool(before) and (before[-1][:1].isupper() or before[-1][:1].isdigit())
    if next_char(m).isupper() and not (len(before) == 2 and before[0].isdigit()):
        street = False
    return ("Street" if street else "Saint") + final_dot(m)


_MONTH_NAMES = {name[:3]: name for name in ("January February March April May June July August September "
                                             "October November December").split()}
_WEEKDAYS = {name[:3]: name for name in "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()}
_DAYS = "Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun"
# A span of days or months, short or in full ("Monday–Friday", "Mon–Fri", "January–March"): said "to", not the
# dash's pause, which sounds like a list of two (a rule for "Mon–Fri" alone missed "Monday": "Mon" is no word there).
_DAY_OR_MONTH = {name[:3]: name for name in [*_WEEKDAYS.values(), *_MONTH_NAMES.values()]}
_SPAN_NAME = (r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?:[a-z]*day)?|Tues|Thurs?"
              r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*")
_NAME_SPAN = re.compile(rf"\b({_SPAN_NAME})\.?\s?[-–—]\s?({_SPAN_NAME})\b(\.?)")


def _name_span(m: re.Match[str]) -> str:
    first, last = m.group(1), m.group(2)
    if not all(word == _DAY_OR_MONTH[word[:3]] or len(word) <= 5 and _DAY_OR_MONTH[word[:3]].startswith(word)
               for word in (first, last)):
        return m.group()  # "Marching–Maybe": no names
    if (first[:3] in _WEEKDAYS) != (last[:3] in _WEEKDAYS):
        return m.group()  # "Sat–Mar": a day and a month are no span
    said = f"{_DAY_OR_MONTH[first[:3]]} to {_DAY_OR_MONTH[last[:3]]}"
    return said + (final_dot(m) if m.group(3) else "")


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
    return (word.capitalize() if m.group(1)[0].isupper() else word) + (final_dot(m) if m.group().endswith(".") else "")


def digit_words(group: str) -> str:
    return " ".join(group)


TITLES: list[Rule] = [
    ("title", re.compile(r"\bDrs\.?(?=\s+[A-Z])"), "Doctors"),
    ("title", re.compile(r"\bDr\.?(?=\s+[A-Z])"), "Doctor"),
    ("title", re.compile(r"\bMrs\.?(?=\s+[A-Z])"), "Missus"),
    ("title", re.compile(r"\bMr\.?(?=\s+[A-Z])"), "Mister"),
    ("title", re.compile(r"\bMs\.?(?=\s+[A-Z])"), "Miz"),
    ("title", re.compile(r"\bProf\.?(?=\s+[A-Z])"), "Professor"),
    ("title", re.compile(r"\bSt\.(?=\s|$)"), _saint_or_street),
    ("title", re.compile(r"\b(?:Jr|Sr)\.(?=\W|$)"),
     lambda m: ("Junior" if m.group().startswith("J") else "Senior") + final_dot(m)),
    ("abbreviation", re.compile(r"\bvs?\.(?=\s)|\bvs\b"), "versus"),
    ("abbreviation", re.compile(r"\be\.\s?g\.,?(?=\s)", re.IGNORECASE), "for example,"),
    ("abbreviation", re.compile(r"\bi\.\s?e\.,?(?=\s)", re.IGNORECASE), "that is,"),
    # typed without dots ("local infections, eg, under the jaw"): lower case only, a word of its own (not "www.eg")
    ("abbreviation", re.compile(r"(?<![\w./@-])eg(?:,|(?=\s+[a-zA-Z]))"), "for example,"),
    ("abbreviation", re.compile(r"(?<![\w./@-])ie(?:,|(?=\s+[a-zA-Z]))"), "that is,"),
    ("abbreviation", re.compile(r"\bcf\.(?=\s)"), "compare"),
    ("abbreviation", re.compile(r"\betc\.?(?!\w)"), lambda m: "et cetera" + final_dot(m)),
    ("abbreviation", re.compile(r"\b(?:approx|ca)\.(?=\s*\d)"), "about"),
    ("abbreviation", re.compile(rf"\b((?i:{'|'.join(_SHORT_WORDS)})(?<![A-Z]{{2}}))\b\.?"), _short_word),
    ("abbreviation", re.compile(r"\bNo\.(?=\s*\d)|#(?=\s*\d)"), "number "),
    ("abbreviation", re.compile(r"(?<=[a-z])\(s\)"), "s"),
    ("month", re.compile(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?(?=\s+\d)"),
     lambda m: _MONTH_NAMES[m.group(1)[:3]]),
    ("weekday", _NAME_SPAN, _name_span),
    ("weekday", re.compile(rf"\b({_DAYS})\.(?!\w)"), lambda m: _WEEKDAYS[m.group(1)[:3]] + final_dot(m)),
    ("address", re.compile(rf"(?<=[a-z],\s)({_STATE_CODES})(?:(?=\s*:)|\s+(\d{{5}})(?:\s?[-–]\s?(\d{{4}}))?(?!\w))"),
     lambda m: ", ".join([_STATES[m.group(1)], *(digit_words(g) for g in m.groups()[1:] if g)])),
    ("address", re.compile(r"\b(Avenue|Street|Road|Boulevard|Drive|Place|Way|Ave|St|Rd|Blvd),\s(NW|NE|SW|SE)\b"),
     lambda m: f"{m.group(1)}, {_COMPASS[m.group(2)]}"),
]
