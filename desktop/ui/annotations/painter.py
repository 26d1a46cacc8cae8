"""Highlights and notes painted on the reader's text, through the view.

Annotations are stored in canonical offsets and painted through the view: each
loaded piece of the view maps its own canonical slice, so a highlight made in 繁體
covers the same characters in 简体, in the raw text and in the cleaned text.
Painting uses ``QTextCursor.mergeCharFormat`` inside one edit block; text appended by
progressive loading is painted when it arrives (:meth:`HighlightPainter.paint_piece`).
Qt's UTF-16 positions are converted by the reader (``view_to_qt``/``qt_to_view``).
Each painted character carries the id of its item (:data:`ITEM_PROPERTY`), which is
how :meth:`HighlightPainter.painted_spans` reads back what is on the page.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QBrush, QTextCharFormat, QTextCursor, QTextFormat

from desktop.core.annotations import Annotation, AnnotationStore
from desktop.ui.annotations.colours import paint_color
from desktop.ui.reader.pane import ReaderPane

if TYPE_CHECKING:
    from desktop.core.views import TextView

__all__ = ["ITEM_PROPERTY", "HighlightPainter"]

#: Char-format property holding the id of the item painted on a character.
ITEM_PROPERTY = QTextFormat.Property.UserProperty.value + 71


@dataclass
class _Painted:
    store: AnnotationStore | None
    items: list[Annotation]
    starts: list[int]
    longest: int


def _paint_format(item: Annotation, alpha: int) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(paint_color(item.color, alpha))
    fmt.setProperty(ITEM_PROPERTY, item.id)
    return fmt


def _clear_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QBrush())
    fmt.setProperty(ITEM_PROPERTY, "")
    return fmt


class HighlightPainter:
    """Paints the highlights and notes of the reader's store on the reader's text."""

    def __init__(self, reader: ReaderPane) -> None:
        self.reader = reader
        self._alpha = reader.theme.mark_alpha
        self._cache: _Painted | None = None

    def refresh(self) -> None:
        """The items changed (added, edited, read again from disk): paint them anew."""
        self._cache = None
        self.repaint()

    def theme_applied(self) -> None:
        """Repaint when the theme's highlight strength changed."""
        alpha = self.reader.theme.mark_alpha
        if alpha != self._alpha:
            self._alpha = alpha
            self.repaint()

    def repaint(self) -> None:
        """Clear and repaint every highlight in the loaded text."""
        cursor = QTextCursor(self.reader.text.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeCharFormat(_clear_format())
        for view_start, canon_start, view in self.reader.pieces():
            self._paint_spans(cursor, view_start, canon_start, view)
        cursor.endEditBlock()

    def paint_piece(self, canon_start: int, canon_end: int) -> None:
        """Paint the piece of the view just loaded for canonical ``[canon_start, canon_end)``."""
        piece = next((p for p in self.reader.pieces() if p[1] == canon_start), None)
        if piece is None:
            return
        view_start, _, view = piece
        cursor = QTextCursor(self.reader.text.document())
        cursor.beginEditBlock()
        # Inserted text takes the format of its neighbour: clear what it inherited.
        self._select(cursor, view_start, view_start + len(view.text))
        cursor.mergeCharFormat(_clear_format())
        self._paint_spans(cursor, view_start, canon_start, view)
        cursor.endEditBlock()

    def _select(self, cursor: QTextCursor, v0: int, v1: int) -> None:
        cursor.setPosition(self.reader.view_to_qt(v0))
        cursor.setPosition(self.reader.view_to_qt(v1), QTextCursor.MoveMode.KeepAnchor)

    def _paint_spans(
        self, cursor: QTextCursor, view_start: int, canon_start: int, view: TextView
    ) -> None:
        canon_end = canon_start + view.map.src_len
        for item in self._overlapping(canon_start, canon_end):
            s = max(item.target.start, canon_start) - canon_start
            e = min(item.target.end, canon_end) - canon_start
            v0, v1 = view.view_range(s, e)
            if v0 < v1:
                self._select(cursor, view_start + v0, view_start + v1)
                cursor.mergeCharFormat(_paint_format(item, self._alpha))

    def _painted(self) -> _Painted:
        """Anchored highlights and notes by start (cached until the items change)."""
        store = self.reader.store
        if self._cache is None or self._cache.store is not store:
            live = store.items() if store else []
            items = [i for i in live if i.kind != "bookmark" and not i.orphaned]
            longest = max((i.target.end - i.target.start for i in items), default=0)
            self._cache = _Painted(store, items, [i.target.start for i in items], longest)
        return self._cache

    def _overlapping(self, start: int, end: int) -> list[Annotation]:
        found = self._painted()
        lo = bisect_left(found.starts, start - found.longest)
        hi = bisect_left(found.starts, end)
        return [i for i in found.items[lo:hi] if i.target.end > start]

    def painted_spans(self) -> list[tuple[int, int, str]]:
        """``(view start, view end, item id)`` of the text painted now, in order."""
        spans: list[tuple[int, int, str]] = []
        block = self.reader.text.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                ident = fragment.charFormat().property(ITEM_PROPERTY)
                if ident:
                    q0 = fragment.position()
                    v0 = self.reader.qt_to_view(q0)
                    v1 = self.reader.qt_to_view(q0 + fragment.length())
                    if spans and spans[-1][2] == ident and spans[-1][1] == v0:
                        v0 = spans.pop()[0]
                    spans.append((v0, v1, str(ident)))
                it += 1
            block = block.next()
        return spans
