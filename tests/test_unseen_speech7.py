"""Round seven of pages nobody tuned to: how sentences are said. Phone numbers in brackets, Australian and UK
numbers, spans of days and months, an abbreviation the sentence defines, service numbers wherever one is called,
"+" between words, acronyms said as words in the transcript, gene fusions. Each rule with its look-alikes."""
from __future__ import annotations

from narration.text.normalize import for_voice
from spoken_table import say, table


@table(
    # a bracketed phone number that lost its sentence's full stop ends its sentence
    ("Get help right away (1-800-555-0199) Quick care matters.",
     "Get help right away, 1 800, 5 5 5, 0 1 9 9. Quick care matters."),
    ("Call the line (0300 123 4567) Lines are open daily.",
     "Call the line, 0 3 0 0, 1 2 3, 4 5 6 7. Lines are open daily."),
    ("Call us (1-800-555-0199) Monday to Friday.", "Call us, 1 800, 5 5 5, 0 1 9 9, Monday to Friday."),
    ("Call us (1-800-555-0199) for help.", "Call us, 1 800, 5 5 5, 0 1 9 9, for help."),
    ("Call 1-800-555-0199 for help.", "Call 1 800, 5 5 5, 0 1 9 9 for help."),
    ("The study (2019-2021) Results were mixed.", "The study, 2019 to 2021, Results were mixed."),
    # Australian numbers: 1800 and 1300 in groups, 13 and two pairs; 000 is the emergency number
    ("Call 1800 555 123 for advice.", "Call 1 800, 5 5 5, 1 2 3 for advice."),
    ("Call 1300 555 123 today.", "Call 13 hundred, 5 5 5, 1 2 3 today."),
    ("Call 13 11 14 any time.", "Call 13, 11, 14 any time."),
    ("In an emergency, call 000.", "In an emergency, call 0 0 0."),
    ("Call 0800 123 4567 free.", "Call 0 8 0 0, 1 2 3, 4 5 6 7 free."),
    ("In 1800 the town grew.", "In eighteen hundred the town grew."),  # a year
    ("About 1800 people came.", "About eighteen hundred people came."),
    ("We counted 10 000 cells.", "We counted 10,000 cells."),  # no service number: one number
    ("It cost $1,000 in 2020.", "It cost 1,000 dollars in 2020."),
    # a span of days or months, short or in full, is "to"
    ("Open Monday–Friday.", "Open Monday to Friday."),
    ("Open Saturday–Sunday, 9am–1pm.", "Open Saturday to Sunday, 9 A.M to 1 P.M."),
    ("Open Mon–Fri.", "Open Monday to Friday."),
    ("Open Tues-Thurs only.", "Open Tuesday to Thursday only."),
    ("From January–March each year.", "From January to March each year."),
    ("From Sept–Nov.", "From September to November."),
    ("Closed Sat–Mar.", "Closed Sat, Mar."),  # a day and a month are no span
    ("Friday-night lights.", "Friday-night lights."),
    # an abbreviation the sentence defines is spelled, not expanded into its own definition
    ("The mmHg is millimeters of mercury—the unit used.", "The M.M.H.G is millimeters of mercury, the unit used."),
    ("The term mg means milligrams.", "The term M.G means milligrams."),
    ("mg/dL stands for milligrams per deciliter.", "M.G per D.L stands for milligrams per deciliter."),
    ("It is 120/80 mmHg.", "It is 120 over 80 millimeters of mercury."),
    ("A reading in mmHg is common.", "A reading in millimeters of mercury is common."),
    ("Take 800 micrograms (mcg) a day.", "Take 800 micrograms a day."),
    # a service number wherever it is called, not only the first in a sentence
    ("Call 999 if worse, and contact 999 again if it returns.",
     "Call 9 9 9 if worse, and contact 9 9 9 again if it returns."),
    ("Contact 111 for advice.", "Contact 1 1 1 for advice."),
    ("There were 999 patients.", "There were 999 patients."),
    ("About 911 people came again.", "About 911 people came again."),
    # "+" between words is "and", between numbers "plus"; signs on a word stay as they were
    ("Help + guidance", "Help and guidance"),
    ("2 + 2 = 4.", "2 plus 2 equals 4."),
    ("Aged 65+ only.", "Aged 65 plus only."),
    ("She is HER2+ now.", "She is her 2 positive now."),
    # an acronym said as a word keeps its capitals in the script
    ("The PET-CT scan and the PET scan.", "The PET-C.T scan and the PET scan."),
    ("PET scans show it.", "PET scans show it."),
    ("NICE guidance says so.", "NICE guidance says so."),
    # a gene fusion
    ("The CIC::DUX4 fusion is rare.", "The C.I.C D.U.X 4 fusion is rare."),
    ("A gene called ATXN1L::NUTM2A is made.", "A gene called A.T.X.N 1 L N.U.T.M 2 A is made."),
    ("A ratio of 1:2.", "A ratio of 1 to 2."),  # a ratio is said (tests/test_unseen_p9a.py)
)
def test_said(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    ("The PET-C.T scan and the PET scan.", "The pet-C.T scan and the pet scan."),
    ("NICE guidance on AIDS.", "nice guidance on aids."),
    ("The ICU and HIPAA.", "The ICU and HIPAA."),  # no word the dictionary says: as the voice reads them today
    ("BI-RADS 4 and C.T", "BI-RADS 4 and C.T"),
)
def test_voice_says_acronym_words_in_lower_case(written: str, spoken: str) -> None:
    assert for_voice(written) == spoken
