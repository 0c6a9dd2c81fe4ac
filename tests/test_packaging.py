"""Every third-party package the code imports is declared in pyproject.toml (CI installs only what is declared)."""
from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("narration", "tests", "benchmarks", "build_audio.py")
# Declared for a dependency that imports them without declaring them itself.
# Import names whose distribution does not list them (praat-parselmouth's wheel has an empty top_level.txt).
UNLISTED_IMPORTS = {"parselmouth": "praat-parselmouth"}
NEEDED_BY_DEPENDENCIES = {"lxml-html-clean": "trafilatura (through justext) imports lxml.html.clean, which lxml "
                                             "moved into this separate package"}


def _canonical(name: str) -> str:
    """PEP 503 name: 'PyYAML', 'pyyaml' and 'py_yaml' are one distribution."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> dict[str, str]:
    """Canonical distribution name -> where pyproject declares it (dependencies or an extra)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    groups = {"dependencies": project.get("dependencies", [])}
    groups |= {f"extra [{name}]": reqs for name, reqs in project.get("optional-dependencies", {}).items()}
    declared: dict[str, str] = {}
    for group, requirements in groups.items():
        for requirement in requirements:
            name = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement)
            assert name, f"pyproject.toml: unreadable requirement {requirement!r} in {group}"
            declared.setdefault(_canonical(name.group()), group)
    return declared


def _python_files() -> list[Path]:
    files: list[Path] = []
    for name in SOURCES:
        path = ROOT / name
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return [f for f in files if "node_modules" not in f.parts]


def _top_level_imports(path: Path) -> set[str]:
    """Absolute imports anywhere in the module (lazy imports inside functions count too)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def _is_local(name: str, path: Path) -> bool:
    """The project's own code: a package or module at the root, a test helper (benchmarks use some), or a helper
    beside the importing file."""
    return any((folder / name).is_dir() or (folder / f"{name}.py").is_file()
               for folder in (ROOT, ROOT / "tests", path.parent))


def third_party_imports() -> dict[str, set[Path]]:
    """Top-level import name -> the files importing it, for every import that is neither stdlib nor local."""
    found: dict[str, set[Path]] = {}
    for path in _python_files():
        for name in _top_level_imports(path):
            if name not in sys.stdlib_module_names and name != "__future__" and not _is_local(name, path):
                found.setdefault(name, set()).add(path.relative_to(ROOT))
    return found


def test_the_scan_sees_the_imports_it_must_check() -> None:
    """Guards the scanner itself: lazy imports inside functions and `from x.y import z` forms are found."""
    found = third_party_imports()
    assert {"numpy", "markdown_it", "requests", "piper", "pytest"} <= set(found)
    assert not {"json", "narration", "conftest", "__future__"} & set(found)


def test_every_third_party_import_is_declared() -> None:
    declared = _declared()
    distributions = packages_distributions()
    missing = []
    for name, files in sorted(third_party_imports().items()):
        candidates = {_canonical(d) for d in distributions.get(name, [UNLISTED_IMPORTS.get(name, name)])}
        if not candidates & set(declared):
            where = ", ".join(str(f) for f in sorted(files)[:3])
            missing.append(f"{name} (distribution {' or '.join(sorted(candidates))}) imported by {where}")
    assert not missing, "imported but not declared in pyproject.toml:\n" + "\n".join(missing)


def test_every_declared_runtime_dependency_is_used() -> None:
    """A dependency the package never imports is weight every user installs (tools of the tests and benchmarks
    belong in their extras)."""
    distributions = packages_distributions()
    in_package = {name for name, files in third_party_imports().items()
                  if any(f.parts[0] in ("narration", "build_audio.py") for f in files)}
    used = {_canonical(d) for name in in_package for d in distributions.get(name, [name])}
    runtime = [name for name, group in _declared().items() if group == "dependencies"]
    unused = [name for name in runtime if name not in used and name not in NEEDED_BY_DEPENDENCIES]
    assert not unused, f"declared in pyproject.toml's dependencies but imported nowhere: {', '.join(unused)}"
