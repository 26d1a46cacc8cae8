"""Reader pane on a big novel: first paint, longest freeze while loading, script switch,
memory per MB.  Offscreen Qt.  (The README's screenshots: ``make screenshots``.)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktop.core.library import DocRecord
from desktop.core.views import ViewOptions, build_view
from desktop.ui.reader import ReaderPane
from desktop.ui.settings import AppSettings
from tests.bench.harness import Result, big_text

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
        pane._timer.stop()
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


def run(quick: bool) -> list[Result]:
    size = 5 if quick else 50
    text = big_text(size).replace("\r\n", "\n")
    runs = 3
    out = _results("raw", _measure(text, clean=False, runs=runs), f"{size} MB")
    small = text[: len(text) // (10 if quick else 50)]
    out += _results("clean", _measure(small, clean=True, runs=runs), "~1 MB")
    return out


if __name__ == "__main__":
    for result in run(quick="--quick" in sys.argv):
        print(result)
