"""Keeps the window's library current with its folder, in the background.

The window opens the library from its catalogue without looking at the document
folders (a big library paints at once).  Just after the first paint, and then again
and again, :class:`FolderCheck` runs :meth:`Library.check_folders` in a worker: a
document added, changed or removed by another process or a sync tool (Syncthing,
Dropbox, a NAS) appears, updates or goes within seconds.  The library sends its
events; the window's :class:`~desktop.ui.app.main_window.LibraryBridge` brings them to the
UI thread, where the pane and the search index follow.

The pause between checks grows with what a check costs (20 times its duration, at
least :data:`MIN_INTERVAL_MS`), so a library of 100,000 documents is not scanned
without rest.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, QTimer

from desktop.core.library import Library
from desktop.ui.common.workers import Task, run_in_background

__all__ = ["MIN_INTERVAL_MS", "FolderCheck"]

log = logging.getLogger(__name__)

#: Shortest pause between two checks.
MIN_INTERVAL_MS = 3000
#: A check may take at most this share of the time.
_SHARE = 20


class FolderCheck(QObject):
    """Checks the library's folders now and then, never two checks at once."""

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.checks = 0  #: checks finished (tests wait for it)
        self._task: Task | None = None
        self._stopped = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check_now)

    def start(self) -> None:
        """The first check at once, then one after each pause."""
        self.check_now()

    def check_now(self) -> None:
        if self._stopped or self._task is not None:
            return
        began = time.monotonic()

        def work(_task: Task) -> int:
            return len(self.library.check_folders())

        def done(changes: int) -> None:
            self._finished(began)
            if changes:
                log.info("library folder check: %d change(s) picked up", changes)

        def failed(exc: BaseException) -> None:
            log.warning("library folder check failed: %s", exc)
            self._finished(began)

        self._task = run_in_background(work, on_done=done, on_failure=failed)

    def _finished(self, began: float) -> None:
        self._task = None
        self.checks += 1
        if self._stopped:
            return
        spent_ms = (time.monotonic() - began) * 1000
        self._timer.start(int(max(MIN_INTERVAL_MS, _SHARE * spent_ms)))

    def stop(self) -> None:
        """No further checks (the window closes); one running finishes on its own."""
        self._stopped = True
        self._timer.stop()
