"""Pronunciation lexicon: whole-word, case-aware matching, merging and one-line errors."""
from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path

import pytest

from narration.errors import InputError
from narration.text.lexicon import Entry, Lexicon, Report, default_lexicon, load_lexicon

LEX = Lexicon.of([
    Entry("DCIS", "D.C.I.S"),
    Entry("BRCA", "bracka"),
    Entry("BRCA1", "bracka 1"),
    Entry("tamoxifen", "tuh-moxiffen"),
    Entry("in situ", "in sigh-too"),
    Entry("mammo", "mammogram", ignore_case=True),
])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DCIS is treatable.", "D.C.I.S is treatable."),
        ("dcis is lower case.", "dcis is lower case."),
        ("DCISX and XDCIS are other words.", "DCISX and XDCIS are other words."),
        ("(DCIS).", "(D.C.I.S)."),
        ("BRCA1 and BRCA", "bracka 1 and bracka"),
        ("Tamoxifen or tamoxifen", "Tuh-moxiffen or tuh-moxiffen"),
        ("TAMOXIFEN stays", "TAMOXIFEN stays"),
        ("carcinoma in situ.", "carcinoma in sigh-too."),
        ("MAMMO, Mammo, mammo", "mammogram, mammogram, mammogram"),
    ],
)
def test_apply(text: str, expected: str) -> None:
    assert LEX.apply(text) == expected


def test_report_counts_entries_that_fired() -> None:
    report = Report()
    LEX.apply("DCIS, DCIS and BRCA1.", report)
    assert report.entries == {"DCIS": 2, "BRCA1": 1}
    assert "lexicon 'DCIS': 2" in report.lines()


def test_mark_wraps_spoken_forms() -> None:
    assert LEX.apply("DCIS here", mark=lambda s: f"<{s}>") == "<D.C.I.S> here"


def test_project_file_overrides_and_extends_default(tmp_path: Path) -> None:
    project = tmp_path / "lexicon.toml"
    project.write_text('[entries]\n"BRCA" = "B.R.C.A"\n"Oncotype" = { say = "onco type", ignore_case = true }\n',
                       encoding="utf-8")
    merged = load_lexicon(project)
    assert merged.apply("BRCA testing with ONCOTYPE") == "B.R.C.A testing with onco type"
    assert merged.apply("HER2") == "her 2"  # still there from the default
    assert load_lexicon(None).apply("BRCA") != "B.R.C.A"  # the project's entry overrides only in the merged one


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("[entries\n", "not valid TOML"),
        ('[entries]\n"DCIS" = 3\n', "entry 'DCIS': the spoken form must be a string"),
        ('[entries]\n"" = "x"\n', "empty written form"),
        ('[entries]\n"DCIS" = ""\n', "the spoken form is empty"),
        ('[entries]\n"DCIS" = { say = "x", ignore_case = "yes" }\n', "ignore_case must be true or false"),
        ('[entries]\n"DCIS" = { spoken = "x" }\n', "use { say"),
        ('entries = 3\n', "[entries] must be a table"),
        ('[words]\n"DCIS" = "x"\n', "unknown table or key 'words'"),
    ],
)
def test_malformed_file_is_one_line_input_error(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_lexicon(path)
    message = str(caught.value)
    assert problem in message
    assert message.startswith(str(path))
    assert "\n" not in message


def test_missing_file_is_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        load_lexicon(tmp_path / "nope.toml")


def test_shipped_lexicon_is_documented_and_loads() -> None:
    text = (resources.files("narration") / "data" / "lexicon.toml").read_text(encoding="utf-8")
    assert text.startswith("# ")
    data = tomllib.loads(text)
    entries = data["entries"]
    lexicon = default_lexicon()
    assert len(entries) >= 40
    assert len(lexicon.entries) == len(entries) + sum(len(table) for table in data.get("languages", {}).values())
    assert lexicon.apply("NASA") == "NASA"
