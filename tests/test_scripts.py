"""Narration scripts: generated from sections, editable, and never overwritten silently."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Sequence

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
from narration.scripts import parse_script, plan_sections, sections_of, spoken_paragraphs, sync_scripts
from narration.credit_line import credit_line
from narration.grouping import WORDS_PER_MINUTE, seconds
from narration.models import Block
from narration.ingest.outline import narrated_blocks

AUDIO = AudioConfig()


def test_sample_scripts_are_spoken_text_one_sentence_per_line(tmp_path: Path) -> None:
    article = read_article(SAMPLE)
    sync = sync_scripts(article, tmp_path, load_lexicon(None), ScriptConfig(credits="episode", min_section_seconds=0), AUDIO)
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
    kept_apart = ScriptConfig(min_section_seconds=0)
    sync = sync_scripts(read_article(source), tmp_path / "s", lexicon, kept_apart, AUDIO)
    edited = sync.written[1]
    edited.write_text(edited.read_text(encoding="utf-8").replace("It is a thing.", "It is a fine thing."), encoding="utf-8")
    source.write_text("Intro line here.\nWhat is it?\nIt is a different thing.\n", encoding="utf-8")
    again = sync_scripts(read_article(source), tmp_path / "s", lexicon, kept_apart, AUDIO)
    assert "It is a fine thing." in edited.read_text(encoding="utf-8")
    assert again.kept_edits == [edited]
    assert any("kept your edit" in r.message and "--regenerate-scripts" in r.message for r in caplog.records)


def test_pause_markup_and_paragraphs() -> None:
    text = "# note\ntitle: A title?\n\nFirst one. Second one.\n[pause 1.5s]\nThird.\n\nFourth [pause 300ms] fifth.\n"
    title, segments = parse_script(text, Path("x.txt"), AUDIO)
    assert title == "A title?"
    assert segments == (Sentence("First one."), Sentence("Second one."), Pause(1500), Sentence("Third."),
                        Pause(AUDIO.paragraph_pause_ms, paragraph=True), Sentence("Fourth"), Pause(300), Sentence("fifth."))


def test_bad_pause_mark_is_a_clear_error() -> None:
    with pytest.raises(InputError, match=r"x.txt: line 1: unreadable pause mark"):
        parse_script("Hello [pause soon] there.", Path("x.txt"), AUDIO)


@pytest.mark.parametrize("mode, count, last_title", [("episode", 5, "About the Medical Reviewer"),
                                                     ("line", 4, "What is the relationship between breast calcifications and cancer?"),
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
    assert lines == ["[heading] Surgery", "Surgery removes the area.", "[heading] Radiation", "Radiation follows surgery."]
    _, segments = parse_script("\n\n".join(lines), path, AudioConfig())
    spoken = [(s.text, s.subheading) for s in segments if isinstance(s, Sentence)]
    assert spoken == [("Surgery", True), ("Surgery removes the area.", False), ("Radiation", True),
                      ("Radiation follows surgery.", False)]  # said as words, marked as sub-headings


INSERTED = [  # (article before, the script to edit, article after, where the edit must be found then)
    ("# Guide\n\n## Start\n\nOne.\n\n## Middle\n\nTwo.\n\n## Results\n\nResults come in a week.\n", "03-results.txt",
     "# Guide\n\n## Start\n\nOne.\n\n## Middle\n\nTwo.\n\n## New\n\nInserted.\n\n## Results\n\nResults come in a week.\n",
     "04-results.txt"),
    ("# Guide\n\n## Tips\n\nOne.\n\n## Tips\n\nResults come in a week.\n", "02-tips.txt",
     "# Guide\n\n## First\n\nZero.\n\n## Tips\n\nOne.\n\n## Tips\n\nResults come in a week.\n", "03-tips.txt"),
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
        ["start", "middle", "new", "results"] if moved == "04-results.txt" else ["first", "tips", "tips"], start=1)]
    spoken = (project.root / "output" / "transcripts" / f"guide--{moved.removesuffix('.txt')}.vtt").read_text(encoding="utf-8")
    assert "Your results come within seven days." in spoken and "Results come in a week." not in spoken


PATIENT = WORDS_PER_MINUTE["patient"]
CORPUS = Path(__file__).parent / "fixtures" / "corpus"
PAGES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".md", ".txt") and p.stem.upper() not in ("README", "FIXTURES"))


def _content(blocks: Sequence[Block]) -> list[Block]:
    """What a section reads besides its sub-headings."""
    return [b for b in blocks if b.kind != "subheading"]


@pytest.mark.parametrize("page", [SAMPLE, *PAGES], ids=lambda p: p.name)
def test_episodes_are_neither_tiny_nor_endless_and_read_all_the_text_once(page: Path) -> None:
    """Default settings on every real page: no body episode under 45 s of estimated speech (unless the article
    has only one), none over 8 minutes where sub-headings allow a cut, and every body block read once, in order."""
    article = read_article(page)
    config = ScriptConfig()
    planned = sections_of(article, config, PATIENT)
    line = credit_line(article)
    read = [b for p in planned for b in _content(p.blocks) if not (line and b.text == line)]
    body = [b for s in article.sections if s.role == "body" for b in _content(narrated_blocks(s.blocks))]
    assert read == body
    lengths = [seconds(p.blocks, PATIENT) for p in planned]
    assert len(planned) == 1 or min(lengths) >= config.min_section_seconds, lengths
    for part, length in zip(planned, lengths):
        cuts = [i for i, b in enumerate(part.blocks) if b.kind == "subheading" and i > 0]
        assert length <= config.max_section_seconds or not cuts, (part.title, length)


def test_a_joined_section_keeps_its_heading_as_a_spoken_sub_heading() -> None:
    article = read_article(SAMPLE)
    planned = sections_of(article, ScriptConfig(), PATIENT)
    headings = [s.heading for s in article.sections if s.role == "body" and s.heading]
    said = [p.title for p in planned] + [b.text for p in planned for b in p.blocks if b.kind == "subheading"]
    assert sorted(said) == sorted([article.title, *headings])  # every heading said once: as a title or a sub-heading
    lines = [line for paragraph in spoken_paragraphs(planned[0].blocks, load_lexicon(None), Report()) for line in paragraph]
    assert "[heading] What are breast calcifications?" in lines and "[heading] How are breast calcifications detected?" in lines
    apart = sections_of(article, ScriptConfig(min_section_seconds=0), PATIENT)
    assert len(apart) == len(headings) + 1 and len(planned) < len(apart)


def test_a_long_section_is_split_at_sub_headings_into_parts_of_at_most_the_limit(tmp_path: Path) -> None:
    words = " ".join(["Calcium deposits are common and usually harmless."] * 20)  # 140 words: about 56 s
    topics = "".join(f"### {n}. Question {n} about calcifications?\n\n{words}\n\n{words}\n\n" for n in range(1, 9))
    path = tmp_path / "long.md"
    path.write_text(f"# Long\n\n## Everything\n\nOpening words of the article.\n\n{topics}", encoding="utf-8")
    planned = sections_of(read_article(path), ScriptConfig(max_section_seconds=300), PATIENT)
    assert len(planned) >= 3
    assert all(seconds(p.blocks, PATIENT) <= 300 for p in planned)
    for part in planned[1:]:
        assert part.title.startswith("Question ") and part.title not in [b.text for b in part.blocks]
    whole = sections_of(read_article(path), ScriptConfig(max_section_seconds=0), PATIENT)
    assert len(whole) == 1


def test_credits_line_names_the_reviewer_from_the_credits_or_the_metadata(tmp_path: Path) -> None:
    article = read_article(SAMPLE)
    line = credit_line(article)
    first = " ".join(next(s for s in article.sections if s.role == "credits").blocks[0].text.split())
    assert line.startswith("Reviewed by Dr. Tari King, the Anne E. Dyson Professor of Surgery at Harvard Medical School")
    assert len(line.split()) <= 20 and line.endswith(".") and len(first.split()) > 2 * len(line.split())
    planned = sections_of(article, ScriptConfig(), PATIENT)
    assert planned[-1].blocks[-1] == Block("paragraph", text=line)
    assert "Memorial Sloan Kettering" not in repr([p.blocks for p in planned])  # the CV is in the book, not spoken
    path = tmp_path / "tips.md"
    path.write_text("---\nreviewer: Dr. Ada Lane\n---\n# Tips\n\nDrink water.\n\n## References\n\n"
                    "Lane A. Water. Journal of Tips, 2020.\n", encoding="utf-8")
    assert credit_line(read_article(path)) == "Reviewed by Dr. Ada Lane."


@pytest.mark.parametrize("page", ["mistletoe-pdq.md", "adult-aml-treatment-pdq.txt"])
def test_boilerplate_credits_are_not_read_by_default(page: str) -> None:
    """PDQ summaries end in 'About This PDQ Summary' (permissions, contacts): no person to name, nothing read."""
    article = read_article(CORPUS / page)
    credits = [b for s in article.sections if s.role == "credits" for b in s.blocks]
    assert credits and credit_line(article) == ""
    read = [b for p in sections_of(article, ScriptConfig(), PATIENT) for b in p.blocks]
    assert not [b for b in credits if b in read and b.kind != "subheading"]



def test_a_heading_over_a_deeper_heading_is_said_and_an_empty_one_is_not() -> None:
    """'### IMRT' directly over '#### What it is' names what follows and is read; a heading followed by one of
    its own level (its links were left out) or ending the section has nothing under it and is not."""
    def sub(text: str, level: int) -> Block:
        return Block("subheading", text=text, level=level)
    body = Block("paragraph", text="It is a type of radiation therapy.")
    blocks = (sub("Resources", 3), sub("IMRT", 3), sub("What it is", 4), body, sub("Links", 3))
    assert [b.text for b in narrated_blocks(blocks)] == ["IMRT", "What it is", body.text]
    unknown = (sub("Resources", 0), sub("What it is", 0), body)  # levels unknown: as before, the first is empty
    assert [b.text for b in narrated_blocks(unknown)] == ["What it is", body.text]
