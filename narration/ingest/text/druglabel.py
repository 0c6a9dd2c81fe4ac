"""An over-the-counter medicine's Drug Facts label, a form fixed by US federal rule (21 CFR 201.66) that every
OTC medicine carries, whichever site shows it: its section names are headings, and the lines under them (a
bare list of ingredients, a phone number) are the label's text, however short."""
from __future__ import annotations

import re

from narration.ingest.text.units import Unit

# The label's section names, alone on their line (a colon or a bracketed note may follow: "Active ingredient (in
# each tablet)"). "Ask a doctor before use if the user has liver disease" is a sentence of the label, not a name.
SECTION_NAME = re.compile(
    r"(?i)^(?:drug facts(?: \(continued\))?|active ingredients?|purposes?|uses?|warnings?|do not use|"
    r"ask a doctor(?: or pharmacist)? before use if(?: you (?:have|are))?|when using this product|"
    r"stop use and ask a doctor if|directions|other information|inactive ingredients|questions(?: or comments)?"
    r")(?:\s*\([^()]{1,40}\))?\s*[?:]?$")
LABEL_EVIDENCE = 4  # names of its own a page needs to be a label ("Uses" or "Directions" alone is any page's)


def label_sections(units: list[Unit]) -> list[int]:
    """The indices of a Drug Facts label's section names, [] unless the page shows four of them at least."""
    found = [i for i, unit in enumerate(units)
             if not unit.is_list and unit.table is None and SECTION_NAME.match(unit.text.strip())]
    names = {units[i].text.strip().casefold().rstrip("?:") for i in found}
    return found if len(names) >= LABEL_EVIDENCE else []


def mark_label_headings(units: list[Unit]) -> None:
    """A label's section names are its headings, though one leads into a list ("Stop use and ask a doctor if")
    or heads a short line ("Purpose" / "Pain reliever")."""
    for index in label_sections(units):
        if units[index].kind in ("paragraph", "sub"):
            units[index].kind = "heading"
            units[index].text = units[index].text.strip().rstrip(":").rstrip()
