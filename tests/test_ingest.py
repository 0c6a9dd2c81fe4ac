"""Ingest: plain text as copied from a web page, Markdown and HTML become titled articles with sections."""
from __future__ import annotations

from pathlib import Path

import pytest

from narration.ingest import looks_like_heading, read_article, slugify
from narration.build.pipeline import SAMPLE


def test_sample_text_sections_lists_and_credits() -> None:
    article = read_article(SAMPLE)
    assert article.title == "Breast Calcifications"
    headings = [s.heading for s in article.sections]
    assert headings == ["", "What are breast calcifications?", "How are breast calcifications detected?",
                        "What is the relationship between breast calcifications and cancer?", "About the Medical Reviewer"]
    assert article.sections[0].blocks[0].text.startswith("Receiving the news")
    lists = [b for s in article.sections for b in s.blocks if b.kind == "list"]
    assert lists and lists[0].items == ("Aging", "A previous injury", "Infection", "Inflammation")
    assert [s.role for s in article.sections] == ["body"] * 4 + ["credits"]


@pytest.mark.parametrize("line, following, expected", [
    ("What are breast calcifications?", "Text.", True),
    ("About the Medical Reviewer", "Text.", True),
    ("Treatment Options", "Text.", True),
    ("Calcifications are common.", "Text.", False),
    ("Why?", "Text.", True),
    ("There are a variety of causes, including:", "- Aging", False),
    ("- Aging", "- Infection", False),
    ("Aging", "Infection", False),
    ("What are breast calcifications?", None, False),
    ("Is it cancer? Most of the time it is not.", "Text.", False),
    ("It is very important to follow through with the recommendations made by the radiologist reading your mammogram every year", "x", False),
])
def test_heading_heuristic(line: str, following: str | None, expected: bool) -> None:
    assert looks_like_heading(line, following) is expected


def test_markdown_headings_lists_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "screening.md"
    path.write_text("---\ntitle: Screening Basics\nreviewed_by: A Reviewer, MD\nlast_reviewed: 2025-03-01\n---\n"
                    "Intro paragraph.\n\n## When to start\n\nMost people start at **40**.\n\n"
                    "1. Book a visit\n2. Bring past images\n\n## Results\n\n- Normal\n- Needs follow-up\n", encoding="utf-8")
    article = read_article(path)
    assert article.title == "Screening Basics"
    assert article.meta.reviewed_by == "A Reviewer, MD"
    assert str(article.meta.last_reviewed) == "2025-03-01"
    assert [s.heading for s in article.sections] == ["", "When to start", "Results"]
    ordered = article.sections[1].blocks[1]
    assert ordered.kind == "list" and ordered.ordered and ordered.items == ("Book a visit", "Bring past images")
    assert article.sections[1].blocks[0].text == "Most people start at 40."


def test_html_drops_scripts_navigation_and_styles(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text("""<html><head><title>Doc title</title><style>p{color:red}</style></head><body>
      <nav><a href="/">Home</a></nav><header>Site header</header>
      <h1>Mammograms</h1><p>First <b>paragraph</b>.</p>
      <script>alert('x')</script>
      <h2>Before the exam</h2><ul><li>Skip deodorant</li><li>Wear a top &amp; skirt</li></ul>
      <iframe src="x"></iframe><h3>After</h3><p onclick="evil()">Results come fast.</p>
      <footer>Copyright</footer></body></html>""", encoding="utf-8")
    article = read_article(path)
    assert article.title == "Mammograms"
    text = repr(article.sections)
    for dropped in ("alert", "Home", "Site header", "color:red", "Copyright", "evil"):
        assert dropped not in text
    assert [s.heading for s in article.sections] == ["", "Before the exam", "After"]
    assert article.sections[1].blocks[0].items == ("Skip deodorant", "Wear a top & skirt")


def test_slugs_are_safe_file_names() -> None:
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("¿Qué es?") == "que-es"
    assert slugify("!!!") == "section"
    long = slugify("What is the relationship between breast calcifications and cancer?")
    assert len(long) <= 60 and not long.endswith("-") and long.endswith("and")
