"""The reader pane: a document's title and metadata above its text.

Text goes into a read-only ``QPlainTextEdit`` progressively: the first screen at
once, the rest appended in chunks from a zero-delay timer, so a 50 MB novel never
freezes the window (DESIGN.md, "Reader").
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFont, QTextCursor, QTextOption
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.core.library import DocRecord

__all__ = ["ReaderPane"]

FIRST_CHUNK = 16_000
CHUNK = 200_000


class ReaderPane(QWidget):
    loadFinished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = QLabel(self)
        self.title_label.setWordWrap(True)
        self.title_label.setAccessibleName(self.tr("Document title"))
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title_label.setFont(font)
        self.meta_label = QLabel(self)
        self.meta_label.setWordWrap(True)
        self.meta_label.setAccessibleName(self.tr("Document details"))

        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setUndoRedoEnabled(False)
        self.text.setAccessibleName(self.tr("Document text"))
        self.text.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        body = QFont(self.text.font())
        body.setPointSizeF(max(body.pointSizeF(), 10) * 1.25)
        self.text.setFont(body)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.title_label)
        layout.addWidget(self.meta_label)
        layout.addWidget(self.text, 1)

        self.doc_id: str | None = None
        self._pending = ""
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._append_chunk)
        self.clear()

    def clear(self) -> None:
        self._timer.stop()
        self._pending = ""
        self.doc_id = None
        self.title_label.setText(self.tr("No document open"))
        self.meta_label.setText(self.tr("Double-click a document in the library to read it."))
        self.text.clear()

    def show_document(self, record: DocRecord, text: str) -> None:
        self._timer.stop()
        self.doc_id = record.id
        self.title_label.setText(record.title)
        parts = [record.author, record.source, record.published]
        details = " · ".join(p for p in parts if p)
        self.meta_label.setText(details or record.original_name)
        self.text.setPlainText(text[:FIRST_CHUNK])
        self._pending = text[FIRST_CHUNK:]
        if self._pending:
            self._timer.start()
        else:
            self.loadFinished.emit()

    @property
    def loading(self) -> bool:
        return bool(self._pending)

    def _append_chunk(self) -> None:
        chunk, self._pending = self._pending[:CHUNK], self._pending[CHUNK:]
        cursor = QTextCursor(self.text.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(chunk)
        if not self._pending:
            self._timer.stop()
            self.loadFinished.emit()
