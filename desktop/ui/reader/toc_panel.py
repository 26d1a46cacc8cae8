"""Table of contents: the document's chapters; a click jumps, scrolling follows.

Chapters come from the record as canonical offsets, so they stay right in every view;
their titles are shown in the script of the view.
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.core.records import DocRecord
from desktop.core.views import in_script
from desktop.ui.reader.pane import ReaderPane

__all__ = ["OFFSET_ROLE", "TocPanel", "in_view_script"]

OFFSET_ROLE = Qt.ItemDataRole.UserRole + 1


def in_view_script(reader: ReaderPane, lines: list[str]) -> list[str]:
    """``lines`` of the canonical text in the script the reader shows, one for one.

    Chapter titles are stored as the document writes them; the contents and the
    chapters dialog show them as the page does, so a title reads as its heading."""
    options = reader.options
    if options.script == "original" or not lines:
        return list(lines)
    return in_script("\n".join(lines), options.script, options.phrases).split("\n")


class TocPanel(QWidget):
    """A list of chapters that drives and follows the reader."""

    def __init__(self, reader: ReaderPane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Table of contents"))
        self.list.setUniformItemSizes(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        self._offsets: list[int] = []
        self._following = False
        self.list.itemActivated.connect(self._jump)
        self.list.itemClicked.connect(self._jump)
        reader.viewReset.connect(self.refresh)
        reader.positionChanged.connect(self.follow)

    def refresh(self) -> None:
        """Rebuild from the reader's document and view script."""
        record = self.reader.record
        chapters = sorted(record.chapters) if record else []
        titles = in_view_script(self.reader, [t for _, t in chapters])
        self.list.clear()
        self._offsets = [offset for offset, _ in chapters]
        for offset, title in zip(self._offsets, titles):
            item = QListWidgetItem(title.strip() or "…")
            item.setData(OFFSET_ROLE, offset)
            self.list.addItem(item)
        self.follow(self.reader.current_canonical())

    def show_chapters(self, record: DocRecord) -> None:
        """The open document's table of contents was replaced (Document ▸ Chapters…).

        The reader takes the new record, so Go ▸ Next/Previous Chapter follow the new
        table too; a record of another document changes nothing here."""
        if self.reader.doc_id != record.id:
            return
        self.reader.record = record
        self.refresh()

    def _jump(self, item: QListWidgetItem) -> None:
        if self._following:
            return
        self.reader.go_to_canonical(int(item.data(OFFSET_ROLE)))

    def current_row(self, canonical: int) -> int:
        """The row of the chapter holding ``canonical`` (-1 before the first)."""
        return bisect_right(self._offsets, canonical) - 1

    def follow(self, canonical: int) -> None:
        """Mark the chapter being read."""
        row = self.current_row(canonical)
        self._following = True
        try:
            if row >= 0:
                self.list.setCurrentRow(row)
                self.list.scrollToItem(self.list.item(row))
            else:
                self.list.clearSelection()
        finally:
            self._following = False
