"""Loading a document's view into the reader's page, piece by piece.

A big document's view is built and inserted a piece at a time (:class:`PieceTable`
decides the ranges): the piece around the reading place at once, the others from a
zero-delay timer, those after the loaded text first, then those before it.  One step
builds and inserts one piece, sized so that the loader's own work (building the view,
inserting and formatting its text, putting the place back) stays within
:data:`STEP_BUDGET`; what the listeners of ``pieceLoaded`` do with a piece (the
vertical page, highlights, the ruby) mostly costs the same whatever the size, so it
does not shrink the pieces.  The timer is armed again only once a step is over, so the event
loop paints and reads input between any two steps (a repeating zero timer could run
twice in one pass).

The loader also keeps the *anchor*, the canonical place last gone to, on the first
line while the page changes under it: text added after the page can rewrap the lines
(the scroll bar appears), text added before it moves everything down, and a resize
rewraps every line above it.  It knows nothing of documents, jumps or positions saved:
:class:`~desktop.ui.reader.pane.ReaderPane` owns it and listens to its signals.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QTextBlockFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout, QTextEdit

from desktop.core.views import ViewOptions
from desktop.ui.common.app_settings import AppSettings
from desktop.ui.reader.pieces import Piece, PieceTable

__all__ = ["PieceLoader"]

MIN_CHUNK = 4_000
FIRST_CHUNK = 20_000
#: Most characters one step builds and inserts.  Inserting into a QTextDocument costs
#: 0.03-0.1 µs a character (it varies threefold from step to step on a busy machine),
#: so a step stays short even when the estimate from the last one was too kind.
STEP_CHUNK = 100_000
#: Seconds of the loader's own work one step aims at: with the listeners of
#: ``pieceLoaded`` and a paint it fits well within the 50 ms the reader may freeze.
STEP_BUDGET = 0.008
#: How much larger a piece may be than the last one, when that one took less time.
GROWTH = 1.5
#: A document with fewer characters is cleared in place; a bigger one is swapped for a
#: new, empty document (clearing it blocks) and freed after the next paint.
CLEAR_IN_PLACE = 100_000


class Page(Protocol):
    """What the loader needs of the page (:class:`desktop.ui.reader.page.Page`, not
    imported: the page module looks back at the reader pane)."""

    def document(self) -> QTextDocument: ...
    def setDocument(self, document: QTextDocument, /) -> None: ...
    def setExtraSelections(self, selections: Sequence[QTextEdit.ExtraSelection], /) -> None: ...
    def clear(self) -> None: ...
    def font(self) -> QFont: ...
    def fontMetrics(self) -> QFontMetrics: ...
    def top_qt(self) -> int: ...
    def top_line_range(self) -> tuple[int, int]: ...
    def scroll_line_to_top(self, cursor: QTextCursor, /) -> None: ...


class PieceLoader(QObject):
    """Builds and inserts the pieces of one view into ``page``, keeping the place read."""

    pieceLoaded = Signal(int, int)  # canonical (start, end) of text just added
    started = Signal(int)  # a new view holds its first piece: the canonical place to show
    finished = Signal()  # every piece of the view is loaded

    def __init__(
        self,
        page: Page,
        settings: AppSettings | None,
        decorate: Callable[[Piece], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.page = page
        self.settings = settings
        self._decorate = decorate  # formats a piece's text once inserted (the ruby)
        self.table = PieceTable()
        self.anchor: int | None = None  # the canonical place last gone to
        self._chunk = FIRST_CHUNK
        self._generation = 0  # counts resets and stops: a step of an older load ends
        self._stepping = False
        self._heard = 0.0  # seconds the listeners of pieceLoaded took in this step
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)  # armed again after each step (see the module)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self._step)
        self.new_document()

    @property
    def loading(self) -> bool:
        """Whether pieces of the view are still to be loaded."""
        return self.timer.isActive() or self._stepping

    def stop(self) -> None:
        """Load no further pieces (those loaded stay)."""
        self._generation += 1
        self.timer.stop()

    # --------------------------------------------------------------- documents
    def reset(self, canonical: str, options: ViewOptions) -> None:
        """Drop the loaded text: an empty view of ``canonical`` with ``options``."""
        self.stop()
        self.table = PieceTable(canonical, options)
        self.page.setExtraSelections([])
        old = self.page.document()
        if old.characterCount() < CLEAR_IN_PLACE:
            self.page.clear()
            return
        self.new_document()  # clearing a big document blocks: swap in a new one
        old.deleteLater()  # ours, not the widget's: freed later, after the page is painted

    def new_document(self) -> None:
        """Give the page a new, empty document with the page's font."""
        doc = QTextDocument(self.parent())
        doc.setDocumentLayout(QPlainTextDocumentLayout(doc))
        doc.setUndoRedoEnabled(False)
        # A new document starts with the application's font (9 pt), and setFont() with
        # the font the widget already has does not pass it on: set it here, or the text
        # is drawn small while the toolbar shows the chosen size.
        doc.setDefaultFont(self.page.font())
        self.page.setDocument(doc)
        self._document = doc  # keeps the Python wrapper tied to the live document

    def start(self, canonical: str, options: ViewOptions, position: int) -> None:
        """Load the view of ``canonical`` with ``options`` around canonical ``position``:
        the piece holding it now (``started`` says where to go), the others from the
        timer.  A load under way is dropped."""
        self.reset(canonical, options)
        generation = self._generation
        start, end = self.table.first_range(position)
        self._insert(self.table.build(start, end), at_end=True)
        self.started.emit(position)
        if generation == self._generation:  # not stopped or started again meanwhile
            self._next()

    # ------------------------------------------------------------------- steps
    def _step(self) -> None:
        generation, began = self._generation, time.perf_counter()
        start, end, at_end = self.table.next_range(self._chunk)
        self._stepping, self._heard = True, 0.0
        try:
            self._insert(self.table.build(start, end), at_end=at_end)
        finally:
            self._stepping = False
        if generation != self._generation:
            return  # stopped or started again by a listener of pieceLoaded
        own = max(time.perf_counter() - began - self._heard, 1e-4)
        scale = min(GROWTH, STEP_BUDGET / own)
        self._chunk = int(min(STEP_CHUNK, max(MIN_CHUNK, self._chunk * scale)))
        self._next()

    def _next(self) -> None:
        if self.table.more_to_load():
            self.timer.start()
        else:
            self.finished.emit()

    def _insert(self, piece: Piece, *, at_end: bool) -> None:
        """Add a built piece's text to the page, after or before the loaded text."""
        # Text added after the page can still move it (the scroll bar appears and the
        # lines rewrap narrower): the place gone to is put back on the first line.
        kept = self.anchor if self.anchor_on_top() else None
        if at_end:
            self._append(piece, kept)
        else:
            self._prepend(piece, kept)

    def _append(self, piece: Piece, kept: int | None) -> None:
        q0, q1 = self.table.append(piece)
        cursor = QTextCursor(self.page.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(piece.view.text)
        self._format(piece, q0, q1)
        self._announce(piece)
        if kept is not None and not self.anchor_on_top():
            self.scroll_to_canonical(kept)

    def _prepend(self, piece: Piece, kept: int | None) -> None:
        top = self.page.top_qt()
        added = self.table.prepend(piece)
        QTextCursor(self.page.document()).insertText(piece.view.text)
        self._format(piece, 0, added)
        self._announce(piece)
        if kept is not None:
            self.scroll_to_canonical(kept)
        else:
            self.scroll_to_qt(top + added)  # the text shown stays where it was

    def _announce(self, piece: Piece) -> None:
        """Tell the listeners a piece is in, timing them (see :data:`STEP_BUDGET`)."""
        began = time.perf_counter()
        self.pieceLoaded.emit(piece.canon_start, piece.canon_end)
        self._heard += time.perf_counter() - began

    def _format(self, piece: Piece, q0: int, q1: int) -> None:
        # Lines inserted next to text with the spacing take its block format (one
        # format for the whole insert): merging it again would only lay them out again.
        if not (self._spaced(q0) and self._spaced(q1)):
            self.apply_line_spacing(q0, q1)
        self._decorate(piece)

    def _spacing(self) -> QTextBlockFormat:
        """The settings' line spacing and paragraph gap, as a block format."""
        percent = self.settings.line_spacing if self.settings else 160
        fmt = QTextBlockFormat()
        fmt.setLineHeight(percent, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        fmt.setBottomMargin(self.page.fontMetrics().height() * 0.4)
        return fmt

    def _spaced(self, qt_offset: int) -> bool:
        """Whether the line at a Qt position has the spacing already."""
        cursor = QTextCursor(self.page.document())
        cursor.setPosition(qt_offset)
        have, want = cursor.blockFormat(), self._spacing()
        return (have.lineHeight(), have.lineHeightType(), have.bottomMargin()) == (
            want.lineHeight(),
            want.lineHeightType(),
            want.bottomMargin(),
        )

    def apply_line_spacing(self, start: int, end: int) -> None:
        """The settings' line spacing and paragraph gap on Qt positions ``[start, end)``."""
        cursor = QTextCursor(self.page.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeBlockFormat(self._spacing())

    # ------------------------------------------------------------ place kept
    def anchor_on_top(self) -> bool:
        """Whether the place last gone to is on the first line shown."""
        view = None if self.anchor is None else self.table.place_to_view(self.anchor)
        if view is None:
            return False
        first, last = self.page.top_line_range()
        return first <= self.table.view_to_qt(view) < last

    def scroll_to_canonical(self, canonical: int) -> None:
        """Put the line holding a loaded reading place first (nothing if not loaded)."""
        view = self.table.place_to_view(canonical)
        if view is not None:
            self.scroll_to_qt(self.table.view_to_qt(view))

    def scroll_to_qt(self, qt_offset: int) -> None:
        """Put the line holding a Qt position first."""
        cursor = QTextCursor(self.page.document())
        cursor.setPosition(max(0, min(qt_offset, self.table.qt_length)))
        self.page.scroll_line_to_top(cursor)

    def keep_place_across_rewrap(self) -> None:
        """The page is about to be rewrapped at a new width (the scroll bar appearing as
        the text loads, the window or a panel resized): the lines above the place change,
        so the place read would slide off the first line.  Put it back once rewrapped."""
        if self.anchor is None or not self.anchor_on_top():
            return
        anchor = self.anchor

        def put_back() -> None:
            if self.anchor == anchor and not self.anchor_on_top():
                self.scroll_to_canonical(anchor)

        QTimer.singleShot(0, self, put_back)
