"""Round twelve's page debris, second part: a jump list over a page cut short, document links left as empty
headings, a list item that lost its sub-list, feed metadata, the title repeated: each left out under a rule
that names it, while real headings, items and sentences stay."""
from __future__ import annotations

import pytest

from narration.ingest.debris import debris_filter
from narration.ingest.text import parse_text
from said import said

BODY = "Flu is an infection of the nose, throat and lungs. It spreads from person to person."
MORE = "Most people get better within a week. Rest and fluids help the body fight it."


def parse(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    """(what is said: headings as '# text', paragraphs, list items as '- text'; (dropped line, rule))."""
    debris = debris_filter("page.txt")
    _, items = parse_text(text, debris)
    return said(items), [(d.text, d.pattern) for d in debris.dropped]


JUMP = "- What is flu?\n- How does flu spread?\n- Who should get the vaccine?\n- Where can I get help?\n"


@pytest.mark.parametrize("page", [
    f"Flu questions\n\nFlu questions\n\n{JUMP}\nWhat is flu?\n{BODY}\n",  # under the page's heading
    f"Flu questions\n\nThe Flu Site for Everyone Healthy Living\n\n{JUMP}\nWhat is flu?\n{BODY}\n",  # banner
])
def test_a_jump_list_over_a_page_cut_short_is_a_table_of_contents(page: str) -> None:
    spoken, dropped = parse(page)
    assert not any(line.startswith("- ") for line in spoken)
    assert "# What is flu?" in spoken and BODY in spoken
    assert ("Who should get the vaccine?", "<table of contents>") in dropped


@pytest.mark.parametrize("page", [
    # led in by its paragraph: the article's own list, even when its first entry is explained next
    f"Flu\n\n{BODY} Ask yourself:\n\n{JUMP}\nWhat is flu?\n{MORE}\n",
    # the next line is not its first entry
    f"Flu\n\n{BODY}\n\n{JUMP}\nTreatment\n{MORE}\n",
    # a later entry comes back without the first: no jump list
    f"Flu\n\n{BODY}\n\n{JUMP}\nWhat is flu?\n{MORE}\n\nWhere can I get help?\n{MORE}\n\nOther\n{BODY}\n",
])
def test_a_list_that_is_the_articles_own_stays(page: str) -> None:
    spoken, _ = parse(page)
    assert "- How does flu spread?" in spoken
