"""Annotations: 10,000 highlights on a 10 MB novel (quick: 2,000 on 2 MB).

Measures loading the store, computing the view ranges of every highlight in a
simplified view (what the reader needs before painting), saving, file size, memory.
"""

from __future__ import annotations

import importlib
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.bench.harness import Result, big_text, median_time, peak_rss_mb

BENCH = "annotations"


def _simplified_view(text: str) -> tuple[Any, str]:
    """The simplified view if the views package is there, else an identity map."""
    try:
        views = importlib.import_module("desktop.core.views")
        return views.build_view(text, views.ViewOptions(script="simplified")), ""
    except (ImportError, AttributeError):
        from desktop.core.offsetmap import OffsetMap

        class _Identity:
            def __init__(self, n: int) -> None:
                self.map = OffsetMap.identity(n)

            def view_range(self, start: int, end: int) -> tuple[int, int]:
                return self.map.dst_range(start, end)

        return _Identity(len(text)), "views not available: identity OffsetMap"


def _fill(doc_dir: Path, text: str, count: int) -> float:
    from desktop.core.annotations import COLORS, AnnotationStore

    rng = random.Random(10_000)
    store = AnnotationStore.open(doc_dir, text=text)
    t0 = time.perf_counter()
    for n in range(count):
        start = rng.randrange(0, len(text) - 50)
        store.add_highlight(
            start, start + rng.randint(2, 40), color=COLORS[n % 5], note="批注" if n % 4 else None
        )
    added = time.perf_counter() - t0
    store.save()
    return added


def run(quick: bool = False) -> list[Result]:
    from desktop.core.annotations import AnnotationStore, summary

    megabytes, count = (2, 2_000) if quick else (10, 10_000)
    text = big_text(megabytes)
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as tmp:
        doc_dir = Path(tmp)
        added = _fill(doc_dir, text, count)
        path = doc_dir / "annotations.json"

        def add(
            name: str, value: float, unit: str, target: str = "", ok: bool | None = None
        ) -> None:
            note = f"{count} highlights, {len(text):,} chars"
            results.append(Result(BENCH, name, value, unit, target, ok, note))

        add("add one highlight (mean)", added / count * 1000, "ms")
        load = median_time(lambda: AnnotationStore.open(doc_dir), runs=5)
        add("load store", load * 1000, "ms", "<= 300 ms", load <= 0.3)
        load_text = median_time(lambda: AnnotationStore.open(doc_dir, text=text), runs=3)
        add("load store + check text fingerprint", load_text * 1000, "ms")
        store = AnnotationStore.open(doc_dir, text=text)
        view, why = _simplified_view(text)
        ranges = median_time(lambda: store.view_ranges(view), runs=5)
        add(
            "view ranges, all highlights (simplified)",
            ranges * 1000,
            "ms",
            "<= 100 ms",
            ranges <= 0.1,
        )
        if why:
            results[-1].note += f"; {why}"

        def open_to_ranges() -> None:
            opened = AnnotationStore.open(doc_dir, text=text)
            opened.view_ranges(_simplified_view(text)[0])

        total = median_time(open_to_ranges, runs=3)
        add("open store + build view + ranges (no painting)", total * 1000, "ms")
        offsets = iter(range(1, 1000))

        def save() -> None:
            store.set_position(next(offsets))
            store.save()

        saved = median_time(save, runs=5)
        add("save after a change", saved * 1000, "ms", "<= 300 ms", saved <= 0.3)
        row = median_time(lambda: summary(doc_dir), runs=20)
        add("library-row summary()", row * 1000, "ms", "<= 5 ms", row <= 0.005)
        add("file size", path.stat().st_size / 2**20, "MB")
    add("peak memory", peak_rss_mb(), "MB")
    return results
