"""How telephone numbers are written: the one source for the page readers that tell a helpline's line from
text and for the rules that say a number digit by digit."""
from __future__ import annotations

# A North American number after its optional country code: "(608) 263-8009", "800-222-1222"; the groups are
# area code, exchange and line.
NORTH_AMERICAN = r"\(?(\d{3})\)?[-–. ]?(\d{3})[-–.](\d{4})"
# A national number dialled with its trunk zero, in groups: "020 8709 5555", "01905 362 207".
TRUNK = r"0\d{2,4}(?:[ -]\d{3,6}){1,2}"
# An Australian number: "1800 022 222", "1300 360 227" (4+3+3), "13 11 14" (2+2+2).
AUSTRALIAN = r"(?:1[38]00(?:[ -]\d{3}){2}|13(?: \d\d){2})"
# Numbers in three groups, North American or British ("1-800-232-4636", "0300 222 5800"), and a toll-free number
# that spells a word ("1-800-4-CANCER").
GROUPED = r"(?:1[-. ])?\(?\d{3,5}\)?[-. ]\d{3,4}[-. ]\d{3,4}"
VANITY = r"1-8\d\d-[\dA-Z]+(?:-[\dA-Z]+)+"
# Words that ask for a number to be dialled ("call 0300 ...", "text 85258"); each rule adds its own.
CALLING_VERBS = frozenset("call dial text phone".split())


def phone_run(least: int, last: str = r"\d") -> str:
    """A number as a banner or contact line writes it, whatever the country: a digit, then at least `least`
    digits, spaces, brackets, dots or hyphens, then `last` (a digit, or a vanity number's letters)."""
    return r"\+?\d[\d ().-]{" + str(least) + ",}" + last
