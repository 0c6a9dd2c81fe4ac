"""Show artwork: a generated default cover, and the checks Apple applies to a configured one."""
from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, UnidentifiedImageError

SIZE = 3000
MIN_SIZE, MAX_SIZE = 1400, 3000
BACKGROUND = (10, 25, 47)  # deep navy: white on it is over 15:1, far beyond WCAG AAA
FOREGROUND = (255, 255, 255)
ACCENT = (255, 200, 40)  # amber rule between title and subtitle
MARGIN = 240
TITLE_SIZES = range(420, 159, -20)  # largest first: the title stays readable as a phone thumbnail
TITLE_MAX_LINES = 5
SUBTITLE_SIZE = 130
EXTENSIONS = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",)}


def default_cover(title: str, subtitle: str, path: Path) -> Path:
    """Draw a square high-contrast cover with the show title; same inputs, same PNG bytes on any machine."""
    image = Image.new("RGB", (SIZE, SIZE), BACKGROUND)
    draw = ImageDraw.Draw(image)
    width = SIZE - 2 * MARGIN
    font, lines = _fit_title(draw, title, width)
    line_height = round(font.size * 1.18)
    subtitle_font = ImageFont.load_default(size=SUBTITLE_SIZE)
    subtitle_lines = _wrap(draw, subtitle, subtitle_font, width) if subtitle else []
    block = line_height * len(lines) + (140 + round(SUBTITLE_SIZE * 1.25) * len(subtitle_lines) if subtitle_lines else 0)
    y = max(MARGIN, (SIZE - block) // 2)
    for line in lines:
        draw.text((MARGIN, y), line, font=font, fill=FOREGROUND, stroke_width=max(2, font.size // 40), stroke_fill=FOREGROUND)
        y += line_height
    if subtitle_lines:
        draw.rectangle((MARGIN, y + 40, MARGIN + 600, y + 64), fill=ACCENT)
        y += 140
        for line in subtitle_lines:
            draw.text((MARGIN, y), line, font=subtitle_font, fill=FOREGROUND)
            y += round(SUBTITLE_SIZE * 1.25)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, format="PNG", optimize=False, compress_level=9)
    return path


def intact_png(path: Path) -> bool:
    """Every chunk of the PNG is there and matches its CRC: a cached cover that is not is a miss."""
    try:
        with Image.open(path) as image:
            image.verify()
            return image.format == "PNG"
    except (OSError, SyntaxError, ValueError):  # UnidentifiedImageError is an OSError
        return False


def check_cover(path: Path) -> list[str]:
    """Why podcast directories would refuse this cover image (empty when it is fine)."""
    path = Path(path)
    try:
        with Image.open(path) as image:
            kind, (width, height), mode = image.format, image.size, image.mode
    except FileNotFoundError:
        return ["cover image not found"]
    except (UnidentifiedImageError, OSError):
        return ["cover is not a readable image: use a JPEG or PNG"]
    problems = []
    if kind not in EXTENSIONS:
        problems.append(f"cover is {kind}, not JPEG or PNG")
    elif path.suffix.lower() not in EXTENSIONS[kind]:
        problems.append(f"cover is a {kind} image but its name ends in {path.suffix or '(nothing)'}: rename it to {EXTENSIONS[kind][0]}")
    if width != height:
        problems.append(f"cover is {width}x{height} px: it must be square")
    if not (MIN_SIZE <= width <= MAX_SIZE and MIN_SIZE <= height <= MAX_SIZE):
        problems.append(f"cover is {width}x{height} px: it must be {MIN_SIZE} to {MAX_SIZE} px on each side")
    if mode != "RGB":
        problems.append(f"cover uses colour mode {mode}: save it as RGB (no transparency, no CMYK)")
    return problems


def _fit_title(draw: ImageDraw.ImageDraw, title: str, width: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest title size whose wrapped lines fit the cover."""
    for size in TITLE_SIZES:
        font = ImageFont.load_default(size=size)
        lines = _wrap(draw, title, font, width)
        if len(lines) <= TITLE_MAX_LINES and all(draw.textlength(line, font=font) <= width for line in lines):
            return font, lines
    return font, lines[:TITLE_MAX_LINES]


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap by rendered width (a long single word keeps its own line)."""
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines
