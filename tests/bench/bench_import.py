"""Import throughput (MB/s) and cold start of the app to its first painted window.

Import: a synthetic library built from the seeds and the shared novel — UTF-8,
GB18030 and Big5 files of 20 KB to 2 MB — imported with ``Library.add_paths``.
Cold start: ``python -m desktop`` on a seeded library with ``TONGWEN_EXIT_AFTER_PAINT=1``,
which prints the seconds from process start to the first paint and quits; median of
several runs.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench.harness import REPO, SEEDS, Result, corpus_text, sentences

BENCH = "import"


def _make_corpus(folder: Path, files: int) -> int:
    """Write ``files`` documents in mixed encodings; returns their total size in bytes."""
    rng = random.Random(11)
    pool = sentences()
    total = 0
    import opencc

    s2t = opencc.OpenCC("s2t")
    for n in range(files):
        want = rng.choice([20_000, 60_000, 200_000])
        parts: list[str] = []
        size = 0
        while size < want // 3:
            s = rng.choice(pool)
            parts.append(s)
            size += len(s)
        body = f"第{n + 1}章 合成文本\n" + "\n".join(parts)
        kind = n % 3
        if kind == 0:
            data = body.encode("utf-8")
        elif kind == 1:
            data = body.encode("gb18030", "replace")
        else:
            data = s2t.convert(body).encode("big5", "replace")
        path = folder / f"doc{n:04d}.txt"
        path.write_bytes(data)
        total += len(data)
    novel = corpus_text().encode("utf-8")
    (folder / "novel.txt").write_bytes(novel)
    total += len(novel)
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, folder / seed.name)
        total += seed.stat().st_size
    return total


def _import_throughput(quick: bool) -> list[Result]:
    from desktop.core.library import Library

    files = 30 if quick else 120
    rates = []
    size = 0
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        size = _make_corpus(src, files)
        for run in range(3):
            lib = Library.open(Path(tmp) / f"lib{run}")
            t0 = time.perf_counter()
            results = lib.add_paths([src])
            elapsed = time.perf_counter() - t0
            failed = [r for r in results if r.status != "imported"]
            if failed:
                raise RuntimeError(f"{len(failed)} files did not import: {failed[0].error}")
            rates.append(size / 2**20 / elapsed)
    return [
        Result(
            BENCH,
            f"import throughput ({files + 6} files, {size / 2**20:.1f} MB)",
            statistics.median(rates),
            "MB/s",
        ),
    ]


def _cold_start(quick: bool) -> list[Result]:
    runs = 3 if quick else 7
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ)
        env.update(
            QT_QPA_PLATFORM=env.get("QT_QPA_PLATFORM", "offscreen"),
            TONGWEN_LIBRARY=str(Path(tmp) / "library"),
            TONGWEN_CACHE=str(Path(tmp) / "cache"),
            TONGWEN_CONFIG=str(Path(tmp) / "config"),
            TONGWEN_LOG_DIR=str(Path(tmp) / "log"),
            TONGWEN_NO_SINGLE_INSTANCE="1",
            TONGWEN_EXIT_AFTER_PAINT="1",
        )
        for n in range(runs + 1):  # the first run imports the seeds; it is not counted
            proc = subprocess.run(
                [sys.executable, "-m", "desktop"],
                cwd=REPO,
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
            )
            match = re.search(r"first-paint ([0-9.]+)", proc.stdout + proc.stderr)
            if not match:
                raise RuntimeError(
                    f"no first-paint report: {proc.stdout[-300:]} {proc.stderr[-300:]}"
                )
            if n:
                times.append(float(match.group(1)))
    return [
        Result(
            BENCH,
            "cold start to first painted window (median)",
            statistics.median(times) * 1000,
            "ms",
        )
    ]


def run(quick: bool) -> list[Result]:
    return _import_throughput(quick) + _cold_start(quick)
