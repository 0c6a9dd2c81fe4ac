"""The corpus's tricky sentences, as a human reader wrote down how they must sound, spoken by the normalizer.

Each `[[tricky]]` entry of tests/fixtures/corpus/expected/NAME.toml names a `written` string and the page
form(s) it is in. The test takes the sentence(s) around it from the page, normalizes them as the script
stage does (split into sentences, then each sentence normalized) and checks that the spoken text contains
the expected words. Spelling, case, punctuation and digits are compared loosely ("N.C.I's" and "N C I's",
"1 to 2" and "one to two" are the same words), since the expectation was written for a human reader.

Entries whose problem belongs to reading the page (hard-wrapped lines, Markdown markup, debris, list
layout) are checked by the ingest tests; they are listed in STRUCTURE with the reason and counted apart.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest
from num2words import num2words

from narration.ingest import read_article
from narration.text.lexicon import load_lexicon
from narration.text.normalize import normalize
from narration.text.sentences import split_sentences

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
LEXICON = load_lexicon(None)

# written (its first 30 characters) -> why the page reader, not the normalizer, decides it
STRUCTURE = {
    "Certain factors affect prognos": "hard wrap inside a parenthesis (re-joining lines)",
    "targeted therapy (enasidenib,\n": "hard-wrapped list inside a parenthesis",
    "(Step 1): Four to five days be": "figure caption (debris)",
    "It also helps make sure that y": "list item ended by a figure",
    "External beam radiation therap": "caption de-duplication",
    "Learn more about how cancer de": "link title inside a sentence",
    "Coping – Daily Life - NCI": "page <title> with a site suffix",
    "- Daily Routine\n\nTips on manag": "link card spread over a blank line",
    "and physical activities.](/abo": "Markdown link broken by a blank line",
    "- [Going Back to Work": "Markdown link broken by a blank line",
    "**Exercise.**The right type": "Markdown emphasis",
    "T**ake medicines prescribed by": "Markdown emphasis inside a word",
    "Sexual Health Issues in Women\n": "unmarked list of link lines",
    "US Brand Name(s)\n\nTemodar\n\nFDA": "key/value block",
    "- Anaplastic astrocytoma. It i": "nested list",
    "- other drugs that may interac": "list items continuing one sentence",
    "(teh-moh-ZOH-loh-mide)": "pronunciation respelling (debris)",
    "Emotions and Cancer Adjusting ": "navigation row (debris)",
    "Uterine Cancer—Patient Version": "page <title> with a site suffix",
}


# written -> a reading the expectation itself allows (its `why` says "also acceptable")
ALSO = {"*BRCA1* and *BRCA2*": "bracka 1 and bracka 2"}


@dataclass(frozen=True)
class Tricky:
    page: str
    form: str
    written: str
    spoken: str

    @property
    def id(self) -> str:
        return f"{self.page}:{self.form}:{self.written[:40]}"


def entries() -> list[Tricky]:
    found = []
    for path in sorted((CORPUS / "expected").glob("*.toml")):
        for entry in tomllib.loads(path.read_text(encoding="utf-8")).get("tricky", []):
            forms = ["md", "txt"] if entry["in"] == "both" else [entry["in"]]
            found += [Tricky(path.stem, form, entry["written"], entry["spoken"]) for form in forms]
    return found


def _plain(text: str) -> str:
    """Written text as the page reader leaves it: no emphasis marks or link targets, spaces collapsed."""
    text = re.sub(r"\]\([^)\s]*\)", "", text.replace("**", "").replace("[", ""))
    return " ".join(re.sub(r"^\s*[-*]\s+", "", text, flags=re.MULTILINE).split())


def units(entry: Tricky) -> list[str]:
    """The texts the page reader hands to the script stage: headings, paragraphs and list items."""
    article = read_article(CORPUS / f"{entry.page}.{entry.form}")
    found = [article.title]
    for section in article.sections:
        found.append(section.heading)
        for block in section.blocks:
            found += [block.text, *block.items, *(cell for row in (block.header, *block.rows) for cell in row)]
    return [" ".join(u.split()) for u in found if u]


def context(entry: Tricky) -> str:
    """The sentence(s) of the page around the written string, as the page reader gives them."""
    key = _plain(entry.written)
    unit = next((u for u in units(entry) if key in u), key)
    offset = unit.index(key)
    chosen, position = [], 0
    for sentence in split_sentences(unit):
        position = unit.index(sentence, position)
        if position < offset + len(key) and position + len(sentence) > offset:
            chosen.append(sentence)
        position += len(sentence)
    return " ".join(chosen)


def spoken(entry: Tricky) -> str:
    return " ".join(normalize(sentence, LEXICON) for sentence in split_sentences(context(entry)))


def _number_words(m: re.Match[str]) -> str:
    text = m.group()
    if "," not in text and len(text) == 4 and int(text) >= 1100 and not text.endswith("000"):  # "1993", "Box 7923"
        said = num2words(int(text), to="year")
    else:
        said = num2words(int(text.replace(",", "")))
    return " " + said.replace(" and ", " ") + " "


def words(text: str) -> list[str]:
    """The words a listener hears, whatever the spelling: case, punctuation and digits made uniform."""
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text).lower().replace("’", "'")
    text = re.sub(r"\d{1,3}(?:,\d{3})+|\d+", _number_words, text)
    text = re.sub(r"[^a-z']+", " ", text)
    return [w.strip("'") for w in text.split() if w.strip("'")]


def contains(heard: list[str], wanted: list[str]) -> bool:
    n = len(wanted)
    return any(heard[i:i + n] == wanted for i in range(len(heard) - n + 1))


def passes(entry: Tricky) -> bool:
    said = words(spoken(entry))
    if not entry.spoken.strip():  # something to drop: none of its words may be heard
        return not any(contains(said, [w]) for w in words(entry.written) if len(w) > 2)
    return any(contains(said, words(w)) for w in (entry.spoken, ALSO.get(entry.written, entry.spoken)))


ALL = entries()
NORMALIZATION = [e for e in ALL if e.written[:30] not in STRUCTURE]


@pytest.mark.parametrize("entry", NORMALIZATION, ids=[e.id for e in NORMALIZATION])
def test_tricky_sentence_sounds_as_written_down(entry: Tricky) -> None:
    assert passes(entry), f"{context(entry)!r} -> {spoken(entry)!r}; wanted {entry.spoken!r}"


def test_structure_list_names_real_entries() -> None:
    """Every entry set aside for the page reader exists, so the list cannot hide a normalization entry."""
    written = {e.written[:30] for e in ALL}
    assert set(STRUCTURE) <= written


def pass_rate() -> str:
    """`python -m tests.test_corpus_tricky`: how many of all entries (both forms) pass, and which fail."""
    results = [(e, passes(e)) for e in ALL]
    lines = [f"FAIL {e.id}\n  {spoken(e)!r}\n  wanted {e.spoken!r}" for e, ok in results if not ok]
    ok = sum(ok for _, ok in results)
    norm = [ok for e, ok in results if e in NORMALIZATION]
    lines.append(f"all entries: {ok}/{len(results)} pass; normalization entries: {sum(norm)}/{len(norm)}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(pass_rate())
