"""Background work that never touches widgets.

:func:`run_in_background` runs a callable on Qt's global thread pool and delivers
its result, error and progress back on the main thread through signals.  The
callable receives a :class:`Task` to report progress and to check for cancellation.

A failure arrives twice: ``failed`` carries the English message (kept for existing
callers and the log) and ``failed_with`` the exception object itself, which
:func:`desktop.ui.common.errors.describe` turns into a sentence in the reader's language.
Pass ``on_failure`` to receive the exception.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

__all__ = ["Task", "run_in_background"]

log = logging.getLogger(__name__)


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(str)
    failed_with = Signal(object)
    progress = Signal(int, int, str)


class Task:
    """Handed to the background callable: progress reports and a cancel flag."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancelled = threading.Event()

    def progress(self, done: int, total: int, what: str = "") -> None:
        self._signals.progress.emit(done, total, what)

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    # handy as a ``cancel=`` callback for core functions
    def is_cancelled(self) -> bool:
        return self._cancelled.is_set()

    @property
    def signals(self) -> _Signals:
        return self._signals


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Task], Any], task: Task) -> None:
        super().__init__()
        self._fn = fn
        self._task = task
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._fn(self._task)
        except Exception as exc:
            log.error("background task failed: %s", "".join(traceback.format_exception(exc)))
            self._task.signals.failed_with.emit(exc)
            self._task.signals.failed.emit(str(exc) or exc.__class__.__name__)
        else:
            self._task.signals.done.emit(result)


_alive: set[_Signals] = set()


def run_in_background(
    fn: Callable[[Task], Any],
    *,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[str], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
) -> Task:
    """Run ``fn(task)`` off the UI thread; callbacks arrive on the UI thread.

    ``on_error`` gets the English message of a failure, ``on_failure`` the exception.
    """
    signals = _Signals()
    _alive.add(signals)  # keep the QObject alive until the task ends
    task = Task(signals)

    def finish(_: object = None) -> None:
        _alive.discard(signals)

    if on_done is not None:
        signals.done.connect(on_done)
    if on_error is not None:
        signals.failed.connect(on_error)
    if on_failure is not None:
        signals.failed_with.connect(on_failure)
    if on_progress is not None:
        signals.progress.connect(on_progress)
    signals.done.connect(finish)
    signals.failed.connect(finish)
    QThreadPool.globalInstance().start(_Runnable(fn, task))
    return task
