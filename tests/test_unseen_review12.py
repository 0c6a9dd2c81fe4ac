"""Round twelve's refactors (behaviour unchanged): the review splits a script into sentences once, debris
records are looked up by rule in one place, one ordinary-word test."""
from __future__ import annotations

import pytest

from narration.review import (SpokenScript, reading_findings, script_findings, spoken_lines,
                              Context, Known, default_rules)
from narration.text.lexicon import load_lexicon

SCRIPTS = [
    "title: Sleep\n\nMost adults need seven hours.\n\n[pause]\n\nShort one.\n",
    "# a note\ntitle: The NCI and you\n\n## Causes\n\nThe USPSTF says 6 mo. of rest. Then more!\n",
    "No title line here. Two sentences.\n",
]
CONTEXT = Context(default_rules(), Known.of(load_lexicon(None), default_rules()))


@pytest.mark.parametrize("text", SCRIPTS)
def test_a_script_split_once_gives_what_its_text_gives(text: str) -> None:
    spoken = SpokenScript.of(text)
    assert (spoken.title, spoken.sentences) == spoken_lines(text)
    assert SpokenScript.of(spoken) is spoken
    assert script_findings("s.txt", spoken, CONTEXT) == script_findings("s.txt", text, CONTEXT)
    assert reading_findings("s.txt", spoken, 8.0, "en") == reading_findings("s.txt", text, 8.0, "en")


@pytest.mark.parametrize("text, line", [(SCRIPTS[0], 1), (SCRIPTS[1], 2), (SCRIPTS[2], 1)])
def test_findings_about_a_whole_script_go_to_its_title_line(text: str, line: int) -> None:
    assert SpokenScript.of(text).title_line == line


def test_debris_records_are_looked_up_by_their_rule() -> None:
    from narration.ingest.debris import by_rule, debris_filter, rule_name

    debris = debris_filter("page.md")
    assert not debris.last_was("breadcrumb")
    debris.drop("Home > Diabetes", "breadcrumb")
    debris.drop("Share this page", "page tool")
    assert rule_name("breadcrumb") == "<breadcrumb>"
    assert [d.text for d in debris.dropped_of("breadcrumb")] == ["Home > Diabetes"]
    assert debris.count("page tool") == 1 and debris.last_was("page tool") and not debris.last_was("breadcrumb")
    assert by_rule(debris.dropped[0], "breadcrumb") and not by_rule(debris.dropped[0], "page tool")
    assert len(debris.marks_of("breadcrumb")) == 1


@pytest.mark.parametrize("word, ordinary", [("Headaches", True), ("Swelling", True), ("gastric", True),
                                            ("studies", True), ("Barrett", False), ("Tylenol", False),
                                            ("Medicare", False), ("kg", False)])
def test_one_ordinary_word_test_for_every_rule(word: str, ordinary: bool) -> None:
    from narration.text.normalize import asides, characters, lists, words

    assert words.ordinary_word(word) is ordinary
    assert lists.ordinary_word is asides.ordinary_word is characters.ordinary_word is words.ordinary_word


# Skip links are page tools whatever row finds them; a related link keeps its title once a bracketed link
# instruction is cut from it (why "see also" stays in the later related-link row: the earlier one refuses the dot).
@pytest.mark.parametrize("line, dropped", [
    ("Skip to content", [("<page tool>", "Skip to content")]),
    ("Skip directly to the main content", [("<page tool>", "Skip directly to the main content")]),
    ("SKIP TO SITE CONTENT", [("<page tool>", "SKIP TO SITE CONTENT")]),
    ("See also: Anemia (Select for a list of more topics.)",
     [("<link instruction>", "(Select for a list of more topics.)"), ("<related link>", "See also: Anemia")]),
    ("Skip the salt at dinner.", []),
])
def test_debris_rows_kept_and_removed(line: str, dropped: list[tuple[str, str]]) -> None:
    from narration.ingest.debris import debris_filter

    debris = debris_filter("page.md")
    debris.clean(line)
    assert [(d.pattern, d.text) for d in debris.dropped] == dropped


@pytest.mark.parametrize("lead, open_end", [
    ("Mail the form to:", True), ("Call your doctor if:", True), ("The best way to cite this summary is:", True),
    ("Envíe el formulario a:", True), ("Llame a su médico si:", True), ("Los síntomas son:", True),
    ("Symptoms include:", False), ("Síntomas:", False), ("Key points:", False), ("Take it with water.", False),
])
def test_a_lead_in_stops_on_an_open_word_of_either_language(lead: str, open_end: bool) -> None:
    from narration.scripts import OPEN_END

    assert bool(OPEN_END.search(lead)) is open_end
