"""How brackets are said, twelfth round of unseen pages: an example in brackets inside a series, a term with its
abbreviation in brackets and a "--" definition, a bracket inside a noun phrase; each rule with the look-alikes it
must leave alone (pure text, no speech synthesis)."""
from __future__ import annotations

from spoken_table import say, table


@table(
    # one example before the comma of an outer series would sound like the head of the items after it
    ("Drugs treat infections such as chest infections (including pneumonia), ear infections and acne.",
     "Drugs treat infections such as chest infections, ear infections and acne. "
     "One example of chest infections is pneumonia."),
    ("Stay away from natural disasters (such as hurricanes or floods), fires or riots.",
     "Stay away from natural disasters, fires or riots. Examples of natural disasters are hurricanes or floods."),
    # not inside a series: said where it stands
    ("It treats chest infections (including pneumonia).", "It treats chest infections, including pneumonia."),
    ("It treats chest infections (including pneumonia), so see a doctor.",
     "It treats chest infections, including pneumonia, so see a doctor."),
    ("It treats chest infections (including pneumonia) and acne.",
     "It treats chest infections, including pneumonia, and acne."),
    # no noun phrase before it to name the examples by
    ("Take drugs (such as aspirin), water and rest.", "Take drugs, such as aspirin, water and rest."),
)
def test_example_inside_a_series(written: str, spoken: str) -> None:
    assert say(written) == spoken
