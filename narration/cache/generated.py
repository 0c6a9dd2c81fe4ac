"""Generated scripts remembered by what decides them (cache/generated/), so that a rebuild of a large library
does not normalize every article again only to find that nothing changed (about 25 ms an article; adding one
article to a library of thousands would otherwise pay for all of them).

An entry is a pure function of the parsed article, its planned sections, the lexicon, the script settings and
the code that writes scripts (keys.generated_key); a damaged or unreadable entry is a miss.
"""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Callable, Sequence

from narration.atomic import write_text_atomic
from narration.cache.keys import generated_key
from narration.cache.usage import touch
from narration.text.lexicon import Report
from narration.written import Voiced, WrittenBlock, WrittenSection

Generated = tuple[str, WrittenSection]  # a script file's text, and which of its sentences voice each written block


class GeneratedScripts:
    """<root>/generated/<key>.json: an article's generated scripts, section by section, with the normalization
    rules and lexicon entries that fired while they were written (for the `scripts` report)."""

    def __init__(self, root: Path) -> None:
        self.root = root / "generated"

    def get_or_make(self, inputs: Sequence[object], count: int, make: Callable[[Report], list[Generated]],
                    report: Report, refresh: bool = False) -> list[Generated]:
        """The `count` scripts for these inputs (everything that decides them, see keys.generated_key), made with
        `make` when they are not cached, or when `refresh` (--regenerate-scripts) says to make them anew; what
        fired while they were made is added to `report` either way."""
        path = self.root / f"{generated_key(inputs)}.json"
        found = None if refresh else _read(path, count)
        if found is not None:
            touch(path)
            scripts, fired = found
        else:
            fired = Report()
            scripts = make(fired)
            write_text_atomic(path, json.dumps({
                "scripts": [{"text": text, "written": asdict(written)} for text, written in scripts],
                "rules": dict(fired.rules), "entries": dict(fired.entries)}, ensure_ascii=False))
        report.rules.update(fired.rules)
        report.entries.update(fired.entries)
        return scripts


def _read(path: Path, count: int) -> tuple[list[Generated], Report] | None:
    """The entry, or None when it is missing, unreadable or not what this code writes (a miss: made again)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        scripts = [(item["text"], _section(item["written"])) for item in data["scripts"]]
        fired = Report()
        fired.rules.update(data["rules"])
        fired.entries.update(data["entries"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    counts = [*fired.rules.items(), *fired.entries.items()]
    if len(scripts) != count or not all(isinstance(text, str) for text, _ in scripts) or \
            not all(isinstance(name, str) and type(n) is int for name, n in counts):
        return None
    return scripts, fired


def _voiced(data: dict) -> Voiced:
    return Voiced(data["text"], tuple(data["sentences"]), tuple(data["cells"]), bool(data["line_break"]))


def _section(data: dict) -> WrittenSection:
    blocks = tuple(WrittenBlock(kind=b["kind"], parts=tuple(_voiced(p) for p in b["parts"]),
                                lead=_voiced(b["lead"]) if b["lead"] else None, sentences=tuple(b["sentences"]),
                                ordered=bool(b["ordered"]), header=tuple(b["header"])) for b in data["blocks"])
    return WrittenSection(blocks, tuple(data["sentences"]))
