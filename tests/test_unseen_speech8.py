"""Round eight of pages nobody tuned to: how sentences are said. Vanity numbers with the area code in brackets,
numbers to contact written as plain digit groups, file sizes, slashes inside a compound. Each rule with its
look-alikes."""
from __future__ import annotations

import pytest

from spoken_table import say, table


@table(
    # a vanity number whose area code is in brackets: its letters a word ("info") or spelled ("F.D.A")
    ("Or call 1(888)INFO-FDA.", "Or call 1 8 8 8, info F.D.A."),
    ("Call 1 (800) 4-CANCER.", "Call 1 800, 4, cancer."),
    ("Call (800) FDA-1088.", "Call 800, F.D.A, 1 0 8 8."),
    ("Call the line (800-FDA-1088) now.", "Call the line, 800, F.D.A, 1 0 8 8, now."),
    ("Call 1-800-4-CANCER today.", "Call 1 800, 4, cancer today."),
    ("Call 1(888)463-6332 now.", "Call 1 8 8 8, 4 6 3, 6 3 3 2 now."),
    ("Take 800 MG daily.", "Take 800 M.G daily."),  # a dose
    # a number to contact, in one group of digits or several, after call/text/ring or "on"/"to" after one
    ("You can call Samaritans on 116 123 (freephone).", "You can call Samaritans on 1 1 6, 1 2 3, freephone."),
    ("Text HELP to 85258.", "Text H.E.L.P to 8 5 2 5 8."),
    ("Ring Childline on 0800 1111.", "Ring Childline on 0 8 0 0, 1 1 1 1."),
    ("Call us at 212 555 1234 today.", "Call us at 2 1 2, 5 5 5, 1 2 3 4 today."),
    ("Text 741741 to reach a counselor.", "Text 7 4 1 7 4 1 to reach a counselor."),
    ("Call 111 if you need help.", "Call 1 1 1 if you need help."),
    ("We met on 2 days and saw it on 100 patients.", "We met on 2 days and saw it on 100 patients."),
    ("Call 300 families a week.", "Call 300 families a week."),  # a count
    ("The trial on 116 123 patients ended.", "The trial on 116,123 patients ended."),
    ("We call it on 120/80.", "We call it on 120 over 80."),
    ("Take 200 mg on 3 days.", "Take 200 milligrams on 3 days."),
    # a file's size: kilobytes, megabytes, gigabytes after a number; "kb" (kilobases) and a bare "MB" stay
    ("PDF version - 979KB", "P.D.F version, 979 kilobytes"),
    ("The file (154 KB) opens.", "The file, 154 kilobytes, opens."),
    ("A 2 MB file and 1.5 GB of data.", "A 2 megabyte file and 1 point 5 gigabytes of data."),
    ("A 5 kb deletion.", "A 5 kb deletion."),
    ("The MB fraction of CK.", "The M.B fraction of C.K."),
    # a short word in a web address is said as the word ("web", "my"), an abbreviation spelled ("nih")
    ("See web.archive.org today.", "See web dot archive dot org today."),
    ("See my.example.org and nih.gov.", "See my dot example dot org and N.I.H dot gov."),
    # a slash between two lower-case words that together describe the next noun is one combined kind: "and";
    # a choice (pronouns, answers, opposites, spans of time) or a pair with no noun after it stays "or"
    ("Take a multivitamin/mineral supplement.", "Take a multivitamin and mineral supplement."),
    ("Most multivitamin/mineral dietary pills have zinc.", "Most multivitamin and mineral dietary pills have zinc."),
    ("Heavy drug/alcohol use is common.", "Heavy drug and alcohol use is common."),
    ("The doctor/patient bond matters.", "The doctor and patient bond matters."),
    ("Tell your doctor/nurse.", "Tell your doctor or nurse."),
    ("Ask your doctor/nurse about it.", "Ask your doctor or nurse about it."),
    ("Use a cream/ointment twice a day.", "Use a cream or ointment twice a day."),
    ("Answer yes/no questions.", "Answer yes or no questions."),
    ("Ask his/her doctor.", "Ask his or her doctor."),
    ("A male/female patient.", "A male or female patient."),
    ("Once a day/week basis.", "Once a day or week basis."),
    ("Hispanic/Latino adults", "Hispanic or Latino adults"),
    ("Dana-Farber/Brigham Cancer Center", "Dana-Farber and Brigham Cancer Center"),
    ("A glucose of 90 mg/dL is normal.", "A glucose of 90 milligrams per deciliter is normal."),
)
def test_said(written: str, spoken: str) -> None:
    assert say(written) == spoken


@pytest.mark.parametrize(("written", "phonemes"), [
    ("A PICC line is a thin tube.", "pˈɪk lˈaɪn"),
    ("PICCs are used.", "pˈɪks"),
    ("Use a CPAP machine.", "sˈiːpˈæp"),
    ("A HEPA filter helps.", "hˈɛpə"),
])
def test_clinical_acronyms_said_as_words_reach_the_voice_as_words(written: str, phonemes: str) -> None:
    """Checked with Piper's phonemizer: the lexicon keeps these capitals, the voice says them as one word."""
    from piper_voice import piper_voice

    from narration.text.lexicon import Report, load_lexicon
    from narration.text.normalize import for_voice, normalize
    spoken = normalize(written, load_lexicon(None), Report())
    said = "".join("".join(p) for p in piper_voice().phonemize(for_voice(spoken)))
    assert phonemes in said and "." not in spoken.rstrip(".")
