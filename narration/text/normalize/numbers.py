"""Numbers as spoken English: quantities and units, dates and times, phone and service numbers, fractions,
ranges, roman numerals."""
from __future__ import annotations

import datetime
import re
import unicodedata

from num2words import num2words

from narration.text.lexicon import Lexicon, Report
from narration.text.normalize.abbreviations import digit_words
from narration.text.normalize.acronyms import SENTENCE_OPENING, VOWELS, code_digits, letter_pairs, said_as_word, spell_letters
from narration.text.normalize.base import Rule, Held, at_end, final_dot, next_char, words_before
from narration.text.phones import AUSTRALIAN, CALLING_VERBS, NORTH_AMERICAN, TRUNK
from narration.text.sentences import TIME_ZONES


_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen " \
        "fifteen sixteen seventeen eighteen nineteen".split()
_TENS_PLURAL = {"1": "tens", "2": "twenties", "3": "thirties", "4": "forties", "5": "fifties",
                "6": "sixties", "7": "seventies", "8": "eighties", "9": "nineties"}
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_MONTHS = ("January February March April May June July August September October November "
           "December").split()
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
_DENOMINATORS = {"2": ("half", "halves"), "3": ("third", "thirds"), "4": ("quarter", "quarters"),
                 "8": ("eighth", "eighths")}  # said as a fraction; "7/10" (a score) and "120/80" stay "over"
UNITS = {  # written -> (singular, plural)
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
    # a file's size ("PDF - 979KB"); not "kb" or "Mb", kilobases and megabases of DNA
    "KB": ("kilobyte", "kilobytes"), "kB": ("kilobyte", "kilobytes"), "MB": ("megabyte", "megabytes"),
    "GB": ("gigabyte", "gigabytes"),
}
_PER = {"dL": "deciliter", "L": "liter", "kg": "kilogram", "mL": "milliliter", "m2": "square meter",
        "day": "day", "d": "day", "hr": "hour", "h": "hour", "week": "week", "wk": "week"}
_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
_AMOUNT = r"(\d+(?:,\d{3})*)(?:\.(\d\d))?"  # dollars and cents: "1,250.99"
# After "unit/" comes a unit in any capitals ("mg/dL", "mg/DL", "mg/5mL") or a plain word ("mg/tablet"): "per".
_PER_SAID = {name.casefold(): said for name, said in
             [*((unit, forms[0]) for unit, forms in UNITS.items()), *_PER.items()]}
_UNITS_FOLDED = {name.casefold(): forms for name, forms in UNITS.items()}
_PER_WORD = "(?i:" + "|".join(sorted(map(re.escape, _PER_SAID), key=len, reverse=True)) + ")|[a-z]{3,}"
_PER_CHAIN = rf"(?:\s?/\s?(?:{_NUMBER}\s?)?(?:{_PER_WORD}))+"
_PER_PIECE = re.compile(rf"/\s?(?:({_NUMBER})\s?)?({_PER_WORD})(?=\s?/|\Z)")
_MEASURES = ("mcg", "µg", "μg", "mg", "ng", "g", "kg", "mmol", "IU", "mL", "ml", "cc")  # "ng/ml" needs no number


def _area(country: str | None, area: str) -> str:
    """"1-800" is said "one eight hundred"; other area codes digit by digit."""
    said = area if area.endswith("00") else digit_words(area)
    return f"{country} {said}" if country else said


def _phone(m: re.Match[str]) -> str:
    country, area, *rest = m.groups()
    return ", ".join([_area(country, area), *(digit_words(g) for g in rest)])


def _letters(run: str) -> str:
    """A phone number's letters said as a word when they are one ("CANCER", "QUIT", "VETS"), else spelled ("F.D.A",
    "F.T.C"): a caller must know which keys to press."""
    return run.lower() if len(run) > 2 and VOWELS & set(run) and said_as_word(run) else spell_letters(run)


_KEYPAD = {letter: str(key) for key, letters in enumerate("ABC DEF GHI JKL MNO PQRS TUV WXYZ".split(), start=2)
           for letter in letters}


def _keyed(tail: str) -> str:
    """A phone number's letters as the digits of their keys ("222-VETS" "2228387")."""
    return "".join(_KEYPAD.get(ch, ch) for ch in tail if ch.isalnum())


def vanity_phone(m: re.Match[str], held: Held) -> str:
    """"1-800-4-CANCER", "1-877-44U-QUIT": the area code, then each group in turn, its digits one by one and its
    letters as a word ("cancer") or spelled ("4 4-U"); groups of letters only run on as words ("quit now"). Its
    digits in brackets say the same number again: the whole number, or the digits its letters stand for
    ("1-877-222-VETS (8387)"), said digit by digit after "that is"."""
    country, area, bare_area, tail, numeric, keys = m.groups()
    groups: list[str] = []
    letters_before = False
    for group in re.split(r"[-–]", tail):
        # "44U" is "4 4-U": said as one group, and no review takes the "U" for a unit after a number
        said = "-".join(digit_words(run) if run.isdigit() else _letters(run) for run in re.findall(r"\d+|[A-Z]+", group))
        if group.isalpha() and letters_before:
            groups[-1] += " " + said
        else:
            groups.append(said)
        letters_before = group.isalpha()
    said = held.hold(_area(country, area or bare_area) + ", " + ", ".join(groups))
    if keys and _keyed(tail).endswith(_keyed(keys)):
        numeric = held.hold(", ".join(digit_words(group) for group in re.split(r"[-–. ]", keys)))
    elif keys:
        return said + m.group()[m.end(4) - m.start():]  # digits that are no other writing of the number
    return f"{said}, that is, {numeric}," if numeric else said


# a toll-free number with letters: "1-800-4-CANCER", "1–877–44U–QUIT", "800-FDA-1088" (not "800 MG", a dose), its
# area code also in brackets: "1(888)INFO-FDA", "1 (800) 4-CANCER", "(800) FDA-1088"
VANITY = re.compile(r"(?<![\w-])(?:(1)(?:[-–. ]|\s?\()(8\d\d)(?:\)\s?|[-–. ])"
                     r"|(?<![\d.,])(?:\((?=8\d\d\)))?(8\d\d)(?:(?<=\(\d{3})\)\s?|[-–.]))"
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
    return said + (final_dot(m) if m.group().endswith(".") else "")


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
    before = [w.lower() for w in words_before(m, determiner_at + 2)]
    ranged = len(before) >= determiner_at and before[-determiner_at] == "to"  # "a 1 to 2 cm lump": a range
    at = -determiner_at - (2 if ranged else 0)
    after = _NOUN_AFTER.match(m.string, m.end())
    return (len(before) >= -at and before[at] in _ONE_THING
            and after is not None and after.group(1) not in ("of", "and", "or", "to"))


# What a dose is measured out in: a measure right before one describes it, whatever comes before ("the 10 mg
# tablets", "your 5 mL spoon" are "10 milligram tablets", "5 milliliter spoon"); "take 10 mg twice" keeps the plural.
_DOSE_FORMS = frozenset("""tablet caplet capsule pill dose spoon spoonful syringe sachet patch vial ampoule injection
    bottle pen tube inhaler""".split())


def _before_dose_form(m: re.Match[str]) -> bool:
    """Whether a measure stands right before the form a dose comes in (a tablet, a spoon, a patch), in any number."""
    after = _NOUN_AFTER.match(m.string, m.end())
    word = after.group(1) if after else ""
    return any(word in (form, form + "s", form + "es") for form in _DOSE_FORMS)


def _sentence_dot(m: re.Match[str]) -> str:
    """An abbreviation's full stop, kept where it also ends a sentence: at the end of the text, or before a
    capital ("below 70 mg/dL. Your number may differ" is two sentences)."""
    if not m.group().endswith("."):
        return ""
    return "." if at_end(m) or next_char(m).isupper() else ""


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
    singular, plural = UNITS[unit]
    one = number == "1" or (not per and ("-" in m.group() or _attributive(m) or _before_dose_form(m)))
    said = f"{number} {singular if one else plural}" + (_per(per, unit) if per else "")
    return said + _sentence_dot(m)


def _rate(m: re.Match[str]) -> str:
    """A unit per unit with no number, as in a table's header "(ng/ml)": "nanograms per milliliter"."""
    return UNITS[m.group(1)][1] + _per(m.group(2), m.group(1)) + _sentence_dot(m)


# Words after an amount that are not the thing it prices: "$9 a month", "$9 for dogs", "$9 or less", "$9 each".
_NOT_PRICED = frozenset("""a an the per each every apiece for or and to if in at on with without from by as than
    of off less more plus only extra total last this next today now so but then when while which that who is are
    was were be will can may could would should has have had do does did daily weekly monthly yearly annually
    million billion thousand hundred trillion""".split())


def _priced(m: re.Match[str]) -> bool:
    """Whether an amount describes the noun after it ("a $20 fee", "$9 rabies shots"): said "20-dollar fee"."""
    after = _NOUN_AFTER.match(m.string, m.end())
    return after is not None and not m.string[m.end():after.start(1)].strip(" ") and after.group(1) not in _NOT_PRICED


def _money(m: re.Match[str]) -> str:
    dollars, cents = m.group(1), m.group(2)
    if not (cents and cents != "00") and _priced(m):
        return f"{dollars}-dollar"
    return _dollars(dollars, cents)


def _dollars(dollars: str, cents: str | None) -> str:
    said = f"{dollars} {'dollar' if dollars == '1' else 'dollars'}"
    if cents and cents != "00":
        said += f" and {int(cents)} {'cent' if cents == '01' else 'cents'}"
    return said


def _money_range(m: re.Match[str]) -> str:
    """A range of prices said once with its unit ("9 to 12 dollars", "a 9 to 12-dollar fee"); with cents, in full."""
    low, low_cents, high, high_cents = m.groups()
    if (low_cents or "00") != "00" or (high_cents or "00") != "00":
        return f"{_dollars(low, low_cents)} to {_dollars(high, high_cents)}"
    return f"{low} to {high}-dollar" if _priced(m) else f"{low} to {high} dollars"


def _decimal(m: re.Match[str]) -> str:
    return f"{m.group(1)} point {digit_words(m.group(2))}"


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


def _noun_follows(m: re.Match[str]) -> bool:
    """Whether a word the measure describes follows it ("1/2-inch pieces", "thick"), not "of" or a pause."""
    after = _NOUN_AFTER.match(m.string, m.end())
    return after is not None and after.group(1) not in ("of", "and", "or", "to")


def _describing_part(top: str, bottom: str, part: str, after_a: bool) -> str:
    """A fraction before the noun it measures: "half", "quarter", "three quarter"; a third or an eighth keeps its
    "one" ("one third inch"), as a bare "third" is heard as the ordinal, unless "a" says it ("a third cup"; "a one
    eighth inch slice", as the written "a" cannot go before "eighth")."""
    if top != "1":
        return part[:-1]
    name = part.split(" ", 1)[1]
    return name if (after_a and _article(name) == "a") or bottom in ("2", "4") else f"one {name}"


def _measured_fraction(m: re.Match[str]) -> str:
    """A fraction of a measure, singular below one: "½ tsp" half a teaspoon, "¾ cup" three quarters of a cup,
    "¼ cup" a quarter of a cup; before its noun, "a ½ cup serving" a half cup serving, "1/2-inch pieces" half inch
    pieces, "1/3-inch pieces" one third inch pieces (a bare "third" is the ordinal); "1 ½ tsp" 1 and a half
    teaspoons. A hyphen with no noun after it ("1/3-inch of tissue") joins a quantity: a third of an inch."""
    whole, top, bottom, hyphen, unit, word = m.groups()
    singular, plural = UNITS[unit] if unit else _MEASURE_WORDS[word.lower()]
    part = _fraction_words(top, bottom, None)
    before = [w.lower() for w in words_before(m, 1)]
    describes = bool(hyphen) and _noun_follows(m)
    if part is None:
        said = f"{whole + ' ' if whole else ''}{top} over {bottom} {plural}"
    elif whole:
        said = f"{whole} and {part} {singular if hyphen else plural}"
    elif describes or (before and before[0] in _DETERMINERS):
        said = f"{_describing_part(top, bottom, part, before[:1] == ['a'])} {singular}"
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
    before = words_before(m, 1)
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


_SERVICE_NUMBERS = "911|988|999|112|111|211|311|411|511|611|711|811|000"  # "000": Australia's emergency number
_SERVICE_VERBS = CALLING_VERBS | {"ring", "contact"}
_AFTER_SERVICE_NUMBER = frozenset("if or and for right now immediately to from in on when as with straight "
                                  "away again".split())
# After a service number that names the service ("988 is the Suicide and Crisis Lifeline", "911 can send help"),
# a verb follows; after a count ("988 people"), its noun.
_SERVICE_NAMED_BY = frozenset("is was has can will offers provides connects answers operators dispatchers "
                              "calls".split())
_NAME_LEADS = frozenset("the a an your our local".split())  # "the 988 Lifeline", "your local 911 center"
_WORD_AFTER = re.compile(r"\s*([A-Za-z]+)")
_MEASURE_SIGN = re.compile(r"\s?[°%‰℃℉]")


def _service_number(m: re.Match[str]) -> str:
    """An emergency or service number is said digit by digit ("nine one one") after call, dial or text, after
    "at" or "or" unless a noun follows ("at 911 sites"), alone on its line, or as the name of its service: at the
    start of a sentence or after "the" with a verb or a capitalized name after it ("988 is ...", "the 988
    Lifeline"); "911 patients" is a count."""
    if _MEASURE_SIGN.match(m.string, m.end()):  # "111°F", "211%": a measure, not a service
        return m.group()
    before = words_before(m, 1)
    after = _WORD_AFTER.match(m.string, m.end())
    opens = not before or SENTENCE_OPENING.search(m.string, 0, m.start()) is not None
    if after is not None and (opens or before[0].lower() in _NAME_LEADS) and (
            after.group(1)[0].isupper() or after.group(1).lower() in _SERVICE_NAMED_BY):
        return digit_words(m.group())
    if before and not opens:
        verb = before[0].lower() in _SERVICE_VERBS
        alone = after is None or after.group(1) in _AFTER_SERVICE_NUMBER
        return digit_words(m.group()) if verb or alone else m.group()
    return digit_words(m.group()) if not m.string[m.end():].strip(" .!") else m.group()


# A national number dialled with its trunk zero, in groups ("020 8709 5555", "01905 362 207", "0300 123 1234"):
# ten or eleven digits, said group by group, digit by digit; no quantity is written this way.
# A UK area code of four digits has a local number of six ("01473 702194").
_TRUNK_NUMBER = re.compile(r"(?<![\w.,+-])" + TRUNK + r"(?![\w-]|[.,]\d)")


# An Australian number: "1800 022 222" and "1300 360 227" (toll-free and local-rate, 4+3+3), "13 11 14" (2+2+2,
# said in pairs); written in groups, no quantity or year looks like it.
_AUSTRALIAN_NUMBER = re.compile(r"(?<![\w.,+-])" + AUSTRALIAN + r"(?![\w-]|[.,]\d)")


def _australian_number(m: re.Match[str]) -> str:
    """"1800 022 222" "1 800, 0 2 2, 2 2 2" (as "1-800" is said), "1300 ..." "13 hundred, ...", "13 11 14" "13, 11,
    14"."""
    first, *rest = re.split(r"[ -]", m.group())
    if len(first) == 2:
        return ", ".join([first, *rest])
    return ", ".join([_area("1", first[1:]) if first == "1800" else "13 hundred", *(digit_words(g) for g in rest)])


# A phone number in brackets before a capital that opens the next sentence: "... right away (1-800-222-1222)
# Quick medical attention is critical" has lost its full stop; "(0300 123 1234) Monday to Friday" has not.
_BRACKETED_PHONE = re.compile(r"\(\s*((?:\+?1[-–. ])?" + NORTH_AMERICAN + "|" + TRUNK + "|" + AUSTRALIAN + r")\s*\)"
                              r"(?=\s+(?!(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|TTY|TDD)\w*)[A-Z][a-z])")


def _trunk_number(m: re.Match[str]) -> str:
    groups = re.split(r"[ -]", m.group())
    if not 10 <= sum(map(len, groups)) <= 11:
        return m.group()
    return ", ".join(digit_words(group) for group in groups)


# Another line's number after a phone number said digit by digit, written short: "01473 702194 or 702195" gives
# only the local part again, with as many digits as the last group.
_ALTERNATIVE_NUMBER = re.compile(r"(?<![\w,])(\d(?: \d){2,5}) or (\d{3,6})(?![\w-]|[.,]\d)")


def _alternative_number(m: re.Match[str]) -> str:
    """"7 0 2 1 9 4 or 702195": the second number is the same kind, said digit by digit."""
    return f"{m.group(1)} or {digit_words(m.group(2))}" if len(m.group(2)) == len(m.group(1).split()) else m.group()


# A local number without its area code ("call 555-1234"): only after a word that dials it, since "250-1000 mg"
# is a range.
_LOCAL_NUMBER = re.compile(r"(?<![\w.,-])(\d{3})-(\d{4})(?![\w-]|[.,]\d)")
_DIALED_BY = CALLING_VERBS | frozenset("tel telephone fax at number line".split())


def _local_number(m: re.Match[str]) -> str:
    before = words_before(m, 1)
    if before and before[0].lower().rstrip(":.") in _DIALED_BY:
        return f"{digit_words(m.group(1))}, {digit_words(m.group(2))}"
    return m.group()


# A number to contact written as plain digits, in one group or several: "text SHOUT to 85258", "call Samaritans on
# 116 123", "ring 0800 1111"; "on 100 patients" is a count, and so is "call 300 families".
# (an en dash joins a number's groups as a hyphen does: "301–443–3860" is one phone number, not "301" dialled)
_CONTACT_NUMBER = re.compile(r"(?<![\w.,$/–-])\d{3,}(?: \d{3,})*(?![\w/–-]|[.,]\d|\s?[°%‰℃℉])")
_CONTACT_LINKS = frozenset("on to at".split())
_AFTER_CONTACT_NUMBER = _AFTER_SERVICE_NUMBER | frozenset("today tonight anytime free any day at".split())


def _contact_number(m: re.Match[str]) -> str:
    """A number right after call, dial, text, ring or phone, or after "on", "to" or "at" a few words later ("call
    Samaritans on 116 123"), is dialled: said digit by digit, group by group, unless a noun follows (a count)."""
    before = [word.lower().strip(",:") for word in words_before(m, 4)]
    if not before:
        return m.group()
    dialled = before[-1] in _SERVICE_VERBS or (before[-1] in _CONTACT_LINKS and bool(_SERVICE_VERBS & set(before)))
    after = _WORD_AFTER.match(m.string, m.end())
    counted = after is not None and after.group(1)[0].islower() and after.group(1) not in _AFTER_CONTACT_NUMBER
    return ", ".join(digit_words(group) for group in m.group().split()) if dialled and not counted else m.group()


def _spaced_service_number(m: re.Match[str]) -> str:
    """"9-1-1" and "9.1.1" are 911 written so that it is said digit by digit: it is, like "9 1 1"."""
    digits = m.group(1) + m.group(3) + m.group(4)
    return digit_words(digits) if digits in _SERVICE_NUMBERS.split("|") else m.group()


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
    return letter_pairs(number) if len(number) == 4 else f"{number[0]} {letter_pairs(number[1:])}"


_ROMAN_CONTEXT = r"(?i:stages?|types?|grades?|phases?|class(?:es)?|levels?|parts?|chapters?|steps?|factors?)"
ROMAN_NUMERAL = r"(VIII|VII|VI|IV|IX|V|III|II|I|X)([A-C]?)"
# "the main factor I found", "the part I liked": a lone "I" before a verb is the pronoun, not a numeral
_PRONOUN_I = r"(?!(?<=\bI)\s+(?:am|was|have|had|do|did|don't|can|could|will|would|should|may|might|must|need|think|know|" \
             r"feel|felt|find|found|get|got|see|saw|like|want|use|take|took|go|went|say|said|mean|made|told|heard|[a-z]+ed)\b)"
_ROMAN_JOIN = r"(?:,\s*(?:or\s+|and\s+)?|\s+(?:or|and|to|through)\s+|\s?[-–]\s?)"
_UNIT_NAMES = "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True))



def _roman_run(m: re.Match[str]) -> str:
    """Each roman numeral of a run in words, its letter kept ("Stages IIA and IIB" "Stages two A and two B")."""
    return re.sub(rf"\b{ROMAN_NUMERAL}\b", lambda r: " ".join(filter(None, (_ONES[ROMAN[r.group(1)]], r.group(2)))),
                  m.group())


# Thousands set apart by single spaces: "360 000". Not the head of a phone number already said digit by digit
# ("1 800, 0 2 2, ..."), nor the tail of one in groups ("01905 362 207"); said before the service numbers take
# "000" for Australia's emergency line.
_SPACED_THOUSANDS = re.compile(r"(?<![\w.,])(?<!\d )(?!0)\d{1,3}(?: \d{3})+(?![\w]|[.,]\d| \d|, \d )")
# Words that make two numbers joined by a colon a ratio, even when they could be a clock's time ("a 1:10 dilution").
_RATIO_WORDS = frozenset("ratio ratios dilution dilutions dilute diluted diluting mix mixed mixing mixture parts part "
                         "odds solution concentration proportion strength".split())
_RATIO = re.compile(r"(?<![\w:.,])(\d{1,5}):(\d{1,5})(?![\w:]|[.,]\d)")
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?:]\s+)\S+\s+$")


def _ratio(m: re.Match[str]) -> str:
    """"1:1000", "a 1:10 dilution", "mix 1:4": a ratio is said "1 to 1000". A number pair that could be a clock's
    time ("10:30") is one unless a word of mixing or proportion is near; a verse after a name ("John 3:5") is no
    ratio."""
    near = {word.lower().strip(",.;()") for word in words_before(m, 4) + m.string[m.end():].split()[:2]}
    if near & _RATIO_WORDS:
        return f"{m.group(1)} to {m.group(2)}"
    clock = len(m.group(2)) == 2 and int(m.group(2)) < 60 and int(m.group(1)) < 24
    before = words_before(m, 1)
    named = bool(before) and before[0][:1].isupper() and not _OPENS_SENTENCE.search(m.string, 0, m.start())
    return m.group() if clock or named else f"{m.group(1)} to {m.group(2)}"


# The minus sign (U+2212) is no hyphen and no range's dash: before a number it is said ("minus 5 degrees", "10 minus
# 3"); English only, so it runs before the characters are cleaned (which make it a hyphen for other languages).
MINUS: Rule = ("minus", re.compile(r"\s?\u2212\s?(?=\d)"), " minus ")


NUMBERS: list[Rule] = [
    ("fraction", re.compile(r"(?:(?<![\d.,])(\d+) ?)?([\u00bc-\u00be\u2150-\u215e])|(?<=\d)\u2044(?=\d)"), _vulgar),
    ("dosing", re.compile(rf"(?<![\w.])(?:{_DOSING_DOTTED})\.?(?!\w|\.\w)"),
     lambda m: _DOSING[m.group().replace(".", "").lower()] + _sentence_dot(m)),
    ("dosing", re.compile(r"(?<![\w.])[qQ]\.?\s?(\d{1,2})(?:\s?[-–]\s?(\d{1,2}))?\s?(?:h|hrs?|hours?|H)\b\.?"),
     _every_hours),
    ("phone", _BRACKETED_PHONE, lambda m: f", {m.group(1)}."),
    ("phone", _AUSTRALIAN_NUMBER, _australian_number),
    ("phone", _CONTACT_NUMBER, _contact_number),  # before "800-555-0199" is said "800, 5 5 5, ..."
    # thousands set apart by single spaces ("360 000", "1 250 000"), once a dialled number is said: one number
    ("thousands", _SPACED_THOUSANDS, lambda m: m.group().replace(" ", ",")),
    ("phone", re.compile(r"(?<![\w-])(?:\+?(1)(?:[-–. ]|(?=\()))?" + NORTH_AMERICAN + r"(?![\w-])"), _phone),
    ("phone", re.compile(rf"(?<![\w.,-])(?:{_SERVICE_NUMBERS})(?![\w-]|[.,]\d)"), _service_number),
    ("phone", _TRUNK_NUMBER, _trunk_number),
    ("phone", _LOCAL_NUMBER, _local_number),
    ("phone", _ALTERNATIVE_NUMBER, _alternative_number),
    ("phone", re.compile(r"(?<![\w.,-])(\d)([-.])(\d)\2(\d)(?![\w-]|[.,]\d)"), _spaced_service_number),
    ("date", re.compile(r"(?<![\w-])((?:19|20)\d\d)-(\d\d)-(\d\d)(?![\w-])"), _iso_date),
    ("date", re.compile(r"(?<![\w/])(\d{1,2})/(\d{1,2})/((?:19|20)\d\d|\d\d)(?![\w/])"), _us_date),
    ("time", re.compile(r"(?<![\w:.])(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?"
                        r"\s?(?P<ap>[ap]\.\s?m\.|[ap]m\b|[AP]M\b|[ap]\.m\b)"
                        rf"(?:\s(?P<tz>{_ZONE_NAMES})\b\.?)?"), _time),
    ("ratio", _RATIO, _ratio),
    ("time", re.compile(r"(?<![\w:.])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?![\w:])"), _time),
    # a section of a code of laws: "300aa-26" is "300 A.A 26" (not "1st-2nd", an ordinal)
    ("code", re.compile(r"(?<![\w.-])(\d+)((?!st|nd|rd|th)[a-z]{1,2})-(\d+)(?![\w-])"),
     lambda m: f"{m.group(1)} {spell_letters(m.group(2).upper())} {m.group(3)}"),
    ("year range", re.compile(r"(?<![\w.,-])((?:1[89]|20)\d\d)\s?[-–—]\s?((?:1[89]|20)\d\d|\d\d)(?!\w|-\d|[.,]\d)"),
     _year_range),
    ("decade", re.compile(r"(?<![\w'])(?:(1[89]|20)|')(\d0)s(?!\w)"),
     lambda m: _decade(m) if m.group(1) or m.group(2) != "00" else m.group()),
    # a range of prices: "$9-$12" is "9 to 12 dollars", not "9 dollars-12 dollars"
    ("money", re.compile(rf"\$\s?{_AMOUNT}\s?(?:--|[-–—])\s?\$?\s?{_AMOUNT}"
                         r"(?![\w.,]\d|\w)"), _money_range),
    ("range", re.compile(rf"(?<![\w.,-])({_NUMBER})\s?(%?)\s?(?:--|[-–—])\s?({_NUMBER})(?!\w|-\d|[.,]\d)"),
     lambda m: f"{m.group(1)}{m.group(2)} to {m.group(3)}"),
    ("range", re.compile(r"(?<=\d)-\s+(to|or|and)\s+(?=\d)"), r" \1 "),  # "a 1- to 2-hour meeting"
    ("range", re.compile(r"(?:(?<=\d)|(?<=\b[AP]M)|(?<=o'clock))\s?[–—]\s?(?=\d)"), " to "),  # times
    ("range", re.compile(r"(?:(?<=\b[AP]M)|(?<=o'clock))\s?-\s?(?=\d)"), " to "),  # "9am-5pm": a hyphen too
    ("roman numeral", re.compile(rf"\b{_ROMAN_CONTEXT}(?:\s+|-|\s*\(\s*){ROMAN_NUMERAL}{_PRONOUN_I}"
                                 rf"(?:{_ROMAN_JOIN}{ROMAN_NUMERAL})*\b"), _roman_run),
    # a run of numerals with no word before it ("a stage (I, II, III, or IV)", "IIA, IIB, or IIC") is numbers when
    # one of them is no acronym ("II", "III", "VI"): "IV and IM" are routes, "I and V" a pronoun and a letter
    ("roman numeral", re.compile(rf"(?<![\w.'-]){ROMAN_NUMERAL}(?:{_ROMAN_JOIN}{ROMAN_NUMERAL})+(?![\w'-]|\.\w)"),
     lambda m: _roman_run(m) if re.search(r"\b(?:II|III|VI|VII|VIII)(?:[A-C])?\b", m.group()) else m.group()),
    # a numeral joined to an acronym names its kind: "IGF-I" is "I.G.F one", "COX-II" "COX two"
    ("roman numeral", re.compile(r"(?<![\w.'-])([A-Z]{2,})-(VIII|VII|VI|IV|IX|V|III|II|I|X)(?![\w'-])"),
     lambda m: f"{m.group(1)} {_ONES[ROMAN[m.group(2)]]}"),
    ("address", _STREET_NUMBER, _street_number),
    ("identifier", re.compile(r"(?<![\w.,])\d{6,}(?![\w,]|\.\d)"), lambda m: digit_words(m.group())),
    # a number of four or five digits right after a name in capitals names a trial, a study or a ZIP code ("RTOG
    # 9402", "EORTC 26951 trials", "MD 20892"): a code's digits; a year ("CDC 2024 data"), a measure ("DHA 1300
    # mg", "HIV 1,000 copies") and a short number ("BMI 30") stay numbers
    ("identifier", re.compile(rf"(?<![\w.'-])([A-Z]{{2,}}) (?!(?:19|20)\d\d\b)(\d{{4,5}})(?!\w|[.,-]\d)"
                              rf"(?!\s?(?:%|(?:{_UNIT_NAMES}|percent)\b))"),
     lambda m: f"{m.group(1)} {code_digits(m.group(2))}"),
    ("money", re.compile(r"\$\s?(\d+(?:\.\d+)?) (million|billion|trillion|thousand)\b"), r"\1 \2 dollars"),  # "$5 million"
    ("money", re.compile(rf"\$\s?{_AMOUNT}(?!\d)"), _money),
    ("percent", re.compile(r"(?<=\d)\s?%"), " percent"),
    # no year before a unit ("1500 mg" is a dose) or a percent
    # nor before more groups of digits ("1234 567 890" is no year)
    ("year", re.compile(rf"(?<![\w.,$])1[1-9]\d\d(?![\w,]|\.\d|\s?(?:percent|to \d)|[ -]\d{{3}}[ -]\d"
                        rf"|[\s-]?(?:{_UNIT_NAMES})(?![\w/-]))"), _year),
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
    said = list(UNITS.get(unit, ())) if not per or per in _PER else []
    said = [f"{form} per {_PER[per]}" if per else form for form in said]
    entry = lexicon.entry(token)
    return said + ([entry.spoken] if entry and entry.spoken != token else [])


def drop_repeated_abbreviation(text: str, lexicon: Lexicon, report: Report | None) -> str:
    """"800 micrograms (mcg)": an abbreviation in brackets right after the words it stands for says nothing new
    aloud; one the listener will hear again and cannot expand ("ductal carcinoma in situ (DCIS)") stays."""
    def drop(m: re.Match[str]) -> str:
        for expansion in _expansions(m.group(1), lexicon):
            said = expansion.lower().split()
            before = [w.strip(",;:").lower() for w in words_before(m, len(said))]
            if before == said:
                if report is not None:
                    report.rules["repeated abbreviation"] += 1
                return ""
        return m.group()

    def gloss(m: re.Match[str]) -> str:  # "mg/dL (milligrams per deciliter)": the unit is said in words already
        said = " ".join(m.group(2).lower().split())
        if any(said == expansion.lower() for expansion in _expansions(m.group(1), lexicon)):
            if report is not None:
                report.rules["repeated abbreviation"] += 1
            return m.group(1)
        return m.group()

    return _UNIT_THEN_GLOSS.sub(gloss, _BRACKETED_TOKEN.sub(drop, text))


_DEFINED = re.compile(r"(?<![\w/])([A-Za-zµ]{1,6}(?:/[A-Za-z]{1,4})?)\s+(?:is|means|stands for|refers to)\s+"
                      r"(?:(?:the|an?)\s+)?(?:(?:abbreviation|short)\s+for\s+)?(?:the\s+)?")


def defined_abbreviation(text: str, lexicon: Lexicon, held: Held, report: Report | None) -> str:
    """"The mmHg is millimeters of mercury", "BP stands for blood pressure": a sentence that says what an
    abbreviation means keeps the abbreviation, spelled ("M.M.H.G is millimeters of mercury"), or it would say
    its meaning twice."""
    def keep(m: re.Match[str]) -> str:
        after = re.findall(r"[\w']+", m.string[m.end():].lower())
        for expansion in _expansions(m.group(1), lexicon):
            said = expansion.lower().split()
            if after[:len(said)] == said or after[:len(said)] == [*said[:-1], said[-1] + "s"]:
                if report is not None:
                    report.rules["defined abbreviation"] += 1
                spelled = " per ".join(spell_letters(part.upper()) for part in m.group(1).split("/"))
                return held.hold(spelled) + m.group()[len(m.group(1)):]
        return m.group()

    return _DEFINED.sub(keep, text)


_UNIT_THEN_GLOSS = re.compile(r"(?<![\w/])([A-Za-zµ]{1,5}(?:/[A-Za-z]{1,4})?)\s*\(\s*([A-Za-z][A-Za-z ]{2,60}?)\s*\)")


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


def drop_restated_number(text: str, report: Report | None) -> str:
    """"two to four (2–4) hours", "4 (four) tablets": a bracket that writes the number before it again, in digits
    or in words, says nothing new aloud and is dropped ("for 2 (or 3) days" keeps its bracket)."""
    def drop(m: re.Match[str]) -> str:
        restated = _number_words(m.group(1))
        if not (set(restated) & _NUMBER_WORDS and set(restated) <= _NUMBER_WORDS | {"to"}):
            return m.group()
        before = _number_words(" ".join(words_before(m, _LOOK_BACK_WORDS)))
        if before[-len(restated):] != restated:
            return m.group()
        if report is not None:
            report.rules["restated number"] += 1
        return ""

    return _RESTATED.sub(drop, text)
