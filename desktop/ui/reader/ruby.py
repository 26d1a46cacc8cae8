"""Readings above the characters (true ruby) on the reader's page.

Two parts, both kept off the text itself:

- **Room above every line.**  Qt's plain-text layout ignores a block's line height,
  so the room comes from the characters' format: the text is marked superscript in a
  font half as large again as the body (:meth:`RubyLayer.band_format`).  Qt takes a
  superscript line's height from that larger font but draws its glyphs two thirds as
  large, in whole points, which is the body size again; with the superscript baseline
  at 0 the glyphs sit on the line's baseline and the extra ascent is an empty band
  above them.  The view text, its offsets, highlights and find marks are untouched;
  loaded pieces get the format as they arrive.  Turning the ruby off (or zooming a big
  document) loads the view again (:meth:`ReaderPane.restart_view`): a format cannot be
  taken back from 50 MB of text in place without a long freeze.
- **The readings.**  They are read by phrase (:class:`desktop.core.readings.Reader`)
  for what is on screen only, in chunks of :data:`CHUNK` characters of a piece's view,
  and remembered until the view changes.  A paint reads what it lacks for
  :data:`PAINT_BUDGET` at most and leaves the rest to zero-delay timer slices, which
  then read one screen ahead and one behind, so scrolling finds them ready.  Then each
  reading is drawn over its character, centred, squeezed sideways when wider.

The document's own pronunciation hints (``習(xí)``, the "On hover" pinyin hints) win
over the computed reading of their character, as in ``tongwen-cli show --ruby``.
"""

from __future__ import annotations

import time
from bisect import bisect_left
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, QPointF, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPainter,
    QStaticText,
    QTextCharFormat,
    QTextCursor,
    QTextLine,
    QTransform,
)

from desktop.core.readings import Reader, hint_spans, view_region
from desktop.core.views.region import document_region
from desktop.ui.common.app_settings import RUBY_STYLES
from desktop.ui.reader.aid_sources import AidSources, PieceEntry, piece_at
from desktop.ui.reader.fonts import FACES

if TYPE_CHECKING:
    from desktop.ui.reader.pane import ReaderPane

__all__ = ["CHUNK", "RubyLayer"]

#: Characters of a piece's view read at a time (2-3 ms).
CHUNK = 64
#: Longest a paint spends reading what it lacks (seconds); the rest follows in slices.
PAINT_BUDGET = 0.004
#: Longest one timer slice spends reading (seconds).
SLICE = 0.005
#: Texts up to this many Qt units take the ruby's format in place; longer ones load again.
MERGE_LIMIT = 1_000_000
#: The reading's size, as a share of the body font's, by style.
RUBY_SIZE = {"pinyin": 0.55, "zhuyin": 0.6}
#: Room after each character, in em, by style: zhuyin needs more (ㄓㄨㄤˋ).
SPACING = {"pinyin": 0.2, "zhuyin": 0.45}
#: Room between a reading and its character, in em.
GAP = 0.04
#: Words in the names of sans faces.
_SANS = ("Sans", "Hei", "PingFang")
#: A reading wider than its character is squeezed to at most this share of its width.
MOST_SQUEEZED = 0.6


@dataclass
class _Read:
    """The readings of one piece of the view, by offset in its text."""

    done: set[int] = field(default_factory=set)  #: chunks read
    readings: dict[int, str] = field(default_factory=dict)
    hint_starts: list[int] | None = None  #: starts of the view's own hints, when used


class _Line(NamedTuple):
    block_qt: int  #: Qt position of the line's block
    line: QTextLine
    left: float  #: x of the layout in the viewport
    top: float  #: y of the line's top in the viewport


def ruby_family(body: str) -> str:
    """A sans face of the body font's region for the readings (small serif strokes
    blur), else the body's own family."""
    installed = set(QFontDatabase.families())
    for faces in FACES.values():
        if body in faces:
            sans = (f for f in faces if any(s in f for s in _SANS) and f in installed)
            return next(sans, body)
    return body


def _x(line: QTextLine, qt_in_block: int) -> float:
    """The x of a position in its line (PySide gives ``cursorToX`` as ``(x, position)``)."""
    found: tuple[float, int] = line.cursorToX(qt_in_block)  # type: ignore[assignment]
    return found[0]


class RubyLayer(QObject):
    """Pinyin or zhuyin above every Han character of the visible lines."""

    styleChanged = Signal(str)
    #: The readings on screen are all read (the vertical page, painting them, repaints).
    readingsRead = Signal()

    def __init__(self, reader: ReaderPane, sources: AidSources) -> None:
        super().__init__(reader)
        self.reader, self.sources = reader, sources
        self.style = reader.settings.ruby if reader.settings else "none"
        #: ``(view start, view end, reading)`` drawn by the last paint, in order.
        self.painted: list[tuple[int, int, str]] = []
        self._band: tuple[int, int] | None = None  # (point size, spacing) in the text
        self._read: dict[int, _Read] = {}  # by the piece's canonical start
        self._queue: deque[tuple[int, int, bool]] = deque()  # (piece, chunk, visible)
        self._prefetched: tuple[int, int] = (-1, -1)
        self._region_key: tuple[object, ...] | None = None
        self._region = "general"
        self._texts: dict[str, QStaticText] = {}  # each reading laid out once
        self._font = QFont()
        self._ink_top = self._gap = self._height = 0.0
        self._spacing = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._fill_step)
        reader.pieceLoaded.connect(self._piece_loaded)
        reader.viewReset.connect(self._forget)
        reader.typographyChanged.connect(self._typography_changed)
        sources.readerReady.connect(self._reader_ready)
        reader.text.add_overlay(self._paint)
        self._measure()
        if self.style != "none":
            sources.want_reader()
            self._apply_band()

    # ------------------------------------------------------------------- style
    @property
    def shown(self) -> bool:
        return self.style != "none"

    def set_style(self, style: str) -> None:
        """Show ``style`` ("none", "pinyin", "zhuyin") and remember it in the settings."""
        if style not in RUBY_STYLES:
            raise ValueError(f"unknown ruby style {style!r}")
        if style == self.style:
            return
        self.style = style
        if self.reader.settings is not None:
            self.reader.settings.ruby = style
        self._forget()
        self._measure()
        if style == "none":
            if self._band:
                self._band = None
                self.reader.restart_view()  # the view loaded again, without the format
        else:
            self.sources.want_reader()
            self._apply_band()
        self.reader.text.viewport().update()
        self.styleChanged.emit(style)

    # -------------------------------------------------------------- the band
    def band_size(self) -> int:
        """The point size whose superscript Qt draws at the body size (whole points)."""
        body = max(1, round(self.reader.text.font().pointSizeF()))
        return -(-3 * body // 2)  # Qt draws superscript at (size * 2) // 3

    def band_format(self, band: tuple[int, int]) -> QTextCharFormat:
        """The characters' format that makes room for the readings above each line:
        ``band`` is the point size (:meth:`band_size`) and the room after each one."""
        fmt = QTextCharFormat()
        fmt.setFontPointSize(band[0])
        fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
        fmt.setSuperScriptBaseline(0)
        fmt.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
        fmt.setFontLetterSpacing(band[1])
        return fmt

    def _apply_band(self) -> None:
        band = (self.band_size(), self._spacing)
        if band == self._band:
            return
        length = self.reader.text.document().characterCount()
        self._band = band
        if length > MERGE_LIMIT and self.reader.doc_id is not None:
            self.reader.restart_view()  # the pieces take the format as they load
            return
        self._merge(0, length)

    def _merge(self, q0: int, q1: int) -> None:
        """The band's format on Qt ``[q0, q1)`` (the block ends inside included)."""
        document = self.reader.text.document()
        cursor = QTextCursor(document)
        cursor.setPosition(q0)
        cursor.setPosition(min(q1, document.characterCount() - 1), QTextCursor.MoveMode.KeepAnchor)
        if self._band is not None:
            band = self.band_format(self._band)
            cursor.mergeCharFormat(band)
            cursor.mergeBlockCharFormat(band)  # the first block's own: an empty line's height

    def _piece_loaded(self, canon_start: int, _canon_end: int) -> None:
        if self._band is None:
            return
        entry = next((e for e in self.reader.pieces() if e[1] == canon_start), None)
        if entry is not None:
            view_start, _, view = entry
            q0 = self.reader.view_to_qt(view_start)
            q1 = self.reader.view_to_qt(view_start + len(view.text))
            # Text inserted after text with the format takes it (one format for the whole
            # insert): merging again would lay the piece out again for nothing.
            if not (self._has_band(q0 + 1) and self._has_band(q1)):
                self._merge(q0, q1)

    def _has_band(self, qt_after: int) -> bool:
        """Whether the character before Qt position ``qt_after`` has the band's format."""
        if self._band is None:
            return False
        cursor = QTextCursor(self.reader.text.document())
        cursor.setPosition(min(qt_after, self.reader.text.document().characterCount() - 1))
        fmt = cursor.charFormat()
        return (
            fmt.verticalAlignment() == QTextCharFormat.VerticalAlignment.AlignSuperScript
            and round(fmt.fontPointSize()) == self._band[0]
            and round(fmt.fontLetterSpacing()) == self._band[1]
        )

    def _typography_changed(self) -> None:
        self._measure()
        if self.shown:
            self._apply_band()
        self.reader.text.viewport().update()

    def _measure(self) -> None:
        """The reading's font and where it sits, from the body font."""
        body = self.reader.text.font()
        style = self.style if self.style in RUBY_SIZE else "pinyin"
        self._font = QFont(body)
        self._font.setFamilies([ruby_family(body.family())])
        self._font.setPointSizeF(max(5.0, body.pointSizeF() * RUBY_SIZE[style]))
        metrics = QFontMetricsF(self._font)
        em = QFontMetricsF(body).horizontalAdvance("中")
        self._ink_top = QFontMetricsF(body).tightBoundingRect("中").top()
        self._gap = em * GAP
        self._spacing = round(em * SPACING[style])
        self._height = metrics.ascent() + metrics.descent()
        self._texts = {}

    # ---------------------------------------------------------------- readings
    def _forget(self) -> None:
        """The view (or the style, or the reader) changed: read everything again."""
        self._read.clear()
        self._queue.clear()
        self._prefetched = (-1, -1)
        self._timer.stop()

    def _reader_ready(self) -> None:
        self._forget()
        self.reader.text.viewport().update()

    def _region_now(self) -> str:
        """The regional standard the view's text is written in (for 著, 裡 …)."""
        r = self.reader
        record_region = r.record.region if r.record else None
        key = (r.doc_id, r.options.script, record_region)
        if key != self._region_key:
            document = None
            if r.options.script == "original":
                document = record_region or document_region(r.canonical)
            self._region, self._region_key = view_region(r.options.script, document), key
        return self._region

    def _chunks(self, entries: list[PieceEntry], v0: int, v1: int) -> Iterator[tuple[int, int]]:
        """``(piece, chunk)`` of view ``[v0, v1)`` not read yet, in reading order."""
        for view_start, canon, view in entries:
            a, b = max(v0, view_start), min(v1, view_start + len(view.text))
            if a >= b:
                continue
            read = self._read.get(canon)
            for chunk in range((a - view_start) // CHUNK, (b - 1 - view_start) // CHUNK + 1):
                if read is None or chunk not in read.done:
                    yield canon, chunk

    def _read_chunk(self, reader: Reader, entry: PieceEntry, chunk: int) -> None:
        _, canon, view = entry
        read = self._read.setdefault(canon, _Read())
        if chunk in read.done:
            return
        a, b = chunk * CHUNK, min(len(view.text), (chunk + 1) * CHUNK)
        style = self.style
        spans = reader.spans(view.text, a, b, style=style, region=self._region_now())
        if view.ruby and self.reader.options.pinyin == "ruby":
            if read.hint_starts is None:
                read.hint_starts = [h[0] for h in view.ruby]
            lo, hi = bisect_left(read.hint_starts, a), bisect_left(read.hint_starts, b)
            spans = hint_spans(view.ruby[lo:hi], spans, style)
        read.readings.update((start, reading) for start, _end, reading in spans)
        read.done.add(chunk)

    def _read_until(
        self, reader: Reader, wanted: list[tuple[int, int]], deadline: float
    ) -> list[tuple[int, int]]:
        """Read ``wanted`` chunks until ``deadline``; the ones left."""
        by_piece = {e[1]: e for e in self.reader.pieces()}
        for n, (canon, chunk) in enumerate(wanted):
            if time.perf_counter() > deadline:
                return wanted[n:]
            entry = by_piece.get(canon)
            if entry is not None:
                self._read_chunk(reader, entry, chunk)
        return []

    def _fill_step(self) -> None:
        """One timer slice: read queued chunks (the visible ones first)."""
        reader = self.sources.reader()
        if reader is None or not self.shown:
            return
        deadline = time.perf_counter() + SLICE
        by_piece = {e[1]: e for e in self.reader.pieces()}
        visible_read = False
        while self._queue and time.perf_counter() < deadline:
            canon, chunk, visible = self._queue.popleft()
            entry = by_piece.get(canon)
            if entry is not None:
                self._read_chunk(reader, entry, chunk)
                visible_read = visible_read or visible
        if visible_read and not any(item[2] for item in self._queue):
            self.reader.text.viewport().update()
            self.readingsRead.emit()
        if self._queue:
            self._timer.start()

    def _want(self, entries: list[PieceEntry], v0: int, v1: int, reader: Reader) -> None:
        """Read view ``[v0, v1)`` (on screen) within the paint's budget, queue the rest,
        then one screen after it and one before it."""
        wanted = list(self._chunks(entries, v0, v1))
        left = self._read_until(reader, wanted, time.perf_counter() + PAINT_BUDGET)
        if left:
            self._queue = deque((c, k, True) for c, k in left)
            self._timer.start()
            return
        if (v0, v1) == self._prefetched:
            return
        self._prefetched = (v0, v1)
        span = max(CHUNK, v1 - v0)
        ahead = list(self._chunks(entries, v1, v1 + span))
        behind = list(self._chunks(entries, max(0, v0 - span), v0))
        self._queue = deque((c, k, False) for c, k in ahead + behind[::-1])
        if self._queue:
            self._timer.start()

    def reading_at(self, view_offset: int) -> str | None:
        """The reading shown over the character at a loaded-view offset, if read."""
        entry = piece_at(self.reader.pieces(), view_offset)
        if entry is None:
            return None
        read = self._read.get(entry[1])
        return read.readings.get(view_offset - entry[0]) if read else None

    # -- vertical page (issue 19): the readings of what it shows
    def readings_for(self, v0: int, v1: int) -> dict[int, str]:
        """The readings of loaded view ``[v0, v1)`` (on another page, the vertical one)
        by view offset: what is not read yet is read within a paint's budget, the rest
        in timer slices (``readingsRead`` then), one page ahead and behind after."""
        if not self.shown or self.reader.doc_id is None:
            return {}
        reader = self.sources.reader()
        if reader is None:
            self.sources.want_reader()
            return {}
        entries = self.reader.pieces()
        if not entries or v1 <= v0:
            return {}
        self._want(entries, v0, v1, reader)
        out: dict[int, str] = {}
        for view_start, canon, view in entries:
            a, b = max(v0, view_start), min(v1, view_start + len(view.text))
            read = self._read.get(canon)
            if a >= b or read is None:
                continue
            got = read.readings.get
            for v in range(a, b):
                if reading := got(v - view_start):
                    out[v] = reading
        return out

    # -- end vertical page

    @property
    def pending(self) -> bool:
        """Whether readings are still being read (tests wait for it to end)."""
        return self._timer.isActive() or self.sources.loading_reader

    # ---------------------------------------------------------------- painting
    def _lines(self, rect: QRect) -> Iterator[_Line]:
        """The laid-out lines that ``rect`` of the viewport shows, top to bottom."""
        page = self.reader.text
        offset = page.contentOffset()
        block = page.firstVisibleBlock()
        top = page.blockBoundingGeometry(block).translated(offset).top()
        while block.isValid() and top <= rect.bottom():
            height = page.blockBoundingRect(block).height()
            layout = block.layout()
            if block.isVisible() and top + height >= rect.top() and layout is not None:
                for i in range(layout.lineCount()):
                    line = layout.lineAt(i)
                    y = top + line.y()
                    if y > rect.bottom():
                        break
                    if y + line.height() >= rect.top():
                        yield _Line(block.position(), line, offset.x(), y)
            top += height
            block = block.next()

    def _view_span(self, lines: list[_Line]) -> tuple[int, int]:
        """The loaded-view range ``lines`` show."""
        first, last = lines[0], lines[-1]
        start = self.reader.qt_to_view(first.block_qt + first.line.textStart())
        end = last.block_qt + last.line.textStart() + last.line.textLength()
        return start, self.reader.qt_to_view(end)

    def unread_on_screen(self) -> int:
        """How many chunks of the lines on screen are not read yet (0: all are)."""
        if not self.shown or self.reader.doc_id is None:
            return 0
        lines = list(self._lines(self.reader.text.viewport().rect()))
        if not lines:
            return 0
        return sum(1 for _ in self._chunks(self.reader.pieces(), *self._view_span(lines)))

    def _paint(self, painter: QPainter, rect: QRect) -> None:
        self.painted = []
        if not self.shown or self._band is None or self.reader.doc_id is None:
            return
        reader = self.sources.reader()
        if reader is None:
            self.sources.want_reader()
            return
        entries = self.reader.pieces()
        lines = list(self._lines(rect))
        if not entries or not lines:
            return
        self._want(entries, *self._view_span(lines), reader)
        painter.save()
        painter.setFont(self._font)
        painter.setPen(QColor(self.reader.theme.muted))
        for line in lines:
            self._paint_line(painter, entries, line)
        painter.restore()

    def _paint_line(self, painter: QPainter, entries: list[PieceEntry], where: _Line) -> None:
        line, pane = where.line, self.reader
        q0 = where.block_qt + line.textStart()
        v0, v1 = pane.qt_to_view(q0), pane.qt_to_view(q0 + line.textLength())
        top = where.top + line.ascent() + self._ink_top - self._gap - self._height
        spacing = self._spacing
        entry: PieceEntry | None = None
        read: _Read | None = None
        for v in range(v0, v1):
            if entry is None or not entry[0] <= v < entry[0] + len(entry[2].text):
                entry = piece_at(entries, v)
                read = self._read.get(entry[1]) if entry is not None else None
            if entry is None or read is None:
                continue
            reading = read.readings.get(v - entry[0])
            if not reading:
                continue
            q = pane.view_to_qt(v) - where.block_qt
            units = 2 if ord(entry[2].text[v - entry[0]]) > 0xFFFF else 1
            left, right = _x(line, q), _x(line, q + units) - spacing
            self._draw(painter, reading, where.left + (left + right) / 2, top, right - left)
            self.painted.append((v, v + 1, reading))

    def _draw(
        self, painter: QPainter, reading: str, centre: float, top: float, room: float
    ) -> None:
        """``reading`` centred on ``centre`` below ``top``, squeezed into ``room`` (and
        the gaps beside it) when wider."""
        text = self._texts.get(reading)
        if text is None:
            text = self._texts[reading] = QStaticText(reading)
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.prepare(QTransform(), self._font)
        width = text.size().width()
        room += 2 * self._gap
        if width <= room or room <= 0:
            painter.drawStaticText(QPointF(centre - width / 2, top), text)
            return
        squeeze = max(MOST_SQUEEZED, room / width)
        painter.save()
        painter.translate(centre, top)
        painter.scale(squeeze, 1.0)
        painter.drawStaticText(QPointF(-width / 2, 0), text)
        painter.restore()
