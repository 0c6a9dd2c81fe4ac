"""Config: one file, CLI overrides, every problem reported at once."""
from __future__ import annotations

from pathlib import Path

import pytest

from narration.config import load_config
from narration.errors import ConfigError


def test_defaults_and_overrides(tmp_path: Path) -> None:
    path = tmp_path / "narration.toml"
    path.write_text('[show]\ntitle = "My show"\n[speech]\npreset = "slow"\n', encoding="utf-8")
    config = load_config(path, {"speech": {"engine": "gtts", "voice": None}})
    assert config.show.title == "My show" and config.speech.preset == "slow" and config.speech.engine == "gtts"
    assert config.audio.loudness_lufs == -16.0


def test_every_problem_reported_at_once(tmp_path: Path) -> None:
    path = tmp_path / "narration.toml"
    path.write_text('[show]\ntitel = "typo"\nbase_url = "ftp://example.org"\n[audio]\nbitrate = 96\n'
                    '[speech]\nengine = "espeak"\n[bogus]\nx = 1\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    lines = str(caught.value).splitlines()
    expected = ("show.titel: unknown key", "show.base_url", "audio.bitrate: expected str", "speech.engine",
                "bogus: unknown section")
    assert len(lines) == len(expected) == len(caught.value.problems)
    assert all(line.startswith(f"{path}: ") for line in lines)
    for problem in expected:
        assert sum(problem in line for line in lines) == 1, problem


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "narration.toml"
    path.write_text("[show\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="narration.toml: not valid TOML"):
        load_config(path)


def test_debris_patterns_are_validated_when_the_config_is_read(tmp_path: Path) -> None:
    path = tmp_path / "narration.toml"
    path.write_text('[scripts]\ndebris = ["^Sponsored$", "([unclosed", "^$"]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert [p.split(":")[0] for p in caught.value.problems] == ["scripts.debris[1]", "scripts.debris[2]"]
    path.write_text('[scripts]\ndebris = ["^Sponsored$"]\n', encoding="utf-8")
    assert load_config(path).scripts.debris == ["^Sponsored$"]


def test_episode_length_and_hold_topic_settings_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "narration.toml"
    path.write_text('[scripts]\ncredits = "line"\nmin_section_seconds = 300\nmax_section_seconds = 200\n'
                    '[holdline]\ntopic_intro = "About {title}."\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert sorted(p.split(":")[0] for p in caught.value.problems) == ["holdline.topic_intro", "scripts.max_section_seconds"]
    path.write_text('[scripts]\nmin_section_seconds = -1\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="scripts.min_section_seconds: -1 must be between 0 and 600"):
        load_config(path)
    path.write_text('[scripts]\nmin_section_seconds = 0\nmax_section_seconds = 0\n'
                    '[holdline]\ntopic_intro = ""\n', encoding="utf-8")
    config = load_config(path)
    assert config.scripts.min_section_seconds == 0 and config.scripts.credits == "line"
