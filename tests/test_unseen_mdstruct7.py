"""Round seven (pages K) of Markdown structure and spoken lists: a lead-in whose items are whole sentences is said
on its own, while noun items and fragments still run on after the colon. Each rule with the look-alikes it must
leave alone."""
from __future__ import annotations

from pathlib import Path

import pytest

from narration.text.lexicon import load_lexicon
from narration.text.normalize.lists import spoken_list
from test_unseen_structure import article

LEXICON = load_lexicon(None)


@pytest.mark.parametrize(("lead", "items", "spoken"), [
    # items that are sentences with their own subject and verb: the lead-in is a sentence of its own
    ("Scans may include:", ["Ultrasound uses sound waves to make a picture.", "An X-ray can show broken bones."],
     "Scans may include: Ultrasound uses sound waves to make a picture. An X-ray can show broken bones."),
    # a label of a few words with sentences after it: the same
    ("Kinds of the rash include:", ["Rash with small raised spots. It itches at night.", "Rash with flat patches. It fades."],
     "Kinds of the rash include: Rash with small raised spots. It itches at night. Rash with flat patches. It fades."),
    # noun items closed by full stops: the same, each item said alike (N-6)
    ("Signs include:", ["Swollen glands in the neck.", "A sore throat for weeks."],
     "Signs include: Swollen glands in the neck. A sore throat for weeks."),
    # short noun items are one running list
    ("Symptoms include:", ["fever", "cough", "pain"], "Symptoms include: fever, cough, and pain."),
    # a fragment lead-in too (with its colon, never "During the visit.")
    ("During the visit:", ["A nurse will check your blood pressure.", "The doctor listens to your chest."],
     "During the visit: A nurse will check your blood pressure. The doctor listens to your chest."),
    # a relative clause is not the item's own verb
    ("Options include:", ["Short courses, which are given daily.", "Long courses, which are given weekly."],
     "Options include: Short courses, which are given daily. Long courses, which are given weekly."),
])
def test_a_lead_in_stands_alone_before_sentence_items(lead: str, items: list[str], spoken: str) -> None:
    assert spoken_list(lead, items, False, LEXICON) == spoken


@pytest.mark.parametrize(("text", "title", "first"), [
    # a crawl's <title> with its site name on a line of its own, then the page's H1 repeating it
    ("Dry eye\n - Eye Care Trust\n[Skip to content](#main)\n# Dry eye\nDry eye is common. It is easy to treat.\n"
     "## Causes\nAge is one cause.\n", "Dry eye", "Dry eye is common. It is easy to treat."),
    # the only H1, after page debris, is the title though no first line names it
    ("[Home](/) [Search](/search)\n\n# Dry eye\n\nDry eye is common. It is easy to treat.\n\n## Causes\n\n"
     "Age is one cause.\n", "Dry eye", "Dry eye is common. It is easy to treat."),
    # a first line over a list item that is no site name (a sentence's mark) is text, not a title
    ("Keep these near:\n - water, snacks and your phone.\n\nDry eye is common. It is easy to treat.\n", "Page",
     "Keep these near:"),
])
def test_a_markdown_title_from_the_tab_or_the_lone_h1(text: str, title: str, first: str, tmp_path: Path) -> None:
    found = article(text, tmp_path, ".md")
    assert found.title == title
    assert all(section.heading != title and all(block.text != title for block in section.blocks)
               for section in found.sections)  # said once, as the title
    assert any(block.text.startswith(first) for block in found.sections[0].blocks)
