"""Round seven of unseen pages, the page's header (everything above the article's first paragraph): a site's
banner, menu, breadcrumb, search box, reading time and language picker are left out; a subtitle, an 'Also
called' line, a first heading over its paragraph and a short list under its lead-in stay."""
from __future__ import annotations

import pytest

from narration.ingest.debris import debris_filter
from narration.ingest.markdown import parse_markdown
from narration.ingest.text import parse_text
from said import said

BODY = "Gout is a kind of arthritis. It causes sudden pain and swelling in a joint."
MORE = "Most attacks end within a week or two. Medicines can make them shorter."


def said_and_dropped(text: str, markdown: bool = False) -> tuple[list[str], list[str]]:
    """(what is said: headings as '# text', paragraphs, list items as '- text'; the lines dropped whole)."""
    debris = debris_filter("page.md" if markdown else "page.txt")
    _, items = (parse_markdown if markdown else parse_text)(text, debris)
    return said(items), [d.text for d in debris.dropped]


@pytest.mark.parametrize("header", [
    ["8-minute read"],
    ["5 min read"],
    ["Reading time: 4 minutes"],
    ["beginning of content"],
    ["Jump to content"],
    ["Select language: (Arabic) العربية , 简体中文 (Simplified Chinese), Tiếng Việt (Vietnamese)"],
    ["Choose your language"],
    ["العربية", "简体中文", "Русский"],  # a language picker, one name a line, each in its own script
    ["Joint Health > Arthritis Types > Gout"],
    ["Conditions › Joints › Gout"],
    ["Health Library » Arthritis » Gout"],
    ["Close Menu", "Ohio Department of Health"],  # the banner under a control set first
    ["Northfield Ministry of Health"],
    ["Our helpline 0300 123 4567"],
    ["Search the Clinic website", "Search", "Health A-Z", "Live well", "Care and support", "Home", "More"],
    ["Main menu", "About gout", "Help + guidance", "Support us", "Donate"],
    ["- Home", "- Health A-Z", "- Mental health", "- Pregnancy"],
    ["Back to Health A to Z"],
    ["1. Conditions", "2. Joints", "3. Gout in older adults"],  # a breadcrumb, numbered
])
def test_a_header_line_is_left_out(header: list[str]) -> None:
    page = "Gout\n\n" + "\n".join(header) + f"\n\n{BODY}\n\nTreatment\n\n{MORE}\n"
    said, dropped = said_and_dropped(page)
    assert said == [BODY, "# Treatment", MORE]
    assert all(any(d in line for line in header) for d in dropped) and dropped


def test_the_site_header_above_a_content_marker_is_left_out() -> None:
    header = ("Gout Help Free advice you can trust.\nWorried? Call 1800 123 456. In an emergency, call 000 now.\n"
              "beginning of content\n\n")
    said, dropped = said_and_dropped(f"Gout\n{header}{BODY}\n\nTreatment\n\n{MORE}\n")
    assert said == [BODY, "# Treatment", MORE] and len(dropped) == 3
    said, dropped = said_and_dropped(f"# Gout\n\nGout Help Free advice you can trust.\n\n"
                                     f"[beginning of content](#content)\n\n{BODY}\n\n## Treatment\n\n{MORE}\n", True)
    assert said == ["# Gout", BODY, "# Treatment", MORE] and len(dropped) == 2


def test_the_sites_name_over_its_breadcrumb_is_left_out() -> None:
    said, dropped = said_and_dropped(f"Gout\nArthritis\nArthritis Home > Arthritis Basics > Types\n\n"
                                     f"What is gout?\n\n{BODY}\n\nTreatment\n\n{MORE}\n")
    assert said == ["# What is gout?", BODY, "# Treatment", MORE] and dropped[0] == "Arthritis"


def test_a_review_date_glued_after_a_sentence_is_left_out() -> None:
    said, _ = said_and_dropped(f"# Gout\n\n{BODY}\n\n## Treatment\n\n{MORE}\n Page last reviewed: 01 April 2021\n", True)
    assert said[-1] == MORE


@pytest.mark.parametrize(("header", "kept"), [
    (["A guide for people with joint pain"], ["A guide for people with joint pain"]),  # a subtitle
    (["Also called: podagra"], ["Also called: podagra"]),
    (["Symptoms include:", "- Pain", "- Swelling", "- Redness", "- Warm skin"],  # a short list under its lead-in
     ["Symptoms include:", "- Pain", "- Swelling", "- Redness", "- Warm skin"]),
    (["Pain", "Swelling", "Redness", "Warm skin"], ["Pain", "Swelling", "Redness", "Warm skin"]),  # no menu's own
    (["Gout is common."], ["Gout is common."]),  # a first paragraph of one short sentence
    (["Leaving the Hospital"], ["# Leaving the Hospital"]),  # a first heading, no banner
    (["1. Rest the joint", "2. Raise the joint", "3. Use an ice pack"],  # numbered steps, not a trail
     ["- Rest the joint", "- Raise the joint", "- Use an ice pack"]),
    (["Call 0300 123 4567 if the pain gets worse."], ["Call 0300 123 4567 if the pain gets worse."]),
    (["Clinic phone: 650-555-0100"], ["Clinic phone: 650-555-0100"]),  # a label's value
    (["Age > 50 > risk"], ["Age > 50 > risk"]),  # lower case: no trail of names
])
def test_the_articles_own_top_lines_stay(header: list[str], kept: list[str]) -> None:
    page = "Gout\n\n" + "\n".join(header) + f"\n\n{BODY}\n\nTreatment\n\n{MORE}\n"
    said, _ = said_and_dropped(page)
    assert [line.removeprefix("# ") for line in said[:len(kept)]] == [k.removeprefix("# ") for k in kept] and BODY in said


def test_a_line_with_a_word_in_another_script_stays() -> None:
    line = "The Chinese name for the herb, 百合, means lily. Ask before you take it."
    said, _ = said_and_dropped(f"Gout\n\n{BODY}\n\n{line}\n")
    assert line in said
