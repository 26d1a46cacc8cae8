"""The reader's vertical mode: the vertical page in place of the horizontal one, on the
same view, the same canonical place, the same selection and marks.

:class:`VerticalMode` puts a :class:`~desktop.ui.reader.vertical.page.VerticalPage`
beside the reader's horizontal page in a stacked widget and keeps it fed: the loaded
pieces as its text (:class:`~desktop.ui.reader.vertical.source.PieceSource`, offsets
moved when a piece comes before), the chapters mapped into the view, the reader's font,
column spacing, page height and theme.  Its place is a canonical offset like the
horizontal page's: the place last gone to while it is still in the first column, else
the first character shown, so switching between the modes keeps the first character
exactly.  A selection made on the vertical page is mirrored into the horizontal page's
cursor, so highlight, note, bookmark and copy act on it unchanged; highlights are read
from the horizontal document's painted formats, find hits from the reader's matches.
Whether a document is read vertically is remembered per document (``AppSettings``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QTextCursor
from PySide6.QtWidgets import QStackedWidget

from desktop.ui.reader.vertical.bookmarks import VerticalBookmarks
from desktop.ui.reader.vertical.lookup import VerticalLookup
from desktop.ui.reader.vertical.page import Mark, VerticalPage
from desktop.ui.reader.vertical.ruby import VerticalRuby
from desktop.ui.reader.vertical.source import PieceSource

if TYPE_CHECKING:
    from desktop.ui.reader.pane import ReaderPane
    from desktop.ui.reader.reading_aids import ReadingAids

__all__ = ["VerticalMode"]


class VerticalMode(QObject):
    """The vertical page of one reader pane, and switching to and from it."""

    toggled = Signal(bool)

    def __init__(self, reader: ReaderPane) -> None:
        super().__init__(reader)
        self.reader = reader
        self.page = VerticalPage(reader)
        self.page.setAccessibleName(self.tr("Vertical text"))
        self.page.marks = self._marks
        self.page.home_key = reader.go_to_start  # jumps: one Back step each
        self.page.end_key = reader.go_to_end
        self.bookmarks = VerticalBookmarks(self.page, reader)
        self.stack = QStackedWidget(reader)
        reader.layout_box.replaceWidget(reader.text, self.stack)
        self.stack.addWidget(reader.text)
        self.stack.addWidget(self.page)
        self.on = False
        self._anchor: int | None = None  # canonical place last gone to
        self._first_view: object = None  # the first loaded piece's view, to spot a prepend
        self._stale = True
        self._document: object = None
        self.page.selectionChanged.connect(self._mirror_selection)
        self.page.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.page.customContextMenuRequested.connect(self._context_menu)
        reader.pieceLoaded.connect(self._piece_loaded)
        reader.typographyChanged.connect(self._typography)
        reader.documentShown.connect(self._document_shown)

    def attach_aids(self, aids: ReadingAids) -> None:
        """The reading aids on the vertical page too: readings right of the columns,
        the pop-up dictionary."""
        self.ruby = VerticalRuby(self.page, aids)
        self.lookup = VerticalLookup(self.page, aids)
        self.lookup.set_active(self.on)
        self.toggled.connect(self.lookup.set_active)

    # -------------------------------------------------------------- switching
    def set_vertical(self, on: bool, *, remember: bool = True) -> None:
        """Show the vertical page (or the horizontal one) at the same first character."""
        reader = self.reader
        if remember and reader.settings is not None and reader.doc_id is not None:
            reader.settings.set_document_vertical(reader.doc_id, on)
        if on == self.on:
            return
        position = reader.current_canonical()
        shown = self.stack.currentWidget()
        had_focus = shown is not None and shown.hasFocus()
        self.on = on
        if on:
            self._typography()
            if self._stale:
                self._reload()
            self.stack.setCurrentWidget(self.page)
            self.went_to(position)
        else:
            self.stack.setCurrentWidget(reader.text)
            reader.restore_place(position)
        if had_focus:
            (self.page if on else reader.text).setFocus()
        self.toggled.emit(on)

    def _document_shown(self, doc_id: str) -> None:
        settings = self.reader.settings
        if settings is not None:
            self.set_vertical(settings.document_vertical(doc_id), remember=False)

    # ------------------------------------------------------------------ place
    def current_canonical(self) -> int:
        """The place read: the one last gone to while in the first column, else the first
        character shown."""
        reader = self.reader
        if self._anchor is not None:
            view = reader.place_to_view(self._anchor)
            pages = self.page.pages()
            if view is not None and pages and pages[0].columns:
                col = pages[0].columns[0]
                if col.start <= view < col.end or view == col.start:
                    return self._anchor
        return reader.to_canonical(self.page.first_offset())

    def went_to(self, canonical: int) -> None:
        """The reader went to ``canonical`` (a jump, a restart, a restored place)."""
        if not self.on:
            return
        if self._stale:
            self._reload()
        if canonical >= len(self.reader.canonical) > 0:
            self.page.go_to_end()
            self._anchor = None
            return
        view = self.reader.place_to_view(canonical)
        if view is None:
            return
        self._anchor = canonical
        self.page.show_offset(view)

    def select(self, start: int, end: int) -> None:
        """Select view range ``[start, end)`` and show it (a find hit, an annotation)."""
        if not self.on:
            return
        first, last = self.page.visible_range()
        if not first <= start < max(last, first + 1):
            self._anchor = None
            self.page.show_offset(start)
        self.page.set_selection(start, end)

    def page_turn(self, direction: int) -> None:
        """A page forward (``+1``) or back (``-1``)."""
        self._anchor = None
        if direction > 0:
            self.page.next_page()
        else:
            self.page.previous_page()

    def go_to_end(self) -> None:
        self._anchor = None
        self.page.go_to_end()

    def copy(self) -> None:
        self.page.copy()

    # ------------------------------------------------------------------- text
    def _chapters(self, source: PieceSource) -> list[int]:
        """The document's chapters that are loaded, in view offsets."""
        out: list[int] = []
        offsets = self.reader.chapter_offsets()
        if not offsets:
            return out
        for view_start, canon_start, view in source.entries:
            canon_end = canon_start + view.map.src_len
            for c in offsets[bisect_left(offsets, canon_start) : bisect_right(offsets, canon_end)]:
                if c < canon_end or canon_end == len(self.reader.canonical):
                    out.append(view_start + view.to_view(c - canon_start))
        return out

    def _reload(self) -> None:
        entries = self.reader.pieces()
        source = PieceSource(entries)
        self._first_view = entries[0][2] if entries else None
        self.page.set_source(source, self._chapters(source))
        self._stale = False

    def _watch_document(self) -> None:
        """Repaint when the horizontal document's formats change (highlights painted)."""
        doc = self.reader.text.document()
        if doc is not self._document:
            self._document = doc
            doc.contentsChange.connect(self._formats_changed)

    def _formats_changed(self, qt_start: int, removed: int, added: int) -> None:
        """Repaint for highlights painted on the page shown (inserted text comes with
        ``pieceLoaded``)."""
        if not self.on or removed != added:
            return
        start, end = self.page.visible_range()
        reader = self.reader
        if qt_start < reader.view_to_qt(end) and qt_start + added > reader.view_to_qt(start):
            self.page.update()

    def _piece_loaded(self, _start: int, _end: int) -> None:
        self._watch_document()
        entries = self.reader.pieces()
        if not self.on:
            self._stale = True
            return
        views = [e[2] for e in entries]
        if self._stale or self._first_view not in views:
            self._reload()  # a new document or view: the place comes with went_to
            return
        shift = entries[views.index(self._first_view)][0]
        self._first_view = views[0]
        source = PieceSource(entries)
        self.page.source_changed(source, shift, self._chapters(source))

    def _typography(self) -> None:
        reader, settings = self.reader, self.reader.settings
        spacing = settings.line_spacing if settings else 160
        rows = settings.page_width if settings else 0
        self.page.set_typography(reader.text.font(), spacing, rows, reader.theme)

    # ------------------------------------------------------ selection, marks
    def _mirror_selection(self) -> None:
        """The vertical selection as the horizontal page's cursor (what the annotation
        actions, copy and the status line read)."""
        start, end = self.page.selection()
        reader = self.reader
        cursor = QTextCursor(reader.text.document())
        cursor.setPosition(reader.view_to_qt(start))
        cursor.setPosition(reader.view_to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        bar = reader.text.verticalScrollBar()
        kept = bar.value()
        reader.text.setTextCursor(cursor)
        bar.setValue(kept)  # the hidden page keeps its place

    def _marks(self, start: int, end: int) -> list[Mark]:
        return self._painted(start, end) + self._find_marks(start, end)

    def _painted(self, start: int, end: int) -> list[Mark]:
        """Highlights and notes as painted on the horizontal document, in view offsets."""
        reader = self.reader
        doc = reader.text.document()
        q0, q1 = reader.view_to_qt(start), reader.view_to_qt(end)
        out: list[Mark] = []
        block = doc.findBlock(q0)
        while block.isValid() and block.position() < q1:
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                brush: QBrush = fragment.charFormat().background()
                if brush.style() != Qt.BrushStyle.NoBrush:
                    f0 = fragment.position()
                    v0, v1 = reader.qt_to_view(f0), reader.qt_to_view(f0 + fragment.length())
                    out.append((v0, v1, QColor(brush.color())))
                it += 1
            block = block.next()
        return out

    def _find_marks(self, start: int, end: int) -> list[Mark]:
        """Find hits on the page (the reader's matches, in canonical offsets)."""
        reader = self.reader
        matches, current = reader._matches, reader._current_match  # the reader's find state
        if not matches:
            return []
        c0, c1 = reader.to_canonical(start), reader.to_canonical(end, "end")
        starts = [s for s, _ in matches]
        lo, hi = max(0, bisect_left(starts, c0) - 1), bisect_right(starts, c1)
        out: list[Mark] = []
        for i in range(lo, min(hi, len(matches))):
            v0, v1 = reader.to_view(matches[i][0]), reader.to_view(matches[i][1])
            if v0 is not None and v1 is not None:
                theme = reader.theme
                colour = QColor(theme.current_match if i == current else theme.match)
                out.append((v0, v1, colour))
        return out

    def _context_menu(self, pos: QPoint) -> None:
        """The text's context menu (the annotation layer listens on the horizontal page):
        the selection is already mirrored there."""
        viewport = self.reader.text.viewport()
        local = viewport.mapFromGlobal(self.page.mapToGlobal(pos))
        self.reader.text.customContextMenuRequested.emit(local)
