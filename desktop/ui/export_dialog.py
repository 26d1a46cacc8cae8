"""Export a document's annotations (Markdown or W3C JSON-LD) and import JSON-LD.

The content comes from the core (:func:`~desktop.core.annotations.to_markdown`,
:func:`~desktop.core.annotations.to_w3c`, :func:`~desktop.core.annotations.from_w3c`)
and is written by the core's atomic writer; this module only asks where and how.
Markdown quotes are converted to the chosen script.  JSON-LD keeps the canonical
quotes, since an import re-finds each annotation by its quote in the canonical text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QWidget,
)

from desktop.core.annotations import AnnotationStore, from_w3c, to_markdown, to_w3c
from desktop.core.annotations.export import source_doc_id
from desktop.core.atomic import write_text
from desktop.core.library import DocRecord
from desktop.core.views import convert_text, script_config
from desktop.ui.annotation_layer import AnnotationLayer
from desktop.ui.reader_toolbar import SCRIPT_LABELS

__all__ = [
    "FORMATS",
    "ExportDialog",
    "ImportReport",
    "export_annotations",
    "export_text",
    "export_to_file",
    "import_annotations",
    "import_from_file",
]

#: format key → (label, file suffix, file-dialog filter)
FORMATS = {
    "markdown": ("Markdown", ".md", "Markdown (*.md)"),
    "w3c": ("W3C Web Annotation (JSON-LD)", ".jsonld", "JSON-LD (*.jsonld *.json)"),
}


def export_text(store: AnnotationStore, record: DocRecord, fmt: str, script: str) -> str:
    """The annotations of ``record`` as Markdown (quotes in ``script``) or JSON-LD."""
    if fmt == "w3c":
        value = to_w3c(store.items(), doc_id=record.id, title=record.title)
        return json.dumps(value, ensure_ascii=False, indent=2) + "\n"
    if fmt != "markdown":
        raise ValueError(f"unknown export format {fmt!r}")
    config = script_config(script)
    meta = {"Author": record.author, "Source": record.source, "Published": record.published}
    return to_markdown(
        store.items(),
        title=record.title,
        meta=meta,
        chapters=record.chapters,
        convert=(lambda s: convert_text(s, config)) if config else None,
    )


def export_to_file(
    store: AnnotationStore, record: DocRecord, path: Path, fmt: str, script: str
) -> None:
    """Write the export to ``path``; ``OSError`` names the file when it cannot be written."""
    content = export_text(store, record, fmt, script)
    try:
        write_text(path, content, backup=False)
    except OSError as exc:
        raise OSError(f"cannot write {path}: {exc.strerror or exc}") from exc


@dataclass
class ImportReport:
    """What an import of JSON-LD did."""

    path: Path
    total: int
    orphaned: int
    changed: int
    other_document: bool  #: the file names another document (placed by quote anyway)

    @property
    def placed(self) -> int:
        return self.total - self.orphaned

    def message(self) -> str:
        text = (
            f"Imported {self.total} annotations from {self.path.name}: {self.placed} placed, "
            f"{self.orphaned} orphaned (their text was not found)"
        )
        if self.changed < self.total:
            text += f"; {self.total - self.changed} were already here (or deleted here since)"
        if self.other_document:
            text += "; the file was exported from another document"
        return text


def import_from_file(store: AnnotationStore, doc_id: str, path: Path) -> ImportReport:
    """Merge W3C JSON-LD from ``path`` into ``store``, re-anchored by quote.

    ``ValueError`` names the file and the problem (unreadable, not JSON, not annotations).
    """
    try:
        value = json.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise ValueError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path} is not a JSON file: {exc}") from exc
    try:
        items = from_w3c(value, store.text)
        source = source_doc_id(value)
    except (ValueError, AttributeError, TypeError) as exc:
        raise ValueError(f"{path}: not W3C Web Annotations: {exc}") from exc
    changed = store.merge_in(items)
    return ImportReport(
        path, len(items), items.orphaned, changed, bool(source and source != doc_id)
    )


class ExportDialog(QDialog):
    """Choose the format and the script; the file is picked next."""

    def __init__(self, parent: QWidget | None, script: str = "original") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Annotations"))
        self.format_combo = QComboBox(self)
        for key, (label, _suffix, _filter) in FORMATS.items():
            self.format_combo.addItem(self.tr(label), key)
        self.script_combo = QComboBox(self)
        for key, label in SCRIPT_LABELS.items():
            self.script_combo.addItem(label, key)
        self.script_combo.setCurrentIndex(max(0, self.script_combo.findData(script)))
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Format"), self.format_combo)
        form.addRow(self.tr("Script"), self.script_combo)
        form.addRow(self.hint)
        form.addRow(buttons)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self._format_changed()

    def _format_changed(self) -> None:
        w3c = self.fmt == "w3c"
        self.script_combo.setEnabled(not w3c)
        self.hint.setText(
            self.tr("JSON-LD keeps the document's own text, so it can be imported again.")
            if w3c
            else self.tr("Quotes and chapter titles are shown in the chosen script.")
        )

    @property
    def fmt(self) -> str:
        return str(self.format_combo.currentData())

    @property
    def script(self) -> str:
        return str(self.script_combo.currentData())

    def pick_path(self, title: str) -> Path | None:
        """Ask where to save; the format's suffix is added when missing."""
        _label, suffix, name_filter = FORMATS[self.fmt]
        start = str(Path.home() / f"{title[:60] or 'annotations'}{suffix}")
        chosen, _ = QFileDialog.getSaveFileName(
            self.parentWidget(), self.tr("Export annotations"), start, name_filter
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix else path.with_suffix(suffix)


def export_annotations(parent: QWidget, layer: AnnotationLayer) -> str | None:
    """Document ▸ Export Annotations: ask format, script and file; the status message."""
    store, record = layer.store, layer.reader.record
    if store is None or record is None:
        return parent.tr("Open a document first")
    dialog = ExportDialog(parent, layer.reader.options.script)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    path = dialog.pick_path(record.title)
    if path is None:
        return None
    try:
        export_to_file(store, record, path, dialog.fmt, dialog.script)
    except (OSError, ValueError) as exc:
        QMessageBox.warning(parent, parent.tr("Export failed"), str(exc))
        return str(exc)
    return parent.tr("Exported {n} annotations to {path}").format(n=len(store.items()), path=path)


def import_annotations(parent: QWidget, layer: AnnotationLayer) -> str | None:
    """Document ▸ Import Annotations: pick a JSON-LD file, merge it, report the count."""
    store, doc_id = layer.store, layer.reader.doc_id
    if store is None or doc_id is None:
        return parent.tr("Open a document first")
    chosen, _ = QFileDialog.getOpenFileName(
        parent,
        parent.tr("Import annotations"),
        str(Path.home()),
        parent.tr("W3C Web Annotations (*.jsonld *.json);;All files (*)"),
    )
    if not chosen:
        return None
    try:
        report = import_from_file(store, doc_id, Path(chosen))
    except ValueError as exc:
        QMessageBox.warning(parent, parent.tr("Import failed"), str(exc))
        return str(exc)
    layer.notify_changed()
    return report.message()
