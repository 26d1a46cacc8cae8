"""Small dialogs: edit metadata, re-decode, import summary."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.library import EDITABLE_FIELDS, DocRecord, ImportResult

__all__ = ["ENCODINGS", "MetadataDialog", "ReencodeDialog", "import_summary", "ok_cancel_buttons"]

#: Encodings offered for re-decoding, with names a reader recognises.
ENCODINGS: list[tuple[str, str]] = [
    ("utf-8", "UTF-8"),
    ("gb18030", "GB18030 / GBK / GB2312 (简体)"),
    ("big5", "Big5 (繁體)"),
    ("big5hkscs", "Big5-HKSCS (香港)"),
    ("utf-16-le", "UTF-16 LE"),
    ("utf-16-be", "UTF-16 BE"),
    ("shift_jis", "Shift-JIS (日本語)"),
    ("euc-kr", "EUC-KR (한국어)"),
    ("cp1252", "Windows-1252 (Western)"),
]


def ok_cancel_buttons(dialog: QDialog) -> QDialogButtonBox:
    """An OK / Cancel button box wired to ``dialog``'s accept and reject."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class MetadataDialog(QDialog):
    """Edit title, author, source and date; an empty field restores the extracted value."""

    def __init__(self, record: DocRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit metadata"))
        labels = {
            "title": self.tr("Title"),
            "author": self.tr("Author"),
            "source": self.tr("Source"),
            "published": self.tr("Published"),
        }
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for key in EDITABLE_FIELDS:
            edit = QLineEdit(self)
            edit.setText(str(record.user.get(key) or ""))
            extracted = record.extracted.get(key)
            edit.setPlaceholderText(str(extracted) if extracted else self.tr("(none)"))
            edit.setAccessibleName(labels[key])
            form.addRow(labels[key], edit)
            self.fields[key] = edit
        self.fields["published"].setToolTip(self.tr("A date like 2024-08-04, 2024-08 or 2024"))
        hint = QLabel(self.tr("Leave a field empty to use the value found in the file."), self)
        hint.setWordWrap(True)
        buttons = ok_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def edits(self) -> dict[str, str | None]:
        return {k: (e.text().strip() or None) for k, e in self.fields.items()}


class ReencodeDialog(QDialog):
    def __init__(self, record: DocRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Re-decode"))
        self.combo = QComboBox(self)
        self.combo.setAccessibleName(self.tr("Encoding"))
        for codec, name in ENCODINGS:
            self.combo.addItem(name, codec)
        current = (record.encoding or "").lower().replace("_", "-")
        for i, (codec, _) in enumerate(ENCODINGS):
            if codec == current:
                self.combo.setCurrentIndex(i)
        prompt = self.tr("“{title}” was decoded as {enc}. Decode the original file again as:")
        label = QLabel(prompt.format(title=record.title, enc=record.encoding or "?"), self)
        label.setWordWrap(True)
        buttons = ok_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        layout.addWidget(buttons)

    def encoding(self) -> str:
        return str(self.combo.currentData())


def import_summary(parent: QWidget, results: list[ImportResult]) -> QMessageBox:
    """A message box that names every failed or skipped file and why."""
    counts = {
        s: sum(r.status == s for r in results)
        for s in ("imported", "duplicate", "skipped", "failed")
    }
    box = QMessageBox(parent)
    box.setWindowTitle(parent.tr("Import finished"))
    lines = [
        parent.tr("Imported: {n}").format(n=counts["imported"]),
        parent.tr("Already in the library: {n}").format(n=counts["duplicate"]),
    ]
    if counts["skipped"]:
        lines.append(parent.tr("Skipped: {n}").format(n=counts["skipped"]))
    if counts["failed"]:
        lines.append(parent.tr("Failed: {n}").format(n=counts["failed"]))
        box.setIcon(QMessageBox.Icon.Warning)
    else:
        box.setIcon(QMessageBox.Icon.Information)
    box.setText("\n".join(lines))
    problems = [f"{r.path}: {r.error}" for r in results if r.status in ("failed", "skipped")]
    if problems:
        box.setDetailedText("\n".join(problems))
    return box
