"""Round five (pages H) of pasted text's structure and debris: a heading under a quote's attribution, a question
under an "Also called" line, a byline under the title, a jump menu repeating the page's headings, site banners and
link remnants. Each rule with the look-alikes it must leave alone."""
from __future__ import annotations

from pathlib import Path

import pytest

from narration.ingest.debris import debris_filter
from test_unseen_structure import article, outline

QUOTE = "I could not follow what the nurse said. Asking again helped.\n\n—Sam, living with asthma\n\n"
PROSE = "Most people have questions about their illness. Ask them early.\n"
ROW = "Living With Illness Coping With Stress Support for Families Survivorship Care Advanced Illness Costs of Care"


def read(text: str, tmp_path: Path) -> list[str]:
    return outline(article(text, tmp_path))


@pytest.mark.parametrize(("body", "kept", "gone"), [
    # a title-case heading with prose under it, even where it cannot be read as a heading, is not a row of links
    (QUOTE + "Your Nurse Is Your Partner in Health Care\n\n" + PROSE, "Your Nurse Is Your Partner in Health Care", ""),
    ("An opening line of the article.\n\nWhy Regular Checkups Are Worth Your Time\n\n" + PROSE,
     "Why Regular Checkups Are Worth Your Time", ""),
    # several link titles run together, longer than a heading, are a row of links though prose follows
    ("An opening line of the article.\n\n" + ROW + "\n\n" + PROSE, "Most people have questions", ROW),
])
def test_a_title_case_heading_over_prose_is_not_a_row_of_links(body: str, kept: str, gone: str, tmp_path: Path) -> None:
    found = "\n".join(read("Talking With Your Care Team\n" + body, tmp_path))
    assert kept in found
    assert not gone or gone not in found


def test_a_heading_under_a_quote_attribution_heads_its_section(tmp_path: Path) -> None:
    found = read("Talking With Your Care Team\n" + QUOTE + "Your Nurse Is Your Partner in Health Care\n\n" + PROSE,
                 tmp_path)
    assert any(line.lstrip("#").strip() == "Your Nurse Is Your Partner in Health Care" for line in found
               if line.startswith("#"))


@pytest.mark.parametrize(("body", "heading"), [
    # a question under an "Also called: ..." line heads the text under it
    ("Also called: Sugar diabetes, High blood sugar\n\nWhat is diabetes?\n\n" + PROSE, "What is diabetes?"),
    ("Also called: Hay fever\n\nHow is it treated?\n\n" + PROSE, "How is it treated?"),
])
def test_a_question_after_a_label_line_is_a_heading(body: str, heading: str, tmp_path: Path) -> None:
    found = read("Diabetes\n" + body, tmp_path)
    assert any(line.lstrip("#").strip() == heading for line in found if line.startswith("#"))


def test_a_value_under_its_label_is_still_no_heading(tmp_path: Path) -> None:
    found = read("Metformin\n\nAn opening line about the medicine.\n\nGeneric Name\n\nMetformin Hydrochloride\n\n"
                 "Dosage Form\n\nTablet\n\n" + PROSE, tmp_path)
    assert not any(line.lstrip("#").strip() in ("Metformin Hydrochloride", "Tablet") for line in found
                   if line.startswith("#"))


@pytest.mark.parametrize(("line", "dropped"), [
    # who the article comes from, under its title: an organization (its acronym or its noun)
    ("From the CDC Office of Travel Health", True),
    ("From the National Institute on Aging", True),
    ("By the Example Heart Association", True),
    # a heading with prose under it: no organization named
    ("From the Start", False),
    ("By Phone", False),
    ("From Diagnosis to Recovery", False),
])
def test_a_from_the_organization_byline_is_no_heading(line: str, dropped: bool, tmp_path: Path) -> None:
    doc = article(f"Caring for Your Eyes\n{line}\n\n{PROSE}\nWhat to do next\n\nKeep the lenses clean.\n", tmp_path)
    assert (line not in "\n".join(outline(doc))) is dropped
    assert doc.sections[0].heading != line or not dropped


MENU = "- Daily Care\n- Cleaning Solutions\n- Buying Lenses\n- Colored Lenses\n"
SECTIONS = ("Daily care\n\nWash your hands first.\n\nCleaning Solutions\n\nUse fresh solution each time.\n\n"
            "Buying Lenses\n\nBuy them with a prescription.\n")


@pytest.mark.parametrize(("body", "menu_kept"), [
    # a jump menu under the opening paragraph: its entries come back, in order, as the page's headings
    # (the last one cut off with the end of the paste)
    (f"{PROSE}\n{MENU}\n{SECTIONS}", False),
    # a list its paragraph leads into is the article's, though its items come back as headings
    ("There are four things to know:\n\n" + MENU + "\n" + SECTIONS, True),
    # a list of which only two items come back as headings is the article's
    (f"{PROSE}\n- Daily Care\n- Cleaning Solutions\n- Eye drops\n- Sunglasses\n\n{SECTIONS}", True),
    # items that come back out of order are no menu of the page
    (f"{PROSE}\n- Buying Lenses\n- Daily Care\n- Cleaning Solutions\n\n{SECTIONS}", True),
])
def test_a_jump_menu_repeating_the_headings_is_left_out(body: str, menu_kept: bool, tmp_path: Path) -> None:
    found = read("Contact Lenses\n" + body, tmp_path)
    assert any(line.startswith("list:") for line in found) is menu_kept


def test_a_key_points_list_under_its_heading_is_kept(tmp_path: Path) -> None:
    """PDQ's "Key Points" list says again, in order, the sub-headings to come: the article's summary, kept."""
    found = read("Leukemia Treatment\n\nLeukemia is a cancer of the blood.\n\nKey Points\n\n- Chemotherapy\n"
                 "- Radiation therapy\n- Targeted therapy\n\nChemotherapy\n\nDrugs stop cancer cells.\n\n"
                 "Radiation therapy\n\nBeams kill cancer cells.\n\nTargeted therapy\n\nDrugs find cancer cells.\n",
                 tmp_path)
    assert "list: Chemotherapy | Radiation therapy | Targeted therapy" in found


@pytest.mark.parametrize(("line", "left"), [
    # a link's instruction in brackets goes, the sentence before it keeps its full stop
    ("Write down your questions. (Select for a list of suggested questions.)", "Write down your questions."),
    ("See the chart (click to view it) below.", "See the chart below."),
    ("Bring your medicines. (Tap to enlarge.)", "Bring your medicines."),
    # brackets that tell the reader what to pick are the article's
    ("Pick fruit (select ripe ones for eating).", "Pick fruit (select ripe ones for eating)."),
    ("Choose a plan (click the box beside your choice).", "Choose a plan (click the box beside your choice)."),
    # notices of the page's scripts and skip links with the banner after them
    ("Your browser doesn't support JavaScript. Please enable JavaScript in your browser.", ""),
    ("JavaScript is disabled. Turn it on to use this site.", ""),
    ("Skip Navigation U.S. Department of Health and Human Services", ""),
    ("Skip to main content", ""),
    ("Some health apps are written in JavaScript.", "Some health apps are written in JavaScript."),
    ("Skip meals and you may feel dizzy.", "Skip meals and you may feel dizzy."),
    ("Skip navigation of the app if you feel lost!", "Skip navigation of the app if you feel lost!"),
])
def test_link_remnants_and_script_notices_are_debris(line: str, left: str) -> None:
    assert debris_filter("page.txt").clean(line) == left


@pytest.mark.parametrize(("line", "dropped"), [
    # an organization's name alone under the title is the site's banner
    ("Agency for Healthcare Research and Quality", True),
    ("National Institute on Aging", True),
    ("American Heart Association", True),
    # a heading under the title is the article's
    ("Your Local Health Department", False),
    ("About the Clinic", False),
    ("Treatment Centers", False),
    ("Heart Failure Society Guidelines", False),
])
def test_an_agency_name_above_the_article_is_its_banner(line: str, dropped: bool, tmp_path: Path) -> None:
    doc = article(f"Talking With Your Doctor\n{line}\n\n{PROSE}\nBefore the visit\n\nWrite your questions down.\n",
                  tmp_path)
    assert (line not in "\n".join(outline(doc))) is dropped


@pytest.mark.parametrize(("between", "dropped"), [
    # the browser's title, a side-menu line, the page's own heading repeating the title: the line is the menu's
    ("Physical Activity Questionnaire", True),
    ("Patient Leaflets", True),
    # a sentence between them is no menu line
    ("Please read this leaflet before you go home.", False),
])
def test_a_line_between_the_title_and_its_repeat_is_the_site_menu(between: str, dropped: bool,
                                                                  tmp_path: Path) -> None:
    found = read(f"Wound Care Leaflet\n{between}\nWound Care Leaflet\n\nDressing Changes\n\n{PROSE}", tmp_path)
    assert (between not in "\n".join(found)) is dropped
