"""Closing with annotations that could not be saved: ask, never drop them silently.

Saves run in the background and are retried (:mod:`desktop.core.annotations.saver`),
so when the window closes most changes are already on disk.  What is not (a full or
read-only disk, a lock another process keeps, a file that cannot be read for now) is
named document by document, with the number of changes and why, and the reader
chooses: **Retry** (after fixing the problem), **Save a Copy…** (W3C Web Annotation
JSON-LD written by the core, merged back later by File ▸ Import Annotations… or
``tongwen-cli annotations import``), **Discard** (naming how many changes go), or
**Cancel** (the window stays open and keeps retrying).

Every text here is plain text: a document title is never read as HTML.
"""

from __future__ import annotations

import enum
import logging
import re
import weakref
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.core.annotations import AnnotationStore
from desktop.ui.common.errors import describe

if TYPE_CHECKING:
    from desktop.ui.annotations.layer import AnnotationLayer

__all__ = [
    "CLOSE_WAIT_MS",
    "UnsavedChoice",
    "UnsavedDialog",
    "UnsavedDocument",
    "ask_copy_path",
    "settle_before_close",
]

log = logging.getLogger(__name__)

#: How long closing waits for saves in flight (the window stays responsive meanwhile).
CLOSE_WAIT_MS = 5000
_UNSAFE_IN_NAMES = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')
_settling: weakref.WeakSet[AnnotationLayer] = weakref.WeakSet()


class UnsavedChoice(enum.Enum):
    RETRY = "retry"
    SAVE_COPY = "save-copy"
    DISCARD = "discard"
    CANCEL = "cancel"


@dataclass(frozen=True)
class UnsavedDocument:
    """A document whose annotation changes are not on disk: what the question names."""

    store: AnnotationStore
    doc_id: str
    title: str
    count: int  #: highlights, notes and bookmarks changed since the last save
    problem: str  #: why the last save failed, in the UI language ("" if not known)


class UnsavedDialog(QMessageBox):
    """Retry, Save a Copy…, Discard N Changes, or Cancel, for one document."""

    def __init__(self, parent: QWidget | None, unsaved: UnsavedDocument) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Unsaved Annotations"))
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(
            self.tr(
                "%n highlight(s), note(s) or bookmark(s) in “{title}” could not be saved.",
                "",
                unsaved.count,
            ).format(title=unsaved.title)
        )
        advice = self.tr(
            "Retry once the problem is fixed, or save a copy elsewhere (File ▸ Import "
            "Annotations… brings it back later). Discarded changes are lost."
        )
        self.setInformativeText(f"{unsaved.problem}\n\n{advice}" if unsaved.problem else advice)
        self.retry_button = self.addButton(self.tr("&Retry"), QMessageBox.ButtonRole.AcceptRole)
        self.copy_button = self.addButton(
            self.tr("Save a &Copy…"), QMessageBox.ButtonRole.ActionRole
        )
        self.discard_button = self.addButton(
            self.tr("&Discard %n Change(s)", "", unsaved.count),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.retry_button)
        self.setEscapeButton(self.cancel_button)
        self.setAccessibleName(self.tr("Unsaved Annotations"))

    def choice(self) -> UnsavedChoice:
        """The button clicked (Cancel when the dialog was closed otherwise)."""
        clicked = self.clickedButton()
        if clicked is self.retry_button:
            return UnsavedChoice.RETRY
        if clicked is self.copy_button:
            return UnsavedChoice.SAVE_COPY
        if clicked is self.discard_button:
            return UnsavedChoice.DISCARD
        return UnsavedChoice.CANCEL

    @classmethod
    def ask(cls, parent: QWidget, unsaved: UnsavedDocument) -> UnsavedChoice:
        dialog = cls(parent, unsaved)
        dialog.exec()
        return dialog.choice()


def _copy_name(title: str) -> str:
    """A file name for the copy: the title without characters file systems refuse."""
    stem = _UNSAFE_IN_NAMES.sub("_", title).strip(" .")[:80] or "annotations"
    return QCoreApplication.translate("UnsavedDialog", "{title} annotations.json").format(
        title=stem
    )


def ask_copy_path(parent: QWidget, title: str) -> Path | None:
    """Where to save a copy of a document's annotations (None: cancelled)."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("UnsavedDialog", "Save a Copy of the Annotations"),
        str(Path.home() / _copy_name(title)),
        QCoreApplication.translate("UnsavedDialog", "Web Annotation JSON (*.json)"),
    )
    return Path(path) if path else None


def settle_before_close(parent: QWidget, layer: AnnotationLayer) -> bool:
    """Save what can be saved, then ask about each document whose annotation changes
    cannot be.  True when the window may close; False to keep it open."""
    if layer in _settling:  # closing again while the question is open
        return False
    _settling.add(layer)
    try:
        layer.save_now()
        layer.wait_for_saves(CLOSE_WAIT_MS)
        return all(_settle_one(parent, layer, doc) for doc in layer.unsaved_documents())
    finally:
        _settling.discard(layer)


def _settle_one(parent: QWidget, layer: AnnotationLayer, unsaved: UnsavedDocument) -> bool:
    """Ask until this document's changes are saved, copied or discarded (True) or the
    reader cancels (False)."""
    while True:
        choice = layer.ask_unsaved(parent, unsaved)
        if choice is UnsavedChoice.RETRY:
            layer.retry(unsaved.store)
            layer.wait_for_saves(CLOSE_WAIT_MS)
            again = layer.unsaved_document(unsaved.store)
            if again is None:
                return True
            unsaved = again
        elif choice is UnsavedChoice.SAVE_COPY:
            failure = _save_copy(parent, layer, unsaved)
            if failure is None:
                return True
            unsaved = replace(unsaved, problem=failure)
        elif choice is UnsavedChoice.DISCARD:
            log.warning(
                "the reader discarded %d unsaved annotation change(s) of %s",
                unsaved.count,
                unsaved.store.path,
            )
            return True
        else:
            return False


def _save_copy(parent: QWidget, layer: AnnotationLayer, unsaved: UnsavedDocument) -> str | None:
    """Write the copy; None when written, else what to tell the reader."""
    path = layer.ask_copy_path(parent, unsaved.title)
    if path is None:
        return unsaved.problem
    try:
        written = unsaved.store.write_copy(path, title=unsaved.title)
    except OSError as exc:
        log.warning("cannot save a copy of %s to %s: %s", unsaved.store.path, path, exc)
        return describe(exc, path).sentence()
    log.info("kept %d annotation(s) of %s in %s", written, unsaved.store.path, path)
    return None
