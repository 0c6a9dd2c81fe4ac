"""Generated scripts are remembered by what decides them (cache/generated/): a rebuild does not normalize an
unchanged article again, and whatever a script follows from (the article, the lexicon, the script settings,
the package's code) makes it anew; a damaged entry is a miss."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import TEST_TOML, Project, make_project
from narration import scripts as script_stage
from narration.build import pipeline
from narration.cache import keys

ARTICLE = ("# Screening\n\n## When to start\n\nDr. Lee at NCI says most people start at 40. Call 1-800-4-CANCER "
           "(toll-free) Mon.–Fri., 8:30 AM–5:00 PM ET.\n\n## Results\n\n- Normal: no change\n- Not normal: a "
           "second test, [read more](https://example.org/more)\n")


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The titles of the sections whose scripts were generated (normalized), in order."""
    made: list[str] = []
    real = script_stage.generated_script

    def generated_script(article, planned, *args, **kwargs):  # type: ignore[no-untyped-def]
        made.append(planned.title)
        return real(article, planned, *args, **kwargs)

    monkeypatch.setattr(script_stage, "generated_script", generated_script)
    return made


def prepare(project: Project, article: Path) -> tuple[list[pipeline.ArticleScripts], pipeline.BuildReport]:
    return pipeline.prepare_scripts(project.config, project.options(article))


def said(prepared: list[pipeline.ArticleScripts]) -> list[tuple[object, ...]]:
    return [(s.path.read_text(encoding="utf-8"), s.segments, s.spoken_title, s.written)
            for item in prepared for s in item.scripts]


def test_an_unchanged_article_is_read_from_the_cache_with_the_same_scripts_and_report(
        project: Project, counted: list[str]) -> None:
    article = project.root / "screening.md"
    article.write_text(ARTICLE, encoding="utf-8")
    first, first_report = prepare(project, article)
    assert counted == ["When to start", "Results"] and first_report.rules.lines()
    counted.clear()
    second, second_report = prepare(project, article)
    assert counted == []  # nothing normalized again
    assert said(second) == said(first) and all(s.written for item in second for s in item.scripts)
    assert second_report.rules.lines() == first_report.rules.lines()  # the `scripts` report says the same


def test_what_a_script_follows_from_makes_it_anew(tmp_path: Path, counted: list[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path / "p")
    article = project.root / "screening.md"
    article.write_text(ARTICLE, encoding="utf-8")
    prepare(project, article)
    # the article
    article.write_text(ARTICLE.replace("start at 40", "start at 45"), encoding="utf-8")
    counted.clear()
    prepared, _ = prepare(project, article)
    assert "start at 45." in prepared[0].scripts[0].path.read_text(encoding="utf-8")
    assert len(counted) == 2
    # the project's lexicon
    (project.root / "lexicon.toml").write_text('[entries]\n"Lee" = "Leigh"\n', encoding="utf-8")
    counted.clear()
    prepared, _ = prepare(project, article)
    assert "Leigh" in prepared[0].scripts[0].path.read_text(encoding="utf-8") and len(counted) == 2
    # the script settings
    project = make_project(project.root, TEST_TOML + 'url_phrase = "a link"\n')
    counted.clear()
    prepared, _ = prepare(project, article)
    assert len(counted) == 2
    # the package's code (or its text libraries)
    counted.clear()
    monkeypatch.setattr(keys, "code_version", lambda: "another version")
    prepare(project, article)
    assert len(counted) == 2


def test_a_damaged_entry_is_a_miss_and_is_written_again(project: Project, counted: list[str]) -> None:
    article = project.root / "screening.md"
    article.write_text(ARTICLE, encoding="utf-8")
    first, _ = prepare(project, article)
    entries = list((project.root / "cache" / "generated").glob("*.json"))
    assert len(entries) == 1
    entries[0].write_text(entries[0].read_text(encoding="utf-8")[:-40], encoding="utf-8")
    counted.clear()
    again, _ = prepare(project, article)
    assert len(counted) == 2 and said(again) == said(first)
    counted.clear()
    prepare(project, article)
    assert counted == []  # the entry was made whole again


@pytest.mark.parametrize("damage", ["one section less", "a section's text not text", "a rule count not a number"])
def test_an_entry_that_reads_but_is_not_what_the_code_writes_is_a_miss(project: Project, counted: list[str],
                                                                       damage: str) -> None:
    article = project.root / "screening.md"
    article.write_text(ARTICLE, encoding="utf-8")
    first, _ = prepare(project, article)
    entry = next((project.root / "cache" / "generated").glob("*.json"))
    data = json.loads(entry.read_text(encoding="utf-8"))
    if damage == "one section less":
        data["scripts"].pop()
    elif damage == "a section's text not text":
        data["scripts"][0]["text"] = ["title: Screening"]
    else:
        data["rules"][next(iter(data["rules"]))] = "3"
    entry.write_text(json.dumps(data), encoding="utf-8")
    counted.clear()
    again, _ = prepare(project, article)
    assert len(counted) == 2 and said(again) == said(first)


def test_regenerating_scripts_makes_them_anew_and_mends_the_entry(project: Project, counted: list[str]) -> None:
    article = project.root / "screening.md"
    article.write_text(ARTICLE, encoding="utf-8")
    first, _ = prepare(project, article)
    entry = next((project.root / "cache" / "generated").glob("*.json"))
    entry.write_text(entry.read_text(encoding="utf-8").replace("most people", "MOST PEOPLE"), encoding="utf-8")
    counted.clear()
    again, _ = pipeline.prepare_scripts(project.config, project.options(article, regenerate_scripts=True))
    assert len(counted) == 2 and said(again) == said(first)
    assert "MOST PEOPLE" not in entry.read_text(encoding="utf-8")


def test_the_code_version_follows_every_file_of_the_package_but_its_bytecode(tmp_path: Path) -> None:
    package = tmp_path / "package"
    (package / "text").mkdir(parents=True)
    (package / "text" / "normalize.py").write_text("RULES = 1\n", encoding="utf-8")
    (package / "data.toml").write_text("a = 1\n", encoding="utf-8")
    first = keys.tree_digest(package)
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "normalize.cpython-311.pyc").write_bytes(b"compiled")
    assert keys.tree_digest(package) == first
    (package / "text" / "normalize.py").write_text("RULES = 2\n", encoding="utf-8")
    assert keys.tree_digest(package) != first
    (package / "text" / "normalize.py").write_text("RULES = 1\n", encoding="utf-8")
    (package / "data.toml").rename(package / "other.toml")  # same bytes, another name
    assert keys.tree_digest(package) != first
    assert len(keys.code_version()) == 64
