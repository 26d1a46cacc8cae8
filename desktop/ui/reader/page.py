"""The reader's page: the text surface, moving through it and marking it as it is read.

:class:`Page` is the centred text column, and knows where it is scrolled: the first
line shown, scrolling a line to the top, a screen down or up.  The functions below it
work on the whole :class:`~desktop.ui.reader.pane.ReaderPane`, through its public
methods (``go_to_canonical``, ``current_canonical``, ``apply_typography`` …): going
to the start, the end or a chapter, zoom and the paging keys, the find-match
highlights over the canonical range on screen, pinyin underlines and tool tip; the
pane keeps its methods of the same names and calls these.  :func:`line_at` is a
helper on a cursor alone.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QMimeData, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from desktop.ui.common.plain import tooltip
from desktop.ui.reader.pieces import Piece

if TYPE_CHECKING:
    from desktop.ui.reader.pane import ReaderPane

__all__ = [
    "Page",
    "chapter_offsets",
    "go_to_end",
    "go_to_start",
    "handle_key",
    "line_at",
    "match_selections",
    "next_chapter",
    "previous_chapter",
    "show_ruby_tip",
    "underline_ruby",
    "zoom",
]

DEFAULT_FONT_SIZE, MIN_FONT_SIZE, MAX_FONT_SIZE = 15.0, 8.0, 48.0


def line_at(cursor: QTextCursor) -> int:
    """The scroll-bar line number (document layout line) of a cursor."""
    block = cursor.block()
    layout = block.layout()
    line = 0
    if layout is not None and layout.lineCount():
        line = max(0, layout.lineForTextPosition(cursor.positionInBlock()).lineNumber())
    return block.firstLineNumber() + line


class Page(QPlainTextEdit):
    """The text surface: a centred column at most ``column_px`` wide, and where it is
    scrolled to.

    The scroll range ends where the last line reaches the foot of the page, so a place
    in the last screen cannot come to the top.  When one is asked for there (a place
    kept from the vertical page's last page, a jump to the last lines), the range is
    let past the end of the text just as far as that line at the top, with blank page
    below, as a book's last page; it closes again once the page is scrolled back within
    the text, or sent to its end (:func:`go_to_end`).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column_px = 0
        self._past_end: int | None = None  # Qt position of the line held at the top past the end
        self._trying = False  # the range past the end is being checked
        self.verticalScrollBar().valueChanged.connect(self._scrolled_past_end)
        self._overlays: list[Callable[[QPainter, QRect], None]] = []  # reading aids
        self._menu_entries: list[Callable[[QMenu, QPoint | None], None]] = []  # reading aids

    def relayout_margins(self) -> None:
        """Side margins that centre the column (at least 12 px each)."""
        free = self.width() - self.column_px - 2 * self.frameWidth()
        side = max(12, free // 2) if self.column_px else 12
        self.setViewportMargins(side, 0, side, 0)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.relayout_margins()

    # -- reading aids (issue 18): drawn over the text, added to its menu, copied as text
    def add_overlay(self, paint: Callable[[QPainter, QRect], None]) -> None:
        """Call ``paint(painter, rect)`` after the text of the viewport's ``rect`` is
        drawn (the ruby, the word the pop-up dictionary shows)."""
        self._overlays.append(paint)

    def add_menu_entries(self, fill: Callable[[QMenu, QPoint | None], None]) -> None:
        """Call ``fill(menu, viewport_pos)`` on every text menu made here (the annotation
        layer and the picture viewer start theirs with :meth:`createStandardContextMenu`)."""
        self._menu_entries.append(fill)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._overlays:
            painter = QPainter(self.viewport())
            for paint in self._overlays:
                paint(painter, event.rect())
            painter.end()

    def createStandardContextMenu(self, position: QPoint | None = None) -> QMenu:
        if position is None:
            menu = super().createStandardContextMenu()
        else:
            menu = super().createStandardContextMenu(position)
        for fill in self._menu_entries:
            fill(menu, position)
        return menu

    def createMimeDataFromSelection(self) -> QMimeData:
        """The selection as plain text: the page's formats (highlights, the ruby's line
        spacing) are how Tongwen shows the text, not part of it."""
        data = QMimeData()
        data.setText(self.textCursor().selection().toPlainText())
        return data

    # -- end reading aids

    # ------------------------------------------------------------- scrolled to
    def top_qt(self) -> int:
        """The Qt position of the first character shown."""
        return self.cursorForPosition(QPoint(2, 2)).position()

    def top_line_range(self) -> tuple[int, int]:
        """The Qt positions ``[start, end)`` of the first line shown.

        Half-open: the position where a wrapped line ends is the first character of the
        next line, not of this one (taking it for this one let a place at the start of
        the second line pass for the first, a line off after a toggle).  A block's last
        line also holds the block's end, where its newline is.
        """
        top = self.cursorForPosition(QPoint(2, 2))
        block, layout = top.block(), top.block().layout()
        if layout is None or not layout.lineCount():
            return top.position(), top.position() + 1
        line = layout.lineForTextPosition(top.positionInBlock())
        if not line.isValid():
            return top.position(), top.position() + 1
        start = block.position() + line.textStart()
        last_in_block = line.lineNumber() == layout.lineCount() - 1
        return start, start + line.textLength() + (1 if last_in_block else 0)

    def scroll_line_to_top(self, cursor: QTextCursor) -> None:
        """Scroll so that the line holding ``cursor`` is the first one shown.

        The scroll bar counts layout lines, and blocks not yet laid out count as one line
        whatever their length, so a line number computed before layout can point a screen
        or more away once the blocks above are laid out: lay the block out first, then
        correct by the lines still missing until the top line holds the cursor.
        """
        self.within_text()
        self._scroll_to_line_of(cursor)
        _first, last = self.top_line_range()
        bar = self.verticalScrollBar()
        if last <= cursor.position() and bar.value() == bar.maximum() and self.isVisible():
            # the range ends before the line reaches the top: let it past the end so far
            self.setCenterOnScroll(True)  # Qt's range then reaches the last line
            self._scroll_to_line_of(cursor)
            self._past_end = cursor.position()

    def _scroll_to_line_of(self, cursor: QTextCursor) -> None:
        bar = self.verticalScrollBar()
        layout = self.document().documentLayout()
        for _ in range(4):
            layout.blockBoundingRect(cursor.block())  # lays the block out
            bar.setValue(line_at(cursor))
            first, last = self.top_line_range()
            if first <= cursor.position() < last or bar.value() in (0, bar.maximum()):
                return
            shown = self.cursorForPosition(QPoint(2, 2))
            bar.setValue(bar.value() + line_at(cursor) - line_at(shown))
            first, last = self.top_line_range()
            if first <= cursor.position() < last:
                return

    def past_end(self) -> bool:
        """Whether the scroll range reaches past the end of the text (see the class)."""
        return self._past_end is not None

    def within_text(self) -> None:
        """Close the range past the end of the text: its end is the last screen again."""
        if self._past_end is not None:
            self._past_end = None
            self.setCenterOnScroll(False)

    def _scrolled_past_end(self, value: int) -> None:
        """Past the end: back within the text (or the text grew below), the range closes;
        no further than the line put at the top."""
        held = self._past_end
        if held is None or self._trying:
            return
        bar = self.verticalScrollBar()
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(held, self.document().characterCount() - 1))
        limit = line_at(cursor)  # its line now (lines above may have been laid out since)
        self._trying = True  # the moves below are this one's
        try:
            self.setCenterOnScroll(False)  # Qt's own range: the page stays if within it
            if bar.value() == value:
                self._past_end = None
                return
            self.setCenterOnScroll(True)  # past it: open again, the page back (or held)
            bar.setValue(min(value, limit))
        finally:
            self._trying = False

    def scroll_screen(self, direction: int) -> None:
        """Scroll one screen down (``+1``) or up (``-1``), keeping one line in view."""
        bar = self.verticalScrollBar()
        top = bar.value()
        bottom = line_at(self.cursorForPosition(QPoint(2, self.viewport().height() - 1)))
        step = max(1, bottom - top)
        bar.setValue(top + step if direction > 0 else top - step)


def go_to_start(reader: ReaderPane) -> None:
    """Show the beginning of the document."""
    if reader.doc_id is not None:
        reader.go_to_canonical(0)
        reader.text.verticalScrollBar().setValue(0)


def go_to_end(reader: ReaderPane) -> None:
    """Show the end of the document (its last screen), loading it first if needed."""
    if reader.doc_id is None:
        return
    end = len(reader.canonical)
    if reader.to_view(end) is None:
        reader.go_to_canonical(end)  # not loaded: restarts the view around the end
    reader.text.within_text()
    bar = reader.text.verticalScrollBar()
    bar.setValue(bar.maximum())


def chapter_offsets(reader: ReaderPane) -> list[int]:
    """Canonical offsets of the document's chapters, in order."""
    return sorted(offset for offset, _ in reader.record.chapters) if reader.record else []


def next_chapter(reader: ReaderPane) -> None:
    """Go to the start of the chapter after the one being read."""
    here = reader.current_canonical()
    later = [o for o in chapter_offsets(reader) if o > here]
    if later:
        reader.go_to_canonical(later[0])
    elif reader.doc_id is not None:
        message = QCoreApplication.translate("ReaderPane", "This is the last chapter")
        reader.statusMessage.emit(message)


def previous_chapter(reader: ReaderPane) -> None:
    """Go to the start of this chapter, or of the one before when already there."""
    here = reader.current_canonical()
    earlier = [o for o in chapter_offsets(reader) if o < here]
    if earlier:
        reader.go_to_canonical(earlier[-1])
    elif reader.doc_id is not None:
        reader.go_to_start()


def zoom(reader: ReaderPane, step: float | None) -> None:
    """Change the body font size by ``step`` points (``None``: the default), keeping place."""
    settings = reader.settings
    if settings is None:
        return
    size = DEFAULT_FONT_SIZE if step is None else settings.font_size + step
    size = min(MAX_FONT_SIZE, max(MIN_FONT_SIZE, size))
    if size != settings.font_size:
        position = reader.current_canonical()
        settings.font_size = size
        reader.apply_typography()
        if reader.pieces():
            reader.go_to_canonical(position)


def _key_actions(reader: ReaderPane) -> dict[tuple[Qt.Key, bool], Callable[[], None]]:
    """Paging actions by ``(key, plain)``; ``plain`` is False for Shift."""
    return {
        (Qt.Key.Key_PageDown, True): lambda: reader.page(+1),
        (Qt.Key.Key_Space, True): lambda: reader.page(+1),
        (Qt.Key.Key_PageUp, True): lambda: reader.page(-1),
        (Qt.Key.Key_Space, False): lambda: reader.page(-1),  # Shift+Space
        (Qt.Key.Key_Home, True): reader.go_to_start,
        (Qt.Key.Key_End, True): reader.go_to_end,
    }


def handle_key(reader: ReaderPane, event: QKeyEvent) -> bool:
    """Paging keys on the text, handled so they behave the same everywhere; True if used."""
    mods = event.modifiers()
    plain = mods == Qt.KeyboardModifier.NoModifier
    if mods not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
        plain = plain or mods == Qt.KeyboardModifier.ControlModifier
        if event.key() not in (Qt.Key.Key_Home, Qt.Key.Key_End):
            return False
    action = _key_actions(reader).get((Qt.Key(event.key()), plain))
    if action is None:
        return False
    action()
    return True


def _visible_canonical(reader: ReaderPane) -> tuple[int, int]:
    """The canonical range shown in the reader's viewport."""
    viewport = reader.text.viewport()
    q0 = reader.text.top_qt()
    q1 = reader.text.cursorForPosition(QPoint(viewport.width(), viewport.height())).position()
    start = reader.to_canonical(reader.qt_to_view(q0))
    return start, reader.to_canonical(reader.qt_to_view(q1), "end")


def match_selections(
    reader: ReaderPane, matches: list[tuple[int, int]], current: int
) -> list[QTextEdit.ExtraSelection]:
    """Highlights of the (sorted, canonical) ``matches`` on screen; ``current`` stands out."""
    if not matches or not reader.pieces():
        return []
    c0, c1 = _visible_canonical(reader)
    starts = [s for s, _ in matches]
    lo = max(0, bisect_left(starts, c0) - 1)
    hi = min(bisect_right(starts, c1), len(matches))
    found = (_match_selection(reader, *matches[i], i == current) for i in range(lo, hi))
    return [s for s in found if s is not None]


def _match_selection(
    reader: ReaderPane, start: int, end: int, current: bool
) -> QTextEdit.ExtraSelection | None:
    v0, v1 = reader.to_view(start), reader.to_view(end)
    if v0 is None or v1 is None:
        return None
    selection = QTextEdit.ExtraSelection()
    colour = reader.theme.current_match if current else reader.theme.match
    selection.format.setBackground(QColor(colour))  # type: ignore[attr-defined]
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(reader.view_to_qt(v0))
    cursor.setPosition(reader.view_to_qt(v1), QTextCursor.MoveMode.KeepAnchor)
    selection.cursor = cursor  # type: ignore[attr-defined]
    return selection


def underline_ruby(reader: ReaderPane, piece: Piece) -> None:
    """Mark the characters of a just-inserted piece that carry a pinyin reading."""
    if not piece.view.ruby:
        return
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    fmt.setUnderlineColor(QColor(reader.theme.ruby))
    cursor = QTextCursor(reader.text.document())
    cursor.beginEditBlock()
    for start, end, _reading in piece.view.ruby:
        cursor.setPosition(reader.view_to_qt(piece.view_start + start))
        qend = reader.view_to_qt(piece.view_start + end)
        cursor.setPosition(qend, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)
    cursor.endEditBlock()


def show_ruby_tip(reader: ReaderPane, pos: QPoint, global_pos: QPoint) -> None:
    """A tool tip with the pinyin over the character at viewport point ``pos``, if any."""
    q = reader.text.cursorForPosition(pos).position()
    reading = reader.ruby_at(reader.qt_to_view(max(0, q - 1))) or reader.ruby_at(
        reader.qt_to_view(q)
    )
    if reading:
        QToolTip.showText(global_pos, tooltip(reading), reader.text)
    else:
        QToolTip.hideText()
