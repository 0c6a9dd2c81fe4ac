"""The numbers audit: every number an article states (a dose, an age, a percentage, a range, a date, a time, a
phone number) must be said in its narration, and said the same.

Both sides are compared as the voice says them, in the article's language. The article is read through its
language's normalizer, exactly as a script is generated from it, so a generated script matches by construction;
the script (or the published transcript) is read as written. Digits become words as that language says them, so
"5 milligrams" and "five milligrams" are the same number and "fifty milligrams" is not; the forms of one value
are one number ("una", "un", "uno"). What counts as a number word, a unit, a month or a joiner is the
language's entry in narration/check/number_words.py. The two sides' number words (with the unit said after them)
are aligned in reading order: a number the article has and the narration lacks is missing, one said differently
is changed, one the narration adds is listed for review. A number moved to another sentence is still said.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from narration.check.base import Problem
from narration.check.number_words import NumberWords, number_words
from narration.errors import InputError
from narration.config import Config
from narration.grouping import WORDS_PER_MINUTE
from narration.ingest import article_stem, slugify
from narration.models import Article, Block
from narration.plan import episode_slug
from narration.publish import layout
from narration.scripts import PlannedSection, sections_of, spoken_paragraphs
from narration.text.lexicon import Lexicon, Report

log = logging.getLogger(__name__)
FAILS = ("missing", "changed")  # kinds that stop a build under [check] numbers = "fail"; "added" is for review


@dataclass(frozen=True)
class Number:
    """One number as said in a sentence: its words ("fifty", "milligrams") and how it is written there."""

    words: tuple[str, ...]
    line: int  # the script line (the sentence's index on the article side)
    sentence: str
    phrase: str  # as written: "50 milligrams", "1 800, 4 2 2, 6 2 3 7", "5 to 10 years"
    weak: bool = False  # one word that alone is more often an article or an ordinal ("una", "primero")


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

def numbers(sentence: str, line: int, language: str = "") -> list[Number]:
    """The numbers of one sentence in order, each with its unit (a date with its month), in the words of its
    language ("" English); "one" as a pronoun is not a number."""
    rules = number_words(language)
    words = [(m, m.group().lower()) for m in rules.token.finditer(sentence)]
    kinds = _kinds([word for _, word in words], rules)
    found = []
    for start, end in _phrases([word for _, word in words], kinds, rules):
        said: list[str] = []
        for index in range(start, end):
            word = words[index][1]
            if kinds[index] == "n" and word[0].isdigit():
                said += [w for w in rules.said(word) if w not in rules.joiners]
            elif kinds[index]:
                said.append(word)
        found.append(Number(tuple(rules.fold(w) for w in said), line, sentence,
                            sentence[words[start][0].start():words[end - 1][0].end()], _weak(said, rules)))
    return found


def _weak(said: Sequence[str], rules: NumberWords) -> bool:
    """Whether a number is one weak word ("una", "primero"): alone, more often an article or an ordinal."""
    return len(said) == 1 and rules.fold(said[0]) in rules.weak


def _kinds(words: Sequence[str], rules: NumberWords) -> list[str]:
    """Each word's part: "n" number, "u" unit, "m" a date's month, "" other."""
    kinds: list[str] = []
    for index, word in enumerate(words):
        previous = _previous(words, kinds, rules.unit_links)
        if rules.is_number(word):
            kinds.append("n")
        elif word in rules.after_number and kinds[-1:] == ["n"] and index + 1 < len(words) \
                and rules.is_number(words[index + 1]):
            kinds.append("n")
        elif word in rules.units and previous in ("n", "u"):
            kinds.append("u")
        else:
            kinds.append("")
    for index, word in enumerate(words):
        if word == rules.pronoun and kinds[index] == "n" and _pronoun(words, kinds, index, rules):
            kinds[index] = ""
        if word in rules.months and _dated(words, index, rules):
            kinds[index] = "m"  # a date's month: "March 15" changed to "May 15" is another date
    return kinds


def _previous(words: Sequence[str], kinds: Sequence[str], links: frozenset[str]) -> str:
    """The part of the last word before the next one, over up to two linking words ("seis de la tarde")."""
    index = len(kinds) - 1
    while index >= 0 and index >= len(kinds) - 2 and not kinds[index] and words[index] in links:
        index -= 1
    return kinds[index] if index >= 0 else ""


def _dated(words: Sequence[str], index: int, rules: NumberWords) -> bool:
    """Whether a month names a date: before its day ("March 15"), or joined to a day or a year by the
    language's link ("quince de marzo", "marzo de dos mil")."""
    def number_at(i: int) -> bool:
        return 0 <= i < len(words) and rules.is_number(words[i])

    if not rules.month_link:
        return number_at(index + 1)
    link = rules.month_link
    return (index > 1 and words[index - 1] == link and number_at(index - 2)) or \
        (index + 2 < len(words) and words[index + 1] == link and number_at(index + 2))


def _pronoun(words: Sequence[str], kinds: list[str], index: int, rules: NumberWords) -> bool:
    """Whether a lone "one" is a pronoun ("no one knows", "one of the causes"), not a count ("one tablet")."""
    if (index > 0 and kinds[index - 1]) or (index + 1 < len(kinds) and kinds[index + 1]):
        return False  # part of a longer number: "one hundred", "twenty-one"
    before = words[index - 1] if index > 0 else ""
    after = words[index + 1] if index + 1 < len(words) else ""
    return before in rules.pronoun_after or after in rules.pronoun_before


def _phrases(words: Sequence[str], kinds: list[str], rules: NumberWords) -> list[tuple[int, int]]:
    """Runs of number and unit words (joiners between two numbers, "5 to 10", "una de cada ocho", and links before
    a unit, "seis de la tarde", keep one run), as index ranges."""
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(kinds):
        if kinds[index] not in ("n", "m"):
            index += 1
            continue
        end = index + 1
        while end < len(kinds):
            if kinds[end]:
                end += 1
                continue
            gap = 0
            while gap < rules.max_joined and end + gap < len(kinds) and not kinds[end + gap] \
                    and words[end + gap] in rules.joiners | rules.unit_links:
                gap += 1
            if gap and end + gap < len(kinds) and kinds[end + gap]:
                end += gap
            else:
                break
        runs.append((index, end))
        index = end
    return runs


# ------------------------------------------------------------------ the article side

def article_sentences(blocks: Sequence[Block], lexicon: Lexicon, link_phrase: str | None = None,
                      language: str = "") -> list[str]:
    """A section's sentences as the generated script says them: the article through its language's normalizer."""
    return [line for paragraph in spoken_paragraphs(blocks, lexicon, Report(), link_phrase, language)
            for line in paragraph]


# ------------------------------------------------------------------ comparing

def audit(expected: Sequence[str], found: Sequence[tuple[int, str]], first_line: int = 1,
          language: str = "") -> list[Issue]:
    """The numbers of the article's sentences (`expected`, in order) against those of the narration (`found`,
    (line, sentence) pairs), both in `language`; `first_line` is where a missing number is reported when the
    narration says none. A weak number ("una" alone) counts when changed, not when dropped or added: an editor
    who rewords "una mamografía" has dropped an article, not a count."""
    want = [n for index, sentence in enumerate(expected) for n in numbers(sentence, index, language)]
    have = [n for line, sentence in found for n in numbers(sentence, line, language)]
    matcher = SequenceMatcher(None, [n.words for n in want], [n.words for n in have], autojunk=False)
    missing: list[tuple[Number, int]] = []
    added: list[Number] = []
    issues = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" or _flat(want[i1:i2]) == _flat(have[j1:j2]):
            continue  # the same numbers, maybe joined or split otherwise ("de ocho a seis" / "de ocho; hasta seis")
        mine, theirs = _strong_first(want[i1:i2], j2 - j1), _strong_first(have[j1:j2], i2 - i1)
        paired, unsaid, extra = _pairs(mine, theirs)
        issues += [Issue("changed", b.line, a.phrase, b.phrase, a.sentence) for a, b in paired]
        at = j1 + len(paired)
        missing += [(a, _nearest(a.sentence, found, have, at, first_line)) for a in unsaid if not a.weak]
        added += [b for b in extra if not b.weak]
    for number, line in missing:
        moved = next((n for n in added if n.words == number.words), None)
        if moved is not None:  # said in another place: still said
            added.remove(moved)
        else:
            issues.append(Issue("missing", line, number.phrase, "", number.sentence))
    issues += [Issue("added", n.line, "", n.phrase, n.sentence) for n in added]
    return sorted(issues, key=lambda issue: issue.line)


def _flat(side: Sequence[Number]) -> list[str]:
    return [word for number in side for word in number.words]


def _strong_first(side: Sequence[Number], other: int) -> list[Number]:
    """One side of a changed stretch, without as many of its weak numbers as it has more numbers than the other
    side: "una mamografía cada dos años" reworded "la mamografía cada tres años" pairs "dos" with "tres"."""
    kept, surplus = list(side), len(side) - other
    for number in [n for n in side if n.weak][:max(surplus, 0)]:
        kept.remove(number)
    return kept


def _pairs(mine: list[Number], theirs: list[Number]) -> tuple[list[tuple[Number, Number]], list[Number], list[Number]]:
    """A changed stretch's numbers paired in order; where one side has more, the other side's numbers pair with
    the run of them most alike (the same unit, the same words), so an episode's "parte 2 de 6" before a changed
    dose is an added number and the dose the changed one. The rest are (unsaid, extra)."""
    count = min(len(mine), len(theirs))
    longer, shorter = (mine, theirs) if len(mine) > len(theirs) else (theirs, mine)

    def alike(start: int) -> float:
        return sum(SequenceMatcher(None, a.words, b.words, autojunk=False).ratio()
                   for a, b in zip(longer[start:start + count], shorter))

    start = max(range(len(longer) - count + 1), key=alike)  # the first of equals: in order, as read
    rest = longer[:start] + longer[start + count:]
    if longer is mine:
        return list(zip(mine[start:start + count], theirs)), rest, []
    return list(zip(mine, theirs[start:start + count])), [], rest


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
        language = article.meta.language
        issues = audit(article_sentences(section.blocks, lexicon, link_phrase, language), said, language=language)
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
