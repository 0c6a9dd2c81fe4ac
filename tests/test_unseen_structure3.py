"""Structure, debris and titles of pasted text, third round of unseen pages: safety headings over a lead-in and
its list, page controls and surveys, end matter, lead-ins that are not headings, and the real text each rule must
leave alone. Short pages in our own words."""
from __future__ import annotations

from pathlib import Path

import pytest

from narration.review import debris_findings
from narration.models import Dropped
from test_unseen_structure import article, headings, outline


def dropped(text: str, tmp_path: Path) -> list[tuple[str, str]]:
    """(what was left out, the rule's name) of a page."""
    return [(d.text, d.pattern) for d in article(text, tmp_path).dropped]


def spoken(text: str, tmp_path: Path) -> str:
    """Everything the outline keeps, one line each."""
    return "\n".join(outline(article(text, tmp_path)))


# --- E1. A heading and its lead-in over a list are never a promotional card ----------------------------------

CARD_PAGE = """Wound Care at Home

Here is how to look after your wound once you are home.

Keeping it clean

- Wash your hands first.
- Keep the dressing dry.

{card}
"""


@pytest.mark.parametrize("card, kept", [
    # a safety heading, a lead-in ending in a colon, then the warning signs
    ("When to Call Your Doctor\n\nCall your doctor right away if you have any of these:\n\n- A fever\n- Bleeding",
     "When to Call Your Doctor"),
    # a title-case heading and one sentence, then a list of two or more: the list is what it is about
    ("Signs of Infection\n\nWatch the wound every day.\n\n- Redness\n- Swelling", "Signs of Infection"),
])
def test_a_heading_over_a_lead_in_and_a_list_is_kept(card: str, kept: str, tmp_path: Path) -> None:
    found = spoken(CARD_PAGE.format(card=card), tmp_path)
    assert kept in found
    assert "A fever" in found or "Redness" in found
    assert not any(rule == "<promotional card>" for _, rule in dropped(CARD_PAGE.format(card=card), tmp_path))


def test_a_card_followed_by_the_next_cards_title_is_still_a_card(tmp_path: Path) -> None:
    page = ("Coping\n\nSome people find that it helps to plan the day.\n\nLearn more about coping\n\n- Daily Life\n\n"
            "Tips on managing your daily life.\n\n- Going Back to Work\n\nHelp with going back to work.\n")
    assert ("Daily Life", "<promotional card>") in dropped(page, tmp_path)


# --- E3. A one-item list under a heading is its value; the review finds a dropped line at its own place -------

def test_a_one_word_item_under_a_heading_is_content(tmp_path: Path) -> None:
    page = ("Diabetes\n\nDiabetes is common and its numbers keep rising.\n\nCommon Name\n\n- Diabetes\n\n"
            "Medical Names\n\n- Diabetes mellitus\n- Gestational diabetes mellitus\n")
    assert "list: Diabetes" in outline(article(page, tmp_path))


def test_a_one_item_link_under_a_resources_heading_is_still_a_link(tmp_path: Path) -> None:
    page = ("Diabetes\n\nDiabetes is common and its numbers keep rising.\n\nMore information\n\n- Hormones\n\n"
            "Treatment\n\nTreatment starts with diet and exercise.\n")
    assert ("Hormones", "<link list>") in dropped(page, tmp_path)


def test_a_dropped_line_is_located_below_the_title_that_has_the_same_words() -> None:
    lines = ["Diabetes", "", "Some text.", "", "- Diabetes"]
    found = debris_findings("page.txt", lines, [Dropped("page.txt", "Diabetes", "<rule>", "Diabetes")])
    assert found[0].line == 5


# --- E4. A page control right under the title is not the first section's title -----------------------------

@pytest.mark.parametrize("control", ["Request Appointment", "Vertical Tabs", "Print Page", "Share This Page"])
def test_a_control_label_under_the_title_is_left_out(control: str, tmp_path: Path) -> None:
    page = f"Caring for Your Incision\n\n{control}\n\nYou are going home with stitches in place.\n\nHome Care\n\n" \
           "Keep the wound dry and clean at all times.\n"
    assert (control, "<page control>") in dropped(page, tmp_path)
    assert headings(article(page, tmp_path))[0] == "# "


@pytest.mark.parametrize("heading", ["Overview", "Make Healthy Choices", "Find Your Balance", "Living With Asthma"])
def test_a_real_first_heading_under_the_title_is_kept(heading: str, tmp_path: Path) -> None:
    page = f"Asthma\n\n{heading}\n\nAsthma makes it hard to breathe at times.\n\nTriggers\n\nSmoke is a trigger.\n"
    assert f"# {heading}" in headings(article(page, tmp_path))


# --- E5. A feedback survey is a page tool -------------------------------------------------------------------

def test_a_feedback_survey_is_left_out(tmp_path: Path) -> None:
    page = ("Wound Care\n\nKeep the wound clean and dry every day.\n\nWhen to Call\n\n- A fever\n- Bleeding\n\n"
            "Was this helpful?\n\nYes No\n\nTell us more.\n\nCheck all that apply.\n\n"
            "Last question: How sure are you about filling out forms?\n\n"
            "Not at all A little Somewhat Quite a bit Extremely\n\nThank You!\n")
    found = spoken(page, tmp_path)
    for line in ("helpful", "Check all", "Last question", "Somewhat", "Thank You"):
        assert line not in found
    assert "A fever" in found


@pytest.mark.parametrize("line", ["Very good", "Yes", "No pain, no gain.", "Good sleep helps healing."])
def test_a_short_answer_like_line_is_not_a_survey_control(line: str, tmp_path: Path) -> None:
    page = f"Sleep\n\nSleep helps the body heal after an illness.\n\n{line}\n\nRest as much as you can.\n"
    assert line in spoken(page, tmp_path)


# --- E8. A respelling after "pronounced" is left out ---------------------------------------------------------

def test_a_pronounced_respelling_is_left_out(tmp_path: Path) -> None:
    page = "Diabetes\n\nGestational (pronounced je-STAY-shun-ul) diabetes occurs only during pregnancy.\n"
    found = spoken(page, tmp_path)
    assert "Gestational diabetes occurs only during pregnancy." in found
    assert ("(pronounced je-STAY-shun-ul)", "<pronunciation>") in dropped(page, tmp_path)


# --- E11. Headings that call out, and a heading over a run of names ------------------------------------------

@pytest.mark.parametrize("heading, body", [
    ("Watch Out For Fever!", "Take your temperature when you feel warm."),
    ("Alternative Names", "Swollen belly; Abdominal distention; Distended abdomen"),
])
def test_missed_headings_are_found(heading: str, body: str, tmp_path: Path) -> None:
    page = f"Fever\n\nA fever is a sign that the body is fighting something.\n\n{heading}\n\n{body}\n"
    assert f"# {heading}" in headings(article(page, tmp_path))


@pytest.mark.parametrize("line", ["Eat well and rest!", "Call us now! We can help.", "Stop!"])
def test_an_exclamation_that_is_a_sentence_is_not_a_heading(line: str, tmp_path: Path) -> None:
    page = f"Fever\n\nA fever is a sign that the body is fighting something.\n\n{line}\n\nTake your temperature.\n"
    assert f"# {line}" not in headings(article(page, tmp_path))


# --- E12, F4, F14. A lead-in over a list is never a heading; a label is ---------------------------------------

@pytest.mark.parametrize("lead_in", [
    "The prognosis depends on:", "The treatment options depend on:", "For irritable bowel syndrome:",
    "If you have a fever:", "Doctors rank acne by severity:", "Prognosis also depends on whether",
])
def test_a_lead_in_over_a_list_is_not_a_heading(lead_in: str, tmp_path: Path) -> None:
    page = (f"Prognosis\n\nSome facts affect the outlook for this illness.\n\nOutlook\n\n{lead_in}\n\n"
            "- the stage of the illness\n- the age of the patient\n")
    found = outline(article(page, tmp_path))
    assert not any(line.startswith("#") and lead_in.rstrip(":") in line for line in found)


@pytest.mark.parametrize("label", ["Directions:", "Personal Items:", "Side Effects of Drugs:", "Warning Signs:"])
def test_a_label_over_a_list_is_still_a_heading(label: str, tmp_path: Path) -> None:
    page = (f"Prognosis\n\nSome facts affect the outlook for this illness.\n\n{label}\n\n"
            "- the stage of the illness\n- the age of the patient\n")
    assert any(line.lstrip("#") == f" {label[:-1]}" for line in headings(article(page, tmp_path)))


# --- E6. End matter: a thumbnail gallery, a review date and the credits block --------------------------------

END_MATTER = """Swollen Belly

A swollen belly is when your belly is bigger than usual.

Causes

Overeating is the most common cause.

Images

Ovarian cysts
Fibroid tumors

Review Date 10/9/2024

Updated by: Jane Roe, MD, Professor of Medicine. Also reviewed by the Editorial team.
"""


def test_end_matter_is_left_out_and_its_date_kept(tmp_path: Path) -> None:
    found = article(END_MATTER, tmp_path)
    rules = dict((text, rule) for text, rule in ((d.text, d.pattern) for d in found.dropped))
    assert rules["Ovarian cysts"] == rules["Images"] == "<image thumbnails>"
    assert rules["Review Date 10/9/2024"] == "<review date>"
    assert any(rule == "<credits>" for rule in rules.values())
    assert str(found.meta.last_reviewed) == "2024-10-09"
    assert "Overeating is the most common cause." in "\n".join(outline(found))


@pytest.mark.parametrize("kept", [
    "Images\n\nPictures of the skin help a doctor see how a rash changes over time.",  # a section about images
    "Updated by the hour, the numbers change fast.",  # no colon, no name: a sentence
])
def test_text_like_end_matter_is_kept(kept: str, tmp_path: Path) -> None:
    page = f"Rashes\n\nA rash can have many causes.\n\n{kept}\n\nTreatment\n\nMost rashes go away.\n"
    assert kept.split("\n\n")[-1] in spoken(page, tmp_path)


# --- E10. The paragraph under a figure's link is its caption, verb or not ------------------------------------

def test_the_paragraph_under_enlarge_is_a_caption(tmp_path: Path) -> None:
    page = ("Tumor Size\n\nDoctors measure a tumor to stage it.\n\nEnlarge\n\nTumor sizes are often measured in "
            "centimeters. A pea is about 1 cm.\n\nStage I\n\nThe tumor is small.\n")
    assert ("Tumor sizes are often measured in centimeters. A pea is about 1 cm.", "<figure caption>") \
        in dropped(page, tmp_path)


def test_a_lead_in_under_enlarge_is_text(tmp_path: Path) -> None:
    page = ("Tumor Size\n\nDoctors measure a tumor to stage it.\n\nEnlarge\n\nThe stages are:\n\n- Stage I\n- Stage II\n")
    assert "The stages are:" in spoken(page, tmp_path)


# --- E14. A part of a split section is never titled by a sentence --------------------------------------------

@pytest.mark.parametrize("sub, title", [
    ("After the cancer has been found, tests are done to see if it has spread to other parts of the body.", "Overview"),
    ("How is it staged?", "How is it staged?"),
    ("Staging", "Staging"),
])
def test_a_split_part_is_titled_by_a_heading_like_sub_heading_only(sub: str, title: str) -> None:
    from narration.grouping import Unit, split_long
    from narration.models import Block
    text = Block("paragraph", text=" ".join(["word"] * 200))
    unit = Unit("Overview", "body", (text, Block("subheading", text=sub), text))
    parts = split_long(unit, 100.0, 150.0)
    assert [p.title for p in parts] == ["Overview", title]
    assert (parts[1].blocks[0].text == sub) == (title != sub)


def test_a_question_ending_in_a_preposition_is_still_a_heading(tmp_path: Path) -> None:
    page = ("Reactions\n\nSerious reactions are rare.\n\nWhat should I look for?\n\n- A high fever\n- Hives\n\n"
            "What should I do?\n\nCall a doctor.\n")
    assert "# What should I look for?" in headings(article(page, tmp_path))


# --- F3. A pasted table with list lines under its rows ----------------------------------------------------------

LEAD_TABLE = """Blood Lead Test

What your child's result means.

Blood Lead Level (µg/dL)\tRecommended Action
0-3.4\tLow amounts of lead.
- Find the source.
- Feed iron and calcium.
3.5-19\tHigh amounts of lead.
- Test again in 1 to 3 months.
≥45\tDangerous amounts of lead.
- Go to the hospital.

Talk to your doctor.
"""


def test_list_lines_under_a_table_row_are_its_last_cell() -> None:
    from narration.ingest.tables import spoken_rows, tab_tables
    from narration.models import Block
    blocks = [b for b in tab_tables(LEAD_TABLE.split("\n")) if isinstance(b, Block)]
    assert len(blocks) == 1
    said = spoken_rows(blocks[0])
    assert said[0] == "0-3.4 µg/dL: Recommended Action, low amounts of lead. Find the source. Feed iron and calcium."
    assert said[1].startswith("3.5-19 µg/dL: ") and said[1].endswith("Test again in 1 to 3 months.")
    assert said[2] == "≥45 µg/dL: Recommended Action, dangerous amounts of lead. Go to the hospital."


def test_a_tables_title_is_not_a_caption(tmp_path: Path) -> None:
    page = LEAD_TABLE.replace("What your child's result means.", "Table 1. Recommended action for a lead level.")
    assert "Table 1. Recommended action for a lead level." in spoken(page, tmp_path)


def test_a_unit_goes_only_with_a_bare_number() -> None:
    from narration.ingest.tables import spoken_rows, table_block
    block = table_block([["Age (years)", "Dose"], ["Under 2", "Ask a doctor"], ["2-5", "1 tablet"]], has_header=True)
    assert spoken_rows(block) == ["Under 2: dose, ask a doctor.", "2-5 years: dose, 1 tablet."]


# --- F7. A numbered line that goes on from a numbered heading is the next heading -----------------------------

def test_a_numbered_line_continuing_a_numbered_heading_is_a_heading(tmp_path: Path) -> None:
    page = ("Flu Vaccine\n\nThis sheet is about the flu vaccine.\n\n1. Why get vaccinated?\n\nThe vaccine prevents flu."
            "\n\n2. Flu vaccine\n\nAdults need one dose every year.\n")
    assert headings(article(page, tmp_path))[-1] == "# Flu vaccine"


def test_a_numbered_list_after_a_plain_heading_stays_a_list(tmp_path: Path) -> None:
    page = ("Flu Vaccine\n\nThis sheet is about the flu vaccine.\n\nWhat to do\n\n1. Rest at home\n\n"
            "Stay in bed for a day.\n\n2. Drink water\n\nDrink often.\n")
    assert "# Drink water" not in headings(article(page, tmp_path))


# --- F8. A paragraph in another language than the page's is a notice for other readers ------------------------

@pytest.mark.parametrize("notice", [
    "Hojas de información sobre vacunas están disponibles en español y en muchos otros idiomas.",
    "La información de esta página está disponible para usted en español.",
])
def test_a_paragraph_in_another_language_is_left_out(notice: str, tmp_path: Path) -> None:
    page = (f"Flu Vaccine\n\nThis is a statement about the flu vaccine from the health service.\n\n{notice}\n\n"
            "Why get vaccinated?\n\nThe vaccine can prevent flu and its complications in children and adults.\n")
    assert (notice, "<language notice>") in dropped(page, tmp_path)


@pytest.mark.parametrize("kept", [
    "The clinic is on Calle de la Paz, and the staff speak Spanish.",  # a name in another language
    "Ask for the sheet called Vacunas para niños if you read Spanish.",
    "Salsa and tortillas can be high in salt.",
])
def test_another_languages_words_in_a_sentence_are_kept(kept: str, tmp_path: Path) -> None:
    page = (f"Flu Vaccine\n\nThis is a statement about the flu vaccine from the health service.\n\n{kept}\n\n"
            "Why get vaccinated?\n\nThe vaccine can prevent flu and its complications in children and adults.\n")
    assert kept in spoken(page, tmp_path)


def test_an_english_line_on_a_spanish_page_is_a_notice(tmp_path: Path) -> None:
    page = ("La gripe\n\nLa gripe es una enfermedad que se contagia con facilidad en el invierno.\n\n"
            "This information is also available in English for you and your family.\n\n"
            "Los síntomas son fiebre, tos y dolor de cabeza para la mayoría de las personas.\n")
    assert ("This information is also available in English for you and your family.", "<language notice>") \
        in dropped(page, tmp_path)


# --- F11. Paragraphs about the site itself ---------------------------------------------------------------------

@pytest.mark.parametrize("notice, rule", [
    ("The clinic is a non-profit center. Advertising on our site helps support our mission. We do not endorse "
     "non-clinic products or services. Policy", "<advertising notice>"),
    ("In order to avoid copyright disputes, this page is only a partial summary.", "<site notice>"),
])
def test_a_paragraph_about_the_site_is_left_out(notice: str, rule: str, tmp_path: Path) -> None:
    page = f"Acne\n\nAcne is a skin condition where the pores clog.\n\n{notice}\n\nTypes\n\nThere are several types.\n"
    assert (notice, rule) in dropped(page, tmp_path)


@pytest.mark.parametrize("kept", [
    "Doctors do not endorse tanning as a treatment for acne.",
    "This page is about acne in adults; children are covered elsewhere.",
])
def test_a_sentence_near_those_words_is_kept(kept: str, tmp_path: Path) -> None:
    page = f"Acne\n\nAcne is a skin condition where the pores clog.\n\n{kept}\n\nTypes\n\nThere are several types.\n"
    assert kept in spoken(page, tmp_path)


# --- F12. A line with a quantity and a unit is content, never a card's teaser -----------------------------------

def test_a_nutrition_label_is_not_a_card(tmp_path: Path) -> None:
    page = ("Salt\n\nEat less salt to keep your blood pressure down.\n\nReading labels\n\nCheck the label on each "
            "food.\n\nNutrition Facts\n\nServing Size 1 cup (228g)\n\nSodium 470 mg\n")
    assert not any(rule == "<promotional card>" for _, rule in dropped(page, tmp_path))
    assert "Serving Size 1 cup (228g)" in spoken(page, tmp_path)


# --- F13. Titles: a document type over a name, a publisher after a dash ------------------------------------------

@pytest.mark.parametrize("top, title", [
    ("MEDICATION GUIDE\nSleep Medicines and Driving", "Sleep Medicines and Driving"),
    ("Sodium - Veterans Affairs\n\nSODIUM", "Sodium"),
    ("Abdomen - swollen\n\nA note first", "Abdomen - swollen"),  # the next line repeats nothing: a real title
    ("Sodium - Veterans Affairs\n\nSalt in food", "Sodium - Veterans Affairs"),
    ("MEDICATION GUIDE\n\nRead this guide first.", "MEDICATION GUIDE"),  # a blank line: no name under it
])
def test_the_text_title(top: str, title: str, tmp_path: Path) -> None:
    page = f"{top}\n\nRead this guide before you start the medicine and each time you get a refill.\n\nWhat is it?\n\nIt is a sheet.\n"
    assert article(page, tmp_path).title == title
