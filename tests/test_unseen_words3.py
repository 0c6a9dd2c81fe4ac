"""How text is said, third round of unseen pages: runs of roman numerals, addresses in running text, dotted
initialisms before names, lexicon words at a sentence's start, trial numbers, labels in capitals, brands in mixed
case and editorial brackets; each rule with the look-alikes it must leave alone (pure text, no speech synthesis)."""
from __future__ import annotations

import pytest

from narration.text.normalize import spoken_list
from narration.text.sentences import split_sentences
from spoken_table import LEXICON, say, table


@table(
    # a run of numerals in brackets after the word it numbers, or a run no acronym could be
    ("Your stage (I, II, III, or IV) is set.", "Your stage, one, two, three, or four, is set."),
    ("a grade (II) tumor", "a grade, two, tumor"),
    ("Its parts are I, II and III.", "Its parts are one, two and three."),
    ("The cancer may be IIA, IIB, or IIIC.", "The cancer may be two A, two B, or three C."),
    ("Stages I, II, and III are early.", "Stages one, two, and three are early."),
    ("Stage II cancer", "Stage two cancer"),
    ("Stage IIA", "Stage two A"),
    # routes, pronouns and letters stay
    ("Give it IV or IM.", "Give it I.V or I.M."),
    ("IV or V", "I.V or V"),
    ("Should I, or you, call?", "Should I, or you, call?"),
    ("vitamins A, D and E", "vitamins A, D and E"),
)
def test_runs_of_roman_numerals(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    # an address in running text: its host, never the site's filing, never a scheme whole or broken
    ("Read more at tps://www.example.gov/health-information/diabetes today.", "Read more at example dot gov today."),
    ("See ttp://example.org/a/b.", "See example dot org."),
    ("Go to https://www.example.gov/types/breast/treatment?id=1#top now.", "Go to example dot gov now."),
    # one part after the host names the page: said
    ("Visit example.gov/espanol.", "Visit example dot gov slash espanol."),
    ("See example.org/risk-factors/.", "See example dot org slash risk dash factors."),
    ("Visit www.example.gov/.", "Visit example dot gov."),
    ("Write to info@example.org.", "Write to info at example dot org."),
)
def test_addresses_in_running_text(written: str, spoken: str) -> None:
    assert say(written) == spoken


@pytest.mark.parametrize(("written", "sentences"), [
    # a dotted initialism before a name goes on
    ("Reviewed by the A.D.A.M. Editorial team. Next.", ["Reviewed by the A.D.A.M. Editorial team.", "Next."]),
    ("Ask about the N.I.H. Clinical Center today.", ["Ask about the N.I.H. Clinical Center today."]),
    ("See the U.S. Food and Drug Administration.", ["See the U.S. Food and Drug Administration."]),
    ("Write to P.O. Box 12.", ["Write to P.O. Box 12."]),
    ("the U.S. Centers for Disease Control", ["the U.S. Centers for Disease Control"]),
    # before a word that opens sentences, or a subject and its verb, it ends one
    ("It was made in the U.S. Most people buy it.", ["It was made in the U.S.", "Most people buy it."]),
    ("Ask the F.D.A. They can help.", ["Ask the F.D.A.", "They can help."]),
    ("It came from the U.K. Patients can use it.", ["It came from the U.K.", "Patients can use it."]),
    ("Write to the N.I.H. Call us too.", ["Write to the N.I.H.", "Call us too."]),
    ("Lo aprobó la O.M.S. La vacuna es segura.", ["Lo aprobó la O.M.S.", "La vacuna es segura."]),
])
def test_a_dotted_initialism_before_a_capital(written: str, sentences: list[str]) -> None:
    assert split_sentences(written) == sentences


@table(
    # a lexicon word said as a word keeps the capital that opens a sentence, and only there
    ("MRSA is common.", "Mersa is common."),
    ("Get a test. MRSA spreads.", "Get a test. Mersa spreads."),
    ("A MRSA test is used.", "A mersa test is used."),
    ("PET scan is used.", "PET scan is used."),  # said as a word, kept in capitals for the transcript
    ("BRCA1", "bracka 1"),  # a word alone is a label, no sentence
)
def test_a_lexicon_word_opening_a_sentence(written: str, spoken: str) -> None:
    assert say(written) == spoken


def test_a_lexicon_word_opening_an_item_of_a_running_list() -> None:
    said = spoken_list("Risks include:", ["Family history", "BRCA1 mutations", "MRSA infections"], False, LEXICON)
    assert said == "Risks include: family history, bracka 1 mutations, and mersa infections."


@table(
    # a number right after a name in capitals names a trial, a study or a ZIP code: a code's digits
    ("The RTOG 9402 and EORTC 26951 trials ended.", "The R.T.O.G 94 oh 2 and E.O.R.T.C 2 6 9 5 1 trials ended."),
    ("In the other trial, GOG 0218, patients", "In the other trial, G.O.G oh 2 18, patients"),
    ("Bethesda, MD 20892", "Bethesda, Maryland, 2 0 8 9 2"),
    # years, measures, numbers with a comma or a decimal point and short numbers stay numbers
    ("CDC 2024 data", "C.D.C 2024 data"),
    ("DHA 1300 mg daily", "D.H.A 1300 milligrams daily"),
    ("HIV 1,000 copies", "H.I.V 1,000 copies"),
    ("a BMI 30 or more", "a B.M.I 30 or more"),
    ("the 9402 patients", "the 9402 patients"),
    # a number of a year's shape before a unit is a dose, not a year
    ("Take 1500 mg a day.", "Take 1500 milligrams a day."),
    ("a 1500-mg tablet", "a 1500 milligram tablet"),
    ("In 1985 L-dopa came.", "In nineteen eighty-five L-dopa came."),
)
def test_a_number_after_a_name_in_capitals(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    # a word in capitals before a number or a colon labels what follows: the word
    ("TABLE 1. Results by age", "Table 1. Results by age"),
    ("See FIGURE 2: the chart", "See figure 2: the chart"),
    ("STEP 3 is easy.", "Step 3 is easy."),
    ("PART 2", "Part 2"),
    ("CAUTION: hot", "Caution: hot"),
    ("NOTE: this", "Note: this"),
    # acronyms stay spelled: short ones, ones no dictionary says, and a lone word before no number
    ("the ART 1 trial", "the A.R.T 1 trial"),
    ("HIV 1 and HIV 2", "H.I.V 1 and H.I.V 2"),
    ("USPSTF: advice", "U.S.P.S.T.F: advice"),
    ("CARE is a program.", "C.A.R.E is a program."),
)
def test_a_label_in_capitals(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    # a name with one capital inside: a syllable is said, a letter or a pair that is no syllable spelled
    ("lomustine (CeeNu®) and", "lomustine, brand name Cee Nu, and"),  # a brand, not a second drug
    ("IscadorM, IscadorQu and IscadorP", "Iscador M, Iscador Q.U and Iscador P"),
    ("GammaKnife", "Gamma Knife"),
    ("McCoy", "McCoy"),
    # square brackets are an editor's words: read on without the pauses of an aside
    ('She said "people with [this kind of] tumors live longer than before" today.',
     "She said, quote, people with this kind of tumors live longer than before, end quote, today."),
    ('"[T]he drug works," she said.', "The drug works, she said."),
    ("the risk [1] rose", "the risk rose"),
    # an editor's note is an aside, as round brackets are
    ("It rose [Note: see below] fast.", "It rose, Note: see below, fast."),
    ("It rose (see below) fast.", "It rose, see below, fast."),
)
def test_brands_in_mixed_case_and_editorial_brackets(written: str, spoken: str) -> None:
    assert say(written) == spoken
