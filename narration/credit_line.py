"""Credits -> one spoken line ("Reviewed by Dr. Ada Lane, professor of surgery at ..."): who stands behind the
article is worth a sentence to a listener, a two-minute CV is not (the full text stays in the book)."""
from __future__ import annotations

import re

from narration.models import Article, Section
from narration.phrases import Phrases, phrases_for
from narration.text.sentences import split_sentences

# Credits sections that present a person, and how the line introduces them.
PERSON_HEADING = re.compile(r"\b(?P<who>reviewer|author|editor|expert|contributor)s?\b", re.IGNORECASE)
VERBS = {"reviewer": "reviewed_by", "expert": "reviewed_by", "author": "written_by", "contributor": "written_by",
         "editor": "edited_by"}  # -> the phrase table's wording, in the article's language
# "Dr. Ada Lane, MD, is the chief of ...": a short name, then what the person is.
PRESENTS = re.compile(r"^(?P<name>[A-Z][^;:]{2,80}?),?\s+(?:is|was|serves as)\s+(?P<role>(?:the|a|an)\s.+?)\.?$")
MIDDLE_INITIAL = re.compile(r"(?<=\w)\s+[A-Z]\.\s+(?=[A-Z])")  # "Tari A. King" is said "Tari King"
MAX_NAME_WORDS = 10
MAX_ROLE_WORDS = 20


def _person(section: Section, phrases: Phrases) -> str:
    """'<verb> <name>, <first role>.' from the section's first sentence, or '' when it does not present one."""
    found = PERSON_HEADING.search(section.heading)
    paragraph = next((b.text for b in section.blocks if b.kind == "paragraph"), "")
    sentences = split_sentences(" ".join(paragraph.split()))
    match = PRESENTS.match(sentences[0].strip()) if found and sentences else None
    if not match or len(match.group("name").split()) > MAX_NAME_WORDS:
        return ""
    role = re.split(r"[,;]\s", match.group("role"), maxsplit=1)[0].strip()
    name = MIDDLE_INITIAL.sub(" ", match.group("name").strip())
    by = getattr(phrases, VERBS[found.group("who").lower()]).format(name=name)
    return f"{by}, {role}." if len(role.split()) <= MAX_ROLE_WORDS else f"{by}."


def credit_line(article: Article) -> str:
    """The spoken credits line: from the first credits section that presents a person, else from the article's
    reviewer metadata; '' when neither says who (boilerplate credits are then not read)."""
    phrases = phrases_for(article.meta.language or "en")
    for section in article.sections:
        if section.role == "credits" and (line := _person(section, phrases)):
            return line
    reviewer = " ".join(article.meta.reviewed_by.split()).rstrip(".")
    return phrases.reviewed_by.format(name=reviewer) + "." if reviewer else ""
