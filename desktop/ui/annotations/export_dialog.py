"""Export a document's annotations (Markdown or W3C JSON-LD) and import JSON-LD.

The content comes from the core (:func:`~desktop.core.annotations.to_markdown`,
:func:`~desktop.core.annotations.to_w3c`, :func:`~desktop.core.annotations.from_w3c`)
and is written by the core's atomic writer; this module only asks where and how.
Markdown quotes are converted to the chosen script.  JSON-LD keeps the canonical
quotes, since an import re-finds each annotation by its quote in the canonical text.
"""

from __future__ import annotations

import errno
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QWidget,
)

from desktop.core.annotations import AnnotationStore, from_w3c, to_markdown, to_w3c
from desktop.core.annotations.export import MarkdownLabels, source_doc_id
from desktop.core.atomic import write_text
from desktop.core.library import DocRecord
from desktop.ui.annotations.colours import COLOR_LABELS, color_label
from desktop.ui.annotations.layer import AnnotationLayer
from desktop.ui.common.app_settings import AppSettings
from desktop.ui.common.dialogs import ok_cancel_buttons
from desktop.ui.common.file_dialogs import save_file, start_folder
from desktop.ui.common.plain import file_name_part, plain_message_box
from desktop.ui.reader.toolbar import SCRIPT_LABELS, script_label

__all__ = [
    "FORMATS",
    "ExportDialog",
    "ImportReport",
    "export_annotations",
    "export_text",
    "export_to_file",
    "import_annotations",
    "import_file_dialog",
    "import_from_file",
    "markdown_labels",
    "problem_box",
]

log = logging.getLogger(__name__)

#: format key → (label, file suffix, file-dialog filter); labels translated when shown
FORMATS = {
    "markdown": (QT_TRANSLATE_NOOP("AnnotationFiles", "Markdown"), ".md", "Markdown (*.md)"),
    "w3c": (
        QT_TRANSLATE_NOOP("AnnotationFiles", "W3C Web Annotation (JSON-LD)"),
        ".jsonld",
        "JSON-LD (*.jsonld *.json)",
    ),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("AnnotationFiles", text)


def _os_problem(exc: OSError) -> str:
    """What went wrong with a file, in the UI language."""
    known = {
        errno.ENOENT: QT_TRANSLATE_NOOP("AnnotationFiles", "the file or folder does not exist"),
        errno.EACCES: QT_TRANSLATE_NOOP("AnnotationFiles", "permission denied"),
        errno.EPERM: QT_TRANSLATE_NOOP("AnnotationFiles", "permission denied"),
        errno.ENOSPC: QT_TRANSLATE_NOOP("AnnotationFiles", "the disk is full"),
        errno.EROFS: QT_TRANSLATE_NOOP("AnnotationFiles", "the disk is read-only"),
        errno.EISDIR: QT_TRANSLATE_NOOP("AnnotationFiles", "it is a folder"),
    }
    text = known.get(exc.errno or 0)
    return _tr(str(text)) if text else str(exc.strerror or exc)


def markdown_labels() -> MarkdownLabels:
    """The words of a Markdown export in the UI language (written out for lupdate)."""
    return MarkdownLabels(
        bookmark=QCoreApplication.translate("AnnotationFiles", "Bookmark"),
        note=QCoreApplication.translate("AnnotationFiles", "Note"),
        colors={color: color_label(color) for color in COLOR_LABELS},
        orphaned=QCoreApplication.translate("AnnotationFiles", "Orphaned"),
        orphaned_item=QCoreApplication.translate(
            "AnnotationFiles", "not found in the current text"
        ),
        before_first_chapter=QCoreApplication.translate(
            "AnnotationFiles", "Before the first chapter"
        ),
        no_annotations=QCoreApplication.translate("AnnotationFiles", "No annotations."),
    )


def _meta_of(record: DocRecord) -> dict[str, str | None]:
    """The document's details under headings in the UI language."""
    return {
        QCoreApplication.translate("AnnotationFiles", "Author"): record.author,
        QCoreApplication.translate("AnnotationFiles", "Source"): record.source,
        QCoreApplication.translate("AnnotationFiles", "Published"): record.published,
    }


def export_text(store: AnnotationStore, record: DocRecord, fmt: str, script: str) -> str:
    """The annotations of ``record`` as Markdown (quotes in ``script``) or JSON-LD."""
    if fmt == "w3c":
        value = to_w3c(store.items(), doc_id=record.id, title=record.title)
        return json.dumps(value, ensure_ascii=False, indent=2) + "\n"
    if fmt != "markdown":
        raise ValueError(f"unknown export format {fmt!r}")
    from desktop.core.views.convert import convert_text, script_config  # OpenCC: when used

    config = script_config(script)
    return to_markdown(
        store.items(),
        title=record.title,
        meta=_meta_of(record),
        chapters=record.chapters,
        convert=(lambda s: convert_text(s, config)) if config else None,
        labels=markdown_labels(),
    )


def export_to_file(
    store: AnnotationStore, record: DocRecord, path: Path, fmt: str, script: str
) -> None:
    """Write the export to ``path``; ``OSError`` names the file when it cannot be written."""
    content = export_text(store, record, fmt, script)
    try:
        write_text(path, content, backup=False)
    except OSError as exc:
        message = QCoreApplication.translate("AnnotationFiles", "Cannot write {file}: {problem}.")
        raise OSError(message.format(file=path, problem=_os_problem(exc))) from exc


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
        """What was imported, in whole sentences of the UI language."""
        head = QCoreApplication.translate(
            "AnnotationFiles",
            "Imported %n annotation(s) from {file}: {placed} placed, {orphaned} orphaned "
            "(their text was not found).",
            "",
            self.total,
        )
        sentences = [head.format(file=self.path.name, placed=self.placed, orphaned=self.orphaned)]
        if self.changed < self.total:
            again = QCoreApplication.translate(
                "AnnotationFiles", "{n} of them were already here (or deleted here since)."
            )
            sentences.append(again.format(n=self.total - self.changed))
        if self.other_document:
            sentences.append(
                QCoreApplication.translate(
                    "AnnotationFiles", "The file was exported from another document."
                )
            )
        return " ".join(sentences)


def import_from_file(store: AnnotationStore, doc_id: str, path: Path) -> ImportReport:
    """Merge W3C JSON-LD from ``path`` into ``store``, re-anchored by quote.

    ``ValueError`` names the file and the problem (unreadable, not JSON, not annotations).
    """
    try:
        value = json.loads(path.read_text("utf-8"))
    except OSError as exc:
        message = QCoreApplication.translate("AnnotationFiles", "Cannot read {file}: {problem}.")
        raise ValueError(message.format(file=path, problem=_os_problem(exc))) from exc
    except UnicodeDecodeError as exc:
        message = QCoreApplication.translate(
            "AnnotationFiles", "{file} is not a JSON file (it is not UTF-8 text)."
        )
        raise ValueError(message.format(file=path)) from exc
    except json.JSONDecodeError as exc:
        message = QCoreApplication.translate(
            "AnnotationFiles", "{file} is not a JSON file (error at line {line}, column {column})."
        )
        raise ValueError(message.format(file=path, line=exc.lineno, column=exc.colno)) from exc
    try:
        items = from_w3c(value, store.text)
        source = source_doc_id(value)
    except (ValueError, AttributeError, TypeError) as exc:
        log.warning("%s: not W3C Web Annotations: %s", path, exc)
        message = QCoreApplication.translate(
            "AnnotationFiles", "{file} is not W3C Web Annotation data; nothing was imported."
        )
        raise ValueError(message.format(file=path)) from exc
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
        self.format_combo.setAccessibleName(self.tr("Format"))
        for key, (label, _suffix, _filter) in FORMATS.items():
            self.format_combo.addItem(_tr(str(label)), key)
        self.script_combo = QComboBox(self)
        self.script_combo.setAccessibleName(self.tr("Script"))
        for key in SCRIPT_LABELS:
            self.script_combo.addItem(script_label(key), key)
        self.script_combo.setCurrentIndex(max(0, self.script_combo.findData(script)))
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        buttons = ok_cancel_buttons(self)
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

    def pick_path(self, title: str, settings: AppSettings | None = None) -> Path | None:
        """Ask where to save (in the folder used last); the format's suffix is added
        when missing."""
        _label, suffix, name_filter = FORMATS[self.fmt]
        # the title only names the file: a "/" or ".." in it must not pick the folder
        name = f"{file_name_part(title) or 'annotations'}{suffix}"
        path = save_file(
            self.parentWidget(),
            settings,
            "annotations",
            self.tr("Export Annotations"),
            name,
            name_filter,
        )
        if path is None:
            return None
        return path if path.suffix else path.with_suffix(suffix)


def problem_box(parent: QWidget, title: str, text: str, advice: str) -> QMessageBox:
    """A warning naming the file and the problem (``text``) and what to do (``advice``)."""
    return plain_message_box(parent, QMessageBox.Icon.Warning, title, text, advice)


def _failed(parent: QWidget, title: str, exc: Exception, advice: str) -> str:
    """Show why an export or import failed (the error names the file) and what to do;
    the same words for the status bar."""
    problem_box(parent, title, str(exc), advice).exec()
    return str(exc)


def export_annotations(parent: QWidget, layer: AnnotationLayer) -> str | None:
    """Document ▸ Export Annotations: ask format, script and file; the status message."""
    store, record = layer.store, layer.record
    if store is None or record is None:
        return QCoreApplication.translate("AnnotationFiles", "Open a document first")
    dialog = ExportDialog(parent, layer.shown_script)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    path = dialog.pick_path(record.title, layer.settings)
    if path is None:
        return None
    try:
        export_to_file(store, record, path, dialog.fmt, dialog.script)
    except (OSError, ValueError) as exc:
        return _failed(
            parent,
            QCoreApplication.translate("AnnotationFiles", "Export failed"),
            exc,
            QCoreApplication.translate(
                "AnnotationFiles", "Choose another folder, or free some space, and export again."
            ),
        )
    done = QCoreApplication.translate(
        "AnnotationFiles", "Exported %n annotation(s) to {file}.", "", len(store.items())
    )
    return done.format(file=path)


def import_file_dialog(parent: QWidget, folder: str | None = None) -> QFileDialog:
    """The dialog that picks a W3C Web Annotation file to import, opened in ``folder``."""
    dialog = QFileDialog(
        parent,
        QCoreApplication.translate("AnnotationFiles", "Import Annotations"),
        folder or str(Path.home()),
    )
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setNameFilters(
        [
            QCoreApplication.translate("AnnotationFiles", "W3C Web Annotations (*.jsonld *.json)"),
            QCoreApplication.translate("AnnotationFiles", "All files (*)"),
        ]
    )
    return dialog


def import_annotations(parent: QWidget, layer: AnnotationLayer) -> str | None:
    """Document ▸ Import Annotations: pick a JSON-LD file, merge it, report the count."""
    store, doc_id = layer.store, layer.doc_id
    if store is None or doc_id is None:
        return QCoreApplication.translate("AnnotationFiles", "Open a document first")
    settings = layer.settings
    dialog = import_file_dialog(parent, start_folder(settings, "annotations"))
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    chosen = Path(dialog.selectedFiles()[0])
    if settings is not None:
        settings.remember_dialog_folder("annotations", chosen.parent)
    try:
        report = import_from_file(store, doc_id, chosen)
    except ValueError as exc:
        return _failed(
            parent,
            QCoreApplication.translate("AnnotationFiles", "Import failed"),
            exc,
            QCoreApplication.translate(
                "AnnotationFiles",
                "Choose a file exported from Tongwen's annotations (W3C JSON-LD).",
            ),
        )
    layer.notify_changed()
    return report.message()
