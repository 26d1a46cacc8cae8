"""The "check these spots" mark: a wavy line under the words OpenCC chose a form for.

Where a character has several forms in the other script (``后`` → ``後``/``后``,
``发`` → ``發``/``髮``) OpenCC picks one, and a careful reader may want to check those
words.  :class:`ConversionSpotMarks` finds them in the visible part of a converted view
(:func:`desktop.core.views.corrections.one_to_many_spots`, a few tens of milliseconds a
page, in a background task, never straight from a scroll signal) and draws a wavy line
under each on a transparent layer over the page, so the text, its highlights and its
find marks are left as they are.  Words a conversion rule decided are not marked: the
reader already chose.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen, QTextCursor
from PySide6.QtWidgets import QWidget

from desktop.ui.common.workers import Task, run_in_background
from desktop.ui.reader.themes import contrast_ratio

if TYPE_CHECKING:
    from desktop.core.views import TextView
    from desktop.ui.reader.pane import ReaderPane

__all__ = ["ConversionSpotMarks", "SpotMark"]

#: Wait this long after the last scroll, resize or load before finding the spots.
SETTLE_MS = 60
#: Colours of the line, the first that stands out enough from the page (3:1) is used.
_COLOURS = ("#c2410c", "#fb923c", "#9a3412")


@dataclass(frozen=True)
class SpotMark:
    """A marked word: the piece it is in (by canonical start) and where in its view."""

    piece: int  #: canonical start of the piece
    view_start: int  #: in the piece's view
    view_end: int
    source: str  #: the word as written
    shown: str  #: as the view shows it


@dataclass(frozen=True)
class _Job:
    canonical: str
    piece: int
    view: TextView
    start: int
    end: int


def _find(jobs: list[_Job]) -> list[SpotMark]:
    # imported here, in the worker: it reads OpenCC's tables with numpy, which the
    # window's first paint must not wait for (tests/test_startup_imports.py)
    from desktop.core.views.corrections import one_to_many_spots

    marks: list[SpotMark] = []
    for job in jobs:
        for spot in one_to_many_spots(
            job.canonical, job.view, job.start, job.end, origin=job.piece
        ):
            marks.append(
                SpotMark(job.piece, spot.view_start, spot.view_end, spot.source, spot.shown)
            )
    return marks


class ConversionSpotMarks(QWidget):
    """The wavy lines over ``reader``'s page; :meth:`set_enabled` turns them on."""

    def __init__(self, reader: ReaderPane) -> None:
        page = reader.text
        super().__init__(page)
        self.reader = reader
        self.enabled = False
        self.marks: list[SpotMark] = []
        self.searches = 0  #: spot searches finished (tests wait for it)
        self._generation = 0
        self._running = False
        self._again = False
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self._search)
        # A child of the page beside its viewport, not of the viewport: a scrolled
        # viewport moves its children with its pixels.
        self._viewport = page.viewport()
        self._viewport.installEventFilter(self)
        page.verticalScrollBar().valueChanged.connect(self._moved)
        page.horizontalScrollBar().valueChanged.connect(self._moved)
        reader.viewReset.connect(self._view_reset)
        reader.pieceLoaded.connect(lambda _s, _e: self.schedule())
        reader.typographyChanged.connect(self._moved)
        self._fit()
        self.hide()

    # ------------------------------------------------------------------ state
    def set_enabled(self, on: bool) -> None:
        """Show the marks (found for the page shown, and again as it moves) or none."""
        self.enabled = bool(on)
        self._generation += 1
        self.marks = []
        self.setVisible(self.enabled)
        if self.enabled:
            self._fit()
            self.schedule()
        self.update()

    def schedule(self) -> None:
        """Find the spots of the page shown once it has settled."""
        if self.enabled:
            self._timer.start()

    @property
    def pending(self) -> bool:
        """Whether a search is waiting or running (tests wait for it to end)."""
        return self._timer.isActive() or self._running

    def _view_reset(self) -> None:
        self._generation += 1  # results for the old pieces are dropped
        self.marks = []
        self.update()
        self.schedule()

    def _moved(self) -> None:
        self.update()
        self.schedule()

    # ---------------------------------------------------------------- finding
    def visible_view_range(self) -> tuple[int, int]:
        """The loaded-view range shown in the page now (the marks are found for it)."""
        page, viewport = self.reader.text, self._viewport
        q0 = page.top_qt()
        corner = QPoint(max(0, viewport.width() - 1), max(0, viewport.height() - 1))
        q1 = page.cursorForPosition(corner).position()
        return self.reader.qt_to_view(q0), self.reader.qt_to_view(q1) + 1

    def _jobs(self) -> list[_Job]:
        reader = self.reader
        if reader.doc_id is None or reader.options.script == "original":
            return []
        v0, v1 = self.visible_view_range()
        jobs: list[_Job] = []
        for view_start, canon_start, view in reader.pieces():
            a, b = max(v0, view_start), min(v1, view_start + len(view.text))
            if a < b:
                local = (a - view_start, b - view_start)
                jobs.append(_Job(reader.canonical, canon_start, view, *local))
        return jobs

    def _search(self) -> None:
        if not self.enabled:
            return
        if self._running:
            self._again = True
            return
        jobs = self._jobs()
        generation = self._generation
        if not jobs:
            self.marks = []
            self.searches += 1
            self.update()
            return
        self._running = True

        def work(_task: Task) -> list[SpotMark]:
            return _find(jobs)

        def done(marks: list[SpotMark]) -> None:
            self._finished()
            if generation == self._generation and self.enabled:
                self.marks = marks
                self.update()

        run_in_background(work, on_done=done, on_failure=lambda _exc: self._finished())

    def _finished(self) -> None:
        self._running = False
        self.searches += 1
        if self._again:
            self._again = False
            self.schedule()

    # --------------------------------------------------------------- drawing
    def qt_ranges(self) -> list[tuple[int, int]]:
        """The Qt ``[start, end)`` of each mark in the loaded text, in order."""
        starts = {canon: view_start for view_start, canon, _view in self.reader.pieces()}
        ranges: list[tuple[int, int]] = []
        for mark in self.marks:
            view_start = starts.get(mark.piece)
            if view_start is None:
                continue
            q0 = self.reader.view_to_qt(view_start + mark.view_start)
            ranges.append((q0, self.reader.view_to_qt(view_start + mark.view_end)))
        return ranges

    def colour(self) -> QColor:
        """The line's colour: one that stands out from the theme's page."""
        page = self.reader.theme.page
        best = max(_COLOURS, key=lambda c: contrast_ratio(c, page))
        chosen = next((c for c in _COLOURS if contrast_ratio(c, page) >= 3.0), best)
        return QColor(chosen)

    def segments(self) -> list[tuple[float, float, float]]:
        """``(left, right, y)`` of each line drawn, in this widget's coordinates."""
        page = self.reader.text
        height = self.height()
        ascent, descent = page.fontMetrics().ascent(), page.fontMetrics().descent()
        found: list[tuple[float, float, float]] = []
        cursor = QTextCursor(page.document())
        for q0, q1 in self.qt_ranges():
            for q in range(q0, q1):
                cursor.setPosition(q)
                here = page.cursorRect(cursor)
                if here.bottom() < 0 or here.top() > height:
                    continue
                cursor.setPosition(q + 1)
                after = page.cursorRect(cursor)
                right = after.left() if after.top() == here.top() else here.left() + ascent
                y = here.top() + ascent + max(2.0, descent * 0.6)
                if right > here.left():
                    found.append((float(here.left()), float(right), y))
        return found

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.enabled or not self.marks:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.colour())
        pen.setWidthF(max(1.0, self.reader.text.fontMetrics().height() / 18))
        painter.setPen(pen)
        amplitude = max(1.0, self.reader.text.fontMetrics().height() / 16)
        for left, right, y in self.segments():
            painter.drawPath(_wave(left + 1, right - 1, y, amplitude))
        painter.end()

    # ----------------------------------------------------------- geometry
    def _fit(self) -> None:
        self.setGeometry(self._viewport.geometry())
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._viewport and event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self._fit()
            self.schedule()
        return False


def _wave(left: float, right: float, y: float, amplitude: float) -> QPainterPath:
    """A wavy line from ``left`` to ``right`` around ``y``."""
    path = QPainterPath(QPointF(left, y))
    step = amplitude * 2
    n = max(2, math.ceil((right - left) / step))
    for k in range(1, n + 1):
        x = left + (right - left) * k / n
        path.lineTo(QPointF(x, y + (amplitude if k % 2 else -amplitude)))
    return path
