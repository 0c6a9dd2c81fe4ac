"""The player of an episode page: large controls around the native audio element, and the transcript.

Without JavaScript the page shows the browser's own audio controls and a plain transcript; player.js
reveals the large controls (they are `hidden` in the markup) and keeps the native element one button away.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import Mapping, Sequence

from narration.models import Cue
from narration.publish.written_html import section_html
from narration.written import Sentences, WrittenSection

from narration.publish.page_words import PageWords
from narration.publish.site_html import clock, duration, e

SPEEDS = ("0.75", "1", "1.25", "1.5", "1.75")
BACK_S = 15
FORWARD_S = 30
# What the page lists and player.js does: (the keys' words, what they do, with its seconds) in the page wording.
SHORTCUTS = (
    ("key_play", "play_pause", 0),
    ("key_back", "back", BACK_S),
    ("key_forward", "forward", FORWARD_S),
    ("key_slower", "slower", 0),
    ("key_faster", "faster", 0),
)


def shortcuts(words: PageWords) -> list[tuple[str, str]]:
    """The shortcuts as a page in that language lists them: (keys, what they do)."""
    return [(words(keys), words(what, seconds=seconds)) for keys, what, seconds in SHORTCUTS]


def player(title: str, mp3: str, vtt: str, language: str, duration_ms: int, episode_id: str, words: PageWords) -> str:
    """The native element (the fallback), then the large controls, the clock and the shortcuts."""
    return (
        f'<audio id="audio" controls preload="metadata" src="{mp3}" aria-label="{e(words("audio_of", title=title))}"'
        f' data-episode="{e(episode_id)}">\n'
        f'<track kind="captions" src="{vtt}" srclang="{e(language)}" label="{e(words("transcript"))}">\n'
        f'<a href="{mp3}">{e(words("download_audio"))}</a>\n</audio>\n'
        '<div class="player" id="controls" hidden>\n'
        f"{_transport(words)}{_clock(duration_ms, words)}{_speeds(words)}"
        '<p><button type="button" id="native" class="small" aria-expanded="false" aria-controls="audio">'
        f"{e(words('native_show'))}</button></p>\n"
        f"{_shortcuts(words)}</div>\n"
        '<p id="player-status" class="status" role="status"></p>\n'
    )


def _transport(words: PageWords) -> str:
    return (
        '<div class="transport">\n'
        f'<button type="button" id="back" class="skip"><span aria-hidden="true">↺ </span>'
        f'{e(words("back", seconds=BACK_S))}</button>\n'
        '<button type="button" id="play" class="play"><span class="icon" aria-hidden="true"></span>'
        f'<span class="label">{e(words("play"))}</span></button>\n'
        f'<button type="button" id="forward" class="skip">{e(words("forward", seconds=FORWARD_S))}'
        '<span aria-hidden="true"> ↻</span></button>\n</div>\n'
    )


def _clock(duration_ms: int, words: PageWords) -> str:
    """The time played and the time left in large figures, and a seek slider; not live (it would talk all the time)."""
    total = duration(duration_ms)
    return (
        f'<p class="clock"><span class="visually-hidden">{e(words("elapsed"))} </span>'
        '<span id="elapsed">0:00</span>'
        f'<span class="visually-hidden">, {e(words("remaining"))}</span>'
        f' <span class="remaining"><span aria-hidden="true">−</span><span id="remaining">{clock(duration_ms)}'
        "</span></span></p>\n"
        f'<p class="seek"><label for="position">{e(words("position"))}</label>\n'
        f'<input type="range" id="position" min="0" max="{max(1, round(duration_ms / 1000))}" step="5" value="0"'
        f' aria-valuetext="{e(words("position_text", elapsed=duration(0), total=total))}"></p>\n'
    )


def _speeds(words: PageWords) -> str:
    buttons = "".join(
        f'<button type="button" class="speed" data-rate="{rate}"'
        f' aria-pressed="{"true" if rate == "1" else "false"}">{rate.replace(".", words("decimal"))}×</button>\n'
        for rate in SPEEDS
    )
    return (
        '<div class="speeds" role="group" aria-labelledby="speed-label">\n'
        f'<span id="speed-label">{e(words("speed"))}</span>\n{buttons}</div>\n'
    )


def _shortcuts(words: PageWords) -> str:
    rows = "".join(f"<div><dt><kbd>{e(keys)}</kbd></dt><dd>{e(what)}</dd></div>\n" for keys, what in shortcuts(words))
    return (
        f'<h3 id="shortcuts-heading">{e(words("shortcuts"))}</h3>\n'
        f'<p class="hint">{e(words("shortcuts_hint"))}</p>\n'
        f'<dl class="shortcuts" aria-labelledby="shortcuts-heading">\n{rows}</dl>\n'
    )


def transcript(cues: Sequence[Cue], words: PageWords, written: Mapping[int, WrittenSection] | None = None) -> str:
    """Spoken headings as h3; a section as written (paragraphs, lists, tables) where the scripts stage mapped it,
    else the script's paragraphs; the framing (intro, outro) set apart."""
    written = written or {}
    body: dict[int, list[int]] = {}  # a section's sentences: their positions in the cues
    for index, cue in enumerate(cues):
        if cue.kind == "body":
            body.setdefault(cue.section, []).append(index)
    shown = {number: mapping for number, mapping in written.items()
             if number in body and mapping.sentences == tuple(" ".join(cues[i].text.split()) for i in body[number])}
    out: list[str] = []
    done: set[int] = set()
    level = "h4" if any(cue.kind == "heading" for cue in cues) else "h3"  # under a part's own heading, or not
    for (kind, section, paragraph), group in groupby(enumerate(cues), key=lambda item: _block(item[1])):
        if kind in ("body", "subheading") and section in shown:
            if section not in done:  # the whole section is written at its first sentence
                out += [line + "\n" for line in section_html(shown[section], _Marker(cues, body[section]), level)]
                done.add(section)
            continue
        buttons = [_cue_button(index, cue) for index, cue in group]
        if kind in ("heading", "subheading"):
            out += [f"<h3>{button}</h3>\n" for button in buttons]
        else:
            css = ' class="framing"' if kind in ("intro", "outro") else ""
            out.append(f"<p{css}>" + " ".join(buttons) + "</p>\n")
    return "".join(out) or f"<p>{e(words('no_transcript'))}</p>\n"


def _block(cue: Cue) -> tuple[str, int, int]:
    """Which block of the transcript a cue belongs to: consecutive cues with the same key share one."""
    if cue.subheading:
        return ("subheading", cue.section, cue.paragraph)
    return (cue.kind, cue.section, cue.paragraph) if cue.kind in ("heading", "body") else (cue.kind, 0, 0)


def _cue_button(index: int, cue: Cue, end_ms: int | None = None, text: str | None = None) -> str:
    """A sentence as running text; player.js makes it a button (a <button> cannot wrap across lines)."""
    return (
        f'<span class="cue" id="cue-{index}" data-start="{int(cue.start_ms)}"'
        f' data-end="{int(cue.end_ms if end_ms is None else end_ms)}">{e(cue.text if text is None else text)}</span>'
    )


@dataclass(frozen=True)
class _Marker:
    """Written text as play-from-here sentences: a piece said in several sentences plays from its first; a table
    row or a list said as one sentence carries its sentence in its first text and is highlighted as a whole."""

    cues: Sequence[Cue]
    positions: Sequence[int]  # the section's sentences, by their position in the cues

    def span(self, text: str, sentences: Sentences) -> str:
        if not sentences:
            return e(text)
        first, last = self.positions[sentences[0]], self.positions[sentences[-1]]
        return _cue_button(first, self.cues[first], self.cues[last].end_ms, text)

    def holder(self, sentences: Sentences) -> tuple[str, Sentences]:
        return "", sentences  # the style sheet highlights the row or list that holds the current sentence
