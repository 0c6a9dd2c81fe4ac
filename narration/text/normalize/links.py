"""Web and e-mail addresses said the way people say them ("cancer dot gov"), held from later rules."""
from __future__ import annotations

from collections.abc import Callable
import re

from narration.text.lexicon import Report
from narration.text.normalize.acronyms import spell_letters
from narration.text.normalize.base import Held
from narration.text.normalize.words import ordinary_word


_URL = re.compile(
    r"(?:(?<![\w/])[a-z]{1,6}://|www\.)[^\s<>\"')\]]+[^\s<>\"')\].,;:!?]"
    r"|(?<![@\w.])(?:[a-z0-9-]+\.)+(?:org|com|gov|edu|net|info|health|us|uk|ca)(?:/[^\s<>\"')\]]*[^\s<>\"')\].,;:!?])?(?![\w@])",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"(?<![\w.])[\w.+-]+@(?:[a-z0-9-]+\.)+[a-z]{2,}(?!\w)", re.IGNORECASE)
_LINK_SYMBOLS = {".": " dot ", "/": " slash ", "-": " dash ", "_": " underscore ", "@": " at ",
                 "~": " tilde ", "#": " hash ", "+": " plus ", "=": " equals ", "?": " ", "&": " and "}
# A social-media handle ("@NIDDKgov", "@MayoClinic"), not an e-mail address's "@" (the word before it is glued on).
_HANDLE = re.compile(r"(?<![\w.@])@([A-Za-z][A-Za-z0-9_]{1,30})\b")
_HANDLE_PART = re.compile(r"([A-Z]*)([a-z]*)|(\d+)")
_LINK_SPLIT = re.compile(r"([./\-_@~#+=?&])")


# short parts said as words, not spelled like "nih" ("web.archive.org", "my.clevelandclinic.org", "go.usa.gov")
_LINK_WORDS = frozenset("com org gov edu net www info web app my go".split())


def _link_part(part: str, symbols: dict[str, str], spell: Callable[[str], str]) -> str:
    """A piece of a link as a person says it: "ClinicalTrials" two words, "nih" and "nccih" spelled."""
    if part in symbols:
        return symbols[part]
    lower = part.lower()
    if lower.isalpha() and lower not in _LINK_WORDS and (
            len(lower) <= 3 or not set(lower) & set("aeiouy") or re.match(r"[^aeiouy]{3}", lower)):
        return spell(lower.upper())
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", part).lower()


def _site(link: str) -> str:
    """What of a link is said: no scheme (nor a broken one, "tps://"), no www, no query; a path of one part
    ("cancer.gov/espanol", "example.org/risk-factors") names the page and is said, a deeper one is the site's
    filing ("niddk.nih.gov/health-information/diabetes") and only the host is."""
    link = re.sub(r"^[a-z]*://", "", link, flags=re.IGNORECASE)
    link = re.sub(r"^www\.", "", link, flags=re.IGNORECASE)
    link = re.split(r"[?#]", link, maxsplit=1)[0].rstrip("/")
    host, _, path = link.partition("/")
    return host if "/" in path else link


def read_link(link: str, symbols: dict[str, str] | None = None, spell: Callable[[str], str] | None = None) -> str:
    """How a person reads a link aloud: its site (see `_site`), symbols named (in English unless `symbols` says)."""
    link = _site(link)
    parts = [_link_part(p, symbols or _LINK_SYMBOLS, spell or spell_letters) for p in _LINK_SPLIT.split(link) if p]
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def _handle_words(capitals: str, lower: str) -> list[str]:
    """One capital run and the lower-case letters after it as words: "Mayo"; "NIDDK" "gov" (the lower-case part
    a word of its own); "NHS" "England" (else the run's last capital opens the word, as in CamelCase)."""
    if len(capitals) < 2:
        return [capitals + lower]
    if not lower or lower in _LINK_WORDS or ordinary_word(lower):
        return [spell_letters(capitals), *([lower] if lower else [])]
    return [spell_letters(capitals[:-1]) if len(capitals) > 2 else capitals[0], capitals[-1] + lower]


def read_handle(m: re.Match[str]) -> str:
    """A handle as people say it: "at", then its words split where the case changes, a run of capitals spelled
    ("@NIDDKgov": "at N.I.D.D.K gov", "@MayoClinic": "at Mayo Clinic")."""
    words = [word for capitals, lower, digits in _HANDLE_PART.findall(m.group(1))
             for word in ([digits] if digits else _handle_words(capitals, lower)) if word]
    return "at " + " ".join(words)


def spoken_links(text: str, held: Held, link_phrase: str | None, report: Report | None,
           read: Callable[[str], str] = read_link) -> str:
    """Read e-mail addresses and URLs aloud, or replace them by a configured phrase."""
    for name, pattern in (("email", _EMAIL), ("url", _URL)):
        def replace(m: re.Match[str]) -> str:
            return held.hold(link_phrase if link_phrase is not None else read(m.group()))

        text, n = pattern.subn(replace, text)
        if n and report is not None:
            report.rules[name] += n
    text, n = _HANDLE.subn(lambda m: held.hold(read_handle(m)), text)
    if n and report is not None:
        report.rules["handle"] += n
    return text
