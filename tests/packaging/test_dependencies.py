"""Dependency versions: bounded in pyproject.toml, pinned in constraints.txt, all declared.

Lower bounds alone let a fresh install pick up a release nobody tested (PySide6 minors
change behaviour); ``make venv`` installs with ``-c constraints.txt`` so a fresh machine
tests exactly the locked set, and ``make lock`` refreshes the pins within the bounds.
"""

from __future__ import annotations

import ast
import importlib.metadata as metadata
import re
import sys
import tomllib
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import NormalizedName, canonicalize_name
from packaging.version import Version

REPO = Path(__file__).resolve().parents[2]
LOCK = REPO / "constraints.txt"
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#]+)$")


def _project() -> dict:  # type: ignore[type-arg]
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _runtime() -> list[Requirement]:
    return [Requirement(line) for line in _project()["dependencies"]]


def _extras() -> dict[str, list[Requirement]]:
    groups = _project()["optional-dependencies"]
    return {name: [Requirement(line) for line in lines] for name, lines in groups.items()}


def _declared() -> list[Requirement]:
    return _runtime() + [req for group in _extras().values() for req in group]


def _pins() -> dict[NormalizedName, Version]:
    pins = {}
    for number, line in enumerate(LOCK.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        match = _PIN.match(line)
        assert match, f"constraints.txt:{number}: not a name==version pin: {line!r}"
        pins[canonicalize_name(match[1])] = Version(match[2])
    return pins


def _has_upper_bound(req: Requirement) -> bool:
    return any(spec.operator in ("<", "<=", "==", "===", "~=") for spec in req.specifier)


def test_every_dependency_has_an_upper_bound() -> None:
    unbounded = [str(req) for req in _declared() if not _has_upper_bound(req)]
    assert unbounded == []


def test_pyside6_is_bounded_below_its_next_minor() -> None:
    """Qt for Python minors change behaviour; the bound must stop at the next one."""
    (pyside,) = [req for req in _runtime() if req.name.lower().startswith("pyside6")]
    pin = _pins()[canonicalize_name(pyside.name)]
    next_minor = Version(f"{pin.major}.{pin.minor + 1}")
    assert not pyside.specifier.contains(next_minor, prereleases=True), str(pyside)


def test_every_dependency_is_pinned_within_its_range() -> None:
    pins = _pins()
    problems = []
    for req in _declared():
        pin = pins.get(canonicalize_name(req.name))
        if pin is None:
            problems.append(f"{req.name}: no pin in constraints.txt")
        elif not req.specifier.contains(pin, prereleases=True):
            problems.append(f"{req.name}: pinned {pin}, outside {req.specifier}")
    assert problems == []


def _closure(roots: list[Requirement], extras: set[str]) -> dict[NormalizedName, str]:
    """Every installed distribution ``roots`` pull in here: name -> installed version."""
    found: dict[NormalizedName, str] = {}
    todo = list(roots)
    while todo:
        req = todo.pop()
        name = canonicalize_name(req.name)
        if name in found or not _applies(req, extras):
            continue
        try:
            dist = metadata.distribution(req.name)
        except metadata.PackageNotFoundError:
            continue  # not installed here (another platform's, or an extra not installed)
        found[name] = dist.version
        todo.extend(Requirement(line) for line in dist.requires or [])
    return found


def _applies(req: Requirement, extras: set[str]) -> bool:
    if req.marker is None:
        return True
    environment: dict[str, str] = dict(default_environment())
    return any(
        req.marker.evaluate({**environment, "extra": extra}) for extra in sorted(extras | {""})
    )


def test_the_lock_covers_what_the_project_installs_and_the_venv_matches_it() -> None:
    """Indirect dependencies are pinned too; the venv under test holds exactly the pins."""
    pins = _pins()
    installed = _closure(_runtime() + _extras()["test"], {"test"})
    missing = sorted(name for name in installed if name not in pins)
    assert missing == [], "not pinned in constraints.txt (run make lock)"
    drift = {
        name: f"installed {version}, locked {pins[name]}"
        for name, version in installed.items()
        if Version(version) != pins[name]
    }
    assert drift == {}, "the venv differs from constraints.txt (run make venv)"


def _third_party_imports() -> set[str]:
    modules = set()
    for path in (REPO / "desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
    return {m for m in modules if m not in sys.stdlib_module_names and m != "desktop"}


def test_every_imported_package_is_a_declared_dependency() -> None:
    """A package the code imports must not arrive only through another one's needs
    (lxml came with trafilatura): a trafilatura release without it would break imports."""
    providers = metadata.packages_distributions()
    declared = {canonicalize_name(req.name) for req in _runtime()}
    undeclared = {
        module: providers.get(module, ["(not installed)"])
        for module in sorted(_third_party_imports())
        if not any(canonicalize_name(dist) in declared for dist in providers.get(module, []))
    }
    assert undeclared == {}
