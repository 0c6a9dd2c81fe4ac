"""Round eleven (R and S), debris group b: a logo's alt text with its link's target and the publisher's name over
the title, a helpline banner with a share list's last name glued on, a PDF's closing address block, a link box, a
closing lead-in whose link was lost. Look-alikes (real headings, real sentences) stay."""
from __future__ import annotations

from pathlib import Path

import pytest

from narration.ingest import read_article

BODY = "Medicines can help you get better. Read the label before you take any medicine."


def _read(tmp_path: Path, text: str, name: str = "page.txt") -> tuple[str, list[str], list[str]]:
    """(the spoken text of every heading, paragraph and item; the dropped lines) of a pasted page."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    article = read_article(path)
    kept = [s.heading for s in article.sections if s.heading]
    for section in article.sections:
        for block in section.blocks:
            kept += list(getattr(block, "items", ()) or ()) or [getattr(block, "text", "") or ""]
    return "\n".join(kept), kept, [d.text for d in article.dropped]


@pytest.mark.parametrize("line", ["FDA Logo--links to FDA home page", "HHS Log--links to the HHS website",
                                  "NIH Logo, links to NIH home page", "CDC Logo"])
def test_logo_alt_text_is_dropped(tmp_path: Path, line: str) -> None:
    text, _, dropped = _read(tmp_path, f"Use Medicine Safely\n\n{line}\n\nUse Medicine Safely\n\n{BODY}\n")
    assert line not in text and line in dropped


def test_publisher_name_between_logos_is_the_masthead(tmp_path: Path) -> None:
    page = ("Use Medicine Safely\n\nFDA Logo--links to FDA home page\nU.S. Food and Drug Administration\n"
            f"HHS Log--links to HHS website\n\nUse Medicine Safely\n\n{BODY}\n")
    text, _, dropped = _read(tmp_path, page)
    assert "Administration" not in text and "U.S. Food and Drug Administration" in dropped
    assert BODY.split(".")[0] in text


@pytest.mark.parametrize("line", ["Keep a food log, links to your meals help.", "Your Daily Food Log",
                                  "The Logo Design Study"])
def test_log_and_logo_lookalikes_stay(tmp_path: Path, line: str) -> None:
    text, _, _ = _read(tmp_path, f"Diet Tips\n\n{BODY}\n\n{line}\n\n{BODY} Eat well.\n")
    assert line.rstrip(".") in text


SHARE = "- Print\n- Email\n- Facebook\n- Twitter\n- Google+\n- Pinterest\n"


@pytest.mark.parametrize("banner", ["Questions About Cancer? 1-800-4-CANCER", "Questions? Call 0300 123 4567",
                                    "Questions about your medicine? 1-800-555-0199"])
def test_asking_helpline_banner_and_share_list_are_dropped(tmp_path: Path, banner: str) -> None:
    text, _, dropped = _read(tmp_path, f"Hormone Therapy\n\n{banner}\n\n{SHARE}\nKey Points\n\n{BODY}\n")
    assert "Google" not in text and "1-800" not in text and "0300" not in text
    assert banner in dropped and "Google+" in dropped


@pytest.mark.parametrize("line", ["Questions about diet? 10 tips", "Questions to ask your doctor?",
                                  "Questions about side effects? Call your nurse at 555-0199 if you have a fever."])
def test_question_lines_that_are_no_banner_stay(tmp_path: Path, line: str) -> None:
    text, _, _ = _read(tmp_path, f"Diet Tips\n\n{line}\n\n{BODY}\n")
    assert line.rstrip(".") in text


ADDRESS = "PO Box 4321 • Springfield, IL 62701\nPhone: 217-555-0100 • www.example.gov\nMarch 2015\n"
MORE = "How does it spread?\n\nIt spreads through dust and water. Wash your hands often.\n"


@pytest.mark.parametrize("block", [ADDRESS, "P.O. Box 99\nDurham, North Carolina 27709\nPhone: 919-555-0100\n"])
def test_address_block_between_paragraphs_is_the_publishers(tmp_path: Path, block: str) -> None:
    text, _, dropped = _read(tmp_path, f"Lead\n\n{BODY}\n\n{block}\n{MORE}")
    assert "Box" not in text and "Phone" not in text and "2015" not in text
    assert block.splitlines()[0] in dropped and "Wash your hands often" in text


@pytest.mark.parametrize("page", [f"Lead\n\n{BODY}\n\nWrite to us:\n\n{ADDRESS}\n{MORE}",
                                  f"Lead\n\n{BODY}\n\nContact us\n\n{ADDRESS}\n{MORE}",
                                  f"Lead\n\n{BODY}\n\nIn March 2015 the rules changed.\n\n{MORE}"])
def test_address_led_in_or_under_a_heading_stays(tmp_path: Path, page: str) -> None:
    text, _, _ = _read(tmp_path, page)
    assert "2015" in text


LINK = "Giving paracetamol to children: information on the Medicines for Children website"
AFTER = "Paracetamol is not suitable for some people. Tell your doctor if you:\n\n- have liver problems\n- drink a lot\n"


@pytest.mark.parametrize(("label", "name"), [("Recommended reading", "page.txt"), ("Further reading", "page.txt"),
                                             ("Useful links", "page.txt"), ("**Recommended reading**", "page.md")])
def test_reading_box_between_paragraphs_is_dropped(tmp_path: Path, label: str, name: str) -> None:
    page = f"Paracetamol\n\n{BODY}\n\n{label}\n{LINK}\n\n{AFTER}"
    text, _, dropped = _read(tmp_path, f"# {page}" if name.endswith(".md") else page, name)
    assert "reading" not in text and "Useful links" not in text and "Medicines for Children" not in text
    assert LINK in dropped and "liver problems" in text


@pytest.mark.parametrize("page", [
    f"Paracetamol\n\n{BODY}\n\nFurther reading\n\nReading the label helps. Always check the dose before you give it.\n",
    f"Paracetamol\n\n{BODY}\n\nRecommended reading\nRead the leaflet in the pack. It lists every side effect.\n\n{AFTER}"])
def test_reading_heading_over_prose_stays(tmp_path: Path, page: str) -> None:
    text, _, _ = _read(tmp_path, page)
    assert "Reading the label helps" in text or "Read the leaflet in the pack" in text


TIPS = "Norovirus Activity\n\nNorovirus spreads fast. Here is how to stop it:\n\n- Wash your hands often\n- Stay home when sick\n\n"


@pytest.mark.parametrize("lead", ["Learn more at:", "For more information, visit:", "Find out more:",
                                  "For more information about norovirus, please visit:"])
def test_closing_lead_in_without_its_link_is_dropped(tmp_path: Path, lead: str) -> None:
    text, _, dropped = _read(tmp_path, f"{TIPS}{lead}\n")
    assert lead.rstrip(":") not in text and lead in dropped and "Wash your hands often" in text


@pytest.mark.parametrize(("page", "kept"), [
    (f"{TIPS}Learn more at:\n\n- the state health department\n- your clinic\n", "the state health department"),
    (f"{TIPS}Learn more at: www.example.gov\n", "Learn more at"),
    (f"{TIPS}Call your doctor if you have:\n", "Call your doctor if you have"),
    (f"{TIPS}Learn more at:\n\n{BODY}\n", "Learn more at")])
def test_lead_in_with_something_after_stays(tmp_path: Path, page: str, kept: str) -> None:
    text, _, _ = _read(tmp_path, page)
    assert kept in text


def test_acronym_label_of_the_topic_under_the_article_is_dropped(tmp_path: Path) -> None:
    text, _, dropped = _read(tmp_path, f"{TIPS}DOTW: Norovirus\n")
    assert "DOTW" not in text and "DOTW: Norovirus" in dropped


@pytest.mark.parametrize("line", ["CDC: Norovirus spreads in winter.", "NOTE: Wash fruit first",
                                  "FAQ: Hand washing"])
def test_acronym_lines_that_say_something_stay(tmp_path: Path, line: str) -> None:
    text, _, _ = _read(tmp_path, f"{TIPS}{line}\n")
    assert line.split("\n")[0].rstrip(".") in text
