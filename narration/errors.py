"""The few error types a user can cause; the CLI prints them as one line (traceback only with -v)."""
from __future__ import annotations

from pathlib import Path


class NarrationError(Exception):
    """A problem the user can fix: the message names the file or key and what to do."""


class InputError(NarrationError):
    """An article, script or lexicon file that cannot be used."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path: Path | str
        super().__init__(f"{path}: {problem}")
        self.path = path if isinstance(path, str) and "://" in path else Path(path)  # an address stays as given
        self.problem = problem


class OutputError(InputError):
    """An output folder the build refuses to replace (it is not the build's own, or it holds the inputs)."""


class ServeError(NarrationError):
    """The preview server cannot listen where it was asked to (port in use, out of range, unknown host)."""


class ConfigError(NarrationError):
    """One or more config values are wrong; all problems are reported together, one line each."""

    def __init__(self, problems: list[str], source: Path | str = "config") -> None:
        self.problems = list(problems)
        super().__init__("\n".join(f"{source}: {problem}" for problem in self.problems))


class EngineError(NarrationError):
    """A speech engine could not synthesize (unreachable, crashed, timed out)."""


class AudioToolError(NarrationError):
    """ffmpeg failed; keeps the command and its stderr for -v."""

    def __init__(self, command: list[str], stderr: str) -> None:
        tail = stderr.strip().splitlines()[-1] if stderr.strip() else "no output"
        super().__init__(f"ffmpeg failed: {tail}")
        self.command = command
        self.stderr = stderr


class BuildLockedError(NarrationError):
    """Another build of the same project is running."""
