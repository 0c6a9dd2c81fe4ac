"""Golden outputs (Pelican's functional tests): the sample built with the fake engine, compared file by file with
the checked-in copies under tests/golden/.

Builds are deterministic, so nothing is normalized: the same inputs give the same bytes. The feed's enclosure
lengths include the MP3 encoder's frames and the cover PNG in the ID3 tag, so an upgrade of ffmpeg or Pillow
may change them; the diff then shows exactly that, and a refresh records it.

Refresh after an intended change, then review `git diff tests/golden`:

    REFRESH_GOLDEN=1 python -m pytest tests/test_golden.py
"""
from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from conftest import SampleBuild

GOLDEN = Path(__file__).parent / "golden"
REFRESH = os.environ.get("REFRESH_GOLDEN") == "1"
REFRESH_COMMAND = "REFRESH_GOLDEN=1 python -m pytest tests/test_golden.py"
SCRIPT = "02-what-is-the-relationship-between-breast-calcifications-and"
EPISODE = f"breast-calcifications--{SCRIPT}"
# golden file (relative to tests/golden/) -> the built file (relative to the project folder)
COMPARED = {
    "feed.xml": "output/feed.xml",
    f"{EPISODE}.vtt": f"output/transcripts/{EPISODE}.vtt",
    f"{EPISODE}.html": f"output/episodes/{EPISODE}.html",
    f"{SCRIPT}.txt": f"scripts/breast-calcifications/{SCRIPT}.txt",
}
MANIFEST = "output-files.txt"


def output_files(output: Path) -> str:
    """Every file of the output folder, one relative path a line (the folder's manifest)."""
    return "".join(f"{p.relative_to(output).as_posix()}\n" for p in sorted(output.rglob("*")) if p.is_file())


def compare(name: str, actual: str) -> None:
    """Fail with a unified diff (golden -> built) unless the built text is the golden one; refresh on request."""
    golden = GOLDEN / name
    if REFRESH:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(actual.encode("utf-8"))
        return
    if not golden.is_file():
        pytest.fail(f"{golden} is missing: create it with `{REFRESH_COMMAND}`")
    expected = golden.read_bytes().decode("utf-8")
    if actual != expected:
        diff = difflib.unified_diff(expected.splitlines(keepends=True), actual.splitlines(keepends=True),
                                    f"tests/golden/{name}", f"built {name}")
        pytest.fail(f"the build differs from tests/golden/{name}:\n{''.join(diff)}\n"
                    f"If the change is intended: `{REFRESH_COMMAND}` and review `git diff tests/golden`.",
                    pytrace=False)


@pytest.mark.parametrize("name", sorted(COMPARED))
def test_built_file_matches_its_golden_copy(fake_sample: SampleBuild, name: str) -> None:
    built = fake_sample.project.root / COMPARED[name]
    compare(name, built.read_bytes().decode("utf-8"))


def test_output_folder_holds_the_golden_file_list(fake_sample: SampleBuild) -> None:
    compare(MANIFEST, output_files(fake_sample.project.root / "output"))


def test_golden_folder_holds_only_compared_files() -> None:
    """A golden file no test compares any more would go stale unseen."""
    known = {*COMPARED, MANIFEST}
    assert {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file()} <= known
