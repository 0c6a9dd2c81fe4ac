"""Round twelve's page debris, second part: a jump list over a page cut short, document links left as empty
headings, a list item that lost its sub-list, feed metadata, the title repeated: each left out under a rule
that names it, while real headings, items and sentences stay."""
from __future__ import annotations

from pathlib import Path

import pytest

from narration.ingest import read_article
from narration.ingest.debris import debris_filter
from narration.ingest.outline import Heading
from narration.ingest.outline_rules import without_document_links, without_lost_sublists
from narration.models import Block
from said import parse_page

BODY = "Flu is an infection of the nose, throat and lungs. It spreads from person to person."
MORE = "Most people get better within a week. Rest and fluids help the body fight it."


def parse(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    """(what is said: headings as '# text', paragraphs, list items as '- text'; (dropped line, rule))."""
    return parse_page(text)[1:]


JUMP = "- What is flu?\n- How does flu spread?\n- Who should get the vaccine?\n- Where can I get help?\n"


@pytest.mark.parametrize("page", [
    f"Flu questions\n\nFlu questions\n\n{JUMP}\nWhat is flu?\n{BODY}\n",  # under the page's heading
    f"Flu questions\n\nThe Flu Site for Everyone Healthy Living\n\n{JUMP}\nWhat is flu?\n{BODY}\n",  # banner
])
def test_a_jump_list_over_a_page_cut_short_is_a_table_of_contents(page: str) -> None:
    spoken, dropped = parse(page)
    assert not any(line.startswith("- ") for line in spoken)
    assert "# What is flu?" in spoken and BODY in spoken
    assert ("Who should get the vaccine?", "<table of contents>") in dropped


@pytest.mark.parametrize("page", [
    # led in by its paragraph: the article's own list, even when its first entry is explained next
    f"Flu\n\n{BODY} Ask yourself:\n\n{JUMP}\nWhat is flu?\n{MORE}\n",
    # the next line is not its first entry
    f"Flu\n\n{BODY}\n\n{JUMP}\nTreatment\n{MORE}\n",
    # a later entry comes back without the first: no jump list
    f"Flu\n\n{BODY}\n\n{JUMP}\nWhat is flu?\n{MORE}\n\nWhere can I get help?\n{MORE}\n\nOther\n{BODY}\n",
])
def test_a_list_that_is_the_articles_own_stays(page: str) -> None:
    spoken, _ = parse(page)
    assert "- How does flu spread?" in spoken


@pytest.mark.parametrize(("heading", "gone"), [
    ("2017 Rabies Exposure Assessment Tree", True),
    ("2019 Bite Report Form (PDF)", True),
    ("Flu Vaccine Fact Sheet 2024", True),
    ("2021 Annual Report", True),
    ("Flu Vaccine Fact Sheet", False),  # no year: a section's name
    ("Flu in 2019", False),  # a year, no document
    ("How to fill in the 2019 form.", False),  # a sentence
])
def test_a_document_name_over_an_empty_section_is_a_link(heading: str, gone: bool) -> None:
    items = [Heading("Flu", 2), Block("paragraph", text=BODY), Heading(heading, 2), Heading("Treatment", 3),
             Block("paragraph", text=MORE)]
    debris = debris_filter("page.txt")
    kept = without_document_links(items, debris)
    assert (Heading(heading, 2) not in kept) is gone
    assert [d.text for d in debris.dropped] == ([heading] if gone else [])


def test_a_document_name_over_text_stays() -> None:
    items = [Heading("2021 Annual Report", 2), Block("paragraph", text=BODY)]
    assert without_document_links(items, debris_filter("page.txt")) == items


def test_a_document_link_is_left_out_of_a_pasted_page(tmp_path: Path) -> None:
    page = tmp_path / "rabies.txt"
    page.write_text(f"Rabies\n\nBites\n\n{BODY}\n\n2017 Rabies Exposure Assessment Tree\n\nReporting\n\n{MORE}\n")
    spoken = [s.heading for s in read_article(page).sections]
    assert "2017 Rabies Exposure Assessment Tree" not in spoken and "Reporting" in " ".join(spoken)


STEPS = ("Call the clinic.", "Fill in the form.")


@pytest.mark.parametrize(("after", "last_kept"), [
    ([Heading("Treatment", 2), Block("paragraph", text=MORE)], False),  # its sub-list lost: the next is a heading
    ([], False),  # the page ends there
    ([Block("paragraph", text="Dr Ann Lee, City Clinic.")], True),  # what it leads in follows
    ([Block("list", items=("City Clinic", "Town Clinic"))], True),
])
def test_a_last_item_ending_in_a_colon_with_nothing_under_it_lost_its_list(after: list, last_kept: bool) -> None:
    items = [Heading("Flu", 2), Block("list", items=(*STEPS, "Contacts:"), ordered=True), *after]
    debris = debris_filter("page.txt")
    kept = without_lost_sublists(items, debris)
    assert kept[1].items == ((*STEPS, "Contacts:") if last_kept else STEPS)
    assert [d.text for d in debris.dropped] == ([] if last_kept else ["Contacts:"])


def test_a_numbered_item_read_as_a_heading_after_its_list_goes_too() -> None:
    items = [Block("list", items=STEPS, ordered=True), Heading("3. Contacts:", 99), Heading("Treatment", 2)]
    assert without_lost_sublists(items, debris_filter("page.md")) == [items[0], items[2]]


def test_a_heading_ending_in_a_colon_over_text_stays() -> None:
    items = [Block("list", items=STEPS), Heading("2. What to bring:", 99), Block("paragraph", text=MORE)]
    assert without_lost_sublists(items, debris_filter("page.md")) == items


@pytest.mark.parametrize(("line", "gone"), [
    ("Flu Archives - example.org https://example.org/tag/flu/ Tue, 3 Oct 2023 10:00:00 +0000 en-US hourly 1", True),
    ("Flu news Mon, 2 Jan 2023 08:15:00 0000 en-GB hourly 1 https://example.org/?v=6", True),
    ("The post How to treat a cold appeared first on Example Health.", True),
    ("The post %% POSTLINK %% appeared first on %% BLOGLINK %%.", True),
    ("Hello %%FIRSTNAME%%, your results are ready", True),
    # a date in a sentence, with no feed around it; a post office
    ("The clinic opened on Mon, 2 Jan 2023 at 08:15 with a new flu service.", False),
    ("The post office sells flu leaflets, which first appeared on shelves in May.", False),
])
def test_feed_metadata_lines_are_left_out(line: str, gone: bool) -> None:
    spoken, dropped = parse(f"Flu\n\n{BODY}\n\n{line}\n\n{MORE}\n")
    assert (line in spoken) is not gone
    assert any(rule == "<feed metadata>" for _, rule in dropped) is gone


@pytest.mark.parametrize(("line", "gone"), [
    ("Flu: a guide for parents - Flu Site", True),
    ("Flu: a guide for parents | Example Health", True),
    ("Flu a guide for parents - Immunise", True),
    ("Flu: a guide for parents - and what to do next", False),  # more words, not a site
    ("Colds: a guide for parents - Flu Site", False),  # another title
])
def test_the_title_with_the_sites_name_above_the_text_is_a_repeat(line: str, gone: bool) -> None:
    spoken, dropped = parse(f"Flu: a guide for parents\n\n{line}\n\n{BODY}\n\nTreatment\n\n{MORE}\n")
    assert (line in " ".join(spoken)) is not gone
    assert ((line, "<title repeated>") in dropped) is gone
