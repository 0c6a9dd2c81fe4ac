"""Round twelve of unseen pages, a pasted page's title and headings: the first line stays the title over a
lower-case line, and a title made from the file name is said in the review (pure text, no speech synthesis)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from narration.ingest import read_article
from narration.ingest.debris import debris_filter
from narration.ingest.outline import Heading
from narration.ingest.text import parse_text
from narration.review import title_findings

PARAGRAPH = "Most people feel better within a week, and the symptoms fade slowly over the following days."


def outline(text: str) -> tuple[str, list[str]]:
    """The title and each item of a pasted page, a heading as '# text'."""
    title, items = parse_text(text, debris_filter("page.txt"))
    said = []
    for item in items:
        if isinstance(item, Heading):
            said.append(f"# {item.text}")
        elif getattr(item, "kind", "") == "paragraph":
            said.append(item.text)
        elif getattr(item, "kind", "") == "list":
            said.append(" | ".join(item.items))
    return title, said


@pytest.mark.parametrize(("first", "second", "title"), [
    # a title over a lower-case line (a tag line, a lead-in) stays the title
    ("Pelvic Ultrasound", "screening and diagnosis archives from the family doctor site and its feed", "Pelvic Ultrasound"),
    ("Knee pain", "what it means, what helps and when to see a doctor about it this week", "Knee pain"),
    # a paragraph's first line broken by the page's width is still joined to the rest: no title
    ("The test takes about half an hour and you can go home straight after it, most", "people feel fine.", ""),
])
def test_first_line_over_lower_case(first: str, second: str, title: str) -> None:
    found, items = outline(f"{first}\n{second}\n\n{PARAGRAPH}\n")
    assert found == title
    if not title:
        assert items[0] == f"{first} {second}"


def test_a_title_from_the_file_name_is_reviewed(tmp_path: Path) -> None:
    page = tmp_path / "knee-pain.txt"
    page.write_text(f"{PARAGRAPH}\n\n{PARAGRAPH}\n", encoding="utf-8")
    article = read_article(page)
    assert article.title == "Knee Pain"
    assert [f.kind for f in title_findings(article, "01.txt", "title: Knee Pain\n\nText.\n")] == ["title from the file name"]
    titled = replace(article, title="Knee pain")
    assert title_findings(titled, "01.txt", "title: Knee pain\n") == []
