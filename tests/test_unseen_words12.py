"""Round 12 (U-11 ...): words said wrong on unseen pages, decided on the text as written."""
from __future__ import annotations

import pytest

from narration.models import Block
from narration.scripts import spoken_paragraphs
from narration.text.lexicon import load_lexicon, Report
from narration.text.normalize import normalize
from narration.text.normalize.lists import list_pieces, spoken_list


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


@pytest.mark.parametrize(("items", "spoken"), [
    # U-16: the dash after an item's label is a colon's pause, not a comma that runs label and text together
    (["Tiredness – you may feel weak. Rest often.", "Infection – your cells may drop. Call us."],
     ["Side effects:", "Tiredness: you may feel weak.", "Rest often.", "Infection: your cells may drop.", "Call us."]),
    # a pair of dashes is an aside, not a label
    (["Your mood – and your sleep – may change.", "Pain may come and go."],
     ["Side effects:", "Your mood, and your sleep, may change.", "Pain may come and go."]),
])
def test_an_items_label_dash_is_a_colon(items: list[str], spoken: list[str]) -> None:
    from narration.text.sentences import split_sentences
    pieces = list_pieces("Side effects:", items, False, load_lexicon(None))
    assert [s for text, _ in pieces for s in split_sentences(text, spoken=True)] == spoken


@table(
    # U-16: a heading that closes on a bracketed pair: after a colon, not two more things between commas
    ("Fatigue (tiredness and weakness)", "Fatigue: tiredness and weakness"),
    ("Kidney disease (chronic or acute)", "Kidney disease: chronic or acute"),
    # a bracket inside a sentence, or no pair, is left to the other rules
    ("Fatigue (tiredness)", "Fatigue, tiredness"),
)
def test_a_headings_closing_pair(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    # U-15: a bracket that sends the reader to another part of the page is dropped: a listener cannot turn to it
    ("Tell us about herbal products (See HERBS section), as some interact.", "Tell us about herbal products, as some interact."),
    ("Some foods matter (see also Diet), so eat well.", "Some foods matter, so eat well."),
    ("This is rare (see page 4).", "This is rare."),
    ("Results (see Table 2) vary.", "Results vary."),
    # advice to see someone is no cross-reference
    ("Rest well (see your doctor if it lasts).", "Rest well, see your doctor if it lasts."),
)
def test_a_cross_reference_is_dropped(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    # U-13: a handle is said "at", then its words split where the case changes, a run of capitals spelled
    ("Follow us @NIDDKgov.", "Follow us at N.I.D.D.K gov."),
    ("Follow @MayoClinic today.", "Follow at Mayo Clinic today."),
    ("Follow @NHSEngland now.", "Follow at N.H.S England now."),
    ("Follow @healthnews now.", "Follow at healthnews now."),
    # an e-mail address is no handle
    ("Write to help@nih.gov today.", "Write to help at N.I.H dot gov today."),
)
def test_a_handle(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    # U-12: an amount before the thing it prices is said like a hyphenated adjective
    ("Get $9 flu shots here.", "Get 9-dollar flu shots here."),
    ("A $20 fee applies.", "A 20-dollar fee applies."),
    # an amount that is no adjective keeps "dollars"
    ("It costs $9.", "It costs 9 dollars."),
    ("It costs $9 a month.", "It costs 9 dollars a month."),
    ("Shots are $9 for dogs.", "Shots are 9 dollars for dogs."),
    ("It was $9 or less.", "It was 9 dollars or less."),
    ("Grants of $5 million help.", "Grants of 5 million dollars help."),
)
def test_an_amount_before_a_noun(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    # T-17: health agencies and programmes that people say as words keep their word; the rest are spelled
    ("Call NIDA or SAMHSA.", "Call NIDA or samsa."),
    ("Ask NIH and NIAAA.", "Ask N.I.H and N.I.A.A.A."),
    ("Apply for SNAP and WIC.", "Apply for SNAP and wick."),
)
def test_agency_acronyms(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    # U-14: a bracketed description inside a list parted by semicolons is said "that is, ...", not as one more item
    ("Tell us about heart disease; angina (chest pain or pressure); or a stroke.",
     "Tell us about heart disease; angina, that is, chest pain or pressure; or a stroke."),
    ("Watch for bleeding in your gut (tube from mouth to anus), lungs, or skin; fever; or rashes.",
     "Watch for bleeding in your gut, that is, tube from mouth to anus, lungs, or skin; fever; or rashes."),
    # a choice of two words qualifies; with no semicolon list the other rules decide
    ("Eat fruit (fresh or frozen); rest; walk.", "Eat fruit, fresh or frozen; rest; walk."),
)
def test_a_description_inside_a_semicolon_list(written: str, spoken: str) -> None:
    assert say(written) == spoken


def _paragraphs(*blocks: Block) -> list[list[str]]:
    return spoken_paragraphs(blocks, load_lexicon(None), Report())


def test_items_of_more_than_one_sentence_are_paragraphs_apart() -> None:
    """U-16: an item of two sentences ends with a paragraph pause, so its last sentence does not run into the next."""
    lead = Block("paragraph", text="The side effects are:")
    long_items = Block("list", items=("Tiredness: you may feel weak. Rest often.", "Pain: it may come and go. Ask for help."))
    assert _paragraphs(lead, long_items) == [["The side effects are:"], ["Tiredness: you may feel weak.", "Rest often."],
                                             ["Pain: it may come and go.", "Ask for help."]]
    short_items = Block("list", items=("Rest often.", "Ask for help when you need it."))
    assert len(_paragraphs(lead, short_items)) == 1


@table(
    # a range of prices is said once with its unit
    ("It costs $9-$12 per visit.", "It costs 9 to 12 dollars per visit."),
    ("It costs $9–$12.", "It costs 9 to 12 dollars."),
    ("It is $9-12 a month.", "It is 9 to 12 dollars a month."),
    ("A $1,000-$2,500 bill.", "A 1,000 to 2,500-dollar bill."),
    ("Pay $5.50-$7.25 now.", "Pay 5 dollars and 50 cents to 7 dollars and 25 cents now."),
    # a double hyphen between numbers is a range too, never a comma
    ("Rest for 2--3 days.", "Rest for 2 to 3 days."),
    # look-alikes: single amounts, a range said with "to"
    ("A $9 fee.", "A 9-dollar fee."),
    ("It costs $4.99.", "It costs 4 dollars and 99 cents."),
    ("Fees are $10 to $20.", "Fees are 10 dollars to 20 dollars."),
)
def test_price_ranges(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    # an acronym the lexicon says as a word keeps its possessive's apostrophe
    ("What is NIDA's network?", "What is NIDA's network?"),
    ("NICE's advice.", "NICE's advice."),
    # a quotation's marks still go
    ("'Hello' she said.", "Hello she said."),
)
def test_a_lexicon_word_keeps_its_possessive(written: str, spoken: str) -> None:
    assert say(written) == spoken
