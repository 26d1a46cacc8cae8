"""The tags and shelves panel above the library list.

It lists "All documents", the shelves (the two built in, then the reader's own saved
searches) and the tags with how many documents have each, and tells the library
pane what to show when one is chosen:

- a tag or a built-in shelf scopes the list (:meth:`LibraryTableModel.set_scope`);
- a shelf of the reader's runs its query as a full-text search
  (:attr:`OrganisePanel.shelfChosen`, passed on by the pane as
  ``shelfQueryRequested``).

A tag can be renamed from its menu: the documents with it are asked to swap it for
the new name (``tagRenameRequested``, passed on by the pane as ``tagsRequested``).

The counts are made from the rows the library model holds (the same summaries
``Library.tag_counts`` counts), again a moment after documents change.  Shelves are
added and removed through requests (``shelfSaveRequested``, ``shelfRemoveRequested``):
the panel never writes ``shelves.json``; whoever saves them hands the new list back
with :meth:`OrganisePanel.set_shelves`.  Tag and shelf names are the reader's text:
shown as plain text, tool tips escaped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QLocale, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.records import DocSummary
from desktop.core.shelves import (
    BUILTIN_LIMIT,
    CONTINUE_READING,
    MAX_NAME,
    MAX_QUERY,
    RECENTLY_ADDED,
    Shelf,
    builtin_shelf,
)
from desktop.ui.common.dialogs import ok_cancel_buttons
from desktop.ui.common.plain import plain_label, plain_message_box, tooltip
from desktop.ui.library.model import LibraryTableModel
from desktop.ui.library.tag_dialog import RenameTagDialog

__all__ = ["Counts", "OrganisePanel", "ShelfDialog", "count_documents"]

#: What an item of the panel stands for (its KIND_ROLE).
ALL, BUILTIN, SHELF, TAG, HEADING, HINT = "all", "builtin", "shelf", "tag", "heading", "hint"
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2
QUERY_ROLE = Qt.ItemDataRole.UserRole + 3
NAME, COUNT = 0, 1
#: Counted again this long after the last change of the documents (a burst of
#: changes, e.g. tags given to 1,000 documents, is counted once).
RECOUNT_MS = 150
#: Rows of the panel shown at first (the list below takes the rest).
SHOWN_ROWS = 7


@dataclass(frozen=True)
class Counts:
    """What the panel shows beside its items."""

    total: int = 0
    continue_reading: int = 0
    tags: dict[str, int] = field(default_factory=dict)


def count_documents(docs: list[DocSummary]) -> Counts:
    """Documents in all, on the *Continue reading* shelf, and with each tag (sorted by
    tag, as ``Library.tag_counts``): one pass over the summaries."""
    tags: Counter[str] = Counter()
    for doc in docs:
        if doc.tags:
            tags.update(doc.tags)
    reading = len(builtin_shelf(CONTINUE_READING, docs))
    return Counts(len(docs), reading, dict(sorted(tags.items())))


def _number(count: int) -> str:
    return QLocale().toString(count)


class OrganisePanel(QWidget):
    """All documents, the shelves and the tags; choosing one scopes the library list."""

    #: ("all", ""), ("tag", tag) or ("builtin", shelf name): what the list should show.
    scopeChosen = Signal(str, str)
    #: A shelf of the reader's was chosen: its name and query (a full-text search).
    shelfChosen = Signal(str, str)
    shelfSaveRequested = Signal(str, str)  #: name, query: add (or replace) a shelf
    shelfRemoveRequested = Signal(str)  #: the name of the shelf to remove
    #: ids of the documents with a tag, its old name, its new name
    tagRenameRequested = Signal(list, str, str)
    hideRequested = Signal()

    def __init__(self, model: LibraryTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.counts = Counts()
        self.shelves: list[Shelf] = []
        #: Gives the query a new shelf starts with (the pane: the search field's text).
        self.query_source: Callable[[], str] = lambda: ""
        self._chosen: tuple[str, str] = (ALL, "")
        self._menu: QMenu | None = None
        self.shelf_dialog: ShelfDialog | None = None
        self.rename_dialog: RenameTagDialog | None = None
        self.question: QMessageBox | None = None
        self.tree = self._build_tree()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        self._recount = QTimer(self)
        self._recount.setSingleShot(True)
        self._recount.setInterval(RECOUNT_MS)
        self._recount.timeout.connect(self.refresh)
        self._stale = True  #: documents changed since they were counted
        model.documentsChanged.connect(self._documents_changed)
        self._fill()

    # ------------------------------------------------------------------ set-up
    def _build_tree(self) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setColumnCount(2)
        tree.setHeaderHidden(True)
        tree.setAccessibleName(self.tr("Tags and shelves"))
        tree.setAccessibleDescription(
            self.tr("Choose a shelf or a tag to show only its documents in the list.")
        )
        tree.setUniformRowHeights(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        tree.setIndentation(tree.fontMetrics().averageCharWidth() * 2)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COUNT, QHeaderView.ResizeMode.ResizeToContents)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._context_menu)
        tree.currentItemChanged.connect(self._current_changed)

        self.all_item = self._item(tree, ALL, "", self.tr("All documents"))
        self.shelves_heading = self._heading(tree, self.tr("Shelves"))
        self._build_builtin_shelves()
        self.tags_heading = self._heading(tree, self.tr("Tags"))
        tree.expandAll()
        tree.setCurrentItem(self.all_item)
        return tree

    def _build_builtin_shelves(self) -> None:
        """Continue reading and Recently added, under the Shelves heading."""
        self.reading_item = self._item(
            self.shelves_heading, BUILTIN, CONTINUE_READING, self.tr("Continue reading")
        )
        self.reading_item.setToolTip(
            NAME,
            tooltip(
                self.tr(
                    "Documents you have started and not finished, the last read first "
                    "(at most {limit})"
                ).format(limit=BUILTIN_LIMIT)
            ),
        )
        self.recent_item = self._item(
            self.shelves_heading, BUILTIN, RECENTLY_ADDED, self.tr("Recently added")
        )
        self.recent_item.setToolTip(
            NAME,
            tooltip(
                self.tr("The documents imported last, the newest first (at most {limit})").format(
                    limit=BUILTIN_LIMIT
                )
            ),
        )

    @staticmethod
    def _item(parent: QTreeWidget | QTreeWidgetItem, kind: str, name: str, text: str) -> Any:
        item = QTreeWidgetItem(parent)
        item.setText(NAME, text)  # an item view shows its text as plain text
        item.setData(NAME, KIND_ROLE, kind)
        item.setData(NAME, NAME_ROLE, name)
        item.setTextAlignment(COUNT, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def _heading(self, tree: QTreeWidget, text: str) -> QTreeWidgetItem:
        item = self._item(tree, HEADING, "", text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # not chosen, only a title
        font = item.font(NAME)
        font.setBold(True)
        item.setFont(NAME, font)
        return item

    def sizeHint(self) -> Any:
        hint = super().sizeHint()
        rows = self.tree.fontMetrics().height() + 6
        hint.setHeight(rows * SHOWN_ROWS)
        return hint

    # ----------------------------------------------------------------- content
    def set_shelves(self, shelves: Iterable[Shelf]) -> None:
        """The reader's shelves, in the order they were made (``read_shelves``)."""
        self.shelves = list(shelves)
        self._fill()

    def refresh(self) -> None:
        """Count the documents again (the library model's rows) and show the counts."""
        self._recount.stop()
        self._stale = False
        self.counts = count_documents(self.model.all_documents())
        self._fill()

    def tag_names(self) -> list[str]:
        """Every tag of the library, sorted."""
        if self._stale:
            self.refresh()
        return list(self.counts.tags)

    def _documents_changed(self) -> None:
        """Count again a moment later; a hidden panel counts when it is shown (every
        saved reading position changes a document: 100,000 are counted in ~20 ms)."""
        self._stale = True
        if self.isVisible():
            self._recount.start()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self._recount.start()

    def _fill(self) -> None:
        """Show the counts, shelves and tags; the chosen item stays chosen if it is
        still there, else the whole library is shown again."""
        tree = self.tree
        scrolled = tree.verticalScrollBar().value()
        tree.blockSignals(True)
        try:
            self.all_item.setText(COUNT, _number(self.counts.total))
            reading = self.counts.continue_reading
            self.reading_item.setText(COUNT, _number(reading) if reading else "")
            self._fill_shelves()
            self._fill_tags()
            found = self._find(*self._chosen)
            tree.setCurrentItem(found or self.all_item)
            tree.verticalScrollBar().setValue(scrolled)  # the list stays where it was
        finally:
            tree.blockSignals(False)
        if found is None:
            self._choose_item(self.all_item)

    def _fill_shelves(self) -> None:
        heading = self.shelves_heading
        heading.takeChildren()
        heading.addChildren([self.reading_item, self.recent_item])  # the built-in ones stay
        for shelf in self.shelves:
            item = self._item(heading, SHELF, shelf.name, shelf.name)
            item.setData(NAME, QUERY_ROLE, shelf.query)
            item.setToolTip(NAME, tooltip(f"{shelf.name}\n{shelf.query}"))

    def _fill_tags(self) -> None:
        heading = self.tags_heading
        heading.takeChildren()
        for tag, count in self.counts.tags.items():
            item = self._item(heading, TAG, tag, tag)
            item.setText(COUNT, _number(count))
            item.setToolTip(NAME, tooltip(tag))
        if not self.counts.tags:
            hint = self._item(
                heading, HINT, "", self.tr("No tags yet: choose Tags… in a document's menu")
            )
            hint.setFlags(Qt.ItemFlag.NoItemFlags)

    def _find(self, kind: str, name: str) -> QTreeWidgetItem | None:
        if kind == ALL:
            return self.all_item
        for heading in (self.shelves_heading, self.tags_heading):
            for i in range(heading.childCount()):
                child = heading.child(i)
                if child is None:
                    continue
                if child.data(NAME, KIND_ROLE) == kind and child.data(NAME, NAME_ROLE) == name:
                    return child
        return None

    # ---------------------------------------------------------------- choosing
    @property
    def chosen(self) -> tuple[str, str]:
        """What is chosen: ``(kind, name)``, kind one of all, builtin, shelf, tag."""
        return self._chosen

    def choose(self, kind: str, name: str = "") -> bool:
        """Choose an item as a click would; False when there is no such item."""
        item = self._find(kind, name)
        if item is None:
            return False
        if item is self.tree.currentItem():
            self._choose_item(item)
        else:
            self.tree.setCurrentItem(item)
        return True

    def show_all(self) -> None:
        """Choose "All documents"."""
        self.choose(ALL)

    def search_changed(self, text: str) -> None:
        """The search field changed: a shelf of the reader's stays chosen only while the
        field holds its query (else the list is the whole library, as it is)."""
        kind, _name = self._chosen
        item = self.tree.currentItem()
        if kind == SHELF and item is not None and item.data(NAME, QUERY_ROLE) != text.strip():
            self._chosen = (ALL, "")
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(self.all_item)
            self.tree.blockSignals(False)

    def _current_changed(self, item: QTreeWidgetItem | None, _previous: Any = None) -> None:
        if item is not None:
            self._choose_item(item)

    def _choose_item(self, item: QTreeWidgetItem) -> None:
        kind = str(item.data(NAME, KIND_ROLE))
        name = str(item.data(NAME, NAME_ROLE) or "")
        if kind in (HEADING, HINT):
            return
        self._chosen = (kind, name)
        if kind == SHELF:
            self.scopeChosen.emit(ALL, "")
            self.shelfChosen.emit(name, str(item.data(NAME, QUERY_ROLE)))
        else:
            self.scopeChosen.emit(kind, name)

    # ------------------------------------------------------------------ shelves
    def new_shelf(self, query: str | None = None) -> ShelfDialog:
        """Ask for a new shelf's name and query (the search field's text to start)."""
        taken = [s.name for s in self.shelves]
        start = self.query_source() if query is None else query
        dialog = ShelfDialog(taken, start.strip(), self)
        dialog.accepted.connect(lambda: self.shelfSaveRequested.emit(dialog.name(), dialog.query()))
        dialog.open()
        self.shelf_dialog = dialog
        return dialog

    def remove_shelf(self, name: str) -> QMessageBox:
        """Ask, then request that the shelf ``name`` be removed."""
        box = plain_message_box(
            self,
            QMessageBox.Icon.Question,
            self.tr("Remove Shelf"),
            self.tr("Remove the shelf “{name}”? Its documents stay in the library.").format(
                name=name
            ),
        )
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(remove)

        def answered(button: Any) -> None:
            if button is remove:
                self.shelfRemoveRequested.emit(name)

        box.buttonClicked.connect(answered)
        box.open()
        self.question = box
        return box

    # -------------------------------------------------------------------- tags
    def rename_tag(self, tag: str) -> RenameTagDialog:
        """Ask for a new name of ``tag``, then request it for every document with it."""
        ids = [d.id for d in self.model.all_documents() if tag in d.tags]
        dialog = RenameTagDialog(tag, len(ids), self)

        def renamed() -> None:
            new = dialog.new_name()
            if new != tag and ids:
                self.tagRenameRequested.emit(ids, tag, new)

        dialog.accepted.connect(renamed)
        dialog.open()
        self.rename_dialog = dialog
        return dialog

    def _context_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        kind = item.data(NAME, KIND_ROLE) if item is not None else None
        name = str(item.data(NAME, NAME_ROLE)) if item is not None else ""
        menu = QMenu(self)
        menu.addAction(self.tr("New Shelf…"), lambda: self.new_shelf())
        if kind == SHELF:
            menu.addAction(self.tr("Remove Shelf…"), lambda: self.remove_shelf(name))
        if kind == TAG:
            menu.addAction(self.tr("Rename Tag…"), lambda: self.rename_tag(name))
        menu.addSeparator()
        menu.addAction(self.tr("Hide Tags and Shelves"), self.hideRequested.emit)
        menu.popup(self.tree.viewport().mapToGlobal(pos))
        self._menu = menu  # kept while it is shown (and for tests)


class ShelfDialog(QDialog):
    """A new shelf: a name and a search (the query syntax of the search field)."""

    def __init__(self, taken: Iterable[str], query: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.taken = set(taken)
        self.setWindowTitle(self.tr("New Shelf"))
        self.name_field = QLineEdit(self)
        self.name_field.setAccessibleName(self.tr("Shelf name"))
        self.query_field = QLineEdit(query, self)
        self.query_field.setAccessibleName(self.tr("Search"))
        self.query_field.setPlaceholderText(self.tr("e.g. tag:待读 script:traditional"))
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name_field)
        form.addRow(self.tr("Search"), self.query_field)
        hint = plain_label(
            self.tr(
                "A shelf keeps a search: choosing it shows what the search finds, "
                "the documents added since included."
            ),
            self,
            wrap=True,
        )
        self.message = plain_label(parent=self, wrap=True)  # may quote the name
        self.message.setAccessibleName(self.tr("Problem"))
        self.message.hide()
        buttons = ok_cancel_buttons(self)  # OK checks the shelf first (accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 60, self.sizeHint().height())

    def name(self) -> str:
        return " ".join(self.name_field.text().split())

    def query(self) -> str:
        return self.query_field.text().strip()

    def problem(self) -> str:
        """Why the shelf cannot be saved as it is; "" when it can."""
        name, query = self.name(), self.query()
        if not name or len(name) > MAX_NAME:
            return self.tr("Give the shelf a name of 1 to {limit} characters.").format(
                limit=MAX_NAME
            )
        if name in self.taken:
            return self.tr("There is already a shelf called “{name}”: choose another name.").format(
                name=name
            )
        if name in (CONTINUE_READING, RECENTLY_ADDED):
            return self.tr("“{name}” is the name of a built-in shelf.").format(name=name)
        if not query or len(query) > MAX_QUERY:
            return self.tr("Write the search of the shelf, 1 to {limit} characters.").format(
                limit=MAX_QUERY
            )
        return ""

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.message.setText(problem)
            self.message.show()
            return
        super().accept()
