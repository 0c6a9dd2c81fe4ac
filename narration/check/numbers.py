"""The numbers audit: every number an article states (a dose, an age, a percentage, a range, a date, a time, a
phone number) must be said in its narration, and said the same.

Both sides are compared as the voice says them. The article is read through the normalizer, exactly as a
script is generated from it, so a generated script matches by construction; the script (or the published
transcript) is read as written. Digits become words (num2words), so "5 milligrams" and "five milligrams" are
the same number and "fifty milligrams" is not. The two sides' number words (with the unit said after them) are
aligned in reading order: a number the article has and the narration lacks is missing, one said differently is
changed, one the narration adds is listed for review. A number moved to another sentence is still said.
"""
from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

from num2words import num2words

from narration.check.base import Problem
from narration.errors import InputError
from narration.config import Config
from narration.grouping import WORDS_PER_MINUTE
from narration.ingest import article_stem, slugify
from narration.models import Article, Block
from narration.plan import episode_slug
from narration.publish import layout
from narration.scripts import PlannedSection, sections_of, spoken_paragraphs
from narration.text.lexicon import Lexicon, Report
from narration.text.normalize import unit_words

log = logging.getLogger(__name__)
FAILS = ("missing", "changed")  # kinds that stop a build under [check] numbers = "fail"; "added" is for review
_WORD = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?(?:st|nd|rd|th)?(?![^\W\d_])|(?i:[ap]\.m)\b|[^\W\d_]+(?:'[^\W\d_]+)?")
_NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million "
    "billion trillion half halves thirds quarter quarters".split())
_AFTER_NUMBER = frozenset({"oh", "point"})  # "9 oh 5", "2 point 5": part of the number only inside one
# "one" is a pronoun, not a count, after these words ("no one", "the one") or before these ("one of", "one can")
_ONE_AFTER = frozenset("no any every each the this that which someone loved".split())
_ONE_BEFORE = frozenset("of another who that can could should may might must will would is was".split())
_MONTHS = frozenset("january february march april may june july august september october november december".split())
_JOINERS = frozenset({"to", "or", "and", "of", "in", "by", "out", "over"})  # "5 to 10", "1 in 10": one phrase shown


@cache
def _units() -> frozenset[str]:
    """Words said after a number that belong to it: its unit ("milligrams", "percent", "PM")."""
    return unit_words() | frozenset("percent degrees fahrenheit celsius dollars dollar cents cent am pm a.m p.m "
                                    "o'clock day days times".split())


@dataclass(frozen=True)
class Number:
    """One number as said in a sentence: its words ("fifty", "milligrams") and how it is written there."""

    words: tuple[str, ...]
    line: int  # the script line (the sentence's index on the article side)
    sentence: str
    phrase: str  # as written: "50 milligrams", "1 800, 4 2 2, 6 2 3 7", "5 to 10 years"


@dataclass(frozen=True)
class Issue:
    """A number the narration does not say as the article does."""

    kind: str  # "missing", "changed" or "added"
    line: int
    expected: str  # as the article says it (spoken form); "" when added
    found: str  # as the narration says it; "" when missing
    sentence: str  # the article's sentence (missing, changed) or the narration's (added)

    @property
    def fails(self) -> bool:
        return self.kind in FAILS

    def detail(self, where: str = "the script") -> str:
        if self.kind == "changed":
            return f'the article says "{self.expected}", {where} says "{self.found}"'
        if self.kind == "missing":
            return f'"{self.expected}" is not said (the article: {_excerpt(self.sentence)})'
        return f'"{self.found}" is not in the article ({_excerpt(self.sentence)})'


def _excerpt(sentence: str, limit: int = 80) -> str:
    return f'"{sentence}"' if len(sentence) <= limit else f'"{sentence[:limit].rsplit(" ", 1)[0]} …"'


# ------------------------------------------------------------------ reading numbers as words

def _said(written: str) -> list[str]:
    """Digits as the words a voice says for them ("1,000" one thousand, "2.5" two point five, "21st")."""
    ordinal = written[-2:].isalpha()
    digits = written[:-2] if ordinal else written
    try:
        value = Decimal(digits.replace(",", ""))
    except InvalidOperation:
        return [written]
    said = num2words(int(value), to="ordinal") if ordinal else num2words(value)
    return [w for w in re.findall(r"[a-z]+", said.lower()) if w != "and"]


def numbers(sentence: str, line: int) -> list[Number]:
    """The numbers of one sentence in order, each with its unit (a date with its month); "one" as a pronoun is
    not a number."""
    words = [(m, m.group().lower()) for m in _WORD.finditer(sentence)]
    kinds: list[str] = []  # "n" number, "u" unit, "m" month before its day, "" other
    for index, (match, word) in enumerate(words):
        previous = kinds[-1] if kinds else ""
        if _is_number(word):
            kinds.append("n")
        elif word in _AFTER_NUMBER and previous == "n" and index + 1 < len(words) and _is_number(words[index + 1][1]):
            kinds.append("n")
        elif word in _units() and previous in ("n", "u"):
            kinds.append("u")
        else:
            kinds.append("")
    for index, (match, word) in enumerate(words):
        if word == "one" and kinds[index] == "n" and _pronoun(words, kinds, index):
            kinds[index] = ""
        if word in _MONTHS and index + 1 < len(words) and _is_number(words[index + 1][1]):
            kinds[index] = "m"  # a date's month: "March 15" changed to "May 15" is another date
    found = []
    for start, end in _phrases(words, kinds):
        said: list[str] = []
        for index in range(start, end):
            word = words[index][1]
            if kinds[index] == "n" and word[0].isdigit():
                said += _said(word)
            elif kinds[index]:
                said.append(word)
        found.append(Number(tuple(said), line, sentence, sentence[words[start][0].start():words[end - 1][0].end()]))
    return found


def _is_number(word: str) -> bool:
    return word[0].isdigit() or word in _NUMBER_WORDS


def _pronoun(words: list[tuple[re.Match[str], str]], kinds: list[str], index: int) -> bool:
    """Whether a lone "one" is a pronoun ("no one knows", "one of the causes"), not a count ("one tablet")."""
    if (index > 0 and kinds[index - 1]) or (index + 1 < len(kinds) and kinds[index + 1]):
        return False  # part of a longer number: "one hundred", "twenty-one"
    before = words[index - 1][1] if index > 0 else ""
    after = words[index + 1][1] if index + 1 < len(words) else ""
    return before in _ONE_AFTER or after in _ONE_BEFORE


def _phrases(words: list[tuple[re.Match[str], str]], kinds: list[str]) -> list[tuple[int, int]]:
    """Runs of number and unit words (a joiner between two numbers, "5 to 10", keeps one run), as index ranges."""
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(kinds):
        if kinds[index] not in ("n", "m"):
            index += 1
            continue
        end = index + 1
        while end < len(kinds) and (kinds[end] or (words[end][1] in _JOINERS and end + 1 < len(kinds)
                                                   and kinds[end + 1] == "n")):
            end += 1
        runs.append((index, end))
        index = end
    return runs


# ------------------------------------------------------------------ the article side

def article_sentences(blocks: Sequence[Block], lexicon: Lexicon, link_phrase: str | None = None) -> list[str]:
    """A section's sentences as the generated script says them: the article through the normalizer."""
    return [line for paragraph in spoken_paragraphs(blocks, lexicon, Report(), link_phrase) for line in paragraph]


# ------------------------------------------------------------------ comparing

def audit(expected: Sequence[str], found: Sequence[tuple[int, str]], first_line: int = 1) -> list[Issue]:
    """The numbers of the article's sentences (`expected`, in order) against those of the narration (`found`,
    (line, sentence) pairs); `first_line` is where a missing number is reported when the narration says none."""
    want = [n for index, sentence in enumerate(expected) for n in numbers(sentence, index)]
    have = [n for line, sentence in found for n in numbers(sentence, line)]
    matcher = SequenceMatcher(None, [n.words for n in want], [n.words for n in have], autojunk=False)
    missing: list[tuple[Number, int]] = []
    added: list[Number] = []
    issues = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        pairs = min(i2 - i1, j2 - j1)
        issues += [Issue("changed", have[j].line, want[i].phrase, have[j].phrase, want[i].sentence)
                   for i, j in zip(range(i1, i1 + pairs), range(j1, j1 + pairs))]
        missing += [(want[i], _nearest(want[i].sentence, found, have, j1 + pairs, first_line))
                    for i in range(i1 + pairs, i2)]
        added += have[j1 + pairs:j2]
    for number, line in missing:
        moved = next((n for n in added if n.words == number.words), None)
        if moved is not None:  # said in another place: still said
            added.remove(moved)
        else:
            issues.append(Issue("missing", line, number.phrase, "", number.sentence))
    issues += [Issue("added", n.line, "", n.phrase, n.sentence) for n in added]
    return sorted(issues, key=lambda issue: issue.line)


def _nearest(sentence: str, found: Sequence[tuple[int, str]], have: Sequence[Number], at: int, first_line: int) -> int:
    """The narration line where a missing number belonged: of the lines between the numbers said before and after
    it, the one most like the article's sentence."""
    low = have[at - 1].line if at > 0 else (found[0][0] if found else first_line)
    high = have[at].line if at < len(have) else (found[-1][0] if found else first_line)
    lines = [(line, text) for line, text in found if low <= line <= high]
    if not lines:
        return low
    return max(lines, key=lambda pair: SequenceMatcher(None, sentence, pair[1], autojunk=False).ratio())[0]


def enforce(mode: str, issues: Sequence[tuple[str, Issue]]) -> None:
    """Stop the build at the first missing or changed number when [check] numbers = "fail"; say each one when
    "warn"."""
    for path, issue in issues:
        if not issue.fails or mode == "off":
            continue
        if mode == "fail":
            raise InputError(path, f"line {issue.line}: number {issue.kind}: {issue.detail()}; fix the script, "
                                   'or set [check] numbers = "warn" to build anyway')
        log.warning("%s:%d: number %s: %s", path, issue.line, issue.kind, issue.detail())


# ------------------------------------------------------------------ a built folder (check)

def transcript_sentences(path: Path) -> list[tuple[int, str]]:
    """(segment number, text) of a published JSON transcript: what the episode says, intro and outro included."""
    segments = json.loads(path.read_text(encoding="utf-8"))["segments"]
    return [(number, str(segment["body"])) for number, segment in enumerate(segments, start=1)]


def output_problems(root: Path, article: Article, planned: Sequence[PlannedSection], lexicon: Lexicon,
                    link_phrase: str | None = None) -> list[Problem]:
    """Each number of the article's sections that their published episodes do not say the same (by transcript
    segment), and each section whose episode has no readable transcript."""
    problems: list[Problem] = []
    for section in planned:
        relative = layout.transcript(episode_slug(article.slug, section.slug), "json")
        try:
            said = transcript_sentences(root / relative)
        except (OSError, ValueError, KeyError, TypeError):
            problems.append(Problem(relative, f"no readable transcript for section {section.number} of "
                                              f"{article.source} ({section.title}): built from another version?"))
            continue
        issues = audit(article_sentences(section.blocks, lexicon, link_phrase), said)
        problems += [Problem(relative, f"segment {i.line}: number {i.kind}: {i.detail('the episode')}")
                     for i in issues if i.fails]
    return problems


def audit_folder(directory: Path, config: Config, articles: Sequence[Path | str], checked: list[str]) -> list[str]:
    """`check`'s numbers audit of a built folder: its episodes' transcripts against the articles they were built
    from (the given ones; by default the built-in sample when the folder holds its episodes). Lines like the other
    checks' under [check] numbers = "fail"; warnings under "warn"."""
    from narration.build.pipeline import SAMPLE, project_lexicon, read_articles

    if config.check.numbers == "off":
        return []
    if not articles:
        sample = slugify(article_stem(SAMPLE))
        if not any((directory / layout.TRANSCRIPTS).glob(f"{sample}--*.json")):
            checked.append("numbers: not audited; name the articles the folder was built from with --article")
            return []
        articles = (SAMPLE,)
    lexicon, link_phrase = project_lexicon(config), config.scripts.url_phrase or None
    lines = []
    for article in read_articles(config, articles):
        planned = sections_of(article, config.scripts, WORDS_PER_MINUTE[config.speech.preset])
        problems = output_problems(directory, article, planned, lexicon, link_phrase)
        lines += [f"{directory / p.path}: {p.message}" for p in problems]
        checked.append(f"numbers: every number of {article.source} said the same in its episodes' transcripts")
    if config.check.numbers == "warn":
        for line in lines:
            log.warning("%s", line)
        return []
    return lines
