"""Web pages, thirteenth round: a line break inside a list item, rows of links, lists under a negative lead-in,
and speaker labels. Each case is a small page written for the test -> what a listener hears of it."""
from __future__ import annotations

import pytest

from test_unseen_html3 import INTRO, page


# --- V-3: a <br> inside a list item ends a sentence where the next line starts one ---------------------------

@pytest.mark.parametrize(("item", "heard"), [
    ("<strong>Chest pain</strong><br>Most attacks start with pain in the chest.",
     "Chest pain. Most attacks start with pain in the chest."),
    ("<b>Breathlessness</b><br/>This often comes with chest pain.", "Breathlessness. This often comes with chest pain."),
    # the line already ends, or goes on in lower case: no stop added
    ("<strong>Chest pain:</strong><br>Most attacks start there.", "Chest pain: Most attacks start there."),
    ("Call your doctor<br>or go to the nearest hospital.", "Call your doctor or go to the nearest hospital."),
    ("Take a dose of<br>20 mg a day.", "Take a dose of 20 mg a day."),
])
def test_line_break_in_item_ends_sentence(item: str, heard: str) -> None:
    other = "<li><strong>Sweating</strong><br>You may break out in a cold sweat.</li>"
    _, said, _ = page(f"{INTRO}<ul><li>{item}</li>{other}</ul>")
    assert any(heard in line for line in said), said
