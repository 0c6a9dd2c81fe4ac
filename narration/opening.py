"""A section's opening words as written, for episode notes: whole sentences only, a list read into the
sentence that introduces it, never cut after a colon or in the middle of a sentence."""
from __future__ import annotations

import re
from typing import Iterator, Sequence

from narration.models import Block
from narration.ingest.tables import spoken_rows
from narration.text.sentences import split_sentences

LIMIT = 400  # characters; podcast apps show two or three lines of notes
ENOUGH = 160  # stop after the sentence that passes this many characters
POINTS_AHEAD = re.compile(r"\b(following|these|below|as follows)\W*$", re.IGNORECASE)  # "... the following:"


def _item(text: str) -> str:
    """A list item inside a sentence: 'Aging' -> 'aging' (an acronym or a name in capitals stays)."""
    text = text.strip().rstrip(" .;,")
    return text[:1].lower() + text[1:] if re.match(r"(?!I\b)[A-Z][a-z]*\b", text) else text


def _is_sentence(item: str) -> bool:
    """A list item that reads as a sentence of its own (closed by a full stop, or long)."""
    return item.rstrip()[-1:] in (".", "?", "!") or len(item.split()) >= 8


def _ended(text: str) -> str:
    text = text.strip().rstrip(":;,").rstrip()
    return text if text[-1:] in (".", "?", "!") else text + "."


def _with_list(lead: str, items: Sequence[str], conjunction: str) -> list[str]:
    """'causes, including:' + ['Aging', 'Infection'] -> 'causes, including aging and infection.'; a list of
    sentences with no lead-in is read as those sentences."""
    said = [i.strip() for i in items if i.strip(" .;,:")]
    if not said:
        return [_ended(lead)] if lead.strip(" .;,:") else []
    if any(_is_sentence(i) for i in said) or POINTS_AHEAD.search(lead):
        return [] if lead.strip() else [_ended(i) for i in said]  # a lead-in that needs its colon is not used
    said = [_item(i) for i in said]
    sep = "; " if any("," in i for i in said) else ", "
    last = f"{sep}{conjunction} " if len(said) > 2 else f" {conjunction} "
    body = sep.join(said[:-1]) + last + said[-1] if len(said) > 1 else said[0]
    text = " ".join(x for x in (lead.rstrip(":").rstrip(), body) if x) + "."
    return [text[:1].upper() + text[1:]]


def _sentences(blocks: Sequence[Block], conjunction: str) -> Iterator[str]:
    """Written sentences in reading order; a sentence ending in a colon takes the list after it."""
    pending = ""  # a sentence ending in ':' waiting for its list
    for block in blocks:
        if block.kind == "list":
            said = _with_list(pending, block.items, conjunction)
            if pending and not said:
                return
            yield from said
            pending = ""
            continue
        if pending:
            return  # a colon followed by something that is not a list: stop before it
        if block.kind == "subheading":
            continue
        texts = spoken_rows(block) if block.kind == "table" else [" ".join(block.text.split())]
        for sentence in (s.strip() for text in texts for s in split_sentences(text)):
            if sentence.endswith(":"):
                pending = sentence
                break
            if sentence:
                yield sentence


def opening_words(blocks: Sequence[Block], conjunction: str, limit: int = LIMIT) -> str:
    """As many whole opening sentences as fit the limit (at least one, shortened at a word only when alone); a list
    read into a sentence ends with `conjunction` (the notes' language's "and")."""
    taken: list[str] = []
    for sentence in _sentences(blocks, conjunction):
        if taken and len(" ".join([*taken, sentence])) > limit:
            break
        taken.append(sentence)
        if len(" ".join(taken)) >= ENOUGH:
            break
    text = " ".join(taken)
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
    return text
