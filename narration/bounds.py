"""Numeric settings with their allowed range, declared on the dataclass field and checked where the config is read."""
from __future__ import annotations

from dataclasses import field
from typing import Any


def bounded(default: float, low: float, high: float, note: str = "", above: bool = False) -> Any:
    """A numeric setting with its allowed range (low excluded when 'above'), checked when the config is read."""
    return field(default=default, metadata={"bounds": (low, high, above, note)})


def bounds_problem(key: str, value: float, bounds: tuple[float, float, bool, str]) -> str | None:
    """What is wrong with a number outside its setting's range, or None."""
    low, high, above, note = bounds
    if (value <= low if above else value < low) or value > high:
        allowed = f"more than {low:g} and at most {high:g}" if above else f"between {low:g} and {high:g}"
        shown = value if isinstance(value, int) else f"{value:g}"
        return f"{key}: {shown} must be {allowed}" + (f" ({note})" if note else "")
    return None
