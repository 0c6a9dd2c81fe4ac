"""Structure of the nine real NCI pages, as Markdown and as pasted text, against what a reader wrote down
(tests/fixtures/corpus/expected/NAME.toml): the title, the section headings, the credits, and no debris in
the generated scripts."""
from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

import pytest

from narration.config import ScriptConfig
from narration.ingest import read_article
from narration.text.lexicon import Lexicon, Report, load_lexicon
from narration.models import Article
from narration.text.normalize import normalize
from narration.scripts import plan_sections, script_text, spoken_paragraphs
from narration.text.sentences import split_sentences

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
PAGES = sorted(path.stem for path in (CORPUS / "expected").glob("*.toml"))
CASES = [(page, form) for page in PAGES for form in ("md", "txt")]
# Debris that pasted text gives no sign of (the Markdown of the same page does): a photo caption that reads as
# the page's opening sentence, a fact the page states nowhere else in those words. childhood-bladder-cancer opens
# with a real one-sentence lead in the same place and the same shape, so the sentence is kept and the review asks
# the editor about it (tests/test_review.py).
UNMARKED_IN_TEXT = {"breast-cancer-risk-factors"}
DEBRIS_CASES = [pytest.param(page, form, marks=pytest.mark.xfail(strict=True, reason="a caption unmarked in text"))
                if form == "txt" and page in UNMARKED_IN_TEXT else (page, form) for page, form in CASES]
IMAGE = re.compile(r"!\[[^\]]*\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*\)")


def key(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").casefold().split())


@cache
def expected(page: str) -> dict:
    return tomllib.loads((CORPUS / "expected" / f"{page}.toml").read_text(encoding="utf-8"))


@cache
def article(page: str, form: str) -> Article:
    return read_article(CORPUS / f"{page}.{form}")


@cache
def lexicon() -> Lexicon:
    return load_lexicon(None)


@cache
def script_lines(page: str, form: str) -> tuple[str, ...]:
    """Every spoken line of the generated scripts (titles included), credits read as an episode."""
    doc = article(page, form)
    lines = []
    for planned in plan_sections(doc, "episode"):
        text = script_text(doc, planned, lexicon(), Report(), ScriptConfig())
        lines += [line.removeprefix("title: ") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return tuple(lines)


def spoken_words(text: str) -> tuple[str, ...]:
    """Words as spoken, with spelled letters joined ("C.B.C" and "CBC" both give "cbc")."""
    spoken = normalize(text, lexicon(), Report()).lower()
    return tuple(re.sub(r"\b([a-z]) (?=[a-z]\b)", r"\1", " ".join(re.findall(r"[a-z0-9]+", spoken))).split())


def found_headings(doc: Article) -> set[str]:
    found = {key(s.heading) for s in doc.sections if s.heading}
    return found | {key(b.text) for s in doc.sections for b in s.blocks if b.kind == "subheading"}


def expected_headings(page: str) -> set[str]:
    return {key(h) for s in expected(page)["sections"] for h in [s["heading"], *s.get("sub", [])]}


@pytest.mark.parametrize("page, form", CASES)
def test_title_is_the_articles_own(page: str, form: str) -> None:
    assert article(page, form).title == expected(page)["title"]


@pytest.mark.parametrize("page, form", CASES)
def test_section_headings_are_found(page: str, form: str) -> None:
    wanted = expected_headings(page)
    missing = wanted - found_headings(article(page, form))
    assert len(missing) <= 0.05 * len(wanted), sorted(missing)


@pytest.mark.parametrize("page, form", CASES)
def test_no_body_sentence_is_made_a_heading(page: str, form: str) -> None:
    assert found_headings(article(page, form)) - expected_headings(page) == set()


@pytest.mark.parametrize("page, form", CASES)
def test_credits_sections_are_credits(page: str, form: str) -> None:
    """Each expected credits heading is a credits section, or a sub-heading inside one."""
    doc = article(page, form)
    roles = {key(s.heading): s.role for s in doc.sections}
    roles |= {key(b.text): s.role for s in doc.sections for b in s.blocks if b.kind == "subheading"}
    wrong = [c for c in expected(page)["credits"] if roles.get(key(c), "credits") != "credits"]
    assert len(wrong) <= 0.25 * len(expected(page)["credits"]), wrong


@cache
def body_words(page: str, form: str) -> str:
    """The spoken words of the source's lines that are not debris, to count where a debris sentence is also
    written as body text (a caption that repeats the next paragraph is read once, from the paragraph)."""
    debris = {key(LINK.sub(r"\1", d)) for d in expected(page)["debris"]}
    source = LINK.sub(r"\1", IMAGE.sub("", (CORPUS / f"{page}.{form}").read_text(encoding="utf-8")))
    kept = []
    for line in source.splitlines():
        plain = key(re.sub(r"^(#+|-|\d+\.)\s+|\*\*", "", line.strip()))
        if plain and not any(plain == d or (len(plain) > 30 and plain in d) for d in debris):
            kept.append(plain)
    return " " + " ".join(spoken_words(" ".join(kept))) + " "  # joined: body sentences are hard-wrapped


@pytest.mark.parametrize("page, form", DEBRIS_CASES)
def test_no_debris_line_is_narrated(page: str, form: str) -> None:
    spoken_lines = {spoken_words(line) for line in script_lines(page, form)}
    spoken = " ".join(" ".join(spoken_words(line)) for line in script_lines(page, form))
    heard = []
    for entry in expected(page)["debris"]:
        for sentence in split_sentences(" ".join(LINK.sub(r"\1", entry).split())):
            words = spoken_words(sentence)
            if len(words) < 4:  # a short line ("Enlarge", "Credit: iStock", a card title) must not be a line
                if words in spoken_lines or (words and f" {' '.join(words)} " in f" {spoken} " and words == ("enlarge",)):
                    heard.append(sentence)
            elif f" {spoken} ".count(f" {' '.join(words)} ") > body_words(page, form).count(f" {' '.join(words)} "):
                heard.append(sentence)
    assert heard == []


@pytest.mark.parametrize("page, form", CASES)
def test_dropped_debris_is_recorded_with_file_line_and_pattern(page: str, form: str) -> None:
    dropped = article(page, form).dropped
    assert dropped, "every corpus page carries some debris"
    assert all(d.file == f"{page}.{form}" and d.line and d.pattern and d.text for d in dropped)


TABLE_CASES = [(page, form) for page, form in CASES if expected(page)["tables"]]


@pytest.mark.parametrize("page, form", TABLE_CASES)
def test_a_key_value_block_is_a_table_read_label_by_label(page: str, form: str) -> None:
    """Labels and values pasted as one-line paragraphs become a table, and each pair is one spoken line."""
    tables = [b.rows for s in article(page, form).sections for b in s.blocks if b.kind == "table"]
    spoken = {spoken_words(line) for line in script_lines(page, form)}
    for table in expected(page)["tables"]:
        pairs = tuple(zip(table["header"], table["first_row"]))
        assert pairs in tables
        assert all(spoken_words(label) + spoken_words(value) in spoken for label, value in pairs)


@pytest.mark.parametrize("page, form", CASES)
@pytest.mark.parametrize("min_seconds", [0, 45])
def test_no_episode_ends_on_a_lead_in(page: str, form: str, min_seconds: float) -> None:
    """A sentence that introduces what follows ("... may be used:") never closes an episode, items unsaid."""
    doc = article(page, form)
    for planned in plan_sections(doc, "line", min_seconds=min_seconds):
        lines = [line for paragraph in spoken_paragraphs(planned.blocks, lexicon(), Report()) for line in paragraph]
        assert not lines or not lines[-1].endswith(":"), (planned.title, lines[-1])
