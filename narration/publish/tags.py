"""ID3v2 tags of an episode MP3: what players show offline, including cover art and chapter marks."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mutagen.id3 import (
    APIC,
    CHAP,
    COMM,
    CTOC,
    ID3,
    TALB,
    TCON,
    TDRC,
    TIT2,
    TPE1,
    TRCK,
    CTOCFlags,
    PictureType,
)
from mutagen.id3 import delete as delete_tags
from mutagen.id3._tags import save_frame  # mutagen's own frame writer; public API has no ordered save

from narration.errors import InputError
from narration.models import Chapter

ID3_VERSION = 3  # v2.3 is the version every podcast app and desktop player reads, chapters included
PADDING = 1024  # fixed, so the same tags give the same bytes whatever the file carried before
TOC_ID = "toc"
MAX_CHILDREN = 255  # a CTOC frame stores its entry count in one byte
COVER_TYPES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


class _InOrder(ID3):
    """Tags saved in the order they were added: mutagen sorts frames by size, which stores CHAP frames out of
    reading order (players that list chapters as stored would show them shuffled)."""

    def _write(self, config: object) -> bytearray:
        return bytearray().join(save_frame(frame, config=config) for frame in self.values())


def write_tags(
    mp3_path: Path,
    title: str,
    artist: str,
    album: str,
    track: int,
    year: int,
    genre: str,
    comment: str,
    cover: Path | None = None,
    chapters: Sequence[Chapter] = (),
) -> None:
    """Replace the MP3's tags with these; the same inputs always give byte-identical files."""
    tags = _InOrder()
    tags.add(TIT2(encoding=3, text=title))
    tags.add(TPE1(encoding=3, text=artist))
    tags.add(TALB(encoding=3, text=album))
    tags.add(TRCK(encoding=3, text=str(track)))
    tags.add(TDRC(encoding=3, text=str(year)))
    tags.add(TCON(encoding=3, text=genre))
    tags.add(COMM(encoding=3, lang="eng", desc="", text=comment))
    if cover is not None:
        data = Path(cover).read_bytes()
        tags.add(APIC(encoding=3, mime=_image_mime(cover, data), type=PictureType.COVER_FRONT, desc="Cover", data=data))
    for frame in chapter_frames(chapters):
        tags.add(frame)
    delete_tags(mp3_path)  # drop ffmpeg's own tag (encoder version) and any ID3v1 trailer
    tags.save(mp3_path, v1=0, v2_version=ID3_VERSION, padding=lambda info: PADDING)


def chapter_frames(chapters: Sequence[Chapter]) -> list[CTOC | CHAP]:
    """A top-level ordered table of contents and one CHAP per chapter, as Apple, AntennaPod and Overcast read them.

    A CTOC lists at most 255 children (its count is one byte): longer lists are split into ordered
    sub-tables ("toc0-0", "toc0-1", ...) that the top-level table lists in turn, as ID3's chapter addendum allows."""
    if not chapters:
        return []
    ids = [f"chp{n}" for n in range(len(chapters))]
    marks = [
        CHAP(
            element_id=element_id,
            start_time=chapter.start_ms,
            end_time=chapter.end_ms,
            start_offset=0xFFFFFFFF,  # "no byte offset": players seek by time
            end_offset=0xFFFFFFFF,
            sub_frames=[TIT2(encoding=3, text=chapter.title)],
        )
        for element_id, chapter in zip(ids, chapters)
    ]
    tables: list[CTOC] = []
    level = [(element_id, n, n) for n, element_id in enumerate(ids)]  # (element, first chapter, last chapter)
    depth = 0
    while len(level) > MAX_CHILDREN:  # each level groups the one below it by 255
        groups = [level[start:start + MAX_CHILDREN] for start in range(0, len(level), MAX_CHILDREN)]
        level = [(f"{TOC_ID}{depth}-{n}", group[0][1], group[-1][2]) for n, group in enumerate(groups)]
        tables += [CTOC(element_id=element_id, flags=CTOCFlags.ORDERED, child_element_ids=[c[0] for c in group],
                        sub_frames=[TIT2(encoding=3, text=f"Chapters {first + 1} to {last + 1}")])
                   for (element_id, first, last), group in zip(level, groups)]
        depth += 1
    top = CTOC(element_id=TOC_ID, flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=[c[0] for c in level],
               sub_frames=[TIT2(encoding=3, text="Chapters")])
    return [top, *tables, *marks]


def read_chapters(tags: ID3) -> list[tuple[int, int, str]] | None:
    """(start ms, end ms, title) of the chapters the top-level table lists, through any nested tables, in order;
    None without a top-level table or when it names a missing element."""
    tocs = {toc.element_id: toc for toc in tags.getall("CTOC")}
    chaps = {chap.element_id: chap for chap in tags.getall("CHAP")}
    top = next((toc for toc in tocs.values() if toc.flags & CTOCFlags.TOP_LEVEL), None)
    if top is None or not top.child_element_ids:
        return None
    marks: list[tuple[int, int, str]] = []
    pending = list(reversed(top.child_element_ids))
    seen: set[str] = set()
    while pending:
        element_id = pending.pop()
        if element_id in tocs and element_id not in seen:
            seen.add(element_id)  # a table listing itself must not loop forever
            pending += reversed(tocs[element_id].child_element_ids)
        elif element_id in chaps:
            title = chaps[element_id].sub_frames.get("TIT2")
            marks.append((chaps[element_id].start_time, chaps[element_id].end_time, str(title) if title else ""))
        else:
            return None
    return marks


def _image_mime(path: Path, data: bytes) -> str:
    for magic, mime in COVER_TYPES.items():
        if data.startswith(magic):
            return mime
    raise InputError(path, "cover art must be a PNG or JPEG image")
