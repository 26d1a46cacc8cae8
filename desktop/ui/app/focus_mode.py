"""Distraction-free reading (F11): the page alone, full screen.

Everything but the text goes away: menu bar, toolbars, panels (docks), the library
and search pane, the status bar and the reader's title and details header.  The
controls come back while the pointer rests at an edge -- the top edge brings the menu
bar and toolbars, the right edge the panels that were open -- and go again when it
leaves.  Esc or F11 leaves the mode and puts back exactly what was there: the window
state (a maximised window stays maximised), docks and toolbars where they were, the
splitter's sizes, every widget that was shown.

Hiding the library pane or a panel changes the page's width, and a narrower or wider
page wraps its lines elsewhere; the reading place (``ReaderPane.current_canonical``)
is therefore taken just before each resize of the page in the mode (and while the
window settles after it) and gone back to just after, so entering, leaving and
revealing never move the text read.  Other resizes are left to the reader.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QMargins, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QCursor, QKeyEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QFrame, QToolBar, QWidget

if TYPE_CHECKING:
    from desktop.ui.app.main_window import MainWindow

__all__ = ["EDGE_PX", "FocusMode"]

log = logging.getLogger(__name__)

#: The pointer within this many pixels of the top or right edge brings controls back.
EDGE_PX = 3
#: Revealed controls stay while the pointer is this close to them (no flicker at the rim).
LEAVE_MARGIN_PX = 24
#: After leaving, the window's own resizes (the window manager restores the size a
#: little later) keep the place this long; a generous bound, not a wait.
SETTLE_MS = 2000
#: How often the pointer is looked at while the mode is on (the page has no mouse
#: tracking, and the pointer can reach an edge over any child widget).
POLL_MS = 100


@dataclass
class _Layout:
    """What the window showed before the mode: put back exactly on leaving."""

    window_state: Qt.WindowState
    docks_and_toolbars: QByteArray
    splitter: QByteArray
    shown: list[QWidget] = field(default_factory=list)  #: chrome widgets that were visible
    docks: list[QDockWidget] = field(default_factory=list)
    toolbars: list[QToolBar] = field(default_factory=list)
    shown_in_mode: list[QDockWidget] = field(default_factory=list)  #: panels opened meanwhile
    page_margins: QMargins = field(default_factory=QMargins)
    page_frame: QFrame.Shape = QFrame.Shape.StyledPanel


class FocusMode(QObject):
    """Distraction-free mode of a :class:`MainWindow`: :meth:`toggle` is F11."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._saved: _Layout | None = None
        self._place: tuple[str, int] | None = None  #: (document, place) once re-wrapped
        self._settling = QTimer(self)  #: running while the window returns from the mode
        self._settling.setSingleShot(True)
        self._settling.setInterval(SETTLE_MS)
        self.top_revealed = False
        self.side_revealed = False
        self._revealing = False  #: a Show that this mode asked for, not one to undo
        self._kept_hidden: dict[int, QWidget] = {}  #: id → widget hidden for the mode
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._look_at_pointer)
        self._page = window.reader.text
        window.installEventFilter(self)
        self._page.installEventFilter(self)
        window.reader.viewReset.connect(self._forget_place)  # a new document or view

    @classmethod
    def install(cls, window: MainWindow) -> FocusMode:
        """Give ``window`` its distraction-free mode."""
        return cls(window)

    @property
    def active(self) -> bool:
        return self._saved is not None

    # ---------------------------------------------------------------- on / off
    def toggle(self) -> None:
        """F11: into the mode, or back out of it."""
        if self.active:
            self.leave()
        else:
            self.enter()

    def enter(self) -> None:
        """Full screen with only the page; focus on the text so reading keys work."""
        if self.active:
            return
        w = self.window
        self._saved = _Layout(
            window_state=w.windowState(),
            docks_and_toolbars=w.saveState(),
            splitter=w.splitter.saveState(),
            shown=[c for c in self._chrome() if c.isVisible()],
            docks=[d for d in self._docks() if d.isVisible()],
            toolbars=[t for t in self._toolbars() if t.isVisible()],
            page_margins=w.reader.layout_box.contentsMargins(),
            page_frame=w.reader.text.frameShape(),
        )
        for widget in (*self._saved.shown, *self._saved.docks, *self._saved.toolbars):
            widget.hide()
        self._keep_hidden([*self._chrome(), *self._docks()])
        top, bottom = self._saved.page_margins.top(), self._saved.page_margins.bottom()
        w.reader.layout_box.setContentsMargins(0, top, 0, bottom)  # the page edge to edge
        w.reader.text.setFrameShape(QFrame.Shape.NoFrame)
        w.setWindowState(w.windowState() | Qt.WindowState.WindowFullScreen)
        w.reader.text.setFocus(Qt.FocusReason.OtherFocusReason)
        self._settling.stop()
        self._poll.start()
        log.info("distraction-free reading on")

    def leave(self) -> None:
        """Back to the window as it was before :meth:`enter`."""
        saved, self._saved = self._saved, None
        if saved is None:
            return
        self._settling.start()  # the resizes of leaving keep the place too
        self._poll.stop()
        self._keep_hidden([])
        self.top_revealed = self.side_revealed = False
        w = self.window
        w.setWindowState(saved.window_state)
        w.reader.layout_box.setContentsMargins(saved.page_margins)
        w.reader.text.setFrameShape(saved.page_frame)
        for widget in saved.shown:
            widget.show()
        w.restoreState(saved.docks_and_toolbars)
        for dock in saved.shown_in_mode:
            dock.show()
        w.splitter.restoreState(saved.splitter)
        log.info("distraction-free reading off")

    # ------------------------------------------------------------------ edges
    def pointer_at(self, pos: QPoint) -> None:
        """The pointer is at ``pos`` (window coordinates): reveal or hide controls."""
        if not self.active or QApplication.activePopupWidget() is not None:
            return  # a menu or a combo box list is open: leave everything as it is
        width = self.window.width()
        at_top = 0 <= pos.y() < EDGE_PX and 0 <= pos.x() < width
        at_right = width - EDGE_PX <= pos.x() < width + EDGE_PX and pos.y() >= 0
        if at_top:
            self._reveal_top(True)
        elif self.top_revealed and pos.y() > self._top_bottom() + LEAVE_MARGIN_PX:
            self._reveal_top(False)
        if at_right:
            self._reveal_side(True)
        elif self.side_revealed and pos.x() < self._side_left() - LEAVE_MARGIN_PX:
            self._reveal_side(False)

    def _look_at_pointer(self) -> None:
        if QApplication.activeModalWidget() is None:
            self.pointer_at(self.window.mapFromGlobal(QCursor.pos()))

    def _reveal_top(self, show: bool) -> None:
        if show == self.top_revealed or self._saved is None:
            return
        self.top_revealed = show
        self._revealing = True
        self.window.menuBar().setVisible(show)
        for toolbar in self._saved.toolbars:
            toolbar.setVisible(show)
        self._revealing = False
        if not show:
            self._page_takes_focus_from(self.window.menuBar(), *self._saved.toolbars)

    def _reveal_side(self, show: bool) -> None:
        if show == self.side_revealed or self._saved is None:
            return
        docks = self._side_docks(self._saved)
        self.side_revealed = show
        self._revealing = True
        for dock in docks:
            dock.setVisible(show)
        self._revealing = False
        if not show:
            self._page_takes_focus_from(*docks)

    def _side_docks(self, saved: _Layout) -> list[QDockWidget]:
        """The panels the right edge brings: those open before, else the contents of a
        document that has chapters."""
        if saved.docks:
            return saved.docks
        return [self.window.toc_dock] if self.window.reader.chapter_offsets() else []

    def _top_bottom(self) -> int:
        """The lowest y (window coordinates) of the revealed menu bar and toolbars."""
        shown = [self.window.menuBar(), *(self._saved.toolbars if self._saved else [])]
        return max((w.geometry().bottom() for w in shown if w.isVisible()), default=0)

    def _side_left(self) -> int:
        """The leftmost x (window coordinates) of the revealed panels."""
        docks = [d for d in self._docks() if d.isVisible() and not d.isFloating()]
        return min((d.geometry().left() for d in docks), default=self.window.width())

    def _page_takes_focus_from(self, *hidden: QWidget) -> None:
        """Reading keys go to the page again once the controls that had focus go."""
        focus = QApplication.focusWidget()
        if focus is None or any(h.isAncestorOf(focus) or h is focus for h in hidden):
            self.window.reader.text.setFocus(Qt.FocusReason.OtherFocusReason)

    # ----------------------------------------------------------------- events
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._page:  # compared as Python objects: safe while Qt tears down
            if event.type() == QEvent.Type.Resize:
                self._keep_place_across_resize()
            return False
        if id(watched) in self._kept_hidden:
            if event.type() == QEvent.Type.Show and not self._revealing:
                self._shown_meanwhile(self._kept_hidden[id(watched)])
            return False
        if self.active and event.type() == QEvent.Type.Close:
            self.leave()  # the window saves its layout on closing: the real one
        elif self.active and _is_plain_escape(event):
            self.leave()  # reached the window: nothing inside wanted it
            return True
        return False

    def _keep_hidden(self, widgets: list[QWidget]) -> None:
        """Watch ``widgets`` for the window showing one of them during the mode (a
        first highlight opens the annotations panel, a new document the tips)."""
        for widget in self._kept_hidden.values():
            widget.removeEventFilter(self)
        self._kept_hidden = {id(w): w for w in widgets}
        for widget in widgets:
            widget.installEventFilter(self)

    def _shown_meanwhile(self, widget: QWidget) -> None:
        """Hide it again until the mode ends (or the edge reveals it); shown after."""
        saved = self._saved
        if saved is None:
            return
        if isinstance(widget, QDockWidget):
            if not any(widget is d for d in saved.docks):
                saved.docks.append(widget)
            if not any(widget is d for d in saved.shown_in_mode):
                saved.shown_in_mode.append(widget)
            if self.side_revealed:
                return
        elif not any(widget is c for c in saved.shown):
            saved.shown.append(widget)
        QTimer.singleShot(0, widget, lambda: self._hide_again(widget))

    def _hide_again(self, widget: QWidget) -> None:
        if self.active and not (self.side_revealed and isinstance(widget, QDockWidget)):
            widget.hide()

    def _keep_place_across_resize(self) -> None:
        """The page is about to re-wrap at a new size: go back to the place after.

        Only for the resizes of the mode (entering, revealing, leaving): other
        resizes are the reader's business.  Several can come before the event loop
        runs again (full screen, then the panes hidden); the place is the one from
        before the first of them.
        """
        reader = self.window.reader
        if not (self.active or self._settling.isActive()) or reader.doc_id is None:
            return
        if self._place is None:
            self._place = (reader.doc_id, reader.current_canonical())
            QTimer.singleShot(0, self, self._back_to_place)

    def _back_to_place(self) -> None:
        kept, self._place = self._place, None
        reader = self.window.reader
        if kept is None or reader.doc_id != kept[0]:
            return
        if reader.current_canonical() != kept[1]:
            reader.restore_place(kept[1])  # the place kept, not a jump to go Back from

    def _forget_place(self) -> None:
        """The reader places a new document or view itself: no going back."""
        self._place = None

    # ---------------------------------------------------------------- helpers
    def _chrome(self) -> list[QWidget]:
        """Everything hidden besides docks and toolbars: bars, library pane, header."""
        w, reader = self.window, self.window.reader
        return [
            w.menuBar(),
            w.statusBar(),
            w.search_pane,
            reader.title_label,
            reader.meta_label,
            w.reader_toolbar.hint_bar,
        ]

    def _docks(self) -> list[QDockWidget]:
        return self.window.findChildren(QDockWidget)

    def _toolbars(self) -> list[QToolBar]:
        return self.window.findChildren(QToolBar)


def _is_plain_escape(event: QEvent) -> bool:
    return (
        event.type() == QEvent.Type.KeyPress
        and isinstance(event, QKeyEvent)
        and event.key() == Qt.Key.Key_Escape
        and event.modifiers() == Qt.KeyboardModifier.NoModifier
    )
