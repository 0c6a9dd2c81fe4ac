"""Round thirteen of pages nobody tuned to: how sentences are said. Latin abbreviations typed without dots,
prefixes split by a line-break hyphen, spans with a dash, dashes typed as hyphens. Each rule with its look-alikes."""
from __future__ import annotations

from spoken_table import say, table


@table(
    # "eg"/"ie" without dots, lower case, a word of its own followed by a comma or a word
    ("Local infections, eg, under the jaw.", "Local infections, for example, under the jaw."),
    ("Take fibre, eg oats or beans.", "Take fibre, for example, oats or beans."),
    ("The dose, ie the amount, matters.", "The dose, that is, the amount, matters."),
    ("Egg and pie, tie, leg, beg.", "Egg and pie, tie, leg, beg."),  # inside words
    ("EG 5 is a gene.", "E.G 5 is a gene."),  # capitals are no abbreviation
    ("See www.example.ie for more.", "See example dot I.E for more."),  # a domain
    ("The word eg.", "The word eg."),
)
def test_latin_without_dots(written: str, spoken: str) -> None:
    assert say(written) == spoken
