"""Saving one annotation store on its own thread: serialized, retried, joinable.

The window must never wait for the disk or for another process's lock (the lock
wait once froze it for 10 s), and a save that fails must be tried again, not
forgotten.  A :class:`BackgroundSaver` gives one store one thread:

* :meth:`~BackgroundSaver.request` asks for a save; the store's ``flush`` does this
  once the saver is attached, so callers that flush never block.  Requests made while
  a save runs are served by one more save after it: saves never overlap.
* A failed save (full disk, read-only folder, lock held elsewhere, file unreadable for
  now) is tried again after a growing pause (:data:`BACKOFF`); the changes stay in
  the store meanwhile.  :meth:`~BackgroundSaver.retry_now` skips the pause when the
  user acts.  A read-only store (a newer format) is not retried.
* :meth:`~BackgroundSaver.stop` ends the thread after the save in flight, if any.

Each attempt's :class:`SaveOutcome` goes to ``report``, called on the saver's thread
(the window forwards it to its own thread).  A dedicated thread, not a shared pool:
a save must not queue behind an index build.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from desktop.core.annotations.store import AnnotationSaveError, AnnotationStore

__all__ = ["BACKOFF", "LOCK_TIMEOUT", "BackgroundSaver", "SaveOutcome"]

log = logging.getLogger(__name__)

#: Pauses (seconds) before the 1st, 2nd, … retry of a failed save; the last repeats.
BACKOFF = (1.0, 2.0, 5.0, 10.0, 30.0, 60.0)
#: How long one attempt waits for another process's lock before it counts as failed.
LOCK_TIMEOUT = 2.0


@dataclass(frozen=True)
class SaveOutcome:
    """What one attempt did."""

    store: AnnotationStore
    ok: bool  #: the store held nothing unsaved when the attempt ended
    error: AnnotationSaveError | None = None  #: why it failed (the changes are kept)
    wrote: bool = False  #: the file was written
    items_saved: int = 0  #: highlight, note and bookmark changes written
    reloaded: bool = False  #: a file unreadable before was read and merged
    retry_in: float | None = None  #: seconds until the next try; None: none planned


class BackgroundSaver:
    """One thread that saves one store, attached as ``store.saver``."""

    def __init__(
        self,
        store: AnnotationStore,
        report: Callable[[SaveOutcome], None],
        *,
        backoff: tuple[float, ...] = BACKOFF,
        lock_timeout: float = LOCK_TIMEOUT,
    ) -> None:
        self.store = store
        self._report = report
        self._backoff = backoff
        self._lock_timeout = lock_timeout
        self._cond = threading.Condition()
        self._wanted = False  # a save was asked for
        self._asked_now = False  # the user asked for one while an attempt was running
        self._due: float | None = None  # when a failed save is tried again
        self._busy = False
        self._stopping = False
        self._failures = 0
        self._thread = threading.Thread(
            target=self._run, name=f"annotations-saver-{store.doc_dir.name[:12]}", daemon=True
        )
        store.saver = self
        self._thread.start()

    # ---------------------------------------------------------------- requests
    def request(self) -> None:
        """Save soon: now, or when the pause after a failure is over."""
        with self._cond:
            self._wanted = True
            self._cond.notify_all()

    def retry_now(self) -> None:
        """Save now, even during the pause after a failure (the user acted)."""
        with self._cond:
            self._wanted, self._due = True, None
            self._asked_now = self._busy  # an attempt failing now must not pause it
            self._cond.notify_all()

    @property
    def settled(self) -> bool:
        """No save running and none about to start (a retry waiting out its pause is
        settled: it is not coming soon)."""
        with self._cond:
            return not self._busy and not self._ready(time.monotonic())

    def wait_settled(self, timeout: float) -> bool:
        """Wait (up to ``timeout`` s) until :attr:`settled`; True if it is."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._busy or self._ready(time.monotonic()):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
        return True

    @property
    def running(self) -> bool:
        """The thread has not ended (after :meth:`stop`: a save is still finishing)."""
        return self._thread.is_alive()

    def stop(self, timeout: float) -> bool:
        """No more saves; wait (up to ``timeout`` s) for the one in flight.  True when
        the thread has ended.  The store goes back to saving when flushed."""
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self.store.saver is self:
            self.store.saver = None
        self._thread.join(timeout)
        return not self._thread.is_alive()

    # ------------------------------------------------------------------ thread
    def _ready(self, now: float) -> bool:
        if self._stopping:
            return False
        if self._due is not None:
            return now >= self._due
        return self._wanted

    def _next(self) -> bool:
        """Wait for the next attempt; False when stopping."""
        with self._cond:
            while not self._stopping and not self._ready(time.monotonic()):
                wait = None if self._due is None else max(0.0, self._due - time.monotonic())
                self._cond.wait(wait)
            if self._stopping:
                return False
            self._wanted, self._due, self._busy, self._asked_now = False, None, True, False
            return True

    def _run(self) -> None:
        while self._next():
            outcome = self._attempt()
            with self._cond:
                outcome = self._schedule(outcome)
            try:  # before settling: whoever waits for "settled" finds it reported
                self._report(outcome)
            except Exception:  # a broken listener must not end the saving
                log.exception("reporting a save of %s failed", self.store.path)
            with self._cond:
                self._busy = False
                self._cond.notify_all()

    def _schedule(self, outcome: SaveOutcome) -> SaveOutcome:
        """After an attempt (under the lock): plan the retry of a failure."""
        if outcome.ok or outcome.error is None:
            self._failures = 0
            if not outcome.ok:  # changed while it was being written: once more
                self._wanted = True
            return outcome
        self._failures += 1
        if self.store.read_only:
            return outcome
        if self._asked_now:  # asked for while this attempt ran: the next one goes now
            self._asked_now, self._wanted = False, True
            return outcome
        pause = self._backoff[min(self._failures, len(self._backoff)) - 1]
        self._due = time.monotonic() + pause
        return SaveOutcome(
            outcome.store, False, outcome.error, outcome.wrote, 0, outcome.reloaded, pause
        )

    def _attempt(self) -> SaveOutcome:
        store = self.store
        was_unread = store.unread is not None
        try:
            if store.dirty:
                written = store.save(lock_timeout=self._lock_timeout)
                return SaveOutcome(store, not store.dirty, None, True, written, was_unread)
            if was_unread:
                store.read_again()
                return SaveOutcome(store, True, None, False, 0, True)
            return SaveOutcome(store, True)
        except AnnotationSaveError as exc:
            error = exc
        except Exception as exc:  # a bug must not end the saving: report it, keep the changes
            log.exception("saving %s failed unexpectedly", store.path)
            error = AnnotationSaveError(f"could not save annotations to {store.path}: {exc!r}")
            error.__cause__ = exc
        log.warning("%s", error)
        store.last_error, store.last_exception = str(error), error
        return SaveOutcome(store, False, error)
