"""Vertical reading (直排) on a big novel: first page, page turns, longest freeze.

``make bench ARGS=vertical``.  Offscreen Qt.  The novel is the benchmarks' usual one
(``big_text``: the seeds and shared novels repeated to 50 MB).  Measured twice:

* the vertical page alone over the whole text as one string (the typesetter and the
  painting): first page in the middle of the book, page turns forward and back;
* the reader pane opening the novel in vertical mode (pieces loaded around the place,
  the rest loaded from a timer): the first page painted, the longest gap between
  event-loop iterations while the rest loads, page turns through the pane.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from desktop.app import freeze_start_up_objects
from desktop.core.library import DocRecord
from desktop.core.vertical import StrSource
from desktop.ui.common.app_settings import AppSettings
from desktop.ui.reader.fonts import body_family, face_forms
from desktop.ui.reader.pane import ReaderPane
from desktop.ui.reader.ruby import RubyLayer
from desktop.ui.reader.themes import THEMES
from desktop.ui.reader.vertical.page import VerticalPage
from tests.bench.harness import Result, big_text, percentile

BENCH = "vertical"
_LOAD_LIMIT = 240.0
SIZES = {"one page": (760, 900), "spread": (1400, 900)}


def _app() -> QApplication:
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else QApplication([])


def _timed(action: Callable[[], object], paint: Callable[[], None]) -> float:
    t0 = time.perf_counter()
    action()
    paint()
    return time.perf_counter() - t0


def _turns(
    turn: Callable[[int], object], paint: Callable[[], None], n: int, idle: bool = True
) -> list[float]:
    """Seconds per page turn: ``n`` forward, then ``n // 2`` back.  With ``idle`` the
    event loop runs between turns (untimed), as it does while a reader reads, so the
    page lays out the pages beside it ahead; without, each turn lays its page out."""
    times = []
    for direction, count in ((+1, n), (-1, n // 2)):
        for _ in range(count):
            if idle:
                _app().processEvents()
            times.append(_timed(partial(turn, direction), paint))
    return times


def _font() -> QFont:
    font = QFont()
    family = body_family("TC")
    if family:
        font.setFamilies([family])
    font.setPointSizeF(15)
    return face_forms(font)


def _widget_results(text: str, label: str, quick: bool) -> list[Result]:
    out = []
    for size_name, (w, h) in SIZES.items():
        page = VerticalPage()
        page.resize(w, h)
        page.set_typography(_font(), 160, 0, THEMES["light"])
        page.show()
        _app().processEvents()
        source = StrSource(text)
        first = _timed(partial(_open, page, source, len(text) // 2), page.repaint)

        def turn(d: int, p: VerticalPage = page) -> None:
            p.next_page() if d > 0 else p.previous_page()

        count = 60 if quick else 300
        out += _turn_rows(
            f"page alone, {size_name}", label, first, _turns(turn, page.repaint, count)
        )
        cold = _turns(turn, page.repaint, count, idle=False)
        out += _turn_rows(f"page alone, {size_name}, nothing laid out ahead", label, None, cold)
        page.close()
        page.deleteLater()
        _app().processEvents()
    return out


def _open(page: VerticalPage, source: StrSource, offset: int) -> None:
    page.set_source(source)
    page.show_offset(offset)


def _turn_rows(what: str, label: str, first: float | None, turns: list[float]) -> list[Result]:
    med, p95 = statistics.median(turns) * 1000, percentile(turns, 95) * 1000
    worst = max(turns) * 1000
    rows = []
    if first is not None:
        first_ms = first * 1000
        rows.append(
            Result(BENCH, f"{what}: first page ({label})", first_ms, "ms", "<= 150",
                   first_ms <= 150)
        )  # fmt: skip
    return [
        *rows,
        Result(BENCH, f"{what}: page turn median", med, "ms", "<= 30", med <= 30),
        Result(BENCH, f"{what}: page turn p95", p95, "ms", "<= 50", p95 <= 50,
               f"{len(turns)} turns, slowest {worst:.1f} ms"),
    ]  # fmt: skip


def _record(text: str) -> DocRecord:
    return DocRecord(
        "bench", "長篇", None, None, None, "traditional", "txt", "utf-8", 1.0,
        len(text), len(text.encode()), "", "bench.txt",
    )  # fmt: skip


def _pane(size: tuple[int, int], vertical: bool = True) -> ReaderPane:
    folder = tempfile.mkdtemp(prefix="bench-vertical-")
    qs = QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat)
    settings = AppSettings(qs)
    settings.clean = False
    settings.vertical = vertical  # documents open in vertical mode
    pane = ReaderPane(settings=settings)
    pane.resize(*size)
    pane.show()
    _app().processEvents()
    freeze_start_up_objects()  # as the app does after its first paint
    return pane


def _watch_load(pane: ReaderPane) -> tuple[float, float]:
    """(longest gap between event-loop iterations, seconds) until loading ends."""
    app, began = _app(), time.perf_counter()
    last, worst = began, 0.0
    while pane.loading and last - began < _LOAD_LIMIT:
        app.processEvents()
        now = time.perf_counter()
        worst, last = max(worst, now - last), now
    return worst, last - began


def _pane_results(text: str, label: str, quick: bool) -> list[Result]:
    out = []
    record = _record(text)
    for size_name, size in SIZES.items():
        pane = _pane(size)
        page = pane.vertical.page

        first = _timed(partial(pane.show_document, record, text), page.repaint)
        assert pane.is_vertical, "the document did not open in vertical mode"
        jump = _timed(partial(pane.go_to_canonical, len(text) // 2), page.repaint) * 1000
        out.append(
            Result(BENCH, f"reader pane, {size_name}: jump to the middle ({label})", jump, "ms",
                   "<= 150", jump <= 150)
        )  # fmt: skip
        freeze, seconds = _watch_load(pane)
        turns = _turns(pane.page, page.repaint, 60 if quick else 300)
        out += _turn_rows(f"reader pane, {size_name}", label, first, turns)
        out.append(
            Result(BENCH, f"reader pane, {size_name}: longest freeze while loading", freeze * 1000,
                   "ms", "<= 50", freeze <= 0.050, f"whole text loaded in {seconds:.1f} s")
        )  # fmt: skip
        pane.loader.stop()
        pane.close()
        pane.deleteLater()
        _app().processEvents()
    return out


def _ruby_results(text: str, label: str, quick: bool) -> list[Result]:
    """Page turns in the reader pane with readings right of the columns (issue 19):
    the readings of each page shown are read as it is painted (or ahead, between turns)."""
    out = []
    for style in ("pinyin", "zhuyin"):
        pane = _pane(SIZES["spread"])
        pane.aids.ruby.set_style(style)
        pane.show_document(_record(text), text)
        pane.go_to_canonical(len(text) // 2)
        began = time.perf_counter()
        while pane.aids.sources.reader() is None and time.perf_counter() - began < 60:
            _app().processEvents()  # the reader of readings loads in a worker
        _watch_load(pane)
        page, ruby = pane.vertical.page, pane.aids.ruby

        def read(ruby: RubyLayer = ruby) -> None:
            """A reader reads the page: the readings of the pages beside it are read."""
            began = time.perf_counter()
            while ruby.pending and time.perf_counter() - began < 5:
                _app().processEvents()

        n, times, drawn = 60 if quick else 300, [], []
        for direction, count in ((+1, n), (-1, n // 2)):
            for _ in range(count):
                read()
                times.append(_timed(partial(pane.page, direction), page.repaint))
                drawn.append(len(pane.vertical.ruby.painted))
        what = f"reader pane, spread, {style} right of the columns"
        out += _turn_rows(what, label, None, times)
        out.append(
            Result(BENCH, f"{what}: readings drawn per spread", statistics.mean(drawn), "", "",
                   None, f"fewest {min(drawn)}")
        )  # fmt: skip
        pane.loader.stop()
        pane.close()
        pane.deleteLater()
        _app().processEvents()
    return out


def _horizontal_freeze(text: str, label: str) -> list[Result]:
    """The same load in the horizontal reader, for comparison."""
    pane = _pane(SIZES["spread"], vertical=False)
    pane.show_document(_record(text), text)
    pane.go_to_canonical(len(text) // 2)
    freeze, seconds = _watch_load(pane)
    pane.loader.stop()
    pane.close()
    pane.deleteLater()
    _app().processEvents()
    return [
        Result(BENCH, f"horizontal reader (comparison): longest freeze while loading ({label})",
               freeze * 1000, "ms", "", None, f"whole text loaded in {seconds:.1f} s")
    ]  # fmt: skip


def run(quick: bool) -> list[Result]:
    _app()
    size = 5 if quick else 50
    text = big_text(size).replace("\r\n", "\n")
    label = f"{len(text.encode('utf-8')) / 2**20:.0f} MB"
    out = _widget_results(text, label, quick) + _pane_results(text, label, quick)
    out += _ruby_results(text, label, quick)  # readings beside the columns (issue 19)
    return out + _horizontal_freeze(text, label)


if __name__ == "__main__":
    for result in run(quick="--quick" in sys.argv):
        print(result)
