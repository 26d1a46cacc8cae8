"""The vertical page (直排): a view's text in columns from the right, one page or a spread.

:class:`VerticalPage` draws the pages a :class:`~desktop.core.vertical.Typesetter`
lays out from a :class:`~desktop.core.vertical.Source` of view text, in the reader's
font, size, column spacing (the line spacing), page height (the page width setting, in
em) and theme.  A window wider than it is tall shows two pages side by side, the first
on the right, as an open book.  Pages turn with PageDown/Space/←/↓ (forward) and
PageUp/Shift+Space/→/↑ (back), the wheel, and a click on the page's edge (the left edge
forward, as in a vertical book).  Text is selected with the mouse or Shift+arrows (↓↑ a
character, ←→ a column) and copied with Ctrl+C; marks (highlights, find hits) come
from :attr:`VerticalPage.marks` as view ranges with a colour.

Everything is in view offsets of the source; :meth:`show_offset` and
:meth:`first_offset` let the reader keep its place across modes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QWidget

from desktop.core.vertical import (
    Column,
    Glyph,
    Page,
    PageSize,
    Rules,
    Source,
    StrSource,
    Typesetter,
)
from desktop.ui.reader.themes import THEMES, Theme
from desktop.ui.reader.vertical import placement
from desktop.ui.reader.vertical.glyphs import (
    GlyphMetrics,
    UprightRun,
    draw_glyph,
)
from desktop.ui.reader.vertical.placement import PlacedColumn

__all__ = ["Mark", "VerticalPage"]

Mark = tuple[int, int, QColor]  #: view range and the colour painted behind it
#: Share of the widget's width, at each side, where a click turns the page.
EDGE_SHARE = 0.07
#: Wheel rotation (in eighths of a degree) that turns one page.
WHEEL_STEP = 120


class VerticalPage(QWidget):
    """One page or a two-page spread of vertical text, with selection and marks."""

    pageChanged = Signal(int)  #: the first visible view offset, after a turn or a jump
    selectionChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMouseTracking(False)
        self.source: Source = StrSource("")
        self.chapters: list[int] = []
        self.rules = Rules()
        self.theme: Theme = THEMES["light"]
        self.spacing = 160  #: column pitch in percent of the em
        self.max_rows = 0  #: longest column in em (0: as tall as the page allows)
        self.ruby_room = 0.0  #: room right of each column for readings, in em
        self.ruby_along = 0.0  #: room after each character for readings, in em
        #: Painted over the text, in order (the readings, the dictionary's word, bookmarks).
        self.overlays: list[Callable[[QPainter], None]] = []
        #: Marks for a view range (start, end): highlights, find hits.
        self.marks: Callable[[int, int], list[Mark]] = lambda _s, _e: []
        #: What Home and End (and Ctrl+Home, Ctrl+End) do: the reader makes them jumps
        #: that Back returns from, as on the horizontal page.
        self.home_key: Callable[[], None] = self.go_to_start
        self.end_key: Callable[[], None] = self.go_to_end
        self._metrics = GlyphMetrics(self.font())
        self._bold = GlyphMetrics(_bold(self.font()))
        self._setter: Typesetter | None = None
        self._pages: list[Page] = []
        self._placed: list[PlacedColumn] = []
        self._runs: dict[bool, UprightRun] = {}
        self._others: list[tuple[PlacedColumn, Glyph]] = []
        self._anchor: int | None = None  # the offset last shown on purpose
        self._sel_anchor = self._sel_caret = 0
        self._press: QPointF | None = None
        self._selecting = False
        self._wheel = 0
        self._prefetch = QTimer(self)
        self._prefetch.setSingleShot(True)
        self._prefetch.setInterval(0)
        self._prefetch.timeout.connect(self._lay_out_ahead)

    # -------------------------------------------------------------- settings
    def set_typography(
        self, font: QFont, spacing: int = 160, max_rows: int = 0, theme: Theme | None = None
    ) -> None:
        """Font, column spacing (percent of the em), longest column (em) and colours."""
        keep = self.first_offset()
        self.setFont(font)
        self._metrics = GlyphMetrics(QFont(font))
        self._bold = GlyphMetrics(_bold(font))
        self._set_cells()
        self.spacing = spacing
        self.max_rows = max_rows
        if theme is not None:
            self.theme = theme
        self._setter = None
        self._show(keep)
        self._anchor = keep  # columns may break elsewhere now: the first character stays

    def set_ruby_room(self, room: float, along: float = 0.0) -> None:
        """Room (in em) right of each column for the readings, and after each character
        down the column (as the horizontal ruby's room after each character): the pitch
        grows by ``room``, each cell by ``along``."""
        if (room, along) != (self.ruby_room, self.ruby_along):
            keep = self.first_offset()
            self.ruby_room, self.ruby_along = room, along
            self._set_cells()
            self._setter = None
            self._show(keep)
            self._anchor = keep  # taller cells break the columns elsewhere: keep the place

    def _set_cells(self) -> None:
        self._metrics.cell = self._bold.cell = self.cell

    def set_source(self, source: Source, chapters: list[int] | None = None) -> None:
        """New text to show, from its start (or from :meth:`show_offset` after)."""
        self.source = source
        self.chapters = sorted(chapters or [])
        self._setter = None
        self._pages = []
        self._anchor = None
        self._sel_anchor = self._sel_caret = 0
        self._show(0)

    def source_changed(
        self, source: Source, shift: int = 0, chapters: list[int] | None = None
    ) -> None:
        """The source grew into ``source``: ``shift`` characters came before the text
        (offsets move by that much), the rest after it.  The page shown stays."""
        old_length = len(self.source)
        self.source = source
        if chapters is not None:
            self.chapters = sorted(chapters)
        self._setter = None
        if not shift and self._pages and self._pages[-1].end < old_length:
            return  # text added after the page: the page and its neighbours are as they were
        keep = self.first_offset() + shift
        anchor = None if self._anchor is None else self._anchor + shift
        self._sel_anchor += shift
        self._sel_caret += shift
        self._show(keep, repaint=False)  # the same text where it was: only offsets moved
        self._anchor = anchor

    # ------------------------------------------------------------ geometry
    @property
    def em(self) -> float:
        return self._metrics.em

    @property
    def cell(self) -> float:
        """Height of a cell along the column: an em, and the readings' room after it."""
        return self.em * (1 + self.ruby_along)

    @property
    def pitch(self) -> float:
        """Distance between column centres."""
        return self.em * (self.spacing / 100 + self.ruby_room)

    def _margins(self) -> tuple[float, float]:
        """Side and top margins (the foot keeps a cell for hanging stops)."""
        return max(16.0, 1.5 * self.em), max(12.0, 1.2 * self.em)

    def spread(self) -> bool:
        """Whether two pages show side by side (a window wider than tall, room enough)."""
        side, _ = self._margins()
        half = (self.width() - 3 * side) / 2
        return self.width() > 1.15 * self.height() and half / self.pitch >= 10

    def page_size(self) -> PageSize:
        side, top = self._margins()
        rows = int((self.height() - 2 * top - self.cell) // self.cell)
        if self.max_rows:  # the longest column, in em, as long with taller cells
            rows = min(rows, int(self.max_rows * self.em / self.cell))
        pages = 2 if self.spread() else 1
        width = (self.width() - (pages + 1) * side) / pages
        return PageSize(max(1, rows), max(1, int(width // self.pitch)))

    def _page_rects(self) -> list[QRectF]:
        """Rectangles of the pages shown, the first (rightmost) first."""
        side, _ = self._margins()
        if not self.spread():
            return [QRectF(side, 0, self.width() - 2 * side, self.height())]
        half = (self.width() - 3 * side) / 2
        return [
            QRectF(2 * side + half, 0, half, self.height()),
            QRectF(side, 0, half, self.height()),
        ]

    def typesetter(self) -> Typesetter:
        if self._setter is None or self._setter.size != self.page_size():
            self._setter = Typesetter(
                self.source,
                self.page_size(),
                self.chapters,
                self.rules,
                self._metrics.measure_cells,
            )
        return self._setter

    # ------------------------------------------------------------- pages
    def pages(self) -> list[Page]:
        """The pages shown, the first (rightmost) first."""
        return list(self._pages)

    def visible_range(self) -> tuple[int, int]:
        """View range of the text shown."""
        if not self._pages:
            return 0, 0
        return self._pages[0].start, self._pages[-1].end

    def first_offset(self) -> int:
        """The first visible character: the offset last shown while it is still in the
        first column, else the first character drawn."""
        if not self._pages:
            return self._anchor or 0
        first = self._pages[0]
        if not first.columns:
            return first.start
        col = first.columns[0]
        if self._anchor is not None and col.start <= self._anchor < max(col.end, col.start + 1):
            return self._anchor
        return col.glyphs[0].start if col.glyphs else col.start

    def show_offset(self, offset: int) -> None:
        """Show the page whose first column holds view ``offset`` (kept as the place)."""
        self._show(offset)
        self._anchor = offset
        self.pageChanged.emit(self.first_offset())

    def _show(self, offset: int, page: Page | None = None, *, repaint: bool = True) -> None:
        setter = self.typesetter()
        offset = max(0, min(offset, setter.length))
        first = page or setter.page_at(offset)
        self._pages = [first]
        if self.spread() and (second := setter.next_page(first)) is not None:
            self._pages.append(second)
        self._anchor = None
        self._place()
        if repaint:
            self.update()
        self._prefetch.start()

    def _lay_out_ahead(self) -> None:
        """Lay out the pages either side of those shown (cached), between turns."""
        if self._pages:
            setter = self.typesetter()
            setter.next_page(self._pages[-1])
            setter.previous_page(self._pages[0])

    def next_page(self) -> bool:
        """Turn forward (a spread turns by two pages); False at the end."""
        if not self._pages:
            return False
        following = self.typesetter().next_page(self._pages[-1])
        if following is None:
            return False
        self._show(following.start, following)
        self.pageChanged.emit(self.first_offset())
        return True

    def previous_page(self) -> bool:
        """Turn back; False at the start."""
        if not self._pages:
            return False
        setter = self.typesetter()
        before = setter.previous_page(self._pages[0])
        if before is None:
            return False
        if self.spread() and (earlier := setter.previous_page(before)) is not None:
            before = earlier
        self._show(before.start, before)
        self.pageChanged.emit(self.first_offset())
        return True

    def go_to_start(self) -> None:
        self.show_offset(0)

    def go_to_end(self) -> None:
        """Show the last page (or spread) of the text."""
        setter = self.typesetter()
        last = setter.last_page()
        if self.spread() and (before := setter.previous_page(last)) is not None:
            last = before
        self._show(last.start, last)
        self.pageChanged.emit(self.first_offset())

    # ------------------------------------------------------------- placing
    def _place(self) -> None:
        self._placed = []
        self._runs = {False: UprightRun(self._metrics), True: UprightRun(self._bold)}
        self._others = []
        size = self.typesetter().size
        for page, rect in zip(self._pages, self._page_rects(), strict=False):
            block_w = size.columns * self.pitch
            block_h = size.rows * self.cell
            right = rect.center().x() + block_w / 2
            top = rect.center().y() - block_h / 2
            for i, col in enumerate(page.columns):
                cx = right - (i + 0.5) * self.pitch
                m = self._bold if col.heading else self._metrics
                width = min(self.pitch, self.em * 1.25)
                placed = PlacedColumn(col, cx, top, width, m)
                self._placed.append(placed)
                run = self._runs[col.heading]
                self._others += [(placed, g) for g in col.glyphs if not run.add(g, cx, top)]

    def placed_columns(self) -> list[tuple[Column, float, float]]:
        """``(column, centre x, top y)`` of every column shown."""
        return [(p.column, p.cx, p.top) for p in self._placed]

    def boxes_shown(self) -> list[tuple[int, int, QRectF, float]]:
        """``(start, end, rectangle, column centre x)`` of every character shown."""
        return [(s, e, r, p.cx) for p in self._placed for s, e, r in p.boxes]

    # --------------------------------------------------------- hit testing
    def offset_at(self, point: QPointF) -> int:
        """The caret place nearest ``point``: before a character when the point is on its
        upper half, after it on its lower half."""
        return placement.offset_at(self._placed, point)

    def char_rect(self, offset: int) -> QRectF | None:
        """The rectangle of the character at view ``offset`` (None if not drawn here)."""
        return placement.char_rect(self._placed, offset)

    def rects_for(self, start: int, end: int) -> list[QRectF]:
        """Rectangles covering view range ``[start, end)``: one per column it crosses."""
        return placement.rects_for(self._placed, start, end)

    # ------------------------------------------------------------ selection
    def selection(self) -> tuple[int, int]:
        """The selected view range (empty: start == end)."""
        a, b = self._sel_anchor, self._sel_caret
        return (a, b) if a <= b else (b, a)

    def set_selection(self, start: int, end: int) -> None:
        self._sel_anchor, self._sel_caret = start, end
        self.update()
        self.selectionChanged.emit()

    def selected_text(self) -> str:
        start, end = self.selection()
        return self.source.slice(start, end) if end > start else ""

    def copy(self) -> None:
        """Copy the selection to the clipboard."""
        text = self.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    def _move_caret(self, caret: int) -> None:
        caret = max(0, min(caret, len(self.source)))
        self._sel_caret = caret
        start, end = self.visible_range()
        if caret >= end and caret < len(self.source):
            self.next_page()
        elif caret < start:
            self.previous_page()
        self.update()
        self.selectionChanged.emit()

    def _caret_column_step(self, direction: int) -> int:
        """The caret one column on (``+1``: the next column, to the left) at the same row."""
        rect = self.char_rect(self._sel_caret)
        if rect is None:
            rect = self.char_rect(max(0, self._sel_caret - 1))
        if rect is None:
            return self._sel_caret
        for i, placed in enumerate(self._placed):
            if placed.column.start <= self._sel_caret < max(placed.column.end, 1):
                j = i + direction
                if 0 <= j < len(self._placed):
                    target = self._placed[j]
                    return self.offset_at(QPointF(target.cx, rect.top() + 1))
                col = placed.column
                return col.end if direction > 0 else col.start
        return self._sel_caret

    # --------------------------------------------------------------- events
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._pages:
            anchor = self._anchor
            keep = self.first_offset()
            self._show(keep)
            self._anchor = anchor if anchor is not None else None
        else:
            self._show(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
            return
        key, mods = event.key(), event.modifiers()
        shift = mods == Qt.KeyboardModifier.ShiftModifier
        plain = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if shift and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            step = 1 if key == Qt.Key.Key_Down else -1
            self._move_caret(self._sel_caret + step)
            return
        if shift and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self._move_caret(self._caret_column_step(1 if key == Qt.Key.Key_Left else -1))
            return
        forward = {Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Left, Qt.Key.Key_Down}
        back = {Qt.Key.Key_PageUp, Qt.Key.Key_Right, Qt.Key.Key_Up}
        if (plain and key in forward) or (shift and key == Qt.Key.Key_PageDown):
            self.next_page()
        elif (plain and key in back) or (shift and key in (Qt.Key.Key_Space, Qt.Key.Key_PageUp)):
            self.previous_page()
        elif key == Qt.Key.Key_Home and (plain or mods == Qt.KeyboardModifier.ControlModifier):
            self.home_key()
        elif key == Qt.Key.Key_End and (plain or mods == Qt.KeyboardModifier.ControlModifier):
            self.end_key()
        else:
            super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._wheel += event.angleDelta().y() or event.angleDelta().x()
        while abs(self._wheel) >= WHEEL_STEP:
            if self._wheel < 0:
                self._wheel += WHEEL_STEP
                self.next_page()
            else:
                self._wheel -= WHEEL_STEP
                self.previous_page()
        event.accept()

    def _edge(self, point: QPointF) -> int:
        """+1 on the left edge (forward), -1 on the right edge, 0 elsewhere."""
        zone = max(self._margins()[0], EDGE_SHARE * self.width())
        if point.x() < zone:
            return +1
        if point.x() > self.width() - zone:
            return -1
        return 0

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        point = event.position()
        self._press = point
        self._selecting = not self._edge(point)
        if self._selecting:
            offset = self.offset_at(point)
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self._sel_caret = offset
            else:
                self._sel_anchor = self._sel_caret = offset
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._selecting and event.buttons() & Qt.MouseButton.LeftButton:
            self._sel_caret = self.offset_at(event.position())
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            super().mouseReleaseEvent(event)
            return
        point, pressed = event.position(), self._press
        self._press = None
        if self._selecting:
            self._selecting = False
            self.selectionChanged.emit()
            return
        edge = self._edge(point)
        if edge and edge == self._edge(pressed):
            if edge > 0:
                self.next_page()
            else:
                self.previous_page()

    # -------------------------------------------------------------- painting
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(self.theme.page))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        if len(self._pages) > 1:
            x = (self._page_rects()[0].left() + self._page_rects()[1].right()) / 2
            painter.setPen(QPen(QColor(self.theme.muted), 0.5))
            painter.drawLine(QPointF(x, self.height() * 0.08), QPointF(x, self.height() * 0.92))
        start, end = self.visible_range()
        for m0, m1, colour in self.marks(start, end):
            for rect in self.rects_for(m0, m1):
                painter.fillRect(rect, colour)
        s0, s1 = self.selection()
        selected = self.rects_for(s0, s1) if s1 > s0 else []
        for rect in selected:
            painter.fillRect(rect, QColor(self.theme.selection))
        self._draw_text(painter, s0, s1)
        for overlay in self.overlays:
            painter.save()
            overlay(painter)
            painter.restore()
        painter.end()

    def _draw_text(self, painter: QPainter, s0: int, s1: int) -> None:
        """The upright characters in glyph runs laid out by :meth:`_place`, the others
        (turned, small stops, runs, 縱中橫, characters of other fonts) one by one."""
        text, chosen = QColor(self.theme.text), QColor(self.theme.selection_text)
        for placed, glyph in self._others:
            m = placed.metrics
            painter.setFont(m.font)
            painter.setPen(chosen if s0 < glyph.end and glyph.start < s1 else text)
            draw_glyph(painter, m, glyph, placed.cx, placed.top)
        selected = (s0, s1) if s1 > s0 else None
        for run in self._runs.values():
            painter.setPen(text)
            run.draw(painter, selected)
            if selected:
                painter.setPen(chosen)
                run.draw_chosen(painter, selected)


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold
