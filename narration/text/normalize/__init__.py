"""Speech normalization: written text -> text every engine speaks right (engine-independent).

Rules run in a fixed order, each a compiled regex with a name the Report counts. Lexicon entries and
spoken URLs are "held" behind private-use placeholders, so no later rule rewrites them.
Spelled-out letters are written "D.C.I.S" (dots, no final dot): the Piper voice then says every
letter, "A" included ("A A C R" reads the A's as the article "uh"), and no sentence ends early.
"""
from __future__ import annotations

from narration.text.lexicon import Report
from narration.text.normalize.lists import LEAD, TOGETHER, ListWords, list_pieces, spoken_list, unit_words
from narration.text.normalize.sentence import for_voice, normalize

__all__ = ["LEAD", "TOGETHER", "ListWords", "Report", "for_voice", "list_pieces", "normalize", "spoken_list", "unit_words"]
