"""Round eight of unseen pages, the page's header: an archive's banner, download links and their sizes, skip
links, alt text, a language link, a repeated pipe breadcrumb, a page-type tag, a bare date stamp, a section label,
a breadcrumb with a back arrow, a short section menu, version tabs and notes are left out, in pasted text and in
Markdown; subtitles, 'Also called' lines, a first heading and paragraph and a list under its lead-in stay."""
from __future__ import annotations

import pytest
from test_unseen_header7 import BODY, MORE, said_and_dropped

from narration.ingest.debris import debris_filter


@pytest.mark.parametrize(("written", "said"), [
    ("The Wayback Machine - https://web.archive.org/web/2016/http://example.gov/gout", ""),
    ("PDF version of this document [PDF - 154 KB]", ""),
    ("PDF version - 979KB", ""),
    ("PDF versions:", ""),
    ("Printable version", ""),
    ("Keep a food diary [PDF - 53 KB] for a week.", "Keep a food diary for a week."),
    ("Read the leaflet (PDF, 2.1 MB) first.", "Read the leaflet first."),
    ("Skip to text and downloadable files.", ""),
    ("Infographic: a guide to healthy joints", ""),
    ("Read this page in Welsh (Cymraeg)", ""),
    ("Resources | Drugs", ""),
    ("(public service announcement)", ""),
    ("Have a question? Ask ODS Join the ODS Email List", ""),
    ("This is a general overview. For more in-depth information, see our health professional fact sheet.", ""),
    # the article's own lines stay
    ("Skip the salt when you cook.", "Skip the salt when you cook."),
    ("Read this in full before you start.", "Read this in full before you start."),
    ("For more information, see our page on diet.", "For more information, see our page on diet."),
    ("Have a question?", "Have a question?"),
    ("(see Table 2)", "(see Table 2)"),
    ("Call us - 0300 123 4567", "Call us - 0300 123 4567"),
    ("Image-guided surgery: what to expect", "Image-guided surgery: what to expect"),
])
def test_a_header_line_is_cleaned(written: str, said: str) -> None:
    assert debris_filter("page.txt").clean(written) == said
