"""The dialog in which a note is written or edited, under the quote it belongs to."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.ui.common.dialogs import ok_cancel_buttons
from desktop.ui.common.plain import plain_label

__all__ = ["NoteDialog"]

#: Characters of the quote shown above the note (a longer quote ends with "…").
_QUOTE_CHARS = 160


class NoteDialog(QDialog):
    """A small dialog to write or edit a note, showing the quote it belongs to."""

    def __init__(self, parent: QWidget | None, quote: str, note: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Note"))
        shown = quote if len(quote) <= _QUOTE_CHARS else quote[:_QUOTE_CHARS] + "…"
        label = plain_label(self.tr("“{quote}”").format(quote=shown), self, wrap=True)
        label.setAccessibleName(self.tr("Quoted text"))
        self.editor = QPlainTextEdit(self)
        self.editor.setPlainText(note)
        self.editor.setAccessibleName(self.tr("Note text"))
        self.editor.setPlaceholderText(self.tr("Write your note here"))
        self.editor.setTabChangesFocus(True)
        buttons = ok_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.editor)
        layout.addWidget(buttons)
        em = self.fontMetrics().horizontalAdvance("中")
        self.resize(30 * em, 16 * self.fontMetrics().height())
        self.editor.setFocus()

    @classmethod
    def ask(cls, parent: QWidget, quote: str, note: str) -> str | None:
        """The edited note, or None when cancelled."""
        dialog = cls(parent, quote, note)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.editor.toPlainText().strip()
