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
    assert [s.heading for s in article.sections] == ["", "Before the exam"]  # an <h3> is a heading inside its <h2>
    assert article.sections[1].blocks[0].items == ("Skip deodorant", "Wear a top & skirt")
    assert [(b.kind, b.text) for b in article.sections[1].blocks[1:]] == [("subheading", "After"),
                                                                          ("paragraph", "Results come fast.")]


def test_slugs_are_safe_file_names() -> None:
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("¿Qué es?") == "que-es"
    assert slugify("!!!") == "section"
    long = slugify("What is the relationship between breast calcifications and cancer?")
    assert len(long) <= 60 and not long.endswith("-") and long.endswith("and")


@pytest.mark.parametrize("front_matter, body, config_title, expected", [
    ("title: Temozolomide - NCI\n", "# Temozolomide - NCI\n\n# Temozolomide\n\nText.\n", "", "Temozolomide"),
    ("title: Causes | Breast Cancer - NCI\n", "# Causes | Breast Cancer - NCI\n\n# Breast Cancer Causes\n\nText.\n", "",
     "Breast Cancer Causes"),
    ("title: Screening Basics\n", "# Screening, the Basics\n\nText.\n", "", "Screening Basics"),
    ("title: Screening - Example Clinic\n", "Text only.\n", "", "Screening"),
    ("", "# Own Title\n\nText.\n", "", "Own Title"),
    ("", "# Own Title\n\nText.\n", "From Config", "From Config"),
    ("", "Text without a title, long enough to be a sentence.\n\n## Part\n\nMore.\n", "", "Guide Page"),
])
def test_title_precedence(tmp_path: Path, front_matter: str, body: str, config_title: str, expected: str) -> None:
    path = tmp_path / "guide-page.md"
    path.write_text((f"---\n{front_matter}---\n" if front_matter else "") + body, encoding="utf-8")
    article = read_article(path, title=config_title)
    assert article.title == expected
    assert expected not in [s.heading for s in article.sections]


def test_pasted_text_title_wraps_spaces_and_citations(tmp_path: Path) -> None:
    """The first line is the title (never merged with the first heading); hard wraps are joined; NO-BREAK SPACEs
    are spaces; citation markers go, enumerators stay, and what went is recorded."""
    path = tmp_path / "skin-care-nci.txt"
    path.write_text("Skin Care During Treatment\n\nWhat is skin care and why does it matter to people with cancer,"
                    " their families and their doctors?\n\nSkin can become dry (also\ncalled xerosis) during"
                    " treatment\nwith radiation (24). Moisturizers help (26-28).[1]\n\nTwo steps: (1) wash"
                    " gently; (2) pat dry.\n\nEnlarge\n\nGo to Health Professional Version\n\nWhen\u00a0to call\n\n"
                    "Call if the skin breaks.\n", encoding="utf-8")
    article = read_article(path)
    assert article.title == "Skin Care During Treatment"
    assert [s.heading for s in article.sections] == [
        "What is skin care and why does it matter to people with cancer, their families and their doctors?",
        "When to call"]
    paragraphs = [b.text for b in article.sections[0].blocks]
    assert paragraphs == ["Skin can become dry (also called xerosis) during treatment with radiation. Moisturizers help.",
                          "Two steps: (1) wash gently; (2) pat dry."]
    assert sorted(d.text for d in article.dropped) == sorted(
        ["(24)", "(26-28)", "[1]", "Enlarge", "Go to Health Professional Version"])
    assert all(d.file == "skin-care-nci.txt" and d.pattern for d in article.dropped)


def test_project_debris_patterns_add_to_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    path.write_text("# Page\n\nSponsored content\n\nReal text.\n\nCredit: iStock\n", encoding="utf-8")
    article = read_article(path, debris=[r"^Sponsored content$"])
    assert [b.text for s in article.sections for b in s.blocks] == ["Real text."]
    assert {d.pattern for d in article.dropped} >= {r"^Sponsored content$"}
    assert len(article.dropped) == 2


def test_recurring_and_stacked_headings_are_sub_headings(tmp_path: Path) -> None:
    path = tmp_path / "effects.txt"
    path.write_text("Late Effects\n\nIntro sentence here.\n\nBone Loss\n\nBones thin.\n\nWays to Manage\n\nEat well.\n\n"
                    "Heart Problems\n\nHearts weaken.\n\nWays to Manage\n\nMove more.\n\nTreatment\n\nKey Facts\n\n"
                    "Facts follow here.\n", encoding="utf-8")
    article = read_article(path)
    assert [s.heading for s in article.sections] == ["", "Bone Loss", "Heart Problems", "Treatment"]
    subs = [[b.text for b in s.blocks if b.kind == "subheading"] for s in article.sections]
    assert subs == [[], ["Ways to Manage"], ["Ways to Manage"], ["Key Facts"]]


def test_a_caption_set_inside_a_list_is_left_out_but_a_lead_in_or_a_note_is_not(tmp_path: Path) -> None:
    item = "- A body mold keeps you from moving. It makes sure that you are in the same position for each visit."
    text = "\n\n".join([
        "Getting ready", "Before treatment, the team plans how you will lie.",
        item, "A mask fitted to your face makes sure that you are in the same position for each visit.",
        "- A mask is made for treatments of the head.",
        "Ask the team how long each visit takes.",  # a note between list parts, saying something new: kept
        "- Dots of ink mark the place.",
        "These steps help make sure that you are in the same position for each visit, so you may be asked:",
        "- to lie still",
    ])
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    article = read_article(path)
    spoken = " ".join(b.text or " ".join(b.items) for s in article.sections for b in s.blocks)
    assert "A mask fitted to your face" not in spoken
    assert "Ask the team how long each visit takes." in spoken and "so you may be asked:" in spoken
    assert [d.pattern for d in article.dropped if d.line.startswith("A mask fitted")] == ["<caption inside a list>"]


def _page_of_parts(tmp_path: Path, links: int) -> list[str]:
    """A pasted page of `links` link-list parts, a part of one teaser sentence, and a part that introduces links;
    the sentences it narrates."""
    parts = ["Overview", "Uterine cancers can be of two types. Endometrial cancer can often be cured."]
    for number in range(links):
        parts += [f"Treatment {number}", f"- Endometrial Cancer Treatment {number}\n- Uterine Sarcoma Treatment {number}"]
    parts += ["Statistics", "Find information about trends in uterine cancer on the Cancer Stat Facts page.",
              "Coping with Cancer", "The information in this section is meant to help you cope.",
              "Emotions and Cancer Adjusting to Cancer Support for Caregivers Survivorship"]
    path = tmp_path / f"hub-{links}.txt"
    path.write_text("Uterine Cancer\n\n" + "\n\n".join(parts), encoding="utf-8")
    return [b.text for s in read_article(path).sections for b in s.blocks if b.kind == "paragraph"]


def test_a_card_teaser_on_a_page_of_links_is_left_out_but_not_on_a_page_of_text(tmp_path: Path) -> None:
    hub = _page_of_parts(tmp_path, links=3)
    assert "Find information about trends in uterine cancer on the Cancer Stat Facts page." not in hub
    assert "The information in this section is meant to help you cope." in hub  # it introduces its links
    text = _page_of_parts(tmp_path, links=1)  # one part of links: a page of text with a one-sentence section
    assert "Find information about trends in uterine cancer on the Cancer Stat Facts page." in text
