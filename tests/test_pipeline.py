"""End to end with the real Piper voice: the sample article becomes scripts, episodes and a feed."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import feedparser
import podcastparser
import pytest

from audio_probe import decoded_seconds
from conftest import FakeEngine, SampleBuild, copy_project, make_project
from lxml import html
from narration.ingest import read_article
from narration.models import Audio
from narration.build.pipeline import SAMPLE, _description, build
from narration.config import ScriptConfig
from narration.scripts import sections_of
from narration.grouping import WORDS_PER_MINUTE
from narration.speech import VoiceSettings, make_engine
from narration.speech.base import PRESETS

CORPUS = Path(__file__).parent / "fixtures" / "corpus"


class CountingEngine:
    """The real engine, counting which sentences it is asked to speak."""

    def __init__(self, inner) -> None:  # type: ignore[no-untyped-def]
        self.inner = inner
        self.name = inner.name
        self.calls: list[str] = []

    def fingerprint(self) -> dict[str, str]:
        return self.inner.fingerprint()

    def synthesize(self, text: str) -> Audio:
        self.calls.append(text)
        return self.inner.synthesize(text)

    def unload(self) -> None:
        self.inner.unload()


def _piper(config) -> CountingEngine:  # type: ignore[no-untyped-def]
    return CountingEngine(make_engine(VoiceSettings("piper", config.speech.voice, config.speech.preset)))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_section_becomes_a_script_and_an_episode_in_order(sample_build: SampleBuild) -> None:
    article = read_article(SAMPLE)
    config = sample_build.project.config
    planned = sections_of(article, config.scripts, WORDS_PER_MINUTE[config.speech.preset])
    headings = [article.title] + [s.heading for s in article.sections if s.heading]
    assert [p.title for p in planned] == [h for h in headings if h in {p.title for p in planned}]  # in reading order
    scripts = sorted((sample_build.project.root / "scripts" / article.slug).glob("*.txt"))
    assert [s.stem for s in scripts] == [p.slug for p in planned]
    sections = [e for e in sample_build.report.episodes if e.info.kind == "section"]
    assert [e.info.number for e in sections] == list(range(1, len(planned) + 1))
    assert [e.info.title for e in sections] == [p.title for p in planned]
    for episode in sections:
        assert (sample_build.project.root / "output" / episode.mp3).is_file()
        assert episode.mp3 == f"episodes/{episode.info.slug}.mp3"


def test_feed_parses_in_podcast_apps_with_exact_lengths_and_durations(sample_build: SampleBuild) -> None:
    output = sample_build.project.root / "output"
    feed_path = output / "feed.xml"
    with feed_path.open("rb") as handle:
        podcast = podcastparser.parse("https://podcast.example.org/breast-health/feed.xml", handle)
    parsed = feedparser.parse(feed_path.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert podcast["title"] == "Breast Health Read Aloud"
    assert podcast["cover_url"].endswith("/cover.png")
    episodes = sample_build.report.episodes
    assert len(podcast["episodes"]) == len(parsed.entries) == len(episodes)
    by_guid = {e["guid"]: e for e in podcast["episodes"]}
    entries = {entry.id: entry for entry in parsed.entries}
    assert [e.published_parsed for e in parsed.entries] == sorted(e.published_parsed for e in parsed.entries)
    for published in episodes:
        entry = entries[published.info.guid]
        item = by_guid[published.info.guid]
        enclosure = item["enclosures"][0]
        mp3 = output / published.mp3
        assert enclosure["url"] == f"https://podcast.example.org/breast-health/{published.mp3}"
        assert enclosure["file_size"] == mp3.stat().st_size
        assert enclosure["mime_type"] == "audio/mpeg"
        assert abs(item["total_time"] - decoded_seconds(mp3)) <= 1.0
        assert int(entry.itunes_duration) == item["total_time"]
    assert parsed.feed.itunes_explicit is None or parsed.feed.itunes_explicit is False
    assert b"<itunes:explicit>false</itunes:explicit>" in feed_path.read_bytes()
    assert b"<itunes:type>episodic</itunes:type>" in feed_path.read_bytes()


def test_episodes_are_mono_44k_mp3_with_id3_tags(sample_build: SampleBuild) -> None:
    from mutagen.mp3 import MP3

    for published in sample_build.report.episodes:
        audio = MP3(sample_build.project.root / "output" / published.mp3)
        assert audio.info.channels == 1
        assert audio.info.sample_rate == 44100
        assert audio.info.bitrate == 96000
        assert str(audio.tags["TIT2"]) == published.info.title
        assert str(audio.tags["TALB"]) == "Breast Health Read Aloud"
        assert str(audio.tags["TPE1"])
        sections = sum(e.info.kind == "section" for e in sample_build.report.episodes)
        assert str(audio.tags["TRCK"]) == str(published.info.number or sections + 1)  # the full article comes last


def test_rebuild_with_nothing_changed_synthesizes_nothing(sample_build: SampleBuild, tmp_path: Path) -> None:
    project = copy_project(sample_build.project, tmp_path / "copy")
    before = {p.name: _digest(p) for p in (project.root / "output" / "episodes").glob("*.mp3")}
    engine = _piper(project.config)
    report = build(project.config, project.options(), engine=engine)
    assert engine.calls == []
    assert report.stats.misses == 0
    assert report.episodes_rendered == 0
    after = {p.name: _digest(p) for p in (project.root / "output" / "episodes").glob("*.mp3")}
    assert after == before


def test_editing_one_script_resynthesizes_only_that_section(sample_build: SampleBuild, tmp_path: Path) -> None:
    project = copy_project(sample_build.project, tmp_path / "copy")
    folder = project.root / "scripts" / "breast-calcifications"
    edited = next(p for p in folder.glob("*.txt") if "cannot be detected using touch" in p.read_text(encoding="utf-8"))
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("Calcifications, unlike lumps, cannot be detected using touch.",
                                   "Unlike lumps, calcifications cannot be felt by touch."), encoding="utf-8")
    episodes = project.root / "output" / "episodes"
    before = {p.name: _digest(p) for p in episodes.glob("*.mp3")}
    engine = _piper(project.config)
    report = build(project.config, project.options(), engine=engine)
    assert engine.calls == ["Unlike lumps, calcifications cannot be felt by touch."]
    assert set(report.stats.synthesized_labels) == {f"breast-calcifications--{edited.stem}"}
    after = {p.name: _digest(p) for p in episodes.glob("*.mp3")}
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {f"breast-calcifications--{edited.stem}.mp3", "breast-calcifications--00-full.mp3"}
    assert edited.read_text(encoding="utf-8") != text, "the hand edit must survive the rebuild"
    assert "Unlike lumps, calcifications cannot be felt by touch." in edited.read_text(encoding="utf-8")


def test_another_preset_resynthesizes_every_sentence_at_its_pace(tmp_path: Path) -> None:
    """Two projects share one cache and differ only in their preset: nothing is reused, and the slow voice is
    slower by the ratio of the presets' length scales."""
    article = tmp_path / "screening.md"
    article.write_text("# Screening\n\nScreening finds problems early, before they cause symptoms. A nurse takes a "
                       "small sample from the cervix. The results arrive by letter within two weeks.\n",
                       encoding="utf-8")
    body_seconds, calls = {}, {}
    for preset in ("patient", "slow"):
        project = make_project(tmp_path / preset, f'[show]\ntitle = "Read aloud"\n[speech]\npreset = "{preset}"\n')
        engine = _piper(project.config)
        report = build(project.config, project.options(article, cache_dir=tmp_path / "cache", holdline=False),
                       engine=engine)
        [episode] = report.episodes
        calls[preset] = engine.calls
        body_seconds[preset] = sum(c.end_ms - c.start_ms for c in episode.cues if c.kind == "body") / 1000
    assert calls["slow"] == calls["patient"] and len(calls["slow"]) >= 3  # every sentence spoken again
    ratio = body_seconds["slow"] / body_seconds["patient"]
    assert ratio == pytest.approx(PRESETS["slow"] / PRESETS["patient"], rel=0.06)


def test_sample_scripts_sound_right_through_pipers_phonemizer(sample_build: SampleBuild) -> None:
    from narration.speech.piper_engine import PiperEngine

    engine = PiperEngine(VoiceSettings("piper"))
    folder = sample_build.project.root / "scripts" / "breast-calcifications"
    lines = [line for path in sorted(folder.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    spoken = [line.partition(":")[2].strip() if line.startswith("title:") else line for line in lines]
    assert not any(line.startswith("- ") for line in spoken)
    heard = " ".join("".join(p) for line in spoken for p in engine.phonemize(line))
    for misreading in ("fˈæks", "dˈiːsˈɪs", "dˈæʃ", "ˈɑːkɚ", "ˌɛmdʒˈiː"):
        assert misreading not in heard
    for line in spoken:  # each line is one sentence for Piper too ("Dr." never ends one)
        assert len(engine.phonemize(line)) == 1, line


def test_a_very_long_sentence_is_spoken_in_clause_pieces_with_a_pause() -> None:
    from narration.text.sentences import clause_pieces
    from narration.speech.piper_engine import MAX_PIECE_CHARS, PIECE_PAUSE_S, PiperEngine

    sentence = ("She has received several awards for her work on high-risk breast lesions, including a Clinical "
                "Investigator Award in Breast Cancer Research in 2008, a Career Catalyst Award in 2009, an Investigator "
                "Initiated Research Award in 2012, and a leadership grant from a breast cancer foundation in 2016.")
    pieces = clause_pieces(sentence, MAX_PIECE_CHARS)
    assert len(sentence) > MAX_PIECE_CHARS and len(pieces) == 2
    engine = PiperEngine(VoiceSettings("piper"))
    whole = engine.synthesize(sentence)
    spoken = [engine.synthesize(piece) for piece in pieces]
    expected = sum(len(a.samples) for a in spoken) + int(whole.rate * PIECE_PAUSE_S)
    assert abs(len(whole.samples) - expected) <= 0.15 * expected  # Piper's durations vary a little run to run
    engine.unload()
    assert engine.synthesize("Loaded again.").duration_s > 0.3


DOUBLED = re.compile(r"[?!.:;,]\.|\.\.|:$")


@pytest.mark.parametrize("page", [SAMPLE, *sorted(CORPUS.glob("*-*.md")), *sorted(CORPUS.glob("*-*.txt"))],
                         ids=lambda p: p.name)
def test_descriptions_end_in_whole_sentences_without_doubled_marks(page: Path) -> None:
    article = read_article(page)
    for apart in (0.0, 45.0):
        for planned in sections_of(article, ScriptConfig(min_section_seconds=apart), WORDS_PER_MINUTE["patient"]):
            description = _description(article, planned)
            assert not DOUBLED.search(description), description
            assert description[-1] in ".?!…" and len(description) <= 400 + len(article.title) + len(planned.title) + 40


def test_a_description_reads_a_list_into_the_sentence_that_introduces_it() -> None:
    article = read_article(SAMPLE)
    planned = sections_of(article, ScriptConfig(min_section_seconds=0), WORDS_PER_MINUTE["patient"])
    detected = next(p for p in planned if p.title == "How are breast calcifications detected?")
    description = _description(article, detected)
    assert description.startswith(f"Part 3 of {len(planned)} of “Breast Calcifications”: How are breast calcifications detected? ")
    assert "including aging, a previous injury, infection, and inflammation." in description


def test_the_page_names_the_part_once(project, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = build(project.config, project.options(SAMPLE), engine=FakeEngine())
    for episode in report.episodes:
        page = (project.root / "output" / "episodes" / f"{episode.info.slug}.html").read_text(encoding="utf-8")
        text = " ".join(html.fromstring(page).text_content().split())
        assert len(re.findall(r"\b(?:Part|Section) \d+ of\b", text)) == (episode.info.kind == "section"), episode.info.slug
