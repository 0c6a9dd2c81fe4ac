"""Sentence splitting: titles, initials, abbreviations and decimals never end a sentence."""
from __future__ import annotations

from pathlib import Path

import pytest

from narration.text.sentences import clause_pieces, split_sentences

SAMPLE = Path(__file__).parent.parent / "narration" / "data" / "breast-calcifications.txt"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr. King is here. She is kind.", ["Dr. King is here.", "She is kind."]),
        ("Ask Mr. Lee, Mrs. Cho, Ms. Diaz or Prof. Hall.", ["Ask Mr. Lee, Mrs. Cho, Ms. Diaz or Prof. Hall."]),
        ("They met at St. Jude. It was late.", ["They met at St. Jude.", "It was late."]),
        ("Surgery vs. Radiation is the question.", ["Surgery vs. Radiation is the question."]),
        ("Take NSAIDs, e.g. Ibuprofen, with food.", ["Take NSAIDs, e.g. Ibuprofen, with food."]),
        ("Use one dose, i.e. One tablet.", ["Use one dose, i.e. One tablet."]),
        ("Pain, swelling, etc. are common.", ["Pain, swelling, etc. are common."]),
        ("Bring forms, cards, etc. Then wait.", ["Bring forms, cards, etc.", "Then wait."]),
        ("Dr. Tari A. King leads it.", ["Dr. Tari A. King leads it."]),
        ("The Susan G. Komen fund paid.", ["The Susan G. Komen fund paid."]),
        ("J. Smith wrote it.", ["J. Smith wrote it."]),
        ("She takes vitamin A. It helps.", ["She takes vitamin A.", "It helps."]),
        ("The U.S. Food and Drug Administration agreed.", ["The U.S. Food and Drug Administration agreed."]),
        ("It opens at 9 a.m. and closes at 5 p.m. Call first.",
         ["It opens at 9 a.m. and closes at 5 p.m.", "Call first."]),
        ("The lump was 2.5 cm. It was benign.", ["The lump was 2.5 cm.", "It was benign."]),
        ("Wait... then go. Really? Yes!", ["Wait... then go.", "Really?", "Yes!"]),
        ("It ended... Then a new one began.", ["It ended...", "Then a new one began."]),
        ("“Go now,” she said. “Then rest.”", ["“Go now,” she said.", "“Then rest.”"]),
        ("He said (see Fig. 2) that it grew.", ["He said (see Fig. 2) that it grew."]),
        ("It is small (2 cm.) Next, rest.", ["It is small (2 cm.)", "Next, rest."]),
        ("One line\nAnother line", ["One line", "Another line"]),
        ("", []),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_sample_article_keeps_every_word_and_no_title_ends_a_sentence() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    sentences = split_sentences(text)
    assert " ".join(sentences).split() == text.split()
    for sentence in sentences:
        assert not sentence.endswith(("Dr.", " A.", " E.", " G.")), sentence
    assert any(s.startswith("Dr. Tari A. King is the Anne E. Dyson Professor of Surgery") for s in sentences)
    assert sum(s.startswith("Dr. King") for s in sentences) == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr. " * 2000 + "King came.", ["Dr. " * 2000 + "King came."]),
        ("Dr. King came. " * 2000, ["Dr. King came."] * 2000),
        ("." * 20_000, ["." * 20_000]),
        ("Wait" + "." * 20_000 + " Then go.", ["Wait" + "." * 20_000, "Then go."]),
        ("!" * 20_000 + " A.", ["!" * 20_000, "A."]),
        ("It is. " * 2000, ["It is."] * 2000),
        ("X" + "x" * 5000 + " A. King and " + "y" * 5000 + " vitamin A. Good.",
         ["X" + "x" * 5000 + " A. King and " + "y" * 5000 + " vitamin A.", "Good."]),
    ],
    ids=["titles", "sentences with titles", "dots", "long ellipsis", "exclamations", "short sentences",
         "long words around initials"],
)
def test_hostile_runs_split_like_ordinary_text(text: str, expected: list[str]) -> None:
    """The splitter is linear (benchmarks/text.py times it); here the answers on such text are checked."""
    assert split_sentences(text) == expected


AWARDS = ("She has received several awards to support her work on high-risk breast lesions, including the Society of "
          "Surgical Oncology, S.S.O, Clinical Investigator Award in Breast Cancer Research, 2008, a Career Catalyst "
          "Award, 2009, an Investigator Initiated Research Award, 2012, and a leadership grant from the Susan G Komen "
          "for the Cure Foundation, 2016.")


@pytest.mark.parametrize(
    ("sentence", "limit", "pieces"),
    [
        ("Short enough.", 200, ["Short enough."]),
        ("First part of it; second part of it.", 20, ["First part of it;", "second part of it."]),
        ("Apples, pears, plums and cherries.", 20, ["Apples, pears,", "plums and cherries."]),
        ("one two three four five six", 12, ["one two", "three", "four", "five six"]),
        ("x" * 25, 10, ["x" * 10, "x" * 10, "x" * 5]),
        (AWARDS, 200, [AWARDS[:AWARDS.index("2008")].rstrip(), AWARDS[AWARDS.index("2008"):]]),
    ],
)
def test_long_sentences_are_spoken_in_clause_pieces(sentence: str, limit: int, pieces: list[str]) -> None:
    assert clause_pieces(sentence, limit) == pieces
    assert all(len(piece) <= limit for piece in clause_pieces(sentence, limit))
