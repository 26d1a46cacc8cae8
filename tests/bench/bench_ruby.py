"""Ruby (pinyin or zhuyin above the characters) in the reader, on the 50 MB novel.

- First page with the ruby on and off: ``show_document`` until the first screen is
  painted; with the ruby on, until every Han character on it has its reading painted
  (the readings of what is visible, read within the paint's budget and in the timer
  slices after it).  The reader of readings is loaded beforehand, as it is for every
  document after the first; the time it takes to load (in a worker) is a row of its own.
  Target: <= 150 ms, as the novel opens without the ruby (tests/bench/bench_reader.py).
- Loading the rest of the novel with the ruby on (each piece takes the ruby's format as it
  arrives): the longest event-loop iteration.  Target: <= 50 ms, as without.
- Scrolling with the ruby on: the longest event-loop iteration (a frame: the scroll, the
  paint with its readings, the timer slices reading ahead) while scrolling a line at a
  time (a wheel notch is three), a screen at a time, and jumping to places not read
  yet.  Target: every frame <= 50 ms.

Offscreen Qt, the reader pane alone (900×800), the window's default font size.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QApplication

from desktop.core.library import DocRecord
from desktop.core.readings import load_reader
from desktop.core.views import ViewOptions, build_view
from desktop.ui.common.app_settings import AppSettings
from desktop.ui.reader.pane import ReaderPane
from tests.bench.harness import Result, big_text

BENCH = "ruby"
_LIMIT = 240.0  # seconds of loading watched at most


def _app() -> QApplication:
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else QApplication([])


def _record(text: str) -> DocRecord:
    return DocRecord(
        "bench", "長篇", None, None, None, "traditional", "txt", "utf-8", 1.0,
        len(text), len(text.encode()), "", "bench.txt",
    )  # fmt: skip


def _pane(ruby: str) -> ReaderPane:
    _app()
    folder = tempfile.mkdtemp(prefix="bench-ruby-")
    qs = QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat)
    settings = AppSettings(qs)
    settings.clean = False
    settings.ruby = ruby
    pane = ReaderPane(settings=settings)
    pane.resize(900, 800)
    pane.show()
    _app().processEvents()
    return pane


def _close(pane: ReaderPane) -> None:
    pane.loader.stop()
    pane.close()
    pane.deleteLater()
    QThreadPool.globalInstance().waitForDone(30_000)
    _app().processEvents()


def _until_read(pane: ReaderPane, began: float) -> float:
    """Seconds from ``began`` until every reading on screen is painted."""
    app, ruby = _app(), pane.aids.ruby
    while ruby.unread_on_screen() and time.perf_counter() - began < 10:
        app.processEvents()
    pane.text.viewport().repaint()
    return time.perf_counter() - began


def _first_page(text: str, record: DocRecord, ruby: str, warm: object) -> float:
    pane = _pane(ruby)
    if ruby != "none":  # loaded, but no run of the text read before
        pane.aids.sources.set_reader(warm.with_corrections(()))  # type: ignore[attr-defined]
    began = time.perf_counter()
    pane.show_document(record, text)
    pane.text.viewport().repaint()
    took = _until_read(pane, began) if ruby != "none" else time.perf_counter() - began
    _close(pane)
    return took


def _cold_reader() -> float:
    """Seconds from turning the ruby on until the reader of readings is loaded (a worker)."""
    pane = _pane("none")
    began = time.perf_counter()
    pane.aids.ruby.set_style("pinyin")
    while pane.aids.sources.reader() is None and time.perf_counter() - began < 30:
        _app().processEvents()
        QThreadPool.globalInstance().waitForDone(5)
    took = time.perf_counter() - began
    _close(pane)
    return took


def _frames(pane: ReaderPane, steps: int, move: Callable[[], None]) -> list[float]:
    """Each event-loop iteration's length while ``move`` runs ``steps`` times, one per
    iteration, and until the readings of the last screen are in."""
    app = _app()
    times = []
    for _ in range(steps):
        t0 = time.perf_counter()
        move()
        app.processEvents()
        times.append(time.perf_counter() - t0)
    while pane.aids.ruby.pending:
        t0 = time.perf_counter()
        app.processEvents()
        times.append(time.perf_counter() - t0)
    return times


def _scrolling(
    text: str, record: DocRecord, warm: object, quick: bool, ruby: str
) -> dict[str, list[float]]:
    pane = _pane(ruby)
    pane.aids.sources.set_reader(warm.with_corrections(()))  # type: ignore[attr-defined]
    pane.show_document(record, text)
    app, began = _app(), time.perf_counter()
    last, worst = began, 0.0
    while pane.loading and last - began < _LIMIT:
        app.processEvents()
        now = time.perf_counter()
        worst, last = max(worst, now - last), now
    pane.go_to_canonical(len(text) // 3)
    _until_read(pane, time.perf_counter())
    bar = pane.text.verticalScrollBar()
    steps = 60 if quick else 300
    rng = random.Random(5)
    places = [rng.randrange(len(text)) for _ in range(10 if quick else 40)]
    jumps = iter(places)
    found = {
        "lines": _frames(pane, steps, lambda: bar.setValue(bar.value() + 3)),
        "screens": _frames(pane, steps // 10, lambda: pane.page(+1)),
        "jumps": _frames(pane, len(places), lambda: pane.go_to_canonical(next(jumps))),
        "loading": [worst, last - began],
    }
    _close(pane)
    return found


def run(quick: bool = False) -> list[Result]:
    size = 5 if quick else 50
    text = big_text(size).replace("\r\n", "\n")
    build_view(text[:2000], ViewOptions(script="simplified"))  # OpenCC loaded, as in bench_reader
    cold = _cold_reader()
    warm = load_reader(None)
    record, runs = _record(text), 3
    firsts = {
        style: [_first_page(text, record, style, warm) * 1000 for _ in range(runs)]
        for style in ("none", "pinyin", "zhuyin")
    }
    off, on, zhuyin = (statistics.median(firsts[s]) for s in ("none", "pinyin", "zhuyin"))
    coldest = max(firsts["pinyin"])  # the first run: no caches of pypinyin's warm yet
    frames = _scrolling(text, record, warm, quick, "pinyin")
    without = _scrolling(text, record, warm, quick, "none")
    results = [
        Result(BENCH, f"open → first page, ruby off ({size} MB)", off, "ms", "<= 150", off <= 150,
               f"median of {runs}"),
        Result(BENCH, f"open → first page with its pinyin ({size} MB)", on, "ms", "<= 150",
               on <= 150, f"median of {runs} (slowest {coldest:.0f} ms); every Han character "
               "on screen read and painted"),
        Result(BENCH, f"open → first page with its zhuyin ({size} MB)", zhuyin, "ms", "<= 150",
               zhuyin <= 150, f"median of {runs}"),
        Result(BENCH, "reader of readings ready (cold, in a worker)", cold * 1000, "ms",
               note="pypinyin, CC-CEDICT and the corrections; the page is shown meanwhile"),
    ]  # fmt: skip
    labels = {
        "lines": "scrolling 3 lines a step",
        "screens": "scrolling a screen a step",
        "jumps": "jumping to places not read yet",
    }
    freeze, seconds = frames["loading"]
    plain_freeze, plain_seconds = without["loading"]
    results.append(
        Result(BENCH, "longest freeze while loading, ruby on", freeze * 1000, "ms", "<= 50",
               freeze * 1000 <= 50, f"whole text loaded in {seconds:.1f} s; ruby off: longest "
               f"{plain_freeze * 1000:.1f} ms, loaded in {plain_seconds:.1f} s")
    )  # fmt: skip
    for key, label in labels.items():
        times, off_times = frames[key], without[key]
        worst = max(times) * 1000
        results.append(
            Result(BENCH, f"longest frame, ruby on, {label}", worst, "ms", "<= 50", worst <= 50,
                   f"{len(times)} frames, median {statistics.median(times) * 1000:.1f} ms; "
                   f"ruby off: longest {max(off_times) * 1000:.1f} ms, "
                   f"median {statistics.median(off_times) * 1000:.1f} ms")
        )  # fmt: skip
    return results


if __name__ == "__main__":
    for result in run(quick="--quick" in sys.argv):
        print(result)
