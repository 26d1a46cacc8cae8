"""The search index on the UI side: opened once, kept current in the background.

:class:`IndexService` owns the :class:`~desktop.core.search.SearchIndex` of the
open library.  At start-up it brings the index up to date in a worker (the core
rebuilds it when it is missing, stale or damaged; another process's rebuild is
picked up at the next search),
reporting "Rebuilding search index… 40%" through :attr:`IndexService.status`.
Library events (added, removed, meta-changed, text-changed) are queued and indexed
incrementally, a small batch per job.

Everything that touches the index runs as one job at a time on the thread pool
(whoosh has one writer, and the core serialises on a lock anyway): a queued search
goes before the next write batch, and only the newest search is kept.

The full pass (the first index of a big library takes minutes) can be paused and
resumed (:meth:`IndexService.pause`, :meth:`IndexService.resume`, or the checkable
:attr:`IndexService.pause_action` the status bar shows while there is such work):
pausing stops the pass after the document being indexed, keeps what was indexed (the
core commits it), and searches run meanwhile over the documents indexed so far;
resuming carries on where it stopped.
"""

from __future__ import annotations

import linecache
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from desktop.core.search import SearchResults
from desktop.ui.common.workers import Task, run_in_background

if TYPE_CHECKING:
    from desktop.core.search import SearchIndex

__all__ = ["IndexService"]

log = logging.getLogger(__name__)

# Documents re-indexed per background job (searches may run between jobs).
BATCH = 8
# Wait before trying again when another process is writing the index.
BUSY_RETRY_MS = 3000

# called on the UI thread with the results and what ``prepare`` made of them
SearchDone = Callable[[SearchResults, Any], None]
SearchFailed = Callable[[str], None]
# called in the worker with the results (e.g. to read text around the hits)
Prepare = Callable[[SearchResults], Any]


@dataclass
class _SearchJob:
    query: str
    limit: int | None
    on_done: SearchDone
    on_error: SearchFailed | None
    prepare: Prepare | None


class _Busy:
    """Returned by a job that found another process writing the index."""

    def __init__(self, message: str) -> None:
        self.message = message


class _Damaged(_Busy):
    """Returned by a search that found the index damaged (it is rebuilt, then re-run)."""


class IndexService(QObject):
    """Keeps one library's search index current and runs searches off the UI thread."""

    status = Signal(str)  # a status-bar message ("" when the work is done)
    readyChanged = Signal(bool)  # the index became usable (or unusable)
    indexChanged = Signal()  # documents were (re)indexed: visible results may be stale
    pausedChanged = Signal(bool)  # the full pass was paused (True) or resumed (False)

    def __init__(
        self, library: Any, parent: QObject | None = None, *, index: SearchIndex | None = None
    ) -> None:
        super().__init__(parent)
        self.library = library
        self._index = index
        self.ready = False
        self.error: str | None = None
        self._needs_full = True
        self._rebuild = False
        self._pending: list[str] = []
        self._batch_total = 0
        self._search: _SearchJob | None = None
        self._task: Task | None = None
        self._full_running = False  #: the running job is a full pass
        self._stopped = False
        self._paused = False
        self._pass_total = 0  #: documents the full pass had to index when it began
        self._pass_rebuilding = False  #: that pass builds the index anew
        self._percent = 0  #: how far it has come
        self._sources_dropped = False  #: see :meth:`_drop_module_sources`
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(BUSY_RETRY_MS)
        self._retry.timeout.connect(self._next_job)
        self.pause_action = QAction(self.tr("Pause Search Indexing"), self)
        self.pause_action.setCheckable(True)
        self.pause_action.setEnabled(False)  # while a full pass has work, or is paused
        self.pause_action.toggled.connect(self._pause_toggled)
        self._show_pause_state()

    # ------------------------------------------------------------------ public
    @property
    def index(self) -> SearchIndex:
        """The library's index, opened on first use (the first job, after the window's
        first paint): its module imports whoosh, which start-up need not wait for."""
        if self._index is None:
            from desktop.core.search.index import SearchIndex

            self._index = SearchIndex.open(self.library, subscribe=False)
        return self._index

    @property
    def busy(self) -> bool:
        """True while a background job (index work or a search) is running."""
        return self._task is not None

    @property
    def idle(self) -> bool:
        """True when nothing is running or waiting (tests wait for this)."""
        return self._task is None and not self._pending and not self._needs_full

    @property
    def paused(self) -> bool:
        """True while the full pass is paused (asked to pause: the running job may
        still be stopping, see :attr:`busy`)."""
        return self._paused

    def pause(self) -> None:
        """Stop the full pass after the document being indexed (what was indexed is
        kept); start no other until :meth:`resume`.  Searches and the indexing of
        single changed documents go on."""
        if self._paused or self._stopped:
            return
        self._paused = True
        if self._task is not None and self._full_running:
            self._task.cancel()
            self.status.emit(self.tr("Pausing the search index…"))
        else:
            self._say_paused()
        self._show_pause_state()
        self.pausedChanged.emit(True)

    def resume(self) -> None:
        """Carry on with the full pass where :meth:`pause` stopped it."""
        if not self._paused:
            return
        self._paused = False
        self._show_pause_state()
        self.pausedChanged.emit(False)
        if not self._needs_full:
            self.status.emit("")
        self._next_job()

    def start(self) -> None:
        """Bring the index up to date in the background (call once, at start-up)."""
        self._needs_full = True
        self._next_job()

    def rebuild(self) -> None:
        """Throw the index away and build it again, in the background, with progress
        (asked for by the reader: a pause ends)."""
        self._rebuild = True
        self._needs_full = True
        self.error = None
        self._pass_total = 0
        if self._paused:
            self.resume()
        if self._task is not None:
            self._task.cancel()  # the rebuild follows when the running job stops
        self._next_job()

    def summary(self) -> str:
        """One sentence on the index's state for Settings ▸ Search."""
        if self.error:
            return self.error
        if self._paused and self._needs_full:
            return self._paused_text()
        if self._rebuild or (self._needs_full and self._task is not None):
            return self.tr("The search index is being brought up to date…")
        if not self.ready:
            return self.tr("The search index is not ready yet.")
        count = len(self.library)
        return self.tr("The search index covers all %n document(s) of the library.", "", count)

    def document_changed(self, event: str, doc_id: str) -> None:
        """Slot for library events: index the document in the background."""
        if event not in ("added", "removed", "meta-changed", "text-changed"):
            return
        if doc_id not in self._pending:
            self._pending.append(doc_id)
            self._batch_total += 1
        self._next_job()

    def search(
        self,
        query: str,
        on_done: SearchDone,
        on_error: SearchFailed | None = None,
        limit: int | None = 50,
        prepare: Prepare | None = None,
    ) -> None:
        """Search in the background; replaces a search that has not started yet.

        ``prepare(results)`` runs in the worker too; ``on_done(results, prepared)``
        and ``on_error(message)`` are called on the UI thread.
        """
        self._search = _SearchJob(query, limit, on_done, on_error, prepare)
        self._next_job()

    def shutdown(self) -> None:
        """Cancel running work and start nothing more (the window is closing)."""
        self._stopped = True
        self._retry.stop()
        if self._task is not None:
            self._task.cancel()
        self._show_pause_state()

    # ---------------------------------------------------------------- pausing
    def _pause_toggled(self, checked: bool) -> None:
        if checked:
            self.pause()
        else:
            self.resume()

    def _show_pause_state(self) -> None:
        """The pause action as things are: checked while paused, enabled while there
        is a full pass to pause or resume, its icon and tip what a click does."""
        action = self.pause_action
        action.blockSignals(True)
        action.setChecked(self._paused)
        action.blockSignals(False)
        working = self._full_running and self._pass_total > 0
        action.setEnabled(not self._stopped and (self._paused or working))
        style = QApplication.style() if isinstance(QApplication.instance(), QApplication) else None
        if self._paused:
            action.setToolTip(self.tr("Resume building the search index"))
            pixmap = QStyle.StandardPixmap.SP_MediaPlay
        else:
            action.setToolTip(self.tr("Pause building the search index"))
            pixmap = QStyle.StandardPixmap.SP_MediaPause
        action.setIcon(style.standardIcon(pixmap) if style is not None else QIcon())

    def _paused_text(self) -> str:
        return self.tr(
            "Search index paused at {percent}%: searches find only the documents indexed so far."
        ).format(percent=self._percent)

    def _say_paused(self) -> None:
        if self._needs_full:
            self.status.emit(self._paused_text())

    # -------------------------------------------------------------- scheduling
    def _next_job(self) -> None:
        if self._task is not None or self._stopped or self._retry.isActive():
            return
        if self._needs_full and not self._paused:
            self._run_full()
        elif self._search is not None and self.ready:
            self._run_search()
        elif self._pending:
            self._run_batch()
        elif self._search is not None:  # the index could not be opened: say why
            failed = self._search.on_error
            self._search = None
            if self._paused and not self.error:
                message = self.tr("The search index is paused: resume it to search.")
            else:
                message = self.error or self.tr("The search index is not available")
            if failed is not None:
                failed(message)

    def _finish_job(self) -> None:
        self._task = None
        self._full_running = False
        QTimer.singleShot(0, self._next_job)

    def _busy_later(self, message: str) -> None:
        log.info("search index busy: %s", message)
        self.status.emit(
            self.tr("Search index busy: another Tongwen window is updating it; retrying…")
        )
        self._retry.start()

    # ---------------------------------------------------------------- full pass
    def _run_full(self) -> None:
        self._pending.clear()  # a full pass sees every document as it is now
        self._batch_total = 0
        self.status.emit(self.tr("Checking the search index…"))
        rebuild, self._rebuild = self._rebuild, False

        def work(task: Task) -> bool | _Busy:
            # The first job opens the index here, so that importing whoosh and numpy
            # (a few tenths of a second) does not freeze the window just after its
            # rows are shown; no other job runs meanwhile (one at a time).
            index = self.index
            from desktop.core.search.index import IndexBusyError

            try:
                return index.ensure_current(
                    progress=task.progress, cancel=task.is_cancelled, rebuild=rebuild
                )
            except IndexBusyError as exc:
                return _Busy(str(exc))

        if rebuild:
            self._pass_total = 0
        self._full_running = True
        self._task = run_in_background(
            work, on_done=self._full_done, on_error=self._full_failed, on_progress=self._progress
        )

    def _progress(self, done: int, total: int, message: str) -> None:
        """Progress of the whole pass: a resumed pass counts what was indexed before
        the pause as done (the core's count starts again from what is left)."""
        self._drop_module_sources()
        if self._paused:
            return  # stopping: "Pausing…" stays until it has
        if not self._pass_total or total > self._pass_total:
            first = not self._pass_total
            self._pass_total = total
            self._pass_rebuilding = message.startswith("rebuilding")
            if first:
                self._show_pause_state()  # there is work: it can be paused
        done += self._pass_total - total
        self._percent = min(100, round(100 * done / self._pass_total)) if total else 100
        if self._pass_rebuilding:
            text = self.tr("Rebuilding search index… {percent}%")
        else:
            text = self.tr("Updating search index… {percent}%")
        self.status.emit(text.format(percent=self._percent))

    def _drop_module_sources(self) -> None:
        """Once, when the first full pass reports or ends (the index has imported
        whoosh and numpy, the last modules start-up imports): empty Python's cache of source
        lines.  Shiboken reads the source of every module imported after PySide6
        (``inspect.getsource``, to tell whether it uses PySide's features), and
        ``linecache`` kept all of it: 12 MB of lines at start-up.  A traceback reads
        its lines again when it needs them."""
        if not self._sources_dropped:
            self._sources_dropped = True
            linecache.clearcache()

    def _full_done(self, complete: object) -> None:
        self._full_running = False
        self._drop_module_sources()  # (an index already current reports no progress)
        if isinstance(complete, _Busy):
            self._task = None
            self._show_pause_state()
            self._busy_later(complete.message)
            return
        self._needs_full = not complete and not self._stopped
        if not self._needs_full:
            self._pass_total = 0  # the next pass counts afresh
        self.error = None
        if self.index.rebuilt_because:
            log.info("search index rebuilt: %s", self.index.rebuilt_because)
        self._set_ready(True)
        if self._paused:
            self._say_paused()
        else:
            self.status.emit("")
        self._show_pause_state()
        self.indexChanged.emit()
        self._finish_job()

    def _full_failed(self, message: str) -> None:
        self._task = None
        self._full_running = False
        self._pass_total = 0
        self._show_pause_state()
        log.warning("search index unusable: %s", message)
        self.error = self.tr(
            "The search index cannot be built, so searching is off until Tongwen restarts. "
            "Check that the cache folder {folder} is writable and has free space; "
            "Help ▸ Open the Log File shows the details."
        ).format(folder=self.index.folder)
        self._needs_full = False
        self._set_ready(False)
        self.status.emit(self.error)
        QTimer.singleShot(0, self._next_job)

    def _set_ready(self, ready: bool) -> None:
        if ready != self.ready:
            self.ready = ready
            self.readyChanged.emit(ready)

    # -------------------------------------------------------------- incremental
    def _run_batch(self) -> None:
        batch, self._pending = self._pending[:BATCH], self._pending[BATCH:]
        indexed = self._batch_total - len(self._pending) - len(batch)
        if self._batch_total > BATCH:
            self.status.emit(
                self.tr("Indexing documents… {done} of {total}").format(
                    done=indexed, total=self._batch_total
                )
            )
        index = self.index
        from desktop.core.search.index import IndexBusyError

        def work(task: Task) -> list[str] | _Busy:
            try:
                index.refresh(batch)
            except IndexBusyError as exc:
                return _Busy(str(exc))
            return batch

        def done(result: object) -> None:
            if isinstance(result, _Busy):
                self._pending[:0] = batch
                self._task = None
                self._busy_later(result.message)
            else:
                self._batch_done()

        def failed(message: str) -> None:  # something odd on disk: a full pass sorts it out
            log.warning("incremental index update failed: %s", message)
            self._task = None
            self._needs_full = True
            QTimer.singleShot(0, self._next_job)

        self._task = run_in_background(work, on_done=done, on_error=failed)

    def _batch_done(self) -> None:
        if not self._pending:
            self._batch_total = 0
            self.status.emit("")
        self.indexChanged.emit()
        self._finish_job()

    # ---------------------------------------------------------------- searching
    def _run_search(self) -> None:
        job, self._search = self._search, None
        assert job is not None
        index = self.index
        from desktop.core.search.index import IndexBusyError, IndexDamagedError

        def work(task: Task) -> tuple[SearchResults, Any] | _Busy:
            try:
                results = index.search(job.query, limit=job.limit)
            except IndexDamagedError as exc:
                return _Damaged(str(exc))
            except IndexBusyError as exc:  # damaged, and another process rebuilds it
                return _Busy(str(exc))
            return results, job.prepare(results) if job.prepare is not None else None

        def done(outcome: object) -> None:
            if isinstance(outcome, _Damaged):  # rebuild with progress, then search again
                log.warning("search index damaged, rebuilding: %s", outcome.message)
                self._needs_full = True
                self._search = self._search or job
            elif isinstance(outcome, _Busy):  # ask again once the other writer is done
                self._search = self._search or job
                self._task = None
                self._busy_later(outcome.message)
                return
            self._finish_job()
            if isinstance(outcome, tuple):
                job.on_done(*outcome)

        def failed(message: str) -> None:
            self._finish_job()
            if job.on_error is not None:
                job.on_error(message)

        self._task = run_in_background(work, on_done=done, on_error=failed)
