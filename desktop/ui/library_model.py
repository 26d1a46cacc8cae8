"""The library as a Qt table model, and the proxy that sorts and filters it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from desktop.core.library import DocRecord

__all__ = ["COLUMNS", "LibraryFilterProxy", "LibraryTableModel"]

#: (key, header) of each column, in order.
COLUMNS: list[tuple[str, str]] = [
    ("title", "Title"),
    ("source", "Source"),
    ("published", "Published"),
    ("script", "Script"),
    ("chars", "Length"),
    ("progress", "Progress"),
    ("annotations", "Notes"),
    ("imported", "Imported"),
]

SCRIPT_LABELS = {
    "simplified": "简体",
    "traditional": "繁體",
    "mixed": "混合",
    "unknown": "—",
}

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


def _display(doc: DocRecord, key: str) -> str:
    if key == "chars":
        return f"{doc.chars:,}"
    if key == "script":
        return SCRIPT_LABELS.get(doc.script, doc.script)
    if key == "progress":
        return f"{round(doc.progress * 100)}%" if doc.progress else ""
    if key == "annotations":
        return str(doc.annotations) if doc.annotations else ""
    if key == "imported":
        return doc.imported[:10]
    value = getattr(doc, key)
    return "" if value is None else str(value)


def _sort_key(doc: DocRecord, key: str) -> Any:
    if key in ("chars", "progress", "annotations"):
        return getattr(doc, key)
    value = getattr(doc, key)
    return "" if value is None else str(value)


class LibraryTableModel(QAbstractTableModel):
    """Rows are :class:`DocRecord` objects; the model never reads files."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._docs: list[DocRecord] = []
        self._headers = [h for _, h in COLUMNS]

    def set_headers(self, headers: list[str]) -> None:
        self._headers = headers
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(headers) - 1)

    def set_documents(self, docs: list[DocRecord]) -> None:
        self.beginResetModel()
        self._docs = list(docs)
        self.endResetModel()

    def update_document(self, doc: DocRecord) -> None:
        for row, old in enumerate(self._docs):
            if old.id == doc.id:
                self._docs[row] = doc
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
                return
        self.beginInsertRows(QModelIndex(), len(self._docs), len(self._docs))
        self._docs.append(doc)
        self.endInsertRows()

    def remove_document(self, doc_id: str) -> None:
        for row, old in enumerate(self._docs):
            if old.id == doc_id:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._docs[row]
                self.endRemoveRows()
                return

    def document(self, row: int) -> DocRecord:
        return self._docs[row]

    def row_of(self, doc_id: str) -> int:
        for row, doc in enumerate(self._docs):
            if doc.id == doc_id:
                return row
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._docs)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        doc = self._docs[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(doc, key)
        if role == Qt.ItemDataRole.ToolTipRole and key == "title":
            parts = [doc.title, doc.author or "", doc.original_name]
            return "\n".join(p for p in parts if p)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in (
            "chars",
            "progress",
            "annotations",
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SORT_ROLE:
            return _sort_key(doc, key)
        if role == ID_ROLE:
            return doc.id
        return None


class LibraryFilterProxy(QSortFilterProxyModel):
    """Sorts by the raw values and keeps rows whose text contains every filter word."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_filter_text(self, text: str) -> None:
        from desktop.core.fold import fold_for_match

        words = [fold_for_match(w) for w in text.split()]
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.10
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = words
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._words:
            return True
        from desktop.core.fold import fold_for_match

        model = self.sourceModel()
        assert isinstance(model, LibraryTableModel)
        doc = model.document(source_row)
        hay = fold_for_match(
            " ".join(str(v) for v in (doc.title, doc.author, doc.source, doc.published) if v)
        )
        return all(w in hay for w in self._words)
