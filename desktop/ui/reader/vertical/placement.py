"""Where the vertical page drew each character, and which character a point is on.

The page places each laid-out :class:`~desktop.core.vertical.Column` at a centre x and a
top; :class:`PlacedColumn` works out the rectangle of every character in it (on first
use).  The functions here answer the page's questions about those rectangles: the caret
place nearest a point (mouse selection, the dictionary under the pointer), a character's
rectangle (the pop-up beside it), and the rectangles covering a range (highlights, find
hits, the selection).  Everything is in view offsets of the page's source.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF

from desktop.core.vertical import Column
from desktop.ui.reader.vertical.glyphs import Box, GlyphMetrics, char_boxes

__all__ = ["PlacedColumn", "char_rect", "offset_at", "rects_for"]


@dataclass
class PlacedColumn:
    """A column as drawn: its centre x, its top and width, the metrics of its font."""

    column: Column
    cx: float
    top: float
    width: float
    metrics: GlyphMetrics
    _boxes: list[Box] | None = None

    @property
    def boxes(self) -> list[Box]:
        """Each character's rectangle (worked out when first asked for)."""
        if self._boxes is None:
            m, cx, top, width = self.metrics, self.cx, self.top, self.width
            self._boxes = [b for g in self.column.glyphs for b in char_boxes(m, g, cx, top, width)]
        return self._boxes


def offset_at(placed: Sequence[PlacedColumn], point: QPointF) -> int:
    """The caret place nearest ``point`` in the nearest column: before a character when
    the point is on its upper half, after it on its lower half."""
    if not placed:
        return 0
    x, y = point.x(), point.y()
    column = min(placed, key=lambda p: abs(p.cx - x))
    boxes = column.boxes
    if not boxes:
        return column.column.start
    row = [b for b in boxes if b[2].top() <= y < b[2].bottom()]
    if row:
        start, end, rect = min(row, key=lambda b: _x_distance(b[2], x))
        return start if y < rect.center().y() else end
    for start, _end, rect in boxes:
        if y < rect.top():
            return start
    return boxes[-1][1]


def char_rect(placed: Sequence[PlacedColumn], offset: int) -> QRectF | None:
    """The rectangle of the character at view ``offset`` (None if it is not drawn)."""
    for column in placed:
        if column.column.start <= offset < column.column.end:
            for start, end, rect in column.boxes:
                if start <= offset < end:
                    return QRectF(rect)
    return None


def rects_for(placed: Sequence[PlacedColumn], start: int, end: int) -> list[QRectF]:
    """Rectangles covering view range ``[start, end)``: one per column it crosses."""
    out = []
    for column in placed:
        col = column.column
        if col.end <= start or col.start >= end:
            continue
        hit = [r for s, e, r in column.boxes if s < end and e > start]
        if hit:
            top = min(r.top() for r in hit)
            bottom = max(r.bottom() for r in hit)
            left = min(r.left() for r in hit)
            right = max(r.right() for r in hit)
            out.append(QRectF(left, top, right - left, bottom - top))
    return out


def _x_distance(rect: QRectF, x: float) -> float:
    if rect.left() <= x < rect.right():
        return 0.0
    return min(abs(rect.left() - x), abs(rect.right() - x))
