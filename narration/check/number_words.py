"""What the numbers audit reads as a number, per language: its number words, the words said after a number that
belong to it (units), months, the words that join two numbers into one phrase, and how digits are said.

Adding a language means one entry in NUMBER_WORDS (its primary subtag -> `NumberWords`); a language without one
is read by the English words, as its script is by the English normalizer (narration/text/languages.py).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from types import MappingProxyType

from num2words import num2words

from narration.text import spanish
from narration.text.lexicon import DEFAULT_LANGUAGE, primary_language
from narration.text.normalize import unit_words


@dataclass(frozen=True)
class NumberWords:
    """One language's words of numbers, as the audit reads a spoken sentence."""

    words: frozenset[str]  # number words ("fifty", "cincuenta", "doscientas")
    units: frozenset[str]  # said after a number and part of it ("milligrams", "percent", "miligramos")
    months: frozenset[str]  # a date's month: changed, the date is another
    joiners: frozenset[str]  # between two numbers, one phrase ("5 to 10", "de diez a quince", "treinta y cinco")
    said: Callable[[str], list[str]]  # a number written in digits -> its words, as the language's voice says them
    token: re.Pattern[str]  # a word, or a number written in digits
    after_number: frozenset[str] = frozenset()  # part of a number only inside one ("2 point 5", "dos coma cinco")
    max_joined: int = 1  # how many joiners may stand between two numbers of one phrase ("y el", "de cada")
    unit_links: frozenset[str] = frozenset()  # may stand between a number and its unit ("seis de la tarde")
    month_link: str = ""  # the word between a day and its month ("quince de marzo"); "" the month comes first
    same: Mapping[str, str] = field(default_factory=dict)  # another form of the same value -> one form ("una" "uno")
    weak: frozenset[str] = frozenset()  # alone, more often an article or an ordinal than a count ("una", "primero")
    pronoun: str = ""  # a number word that is also a pronoun ("one": "no one", "one of")
    pronoun_after: frozenset[str] = frozenset()
    pronoun_before: frozenset[str] = frozenset()

    def is_number(self, word: str) -> bool:
        return word[0].isdigit() or word in self.words

    def fold(self, word: str) -> str:
        """The one form compared for a word: "veintiuna" and "veintiún" are "veintiuno"."""
        return self.same.get(word, word)


# ------------------------------------------------------------------ English

def _said_english(written: str) -> list[str]:
    """Digits as the words a voice says for them ("1,000" one thousand, "2.5" two point five, "21st")."""
    ordinal = written[-2:].isalpha()
    digits = written[:-2] if ordinal else written
    try:
        value = Decimal(digits.replace(",", ""))
    except InvalidOperation:
        return [written]
    said = num2words(int(value), to="ordinal") if ordinal else num2words(value)
    return [w for w in re.findall(r"[a-z]+", said.lower()) if w != "and"]


@cache
def english() -> NumberWords:
    return NumberWords(
        words=frozenset(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
            "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand "
            "million billion trillion half halves thirds quarter quarters".split()),
        units=unit_words() | frozenset("percent degrees fahrenheit celsius dollars dollar cents cent am pm a.m p.m "
                                       "o'clock day days times".split()),
        months=frozenset("january february march april may june july august september october november "
                         "december".split()),
        joiners=frozenset({"to", "or", "and", "of", "in", "by", "out", "over"}),
        said=_said_english,
        token=re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?(?:st|nd|rd|th)?(?![^\W\d_])|(?i:[ap]\.m)\b"
                         r"|[^\W\d_]+(?:'[^\W\d_]+)?"),
        after_number=frozenset({"oh", "point"}),  # "9 oh 5", "2 point 5"
        pronoun="one",  # a pronoun after these words ("no one", "the one") or before these ("one of", "one can")
        pronoun_after=frozenset("no any every each the this that which someone loved".split()),
        pronoun_before=frozenset("of another who that can could should may might must will would is was".split()),
    )


# ------------------------------------------------------------------ Spanish

# numbers whose words, in every form, are all the words Spanish cardinals are made of ("ciento", "veintiún mil")
_SPANISH_SAMPLES = (*range(0, 102), *range(200, 1000, 100), 1000, 21000, 10**6, 2 * 10**6, 10**12, 2 * 10**12)


def _said_spanish(written: str) -> list[str]:
    """Digits as the Spanish normalizer says them alone ("1.000" "mil", "0,4" "cero coma cuatro")."""
    return re.findall(r"[^\W\d_]+", spanish.spoken_number(written).lower())


@cache
def _spanish_forms() -> tuple[frozenset[str], dict[str, str], frozenset[str]]:
    """Spanish number words from the normalizer's own cardinals and ordinals, each feminine or shortened form
    mapped to the form said alone ("una", "un" -> "uno"; "doscientas" -> "doscientos"; "primer" -> "primero"),
    and the forms that alone are more often an article or an ordinal than a count."""
    words: set[str] = set()
    same: dict[str, str] = {}
    for n in _SPANISH_SAMPLES:
        alone = spanish.cardinal(n).split()
        for form in ("m", "f"):
            other = spanish.cardinal(n, form).split()
            if len(other) == len(alone):  # the smaller number first: "veintiuna" is "veintiuno", not "veintiún"
                same.update((o, a) for o, a in zip(other, alone) if o != a and o not in same)
            words.update(other)
        words.update(alone)
    ordinals: set[str] = set()
    for n in range(1, 11):
        alone = spanish.ordinal(n)
        forms = {spanish.ordinal(n, feminine=True), spanish.ordinal(n, short=True)} - {alone}
        same.update(dict.fromkeys(forms, alone))
        ordinals.update(forms | {alone})
    same["media"] = "medio"
    weak = frozenset({"uno", "medio", *(same.get(o, o) for o in ordinals)})
    return frozenset(words | ordinals | {"medio", "media"}), same, weak


@cache
def spanish_words() -> NumberWords:
    words, same, weak = _spanish_forms()
    return NumberWords(
        words=words - {"y"},  # "treinta y cinco": a joiner
        units=spanish.unit_words() | frozenset(spanish.unit_names()) | frozenset(
            "días día semana semanas mes meses año años vez veces mañana tarde noche mediodía "
            "madrugada".split()) - {"segundo"},
        months=frozenset(spanish.MONTHS),
        joiners=frozenset("a al y e o u de del el la las los cada sobre entre por hasta".split()),
        said=_said_spanish,
        token=re.compile(r"\d+(?:[.,]\d+)*(?![^\W\d_])|[^\W\d_]+"),
        after_number=frozenset({"coma", "punto"}),  # "dos coma cinco"
        max_joined=2,  # "una de cada ocho", "entre el diez y el doce"
        unit_links=frozenset({"de", "la", "del"}),  # "seis de la tarde", "milímetros de mercurio"
        month_link="de",
        same=MappingProxyType({**same, **spanish.unit_names(), "setiembre": "septiembre"}),
        weak=weak,
    )


NUMBER_WORDS: dict[str, Callable[[], NumberWords]] = {"en": english, "es": spanish_words}


def number_words(language: str) -> NumberWords:
    """The number words of a language tag ("es", "es-MX"); English when the tag is empty or has no entry."""
    return NUMBER_WORDS.get(primary_language(language), NUMBER_WORDS[DEFAULT_LANGUAGE])()
