"""The library pane: a search field above the tags and shelves and a sortable table.

The field filters the table by title, author and source as the reader types; the
:class:`~desktop.ui.search.pane.SearchPane` takes the same field (see
:meth:`LibraryPane.take_search_field`) to run full-text searches from it.  An empty
library shows how to import documents instead of an empty table.

The table fits the pane (:class:`ColumnFitter`): the title takes the room left, the
other columns are as wide as their contents (within a limit), and those that do not
fit give way, least wanted first, until the pane is wide enough again; at the
first-launch size the columns hid behind a horizontal scroll bar.

Above the table, the tags and shelves panel
(:class:`~desktop.ui.library.organise.OrganisePanel`, hidden and shown by
:attr:`LibraryPane.organise_action`) scopes it to a tag or a built-in shelf, or asks
for a shelf's search (``shelfQueryRequested``); a container that shows full-text
results in place of the pane can take the panel to keep it in view
(:meth:`LibraryPane.take_organise_panel`).
The table's menu has Tags… for the selected documents (``tagsRequested``).  The pane
only asks: the window writes tags and shelves through the core and hands the shelves
back (:meth:`LibraryPane.set_shelves`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.records import DocRecord, DocSummary
from desktop.core.shelves import Shelf
from desktop.ui.common.plain import plain_label
from desktop.ui.library.columns import COLUMNS, ID_ROLE
from desktop.ui.library.model import LibraryFilterProxy, LibraryTableModel
from desktop.ui.library.organise import BUILTIN, TAG, OrganisePanel
from desktop.ui.library.tag_dialog import TagDialog

__all__ = ["COLUMN_PRIORITY", "ColumnFitter", "LibraryPane"]

#: The columns beside the title, most wanted first: the last ones give way first
#: when the pane is narrow.
COLUMN_PRIORITY = (
    "progress",
    "source",
    "published",
    "annotations",
    "chars",
    "script",
    "imported",
    "last_read",
)
#: The widest a column beside the title gets, in pixels (a long source is cut).
MAX_COLUMN_WIDTH = 180
#: Rows beside those in view that a column's width is measured on.
MEASURED_ROWS = 100
#: Milliseconds after rows are sorted, filtered or added before the columns are
#: measured again (once for a burst of changes).
REFIT_DELAY_MS = 150
#: The title keeps at least this many average character widths.
TITLE_MIN_CHARS = 24


class ColumnFitter(QObject):
    """Keeps a library table within its viewport, with the title stretched.

    Widths of the other columns are measured when the rows change (not on every
    resize: that reads the rows); which of them are shown is decided on every
    resize of the viewport.  Columns the reader unticks in the header's menu stay
    hidden; the others are shown whenever there is room.
    """

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        self.unwanted: set[str] = set()
        self._widths: dict[int, int] = {}
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        # Columns are measured on the rows in view and this many more (Qt's default,
        # 1,000, asked 56,000 cells at 100,000 documents: 0.7 s before the first paint).
        header.setResizeContentsPrecision(MEASURED_ROWS)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_menu)
        table.viewport().installEventFilter(self)
        # Rows sorted, filtered or added are measured once a moment later (one
        # measure, ~40 ms at 100,000 documents, after a burst of them; a sort or a
        # key typed shows its rows without waiting for it); new rows and a new
        # language at once (the first paint shows fitted columns).
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(REFIT_DELAY_MS)
        self._later.timeout.connect(self.refit)
        model = table.model()
        for signal in (model.rowsInserted, model.layoutChanged):
            signal.connect(self._later.start)
        model.modelReset.connect(self.refit)
        model.headerDataChanged.connect(self.refit)

    def _column(self, key: str) -> int:
        return [k for k, _ in COLUMNS].index(key)

    def measure(self) -> None:
        """Width each column beside the title needs for its header and rows."""
        header = self.table.horizontalHeader()
        for key in COLUMN_PRIORITY:
            column = self._column(key)
            wanted = max(header.sectionSizeHint(column), self.table.sizeHintForColumn(column))
            self._widths[column] = min(wanted, MAX_COLUMN_WIDTH)

    def refit(self, *_: object) -> None:
        """Measure again (rows or language changed), then fit."""
        self._later.stop()
        self.measure()
        self.fit()

    def fit(self) -> None:
        """Show the wanted columns that fit beside a title of at least its minimum."""
        if not self._widths:
            self.measure()
        header = self.table.horizontalHeader()
        title_min = self.table.fontMetrics().averageCharWidth() * TITLE_MIN_CHARS
        room = self.table.viewport().width() - title_min
        full = False  # once a column does not fit, the less wanted ones wait too
        for key in COLUMN_PRIORITY:
            column = self._column(key)
            if key in self.unwanted:
                header.setSectionHidden(column, True)
                continue
            width = self._widths[column]
            full = full or width > room
            header.setSectionHidden(column, full)
            if not full:
                room -= width
                header.resizeSection(column, width)

    def menu(self) -> QMenu:
        """The header's menu: a tick for each column beside the title."""
        menu = QMenu(self.table)
        model = self.table.model()
        for key, _header in COLUMNS[1:]:
            column = self._column(key)
            label = model.headerData(column, Qt.Orientation.Horizontal)
            action = menu.addAction(str(label))
            action.setCheckable(True)
            action.setChecked(key not in self.unwanted)
            action.setData(column)
            action.setToolTip(self.tr("Shown when the library pane has room for it"))
            action.toggled.connect(lambda on, key=key: self.set_wanted(key, on))
        return menu

    def set_wanted(self, key: str, wanted: bool) -> None:
        """Show ``key``'s column when there is room (or never)."""
        if wanted:
            self.unwanted.discard(key)
        else:
            self.unwanted.add(key)
        self.fit()

    def _show_menu(self, pos: QPoint) -> None:
        menu = self.menu()
        menu.popup(self.table.horizontalHeader().mapToGlobal(pos))
        self._menu = menu  # kept while it is shown

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return super().eventFilter(watched, event)


class LibraryPane(QWidget):
    """Shows the library; emits requests, never acts on files itself."""

    openRequested = Signal(str)
    editRequested = Signal(str)
    reencodeRequested = Signal(str)
    removeRequested = Signal(list)
    importRequested = Signal()  # the empty library's Import button
    #: ids, tags to add, tags to remove (from Tags… on the selected documents)
    tagsRequested = Signal(list, list, list)
    #: a shelf of the reader's was chosen: run its query as a search
    shelfQueryRequested = Signal(str)
    shelfSaveRequested = Signal(str, str)  #: name, query: add a shelf (or change its query)
    shelfRemoveRequested = Signal(str)  #: name of a shelf to remove

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LibraryTableModel(self)
        self.proxy = LibraryFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter_box = self._build_field()
        self.table = self._build_table()
        self.organise = self._build_organise()
        self.list_page = QSplitter(Qt.Orientation.Vertical, self)
        self.list_page.addWidget(self.organise)
        self.list_page.addWidget(self.table)
        self.list_page.setStretchFactor(0, 0)
        self.list_page.setStretchFactor(1, 1)
        self.list_page.setCollapsible(0, False)  # hidden by organise_action instead
        self.list_page.setCollapsible(1, False)
        self.empty_page = self._build_empty_page()
        self.tag_dialog: TagDialog | None = None
        self.stack = QStackedWidget(self)
        # while the library is read for the first time (no catalogue yet): no "empty"
        self.reading_page = plain_label(parent=self)
        self.reading_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reading_page.setWordWrap(True)
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.empty_page)
        self.stack.addWidget(self.reading_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.stack, 1)
        QWidget.setTabOrder(self.filter_box, self.table)
        QWidget.setTabOrder(self.table, self.organise.tree)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved):
            signal.connect(self._update_state)
        self._update_state()

    # ------------------------------------------------------------------ set-up
    def _build_field(self) -> QLineEdit:
        box = QLineEdit(self)
        box.setPlaceholderText(self.tr("Search titles, authors or full text…"))
        box.setClearButtonEnabled(True)
        box.setAccessibleName(self.tr("Search the library"))
        box.textChanged.connect(self.proxy.set_filter_text)
        box.installEventFilter(self)
        return box

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.proxy)
        table.setAccessibleName(self.tr("Library"))
        table.setAccessibleDescription(
            self.tr("Your documents. Press Enter to open the selected one.")
        )
        table.setSortingEnabled(True)
        table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTabKeyNavigation(False)
        table.verticalHeader().setVisible(False)
        self.columns = ColumnFitter(table)
        table.doubleClicked.connect(self._activated)
        table.activated.connect(self._activated)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)
        remove = QAction(self.tr("Remove"), table)
        remove.setShortcut(QKeySequence.StandardKey.Delete)
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self._remove_selected)
        table.addAction(remove)
        return table

    def _build_organise(self) -> OrganisePanel:
        panel = OrganisePanel(self.model, self)
        panel.query_source = self.filter_box.text
        panel.scopeChosen.connect(self._show_scope)
        panel.shelfChosen.connect(lambda _name, query: self.shelfQueryRequested.emit(query))
        panel.shelfSaveRequested.connect(self.shelfSaveRequested)
        panel.shelfRemoveRequested.connect(self.shelfRemoveRequested)
        panel.tagRenameRequested.connect(
            lambda ids, old, new: self.tagsRequested.emit(ids, [new], [old])
        )
        self.filter_box.textChanged.connect(panel.search_changed)
        self.organise_action = QAction(self.tr("Tags and Shelves"), self)
        self.organise_action.setCheckable(True)
        self.organise_action.setChecked(True)
        self.organise_action.setToolTip(self.tr("Show the tags and shelves above the library"))
        self.organise_action.toggled.connect(self.show_organise)
        panel.hideRequested.connect(lambda: self.organise_action.setChecked(False))
        return panel

    def _build_empty_page(self) -> QWidget:
        page = QWidget(self)
        title = QLabel(self.tr("Your library is empty"), page)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        keys = QKeySequence(QKeySequence.StandardKey.Open).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        text = self.tr(
            "Add documents with File → Import Files… ({keys}) or File → Import Folder…, "
            "or drag and drop files onto this window. Tongwen reads TXT, EPUB and HTML "
            "in 简体 or 繁體."
        ).format(keys=keys)
        explanation = QLabel(text, page)
        explanation.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Import Files…"), page)
        self.import_button.setAccessibleName(self.tr("Import files into the library"))
        self.import_button.clicked.connect(self.importRequested)
        column = QWidget(page)  # a centred column of limited width, so the text wraps
        column.setMaximumWidth(440)
        inner = QVBoxLayout(column)
        inner.setSpacing(12)
        for label in (title, explanation):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            inner.addWidget(label)
        inner.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignHCenter)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 10)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        return page

    def take_search_field(self) -> QLineEdit:
        """Hand the search field to a container that shows it (it keeps filtering here)."""
        layout = self.layout()
        assert layout is not None
        layout.removeWidget(self.filter_box)
        QWidget.setTabOrder(self.filter_box, self.table)
        return self.filter_box

    # ----------------------------------------------------------------- content
    @property
    def is_empty(self) -> bool:
        """True when the library has no documents (the import explanation shows)."""
        return self.model.total() == 0

    def _update_state(self, *_: Any) -> None:
        if self.reading_page.text():
            self.stack.setCurrentWidget(self.reading_page)
        else:
            self.stack.setCurrentWidget(self.empty_page if self.is_empty else self.list_page)

    def show_reading(self, text: str | None) -> None:
        """Say how far the first reading of the library has come in place of the list
        (an empty library's explanation would be wrong meanwhile); None: done."""
        self.reading_page.setText(text or "")
        self._update_state()

    def set_documents(self, docs: list[DocSummary] | list[DocRecord], *, fold: bool = True) -> None:
        """Show ``docs`` in place of the rows shown; the selected documents, the current
        one and the one at the top of the view stay so where they are still shown (the
        window paints its first screenful of rows, then every document arrives).
        ``fold=False``: their filter texts are not folded ahead (the first rows)."""
        table = self.table
        selected = self.selected_ids()
        current = self.current_id()
        top = table.indexAt(QPoint(0, 0))
        top_id = str(self.proxy.data(top, ID_ROLE)) if top.isValid() else None
        self.model.set_documents(docs, fold=fold)  # the column fitter measures the new rows
        if not (selected or current or top_id):
            return
        rows = self.model.rows_of([*selected, current or "", top_id or ""])
        selection = QItemSelection()
        last = self.proxy.columnCount() - 1
        for row in sorted(rows[i] for i in selected if i in rows):
            selection.select(self.proxy.index(row, 0), self.proxy.index(row, last))
        flags = QItemSelectionModel.SelectionFlag
        model = table.selectionModel()
        if current in rows:
            model.setCurrentIndex(self.proxy.index(rows[current], 0), flags.NoUpdate)
        model.select(selection, flags.ClearAndSelect)
        if top_id in rows:
            table.scrollTo(self.proxy.index(rows[top_id], 0), table.ScrollHint.PositionAtTop)

    def selected_rows(self) -> list[int]:
        """The selected rows, in order (the model's rows: the proxy is an identity).

        Read from the selection's ranges: ``selectedRows()`` asks the model (Python)
        twice per row, 0.6 s for 10,000 selected rows."""
        rows: set[int] = set()
        selection = self.table.selectionModel().selection()
        for i in range(selection.count()):
            part = selection.at(i)
            rows.update(range(part.top(), part.bottom() + 1))
        return sorted(rows)

    def selected_ids(self) -> list[str]:
        return [self.model.document(row).id for row in self.selected_rows()]

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return str(self.proxy.data(index, ID_ROLE)) if index.isValid() else None

    def select(self, doc_id: str) -> None:
        row = self.model.row_of(doc_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    def visible_count(self) -> int:
        return self.proxy.rowCount()

    # ------------------------------------------------------- tags and shelves
    def set_shelves(self, shelves: Iterable[Shelf]) -> None:
        """The reader's shelves (``desktop.core.shelves.read_shelves``), listed in the panel."""
        self.organise.set_shelves(shelves)

    def show_organise(self, shown: bool) -> None:
        """Show or hide the tags and shelves; hidden, the list shows every document."""
        if self.organise_action.isChecked() != shown:
            self.organise_action.setChecked(shown)  # comes back here through toggled
            return
        if not shown:
            self.organise.show_all()
        self.organise.setVisible(shown)

    def take_organise_panel(self) -> OrganisePanel:
        """Hand the tags and shelves panel to a container that shows it (e.g. above
        search results that replace the list); it keeps scoping this pane's list and
        :attr:`organise_action` keeps hiding it."""
        self.organise.setParent(None)
        return self.organise

    def new_shelf(self) -> None:
        """Ask for a new shelf, its search the search field's text (Save as Shelf…)."""
        self.organise_action.setChecked(True)
        self.organise.new_shelf()

    def _show_scope(self, kind: str, name: str) -> None:
        """Scope the list as the panel asks: one tag, one built-in shelf, or all."""
        header = self.table.horizontalHeader()
        if kind == BUILTIN:
            self.model.set_scope(shelf=name)
            # the shelf's own order: no column shows as sorted until one is clicked
            header.setSortIndicator(-1, header.sortIndicatorOrder())
            return
        self.model.set_scope(tag=name) if kind == TAG else self.model.set_scope()
        order = self.model.sort_order
        if order is not None and header.sortIndicatorSection() != order[0]:
            header.setSortIndicator(*order)

    def edit_tags(self) -> TagDialog | None:
        """Tags… for the selected documents: a dialog, then ``tagsRequested``."""
        docs = [self.model.document(row) for row in self.selected_rows()]
        if not docs:
            return None
        dialog = TagDialog(docs, self.organise.tag_names(), self)

        def apply() -> None:
            add, remove = dialog.changes()
            if add or remove:
                self.tagsRequested.emit(list(dialog.doc_ids), add, remove)

        dialog.accepted.connect(apply)
        dialog.open()
        self.tag_dialog = dialog
        return dialog

    def focus_list(self) -> bool:
        """Move the keyboard focus into the table (first row if none is current)."""
        if self.is_empty:
            self.import_button.setFocus()
            return True
        if not self.proxy.rowCount():
            return False
        if not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self.table.setFocus()
        return True

    # ----------------------------------------------------------------- actions
    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.openRequested.emit(str(self.proxy.data(index, ID_ROLE)))

    def _remove_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.removeRequested.emit(ids)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        doc_id = str(self.proxy.data(index, ID_ROLE))
        if doc_id not in self.selected_ids():
            self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: self.openRequested.emit(doc_id))
        menu.addAction(self.tr("Edit Metadata…"), lambda: self.editRequested.emit(doc_id))
        menu.addAction(
            self.tr("Re-decode with Another Encoding…"),
            lambda: self.reencodeRequested.emit(doc_id),
        )
        menu.addAction(self.tr("Tags…"), self.edit_tags)
        menu.addSeparator()
        menu.addAction(self.tr("Remove"), self._remove_selected)
        menu.popup(self.table.viewport().mapToGlobal(pos))
        self._menu: Any = menu  # keep a reference while it is shown (and for tests)

    # --------------------------------------------------------------------- keys
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is not self.filter_box or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if key == Qt.Key.Key_Escape and self.filter_box.text():
            if kind == QEvent.Type.KeyPress:
                self.filter_box.clear()
            event.accept()  # also claims Esc from window shortcuts (ShortcutOverride)
            return True
        if kind == QEvent.Type.KeyPress and key == Qt.Key.Key_Down and self.focus_list():
            return True
        return super().eventFilter(watched, event)
