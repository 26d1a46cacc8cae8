"""View pipeline: whole-document build vs raw OpenCC, first screen, map size, lookups.

The clean view as the search index builds it (``clean=True, script="original"``) and
the reflow step alone are timed on ~5.5 KB synthetic documents, a 10 MB text and the
seeds.  (The frozen pre-speed-up copy they were once timed against is gone: the views'
tests compare with reviewed expected outputs, tests/core/views/_expected.)
"""

from __future__ import annotations

import random
import time

from desktop.core.views import ViewBuilder, ViewOptions, build_view, convert_text, script_config
from desktop.core.views.reflow import reflow
from desktop.core.views.region import document_region
from tests.bench.bench_search import _Texts
from tests.bench.harness import SEEDS, Result, big_text, median_time

BENCH = "views"


def _ratio(text: str, script: str, runs: int) -> list[Result]:
    """The raw view against OpenCC with the config the view uses (for 简体 the one of
    the text's regional standard, detected as the view does)."""
    config = script_config(script, False, document_region(text) if script == "simplified" else None)
    assert config is not None
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
            f"OpenCC {config} {mb / raw:.1f} MB/s, view {mb / built:.1f} MB/s",
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


def _index_views(docs: list[str], label: str, runs: int) -> Result:
    """The index's clean view on ``docs``, in MB/s."""
    options = ViewOptions(clean=True, script="original")
    for doc in docs[:20]:  # warm up: converters loaded
        build_view(doc, options)
    mb = sum(len(d.encode("utf-8")) for d in docs) / 2**20
    live = median_time(lambda: [build_view(d, options) for d in docs], runs)
    note = f"index options, {mb:.1f} MB in {live:.3f} s"
    return Result(BENCH, f"clean view, {label}", mb / live, "MB/s", note=note)


def _reflow_alone(docs: list[str], label: str, runs: int) -> Result:
    """The reflow step alone on ``docs``, in MB/s."""
    mb = sum(len(d.encode("utf-8")) for d in docs) / 2**20
    live = median_time(lambda: [reflow(d) for d in docs], runs)
    note = f"{mb:.1f} MB in {live:.3f} s"
    return Result(BENCH, f"reflow alone, {label}", mb / live, "MB/s", note=note)


def run(quick: bool) -> list[Result]:
    text = big_text(5 if quick else 50)
    runs = 3
    results = _ratio(text, "simplified", runs)
    results += _ratio(text, "traditional", runs)
    results.append(_first_screen(text))
    results += _map_figures(text)
    texts = _Texts(500 if quick else 2000)
    docs = [texts[n] for n in range(texts.count)]
    results.append(_index_views(docs, "5.5 KB docs", runs))
    results.append(_index_views([big_text(10)], "10 MB text", runs))
    seeds = [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))] * 20
    results.append(_index_views(seeds, "seeds x20", runs))
    results.append(_reflow_alone(docs, "5.5 KB docs", runs))
    results.append(_reflow_alone([big_text(10)], "10 MB text", runs))
    results.append(_reflow_alone(seeds, "seeds x20", runs))
    return results
