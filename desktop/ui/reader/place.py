"""The reading place of the open document: recorded, saved, remembered, and left.

A moment after the reader stops moving (:data:`RECORD_AFTER_MS`) the place read is
recorded in the document's annotation store; the store is written every
:data:`FLUSH_EVERY_MS`, on close and before another document opens.  The place recorded
last is also remembered per document for the session, because saving runs in the
background: a document opened again at once (Back, Recent) would find its file not yet
written.  A *jump* (a chapter, a found match, Back) says where it left once it lands,
for Back to return there.  The reader pane owns one :class:`ReadingPlace` and says what
the place is.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from desktop.core.annotations import AnnotationStore, Position
from desktop.core.library import DocRecord, Library
from desktop.ui.common.errors import describe

__all__ = ["ReadingPlace", "open_store"]

log = logging.getLogger(__name__)

RECORD_AFTER_MS = 250
FLUSH_EVERY_MS = 2000


class ReadingPlace(QObject):
    """Records the place read into the open document's annotation store."""

    recorded = Signal(int)  # canonical offset of the place just recorded
    saved = Signal(str)  # doc id whose reading position was written
    failed = Signal(str)  # a sentence saying why the position could not be written
    left = Signal(str, int)  # doc id, canonical offset a jump left (sent once it landed)

    def __init__(
        self, where: Callable[[], tuple[str, int] | None], parent: QObject | None = None
    ) -> None:
        """``where`` gives the open document and the canonical place read now (None: no
        text shown)."""
        super().__init__(parent)
        self._where = where
        self._jump_depth = 0  # jumps in progress (see jump)
        self.store: AnnotationStore | None = None  # the open document's (None: not kept)
        self._places: dict[str, Position] = {}  # doc id → the place recorded here last
        self._record_timer = QTimer(self)
        self._record_timer.setSingleShot(True)
        self._record_timer.setInterval(RECORD_AFTER_MS)
        self._record_timer.timeout.connect(self.record)
        self._flush_timer = QTimer(self)
        self._flush_timer.setInterval(FLUSH_EVERY_MS)
        self._flush_timer.timeout.connect(self.flush)
        self._flush_timer.start()

    def moved(self) -> None:
        """The place read changed: record it once the reader stops a moment."""
        self._record_timer.start()

    def remembered(self, doc_id: str) -> int:
        """Where to open ``doc_id``: the newer of the saved place and the one recorded
        here last.  Saving runs in the background, so a document opened again at once
        (Back, Recent) would find the file not yet written, open at the older place and
        then save that over the newer one."""
        store = self.store
        known = [p for p in (store and store.position, self._places.get(doc_id)) if p]
        return max(known, key=lambda p: p.modified).offset if known else 0

    def record(self) -> None:
        """Record the place read now (in the store, which writes it later)."""
        here = self._where()
        if here is None:
            return
        offset = here[1]
        if self.store is not None:
            self.store.set_position(offset)
            self._places[self.store.doc_dir.name] = self.store.position
        self.recorded.emit(offset)

    def flush(self) -> None:
        """Write the reading position if it changed (from a timer, on close and before
        another document opens).  A place reached less than :data:`RECORD_AFTER_MS` ago
        is recorded first: it was lost when another document opened at once."""
        if self._record_timer.isActive():
            self._record_timer.stop()
            self.record()
        store = self.store
        if store is None or not store.dirty:
            return
        if store.flush():
            self.saved.emit(store.doc_dir.name)
        elif store.last_exception is not None:
            self.failed.emit(describe(store.last_exception, store.path).sentence())

    # ------------------------------------------------------------------ jumps
    @contextmanager
    def jump(self, *, record: bool = True) -> Iterator[None]:
        """A move that takes the reader elsewhere: once it lands, ``left`` says where it
        was, so Back can return there.  Scrolling by hand is not a jump; the moves a
        jump makes on its way (a chapter step goes to an offset, a found match is
        selected) are part of it, and a move with ``record=False`` (zoom keeps the
        place) records nothing, nor do the moves inside it.
        """
        left = self.before_jump() if record else None
        self._jump_depth += 1
        try:
            yield
        finally:
            self._jump_depth -= 1
        self.report_left(left)

    def before_jump(self) -> tuple[str, int] | None:
        """The open document and place, unless a jump is already under way."""
        return None if self._jump_depth else self._where()

    def report_left(self, left: tuple[str, int] | None) -> None:
        """Say where a jump (or a document opened) left, if anywhere."""
        if left is not None:
            self.left.emit(*left)


def open_store(
    library: Library | None, record: DocRecord, text: str, report: Callable[[str], None]
) -> AnnotationStore | None:
    """The annotation store of ``record`` (its notes and reading position), or None
    without a library or when it cannot be read (``report`` is told why)."""
    if library is None:
        return None
    try:
        store = AnnotationStore.open(library.doc_dir(record.id), text=text)
    except (OSError, ValueError) as exc:
        path = library.doc_dir(record.id) / "annotations.json"
        log.warning("cannot read %s: %s", path, exc)
        message = QCoreApplication.translate(
            "ReaderPane",
            "The annotations and reading position of “{title}” cannot be read, so the "
            "document opens at its start. {problem}",
        )
        report(message.format(title=record.title, problem=describe(exc, path).text))
        return None
    if store.warnings:  # repairs made while loading; the log has each one
        message = QCoreApplication.translate(
            "ReaderPane",
            "The annotations of “{title}” needed repairs while loading (a damaged "
            "file or a conflict copy); nothing was lost. The annotations panel and "
            "the log say more.",
        )
        report(message.format(title=record.title))
    return store
