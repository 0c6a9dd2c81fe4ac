"""Round seven (pages K): Markdown crawled one paragraph to a line, with no blank lines between blocks. A list's last
item must not swallow the paragraph after it (CommonMark's lazy continuation), and a short title line standing
before a '###' heading heads it. Hard-wrapped Markdown, and one sentence to a line with blank lines between
paragraphs, read as before."""
from __future__ import annotations

from pathlib import Path

import pytest

from narration.ingest.markdown import _split_lines
from test_unseen_structure import article, outline

CRAWL = """Knee pain
 - Health Site
# Knee pain
Knee pain is common. It often gets better on its own.
## Symptoms
You may notice:
* swelling around the knee
* stiffness in the morning
These signs often ease within a week.
Rest helps most people.
## Get help
Call a doctor if:
* the pain is very bad
* you cannot walk
111 can tell you where to go.
Call 111 if you are worried.
 More ways to find support
 
### Book a clinic visit
A nurse can see you.
"""

WRAPPED = """# Knee pain

Knee pain is common and often gets better on its own. Your doctor may ask
about
MRI scans if it does not. Most people
recover within weeks.

* swelling around the knee that can last for
more than a week
* stiffness in the morning
Physio helps

Rest helps. Ice can ease the swelling and the pain
in the first days.
"""

SENTENCE_LINES = """# Knee pain

Knee pain is common.
It often gets better on its own.

Rest helps most people.
Ice can ease the swelling.

Your doctor can advise you.
Physio may help.
"""


def read(text: str, tmp_path: Path) -> list[str]:
    return outline(article(text, tmp_path, ".md"))


@pytest.mark.parametrize(("expected", "not_expected"), [
    ("list: swelling around the knee | stiffness in the morning", "morning These"),
    ("p: These signs often ease within a week.", ""),
    ("p: Rest helps most people.", "week. Rest"),
    ("list: the pain is very bad | you cannot walk", "walk 111"),
    ("p: 111 can tell you where to go.", ""),
    ("# More ways to find support", "p: More ways"),
    ("## Book a clinic visit", ""),
])
def test_a_crawl_line_after_a_list_item_is_its_own_block(expected: str, not_expected: str, tmp_path: Path) -> None:
    found = read(CRAWL, tmp_path)
    assert expected in found
    assert not not_expected or not_expected not in "\n".join(found)


@pytest.mark.parametrize(("text", "expected"), [
    # hard-wrapped: a line breaks mid-sentence, even before a capital ("about" / "MRI scans")
    (WRAPPED, "p: Knee pain is common and often gets better on its own. Your doctor may ask about MRI scans if it does "
              "not. Most people recover within weeks."),
    (WRAPPED, "list: swelling around the knee that can last for more than a week | stiffness in the morning "
              "Physio helps"),
    # one sentence to a line, paragraphs parted by blank lines: the lines of a paragraph stay together
    (SENTENCE_LINES, "p: Knee pain is common. It often gets better on its own."),
    (SENTENCE_LINES, "p: Rest helps most people. Ice can ease the swelling."),
])
def test_wrapped_markdown_reads_as_before(text: str, expected: str, tmp_path: Path) -> None:
    assert expected in read(text, tmp_path)


LEAD = "# Title\nOne line is a paragraph.\nAnother line ends here.\nA third one too.\nAnd a fourth.\n"
SPLIT = "# Title\nOne line is a paragraph.\n\nAnother line ends here.\n\nA third one too.\n\nAnd a fourth.\n"


@pytest.mark.parametrize(("written", "expected"), [
    # a crawl: each plain line becomes its own block (lines that start a block need no blank line)
    (LEAD + "* an item\nNext paragraph.\n", SPLIT + "* an item\n\nNext paragraph.\n"),
    # a link whose text spans two lines stays one link
    (LEAD + "[Back to\n Knee Topics](/knee)\n", SPLIT + "\n[Back to\n Knee Topics](/knee)\n"),
    # table rows and code fences are left alone
    (LEAD + "| Dose | When |\n|---|---|\n| 1 | Morning |\n", SPLIT + "| Dose | When |\n|---|---|\n| 1 | Morning |\n"),
    (LEAD + "```\nLine one.\nLine two.\n```\n", SPLIT + "```\nLine one.\nLine two.\n```\n"),
    # a bold label keeps its line below it; a line indented four spaces is not made code
    (LEAD + "**Dose**\nTwo tablets.\n", SPLIT + "\n**Dose**\nTwo tablets.\n"),
    (LEAD + "* item\n    Indented more.\n", SPLIT + "* item\n    Indented more.\n"),
    (LEAD + "* item\n\tIndented by a tab.\n", SPLIT + "* item\n\tIndented by a tab.\n"),
    # not a crawl: too few lines end a sentence against the next, or lines wrap mid-sentence
    ("# Title\nOne line.\nTwo lines.\n* item\nAfter.\n", "# Title\nOne line.\nTwo lines.\n* item\nAfter.\n"),
    (LEAD + "and this one\nwraps in the\nmiddle of a\nsentence.\n",
     LEAD + "and this one\nwraps in the\nmiddle of a\nsentence.\n"),
])
def test_split_lines(written: str, expected: str) -> None:
    assert _split_lines(written) == expected


@pytest.mark.parametrize(("before", "line", "after", "heading"), [
    # a short title line before a '###' heading heads it, one level up
    ("Call us if you are worried.", "More ways to find support", "### Book a clinic visit", True),
    # a sentence, a long line, or a line after a label is no heading
    ("Call us if you are worried.", "Most people get better.", "### Book a clinic visit", False),
    ("Call us if you are worried.", "More ways to find support from the nurses and the doctors at the local "
     "hospital and clinic", "### Book a clinic visit", False),
])
def test_a_title_line_before_a_heading_heads_it(before: str, line: str, after: str, heading: bool,
                                               tmp_path: Path) -> None:
    found = read(f"# Knee pain\n\n## Help\n\n{before}\n\n{line}\n\n{after}\n\nA nurse can see you.\n", tmp_path)
    assert (f"# {line}" in found) is heading
    assert (f"p: {line}" in found) is not heading
