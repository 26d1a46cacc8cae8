"""Search benchmark: indexing throughput, size, memory; query latency vs a plain scan.

Synthetic libraries of ~5.5 KB documents built from corpus sentences (fixed seed),
plus the shared novel as whole documents.  Indexing runs in a subprocess so its peak
memory is its own.  Quick mode: 2,000 documents; full: 10,000; ``TONGWEN_BENCH_BIG=1``
adds 100,000 (takes long).  Texts are generated on demand from their number, so the
indexer's peak memory is its own.
Run: ``.venv/bin/python -m tests.bench search [--quick]``.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.bench.harness import (
    NOVELS,
    REPO,
    Result,
    big_text,
    peak_rss_mb,
    percentile,
    sentences,
)

DOC_BYTES = 5_500


@dataclass
class _Record:
    id: str
    title: str
    author: str | None = None
    source: str | None = None
    published: str | None = None
    script: str = "simplified"
    format: str = "txt"
    imported: str = "2025-01-01T00:00:00"
    tags: tuple[str, ...] = ()


class _MemoryLibrary:
    """Just enough of ``Library`` for the index: texts in files, records in memory.

    :func:`_write_texts` writes the texts first, so generating them is not timed and
    reading one costs what reading a library document costs.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        titles = json.loads((root / "titles.json").read_text("utf-8"))
        self._records = {doc_id: _Record(doc_id, title) for doc_id, title in titles.items()}

    def documents(self) -> list[_Record]:
        return list(self._records.values())

    def get(self, doc_id: str) -> _Record:
        return self._records[doc_id]

    def summary(self, doc_id: str) -> _Record:  # the fields the index reads
        return self._records[doc_id]

    def ids(self) -> list[str]:
        return list(self._records)

    def text(self, doc_id: str) -> str:
        return (self.root / doc_id / "text.txt").read_text("utf-8")

    def doc_dir(self, doc_id: str) -> Path:
        return self.root / doc_id

    def subscribe(self, callback: Any) -> None:
        pass


def _write_texts(root: Path, count: int) -> float:
    """Write ``count`` synthetic documents and the novels under ``root``; their MB."""
    titles: dict[str, str] = {}
    size = 0
    for n, text in enumerate(_Texts(count)):
        doc_id = f"{n:064x}"
        (root / doc_id).mkdir(parents=True)
        data = text.encode("utf-8")
        (root / doc_id / "text.txt").write_bytes(data)
        titles[doc_id] = text[:12]
        size += len(data)
    (root / "titles.json").write_text(json.dumps(titles, ensure_ascii=False), "utf-8")
    return size / 2**20


class _Texts:
    """Document texts made on demand, each determined by its number (no big lists)."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.pool = sentences()
        self.novels = sorted(NOVELS.glob("zuozhuan*.txt"))

    def __len__(self) -> int:
        return self.count + len(self.novels)

    def __getitem__(self, n: int) -> str:
        if n >= self.count:
            return self.novels[n - self.count].read_text("utf-8").replace("\r\n", "\n")
        rnd = random.Random(2024 * 1_000_003 + n)
        parts: list[str] = []
        size = 0
        while size < DOC_BYTES:
            s = self.pool[rnd.randrange(len(self.pool))]
            parts.append(s)
            size += len(s.encode("utf-8")) + 1
        return "\n".join(parts)

    def __iter__(self) -> Any:
        return (self[n] for n in range(len(self)))


def _child(root: str, mb: float) -> None:
    from desktop.core.search import SearchIndex

    lib = _MemoryLibrary(Path(root))
    t0, cpu0 = time.perf_counter(), time.process_time()
    index = SearchIndex.open(lib, subscribe=False, notes=lambda d: "")
    index.ensure_current()
    seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    index.close()
    files = [p for p in index.folder.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files) / 2**20
    parts = {"texts": 0.0, "maps": 0.0, "postings": 0.0, "metadata": 0.0}
    for p in files:
        parts[_part_of(p)] += p.stat().st_size / 2**20
    print(
        json.dumps(
            {"mb": mb, "seconds": seconds, "cpu": cpu, "size": size, "rss": peak_rss_mb(), **parts}
        )
    )


def _part_of(path: Path) -> str:
    """Which part of the index a file belongs to, for the size breakdown."""
    if path.parent.name != "body":
        return "metadata"  # whoosh, the manifest, the locks
    if path.name.startswith("seg-"):
        return "postings"
    return "maps" if path.name == "maps.bin" else "texts"  # the slot table counts as texts


def _queries(texts: _Texts, n: int = 200) -> list[str]:
    import re

    from desktop.core.fold import HAN

    rnd = random.Random(99)
    han = re.compile(f"[{HAN}]{{6,}}")
    out: list[str] = []
    while len(out) < n:
        runs = han.findall(texts[rnd.randrange(len(texts))])
        if runs:
            run = rnd.choice(runs)
            length = rnd.randint(1, 6)
            start = rnd.randrange(len(run) - length + 1)
            out.append(run[start : start + length])
    return out


def _measure(count: int) -> list[Result]:
    from desktop.core.search import SearchIndex, fold_plain

    label = f"{count:,} docs"
    with tempfile.TemporaryDirectory(prefix="tongwen-bench-search-") as tmp:
        env = dict(os.environ, TONGWEN_CACHE=str(Path(tmp) / "cache"))
        root = str(Path(tmp) / "library")
        mb = _write_texts(Path(root), count)
        code = f"from tests.bench.bench_search import _child; _child({root!r}, {mb!r})"
        proc = subprocess.run(
            [sys.executable, "-c", code], env=env, cwd=REPO, capture_output=True, text=True
        )
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr[-2000:])
        built = json.loads(proc.stdout.strip().splitlines()[-1])
        os.environ["TONGWEN_CACHE"] = env["TONGWEN_CACHE"]
        lib = _MemoryLibrary(Path(root))
        open_ms = _open_ms(lib)
        index = SearchIndex.open(lib, subscribe=False, notes=lambda d: "")
        index.ensure_current()
        texts = _Texts(count)
        folded = [fold_plain(t) for t in texts]
        queries = _queries(texts)
        search_ms, scan_ms = [], []
        for q in queries:
            t0 = time.perf_counter()
            index.search(q, limit=20)
            search_ms.append((time.perf_counter() - t0) * 1000)
            fq = fold_plain(q)
            t0 = time.perf_counter()
            [i for i, t in enumerate(folded) if fq in t]
            scan_ms.append((time.perf_counter() - t0) * 1000)
        index.close()
    mbps = built["mb"] / built["seconds"]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    p95, scan95 = percentile(search_ms, 95), percentile(scan_ms, 95)
    target95 = 50 if count <= 10_000 else 150
    return [
        Result(
            "search",
            f"index throughput, {label}",
            mbps,
            "MB/s",
            ">= 2",
            mbps >= 2,
            f"wall clock; load average {load:.1f} on {os.cpu_count()} CPUs",
        ),
        Result(
            "search",
            f"index throughput per CPU second, {label}",
            built["mb"] / built["cpu"],
            "MB/s",
            note="the indexing process's own CPU time: what other processes' load leaves out",
        ),
        Result(
            "search",
            f"index size / text size, {label}",
            built["size"] / built["mb"],
            "x",
            "<= 1",
            built["size"] <= built["mb"],
            f"{built['size']:.1f} MB for {built['mb']:.1f} MB: texts {built['texts']:.1f},"
            f" maps {built['maps']:.1f}, postings {built['postings']:.1f},"
            f" metadata {built['metadata']:.1f}",
        ),
        Result(
            "search",
            f"index peak memory, {label}",
            built["rss"],
            "MB",
            "<= 1024",
            built["rss"] <= 1024,
        ),
        Result(
            "search",
            f"open time, {label}",
            percentile(open_ms, 50),
            "ms",
            note="median of 5: open an up-to-date index and run one query",
        ),
        Result("search", f"query p50, {label}", percentile(search_ms, 50), "ms"),
        Result("search", f"query p95, {label}", p95, "ms", f"<= {target95}", p95 <= target95),
        Result("search", f"scan p50, {label}", percentile(scan_ms, 50), "ms"),
        Result("search", f"scan p95, {label}", scan95, "ms"),
        Result(
            "search",
            f"query p95 / scan p95, {label}",
            p95 / scan95,
            "x",
            "<= 0.33",
            p95 / scan95 <= 0.33 if count >= 100_000 else None,
        ),
    ]


def _open_ms(lib: _MemoryLibrary, runs: int = 5) -> list[float]:
    """Times to open an up-to-date index (files checked) and answer a first query."""
    from desktop.core.search import SearchIndex

    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        index = SearchIndex.open(lib, subscribe=False, notes=lambda d: "")
        index.ensure_current()
        index.search("的", limit=20)
        times.append((time.perf_counter() - t0) * 1000)
        index.close()
    return times


def _longest_stall(megabytes: int) -> Result:
    """How long indexing one big document keeps another thread (the window) waiting."""
    import threading

    from desktop.core.search import SearchIndex

    gaps: list[float] = []
    done = threading.Event()

    def tick() -> None:
        last = time.perf_counter()
        while not done.is_set():
            time.sleep(0.001)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    with tempfile.TemporaryDirectory(prefix="tongwen-bench-stall-") as tmp:
        os.environ["TONGWEN_CACHE"] = str(Path(tmp) / "cache")
        root = Path(tmp) / "library"
        (root / "big").mkdir(parents=True)
        (root / "big" / "text.txt").write_text(big_text(megabytes), "utf-8")
        (root / "titles.json").write_text(json.dumps({"big": "big"}), "utf-8")
        index = SearchIndex.open(_MemoryLibrary(root), subscribe=False, notes=lambda d: "")
        ticker = threading.Thread(target=tick, daemon=True)
        ticker.start()
        index.ensure_current()
        done.set()
        ticker.join()
        index.close()
    return Result(
        "search",
        f"longest stall of the window while a {megabytes} MB novel is indexed",
        max(gaps) * 1000 - 1,
        "ms",
        "<= 100",
        max(gaps) * 1000 - 1 <= 100,
    )


def run(quick: bool) -> list[Result]:
    sizes = [2_000] if quick else [10_000]
    if os.environ.get("TONGWEN_BENCH_BIG"):
        sizes.append(100_000)
    results: list[Result] = []
    for count in sizes:
        results.extend(_measure(count))
    results.append(_longest_stall(10))
    return results
