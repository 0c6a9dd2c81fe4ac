"""Seventh round of unseen pages (set J): every script the tool writes must read back (a "[heading]" whose words
hold "pause", a heading with nothing under it), short title-case lines standing alone are headings wherever they
occur, and the intro says the article's title."""
from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

import pytest

from narration.config import AudioConfig, Config, ScriptConfig
from narration.errors import InputError
from narration.ingest import read_article
from narration.models import Article, Sentence
from narration.plan import section_plan
from narration.scripts import HEADING, parse_script, plan_sections, script_text, sync_scripts
from narration.text.lexicon import Lexicon, Report, load_lexicon

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
CORPUS_PAGES = sorted(path.name for path in CORPUS.glob("*.md") if path.stem not in ("README", "FIXTURES"))
CORPUS_PAGES += sorted(path.name for path in CORPUS.glob("*.txt"))

# Small pages in the shape of the unseen ones (the unseen pages are not in the repository).
LOOK_ALIKES = {
    "empty heading over a sub-heading whose words hold 'pause'": (
        "Heart Health for Women\n\nWho Is at Risk?\n\nSome habits raise your risk. Others do not.\n\n"
        "Sleep Apnea\n\nSleep apnea causes pauses in breathing while you sleep.\n\n"
        "Risk Factors You Can't Control\n\nAge and Menopause\n\nAfter menopause the risk rises for women.\n\n"
        "Family History\n\nYour family history plays a role in your risk.\n"),
    "a heading that is the word pause": (
        "Taking Your Medicine\n\nWhen to Pause Treatment\n\nAsk your doctor before you stop any medicine.\n\n"
        "Perimenopause\n\nThe years before menopause can bring hot flashes.\n"),
    "a Markdown heading with nothing under it": (
        "# Living With Asthma\n\nAsthma can be controlled.\n\n## Triggers\n\n### Pauses in Breathing at Night\n\n"
        "Tell your doctor if you wake up short of breath.\n"),
    "a heading of symbols only": (
        "# Caring for a Cast\n\nKeep the cast dry.\n\n## At Home\n\nRest your arm.\n\n### ★\n\n"
        "Call us if the cast cracks.\n\n### When to Pause Treatment\n\nAsk your doctor first.\n"),
}


@cache
def lexicon() -> Lexicon:
    return load_lexicon(None)


def round_trip(doc: Article) -> None:
    """Write every script of the article, read each back, and check that it says what was written."""
    for planned in plan_sections(doc, "episode"):
        text = script_text(doc, planned, lexicon(), Report(), ScriptConfig())
        _, segments = parse_script(text, Path(f"{planned.slug}.txt"), AudioConfig())
        said = [segment for segment in segments if isinstance(segment, Sentence)]
        marks = [line.strip() for line in text.splitlines() if line.startswith("[")]
        assert all(HEADING.match(mark) for mark in marks), marks
        assert [s.text for s in said if s.subheading] == [HEADING.match(mark).group(1) for mark in marks]
        assert not [s.text for s in said if "[" in s.text or "]" in s.text]


@pytest.mark.parametrize("name", CORPUS_PAGES)
def test_every_corpus_script_reads_back(name: str) -> None:
    round_trip(read_article(CORPUS / name))


@pytest.mark.parametrize("name", sorted(LOOK_ALIKES))
def test_every_look_alike_script_reads_back(name: str, tmp_path: Path) -> None:
    page = tmp_path / ("page.md" if LOOK_ALIKES[name].startswith("#") else "page.txt")
    page.write_text(LOOK_ALIKES[name], encoding="utf-8")
    round_trip(read_article(page))


@pytest.mark.parametrize("line, heading", [
    ("[heading] Age and Menopause", "Age and Menopause"),
    ("[heading] When to Pause Treatment", "When to Pause Treatment"),
    ("[heading] Sleep Apnea Pauses", "Sleep Apnea Pauses"),
])
def test_a_heading_whose_words_hold_pause_is_a_heading(line: str, heading: str) -> None:
    _, segments = parse_script(f"title: A\n\n{line}\n\nBody text.\n", Path("s.txt"), AudioConfig())
    assert Sentence(heading, subheading=True) in segments


@pytest.mark.parametrize("line", ["Rest here [pause].", "[pause 2 seconds]", "[Pause] then go on.", "[long pause]"])
def test_a_broken_pause_mark_is_still_refused(line: str) -> None:
    with pytest.raises(InputError, match="unreadable pause mark"):
        parse_script(f"title: A\n\n{line}\n", Path("s.txt"), AudioConfig())


def headings(text: str, tmp_path: Path) -> list[str]:
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    doc = read_article(page)
    return [heading for section in doc.sections
            for heading in [section.heading, *(b.text for b in section.blocks if b.kind == "subheading")] if heading]


PROSE = "Some habits raise your risk for heart disease. Talk with your doctor about them."
SMOKE = "Smoking is the strongest risk factor you can change."
ASKED, TREATED = "Who Is at Risk for Heart Disease in Women?", "How Is Heart Disease Treated in Women?"


@pytest.mark.parametrize("pair, follows, expected", [
    # a lone pair of title-case lines after text: a heading over its first sub-heading, early in the page too
    (["Risk Factors You Can Control", "Smoking"], SMOKE, ["Risk Factors You Can Control", "Smoking"]),
    (["Risk Factors You Can Control", "Quitting Smoking"], PROSE, ["Risk Factors You Can Control", "Quitting Smoking"]),
    # a one-word value the text under it does not name, a box of two pairs, lines not in title case: as before
    (["Approved by the FDA", "Yes"], PROSE, []),
    (["Drug Facts", "Acetaminophen"], PROSE, []),
    (["US Brand Name(s)", "Temodar", "FDA Approved", "Yes"], PROSE, []),
    (["Dosage form", "Tablet"], PROSE, []),
])
def test_a_lone_title_case_pair_is_a_heading_over_a_sub_heading(pair: list[str], follows: str, expected: list[str],
                                                                tmp_path: Path) -> None:
    page = "\n\n".join(["Heart Health", ASKED, PROSE, *pair, follows, TREATED, PROSE]) + "\n"
    assert headings(page, tmp_path) == [ASKED, *expected, TREATED]


def test_a_lone_pair_at_the_top_of_the_page_is_a_heading(tmp_path: Path) -> None:
    page = "\n\n".join(["Heart Health", "Risk Factors You Can Control", "Smoking", SMOKE, TREATED, PROSE]) + "\n"
    assert headings(page, tmp_path) == ["Risk Factors You Can Control", "Smoking", TREATED]


def test_the_intro_says_the_article_title_when_the_first_part_has_a_heading_of_its_own(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("\n\n".join(["Heart Disease in Women", ASKED, PROSE, "Risk Factors You Can Control", "Smoking",
                                 SMOKE, TREATED, PROSE]) + "\n", encoding="utf-8")
    doc = read_article(page)
    scripts = sync_scripts(doc, tmp_path / "scripts", lexicon(), ScriptConfig(), AudioConfig()).scripts
    intro = [part.text for part in section_plan(Config(), doc, scripts[0], 1, date(2026, 1, 1), "Health Talk",
                                                "").parts[:6] if part.text]
    assert intro[1].startswith("Heart Disease in Women") and intro[1].endswith(f": {ASKED}")
