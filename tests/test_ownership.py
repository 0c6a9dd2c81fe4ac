"""The build owns only what it made: folders it refuses to replace, files of the user it keeps, through the real CLI."""
from __future__ import annotations

import hashlib
import os
import threading
import time
from pathlib import Path

import pytest

from conftest import FakeEngine
from narration.cli import main
from narration.build.staging import MARK, StagedOutput, reading
from test_bad_input import CONFIG, GOOD, fake_engines


def tree(root: Path) -> dict[str, str]:
    """Every file and link under `root` with its content hash (links by their target): what 'untouched' means."""
    found = {}
    for path in sorted(root.rglob("*")):
        if path.is_symlink():
            found[str(path.relative_to(root))] = "-> " + os.readlink(path)
        elif path.is_file():
            found[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
        elif path.is_dir():
            found[str(path.relative_to(root)) + "/"] = ""
    return found


@pytest.fixture
def engines() -> list[FakeEngine]:
    """The fake voices the CLI made: a refused build must not have made one speak."""
    return []


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engines: list[FakeEngine]) -> Path:
    """A project in a fake home folder, as the working folder, with a user's documents beside it."""
    home = tmp_path / "home"
    project = home / "project"
    (project / "docs").mkdir(parents=True)
    (project / "narration.toml").write_text(CONFIG, encoding="utf-8")
    (project / "a.md").write_text(GOOD, encoding="utf-8")
    (project / "docs" / "a.md").write_text(GOOD, encoding="utf-8")
    (project / "Documents" / "taxes").mkdir(parents=True)
    (project / "Documents" / "taxes" / "2024.txt").write_text("receipts\n", encoding="utf-8")
    (project / "report.txt").write_text("my report\n", encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(project)
    fake_engines(monkeypatch, engines)
    return project


def build(*args: str) -> int:
    return main(["build", "-q", "--cache", "cache", *args])


REFUSED = [
    (["a.md", "--output", "Documents"], "Documents", "narration did not make"),
    (["a.md", "--output", "."], ".", "working folder"),
    (["a.md", "--output", ".."], "..", "is or contains"),
    (["a.md", "--output", ""], "--output", "empty path"),
    (["docs/a.md", "--output", "docs"], "docs", "the article"),
    (["a.md", "--scripts", "out/scripts", "--output", "out"], "out", "scripts folder"),
    (["a.md", "--cache", "out/cache", "--output", "out"], "out", "the cache"),
    (["a.md", "--cache", "mycache", "--output", "mycache"], "mycache", "the cache"),
    (["a.md", "--output", "cache/out"], "cache/out", "inside the cache"),
    (["a.md", "--output", "scripts/out"], "scripts/out", "inside the scripts folder"),
    (["a.md", "--output", "report.txt"], "report.txt", "is a file"),
    (["a.md", "--output", "{home}"], "home", "home folder"),
    (["a.md", "--config", "built/narration.toml", "--output", "built"], "built", "the config"),
]


@pytest.mark.parametrize("args, names, says", REFUSED, ids=[" ".join(a) or "empty" for a, _, _ in REFUSED])
def test_refused_output_touches_nothing(home: Path, capsys: pytest.CaptureFixture[str], engines: list[FakeEngine],
                                        args: list[str], names: str, says: str) -> None:
    if "built" in args:
        (home / "built").mkdir()
        (home / "built" / "narration.toml").write_text(CONFIG, encoding="utf-8")
    args = [a.replace("{home}", str(home.parent)) for a in args]
    before = tree(home.parent)
    code = build(*args)
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert code == 2, err
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert names in lines[0] and says in lines[0], lines[0]
    assert tree(home.parent) == before  # nothing made, moved or deleted: not even a script or a lock file
    assert not any(engine.calls for engine in engines)


def test_holdline_command_refuses_a_foreign_folder(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = tree(home)
    assert main(["holdline", "-q", "a.md", "--output", "Documents"]) == 2
    assert "narration did not make" in capsys.readouterr().err
    assert tree(home) == before


def test_an_empty_folder_and_a_new_folder_are_accepted(home: Path) -> None:
    (home / "empty").mkdir()
    assert build("a.md", "--no-holdline", "--output", "empty") == 0
    assert build("a.md", "--no-holdline", "--output", "new/nested") == 0
    for folder in (home / "empty", home / "new" / "nested"):
        assert (folder / "feed.xml").is_file() and (folder / MARK).is_file()


def test_files_a_user_adds_to_the_output_are_kept(home: Path) -> None:
    """The build replaces what it made (an episode of a removed section goes) and keeps what the user added."""
    assert build("a.md", "--no-holdline") == 0
    out = home / "output"
    (out / "CNAME").write_text("podcast.example.org\n", encoding="utf-8")
    (out / "episodes" / "my-notes.txt").write_text("notes\n", encoding="utf-8")
    old_episodes = {p.name for p in (out / "episodes").glob("*.mp3")}
    (home / "a.md").write_text("# Screening Basics\n\n## When to start\n\nMost people start at forty.\n", encoding="utf-8")
    assert build("a.md", "--no-holdline") == 0
    assert (out / "CNAME").read_text(encoding="utf-8") == "podcast.example.org\n"
    assert (out / "episodes" / "my-notes.txt").read_text(encoding="utf-8") == "notes\n"
    new_episodes = {p.name for p in (out / "episodes").glob("*.mp3")}
    assert new_episodes < old_episodes  # the removed section's episode is gone
    assert "CNAME" not in (out / MARK).read_text(encoding="utf-8")


def test_an_output_built_before_the_mark_is_still_ours(home: Path) -> None:
    assert build("a.md", "--no-holdline") == 0
    (home / "output" / MARK).unlink()
    assert build("a.md", "--no-holdline") == 0
    assert (home / "output" / MARK).is_file()


def test_no_holdline_keeps_the_published_hold_line(home: Path) -> None:
    assert build("a.md") == 0
    before = tree(home / "output" / "holdline")
    assert before
    assert build("a.md", "--no-holdline") == 0
    assert tree(home / "output" / "holdline") == before


def test_links_out_of_the_output_are_never_copied_through(home: Path) -> None:
    """A user's symbolic links inside the output stay links: the outside files are neither copied nor changed."""
    assert build("a.md") == 0
    out = home / "output"
    outside = home / "Documents"
    os.symlink(outside, out / "linked")
    os.symlink(out / "loop", out / "loop")  # a link to itself
    before = tree(outside)
    assert main(["holdline", "-q", "a.md", "--cache", "cache"]) == 0
    assert build("a.md") == 0
    assert (out / "linked").is_symlink() and os.readlink(out / "linked") == str(outside)
    assert (out / "loop").is_symlink()
    assert tree(outside) == before
    assert (outside / "taxes" / "2024.txt").stat().st_nlink == 1  # never hard-linked into the output


def test_a_reader_never_sees_the_swap(tmp_path: Path) -> None:
    """`check` reads under reading(): a build that finished its work waits to swap until the reader is done."""
    out = tmp_path / "output"
    with StagedOutput(out) as stage:
        (stage.path / "feed.xml").write_text("old", encoding="utf-8")
    swapped = threading.Event()

    def rebuild() -> None:
        with StagedOutput(out) as stage:
            (stage.path / "feed.xml").write_text("new", encoding="utf-8")
        swapped.set()

    with reading(out):
        worker = threading.Thread(target=rebuild)
        worker.start()
        time.sleep(0.5)
        assert not swapped.is_set()
        assert (out / "feed.xml").read_text(encoding="utf-8") == "old"
    worker.join(timeout=10)
    assert swapped.is_set() and (out / "feed.xml").read_text(encoding="utf-8") == "new"
