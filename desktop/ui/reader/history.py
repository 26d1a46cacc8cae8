"""Back and forward across jumps (Alt+Left / Alt+Right, the mouse's side buttons).

A place is a document id and a canonical offset, never a scroll position, so it
survives script, clean/raw and pinyin toggles, zoom and a document's progressive load.
The reader says where each jump left from (``ReaderPane.placeLeft``: Contents, search
results, annotations, bookmarks, find, the status-line slider, Go ▸ …, opening another
document); scrolling by hand is not a jump and records nothing, nor is a move that
leaves the place it left still in view (the next match on the same page, the text put
back at its place after re-wrapping to a new width).

One user action is one step back, however many moves it makes on the way: opening a
search result opens the document and then selects the first hit; the annotations panel
goes to a place and then selects the text.  So after a recorded jump, further jumps
until control returns to the event loop are part of it.  Likewise typing in the find
bar moves from match to match as the query grows: those moves add no step, so Back
returns to where the reader was before typing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import QLineEdit

from desktop.ui.reader.pane import ReaderPane

if TYPE_CHECKING:
    from desktop.ui.app.main_window import MainWindow

__all__ = ["HISTORY_LIMIT", "Place", "ReadingHistory"]

log = logging.getLogger(__name__)

#: Places kept behind (and ahead of) the reader; the oldest go first.
HISTORY_LIMIT = 100

Place = tuple[str, int]  # (document id, canonical offset)


class ReadingHistory(QObject):
    """The places jumped from, to go back to, and those gone back from, to go forward to.

    ``open_document(doc_id)`` opens a document in the reader (the window's, which
    reports a document that cannot be read); ``exists(doc_id)`` tells whether it is
    still in the library: removed documents are skipped and dropped.
    """

    changed = Signal()  # what Back and Forward can do changed

    def __init__(
        self,
        reader: ReaderPane,
        open_document: Callable[[str], None],
        exists: Callable[[str], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.reader = reader
        self._open_document = open_document
        self._exists = exists
        self._back: list[Place] = []
        self._forward: list[Place] = []
        self._moving = False  # Back/Forward under way: their own moves are not jumps
        self._in_action = False  # a jump was recorded and control has not come back yet
        self._typed = False  # the find query was edited since the last jump
        self._typing_edit: QLineEdit | None = None
        self._typing_landed: Place | None = None  # where the last find-typing jump landed
        self.back_action = QAction(self.tr("&Back"), self)
        self.back_action.setToolTip(self.tr("Back to where you were before the last jump"))
        self.back_action.triggered.connect(lambda _=False: self.back())
        self.forward_action = QAction(self.tr("&Forward"), self)
        self.forward_action.setToolTip(self.tr("Forward to where you went back from"))
        self.forward_action.triggered.connect(lambda _=False: self.forward())
        self.changed.connect(self._enable_actions)
        reader.placeLeft.connect(self.record)
        for widget in (reader, reader.text.viewport()):
            widget.installEventFilter(self)
        self._enable_actions()

    @classmethod
    def install(cls, window: MainWindow) -> ReadingHistory:
        """Back and forward for ``window``'s reader; removed documents leave the history."""
        library = window.library

        def exists(doc_id: str) -> bool:
            try:
                library.get(doc_id)
            except KeyError:
                return False
            return True

        history = cls(window.reader, window.open_document, exists, window)
        history.merge_typing_in(window.find_bar.edit)
        window.bridge.changed.connect(
            lambda event, doc_id: history.forget_document(doc_id) if event == "removed" else None
        )
        return history

    # ------------------------------------------------------------------ state
    def here(self) -> Place | None:
        """The reader's document and place now (None with no document open)."""
        if self.reader.doc_id is None:
            return None
        return self.reader.doc_id, self.reader.current_canonical()

    def back_places(self) -> list[Place]:
        """Places Back goes to, the next one last."""
        return list(self._back)

    def forward_places(self) -> list[Place]:
        """Places Forward goes to, the next one last."""
        return list(self._forward)

    def can_go_back(self) -> bool:
        return bool(self._back)

    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def _enable_actions(self) -> None:
        self.back_action.setEnabled(self.can_go_back())
        self.forward_action.setEnabled(self.can_go_forward())

    # -------------------------------------------------------------- recording
    def merge_typing_in(self, edit: QLineEdit) -> None:
        """Jumps made while the query of ``edit`` (the find bar's) is typed are one step."""
        self._typing_edit = edit
        edit.textEdited.connect(self._query_edited)

    def _query_edited(self) -> None:
        self._typed = True

    def record(self, doc_id: str, offset: int) -> None:
        """A jump left ``(doc_id, offset)`` and has landed where the reader is now."""
        edit = self._typing_edit  # still typing there: a menu or panel has the focus else
        typed = self._typed and edit is not None and edit.hasFocus()
        self._typed = False
        here = self.here()
        if self._moving or here is None or self._still_in_view(doc_id, offset):
            return
        if self._in_action or (typed and self._typing_landed == (doc_id, offset)):
            self._typing_landed = here if typed else None
            return  # a later move of the same action, or the query grew by a character
        self._typing_landed = here if typed else None
        self._push(self._back, (doc_id, offset))
        self._forward.clear()
        self._in_action = True
        QTimer.singleShot(0, self, self._action_done)
        self.changed.emit()

    def _still_in_view(self, doc_id: str, offset: int) -> bool:
        """Whether the place left is still on screen: the move was a nudge (the text
        re-wrapped to a new width and was put back at its place, the next match on the
        same page), and Back to it would go nowhere the reader cannot see."""
        reader = self.reader
        if doc_id != reader.doc_id or not reader.pieces():
            return False
        if reader.vertical.on:  # the vertical page is shown, the horizontal one hidden
            top, bottom = reader.vertical.page.visible_range()
            if bottom <= top:
                return False
            first = reader.to_canonical(top)
            last = reader.to_canonical(bottom - 1, "end")
            return first <= offset <= last
        viewport = reader.text.viewport()
        top = reader.text.cursorForPosition(QPoint(0, 0)).position()
        corner = QPoint(viewport.width() - 1, viewport.height() - 1)
        bottom = reader.text.cursorForPosition(corner).position()
        first = reader.to_canonical(reader.qt_to_view(top))
        last = reader.to_canonical(reader.qt_to_view(bottom), "end")
        return first <= offset <= last

    def _action_done(self) -> None:
        self._in_action = False

    @staticmethod
    def _push(stack: list[Place], place: Place) -> None:
        if stack and stack[-1] == place:
            return
        stack.append(place)
        del stack[:-HISTORY_LIMIT]

    def clear(self) -> None:
        self._back.clear()
        self._forward.clear()
        self.changed.emit()

    def forget_document(self, doc_id: str) -> None:
        """Drop every place in ``doc_id`` (the document was removed)."""
        self._back = [p for p in self._back if p[0] != doc_id]
        self._forward = [p for p in self._forward if p[0] != doc_id]
        self.changed.emit()

    # ------------------------------------------------------------- navigating
    def back(self) -> bool:
        """Return to the place before the last jump; False if there is none."""
        return self._step(self._back, self._forward)

    def forward(self) -> bool:
        """Go again to the place Back returned from; False if there is none."""
        return self._step(self._forward, self._back)

    def _step(self, source: list[Place], target: list[Place]) -> bool:
        here = self.here()
        while source:
            place = source.pop()
            if place != here and self._exists(place[0]) and self._go(place):
                if here is not None:
                    self._push(target, here)
                self.changed.emit()
                return True
        self.changed.emit()
        return False

    def _go(self, place: Place) -> bool:
        """Show ``place``; False if its document could not be opened."""
        doc_id, offset = place
        self._moving = True
        try:
            if self.reader.doc_id != doc_id:
                self._open_document(doc_id)
            if self.reader.doc_id != doc_id:
                log.info("history: %s could not be opened; skipped", doc_id)
                return False
            self.reader.go_to_canonical(min(offset, len(self.reader.canonical)))
            return True
        finally:
            self._moving = False

    # ------------------------------------------------------------------ mouse
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The mouse's back and forward buttons over the reader."""
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if event.button() == Qt.MouseButton.BackButton:
                self.back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.forward()
                return True
        return super().eventFilter(watched, event)
