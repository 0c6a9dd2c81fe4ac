"""`check` on the real sample build, then on copies broken one way at a time: each break is named with its file."""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Callable

import pytest
from lxml import etree
from mutagen.id3 import ID3
from PIL import Image

from conftest import SampleBuild
from narration.check.folder import check_folder
from narration.check.transcripts import parse_captions
from narration.cli import main
from narration.config import Config
from narration.audio.ffmpeg import run
from narration.publish.podcast_ns import ITUNES_NAMESPACE

SECTION = "breast-calcifications--01-breast-calcifications"  # the first section keeps its name however sections join
FULL = "breast-calcifications--00-full"


@pytest.fixture(scope="module")
def baseline(sample_build: SampleBuild) -> list[str]:
    """What check reports on the untouched sample (relative to the folder, so copies compare)."""
    output = sample_build.project.root / "output"
    return [line.removeprefix(f"{output}/") for line in check_folder(output, sample_build.project.config)]


def _config_file(sample_build: SampleBuild) -> str:
    return str(sample_build.project.root / "narration.toml")


def test_sample_build_passes_every_check(sample_build: SampleBuild, baseline: list[str]) -> None:
    assert baseline == []
    assert main(["check", str(sample_build.project.root / "output"), "--config", _config_file(sample_build)]) == 0


def _truncate_mp3(out: Path) -> None:
    mp3 = out / "episodes" / f"{SECTION}.mp3"
    data = mp3.read_bytes()
    mp3.write_bytes(data[: len(data) // 2])


def _quieter_mp3(out: Path) -> None:
    mp3 = out / "episodes" / f"{SECTION}.mp3"
    quieter = out / "quieter.mp3"
    run(["-i", str(mp3), "-map", "0:a", "-af", "volume=-6dB", "-c:a", "libmp3lame", "-b:a", "96k",
         "-ar", "44100", "-ac", "1", "-map_metadata", "-1", "-y", str(quieter)])
    ID3(mp3).save(quieter, v2_version=3)  # the same tags, so only the loudness differs
    quieter.replace(mp3)


def _delete_transcript(out: Path) -> None:
    (out / "transcripts" / f"{SECTION}.srt").unlink()


def _oblong_cover(out: Path) -> None:
    Image.new("RGB", (1600, 1400), (10, 25, 47)).save(out / "cover.png", format="PNG")


def _feed_without_explicit(out: Path) -> None:
    tree = etree.parse(str(out / "feed.xml"))
    channel = tree.getroot().find("channel")
    channel.remove(channel.find(f"{{{ITUNES_NAMESPACE}}}explicit"))
    tree.write(str(out / "feed.xml"), xml_declaration=True, encoding="UTF-8")


def _corrupt_feed(out: Path) -> None:
    feed = out / "feed.xml"
    feed.write_bytes(feed.read_bytes().replace(b"</channel>", b"<channel>", 1))


def _unordered_vtt(out: Path) -> None:
    vtt = out / "transcripts" / f"{SECTION}.vtt"
    vtt.write_text(vtt.read_text(encoding="utf-8").replace("WEBVTT\n\n", "WEBVTT\n\n00:09:00.000 --> 00:09:01.000\nToo late.\n\n", 1),
                   encoding="utf-8")


def _renamed_chapter(out: Path) -> None:
    chapters = out / "chapters" / f"{FULL}.json"
    data = json.loads(chapters.read_text(encoding="utf-8"))
    data["chapters"][-1]["title"] = "Renamed"
    chapters.write_text(json.dumps(data), encoding="utf-8")


BREAKS: dict[str, tuple[Callable[[Path], None], str, str]] = {
    "truncated mp3": (_truncate_mp3, "feed.xml", "enclosure length"),
    "6 dB quieter": (_quieter_mp3, f"episodes/{SECTION}.mp3", "integrated loudness"),
    "deleted transcript": (_delete_transcript, f"transcripts/{SECTION}.srt", "missing"),
    "transcript link dangles": (_delete_transcript, "feed.xml", "podcast:transcript"),
    "non-square cover": (_oblong_cover, "cover.png", "must be square"),
    "no itunes:explicit": (_feed_without_explicit, "feed.xml", "itunes:explicit"),
    "corrupt xml": (_corrupt_feed, "feed.xml", "not well-formed XML"),
    "cue out of order": (_unordered_vtt, f"transcripts/{SECTION}.vtt", "out of order"),
    "chapters disagree": (_renamed_chapter, f"episodes/{FULL}.mp3", "ID3 chapters"),
}


@pytest.mark.parametrize("name", BREAKS)
def test_each_break_is_reported_on_its_file(name: str, sample_build: SampleBuild, baseline: list[str],
                                            tmp_path: Path) -> None:
    damage, relative, words = BREAKS[name]
    out = tmp_path / "output"
    shutil.copytree(sample_build.project.root / "output", out)
    damage(out)
    config: Config = sample_build.project.config
    new = [line for line in check_folder(out, config) if line.removeprefix(f"{out}/") not in baseline]
    assert any(line.startswith(f"{out / relative}: ") and words in line for line in new), new


def test_cli_prints_one_line_per_problem_and_fails(sample_build: SampleBuild, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "output"
    shutil.copytree(sample_build.project.root / "output", out)
    _feed_without_explicit(out)
    _oblong_cover(out)
    assert main(["check", str(out), "--config", _config_file(sample_build)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith(f"{out / 'feed.xml'}: ") and "itunes:explicit" in line for line in lines)
    assert any(line.startswith(f"{out / 'cover.png'}: ") and "square" in line for line in lines)
    assert lines[-1].endswith(f"problem(s) found in {out}")


def test_missing_folder_is_one_problem(tmp_path: Path, sample_build: SampleBuild) -> None:
    assert check_folder(tmp_path / "nowhere", sample_build.project.config) == [
        f"{tmp_path / 'nowhere'}: no such folder; build first or name the output folder"]


def test_captions_parse_vtt_and_srt_alike() -> None:
    vtt, error = parse_captions("WEBVTT\n\nNOTE a comment\n\n00:00:01.000 --> 00:00:02.500\nFish &amp; chips\n", "vtt")
    srt, srt_error = parse_captions("1\n00:00:01,000 --> 00:00:02,500\nFish & chips\n", "srt")
    assert error == srt_error == "" and vtt == srt and vtt[0].lines == ("Fish & chips",)
    assert parse_captions("00:00:01.000 --> 00:00:02.000\nHi\n", "vtt")[1] == "does not start with the WEBVTT header"


def test_verbose_check_lists_what_it_checked(sample_build: SampleBuild, capsys: pytest.CaptureFixture[str]) -> None:
    out = sample_build.project.root / "output"
    assert main(["check", "-v", str(out), "--config", _config_file(sample_build)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Checked:" and lines[-1].endswith("all checks passed")
    mp3s = sorted(p.relative_to(out).as_posix() for p in (out / "episodes").glob("*.mp3"))
    listed = [line.strip().split(":")[0] for line in lines[1:-1]]
    articles = sorted(f"articles/{p.name}/" for p in (out / "articles").iterdir())  # each article's feed and page
    assert articles and sorted(listed) == sorted(["feed.xml", *mp3s, "index.html", *articles, "numbers"])  # numbers: the sample's
    assert any("chapters" in line for line in lines)  # the full-article episode's chapters were checked
