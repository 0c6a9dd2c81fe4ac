"""Page debris and clutter in pasted text and Markdown, as pages nobody tuned the reader to carry it: each line
a listener must not hear is left out and listed under a rule that names it, and the article's own words stay."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from narration.ingest import read_article
from narration.ingest.debris import debris_filter
from narration.ingest.text import parse_text
from said import said
from narration.review import debris_findings

BODY = "Flu is an infection of the nose, throat and lungs. It spreads from person to person."
MORE = "Most people get better within a week. Rest and fluids help the body fight it."


def parse(text: str) -> tuple[str, list[str], list[tuple[str, str]]]:
    """(title, what is said: headings as '# text', paragraphs, list items as '- text', (dropped line, rule))."""
    debris = debris_filter("page.txt")
    title, items = parse_text(text, debris)
    return title, said(items), [(d.text, d.pattern) for d in debris.dropped]


@pytest.mark.parametrize(("paragraph", "caption"), [
    ("Lumbar puncture. A patient lies curled on a table while a thin needle is placed.", True),
    ("Blood tests. A sample is taken from a vein in the arm and sent to a lab.", True),
    ("Low sugar means trouble. It starts when the level falls below what is safe for you:", False),  # a lead-in
    ("Red cells carry oxygen. They live for about four months in the blood.", False),  # a verb after its subject
    ("Watch for signs of hearing loss. Tell your nurse about ringing in the ears.", False),  # speaks to the reader
    ("Knee pain. Is it arthritis or an old injury?", False),  # asks
])
def test_a_figure_caption_is_a_label_and_a_description_never_a_sentence(paragraph: str, caption: bool) -> None:
    _, said, dropped = parse(f"Flu\n\n{BODY}\n\n{paragraph}\n\n- rest\n- fluids\n\n{MORE}\n")
    assert (paragraph not in said) == caption
    assert ((paragraph, "<figure caption>") in dropped) == caption


def test_a_numbered_question_is_never_a_caption() -> None:
    question = "1. What does the helpline do?"
    _, said, dropped = parse(f"Helpline\n\n{BODY}\n\n{question}\n\n{MORE}\n")
    assert not any(question in line for line, _ in dropped)
    assert any("What does the helpline do?" in line for line in said)


@pytest.mark.parametrize("contents", [
    "On this page:\n- What is flu?\n- Treatment\n- Prevention",
    "Table of Contents\n- What is flu?\n- Treatment\n- Prevention",
    "What is flu?\nTreatment\nPrevention",  # no lead: the lines come back as the page's headings
])
def test_a_table_of_contents_is_left_out_and_does_not_demote_the_headings_it_lists(contents: str) -> None:
    page = f"Flu\n\n{contents}\n\nWhat is flu?\n\n{BODY}\n\nTreatment\n\n{MORE}\n\nPrevention\n\nGet a flu shot every year.\n"
    _, said, dropped = parse(page)
    assert said == ["# What is flu?", BODY, "# Treatment", MORE, "# Prevention", "Get a flu shot every year."]
    assert {rule for _, rule in dropped} == {"<table of contents>"} and len(dropped) == len(contents.splitlines())



def test_a_list_a_sentence_leads_into_is_the_article_even_when_its_items_are_headings_later() -> None:
    page = f"Germs\n\n{BODY}\n\nGerms come in three kinds:\n\n- viruses\n- bacteria\n- fungi\n\nViruses\n\n{MORE}\n\n" \
           f"Bacteria\n\n{MORE}\n\nFungi\n\n{MORE}\n"
    _, said, dropped = parse(page)
    assert said[2:5] == ["- viruses", "- bacteria", "- fungi"] and dropped == []


def test_site_menus_breadcrumbs_footers_and_a_repeated_title_are_left_out() -> None:
    page = ("Fever in children\n\nSearch the site\nHealth A-Z\nLive Well\nCare and support\nHome Health A to Z\n"
            f"Fever in children\n\n{BODY}\n\nSigns\n\n- Fever\n- Cough\n- Sore throat\n\n{MORE}\n\n"
            "NIH: National Institute of Flu and Colds Research\n\nSupport links\nHome\nHealth A to Z\nContact Us\nAbout Us\n")
    title, said, dropped = parse(page)
    assert title == "Fever in children"
    assert said == [BODY, "# Signs", "- Fever", "- Cough", "- Sore throat", MORE]
    rules = dict(dropped)
    assert rules["Live Well"] == "<site menu>" and rules["Contact Us"] == "<page footer>"
    assert rules["Fever in children"] == "<title repeated>"
    assert rules["NIH: National Institute of Flu and Colds Research"] == "<page footer>"  # it stands among the links


def test_short_lines_at_the_top_without_link_titles_are_kept() -> None:
    """Three one-word lines are not a menu by their length alone: a list of symptoms looks the same."""
    _, said, dropped = parse(f"Flu\n\nFever\nCough\nAches\n\n{BODY}\n")
    assert said[:3] == ["Fever", "Cough", "Aches"] and dropped == []


@pytest.mark.parametrize(("line", "rule"), [
    ("We'd like to use analytics cookies to see how our site is used.", "cookie banner"),
    ("I'm okay with analytics cookies", "cookie banner"),
    ("Do not use analytics cookies", "cookie banner"),
    ("Accept all cookies", "cookie banner"),
    ("Page last reviewed: 3 March 2021", "review date"),
    ("Next review due: 3 March 2024", "review date"),
    ("Last Revised - 11/15/2015", "review date"),
    ("Date Last Reviewed", "review date"),
    ("LAST UPDATED: December 2, 2024", "review date"),
    ("Video: Washing your hands", "video"),
    ("Watch this video to learn how to wash your hands.", "video"),
    ("Print Dosing Chart or Download as PDF", "page tool"),
    ("URL of this page: https://example.org/flu.html", "page address"),
    ("Learn how to cite this page", "page tool"),
    ("Page Options", "page tool"),
    ("Print This Page", "page tool"),
    ("E-Mail This Document", "page tool"),
    ("View Entire Document", "page tool"),
    ("Find NIH on: Facebook, Twitter, YouTube", "social media links"),
    ("YouTube", "social media links"),
    ("En español", "language link"),
    ("In English | En español", "language link"),
    ("Datos en español", "language link"),
    ("Home > Conditions > Flu", "breadcrumb"),
    ("© 2024 Example Health. All Rights Reserved.", "copyright"),
    ("Copyright 2020, Example Society of Pharmacists.", "copyright"),
])
def test_site_clutter_lines_are_dropped_under_their_own_rule(line: str, rule: str) -> None:
    debris = debris_filter("page.txt")
    assert debris.clean(line) == ""
    assert [(d.text, d.pattern) for d in debris.dropped] == [(line, f"<{rule}>")]


@pytest.mark.parametrize("line", [
    "Cookies and cakes are high in sugar.",
    "Updated guidelines say children need more sleep.",
    "Last updated advice from the clinic says to rest.",
    "Print your chart and keep it on the fridge.",
    "Watch for a rash that does not fade.",
    "Home care helps most people recover.",
    "Reviewed by the care team, the plan changes each year.",
    "Share your worries with someone you trust.",
])
def test_sentences_that_share_words_with_clutter_are_kept(line: str) -> None:
    debris = debris_filter("page.txt")
    assert debris.clean(line) == line and debris.dropped == []


def test_debris_patterns_reach_list_items() -> None:
    _, said, dropped = parse(f"Flu\n\n{BODY}\n\n- Print This Page\n- Take it with food\n- Email This Document\n")
    assert said == [BODY, "- Take it with food"]
    assert [rule for _, rule in dropped] == ["<page tool>", "<page tool>"]


@pytest.mark.parametrize(("written", "kept"), [
    ("It affects 17 percent of the population.1 However, most have no signs.",
     "It affects 17 percent of the population. However, most have no signs."),
    ("Tumors make excess GH.2 Scientists study why.", "Tumors make excess GH. Scientists study why."),
    ("It may come back at any time.3", "It may come back at any time."),
    ("Smoking raises the risk2. Quitting lowers it.", "Smoking raises the risk. Quitting lowers it."),
    ("Install version 2.0 of the app.", "Install version 2.0 of the app."),
    ("See Section 1.3 Treatment for details.", "See Section 1.3 Treatment for details."),
    ("Made in the U.S. 1 in 5 adults use it.", "Made in the U.S. 1 in 5 adults use it."),
    ("Take 0.5 Mg at night.", "Take 0.5 Mg at night."),
    ("Plants take in CO2. They give off oxygen.", "Plants take in CO2. They give off oxygen."),
    ("Vaccines protect against COVID-19. Get one.", "Vaccines protect against COVID-19. Get one."),
    ("It is the No.1 cause. Act early.", "It is the No.1 cause. Act early."),
])
def test_footnote_numbers_glued_to_a_sentence_end_are_dropped(written: str, kept: str) -> None:
    debris = debris_filter("page.txt")
    assert debris.clean(written) == kept
    assert all(d.pattern == "<footnote number>" for d in debris.dropped)


def test_an_image_description_line_is_left_out() -> None:
    _, said, dropped = parse(f"Cooking Safely\n\nthermometer in a roast chicken\n\n{BODY}\n")
    assert said == [BODY] and dropped == [("thermometer in a roast chicken", "<image description>")]


@pytest.mark.parametrize(("front", "line", "expected"), [
    ("", "Page last reviewed: 21 December 2020", date(2020, 12, 21)),
    ("", "Last Revised - 11/15/2015", date(2015, 11, 15)),
    ("", "LAST UPDATED: December 2, 2024", date(2024, 12, 2)),
    ("---\nlastReviewed: 2023-01-05\n---\n", "Page last reviewed: 21 December 2020", date(2023, 1, 5)),  # its own
])
def test_a_review_date_line_becomes_the_articles_date(tmp_path: Path, front: str, line: str, expected: date) -> None:
    path = tmp_path / "flu.txt"
    path.write_text(f"{front}Flu\n\n{BODY}\n\n{MORE}\n\n{line}\n\nNext review due: 21 December 2026\n", encoding="utf-8")
    article = read_article(path)
    assert article.meta.last_reviewed == expected
    assert not any("review" in b.text.lower() for s in article.sections for b in s.blocks)


def test_the_review_finds_dropped_lines_at_their_own_line() -> None:
    """In page order, in Markdown behind its link targets, and a line itself before a longer line holding it."""
    page = f"Flu\n\nSearch the site\nSearch\nHealth A-Z\nLive Well\n\nOn this page\n- Treatment\n- Signs\n\n{BODY}\n\n" \
           f"Treatment\n\n{MORE}\n\nSigns\n\nA cough may last two weeks. It is normal.\n\nPrint This Page\n"
    debris = debris_filter("page.txt")
    parse_text(page, debris)
    lines = page.splitlines()
    found = {f.detail.split('"')[1]: f.line for f in debris_findings("page.txt", lines, debris.dropped)}
    assert found == {"Search the site": 3, "Search": 4, "Health A-Z": 5, "Live Well": 6, "On this page": 8,
                     "Treatment": 9, "Signs": 10, "Print This Page": 22}
    markdown = ["# Flu", "", "[Consumer](https://x.org/a) | [Datos en español](https://x.org/b) | [Other](https://x.org/c)"]
    dropped = debris_filter("page.md")
    dropped.drop("Consumer | Datos en español | Other", "row of links")
    assert [f.line for f in debris_findings("page.md", markdown, dropped.dropped)] == [3]


def test_markdown_goes_through_the_same_patterns(tmp_path: Path) -> None:
    path = tmp_path / "flu.md"
    path.write_text(f"# Flu\n\n{BODY}\n\n- Print This Page\n- Rest at home\n\nLAST UPDATED: May 3, 2022\n\n"
                    "[Find NIH on: Facebook, Twitter](https://x.org/social)\n", encoding="utf-8")
    article = read_article(path)
    said = [b.text or " ".join(b.items) for s in article.sections for b in s.blocks]
    assert said == [BODY, "Rest at home"] and article.meta.last_reviewed == date(2022, 5, 3)
    source = path.read_text(encoding="utf-8").splitlines()
    assert [f.line for f in debris_findings(str(path), source, article.dropped)] == [5, 8, 10]
