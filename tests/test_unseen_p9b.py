"""Round nine (N, O): how a lead-in meets its items, and items that stop on a joining word."""
from __future__ import annotations

import pytest

from narration.text.lexicon import Report, load_lexicon
from narration.text.normalize.lists import list_pieces, spoken_list

LEXICON = load_lexicon(None)


def pieces(lead: str, items: list[str], ordered: bool = False) -> list[str]:
    return [text for text, _ in list_pieces(lead, items, ordered, LEXICON, Report())]


@pytest.mark.parametrize(("lead", "items", "said"), [
    # N-11: a lead-in that introduces its items without a colon is said as if it had one, never "... include."
    ("Many germs make you ill. Examples include", ["Germ A, found in eggs. It lives on shells.", "Germ B, in milk."],
     ["Many germs make you ill. Examples include:", "Germ A, found in eggs. It lives on shells.", "Germ B, in milk."]),
    ("The steps are", ["You wash your hands.", "You dry them well."],
     ["The steps are:", "You wash your hands.", "You dry them well."]),
    ("Warning signs such as", ["A fever that lasts. It may come back.", "A rash."],
     ["Warning signs such as:", "A fever that lasts. It may come back.", "A rash."]),
    # look-alikes: a lead-in that does not introduce keeps its full stop; a colon stays a colon
    ("Good habits", ["Exercise most days.", "Eat well and sleep enough."],
     ["Good habits.", "Exercise most days.", "Eat well and sleep enough."]),
    ("Examples include:", ["You wash your hands.", "You dry them well."],
     ["Examples include:", "You wash your hands.", "You dry them well."]),
    # O-12 / N-6: an item of several sentences, or several sentence items: the lead-in stands alone, each item alike
    ("Treatment may include:", ["Surgery (removal). Nearby nodes may also be removed.", "A trial of a new drug."],
     ["Treatment may include:", "Surgery, removal. Nearby nodes may also be removed.", "A trial of a new drug."]),
    ("Come back at once if:", ["Your child's toes turn blue.", "Your child has pins and needles."],
     ["Come back at once if:", "Your child's toes turn blue.", "Your child has pins and needles."]),
    ("Ways to stop it spreading:", ["Wash often; dry well.", "Do not share towels."],
     ["Ways to stop it spreading:", "Wash often; dry well.", "Do not share towels."]),
    # look-alikes: a lone item of one sentence still runs on after a fragment lead-in; phrase items run as a series
    ("At this time:", ["A nurse will check your blood pressure."],
     ["At this time: a nurse will check your blood pressure."]),
    ("Examples include", ["eggs", "milk", "raw meat"], ["Examples include eggs, milk, and raw meat."]),
])
def test_a_lead_in_meets_its_items(lead: str, items: list[str], said: list[str]) -> None:
    assert pieces(lead, items) == said


@pytest.mark.parametrize(("lead", "items", "spoken"), [
    # N-14: an item that stops on a joining word goes on in the next, joined by that word alone
    ("To stand, you should:", ["hold both crutches in one hand", "move one crutch to the other hand, then",
                               "put the crutches in front and get your balance."],
     "To stand, you should: hold both crutches in one hand; and move one crutch to the other hand, then put the "
     "crutches in front and get your balance."),
    ("To walk:", ["Move your weight to your hands, then", "Put the crutches forward and", "Swing your legs through."],
     "To walk: move your weight to your hands, then put the crutches forward and swing your legs through."),
    # look-alikes: the list's own "and"/"or" after a comma or semicolon is its series joiner, as before
    ("Foods:", ["eggs", "milk and", "raw meat"], "Foods: eggs, milk, and raw meat."),
    ("You may feel:", ["Tenderness, swelling", "Bruising; or", "Mild pain"],
     "You may feel: tenderness, swelling; bruising; or mild pain."),
    ("It may include:", ["warnings about this drug,", "how it is used, and", "possible side effects."],
     "It may include: warnings about this drug, how it is used, and possible side effects."),
])
def test_an_item_ending_on_a_joining_word_carries_on(lead: str, items: list[str], spoken: str) -> None:
    assert spoken_list(lead, items, False, LEXICON) == spoken
