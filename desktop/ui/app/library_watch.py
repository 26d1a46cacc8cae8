"""Keeps the window's library current with its folder, in the background.

The window opens the library from its catalogue without looking at the document
folders (a big library paints at once).  Just after the first paint :class:`FolderCheck`
starts: a document added, changed or removed by another process or a sync tool
(Syncthing, Dropbox, a NAS) appears, updates or goes within a second or so.  The
library sends its events; the window's :class:`~desktop.ui.app.main_window.LibraryBridge`
brings them to the UI thread, where the pane and the search index follow.

Where the system can say which folders changed (Linux: inotify, see
:mod:`desktop.core.folder_watch`), the folders it names are checked half a second
after the first of a burst of changes (a sync tool writes several files), by
:meth:`Library.check_named_folders` in a worker: one folder's reading, not a look at
100,000.  A look at every folder (:meth:`Library.check_folders`) still runs once every
watch is in place (what changed before is found), after the kernel's queue overflowed,
and now and then as a backstop: every :data:`BACKSTOP_MS` when every folder is
watched, else (the watch limit reached, a network file system, no inotify) as often
as before the watch: a pause of 20 times what a check costs, at least
:data:`MIN_INTERVAL_MS`, so a library of 100,000 documents is not scanned without rest.
Never two checks at once: what is heard meanwhile waits for the one running.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.core.folder_watch import FolderWatch, watch_folders
from desktop.core.library import Library
from desktop.ui.common.workers import Task, run_in_background

__all__ = ["BACKSTOP_MS", "DEBOUNCE_MS", "MIN_INTERVAL_MS", "FolderCheck"]

log = logging.getLogger(__name__)

#: Shortest pause between two looks at every folder, without a complete watch.
MIN_INTERVAL_MS = 3000
#: Shortest pause between two looks at every folder while every folder is watched.
BACKSTOP_MS = 300_000
#: The folders heard changing are checked this long after the first change heard.
DEBOUNCE_MS = 500
#: A check may take at most this share of the time.
_SHARE = 20


class FolderCheck(QObject):
    """Checks the library's folders: those heard changing soon, all of them now and
    then; never two checks at once."""

    #: The watch has changes to hand over (emitted from its thread: queued to this one).
    _heard = Signal()

    def __init__(
        self, library: Library, parent: QObject | None = None, *, watch: bool = True
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.checks = 0  #: looks at every folder finished (tests wait for it)
        self.named_checks = 0  #: checks of the folders heard changing, finished
        self.watch: FolderWatch | None = None
        self._use_watch = watch
        self._task: Task | None = None
        self._started = False
        self._stopped = False
        self._full_wanted = False  # a look at every folder asked for while one check ran
        self._timer = QTimer(self)  # the next look at every folder
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check_now)
        self._debounce = QTimer(self)  # the folders heard changing
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._check_heard)
        self._heard.connect(self._changes_heard)

    def start(self) -> None:
        """Watch the folders where the system can; the first look at every folder at
        once (without a watch) or once every watch is in place (with one)."""
        if self._started or self._stopped:
            return
        self._started = True
        if self._use_watch:
            self.watch = watch_folders(self.library.docs_dir, self._heard.emit)
        if self.watch is None:
            self.check_now()

    def check_now(self) -> None:
        """Look at every folder now (or once the check running ends)."""
        if self._stopped:
            return
        if self._task is not None:
            self._full_wanted = True
            return
        self._full_wanted = False
        self._timer.stop()
        began = time.monotonic()
        self._run(self.library.check_folders, lambda: self._looked(began))

    def _changes_heard(self) -> None:
        if not self._stopped and not self._debounce.isActive():
            self._debounce.start()  # not restarted by what follows: at most half a second

    def _check_heard(self) -> None:
        if self._stopped or self.watch is None or self._task is not None:
            return  # the check running looks again when it ends
        changes = self.watch.take()
        if changes.everything:
            self.check_now()
        elif changes.names:
            self._check_names(changes.names)

    def _check_names(self, names: Iterable[str]) -> None:
        names = list(names)

        def checked() -> None:
            self.named_checks += 1

        self._run(lambda: self.library.check_named_folders(names), checked)

    def _run(self, check: Callable[[], list[tuple[str, str]]], after: Callable[[], None]) -> None:
        """``check()`` (returning the library's events) in a worker, then ``after()``."""

        def work(_task: Task) -> int:
            return len(check())

        def done(changes: int) -> None:
            if changes:
                log.info("library folder check: %d change(s) picked up", changes)
            self._finished(after)

        def failed(exc: BaseException) -> None:
            log.warning("library folder check failed: %s", exc)
            self._finished(after)

        self._task = run_in_background(work, on_done=done, on_failure=failed)

    def _finished(self, after: Callable[[], None]) -> None:
        self._task = None
        after()
        if self._stopped:
            return
        if self._full_wanted:
            self.check_now()
        elif self.watch is not None and self.watch.pending():
            self._changes_heard()

    def _looked(self, began: float) -> None:
        """A look at every folder ended: the next one planned."""
        self.checks += 1
        if self._stopped:
            return
        spent_ms = (time.monotonic() - began) * 1000
        watched = self.watch is not None and self.watch.complete
        pause = max(BACKSTOP_MS if watched else MIN_INTERVAL_MS, _SHARE * spent_ms)
        self._timer.start(int(pause))

    def stop(self) -> None:
        """No further checks and no watch (the window closes); a check running finishes
        on its own."""
        self._stopped = True
        self._timer.stop()
        self._debounce.stop()
        if self.watch is not None:
            self.watch.close()
