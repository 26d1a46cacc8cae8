"""Bookmarks drawn in place on the vertical page.

:class:`VerticalBookmarks` puts a small ribbon in the margin above each column of the
pages shown that holds a bookmark (the column its canonical offset falls in, through
the reader's offset map), in the bookmark's own colour when it has one, else in the
theme's strong find-hit colour, which reads on every page colour.  The bookmarks are
read from the reader's annotation store at each paint (a page's worth of work: the
store keeps its items in memory); the page repaints when the annotation layer
repaints the text (a bookmark added or deleted, an undo).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPolygonF

from desktop.ui.annotations.colours import swatch_color

if TYPE_CHECKING:
    from desktop.ui.reader.pane import ReaderPane
    from desktop.ui.reader.vertical.page import VerticalPage

__all__ = ["VerticalBookmarks"]

#: The ribbon's width and height, and its gap above the column, in em.
WIDTH, HEIGHT, GAP = 0.45, 0.6, 0.12


class VerticalBookmarks:
    """A ribbon above every column shown that holds a bookmark."""

    def __init__(self, page: VerticalPage, reader: ReaderPane) -> None:
        self.page, self.reader = page, reader
        #: ``(view offset, ribbon, colour)`` drawn by the last paint, in reading order.
        self.drawn: list[tuple[int, QRectF, QColor]] = []
        page.overlays.append(self._paint)

    def _shown(self) -> list[tuple[int, QColor]]:
        """The bookmarks on the pages shown: view offset and colour."""
        store, reader = self.reader.store, self.reader
        if store is None or reader.doc_id is None:
            return []
        start, end = self.page.visible_range()
        out = []
        for item in store.items():
            if item.kind != "bookmark" or item.orphaned:
                continue
            view = reader.to_view(item.target.start)
            if view is not None and start <= view < max(end, start + 1):
                colour = swatch_color(item.color) if item.color else None
                out.append((view, colour or QColor(self.page.theme.current_match)))
        return out

    def _paint(self, painter: QPainter) -> None:
        self.drawn = []
        marks = self._shown()
        if not marks:
            return
        em = self.page.em
        painter.setPen(QColor(0, 0, 0, 0))
        for view, colour in marks:
            for column, cx, top in self.page.placed_columns():
                if column.start <= view < column.end or view == column.start:
                    ribbon = QRectF(
                        cx - WIDTH * em / 2, top - (GAP + HEIGHT) * em, WIDTH * em, HEIGHT * em
                    )
                    painter.setBrush(colour)
                    painter.drawPolygon(_ribbon(ribbon))
                    self.drawn.append((view, ribbon, colour))
                    break


def _ribbon(box: QRectF) -> QPolygonF:
    """A bookmark ribbon filling ``box``, a notch cut in its foot."""
    notch = box.height() * 0.3
    return QPolygonF(
        [
            box.topLeft(),
            box.topRight(),
            box.bottomRight(),
            QPointF(box.center().x(), box.bottom() - notch),
            box.bottomLeft(),
        ]
    )
