"""Round ten (P, Q): a section split for length says its later part continues; a lead-in whose list is missing
is closed and listed for review; lead-ins and list items are not called fragments."""
from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path

import pytest

from narration.config import ScriptConfig
from narration.grouping import Unit, continued_titles
from narration.ingest import read_article
from narration.models import Block
from narration.phrases import phrases_for
from narration.review import Context, Known, default_rules, listed_sentences, missing_list_findings, script_findings
from narration.scripts import generated_script, plan_sections, spoken_paragraphs
from narration.text.lexicon import Report, default_lexicon
from narration.written import WrittenSection

FILLER = " ".join(["The liver makes bile that helps the body break down fat in food."] * 12)


def planned_titles(tmp_path: Path, markdown: str) -> list[str]:
    page = tmp_path / "page.md"
    page.write_text(markdown, encoding="utf-8")
    return [p.title for p in plan_sections(read_article(page), "omit", max_seconds=40.0)]


@pytest.mark.parametrize("sub_heading, later_title", [
    # a sentence-like sub-heading is said as the part's first line: the title says the section goes on
    ("Tests that look at the liver are used to find, diagnose, and stage liver cancer.", "About Liver Cancer, continued"),
    # a title-like sub-heading names the part, as before
    ("Imaging tests", "Imaging tests"),
])
def test_a_later_part_of_a_split_section_is_not_titled_the_same(tmp_path: Path, sub_heading: str, later_title: str) -> None:
    text = f"# Liver Cancer\n\n## About Liver Cancer\n\n{FILLER}\n\n### {sub_heading}\n\n{FILLER}\n"
    assert planned_titles(tmp_path, text) == ["About Liver Cancer", later_title]


def test_sections_of_their_own_keep_their_titles(tmp_path: Path) -> None:
    text = f"# Liver Cancer\n\n## About Liver Cancer\n\n{FILLER}\n\n## Treatment\n\n{FILLER}\n"
    assert planned_titles(tmp_path, text) == ["About Liver Cancer", "Treatment"]


def test_a_page_that_repeats_a_heading_keeps_it(tmp_path: Path) -> None:
    """Two sections of the page with one heading are the page's own: not parts of one split for length."""
    text = f"# Liver Cancer\n\n## Symptoms\n\n{FILLER}\n\n## Symptoms\n\n{FILLER}\n"
    assert planned_titles(tmp_path, text) == ["Symptoms", "Symptoms"]


@pytest.mark.parametrize("language, expected", [("en", "Causes, continued"), ("es", "Causes, continuación")])
def test_continued_titles(language: str, expected: str) -> None:
    units = [Unit("Causes", "body", ()), Unit("Causes", "body", (), continues=True)]
    assert [u.title for u in continued_titles(units, phrases_for(language).continued)] == ["Causes", expected]


# ------------------------------------------------------------------ a lead-in whose list is missing

LEXICON = default_lexicon()


def written_page(tmp_path: Path, body: str) -> tuple[str, WrittenSection, tuple[Block, ...]]:
    """The first script of a small Markdown page: its text, its written mapping and its planned blocks."""
    page = tmp_path / "page.md"
    page.write_text(f"# Hiccups\n\n## Causes\n\n{body}\n", encoding="utf-8")
    article = read_article(page)
    planned = plan_sections(article, "omit")[0]
    text, written = generated_script(article, planned, LEXICON, Report(), ScriptConfig())
    return text, written, planned.blocks


def said(blocks: list[Block]) -> list[str]:
    return [line for paragraph in spoken_paragraphs(blocks, LEXICON, Report()) for line in paragraph]


P = partial(Block, "paragraph")
OPENING = P(text="Hiccups are common.")


@pytest.mark.parametrize("blocks, lead", [
    # the list is lost: a paragraph that does not complete the lead-in, a sub-heading, the section's end
    ([OPENING, P(text="Causes may include:"), P(text="There may be no clear cause.")], "Causes may include."),
    ([OPENING, P(text="What schools can do:"), Block("subheading", text="Locations")], "What schools can do."),
    ([OPENING, P(text="Questions may include:")], "Questions may include."),
    # the paragraph is what the lead-in promised: it cannot end there, goes on in lower case, or is short lines
    ([OPENING, P(text="Mail the signed form to:"), P(text="Health Eligibility Center, 2957 Clairmont Road.")],
     "Mail the signed form to:"),
    ([OPENING, P(text="Call your doctor if:"), P(text="You have a fever that lasts more than 3 days.")],
     "Call your doctor if:"),
    ([OPENING, P(text="Write to us at this address:"), P(text="Health Center\nPO Box 5\nSpringfield")],
     "Write to us at this address:"),
    ([OPENING, P(text="Signs to watch for:"), P(text="a rash, a fever, or a stiff neck.")], "Signs to watch for:"),
    # a lead-in that opens its episode was carried there to introduce it: what follows is its first item
    ([P(text="The following tests may be used:"), P(text="A scan makes pictures of the body.")],
     "The following tests may be used:"),
    # a table is what it introduces
    ([OPENING, P(text="Adults need this much fiber:"), Block("table", header=("Age", "Grams"), rows=(("19 to 50", "25"),))],
     "Adults need this much fiber:"),
])
def test_a_lead_in_without_its_list_is_closed(blocks: list[Block], lead: str) -> None:
    assert lead in said(blocks)


def test_a_lead_in_with_its_list_keeps_its_colon() -> None:
    lines = said([OPENING, P(text="Causes may include:"), Block("list", items=("Eating fast", "Stress"))])
    assert not any(line.endswith("include.") for line in lines)


@pytest.mark.parametrize("body, flagged", [
    ("Hiccups are common.\n\nCauses may include:\n\nThere may be no clear cause.", ["Causes may include."]),
    ("Hiccups are common.\n\nCauses may include:", ["Causes may include."]),
    ("Causes may include:\n\n## Home care\n\nRest.", ["Causes may include."]),  # all its section says
    ("Hiccups are common.\n\nCauses may include:\n\n- Eating fast\n- Stress", []),
    ("Hiccups are common.\n\nCall your doctor if:\n\nYou have hiccups for more than 2 days.", []),
    # sub-headings under the lead-in's own part are its items
    ("Hiccups are common.\n\nTypes of treatment include:\n\n### Breathing exercises\n\nHold your breath.", []),
    ("### 4. Have studies been done?\n\nSome were.\n\nStudies reported the following:\n\n### Breast cancer\n\n"
     "One study found less nausea.", []),
    ("### 1. Home care\n\nRest.\n\nTips that help include:\n\n### 2. When to call\n\nCall if it lasts.",
     ["Tips that help include."]),
])
def test_the_review_lists_a_missing_list_once(tmp_path: Path, body: str, flagged: list[str]) -> None:
    text, written, blocks = written_page(tmp_path, body)
    findings = missing_list_findings("s.txt", text, written, blocks)
    lines = text.splitlines()
    assert [lines[f.line - 1] for f in findings] == flagged
    assert all(f.kind == "list missing" and "check the page" in f.detail for f in findings)


# ------------------------------------------------------------------ lead-ins and list items are not fragments

CONTEXT = Context(default_rules(), Known.of(LEXICON, default_rules()))


@pytest.mark.parametrize("body, fragments", [
    # items said one a line (one of them is long): the lead-in and the short ones stand alone
    ("Treatment depends on the stage.\n\nExamples include:\n\n- Surgery, adrenalectomy.\n"
     "- Chemotherapy given through a vein over several weeks.", []),
    ("Hiccups are common.\n\nThese include:\n\n- Crying often.\n- Being male.\n"
     "- Having had treatment with radiation therapy in the past.", []),
    # a short line that is not a list's is still asked about
    ("Hiccups are common and go away on their own.\n\nMostly harmless.\n\nThey stop by themselves.", ['"Mostly harmless."']),
])
def test_lead_ins_and_list_items_are_not_fragments(tmp_path: Path, body: str, fragments: list[str]) -> None:
    text, written, _ = written_page(tmp_path, body)
    context = replace(CONTEXT, listed=listed_sentences(written))
    assert [f.detail for f in script_findings("s.txt", text, context) if f.kind == "fragment"] == fragments
