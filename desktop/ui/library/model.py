"""The library as a Qt table model, and the proxy that sorts and filters it.

Headers, script names and dates are shown in the UI language: the English texts
are kept in tuples (marked for lupdate with ``QT_TRANSLATE_NOOP``) and translated
when Qt asks for them, so a language installed later is picked up.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from desktop.core.records import DocRecord, DocSummary
from desktop.ui.common.plain import tooltip

__all__ = [
    "COLUMNS",
    "LibraryFilterProxy",
    "LibraryTableModel",
    "format_date",
    "progress_text",
    "script_label",
]

_CONTEXT = "LibraryTableModel"

# (key, header) of each column, in order; headers are translated when shown.
COLUMNS: list[tuple[str, str]] = [
    ("title", str(QT_TRANSLATE_NOOP("LibraryTableModel", "Title"))),
    ("source", str(QT_TRANSLATE_NOOP("LibraryTableModel", "Source"))),
    ("published", str(QT_TRANSLATE_NOOP("LibraryTableModel", "Published"))),
    ("script", str(QT_TRANSLATE_NOOP("LibraryTableModel", "Script"))),
    ("chars", str(QT_TRANSLATE_NOOP("LibraryTableModel", "Length"))),
    ("progress", str(QT_TRANSLATE_NOOP("LibraryTableModel", "Progress"))),
    ("annotations", str(QT_TRANSLATE_NOOP("LibraryTableModel", "Notes"))),
    ("imported", str(QT_TRANSLATE_NOOP("LibraryTableModel", "Imported"))),
]

# Header tool tips (what a column counts), translated when shown.
_HEADER_TIPS = {
    "chars": str(QT_TRANSLATE_NOOP("LibraryTableModel", "Number of characters in the document")),
    "progress": str(QT_TRANSLATE_NOOP("LibraryTableModel", "How far you have read")),
    "annotations": str(QT_TRANSLATE_NOOP("LibraryTableModel", "Highlights, notes and bookmarks")),
    "script": str(QT_TRANSLATE_NOOP("LibraryTableModel", "The script the document is written in")),
}

# The script a document was detected in, as shown in the table.
SCRIPT_LABELS = {
    "simplified": str(QT_TRANSLATE_NOOP("LibraryTableModel", "Simplified")),
    "traditional": str(QT_TRANSLATE_NOOP("LibraryTableModel", "Traditional")),
    "mixed": str(QT_TRANSLATE_NOOP("LibraryTableModel", "Mixed")),
    "unknown": "—",
}

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def script_label(script: str) -> str:
    """The name of ``script`` ("simplified") in the UI language (简体)."""
    label = SCRIPT_LABELS.get(script)
    return _tr(label) if label else script


def progress_text(fraction: float) -> str:
    """How far a document has been read ("43%"), from the fraction of its canonical text
    before the reading position.  The library's Progress column and the reader's status
    line both show this, so the two never disagree.
    """
    return f"{round(max(0.0, min(1.0, fraction)) * 100)}%"


def format_date(text: str | None) -> str:
    """An ISO date or date-time (or just a year/month) written the UI language's way.

    Text that does not start with a date is returned unchanged.
    """
    if not text:
        return ""
    match = _DATE.match(text.strip())
    if match is None:
        return text
    year, month, day = (int(g) if g else 0 for g in match.groups())
    if not month:
        return str(year)
    #: A Qt date pattern for a full date: yyyy year, MM or M month, dd or d day.
    day_format = QCoreApplication.translate("LibraryTableModel", "yyyy-MM-dd")
    #: A Qt date pattern for a year and month: yyyy year, MM or M month.
    month_format = QCoreApplication.translate("LibraryTableModel", "yyyy-MM")
    date = QDate(year, month, day or 1)
    if not date.isValid():
        return text
    return QLocale().toString(date, day_format if day else month_format)


def _display(doc: DocSummary, key: str) -> str:
    if key == "chars":
        return QLocale().toString(doc.chars)
    if key == "script":
        return script_label(doc.script)
    if key == "progress":
        return progress_text(doc.progress) if doc.progress else ""
    if key == "annotations":
        return str(doc.annotations) if doc.annotations else ""
    if key in ("imported", "published"):
        return format_date(getattr(doc, key))
    value = getattr(doc, key)
    return "" if value is None else str(value)


def _sort_key(doc: DocSummary, key: str) -> Any:
    if key in ("chars", "progress", "annotations"):
        return getattr(doc, key)
    value = getattr(doc, key)
    return "" if value is None else str(value).casefold()


def _tooltip(doc: DocSummary, key: str) -> str | None:
    """Title, author and file name (or the full date), escaped: Qt reads tips as HTML."""
    if key == "title":
        parts = [doc.title, doc.author or "", doc.original_name]
        return tooltip("\n".join(p for p in parts if p))
    if key in ("published", "imported"):
        value = getattr(doc, key)
        return tooltip(str(value)) if value else None
    return None


class LibraryTableModel(QAbstractTableModel):
    """Rows are :class:`DocSummary` tuples (a record's summary: 100,000 rows without
    100,000 records); the model never reads files."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._docs: list[DocSummary] = []
        self._order: tuple[int, Qt.SortOrder] | None = None  #: column and order sorted by
        self._haystacks: dict[str, str] = {}  #: folded text the filter looks in, by id

    def set_documents(self, docs: list[DocSummary] | list[DocRecord]) -> None:
        self.beginResetModel()
        self._docs = [d.summary() if isinstance(d, DocRecord) else d for d in docs]
        self._haystacks.clear()
        if self._order is not None:
            self._docs.sort(key=self._key(self._order[0]), reverse=self._reverse())
        self.endResetModel()

    def _key(self, column: int) -> Any:
        name = COLUMNS[column][0]
        return lambda doc: _sort_key(doc, name)

    def _reverse(self) -> bool:
        return self._order is not None and self._order[1] == Qt.SortOrder.DescendingOrder

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows themselves, with Python's sort on precomputed keys: a proxy
        comparing rows through ``data()`` took 5 s at 20,000 documents.  Selections
        and other persistent indexes follow their documents."""
        if not 0 <= column < len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self._docs[index.row()].id for index in old]
        self._order = (column, order)
        self._docs.sort(key=self._key(column), reverse=self._reverse())
        rows = {doc.id: row for row, doc in enumerate(self._docs)}
        self.changePersistentIndexList(
            old, [self.index(rows[i], index.column()) for index, i in zip(old, ids)]
        )
        self.layoutChanged.emit()

    def haystack(self, row: int) -> str:
        """The folded title, author, source and date the filter looks in (kept)."""
        doc = self._docs[row]
        hay = self._haystacks.get(doc.id)
        if hay is None:
            from desktop.core.fold import fold_plain

            fields = (doc.title, doc.author, doc.source, doc.published)
            # NUL between fields: folding joins Han across whitespace
            hay = self._haystacks[doc.id] = fold_plain("\0".join(str(v) for v in fields if v))
        return hay

    def update_document(self, doc: DocSummary | DocRecord) -> None:
        if isinstance(doc, DocRecord):
            doc = doc.summary()
        self._haystacks.pop(doc.id, None)
        for row, old in enumerate(self._docs):
            if old.id == doc.id:
                self._docs[row] = doc
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
                return
        self.beginInsertRows(QModelIndex(), len(self._docs), len(self._docs))
        self._docs.append(doc)
        self.endInsertRows()
        if self._order is not None:
            self.sort(*self._order)

    def remove_document(self, doc_id: str) -> None:
        for row, old in enumerate(self._docs):
            if old.id == doc_id:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._docs[row]
                self.endRemoveRows()
                return

    def document(self, row: int) -> DocSummary:
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
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        key, header = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr(header)
        if role == Qt.ItemDataRole.ToolTipRole and key in _HEADER_TIPS:
            return _tr(_HEADER_TIPS[key])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        doc = self._docs[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(doc, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(doc, key)
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
    """Keeps rows whose text contains every filter word; sorting is the source model's
    (:meth:`LibraryTableModel.sort`), so rows keep the order the model gives them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, LibraryTableModel):
            model.sort(column, order)

    @property
    def filtering(self) -> bool:
        """True while a filter text hides rows that do not match."""
        return bool(self._words)

    def set_filter_text(self, text: str) -> None:
        from desktop.core.fold import fold_plain

        words = [fold_plain(w) for w in text.split()]
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

        model = self.sourceModel()
        assert isinstance(model, LibraryTableModel)
        hay = model.haystack(source_row)
        return all(w in hay for w in self._words)
