"""Ninth unseen round, how sentences are said: colons inside codes and ratios, every dash-like character, the
minus sign. Each rule with the look-alikes it must leave alone."""
from __future__ import annotations

from spoken_table import say, table


@table(
    # a colon between two parts that hold digits is inside a code: no label's pause
    ("Infection with E. coli O157:H7 is serious.", "Infection with E. coli O157 H7 is serious."),
    ("The O104:H4 strain spread.", "The O104 H4 strain spread."),
    # two numbers: a ratio, said "to", when no clock time could be meant or a word of mixing is near
    ("Dilute it 1:1000 in water.", "Dilute it 1 to 1000 in water."),
    ("Mix bleach and water in a 1:10 ratio.", "Mix bleach and water in a 1 to 10 ratio."),
    ("Use a 1:10 bleach solution.", "Use a 1 to 10 bleach solution."),
    ("The odds were 2:1 against.", "The odds were 2 to 1 against."),
    # look-alikes: a clock time, a verse after a name, a label colon that lost its space
    ("Come at 10:30 in the morning.", "Come at 10 30 in the morning."),
    ("The bus leaves at 1:10 daily.", "The bus leaves at 1 10 daily."),
    ("Read John 3:5 today.", "Read John 3 5 today."),
    ("Note:This is a label.", "Note: This is a label."),
    ("Step 1:Mix well.", "Step 1: Mix well."),
)
def test_colon_between_letters_or_digits(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    ("It smelled bad\u2015and looked cloudy.", "It smelled bad, and looked cloudy."),
    ("It was bad\u2e3aworse than ever.", "It was bad, worse than ever."),
    ("It was bad\ufe58worse than ever.", "It was bad, worse than ever."),
    ("Rest for 5\u201210 days.", "Rest for 5 to 10 days."),
    ("Good self\uff0dcare helps.", "Good self-care helps."),
    # the minus sign is said before a number; a hyphen is not
    ("Store it at \u221220\u00b0C.", "Store it at minus 20 degrees Celsius."),
    ("Subtract: 10 \u2212 3 is 7.", "Subtract: 10 minus 3 is 7."),
    ("Rest for 5-10 days.", "Rest for 5 to 10 days."),
)
def test_every_dash(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    # a conjunction typed in capitals between lower-case words is stressed, said as the word
    ("Clothing can be dry-cleaned OR sealed in a bag.", "Clothing can be dry-cleaned or sealed in a bag."),
    ("Take it with food OR milk.", "Take it with food or milk."),
    ("Do NOT stop. Use ONLY one. NEVER share it.", "Do not stop. Use only one. Never share it."),
    ("Rest AND drink. Small BUT real.", "Rest and drink. Small but real."),
    # the operating room stays an acronym
    ("She was taken to the OR for surgery.", "She was taken to the O.R for surgery."),
    ("Patients in OR settings wear masks.", "Patients in O.R settings wear masks."),
    ("An OR nurse came.", "An O.R nurse came."),
)
def test_stressed_conjunction(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    # a UK number: a four-digit area code and a six-digit local number, in groups, digit by digit
    ("Tel: 01473 702194", "Tel: 0 1 4 7 3, 7 0 2 1 9 4"),
    ("Tel: 0113 496 0000.", "Tel: 0 1 1 3, 4 9 6, 0 0 0 0."),
    # another line's number written short after it is the same kind of number
    ("Tel: 01473 702194 or 702195", "Tel: 0 1 4 7 3, 7 0 2 1 9 4 or 7 0 2 1 9 5"),
    ("Call 0300 123 1234 or 1235.", "Call 0 3 0 0, 1 2 3, 1 2 3 4 or 1 2 3 5."),
    ("Call 555-1234 or 5678.", "Call 5 5 5, 1 2 3 4 or 5 6 7 8."),
    # counts stay counts
    ("The trial had 01473 people.", "The trial had 01473 people."),
    ("In all, 123 456 or 789 people came.", "In all, 123,456 or 789 people came."),  # one count
)
def test_uk_phone_number(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    # a respelling of two words, one broken after a hyphen
    ("It is erythema migrans (er-uh-THEE-muh MY- granz) or EM.", "It is erythema migrans or E.M."),
    ("It is erythema migrans (er-uh-THEE-muh MY-granz) today.", "It is erythema migrans today."),
    # a respelling in lower case, three syllables or more that are no English words
    ("Your urinary (yoor-ih-nehr-ee) tract.", "Your urinary tract."),
    ("It spreads to the urethra (yuh-ree-thra).", "It spreads to the urethra."),
    # hyphenated words in brackets stay
    ("A test (BRCA-related low-risk) is done.", "A test, bracka-related low-risk, is done."),
    ("Lung cancer (non-small-cell) is common.", "Lung cancer, non-small-cell, is common."),
    ("It is used (long-term) for pain.", "It is used, long-term, for pain."),
    ("A scan (x-ray-guided) is done.", "A scan, x-ray-guided, is done."),
    ("Meet them (one-on-one) weekly.", "Meet them, one-on-one, weekly."),
)
def test_respelling(written: str, spoken: str) -> None:
    assert say(written) == spoken


def test_a_respelling_broken_after_a_hyphen_is_debris() -> None:
    import re

    from narration.ingest.debris import DEFAULT_DEBRIS

    patterns = [re.compile(p) for name, p in DEFAULT_DEBRIS if name == "pronunciation"]
    assert any(p.search("erythema migrans (er-uh-THEE-muh MY- granz) or EM") for p in patterns)
    assert not any(p.search("a test (BRCA-related low-risk) is done") for p in patterns)
