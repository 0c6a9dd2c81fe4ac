"""How numbers, dashes, slashes and brackets are said, thirteenth round of unseen pages; each rule with the
look-alikes it must leave alone (pure text, no speech synthesis)."""
from __future__ import annotations

from spoken_table import say, table


@table(
    # a name that goes on with "and" + a capital is a longer name: the abbreviation said where it stands
    ("Tuberculosis (TB) Prevention and Care.", "Tuberculosis, or T.B, Prevention and Care."),
    ("Tuberculosis (TB) Prevention & Care.", "Tuberculosis, or T.B, Prevention and Care."),
    # the name ending there keeps last round's rule
    ("Over-the-Counter (OTC) Medicine and more.", "Over-the-Counter Medicine, or O.T.C Medicine, and more."),
)
def test_abbreviation_in_a_longer_name(written: str, spoken: str) -> None:
    assert say(written) == spoken


@table(
    # digit groups set apart by single spaces are one number
    ("About 360 000 people a year.", "About 360,000 people a year."),
    ("It costs 1 250 000 dollars.", "It costs 1,250,000 dollars."),
    ("Between 360 000 or 400 000 people.", "Between 360,000 or 400,000 people."),
    # phone numbers in groups stay dialled; a list of small numbers stays a list
    ("Call Samaritans on 116 123 today.", "Call Samaritans on 1 1 6, 1 2 3 today."),
    ("The line is 01905 362 207.", "The line is 0 1 9 0 5, 3 6 2, 2 0 7."),
    ("Call 1800 022 222.", "Call 1 800, 0 2 2, 2 2 2."),
    ("Dial 000 now.", "Dial 0 0 0 now."),
    ("Ages 5 10 and 15.", "Ages 5 10 and 15."),
    # a phone number with en dashes is a phone number, not a range
    ("Call 301–443–3860 today.", "Call 3 0 1, 4 4 3, 3 8 6 0 today."),
    ("The line is 301–443–3860.", "The line is 3 0 1, 4 4 3, 3 8 6 0."),
    ("Read pages 301–443.", "Read pages 301 to 443."),
)
def test_spaced_thousands_and_dashed_phones(written: str, spoken: str) -> None:
    assert say(written) == spoken
