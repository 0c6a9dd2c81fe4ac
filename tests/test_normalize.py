"""Speech normalization: a table of written -> spoken examples per rule, and Piper's own phonemes."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from narration.text.lexicon import Entry, Lexicon, Report
from narration.text.normalize import for_voice, normalize, spoken_list
from narration.text.sentences import split_sentences
from piper_voice import piper_voice
from spoken_table import LEXICON, say, table

HERE = Path(__file__).parent
SAMPLE = HERE.parent / "narration" / "data" / "breast-calcifications.txt"
SECOND = HERE / "fixtures" / "second-article.md"


@table(
    ("Tari King, MD, FACS, chief", "Tari King, M.D, F.A.C.S, chief"),
    ("In DCIS, the cells", "In D.C.I.S, the cells"),
    ("the 2019 AACR report", "the 2019 A.A.C.R report"),
    ("the SSO and the TBCRC", "the S.S.O and the T.B.C.R.C"),
    ("the NCI task force at BWH", "the N.C.I task force at B.W.H"),
    ("an MRI", "an M.R.I"),
    ("two MRIs", "two M.R.I.'s"),
    ("a XYZQ test", "a X.Y.Z.Q test"),
    ("the EGFR gene", "the E.G-F.R gene"),  # "E.G.F" would be read "for example F"
    ("the BRCA1 gene", "the bracka 1 gene"),
    ("the ABCD1 gene", "the A.B.C.D 1 gene"),
    ("the B-PREP Program", "the B-prep Program"),
    ("an X-RAY", "an X-ray"),
    ("NASA, AIDS, HIPAA, COVID-19, LASIK", "NASA, AIDS, HIPAA, COVID 19, LASIK"),
    ("the U.S. team", "the U.S team"),
    ("born in the U.S.", "born in the U.S."),
    ("Dr. Tari A. King and Anne E. Dyson", "Doctor Tari A. King and Anne E. Dyson"),  # initials keep their stop
    ("WHAT ARE BREAST CALCIFICATIONS?", "What are breast calcifications?"),
    ("Tell the NURSE", "Tell the N.U.R.S.E"),  # one capitalized word is not shouting
    ("an IV line", "an I.V line"),
)
def test_acronyms_and_credentials(written: str, spoken: str) -> None:
    assert say(written) == spoken


def test_acronym_default_is_general_and_lexicon_overrides() -> None:
    words = Lexicon.of([Entry("QWERT", "QWERT"), Entry("ZAP", "zap")])
    assert normalize("QWERT and ZAP and QWERY", words) == "QWERT and zap and Q.W.E.R.Y"


@table(
    ("Dr. King is here.", "Doctor King is here."),
    ("Drs. Smith and Jones", "Doctors Smith and Jones"),
    ("Mr. Smith, Mrs. Jones, Ms. Lee, Prof. Chan", "Mister Smith, Missus Jones, Miz Lee, Professor Chan"),
    ("St. Jude Hospital", "Saint Jude Hospital"),
    ("75 Francis St.", "75 Francis Street."),
    ("75 Francis St. Boston", "75 Francis Street Boston"),
    ("surgery vs. radiation", "surgery versus radiation"),
    ("pain killers, e.g. aspirin", "pain killers, for example, aspirin"),
    ("pain killers (e.g., aspirin)", "pain killers, for example, aspirin"),
    ("one duct, i.e. the main one", "one duct, that is, the main one"),
    ("pain, swelling, etc.", "pain, swelling, et cetera."),
    ("pain, swelling, etc. are common", "pain, swelling, et cetera are common"),
    ("Martin Luther King Jr. spoke", "Martin Luther King Junior spoke"),
    ("approx. 5 women", "about 5 women"),
    ("room No. 5 and #6", "room number 5 and number 6"),
)
def test_titles_and_abbreviations(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    ("an award (2018-19).", "an award, 2018 to 2019."),
    ("from 2018-19 on", "from 2018 to 2019 on"),
    ("from 1998–2003", "from 1998 to 2003"),
    ("ages 40-74", "ages 40 to 74"),
    ("ages 40–74", "ages 40 to 74"),
    ("ages 40 to 74", "ages 40 to 74"),
    ("15% of women", "15 percent of women"),
    ("15-20% of cases", "15 to 20 percent of cases"),
    ("1 in 8 women", "1 in 8 women"),
    ("the 1st and 22nd visits", "the 1st and 22nd visits"),
    ("2.5 times", "2 point 5 times"),
    ("0.25 percent", "0 point 2 5 percent"),
    ("1,000 women", "1,000 women"),
    ("at 9:30 a.m. daily", "at 9 30 A.M daily"),
    ("It opens at 9 a.m.", "It opens at 9 A.M."),
    ("at 10:05 PM", "at 10 oh 5 P.M"),
    ("at 4:30pm", "at 4 30 P.M"),
    ("at 9:00", "at 9 o'clock"),
    ("Call 617-732-5500.", "Call 6 1 7, 7 3 2, 5 5 0 0."),
    ("Call (617) 732-5500.", "Call 6 1 7, 7 3 2, 5 5 0 0."),
    ("Call 617.732.5500 now", "Call 6 1 7, 7 3 2, 5 5 0 0 now"),
    ("Call 1-800-422-6237.", "Call 1 800, 4 2 2, 6 2 3 7."),
    ("Take 5 mg daily.", "Take 5 milligrams daily."),
    ("Take 1 mg daily.", "Take 1 milligram daily."),
    ("500mg of it", "500 milligrams of it"),
    # a measure before the noun it describes is said in the singular, as if hyphenated; elsewhere the plural
    ("Hold it at a 45° angle.", "Hold it at a 45 degree angle."),
    ("Take a 5 mg tablet.", "Take a 5 milligram tablet."),
    ("an 8-oz glass of water", "an 8 ounce glass of water"),
    ("a 1-2 cm lump", "a 1 to 2 centimeter lump"),
    ("a dose of 5 mg of it", "a dose of 5 milligrams of it"),
    ("It bends 45°.", "It bends 45 degrees."),
    ("2.5 mg", "2 point 5 milligrams"),
    ("5 mL, 2 cm, 3 mm, 70 kg, 4 g", "5 milliliters, 2 centimeters, 3 millimeters, 70 kilograms, 4 grams"),
    ("75 mcg and 1 mcg", "75 micrograms and 1 microgram"),
    ("1,000 IU of vitamin D", "1,000 international units of vitamin D"),
    ("100 mg/dL", "100 milligrams per deciliter"),
    ("0.1 mmol/kg", "0 point 1 millimoles per kilogram"),
    ("2-3 cm", "2 to 3 centimeters"),
    ("120/80 mmHg", "120 over 80 millimeters of mercury"),
    ("1/2 cup", "half a cup"),
    ("stage IV cancer", "stage four cancer"),
    ("Stage IIIA", "Stage three A"),
    ("in the 1990s and '80s", "in the nineteen nineties and eighties"),
    ("on 2024-05-01", "on May 1, 2024"),
    ("on 5/1/2024", "on May 1, 2024"),
    ("costs $25.50", "costs 25 dollars and 50 cents"),
    ("38.5 °C", "38 point 5 degrees Celsius"),
    ("~5 cm", "about 5 centimeters"),
    ("take it 2 × a day", "take it 2 times a day"),
    ("3x daily, 2x as much", "3 times daily, 2 times as much"),
    ("a 3 × 4 grid", "a 3 by 4 grid"),
    ("500 µg and 50 μg", "500 micrograms and 50 micrograms"),
    ("a fever of 100.4°F", "a fever of 100 point 4 degrees Fahrenheit"),
    ("use form #2", "use form number 2"),
    ("Press # to repeat.", "Press pound to repeat."),
    ("press the # key", "press the pound key"),
    ("press * then #", "press star then pound"),
    (">50 years", "more than 50 years"),
    ("eGFR < 30", "E.G-F.R less than 30"),
    ("≥ 3 cm", "at least 3 centimeters"),
    ("50+ women", "50 plus women"),
    ("in 2019", "in 2019"),
)
def test_numbers(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    ("turnover – essentially, dead cells – that", "turnover, essentially, dead cells, that"),
    ("curable—but not always", "curable, but not always"),
    ("curable -- but not", "curable, but not"),
    ("benign (or harmless) and", "benign, or harmless, and"),
    ("in situ (DCIS).", "in situ, D.C.I.S."),
    ("“It is important,” she says.", "It is important, she says."),
    ('select the box for "Supportive Care" trials', "select the box for Supportive Care trials"),
    ('the motto "no pain, no gain" is', "the motto, no pain, no gain, is"),
    ("“NCI’s PDQ summary states the risks in this way: [excerpt].”",
     "quote, N.C.I's P.D.Q summary states the risks in this way: excerpt, end quote."),
    ("the breast’s ducts", "the breast's ducts"),
    ("the patients' rights", "the patients' rights"),
    ("‘quoted’ words", "quoted words"),
    ("cancer¹ cells[2] grow*", "cancer cells grow"),
    ("risk[1, 2] and† more", "risk and more"),
    ("A 😀 smile ★ here", "A smile here"),
    ("bad\x07bell\u200b here", "bad bell here"),
    ("Q&A", "Q and A"),
    ("Dana-Farber/Brigham and Women’s", "Dana-Farber and Brigham and Women's"),
    ("Dana-Farber/ Brigham and Women’s", "Dana-Farber and Brigham and Women's"),
    ("Under “Keywords/Phrases,” type", "Under Keywords or Phrases, type"),
    ("Laboratory/Animal/Preclinical Studies", "Laboratory, Animal, Preclinical Studies"),
    ("yes/no questions", "yes or no questions"),
    ("and/or", "and or"),
    ("Wait... what?", "Wait, what?"),
    ("It ended... The end", "It ended. The end"),
    ("Visit https://www.example.org/risk today.", "Visit example dot org slash risk today."),
    ("See example.org/risk-factors/.", "See example dot org slash risk dash factors."),
    ("Visit www.cancer.gov.", "Visit cancer dot gov."),
    ("Write to info@example.org.", "Write to info at example dot org."),
    ("• Aging", "Aging"),
)
def test_punctuation_for_the_ear(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    # months, weekdays, units and time zones with their full stops
    ("on Oct. 2, 2024", "on October 2, 2024"),
    ("from Sept. 30 on", "from September 30 on"),
    ("a child 6 mo. to 8 yrs. old", "a child 6 months to 8 years old"),
    ("every 2 wks. and 1 yr. later", "every 2 weeks and 1 year later"),
    ("open Sat. and Sun.", "open Saturday and Sunday."),
    ("call by 5:00 p.m. ET today", "call by 5 P.M Eastern Time today"),
    ("call by 5 pm PT.", "call by 5 P.M Pacific Time."),
    ("Dr. A. B. Patel, MD, said", "Doctor A. B. Patel, M.D, said"),
    ("(i.e., having early menarche)", "that is, having early menarche"),
    ("The U.S. Food and Drug Administration", "The U.S Food and Drug Administration"),
    # addresses: a state after a city when a ZIP code or a colon follows, ZIP codes digit by digit
    ("Bethesda, MD 20892", "Bethesda, Maryland, 2 0 8 9 2"),
    ("Bethesda, MD: National Cancer Institute", "Bethesda, Maryland: National Cancer Institute"),
    ("Gaithersburg, MD 20898–7923", "Gaithersburg, Maryland, 2 0 8 9 8, 7 9 2 3"),
    ("Washington, DC 20580", "Washington, D.C, 2 0 5 8 0"),
    ("600 Pennsylvania Avenue, NW", "600 Pennsylvania Avenue, Northwest"),
    ("Ada Lane, MD, said", "Ada Lane, M.D, said"),
)
def test_abbreviations_with_periods(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    # a dash between two values that can form a range is "to", never a comma
    ("open Mon–Fri", "open Monday to Friday"),
    ("open Mon.-Thurs.", "open Monday to Thursday."),
    ("from 8:30 AM–12:00 PM", "from 8 30 A.M to 12 P.M"),
    ("in 2019–2023, the", "in 2019 to 2023, the"),
    ("ages 2–5, 6–10, and 11–17", "ages 2 to 5, 6 to 10, and 11 to 17"),
    ("a 1- to 2-hour meeting", "a 1 to 2-hour meeting"),
    # a dash joining words, or inside an identifier, is not a range
    ("Reverse transcription–polymerase chain reaction", "Reverse transcription polymerase chain reaction"),
    ("Coping – Daily Life", "Coping, Daily Life"),
    ("Mistletoe Extracts (PDQ®)–Patient Version", "Mistletoe Extracts, P.D.Q, Patient Version"),
)
def test_ranges(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    # acronyms decided per token: possessives, plurals, hyphen compounds, mixed case, long ones
    ("NCI's and NCI’s trials", "N.C.I's and N.C.I's trials"),
    ("services for AYAs", "services for A.Y.A.'s"),
    ("NCI-supported and NCI-Designated centers", "N.C.I supported and N.C.I Designated centers"),
    ("a specific mRNA", "a specific M.R.N.A"),
    ("eGFR and HbA1c", "E.G-F.R and H.B.A 1 C"),
    ("the USPSTF says", "the U.S.P.S.T.F says"),
    ("a WARNING here", "a WARNING here"),  # a long capitalized word with vowels is a word
    ("CT scan (CAT scan)", "C.T scan, cat scan"),
    ("the OCCAM office and NCCIH", "the Occam office and N.C.C.I.H"),
    ("PTEN and CHEK2 genes", "P-ten and check 2 genes"),
    ("GammaKnife, MedlinePlus and IscadorQu", "Gamma Knife, Medline Plus and Iscador Q.U"),
    ("abnobaVISCUM", "abnoba viscum"),
    ("see ClinicalTrials.gov or nccih.nih.gov", "see clinical trials dot gov or N.C.C.I.H dot N.I.H dot gov"),
)
def test_acronyms_per_token(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    # vanity numbers: digits in groups, letter groups said as words or spelled when they have no vowel
    ("call 1-800-4-CANCER (local)", "call 1 800, 4, cancer, local"),
    ("call 1–800–4–CANCER today", "call 1 800, 4, cancer today"),
    ("call 1-800-QUIT-NOW", "call 1 800, quit now"),
    ("call 1-877-FTC-HELP (toll-free)", "call 1 8 7 7, F.T.C help, toll-free"),
    ("at 1-800-4-CANCER (1-800-422-6237).", "at 1 800, 4, cancer, that is, 1 800, 4 2 2, 6 2 3 7."),
    # Roman numerals only after a word that counts them, and in lists
    ("stages I, II, III, or IV", "stages one, two, three, or four"),
    ("Stage I (also called stage 1)", "Stage one, also called stage 1"),
    ("an x-ray in 3-D and vitamin D", "an x-ray in 3-D and vitamin D"),
    ("type II and I diabetes", "type two and one diabetes"),
    # long identifiers, years, plurals, placeholders and symbols
    ("PMID: 26389448", "P.M.I.D: 2 6 3 8 9 4 4 8"),
    ("between 1993 and 2000", "between nineteen ninety-three and 2000"),
    ("in 1905 and 1900", "in nineteen oh five and nineteen hundred"),
    ("more than 230,000 references", "more than 230,000 references"),
    ("permission of the author(s)", "permission of the authors"),
    ("Updated <MM/DD/YYYY>.", "Updated."),
    ("PDQ® Board & staff and/or others", "P.D.Q Board and staff and or others"),
    ("percent%% $$$", "percent"),
    ("Temozolomide (teh-moh-ZOH-loh-mide) is a drug", "Temozolomide is a drug"),
)
def test_numbers_letters_and_symbols(written: str, spoken: str) -> None:
    assert say(written) == spoken


def test_initials_keep_their_stop_in_the_script_but_not_for_the_voice(voice) -> None:  # noqa: ANN001
    spoken = say("Dr. Tari A. King and Anne E. Dyson approved it, with the U. S. Food and Drug Administration.")
    assert "Tari A. King" in spoken and "Anne E. Dyson" in spoken
    assert split_sentences(spoken) == [spoken]
    heard = phonemes(voice, for_voice(spoken))
    assert len(heard) == 1  # one sentence for Piper too
    assert "ˈeɪ" in heard[0].split("tˈɑːɹ")[1].split("kˈɪŋ")[0]  # "A" said as the letter, not "uh"


def test_links_can_be_replaced_by_a_phrase() -> None:
    text = "Visit https://example.org/a?b=1 or write to a@b.org."
    assert say(text, link_phrase="the link in the show notes") == \
        "Visit the link in the show notes or write to the link in the show notes."


def test_report_names_rules_and_entries() -> None:
    report = Report()
    normalize("Dr. King, FACS, treats DCIS and HER2 (2018-19).", LEXICON, report)
    assert report.rules["title"] == 1
    assert report.rules["acronym"] == 2
    assert report.rules["year range"] == 1
    assert report.entries["HER2"] == 1


CAUSES = ["Aging", "A previous injury", "Infection", "Inflammation"]


@pytest.mark.parametrize(
    ("lead", "items", "ordered", "spoken"),
    [
        ("There are a variety of causes for calcifications, including:", CAUSES, False,
         "There are a variety of causes for calcifications, including: aging, a previous injury, infection, "
         "and inflammation."),
        ("", CAUSES[:2], False, "Aging and a previous injury."),
        ("", CAUSES, False, "Aging, a previous injury, infection, and inflammation."),
        ("Causes include", ["- Aging", "- Infection"], False, "Causes include aging and infection."),
        ("You may feel:", ["Tenderness, swelling", "Bruising; or", "Mild pain"], False,
         "You may feel: tenderness, swelling; bruising; or mild pain."),
        ("Risks are listed below.", ["Family history", "BRCA1 mutations"], False,
         "Risks are listed below. Family history and bracka 1 mutations."),
        ("Contacts:", ["Dana-Farber Cancer Institute", "Brigham and Women's Hospital"], False,
         "Contacts: Dana-Farber Cancer Institute and Brigham and Women's Hospital."),
        ("Steps:", ["1. Shower", "2. Skip deodorant", "3. Arrive early"], True,
         "Steps: first, shower; second, skip deodorant; and third, arrive early."),
        ("Before your mammogram:", ["Do not wear deodorant.", "Bring your previous images."], True,
         "Before your mammogram: First, do not wear deodorant. Second, bring your previous images."),
        # a lead-in ending in a colon is said on its own before items that are sentences, never "... include." or
        # "At this time."; folded into the first item only, that item would be said unlike the rest (N-6)
        ("At this time:", ["A radiation oncologist will plan your treatment. It takes an hour.",
                           "The therapist will draw small dots on your skin."], False,
         "At this time: A radiation oncologist will plan your treatment. It takes an hour. "
         "The therapist will draw small dots on your skin."),
        ("Ways of giving the dose include:", ["Accelerated fractionation, which is larger daily doses.",
                                              "Hyperfractionation, which is smaller doses twice a day."], False,
         "Ways of giving the dose include: Accelerated fractionation, which is larger daily doses. "
         "Hyperfractionation, which is smaller doses twice a day."),
        ("These habits raise the risk:", ["Drinking alcohol. Learn more about Alcohol and Cancer.",
                                          "Smoking. Learn more about Tobacco."], False,
         "These habits raise the risk: Drinking alcohol. Learn more about Alcohol and Cancer. "
         "Smoking. Learn more about Tobacco."),
        # an item that introduces the next ones runs on too
        ("It treats these cancers:", ["Astrocytoma. It is used:", "As adjuvant treatment.",
                                      "In patients whose cancer came back."], False,
         "It treats these cancers: Astrocytoma. It is used: as adjuvant treatment. In patients whose cancer came back."),
        ("Risk factors:", ["a harmful change in a gene, such as:", "BRCA1", "BRCA2", "a family history"], False,
         "Risk factors: a harmful change in a gene, such as bracka 1; bracka 2; and a family history."),
        # lower-case items closed by a full stop only at the end are one running list, not sentences
        ("It may include the following:", ["warnings about this drug,", "how it is used, and",
                                           "possible side effects."], False,
         "It may include the following: warnings about this drug, how it is used, and possible side effects."),
        ("Good habits", ["Exercise most days.", "Eat well and sleep enough."], False,
         "Good habits. Exercise most days. Eat well and sleep enough."),
        ("Lead in:", [], False, "Lead in:"),
    ],
)
def test_spoken_list(lead: str, items: list[str], ordered: bool, spoken: str) -> None:
    assert spoken_list(lead, items, ordered, LEXICON) == spoken


def test_long_ordered_lists_keep_counting() -> None:
    items = [f"Do step number {n} now." for n in range(1, 13)]
    spoken = spoken_list("", items, True, LEXICON)
    assert spoken.startswith("First, do step") and "Tenth, do step" in spoken
    assert "Number 12, do step number 12 now." in spoken


# ---------------------------------------------------------------- whole articles through Piper


def sample_sentences() -> list[str]:
    """The sample article as the script stage will speak it: lists joined, one sentence at a time."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    spoken: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if i + 1 < len(lines) and lines[i + 1].startswith("- "):
            items = []
            while i + 1 < len(lines) and lines[i + 1].startswith("- "):
                items.append(lines[i + 1])
                i += 1
            spoken += split_sentences(spoken_list(line, items, False, LEXICON))
        elif line.strip():
            spoken += [normalize(s, LEXICON) for s in split_sentences(line)]
        i += 1
    return spoken


def markdown_blocks(path: Path) -> list[tuple[str, list[str], bool]]:
    """A minimal Markdown reading for the test: (paragraph or lead-in, list items, ordered)."""
    blocks: list[tuple[str, list[str], bool]] = []
    for chunk in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        lines = chunk.strip().splitlines()
        items = [ln for ln in lines if re.match(r"\s*(?:[-*]|\d+\.)\s", ln)]
        if items and blocks and not blocks[-1][1]:
            lead = blocks.pop()[0]
            blocks.append((lead, items, bool(re.match(r"\s*\d", items[0]))))
        else:
            blocks.append((" ".join(ln.lstrip("# ") for ln in lines), [], False))
    return blocks


@pytest.fixture(scope="session")
def voice():  # noqa: ANN201 - a PiperVoice
    return piper_voice()


def phonemes(voice, text: str) -> list[str]:  # noqa: ANN001
    """Piper's phonemes, one string per sentence Piper itself would make."""
    return ["".join(sentence) for sentence in voice.phonemize(text)]


@pytest.mark.parametrize(
    ("raw", "misreading"),
    [
        ("Tari King, MD, FACS, chief", "fˈæks"),
        ("In DCIS, the cells", "dˈiːsˈɪs"),
        ("a BWH Precision Medicine Award (2018-19).", "dˈæʃ"),
        ("the 2019 AACR Cancer Progress Report", "ˈɑːkɚ"),
        ("Take 5 mg daily.", "ˌɛmdʒˈiː"),
    ],
)
def test_raw_text_has_the_misreading_and_normalized_text_does_not(voice, raw: str, misreading: str) -> None:  # noqa: ANN001
    assert misreading in "".join(phonemes(voice, raw))
    assert misreading not in "".join(phonemes(voice, say(raw)))


def test_sample_article_phonemes_have_none_of_the_misreadings(voice) -> None:  # noqa: ANN001
    spoken = sample_sentences()
    heard = [phonemes(voice, for_voice(sentence)) for sentence in spoken]
    everything = " ".join(" ".join(h) for h in heard)
    for misreading in ("fˈæks", "dˈiːsˈɪs", "dˈæʃ", "ˈɑːkɚ", "ˌɛmdʒˈiː", "ɹˌoʊmən"):
        assert misreading not in everything
    # "Dr." never ends a sentence: each spoken sentence is one sentence for Piper too
    for sentence, sentence_phonemes in zip(spoken, heard):
        assert len(sentence_phonemes) == len(split_sentences(sentence)), sentence
    assert "ˌɛfˌeɪsˌiːʲˈɛs" in everything  # F A C S, letter by letter
    assert "ˌeɪˌeɪsˌiːʲˈɑːɹ" in everything  # A A C R, both A's said "ay"
    assert "dˌiːsˌiːʲˌaɪˈɛs" in everything  # D C I S
    assert "lˈɪst" not in everything and not any(s.startswith("-") for s in spoken)
    assert "aging, a previous injury, infection, and inflammation" in " ".join(spoken)


def test_sample_article_keeps_every_sentence() -> None:
    written = [s for s in split_sentences(SAMPLE.read_text(encoding="utf-8")) if not s.startswith("- ")]
    assert len(sample_sentences()) == len(written)


ACRONYM_LEFT = re.compile(r"(?<![\w.'-])[A-Z]{2,}(?![\w.'-])")
KEPT_AS_WORDS = {e.spoken for e in LEXICON.entries}


def test_second_article_normalizes_sensibly(voice) -> None:  # noqa: ANN001
    spoken: list[str] = []
    for lead, items, ordered in markdown_blocks(SECOND):
        if items:
            spoken += split_sentences(spoken_list(lead, items, ordered, LEXICON))
        else:
            spoken += [normalize(s, LEXICON) for s in split_sentences(lead)]
    text = "\n".join(spoken)
    assert len(spoken) >= 20
    for sentence in spoken:
        assert not sentence.startswith(("-", "*", "1.", "#")), sentence
        assert not re.search(r"[–—()\[\]%$&/*#<>~“”\"@]|\d-\d|\d\.\d", sentence), sentence
        for word in ACRONYM_LEFT.findall(sentence):
            assert word in KEPT_AS_WORDS, (word, sentence)
        assert len(phonemes(voice, sentence)) == 1, sentence
    for expected in (
        "Getting Ready for Your Breast M.R.I",
        "ages 25 to 30",
        "aged 40 to 74",
        "1 in 8 women",
        "Follow these steps: First, tell the scheduling team",
        "bring: your insurance card; a list of your medicines; and prior mammograms",
        "0 point 1 millimoles per kilogram, for example, about 7 milliliters for a 70 kilogram adult",
        "metformin 500 milligrams",
        "25 milligrams of diphenhydramine",
        "2 to 3 business days",
        "at ages 25 to 30.",
        "an M.R.I guided biopsy",
        "kidney disease, E.G-F.R less than 30, tell the nurse",
        "a BI-RADS category from 0 to 6",
        "6 1 7, 5 5 5, 0 1 4 2",
        "8 A.M to 4 30 P.M",
        "example dot org slash breast dash M.R.I",
        "imaging at example dot org",
    ):
        assert expected in text, expected
    heard = " ".join(" ".join(phonemes(voice, s)) for s in spoken)
    assert heard.count("dˈæʃ") == heard.count("slˈæʃ") == 1  # only in the spoken URL
    assert "ɛɡzˈæmpəl ˌɛf" not in heard


def test_an_aside_keeps_a_pause_that_the_voice_renders(voice) -> None:  # noqa: ANN001
    """Piper's phonemizer drops brackets (no pause at all: "the bladder rare and"); commas are the pause it renders
    (dashes become the same ';' pause, an ellipsis none), so an aside is said between commas."""
    raw = "surgery to remove the bladder (rare) and other treatments"
    assert "blˈædɚ ɹˈɛɹ ænd" in "".join(phonemes(voice, raw))
    assert "blˈædɚ, ɹˈɛɹ, ænd" in "".join(phonemes(voice, say(raw)))
