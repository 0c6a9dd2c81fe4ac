"""Round twelve's page debris: link cues and their labels, image alt lines, document links, page tools, feed
metadata: each left out under a rule that names it, while real headings and sentences stay."""
from __future__ import annotations

import pytest

from narration.ingest.debris import debris_filter
from said import parse_page

BODY = "Flu is an infection of the nose, throat and lungs. It spreads from person to person."
MORE = "Most people get better within a week. Rest and fluids help the body fight it."


def parse(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    """(what is said: headings as '# text', paragraphs, list items as '- text'; (dropped line, rule))."""
    return parse_page(text)[1:]


@pytest.mark.parametrize(("block", "gone"), [
    ("Find out more\n\nFlu Charity - Rest at home", ["Find out more", "Flu Charity - Rest at home"]),
    ("Learn more\n\nCity Flu Clinic", ["Learn more", "City Flu Clinic"]),
    ("Read more\n\nFlu Charity - Rest at home\n\nCity Flu Clinic", ["Read more", "Flu Charity - Rest at home",
                                                                     "City Flu Clinic"]),
])
def test_a_link_cue_and_its_labels_are_a_link_block(block: str, gone: list[str]) -> None:
    spoken, dropped = parse(f"Flu\n\n{BODY}\n\n{block}\n\nTreatment\n\n{MORE}\n")
    assert spoken == [BODY, "# Treatment", MORE]
    assert all(any(line == text for text, _ in dropped) for line in gone)


def test_a_find_out_more_section_with_prose_under_it_stays() -> None:
    spoken, _ = parse(f"Flu\n\n{BODY}\n\nFind out more\n\n{MORE}\n")
    assert "# Find out more" in spoken or "Find out more" in " ".join(spoken)


def test_a_heading_under_a_read_more_button_stays() -> None:
    spoken, _ = parse(f"Flu\n\n{BODY}\n\nRead more\n\nTreatment\n\n{MORE}\n")
    assert spoken == [BODY, "# Treatment", MORE]


@pytest.mark.parametrize(("line", "kept"), [
    ("Fill in the form. View the 2021 Dog Bite Form (PDF).", "Fill in the form."),
    ("Download the Flu Chart (PDF)", ""),
    ("E-mail to a friend", ""),
    ("Email this page to a friend", ""),
    ("Send to a friend", ""),
    ("View the results of the study in the table below.", "View the results of the study in the table below."),
    ("Email your doctor if a fever lasts.", "Email your doctor if a fever lasts."),
])
def test_document_links_and_send_to_a_friend_tools_are_left_out(line: str, kept: str) -> None:
    debris = debris_filter("page.txt")
    assert debris.clean(line) == kept


@pytest.mark.parametrize("alt", [
    "Flu Facts infographic banner",
    "Helpline icon",
    "Nurse in a blue circle",
    "Kettle of water being boiled",
    "Wash your hands often",  # the picture's name over the sentence that says it
])
def test_an_image_alt_line_is_left_out_and_the_heading_above_it_stays(alt: str) -> None:
    follow = "Wash your hands often." if alt.startswith("Wash") else MORE
    spoken, dropped = parse(f"Flu\n\n{BODY}\n\nPrevention\n\n{alt}\n\n{follow}\n")
    assert spoken == [BODY, "# Prevention", follow]
    assert (alt, "<image alt text>") in dropped


def test_icon_labels_over_their_names_are_left_out() -> None:
    spoken, dropped = parse(f"Flu\n\n{BODY}\n\nGerms to know:\n\nInfluenza germ\n\nInfluenza\n\nRhinovirus germ\n\n"
                            f"Rhinovirus\n\n{MORE}\n")
    assert not any("germ" in line for line in spoken)
    assert ("Rhinovirus germ", "<image alt text>") in dropped


@pytest.mark.parametrize("heading", [
    "How to read the warning icon",  # a heading about a picture
    "Being prepared",
    "Worried about being tested",
    "Treatment",
    "Living with flu",
])
def test_real_headings_are_no_alt_text(heading: str) -> None:
    spoken, _ = parse(f"Flu\n\n{BODY}\n\n{heading}\n\n{MORE}\n\nPrevention\n\nGet a flu shot every year.\n")
    assert f"# {heading}" in spoken
