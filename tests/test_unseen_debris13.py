"""Round thirteen's page debris: a leaflet's document-control lines, a widget's label repeated over each box,
the header block above the article, publisher banners, link teasers and navigation: each left out under a rule
that names it, while real headings and sentences stay."""
from __future__ import annotations

from pathlib import Path

import pytest

from narration.cli import main
from narration.ingest.debris import debris_filter
from said import parse_page

BODY = "Flu is an infection of the nose, throat and lungs. It spreads from person to person."
MORE = "Most people get better within a week. Rest and fluids help the body fight it."
THIRD = "Call your doctor if the fever lasts more than three days. Drink plenty of water."


def parse(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    """(what is said: headings as '# text', paragraphs, list items as '- text'; (dropped line, rule))."""
    return parse_page(text)[1:]


@pytest.mark.parametrize(("line", "kept"), [
    ("Ref: UR01_MOB", ""),
    ("Ref: AB12 XYZ", ""),
    ("Leaflet number: 1234/v2", ""),
    ("Created on: Jan 2024", ""),
    ("Due for review by: January 2026", ""),
    ("Next review due: May 2027", ""),
    ("Reference: Smith and Jones, 2019, found the same.", "Reference: Smith and Jones, 2019, found the same."),
    ("Ref: see the table below", "Ref: see the table below"),
    ("Created on a farm in 2024", "Created on a farm in 2024"),
    ("Due for review by your doctor in May 2026.", "Due for review by your doctor in May 2026."),
])
def test_a_leaflets_document_control_lines_are_left_out(line: str, kept: str) -> None:
    assert debris_filter("page.txt").clean(line) == kept


def test_document_control_dates_are_no_review_date() -> None:
    debris = debris_filter("page.txt")
    debris.clean("Due for review by: January 2030")
    assert debris.reviewed is None


def test_a_label_repeated_over_each_box_is_a_widget() -> None:
    text = f"Flu\n\n{BODY}\n\nHandy Hints\n\n{MORE}\n\nHandy Hints\n\n{THIRD}\n\nHandy Hints\n\n{BODY}\n"
    spoken, dropped = parse(text)
    assert not any("Handy Hints" in line for line in spoken)
    assert sum(rule == "<widget label>" for _, rule in dropped) == 3


def test_a_section_heading_repeated_under_each_condition_stays() -> None:
    text = (f"Flu\n\n{BODY}\n\nType A\n\nSymptoms\n\n{MORE}\n\nType B\n\nSymptoms\n\n{THIRD}\n\n"
            f"Type C\n\nSymptoms\n\n{BODY}\n")
    spoken, _ = parse(text)
    assert sum(line.endswith("Symptoms") for line in spoken) == 3


def test_a_label_said_twice_stays() -> None:
    spoken, _ = parse(f"Flu\n\n{BODY}\n\nHandy Hints\n\n{MORE}\n\nHandy Hints\n\n{THIRD}\n")
    assert any("Handy Hints" in line for line in spoken)


@pytest.mark.parametrize(("line", "kept"), [
    ("Expand Content", ""),
    ("Contact us with Questions", ""),
    ("Live Chat Hours: 9:00a.m.-3:00p.m., M-F EST", ""),
    ("Updated:Oct 3,2014", ""),
    ("Updated: October 3,2014", ""),
    ("Contact us if the rash spreads.", "Contact us if the rash spreads."),
    ("Chat with your nurse about the side effects.", "Chat with your nurse about the side effects."),
    ("Expand your diet slowly.", "Expand your diet slowly."),
])
def test_header_widgets_and_glued_date_stamps_are_left_out(line: str, kept: str) -> None:
    assert debris_filter("page.txt").clean(line) == kept


def test_a_date_stamp_with_its_comma_glued_gives_the_page_date() -> None:
    debris = debris_filter("page.txt")
    debris.clean("Updated:Oct 3,2014")
    assert str(debris.reviewed) == "2014-10-03"


SUMMARY = ("People who want to cut down on drinking can find practical tips here, with tools to track "
           "how much they drink and advice on where to get support.")
PHOTO = "A nurse checks a young patient's temperature at a clinic."


@pytest.mark.parametrize(("opening", "asked"), [(SUMMARY, False), (PHOTO, True)])
def test_a_long_stopped_opening_sentence_is_no_possible_caption(tmp_path: Path, opening: str, asked: bool) -> None:
    page = tmp_path / "drinking.txt"
    page.write_text(f"Rethinking Drinking\n\n{opening}\n\n{BODY} {MORE}\n\n{THIRD}\n", encoding="utf-8")
    assert main(["scripts", "-q", "--scripts", str(tmp_path / "scripts"), str(page)]) == 0
    review = (tmp_path / "scripts" / "drinking" / "REVIEW.md").read_text(encoding="utf-8")
    assert ("possible caption" in review) == asked


@pytest.mark.parametrize(("line", "kept"), [
    ("Research-based information from the National Institutes of Health", ""),
    ("U.S. DEPARTMENT OF HEALTH AND HUMAN SERVICES", ""),
    ("MINISTRY OF HEALTH", ""),
    ("Research-based information from the trial helped doctors.", "Research-based information from the trial helped doctors."),
    ("The Department of Health says most people recover.", "The Department of Health says most people recover."),
    ("WHAT TO DO", "WHAT TO DO"),
])
def test_a_covers_publisher_banner_lines_are_left_out(line: str, kept: str) -> None:
    assert debris_filter("page.txt").clean(line) == kept


def test_a_trademarked_tagline_under_the_banner_is_left_out() -> None:
    text = ("Flu and You\n\nResearch-based information from the National Flu Institute\n"
            "U.S. DEPARTMENT OF HEALTH\nFLU...Caring For Health®\n\n" + f"{BODY}\n\n{MORE}\n")
    spoken, dropped = parse(text)
    assert spoken == [BODY, MORE]
    assert ("FLU...Caring For Health®", "<publisher banner>") in dropped


def test_a_trademarked_product_heading_stays() -> None:
    spoken, _ = parse(f"Pain Relief\n\n{BODY}\n\nUsing Relievo®\n\n{MORE}\n")
    assert "# Using Relievo®" in spoken


@pytest.mark.parametrize(("line", "kept"), [
    ("Watch the related video about the flu checker >>", ""),
    ("More about flu vaccines »", ""),
    ("Managing FluPrevious  NextLinks", ""),
    ("Previous | Next", ""),
    ("Enter keywords to search this site. (Click here for Search Tips)", ""),
    ("Tell us what you think about this site", ""),
    ("Email this Page Email all Sections Print all Sections of this Topic", ""),
    ("Skip bottom navigation and go back to top", ""),
    ("FLU Home: Lung Diseases: Influenza: Key Points", ""),
    ("Next, wash your hands.", "Next, wash your hands."),
    ("Tell us what you think about the new clinic hours, your views help us.",
     "Tell us what you think about the new clinic hours, your views help us."),
    ("Nursing Home: what to ask", "Nursing Home: what to ask"),
    ("Skip meals if you feel sick and rest.", "Skip meals if you feel sick and rest."),
    ("Print this page and bring it to your visit.", "Print this page and bring it to your visit."),
    ("Your score: 10 >> 5 means better", "Your score: 10 >> 5 means better"),
])
def test_link_teasers_pagers_and_site_prompts_are_left_out(line: str, kept: str) -> None:
    assert debris_filter("page.txt").clean(line) == kept


@pytest.mark.parametrize(("line", "kept"), [
    ("[PDF]", ""),
    ("Graphic version, PDF", ""),
    ("FDA Logo linking to the home page", ""),
    ("Return to home page Go to NLM home page", ""),
    ("Check that a logo links to a trusted site.", "Check that a logo links to a trusted site."),
    ("Go to the home page of your clinic for hours.", "Go to the home page of your clinic for hours."),
])
def test_download_lines_and_home_link_alt_text_are_left_out(line: str, kept: str) -> None:
    assert debris_filter("page.txt").clean(line) == kept
