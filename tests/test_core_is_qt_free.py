"""``desktop.core`` never imports PySide6: the engine runs where Qt does not.

The CLI, the search worker and the tests use the core without a display, and the
layering (DESIGN.md: "core: no PySide6 import anywhere below here") is what keeps the
UI a client of the core's public objects.  Two checks, each shown to catch a module
that breaks the rule: every ``import`` statement under the package (also the ones
inside functions, which run late), and ``sys.modules`` of a fresh interpreter after
importing every module of the package.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORE = REPO / "desktop" / "core"
#: Top-level names of the Qt binding's modules.
QT_MODULES = ("PySide6", "shiboken6")


def qt_imports_in_source(root: Path) -> list[str]:
    """``file:line module`` for every import of a Qt module in the .py files under
    ``root``, wherever the statement stands."""
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"), str(path))
        for line, name in _imports(tree):
            if name.split(".")[0] in QT_MODULES:
                found.append(f"{path.relative_to(root.parent)}:{line} {name}")
    return found


def _imports(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, module) of every absolute import statement in ``tree``."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            out.append((node.lineno, node.module))
    return out


_PROBE = r"""
import importlib, json, pkgutil, sys

package = importlib.import_module(sys.argv[1])
for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
    importlib.import_module(info.name)
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in json.loads(sys.argv[2]))))
"""


def qt_modules_after_importing(package: str, path: Path) -> list[str]:
    """The Qt modules loaded in a fresh interpreter (``path`` first on its path) once
    every module of ``package`` is imported."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, package, json.dumps(QT_MODULES)],
        capture_output=True,
        text=True,
        cwd=path,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    loaded: list[str] = json.loads(done.stdout.splitlines()[-1])
    return loaded


def test_no_core_module_names_qt() -> None:
    assert qt_imports_in_source(CORE) == []


def test_importing_all_of_core_loads_no_qt() -> None:
    assert qt_modules_after_importing("desktop.core", REPO) == []


def _package_that_imports_qt(root: Path) -> Path:
    """A package whose one submodule imports Qt inside a function and one at the top."""
    package = root / "leaky"
    package.mkdir()
    (package / "__init__.py").write_text("", "utf-8")
    (package / "late.py").write_text("def f():\n    from PySide6 import QtCore\n", "utf-8")
    (package / "early.py").write_text("import shiboken6\n", "utf-8")
    return package


def test_both_checks_catch_a_module_that_imports_qt(tmp_path: Path) -> None:
    package = _package_that_imports_qt(tmp_path)
    assert qt_imports_in_source(package) == [
        "leaky/early.py:1 shiboken6",
        "leaky/late.py:2 PySide6",
    ]
    assert "shiboken6" in qt_modules_after_importing("leaky", tmp_path)
