"""Run the benchmarks, print a table, write bench-results/bench.json."""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import platform
import sys
import time
from pathlib import Path

from tests.bench.harness import REPO, Result


def _modules(names: list[str]) -> list[str]:
    here = Path(__file__).parent
    found = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    if names:
        found = [m for m in found if any(n in m for n in names)]
    return found


def _table(results: list[Result]) -> str:
    rows = [("bench", "measure", "value", "unit", "target", "ok")]
    for r in results:
        ok = "" if r.ok is None else ("yes" if r.ok else "NO")
        rows.append((r.bench, r.name, f"{r.value:,.3f}", r.unit, r.target, ok))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(prog="make bench")
    parser.add_argument("names", nargs="*", help="run only benchmarks whose name contains these")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    parser.add_argument("--out", default=str(REPO / "bench-results" / "bench.json"))
    args = parser.parse_args()
    results: list[Result] = []
    failed = []
    for name in _modules(args.names):
        print(f"running {name} ...", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        try:
            mod = importlib.import_module(f"tests.bench.{name}")
            results.extend(mod.run(quick=args.quick))
        except Exception as exc:  # a broken benchmark must not hide the others
            failed.append(f"{name}: {exc!r}")
        print(f"  {name} took {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
    print(_table(results))
    for f in failed:
        print(f"FAILED {f}")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "python": platform.python_version(),
        "machine": platform.platform(),
        "time": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "quick": args.quick,
        "results": [r.as_dict() for r in results],
        "failed": failed,
    }
    out.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"wrote {out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
