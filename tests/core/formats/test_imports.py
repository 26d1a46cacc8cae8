"""The formats package imports without a cycle, and each shared name has one home.

A cycle (the package importing a registry that imported the package) made the order
of imports matter and hid handlers behind ``try: import … except ImportError``.  The
graph is read from the source with :mod:`ast`, counting imports inside functions too
(they run just the same, only later) and leaving out ``if TYPE_CHECKING:`` blocks.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import desktop

PACKAGE = Path(desktop.__file__).resolve().parent
FORMATS = "desktop.core.formats"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in PACKAGE.rglob("*.py")}


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in node.body:
                skipped |= {id(sub) for sub in ast.walk(inner)}
    return skipped


def _imported(path: Path, name: str, modules: dict[str, Path]) -> Iterator[str]:
    """Modules of the project that ``name`` (the module at ``path``) imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = _type_checking_nodes(tree)
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package[: len(package) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                yield submodule if submodule in modules else base


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    return {
        name: {t for t in _imported(path, name, modules) if t in modules and t != name}
        for name, path in modules.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that import each other, directly or through others."""
    reach = {name: _reachable(graph, name) for name in graph}
    groups: list[list[str]] = []
    seen: set[str] = set()
    for name in sorted(graph):
        if name in seen or name not in reach[name]:
            continue
        group = sorted(other for other in reach[name] if name in reach[other])
        seen |= set(group)
        groups.append(group)
    return groups


def _reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    found: set[str] = set()
    todo = list(graph[start])
    while todo:
        name = todo.pop()
        if name not in found:
            found.add(name)
            todo.extend(graph.get(name, ()))
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_no_import_cycle_touches_the_formats() -> None:
    touching = [group for group in cycles(import_graph()) if any(FORMATS in m for m in group)]
    assert touching == []


def test_submodules_do_not_import_the_formats_package() -> None:
    """Shared names live in ``formats.base`` and ``core.errors``: a handler that needs
    the package's ``__init__`` would bring the cycle back."""
    graph = import_graph()
    leaning = [name for name, targets in graph.items() if FORMATS in targets and FORMATS in name]
    assert leaning == []


def test_each_handler_module_imports_alone() -> None:
    """In a fresh interpreter, whatever the order: no partially initialised module."""
    handlers = ["text", "html", "epub", "markdown", "encoding", "safexml", "opf", "base"]
    for handler in handlers:
        code = f"import {FORMATS}.{handler}; import {FORMATS}; {FORMATS}.extract"
        subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_the_handler_table_leaves_heavy_parsers_for_first_use() -> None:
    """The window imports the formats at start-up (for the suffixes); chardet and
    markdown-it take ~100 ms each to import and wait for the first file that needs them."""
    code = (
        f"import sys, {FORMATS}; "
        "loaded = [m for m in ('chardet', 'markdown_it', 'trafilatura', 'lxml') "
        "if m in sys.modules]; "
        "assert not loaded, loaded"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
