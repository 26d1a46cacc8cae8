"""``tongwen-cli list --json`` at a big library, the two ways it answers.

- *kept*: nothing changed since the last listing; the folders are checked (two ``stat``
  calls a document) and the listing the catalogue keeps is printed (what
  bench_library's ``list --json`` row measures: issue 17's target, <= 1.5 s at 100,000
  documents).
- *after a change*: one ``meta.json`` rewritten in place before each run; its folder is
  read, every row of the catalogue listed, turned into JSON, and kept again.

Each run is a fresh ``python -m desktop.cli`` process (interpreter start and imports
included), its output read through a pipe as a script would.
``TONGWEN_BENCH_SIZES=100000`` (comma-separated) chooses the sizes.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench.bench_library import generate
from tests.bench.harness import REPO, Result

BENCH = "cli_list"
RUNS = 3


def _env(home: Path, library: Path) -> dict[str, str]:
    env = dict(os.environ, TONGWEN_LIBRARY=str(library), PYTHONPATH=str(REPO))
    for var, sub in (("TONGWEN_CACHE", "cache"), ("TONGWEN_CONFIG", "config")):
        env[var] = str(home / sub)
    env["TONGWEN_LOG_DIR"] = str(home / "log")
    return env


def _list(env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "desktop.cli", "list", "--json"],
        env=env,
        capture_output=True,
        check=True,
        cwd=REPO,
    )
    return time.perf_counter() - t0


def _rewrite_in_place(meta: Path, n: int) -> None:
    """Change a document's title in its ``meta.json``, written in place."""
    value = json.loads(meta.read_text("utf-8"))
    value["user"]["title"] = f"改過的標題 {n}"
    with meta.open("r+", encoding="utf-8") as fh:
        fh.write(json.dumps(value, ensure_ascii=False))
        fh.truncate()


def _sizes(quick: bool) -> tuple[int, ...]:
    chosen = os.environ.get("TONGWEN_BENCH_SIZES", "")
    if chosen:
        return tuple(int(n) for n in chosen.split(","))
    return (10_000,) if quick else (100_000,)


def run(quick: bool) -> list[Result]:
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="bench-cli-list-") as tmp:
        root = Path(tmp)
        for size in _sizes(quick):
            library = generate(root, size)
            env = _env(root / f"home-{size}", library)
            _list(env)  # the catalogue built from the folders
            _list(env)  # the listing made from its rows, and kept
            kept = statistics.median(_list(env) for _ in range(RUNS))
            metas = sorted((library / "docs").glob("*/meta.json"))[:RUNS]
            changed = []
            for n, meta in enumerate(metas):
                _rewrite_in_place(meta, n)
                changed.append(_list(env))
            big = size >= 100_000
            label = f"{size:,} documents"
            results += [
                Result(BENCH, f"list --json, kept, {label}", kept * 1000, "ms",
                       "<= 1500" if big else "", kept <= 1.5 if big else None),
                Result(BENCH, f"list --json after one meta.json changed, {label}",
                       statistics.median(changed) * 1000, "ms"),
            ]  # fmt: skip
    return results


if __name__ == "__main__":
    for result in run(quick="--quick" in sys.argv):
        print(result)
