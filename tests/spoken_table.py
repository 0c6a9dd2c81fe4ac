"""Written -> spoken tables for the normalization tests: the English `say` and the `table` decorator."""
from __future__ import annotations

import pytest

from narration.text.lexicon import load_lexicon
from narration.text.normalize import normalize

LEXICON = load_lexicon(None)


def say(text: str, **options: str) -> str:
    """A sentence as the English rules and the shipped lexicon say it."""
    return normalize(text, LEXICON, **options)


def table(*rows: tuple[str, str]):  # noqa: ANN201 - a parametrize decorator
    """Parametrize a test over (written, spoken) rows."""
    return pytest.mark.parametrize(("written", "spoken"), rows)
