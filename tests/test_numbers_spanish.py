"""The numbers audit in Spanish: an article with `language: es` is read by the Spanish normalizer and its numbers
in Spanish words, so its generated scripts give no false alarm, the feminine and masculine forms of a value are
the same number, and a hand edit that changes or drops a number is caught at its line."""
from __future__ import annotations

from pathlib import Path

import pytest

from narration.check.number_words import NUMBER_WORDS, number_words
from narration.check.numbers import audit, numbers
from narration.config import AudioConfig, ScriptConfig
from narration.grouping import WORDS_PER_MINUTE
from narration.ingest import read_article
from narration.review import number_issues
from narration.scripts import sections_of, sync_scripts
from narration.text.lexicon import load_lexicon

SPANISH = Path(__file__).parent / "fixtures" / "es"
PAGES = sorted(p for p in SPANISH.iterdir() if p.suffix in (".md", ".txt"))
LEXICON = load_lexicon(None)


def _scripts(page: Path, folder: Path):  # type: ignore[no-untyped-def]
    article = read_article(page)
    planned = sections_of(article, ScriptConfig(), WORDS_PER_MINUTE["patient"])
    sync = sync_scripts(article, folder, LEXICON, ScriptConfig(), AudioConfig(), planned=planned)
    return article, sync.scripts, planned


def _edit(scripts, old: str, new: str) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    """Replace `old` in the script that says it; that script's path and the line it was on."""
    for script in scripts:
        lines = script.path.read_text(encoding="utf-8").splitlines()
        at = next((i for i, line in enumerate(lines) if old in line), None)
        if at is not None:
            lines[at] = lines[at].replace(old, new, 1)
            script.path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            return str(script.path), at + 1
    raise AssertionError(f"{old!r} is in no script")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_generated_spanish_scripts_give_no_false_alarm(page: Path, tmp_path: Path) -> None:
    article, scripts, planned = _scripts(page, tmp_path)
    assert article.meta.language.startswith("es")
    assert number_issues(scripts, planned, LEXICON, language=article.meta.language) == []
    said = [n for script in scripts for n in numbers(script.path.read_text(encoding="utf-8"), 0, "es") if not n.weak]
    assert len(said) >= 10  # the audit sees the articles' numbers (doses, ages, times, a phone number)


EDITS = [  # (page, said in the script, the hand edit, the kind the audit must find)
    ("amlodipino.md", "cinco miligramos una vez", "cincuenta miligramos una vez", "changed"),
    ("amlodipino.txt", "cero uno nueve nueve", "cero uno nueve ocho", "changed"),
    ("amlodipino.md", "doce de marzo", "doce de mayo", "changed"),
    ("amlodipino.md", "sesenta y cinco años", "sesenta y seis años", "changed"),
    ("mamografia.md", "primero de marzo", "primero de abril", "changed"),
    ("mamografia.md", "dura aproximadamente veinte minutos y", "dura poco y", "missing"),
    ("mamografia.txt", "de siete y media de la mañana", "de siete y media de la tarde", "changed"),
    ("mamografia.md", "una de cada ocho mujeres", "una de cada nueve mujeres", "changed"),
    ("mamografia.md", "una mamografía cada dos años", "una mamografía cada tres años", "changed"),
    ("mamografia.md", "noventa por ciento", "nueve por ciento", "changed"),
]


@pytest.mark.parametrize(("page", "old", "new", "kind"), EDITS, ids=lambda v: str(v)[:24])
def test_a_hand_edit_of_a_spanish_number_is_caught_at_its_line(page: str, old: str, new: str, kind: str,
                                                              tmp_path: Path) -> None:
    article, scripts, planned = _scripts(SPANISH / page, tmp_path)
    path, line = _edit(scripts, old, new)
    issues = number_issues(scripts, planned, LEXICON, language=article.meta.language)
    assert [(p, i.line, i.kind) for p, i in issues if i.fails] == [(path, line, kind)]


@pytest.mark.parametrize(("old", "new"), [
    ("una de cada ocho mujeres", "uno de cada ocho mujeres"),  # the gender of the same value
    ("una mamografía cada dos años", "la mamografía cada dos años"),  # an article reworded, not a count dropped
    ("cada dos años", "cada 2 años"),  # digits in a script are the same number
    ("cero coma cuatro milisieverts", "0,4 mSv"),  # and so is a unit's abbreviation
    ("de siete y media de la mañana a seis de la tarde",  # a range split in two, its numbers the same
     "desde las siete y media de la mañana. Cierra a las seis de la tarde"),
])
def test_the_same_spanish_number_said_another_way_is_no_alarm(old: str, new: str, tmp_path: Path) -> None:
    article, scripts, planned = _scripts(SPANISH / "mamografia.md", tmp_path)
    _edit(scripts, old, new)
    assert [i for _, i in number_issues(scripts, planned, LEXICON, language="es") if i.fails] == []


def test_a_reworded_article_does_not_pair_with_the_changed_number(tmp_path: Path) -> None:
    """ "una mamografía cada dos años" edited to "la mamografía cada tres años": the lone "una" is dropped
    silently and "dos años" is the number changed, not "una"."""
    article, scripts, planned = _scripts(SPANISH / "mamografia.md", tmp_path)
    _, line = _edit(scripts, "una mamografía cada dos años", "la mamografía cada tres años")
    issues = [i for _, i in number_issues(scripts, planned, LEXICON, language="es")]
    assert [(i.kind, i.line, i.expected, i.found) for i in issues] == [("changed", line, "dos años", "tres años")]


def test_feminine_and_masculine_forms_are_one_value() -> None:
    def said(sentence: str) -> list[tuple[str, ...]]:
        return [n.words for n in numbers(sentence, 0, "es")]

    assert said("veintiuna semanas") == said("veintiuno semanas") == said("veintiún semanas")
    assert said("doscientas una personas") == said("doscientos un personas") == said("201 personas")
    assert said("treinta y cinco miligramos") == said("35 mg")
    assert said("cinco miligramos") != said("cincuenta miligramos")
    assert audit(["Tome una tableta."], [(1, "Tome dos tabletas.")], language="es")[0].kind == "changed"


def test_each_language_has_its_number_words_and_english_is_the_default() -> None:
    assert set(NUMBER_WORDS) >= {"en", "es"}
    assert number_words("es-MX") is number_words("es")
    assert number_words("") is number_words("en") is number_words("xx")
    assert "cincuenta" in number_words("es").words and "fifty" in number_words("en").words


def test_check_audits_a_spanish_episode_transcript_in_spanish(tmp_path: Path) -> None:
    """`check` reads a Spanish article's published transcripts with the Spanish number words: no false alarm on
    what was built, and a dose changed in a transcript is caught at its segment."""
    import json

    from conftest import TEST_TOML, FakeEngine, make_project

    from narration.build.pipeline import build
    from narration.check.numbers import output_problems

    project = make_project(tmp_path / "project", TEST_TOML)
    source = SPANISH / "amlodipino.md"
    build(project.config, project.options(source, holdline=False), engine=FakeEngine())
    article = read_article(source)
    planned = sections_of(article, project.config.scripts, WORDS_PER_MINUTE[project.config.speech.preset])
    output = project.root / "output"
    assert output_problems(output, article, planned, LEXICON) == []
    [transcript] = [p for p in (output / "transcripts").glob("amlodipino--0[1-9]-*.json")
                    if "cinco miligramos una vez" in p.read_text(encoding="utf-8")]
    data = json.loads(transcript.read_text(encoding="utf-8"))
    at = next(n for n, s in enumerate(data["segments"], start=1) if "cinco miligramos una vez" in s["body"])
    data["segments"][at - 1]["body"] = data["segments"][at - 1]["body"].replace("cinco miligramos", "cincuenta miligramos")
    transcript.write_text(json.dumps(data), encoding="utf-8")
    problems = output_problems(output, article, planned, LEXICON)
    assert [p.message.split(": ")[0:2] for p in problems] == [[f"segment {at}", "number changed"]]
