"""Conversion you can correct: OpenCC's tables loaded, a right-click's choices, a
page's one-to-many spots, and what conversion rules cost a whole view."""

from __future__ import annotations

import random
import time

from desktop.core.views.candidates import ConversionTables
from desktop.core.views.corrections import choice_at, one_to_many_spots
from desktop.core.views.ocd2 import read_ocd2
from desktop.core.views.pipeline import ViewOptions, build_view
from desktop.core.views.rules import ConversionRule
from tests.bench.harness import Result, big_text, median_time, percentile

BENCH = "corrections"


def _tables() -> Result:
    read_ocd2.cache_clear()
    t0 = time.perf_counter()
    ConversionTables("s2t")
    took = time.perf_counter() - t0
    return Result(
        BENCH, "s2t tables loaded (cold)", took * 1000, "ms", "<= 1000 ms", took <= 1.0,
        "about 50,000 phrases read from OpenCC's .ocd2 files; done once, in a worker",
    )  # fmt: skip


def _choices(text: str, n: int) -> list[Result]:
    view = build_view(text, ViewOptions(script="traditional"))
    rng = random.Random(3)
    offsets = [rng.randrange(len(view.text)) for _ in range(n)]
    choice_at(text, view, offsets[0])  # tables loaded
    times = []
    for offset in offsets:
        t0 = time.perf_counter()
        choice_at(text, view, offset)
        times.append(time.perf_counter() - t0)
    p95 = percentile(times, 95) * 1000
    page = 4000
    starts = [rng.randrange(max(1, len(view.text) - page)) for _ in range(max(3, n // 20))]
    spots = []
    for start in starts:
        t0 = time.perf_counter()
        one_to_many_spots(text, view, start, start + page)
        spots.append(time.perf_counter() - t0)
    spot_p95 = percentile(spots, 95) * 1000
    mb = len(text.encode("utf-8")) / 2**20
    return [
        Result(
            BENCH, "choice at a view offset, p95", p95, "ms", "<= 50 ms", p95 <= 50,
            f"{n} right-clicks in a {mb:.1f} MB traditional view",
        ),
        Result(
            BENCH, "one-to-many spots of a 4,000-char page, p95", spot_p95, "ms", "<= 50 ms",
            spot_p95 <= 50, f"{len(starts)} pages",
        ),
    ]  # fmt: skip


def _rules_cost(text: str) -> Result:
    words = sorted({text[i : i + 2] for i in range(0, len(text) - 2, 997)})[:200]
    rules = tuple(ConversionRule(w, w, "traditional") for w in words if w.strip() == w)
    plain = median_time(lambda: build_view(text, ViewOptions(script="traditional")), 3)
    ruled = median_time(lambda: build_view(text, ViewOptions(script="traditional", rules=rules)), 3)
    ratio = ruled / plain
    mb = len(text.encode("utf-8")) / 2**20
    return Result(
        BENCH, f"view with {len(rules)} rules vs none", ratio, "x", "<= 1.5", ratio <= 1.5,
        f"{mb:.1f} MB: {plain:.2f} s without rules, {ruled:.2f} s with",
    )  # fmt: skip


def run(quick: bool = False) -> list[Result]:
    text = big_text(0.5 if quick else 2)
    return [_tables(), *_choices(text, 40 if quick else 200), _rules_cost(text)]
