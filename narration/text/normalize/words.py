"""Ordinary English words, apart from names: shared by the rules that must tell a plain word ("Headaches",
"gastric") from a name or a brand ("Barrett", "Tylenol"). Imports nothing of the rules, so any of them may import it."""
from __future__ import annotations

import functools


@functools.cache
def _lower_case_words() -> frozenset[str]:
    """The words Webster's word list writes in lower case: its names keep their capital ("Barrett", "Hodgkin")."""
    from english_words import get_english_words_set  # read on first use: Webster's whole word list

    return frozenset(word for word in get_english_words_set(["web2"], lower=False, alpha=True) if word.islower())


def ordinary_word(word: str) -> bool:
    """An ordinary English word, in any of its inflections ("Headaches", "Swelling"), that a running list may
    lower; a name is not one ("Barrett", "Crohn's", "Medicare", "Tylenol")."""
    word = word.lower()
    stems = [word, *(word[:-len(end)] + add for end, add in (("s", ""), ("es", ""), ("ies", "y"), ("ing", ""),
                                                             ("ing", "e"), ("ed", ""), ("ed", "e"), ("d", ""))
                     if word.endswith(end))]
    return any(stem in _lower_case_words() for stem in stems)
