"""Image alt text a paste keeps as lines of its own: a picture's name just above the line that says the same
("Choose pasteurized milk" over "Choose pasteurized milk."; an icon's "Listeria germ" over "Listeria"), and a
short line that names or describes a picture ("... infographic banner", "Cow in a green circle")."""
from __future__ import annotations

import re

from narration.ingest.text.units import Unit, text_key, words

ALT_WORDS = 12  # an alt text: a picture's name or a short description
END_MARK = re.compile(r"[\s.!?:;,]+$")
# a line that ends with what the picture is: "Know the Raw Facts infographic banner", "Helpline icon"; a question or
# a how-to ("How to read the warning icon") is a heading about one
PICTURE_NAME = re.compile(r"(?i)^(?!(?:how|what|why|when|where|which|who|tips|using|reading|making|about)\b)"
                          r"[^.!?:;]{1,80}\s(?:banner|icons?|infographic|logo|thumbnail|clip ?art)$")
# a word before "being" that makes it a clause about a state, not what a picture shows: "Fear of being tested"
NOT_A_SUBJECT = ("about", "of", "when", "while", "after", "before", "from", "for", "without", "not", "is", "are",
                 "was", "were", "by", "at", "on", "in", "with", "to", "avoid", "risk", "fear")
COLOUR = r"(?:red|green|blue|yellow|orange|purple|pink|white|black|grey|gray|brown|gold|silver)"
# what a picture shows, no clause: "Cow in a green circle", "Pot containing milk being heated"
PICTURE_SCENE = re.compile(r"(?i)^[^.!?:;]{1,60}\b(?:in|on|inside) an? " + COLOUR + r" (?:circle|square|box|background|"
                           r"triangle|frame|star|shape)$|^(?:an? |the )?[a-z]+(?: [a-z]+){0,5}"
                           + "".join(f"(?<! {word})" for word in NOT_A_SUBJECT) + r" being [a-z]+ed$")
FUNCTION = {"a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with"}


def _plain(unit: Unit) -> bool:
    return not unit.is_list and unit.kind == "paragraph" and 0 < len(words(unit.text)) <= ALT_WORDS


def _names_next(line: str, following: str) -> bool:
    """The line says the next one again, its end punctuation aside, or with one noun more ("Listeria germ")."""
    mine, theirs = text_key(END_MARK.sub("", line)), text_key(END_MARK.sub("", following))
    if mine == theirs:
        return True
    rest = mine[len(theirs):].split() if mine.startswith(theirs + " ") else []
    return len(rest) == 1 and rest[0].isalpha() and rest[0] not in FUNCTION and line.split()[-1].islower()


def alt_lines(units: list[Unit]) -> dict[int, str]:
    """Alt text lines, by index, as "image alt text"."""
    found: dict[int, str] = {}
    for index, unit in enumerate(units):
        if not _plain(unit) or END_MARK.search(unit.text.rstrip(")”\"’'")):
            continue
        following = units[index + 1] if index + 1 < len(units) else None
        if ((following is not None and not following.is_list and _names_next(unit.text, following.text))
                or PICTURE_NAME.match(unit.text.strip()) or PICTURE_SCENE.match(unit.text.strip())):
            found[index] = "image alt text"
    return found
