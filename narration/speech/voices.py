"""Which Piper voices are at hand, and what their model cards say (language, quality, rate, dataset, licence).

A voice's licence matters as much as its sound: the listing shows what each voice's own files declare, so
choosing one for a hospital's use starts from its model card, not from its name.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from narration.errors import InputError
from narration.speech.piper_engine import bundled_voice, voice_files

CARD_NAME = "MODEL_CARD"  # the file name Piper's voice repository gives each voice's card


@dataclass(frozen=True)
class Voice:
    """One voice as its files describe it; `problem` says why it cannot be used (then the rest is empty)."""

    model: Path
    sources: tuple[str, ...]  # where it was found: bundled, config, --voice, voices folder
    language: str = ""
    quality: str = ""
    sample_rate: int = 0
    dataset: str = ""
    licence: str = ""
    base: str = ""  # the voice it was fine-tuned from, when the card says so
    problem: str = ""

    @property
    def name(self) -> str:
        return self.model.name.removesuffix(".onnx")

    def lines(self) -> list[str]:
        """How the voices command shows it: a voice that cannot be used is one line."""
        where = ", ".join(self.sources)
        if self.problem:
            return [f"{self.model}: {self.problem} ({where})"]
        details = f"{self.language}, {self.quality or 'unknown'} quality, {self.sample_rate} Hz"
        card = f"dataset {self.dataset or 'not named'}, licence {self.licence or 'not stated (no model card)'}"
        if self.base:
            card += f"; fine-tuned from {self.base}, whose training data's own licence applies too"
        return [f"{self.name}  ({where})", f"    {details}", f"    {card}", f"    {self.model}"]


def model_card(model: Path) -> Path | None:
    """`<voice>.MODEL_CARD` beside the model, or `MODEL_CARD` in a folder that holds only this voice."""
    own = model.with_name(model.name.removesuffix(".onnx") + "." + CARD_NAME)
    if own.is_file():
        return own
    shared = model.with_name(CARD_NAME)
    alone = list(model.parent.glob("*.onnx")) == [model]
    return shared if shared.is_file() and alone else None


def _card_fields(card: Path | None) -> tuple[str, str]:
    """The dataset licence and the voice it was fine-tuned from, as the card's own words."""
    if card is None:
        return "", ""
    text = card.read_text(encoding="utf-8", errors="replace")
    licence = re.search(r"^\W*licen[cs]e\s*:\s*(.+?)\s*$", text, re.IGNORECASE | re.MULTILINE)
    base = re.search(r"fine-?tuned from\s+(.+?)\.?\s*$", text, re.IGNORECASE | re.MULTILINE)
    return (licence.group(1) if licence else ""), (base.group(1) if base else "")


def code_of(settings: dict) -> str:  # type: ignore[type-arg]
    """The language a Piper voice config declares ("es_MX"): its language code, else its espeak voice."""
    return str((settings.get("language") or {}).get("code") or (settings.get("espeak") or {}).get("voice") or "")


def voice_language(model: Path) -> str:
    """The language code of a Piper voice (from its .onnx.json beside it); '' when it declares none."""
    _, config = voice_files(str(model))
    return code_of(json.loads(config.read_text(encoding="utf-8")))


def describe(model: Path, sources: Sequence[str]) -> Voice:
    """A voice from its .onnx.json (Piper's config) and model card; the model itself is not loaded."""
    try:
        model, config = voice_files(str(model))
    except InputError as err:
        return Voice(model, tuple(sources), problem=err.problem)
    settings = json.loads(config.read_text(encoding="utf-8"))
    language = settings.get("language") or {}
    code = code_of(settings)
    named = ", ".join(n for n in (language.get("name_english"), language.get("country_english")) if n)
    audio = settings.get("audio") or {}
    licence, base = _card_fields(model_card(model))
    return Voice(model, tuple(sources), language=f"{code} ({named})" if named else code or "unknown language",
                 quality=str(audio.get("quality") or ""), sample_rate=int(audio["sample_rate"]),
                 dataset=str(settings.get("dataset") or ""), licence=licence, base=base)


def find_voices(configured: str, given: Iterable[str], folder: Path,
                languages: Mapping[str, str] | None = None) -> list[Voice]:
    """The bundled voice, the configured one, each language's (languages: tag -> voice), those given on the
    command line and every `.onnx` in `folder`, each listed once with every place it was found."""
    found: dict[Path, list[str]] = {}

    def add(path: Path, source: str) -> None:
        key = path.expanduser().resolve()
        found.setdefault(key, [])
        if source not in found[key]:
            found[key].append(source)

    add(bundled_voice()[0], "bundled" if configured else "bundled, the build's voice")
    if configured:
        add(Path(configured), "speech.voice in the config, the build's voice")
    for tag, path in (languages or {}).items():
        add(Path(path), f"[languages.{tag}] voice, the build's voice for {tag}")
    for path in given:
        add(Path(path), "--voice")
    if folder.is_dir():
        for path in sorted(folder.rglob("*.onnx")):
            add(path, f"{folder.name}/ folder")
    return [describe(path, sources) for path, sources in found.items()]
