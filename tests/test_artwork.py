"""Default cover generation and the cover checks, on real image files."""
from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from narration.publish.artwork import check_cover, default_cover

TITLE = "Breast calcifications: what they are and what happens next"


def luminance(rgb) -> float:
    """WCAG relative luminance."""
    channels = [c / 255 for c in rgb]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_default_cover_is_a_valid_square_png(tmp_path):
    path = default_cover(TITLE, "Health information, read aloud", tmp_path / "cover.png")
    with Image.open(path) as image:
        assert image.format == "PNG" and image.mode == "RGB" and image.size == (3000, 3000)
    assert check_cover(path) == []


def test_default_cover_has_large_high_contrast_text(tmp_path):
    path = default_cover(TITLE, "", tmp_path / "cover.png")
    with Image.open(path) as image:
        (_, background), (_, ink) = sorted(image.getcolors(maxcolors=1 << 16), reverse=True)[:2]  # as drawn
        pixels = np.asarray(image)
    text = np.all(pixels == ink, axis=2)
    assert text.mean() > 0.05  # the title covers a good part of the cover
    rows = np.flatnonzero(text.any(axis=1))
    assert rows[-1] - rows[0] > 1000  # several large lines, readable as a thumbnail
    lighter, darker = sorted((luminance(ink), luminance(background)), reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) >= 7  # WCAG AAA contrast


def test_default_cover_is_deterministic(tmp_path):
    first = default_cover(TITLE, "Read aloud", tmp_path / "a.png").read_bytes()
    second = default_cover(TITLE, "Read aloud", tmp_path / "b.png").read_bytes()
    assert first == second
    assert default_cover("Another show", "Read aloud", tmp_path / "c.png").read_bytes() != first


def test_a_good_jpeg_passes(tmp_path):
    path = tmp_path / "cover.jpg"
    Image.new("RGB", (1400, 1400), (200, 30, 30)).save(path, format="JPEG")
    assert check_cover(path) == []


@pytest.mark.parametrize(
    "name, size, mode, fmt, expected",
    [
        ("wide.png", (2000, 1500), "RGB", "PNG", "must be square"),
        ("small.png", (1000, 1000), "RGB", "PNG", "1400 to 3000 px"),
        ("huge.png", (3200, 3200), "RGB", "PNG", "1400 to 3000 px"),
        ("clear.png", (1400, 1400), "RGBA", "PNG", "save it as RGB"),
        ("cover.jpg", (1400, 1400), "RGB", "PNG", "rename it to .png"),
        ("cover.png", (1400, 1400), "RGB", "JPEG", "rename it to .jpg"),
        ("cover.gif", (1400, 1400), "P", "GIF", "not JPEG or PNG"),
    ],
)
def test_bad_covers_are_named(tmp_path, name, size, mode, fmt, expected):
    path = tmp_path / name
    Image.new(mode, size).save(path, format=fmt)
    problems = check_cover(path)
    assert any(expected in problem for problem in problems), problems
    assert all("\n" not in problem for problem in problems)


def test_missing_or_unreadable_cover(tmp_path):
    assert check_cover(tmp_path / "nothing.png") == ["cover image not found"]
    broken = tmp_path / "broken.png"
    broken.write_text("not an image")
    assert check_cover(broken) == ["cover is not a readable image: use a JPEG or PNG"]
