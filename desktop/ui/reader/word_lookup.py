"""The pop-up dictionary in the reader: which word, when, and where it is marked.

A word is looked up (:class:`WordLookup`)

- when the pointer moves over the text with **Ctrl** held (⌘ on macOS): Alt would
  open the menu bar on release under Windows and KDE, and Shift extends a selection;
- when the pointer moves over the text in **look-up mode** (:meth:`WordLookup.set_mode`);
- by the Look Up action: the selected text, else the word under the pointer, else the
  word at the text cursor.

The longest dictionary word starting at that character is found in the view's own
text (any script, clean or raw: the dictionary looks it up through its folded form)
and shown by :class:`~desktop.ui.reader.dictionary_popup.DictionaryPopup`; the word is
marked on the page.  Left and Right step to the previous and next word (on to the next
lines), Esc closes the card; a click on it keeps it.  The first look-up loads the
dictionary in a worker: the card says "Loading the dictionary…" meanwhile and shows
the word once it is ready.  Words are found in the loaded piece of the view the place
is in (pieces end at line ends, so a word never spans two).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QCursor, QKeyEvent, QMouseEvent, QPainter, QTextCursor
from PySide6.QtWidgets import QWidget

from desktop.ui.reader.aid_sources import AidSources, PieceEntry, piece_at
from desktop.ui.reader.dictionary_popup import DictionaryPopup

if TYPE_CHECKING:
    from desktop.core.dictionary import Word

if TYPE_CHECKING:
    from desktop.ui.reader.pane import ReaderPane

__all__ = ["LookupSurface", "WordLookup"]

#: Lines Left and Right look through for the next word before giving up.
STEP_LINES = 50
#: Opacity (0-255) of the mark over the word shown.
MARK_ALPHA = 110


# -- vertical mode (issue 19)
class LookupSurface(Protocol):
    """Another page showing the view (the vertical page): where words are and shown."""

    @property
    def widget(self) -> QWidget:
        """The page (pointer and keys are watched on it)."""
        ...

    def view_at(self, point: QPoint) -> int | None:
        """The view offset of the character under ``point`` of the widget, if any."""
        ...

    def boxes(self, v0: int, v1: int) -> list[QRectF]:
        """The widget's rectangles of view ``[v0, v1)`` shown."""
        ...

    def reveal(self, view: int) -> None:
        """Show the character at view offset ``view``."""
        ...

    def step_of(self, event: QKeyEvent) -> int:
        """+1 (next word) or -1 (previous) for an arrow key, else 0."""
        ...


# -- end vertical mode


class WordLookup(QObject):
    """Finds the word to show, shows it in the pop-up and marks it on the page."""

    def __init__(self, reader: ReaderPane, sources: AidSources) -> None:
        super().__init__(reader)
        self.reader, self.sources = reader, sources
        self.popup = DictionaryPopup(reader)
        self.mode = False  #: look-up mode: hovering looks words up
        #: The word shown: its piece (by canonical start) and the word in its view.
        self.current: tuple[int, Word] | None = None
        self._pending: tuple[int, int | None, bool] | None = None  # view offset, end, says
        self._stepping = False
        #: Vertical mode (issue 19): the page words are found on and shown, when not the text.
        self.surface: LookupSurface | None = None
        page = reader.text
        self._page, self._viewport = page, page.viewport()  # kept: compared in eventFilter
        self._viewport.setMouseTracking(True)
        self._viewport.installEventFilter(self)
        page.installEventFilter(self)
        page.add_overlay(self._paint_mark)
        page.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.popup.closed.connect(self._popup_closed)
        self.popup.stepRequested.connect(self._step_asked)
        reader.viewReset.connect(self.close)
        reader.typographyChanged.connect(self._recolour)
        sources.dictionaryReady.connect(self._dictionary_ready)
        sources.dictionaryFailed.connect(self._dictionary_failed)
        self._recolour()

    # -- vertical mode (issue 19)
    def _area(self) -> QWidget:
        """The widget the words are shown in: the text's viewport or the surface."""
        return self.surface.widget if self.surface is not None else self._viewport

    def set_surface(self, surface: LookupSurface | None) -> None:
        """Find and show words on ``surface`` (None: on the text again)."""
        self.close()
        self.surface = surface
        self.set_mode(self.mode)

    def _step_asked(self, direction: int) -> None:
        """Left/Right on the card: on a vertical page, Left reads on (the next column)."""
        self.step(-direction if self.surface is not None else direction)

    # -- end vertical mode

    # ------------------------------------------------------------------ modes
    def set_mode(self, on: bool) -> None:
        """Look-up mode: pointing at a word looks it up, no key held."""
        self.mode = bool(on)
        shape = Qt.CursorShape.WhatsThisCursor if self.mode else Qt.CursorShape.IBeamCursor
        self.reader.text.viewport().setCursor(shape)
        if self.surface is not None:
            self.surface.widget.setCursor(shape)
        if not self.mode and not self.popup.pinned:
            self.close()

    def close(self) -> None:
        """Close the card and unmark the word."""
        self._pending = None
        self.popup.dismiss()
        self._unmark()

    def _popup_closed(self) -> None:
        self._unmark()
        (self.surface.widget if self.surface is not None else self.reader.text).setFocus()

    def _unmark(self) -> None:
        if self.current is not None:
            self.current = None
            self._area().update()

    # -------------------------------------------------------------- look-ups
    def look_up_here(self) -> bool:
        """The Look Up action: the selection, else the word under the pointer, else the
        word at the text cursor."""
        page = self.reader.text
        cursor = page.textCursor()
        if cursor.hasSelection():
            v0 = self.reader.qt_to_view(cursor.selectionStart())
            v1 = self.reader.qt_to_view(cursor.selectionEnd())
            return self.look_up_view(v0, v1, say_none=True)
        area = self._area()
        pointer = area.mapFromGlobal(QCursor.pos())
        if area.rect().contains(pointer) and (view := self.view_at(pointer)) is not None:
            return self.look_up_view(view, say_none=True)
        return self.look_up_view(self.reader.qt_to_view(cursor.position()), say_none=True)

    def look_up_at(self, point: QPoint) -> bool:
        """Look up the word starting at the character under viewport ``point``."""
        view = self.view_at(point)
        return view is not None and self.look_up_view(view)

    def view_at(self, point: QPoint) -> int | None:
        """The loaded-view offset of the character under viewport ``point`` (None over
        the margins, blank space after a line's end, or an empty page)."""
        if self.surface is not None:
            return self.surface.view_at(point)
        page = self.reader.text
        if not self.reader.pieces():
            return None
        cursor = page.cursorForPosition(point)
        q = cursor.position()
        here = page.cursorRect(cursor)
        if not here.top() <= point.y() <= here.bottom():
            return None
        if point.x() < here.left():  # the right half of the character before
            q -= 1
            cursor.setPosition(max(0, q))
            here = page.cursorRect(cursor)
        cursor.setPosition(min(q + 1, page.document().characterCount() - 1))
        after = page.cursorRect(cursor)
        if q < 0 or after.top() != here.top() or not here.left() <= point.x() <= after.left():
            return None
        return self.reader.qt_to_view(q)

    def view_at_text(self, point: QPoint) -> int | None:
        """:meth:`view_at` for a point of the text's viewport (the context menu's, which
        the vertical page passes on through the text)."""
        if self.surface is not None:
            point = self.surface.widget.mapFromGlobal(self._viewport.mapToGlobal(point))
        return self.view_at(point)

    def look_up_view(
        self, view_offset: int, end: int | None = None, *, say_none: bool = False
    ) -> bool:
        """Show the longest word starting at ``view_offset`` (ending by ``end``); True if
        one is shown.  Without the dictionary yet: load it and show it when ready."""
        dictionary = self.sources.dictionary()
        entry = piece_at(self.reader.pieces(), view_offset)
        if entry is None:
            return False
        if dictionary is None:
            self._pending = (view_offset, end, say_none)
            self.sources.want_dictionary()
            self._show_message(entry, view_offset, self.tr("Loading the dictionary…"))
            return False
        local = view_offset - entry[0]
        limit = None if end is None else max(local + 1, end - entry[0])
        word = dictionary.longest_match(entry[2].text, local, limit)
        if word is None:
            if say_none:
                shown = entry[2].text[local : limit if limit is not None else local + 1]
                message = self.tr("“{text}” is not in the dictionary.").format(text=shown)
                self._show_message(entry, view_offset, message)
            return False  # over punctuation or a space: a card shown stays till the pointer leaves
        self._show(entry, word)
        return True

    def _dictionary_ready(self) -> None:
        if self._pending is not None:
            view, end, say_none = self._pending
            self._pending = None
            self.look_up_view(view, end, say_none=say_none)

    def _dictionary_failed(self, problem: str) -> None:
        if self._pending is not None:
            view = self._pending[0]
            self._pending = None
            entry = piece_at(self.reader.pieces(), view)
            if entry is not None:
                headline = self.tr("The dictionary cannot be loaded.")
                self._show_message(entry, view, headline, problem)

    # ----------------------------------------------------------------- stepping
    def step(self, direction: int) -> bool:
        """Show the next (``+1``) or previous (``-1``) word; False at the piece's edge."""
        dictionary = self.sources.dictionary()
        if self.current is None or dictionary is None:
            return False
        canon, word = self.current
        entry = next((e for e in self.reader.pieces() if e[1] == canon), None)
        if entry is None:
            return False
        text = entry[2].text
        found = None
        at = word.end if direction > 0 else word.start
        for _ in range(STEP_LINES):
            if direction > 0:
                found = dictionary.next_word(text, at)
                newline = text.find("\n", at)
                if found is not None or newline < 0:
                    break
                at = newline + 1
            else:
                found = dictionary.previous_word(text, at)
                newline = text.rfind("\n", 0, at)
                if found is not None or newline < 0:
                    break
                at = newline
        if found is None:
            return False
        self._show(entry, found)
        return True

    # ------------------------------------------------------------------ showing
    def _show(self, entry: PieceEntry, word: Word) -> None:
        self.current = (entry[1], word)
        self._reveal(entry[0] + word.start)  # a word stepped to (or asked for) off screen
        self.popup.show_word(word, zhuyin_first=self.reader.options.script == "taiwan")
        self._place(entry[0] + word.start, entry[0] + word.end)
        self._area().update()

    def _show_message(self, entry: PieceEntry, view: int, headline: str, more: str = "") -> None:
        self.current = None
        self.popup.show_message(headline, more)
        self._reveal(view)
        self._place(view, view + 1)
        self._area().update()

    def _reveal(self, view: int) -> None:
        """Scroll the page so that the character at ``view`` is on screen."""
        if self.surface is not None:
            self._stepping = True
            try:
                self.surface.reveal(view)
            finally:
                self._stepping = False
            return
        page = self.reader.text
        cursor = QTextCursor(page.document())
        cursor.setPosition(self.reader.view_to_qt(view))
        if page.viewport().rect().contains(page.cursorRect(cursor)):
            return
        self._stepping = True
        try:
            page.setTextCursor(cursor)
            page.ensureCursorVisible()
        finally:
            self._stepping = False

    def _place(self, v0: int, v1: int) -> None:
        boxes = self.boxes(v0, v1)
        if not boxes:
            return
        box = boxes[0].toAlignedRect()
        for other in boxes[1:]:
            box = box.united(other.toAlignedRect())
        top_left = self._area().mapTo(self.reader, box.topLeft())
        self.popup.place(QRect(top_left, box.size()), beside=self.surface is not None)

    def boxes(self, v0: int, v1: int) -> list[QRectF]:
        """The viewport rectangles of loaded view ``[v0, v1)``, one per line it is on."""
        if self.surface is not None:
            return self.surface.boxes(v0, v1)
        page = self.reader.text
        cursor = QTextCursor(page.document())
        q0, q1 = self.reader.view_to_qt(v0), self.reader.view_to_qt(v1)
        last = page.document().characterCount() - 1
        found: list[QRectF] = []
        for q in range(q0, min(q1, last)):
            cursor.setPosition(q)
            here = page.cursorRect(cursor)
            cursor.setPosition(q + 1)
            after = page.cursorRect(cursor)
            if after.top() != here.top():  # the line wraps after this character
                width = float(page.fontMetrics().horizontalAdvance("中"))
            else:
                width = float(after.left() - here.left())
            if width <= 0:
                continue
            box = QRectF(here.left(), here.top(), width, here.height())
            if found and found[-1].top() == box.top() and found[-1].right() >= box.left() - 1:
                found[-1] = found[-1].united(box)
            else:
                found.append(box)
        return found

    def marked(self) -> tuple[int, int] | None:
        """The loaded-view range of the word shown, if any."""
        if self.current is None:
            return None
        canon, word = self.current
        entry = next((e for e in self.reader.pieces() if e[1] == canon), None)
        return None if entry is None else (entry[0] + word.start, entry[0] + word.end)

    def _paint_mark(self, painter: QPainter, _rect: QRect) -> None:
        marked = self.marked()
        if marked is None or self.surface is not None:
            return
        colour = QColor(self.reader.theme.selection)
        colour.setAlpha(MARK_ALPHA)
        for box in self.boxes(*marked):
            painter.fillRect(box, colour)

    def _recolour(self) -> None:
        theme = self.reader.theme
        self.popup.recolour(theme.hint, theme.text)  # the first-run hint's colours

    # ------------------------------------------------------------------- events
    def scrolled(self) -> None:
        """The page moved: a card not kept closes."""
        self._scrolled()

    def _scrolled(self) -> None:
        if self._stepping or not self.popup.isVisible():
            return
        if self.popup.pinned:
            self._area().update()
        else:
            self.close()

    def _near(self, point: QPoint) -> bool:
        """Whether viewport ``point`` is on the word shown, on the card, or between."""
        marked = self.marked()
        viewport = self._area()
        card = QRect(viewport.mapFrom(self.reader, self.popup.pos()), self.popup.size())
        area = card
        if marked is not None:
            for box in self.boxes(*marked):
                area = area.united(box.toAlignedRect())
        margin = self.reader.text.fontMetrics().height()
        return area.adjusted(-margin, -margin, margin, margin).contains(point)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        surface = self.surface  # vertical mode (issue 19): the vertical page's events
        if surface is not None and watched is surface.widget:
            if isinstance(event, QMouseEvent):
                self._mouse(event)
            elif (
                isinstance(event, QKeyEvent)
                and event.type() == QEvent.Type.KeyPress
                and self.popup.isVisible()
            ):
                if step := surface.step_of(event):
                    self.step(step)
                    return True
                return self.popup.handle_key(event)  # Esc
            return super().eventFilter(watched, event)
        if watched is self._viewport and isinstance(event, QMouseEvent):
            self._mouse(event)
        elif (
            watched is self._page
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and self.popup.isVisible()
        ):
            return self.popup.handle_key(event)
        return super().eventFilter(watched, event)

    def _mouse(self, event: QMouseEvent) -> None:
        kind = event.type()
        point = event.position().toPoint()
        if kind == QEvent.Type.MouseButtonPress:
            if self.popup.isVisible() and not self.popup.pinned:
                self.close()
            return
        if kind != QEvent.Type.MouseMove or event.buttons() != Qt.MouseButton.NoButton:
            return
        looking = self.mode or bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if looking and not self.popup.pinned:
            view = self.view_at(point)
            marked = self.marked()
            if view is not None and not (marked and marked[0] <= view < marked[1]):
                self.look_up_view(view)
                return
        if self.popup.isVisible() and not self.popup.pinned and not self._near(point):
            self.close()
