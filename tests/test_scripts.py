"""Narration scripts: generated from sections, editable, and never overwritten silently."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest

import narration.speech
from conftest import FakeEngine, make_project
from narration.cli import main
from narration.config import AudioConfig, ScriptConfig
from narration.errors import InputError
from narration.ingest import read_article
from narration.text.lexicon import load_lexicon
from narration.models import Pause, Sentence
from narration.build.pipeline import SAMPLE
from narration.text.lexicon import Report
from narration.scripts import parse_script, plan_sections, spoken_paragraphs, sync_scripts

AUDIO = AudioConfig()


def test_sample_scripts_are_spoken_text_one_sentence_per_line(tmp_path: Path) -> None:
    article = read_article(SAMPLE)
    sync = sync_scripts(article, tmp_path, load_lexicon(None), ScriptConfig(), AUDIO)
    texts = [p.read_text(encoding="utf-8") for p in sync.written]
    spoken = "\n".join(texts)
    assert "\n- " not in spoken and not any(line.startswith("- ") for line in spoken.splitlines())
    assert "including: aging, a previous injury, infection, and inflammation." in spoken
    assert "F.A.C.S" in spoken and "FACS" not in spoken.replace("# ", "")
    assert "2018 to 2019" in spoken
    assert "Doctor King" in spoken
    assert len(sync.scripts) == 5 and sync.scripts[-1].role == "credits"


def test_hand_edit_survives_and_regenerate_replaces_it(tmp_path: Path) -> None:
    article = read_article(SAMPLE)
    lexicon = load_lexicon(None)
    first = sync_scripts(article, tmp_path, lexicon, ScriptConfig(), AUDIO)
    path = first.written[1]
    path.write_text(path.read_text(encoding="utf-8") + "\nAn editor's extra sentence.\n", encoding="utf-8")
    second = sync_scripts(article, tmp_path, lexicon, ScriptConfig(), AUDIO)
    assert second.written == [] and second.kept_edits == [path]
    assert second.scripts[1].sentences[-1] == Sentence("An editor's extra sentence.")
    third = sync_scripts(article, tmp_path, lexicon, ScriptConfig(), AUDIO, regenerate=True)
    assert third.written == [path]
    assert "extra sentence" not in path.read_text(encoding="utf-8")


def test_changed_article_with_edited_script_warns_and_keeps_edit(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    source = tmp_path / "a.txt"
    source.write_text("Intro line here.\nWhat is it?\nIt is a thing.\n", encoding="utf-8")
    lexicon = load_lexicon(None)
    sync = sync_scripts(read_article(source), tmp_path / "s", lexicon, ScriptConfig(), AUDIO)
    edited = sync.written[1]
    edited.write_text(edited.read_text(encoding="utf-8").replace("It is a thing.", "It is a fine thing."), encoding="utf-8")
    source.write_text("Intro line here.\nWhat is it?\nIt is a different thing.\n", encoding="utf-8")
    again = sync_scripts(read_article(source), tmp_path / "s", lexicon, ScriptConfig(), AUDIO)
    assert "It is a fine thing." in edited.read_text(encoding="utf-8")
    assert again.kept_edits == [edited]
    assert any("kept your edit" in r.message and "--regenerate-scripts" in r.message for r in caplog.records)


def test_pause_markup_and_paragraphs() -> None:
    text = "# note\ntitle: A title?\n\nFirst one. Second one.\n[pause 1.5s]\nThird.\n\nFourth [pause 300ms] fifth.\n"
    title, segments = parse_script(text, Path("x.txt"), AUDIO)
    assert title == "A title?"
    assert segments == (Sentence("First one."), Sentence("Second one."), Pause(1500), Sentence("Third."),
                        Pause(AUDIO.paragraph_pause_ms), Sentence("Fourth"), Pause(300), Sentence("fifth."))


def test_bad_pause_mark_is_a_clear_error() -> None:
    with pytest.raises(InputError, match=r"x.txt: line 1: unreadable pause mark"):
        parse_script("Hello [pause soon] there.", Path("x.txt"), AUDIO)


@pytest.mark.parametrize("mode, count, last_title", [("episode", 5, "About the Medical Reviewer"),
                                                     ("outro", 4, "What is the relationship between breast calcifications and cancer?"),
                                                     ("omit", 4, "What is the relationship between breast calcifications and cancer?")])
def test_credits_modes(mode: str, count: int, last_title: str) -> None:
    planned = plan_sections(read_article(SAMPLE), mode)
    assert len(planned) == count and planned[-1].title == last_title
    credit_words = "Anne E. Dyson" in repr(planned[-1].blocks)
    assert credit_words == (mode != "omit")


def test_stacked_headings_become_sub_headings_not_a_glued_title(tmp_path: Path) -> None:
    path = tmp_path / "treatment.md"
    path.write_text("Opening words.\n\n## Treatment\n\n### Surgery\n\nSurgery removes the area.\n\n"
                    "### Radiation\n\nRadiation follows surgery.\n", encoding="utf-8")
    planned = plan_sections(read_article(path), "episode")
    assert [p.title for p in planned] == ["Treatment", "Treatment"]  # the opening section has the article's title
    assert [b.text for b in planned[1].blocks if b.kind == "subheading"] == ["Surgery", "Radiation"]
    lines = [line for paragraph in spoken_paragraphs(planned[1].blocks, load_lexicon(None), Report()) for line in paragraph]
    assert lines == ["Surgery", "Surgery removes the area.", "Radiation", "Radiation follows surgery."]


INSERTED = [  # (article before, the script to edit, article after, where the edit must be found then)
    ("# Guide\n\n## Start\n\nOne.\n\n## Middle\n\nTwo.\n\n## Results\n\nResults come in a week.\n", "03-results.txt",
     "# Guide\n\n## Start\n\nOne.\n\n## Middle\n\nTwo.\n\n## New\n\nInserted.\n\n## Results\n\nResults come in a week.\n",
     "04-results.txt"),
    ("# Guide\n\n## Notes\n\nOne.\n\n## Notes\n\nResults come in a week.\n", "02-notes.txt",
     "# Guide\n\n## First\n\nZero.\n\n## Notes\n\nOne.\n\n## Notes\n\nResults come in a week.\n", "03-notes.txt"),
]


@pytest.mark.parametrize("before, edit, after, moved", INSERTED, ids=["inserted-before", "same-heading-twice"])
def test_edit_follows_its_section_when_one_is_inserted_before_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
        before: str, edit: str, after: str, moved: str) -> None:
    for name in list(narration.speech.ENGINES):
        monkeypatch.setitem(narration.speech.ENGINES, name, lambda settings: FakeEngine())
    project = make_project(tmp_path / "project")
    article = project.root / "guide.md"
    article.write_text(before, encoding="utf-8")
    args = ["build", "-q", "--config", str(project.root / "narration.toml"), "--scripts", str(project.root / "scripts"),
            "--cache", str(project.root / "cache"), "--output", str(project.root / "output"), "--no-holdline", str(article)]
    assert main(args) == 0
    folder = project.root / "scripts" / "guide"
    (folder / edit).write_text((folder / edit).read_text(encoding="utf-8").replace(
        "Results come in a week.", "Your results come within seven days."), encoding="utf-8")
    article.write_text(after, encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="narration"):
        assert main(args) == 0
        assert main(args) == 0  # and again: the moved edit stays an edit
    assert not [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert "Your results come within seven days." in (folder / moved).read_text(encoding="utf-8")
    assert sorted(p.name for p in folder.glob("*.txt")) == [f"{n:02d}-{s}.txt" for n, s in enumerate(
        ["start", "middle", "new", "results"] if moved == "04-results.txt" else ["first", "notes", "notes"], start=1)]
    spoken = (project.root / "output" / "transcripts" / f"guide--{moved.removesuffix('.txt')}.vtt").read_text(encoding="utf-8")
    assert "Your results come within seven days." in spoken and "Results come in a week." not in spoken
