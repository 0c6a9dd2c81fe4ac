"""The numbers audit: a script that drops or changes a number of its article is caught at its line; generated
scripts of the sample and the corpus give no false alarm."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from narration.check.numbers import article_sentences, audit, numbers
from narration.cli import main
from narration.config import AudioConfig, ScriptConfig
from narration.grouping import WORDS_PER_MINUTE
from narration.ingest import read_article
from narration.review import number_issues
from narration.scripts import sections_of, sync_scripts
from narration.text.lexicon import load_lexicon

from conftest import FakeEngine, make_project

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
SAMPLE = Path(__file__).resolve().parent.parent / "narration" / "data" / "breast-calcifications.txt"
PAGES = [SAMPLE, *sorted(p for p in CORPUS.glob("*.md") if p.stem.upper() != p.stem and p.name != "README.md"),
         *sorted(CORPUS.glob("*.txt"))]
LEXICON = load_lexicon(None)
DOSES = """# Taking your medicine

Take 5 mg twice a day, with food.
Children aged 6 to 12 years take 2.5 mg.
About 15% of people feel sick at first.
If you have questions, call 1-800-422-6237 between 9:00 a.m. and 5:00 p.m.
Your next visit is on 3/15/2026.
"""


def _scripts(page: Path, folder: Path):  # type: ignore[no-untyped-def]
    article = read_article(page)
    planned = sections_of(article, ScriptConfig(), WORDS_PER_MINUTE["patient"])
    sync = sync_scripts(article, folder, LEXICON, ScriptConfig(), AudioConfig(), planned=planned)
    return sync.scripts, planned


def _edit(path: Path, old: str, new: str) -> int:
    """Replace `old` in the script file; the line it was on."""
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if old in line)
    lines[number] = lines[number].replace(old, new, 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return number + 1


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_generated_scripts_give_no_false_alarm_and_an_edited_number_is_caught(page: Path, tmp_path: Path) -> None:
    scripts, planned = _scripts(page, tmp_path)
    assert number_issues(scripts, planned, LEXICON) == []
    said = [(script, line, number.phrase) for script in scripts
            for line in script.path.read_text(encoding="utf-8").splitlines() if not line.startswith(("#", "title:"))
            for number in numbers(line, 0)]
    if not said:
        pytest.skip("the page states no number")
    script, line, phrase = said[-1]
    digits = re.findall(r"\d", phrase)
    other = re.sub(r"\d(?=\D*$)", str((int(digits[-1]) + 1) % 10), phrase) if digits else f"seven {phrase}"
    at = _edit(script.path, line, line.replace(phrase, other))
    issues = number_issues(scripts, planned, LEXICON)
    assert [(path, issue.line, issue.kind) for path, issue in issues] == [(str(script.path), at, "changed")]


def test_the_corpus_states_numbers_for_the_audit_to_check() -> None:
    counted = {page.name: sum(len(numbers(s, 0)) for section in sections_of(read_article(page), ScriptConfig(), 150)
                              for s in article_sentences(section.blocks, LEXICON)) for page in PAGES}
    assert sum(counted.values()) > 100 and sum(1 for n in counted.values() if n) >= 12


@pytest.fixture
def doses(tmp_path: Path):  # type: ignore[no-untyped-def]
    page = tmp_path / "doses.md"
    page.write_text(DOSES, encoding="utf-8")
    scripts, planned = _scripts(page, tmp_path / "scripts")
    assert number_issues(scripts, planned, LEXICON) == []
    return scripts, planned, scripts[0].path


@pytest.mark.parametrize(("old", "new", "kind"), [
    ("5 milligrams", "50 milligrams", "changed"),
    ("5 milligrams", "fifty milligrams", "changed"),
    ("5 milligrams", "5 grams", "changed"),
    ("Take 5 milligrams twice a day, with food.", "Take it twice a day, with food.", "missing"),
    ("6 2 3 7", "6 2 7 3", "changed"),
    ("4 2 2, 6 2 3 7", "4 2 2, 6 2 3", "changed"),  # a digit dropped: another number
    ("15 percent", "50 percent", "changed"),
    ("6 to 12 years", "6 to 12 months", "changed"),
    ("2 point 5", "2 point 0", "changed"),
    ("March 15, 2026", "March 16, 2026", "changed"),
    ("March 15, 2026", "May 15, 2026", "changed"),
    ("5 P.M", "6 P.M", "changed"),
    ("9 A.M", "9 P.M", "changed"),
])
def test_a_dropped_or_changed_number_is_caught_at_its_line(doses, old: str, new: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    scripts, planned, path = doses
    assert old in path.read_text(encoding="utf-8"), f"the generated script no longer says {old!r}"
    at = _edit(path, old, new)
    issues = number_issues(scripts, planned, LEXICON)
    assert [(issue.line, issue.kind) for _, issue in issues if issue.fails] == [(at, kind)]


@pytest.mark.parametrize(("old", "new"), [
    ("5 milligrams", "five milligrams"),  # the same number, in words
    ("2 point 5", "two point five"),
    ("Take 5 milligrams twice a day, with food.", "With food, take 5 milligrams twice a day."),
])
def test_the_same_number_said_another_way_is_no_alarm(doses, old: str, new: str) -> None:  # type: ignore[no-untyped-def]
    scripts, planned, path = doses
    _edit(path, old, new)
    assert number_issues(scripts, planned, LEXICON) == []


def test_a_number_moved_to_another_line_is_still_said() -> None:
    article = ["Take 5 milligrams.", "Call us."]
    assert audit(article, [(7, "Call us."), (8, "Take 5 milligrams.")]) == []


def test_an_added_number_is_listed_but_does_not_fail() -> None:
    issues = audit(["Take it with food."], [(4, "Take it with food, 2 times.")])
    assert [(i.line, i.kind, i.fails) for i in issues] == [(4, "added", False)]


def test_the_finding_names_both_numbers_and_the_review_lists_it(doses, capsys) -> None:  # type: ignore[no-untyped-def]
    scripts, planned, path = doses
    at = _edit(path, "5 milligrams", "50 milligrams")
    [(where, issue)] = number_issues(scripts, planned, LEXICON)
    assert where == str(path) and '"5 milligrams"' in issue.detail() and '"50 milligrams"' in issue.detail()
    assert issue.line == at and issue.kind == "changed"  # the line the editor changed


def _project_with_doses(tmp_path: Path, toml: str = ""):  # type: ignore[no-untyped-def]
    project = make_project(tmp_path / "project", toml)
    page = project.root / "doses.md"
    page.write_text(DOSES, encoding="utf-8")
    return project, page


def test_scripts_command_lists_the_number_in_the_terminal_and_review_file(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    project, page = _project_with_doses(tmp_path)
    args = ["scripts", str(page), "--scripts", str(project.root / "scripts"), "--config", str(project.root / "narration.toml")]
    assert main(args) == 0
    [script] = (project.root / "scripts" / "doses").glob("01-*.txt")
    at = _edit(script, "6 2 3 7", "6 2 3 8")
    capsys.readouterr()
    assert main(args) == 0
    wanted = f"{script}:{at}: number changed: "
    out = capsys.readouterr().out
    assert any(line.startswith(wanted) and "6 2 3 7" in line and "6 2 3 8" in line for line in out.splitlines())
    assert wanted in (project.root / "scripts" / "doses" / "REVIEW.md").read_text(encoding="utf-8")


def _build_args(project, page: Path) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(page), "--scripts", str(project.root / "scripts"), "--config", str(project.root / "narration.toml"),
            "--output", str(project.root / "output"), "--cache", str(project.root / "cache"), "-q", "--no-holdline"]


@pytest.fixture
def fake_voice(monkeypatch: pytest.MonkeyPatch) -> FakeEngine:
    engine = FakeEngine()
    monkeypatch.setattr("narration.speech.make_engine", lambda settings: engine)
    return engine


def test_a_build_fails_on_a_changed_number_and_keeps_what_was_published(
        tmp_path: Path, capsys, fake_voice: FakeEngine) -> None:  # type: ignore[no-untyped-def]
    project, page = _project_with_doses(tmp_path)
    assert main(_build_args(project, page)) == 0
    feed = (project.root / "output" / "feed.xml").read_bytes()
    [script] = (project.root / "scripts" / "doses").glob("01-*.txt")
    at = _edit(script, "5 milligrams", "50 milligrams")
    calls = len(fake_voice.calls)
    capsys.readouterr()
    assert main(_build_args(project, page)) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"error: {script}: line {at}: number changed:")
    assert "50 milligrams" in err[0]
    assert len(fake_voice.calls) == calls  # stopped before synthesizing
    assert (project.root / "output" / "feed.xml").read_bytes() == feed


def test_numbers_warn_builds_anyway(tmp_path: Path, caplog, fake_voice: FakeEngine) -> None:  # type: ignore[no-untyped-def]
    from conftest import TEST_TOML
    project, page = _project_with_doses(tmp_path, TEST_TOML + '[check]\nnumbers = "warn"\n')
    assert main(["scripts", str(page), "--scripts", str(project.root / "scripts"), "-q"]) == 0
    [script] = (project.root / "scripts" / "doses").glob("01-*.txt")
    _edit(script, "5 milligrams", "50 milligrams")
    assert main(_build_args(project, page)) == 0
    assert any("number changed" in r.getMessage() for r in caplog.records)


def test_check_audits_the_published_transcripts_against_the_article(
        tmp_path: Path, capsys, fake_voice: FakeEngine) -> None:  # type: ignore[no-untyped-def]
    from conftest import TEST_TOML
    project, page = _project_with_doses(tmp_path)
    (project.root / "warn.toml").write_text(TEST_TOML + '[check]\nnumbers = "warn"\n', encoding="utf-8")
    check = ["check", str(project.root / "output"), "--article", str(page), "--config", str(project.root / "narration.toml")]
    assert main(_build_args(project, page)) == 0
    capsys.readouterr()
    main(check)
    assert " number " not in capsys.readouterr().out
    [script] = (project.root / "scripts" / "doses").glob("01-*.txt")
    _edit(script, "6 2 3 7", "6 2 3 8")  # published anyway under "warn": check must catch it in the episode
    warned = _build_args(project, page)
    warned[warned.index("--config") + 1] = str(project.root / "warn.toml")
    assert main(warned) == 0
    capsys.readouterr()
    assert main(check) == 1
    lines = [line for line in capsys.readouterr().out.splitlines() if ": number " in line]
    [transcript] = (project.root / "output" / "transcripts").glob("doses--01-*.json")
    assert len(lines) == 1 and lines[0].startswith(f"{transcript}: segment ")
    assert "number changed" in lines[0] and "6 2 3 7" in lines[0] and "6 2 3 8" in lines[0]


def test_check_without_the_articles_says_the_numbers_were_not_audited(
        tmp_path: Path, capsys, fake_voice: FakeEngine) -> None:  # type: ignore[no-untyped-def]
    project, page = _project_with_doses(tmp_path)
    assert main(_build_args(project, page)) == 0
    main(["check", "-v", str(project.root / "output"), "--config", str(project.root / "narration.toml")])
    assert "numbers: not audited" in capsys.readouterr().out


def test_a_build_audits_only_the_scripts_an_editor_changed(
        tmp_path: Path, fake_voice: FakeEngine, monkeypatch: pytest.MonkeyPatch) -> None:
    """Generated scripts say the article's numbers by construction (the corpus test above): a build with no
    hand edits pays nothing for the audit."""
    project, page = _project_with_doses(tmp_path)
    monkeypatch.setattr("narration.review.number_issues", lambda *a: pytest.fail("audited an unedited script"))
    assert main(_build_args(project, page)) == 0


def test_the_check_section_has_its_defaults_and_refuses_bad_values(tmp_path: Path) -> None:
    from narration.config import load_config
    from narration.errors import ConfigError

    toml = tmp_path / "narration.toml"
    toml.write_text("", encoding="utf-8")
    check = load_config(toml).check
    assert (check.numbers, check.recognizer, check.max_grade) == ("fail", "warn", 14.0)  # docs/review.md says why
    toml.write_text('[check]\nnumbers = "never"\nrecognizer = "loud"\nmax_grade = 0\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(toml)
    assert [p.split(":")[0] for p in caught.value.problems] == ["check.numbers", "check.recognizer", "check.max_grade"]


def test_numbers_off_lists_nothing(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from conftest import TEST_TOML
    project, page = _project_with_doses(tmp_path, TEST_TOML + '[check]\nnumbers = "off"\n')
    args = ["scripts", str(page), "--scripts", str(project.root / "scripts"), "--config", str(project.root / "narration.toml")]
    assert main(args) == 0
    [script] = (project.root / "scripts" / "doses").glob("01-*.txt")
    _edit(script, "5 milligrams", "50 milligrams")
    capsys.readouterr()
    assert main(args) == 0
    assert ": number " not in capsys.readouterr().out


def test_a_lone_one_counts_when_changed_not_when_reworded() -> None:
    article = ["Take one tablet at night.", "No one knows why it happens."]
    assert audit(article, [(5, "Take one tablet at night."), (6, "Nobody knows why it happens.")]) == []
    [issue] = audit(article, [(5, "Take two tablets at night."), (6, "No one knows why it happens.")])
    assert (issue.line, issue.kind, issue.expected, issue.found) == (5, "changed", "one", "two")
