"""What a change rebuilds: a lexicon entry re-synthesizes only the sentences it changes; review metadata
is spoken in the outro and shown in the feed and on the player page."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import FakeEngine, Project, make_project
from narration.cli import main
from narration.build.pipeline import build
from narration.errors import NarrationError

ARTICLE = """---
title: Screening Basics
reviewed_by: A Reviewer, MD
last_reviewed: 2025-03-01
source_url: https://example.org/screening
---
Screening finds problems early.

## Who should be screened?

Most people start at 40. Ask your care team about MRI if your risk is high.

## What happens after?

Results arrive within a week.
"""


def _project(tmp_path: Path) -> tuple[Project, Path]:
    project = make_project(tmp_path / "project")
    article = tmp_path / "screening.md"
    article.write_text(ARTICLE, encoding="utf-8")
    return project, article


def test_lexicon_entry_resynthesizes_only_what_it_changes(tmp_path: Path) -> None:
    project, article = _project(tmp_path)
    build(project.config, project.options(article, holdline=False), engine=FakeEngine())
    scripts = project.root / "scripts" / "screening"
    before = {p.name: p.read_text(encoding="utf-8") for p in scripts.glob("*.txt")}
    (project.root / "lexicon.toml").write_text('[entries]\n"MRI" = "magnetic resonance imaging"\n', encoding="utf-8")
    engine = FakeEngine()
    build(project.config, project.options(article, holdline=False), engine=engine)
    after = {p.name: p.read_text(encoding="utf-8") for p in scripts.glob("*.txt")}
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {"02-who-should-be-screened.txt"}
    assert engine.calls == ["Ask your care team about magnetic resonance imaging if your risk is high."]


def test_review_metadata_is_spoken_and_shown(tmp_path: Path) -> None:
    project, article = _project(tmp_path)
    report = build(project.config, project.options(article, holdline=False), engine=FakeEngine())
    output = project.root / "output"
    for episode in report.episodes:
        outro = [c.text for c in episode.cues if c.kind == "outro"]
        full = episode.info.kind == "full"
        assert ("This article was last reviewed on March 1, 2025." if full else "Last reviewed March 1, 2025.") in outro
        assert sum(("computer-generated voice" if full else "computer voice") in text for text in outro) == 1
    said = [c.text for e in report.episodes if e.info.kind == "section" for c in e.cues]
    last = [c.text for c in report.episodes[-2].cues if c.kind == "body"]  # the last section, before the full article
    assert said.count("Reviewed by A Reviewer, M.D.") == 1 and last[-1] == "Reviewed by A Reviewer, M.D."
    feed = (output / "feed.xml").read_text(encoding="utf-8")
    assert "Medically reviewed by A Reviewer, MD." in feed and "Last reviewed 2025-03-01." in feed
    page = (output / "episodes" / f"{report.episodes[0].info.slug}.html").read_text(encoding="utf-8")
    assert "A Reviewer, MD" in page
    section = next(e for e in report.episodes if e.info.number == 2)
    intro = [c.text for c in section.cues if c.kind == "intro"]
    assert intro == ["Breast Health Read Aloud.", "Screening Basics, part 2 of 3: Who should be screened?"]


def test_scripts_command_writes_scripts_and_a_review_list(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    project, article = _project(tmp_path)
    monkeypatch.chdir(project.root)
    assert main(["scripts", str(article), "--scripts", str(project.root / "review")]) == 0
    out = capsys.readouterr().out
    assert (project.root / "review" / "screening" / "02-who-should-be-screened.txt").is_file()
    assert "items to review in" in out.splitlines()[-1]
    assert (project.root / "review" / "screening" / "REVIEW.md").is_file()
    assert not (project.root / "output").exists()


def _episodes(output: Path) -> dict[str, Path]:
    return {p.name: p for p in sorted((output / "episodes").glob("*.mp3"))}


def test_a_rebuild_carries_unchanged_episodes_and_writes_only_the_changed_one(tmp_path: Path) -> None:
    """Unchanged episodes are the previous output's files (hard links: nothing copied, their cache copies not
    read); the edited section's episode and the full-article one are new files."""
    project, article = _project(tmp_path)
    options = project.options(article, holdline=False)
    build(project.config, options, engine=FakeEngine())
    before = {name: (path.stat().st_ino, path.read_bytes()) for name, path in _episodes(options.output).items()}
    book_inode = next((options.output / "books").glob("*.epub")).stat().st_ino
    for cached in (project.root / "cache" / "episodes").rglob("audio.mp3"):  # bit rot in the cache: never read
        data = bytearray(cached.read_bytes())
        data[len(data) // 2] ^= 0xFF
        cached.write_bytes(bytes(data))
    article.write_text(ARTICLE.replace("Results arrive within a week.", "Results arrive in five days."), encoding="utf-8")
    report = build(project.config, options, engine=FakeEngine())
    after = _episodes(options.output)
    assert after.keys() == before.keys()
    new = {name for name, path in after.items() if path.stat().st_ino != before[name][0]}
    assert len(new) == report.episodes_rendered == 2  # the edited section's episode and the full article's
    assert all("what-happens-after" in name or "full" in name for name in new), new
    assert all(after[name].read_bytes() == before[name][1] for name in before if name not in new)
    assert len(list((options.output / "books").glob("*.epub"))) == 1
    assert book_inode != next((options.output / "books").glob("*.epub")).stat().st_ino  # its book is made again


def test_a_published_episode_changed_in_place_is_published_again_from_the_cache(tmp_path: Path) -> None:
    project, article = _project(tmp_path)
    options = project.options(article, holdline=False)
    build(project.config, options, engine=FakeEngine())
    episodes = _episodes(options.output)
    name, damaged = next(iter(episodes.items()))
    good = damaged.read_bytes()
    damaged.write_bytes(good[:1000] + bytes(len(good) - 1000))  # same size, new time: a tool wrote over it
    report = build(project.config, options, engine=FakeEngine())
    assert report.episodes_rendered == 0
    assert _episodes(options.output)[name].read_bytes() == good


def test_a_no_op_rebuild_links_every_episode_book_and_hold_line_file_it_published(tmp_path: Path) -> None:
    project, article = _project(tmp_path)
    options = project.options(article)
    build(project.config, options, engine=FakeEngine())
    audio = [p for folder in ("episodes", "holdline", "books") for p in (options.output / folder).rglob("*")
             if p.suffix in (".mp3", ".wav", ".ulaw", ".alaw", ".gsm", ".sln", ".epub")]
    assert {p.suffix for p in audio} >= {".mp3", ".epub", ".wav"}
    before = {p.relative_to(options.output): p.stat().st_ino for p in audio}
    report = build(project.config, options, engine=FakeEngine())
    assert report.episodes_rendered == 0
    after = {relative: (options.output / relative).stat().st_ino for relative in before}
    assert after == before  # the same files, carried over: nothing copied again


class RewritesAPublishedEpisode(FakeEngine):
    """Speaks the edited sentence while someone rewrites a published episode in place (a tagger, an editor):
    after the build looked at the output, before it publishes."""

    def __init__(self, victim: Path) -> None:
        super().__init__()
        self.victim = victim

    def synthesize(self, text: str):  # type: ignore[no-untyped-def]
        if not self.calls:
            with self.victim.open("r+b") as handle:  # same size, in place: the inode the build would link
                handle.seek(1000)
                handle.write(bytes(2000))
        return super().synthesize(text)


def test_an_episode_rewritten_during_the_rebuild_is_published_from_the_cache(tmp_path: Path) -> None:
    """A published file changed after the build checked it is not carried: neither this build nor the next
    publishes the changed bytes."""
    project, article = _project(tmp_path)
    options = project.options(article, holdline=False)
    build(project.config, options, engine=FakeEngine())
    good = {name: path.read_bytes() for name, path in _episodes(options.output).items()}
    victim = next(name for name in good if "who-should" in name)  # an episode the edit leaves unchanged
    article.write_text(ARTICLE.replace("Results arrive within a week.", "Results arrive in five days."),
                       encoding="utf-8")
    engine = RewritesAPublishedEpisode(_episodes(options.output)[victim])
    build(project.config, options, engine=engine)
    assert engine.calls  # the rewrite happened, mid-build
    assert _episodes(options.output)[victim].read_bytes() == good[victim]
    build(project.config, options, engine=FakeEngine())
    assert _episodes(options.output)[victim].read_bytes() == good[victim]


def test_a_rewritten_episode_with_a_damaged_cache_copy_stops_the_build_and_the_next_one_makes_it_anew(
        tmp_path: Path) -> None:
    """The cache copy of a carried episode is not read; when the published one changes mid-build and the cache
    copy is damaged too, the build stops in one line (the previous output stays), and the next build remakes it."""
    project, article = _project(tmp_path)
    options = project.options(article, holdline=False)
    build(project.config, options, engine=FakeEngine())
    good = {name: path.read_bytes() for name, path in _episodes(options.output).items()}
    victim = next(name for name in good if "who-should" in name)
    for cached in (project.root / "cache" / "episodes").rglob("audio.mp3"):
        cached.write_bytes(cached.read_bytes()[:-100])
    article.write_text(ARTICLE.replace("Results arrive within a week.", "Results arrive in five days."),
                       encoding="utf-8")
    with pytest.raises(NarrationError, match="changed during the build"):
        build(project.config, options, engine=RewritesAPublishedEpisode(_episodes(options.output)[victim]))
    assert _episodes(options.output)[victim].read_bytes() != good[victim]  # the previous output, as it was left
    build(project.config, options, engine=FakeEngine())
    after = _episodes(options.output)
    assert after.keys() == good.keys()
    assert [name for name in good if "full" not in name and "what-happens" not in name
            and after[name].read_bytes() != good[name]] == []  # the unchanged episodes, the rewritten one too


def test_a_published_episode_changed_in_place_with_its_time_kept_is_published_again_from_the_cache(
        tmp_path: Path) -> None:
    """Taggers and gain tools can keep a file's modification time (mp3gain -p, eyeD3 --preserve-file-times);
    the change time they cannot keep tells the rebuild the file is not what was published."""
    project, article = _project(tmp_path)
    options = project.options(article, holdline=False)
    build(project.config, options, engine=FakeEngine())
    name, victim = next(iter(_episodes(options.output).items()))
    good, status = victim.read_bytes(), victim.stat()
    with victim.open("r+b") as handle:
        handle.seek(1000)
        handle.write(bytes(2000))
    os.utime(victim, ns=(status.st_atime_ns, status.st_mtime_ns))
    build(project.config, options, engine=FakeEngine())
    assert _episodes(options.output)[name].read_bytes() == good

