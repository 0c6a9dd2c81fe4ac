"""The machinery every rule set shares: rules as (name, pattern, replacement), held text, looking around a match."""
from __future__ import annotations

from collections.abc import Sequence
import functools
import re

from narration.text.lexicon import Report
from narration.text.sentences import WordIndex, ends_sentence


_HOLD_BASE = 0xE000  # private-use code points stand in for held (final) text


class Held:
    """Spans of final text replaced by single private-use characters until the end."""

    def __init__(self) -> None:
        self.spans: list[str] = []

    def hold(self, text: str) -> str:
        self.spans.append(text)
        return chr(_HOLD_BASE + len(self.spans) - 1)

    def release(self, text: str) -> str:
        return re.sub(r"[\ue000-\uf8ff]", lambda m: self.spans[ord(m.group()) - _HOLD_BASE], text)


Rule = tuple[str, re.Pattern[str], "str | Callable[[re.Match[str]], str]"]


def run_rules(rules: Sequence[Rule], text: str, report: Report | None) -> str:
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


def words_before(m: re.Match[str], count: int) -> list[str]:
    """The last `count` words before a match (m.string[:m.start()].split()[-count:])."""
    return _word_index(m.string).before(m.start(), count)


def next_char(m: re.Match[str]) -> str:
    """The first non-space character after a match, or '' at the end."""
    at = _SPACE_RUN.match(m.string, m.end()).end()
    return m.string[at:at + 1]


def at_end(m: re.Match[str]) -> bool:
    """Whether a match is the last thing in its text (closing marks aside)."""
    return _CLOSING_TO_END.match(m.string, m.end()) is not None


def final_dot(m: re.Match[str]) -> str:
    """Keep a full stop that an abbreviation swallowed when it also ended the sentence ("... 70 mg/dL. Your")."""
    if at_end(m):
        return "."
    return "." if m.group().endswith(".") and ends_sentence(m.string, m.end() - 1) else ""
