"""The pop-up dictionary on the vertical page (the reading aids' look-up).

:class:`VerticalLookup` lends the pop-up dictionary (:class:`~desktop.ui.reader.
word_lookup.WordLookup`) the vertical page while it is shown: Ctrl+pointing, look-up
mode and Look Up (Ctrl+D) find the character under the pointer by the page's hit
testing, the card opens beside the column, the word is marked in place, and the
arrows step in reading order (↓ and ← the next word, ↑ and → the previous).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QKeyEvent

from desktop.ui.reader.vertical.page import Mark
from desktop.ui.reader.word_lookup import MARK_ALPHA

if TYPE_CHECKING:
    from desktop.ui.reader.reading_aids import ReadingAids
    from desktop.ui.reader.vertical.page import VerticalPage

__all__ = ["STEP_KEYS", "VerticalLookup"]

#: The arrows that step the pop-up dictionary's word, in reading order.
STEP_KEYS = {Qt.Key.Key_Down: 1, Qt.Key.Key_Left: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_Right: -1}


class VerticalLookup(QObject):
    """The pop-up dictionary on the vertical page: the words under the pointer found by
    the page's hit testing, the card beside the column, the word marked in place, and
    the arrows stepping in reading order (↓ and ← the next word, ↑ and → the previous)."""

    def __init__(self, page: VerticalPage, aids: ReadingAids) -> None:
        super().__init__(page)
        self.page, self.widget, self.lookup = page, page, aids.lookup
        page.setMouseTracking(True)  # Ctrl+pointing and look-up mode
        page.installEventFilter(self.lookup)
        inner = page.marks
        page.marks = lambda s, e: inner(s, e) + self._word_mark(s, e)
        page.pageChanged.connect(lambda _offset: self.lookup.scrolled())

    def set_active(self, on: bool) -> None:
        """Look words up on the vertical page (``on``) or on the horizontal one."""
        self.lookup.set_surface(self if on else None)

    # ---------------------------------------------------------- the surface
    def view_at(self, point: QPoint) -> int | None:
        x, y = point.x(), point.y()
        for start, _end, rect, _cx in self.page.boxes_shown():
            if rect.left() <= x < rect.right() and rect.top() <= y < rect.bottom():
                return start
        return None

    def boxes(self, v0: int, v1: int) -> list[QRectF]:
        return self.page.rects_for(v0, v1)

    def reveal(self, view: int) -> None:
        first, last = self.page.visible_range()
        if not first <= view < last:
            self.page.show_offset(view)

    def step_of(self, event: QKeyEvent) -> int:
        if event.modifiers() not in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            return 0
        return STEP_KEYS.get(Qt.Key(event.key()), 0)

    def _word_mark(self, start: int, end: int) -> list[Mark]:
        marked = self.lookup.marked()
        if marked is None or marked[1] <= start or marked[0] >= end:
            return []
        colour = QColor(self.page.theme.selection)
        colour.setAlpha(MARK_ALPHA)
        return [(marked[0], marked[1], colour)]
