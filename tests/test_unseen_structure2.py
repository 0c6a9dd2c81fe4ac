"""Structure and page debris of pasted text, second round of unseen pages: what a caption, a card, a numbered
heading and page furniture look like, and the real text each rule must leave alone. Short pages in our words."""
from __future__ import annotations

from pathlib import Path

import pytest

from test_unseen_structure import article, headings, outline


def dropped(text: str, tmp_path: Path) -> list[tuple[str, str]]:
    """(what was left out, the rule's name) of a page."""
    return [(d.text, d.pattern) for d in article(text, tmp_path).dropped]


# --- 1. A caption is short and stands apart from the text; real paragraphs are never taken for one -----------

KEPT_PARAGRAPHS = [
    # three sentences after a short opening phrase: the article talking, not a picture's label
    "Knee pain. It often comes with age. Rest helps most people. A doctor can check the joint.",
    # a verb after the opening noun: a sentence, however short
    "Cartilage grows slowly. It covers the ends of the bones and lines the joints.",
    # an abbreviation with a full stop must not cut the first sentence short
    "Boston, MA (May 2, 2019) – Gov. Jane Smith has named June Bone Health Month. Doctors welcome it.",
    # a negated verb opens an instruction, never a label
    "Don't Wait. Call Now.",
]


@pytest.mark.parametrize("paragraph", KEPT_PARAGRAPHS)
def test_a_real_paragraph_is_not_a_caption(paragraph: str, tmp_path: Path) -> None:
    page = f"Bone Health\n\nIntro\n\nBones carry the body and store calcium.\n\n{paragraph}\n\nMore text follows here.\n"
    assert f"p: {paragraph}" in outline(article(page, tmp_path))


def test_a_headings_only_paragraph_is_its_text_not_a_caption(tmp_path: Path) -> None:
    page = ("Bone Tumors\n\nTypes\n\nThere are several types.\n\nOsteoma\n\nOsteoma growth. Benign and slow.\n\n"
            "Chordoma\n\nChordoma forms in the spine.\n")
    found = outline(article(page, tmp_path))
    assert found[found.index("# Osteoma") + 1] == "p: Osteoma growth. Benign and slow."


def test_a_short_label_and_description_is_still_a_caption(tmp_path: Path) -> None:
    page = ("Spinal Tap\n\nWhy it is done\n\nThe test checks the fluid around the spine.\n\n"
            "Lumbar puncture. A needle goes into the lower back.\n\nThe test takes half an hour.\n")
    assert ("Lumbar puncture. A needle goes into the lower back.", "<figure caption>") in dropped(page, tmp_path)


def test_long_captions_stand_on_a_page_of_pictures(tmp_path: Path) -> None:
    """Counter-case: a page that describes each figure at length (PDQ) has several such paragraphs."""
    long = " The patient lies still. A scanner takes pictures. A doctor reads them. It takes an hour."
    page = (f"Scans\n\nTests\n\nSeveral tests find the cancer.\n\nCT scan.{long}\n\nThe first test is a scan.\n\n"
            f"Bone scan.{long}\n\nThe second test is also a scan.\n")
    rules = [rule for _, rule in dropped(page, tmp_path)]
    assert rules.count("<figure caption>") == 2


# --- 2, 3. Numbered section headings: "1. Why ...?" ... "N. ..." through the page --------------------------

NUMBERED_PAGE = """Flu Shot Facts

1. Why get the shot?

The flu spreads from person to person. The shot lowers the risk.

2. Who should get it

Everyone over six months old should get one each year.

3. Some people should wait

- People who are very sick should wait until they are better.
- Talk with your doctor if you had a reaction before.

Mild problems

- Sore arm

4. The Injury Program

The Injury Program is a federal program that pays people hurt by a vaccine.

Call the program to learn more.
"""


def test_numbered_lines_in_sequence_are_the_pages_headings(tmp_path: Path) -> None:
    found = outline(article(NUMBERED_PAGE, tmp_path))
    assert [line for line in found if line.startswith("# ")] == [
        "# Why get the shot?", "# Who should get it", "# Some people should wait", "# The Injury Program"]
    assert "## Mild problems" in found  # a heading under a numbered one is its sub-heading
    assert not any("promotional card" in rule for _, rule in dropped(NUMBERED_PAGE, tmp_path))


def test_numbered_questions_under_a_heading_stay_its_sub_headings(tmp_path: Path) -> None:
    """Counter-case: PDQ's numbered questions sit under a section heading of the page."""
    page = ("Herbal Remedies\n\nOverview\n\nSome people use herbs.\n\nQuestions and Answers\n\n"
            "1. What is it?\n\nA plant.\n\n2. How is it given?\n\nAs a tea.\n\n3. Is it safe?\n\nNot always.\n")
    found = outline(article(page, tmp_path))
    assert "# Questions and Answers" in found and "## 1. What is it?" in found and "## 3. Is it safe?" in found


@pytest.mark.parametrize("steps", [
    "1. Wash your hands\n2. Dry them well\n3. Put on the cream\n",  # a list: its items follow one another
    "2. Wash your hands\n\nSoap helps.\n\n3. Dry them\n\nA towel helps.\n\n4. Rest\n\nSleep helps.\n",  # not from 1
])
def test_numbered_items_that_are_no_run_of_headings_stay_as_written(steps: str, tmp_path: Path) -> None:
    page = f"Hand Care\n\nClean hands keep germs away.\n\n{steps}\nThat is all.\n"
    assert headings(article(page, tmp_path)) == ["# "]


# --- 4, 5. Page tools and site furniture in pasted text --------------------------------------------------------

DEBRIS_LINES = [
    ("Skip sharing on social media links", "<page tool>"),
    ("Share this:", "<page tool>"),
    ("PDF Printable PDF version", "<page tool>"),
    ("< Prev   Next >", "<page tool>"),
    ("Skip directly to search Skip directly to A to Z list Skip directly to navigation", "<page tool>"),
    ("View or print the Sleep Chart", "<page tool>"),
    ("Show references", "<page tool>"),
    ("External Web Site Policy", "<page tool>"),
    ("[top]", "<page tool>"),
    ("Request an appointment", "<page tool>"),
    ("Products & Services", "<page tool>"),
    ("To read the brochure as a PDF, click here.", "<link instruction>"),
    ("The guide is also available in PDF format. Requires Adobe Acrobat Reader", "<PDF notice>"),
    ("Attention A T users. To use the menus, switch forms mode off.", "<screen-reader note>"),
    ("An official website of the U.S. Department of Health and Human Services", "<government banner>"),
    ("Here's how you know", "<government banner>"),
    ("For Immediate Release: June 3, 2021", "<press release line>"),
    ("By Health Clinic Staff", "<byline>"),
    ("Our clinic does not endorse companies or products. Advertising revenue supports our mission.",
     "<advertising notice>"),
    ("Book: The Clinic Guide to Sleep", "<store link>"),
    ("Last Updated Date: 02/20/2015", "<review date>"),
]


@pytest.mark.parametrize(("line", "rule"), DEBRIS_LINES)
def test_page_furniture_lines_are_left_out(line: str, rule: str, tmp_path: Path) -> None:
    page = f"Sleep Well\n\nWhy Sleep Matters\n\nSleep keeps the body well.\n\n{line}\n\nMost adults need seven hours.\n"
    found = article(page, tmp_path)
    assert (" ".join(line.split()), rule) in [(d.text, d.pattern) for d in found.dropped]
    assert not any(line in text for text in outline(found))


@pytest.mark.parametrize("line", ["By Phone", "By Mail", "Next steps", "Links between sleep and mood", "Print Media",
                                  "Share your worries with a friend.", "Top tips for sleep", "Download the app first."])
def test_real_lines_with_tool_words_stay(line: str, tmp_path: Path) -> None:
    page = f"Sleep Well\n\nWhy Sleep Matters\n\nSleep keeps the body well.\n\n{line}\n\nMost adults need seven hours.\n"
    assert not dropped(page, tmp_path)


def test_page_tools_after_a_title_are_cut_from_it(tmp_path: Path) -> None:
    page = "Lyme Disease Month\n\nLyme Disease Month PDF Print E-mail\n\nMay is Lyme Disease Month in the state.\n"
    found = article(page, tmp_path)
    assert headings(found) == ["# "] and ("PDF Print E-mail", "<page tool>") in [(d.text, d.pattern) for d in found.dropped]


def test_a_breadcrumb_above_the_first_heading_is_a_menu_but_the_heading_stays(tmp_path: Path) -> None:
    page = ("Sleep Well\n\nHome\nHealthy Living\nSleep and Rest\n\nPrint\nShare\n\nSleep basics\n\n"
            "Sleep keeps the body well.\n\nHow much sleep?\n\nMost adults need seven hours.\n")
    assert headings(article(page, tmp_path)) == ["# Sleep basics", "# How much sleep?"]


# --- 6. Parallel headings: a set of short siblings under the heading stacked over the first -------------------

def test_short_sibling_headings_are_sub_headings_of_the_heading_over_them(tmp_path: Path) -> None:
    page = ("Getting Care\n\nHow to Sign Up for Care\n\nBy Phone\n\nCall us on weekdays.\n\nOnline\n\n"
            "Fill in the form on our site.\n\nBy Mail\n\nSend the form to:\n\nCare Center\n12 Main Street\n"
            "Springfield, IL 62701\n\nIn Person\n\nVisit any of our clinics.\n")
    assert headings(article(page, tmp_path)) == [
        "# How to Sign Up for Care", "## By Phone", "## Online", "## By Mail", "## In Person"]


# --- 5. Reference lists --------------------------------------------------------------------------------------

@pytest.mark.parametrize("reference", [
    "1. Sleep Society. (2010). How much sleep? Retrieved May 1, 2012, from http://example.org/sleep\n"
    "2. Smith, J., Lee, K. (2015). Sleep time. Sleep Health, 1(1): 40-43.",
    "Institute of Sleep. Sleep Intakes for Adults. Washington, D.C.: The Academies Press; 2005.",
])
def test_a_reference_list_is_left_out_and_recorded(reference: str, tmp_path: Path) -> None:
    page = f"Sleep Well\n\nWhy sleep matters\n\nSleep keeps the body well.\n\n{reference}\n"
    found = article(page, tmp_path)
    assert outline(found)[-1] == "p: Sleep keeps the body well."
    assert "<reference>" in {d.pattern for d in found.dropped}


@pytest.mark.parametrize("sentence", [
    "In case of overdose, call the helpline at 1-800-222-1222. It is also online at https://example.org/help.",
    "Our survey. In 2015, we asked 300 people (2015) about their sleep.",
])
def test_a_sentence_with_a_year_or_an_address_is_no_reference(sentence: str, tmp_path: Path) -> None:
    page = f"Sleep Well\n\nWhy sleep matters\n\nSleep keeps the body well.\n\n{sentence}\n"
    assert outline(article(page, tmp_path))[-1] == f"p: {sentence}"


# --- 7. Citation numbers in the forms the page has shown ---------------------------------------------------

def test_a_citation_mid_sentence_goes_where_the_page_cites_at_clause_ends(tmp_path: Path) -> None:
    page = ("Bone Cancer\n\nTypes\n\nIt is rare (1). It occurs in teens and young adults (3) but can occur later.\n\n"
            "It forms in the legs (2).\n")
    assert "p: It is rare. It occurs in teens and young adults but can occur later." in outline(article(page, tmp_path))


def test_an_enumerator_or_a_page_without_citations_keeps_its_numbers(tmp_path: Path) -> None:
    page = ("Bone Cancer\n\nTypes\n\nIt is rare (1). It forms in the legs (2).\n\n"
            "Three treatments: (1) surgery; (2) drugs; and (3) radiation.\n")
    assert "p: Three treatments: (1) surgery; (2) drugs; and (3) radiation." in outline(article(page, tmp_path))
    alone = "Bone Cancer\n\nTypes\n\nAdults of group (3) were treated and recovered.\n"
    assert "p: Adults of group (3) were treated and recovered." in outline(article(alone, tmp_path))


def test_late_footnote_forms_go_on_a_page_with_glued_footnotes(tmp_path: Path) -> None:
    page = ("Sleep Well\n\nWhy sleep matters\n\nSleep keeps the body well.1 It was studied at length.\n\n"
            "The results were as follows: 2\n\nAge\tSleep\nAdults\t7 to 9 hours\nPregnant women\tA nap during the day.3\n")
    found = outline(article(page, tmp_path))
    assert "p: The results were as follows:" in found
    assert "day.3" not in " ".join(found)


def test_a_count_after_a_colon_stays_without_footnotes(tmp_path: Path) -> None:
    page = "Sleep Well\n\nWhy sleep matters\n\nSleep keeps the body well.\n\nBabies who are under one year old take this many naps in a day on average: 2\n\nMore.\n"
    assert "p: Babies who are under one year old take this many naps in a day on average: 2" in outline(article(page, tmp_path))


# --- 8. Pronunciations are recorded ------------------------------------------------------------------------

def test_a_respelling_is_recorded_as_a_pronunciation(tmp_path: Path) -> None:
    page = "Emphysema\n\nWhat it is\n\nEmphysema (em-fi-SE-ma) is a lung disease.\n"
    found = article(page, tmp_path)
    assert "p: Emphysema is a lung disease." in outline(found)
    assert ("(em-fi-SE-ma)", "<pronunciation>") in [(d.text, d.pattern) for d in found.dropped]


# --- 6. Questions outrank short noun headings between them ---------------------------------------------------

def test_noun_headings_between_question_headings_are_their_sub_headings(tmp_path: Path) -> None:
    page = ("Gout\n\nWhat Is Gout?\n\nGout is a kind of arthritis.\n\nOverview\n\nIt comes and goes.\n\n"
            "What Causes Gout?\n\nUric acid builds up.\n\nHow Is Gout Treated?\n\nWith medicines.\n\n"
            "Diet Changes\n\nLess meat helps.\n\nHow Can Gout Be Prevented?\n\nDrink water.\n\n"
            "Points to Remember\n\nGout can be treated.\n")
    assert headings(article(page, tmp_path)) == [
        "# What Is Gout?", "## Overview", "# What Causes Gout?", "# How Is Gout Treated?", "## Diet Changes",
        "# How Can Gout Be Prevented?", "# Points to Remember"]


@pytest.mark.parametrize("separator", ["................", "----------", "__________", "|", "•", "…", "***", "~~~~",
                                       "======", "- -", "* * *"])
def test_a_line_with_no_words_is_a_separator_not_a_crash(tmp_path, separator: str) -> None:
    """A pasted page's rule lines and stray marks say nothing: the page reads as if they were blank lines."""
    from narration.ingest import read_article

    path = tmp_path / "sodium.txt"
    path.write_text(f"Sodium\n\nEat less salt every day.\n\n{separator}\n\nCook at home more often.\n\n{separator}\n",
                    encoding="utf-8")
    doc = read_article(path)
    said = [b.text or " ".join(b.items) for s in doc.sections for b in s.blocks]
    assert said == ["Eat less salt every day.", "Cook at home more often."]
