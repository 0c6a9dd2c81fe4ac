"""The command line: progress on long work, a summary, and the serve/check commands' wiring."""
from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import narration.speech
from conftest import ROOT, FakeEngine
from narration.cli import main


@pytest.fixture
def fake_voice(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(narration.speech.ENGINES):
        monkeypatch.setitem(narration.speech.ENGINES, name, lambda settings: FakeEngine())


@pytest.fixture
def sections_apart(tmp_path: Path) -> None:
    """A config in the working folder that keeps the test articles' few-word sections as episodes of their own."""
    (tmp_path / "narration.toml").write_text("[scripts]\nmin_section_seconds = 0\n", encoding="utf-8")


def test_build_shows_progress_per_stage_and_a_summary(tmp_path: Path, fake_voice: None, sections_apart: None,
                                                      capsys: pytest.CaptureFixture[str], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "a.md"
    article.write_text("# Title\n\nOpening words here.\n\n## Next part\n\nMore words follow.\n", encoding="utf-8")
    assert main([str(article), "--no-holdline"]) == 0
    captured = capsys.readouterr()
    assert "synthesizing" in captured.err and "mixing" in captured.err
    assert "Built 1 article in output: 2 section episodes" in captured.out
    assert "and 1 full-article episode." in captured.out
    assert (tmp_path / "output" / "feed.xml").is_file()
    assert (tmp_path / "scripts" / "a" / "02-next-part.txt").is_file()


def test_check_on_a_missing_folder_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "nothing")]) == 1
    assert "nothing" in capsys.readouterr().out


def test_summary_counts_each_sentence_once_and_says_what_was_made(tmp_path: Path, fake_voice: None, sections_apart: None,
                                                                   capsys: pytest.CaptureFixture[str],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("# Title\n\nOne sentence.\n\n## Next part\n\nMore words follow.\n", encoding="utf-8")
    assert main(["a.md", "--no-holdline", "-q"]) == 0
    first = capsys.readouterr().out
    assert main(["a.md", "--no-holdline", "-q"]) == 0
    again = capsys.readouterr().out
    made = int(first.split(" sentences synthesized")[0].split()[-1])
    assert f"0 sentences synthesized, {made} reused from the cache" in again  # not doubled by the full episode
    assert "0 episodes mixed, 3 unchanged" in again
    for what in ("podcast feed", "web player", "talking books", "Next: python build_audio.py serve output"):
        assert what in again
    assert "hold line" not in again


def test_without_a_terminal_progress_lines_are_whole(tmp_path: Path, fake_voice: None,
                                                     capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("# Title\n\nOne sentence.\n\n## Next part\n\nMore words follow.\n", encoding="utf-8")
    assert main(["a.md", "--no-holdline"]) == 0
    lines = [line for line in capsys.readouterr().err.splitlines() if line and not line.startswith("WARNING")]
    assert lines and all(not line.endswith(("0/1", " 0")) for line in lines), lines
    assert any(line.startswith("synthesizing") for line in lines)


def test_help_lists_the_commands_and_each_command_only_its_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    text = capsys.readouterr().out
    for command in ("scripts", "serve", "check", "holdline"):
        assert f"\n  {command} " in text
    assert main(["serve", "--help"]) == 0
    serve = capsys.readouterr().out
    assert "--scripts" not in serve and "--no-holdline" not in serve and "port to listen on" in serve
    assert main(["holdline", "--help"]) == 0
    assert "--no-holdline" not in capsys.readouterr().out
    assert main(["--version"]) == 0
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert capsys.readouterr().out.strip().endswith((f" {declared}", "(not installed)"))  # the version pyproject declares


@pytest.mark.parametrize("word, says", [("serv", "did you mean 'serve'?"), ("chekc", "did you mean 'check'?"),
                                        ("frobnicate", "commands: build, scripts")])
def test_a_mistyped_command_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str], word: str, says: str) -> None:
    monkeypatch.chdir(tmp_path)
    assert main([word]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"error: '{word}' is neither a command nor an article") and says in err[0]


def test_a_loopback_base_url_is_warned_about(tmp_path: Path, fake_voice: None, monkeypatch: pytest.MonkeyPatch,
                                             caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("# Title\n\nOne sentence.\n", encoding="utf-8")
    assert main(["a.md", "--no-holdline", "-q"]) == 0
    assert any("only this computer can reach" in r.getMessage() for r in caplog.records)
    caplog.clear()
    assert main(["a.md", "--no-holdline", "-q", "--base-url", "https://podcast.example.org/"]) == 0
    assert not any("only this computer" in r.getMessage() for r in caplog.records)


def test_scripts_command_says_how_much_debris_it_dropped(tmp_path: Path, sections_apart: None,
                                                         capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "page.md"
    article.write_text("# Page - Site\n\n# Page\n\n![A photo of a clinic.](/img.jpg)\n\nA caption.\n\nCredit: iStock\n\n"
                       "Opening words here.\n\n## Next part\n\nMore words follow.\n", encoding="utf-8")
    assert main(["scripts", str(article)]) == 0
    out = capsys.readouterr().out
    assert "of 2 scripts" in out
    assert "dropped 4 debris lines" in out
    spoken = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "scripts" / "page").glob("*.txt"))
    assert "photo" not in spoken and "caption" not in spoken and "iStock" not in spoken and "Site" not in spoken


LONG = ("When you come to the clinic for the first time, please bring a list of the medicines you take, your "
        "insurance card, the letters from other doctors, and any questions you have, so that the nurse can go "
        "through them with you at the visit.")


def test_scripts_command_lists_what_to_review_by_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert len(LONG.split()) == 45
    lines = ["# Clinic notes", "", "The AYA program helps young adults find care near their homes.", "",
             "The level is given in ‰ on the lab report.", "", "Enlarge", "", "## Visits", "",
             LONG, "", "Yes", ""]
    article = tmp_path / "notes.md"
    article.write_text("\n".join(lines), encoding="utf-8")
    assert main(["scripts", "notes.md"]) == 0
    out = capsys.readouterr().out

    def where(word: str) -> str:
        """The script file and line that say `word`, found by reading the scripts."""
        for path in sorted((tmp_path / "scripts" / "notes").glob("[0-9]*.txt")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if word in line and not line.startswith(("#", "title:")):
                    return f"{Path('scripts') / 'notes' / path.name}:{number}"
        raise AssertionError(f"{word!r} is in no script")

    expected = [f"{where('A.Y.A')}: unknown capitals: AYA", f"{where('‰')}: symbol: \"‰\"",
                f"{where('Yes')}: fragment: \"Yes\"", f"{where('insurance card')}: long sentence: 45 words",
                f"notes.md:{lines.index('Enlarge') + 1}: dropped: \"Enlarge\""]
    printed = out.splitlines()
    for item in expected:
        assert any(line.startswith(item) for line in printed), (item, out)
    review = (tmp_path / "scripts" / "notes" / "REVIEW.md").read_text(encoding="utf-8")
    findings = [line for line in printed if line.startswith(("scripts/", "notes.md:"))]
    assert len(findings) >= len(expected)
    assert all(line in review.splitlines() for line in findings)
    items = [line for line in findings if ": reading level: " not in line]  # a section's grades are not an item
    assert f"{len(items) - 1} items to review in " in out and "dropped 1 debris line" in out
    assert "Enlarge" not in "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "scripts" / "notes").glob("[0-9]*.txt"))


def test_the_installed_command_calls_itself_narration(monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.argv", ["/usr/local/bin/narration"])
    assert main(["--help"]) == 0
    assert capsys.readouterr().out.startswith("usage: narration ")
    assert main(["serve", "--help"]) == 0
    assert capsys.readouterr().out.startswith("usage: narration serve ")


def test_the_program_leaves_at_once_with_its_output_its_exit_status_and_exit_handlers(
        capsys: pytest.CaptureFixture[str]) -> None:
    """build_audio.py skips the interpreter's teardown (cli.run): nothing it prints is lost through a pipe, its
    status is main()'s, and exit handlers (a local Ray's shutdown, logging's) still run."""
    assert main(["--help"]) == 0
    expected = capsys.readouterr().out
    program = ("import atexit, sys; atexit.register(lambda: print('handler ran', file=sys.stderr)); "
               "sys.argv = ['build_audio.py', *sys.argv[1:]]; from narration.cli import run; run()")
    helped = subprocess.run([sys.executable, "-c", program, "--help"], capture_output=True, text=True, cwd=ROOT)
    assert helped.returncode == 0 and helped.stdout == expected
    assert "handler ran" in helped.stderr
    wrong = subprocess.run([sys.executable, str(ROOT / "build_audio.py"), "bulid"], capture_output=True, text=True)
    assert wrong.returncode == 2 and "did you mean 'build'" in wrong.stderr


def test_a_profiled_run_exits_normally_so_the_profile_is_written(tmp_path: Path) -> None:
    profiled = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(tmp_path / "build.prof"),
                               str(ROOT / "build_audio.py"), "--help"], capture_output=True, text=True, cwd=tmp_path)
    assert profiled.returncode == 0 and "usage:" in profiled.stdout
    assert (tmp_path / "build.prof").stat().st_size > 0


def test_the_program_fails_at_once_when_a_worker_fails_and_when_its_output_cannot_be_written(tmp_path: Path) -> None:
    """A failed build with speech workers ends (its pool is stopped before the exit handlers run, as in a normal
    exit) with the build's status; output lost to a full disk fails the program (status 120, as Python's)."""
    (tmp_path / "walk.md").write_text("# Walking\n\n## First week\n\nWalk five minutes. Use your walker.\n\n"
                                      "## Later\n\nAdd a few minutes each day.\n", encoding="utf-8")
    program = ("import functools, sys; sys.path[:0] = [sys.argv.pop(1), sys.argv.pop(1)]; "
               "import narration.cli as cli, narration.build.pipeline as p, narration.speech.synthesize as s; "
               "from fakes import FailingEngine; s.FAN_OUT_AT_LEAST = 1; "
               "p.build = functools.partial(p.build, engine=FailingEngine('walker')); "
               "sys.argv = ['build_audio.py', *sys.argv[1:]]; cli.run()")
    failed = subprocess.run([sys.executable, "-c", program, str(ROOT / "tests"), str(ROOT), "build", "-q", "--no-holdline",
                             "--workers", "2", "walk.md"], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert failed.returncode == 2 and "cannot say 'walker'" in failed.stderr
    assert not (tmp_path / "output").exists()
    with open("/dev/full", "w") as full:
        lost = subprocess.run([sys.executable, str(ROOT / "build_audio.py"), "--help"], stdout=full,
                              stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": ""})
    assert lost.returncode == 120 and "cannot write the output" in lost.stderr
