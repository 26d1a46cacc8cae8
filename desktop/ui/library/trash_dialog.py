"""Library ▸ Trash…: the removed documents, to restore or delete for good.

Removing a document moves its folder (text, original file, annotations) to the
library's trash; until now only ``tongwen-cli restore`` brought one back.  The
dialog lists each removed document by title, removal time and size, restores the
chosen ones (they come back with their annotations and reappear in the library
pane, which follows the library's "added" event), and deletes them for good only
after a confirmation that names them.  All file work goes through the
:class:`~desktop.core.library.Library`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.library import Library, LibraryError
from desktop.core.trash import TrashEntry
from desktop.ui.common.errors import show_error
from desktop.ui.common.plain import plain_label, plain_message_box, tooltip

__all__ = ["TrashDialog", "open_trash"]

log = logging.getLogger(__name__)

#: How many titles a confirmation names before "…".
_NAMED_IN_QUESTION = 10
_SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_NAME_ROLE = Qt.ItemDataRole.UserRole + 2
TITLE, REMOVED, SIZE = range(3)


class _Row(QTreeWidgetItem):
    """A trash entry's row; sorts dates and sizes by value, not by their text."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        column = self.treeWidget().sortColumn() if self.treeWidget() else TITLE
        mine, theirs = self.data(column, _SORT_ROLE), other.data(column, _SORT_ROLE)
        if mine is None or theirs is None or type(mine) is not type(theirs):
            return super().__lt__(other)
        return bool(mine < theirs)


class TrashDialog(QDialog):
    """The library's trash: Restore, Delete Permanently…, Empty Trash…."""

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self._error_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("Trash"))
        self._build()
        self.refresh()
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 90, metrics.height() * 24)

    # ------------------------------------------------------------------ set-up
    def _build(self) -> None:
        intro = self.tr(
            "Documents removed from the library are kept here with their annotations "
            "until you delete them."
        )
        self.intro = plain_label(intro, self, wrap=True)
        self.list = QTreeWidget(self)
        self.list.setAccessibleName(self.tr("Removed documents"))
        self.list.setHeaderLabels([self.tr("Title"), self.tr("Removed"), self.tr("Size")])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setSortingEnabled(True)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(REMOVED, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SIZE, QHeaderView.ResizeMode.ResizeToContents)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(lambda *_: self.restore_selected())
        self.empty_label = plain_label(self.tr("The trash is empty."), self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = plain_label(parent=self, wrap=True)  # names restored titles
        self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.restore_button = self._button(self.tr("&Restore"), self.restore_selected, role)
        self.delete_button = self._button(
            self.tr("&Delete Permanently…"), self.delete_selected, role
        )
        self.empty_button = self._button(self.tr("&Empty Trash…"), self.empty_trash, role)
        self.restore_button.setDefault(True)
        self.buttons.rejected.connect(self.reject)

    def _button(self, text: str, slot: Any, role: QDialogButtonBox.ButtonRole) -> QPushButton:
        button = self.buttons.addButton(text, role)
        button.clicked.connect(lambda _=False: slot())
        return button

    # ----------------------------------------------------------------- listing
    def refresh(self) -> None:
        """List the trash as it is on disk now."""
        try:
            entries = self.library.trash_entries()
        except OSError as exc:
            entries = []
            self._show_error(self.tr("Cannot read the trash"), exc)
        self.list.setSortingEnabled(False)
        self.list.clear()
        for entry in entries:
            self.list.addTopLevelItem(self._row(entry))
        self.list.setSortingEnabled(True)
        self.list.sortByColumn(REMOVED, Qt.SortOrder.DescendingOrder)
        first = self.list.topLevelItem(0)
        if first is not None:  # the one removed last is chosen: Enter brings it back
            self.list.setCurrentItem(first)
        self.list.setVisible(bool(entries))
        self.empty_label.setVisible(not entries)
        self.empty_button.setEnabled(bool(entries))
        self._update_buttons()

    def _row(self, entry: TrashEntry) -> QTreeWidgetItem:
        title = entry.title or self.tr("(untitled {id})").format(id=entry.doc_id[:12])
        row = _Row([title, self._when(entry), QLocale().formattedDataSize(entry.size)])
        row.setToolTip(TITLE, tooltip(title))  # tool tips take markup: escaped
        row.setData(TITLE, _NAME_ROLE, entry.name)
        row.setData(TITLE, _SORT_ROLE, title.casefold())
        stamp = entry.removed.timestamp() if entry.removed else 0.0
        row.setData(REMOVED, _SORT_ROLE, stamp)
        row.setData(SIZE, _SORT_ROLE, entry.size)
        row.setTextAlignment(SIZE, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return row

    @staticmethod
    def _when(entry: TrashEntry) -> str:
        if entry.removed is None:
            return ""
        when = QDateTime(entry.removed)
        return QLocale().toString(when, QLocale.FormatType.ShortFormat)

    def entry_names(self) -> list[str]:
        """The trash entries listed, top to bottom."""
        rows = (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
        return [str(row.data(TITLE, _NAME_ROLE)) for row in rows if row is not None]

    def select_names(self, names: list[str]) -> None:
        """Select the rows of ``names`` (and only those)."""
        for i in range(self.list.topLevelItemCount()):
            row = self.list.topLevelItem(i)
            if row is not None:
                row.setSelected(row.data(TITLE, _NAME_ROLE) in names)

    def _selected(self) -> list[tuple[str, str]]:
        """(entry name, title shown) of the selected rows."""
        return [
            (str(row.data(TITLE, _NAME_ROLE)), row.text(TITLE)) for row in self.list.selectedItems()
        ]

    def _update_buttons(self) -> None:
        chosen = bool(self.list.selectedItems())
        self.restore_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    # ----------------------------------------------------------------- actions
    def restore_selected(self) -> list[str]:
        """Put the selected documents back in the library; returns their ids."""
        restored: list[str] = []
        titles: list[str] = []
        for name, title in self._selected():
            doc_id = self._restore_one(name, title)
            if doc_id is not None:
                restored.append(doc_id)
                titles.append(title)
        self.refresh()
        if titles:
            said = self.tr("Restored %n document(s):", "", len(titles))
            self.status.setText(said + "\n" + "\n".join(titles))
        return restored

    def _restore_one(self, name: str, title: str) -> str | None:
        try:
            return self.library.restore(name)
        except ValueError:  # the same file was imported again since it was removed
            self._show_problem(
                self.tr("Cannot restore “{title}”").format(title=title),
                self.tr(
                    "“{title}” is in the library again (it was imported after it was "
                    "removed), so the copy in the trash was left where it is."
                ).format(title=title),
                self.tr(
                    "The copy in the trash keeps its own annotations; delete it when you "
                    "no longer need them."
                ),
            )
        except (OSError, LookupError, LibraryError) as exc:
            title = self.tr("Cannot restore “{title}”").format(title=title)
            self._show_error(title, exc, self.library.trash_dir / name)
        return None

    def delete_selected(self) -> int:
        """Delete the selected documents for good, after asking; returns how many."""
        chosen = self._selected()
        if not chosen or not self._confirm_delete([title for _, title in chosen]):
            return 0
        return self._purge([name for name, _ in chosen])

    def empty_trash(self) -> int:
        """Delete everything in the trash, after asking; returns how many."""
        names = self.entry_names()
        if not names:
            return 0
        rows = (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
        titles = [row.text(TITLE) for row in rows if row is not None]
        if not self._confirm_delete(titles):
            return 0
        return self._purge(names)

    def _confirm_delete(self, titles: list[str]) -> bool:
        shown = "\n".join(titles[:_NAMED_IN_QUESTION])
        if len(titles) > _NAMED_IN_QUESTION:
            shown += "\n…"
        box = plain_message_box(
            self,
            QMessageBox.Icon.Warning,
            self.tr("Delete Permanently"),
            self.tr(
                "Delete %n document(s) and their annotations for good? This cannot be undone.",
                "",
                len(titles),
            ),
            shown,
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Delete Permanently"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.confirmation = box  # tests answer it
        return box.exec() == QMessageBox.StandardButton.Yes

    def _purge(self, names: list[str]) -> int:
        deleted = 0
        for name in names:
            try:
                self.library.purge(name)
                deleted += 1
            except (OSError, LookupError) as exc:
                title = self.tr("Cannot delete a document from the trash")
                self._show_error(title, exc, self.library.trash_dir / name)
                break
        self.refresh()
        self.status.setText(self.tr("Deleted %n document(s) for good.", "", deleted))
        return deleted

    # ------------------------------------------------------------------ errors
    def _show_error(self, title: str, exc: BaseException, path: Path | None = None) -> None:
        self._error_box = show_error(self, title, exc, path or self.library.trash_dir)

    def _show_problem(self, title: str, text: str, advice: str) -> None:
        log.warning("%s: %s", title, text)
        box = plain_message_box(self, QMessageBox.Icon.Warning, title, text, advice)
        box.open()
        self._error_box = box


def open_trash(parent: QWidget, library: Library) -> TrashDialog:
    """Show the trash dialog of ``parent`` (the one already open, if any)."""
    dialog = parent.findChild(TrashDialog)
    if dialog is None:
        dialog = TrashDialog(library, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    else:
        dialog.refresh()
    dialog.open()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
