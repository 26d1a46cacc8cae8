"""What the main window does once it is built: the work its first paint does not need.

The window paints first, its library pane showing the first screenful of rows in its
order (read from the catalogue: :meth:`Library.leading_summaries`); then
:class:`WindowStartup` reads every document's summary in the background (100,000
documents: half a second and 140 MB the first paint does not wait for), fills the pane
with them (the selection kept), and starts the search index, the folder checks, the
shelves and the document the reader had open.  A library opened
without a catalogue (a first start after an upgrade, a cleared cache) has its folders
read first, in the background, with progress in the library pane and the status bar;
the index and the folder checks wait for it (an index compared with a library not read
yet would drop every document).  It also says, once, when the library lives where file
locks may not hold, and when damaged files were repaired on opening.

Its messages keep the main window's translation context ("MainWindow").
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.ui.common.errors import show_error
from desktop.ui.common.plain import plain_message_box
from desktop.ui.common.workers import Task, run_in_background

if TYPE_CHECKING:
    from desktop.core.records import DocSummary
    from desktop.ui.app.main_window import MainWindow

__all__ = ["FIRST_PAINT_WAIT_MS", "FIRST_ROWS", "AfterFirstPaint", "WindowStartup"]

log = logging.getLogger(__name__)

#: Background work waits at most this long for the window's first paint (a window
#: shown minimized may not paint until it is restored).
FIRST_PAINT_WAIT_MS = 2000
#: Rows the library pane shows before every summary is read (more than a screenful).
FIRST_ROWS = 200


class AfterFirstPaint(QObject):
    """Runs ``then`` once, just after ``window`` first paints: start-up work that the
    first paint does not need (opening the search index imports whoosh and numpy,
    ~0.3 s) must not delay it.  A window still hidden when the event loop first runs
    (tests, a window built and never shown) runs ``then`` at once."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._then: Callable[[], None] | None = then
        window.installEventFilter(self)
        QTimer.singleShot(0, self, self._unless_shown)
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            QTimer.singleShot(0, self, self._run)  # once this paint is done
        return False

    def _unless_shown(self) -> None:
        if not self._window.isVisible():
            self._run()

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            self._window.removeEventFilter(self)
            then()


class WindowStartup(QObject):
    """The main window's start-up work, begun by :meth:`install`."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.first_read: Task | None = None  #: the first reading of the folders, running
        self.summaries_read: Task | None = None  #: the reading of every summary, running

    @classmethod
    def install(cls, window: MainWindow) -> WindowStartup:
        startup = cls(window)
        library = window.library
        if library.first_read_pending:  # no catalogue yet: read the folders first
            window.library_pane.show_reading(
                QCoreApplication.translate("MainWindow", "Reading the library…")
            )
            AfterFirstPaint(window, startup.read_library)
        else:
            startup.show_first_rows()
            AfterFirstPaint(window, startup.read_summaries)
        startup.report_recovery(library.warnings)
        window.location_box = startup.warn_about_location()
        return startup

    def show_first_rows(self) -> None:
        """The first rows of the pane in its order, and how many documents there are
        (their length is summed once every summary is read), before the first paint."""
        from desktop.ui.library.columns import COLUMNS, NATURAL_ORDER, sort_value

        library = self.window.library
        self.window.status_label.setText(
            QCoreApplication.translate("MainWindow", "%n document(s)", "", len(library))
        )
        pane = self.window.library_pane
        column, order = pane.model.sort_order or (2, Qt.SortOrder.DescendingOrder)
        field = COLUMNS[column][0]
        pane.set_documents(
            library.leading_summaries(
                FIRST_ROWS,
                field,
                lambda value: sort_value(field, value),
                reverse=order == Qt.SortOrder.DescendingOrder,
                natural=NATURAL_ORDER.get(field),
            ),
            fold=False,  # every summary replaces them just after the paint
        )

    def read_summaries(self) -> None:
        """Every document's summary, read in the background after the first paint;
        the pane then shows them all and the rest of the start-up work begins.  The
        rows set are the summaries as they are then, not the copy the read made: a
        document changed meanwhile (a library event, or re-read after its annotations
        or place were saved) is shown as changed; the read left every summary in
        memory, so asking again is quick."""
        w = self.window

        def done(_docs: list[DocSummary]) -> None:
            self._summaries_shown()

        def failed(exc: BaseException) -> None:
            log.error("reading the library's catalogue failed: %s", exc)
            self._summaries_shown()  # read from the folders, then

        library = w.library
        self.summaries_read = run_in_background(
            lambda _task: library.summaries(), on_done=done, on_failure=failed
        )

    def _summaries_shown(self) -> None:
        self.summaries_read = None
        w = self.window
        w.library_pane.set_documents(w.library.summaries())
        w.update_status()
        self.start_background_work()

    def start_background_work(self) -> None:
        """After the first paint: the search index, the folder checks, the shelves, and
        the document the reader had open."""
        w = self.window
        w.index_service.start()
        w.folder_check.start()
        w.organising.change_shelves(lambda: None)  # read shelves.json for the panel
        w.recent.reopen_last()  # continue where the reader was

    def read_library(self) -> None:
        """The folders of a library without a catalogue, read in the background; the
        list fills when they are, then the rest of the start-up work begins."""
        w = self.window
        library, pane = w.library, w.library_pane

        def work(task: Task) -> int:
            library.check_folders(
                emit=False, progress=lambda done, total: task.progress(done, total)
            )
            return len(library)

        def progress(done: int, total: int, _what: str) -> None:
            text = QCoreApplication.translate(
                "MainWindow", "Reading the library: {done} of {total} documents…"
            ).format(done=QLocale().toString(done), total=QLocale().toString(total))
            w.status_label.setText(text)
            pane.show_reading(text)

        def done(_count: int) -> None:
            self.first_read = None
            pane.show_reading(None)
            pane.set_documents(library.summaries())
            w.update_status()
            self.start_background_work()

        def failed(exc: BaseException) -> None:
            self.first_read = None
            pane.show_reading(None)
            log.error("reading the library folder failed: %s", exc)
            title = QCoreApplication.translate("MainWindow", "The library could not be read")
            show_error(w, title, exc)
            self.start_background_work()

        progress(0, 0, "")
        self.first_read = run_in_background(
            work, on_done=done, on_failure=failed, on_progress=progress
        )

    def warn_about_location(self) -> QMessageBox | None:
        """Once per library folder: locks may not hold on a network drive or in a
        cloud-synced folder (the core tells which; the log has it every time)."""
        w = self.window
        library = w.library
        risk = library.location_risk
        key = f"library/location_warned/{library.root}"
        if risk is None or w.settings.value(key) == risk.name:
            return None
        w.settings.setValue(key, risk.name)
        if risk.kind == "network":
            text = QCoreApplication.translate(
                "MainWindow",
                "The library {folder} is on a network drive ({kind}). File locks may not "
                "hold there: do not change it from two computers at the same time.",
            )
        else:
            text = QCoreApplication.translate(
                "MainWindow",
                "The library {folder} is inside a {kind} folder. Edits made on two "
                "computers at once become conflict copies, which Tongwen merges or reports.",
            )
        box = plain_message_box(
            w,
            QMessageBox.Icon.Information,
            QCoreApplication.translate("MainWindow", "Library on a Shared Folder"),
            text.format(folder=library.root, kind=risk.name),
        )
        box.open()  # not modal to the start-up: the window is usable behind it
        return box

    def report_recovery(self, warnings: list[str]) -> None:
        """Damaged library files were repaired or set aside on opening: say so, log why."""
        for warning in warnings:
            log.warning("library: %s", warning)
        if warnings:
            self.window.statusBar().showMessage(
                QCoreApplication.translate(
                    "MainWindow",
                    "%n damaged file(s) in the library were repaired or set aside; "
                    "nothing was deleted. Help ▸ Open the Log File tells which.",
                    "",
                    len(warnings),
                ),
                20_000,
            )
