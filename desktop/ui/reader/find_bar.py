"""Find in the document (Ctrl+F): a query in either script finds matches in the view.

Both sides are folded by :mod:`desktop.core.fold` (the same folding as search and the
library filter: script, width, case, line breaks between Han characters) and searched
as Python strings, never with ``QTextDocument.find``.  Folding can change lengths, so
the folded text keeps an offset map back to the view.  The loaded pieces of the reader are
searched a few at a time from a zero-delay timer (each piece's fold is cached), and
matches are handed to the reader as canonical ranges, which survive pieces loading
before them and script switches.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from desktop.core.fold import find_folded, fold, fold_plain
from desktop.core.offsetmap import OffsetMap
from desktop.ui.reader.pane import ReaderPane

if TYPE_CHECKING:
    from desktop.core.views import TextView

__all__ = ["FindBar"]

_STEP_BUDGET = 0.015


class FindBar(QWidget):
    """Query box, match count, previous/next; highlights through the reader."""

    closed = Signal()

    def __init__(self, reader: ReaderPane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Find in document (either script)"))
        self.edit.setAccessibleName(self.tr("Find in document"))
        self.edit.setClearButtonEnabled(True)
        self.edit.installEventFilter(self)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("Matches found"))
        self.prev_button = self._button("↑", self.tr("Previous match (Shift+Enter)"), self.previous)
        self.next_button = self._button("↓", self.tr("Next match (Enter)"), self.next)
        close = self._button("✕", self.tr("Close the find bar (Esc)"), self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (self.edit, self.count_label, self.prev_button, self.next_button, close):
            layout.addWidget(widget)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar)
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        self._folds: dict[int, tuple[TextView, str, OffsetMap]] = {}
        self._todo: list[tuple[int, int, TextView]] = []
        self._found: list[tuple[int, int]] = []
        self._needle = ""
        self._jump = False
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._search_step)
        self.edit.textChanged.connect(lambda _: self.search(jump=True))
        reader.viewReset.connect(self._view_reset)
        reader.loadFinished.connect(lambda: self.search(jump=False))
        self.hide()

    def _button(self, text: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.clicked.connect(slot)
        return button

    # ------------------------------------------------------------------ showing
    def open_bar(self) -> None:
        """Show the bar with the reader's selection (if any) as the query."""
        selected = self.reader.text.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.edit.setText(selected)
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()
        self.search(jump=False)

    def close_bar(self) -> None:
        self._timer.stop()
        self.hide()
        self.reader.set_find_matches([])
        self.reader.text.setFocus()
        self.closed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            key = event if isinstance(event, QKeyEvent) else None
            if key is not None and key.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = key.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.previous() if shift else self.next()
                return True
        return super().eventFilter(watched, event)

    # ---------------------------------------------------------------- searching
    def _view_reset(self) -> None:
        if self.reader.doc_id is None:
            self._folds.clear()
        self.search(jump=False)

    def search(self, *, jump: bool) -> None:
        """(Re)start the search over the loaded pieces, a few per timer tick."""
        self._timer.stop()
        self._needle = fold_plain(self.edit.text()) if not self.isHidden() else ""
        self._todo = list(reversed(self.reader.pieces()))
        self._found = []
        self._jump = jump
        live = {id(view) for _, _, view in self._todo}
        self._folds = {k: v for k, v in self._folds.items() if k in live}
        if not self._needle:
            self._finish()
            return
        self.count_label.setText(self.tr("searching…"))
        self._timer.start()

    def _fold(self, view: TextView) -> tuple[str, OffsetMap]:
        cached = self._folds.get(id(view))
        if cached is None or cached[0] is not view:
            folded, mapping = fold(view.text)
            cached = (view, folded, mapping)
            self._folds[id(view)] = cached
        return cached[1], cached[2]

    def _search_step(self) -> None:
        began = time.perf_counter()
        while self._todo and time.perf_counter() - began < _STEP_BUDGET:
            _view_start, canon_start, view = self._todo.pop()
            folded, mapping = self._fold(view)
            for v0, v1 in find_folded(folded, mapping, self._needle):
                c0, c1 = view.canonical_range(v0, v1)
                self._found.append((canon_start + c0, canon_start + c1))
        if not self._todo:
            self._timer.stop()
            self._finish()

    def _finish(self) -> None:
        previous = self.matches[self.current] if 0 <= self.current < len(self.matches) else None
        self.matches = self._found
        if not self.matches:
            self.current = -1
        elif previous in self.matches and not self._jump:
            self.current = self.matches.index(previous)
        else:
            self.current = self._first_after(self.reader.current_canonical())
        jump = self._jump and self.current >= 0
        self.reader.set_find_matches(self.matches, self.current if jump else -1)
        self._show_count()

    def _first_after(self, canonical: int) -> int:
        for i, (start, _end) in enumerate(self.matches):
            if start >= canonical:
                return i
        return 0

    def _show_count(self) -> None:
        if not self._needle:
            self.count_label.setText("")
        elif not self.matches:
            self.count_label.setText(self.tr("no matches"))
        else:
            text = (
                self.tr("{i} of {n} (still loading…)")
                if self.reader.loading
                else self.tr("{i} of {n}")
            )
            self.count_label.setText(text.format(i=self.current + 1, n=len(self.matches)))

    # --------------------------------------------------------------- navigation
    def next(self) -> None:
        self._step(+1)

    def previous(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if not self.matches:
            return
        self.current = (self.current + delta) % len(self.matches)
        self.reader.set_find_matches(self.matches, self.current)
        self._show_count()
