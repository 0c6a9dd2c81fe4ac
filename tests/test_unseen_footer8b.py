"""Round eight (page M) of the debris at a page's foot: a feedback form's notes and messages, the publisher's
closing notes (under review, references on request, permission to reproduce), the footer under a closing date
("Updated: ...", "This information was published in ...") or a "Legal information" heading, and the "See also"
or "Related resources" line that heads what follows it. Each rule with the look-alikes it must leave alone."""
from __future__ import annotations

from pathlib import Path

import pytest

from test_unseen_structure import article, outline

PAGE = ("Sleep Well\n\nWhy Sleep Matters\n\nSleep keeps the body and mind well. Most adults need seven hours a night.\n\n"
        "Getting Help\n\nSee your doctor if poor sleep lasts longer than a month.\n\n")


def read(text: str, tmp_path: Path, suffix: str = ".txt") -> str:
    return "\n".join(outline(article(text, tmp_path, suffix)))


def dropped(text: str, tmp_path: Path, suffix: str = ".txt") -> dict[str, str]:
    return {d.line: d.pattern for d in article(text, tmp_path, suffix).dropped}


@pytest.mark.parametrize(("line", "rule"), [
    ("There has been a problem submitting your feedback.", "<feedback form>"),
    ("Thank you for providing your feedback.", "<feedback form>"),
    ("Your comments have been sent.", "<feedback form>"),
    ("This page is currently under review. All content was accurate when published.", "<publication note>"),
    ("References and bibliography available on request.", "<publication note>"),
    ("If you want to reproduce this content, see our permissions and licensing page.", "<publication note>"),
    ("This information was published in March 2022.", "<review date>"),
    ("Published: 12 May 2023", "<review date>"),
    ("Updated: June 4, 2021 History of changes to this fact sheet", "<review date>"),
])
def test_closing_notes_are_left_out(line: str, rule: str, tmp_path: Path) -> None:
    page = PAGE + line + "\n"
    assert dropped(page, tmp_path).get(line) == rule
    assert line not in read(page, tmp_path)


@pytest.mark.parametrize("sentence", [
    "Thank you for reading. Sleep well tonight.",
    "You should not reuse needles without your doctor's permission.",
    "Your doctor may review this plan with you at each visit.",
    "Results are available on request from your clinic.",
    "This medicine was first published as a case study in 2019 and is now widely used.",
])
def test_sentences_like_closing_notes_stay(sentence: str, tmp_path: Path) -> None:
    assert sentence in read(PAGE + sentence + "\n", tmp_path)


FORM = ("- Please don't include personal details like your name. If you do, we will delete your comments.\n"
        "- Unfortunately we can't reply to this. To hear from us, see our Contact us page.\n"
        "- If you need to talk to someone now, call the helpline on 0800 123 456.\n\n")


def test_a_feedback_forms_notes_go_with_the_form(tmp_path: Path) -> None:
    found = read(PAGE + FORM + "Thank you for your feedback.\n", tmp_path)
    assert "personal details" not in found and "0800 123 456" not in found and "Thank you" not in found
    assert "See your doctor if poor sleep" in found


FOOTER = "Legal information\n\n- Privacy policy\n- Cookie settings\n- Terms and conditions\n\n"


@pytest.mark.parametrize("marker", ["This information was published in March 2022.\n\n",
                                    "Updated: June 4, 2021 History of changes to this fact sheet\n"])
def test_the_footer_under_a_closing_date_is_left_out(marker: str, tmp_path: Path) -> None:
    page = PAGE + marker + "Helpline closed now, visit our out of hours page\n\n" + FOOTER
    found = read(page, tmp_path)
    assert "Legal information" not in found and "Cookie settings" not in found and "out of hours" not in found
    assert "See your doctor if poor sleep" in found


def test_a_legal_heading_starts_the_footer(tmp_path: Path) -> None:
    found = read(PAGE + FOOTER + "© 2024 Sleep Charity\n", tmp_path)
    assert "Legal information" not in found and "Cookie settings" not in found
    assert "See your doctor if poor sleep" in found


SYMPTOMS = "Symptoms to watch for\n\n- Snoring\n- Waking up gasping\n- Daytime sleepiness\n\n"


@pytest.mark.parametrize("last", [
    "Updated: June 4, 2021\n\nWhere to get help\n\nCall our helpline on 0300 123 4567. It is open every day.\n",
    "Updated: June 4, 2021\n\nReviewed by the Sleep Clinic team.\n",
    SYMPTOMS + "Updated: June 4, 2021\n\n" + FOOTER,
    SYMPTOMS + "© 2024 Sleep Charity\n",
    SYMPTOMS,
])
def test_a_last_section_stays(last: str, tmp_path: Path) -> None:
    found = read(PAGE + last, tmp_path)
    kept = last.split("\n")[0] if not last.startswith("Updated") else last.split("\n")[2]
    assert kept in found and ("Waking up gasping" in found or not last.startswith("Symptoms"))


@pytest.mark.parametrize("name", ["See also", "Related resources"])
def test_a_link_box_name_over_links_goes_with_them(name: str, tmp_path: Path) -> None:
    for links in ("Sleep and mood\n", "\n- Sleep and Mood\n- Night Shift Work\n"):
        page = PAGE + f"{name}\n{links}"
        found = read(page, tmp_path)
        assert name not in found and "Sleep and" not in found and "See your doctor if poor sleep" in found


@pytest.mark.parametrize("name", ["See also", "Related resources"])
def test_a_link_box_name_over_prose_is_a_heading(name: str, tmp_path: Path) -> None:
    page = PAGE + f"{name}\n\nOur leaflet on snoring explains what a partner can do to help.\n"
    found = outline(article(page, tmp_path))
    assert f"# {name}" in found and any("leaflet on snoring" in line for line in found)


MD = ("# Sleep Well\n\nSleep keeps the body well. Most adults need seven hours.\n\n## Getting help\n\n"
      "See your doctor if poor sleep lasts longer than a month.\n\n")


@pytest.mark.parametrize(("part", "kept"), [
    ("## See also\n\n- [Sleep and mood](/mood)\n- [Night shift work](/shift)\n", ""),
    ("## Research\n\n- [Sleep Trials](/trials)\n- [Sleep Programs](/programs)\n", "# Research"),
    ("## See also\n\nOur leaflet on snoring explains what a partner can do to help.\n", "# See also"),
])
def test_a_markdown_link_box_goes_with_its_links(part: str, kept: str, tmp_path: Path) -> None:
    found = read(MD + part, tmp_path, ".md")
    assert "Sleep and mood" not in found and kept in found and "See your doctor" in found
    assert kept or "See also" not in found


@pytest.mark.parametrize(("line", "flagged"), [
    ("Read Sam's blog about how walking helps him sleep.", True),
    ("Explore mental health apps", True),
    ("Label information for this drug is available at DailyMed.", True),
    ("Read the label before you take any medicine.", False),
    ("Visit your doctor if the pain gets worse.", False),
    ("The vaccine is available at most pharmacies.", False),
])
def test_a_line_that_only_points_elsewhere_is_listed_for_a_check(line: str, flagged: bool) -> None:
    from narration.review import _link_only
    assert _link_only([line], 1, line) is flagged
