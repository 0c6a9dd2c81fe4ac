"""Characters that must not reach a voice: invisible marks, look-alike punctuation, footnote signs."""
from __future__ import annotations

import re
import unicodedata

from narration.text.normalize.base import Rule
from narration.text.normalize.words import ordinary_word


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


def clean_chars(text: str) -> str:
    """Plain characters: NFC, one kind of apostrophe, no control characters, emoji or dingbats."""
    text = unicodedata.normalize("NFC", text).translate(_SMART)
    return "".join(
        " " if unicodedata.category(ch) == "Cc" else ch
        for ch in text
        if ch in _KEEP_SYMBOLS or unicodedata.category(ch) not in _DROP_CATEGORIES - {"Cc"}
    )


# A dictionary respelling in brackets, its first word mixing a stressed syllable in capitals with lower-case ones:
# "(teh-moh-ZOH-loh-mide)", "(ka-peh-SY-tuh-been )" (a space left inside by a page's template); a respelling of
# several words, one broken at a hyphen, "(er-uh-THEE-muh MY- granz)", when its syllables are short (not the
# "related" of "(BRCA-related low-risk)").
RESPELLING = (r"\( ?(?=[a-z-]*[A-Z]{2,})(?=[A-Z-]*[a-z]{2,})(?:[a-zA-Z]+(?:-[a-zA-Z]+){2,}"
              r"|(?=(?:[^()-]*-){2})[a-zA-Z]{1,6}(?:(?: ?- ?| )[a-zA-Z]{1,6})+) ?\)")

def _lower_respelling(m: re.Match[str]) -> str:
    """"urinary (yoor-ih-nehr-ee)": three or more short lower-case syllables joined by hyphens, right after the word
    they respell, say it again as nonsense; a hyphenated word in brackets ("(non-small-cell)", "(x-ray-guided)") is
    all English words, and stays."""
    return "" if not all(ordinary_word(piece) for piece in m.group(1).split("-")) else m.group()


# English only (a Spanish "(cara-a-cara)" is no respelling): see `_lower_respelling`.
LOWER_RESPELLING: Rule = ("respelling", re.compile(r"(?<=[A-Za-z])\s?\( ?([a-z]{1,5}(?:-[a-z]{1,5}){2,}) ?\)"),
                          _lower_respelling)

FOOTNOTES: list[Rule] = [
    # a dictionary respelling is for readers; the lexicon is the voice's
    ("respelling", re.compile(r"\s?" + RESPELLING), ""),
    ("placeholder", re.compile(r"\s*<[A-Z][A-Z/_.\- ]*>"), ""),  # "<MM/DD/YYYY>" in a template
    # "doesn¹t": an apostrophe mis-encoded as a superscript one, inside a word; a footnote mark never is
    ("apostrophe", re.compile(r"(?<=[A-Za-z])[\u00b9\u00b2\u00b3\u2070-\u2079](?=(?:t|s|d|ll|re|ve|m)\b)"), "'"),
    ("section", re.compile(r"§§\s?(?=\d)"), "sections "),  # "42 U.S.C. § 300aa-26"
    ("section", re.compile(r"§\s?(?=\d)"), "section "),
    ("footnote", re.compile(r"\s?\[(?:\d+|[a-z])(?:[,–-]\s?(?:\d+|[a-z]))*\]"), ""),
    ("footnote", re.compile(r"(?<=[\w.,;:)\"'])[\u00b9\u00b2\u00b3\u2070-\u2079]+"), ""),
    ("footnote", re.compile(r"(?<=[\w.,;:)\"'])[*†‡§¶]+|[†‡§¶]"), ""),
    # a bracket that sends the reader elsewhere on the page ("(see also Precautions)", "(See SIDE EFFECTS section)",
    # "(see Table 2)"): a listener cannot turn to it, and the section is said in its place anyway; "(see your
    # doctor)" is advice, and "(see below)" still tells a listener that more comes later: both kept.
    ("cross-reference", re.compile(r"\s?\((?:[Ss]ee|SEE)(?: also| ALSO)?:?\s+(?:[A-Z\"“'‘]|(?:page|pp?\.|section|"
                                   r"table|figure|the [\w ]{1,40}section)\b)[^()\n]{0,80}\)"), ""),
]
