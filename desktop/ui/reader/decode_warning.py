"""Decodings that may be wrong: the bar over the reader's text, and re-decoding.

An EUC-TW file was once shown as GB18030 mojibake and nothing told the reader.  The
core records how sure the decoder was (``DocRecord.confidence``); below
:data:`desktop.core.formats.encoding.LOW_CONFIDENCE` this bar appears above the text with a
Re-decode… button, which asks the main window to open its re-decode dialog.  A
re-decode with a chosen encoding is certain (confidence 1.0), so the bar goes away
when the document is shown again.  :func:`reencode_in_background` runs the re-decode
and treats a refusal as an answer, not as a crash.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.core.errors import ImportRefused
from desktop.core.library import Library, LibraryError
from desktop.core.records import DocRecord
from desktop.ui.common.workers import Task, run_in_background

if TYPE_CHECKING:
    from desktop.ui.reader.pane import ReaderPane

__all__ = ["DecodeWarningBar", "reencode_in_background"]

log = logging.getLogger(__name__)


class DecodeWarningBar(QFrame):
    """A plain-text warning and a Re-decode… button; hidden while the decoding is sure."""

    redecodeRequested = Signal(str)  # doc id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc_id: str | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Decoding warning"))
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # the encoding comes from a file
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("Re-decode…"), self)
        self.button.clicked.connect(self._clicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.hide()

    @classmethod
    def install(cls, reader: ReaderPane) -> DecodeWarningBar:
        """Put a bar above the text of ``reader`` that follows the document it shows."""
        bar = cls(reader)
        reader.layout_box.insertWidget(reader.layout_box.indexOf(reader.text), bar)

        def follow(*_: object) -> None:
            bar.show_for(reader.record)

        reader.documentShown.connect(follow)
        reader.viewReset.connect(follow)
        return bar

    def show_for(self, record: DocRecord | None) -> None:
        """Show the warning when ``record`` was decoded with low confidence, else hide."""
        from desktop.core.formats.encoding import LOW_CONFIDENCE  # when a document opens

        doubtful = (
            record is not None
            and record.encoding is not None
            and record.confidence is not None
            and record.confidence < LOW_CONFIDENCE
        )
        if record is None or record.encoding is None or not doubtful:
            self.doc_id = None
            self.hide()
            return
        self.doc_id = record.id
        self.label.setText(
            self.tr(
                "This file may have been decoded wrongly (read as {encoding}). If the text "
                "looks garbled, choose another encoding."
            ).format(encoding=record.encoding.upper())
        )
        self.show()

    def _clicked(self) -> None:
        if self.doc_id is not None:
            self.redecodeRequested.emit(self.doc_id)


class _Refused:
    """A re-decode the core refused, handed back as a result rather than raised."""

    def __init__(self, exc: Exception) -> None:
        self.exc = exc


def reencode_in_background(
    library: Library,
    doc_id: str,
    encoding: str,
    *,
    on_failure: Callable[[BaseException], None],
) -> Task:
    """``library.reencode(doc_id, encoding)`` off the UI thread.

    A refusal (the bytes do not fit the encoding, EUC-TW, annotations that cannot be
    saved, an unreadable original) is the reader's choice meeting the file, not a bug:
    it is logged as a warning with its reason and handed to ``on_failure``.  Raised
    inside the background task it was logged as an ERROR with a traceback.
    """

    def work(_task: Task) -> DocRecord | _Refused:
        try:
            return library.reencode(doc_id, encoding)
        except (ImportRefused, LibraryError, OSError) as exc:
            log.warning("re-decoding %s as %s was refused: %s", doc_id[:12], encoding, exc)
            return _Refused(exc)

    def done(result: object) -> None:
        if isinstance(result, _Refused):
            on_failure(result.exc)

    return run_in_background(work, on_done=done, on_failure=on_failure)
