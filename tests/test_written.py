"""The written-to-spoken mapping the scripts stage makes (narration/written.py): on the corpus in both forms, a
web page with tables and a Markdown article with lists, every spoken sentence voices exactly one written piece,
in reading order, and each piece is the article's own text."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES
from narration.config import AudioConfig, ScriptConfig
from narration.ingest import read_article
from narration.models import Script
from narration.scripts import sync_scripts
from narration.text.lexicon import load_lexicon
from narration.text.sentences import split_sentences

ARTICLES = sorted(p for p in (FIXTURES / "corpus").glob("*.*") if p.suffix in (".md", ".txt")) + [
    FIXTURES / "web" / "metformin-safely.html", FIXTURES / "talking-book.md"]


def scripts(path: Path, folder: Path) -> tuple[Script, ...]:
    sync = sync_scripts(read_article(path), folder, load_lexicon(None), ScriptConfig(credits="episode"), AudioConfig())
    return tuple(sync.scripts)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_each_spoken_sentence_voices_one_written_piece_in_reading_order(path: Path, tmp_path: Path) -> None:
    article = read_article(path)
    written_text = {" ".join(piece.split()) for section in article.sections for block in section.blocks
                    for piece in (*split_sentences(block.text), *block.items, *block.header)}
    for script in scripts(path, tmp_path):
        mapping = script.written
        assert mapping is not None and mapping.sentences == tuple(s.text for s in script.sentences)
        order = [i for block in mapping.blocks for i in block.voiced]
        assert order == list(range(len(script.sentences))), script.slug
        for block in mapping.blocks:
            pieces = [p.text for p in block.parts if block.kind in ("paragraph", "list")]
            pieces += [block.lead.text] if block.lead else []
            assert all(" ".join(p.split()) in written_text for p in pieces), (script.slug, pieces)


def test_a_list_of_sentences_maps_each_item_and_a_list_of_phrases_maps_as_a_whole(tmp_path: Path) -> None:
    biopsy = scripts(FIXTURES / "talking-book.md", tmp_path)
    lists = [block for script in biopsy if script.written for block in script.written.blocks if block.kind == "list"]
    steps, things = lists
    assert steps.lead and steps.lead.text == "Follow these steps:" and steps.ordered
    assert [len(item.sentences) for item in steps.parts] == [1, 1, 1] and not steps.sentences
    assert things.lead and things.lead.text == "On the day of the biopsy, bring:"
    assert len(things.sentences) == 1 and not any(item.sentences for item in things.parts)  # said in one sentence


def test_table_rows_each_map_to_their_spoken_row(tmp_path: Path) -> None:
    page = scripts(FIXTURES / "web" / "metformin-safely.html", tmp_path)
    tables = [(script, block) for script in page if script.written for block in script.written.blocks
              if block.kind == "table"]
    assert len(tables) == 2
    for script, table in tables:
        for row in table.parts:
            [sentence] = row.sentences
            assert script.sentences[sentence].text.startswith(row.cells[0])


def test_an_edited_script_has_no_mapping(tmp_path: Path) -> None:
    article = FIXTURES / "talking-book.md"
    first = next(s for s in scripts(article, tmp_path) if "light meal" in s.text)
    assert first.path is not None and first.written is not None
    first.path.write_text(first.path.read_text(encoding="utf-8").replace("light meal", "small meal"),
                          encoding="utf-8")
    sync = sync_scripts(read_article(article), tmp_path, load_lexicon(None), ScriptConfig(credits="episode"), AudioConfig())
    edited = next(s for s in sync.scripts if s.slug == first.slug)
    assert edited.written is None and "small meal" in edited.text
    assert all(s.written is not None for s in sync.scripts if s.slug != first.slug)
