"""Shared fixtures: a fast fake engine for cache and pipeline logic, and one real Piper build of the sample."""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from narration.config import Config, load_config
from narration.build.pipeline import BuildOptions, BuildReport, build
from fakes import FakeEngine  # noqa: F401 (tests import it from here; worker processes from fakes)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"


@dataclass
class Project:
    """A throwaway project folder: config, scripts, cache and output."""

    root: Path
    config: Config

    def options(self, *articles: Path, **changes: object) -> BuildOptions:
        values = dict(articles=tuple(articles), output=self.root / "output", scripts_dir=self.root / "scripts",
                      cache_dir=self.root / "cache")
        values.update(changes)
        return BuildOptions(**values)  # type: ignore[arg-type]


SHOW_TOML = ('[show]\ntitle = "Breast Health Read Aloud"\nbase_url = "https://podcast.example.org/breast-health/"\n'
             'first_published = "2026-01-05"\n')
# Test articles are a few words a section: they keep one episode per section (the default joins sections under 45 s).
TEST_TOML = SHOW_TOML + "[scripts]\nmin_section_seconds = 0\n"


def make_project(root: Path, toml: str = "") -> Project:
    root.mkdir(parents=True, exist_ok=True)
    (root / "narration.toml").write_text(toml or TEST_TOML, encoding="utf-8")
    return Project(root, load_config(root / "narration.toml"))


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return make_project(tmp_path / "project")


@pytest.fixture
def fake_engine() -> FakeEngine:
    return FakeEngine()


@dataclass
class SampleBuild:
    project: Project
    report: BuildReport


def announce(config: pytest.Config, message: str) -> None:
    """A line on pytest's terminal even while output is captured: slow fixtures say what they are doing."""
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    capture = config.pluginmanager.get_plugin("capturemanager")
    if reporter is None or capture is None:
        return
    with capture.global_and_fixture_disabled():
        if reporter._tw.width_of_current_line:  # off the line of progress dots
            reporter.write("\n")
        reporter.write_line(message)


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config) -> SampleBuild:
    """The built-in sample built once with the real Piper voice and the default script settings (the end-to-end
    artefact most tests read)."""
    project = make_project(tmp_path_factory.mktemp("sample") / "project", SHOW_TOML)
    announce(pytestconfig, "[sample_build] building the sample with the real Piper voice (a minute or two)...")
    report = build(project.config, project.options(holdline=True))
    announce(pytestconfig, f"[sample_build] done: {len(report.episodes)} episodes")
    return SampleBuild(project, report)


@pytest.fixture(scope="session")
def fake_sample(tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config) -> SampleBuild:
    """The built-in sample built once with the fake engine and the default settings, hold line included:
    deterministic to the byte."""
    project = make_project(tmp_path_factory.mktemp("fake-sample") / "project", SHOW_TOML)
    announce(pytestconfig, "[fake_sample] building the sample with the fake engine...")
    report = build(project.config, project.options(holdline=True), engine=FakeEngine())
    return SampleBuild(project, report)


def copy_project(source: Project, target: Path) -> Project:
    """A copy of a built project (scripts, cache, output) that a test may change freely."""
    shutil.copytree(source.root, target, symlinks=True)
    return Project(target, load_config(target / "narration.toml"))
