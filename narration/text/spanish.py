"""Speech normalization for Spanish: written Spanish -> the words a voice should say, numbers spelled out.

Numbers are written out in words (num2words, lang "es"), agreeing with the noun they count: "1 mg" is "un
miligramo", "21 semanas" "veintiuna semanas", "200 personas" "doscientas personas", "1 de cada 8 mujeres" "una
de cada ocho mujeres". A noun's gender comes from its ending and a short list of exceptions (`_feminine`).

Choices, so that the same thing always sounds the same:
- times: the hour, then "y" and the minutes, with "y cuarto" and "y media" ("8:30 a. m." is "ocho y media de
  la mañana", "8:05" "ocho y cinco", "8:00" "ocho"); never "menos", which would change the hour said;
- the first of a month is "primero" ("1 de marzo" is "primero de marzo"), as in the Americas;
- a comma or a point followed by exactly three digits groups thousands ("1.000", "10,000"); otherwise it is a
  decimal mark, said as written ("2,5" "dos coma cinco", "2.5" "dos punto cinco");
- a telephone number is read digit by digit in the groups it is written in ("555-123-4567");
- letters said one by one use the RAE's names ("VIH" "uve i hache", "W" "uve doble"); a capitalized word that
  can be said as a Spanish word ("OMS" cannot, "ONU", "SIDA", "TAC" can) is read as a word. The lexicon's
  [languages.es] entries override any of these.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial

from num2words.lang_ES import Num2Word_ES

from narration.text.lexicon import Lexicon, Report
from narration.text.normalize.acronyms import shouted
from narration.text.normalize.base import final_dot, Held, run_rules, Rule
from narration.text.normalize.characters import clean_chars, FOOTNOTES
from narration.text.normalize.links import spoken_links, read_link
from narration.text.normalize.lists import ListWords
from narration.text.normalize.numbers import ROMAN, ROMAN_NUMERAL
from narration.text.normalize.punctuation import quoted, slashed, tidy, LEFTOVER_MARKS, PAUSE_MARKS, SLASH_SERIES
from narration.text.normalize.lists import list_pieces as _list_pieces
from narration.text.normalize.lists import spoken_list as _spoken_list

__all__ = ["normalize", "spoken_list", "list_pieces", "cardinal", "ordinal", "spoken_number", "spell"]

# ---------------------------------------------------------------- numbers as words

_MASCULINE = Num2Word_ES()
_FEMININE_WORDS = Num2Word_ES()
_FEMININE_WORDS.gender_stem = "a"  # "doscientas", "primera"


def cardinal(n: int, form: str = "") -> str:
    """A whole number in words: form "" is the number said alone ("uno", "veintiuno"), "m" before a masculine
    noun ("un", "veintiún", "ciento un"), "f" before a feminine one ("una", "doscientas una")."""
    if form == "f":
        words = _FEMININE_WORDS.to_cardinal(n).replace("cienta ", "ciento ")
        return re.sub(r"uno\b", "una", words)
    words = _MASCULINE.to_cardinal(n)
    if form == "m":
        return re.sub(r"uno\b", "un", words).replace("veintiun", "veintiún")
    return re.sub(r"uno(?= mil\b)", "un", words).replace("veintiun ", "veintiún ")  # "veintiún mil"


def ordinal(n: int, feminine: bool = False, short: bool = False) -> str:
    """"primero", "primera"; `short` before a masculine noun: "primer", "tercer"."""
    words = (_FEMININE_WORDS if feminine else _MASCULINE).to_ordinal(n)
    words = re.sub(r"décim[oa](?=\w)", "decimo", words)  # "decimoprimera": joined, no accent, no agreement
    return re.sub(r"(prim|terc)ero$", r"\1er", words) if short and not feminine else words


_DIGIT_NAMES = "cero uno dos tres cuatro cinco seis siete ocho nueve".split()


def _digits(group: str) -> str:
    return " ".join(_DIGIT_NAMES[int(d)] for d in group)


# ---------------------------------------------------------------- the gender of the word after a number

_FUNCTION_WORDS = frozenset(
    "de del a al y e o u por para en con sin que como entre hasta desde sobre se lo la las los el es son ha han "
    "más menos ni cada".split())
_FEMININE_NOUNS = frozenset(
    "vez veces mujer mujeres noche noches leche piel sangre fiebre mano manos imagen imágenes clase clases parte "
    "partes fase fases base bases serie series tarde tardes muerte gente mente nariz voz luz sal red salud madre "
    "madres flor flores".split())
_MASCULINE_NOUNS = frozenset(
    "día días mapa mapas problema problemas sistema sistemas programa programas síntoma síntomas tema temas "
    "esquema esquemas idioma idiomas clima edema edemas diagrama diagramas análisis".split())
_FEMININE_ENDING = re.compile(r"(?:a|as|ión|iones|dad|dades|tad|tades|tud|tudes|sis|itis|umbre|umbres)$")
_TUMOUR = re.compile(r"omas?$")  # "carcinoma", "linfomas": masculine, though they end in -a
# a few connectors and numbers at most ("de 1 a 2 tabletas"), so the look-ahead stays bounded on any line
_NOUN_AFTER = re.compile(r"((?:\s+(?:a|al|y|e|o|u|de cada|sobre|entre|hasta)\s+[\d.,]{1,16}){0,3})\s+([^\W\d_]+)")


def _feminine(word: str) -> bool:
    word = word.lower()
    if word in _FEMININE_NOUNS or word in _MASCULINE_NOUNS:
        return word in _FEMININE_NOUNS
    if _TUMOUR.search(word) and word not in ("toma", "tomas"):
        return False
    return bool(_FEMININE_ENDING.search(word))


def _form_before(text: str, end: int) -> str:
    """How a number ending at `end` agrees with what follows: "m" or "f" before a noun, "" alone; a number
    that stands for a noun further on ("1 de cada 8 mujeres", "de 1 a 2 tabletas") takes its gender in full."""
    m = _NOUN_AFTER.match(text, end)
    if m is None or m.group(2).lower() in _FUNCTION_WORDS:
        return ""
    if _feminine(m.group(2)):
        return "f"
    return "" if m.group(1) else "m"


# ---------------------------------------------------------------- abbreviations

_TITLES = {"Dr": "doctor", "Dra": "doctora", "Dres": "doctores", "Dras": "doctoras", "Sr": "señor",
           "Sra": "señora", "Srta": "señorita", "Sres": "señores", "Lic": "licenciado", "Lcda": "licenciada",
           "Licda": "licenciada"}  # before a name

_ABBREVIATIONS: list[Rule] = [
    *(("title", re.compile(rf"\b{written}\.?(?=\s+[A-ZÁÉÍÓÚÑ])"), said) for written, said in _TITLES.items()),
    ("abbreviation", re.compile(r"\bUds\.(?!\w)"), lambda m: "ustedes" + final_dot(m)),
    ("abbreviation", re.compile(r"\bUd\.(?!\w)"), lambda m: "usted" + final_dot(m)),
    ("abbreviation", re.compile(r"\bp\.\s?ej\.,?(?=\s)"), "por ejemplo,"),
    ("abbreviation", re.compile(r"\betc\.?(?!\w)"), lambda m: "etcétera" + final_dot(m)),
    ("abbreviation", re.compile(r"\baprox\.(?!\w)"), lambda m: "aproximadamente" + final_dot(m)),
    ("abbreviation", re.compile(r"\bEE\.\s?UU\.?(?!\w)|\bEEUU\b"), lambda m: "Estados Unidos" + final_dot(m)),
    ("abbreviation", re.compile(r"\b(?:[Nn]\.?\s?º|[Nn]úm\.|No\.)(?=\s*\d)"), "número "),
    ("abbreviation", re.compile(r"\b[Pp]ág\.(?=\s*\d)"), "página "),
    ("abbreviation", re.compile(r"\b(?:[Tt]el|[Tt]eléf)\.(?=\s|:)"), "teléfono"),
    ("abbreviation", re.compile(r"\bmáx\.(?!\w)"), lambda m: "máximo" + final_dot(m)),
    ("abbreviation", re.compile(r"\bmín\.(?!\w)"), lambda m: "mínimo" + final_dot(m)),
    ("abbreviation", re.compile(r"\bAvda?\.(?=\s)"), "avenida"),
    ("abbreviation", re.compile(r"\bvs\.?(?=\s)"), "frente a"),
    ("abbreviation", re.compile(r"\bc/(?=\s?\d)"), "cada "),  # "1 tableta c/8 h"
]

# ---------------------------------------------------------------- numbers, with their symbols and units

_MONTHS = "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split()
_MONTH_NAMES = "|".join(_MONTHS + ["setiembre"])
_NUMBER = r"\d{1,3}(?:\.\d{3})+(?![\d,])|\d{1,3}(?:,\d{3})+(?![\d.])|[1-9]\d{0,2}(?: \d{3})+(?!\d)|\d+(?:[.,]\d+)?"
_UNITS = {  # written -> (singular, plural); the gender is the word's own
    "mg": ("miligramo", "miligramos"), "mcg": ("microgramo", "microgramos"), "µg": ("microgramo", "microgramos"),
    "μg": ("microgramo", "microgramos"), "g": ("gramo", "gramos"), "kg": ("kilogramo", "kilogramos"),
    "ml": ("mililitro", "mililitros"), "mL": ("mililitro", "mililitros"), "l": ("litro", "litros"),
    "L": ("litro", "litros"), "dl": ("decilitro", "decilitros"), "dL": ("decilitro", "decilitros"),
    "cc": ("centímetro cúbico", "centímetros cúbicos"), "mm": ("milímetro", "milímetros"),
    "cm": ("centímetro", "centímetros"), "km": ("kilómetro", "kilómetros"),
    "mmHg": ("milímetro de mercurio", "milímetros de mercurio"), "mmol": ("milimol", "milimoles"),
    "mEq": ("miliequivalente", "miliequivalentes"), "UI": ("unidad internacional", "unidades internacionales"),
    "kcal": ("kilocaloría", "kilocalorías"), "h": ("hora", "horas"), "hrs": ("hora", "horas"),
    "min": ("minuto", "minutos"), "seg": ("segundo", "segundos"), "lpm": ("latido por minuto", "latidos por minuto"),
    "°C": ("grado Celsius", "grados Celsius"), "ºC": ("grado Celsius", "grados Celsius"),
    "°F": ("grado Fahrenheit", "grados Fahrenheit"), "°": ("grado", "grados"),
    "mSv": ("milisievert", "milisieverts"),
}
_PER = {"día": "al día", "d": "al día", "semana": "a la semana", "h": "por hora", "kg": "por kilogramo",
        "dl": "por decilitro", "dL": "por decilitro", "l": "por litro", "L": "por litro", "ml": "por mililitro",
        "mL": "por mililitro", "min": "por minuto", "m2": "por metro cuadrado"}
_UNIT_NAMES = "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True))
_PER_NAMES = "|".join(sorted(map(re.escape, _PER), key=len, reverse=True))
_FRACTIONS = {"1/2": ("un medio", "medio", "media"), "1/3": ("un tercio",) * 3, "2/3": ("dos tercios",) * 3,
              "1/4": ("un cuarto",) * 3, "3/4": ("tres cuartos",) * 3}


def _phone(m: re.Match[str]) -> str:
    """Digit by digit in the groups as written ("más uno, ..." for a country code); the "800" of a toll-free
    number is "ochocientos"."""
    country, *groups = m.groups()
    code = (country or "").strip(" -.")
    said = [("más " if code.startswith("+") else "") + _digits(code.lstrip("+"))] if code else []
    toll_free = re.fullmatch(r"8(?:00|88|77|66|55|44|33)", groups[0]) is not None and len(groups) == 3
    said += [cardinal(int(g)) if toll_free and i == 0 else _digits(g) for i, g in enumerate(groups)]
    return ", ".join(said)


def _date(day: str, month: int, year: str) -> str:
    return f"{_day(int(day))} de {_MONTHS[month - 1]} de {year}"


def _day(day: int) -> str:
    return "primero" if day == 1 else cardinal(day)


def _numeric_date(m: re.Match[str]) -> str:
    """"03/03/2024" and "2024-03-03" are "tres de marzo de 2024": day first, as Spanish writes dates."""
    year, month, day = (m.group(1), m.group(2), m.group(3)) if len(m.group(1)) == 4 else (m.group(3), m.group(2), m.group(1))
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return m.group()
    return _date(day, int(month), year)


_PERIODS = {"a": ((0, 5, "de la madrugada"), (5, 12, "de la mañana"), (12, 13, "de la noche")),
            "p": ((12, 13, "del mediodía"), (1, 8, "de la tarde"), (8, 12, "de la noche"))}


def _time(m: re.Match[str]) -> str:
    """"8:30 a. m." "ocho y media de la mañana"; "14:15" "catorce y cuarto"."""
    hour, minute, half = int(m.group("h")), int(m.group("m") or 0), (m.groupdict().get("ap") or "")[:1].lower()
    said = cardinal(hour, "f")
    said += {0: "", 15: " y cuarto", 30: " y media"}.get(minute, f" y {cardinal(minute)}")
    if m.groupdict().get("hours") and not minute:
        said += " horas" if hour != 1 else " hora"  # "14:00 h", "14:30 h": a timetable's hours
    for low, high, period in _PERIODS.get(half, ()):
        if low <= hour < high:
            said += f" {period}"
    return said + (final_dot(m) if half and m.group().endswith(".") else "")


_ORDINAL_ENDINGS = {1: "er ra ro", 2: "do da", 3: "er ra ro"}  # "1ro", "2da", "3er"; the others "4to", "7ma"


def _ordinal(m: re.Match[str]) -> str:
    """"1.º" "primero", "1.ª" "primera", "3.er piso" and "1.º trimestre" "tercer piso", "primer trimestre"."""
    n, mark = int(m.group(1)), m.group(2)
    if mark not in "ºª" and mark not in _ORDINAL_ENDINGS.get(n % 10, "to ta vo va no na mo ma").split():
        return m.group()  # "2to" is no ordinal
    feminine = mark in ("ª", "a", "ra", "da", "ta", "va", "na", "ma")
    noun = _NOUN_AFTER.match(m.string, m.end())
    before_noun = noun is not None and not noun.group(1) and noun.group(2).lower() not in _FUNCTION_WORDS
    return ordinal(n, feminine, short=before_noun and not feminine)


_RANGE_LEADS = frozenset("de del al el la los las un una unos unas durante en por para con hasta cada tras".split())


def _range(m: re.Match[str]) -> str:
    """"10–15" is "de 10 a 15"; after a preposition or an article ("durante 10–15 segundos", "el 10–15 %") only
    "10 a 15", after "entre" "10 y 15"."""
    first, percent, second = m.group(1), m.group(2), m.group(3)
    before = m.string[max(0, m.start() - 10):m.start()].lower().split()
    lead = before[-1] if before else ""
    if lead in _RANGE_LEADS:
        return f"{first}{percent} a {second}"
    if lead == "entre":
        return f"{first}{percent} y {second}"
    return f"de {first}{percent} a {second}"


def _unit(m: re.Match[str]) -> str:
    number, unit, per = m.group(1), m.group(2), m.group(3)
    singular, plural = _UNITS[unit]
    said = f"{number} {singular if number == '1' else plural}"
    if per:
        said += " " + _PER[per]
    return said + (final_dot(m) if m.group().endswith(".") else "")


_CURRENCIES = {"$": (("dólar", "dólares"), ("centavo", "centavos")), "€": (("euro", "euros"), ("céntimo", "céntimos"))}


def _money(m: re.Match[str]) -> str:
    """"$25,50" "25 dólares con 50 centavos", "10 €" "10 euros" (the numbers are said later)."""
    whole, cents = m.group("whole") or m.group("whole2"), m.group("cents") or m.group("cents2")
    units, hundredths = _CURRENCIES[m.group("cur") or m.group("cur2")]
    said = f"{whole} {units[whole != '1']}"
    if cents and int(cents):
        said += f" con {int(cents)} {hundredths[int(cents) != 1]}"
    return said


def _fraction(m: re.Match[str]) -> str:
    forms = _FRACTIONS.get(m.group())
    if forms is None:
        return f"{m.group(1)} sobre {m.group(2)}"
    form = _form_before(m.string, m.end())
    return forms[{"": 0, "m": 1, "f": 2}[form]]


_ROMAN_CONTEXT = r"(?i:estadios?|etapas?|fases?|tipos?|grados?|clases?|niveles?|partes?|capítulos?|siglos?)"
_TIME_MARK = r"(?P<ap>[aApP]\.\s?[mM]\.?|[aApP][mM]\b)"

_NUMBERS: list[Rule] = [
    ("unit", re.compile(r"(?<=/m)²"), "2"),  # "kg/m²", before the footnote rule takes the ² away
    ("phone", re.compile(r"(?<![\w+-])(\+\d{1,3}[ -]|1[-. ])?\(?(\d{3})\)?[-. ](\d{3})[-. ](\d{4})(?![\w-])"), _phone),
    ("phone", re.compile(r"(?<![\w+-])(\+\d{1,3} )?(\d{3}) (\d{3}) (\d{3})(?![\w-])"), _phone),
    ("phone", re.compile(r"(?<![\w+-])(\+\d{1,3} )?(\d{2}) (\d{3}) (\d{2}) (\d{2})(?![\w-])"), _phone),
    ("phone", re.compile(r"(?<![\w+.,-])()(\d{3})-(\d{4})(?![\w-])"), _phone),
    ("phone", re.compile(r"(?<=\b(?:al|el) )(911|112|988)(?![\w.,]\d)"), lambda m: _digits(m.group())),
    ("date", re.compile(r"(?<![\w/-])((?:19|20)\d\d)-(\d\d)-(\d\d)(?![\w-])"), _numeric_date),
    ("date", re.compile(r"(?<![\w/-])(\d{1,2})[/-](\d{1,2})[/-]((?:19|20)\d\d)(?![\w/-])"), _numeric_date),
    ("date", re.compile(rf"(?<![\w.,])(\d{{1,2}})(?:\.?[º°])?(?=\s+de\s+(?:{_MONTH_NAMES})\b)", re.IGNORECASE),
     lambda m: _day(int(m.group(1)))),
    ("range", re.compile(r"(?<![\w.,:-])(\d{1,2}:\d\d)()\s?[-–—]\s?(\d{1,2}:\d\d)"), _range),
    ("time", re.compile(rf"(?<![\w:.,])(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?\s?{_TIME_MARK}"), _time),
    ("time", re.compile(r"(?<![\w:.,])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?![\w:])(?P<hours>\s?h\b)?"), _time),
    ("ordinal", re.compile(r"(?<![\w.,])(\d{1,3})\.?(º|ª|er|ra|ro|do|da|to|ta|vo|va|no|na|mo|ma)(?!\w)"), _ordinal),
    ("range", re.compile(rf"(?<![\w.,:-])({_NUMBER})\s?(%?)\s?[-–—]\s?({_NUMBER})(?!\w|-\d|[.,]\d)"), _range),
    ("money", re.compile(r"(?P<cur>\$|€)\s?(?P<whole>\d+(?:[.,]\d{3})*)(?:[.,](?P<cents>\d\d))?(?!\d)"
                         r"|(?P<whole2>\d+(?:[.,]\d{3})*)(?:,(?P<cents2>\d\d))?\s?(?P<cur2>€)"), _money),
    ("percent", re.compile(r"(?<=\d)\s?%"), " por ciento"),
    ("unit", re.compile(rf"(?<![\w.])({_NUMBER})\s?({_UNIT_NAMES})(?:/({_PER_NAMES}))?(?![\w/])\.?"), _unit),
    ("fraction", re.compile(r"(?<![\w/.,])(\d{1,3})/(\d{1,3})(?![\w/])"), _fraction),
    ("identifier", re.compile(r"(?<![\w.,])\d{6,}(?![\w,]|\.\d)"), lambda m: _digits(m.group())),
    ("roman numeral", re.compile(rf"\b{_ROMAN_CONTEXT}\s+{ROMAN_NUMERAL}\b"),
     lambda m: re.sub(rf"\b{ROMAN_NUMERAL}\b", lambda r: " ".join(filter(None, (cardinal(ROMAN[r.group(1)]),
                                                                                 r.group(2)))), m.group())),
]


def _number(m: re.Match[str]) -> str:
    return spoken_number(m.group(), _form_before(m.string, m.end()))


def spoken_number(text: str, form: str = "") -> str:
    """A number written in digits, in words: thousands grouped by a point or a comma, decimals said with their
    mark; `form` as in `cardinal` (the numbers audit reads a script's digits with it)."""
    grouped = re.fullmatch(r"[1-9]\d{0,2}(?:([., ])\d{3})+", text)
    if grouped:
        return cardinal(int(re.sub(r"[., ]", "", text)), form)
    whole, mark, decimals = re.fullmatch(r"(\d+)(?:([.,])(\d+))?", text).groups()
    if not mark:
        return cardinal(int(whole), form)
    zeros = len(decimals) - len(decimals.lstrip("0"))
    rest = decimals.lstrip("0")
    said = " ".join(["cero"] * zeros + ([cardinal(int(rest))] if rest else []))
    return f"{cardinal(int(whole))} {'coma' if mark == ',' else 'punto'} {said}"


_NUMBER_WORDS: list[Rule] = [
    ("number", re.compile(r"(?<=[A-Za-z])-?(?=\d)|(?<=\d)(?=[A-Za-z])"), " "),  # "COVID-19", "B12"
    ("number", re.compile(rf"(?<![\w\ue000-\uf8ff])(?:{_NUMBER})(?!\w)"), _number)]

# ---------------------------------------------------------------- letters

_LETTER_NAMES = ("a", "be", "ce", "de", "e", "efe", "ge", "hache", "i", "jota", "ka", "ele", "eme", "ene", "eñe", "o",
                 "pe", "cu", "erre", "ese", "te", "u", "uve", "uve doble", "equis", "ye", "zeta")
_LETTERS = dict(zip("ABCDEFGHIJKLMNÑOPQRSTUVWXYZ", _LETTER_NAMES))
_VOWELS = "AEIOUÁÉÍÓÚ"
_ONSETS = {"BL", "BR", "CL", "CR", "DR", "FL", "FR", "GL", "GR", "PL", "PR", "TR"}
_CODAS = set("NSLRDZCMPBXTG")


def spell(letters: str) -> str:
    """Letters said one by one by their Spanish names: "VIH" "uve i hache"."""
    return " ".join(_LETTERS.get(ch, ch.lower()) for ch in letters.upper())


def _sayable(word: str) -> bool:
    """Whether capitals can be read as a Spanish word: every consonant run is one a Spanish word could have
    ("ONU", "SIDA", "TAC", "EPOC" yes; "OMS", "ADN", "VIH", "FDA" no)."""
    runs = re.findall(rf"[^{_VOWELS}]+|[{_VOWELS}]+", word)
    if len(word) < 3 or not any(r[0] in _VOWELS for r in runs):
        return False
    for index, run in enumerate(runs):
        if run[0] in _VOWELS:
            continue
        if index == 0:
            ok = len(run) == 1 and run != "H" or run in _ONSETS
        elif index == len(runs) - 1:
            ok = len(run) == 1 and run in "NSLRDZC"
        else:
            ok = len(run) == 1 or run[-2:] in _ONSETS and set(run[:-2]) <= _CODAS and len(run) <= 4 \
                or len(run) == 2 and run[0] in _CODAS
        if not ok:
            return False
    return True


# Short words written in capitals for emphasis ("NO tome", "SI tiene fiebre"), never spelled.
_SHORT_WORDS = frozenset("NO SI SÍ YA EL LA LO LE SE DE EN UN SU MI TU ES AL HA NI YO TE ME DA VA Y O A E U".split())


def _a_word(letters: str) -> bool:
    return (letters in _SHORT_WORDS or _sayable(letters)
            or len(letters) > 5 and sum(ch in _VOWELS for ch in letters) * 4 > len(letters))


def _acronym(m: re.Match[str]) -> str:
    """"VIH" "uve i hache", "BRCA1" "be erre ce a 1"; "ONU", "SIDA", "NO" and "IMPORTANTE" are words."""
    letters, digits = m.group(1), m.group(2)
    if _a_word(letters):
        said = letters
    else:
        said = spell(letters)
    return f"{said} {digits}" if digits else said


_CAPITALS = re.compile(r"(?<![\w.'-])[A-ZÁÉÍÓÚÑ]{2,}(?![\w'])")


def _unshout(text: str, report: Report | None) -> str:
    """A sentence typed in capitals ("NO TOME ESTE MEDICAMENTO SI ESTÁ EMBARAZADA") is read as words: its words
    that can be said are lowered; the others stay capitals, to be spelled."""
    if not shouted(text, report):
        return text
    lowered = _CAPITALS.sub(lambda m: m.group().lower() if _a_word(m.group()) else m.group(), text)
    at = len(lowered) - len(lowered.lstrip("¿¡«\"“ "))
    return lowered[:at] + lowered[at:at + 1].upper() + lowered[at + 1:]


_ACRONYMS: list[Rule] = [
    # "HbA1c", "ARNm": letters of mixed case with a digit or a run of capitals, said one by one
    ("mixed case", re.compile(r"(?<![\w.'-])(?=[A-Za-z\d]*[a-z])(?=[A-Za-z\d]*(?:\d|[A-Z]{2}))(?=[A-Za-z\d]*[A-Z])"
                              r"[A-Za-z][A-Za-z\d]{1,5}(?![\w'])"),
     lambda m: " ".join(spell(part) if part.isalpha() else _digits(part) for part in re.findall(r"[A-Za-z]+|\d+", m.group()))),
    ("acronym", re.compile(r"(?<![\w.])(?:[A-ZÑ]\.){2,}(?!\w)"),
     lambda m: spell(m.group().replace(".", "")) + final_dot(m)),
    ("acronym", re.compile(r"(?<![\w.'-])([A-ZÁÉÍÓÚÑ]{2,})(\d{0,3})(?![\w'])"), _acronym),
]

# ---------------------------------------------------------------- punctuation for the ear

_QUOTATION = re.compile(r"[“\"«]([^“”\"«»]+?)([,.;:?!]?)[”\"»]([,.;:?!]?)")
_PUNCTUATION: list[Rule] = [
    ("quote", _QUOTATION, partial(quoted, words=("cita", "fin de la cita"))),
    *PAUSE_MARKS,
    ("ampersand", re.compile(r"\s*&\s*"), " y "),
    ("slash", re.compile(r"\by/o\b"), "y o"),
    SLASH_SERIES,
    ("slash", re.compile(r"(?<=\w)\s?/\s?(?=\w)"), partial(slashed, words=(" y ", " o "))),
    ("symbol", re.compile(r"~\s?(?=\d)"), "alrededor de "),
    ("symbol", re.compile(r"±"), " más o menos "),
    ("symbol", re.compile(r"[≥⩾]\s?"), "al menos "),
    ("symbol", re.compile(r"[≤⩽]\s?"), "como máximo "),
    ("symbol", re.compile(r"(?<!\w)>\s?(?=\d)"), "más de "),
    ("symbol", re.compile(r"(?<!\w)<\s?(?=\d)"), "menos de "),
    ("symbol", re.compile(r"(?<=\d)\s?[×x]\s?(?=\d)"), " por "),
    ("symbol", re.compile(r"(?<!\S)#(?=[\s.,;:)]|$)"), "numeral"),
    ("symbol", re.compile(r"\b((?:[Oo]prima|[Pp]ulse|[Pp]resione|[Mm]arque|tecla) )\*(?=[\s.,;:)]|$)"),
     r"\1asterisco"),
    ("symbol", re.compile(r"(?<=\d)\+"), " o más"),
    ("symbol", re.compile(r"\s=\s"), " es igual a "),
    *LEFTOVER_MARKS,
]
_LINK_SYMBOLS = {".": " punto ", "/": " barra ", "-": " guion ", "_": " guion bajo ", "@": " arroba ",
                 "~": " virgulilla ", "#": " numeral ", "+": " más ", "=": " igual ", "?": " ", "&": " y "}


def normalize(text: str, lexicon: Lexicon, report: Report | None = None, link_phrase: str | None = None) -> str:
    """Turn one written Spanish sentence (or paragraph) into the words a voice should say."""
    held = Held()
    text = clean_chars(text)
    text = run_rules(_NUMBERS[:1], text, report)
    text = run_rules(FOOTNOTES, text, report)
    text = spoken_links(text, held, link_phrase, report, partial(read_link, symbols=_LINK_SYMBOLS, spell=spell))
    text = lexicon.apply(text, report, mark=held.hold)
    text = run_rules(_ABBREVIATIONS, text, report)
    text = run_rules(_NUMBERS[1:], text, report)
    text = _unshout(text, report)
    text = run_rules(_ACRONYMS, text, report)
    text = run_rules(_PUNCTUATION, text, report)
    text = run_rules(_NUMBER_WORDS, text, report)
    return held.release(tidy(text))


# ---------------------------------------------------------------- lists

def _y_or_e(word: str, item: str) -> str:
    """"y" is "e" before an "i" sound ("e inflamación", not "e hielo"); "o" is "u" before an "o" sound."""
    start = item.lower().lstrip("¿¡«")
    if word == "y" and re.match(r"h?[ií](?![aeiouáéó])", start):
        return "e"
    if word == "o" and re.match(r"h?[oó]", start):
        return "u"
    return word


SPANISH_LIST = ListWords(
    ordinals=tuple("Primero Segundo Tercero Cuarto Quinto Sexto Séptimo Octavo Noveno Décimo".split()),
    number="Número {n}", and_word="y",
    trailing_join=re.compile(r"[\s,;]*(?:\b(y|e|o|u))?[\s,;.]*$"),
    articles=("El", "La", "Los", "Las", "Un", "Una", "Unos", "Unas"),
    lead_in=re.compile(r"\b(?:incluyen|incluye|como|tales como|son|es|entre ellos|entre ellas)$"),
    serial_comma=False, join=_y_or_e, or_word="o",
    runs_on=re.compile(r"(?:,|\b(?:de|del|a|al|con|en|para|por|que|entre|sobre|el|la|los|las|un|una|es|son|incluyen"
                       r"|incluye|como))$", re.I),
    listing=re.compile(r"(?:,|\b(?:son|incluyen|incluye|como))$", re.I),
    open_ends=tuple("si que a de en con para por es son y o".split()),
)


def spoken_list(lead_in: str, items: list[str] | tuple[str, ...], ordered: bool, lexicon: Lexicon,
                report: Report | None = None, link_phrase: str | None = None, *, start: int = 1,
                depths: Sequence[int] = ()) -> str:
    """A lead-in and list items as spoken Spanish: "dolor, hinchazón y moretones"."""
    return _spoken_list(lead_in, items, ordered, lexicon, report, link_phrase, say_with=normalize,
                        words=SPANISH_LIST, start=start, depths=depths)


def list_pieces(lead_in: str, items: list[str] | tuple[str, ...], ordered: bool, lexicon: Lexicon,
                report: Report | None = None, link_phrase: str | None = None, *,
                start: int = 1, depths: Sequence[int] = ()) -> list[tuple[str, int]]:
    """The Spanish spoken list in pieces, each saying which item it voices (see normalize.list_pieces)."""
    return _list_pieces(lead_in, items, ordered, lexicon, report, link_phrase, say_with=normalize,
                        words=SPANISH_LIST, start=start, depths=depths)


def unit_words() -> frozenset[str]:
    """The words a unit or a currency is said as after a number ("miligramos", "dólares"), lower-case: the numbers
    audit reads a unit as part of its number."""
    forms = [*(f for pair in _UNITS.values() for f in pair),
             *(f for pairs in _CURRENCIES.values() for pair in pairs for f in pair)]
    return frozenset(word.lower() for form in forms for word in form.split() if word not in ("de", "por"))


def unit_names() -> dict[str, str]:
    """A one-word unit's abbreviation and singular -> its plural ("mg", "miligramo" -> "miligramos"): the same
    unit to the numbers audit."""
    pairs = [(s, p) for s, p in _UNITS.values() if " " not in s]
    return {**{w.lower(): p for w, (s, p) in _UNITS.items() if " " not in s and w.isalpha()}, **dict(pairs)}


MONTHS = (*_MONTHS, "setiembre")
