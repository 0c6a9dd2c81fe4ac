"""Page debris: lines a web page carries that a listener does not need ("Enlarge", "Credit: iStock",
"Go to Health Professional Version", citation markers), removed by a configurable list of patterns.

Each pattern is searched in one line (a paragraph, a list item); the text it matches is removed, and a line
left with nothing to say is dropped whole. Everything removed is recorded so the `scripts` report can show it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from narration.models import Dropped

# Defaults for common health sites; `[scripts] debris = [...]` in narration.toml adds to them.
DEFAULT_DEBRIS: tuple[str, ...] = (
    # figure links: "Enlarge" alone, at the end of a sentence, or with the rest of a cut image title ('... body.")')
    r'(?:^|(?<=[.!?])\s*)Enlarge(?: Image)?(?:\b[^\n]*"\))?\s*$',
    r"^Go to (?:Health Professional|Patient) Version$",
    r"^(?:Photo |Image )?Credits?: .{1,100}$",
    r"^Placeholder slot$",
    # a pronunciation respelling on a line of its own: "(teh-moh-ZOH-loh-mide)"
    r"^\((?=[^)]*\b[A-Z]{2,}\b)[A-Za-z]+(?:-[A-Za-z]+){2,}\)$",
    r"(?i)^(?:print|share|e-?mail|tweet|back to top|skip to (?:main )?content|advertisement|"
    r"view/print pdf|print this page|listen|open in new window|close|menu|related resources?)$",
    # citation markers attached to the end of a clause: "cancer (24).", "risk (26-28), and", "text.[1]"
    r"(?<=[\w.,;:)])\s?\((?:\d{1,3})(?:\s?[-–,]\s?\d{1,3})*\)(?=[.,;:!?]|\s*$)",
    r"(?<=[\w.,;:)])\s?\[(?:\d{1,3})(?:\s?[-–,]\s?\d{1,3})*\](?=[\s.,;:!?]|$)",
)
NOTHING_LEFT = re.compile(r"^[\W_]*$")


def compile_patterns(patterns: Iterable[str]) -> list[tuple[str, re.Pattern[str]]]:
    """Compile debris patterns; a bad one raises re.error (the config reports it with its key)."""
    return [(pattern, re.compile(pattern)) for pattern in patterns]


def pattern_problems(patterns: Sequence[str], key: str = "scripts.debris") -> list[str]:
    """Config problems of user debris patterns: each must compile and must not match an empty line."""
    problems = []
    for index, pattern in enumerate(patterns):
        try:
            compiled = re.compile(pattern)
        except re.error as err:
            problems.append(f"{key}[{index}]: {pattern!r} is not a regular expression ({err})")
            continue
        if compiled.search("") is not None:
            problems.append(f"{key}[{index}]: {pattern!r} matches empty text; it would drop nothing, or everything")
    return problems


@dataclass
class DebrisFilter:
    """Removes debris from lines of one article and records what it removed."""

    file: str
    patterns: list[tuple[str, re.Pattern[str]]]
    dropped: list[Dropped] = field(default_factory=list)

    def clean(self, line: str) -> str:
        """The line without its debris: '' when nothing is left to say."""
        text = line
        for source, pattern in self.patterns:
            found = [m.group() for m in pattern.finditer(text) if m.group()]
            if not found:
                continue
            remaining = pattern.sub("", text)
            if NOTHING_LEFT.match(remaining):
                self.dropped.append(Dropped(self.file, line, source, text))
                return ""
            self.dropped.extend(Dropped(self.file, line, source, piece.strip()) for piece in found)
            text = " ".join(remaining.split())
        return text

    def drop(self, line: str, rule: str) -> None:
        """Record a line left out by a structural rule (an image's alt text, a caption, a promotional card)."""
        self.dropped.append(Dropped(self.file, line, f"<{rule}>", line))


def debris_filter(file: str, extra: Sequence[str] = ()) -> DebrisFilter:
    """A filter with the default patterns and the project's own."""
    return DebrisFilter(file, compile_patterns([*DEFAULT_DEBRIS, *extra]))
