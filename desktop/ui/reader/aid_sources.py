"""What the reading aids read from: the dictionary and the reader of readings, loaded
in the background, and the pieces of the view a place falls in.

CC-CEDICT (~0.4 s) and pypinyin's phrase data (~0.3 s more) load in a worker the first
time an aid needs them (:meth:`AidSources.want_dictionary`, :meth:`AidSources.want_reader`),
so the window never waits; until then :meth:`AidSources.dictionary` and
:meth:`AidSources.reader` answer ``None`` and the aids say so (the pop-up shows
"Loading the dictionary…", the ruby keeps its space empty).  A reading correction
replaces the reader with one that has the new corrections (:meth:`AidSources.set_reader`),
and ``readerReady`` tells the ruby to read again.
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.ui.common.errors import describe
from desktop.ui.common.workers import Task, run_in_background

if TYPE_CHECKING:  # the dictionary and the readings are imported on first use
    from desktop.core.dictionary import Dictionary
    from desktop.core.readings import Reader
    from desktop.core.views import TextView

__all__ = ["AidSources", "PieceEntry", "piece_at"]

log = logging.getLogger(__name__)

#: ``(view start, canonical start, view)`` of a loaded piece (``ReaderPane.pieces()``).
PieceEntry = tuple[int, int, "TextView"]


def piece_at(entries: list[PieceEntry], view_offset: int) -> PieceEntry | None:
    """The loaded piece holding ``view_offset`` (its end belongs to the last piece)."""
    if not entries:
        return None
    i = bisect_right([e[0] for e in entries], view_offset) - 1
    if i < 0:
        return None
    entry = entries[i]
    return entry if view_offset <= entry[0] + len(entry[2].text) else None


def _dictionary_file() -> Path | None:
    """CC-CEDICT's file, to name in a problem (None when its package is missing)."""
    from desktop.core.dictionary.cedict import DictionaryError, data_path

    try:
        return data_path()
    except DictionaryError:
        return None


class AidSources(QObject):
    """The dictionary and the reader of readings for one reader pane."""

    dictionaryReady = Signal()
    dictionaryFailed = Signal(str)  #: why, in the reader's language (the file named)
    readerReady = Signal()  #: a reader (or one with new corrections) is ready
    statusMessage = Signal(str)

    def __init__(self, library_root: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library_root = library_root
        self._reader: Reader | None = None
        self._loading_dictionary = False
        self._loading_reader = False
        self.dictionary_problem = ""  #: why the dictionary could not be loaded ("" if it could)

    # -------------------------------------------------------------- dictionary
    def dictionary(self) -> Dictionary | None:
        """CC-CEDICT if it is loaded, else ``None`` (never waits)."""
        from desktop.core.dictionary import loaded_dictionary

        return loaded_dictionary()

    def want_dictionary(self) -> None:
        """Load the dictionary in the background unless it is loaded or loading;
        ``dictionaryReady`` or ``dictionaryFailed`` follows."""
        from desktop.core.dictionary import load_dictionary, loaded_dictionary

        if loaded_dictionary() is not None or self._loading_dictionary:
            return
        self._loading_dictionary = True
        self.dictionary_problem = ""

        def work(_task: Task) -> Dictionary:
            return load_dictionary()

        def done(_dictionary: object) -> None:
            self._loading_dictionary = False
            self.dictionaryReady.emit()

        def failed(exc: BaseException) -> None:
            self._loading_dictionary = False
            problem = describe(exc, _dictionary_file())
            self.dictionary_problem = f"{problem.text} {problem.advice}".strip()
            log.warning("dictionary not loaded: %s", exc)
            self.dictionaryFailed.emit(self.dictionary_problem)

        run_in_background(work, on_done=done, on_failure=failed)

    @property
    def loading_dictionary(self) -> bool:
        return self._loading_dictionary

    # ------------------------------------------------------------------ reader
    def reader(self) -> Reader | None:
        """The reader of readings if it is loaded, else ``None`` (never waits)."""
        return self._reader

    def want_reader(self) -> None:
        """Load pypinyin, CC-CEDICT and the reader's corrections in the background
        unless done or under way; ``readerReady`` follows.  Corrections that cannot be
        read are reported (the file named) and the readings come without them."""
        if self._reader is not None or self._loading_reader:
            return
        self._loading_reader = True
        root = self.library_root

        def work(_task: Task) -> tuple[Reader, BaseException | None]:
            from desktop.core.readings import load_reader

            try:
                return load_reader(root), None
            except (OSError, ValueError) as exc:  # a damaged readings.json
                return load_reader(None), exc

        def done(result: tuple[Reader, BaseException | None]) -> None:
            self._loading_reader = False
            reader, problem = result
            if problem is not None:
                path = root / "readings.json" if root is not None else None
                text = describe(problem, path).text
                log.warning("reading corrections not read: %s", problem)
                self.statusMessage.emit(
                    self.tr("The reading corrections cannot be read: {problem}").format(
                        problem=text
                    )
                )
            self.set_reader(reader)

        def failed(exc: BaseException) -> None:
            self._loading_reader = False
            log.warning("readings not loaded: %s", exc)
            self.statusMessage.emit(
                self.tr("Readings cannot be shown: {problem}").format(problem=describe(exc).text)
            )

        run_in_background(work, on_done=done, on_failure=failed)

    def set_reader(self, reader: Reader) -> None:
        """Use ``reader`` from now on (one with new corrections) and say so."""
        self._reader = reader
        self.readerReady.emit()

    @property
    def loading_reader(self) -> bool:
        return self._loading_reader
