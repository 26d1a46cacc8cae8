"""The library as a Qt table model, and the proxy that sorts and filters it.

What each column shows and how it sorts is in :mod:`desktop.ui.library.columns`.

Besides the filter text, the rows can be scoped to one tag or to one built-in shelf
(:meth:`LibraryTableModel.set_scope`): the tags and shelves panel beside the table
chooses it.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import compress
from operator import attrgetter, itemgetter
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QIdentityProxyModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from desktop.core.records import DocRecord, DocSummary
from desktop.ui.library.columns import (
    COLUMNS,
    HEADER_TIPS,
    ID_ROLE,
    SORT_ROLE,
    cell_text,
    cell_tooltip,
    filter_text,
    sort_key,
    sort_values,
    tr_column,
)

__all__ = ["LibraryFilterProxy", "LibraryTableModel"]

_Index = QModelIndex | QPersistentModelIndex
_ID = attrgetter("id")
#: Documents whose filter text is folded in one idle slice.
PREPARE_SLICE = 5000
#: A built-in shelf shown is computed again this long after the last change (a
#: burst of changes, e.g. 1,000 documents tagged, computes it once).
SHELF_CHECK_MS = 100


class LibraryTableModel(QAbstractTableModel):
    """Rows are :class:`DocSummary` tuples (a record's summary: 100,000 rows without
    100,000 records); the model never reads files.

    It sorts and filters its rows itself, on plain Python lists: a proxy model asks
    Python once per row and comparison (5 s to sort 20,000 documents), here a sort is
    one ``list.sort`` on precomputed keys and a filter one pass over precomputed folded
    text.  Selections and other persistent indexes follow their documents; one that
    the filter hides becomes invalid, as in a proxy.

    A scope (:meth:`set_scope`) narrows the rows before the filter: the documents with
    one tag, or those of a built-in shelf in the shelf's own order (until a column is
    sorted).  It is one more plain pass over the list.
    """

    #: The documents changed (set, updated or removed), shown or not.
    documentsChanged = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[DocSummary] = []  #: every document, in the sort order
        self._shown: list[DocSummary] = []  #: those the scope and filter keep, in order
        self._tag: str | None = None  #: the tag the rows are scoped to
        self._shelf: str | None = None  #: the built-in shelf the rows are scoped to
        self._shelf_docs: list[DocSummary] = []  #: its documents, in its order
        self._shelf_ids: set[str] = set()
        self._shelf_order = False  #: rows in the shelf's order (no column sorted since)
        self._shelf_check = QTimer(self)  #: the shelf is computed again after changes
        self._shelf_check.setSingleShot(True)  # once after a burst of them
        self._shelf_check.setInterval(SHELF_CHECK_MS)
        self._shelf_check.timeout.connect(self._refresh_shelf)
        self._order: tuple[int, Qt.SortOrder] | None = None  #: column and order sorted by
        self._words: list[str] = []  #: the folded filter words (all must be found)
        self._haystacks: dict[str, str] = {}  #: folded text the filter looks in, by id
        self._stale = False  #: a document changed since the rows were sorted
        self._prepared = 0  #: how far into :attr:`_all` the idle folding has come
        #: the rows shown were filtered among the texts folded so far (the idle folding
        #: not done): they are filtered again as it goes on
        self._partial = False
        self._preparing = QTimer(self)
        self._preparing.setInterval(0)
        self._preparing.timeout.connect(self._prepare_some)

    # ----------------------------------------------------------------- rows
    def set_documents(self, docs: list[DocSummary] | list[DocRecord], *, fold: bool = True) -> None:
        """Show ``docs``; with ``fold`` their filter texts are folded a slice at a time
        when idle.  ``fold=False``: the first rows of the window's start, replaced
        once every summary is read (folding them would import OpenCC and numpy before
        the first paint; a filter typed meanwhile folds what it needs)."""
        self.beginResetModel()
        self._all = [d.summary() if isinstance(d, DocRecord) else d for d in docs]
        self._haystacks.clear()
        self._prepared = 0
        if fold:
            self._preparing.start()  # fold the filter's text a slice at a time, idle
        else:
            self._preparing.stop()
        if self._order is not None:
            self._all = self._sorted(self._all, self._order[0])
        if self._shelf is not None:
            self._compute_shelf()
        self._shown = self._kept(self._base())
        self.endResetModel()
        self.documentsChanged.emit()

    def total(self) -> int:
        """How many documents the model holds, shown or filtered out."""
        return len(self._all)

    def all_documents(self) -> list[DocSummary]:
        """Every document the model holds, shown or not (the model's own list: read it,
        do not change it)."""
        return self._all

    def update_document(self, doc: DocSummary | DocRecord) -> None:
        if isinstance(doc, DocRecord):
            doc = doc.summary()
        self._forget(doc.id)
        place = self._place(self._all, doc.id)
        if place >= 0:
            self._all[place] = doc
            self._stale = True  # its place is found again at the next sort
        else:  # a new document: at its sorted place (no sort of 100,000 per import)
            self._all.insert(self._sorted_place(self._all, doc), doc)
        if self._shelf is not None:
            if doc.id in self._shelf_ids:
                self._shelf_docs = [doc if d.id == doc.id else d for d in self._shelf_docs]
            self._shelf_check.start()  # it may join, leave or move on the shelf
        row = self._place(self._shown, doc.id)
        keep = self._keeps(doc)
        if row >= 0 and keep:
            self._shown[row] = doc
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        elif row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._shown[row]
            self.endRemoveRows()
        elif keep:  # new, or it now matches the scope and filter: shown in its place
            row = self._shown_place(doc)
            self.beginInsertRows(QModelIndex(), row, row)
            self._shown.insert(row, doc)
            self.endInsertRows()
        self.documentsChanged.emit()

    def _sorted_place(self, docs: list[DocSummary], doc: DocSummary) -> int:
        """Where ``doc`` goes in ``docs`` (sorted by the sort column) to keep them
        sorted, after those with an equal key; the end when nothing is sorted yet."""
        if self._order is None:
            return len(docs)
        key, reverse = self._key(self._order[0]), self._reverse()
        wanted = key(doc)
        low, high = 0, len(docs)
        while low < high:
            middle = (low + high) // 2
            other = key(docs[middle])
            if (other >= wanted) if reverse else (other <= wanted):
                low = middle + 1
            else:
                high = middle
        return low

    def _shown_place(self, doc: DocSummary) -> int:
        """The row for ``doc`` among those shown: its place in the shelf's order, or in
        the sort column's."""
        if self._shelf is not None and self._shelf_order:
            before: set[str] = set()
            for other in self._shelf_docs:
                if other.id == doc.id:
                    break
                before.add(other.id)
            return sum(1 for other in self._shown if other.id in before)
        return self._sorted_place(self._shown, doc)

    def remove_document(self, doc_id: str) -> None:
        place = self._place(self._all, doc_id)
        if place >= 0:
            del self._all[place]
        self._forget(doc_id)
        row = self._place(self._shown, doc_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._shown[row]
            self.endRemoveRows()
        if doc_id in self._shelf_ids:
            self._shelf_docs = [d for d in self._shelf_docs if d.id != doc_id]
            self._shelf_ids.discard(doc_id)
            self._shelf_check.start()  # another document may take its place
        self.documentsChanged.emit()

    def document(self, row: int) -> DocSummary:
        return self._shown[row]

    def rows_of(self, ids: Iterable[str]) -> dict[str, int]:
        """The rows showing those of ``ids`` shown (one pass over the rows)."""
        wanted = set(ids)
        return {d.id: row for row, d in enumerate(self._shown) if d.id in wanted}

    def row_of(self, doc_id: str) -> int:
        """The row showing ``doc_id``; -1 when it is not shown (or not here)."""
        return self._place(self._shown, doc_id)

    def _forget(self, doc_id: str) -> None:
        """Drop what was computed from a document's old summary."""
        self._haystacks.pop(doc_id, None)

    @staticmethod
    def _place(docs: list[DocSummary], doc_id: str) -> int:
        for row, doc in enumerate(docs):
            if doc.id == doc_id:
                return row
        return -1

    # ------------------------------------------------------------- sorting
    def _key(self, column: int) -> Any:
        """The sort key of one document by ``column`` (for a single row's place)."""
        name = COLUMNS[column][0]
        return lambda doc: sort_key(doc, name)

    def _sorted(self, docs: list[DocSummary], column: int) -> list[DocSummary]:
        """``docs`` sorted by ``column`` in the current direction (stable): the keys
        made in one pass into a list, then positions sorted by it (no Python call per
        comparison or per document during the sort).  Keys are not kept: a dict of
        100,000 of them took longer to fill than the sort and 4 MB per column."""
        if len(docs) < 2:
            return list(docs)
        keys = sort_values(docs, COLUMNS[column][0])
        order = sorted(range(len(docs)), key=keys.__getitem__, reverse=self._reverse())
        del keys
        return list(itemgetter(*order)(docs))  # picked in C (a list comprehension: 4x)

    def _reverse(self) -> bool:
        return self._order is not None and self._order[1] == Qt.SortOrder.DescendingOrder

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort every document (shown or not) by ``column``; a shelf's rows leave the
        shelf's order for the column's."""
        if not 0 <= column < len(COLUMNS):
            return  # -1: the view shows no column as sorted (a shelf's own order)
        if (column, order) == self._order and not self._stale and not self._shelf_order:
            return  # Qt asks twice for one click (the view, then the header's signal)

        same = (column, order) == self._order and not self._stale
        flip = self._order is not None and self._order[0] == column and not self._stale

        def change() -> None:
            in_shelf_order, self._shelf_order = self._shelf_order, False
            self._stale = False
            self._order = (column, order)
            if same:  # sorted already: only the shelf's rows change their order
                pass
            elif flip:  # the other direction of the same column: the same rows reversed
                self._all.reverse()
                if not in_shelf_order:
                    self._shown.reverse()
                    return
            else:
                self._all = self._sorted(self._all, column)
            self._shown = self._kept(self._base())

        self._relayout(change)

    @property
    def sort_order(self) -> tuple[int, Qt.SortOrder] | None:
        """The column and order the rows are sorted by; None before the first sort and
        while a shelf's rows are in the shelf's own order."""
        return None if self._shelf_order else self._order

    # ---------------------------------------------------------------- scope
    @property
    def scope(self) -> tuple[str, str] | None:
        """``("tag", name)``, ``("shelf", name)`` or None (every document)."""
        if self._tag is not None:
            return ("tag", self._tag)
        if self._shelf is not None:
            return ("shelf", self._shelf)
        return None

    def set_scope(self, *, tag: str | None = None, shelf: str | None = None) -> None:
        """Show only the documents tagged ``tag``, or those on the built-in ``shelf``
        (:data:`desktop.core.shelves.CONTINUE_READING` or ``RECENTLY_ADDED``) in the
        shelf's order; neither: every document.  The filter text applies within."""
        if tag is not None and shelf is not None:
            raise ValueError("a scope is a tag or a shelf, not both")

        def change() -> None:
            self._tag, self._shelf = tag, shelf
            self._shelf_order = shelf is not None
            if self._shelf_order and self._stale and self._order is not None:
                self._stale = False  # the column order comes back when the shelf is left
                self._all = self._sorted(self._all, self._order[0])
            self._compute_shelf()
            self._shown = self._kept(self._base())

        self._relayout(change)

    def _compute_shelf(self) -> None:
        if self._shelf is None:
            self._shelf_docs, self._shelf_ids = [], set()
            return
        from desktop.core.shelves import builtin_shelf

        self._shelf_docs = builtin_shelf(self._shelf, self._all)
        self._shelf_ids = {d.id for d in self._shelf_docs}

    def _refresh_shelf(self) -> None:
        """The shelf computed again after documents changed: who is on it, in what order."""
        if self._shelf is None:
            return
        from desktop.core.shelves import builtin_shelf

        fresh = builtin_shelf(self._shelf, self._all)
        if [d.id for d in fresh] == [d.id for d in self._shelf_docs]:
            self._shelf_docs = fresh  # the same documents in the same order
            return

        def change() -> None:
            self._shelf_docs, self._shelf_ids = fresh, {d.id for d in fresh}
            if not self._shelf_order and self._stale and self._order is not None:
                self._stale = False
                self._all = self._sorted(self._all, self._order[0])
            self._shown = self._kept(self._base())

        self._relayout(change)

    def _base(self) -> list[DocSummary]:
        """The documents in scope, in the order shown (before the filter text)."""
        if self._shelf is not None:
            if self._shelf_order:
                return self._shelf_docs
            ids = self._shelf_ids
            return [d for d in self._all if d.id in ids]
        if self._tag is not None:
            tag = self._tag
            return [d for d in self._all if tag in d.tags]
        return self._all

    def _in_scope(self, doc: DocSummary) -> bool:
        if self._shelf is not None:
            return doc.id in self._shelf_ids
        return self._tag is None or self._tag in doc.tags

    # ------------------------------------------------------------ filtering
    @property
    def filtering(self) -> bool:
        """True while a filter text hides rows that do not match."""
        return bool(self._words)

    def set_filter(self, words: list[str]) -> None:
        """Show only the documents whose folded text holds every one of ``words``
        (folded already: :func:`desktop.core.fold.fold_plain`)."""

        new = [w for w in words if w]
        # Typing on narrows: every document the longer words keep, the shorter kept.
        narrower = (
            not self._partial
            and bool(self._words)
            and len(new) >= len(self._words)
            and all(old in word for old, word in zip(self._words, new, strict=False))
        )

        def change() -> None:
            self._words = new
            self._shown = self._kept(self._shown if narrower else self._base())

        self._relayout(change)

    def haystack(self, doc: DocSummary) -> str:
        """The folded title, author, source and date the filter looks in (kept)."""
        hay = self._haystacks.get(doc.id)
        if hay is None:
            from desktop.core.fold import fold_plain

            hay = self._haystacks[doc.id] = fold_plain(filter_text(doc))
        return hay

    def _keeps(self, doc: DocSummary) -> bool:
        if not self._in_scope(doc):
            return False
        if not self._words:
            return True
        hay = self.haystack(doc)
        return all(w in hay for w in self._words)

    def _kept(self, docs: list[DocSummary]) -> list[DocSummary]:
        """Those of ``docs`` (in scope already) that hold every filter word, in order."""
        if not self._words:
            return list(docs)
        hays = self._haystacks
        unfolded = len(self._all) - len(hays)  # about: what the idle folding has left
        if self._preparing.isActive() and min(unfolded, len(docs)) > PREPARE_SLICE:
            # The idle folding is not done (the rows have just come): filter among
            # what is folded, and again as it goes on (:meth:`_prepare_some`), rather
            # than fold 100,000 texts at once (half a second) at the first key typed.
            self._partial = True
            texts = list(map(hays.get, map(_ID, docs)))
        else:
            if unfolded > 0:
                self._prepare([d for d in docs if d.id not in hays])
            try:
                texts = list(map(hays.__getitem__, map(_ID, docs)))
            except KeyError:  # a text folded for a document no longer held
                self._prepare([d for d in docs if d.id not in hays])
                texts = list(map(hays.__getitem__, map(_ID, docs)))
        # every word over the texts in plain passes (no generator or attribute per document)
        first, *others = self._words
        keep = [t is not None and first in t for t in texts]
        for word in others:
            keep = [k and word in t for k, t in zip(keep, texts, strict=True)]  # type: ignore[operator]
        return list(compress(docs, keep))

    def _any_kept(self, docs: list[DocSummary]) -> bool:
        """Whether one of ``docs`` (their texts folded) is in scope and holds every word."""
        hays = self._haystacks
        for word in self._words:
            docs = [d for d in docs if word in hays[d.id]]
        return any(self._in_scope(d) for d in docs)

    def _prepare(self, docs: list[DocSummary]) -> None:
        """Fold the filter text of ``docs`` in one pass (:func:`fold_many`)."""
        if docs:
            from desktop.core.fold import fold_many

            folded = fold_many([filter_text(d) for d in docs])
            self._haystacks.update(zip((d.id for d in docs), folded, strict=True))

    def _prepare_some(self) -> None:
        """Idle work after the rows arrive: fold the next slice of filter texts, so
        the first letter typed into the filter finds them ready (100,000 documents:
        20 slices of a few tens of milliseconds).  A text missed (the rows were
        re-sorted meanwhile) is folded when the filter needs it (:meth:`_kept`).
        While a filter typed before the folding was done shows only the matches
        among the texts folded then, a slice that holds more matches filters again."""
        missing: list[DocSummary] = []
        while self._prepared < len(self._all) and len(missing) < PREPARE_SLICE:
            doc = self._all[self._prepared]
            self._prepared += 1
            if doc.id not in self._haystacks:
                missing.append(doc)
        if missing:
            self._prepare(missing)
        done = self._prepared >= len(self._all)
        if done:
            self._preparing.stop()
        if self._partial and (done or self._any_kept(missing)):
            # a slice with no match changes no row: no relayout (tens of ms at 100,000)
            self._partial = False  # set again by _kept while the folding is not done

            def refilter() -> None:
                self._shown = self._kept(self._base())

            self._relayout(refilter)

    # ------------------------------------------------------------- layout
    def _relayout(self, change: Any) -> None:
        """Run ``change`` (it re-orders or re-filters :attr:`_shown`) as a layout change:
        persistent indexes (the selection, the current row) follow their documents,
        or become invalid when their document is no longer shown."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self._shown[i.row()].id if 0 <= i.row() < len(self._shown) else "" for i in old]
        followed = {
            d.id: d for d in (self._shown[i.row()] for i in old if 0 <= i.row() < len(self._shown))
        }
        change()
        rows = self._rows_now(followed)
        self.changePersistentIndexList(
            old,
            [
                self.index(rows[i], index.column()) if i in rows else QModelIndex()
                for index, i in zip(old, ids, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def _rows_now(self, followed: dict[str, DocSummary]) -> dict[str, int]:
        """The rows of these documents (by id) among those shown now: one or two (the
        current row) by ``list.index`` in C, the same summary object first; up to 64
        by ``index`` in a list of the ids; more by one pass over the rows."""
        if not followed:
            return {}
        shown = self._shown
        if len(followed) > 64:
            return {d.id: r for r, d in enumerate(shown) if d.id in followed}
        rows: dict[str, int] = {}
        if len(followed) <= 2:
            for doc_id, doc in followed.items():
                try:
                    row = shown.index(doc)  # a tuple equal to it is the same document
                except ValueError:
                    continue  # no longer shown
                if shown[row].id == doc_id:
                    rows[doc_id] = row
            return rows
        ids = list(map(_ID, shown))
        for doc_id in followed:
            try:
                rows[doc_id] = ids.index(doc_id)
            except ValueError:
                continue
        return rows

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        key, header = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return tr_column(header)
        if role == Qt.ItemDataRole.ToolTipRole and key in HEADER_TIPS:
            return tr_column(HEADER_TIPS[key])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        doc = self._shown[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(doc, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell_tooltip(doc, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in (
            "chars",
            "progress",
            "annotations",
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SORT_ROLE:
            return sort_key(doc, key)
        if role == ID_ROLE:
            return doc.id
        return None


class LibraryFilterProxy(QIdentityProxyModel):
    """What the table shows: the model's rows as they are (the model sorts and filters
    them itself, :class:`LibraryTableModel`); the filter text is folded here."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, LibraryTableModel):
            model.sort(column, order)

    @property
    def filtering(self) -> bool:
        """True while a filter text hides rows that do not match."""
        model = self.sourceModel()
        return isinstance(model, LibraryTableModel) and model.filtering

    def set_filter_text(self, text: str) -> None:
        from desktop.core.fold import fold_plain

        model = self.sourceModel()
        if isinstance(model, LibraryTableModel):
            model.set_filter([fold_plain(w) for w in text.split()])
