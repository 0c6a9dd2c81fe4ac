"""The structure of pages nobody tuned the reader to: headings and their levels, label headings and lead-ins,
tables pasted with tabs, old-style HTML, and mojibake. Each case is a short page in our own words."""
from __future__ import annotations

from pathlib import Path

import pytest

from narration.ingest import read_article
from narration.ingest.html import read_page
from narration.ingest.outline import SUB, Heading, narrated_blocks, sections_from_outline
from narration.ingest.tables import label_value_tables, spoken_rows, tab_tables
from narration.models import Article, Block

MENU = "\n".join(["Search", "My account", "Health A-Z", "Live Well", "Mental health", "Care and support",
                  "Pregnancy", "Browse", "More", "Home", "Health A to Z"])
FOOTER = "\n".join(["Support links", "Home", "About us", "Contact us", "Accessibility statement", "Our policies",
                    "Cookies", "Other websites", "Profile editor login", "Find my number", "Your records"])


def article(text: str, tmp_path: Path, suffix: str = ".txt") -> Article:
    path = tmp_path / f"page{suffix}"
    path.write_text(text, encoding="utf-8")
    return read_article(path)


def outline(found: Article) -> list[str]:
    """Sections as '# heading' and their blocks ('## sub-heading', 'p: text', 'list: a | b', 'table: ...')."""
    lines: list[str] = []
    for section in found.sections:
        lines.append(f"# {section.heading}")
        for block in section.blocks:
            lines.append({"subheading": f"## {block.text}", "paragraph": f"p: {block.text}",
                          "list": f"list: {' | '.join(block.items)}"}.get(block.kind, f"{block.kind}: {block.rows}"))
    return lines


def headings(found: Article) -> list[str]:
    return [line for line in outline(found) if line.startswith("#")]


# --- 1. Whether paragraphs are separated by blank lines is judged where prose follows prose --------------------

SPACED_UNDER_A_MENU = f"""Sore throat in adults

{MENU}

A sore throat is common and usually gets better by itself within a week.

Checking your throat

Look at the back of your throat in a mirror. Red and swollen tonsils are a sign of infection.

Things you can do

- drink plenty of water
- rest

Do

- gargle with warm salty water

Don't

- give aspirin to children under 16

{FOOTER}
"""


def test_a_long_menu_does_not_hide_sentence_case_headings(tmp_path: Path) -> None:
    found = headings(article(SPACED_UNDER_A_MENU, tmp_path))
    for heading in ("# Checking your throat", "# Things you can do"):
        assert heading in found
    assert "# Don't" not in found  # a Do / Don't label goes into its list (tests/test_unseen_round11.py)


def test_a_page_of_unspaced_paragraphs_keeps_its_sentence_case_lines_as_text(tmp_path: Path) -> None:
    """Counter-case: paragraphs one per line (no blank lines) with title-case headings; a short sentence-case
    line among them is not a heading there."""
    text = ("Knee Pain\n\nWhat Causes It\nKnee pain often comes from an injury or from wear over the years.\n"
            "It can also come from an infection.\nRest and ice\nHelp most people within a few days.\n"
            "When to Get Help\nCall your doctor if the knee is hot, red or cannot bear weight.\n"
            "See a doctor at once after a bad fall.\n")
    found = headings(article(text, tmp_path))
    assert found == ["# What Causes It", "# When to Get Help"]


# --- 2. Label headings ending in a colon; lead-ins that run into their list -------------------------------------

@pytest.mark.parametrize("label, under, expected", [
    ("Directions:", "- Take the lift to the second floor\n- Turn left", "## Directions"),
    ("Personal Items:", "Leave jewelry and other valuables at home.", "## Personal Items"),
    ("Other information:", "Bring your mask and machine if you stay overnight.", "## Other information"),
    ("Eating and Drinking Instructions:", "1. Do not eat after midnight.\n2. Clear liquids are fine.",
     "## Eating and Drinking Instructions"),
    # lead-ins: a verb, a pronoun or a function word shows them to be sentences that run on into the list
    ("Call 999 if your child:", "- has a stiff neck\n- is hard to wake", "p: Call 999 if your child:"),
    ("Your child might:", "- feel hot\n- look unwell", "p: Your child might:"),
    ("Other symptoms of the disease include", "- joint aches\n- skin tags", "p: Other symptoms of the disease include"),
    ("Goals of treatment are to", "- lower the hormone level\n- relieve pressure", "p: Goals of treatment are to"),
    ("Symptoms may include:", "- fever\n- cough", "p: Symptoms may include:"),
])
def test_label_headings_and_lead_ins(label: str, under: str, expected: str, tmp_path: Path) -> None:
    text = (f"Your Surgery\n\nBefore your visit\n\nPlease read these notes before the day of your visit to the clinic."
            f"\n\n{label}\n{under}\n")
    assert expected in outline(article(text, tmp_path))


def test_a_colon_inside_a_line_or_a_long_line_is_not_a_label(tmp_path: Path) -> None:
    text = ("Before Your Visit\n\nPlease read these notes before the day of your visit to the clinic.\n\n"
            "Department: Anesthesia clinic\nPhone: 555-0100\n\n"
            "Things the nurse will ask you about on the day of the visit:\n- your medicines\n- allergies\n")
    assert not [line for line in outline(article(text, tmp_path)) if line.startswith("## ")]


# --- 3. Heading levels -----------------------------------------------------------------------------------------

QUESTIONS_AND_A_FOOTER = """Metformin

Why is this medicine prescribed?

Metformin lowers blood sugar in people with type 2 diabetes.

How should this medicine be used?

Take it with meals, as your doctor tells you.

What side effects can it cause?

It can upset the stomach at first.

Last Revised - 11/15/2015

Browse Drugs and Medicines
"""


def test_title_case_footer_lines_do_not_demote_the_question_headings(tmp_path: Path) -> None:
    found = headings(article(QUESTIONS_AND_A_FOOTER, tmp_path))
    assert found[:3] == ["# Why is this medicine prescribed?", "# How should this medicine be used?",
                         "# What side effects can it cause?"]


def test_title_case_sections_over_sentence_case_headings_stay_sections(tmp_path: Path) -> None:
    """Counter-case (a PDQ page): title-case sections with sentence-case sub-headings under them."""
    text = ("Bone Cancer Treatment\n\nGeneral Information About Bone Cancer\n\nBone cancer is rare in adults. It "
            "starts in the cells of a bone.\n\n"
            "Signs of bone cancer include pain\n\nPain that gets worse at night is a common first sign.\n\n"
            "Tests that examine the bones are used\n\nAn x-ray is usually the first test.\n\n"
            "Treatment Option Overview\n\nThere are several kinds of treatment. Some are standard and some are "
            "tested in clinical trials.\n\n"
            "Surgery is the most common treatment\n\nThe surgeon removes the tumor and some healthy bone.\n")
    assert headings(article(text, tmp_path)) == [
        "# General Information About Bone Cancer", "## Signs of bone cancer include pain",
        "## Tests that examine the bones are used", "# Treatment Option Overview",
        "## Surgery is the most common treatment"]


def sub(text: str, level: int) -> Block:
    return Block("subheading", text=text, level=level)


def test_a_sub_heading_right_over_a_section_heading_heads_it() -> None:
    """'How is it diagnosed?' (a sub-heading) directly over 'Blood tests' (a section): kept, as the section."""
    body = Block("paragraph", text="A blood test measures the hormone.")
    items = [Heading("Causes", 2), Block("paragraph", text="A tumor is the usual cause."),
             Heading("How is it diagnosed?", SUB), Heading("Blood tests", 2), body]
    sections = sections_from_outline(items)
    assert [s.heading for s in sections] == ["Causes", "How is it diagnosed?"]
    assert [b.text for b in narrated_blocks(sections[1].blocks)] == ["Blood tests", body.text]


@pytest.mark.parametrize("blocks, read", [
    # a sub-heading of unknown level right over a '###' one: its parent, read
    ((sub("How is it diagnosed?", SUB), sub("Blood tests", SUB + 1), Block("paragraph", text="x")),
     ["How is it diagnosed?", "Blood tests", "x"]),
    # an empty '###' (its links were left out) before a bold sub-heading: not its parent, not read
    ((sub("Resources", 3), sub("What it is", SUB), Block("paragraph", text="x")), ["What it is", "x"]),
    ((sub("IMRT", 3), sub("What it is", 4), Block("paragraph", text="x")), ["IMRT", "What it is", "x"]),
])
def test_sub_heading_levels(blocks: tuple[Block, ...], read: list[str]) -> None:
    assert [b.text for b in narrated_blocks(blocks)] == read


def test_stacked_sub_headings_in_an_outline_are_parent_and_child() -> None:
    items = [Heading("Diagnosis", 2), Heading("Tests", 3), Heading("Blood tests", 3),
             Block("paragraph", text="x")]
    blocks = sections_from_outline(items)[0].blocks
    assert [b.text for b in narrated_blocks(blocks)] == ["Tests", "Blood tests", "x"]


# --- 4. Tables pasted with tabs ---------------------------------------------------------------------------------

@pytest.mark.parametrize("lines, header, rows", [
    (["Age\tAmount", "Adults\t900 mcg", "Children 1–3 years\t300 mcg"],
     ("Age", "Amount"), [("Adults", "900 mcg"), ("Children 1–3 years", "300 mcg")]),
    # a category spanning rows is carried down to the shorter rows under it; a line without a tab goes on in the
    # last cell of the row above
    (["Food\tType\tTemperature", "Beef\tSteaks\t145 °F", "Rest 3 minutes", "Ground beef\t160 °F",
      "Eggs\tDishes\t160 °F"],
     ("Food", "Type", "Temperature"),
     [("Beef", "Steaks", "145 °F. Rest 3 minutes"), ("Beef", "Ground beef", "160 °F"), ("Eggs", "Dishes", "160 °F")]),
    # a shorter row over the header names groups of the last columns; empty trailing cells are kept
    (["Syrup 5 mL\tTablets 80 mg", "Weight\tAge\tSpoon\tTablet", "12 lbs\t4 mos\t½ tsp\t", "24 lbs\t2 yrs\t1 tsp\t2"],
     ("Weight", "Age", "Syrup 5 mL (Spoon)", "Tablets 80 mg (Tablet)"),
     [("12 lbs", "4 mos", "½ tsp", ""), ("24 lbs", "2 yrs", "1 tsp", "2")]),
])
def test_tab_separated_rows_are_a_table(lines: list[str], header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    found = [part for part in tab_tables(lines) if isinstance(part, Block)]
    assert len(found) == 1 and found[0].header == header and list(found[0].rows) == rows


@pytest.mark.parametrize("lines", [
    ["Just one line\twith a tab", "and then text"],
    ["Name\tValue", "Only the header, then prose."],
    ["\tlone cell", "\tanother"],  # one cell with text: no header to name the columns
])
def test_lines_that_are_not_a_table(lines: list[str]) -> None:
    assert tab_tables(lines) == lines


def test_a_pasted_table_is_read_with_its_header(tmp_path: Path) -> None:
    text = ("Vitamin A\n\nHow much do I need?\n\nAmounts are listed below.\n\n"
            "Life Stage\tRecommended Amount\nTeen boys 14–18 years\t900 mcg RAE\nAdult women\t700 mcg RAE\n\n"
            "What foods have it?\n\nLiver, fish and green vegetables have it.\n")
    tables = [b for s in article(text, tmp_path).sections for b in s.blocks if b.kind == "table"]
    assert spoken_rows(tables[0])[0] == "Teen boys 14–18 years: Recommended Amount, 900 mcg RAE."


def para(text: str) -> Block:
    return Block("paragraph", text=text)


@pytest.mark.parametrize("lines, table", [
    (["US Brand Name(s)", "Temodar", "FDA Approved", "Yes"], True),
    (["Generic Name", "Metformin", "Dosage Form", "Tablet"], True),
    # page navigation: a value repeating its label's word, an odd run of menu lines
    (["Fact Sheet for Consumers", "Consumer", "Datos en español", "Health Professional"], False),
    (["Fact Sheet for Consumers", "Consumer", "Datos en español", "Health Professional", "Other Resources"], False),
    (["Search the website", "Search", "My account", "Live Well", "Care and support", "Pregnancy"], False),
])
def test_label_value_boxes_and_menus(lines: list[str], table: bool) -> None:
    blocks = label_value_tables([para("An opening sentence."), *map(para, lines), para("A closing sentence.")])
    assert any(b.kind == "table" for b in blocks) is table


# --- 5. Old-style HTML ------------------------------------------------------------------------------------------

OLD_PAGE = """<html><head><title>Prednisone (68:04)</title></head><body>
<table><tr><td><p><font size="+3"><b>Prednisone</b></font></p></td></tr>
<tr><td><a name="why"></a><p><font size="+1"><b>Why is this medicine prescribed?</b></font></p></td></tr>
<tr><td><dl><dd><p>Prednisone lowers swelling and calms the immune system.</p></dd></dl></td></tr>
<tr><td><a name="precautions"></a><p><font size="+1"><b>What special precautions should I follow?</b></font></p></td></tr>
<tr><td><dl><dd><p>Before taking prednisone,</p>
<ul><li>tell your doctor if you are allergic to it.</li></ul>
<ul><li>tell your doctor what other medicines you take.</li></ul>
<p>Call your doctor if you become pregnant.</p></dd></dl></td></tr>
<tr><td><a name="side-effects"></a><p><font size="+1"><b>What side effects can this medicine cause?</b></font></p></td></tr>
<tr><td><dl><dd><a name="common"></a>
Tell your doctor if any of these symptoms are severe:
<ul><li>upset stomach</li><li>headache</li></ul>
<p><b>Call your doctor at once if you have a fever.</b></p>
<p>Keep all appointments with your doctor.</p></dd></dl></td></tr>
</table></body></html>"""


def test_old_style_page_keeps_headings_lists_and_order() -> None:
    page = read_page(OLD_PAGE)
    assert page.title == "Prednisone"
    found = {heading: [b.text or " | ".join(b.items) for b in blocks] for heading, blocks in page.sections}
    assert found["Why is this medicine prescribed?"] == ["Prednisone lowers swelling and calms the immune system."]
    assert found["What special precautions should I follow?"] == [
        "Before taking prednisone,",
        "tell your doctor if you are allergic to it. | tell your doctor what other medicines you take.",
        "Call your doctor if you become pregnant."]
    assert found["What side effects can this medicine cause?"] == [
        "Tell your doctor if any of these symptoms are severe:", "upset stomach | headache",
        "Call your doctor at once if you have a fever.", "Keep all appointments with your doctor."]


@pytest.mark.parametrize("title, expected", [
    ("Triamcinolone (68:04)", "Triamcinolone"),
    ("Metformin [8:12.06]", "Metformin"),
    ("Flu Season (2024)", "Flu Season (2024)"),
    ("Stage 2 (II) Cancer", "Stage 2 (II) Cancer"),
])
def test_a_catalogue_number_after_the_title_is_left_out(title: str, expected: str) -> None:
    html = f"<html><head><title>{title}</title></head><body><p>A sentence of the page, long enough to keep.</p></body></html>"
    assert read_page(html).title == expected


def test_bold_paragraphs_are_headings_only_on_a_page_without_headings() -> None:
    html = ("<html><body><h1>Asthma</h1><h2>Triggers</h2><p><b>Pollen</b></p><p>Pollen is worst in spring.</p>"
            "</body></html>")
    assert [heading for heading, _ in read_page(html).sections if heading] == ["Triggers"]


# --- 6. Mojibake ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("suffix, text", [
    (".txt", "Help\n\nCall your state\u00e2\u0080\u0099s helpline for help.\n"),
    (".md", "# Help\n\nCall your state\u00e2\u0080\u0099s helpline for help.\n"),
    (".html", "<html><body><h1>Help</h1><p>Call your state\u00e2\u0080\u0099s helpline for help.</p></body></html>"),
])
def test_mojibake_is_repaired_on_input(suffix: str, text: str, tmp_path: Path) -> None:
    found = outline(article(text, tmp_path, suffix))
    assert "p: Call your state\u2019s helpline for help." in found


def test_mojibake_in_a_fetched_page_is_repaired() -> None:
    html = "<html><body><h1>Help</h1><p>Call your state\u00e2\u0080\u0099s helpline for help.</p></body></html>"
    found = read_article("https://example.org/help", fetch=lambda url: html)
    assert found.sections[0].blocks[0].text == "Call your state\u2019s helpline for help."


@pytest.mark.parametrize("written", ["Niños: ¿qué es la fiebre?", "A “quoted” word, 38 °C and ½ tsp."])
def test_good_text_is_left_as_it_is(written: str, tmp_path: Path) -> None:
    assert f"p: {written}" in outline(article(f"Title\n\n{written}\n", tmp_path))
