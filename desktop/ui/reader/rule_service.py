"""The library's conversion rules for the window: read through the core, changed in a worker.

One :class:`ConversionRuleService` per library holds the :class:`~desktop.core.
conversion_rules.RuleBook` the views use (``<library>/conversion-rules.json``, see
docs/conversion-rules.md).  The first question reads the file through
:class:`~desktop.core.conversion_rules.ConversionRuleStore` (a few kilobytes, the
core never raises for a damaged file); every change runs in a background task, one
at a time and in the order asked (an undo never overtakes the change it undoes), and
reads the rules again.  :attr:`changed` then tells the reader, the search results and
Settings ▸ Conversion to use the new rules.  The service touches no file itself.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop.core.conversion_rules import ConversionRuleStore, RuleBook, RulesFileError
from desktop.core.views.rules import ConversionRule
from desktop.ui.common.errors import describe
from desktop.ui.common.workers import Task, run_in_background

__all__ = ["ConversionRuleService", "book_problem"]

log = logging.getLogger(__name__)

#: A change for the worker: it gets the store and returns its result.
_Change = Callable[[ConversionRuleStore], Any]


def book_problem(book: RuleBook, path: Path) -> str:
    """What went wrong reading the rules, in the UI language and naming the file ("" if
    nothing did); ``book.problem`` has the core's own words (English) for the details."""
    if not book.problem:
        return ""
    if book.rules:
        text = QCoreApplication.translate(
            "ConversionRuleService",
            "{file} was damaged; the conversion rules of its backup are used.",
        )
    else:
        text = QCoreApplication.translate(
            "ConversionRuleService",
            "{file} cannot be used, so the views show OpenCC's conversion without your "
            "corrections.",
        )
    return text.format(file=path)


class ConversionRuleService(QObject):
    """The conversion rules of the library at ``root``, for every part of the window."""

    changed = Signal()  #: the rules were read again (after a change, or :meth:`reload`)
    failed = Signal(str)  #: a change was not made: why, naming the file
    problemFound = Signal(str)  #: the rules file could not be used as it is (see book_problem)

    def __init__(self, root: Path | str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = ConversionRuleStore(Path(root))
        self._book: RuleBook | None = None
        self._queue: deque[tuple[_Change, Callable[[Any], None] | None]] = deque()
        self._running = False
        self._told = ""  # the problem last reported, so it is said once

    @property
    def path(self) -> Path:
        """The rules file (for messages)."""
        return self.store.path

    # ---------------------------------------------------------------- reading
    def book(self) -> RuleBook:
        """The rules as last read (read now the first time it is asked)."""
        if self._book is None:
            self._set_book(self.store.load())
        assert self._book is not None
        return self._book

    def for_document(self, doc_id: str | None) -> tuple[ConversionRule, ...]:
        """The rules the views of ``doc_id`` apply (``ViewOptions.rules``)."""
        return self.book().for_document(doc_id)

    def problem(self) -> str:
        """What is wrong with the rules file, in the UI language ("" if nothing)."""
        return book_problem(self.book(), self.path)

    def _set_book(self, book: RuleBook) -> None:
        self._book = book
        problem = book_problem(book, self.path)
        if problem and problem != self._told:
            self.problemFound.emit(problem)
        self._told = problem

    def reload(self) -> None:
        """Read the file again in the background (it changed elsewhere: a sync, the CLI)."""
        self._enqueue(lambda _store: None, None)

    # --------------------------------------------------------------- changing
    def add(
        self,
        rule: ConversionRule,
        index: int | None = None,
        on_done: Callable[[ConversionRule | None], None] | None = None,
    ) -> None:
        """Add ``rule`` (at ``index``, default last) in the background; ``on_done`` gets
        the rule it replaced (None if none) once the rules were read again."""
        self._enqueue(lambda store: store.add(rule, index), on_done)

    def remove(self, rule: ConversionRule, on_done: Callable[[int], None] | None = None) -> None:
        """Remove ``rule`` in the background; ``on_done`` gets its index before (for
        undo: ``add(rule, index)``), -1 if there was none."""
        self._enqueue(lambda store: store.remove(rule), on_done)

    @property
    def busy(self) -> bool:
        """Whether a change or a reload is under way or waiting."""
        return self._running or bool(self._queue)

    def _enqueue(self, change: _Change, on_done: Callable[[Any], None] | None) -> None:
        self._queue.append((change, on_done))
        if not self._running:
            self._next()

    def _continue(self) -> None:
        """Start the next change, unless a listener already started it."""
        if not self._running:
            self._next()

    def _next(self) -> None:
        if not self._queue:
            self._running = False
            return
        self._running = True
        change, on_done = self._queue.popleft()
        store = self.store

        def work(_task: Task) -> tuple[Any, RuleBook]:
            result = change(store)
            return result, store.load()

        def done(outcome: tuple[Any, RuleBook]) -> None:
            result, book = outcome
            self._running = False  # not busy while the listeners look (unless more waits)
            self._set_book(book)
            self.changed.emit()
            if on_done is not None:
                on_done(result)
            self._continue()

        def failed(exc: BaseException) -> None:
            log.warning("conversion rules not changed: %s", exc)
            self._running = False
            self.failed.emit(self._failure(exc))
            self._continue()

        run_in_background(work, on_done=done, on_failure=failed)

    def _failure(self, exc: BaseException) -> str:
        if isinstance(exc, RulesFileError):
            return self.tr("The conversion rules were not changed: {reason}").format(reason=exc)
        return describe(exc, self.path).sentence()
