"""Round 12 (U-11 ...): words said wrong on unseen pages, decided on the text as written."""
from __future__ import annotations

import pytest

from narration.text.lexicon import load_lexicon, Report
from narration.text.normalize import normalize
from narration.text.normalize.lists import spoken_list


def say(text: str) -> str:
    return normalize(text, load_lexicon(None), Report())


def table(*rows: tuple[str, str]):
    return pytest.mark.parametrize(("written", "spoken"), rows)


@pytest.mark.parametrize(("items", "spoken"), [
    # U-11: a capital and a full stop before a lower-case word abbreviates a genus; alone it is no item's letter
    (["Salmonella", "E. coli", "Listeria"], "Germs: salmonella, E. coli, and Listeria."),
    (["H. pylori"], "Germs: H. pylori."),
    # letters that count on are the items' marks
    (["A. fruit", "B. bread"], "Germs: fruit and bread."),
    (["a) fruit", "b) bread"], "Germs: fruit and bread."),
])
def test_a_genus_is_no_item_letter(items: list[str], spoken: str) -> None:
    assert spoken_list("Germs:", items, False, load_lexicon(None)) == spoken
