"""Shared pieces of the benchmarks: results, timing, memory and synthetic corpora."""

from __future__ import annotations

import gc
import random
import resource
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
NOVELS = REPO.parent / "shared" / "testdata" / "novels"


@dataclass
class Result:
    bench: str  #: which benchmark module
    name: str  #: what was measured
    value: float
    unit: str
    target: str = ""  #: the target in words, e.g. "<= 150 ms"
    ok: bool | None = None  #: whether the target is met (None: no target)
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def median_time(fn: Callable[[], Any], runs: int = 5) -> float:
    """Median wall time of ``fn()`` in seconds over ``runs`` runs."""
    times = []
    for _ in range(runs):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = max(0, min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1))))
    return ordered[k]


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux/macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if peak < 1 << 40 else peak / 2**20


def corpus_text() -> str:
    """The seeds and the shared novels, newline-normalised, as one string."""
    parts = [p.read_text("utf-8", errors="replace") for p in sorted(SEEDS.glob("*.txt"))]
    parts += [p.read_text("utf-8", errors="replace") for p in sorted(NOVELS.glob("*.txt"))]
    return "\n".join(parts).replace("\r\n", "\n")


def sentences(seed: int = 7) -> list[str]:
    """Sentences of the corpus, for building synthetic documents."""
    import re

    out = [s.strip() for s in re.split(r"(?<=[。!?!?])|\n", corpus_text())]
    out = [s for s in out if len(s) >= 4]
    random.Random(seed).shuffle(out)
    return out


def big_text(megabytes: float) -> str:
    """A text of about ``megabytes`` MB of UTF-8 built by repeating the corpus."""
    base = corpus_text()
    need = int(megabytes * 2**20)
    per = len(base.encode("utf-8"))
    return (base + "\n") * max(1, need // per + 1)
