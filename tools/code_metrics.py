"""Size and shape of the code: ``python tools/code_metrics.py [CHECKOUT]``.

For the before/after tables of clean-ups: the modules of ``desktop/`` (files, lines,
those over 600 lines), the functions (and those over 40 lines), and the import cycles
between modules formed by module-level imports.  Run it on another revision with
``git archive REV | tar -x -C DIR`` and ``python tools/code_metrics.py DIR``.
``--list`` also prints each function over 40 lines, longest first, as
``path:line name (lines)``.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

LONG_FILE = 600
LONG_FUNCTION = 40


def _module(path: Path, root: Path) -> str:
    name = ".".join(path.relative_to(root.parent).with_suffix("").parts)
    return name.removesuffix(".__init__")


def _imports(tree: ast.Module) -> list[str]:
    found: list[str] = []
    for node in tree.body:  # module level only: imports inside functions run later
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names]
    return found


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in edges:
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def _length(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """Lines from the ``def`` (decorators not counted) to the last line of the body."""
    return (node.end_lineno or node.lineno) - node.lineno + 1


def _functions(tree: ast.Module) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    return [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]


def long_functions(checkout: Path) -> list[tuple[str, int, str, int]]:
    """``(path, line, name, lines)`` of each function over LONG_FUNCTION, longest first."""
    found = []
    for path in sorted((checkout / "desktop").rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        found += [
            (str(path.relative_to(checkout)), n.lineno, n.name, _length(n))
            for n in _functions(tree)
            if _length(n) > LONG_FUNCTION
        ]
    return sorted(found, key=lambda row: (-row[3], row[0], row[1]))


def measure(checkout: Path) -> dict[str, object]:
    root = checkout / "desktop"
    files = sorted(root.rglob("*.py"))
    trees = {f: ast.parse(f.read_text("utf-8")) for f in files}
    lines = {f: len(f.read_text("utf-8").splitlines()) for f in files}
    functions = [n for tree in trees.values() for n in _functions(tree)]
    modules = {_module(f, root): f for f in files}
    edges = {
        name: {t for t in _imports(trees[path]) if t in modules and t != name}
        for name, path in modules.items()
    }
    return {
        "files": len(files),
        "lines": sum(lines.values()),
        f"files over {LONG_FILE} lines": sorted(
            f"{f.relative_to(checkout)} ({n})" for f, n in lines.items() if n > LONG_FILE
        ),
        "functions": len(functions),
        f"functions over {LONG_FUNCTION} lines": sum(
            1 for n in functions if _length(n) > LONG_FUNCTION
        ),
        "module-level import cycles": _cycles(edges),
    }


def main(argv: list[str]) -> int:
    listing = "--list" in argv
    rest = [a for a in argv if a != "--list"]
    checkout = Path(rest[0]) if rest else Path(__file__).resolve().parents[1]
    for key, value in measure(checkout).items():
        print(f"{key}: {value}")
    if listing:
        for path, line, name, length in long_functions(checkout):
            print(f"  {path}:{line} {name} ({length})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
