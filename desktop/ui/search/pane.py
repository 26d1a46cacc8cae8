"""Library search: one search field above the library, results in place of the list.

:class:`SearchPane` wraps the library pane and takes over its search field: typing
filters the list by title, author and source at once; Enter (or a short pause) runs
the full-text search in the background through the
:class:`~desktop.ui.search.index_service.IndexService`, and the results (title, source ·
date, snippet with the hits marked, in the reader's chosen script) replace the
list; Esc clears the field and brings the library back.  Opening a result emits
:attr:`SearchPane.openRequested` with the document's canonical hit ranges, which
:class:`HitNavigator` marks in the reader and steps through (F3 / Shift+F3).
"""

from __future__ import annotations

import html
import itertools
import logging
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStackedWidget,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.core.script import HAN
from desktop.core.search import SearchResults
from desktop.core.views import ViewOptions
from desktop.core.views.rules import ConversionRule
from desktop.ui.common.app_settings import AppSettings
from desktop.ui.common.plain import plain_label
from desktop.ui.search.index_service import IndexService
from desktop.ui.search.model import (
    HITS_ROLE,
    ID_ROLE,
    OptionsFor,
    ResultDelegate,
    ResultRow,
    SearchResultsModel,
    make_row,
    snippet_window,
    translate_hint,
)

__all__ = ["DEBOUNCE_MS", "HitNavigator", "SearchPane", "view_options", "worth_searching"]

log = logging.getLogger(__name__)

# Pause after the last keystroke before searching the full text.
DEBOUNCE_MS = 300
_HAN = re.compile(f"[{HAN}]")
_LATIN = re.compile(r"[A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


def view_options(
    settings: AppSettings,
    doc_id: str,
    rules_for: Callable[[str], tuple[ConversionRule, ...]] | None = None,
) -> ViewOptions:
    """The view options the reader opens ``doc_id`` with (its script, clean, pinyin,
    and the conversion rules ``rules_for(doc_id)`` gives: ``ReaderPane.rules_for``)."""
    return ViewOptions(
        clean=settings.clean,
        script=settings.document_script(doc_id),
        phrases=settings.phrases,
        pinyin=settings.pinyin,
        rules=rules_for(doc_id) if rules_for is not None else (),
    )


def worth_searching(text: str) -> bool:
    """True when typing ``text`` should search the full text after a pause.

    One Han character is enough; Latin needs two letters or digits (one letter would
    match nearly everything).  Enter searches any text.
    """
    return bool(_HAN.search(text)) or len(_LATIN.findall(text)) >= 2


class SearchPane(QWidget):
    """One search field above ``library_widget``; full-text results replace the list.

    Typing filters the library list at once (by title, author and source); Enter, or a
    pause of :data:`DEBOUNCE_MS` after a query worth searching (:func:`worth_searching`),
    runs the full-text search.  Esc clears the field and brings the whole list back.
    """

    openRequested = Signal(str, list)  # doc id, canonical hit ranges
    resultsShown = Signal(int)  # how many rows are listed (after each search)
    searchClosed = Signal()  # the results were left (Esc, field cleared): hits end too

    def __init__(
        self,
        library_widget: QWidget,
        service: IndexService,
        library: Any,
        options_for: OptionsFor,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.library = library
        self.library_widget = library_widget
        self.options_for = options_for
        self.last_results: SearchResults | None = None
        self._windows: dict[str, tuple[int, str]] = {}
        self._query = ""
        self._pending = False
        #: A query typed while the first index is built, searched once it is ready.
        self._awaiting = ""
        self._build(library_widget)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(self._typed)
        service.indexChanged.connect(self._index_changed)
        service.readyChanged.connect(lambda _ready: self._index_changed())

    # ------------------------------------------------------------------ set-up
    def _build(self, library_widget: QWidget) -> None:
        self.search_box = self._search_field(library_widget)
        self.search_box.setToolTip(self.syntax_help())
        self.search_box.setAccessibleDescription(self.syntax_help())
        self.search_box.installEventFilter(self)
        self.help_button = QToolButton(self)
        self.help_button.setText("?")
        self.help_button.setToolTip(self.tr("How to search"))
        self.help_button.setAccessibleName(self.tr("How to search"))
        self.help_button.clicked.connect(self.show_syntax_help)
        self.results_page = self._build_results_page()
        self.stack = QStackedWidget(self)
        self.stack.addWidget(library_widget)
        self.stack.addWidget(self.results_page)
        row = QHBoxLayout()
        row.setSpacing(2)
        row.addWidget(self.search_box, 1)
        row.addWidget(self.help_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.stack, 1)
        table = getattr(library_widget, "table", None)
        chain: list[QWidget] = [self.search_box]
        chain += [table] if isinstance(table, QWidget) else []
        chain += [self.results, self.help_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _search_field(self, library_widget: QWidget) -> QLineEdit:
        take = getattr(library_widget, "take_search_field", None)
        if callable(take):
            box = take()
            box.setParent(self)
            return box
        box = QLineEdit(self)
        box.setPlaceholderText(self.tr("Search the full text…"))
        box.setClearButtonEnabled(True)
        box.setAccessibleName(self.tr("Search the library"))
        return box

    def _build_results_page(self) -> QWidget:
        page = QWidget(self)
        self.message = plain_label(parent=page, wrap=True)  # holds the query and paths
        self.message.setAccessibleName(self.tr("Search status"))
        self.message.setContentsMargins(4, 2, 4, 2)
        self.model = SearchResultsModel(self)
        self.results = QListView(page)
        self.results.setModel(self.model)
        self.results.setItemDelegate(ResultDelegate(self.results))
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setUniformItemSizes(False)
        self.results.setAlternatingRowColors(True)
        self.results.activated.connect(self._open_index)
        self.results.installEventFilter(self)
        self.empty_label = QLabel(page)
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)  # our markup, query escaped
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setContentsMargins(24, 24, 24, 24)
        self.empty_label.setAccessibleName(self.tr("No results"))
        self.empty_label.hide()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.message)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.empty_label, 1)
        return page

    def syntax_help(self) -> str:
        """The query syntax in a few lines (tool tip of the field, help button)."""
        return self.tr(
            "Type to filter the list by title, author or source; press Enter to search "
            "the full text. 简体 and 繁體 find each other.\n"
            '"two words" finds a phrase, -word leaves documents out, a OR b finds either.\n'
            "title:, author:, source:, notes: search one field; script:traditional, "
            "format:epub and published:2024 or published:2024-08..2024-12 narrow the list."
        )

    def show_syntax_help(self) -> None:
        """Show the query syntax beside the help button."""
        corner = self.help_button.rect().bottomLeft()
        QToolTip.showText(
            self.help_button.mapToGlobal(corner), self.syntax_help(), self.help_button
        )

    # ---------------------------------------------------------------- queries
    @property
    def showing_results(self) -> bool:
        return self.stack.currentWidget() is self.results_page

    @property
    def searching(self) -> bool:
        """True while a typed query waits for its results."""
        return self._timer.isActive() or self._pending or bool(self._awaiting)

    def _typed(self, text: str) -> None:
        if not text.strip():
            self.show_library()
        elif worth_searching(text):
            self._timer.start()
        else:  # too short to search the full text: the filtered list is the answer
            self._timer.stop()
            if self.showing_results:
                self._leave_results()

    def run_search(self) -> None:
        """Search for the field's text now (in the background)."""
        self._timer.stop()
        query = self.search_box.text().strip()
        if not query:
            self.show_library()
            return
        if not self.service.ready and self.service.error is None:
            # The first index is being built (a big library: many minutes) or paused:
            # the list stays filtered by title, author and source, as typed, and the
            # full text is searched once the index is ready (_index_changed).  The
            # status bar shows the index's progress.
            if self.showing_results:
                self._leave_results()
            self._awaiting = query
            return
        self._awaiting = ""
        self._query = query
        self._pending = True
        self.stack.setCurrentWidget(self.results_page)
        if not self.model.rowCount():
            self._set_message(self.tr("Searching…"))
        self.service.search(
            query, self._found_for(query), self._failed_for(query), prepare=self._windows_of
        )

    def _set_message(self, text: str, empty: str = "") -> None:
        """Show ``text`` above the results, or ``empty`` in place of an empty list."""
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.empty_label.setText(empty)
        self.empty_label.setVisible(bool(empty))
        self.results.setVisible(not empty)

    def _windows_of(self, results: SearchResults) -> dict[str, tuple[int, str]]:
        """In the worker: canonical text around each snippet (files are read here)."""
        windows: dict[str, tuple[int, str]] = {}
        for hit in results.hits:
            try:
                windows[hit.doc_id] = snippet_window(self.library.text(hit.doc_id), hit)
            except (KeyError, OSError, ValueError):
                continue
        return windows

    def _found_for(self, query: str) -> Callable[[SearchResults, Any], None]:
        return lambda results, windows: self._found(query, results, windows)

    def _failed_for(self, query: str) -> Callable[[str], None]:
        return lambda message: self._failed(query, message)

    def _found(self, query: str, results: SearchResults, windows: Any) -> None:
        if query != self._query or not self.showing_results:
            return  # an older query, or the search was closed meanwhile
        self._pending = False
        self.last_results = results
        self._windows = windows if isinstance(windows, dict) else {}
        self._show_rows()
        self.resultsShown.emit(self.model.rowCount())

    def _failed(self, query: str, message: str) -> None:
        if query != self._query:
            return
        self._pending = False
        self.model.set_rows([])
        log.warning("search for %r failed: %s", query, message)
        self._set_message(
            self.tr(
                "The search failed. Try again, or restart Tongwen; Help ▸ Open the Log File "
                "shows the details."
            )
        )
        self.resultsShown.emit(0)

    def _show_rows(self) -> None:
        results = self.last_results
        if results is None:
            return
        rows = [self._row(hit) for hit in results.hits]
        self.model.set_rows(rows)
        if rows:
            self._set_message(self._summary(results))
        else:
            self._set_message(self._warnings(results), self._no_match_html())
        if rows and not self.results.currentIndex().isValid():
            self.results.setCurrentIndex(self.model.index(0, 0))

    def _row(self, hit: Any) -> ResultRow:
        try:
            record = self.library.get(hit.doc_id)
        except KeyError:
            record = None
        options = self.options_for(hit.doc_id)
        return make_row(hit, record, options, self._windows.get(hit.doc_id))

    def _warnings(self, results: SearchResults) -> str:
        parts: list[str] = []
        if results.hint:
            parts.append("⚠ " + translate_hint(results.hint))
        if not self.service.ready and self.service.error:
            parts.append(self.service.error)
        return "\n".join(parts)

    def _summary(self, results: SearchResults) -> str:
        if results.estimated:
            count = self.tr(
                "About %n document(s) match; the best {k} are shown.", "", results.total
            )
            count = count.format(k=len(results.hits))
        elif results.total > len(results.hits):
            count = self.tr("%n document(s) match; the best {k} are shown.", "", results.total)
            count = count.format(k=len(results.hits))
        else:
            count = self.tr("%n document(s) match.", "", results.total)
        warnings = self._warnings(results)
        return f"{warnings}\n{count}" if warnings else count

    def _no_match_html(self) -> str:
        head = self.tr("No document contains “{query}”.").format(query=html.escape(self._query))
        tip = self.tr(
            "Check the spelling or use fewer words; 简体 and 繁體 find each other. "
            "Press Esc to see the whole library again."
        )
        return f"<p><b>{head}</b></p><p>{html.escape(tip)}</p>"

    def refresh_display(self) -> None:
        """Re-render the rows (the reader's script may have changed)."""
        if self.showing_results and self.last_results is not None:
            current = self.results.currentIndex().row()
            self._show_rows()
            if 0 <= current < self.model.rowCount():
                self.results.setCurrentIndex(self.model.index(current, 0))

    def _index_changed(self) -> None:
        if self.showing_results and self._query:
            self._timer.start()
        elif self._awaiting and self.service.ready:
            if self.search_box.text().strip() == self._awaiting:
                self.run_search()
            else:
                self._awaiting = ""

    def _leave_results(self) -> None:
        self._timer.stop()
        self._pending = False
        self._awaiting = ""
        self._query = ""
        self.last_results = None
        self._windows = {}
        self.model.set_rows([])
        self._set_message("")
        self.stack.setCurrentIndex(0)

    def show_library(self) -> None:
        """Leave the results: the whole library list comes back (the field is cleared)."""
        self._leave_results()
        self.search_box.clear()  # the list's filter follows the field
        self.searchClosed.emit()

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    # ------------------------------------------------------------------ opening
    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.openRequested.emit(str(index.data(ID_ROLE)), list(index.data(HITS_ROLE)))

    def open_current(self) -> None:
        """Open the selected result (or the first one)."""
        index = self.results.currentIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0, 0)
        self._open_index(index)

    # --------------------------------------------------------------------- keys
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return super().eventFilter(watched, event)
        key = event.key() if isinstance(event, QKeyEvent) else None
        if key == Qt.Key.Key_Escape and self.showing_results:
            if kind == QEvent.Type.KeyPress:
                self.show_library()
                self.search_box.setFocus()
            event.accept()
            return True
        if kind != QEvent.Type.KeyPress or watched is not self.search_box:
            return super().eventFilter(watched, event)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.run_search()
            return True
        if key == Qt.Key.Key_Down and self.showing_results and self.model.rowCount():
            if not self.results.currentIndex().isValid():
                self.results.setCurrentIndex(self.model.index(0, 0))
            self.results.setFocus()
            return True
        return super().eventFilter(watched, event)


class HitNavigator(QObject):
    """Marks a search's hits in the reader and steps through them.

    The hits are canonical ranges; the reader maps them through whatever view it
    shows.  They are put back after the reader resets its view (script switch,
    progressive load) unless ``yields()`` says another owner (the find bar) has
    the reader's matches now.  Esc in the reader ends them (:meth:`dismiss`): marks
    that outlive the search that made them look like part of the text, and F3 would
    keep walking them.
    """

    changed = Signal(int, int)  # current hit (0-based), number of hits

    def __init__(
        self,
        reader: Any,
        parent: QObject | None = None,
        *,
        yields: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__(parent)
        self.reader = reader
        self.yields = yields
        self.doc_id: str | None = None
        self.hits: list[tuple[int, int]] = []
        self.current = -1
        self._reapply = QTimer(self)
        self._reapply.setSingleShot(True)
        self._reapply.setInterval(0)
        self._reapply.timeout.connect(self._put_back)
        reader.viewReset.connect(self._reapply.start)
        reader.loadFinished.connect(self._reapply.start)
        reader.text.installEventFilter(self)

    @property
    def active(self) -> bool:
        """True when the open document has search hits to step through."""
        return bool(self.hits) and self.doc_id is not None and self.reader.doc_id == self.doc_id

    def show(self, doc_id: str, hits: list[tuple[int, int]]) -> None:
        """The reader now shows ``doc_id``: mark ``hits`` and go to the first."""
        self.doc_id = doc_id
        self.hits = [hit for hit in sorted((int(s), int(e)) for s, e in hits) if self._shown(hit)]
        self.current = 0 if self.hits else -1
        self._apply(select=True)

    def _shown(self, hit: tuple[int, int]) -> bool:
        """Whether the view shows the hit: not in a line the clean view hides (the title
        line the header shows); a hit in a part not loaded yet counts as shown."""
        start, end = self.reader.to_view(hit[0]), self.reader.to_view(hit[1])
        return start is None or end is None or end > start

    def clear(self) -> None:
        self.doc_id, self.hits, self.current = None, [], -1

    def dismiss(self) -> None:
        """End the hits: their marks leave the reader and F3 no longer steps through them.

        The reader's matches are left alone when they are not ours (another document
        shown, or the find bar owns them).
        """
        self._reapply.stop()
        marked = self.active and not self.yields()
        self.clear()
        if marked:
            self.reader.set_find_matches([])
        self.changed.emit(-1, 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Esc in the reader dismisses the marks; without marks Esc goes on as before."""
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return super().eventFilter(watched, event)
        is_escape = isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape
        if not is_escape or not self.active or self.yields():
            return super().eventFilter(watched, event)
        if kind == QEvent.Type.KeyPress:
            self.dismiss()
        event.accept()  # claims Esc from window shortcuts while the marks are up
        return True

    def next(self) -> None:
        self._step(+1)

    def previous(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if not self.active:
            return
        self.current = (self.current + delta) % len(self.hits)
        self._apply(select=True)

    def _apply(self, *, select: bool) -> None:
        self._reapply.stop()
        self.reader.set_find_matches(self.hits, self.current if select else -1)
        self.changed.emit(self.current, len(self.hits))

    def _put_back(self) -> None:
        if self.reader.doc_id != self.doc_id:
            self.clear()
        elif self.hits and not self.yields():
            self._apply(select=False)
