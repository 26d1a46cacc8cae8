"""Saving the reader's annotations in the background, and knowing what is not saved.

Changes are saved off the UI thread: each store shown gets a
:class:`~desktop.core.annotations.saver.BackgroundSaver` (one thread per store, saves
serialized, failures retried with growing pauses), and the reader's ``flush_position``
timer and :meth:`AnnotationSaving.save_now` only ask it to save, so the window never
waits for the disk or for another process's lock.  Results come back on the UI thread
(:attr:`~AnnotationSaving.saved`, :attr:`~AnnotationSaving.saveFailed`).  A store
whose changes are not on disk yet is kept, and retried, after another document is
opened; opening its document again carries them over; closing the window asks about
them (:func:`desktop.ui.annotations.unsaved_dialog.settle_before_close`).

Its messages belong to the ``AnnotationLayer`` translation context, where the layer
that shows them kept them before this module was split from it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop, QObject, QTimer, Signal

from desktop.core.annotations import AnnotationStore
from desktop.core.annotations.saver import LOCK_TIMEOUT, BackgroundSaver, SaveOutcome
from desktop.ui.annotations.unsaved_dialog import UnsavedDocument
from desktop.ui.common.errors import describe
from desktop.ui.reader.pane import ReaderPane

__all__ = ["AnnotationSaving"]

log = logging.getLogger(__name__)


@dataclass
class _Kept:
    """A store saved in the background: the one shown, or an older one whose changes
    are not on disk yet (another document was opened meanwhile)."""

    store: AnnotationStore
    saver: BackgroundSaver
    doc_id: str
    title: str
    failing: bool = False


class _SaveReports(QObject):
    """Carries a saver's outcome from its thread to the UI thread (queued)."""

    finished = Signal(object)


class AnnotationSaving(QObject):
    """Keeps every store the reader showed saved in the background until it is on disk."""

    saved = Signal(str)  #: doc id: annotation changes are on disk
    saveFailed = Signal(str)  #: why (the file is named); the changes stay in memory
    statusMessage = Signal(str)
    #: doc id: the shown store read its file again (another process wrote it)
    reloaded = Signal(str)
    #: unsaved changes of an older store of the shown document were moved into it
    carriedOver = Signal()

    def __init__(self, reader: ReaderPane, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        self._kept: list[_Kept] = []
        self._retired: list[BackgroundSaver] = []  # stopped, maybe finishing a save
        self._shown: AnnotationStore | None = None
        self._reports = _SaveReports(self)
        self._reports.finished.connect(self._save_finished)

    @property
    def shown(self) -> AnnotationStore | None:
        """The store of the document shown (the last one :meth:`show` was given)."""
        return self._shown

    def save_now(self) -> None:
        """Ask the background savers to save now, skipping the pause after a failure
        (the user acted).  Returns at once; :attr:`saved` or :attr:`saveFailed` follows."""
        self.reader.flush_position()
        for kept in self._kept:
            if kept.store.dirty or kept.store.unread is not None:
                kept.saver.retry_now()

    def show(self, store: AnnotationStore | None) -> None:
        """Save the store now shown in the background; keep the previous one while it
        holds unsaved changes, or hand them to the new store of the same document."""
        previous, self._shown = self._shown, store
        if store is not None:
            for older in [k for k in self._kept if k.store.doc_dir == store.doc_dir]:
                if older.store.dirty:
                    moved = store.take_over(older.store)
                    log.info("%d unsaved change(s) carried over to %s", moved, store.path)
                    self.carriedOver.emit()  # the first piece was painted before this
                self._forget(older)
            self._keep(store)
            if store.unread is not None:
                self._report_unread(store)
        kept = self._kept_of(previous) if previous is not None else None
        if kept is not None and kept.store.dirty:
            kept.saver.retry_now()  # kept and retried; asked about on closing
        elif kept is not None:
            self._forget(kept)

    def _report_unread(self, store: AnnotationStore) -> None:
        """The file is there but could not be read: say that nothing was replaced."""
        error = store.unread
        why = (error.strerror if error is not None else None) or str(error)
        self.statusMessage.emit(
            QCoreApplication.translate(
                "AnnotationLayer",
                "{file} cannot be read for now ({problem}). It was left as it is; new "
                "highlights and notes are kept and saved into it once it can be read.",
            ).format(file=store.path, problem=why)
        )

    def _keep(self, store: AnnotationStore) -> None:
        record = self.reader.record
        doc_id = store.doc_dir.name
        title = record.title if record is not None and record.id == doc_id else doc_id
        saver = BackgroundSaver(store, self._reports.finished.emit)
        self._kept.append(_Kept(store, saver, doc_id, title))

    def _kept_of(self, store: AnnotationStore) -> _Kept | None:
        return next((k for k in self._kept if k.store is store), None)

    def _forget(self, kept: _Kept) -> None:
        """Stop saving a store (a save in flight still finishes)."""
        self._kept.remove(kept)
        kept.saver.stop(timeout=0)
        self._retired = [s for s in self._retired if s.running] + [kept.saver]

    def _save_finished(self, outcome: SaveOutcome) -> None:
        kept = self._kept_of(outcome.store)
        doc_id = kept.doc_id if kept is not None else outcome.store.doc_dir.name
        if outcome.error is not None:
            if kept is not None:
                kept.failing = True
            self._report_failure(outcome, kept)
            return
        recovered = kept is not None and kept.failing and outcome.ok
        if kept is not None and outcome.ok:
            kept.failing = False
        if outcome.wrote:
            self.reader.progressSaved.emit(doc_id)
        if outcome.reloaded and outcome.store is self.reader.store:
            self.reloaded.emit(doc_id)
        if outcome.items_saved or outcome.reloaded or recovered:
            self.saved.emit(doc_id)
        if kept is not None and outcome.ok and outcome.store is not self._shown:
            self._forget(kept)

    def _report_failure(self, outcome: SaveOutcome, kept: _Kept | None) -> None:
        assert outcome.error is not None
        sentence = describe(outcome.error, outcome.store.path).sentence()
        if outcome.store is not self.reader.store and kept is not None:
            sentence = QCoreApplication.translate("AnnotationLayer", "“{title}”: {problem}").format(
                title=kept.title, problem=sentence
            )
        self.saveFailed.emit(sentence)
        self.statusMessage.emit(sentence)

    def _settled(self) -> bool:
        return all(k.saver.settled for k in self._kept) and all(s.settled for s in self._retired)

    def wait_for_saves(self, timeout_ms: int) -> bool:
        """Run the event loop (the window stays responsive) until everything is saved,
        or ``timeout_ms`` passed.  True when nothing is left unsaved.

        A change made while waiting (the reading place recorded again after the page
        rewrapped, say) is saved too, not left to the next timer: the answer is about
        the moment the wait ends, not the moment it began."""
        deadline = QDeadlineTimer(timeout_ms)
        while not deadline.hasExpired():
            if not self._done_saving():
                self._run_events_until_saved(deadline)
            QCoreApplication.processEvents()  # deliver the last outcomes (they may change more)
            if self._done_saving():
                break
        return not any(k.store.dirty for k in self._kept)

    def _run_events_until_saved(self, deadline: QDeadlineTimer) -> None:
        loop = QEventLoop()
        tick = QTimer(loop)
        tick.setInterval(10)
        tick.timeout.connect(
            lambda: loop.quit() if self._done_saving() or deadline.hasExpired() else None
        )
        tick.start()
        loop.exec()

    def _done_saving(self) -> bool:
        """Nothing running or due; a settled saver whose store changed since (and did
        not just fail: its pause is kept) is asked to save again."""
        if not self._settled():
            return False
        again = [k for k in self._kept if k.store.dirty and k.store.last_exception is None]
        for kept in again:
            kept.saver.request()
        return not again

    def retry(self, store: AnnotationStore) -> None:
        """Try saving ``store`` again now."""
        kept = self._kept_of(store)
        if kept is not None:
            kept.saver.retry_now()

    def unsaved_document(self, store: AnnotationStore) -> UnsavedDocument | None:
        """What is unsaved in ``store``'s annotations (None: nothing)."""
        kept = self._kept_of(store)
        count = store.unsaved_count
        if kept is None or not count:
            return None
        error = store.last_exception
        problem = describe(error, store.path).sentence() if error is not None else ""
        return UnsavedDocument(store, kept.doc_id, kept.title, count, problem)

    def unsaved_documents(self) -> list[UnsavedDocument]:
        """Every document whose highlights, notes or bookmarks are not all on disk."""
        found = [self.unsaved_document(k.store) for k in self._kept]
        return [doc for doc in found if doc is not None]

    def shut_down(self) -> None:
        """Stop every saver, waiting a moment for a save in flight (the window closes)."""
        for kept in self._kept:
            if kept.store.dirty:
                log.warning(
                    "closing with changes to %s not saved (%d annotation(s))",
                    kept.store.path,
                    kept.store.unsaved_count,
                )
        savers = [k.saver for k in self._kept] + self._retired
        self._kept, self._retired, self._shown = [], [], None
        for saver in savers:
            if not saver.stop(timeout=LOCK_TIMEOUT + 3):
                log.warning("a save of %s was still running on closing", saver.store.path)
