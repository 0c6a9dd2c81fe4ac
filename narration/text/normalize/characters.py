"""Characters that must not reach a voice: invisible marks, look-alike punctuation, footnote signs."""
from __future__ import annotations

import re
import unicodedata

from narration.text.normalize.base import Rule


_SMART = str.maketrans({"‘": "'", "’": "'", "ʼ": "'", "‚": ",", "\u00a0": " ", "\u2009": " ",
                        "\u202f": " ", "\u2007": " ", "\u2002": " ", "\u2003": " ", "\t": " ",
                        "\u2010": "-", "\u2011": "-", "\u2212": "-", "\u2026": "...",
                        "\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": "",
                        # every dash is one of the two the rules know: a figure dash joins digits as an en dash
                        # does, a horizontal bar, a two- or three-em dash and a small em dash break a sentence
                        "\u2012": "–", "\u2015": "—", "\u2e3a": "—", "\u2e3b": "—", "\ufe58": "—",
                        "\ufe63": "-", "\uff0d": "-"})
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
    # a dictionary respelling "(teh-moh-ZOH-loh-mide)" is for readers; the lexicon is the voice's (a page's
    # template may leave a space inside its brackets: "(ka-peh-SY-tuh-been )")
    ("respelling", re.compile(r"\s?\( ?(?=[a-z-]*[A-Z]{2,})(?=[A-Z-]*[a-z]{2,})[a-zA-Z]+(?:-[a-zA-Z]+){2,} ?\)"), ""),
    ("placeholder", re.compile(r"\s*<[A-Z][A-Z/_.\- ]*>"), ""),  # "<MM/DD/YYYY>" in a template
    # "doesn¹t": an apostrophe mis-encoded as a superscript one, inside a word; a footnote mark never is
    ("apostrophe", re.compile(r"(?<=[A-Za-z])[\u00b9\u00b2\u00b3\u2070-\u2079](?=(?:t|s|d|ll|re|ve|m)\b)"), "'"),
    ("section", re.compile(r"§§\s?(?=\d)"), "sections "),  # "42 U.S.C. § 300aa-26"
    ("section", re.compile(r"§\s?(?=\d)"), "section "),
    ("footnote", re.compile(r"\s?\[(?:\d+|[a-z])(?:[,–-]\s?(?:\d+|[a-z]))*\]"), ""),
    ("footnote", re.compile(r"(?<=[\w.,;:)\"'])[\u00b9\u00b2\u00b3\u2070-\u2079]+"), ""),
    ("footnote", re.compile(r"(?<=[\w.,;:)\"'])[*†‡§¶]+|[†‡§¶]"), ""),
]
