"""ID3 tags written into a real ffmpeg-encoded MP3 and read back with mutagen."""
from __future__ import annotations

import subprocess
from pathlib import Path

import imageio_ffmpeg
import pytest
from mutagen.id3 import ID3, CTOCFlags
from mutagen.mp3 import MP3
from PIL import Image

from narration.errors import InputError
from narration.models import Chapter
from narration.publish.tags import read_chapters, write_tags

CHAPTERS = (Chapter(0, 1200, "Introduction"), Chapter(1200, 2500, "What are calcifications?"), Chapter(2500, 3000, "Credits"))


@pytest.fixture
def mp3(tmp_path) -> Path:
    path = tmp_path / "episode.mp3"
    subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-y", "-loglevel", "error", "-f", "lavfi", "-i",
                    "sine=frequency=440:duration=3", "-ar", "44100", "-ac", "1", "-b:a", "96k", str(path)], check=True)
    return path


@pytest.fixture
def cover(tmp_path) -> Path:
    path = tmp_path / "cover.png"
    Image.new("RGB", (1400, 1400), (10, 25, 47)).save(path)
    return path


def tag(mp3: Path, cover: Path | None, chapters=CHAPTERS) -> None:
    write_tags(mp3, "What are calcifications?", "Health Library", "Breast health", 2, 2024, "Podcast",
               "A synthesized reading of the article.", cover, chapters)


def test_tags_read_back(mp3, cover):
    tag(mp3, cover)
    tags = ID3(mp3)
    assert tags.version[:2] == (2, 3)
    assert str(tags["TIT2"]) == "What are calcifications?"
    assert str(tags["TPE1"]) == "Health Library"
    assert str(tags["TALB"]) == "Breast health"
    assert str(tags["TRCK"]) == "2"
    assert str(tags["TDRC"]) == "2024"
    assert str(tags["TCON"]) == "Podcast"
    assert tags.getall("COMM")[0].text == ["A synthesized reading of the article."]
    picture = tags.getall("APIC")[0]
    assert picture.mime == "image/png" and picture.type == 3 and picture.data == cover.read_bytes()
    assert MP3(mp3).info.length == pytest.approx(3.0, abs=0.1)  # still a playable MP3 of the same length


def test_chapters_read_back(mp3, cover):
    tag(mp3, cover)
    tags = ID3(mp3)
    toc = tags.getall("CTOC")
    assert len(toc) == 1
    assert toc[0].flags & CTOCFlags.TOP_LEVEL and toc[0].flags & CTOCFlags.ORDERED
    assert toc[0].child_element_ids == ["chp0", "chp1", "chp2"]
    for element_id, chapter in zip(toc[0].child_element_ids, CHAPTERS):
        chap = tags[f"CHAP:{element_id}"]
        assert (chap.start_time, chap.end_time) == (chapter.start_ms, chapter.end_ms)
        assert str(chap.sub_frames["TIT2"]) == chapter.title


@pytest.mark.parametrize("count", [255, 256, 600])
def test_more_than_255_chapters_nest_their_tables(mp3, count):
    chapters = [Chapter(n * 10, n * 10 + 10, f"Section {n + 1}" + "!" * (n % 7)) for n in range(count)]
    tag(mp3, None, chapters)
    tags = ID3(mp3)
    assert read_chapters(tags) == [(c.start_ms, c.end_ms, c.title) for c in chapters]
    tocs = tags.getall("CTOC")
    assert [t.element_id for t in tocs if t.flags & CTOCFlags.TOP_LEVEL] == ["toc"]
    assert all(0 < len(t.child_element_ids) <= 255 and t.flags & CTOCFlags.ORDERED for t in tocs)
    assert len(tocs) == {255: 1, 256: 3, 600: 4}[count]
    stored = [frame.element_id for frame in tags.values() if frame.FrameID == "CHAP"]
    assert stored == [f"chp{n}" for n in range(count)]  # stored in reading order, not by frame size


def test_no_chapters_no_toc(mp3):
    tag(mp3, None, chapters=())
    tags = ID3(mp3)
    assert not tags.getall("CTOC") and not tags.getall("CHAP") and not tags.getall("APIC")


def test_same_inputs_same_bytes_whatever_was_there(mp3, cover, tmp_path):
    fresh = tmp_path / "fresh.mp3"
    fresh.write_bytes(mp3.read_bytes())
    tag(fresh, cover)
    write_tags(mp3, "An older title that was much longer", "Someone", "Else", 9, 1999, "Other", "Old", None, ())
    tag(mp3, cover)  # retagging a file that already carries (different) tags
    assert mp3.read_bytes() == fresh.read_bytes()


def test_cover_must_be_an_image(mp3, tmp_path):
    text = tmp_path / "cover.png"
    text.write_text("not an image")
    with pytest.raises(InputError, match="cover.png"):
        tag(mp3, text)
