"""The review list: which spoken lines the tool is unsure of, checked against a table of lines."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from narration.cli import main
from narration.models import Dropped
from narration.review import (Context, Known, debris_findings, default_rules, heading_key, script_findings,
                              sentence_findings)
from narration.text.lexicon import Entry, Lexicon, default_lexicon

RULES = default_rules()
LEXICON = default_lexicon().merged(Lexicon.of([Entry("NCI", "N.C.I")]))
CONTEXT = Context(RULES, Known.of(LEXICON, RULES), frozenset({heading_key("Key Points")}))
FORTY_FIVE = " ".join(["word"] * 44) + " end."

# (spoken sentence, the kinds found in it, in check order)
TABLE = [
    ("Ask your doctor about the test.", []),
    # capitals: spelled groups and capitals left as words, unless the lexicon or normalization knows them
    ("The A.Y.A program helps young adults.", ["unknown capitals"]),
    ("The N.C.I funds research.", []),  # in the lexicon
    ("Ask the N.C.I's staff.", []),
    ("Read the USPSTF advice here.", ["unknown capitals"]),
    ("The mRNA is measured today.", ["unknown capitals"]),
    ("The pCR rate was high after surgery.", ["unknown capitals"]),
    ("Doctors at DailyMed and McDonald clinics agree.", []),  # names in camel case
    ("Take it at 3 PM every day.", []),
    ("Your P.h.D adviser and the COVID clinic help.", []),  # the lexicon's own spoken forms
    ("The U.S Food and Drug Administration approved it.", []),
    ("Call 1-800-4-CANCER for help today.", ["unknown capitals"]),
    ("Phase I.I trials test the drug.", ["unknown capitals"]),
    # symbols
    ("Costs rose by 10% last year, they say.", ["symbol"]),
    ("The price is $$$ for this treatment here.", ["symbol"]),
    ("Write the date as MM/DD here.", ["unknown capitals", "unknown capitals", "symbol"]),
    ("It helps, (sometimes) a lot; really: yes!", []),
    # a number with an abbreviation left as written
    ("Children aged 6 mo. to 8 yrs. can take it.", ["abbreviation", "abbreviation"]),
    ("Take 2 tbsp with water at night.", ["abbreviation"]),
    ("Take 2 tablets by mouth, 3 times a day.", []),
    ("Stage 2 cancer grows in 3 places by 4 weeks.", []),
    ("It happened on the 3rd day of the 21st week.", []),
    ("It ends in 2024. Then more follows.", []),
    # fragments and long sentences
    ("Temodar", ["fragment"]),
    ("2, 2024.", ["fragment"]),
    ("Key Points", []),  # a sub-heading of the section: short by design
    (FORTY_FIVE, ["long sentence"]),
    (" ".join(["word"] * 39) + " end.", []),
]


@pytest.mark.parametrize(("sentence", "kinds"), TABLE)
def test_sentence_checks_find_what_a_reviewer_must_look_at(sentence: str, kinds: list[str]) -> None:
    assert [kind for kind, _ in sentence_findings(sentence, CONTEXT)] == kinds


def test_a_finding_names_the_word_and_how_it_is_said() -> None:
    found = dict(sentence_findings("The A.Y.A program costs 10% more.", CONTEXT))
    assert "AYA" in found["unknown capitals"] and "A.Y.A" in found["unknown capitals"]
    assert '"%"' in found["symbol"]


def test_script_findings_give_the_line_of_the_file() -> None:
    text = ("# a note: USPSTF is not spoken\ntitle: What is it?\n\nThe USPSTF says so [pause 1s] today.\n\n"
            "Yes\n" + FORTY_FIVE + "\n")
    context = replace(CONTEXT, rules=replace(RULES, short_section_words=0))
    found = [(f.line, f.kind) for f in script_findings("s.txt", text, context)]
    assert found == [(4, "unknown capitals"), (6, "fragment"), (7, "long sentence")]


@pytest.mark.parametrize(("title", "words", "kinds"), [
    ("What is it?", 30, []),
    ("Cancer is a disease in which cells grow out of control.", 30, ["heading"]),
    ("What Are the Common Questions That People Ask When They Find Out That They Need the Treatment", 30, ["heading"]),
    ("Contact us", 10, ["short section"]),
    ("Treatment", RULES.long_section_words + 1, ["long section"]),
])
def test_section_checks(title: str, words: int, kinds: list[str]) -> None:
    body = "\n".join(" ".join(["word"] * 10) + "." for _ in range(words // 10)) + "\n" + " ".join(["word"] * (words % 10))
    found = script_findings("s.txt", f"title: {title}\n\n{body}\n", CONTEXT)
    assert [f.kind for f in found if f.line == 1] == kinds


def test_debris_is_found_at_its_source_line() -> None:
    source = ["# Page", "", "Opening words.", "", "![A photo of the clinic](/a.jpg)", "", "**Credit:** iStock",
              "", "Risk rises with age (24). Then", "it falls."]
    dropped = [Dropped("p.md", "A photo of the clinic", "<image alt text>", "A photo of the clinic"),
               Dropped("p.md", "Credit: iStock", "^Credit: .*$", "Credit: iStock"),
               Dropped("p.md", "Risk rises with age (24). Then it falls.", r"\(\d+\)", "(24)"),
               Dropped("p.md", "Nowhere in the file", "<card>", "Nowhere in the file")]
    found = debris_findings("p.md", source, dropped)
    assert [f.line for f in found] == [5, 7, 9, 0]
    assert all(f.kind == "dropped" for f in found)
    assert '"(24)" from "Risk rises' in found[2].detail and r"\(\d+\)" in found[2].detail
    assert "<card>" in found[3].detail


def _caption_items(tmp_path: Path, name: str, text: str) -> tuple[list[str], Path]:
    """The review's possible-caption lines for an article written to `name`, and its first script."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    assert main(["scripts", "-q", "--scripts", str(tmp_path / "scripts"), str(tmp_path / name)]) == 0
    folder = tmp_path / "scripts" / Path(name).stem
    review = (folder / "REVIEW.md").read_text(encoding="utf-8")
    return [line for line in review.splitlines() if ": possible caption: " in line], min(folder.glob("[0-9]*.txt"))


LONE = "A walk after meals can help keep your blood sugar steady."
BODY = ("Diabetes is a disease in which blood sugar is too high. It can damage the eyes, kidneys and nerves. "
        "Care at home makes a difference.")


def test_a_lone_opening_sentence_of_pasted_text_is_asked_about_at_its_script_line(tmp_path: Path) -> None:
    """Pasted text loses a photo and keeps its caption, a lone sentence before the first paragraph: kept (it may
    be the article's own summary), and listed for the editor at the line that says it."""
    page = f"Living With Diabetes\n\n{LONE}\n\n{BODY}\n\nEating well\n\nEat vegetables every day. Drink water.\n"
    found, script = _caption_items(tmp_path, "diabetes.txt", page)
    lines = script.read_text(encoding="utf-8").splitlines()
    at = next(number for number, line in enumerate(lines, start=1) if line == LONE)
    assert len(found) == 1 and found[0].startswith(f"{script}:{at}: possible caption: \"{LONE[:40]}")
    assert "delete the line if it is one" in found[0]
    script.write_text("\n".join(line for line in lines if line != LONE) + "\n", encoding="utf-8")  # the editor's call
    again, script = _caption_items(tmp_path, "diabetes.txt", page)
    assert again == [] and LONE not in script.read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "page"), [
    ("opening.txt", f"Living With Diabetes\n\n{LONE} Move a little every day.\n\n{BODY}\n"),  # two sentences
    ("marked.md", f"# Living With Diabetes\n\n![A couple walking](walk.jpg)\n\n{LONE}\n\n{BODY}\n"),  # a caption
    ("whole.txt", f"Living With Diabetes\n\n{LONE}\n\nEating well\n\n{BODY}\n"),  # the section's whole text
    ("headed.txt", f"Living With Diabetes\n\nWhat is diabetes?\n\n{LONE}\n\n{BODY}\n"),  # a section's opening
])
def test_an_opening_that_does_not_stand_alone_or_is_marked_is_not_asked_about(tmp_path: Path, name: str,
                                                                             page: str) -> None:
    assert _caption_items(tmp_path, name, page)[0] == []


def test_the_corpus_caption_that_pasted_text_cannot_mark_is_asked_about(tmp_path: Path) -> None:
    """breast-cancer-risk-factors.txt: its photo caption reads as an opening sentence (tests/test_corpus_structure.py
    keeps it as a known failure of dropping debris); the review points the editor at it."""
    source = Path(__file__).parent / "fixtures" / "corpus" / "breast-cancer-risk-factors.txt"
    found, _ = _caption_items(tmp_path, source.name, source.read_text(encoding="utf-8"))
    assert len(found) == 1 and '"A family history of breast cancer in a first-degree relative' in found[0]


@pytest.mark.parametrize(("setting", "listed"), [("line", "summed up in the closing credit line"),
                                                 ("omit", "not read"), ("episode", None), ("outro", None)])
def test_credits_sections_not_read_in_full_are_listed_at_their_heading(tmp_path: Path, setting: str,
                                                                     listed: str | None) -> None:
    lines = ["# Care at Home", "", "Rest and drink water every day. Call your nurse if the fever comes back.", "",
             "## Disclaimer", "", "This page does not replace the advice of your own doctor or nurse.", ""]
    (tmp_path / "narration.toml").write_text(f'[scripts]\ncredits = "{setting}"\n', encoding="utf-8")
    (tmp_path / "care.md").write_text("\n".join(lines), encoding="utf-8")
    assert main(["scripts", "-q", "--config", str(tmp_path / "narration.toml"), "--scripts",
                 str(tmp_path / "scripts"), str(tmp_path / "care.md")]) == 0
    review = (tmp_path / "scripts" / "care" / "REVIEW.md").read_text(encoding="utf-8")
    found = [line for line in review.splitlines() if ": credits: " in line]
    if listed is None:
        assert found == [] and "credits section" not in review
    else:
        at = lines.index("## Disclaimer") + 1
        assert found == [f"{tmp_path / 'care.md'}:{at}: credits: section \"Disclaimer\" ({len(lines[-2].split())} words) is {listed}; "
                         '`[scripts] credits = "episode"` reads it']
        assert "1 credits section not read in full" in review
