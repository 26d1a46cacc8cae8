"""The library pane: quick filter box above a sortable table of documents."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.library import DocRecord
from desktop.ui.library_model import ID_ROLE, LibraryFilterProxy, LibraryTableModel

__all__ = ["LibraryPane"]


class LibraryPane(QWidget):
    """Shows the library; emits requests, never acts on files itself."""

    openRequested = Signal(str)
    editRequested = Signal(str)
    reencodeRequested = Signal(str)
    removeRequested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LibraryTableModel(self)
        self.proxy = LibraryFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText(self.tr("Filter by title, author, source…"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setAccessibleName(self.tr("Filter the library"))
        self.filter_box.textChanged.connect(self.proxy.set_filter_text)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Library"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.resizeSection(0, 300)
        self.table.doubleClicked.connect(self._activated)
        self.table.activated.connect(self._activated)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

        remove = QAction(self.tr("Remove"), self.table)
        remove.setShortcut(QKeySequence.StandardKey.Delete)
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self._remove_selected)
        self.table.addAction(remove)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.table)

    # ----------------------------------------------------------------- content
    def set_documents(self, docs: list[DocRecord]) -> None:
        self.model.set_documents(docs)
        self.table.resizeColumnsToContents()
        if self.table.columnWidth(0) > 360:
            self.table.setColumnWidth(0, 360)

    def selected_ids(self) -> list[str]:
        rows = self.table.selectionModel().selectedRows()
        return [str(self.proxy.data(r, ID_ROLE)) for r in rows]

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
        menu.addAction(self.tr("Edit metadata…"), lambda: self.editRequested.emit(doc_id))
        menu.addAction(
            self.tr("Re-decode with another encoding…"), lambda: self.reencodeRequested.emit(doc_id)
        )
        menu.addSeparator()
        menu.addAction(self.tr("Remove"), self._remove_selected)
        menu.popup(self.table.viewport().mapToGlobal(pos))
        self._menu: Any = menu  # keep a reference while it is shown (and for tests)
