"""Section -> narration script: text rewritten for the ear, one sentence per line, kept as editable files.

A script that a person edited is never overwritten silently: the folder remembers a hash of what the
build last generated for each file, so an edit is recognized as such.
"""
from __future__ import annotations

import hashlib
import json
import logging
import re
from contextlib import nullcontext
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Sequence

from narration.atomic import folder_lock, remove_stale_temps, write_text_atomic
from narration.config import AudioConfig, ScriptConfig
from narration.errors import InputError
from narration.ingest import slugify
from narration.text.lexicon import Lexicon, Report
from narration.models import Article, Block, Pause, Script, Segment, Sentence
from narration.text.languages import normalizer_for
from narration.text.normalize.lists import ENGLISH_LIST
from narration.text.spanish import SPANISH_LIST
from narration.text.sentences import split_sentences
from narration.ingest.tables import spoken_row
from narration.written import SpokenLine, WrittenSection, build_mapping, heading_text, written_sentences
from narration.ingest.outline import SUB, narrated_blocks
from narration.credit_line import credit_line
from narration.phrases import phrases_for, table_for
from narration.grouping import (  # noqa: F401 (QUESTION_NUMBER: review)
    QUESTION_NUMBER, WORDS_PER_MINUTE, Unit, carry_lead_ins, continued_titles, regroup,
)

log = logging.getLogger(__name__)

STATE_FILE = ".generated.json"
PAUSE = re.compile(r"\[pause\s+(\d+(?:\.\d+)?)\s*(ms|s)?\s*\]", re.IGNORECASE)
# A bracketed mark that says the word "pause" but that PAUSE cannot read: the word, not the letters, so that
# "[heading] Age and Menopause" is a heading and not a broken pause mark.
UNREADABLE_PAUSE = re.compile(r"\[[^\]]*\bpause\b[^\]]*\]", re.IGNORECASE)
HEADING_MARK = "[heading]"  # a script line that is a sub-heading: spoken as it is, shown as a heading
HEADING = re.compile(r"^\[heading\]\s*(\S.*)$", re.IGNORECASE)
TITLE_LINE = re.compile(r"^title:\s*(.*)$", re.IGNORECASE)
HEADER = """\
# {article} - section {number} of {count}: {title}
# Narration script generated from {source}. Edit freely: the build keeps your edits.
# One sentence per line. A blank line is a paragraph pause; [pause 1.5s] adds a pause of your own.
# Lines starting with # are notes and are not spoken. The title line is what the intro speaks.
# A line starting with [heading] is a sub-heading: spoken as it is, shown as a heading in the transcript.
"""


@dataclass(frozen=True)
class PlannedSection:
    """A section as it will be narrated: its number, titles and the blocks it reads."""

    number: int
    count: int
    title: str
    slug: str
    role: str
    blocks: tuple[Block, ...]


@dataclass
class ScriptSync:
    """What syncing a script folder did, for the build report."""

    scripts: list[Script] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    kept_edits: list[Path] = field(default_factory=list)
    report: Report = field(default_factory=Report)


def plan_sections(article: Article, credits: str = "line", *, min_seconds: float = 0.0, max_seconds: float = 0.0,
                  words_per_minute: float = WORDS_PER_MINUTE["patient"]) -> list[PlannedSection]:
    """Decide which sections are narrated and how they make episodes: credits become an episode, join the last
    section, become one spoken line at its end, or are left out; a section with nothing of its own to say (only
    links, left out as debris) is not read; sections shorter than min_seconds join a neighbour and ones longer
    than max_seconds are split at sub-headings (0 turns either off)."""
    units: list[Unit] = []
    for section in article.sections:
        blocks = narrated_blocks(section.blocks)
        if not blocks or section.role == "credits" and credits in ("omit", "line"):
            continue
        if section.role == "credits" and credits == "outro" and units:
            units[-1] = replace(units[-1], blocks=units[-1].blocks + blocks)
            continue
        units.append(Unit(section.heading or article.title, section.role, blocks))
    units = continued_titles(carry_lead_ins(regroup(units, words_per_minute, min_seconds, max_seconds)),
                             phrases_for(table_for(article.meta.language)).continued)
    line = credit_line(article) if credits == "line" else ""
    last_body = max((i for i, unit in enumerate(units) if unit.role == "body"), default=None)
    if line and last_body is not None:
        units[last_body] = replace(units[last_body], blocks=units[last_body].blocks + (Block("paragraph", text=line),))
    count = len(units)
    return [PlannedSection(index, count, unit.title, f"{index:02d}-{slugify(unit.title)}", unit.role, unit.blocks)
            for index, unit in enumerate(units, start=1)]


def sections_of(article: Article, config: ScriptConfig, words_per_minute: float) -> list[PlannedSection]:
    """The article's episodes as the project's script settings plan them."""
    return plan_sections(article, config.credits, min_seconds=config.min_section_seconds,
                         max_seconds=config.max_section_seconds, words_per_minute=words_per_minute)


def _closed(sentence: str, blocks: Sequence[Block], number: int, last: bool) -> str:
    """A lead-in with no items after it (a heading, the section's end, or a paragraph that does not complete it
    comes next: "... will help you:") ends its paragraph: its colon is said as a full stop, so what follows does
    not sound like what it promised (the review lists the lead-ins whose list the page copy lost)."""
    if last and sentence.endswith(":") and _unlisted(sentence, blocks, number):
        return sentence[:-1].rstrip() + "."
    return sentence


def _unlisted(lead: str, blocks: Sequence[Block], number: int) -> bool:
    """No list follows the lead-in ending the paragraph at `number`. One that opens its episode was carried there
    to introduce it (carry_lead_ins): the paragraph after it is its first item."""
    following = blocks[number + 1] if number + 1 < len(blocks) else None
    if following is None or following.kind == "subheading":
        return True
    return following.kind == "paragraph" and number > 0 and not _completes(lead, following)


def list_missing(blocks: Sequence[Block], number: int) -> str:
    """The lead-in (as written) ending the paragraph at `number` when the page copy lost its list, else ''. Sub-
    headings deeper than the one the lead-in stands under (or under none, the section's own) are its items."""
    written = written_sentences(blocks[number]) if blocks[number].kind == "paragraph" else []
    lead = written[-1][0].rstrip() if written else ""
    if not lead.endswith(":") or not _unlisted(lead, blocks, number):
        return ""
    following = blocks[number + 1] if number + 1 < len(blocks) else None
    own = next((b for b in reversed(blocks[:number]) if b.kind == "subheading"), None)
    if following is not None and following.kind == "subheading" and (own is None or _deeper(following, own)):
        return ""
    return lead


def _deeper(heading: Block, above: Block) -> bool:
    """A sub-heading under another: a deeper level when both are known and differ, else an unnumbered one under a
    numbered question or step ("4. Have any studies been done?" then "Breast cancer")."""
    if 0 < heading.level < SUB and 0 < above.level < SUB and heading.level != above.level:  # SUB: of no '#' level
        return heading.level > above.level
    return bool(QUESTION_NUMBER.match(above.text)) and not QUESTION_NUMBER.match(heading.text)


# A lead-in ending on a word that needs what comes next ("Mail the form to:", "Call your doctor if:", "The best way
# to cite this summary is:") is completed by the paragraph after it, whatever that paragraph looks like.
# The words are each language's (its ListWords); a lead-in is tested against all of them, its language unknown here.
_OPEN_WORDS = dict.fromkeys(word for words in (ENGLISH_LIST, SPANISH_LIST) for word in words.open_ends)
OPEN_END = re.compile(rf"\b(?:{'|'.join(_OPEN_WORDS)}):$", re.IGNORECASE)
SHORT_LINE = 8  # words: a paragraph of several lines this short is a list without its bullets (an address)


def _completes(lead: str, paragraph: Block) -> bool:
    """Whether a paragraph is what a lead-in ending ':' promised, though not written as a list: the lead-in
    cannot end there, or the paragraph goes on in lower case or is a run of short lines."""
    lines = paragraph.lines
    return bool(OPEN_END.search(lead) or paragraph.text.lstrip()[:1].islower()
                or len(lines) > 1 and all(len(line.split()) <= SHORT_LINE for line in lines))


def spoken_lines(blocks: Sequence[Block], lexicon: Lexicon, report: Report,
                 link_phrase: str | None = None, language: str = "") -> list[list[SpokenLine]]:
    """Blocks -> paragraphs of spoken lines, each saying which written block (and piece of it) it voices; a list
    joins the sentence that introduces it, a table is read row by row with its headers, and a paragraph's line
    breaks end sentences. `language` (the article's tag; else the lexicon's language, English by default) picks
    the normalizer and the lexicon's entries."""
    rules = normalizer_for(language or lexicon.language)
    normalize, list_pieces, lexicon = rules.normalize, rules.list_pieces, lexicon.for_language(rules.language)
    paragraphs: list[list[tuple[SpokenLine, bool]]] = []  # (line, already spoken)
    for number, block in enumerate(blocks):
        if block.kind == "paragraph":
            written = written_sentences(block)
            paragraphs.append([(SpokenLine(_closed(s, blocks, number, piece == len(written) - 1), number, piece), False)
                               for piece, (s, _) in enumerate(written)])
            continue
        if block.kind == "table":
            paragraphs.append([(SpokenLine(s, number, piece), False)
                               for piece, row in enumerate(block.rows) for s in split_sentences(spoken_row(block, row))])
            continue
        if block.kind == "subheading":  # a line of its own between paragraph pauses, said without its number
            said = " ".join(normalize(heading_text(block), lexicon, report, link_phrase).split())
            if said:  # a bare "[heading]" mark would be read aloud as words
                paragraphs.append([(SpokenLine(f"{HEADING_MARK} {said}", number), True)])
            continue
        lead: SpokenLine | None = None
        before = paragraphs[-1][-1][0] if paragraphs and paragraphs[-1] else None
        if before and blocks[before.block].kind == "paragraph" and _introduces(before.text):
            lead = paragraphs[-1].pop()[0]
        pieces = list_pieces(lead.text if lead else "", block.items, block.ordered, lexicon, report, link_phrase,
                             start=block.start, depths=block.depths)
        said = [[(SpokenLine(s, number, place, (lead.block, lead.piece) if lead else None), True)
                 for s in split_sentences(text, spoken=True)] for text, place in pieces]
        spoken, *apart = _item_paragraphs(said)
        if lead:
            paragraphs[-1].extend(spoken)
        else:
            paragraphs.append(spoken)
        paragraphs.extend(apart)
    result = []
    for paragraph in paragraphs:
        lines = [replace(line, text=" ".join((line.text if done else normalize(line.text, lexicon, report,
                                                                               link_phrase)).split()))
                 for line, done in paragraph]
        if any(line.text for line in lines):
            result.append([line for line in lines if line.text])
    return result


def _item_paragraphs(said: list[list[tuple[SpokenLine, bool]]]) -> list[list[tuple[SpokenLine, bool]]]:
    """A list's pieces, each as its sentences: one paragraph, or, when an item says more than one sentence, a
    paragraph an item, so that a pause tells where one item ends and the next begins."""
    said = [sentences for sentences in said if sentences] or [[]]
    if len(said) < 2 or all(len(sentences) < 2 for sentences in said):
        return [[line for sentences in said for line in sentences]]
    return said


def _introduces(sentence: str) -> bool:
    """A paragraph's last sentence introduces the list under it when it ends in a colon, or with no end mark at
    all ("There are three types of implants", "... which may include"): it is said as the list's lead-in."""
    return sentence.rstrip()[-1:] == ":" or bool(re.search(r"[^\W\d_]$", sentence.rstrip()))  # not "... 334-7760"


def spoken_paragraphs(blocks: Sequence[Block], lexicon: Lexicon, report: Report,
                      link_phrase: str | None = None, language: str = "") -> list[list[str]]:
    """Blocks -> paragraphs of spoken sentences (the lines of a script's body)."""
    return [[line.text for line in paragraph]
            for paragraph in spoken_lines(blocks, lexicon, report, link_phrase, language)]


def script_text(article: Article, planned: PlannedSection, lexicon: Lexicon, report: Report, config: ScriptConfig) -> str:
    """The full text of a generated script file."""
    return generated_script(article, planned, lexicon, report, config)[0]


def generated_script(article: Article, planned: PlannedSection, lexicon: Lexicon, report: Report,
                     config: ScriptConfig) -> tuple[str, WrittenSection]:
    """The full text of a generated script file, and which of its sentences voice each written block."""
    header = HEADER.format(article=article.title, number=planned.number, count=planned.count,
                           title=planned.title,
                           source=article.source if isinstance(article.source, str) else article.source.name)
    language = article.meta.language
    rules = normalizer_for(language)
    spoken_title = " ".join(rules.normalize(planned.title, lexicon.for_language(rules.language), report).split())
    paragraphs = spoken_lines(planned.blocks, lexicon, report, config.url_phrase or None, language)
    body = "\n\n".join("\n".join(line.text for line in lines) for lines in paragraphs)
    lines = [line for paragraph in paragraphs for line in paragraph]
    written = build_mapping(planned.blocks, lines, [_said(line.text) for line in lines])
    return (f"{header}title: {spoken_title}\n\n{body}\n" if body else f"{header}title: {spoken_title}\n"), written


def parse_script(text: str, path: Path, audio: AudioConfig) -> tuple[str, tuple[Segment, ...]]:
    """Script file text -> (spoken title, segments); blank lines are paragraph pauses."""
    title = ""
    segments: list[Segment] = []
    pending_break = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("#"):
            continue
        if not line:
            pending_break = bool(segments)
            continue
        match = TITLE_LINE.match(line)
        if match and not title and not segments:
            title = match.group(1).strip()
            continue
        if pending_break:
            segments.append(Pause(audio.paragraph_pause_ms, paragraph=True))
            pending_break = False
        position = 0
        for pause in PAUSE.finditer(line):
            _add_sentences(segments, line[position:pause.start()])
            value = float(pause.group(1))
            ms = int(value if (pause.group(2) or "s").lower() == "ms" else value * 1000)
            if ms > 60_000:
                raise InputError(path, f"line {number}: pause {pause.group(0)} is longer than a minute")
            segments.append(Pause(ms))
            position = pause.end()
        heading = HEADING.match(line[position:])
        segments += [Sentence(s, subheading=bool(heading)) for s in _said(line[position:])]
        if UNREADABLE_PAUSE.search(line[position:]):
            raise InputError(path, f"line {number}: unreadable pause mark; write it like [pause 1.5s] or [pause 800ms]")
    return title, tuple(segments)


def _add_sentences(segments: list[Segment], text: str) -> None:
    segments += [Sentence(s) for s in _said(text)]


def _said(line: str) -> list[str]:
    """The sentences a script line says: a sub-heading is one, whatever its punctuation."""
    heading = HEADING.match(line)
    if heading:
        return [" ".join(heading.group(1).split())]
    return [" ".join(sentence.split()) for sentence in split_sentences(line, spoken=True) if sentence.strip()]


def read_script(path: Path) -> str | None:
    """A script file's text, or None when there is none yet; anything that is not a text file is refused."""
    if not path.exists() and not path.is_symlink():
        return None
    if not path.is_file():
        raise InputError(path, "is not a script file (a folder or a broken link); move it away and build again")
    try:
        raw = path.read_bytes()
        if b"\x00" in raw:
            raise UnicodeError("NUL bytes")
        return raw.decode("utf-8")
    except UnicodeError:
        raise InputError(path, "is not UTF-8 text; fix the script, or delete it to have it written again") from None
    except OSError as err:
        raise InputError(path, f"cannot read the script: {err.strerror or err}") from None


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _spoken_sha(text: str) -> str:
    """A hash of what a script says, without its '#' notes: the header names the section's number and count,
    which change when another section is added, while the section itself did not."""
    return _sha("\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#")))


@dataclass
class ScriptState:
    """What the build last generated per file: the whole text's hash (to recognize an edit) and the spoken
    part's hash (to tell whether the article's section changed since)."""

    generated: dict[str, str] = field(default_factory=dict)
    spoken: dict[str, str] = field(default_factory=dict)


def _read_state(folder: Path) -> ScriptState:
    """The folder's state file; an unreadable state means 'unknown'."""
    try:
        data = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
        return ScriptState(*({str(k): str(v) for k, v in data.get(key, {}).items()} for key in ("generated", "spoken")))
    except (OSError, ValueError, AttributeError):
        return ScriptState()


SCRIPT_NAME = re.compile(r"(\d+)-(.+)\.txt")


def _by_identity(names: Sequence[str]) -> dict[tuple[str, int], str]:
    """Script file names by their section's identity: its heading slug and which occurrence of that heading it
    is, never its number (so a section keeps its identity when another is inserted before it)."""
    numbered = sorted((int(m.group(1)), m.group(2), name) for name in names if (m := SCRIPT_NAME.fullmatch(name)))
    seen: dict[str, int] = {}
    found = {}
    for _, heading, name in numbered:
        seen[heading] = seen.get(heading, 0) + 1
        found[(heading, seen[heading])] = name
    return found


def _moves(state: ScriptState, planned: Sequence[PlannedSection]) -> dict[str, str]:
    """New file name -> the file name the same section had when the build last wrote it, where they differ."""
    old = _by_identity(list(state.generated))
    new = _by_identity([f"{section.slug}.txt" for section in planned])
    return {name: old[key] for key, name in new.items() if key in old and old[key] != name}


def sync_scripts(article: Article, scripts_dir: Path, lexicon: Lexicon, scripts_config: ScriptConfig,
                 audio_config: AudioConfig, regenerate: bool = False, write: bool = True,
                 planned: Sequence[PlannedSection] | None = None,
                 generated: Sequence[tuple[str, WrittenSection]] | None = None) -> ScriptSync:
    """Write or refresh the article's script files (for the planned sections: by default as the settings plan
    them at the patient pace), keep hand edits (following their section when its number changes), and read
    every script back. `generated`: the planned sections' generated scripts when the caller has them
    (generated_script's results, section by section)."""
    folder = scripts_dir / article.slug
    if write:
        folder.mkdir(parents=True, exist_ok=True)
    with folder_lock(folder) if folder.is_dir() else nullcontext():
        if write:
            remove_stale_temps(folder, rf"{SCRIPT_NAME.pattern}|{re.escape(STATE_FILE)}")
        state = _read_state(folder)
        if planned is None:
            planned = sections_of(article, scripts_config, WORDS_PER_MINUTE["patient"])
        moves = _moves(state, planned)
        sources = {s.slug: moves.get(f"{s.slug}.txt", f"{s.slug}.txt") for s in planned}
        currents = {slug: read_script(folder / name) for slug, name in sources.items()}  # all read before any write
        result, new_state = ScriptSync(), ScriptState()
        for number, section in enumerate(planned):
            path = folder / f"{section.slug}.txt"
            text, written = generated[number] if generated is not None else \
                generated_script(article, section, lexicon, result.report, scripts_config)
            text = _sync_one(path, sources[section.slug], currents[section.slug], text, state, new_state,
                             result, regenerate, write)
            title, segments = parse_script(text, path, audio_config)
            said = tuple(s.text for s in segments if isinstance(s, Sentence))
            result.scripts.append(Script(
                article_slug=article.slug, number=section.number, count=section.count, title=section.title,
                slug=section.slug, role=section.role, segments=segments,
                spoken_title=title or section.title, path=path,
                written=written if said == written.sentences else None,  # an edit that changed what is said
            ))
        if write:
            _remove_stale(folder, state, new_state, set(moves.values()))
            if new_state != state or not (folder / STATE_FILE).exists():
                write_text_atomic(folder / STATE_FILE, json.dumps(asdict(new_state), indent=2, sort_keys=True) + "\n")
    return result


def _sync_one(path: Path, source: str, current: str | None, generated: str, state: ScriptState,
              new_state: ScriptState, result: ScriptSync, regenerate: bool, write: bool) -> str:
    """One script file: keep the edit found under its section's last file name, or write the generated text."""
    recorded = state.generated.get(source)
    if current is not None and _sha(current) != recorded and current != generated and not regenerate:
        new_state.generated[path.name] = recorded or ""
        new_state.spoken[path.name] = state.spoken.get(source, "")
        result.kept_edits.append(path)
        if source != path.name and write:
            write_text_atomic(path, current)
            log.info("%s: your edit follows its section, now %s", path.with_name(source), path.name)
        recorded_spoken = state.spoken.get(source)
        changed = recorded_spoken != _spoken_sha(generated) if recorded_spoken else recorded != _sha(generated)
        if recorded and changed:
            log.warning("%s: kept your edit, but its article section changed since; review it, "
                        "or rebuild with --regenerate-scripts to replace it", path)
        return current
    new_state.generated[path.name] = _sha(generated)
    new_state.spoken[path.name] = _spoken_sha(generated)
    if (current != generated or source != path.name) and write:
        write_text_atomic(path, generated)
        result.written.append(path)
    return generated


def _remove_stale(folder: Path, old: ScriptState, new: ScriptState, moved: set[str]) -> None:
    """Remove generated scripts whose sections are gone or moved to a new file name; keep (and mention) edited
    ones whose sections are gone."""
    for name, digest in old.generated.items():
        path = folder / name
        if name in new.generated or not path.is_file():
            continue
        try:
            unchanged = _sha(path.read_text(encoding="utf-8")) == digest
        except (OSError, UnicodeError):
            unchanged = False  # not what the build wrote: keep it
        if name in moved or unchanged:
            path.unlink()
        else:
            log.warning("%s: its section is no longer in the article; your edited script is kept but not used", path)
