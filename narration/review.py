"""The review list of the `scripts` command: what the tool is unsure of, line by line, so an editor checks those
lines instead of listening to every minute.

Checks read a script as the voice will say it (after normalization and the lexicon, with the editor's own
edits) and say where: `path:line: kind: detail`, like a compiler. The thresholds and word lists live in
`narration/data/review.toml`; the lexicon says which capital-letter words are known.
"""
from __future__ import annotations

import html
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache, cached_property
from importlib import resources
from pathlib import Path

from narration.atomic import folder_lock, remove_stale_temps, write_text_atomic
from narration.check.numbers import Issue, article_sentences, audit
from narration.config import CheckConfig
from narration.ingest import article_stem, title_from_filename
from narration.ingest.outline import narrated_blocks
from narration.models import Article, Block, Dropped, Script
from narration.scripts import HEADING, PAUSE, QUESTION_NUMBER, TITLE_LINE, PlannedSection, list_missing, read_script
from narration.text import readability
from narration.text.lexicon import Lexicon
from narration.text.sentences import split_sentences
from narration.written import WrittenSection

REVIEW_FILE = "REVIEW.md"  # beside the scripts; not a script (script files are NN-name.txt)
LEVEL = "reading level"  # a section's grades: information, not an item to review
ORDINARY_PUNCTUATION = frozenset(".,;:?!'\"-()¿¡")  # a Spanish question or exclamation opens with its mark
_TOKEN = re.compile(r"\S+")
_EDGE = ".,;:?!\"()'"
_SPELLED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z](?:-(?:[A-Za-z]\.)*[A-Za-z])*")  # N.C.I, E.G-F.R, P.h.D
_CAMEL = re.compile(r"(?:[A-Z][a-z]+)+")  # DailyMed, McDonald: names, not acronyms
# a number and the word after it; not the first letter of a spelled group ("6 30 P.M", "5 U.S states")
_AFTER_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*\s?([^\W\d_]{1,6})(\.?)(?![^\W\d_]|\.[^\W\d_])")
_VOWEL = re.compile(r"[aeiouAEIOU]")
_HEADING_END = re.compile(r"[.!]$")


@dataclass(frozen=True)
class Finding:
    """One thing to review: where it is and what about it."""

    path: str
    line: int
    kind: str
    detail: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.kind}: {self.detail}"


@dataclass(frozen=True)
class Rules:
    """Thresholds and word lists of the review (narration/data/review.toml)."""

    long_sentence_words: int
    fragment_words: int
    short_section_words: int
    long_section_words: int
    long_heading_words: int
    known_capitals: frozenset[str]
    plain_after_numbers: frozenset[str]
    abbreviations: frozenset[str]


@cache
def default_rules() -> Rules:
    """The review settings shipped with the package."""
    data = tomllib.loads((resources.files("narration") / "data" / "review.toml").read_text(encoding="utf-8"))
    limits, after = data["limits"], data["after_numbers"]
    return Rules(**limits, known_capitals=frozenset(data["capitals"]["known"]),
                 plain_after_numbers=frozenset(w.casefold() for w in after["plain"]),
                 abbreviations=frozenset(w.casefold() for w in after["abbreviations"]))


@dataclass(frozen=True)
class Known:
    """Capital-letter words the lexicon knows: as written (its entries) and as said (spelled forms such as
    "P.h.D" that the lexicon itself writes)."""

    written: frozenset[str]
    folded: frozenset[str]
    said: frozenset[str]

    @classmethod
    def of(cls, lexicon: Lexicon, rules: Rules) -> Known:
        said = {token.strip(_EDGE) for e in lexicon.entries for token in e.spoken.split()}
        return cls(frozenset({e.written for e in lexicon.entries} | rules.known_capitals),
                   frozenset(e.written.casefold() for e in lexicon.entries if e.ignore_case), frozenset(said))

    def knows(self, token: str, letters: str) -> bool:
        return (token in self.said or letters in self.written or token in self.written
                or letters.casefold() in self.folded)


# ------------------------------------------------------------------ checks of one spoken sentence

def _excerpt(sentence: str, limit: int = 90) -> str:
    return f'"{sentence}"' if len(sentence) <= limit else f'"{sentence[:limit].rsplit(" ", 1)[0]} …"'


def capital_words(sentence: str, known: Known) -> list[str]:
    """Capital-letter words the voice will guess at: spelled-out letter groups ("N.C.I"), capitals left as a
    word ("NCI's", "USPSTF") and mixed-case terms ("mRNA", "HbA1c") that the lexicon does not list."""
    found = []
    for raw in _TOKEN.findall(sentence):
        for token in _parts(raw):
            spelled = _SPELLED.fullmatch(token)
            letters = token.replace(".", "") if spelled else token
            capitals = sum(ch.isupper() for ch in letters)
            if capitals < 2 and not (spelled and capitals):
                continue
            if not spelled and _CAMEL.fullmatch(token):
                continue
            if not known.knows(token, letters):
                found.append(f"{letters}, said {token}" if spelled else f"{letters}, read as a word")
    return found


def _parts(raw: str) -> list[str]:
    """A word's parts as the checks see them: "N.C.I-supported" is "N.C.I" and "supported", "R.T-P.C.R" one
    spelled group; edge punctuation and a possessive are not part of it."""
    token = re.sub(r"\.?'s$", "", raw.strip(_EDGE))
    if _SPELLED.fullmatch(token):
        return [token]
    return [part.strip(_EDGE) for part in re.split(r"[-/]", token) if part.strip(_EDGE)]


def symbols(sentence: str) -> list[str]:
    """Characters other than letters, digits, spaces and ordinary punctuation, which a voice skips or names."""
    seen = []
    for ch in sentence:
        if ch.isspace() or ch in ORDINARY_PUNCTUATION or unicodedata.category(ch)[0] in "LN" or ch in seen:
            continue
        seen.append(ch)
    return seen


def unknown_abbreviations(sentence: str, rules: Rules) -> list[str]:
    """A number followed by an abbreviation normalization did not expand ("6 mo.", "8 yrs", "2 tbsp")."""
    found = []
    for m in _AFTER_NUMBER.finditer(sentence):
        word, dot = m.group(1), m.group(2)
        folded = word.casefold()
        if folded in rules.plain_after_numbers or (word.isupper() and len(word) > 1):
            continue
        rest = sentence[m.end():].lstrip()
        mid_sentence_dot = bool(dot) and bool(rest) and not rest[0].isupper()
        if folded in rules.abbreviations or mid_sentence_dot or not _VOWEL.search(word):
            found.append(m.group().strip())
    return found


SentenceCheck = Callable[[str, "Context"], list[str]]


@dataclass(frozen=True)
class Context:
    """What the sentence checks need besides the sentence."""

    rules: Rules
    known: Known
    headings: frozenset[str] = frozenset()  # sub-headings, by heading_key: short by design, not fragments
    listed: frozenset[str] = frozenset()  # the script's list lead-ins and items ("Examples include:"): not fragments


def heading_key(text: str) -> str:
    """Letters and digits only, so a sub-heading matches its spoken form ("About PDQ" / "About P.D.Q")."""
    return re.sub(r"[\W_]", "", QUESTION_NUMBER.sub("", text)).casefold()


def _fragment(sentence: str, context: Context) -> list[str]:
    words = len(sentence.split())
    if words > context.rules.fragment_words or heading_key(sentence) in context.headings or sentence in context.listed:
        return []
    return [_excerpt(sentence)]


def _long(sentence: str, context: Context) -> list[str]:
    words = len(sentence.split())
    return [f"{words} words: {_excerpt(sentence, 70)}"] if words > context.rules.long_sentence_words else []


# kind -> check; each returns one detail per thing found in the sentence
SENTENCE_CHECKS: tuple[tuple[str, SentenceCheck], ...] = (
    ("unknown capitals", lambda s, c: [f"{w} (not in the lexicon)" for w in capital_words(s, c.known)]),
    ("symbol", lambda s, c: [f'"{ch}" left in {_excerpt(s, 60)}' for ch in symbols(s)]),
    ("abbreviation", lambda s, c: [f'"{a}": a number with an abbreviation the voice reads as written'
                                   for a in unknown_abbreviations(s, c.rules)]),
    ("fragment", _fragment),
    ("long sentence", _long),
)


def sentence_findings(sentence: str, context: Context) -> list[tuple[str, str]]:
    """(kind, detail) of everything the checks find in one spoken sentence."""
    return [(kind, detail) for kind, check in SENTENCE_CHECKS for detail in check(sentence, context)]


# ------------------------------------------------------------------ a script file

def spoken_lines(text: str) -> tuple[tuple[int, str] | None, list[tuple[int, str]]]:
    """The title line and the spoken sentences of a script, each with its line number (as parse_script reads
    them: '#' notes and pause marks are not spoken)."""
    title = None
    sentences: list[tuple[int, str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = TITLE_LINE.match(line)
        if match and title is None and not sentences:
            title = (number, match.group(1).strip())
            continue
        heading = HEADING.match(line)
        spoken = heading.group(1) if heading else PAUSE.sub(" ", line)
        sentences += [(number, " ".join(s.split())) for s in split_sentences(spoken, spoken=True) if s.strip()]
    return title, sentences


@dataclass(frozen=True)
class SpokenScript:
    """A script's text with its title line and spoken sentences, split once for every check that reads them."""

    text: str
    title: tuple[int, str] | None
    sentences: list[tuple[int, str]]

    @classmethod
    def of(cls, script: str | SpokenScript) -> SpokenScript:
        """The script split into sentences (`script` as it is when it already is)."""
        return script if isinstance(script, SpokenScript) else cls(script, *spoken_lines(script))

    @cached_property
    def lines(self) -> list[str]:
        """The script's lines as written (notes and blank lines too: findings count them)."""
        return self.text.splitlines()

    @property
    def title_line(self) -> int:
        """Where the script's findings about it as a whole go: its title line, else its first."""
        return (self.title or (1, ""))[0]


# A paragraph of one sentence that only sends the reader to another page: "Read Amy's blog about ...", "Explore
# mental health apps", "Label information for this drug is available at DailyMed." Kept (it may matter), listed.
LINK_ONLY = re.compile(r"^(?:(?i:read|explore|watch|listen to|visit|browse)\s+(?:(?:[A-Z][\w'’.-]*(?:'s|’s)|our|the|more)\s)?"
                       r"[^.!?]{0,80}\b(?:blogs?|stor(?:y|ies)|videos?|podcasts?|apps?|pages?|website|site|guides?)\b"
                       r"[^.!?]{0,80}|[^.!?]{3,120}\b(?:is|are) available (?:at|on|from) (?:the )?[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3})"
                       r"[.!]?$")


def _link_only(lines: Sequence[str], number: int, sentence: str) -> bool:
    line = lines[number - 1].strip()
    return " ".join(line.split()) == sentence and bool(LINK_ONLY.match(sentence))


def script_findings(path: str, script: str | SpokenScript, context: Context) -> list[Finding]:
    """Every finding of one script file (its text, or as split), in line order."""
    spoken = SpokenScript.of(script)
    title, sentences, lines = spoken.title, spoken.sentences, spoken.lines
    findings = [Finding(path, number, kind, detail)
                for number, sentence in sentences for kind, detail in sentence_findings(sentence, context)]
    findings += [Finding(path, number, "link only", f"{_excerpt(sentence, 70)} only points to another page: check")
                 for number, sentence in sentences if _link_only(lines, number, sentence)]
    at, heading = title or (1, "")
    words = len(heading.split())
    if words > context.rules.long_heading_words or _HEADING_END.search(heading):
        findings.append(Finding(path, at, "heading", f"{_excerpt(heading, 70)} reads like a sentence ({words} words)"))
    said = sum(len(sentence.split()) for _, sentence in sentences)
    if said < context.rules.short_section_words:
        findings.append(Finding(path, at, "short section", f"{said} words: page debris, or part of the next section?"))
    elif said > context.rules.long_section_words:
        findings.append(Finding(path, at, "long section", f"{said} words (about {round(said / 150)} minutes): "
                                "split it with a heading?"))
    return sorted(findings, key=lambda f: f.line)


def _once(findings: list[Finding]) -> list[Finding]:
    """An unknown capital word is listed where it first appears, with how often it recurs: one lexicon entry
    settles every line."""
    def word(finding: Finding) -> str:
        return finding.detail.split(",", 1)[0]

    counts: dict[str, int] = {}
    for f in findings:
        if f.kind == "unknown capitals":
            counts[word(f)] = counts.get(word(f), 0) + 1
    kept, seen = [], set()
    for f in findings:
        if f.kind == "unknown capitals":
            if word(f) in seen:
                continue
            seen.add(word(f))
            more = counts[word(f)] - 1
            if more:
                f = Finding(f.path, f.line, f.kind, f"{f.detail} (and {more} more {'time' if more == 1 else 'times'})")
        kept.append(f)
    return kept


# ------------------------------------------------------------------ lists

LIST_MISSING = "list missing"


def listed_sentences(written: WrittenSection | None) -> frozenset[str]:
    """The spoken sentences that say a list's lead-in or its items: short by design ("These include:", "Surgery,
    adrenalectomy."), never fragments. None for an edited script (its sentences no longer follow the article)."""
    if written is None:
        return frozenset()
    voiced = (i for block in written.blocks if block.kind == "list" for i in block.voiced)
    return frozenset(written.sentences[i] for i in voiced)


def missing_list_findings(path: str, script: str | SpokenScript, written: WrittenSection | None,
                          blocks: Sequence[Block]) -> list[Finding]:
    """A lead-in whose list the page copy lost (written "Causes may include:", said "... include." by the
    scripts): only the page can give the list back. `blocks`: the section's, as planned."""
    if written is None:
        return []
    leads = {lead for number in range(len(blocks)) if (lead := list_missing(blocks, number))}
    closed = [part.sentences[-1] for block in written.blocks if block.kind == "paragraph" for part in block.parts
              if part.text.rstrip() in leads and part.sentences]
    sentences = SpokenScript.of(script).sentences
    return [Finding(path, _line_of(sentences, written.sentences, index), LIST_MISSING,
                    f"after a lead-in, {_excerpt(written.sentences[index], 70)}: check the page") for index in closed]


def _line_of(lines: Sequence[tuple[int, str]], said: Sequence[str], index: int) -> int:
    """The script line of the index-th sentence the script says (the same sentence may be said more than once)."""
    occurrence = said[:index + 1].count(said[index])
    found = [number for number, sentence in lines if sentence == said[index]]
    return found[occurrence - 1] if len(found) >= occurrence else (lines[0][0] if lines else 1)


# ------------------------------------------------------------------ numbers and reading level

def number_issues(scripts: Sequence[Script], planned: Sequence[PlannedSection], lexicon: Lexicon,
                  link_phrase: str | None = None, language: str = "") -> list[tuple[str, Issue]]:
    """(script path, issue) for each number of an article section that its script does not say the same; both
    read in the article's `language`."""
    found = []
    for script, section in zip(scripts, planned):
        text = read_script(script.path) if script.path else None
        if text is not None:
            found += [(str(script.path), issue)
                      for issue in section_number_issues(SpokenScript.of(text), section, lexicon, link_phrase, language)]
    return found


def section_number_issues(spoken: SpokenScript, section: PlannedSection, lexicon: Lexicon,
                          link_phrase: str | None = None, language: str = "") -> list[Issue]:
    """Each number of one article section that its script (as split) does not say the same."""
    return audit(article_sentences(section.blocks, lexicon, link_phrase, language), spoken.sentences,
                 spoken.title_line, language)


def reading_findings(path: str, script: str | SpokenScript, max_grade: float, language: str = "") -> list[Finding]:
    """The section's scores in its language's measure at its title line, and each sentence beyond the limit
    (above max_grade in English; very difficult in Spanish), sub-headings aside; nothing in a language without
    a measure."""
    measure = readability.measure_for(language)
    spoken = SpokenScript.of(script)
    headings = {n for n, raw in enumerate(spoken.lines, start=1) if HEADING.match(raw.strip())}
    body = [(n, sentence) for n, sentence in spoken.sentences if n not in headings]
    if not body or measure is None:
        return []
    said = [sentence for _, sentence in body]
    hard = readability.hard_sentences(said, max_grade, language)
    level = readability.Level(readability.scores(said, language), len(hard), max_grade, language)
    return [Finding(path, spoken.title_line, LEVEL, str(level)),
            *(Finding(path, body[i][0], "hard to read", f"{measure.say(score)}: {_excerpt(body[i][1], 70)}")
              for i, score in hard)]


# ------------------------------------------------------------------ debris

def _plain(line: str) -> str:
    """A source line as its words: Markdown marks, link targets and a list bullet left out."""
    line = re.sub(r"\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)", "]", line)
    line = re.sub(r"^\s*(?:[-*+\u2022]|\d{1,3}[.)])\s+", "", line)
    return " ".join(re.sub(r"[*_`#>\[\]]", " ", line).split())


HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
HTML_SOURCES = (".htm", ".html", ".xhtml")


def _page_words(line: str) -> str:
    """A line of a saved web page as its reader sees it: tags left out, entities ("&#8217;") as characters, so
    that text with a link inside it ("Decrease emotional <a ...>stress</a>.") is found where it is written."""
    return html.unescape(HTML_TAG.sub("", line))


def source_words(source: str, source_lines: Sequence[str] | None) -> list[str]:
    """The article's lines as their words, where the review looks up what it names (a saved page's tags left out)."""
    page = source.lower().endswith(HTML_SOURCES)
    return [_plain(_page_words(line) if page else line) for line in source_lines or ()]


def debris_findings(source: str, source_lines: Sequence[str] | None, dropped: Iterable[Dropped]) -> list[Finding]:
    """One finding per piece of debris left out, at the source line it came from (0 when it cannot be found,
    e.g. a fetched web page)."""
    return _dropped_at(source, source_words(source, source_lines), dropped)


def _dropped_at(source: str, plain: Sequence[str], dropped: Iterable[Dropped]) -> list[Finding]:
    findings, cursor = [], 0
    for item in dropped:
        number = _locate(plain, _plain(item.line), cursor)
        cursor = max(cursor, number - 1) if number else cursor
        rule = item.pattern if item.pattern.startswith("<") else f"pattern {item.pattern}"
        what = _excerpt(item.text, 70) if item.text == item.line else f"{_excerpt(item.text, 40)} from {_excerpt(item.line, 50)}"
        findings.append(Finding(source, number, "dropped", f"{what} ({rule})"))
    return findings


def _locate(lines: Sequence[str], text: str, start: int) -> int:
    """The 1-based line where `text` (or its opening words, for a paragraph wrapped over several lines) is
    written, searching from `start` first and the title line last (a line left out that repeats the title, or
    a one-word list item "Diabetes" under the title "Diabetes", is the one below); 0 when it is nowhere."""
    words = text.split()
    order = [*range(max(start, 1), len(lines)), *range(1, start), *range(min(1, len(lines)))]
    for index in order:  # the line itself ("Search") before a line that has it ("Search the NHS website")
        if text and lines[index] == text:
            return index + 1
    for probe in (text, " ".join(words[:6]), " ".join(words[:3])):
        if not probe:
            continue
        for index in order:
            if probe in lines[index]:
                return index + 1
    return 0


# ------------------------------------------------------------------ a lone opening sentence

PASTED = frozenset({".txt", ".text"})  # forms that lose a page's pictures, and with them what marks a caption
CAPTION_WORDS = 35  # a caption is one sentence of a line or two
SUMMARY_WORDS = 20  # a full stop after this many words ends a summary sentence; a caption is shorter or unstopped
# A caption describes a picture and never speaks to the reader as "you" ("Make sure you're giving ..."); it may say
# "your" ("... increases your risk of breast cancer", a real caption), so this is narrower than the ingest's READER.
ADDRESSED = re.compile(r"\b(?:you|yourself|yourselves|usted|ustedes)\b", re.IGNORECASE)


def _lone_opening(article: Article) -> bool:
    """The article's text opens with one sentence standing alone before its first real paragraph, and not one that
    speaks to the reader ("Make sure you give ..."): a photo's caption never does."""
    if not isinstance(article.source, Path) or article.source.suffix.lower() not in PASTED or not article.sections:
        return False
    if article.sections[0].heading not in ("", article.title):  # under a heading, not between title and text
        return False
    blocks = article.sections[0].blocks
    if len(blocks) < 2 or blocks[0].kind != "paragraph" or blocks[1].kind != "paragraph":
        return False
    lone = [s for s in split_sentences(" ".join(blocks[0].text.split())) if s.strip()]
    if len(lone) != 1 or (len(lone[0].split()) > SUMMARY_WORDS and lone[0].rstrip().endswith(".")):
        return False
    return len(lone[0].split()) <= CAPTION_WORDS and not ADDRESSED.search(lone[0])


def caption_findings(article: Article, path: str, script: str | SpokenScript) -> list[Finding]:
    """Pasted text keeps a picture's caption and drops the picture: a page's top photo leaves its caption as a
    lone sentence between the title and the first paragraph, where a one-line summary may also stand. Nothing
    in the text tells them apart, so the tool keeps the sentence (dropping words of the article is worse) and
    asks the editor, at the line of the first script (`path`, its text or as split) that says it."""
    if not _lone_opening(article):
        return []
    spoken = SpokenScript.of(script)
    sentences, lines = spoken.sentences, spoken.lines
    if not sentences or (sentences[0][0] < len(lines) and lines[sentences[0][0]].strip()):
        return []  # an edited script: its opening sentence no longer stands alone
    number, sentence = sentences[0]
    return [Finding(path, number, "possible caption",
                    f"{_excerpt(sentence, 70)} stands alone before the first paragraph, where a pasted page "
                    "leaves a photo caption: delete the line if it is one")]


def title_findings(article: Article, path: str, script: str | SpokenScript) -> list[Finding]:
    """A title made from the file name (the page had none that reads as one) is a guess: say so at the title
    line of the first script, so the editor sets the real one in the config or front matter."""
    if article.title != title_from_filename(Path(article_stem(article.source))):
        return []
    return [Finding(path, SpokenScript.of(script).title_line, "title from the file name",
                    f"{article.title!r} is made from the file name: the page gave no title line; set the title "
                    "in the config or front matter if it reads wrong")]


# ------------------------------------------------------------------ credits left out

CREDITS = "credits"


def credits_findings(article: Article, plain: Sequence[str], credits: str) -> list[Finding]:
    """The sections read as credits (About this summary, Disclaimer, Permission to use) that the `credits`
    setting leaves out or sums up in one line: listed at their heading among the article's lines as words
    (`plain`, see source_words), so that nothing of the page goes unsaid unnoticed."""
    if credits not in ("line", "omit"):
        return []
    how = "summed up in the closing credit line" if credits == "line" else "not read"
    findings = []
    for section in article.sections:
        blocks = narrated_blocks(section.blocks)
        if section.role != "credits" or not blocks:
            continue
        said = sum(len(" ".join([b.text, *b.items, *(c for row in b.rows for c in row)]).split()) for b in blocks)
        findings.append(Finding(str(article.source), _locate(plain, _plain(section.heading), 0), CREDITS,
                                f"section {_excerpt(section.heading, 60)} ({said} words) is {how}; "
                                '`[scripts] credits = "episode"` reads it'))
    return findings


# ------------------------------------------------------------------ an article

def review_article(article: Article, scripts: Sequence[Script], lexicon: Lexicon, rules: Rules | None = None,
                   planned: Sequence[PlannedSection] = (), check: CheckConfig = CheckConfig(),
                   link_phrase: str | None = None, credits: str = "line") -> list[Finding]:
    """The article's debris, then each script's findings (with its numbers checked against the article's
    `planned` sections and its reading level), grouped by file in reading order."""
    rules = rules or default_rules()
    headings = frozenset(heading_key(block.text) for section in article.sections for block in section.blocks
                         if block.kind == "subheading") | {heading_key(s.heading) for s in article.sections}
    context = Context(rules, Known.of(lexicon, rules), headings)
    source = str(article.source)
    lines = None
    if isinstance(article.source, Path):
        lines = article.source.read_text(encoding="utf-8", errors="replace").splitlines()
    plain = source_words(source, lines)
    findings = sorted(_dropped_at(source, plain, article.dropped) + credits_findings(article, plain, credits),
                      key=lambda f: f.line)
    first = next((script for script in scripts if script.path), None)  # where a lone opening sentence is said
    for index, script in enumerate(scripts):
        text = read_script(script.path) if script.path else None
        if text is not None:
            path, spoken = str(script.path), SpokenScript.of(text)
            section = planned[index] if index < len(planned) else None  # scripts are planned in order
            numbers = [Finding(path, issue.line, f"number {issue.kind}", issue.detail()) for issue
                       in (section_number_issues(spoken, section, lexicon, link_phrase, article.meta.language)
                           if section and check.numbers != "off" else ())]
            own = (script_findings(path, spoken, replace(context, listed=listed_sentences(script.written)))
                   + missing_list_findings(path, spoken, script.written, section.blocks if section else ())
                   + numbers
                   + reading_findings(path, spoken, check.max_grade, article.meta.language)
                   + (caption_findings(article, path, spoken) + title_findings(article, path, spoken)
                      if script is first else []))
            findings += sorted(own, key=lambda f: f.line)
    return _once(findings)


def summary(article: Article, scripts: Sequence[Script], findings: Sequence[Finding]) -> str:
    """One line: how much there is to review, and where the review file is."""
    in_scripts = [f for f in findings if f.kind not in ("dropped", LEVEL, CREDITS)]
    files = len({f.path for f in in_scripts})
    dropped = sum(f.kind == "dropped" for f in findings)
    credits = sum(f.kind == CREDITS for f in findings)
    line = (f"{article.title}: {len(in_scripts)} {'item' if len(in_scripts) == 1 else 'items'} to review in "
            f"{files} of {len(scripts)} scripts")
    if dropped:
        line += f", dropped {dropped} debris {'line' if dropped == 1 else 'lines'} to check"
    if credits:
        line += f", {credits} credits {'section' if credits == 1 else 'sections'} not read in full"
    return line


def review_text(article: Article, scripts: Sequence[Script], findings: Sequence[Finding]) -> str:
    """The review file: the same lines as the terminal, grouped by file, readable as Markdown or plain text."""
    out = [f"# Review: {article.title}", "",
           "Written by the `scripts` command on every run (edits here are lost). Each line says where to look "
           "(`file:line`) and what the tool is unsure of; the scripts themselves are the NN-name.txt files.", "",
           summary(article, scripts, findings) + ".", ""]
    for path in dict.fromkeys(f.path for f in findings):
        out += [f"## {path}", "", "```", *(str(f) for f in findings if f.path == path), "```", ""]
    if not findings:
        out += ["Nothing to review.", ""]
    return "\n".join(out)


def write_review(folder: Path, article: Article, scripts: Sequence[Script], findings: Sequence[Finding]) -> Path:
    """Write (or replace) the article's review file beside its scripts, under the folder's lock, clearing what a
    killed earlier run left of it."""
    path = folder / REVIEW_FILE
    folder.mkdir(parents=True, exist_ok=True)
    with folder_lock(folder):
        remove_stale_temps(folder, re.escape(REVIEW_FILE))
        write_text_atomic(path, review_text(article, scripts, findings))
    return path
