"""Library search: a search box above the library, results in place of the list.

:class:`SearchPane` wraps the library pane: while a query is active the results
(title, source · date, snippet with the hits marked, in the reader's chosen script)
replace the library table; Esc clears the query and brings the library back.
Typing searches after a short pause, in the background through the
:class:`~desktop.ui.index_service.IndexService`.  Opening a result emits
:attr:`SearchPane.openRequested` with the document's canonical hit ranges, which
:class:`HitNavigator` marks in the reader and steps through (F3 / Shift+F3).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.search import SearchResults
from desktop.core.views import ViewOptions
from desktop.ui.index_service import IndexService
from desktop.ui.search_model import (
    HITS_ROLE,
    ID_ROLE,
    ROW_ROLE,
    OptionsFor,
    ResultRow,
    SearchResultsModel,
    make_row,
    row_html,
    snippet_window,
)
from desktop.ui.settings import AppSettings

__all__ = ["DEBOUNCE_MS", "HitNavigator", "SearchPane", "view_options"]

#: Pause after the last keystroke before searching.
DEBOUNCE_MS = 250
_Index = QModelIndex | QPersistentModelIndex


def view_options(settings: AppSettings, doc_id: str) -> ViewOptions:
    """The view options the reader opens ``doc_id`` with (its script, clean, pinyin)."""
    return ViewOptions(
        clean=settings.clean,
        script=settings.document_script(doc_id),
        phrases=settings.phrases,
        pinyin=settings.pinyin,
    )


class _ResultDelegate(QStyledItemDelegate):
    """Paints a result row as rich text (bold title, dim details, marked snippet)."""

    PAD = 6

    def _document(self, option: QStyleOptionViewItem, row: ResultRow) -> QTextDocument:
        palette = option.palette  # type: ignore[attr-defined]
        dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
        doc = QTextDocument()
        doc.setDefaultFont(option.font)  # type: ignore[attr-defined]
        doc.setDocumentMargin(0)
        mark, mark_text = ("#8a6d00", "#ffffff") if dark else ("#ffe680", "#000000")
        dim = palette.color(QPalette.ColorRole.PlaceholderText).name()
        doc.setHtml(row_html(row, dim=dim, mark=mark, mark_text=mark_text))
        width = option.rect.width() or 360  # type: ignore[attr-defined]
        doc.setTextWidth(max(120, width - 2 * self.PAD))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        row = index.data(ROW_ROLE)
        if not isinstance(row, ResultRow):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None  # type: ignore[attr-defined]
        text = option.text  # type: ignore[attr-defined]
        option.text = ""  # type: ignore[attr-defined]
        if style is not None:  # background, selection and focus, without the text
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)  # type: ignore[attr-defined]
        option.text = text  # type: ignore[attr-defined]
        doc = self._document(option, row)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))  # type: ignore[attr-defined]
        painter.save()
        painter.translate(option.rect.left() + self.PAD, option.rect.top() + self.PAD)  # type: ignore[attr-defined]
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        row = index.data(ROW_ROLE)
        if not isinstance(row, ResultRow):
            return super().sizeHint(option, index)
        self.initStyleOption(option, index)
        view = option.widget  # type: ignore[attr-defined]
        if isinstance(view, QListView):
            option.rect.setWidth(view.viewport().width())  # type: ignore[attr-defined]
        doc = self._document(option, row)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 2 * self.PAD + 1)


class SearchPane(QWidget):
    """Search box above ``library_widget``; results replace it while a query is active."""

    openRequested = Signal(str, list)  #: doc id, canonical hit ranges
    resultsShown = Signal(int)  #: how many rows are listed (after each search)

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
        self.options_for = options_for
        self.last_results: SearchResults | None = None
        self._windows: dict[str, tuple[int, str]] = {}
        self._query = ""
        self._pending = False
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
        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText(
            self.tr('Search the library — 简体 or 繁體, "phrases", -exclude, title:…')
        )
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName(self.tr("Search the library"))
        self.search_box.installEventFilter(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Search status"))
        self.message.setContentsMargins(4, 2, 4, 2)
        self.model = SearchResultsModel(self)
        self.results = QListView(self)
        self.results.setModel(self.model)
        self.results.setItemDelegate(_ResultDelegate(self.results))
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setUniformItemSizes(False)
        self.results.setAlternatingRowColors(True)
        self.results.activated.connect(self._open_index)
        self.results.installEventFilter(self)
        page = QWidget(self)
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.setSpacing(2)
        page_layout.addWidget(self.message)
        page_layout.addWidget(self.results, 1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(library_widget)
        self.stack.addWidget(page)
        self.results_page = page
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search_box)
        layout.addWidget(self.stack, 1)

    # ---------------------------------------------------------------- queries
    @property
    def showing_results(self) -> bool:
        return self.stack.currentWidget() is self.results_page

    @property
    def searching(self) -> bool:
        """True while a typed query waits for its results."""
        return self._timer.isActive() or self._pending

    def _typed(self, text: str) -> None:
        if not text.strip():
            self.show_library()
            return
        self._timer.start()

    def run_search(self) -> None:
        """Search for the box's text now (in the background)."""
        self._timer.stop()
        query = self.search_box.text().strip()
        if not query:
            self.show_library()
            return
        self._query = query
        self._pending = True
        self.stack.setCurrentWidget(self.results_page)
        if not self.service.ready and self.service.error is None:
            self.message.setText(self.tr("Waiting for the search index…"))
        elif not self.model.rowCount():
            self.message.setText(self.tr("Searching…"))
        self.service.search(
            query, self._found_for(query), self._failed_for(query), prepare=self._windows_of
        )

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
        self.message.setText(self.tr("Search failed: {m}").format(m=message))
        self.resultsShown.emit(0)

    def _show_rows(self) -> None:
        results = self.last_results
        if results is None:
            return
        rows = [self._row(hit) for hit in results.hits]
        self.model.set_rows(rows)
        self.message.setText(self._summary(results))
        if rows and not self.results.currentIndex().isValid():
            self.results.setCurrentIndex(self.model.index(0, 0))

    def _row(self, hit: Any) -> ResultRow:
        try:
            record = self.library.get(hit.doc_id)
        except KeyError:
            record = None
        options = self.options_for(hit.doc_id)
        return make_row(hit, record, options, self._windows.get(hit.doc_id))

    def _summary(self, results: SearchResults) -> str:
        parts: list[str] = []
        if results.hint:
            parts.append("⚠ " + results.hint)
        if not results.total:
            parts.append(self.tr("No documents match “{q}”.").format(q=self._query))
        elif results.total > len(results.hits):
            parts.append(
                self.tr("{n} documents match; the best {k} are shown.").format(
                    n=results.total, k=len(results.hits)
                )
            )
        else:
            parts.append(self.tr("{n} document(s) match.").format(n=results.total))
        if not self.service.ready and self.service.error:
            parts.append(self.service.error)
        return "\n".join(parts)

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

    def show_library(self) -> None:
        """Leave the results: the library list comes back (the query is cleared)."""
        self._timer.stop()
        self._pending = False
        self._query = ""
        self.last_results = None
        self._windows = {}
        self.model.set_rows([])
        self.message.clear()
        if self.search_box.text():
            self.search_box.blockSignals(True)
            self.search_box.clear()
            self.search_box.blockSignals(False)
        self.stack.setCurrentIndex(0)

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
        if key == Qt.Key.Key_Down and self.model.rowCount():
            self.results.setFocus()
            return True
        return super().eventFilter(watched, event)


class HitNavigator(QObject):
    """Marks a search's hits in the reader and steps through them.

    The hits are canonical ranges; the reader maps them through whatever view it
    shows.  They are put back after the reader resets its view (script switch,
    progressive load) unless ``yields()`` says another owner (the find bar) has
    the reader's matches now.
    """

    changed = Signal(int, int)  #: current hit (0-based), number of hits

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

    @property
    def active(self) -> bool:
        """True when the open document has search hits to step through."""
        return bool(self.hits) and self.doc_id is not None and self.reader.doc_id == self.doc_id

    def show(self, doc_id: str, hits: list[tuple[int, int]]) -> None:
        """The reader now shows ``doc_id``: mark ``hits`` and go to the first."""
        self.doc_id = doc_id
        self.hits = sorted((int(s), int(e)) for s, e in hits)
        self.current = 0 if self.hits else -1
        self._apply(select=True)

    def clear(self) -> None:
        self.doc_id, self.hits, self.current = None, [], -1

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
