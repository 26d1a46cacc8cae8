"""Import cycles among the modules of a package: ``python tools/import_cycles.py [PACKAGE]``.

Also between its subpackages (``desktop.ui.reader`` importing ``desktop.ui.app`` and
back), which say whether the folders really are layers.

A cycle is a strongly connected group of modules that import each other, directly or
through others.  Imports at module level and inside functions are counted separately,
because a function-level import is how a cycle is usually hidden rather than removed.
Reads the source with :mod:`ast`; nothing is imported.  Default package: ``desktop.ui``.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def module_files(package: str) -> dict[str, Path]:
    """Module name → file, for every ``.py`` under the package's folder."""
    root = REPO / package.replace(".", "/")
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(REPO).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imported_names(path: Path, name: str, top_level_only: bool) -> set[str]:
    """Every module name an import statement in ``path`` names (``from a import b``
    counts ``a`` and ``a.b``, since ``b`` may be a module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    names: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node, name, path.name == "__init__.py")
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def _absolute(node: ast.ImportFrom, name: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    parts = name.split(".")
    keep = len(parts) - node.level + (1 if is_package else 0)
    return ".".join([*parts[:keep], *([node.module] if node.module else [])])


def graph(package: str, top_level_only: bool) -> dict[str, set[str]]:
    """Module → the modules of the same package it imports (packages' ``__init__`` left out
    as targets: importing ``a.b.c`` runs ``a.b``'s ``__init__``, which here holds no code)."""
    files = module_files(package)
    edges = {}
    for name, path in files.items():
        targets = imported_names(path, name, top_level_only) & set(files)
        edges[name] = {t for t in targets if files[t].name != "__init__.py" and t != name}
    return edges


def package_graph(package: str, top_level_only: bool) -> dict[str, set[str]]:
    """Subpackage → the subpackages its modules import (a module directly in
    ``package`` counts as a subpackage of its own)."""
    depth = package.count(".") + 2

    def group(name: str) -> str:
        return ".".join(name.split(".")[:depth])

    edges: dict[str, set[str]] = {}
    for name, targets in graph(package, top_level_only).items():
        found = edges.setdefault(group(name), set())
        found.update(group(t) for t in targets if group(t) != group(name))
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(edges[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return groups


def main(argv: list[str]) -> int:
    package = argv[0] if argv else "desktop.ui"
    for label, top_level_only in (("module-level imports", True), ("all imports", False)):
        found = cycles(graph(package, top_level_only))
        print(f"{package}, {label}: {len(found)} cycle(s)")
        for group in found:
            print(f"  {len(group)} modules: {', '.join(group)}")
        found = cycles(package_graph(package, top_level_only))
        print(f"{package} subpackages, {label}: {len(found)} cycle(s)")
        for group in found:
            print(f"  {len(group)} packages: {', '.join(group)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
