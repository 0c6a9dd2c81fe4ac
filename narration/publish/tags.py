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

from narration.errors import InputError
from narration.models import Chapter

ID3_VERSION = 3  # v2.3 is the version every podcast app and desktop player reads, chapters included
PADDING = 1024  # fixed, so the same tags give the same bytes whatever the file carried before
TOC_ID = "toc"
COVER_TYPES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


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
    tags = ID3()
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
    """A top-level ordered table of contents and one CHAP per chapter, as Apple, AntennaPod and Overcast read them."""
    if not chapters:
        return []
    ids = [f"chp{n}" for n in range(len(chapters))]
    toc = CTOC(
        element_id=TOC_ID,
        flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
        child_element_ids=ids,
        sub_frames=[TIT2(encoding=3, text="Chapters")],
    )
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
    return [toc, *marks]


def _image_mime(path: Path, data: bytes) -> str:
    for magic, mime in COVER_TYPES.items():
        if data.startswith(magic):
            return mime
    raise InputError(path, "cover art must be a PNG or JPEG image")
