"""Reader pane on a big novel: first paint, longest freeze while loading, script switch,
memory per MB.  Offscreen Qt.  (The README's screenshots: ``make screenshots``.)
"""

from __future__ import annotations

import itertools
import os
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktop.app import freeze_start_up_objects
from desktop.core.library import DocRecord
from desktop.core.views import ViewOptions, build_view, convert_text
from desktop.core.views.convert import script_config
from desktop.core.views.reflow import reflow
from desktop.core.views.region import detect_region
from desktop.ui.common.app_settings import AppSettings
from desktop.ui.reader.pane import ReaderPane
from tests.bench.harness import NOVELS, SEEDS, Result, big_text
from tests.core.views.parallel_text import HONG_KONG, TAIWAN, errors_per_10k, generated_pairs
from tests.core.views.reflow_truth import (
    ReflowScore,
    classical_paragraphs,
    hardwrapped_score,
    make_units,
    score,
    seed_paragraphs,
    wrap_document,
)
from tests.ui.place_check import hard_wrapped, place_walk, reflowed

BENCH = "reader"
_LOAD_LIMIT = 240.0  # seconds of loading watched at most


def _app() -> QApplication:
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else QApplication([])


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _record(text: str) -> DocRecord:
    return DocRecord(
        "bench", "長篇", None, None, None, "traditional", "txt", "utf-8", 1.0,
        len(text), len(text.encode()), "", "bench.txt",
    )  # fmt: skip


def _pane(clean: bool) -> ReaderPane:
    _app()
    folder = tempfile.mkdtemp(prefix="bench-reader-")
    qs = QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat)
    settings = AppSettings(qs)
    settings.clean = clean
    pane = ReaderPane(settings=settings)
    pane.resize(900, 800)
    pane.show()
    _app().processEvents()
    freeze_start_up_objects()  # as the app does after its first paint
    return pane


def _timed_paint(pane: ReaderPane, action: object) -> float:
    t0 = time.perf_counter()
    action()  # type: ignore[operator]
    pane.text.viewport().repaint()
    return time.perf_counter() - t0


def _watch_load(pane: ReaderPane) -> tuple[float, float]:
    """(longest gap between event-loop iterations, seconds) until loading ends."""
    app, began = _app(), time.perf_counter()
    last, worst = began, 0.0
    while pane.loading and last - began < _LOAD_LIMIT:
        app.processEvents()
        now = time.perf_counter()
        worst, last = max(worst, now - last), now
    return worst, last - began


def _measure(text: str, clean: bool, runs: int) -> dict[str, float]:
    firsts, switches, freezes, loads, per_mb = [], [], [], [], []
    mb = len(text.encode("utf-8")) / 2**20
    record = _record(text)
    build_view(text[:2000], ViewOptions(script="simplified"))  # OpenCC dictionaries loaded
    for _ in range(runs):
        pane = _pane(clean)
        before = _rss_mb()
        firsts.append(_timed_paint(pane, lambda p=pane: p.show_document(record, text)))
        freeze, seconds = _watch_load(pane)
        freezes.append(freeze)
        loads.append(seconds)
        per_mb.append((_rss_mb() - before) / mb)
        pane.go_to_canonical(len(text) // 2)
        switches.append(_timed_paint(pane, lambda p=pane: p.set_options(script="simplified")))
        pane.loader.stop()
        pane.close()
        pane.deleteLater()
        _app().processEvents()
    med = statistics.median
    return {
        "first": med(firsts),
        "freeze": med(freezes),
        "load": med(loads),
        "switch": med(switches),
        "mb": med(per_mb),
        "done": float(not pane.loading),
    }


def _results(label: str, m: dict[str, float], size: str) -> list[Result]:
    first, freeze, switch = m["first"] * 1000, m["freeze"] * 1000, m["switch"] * 1000
    return [
        Result(BENCH, f"{label} open → first page ({size})", first, "ms", "<= 150", first <= 150),
        Result(
            BENCH, f"{label} longest freeze while loading", freeze, "ms", "<= 50", freeze <= 50,
            f"whole text loaded in {m['load']:.1f} s",
        ),
        Result(BENCH, f"{label} script switch → page", switch, "ms", "<= 100", switch <= 100),
        Result(BENCH, f"{label} memory per MB of text", m["mb"], "MB/MB"),
    ]  # fmt: skip


def _reflow_row(label: str, score: ReflowScore, note: str) -> list[Result]:
    left = 100 * score.mid_left_share
    return [
        Result(
            BENCH, f"reflow {label}: mid-sentence breaks left", left, "%", "<= 2", left <= 2,
            f"{score.mid_left} of {score.mid}; {note}",
        ),
        Result(
            BENCH, f"reflow {label}: paragraph starts lost", score.starts_lost, "", "0",
            score.starts_lost == 0, f"of {score.starts}; sentence-end breaks inside "
            f"paragraphs left {score.stop_left} of {score.stop}",
        ),
    ]  # fmt: skip


def _reflow_results(quick: bool) -> list[Result]:
    """Reflow on the shared hard-wrapped novel and on wrappings of known paragraphs."""
    novel = (NOVELS / "xiyouji_gutenberg_hardwrapped_zht.txt").read_text("utf-8")
    text = novel.replace("\r\n", "\n")
    out, mapping, _ = reflow(text)
    results = _reflow_row(
        "西遊記", hardwrapped_score(text, out, mapping), "estimated: no paragraphs known"
    )
    sources = {
        "左传": classical_paragraphs(NOVELS / "zuozhuan_opencc_benchmark_zhs.txt"),
        "seeds": seed_paragraphs(sorted(SEEDS.glob("*.txt"))),
    }
    widths = range(20, 41, 5 if quick else 1)
    for name, units in sources.items():
        total = ReflowScore()
        for style, crlf in itertools.product(("plain", "indent", "blank"), (False, True)):
            for width in widths:
                wrapped = wrap_document(
                    make_units(units, 40, width, seed=width), width, indent=style == "indent",
                    blank=style == "blank", crlf=crlf, seed=width,
                )  # fmt: skip
                out, mapping, _ = reflow(wrapped.text)
                total += score(wrapped, out, mapping)
        note = f"widths {widths.start}-{widths.stop - 1}, plain/indented/blank-line, LF/CRLF"
        results += _reflow_row(f"{name} wrapped", total, note)
    return results


def _convert(text: str, config: str) -> str:
    return convert_text(text, config)


def _conversion_results() -> list[Result]:
    """简体 conversion errors per 10,000 characters, by conversion, on parallel text."""
    seeds = [SEEDS / "000_8cf7dba9e6b113dd.txt", SEEDS / "003_4b932422d23083b2.txt"]
    samples = {
        "Taiwan, hand-checked": TAIWAN,
        "Hong Kong, hand-checked": HONG_KONG,
        "Taiwan, s2tw of seeds": generated_pairs(seeds, "s2tw"),
        "Hong Kong, s2hk of seeds": generated_pairs(seeds, "s2hk"),
        "general, s2t of seeds": generated_pairs(seeds, "s2t"),
    }
    results = []
    for label, pairs in samples.items():
        region = detect_region("\n".join(source for source, _ in pairs)).region
        chosen = script_config("simplified", False, region) or "t2s"
        chars = sum(len(ref) for _, ref in pairs)
        rates = {
            config: errors_per_10k(partial(_convert, config=config), pairs)
            for config in dict.fromkeys(("t2s", "tw2s", "hk2s", chosen))
        }
        for config, rate in rates.items():
            if config != chosen:
                results.append(
                    Result(
                        BENCH,
                        f"简体 errors, {label}: {config}",
                        rate,
                        "per 10k chars",
                        note=f"{chars} chars",
                    )
                )
        best = min(rates.values())
        results.append(
            Result(BENCH, f"简体 errors, {label}: chosen ({chosen}, detected {region})",
                   rates[chosen], "per 10k chars", "<= every other", rates[chosen] <= best,
                   f"{chars} chars")
        )  # fmt: skip
    return results


def _wait_for_load(pane: ReaderPane) -> None:
    app, began = _app(), time.perf_counter()
    while pane.loading and time.perf_counter() - began < _LOAD_LIMIT:
        app.processEvents()


def _place_results(quick: bool) -> list[Result]:
    """Share of view toggles (script, clean/raw, pinyin) after which the canonical
    place read is still on the first line, from random places of a novel."""
    folder = Path(tempfile.mkdtemp(prefix="bench-place-"))
    positions = 20 if quick else 100
    results = []
    books = {
        "hard-wrapped, 60k chars": lambda p: hard_wrapped(p, 400),
        "one line per paragraph, 60k chars": lambda p: reflowed(p, 400),
        "hard-wrapped, 600k chars (pieces)": lambda p: hard_wrapped(p, 4_000),
    }
    for label, make in books.items():
        text = make(folder / "book.txt").read_text("utf-8")
        pane = _pane(clean=True)
        pane.show_document(_record(text), text)
        _wait_for_load(pane)
        walk = place_walk(pane, positions, seed=5, wait=partial(_wait_for_load, pane))
        share = 100 * walk.exact_share
        results.append(
            Result(BENCH, f"place kept after a toggle, {label}", share, "% exact", "100",
                   share == 100, f"{walk.toggles} toggles from {positions} random places")
        )  # fmt: skip
        pane.loader.stop()
        pane.close()
        pane.deleteLater()
        _app().processEvents()
    return results


def run(quick: bool) -> list[Result]:
    size = 5 if quick else 50
    text = big_text(size).replace("\r\n", "\n")
    runs = 3
    out = _results("raw", _measure(text, clean=False, runs=runs), f"{size} MB")
    small = text[: len(text) // (10 if quick else 50)]
    out += _results("clean", _measure(small, clean=True, runs=runs), "~1 MB")
    out += _reflow_results(quick)
    out += _conversion_results()
    out += _place_results(quick)
    return out


if __name__ == "__main__":
    for result in run(quick="--quick" in sys.argv):
        print(result)
