"""View pipeline: whole-document build vs raw OpenCC, first screen, map size, lookups."""

from __future__ import annotations

import random
import time

from desktop.core.views import ViewBuilder, ViewOptions, build_view, convert_text
from tests.bench.harness import Result, big_text, median_time

BENCH = "views"


def _ratio(text: str, script: str, config: str, runs: int) -> list[Result]:
    convert_text(text, config)  # warm up: dictionaries loaded, memory grown
    raw = median_time(lambda: convert_text(text, config), runs)
    options = ViewOptions(clean=False, script=script)
    built = median_time(lambda: build_view(text, options), runs)
    cleaned = median_time(lambda: build_view(text, ViewOptions(script=script)), 1)
    mb = len(text.encode("utf-8")) / 2**20
    ratio = raw / built
    return [
        Result(
            BENCH,
            f"{script} raw view build vs OpenCC",
            ratio,
            "x",
            ">= 0.5",
            ratio >= 0.5,
            f"OpenCC {mb / raw:.1f} MB/s, view {mb / built:.1f} MB/s",
        ),
        Result(
            BENCH,
            f"{script} clean view build",
            mb / cleaned,
            "MB/s",
            note="clean steps + conversion, whole text",
        ),
    ]


def _first_screen(text: str) -> Result:
    options = ViewOptions(script="traditional")

    def first() -> None:
        ViewBuilder(text[:200_000], options).build_range(0, 4000)

    t = median_time(first, 5)
    return Result(
        BENCH,
        "first screen (4000 chars, traditional)",
        t * 1000,
        "ms",
        "<= 100 ms",
        t <= 0.1,
        "clean steps on the first 200k chars + convert the page",
    )


def _map_figures(text: str) -> list[Result]:
    view = build_view(text, ViewOptions(script="taiwan", phrases=True, pinyin="hide"))
    mb = len(text.encode("utf-8")) / 2**20
    per_mb = view.map.nbytes() / mb / 1024
    rng = random.Random(1)
    offsets = [rng.randrange(len(text)) for _ in range(100_000)]
    t0 = time.perf_counter()
    for o in offsets:
        view.to_view(o)
    lookup = (time.perf_counter() - t0) / len(offsets) * 1e6
    return [
        Result(
            BENCH,
            "map size (taiwan+phrases, clean)",
            per_mb,
            "KB per MB",
            "<= 1024",
            per_mb <= 1024,
            f"{view.map.edit_count} edits",
        ),
        Result(BENCH, "map lookup to_view", lookup, "µs", "<= 20 µs", lookup <= 20),
    ]


def run(quick: bool) -> list[Result]:
    text = big_text(5 if quick else 50)
    runs = 3
    results = _ratio(text, "simplified", "t2s", runs)
    results += _ratio(text, "traditional", "s2t", runs)
    results.append(_first_screen(text))
    results += _map_figures(text)
    return results
