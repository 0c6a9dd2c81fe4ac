"""Words, capitals, punctuation, sentence breaks and spoken lists on writing nobody tuned the rules to: tables of
written -> spoken examples (pure text, no speech synthesis)."""
from __future__ import annotations

import pytest

from narration.text.lexicon import Entry, Lexicon, load_lexicon
from narration.text.normalize import list_pieces, normalize
from narration.text.sentences import split_sentences
from spoken_table import LEXICON, say, table



@table(
    # capitals typed for emphasis inside a mixed-case sentence are words
    ("WHY is this drug used?", "Why is this drug used?"),
    ("HOW should I take it?", "How should I take it?"),
    ("What SIDE EFFECTS can it cause?", "What side effects can it cause?"),
    ("IF I MISS a dose, take it.", "If I miss a dose, take it."),
    ("If you have NOT heard from us, call.", "If you have not heard from us, call."),
    ("LAST REVIEWED: May 2024", "Last reviewed: May 2024"),
    ("Do NOT stop. DON'T stop.", "Do not stop. Don't stop."),
    ("It can cause LIFE-THREATENING bleeding.", "It can cause life-threatening bleeding."),
    ("KEEP ALL PILLS AWAY FROM CHILDREN.", "Keep all pills away from children."),
    # acronyms that are also words keep their reading
    ("Children with ALL or AML need care.", "Children with A.L.L or A.M.L need care."),
    ("The WHO lists it.", "The W.H.O lists it."),
    ("a CAT scan, a PET scan and AIDS", "a cat scan, a PET scan and AIDS"),
    ("Go to the ER or the OR.", "Go to the E.R or the O.R."),
    ("People with MS and a CAD risk", "People with M.S and a C.A.D risk"),
    ("ALL AND AML IN ADULTS", "All and A.M.L in adults"),  # a run of capitals is a shouted heading
    ("Your PET CT SCAN shows it.", "Your PET C.T scan shows it."),
    ("Tell the NURSE", "Tell the N.U.R.S.E"),  # a lone uncommon capital word may be a name
)
def test_emphasis_capitals_are_words_and_acronyms_stay_spelled(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    ("IGF-I is a hormone.", "I.G.F one is a hormone."),
    ("the IGF-II gene is near the one for COX-II", "the I.G.F two gene is near the one for C.O.X two"),
    ("growth factor I and factor VIII", "growth factor one and factor eight"),
    ("type I diabetes, type-II diabetes", "type one diabetes, type-two diabetes"),
    ("a phase II trial of stage IV cancer", "a phase two trial of stage four cancer"),
    ("The main factor I found was sleep.", "The main factor I found was sleep."),  # the pronoun
    ("The type I like is short.", "The type I like is short."),
)
def test_roman_numerals_after_a_kind_word_or_joined_to_an_acronym(written: str, spoken: str) -> None:
    assert say(written) == spoken


@pytest.mark.parametrize(("written", "sentences"), [
    ("Keep it under 70 mg/dL. Ask your team.", ["Keep it under 70 milligrams per deciliter.", "Ask your team."]),
    ("Take 5 mg. Then rest.", ["Take 5 milligrams.", "Then rest."]),
    ("Call 8 a.m. to 8 p.m. Eastern Time. We answer.", ["Call 8 A.M to 8 P.M Eastern Time.", "We answer."]),
    ("Open until 5 p.m. Pacific Standard Time on Fridays.", ["Open until 5 P.M Pacific Standard Time on Fridays."]),
    ("Open until 5 p.m. ET. Closed Sundays.", ["Open until 5 P.M Eastern Time.", "Closed Sundays."]),
    ("Open until 5 p.m. Call us before then.", ["Open until 5 P.M.", "Call us before then."]),
    ("Ask Dr. Lee at St. Jude, etc. Then go.", ["Ask Doctor Lee at Saint Jude, et cetera.", "Then go."]),
])
def test_a_full_stop_an_abbreviation_swallows_still_ends_its_sentence(written: str, sentences: list[str]) -> None:
    """A list item of two sentences is normalized whole, then split: the stop after "mg/dL." must survive."""
    assert split_sentences(say(written)) == sentences
    assert len(split_sentences(written)) == len(sentences)


@table(
    ("if you take anticoagulants ('blood thinners') or aspirin", "if you take anticoagulants, blood thinners, or aspirin"),
    ("a 'safe' dose", "a safe dose"),
    ("he said 'take two tablets each morning with food' and left", "he said, quote, take two tablets each morning with food, end quote, and left"),
    ("the patients' rights and the nurses' notes", "the patients' rights and the nurses' notes"),  # possessives stay
    ("Don't stop; it's fine.", "Don't stop; it's fine."),
    ("bowel disorders (e.g., colitis); severe allergies", "bowel disorders, for example, colitis; severe allergies"),
    ("a rash (hives): call us", "a rash, hives: call us"),
    ("take it (with food), then rest", "take it, with food, then rest"),
)
def test_quote_pairs_and_marks_after_a_bracket(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    ("Adults need 900 micrograms (mcg) a day.", "Adults need 900 micrograms a day."),
    ("one microgram (mcg) of it", "one microgram of it"),
    ("under 70 milligrams per deciliter (mg/dL).", "under 70 milligrams per deciliter."),
    ("in international units (IU).", "in international units."),
    ("Ductal carcinoma in situ (DCIS) is common.", "Ductal carcinoma in situ, D.C.I.S, is common."),  # said again later
    ("a weight in pounds (kg)", "a weight in pounds, kg"),  # not what the words say
)
def test_an_abbreviation_after_its_own_words_is_dropped(written: str, spoken: str) -> None:
    assert say(written) == spoken


def test_a_lexicon_expansion_counts_as_the_abbreviations_words() -> None:
    words = load_lexicon(None).merged(Lexicon.of([Entry("BP", "blood pressure")]))
    assert normalize("Check your blood pressure (BP) daily.", words) == "Check your blood pressure daily."


@table(
    ("Health Dept Phone: see below", "Health Department Phone: see below"),
    ("the Natl. Cancer Ctr. and the Univ. of Utah Hosp", "the National Cancer Center and the University of Utah Hospital"),
    ("the Amer. Heart Assn. and Intl. groups", "the Amer. Heart Association and International groups"),
    ("It takes approx. an hour.", "It takes approximately an hour."),
    ("It takes approx. 5 minutes.", "It takes about 5 minutes."),
    ("Bring it to your appt. Then wait.", "Bring it to your appointment. Then wait."),
    ("the CTR and the DEPT code", "the C.T.R and the D.E.P.T code"),  # capitals are acronyms
)
def test_shortened_words_are_read_in_full(written: str, spoken: str) -> None:
    assert say(written) == spoken


def pieces(lead: str, items: list[str], ordered: bool = False) -> list[str]:
    return [text for text, _ in list_pieces(lead, items, ordered, LEXICON)]


SYMPTOMS = ["has a stiff neck", "has a rash that does not fade when you press a glass on it",
            "is bothered by bright light", "has a fit for the first time, even if they seem fine after it",
            "has blue, grey or blotchy skin, lips or tongue", "is unusually sleepy or hard to wake up", "feels cold, or"]


@pytest.mark.parametrize(("lead", "items", "ordered", "said"), [
    # a list too long for one sentence: the lead-in ends with its colon, then one line per item
    ("Call the doctor if your child:", SYMPTOMS, False,
     ["Call the doctor if your child:", "Has a stiff neck.", "Has a rash that does not fade when you press a glass on it.",
      "Is bothered by bright light.", "Has a fit for the first time, even if they seem fine after it.",
      "Has blue, grey or blotchy skin, lips or tongue.", "Is unusually sleepy or hard to wake up.", "Feels cold."]),
    # items that hold sentences of their own
    ("Before you start,", ["tell us if you are allergic to it.", "tell us if you are pregnant. If you become "
                           "pregnant, call us.", "if you smoke, stop."], False,
     ["Before you start:", "Tell us if you are allergic to it.", "Tell us if you are pregnant. If you become pregnant, "
      "call us.", "If you smoke, stop."]),
    ("", ["see a doctor. Do it soon.", "rest"], True, ["First, see a doctor. Do it soon.", "Second, rest."]),
    # short lists still run on in one sentence
    ("Causes include", ["Aging", "infection", "smoking"], False, ["Causes include aging, infection, and smoking."]),
    # a brand name keeps its capital when the items run on; an ordinary word is lowered
    ("Brand names:", ["Aristocort®", "Kenacort®"], False, ["Brand names: Aristocort and Kenacort."]),
    ("Signs:", ["Fever", "Xyzzine rash", "xyzzine"], False, ["Signs: fever, xyzzine rash, and xyzzine."]),
])
def test_long_lists_are_read_one_item_a_line(lead: str, items: list[str], ordered: bool, said: list[str]) -> None:
    assert pieces(lead, items, ordered) == said


def test_a_long_lead_in_stands_alone_before_a_short_list() -> None:
    lead = ("For over thirty years, the service has given patients, their families and friends, doctors and "
            "other health workers, teachers, and the public clear and careful answers about every part of cancer and "
            "of living with it, including:")
    assert pieces(lead, ["research", "prevention", "Symptoms", "treatment"]) == [
        lead, "Research, prevention, symptoms, and treatment."]


@table(
    ("PLEASE FOLLOW YOUR SURGEON'S ADVICE BEFORE SURGERY.", "Please follow your surgeon's advice before surgery."),
    ("WHAT IS DCIS? THE NCI'S VIEW ON IT.", "What is D.C.I.S? The N.C.I's view on it."),
    ("ASK ABOUT THE BRCA TEST.", "Ask about the bracka test."),  # the lexicon's own word stays
    ("Ask about the BRCA TEST and TAKE ALL of it.", "Ask about the bracka test and take all of it."),
)
def test_shouted_sentences_keep_acronyms_and_possessives(written: str, spoken: str) -> None:
    assert say(written) == spoken


@pytest.mark.parametrize("name, page", [
    ("care.md", "# Care\n\nDo these first:\n\n1. Rest today.\n2. Drink water.\n\nThen:\n\n3. Walk a little.\n4. Eat well.\n"),
    ("care.txt", "Care\n\nDo these first:\n\n1. Rest today.\n2. Drink water.\n\nThen do this:\n\n3. Walk a little.\n"
                 "4. Eat well.\n"),
])
def test_an_ordered_list_is_said_from_the_number_it_starts_at(tmp_path, name: str, page: str) -> None:
    """A numbered list that goes on after a paragraph ("3." then "4.") is said "third", "fourth", not "first"."""
    from narration.config import ScriptConfig
    from narration.ingest import read_article
    from narration.scripts import plan_sections, script_text
    from narration.text.lexicon import Report

    (tmp_path / name).write_text(page, encoding="utf-8")
    doc = read_article(tmp_path / name)
    assert [b.start for s in doc.sections for b in s.blocks if b.kind == "list"] == [1, 3]
    text = " ".join(script_text(doc, planned, LEXICON, Report(), ScriptConfig()) for planned in plan_sections(doc))
    assert "first, rest today" in text and "second, drink water" in text
    assert "third, walk a little" in text.lower() and "fourth, eat well" in text.lower() and "First, walk" not in text
    assert list_pieces("", ["Walk", "Eat"], True, LEXICON, start=3) == [("Third, walk; and fourth, eat.", -1)]
