"""Frozen values passed between the stages: ingest -> sections -> scripts -> speech -> mix -> publish.

Stages take these and return new ones; nothing is mutated along the way.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Literal, Union

import numpy as np

if TYPE_CHECKING:
    from narration.written import WrittenSection

SectionRole = Literal["body", "credits"]


@dataclass(frozen=True)
class Block:
    """One paragraph, list or table of an article section, as written.

    A paragraph's text keeps the line breaks its author made (an address, opening hours) as '\n'; a table
    has a header row (empty when it has none) and body rows of cell texts; a sub-heading is spoken as a line of
    its own between pauses."""

    kind: Literal["paragraph", "list", "table", "subheading"]
    text: str = ""
    items: tuple[str, ...] = ()
    ordered: bool = False
    header: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    level: int = 0  # a sub-heading's outline level when known (3 for '###'), so that a parent is told from an empty one
    start: int = 1  # the number an ordered list starts at as written ("3." -> 3): its items are said from there
    depths: tuple[int, ...] = ()  # each list item's nesting (0 at the top, 1 in a nested list); () when flat

    @property
    def lines(self) -> tuple[str, ...]:
        """A paragraph's lines as its author broke them."""
        return tuple(line for line in self.text.split("\n") if line.strip())


@dataclass(frozen=True)
class Dropped:
    """A piece of page debris left out of the narration, kept so that a reviewer can check it."""

    file: str
    line: str  # the line (or paragraph) as written
    pattern: str  # the debris pattern that matched, or a <rule> name for structural debris
    text: str  # what was removed from the line (the whole line when it was dropped)


@dataclass(frozen=True)
class Section:
    """A heading and the blocks under it; the opening section has an empty heading."""

    heading: str
    blocks: tuple[Block, ...]
    role: SectionRole = "body"


@dataclass(frozen=True)
class ArticleMeta:
    """Review information an article may carry (front matter or config)."""

    reviewed_by: str = ""
    last_reviewed: date | None = None
    source_url: str = ""
    language: str = ""
    first_published: date | None = None  # dates its episodes; the show's first_published when unset


@dataclass(frozen=True)
class Article:
    """A parsed article: a title and its sections in reading order."""

    slug: str
    title: str
    sections: tuple[Section, ...]
    source: Path | str  # the file, or the http(s) address it was fetched from
    meta: ArticleMeta = field(default_factory=ArticleMeta)
    dropped: tuple[Dropped, ...] = ()  # page debris left out (image texts, captions, cards, boilerplate lines)


@dataclass(frozen=True)
class Sentence:
    """One spoken sentence of a script: the unit of synthesis, caching and transcript cues."""

    text: str
    subheading: bool = False  # a sub-heading read as a line of its own ("[heading]" in the script)


@dataclass(frozen=True)
class Pause:
    """Silence the mixer inserts (explicit `[pause 1s]`, a heading or a paragraph break)."""

    ms: int
    paragraph: bool = False  # a blank line of the script: the transcript starts a new paragraph after it


Segment = Union[Sentence, Pause]


@dataclass(frozen=True)
class Script:
    """The narration script of one section: what the engine speaks, in order."""

    article_slug: str
    number: int  # 1-based position of the section in its article
    count: int  # how many sections the article has
    title: str  # the section title as shown to people
    slug: str  # file stem, e.g. "02-what-are-breast-calcifications"
    role: SectionRole
    segments: tuple[Segment, ...]
    spoken_title: str = ""  # the title as the intro speaks it (editable in the script file)
    path: Path | None = None
    written: WrittenSection | None = None  # which sentences voice each written block; None for an edited script

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(s for s in self.segments if isinstance(s, Sentence))

    @property
    def text(self) -> str:
        """The spoken words only, one sentence per line (what the manifest and tests compare)."""
        return "\n".join(s.text for s in self.sentences)


@dataclass(frozen=True, eq=False)
class Audio:
    """Mono float32 samples in [-1, 1] at a sample rate: the audio value type of the pipeline."""

    samples: np.ndarray
    rate: int

    @property
    def duration_ms(self) -> int:
        return round(len(self.samples) * 1000 / self.rate)

    @property
    def duration_s(self) -> float:
        return len(self.samples) / self.rate


CueKind = Literal["intro", "heading", "body", "outro"]


@dataclass(frozen=True)
class Cue:
    """Where one spoken sentence sits on an episode's timeline (milliseconds)."""

    start_ms: int
    end_ms: int
    text: str
    kind: CueKind = "body"
    section: int = 0  # section number the sentence belongs to (for chapters of a full-article episode)
    paragraph: int = 0  # paragraph of its section (from the script's blank lines), so pages can lay it out
    subheading: bool = False  # a sub-heading spoken inside the section: pages show it as a heading


@dataclass(frozen=True, eq=False)
class Mixdown:
    """An episode's timeline and its audio as a stream of chunks (a long episode is never held whole)."""

    cues: tuple[Cue, ...]
    frames: int
    rate: int
    chunks: Callable[[], Iterator[np.ndarray]]

    @property
    def duration_ms(self) -> int:
        return self.frames * 1000 // self.rate


@dataclass(frozen=True)
class Chapter:
    """A chapter mark of a full-article episode."""

    start_ms: int
    end_ms: int
    title: str


@dataclass(frozen=True)
class EpisodeInfo:
    """Everything a publisher says about an episode, besides its audio."""

    guid: str
    slug: str  # file stem shared by the MP3, transcripts and chapters
    title: str
    description: str
    article_slug: str
    article_title: str
    season: int  # the article's position in the build (1-based)
    number: int  # the section's position in its article (1-based); 0 for a full-article episode
    pub_date: str  # RFC 3339 timestamp, stable across rebuilds
    kind: Literal["section", "full"] = "section"
    chapters: tuple[Chapter, ...] = ()
    meta: ArticleMeta = field(default_factory=ArticleMeta)


@dataclass(frozen=True)
class PublishedEpisode:
    """An episode as written to the output folder (paths relative to the folder)."""

    info: EpisodeInfo
    mp3: str  # e.g. "episodes/02-what-are-breast-calcifications.mp3"
    bytes: int
    duration_ms: int
    cues: tuple[Cue, ...]
    sha256: str = ""  # of the MP3's bytes (what a rebuild compares to carry files made from it)
