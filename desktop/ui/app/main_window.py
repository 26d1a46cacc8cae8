"""The main window: library pane beside the reader, menus, status bar.

This is the one wiring place: panes emit ``...Requested`` signals and the window
answers them by calling the core (:class:`~desktop.core.library.Library`), running
slow work in the background.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QLocale, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QWidget,
)

from desktop import APP_NAME
from desktop.core.formats import supported_suffixes
from desktop.core.library import ImportResult, Library, LibraryError
from desktop.core.shelves import Shelf, read_shelves, remove_shelf, save_shelf
from desktop.ui.annotations.export_dialog import export_annotations, import_annotations
from desktop.ui.annotations.layer import AnnotationLayer
from desktop.ui.annotations.panel import AnnotationsPanel
from desktop.ui.annotations.unsaved_dialog import settle_before_close
from desktop.ui.app.focus_mode import FocusMode
from desktop.ui.app.library_watch import FolderCheck
from desktop.ui.app.menus import MenuBuilder
from desktop.ui.app.window_theme import WindowTheme
from desktop.ui.common.app_settings import AppSettings
from desktop.ui.common.dialogs import MetadataDialog, ReencodeDialog, import_summary
from desktop.ui.common.errors import show_error
from desktop.ui.common.file_dialogs import open_files, open_folder
from desktop.ui.common.plain import plain_label, plain_message_box
from desktop.ui.common.workers import Task, run_in_background
from desktop.ui.library.pane import LibraryPane
from desktop.ui.reader.chapters_dialog import open_chapters_dialog
from desktop.ui.reader.corrections import ConversionCorrections
from desktop.ui.reader.decode_warning import DecodeWarningBar, reencode_in_background
from desktop.ui.reader.find_bar import FindBar
from desktop.ui.reader.history import ReadingHistory
from desktop.ui.reader.pane import ReaderPane
from desktop.ui.reader.picture_viewer import FigureLines
from desktop.ui.reader.recent import RecentDocuments
from desktop.ui.reader.status_line import StatusLine
from desktop.ui.reader.toc_panel import TocPanel
from desktop.ui.reader.toolbar import ReaderToolbar
from desktop.ui.search.index_service import IndexService
from desktop.ui.search.index_status import IndexStatus
from desktop.ui.search.pane import HitNavigator, SearchPane, view_options
from desktop.ui.settings.dialog import SettingsDialog

__all__ = ["LibraryBridge", "MainWindow"]

log = logging.getLogger(__name__)

#: Background work waits at most this long for the window's first paint (a window
#: shown minimized may not paint until it is restored).
FIRST_PAINT_WAIT_MS = 2000


class _AfterFirstPaint(QObject):
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


class LibraryBridge(QObject):
    """Carries library events from any thread to the UI thread."""

    changed = Signal(str, str)

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        library.subscribe(lambda event, doc_id: self.changed.emit(event, doc_id))


class MainWindow(QMainWindow):
    def __init__(
        self, library: Library, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.settings = settings
        self.setWindowTitle(f"{APP_NAME} 同文")
        self.setAcceptDrops(True)
        self._import_task: Task | None = None
        self.restart_requested = False

        self.library_pane = LibraryPane(self)
        self.app_settings = AppSettings(settings)
        self.reader = ReaderPane(self, settings=self.app_settings, library=library)
        self._build_reader_tools()
        self._build_search()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.search_pane)
        self.splitter.addWidget(self.reader)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.status_label = plain_label(parent=self)
        self.statusBar().addPermanentWidget(self.status_label)

        self.bridge = LibraryBridge(library, self)
        self._build_annotations()
        self.history = ReadingHistory.install(self)
        self.recent = RecentDocuments.install(self)
        self.menus = MenuBuilder(self)
        self.menus.build()
        self._wire()
        self.window_theme = WindowTheme.install(self)
        self.focus_mode = FocusMode.install(self)
        self.library_pane.set_documents(library.summaries())
        self._update_status()
        self._restore_layout()
        # the library opened from its catalogue: its folders are checked from now on
        self.folder_check = FolderCheck(library, self)
        self._first_read: Task | None = None
        if library.first_read_pending:  # no catalogue yet: read the folders first
            self.library_pane.show_reading(self.tr("Reading the library…"))
            _AfterFirstPaint(self, self._read_library)
        else:
            _AfterFirstPaint(self, self._start_background_work)
        self._report_recovery(library.warnings)
        self._warn_about_location(library)

    # ------------------------------------------------------------------ set-up
    def _start_background_work(self) -> None:
        """After the first paint: the search index, the folder checks, the shelves, and
        the document the reader had open."""
        self.index_service.start()
        self.folder_check.start()
        self._change_shelves(lambda: None)  # read shelves.json for the panel
        self.recent.reopen_last()  # continue where the reader was

    # ------------------------------------------------------------- tags, shelves
    def set_tags(self, ids: list[str], add: list[str], remove: list[str]) -> None:
        """Tags… on the selected documents (and Rename Tag…): written in the background;
        the library's events bring the changed rows back into the list."""

        def work(_task: Task) -> int:
            for doc_id in ids:
                self.library.set_tags(doc_id, add=add, remove=remove)
            return len(ids)

        def failed(exc: BaseException) -> None:
            show_error(self, self.tr("Tags could not be changed"), exc)

        run_in_background(work, on_failure=failed)

    def _change_shelves(self, change: Callable[[], object]) -> None:
        """Save or remove a shelf (``change``) in the background, then hand the shelves
        (``<library>/shelves.json``) back to the library pane."""

        def work(_task: Task) -> list[Shelf]:
            change()
            return read_shelves(self.library.root)

        def failed(exc: BaseException) -> None:
            show_error(self, self.tr("The shelves could not be changed"), exc)

        run_in_background(work, on_done=self.library_pane.set_shelves, on_failure=failed)

    def _search_shelf(self, query: str) -> None:
        """A shelf of the reader's is a saved search: run it in the search field."""
        self.search_pane.search_box.setText(query)
        self.search_pane.run_search()

    def _read_library(self) -> None:
        """The library has no catalogue yet (a first start after an upgrade, a cleared
        cache): its folders are read in the background, with progress in the status
        bar, and the list fills when they are.  The search index and the folder checks
        wait for it (an index compared with a library not read yet would drop every
        document)."""

        def work(task: Task) -> int:
            self.library.check_folders(
                emit=False, progress=lambda done, total: task.progress(done, total)
            )
            return len(self.library)

        def progress(done: int, total: int, _what: str) -> None:
            text = self.tr("Reading the library: {done} of {total} documents…").format(
                done=QLocale().toString(done), total=QLocale().toString(total)
            )
            self.status_label.setText(text)
            self.library_pane.show_reading(text)

        def done(_count: int) -> None:
            self._first_read = None
            self.library_pane.show_reading(None)
            self.library_pane.set_documents(self.library.summaries())
            self._update_status()
            self._start_background_work()

        def failed(exc: BaseException) -> None:
            self._first_read = None
            self.library_pane.show_reading(None)
            log.error("reading the library folder failed: %s", exc)
            show_error(self, self.tr("The library could not be read"), exc)
            self._start_background_work()

        progress(0, 0, "")
        self._first_read = run_in_background(
            work, on_done=done, on_failure=failed, on_progress=progress
        )

    def _warn_about_location(self, library: Library) -> None:
        """Once per library folder: locks may not hold on a network drive or in a
        cloud-synced folder (the core tells which; the log has it every time)."""
        self.location_box: QMessageBox | None = None
        risk = library.location_risk
        key = f"library/location_warned/{library.root}"
        if risk is None or self.settings.value(key) == risk.name:
            return
        self.settings.setValue(key, risk.name)
        if risk.kind == "network":
            text = self.tr(
                "The library {folder} is on a network drive ({kind}). File locks may not "
                "hold there: do not change it from two computers at the same time."
            )
        else:
            text = self.tr(
                "The library {folder} is inside a {kind} folder. Edits made on two "
                "computers at once become conflict copies, which Tongwen merges or reports."
            )
        box = plain_message_box(
            self,
            QMessageBox.Icon.Information,
            self.tr("Library on a Shared Folder"),
            text.format(folder=library.root, kind=risk.name),
        )
        box.open()  # not modal to the start-up: the window is usable behind it
        self.location_box = box

    def _report_recovery(self, warnings: list[str]) -> None:
        """Damaged library files were repaired or set aside on opening: say so, log why."""
        for warning in warnings:
            log.warning("library: %s", warning)
        if warnings:
            self.statusBar().showMessage(
                self.tr(
                    "%n damaged file(s) in the library were repaired or set aside; "
                    "nothing was deleted. Help ▸ Open the Log File tells which.",
                    "",
                    len(warnings),
                ),
                20_000,
            )

    def _build_reader_tools(self) -> None:
        """Reader toolbar, find bar under the text, contents dock (reader_ui)."""
        self.reader_toolbar = ReaderToolbar(self.reader, self.app_settings, self)
        self.addToolBar(self.reader_toolbar)
        self.find_bar = FindBar(self.reader, self.reader)
        self.reader.layout_box.addWidget(self.find_bar)
        self.status_line = StatusLine(self.reader, self.reader)
        self.reader.layout_box.addWidget(self.status_line)
        self.toc = TocPanel(self.reader, self)
        self.toc_dock = QDockWidget(self.tr("Contents"), self)
        self.toc_dock.setObjectName("toc_dock")
        self.toc_dock.setWidget(self.toc)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.toc_dock)
        self.toc_dock.hide()  # shown when a document has chapters
        self.reader.statusMessage.connect(lambda m: self.statusBar().showMessage(m, 10_000))
        self.reader.progressSaved.connect(self._progress_saved)

    def _build_annotations(self) -> None:
        """Highlights, notes, bookmarks: reader layer, panel dock, Document menu (annot_ui)."""
        self.annotations = AnnotationLayer(self.reader, self)
        self.figure_lines = FigureLines.install(self.reader, self.annotations)
        self.annotations_panel = AnnotationsPanel(self.annotations, self)
        # right-click corrections of a conversion, their Undo and the spots' mark
        self.corrections = ConversionCorrections.install(self.reader, self.annotations)
        self.statusBar().addWidget(self.corrections.notice)
        self.corrections.statusMessage.connect(lambda m: self.statusBar().showMessage(m, 10_000))
        self.reader.viewReset.connect(self.annotations_panel.refresh)  # quotes in the new view
        self.annotations_dock = QDockWidget(self.tr("Annotations"), self)
        self.annotations_dock.setObjectName("annotations_dock")
        self.annotations_dock.setWidget(self.annotations_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.annotations_dock)
        self.tabifyDockWidget(self.toc_dock, self.annotations_dock)
        self.annotations_dock.hide()  # shown for a document with annotations, or on the first
        self.annotations.changed.connect(lambda _doc_id: self.annotations_dock.show())
        self.annotations.documentShown.connect(
            lambda _doc_id: self.annotations_dock.setVisible(
                bool(self.annotations.items()) or self.annotations_dock.isVisible()
            )
        )
        self.annotations.statusMessage.connect(lambda m: self.statusBar().showMessage(m, 10_000))
        self.annotations.saved.connect(
            lambda doc_id: self.index_service.document_changed("meta-changed", doc_id)
        )

    def export_annotations(self) -> None:
        if message := export_annotations(self, self.annotations):
            self.statusBar().showMessage(message, 10_000)

    def import_annotations(self) -> None:
        if message := import_annotations(self, self.annotations):
            self.statusBar().showMessage(message, 10_000)

    def _progress_saved(self, doc_id: str) -> None:
        try:
            self.library_pane.model.update_document(self.library.reload(doc_id))
        except (KeyError, OSError) as exc:
            log.warning("cannot refresh %s after saving the position: %s", doc_id, exc)

    def _build_search(self) -> None:
        """Search box above the library, index kept current in the background (search_ui)."""
        self.index_service = IndexService(self.library, self)
        self.search_pane = SearchPane(
            self.library_pane,
            self.index_service,
            self.library,
            lambda doc_id: view_options(self.app_settings, doc_id, self.reader.rules_for),
            self,
        )
        self.search_hits = HitNavigator(
            self.reader,
            self,
            yields=self.find_bar.isVisible,  # the open find bar owns the reader's marks
        )
        self.search_pane.searchClosed.connect(self.search_hits.dismiss)
        self.find_bar.closed.connect(self.search_hits.dismiss)
        # the index's message (it may name the cache folder) and its pause button
        self.index_status = IndexStatus(self.index_service, self)
        self.index_label = self.index_status.label
        self.statusBar().addWidget(self.index_status)

    def open_search_result(self, doc_id: str, hits: list[tuple[int, int]]) -> None:
        """Open a search result at its first hit, with every hit marked."""
        self.open_document(doc_id)
        if self.reader.doc_id == doc_id:
            if self.find_bar.isVisible():
                self.find_bar.close_bar()
            self.search_hits.show(doc_id, hits)

    def find_next(self) -> None:
        """F3: the next find-bar match, or the next search hit while the find bar is shut."""
        if self.search_hits.active and not self.find_bar.isVisible():
            self.search_hits.next()
        else:
            self.find_bar.next()

    def find_previous(self) -> None:
        """Shift+F3: as :meth:`find_next`, backwards."""
        if self.search_hits.active and not self.find_bar.isVisible():
            self.search_hits.previous()
        else:
            self.find_bar.previous()

    def _wire(self) -> None:
        pane = self.library_pane
        pane.openRequested.connect(self.open_document)
        pane.editRequested.connect(self.edit_metadata)
        pane.reencodeRequested.connect(self.reencode)
        DecodeWarningBar.install(self.reader).redecodeRequested.connect(self.reencode)
        pane.removeRequested.connect(self.remove_documents)
        pane.importRequested.connect(self.import_files_dialog)
        pane.tagsRequested.connect(self.set_tags)
        pane.shelfSaveRequested.connect(
            lambda name, query: self._change_shelves(
                lambda: save_shelf(self.library.root, name, query)
            )
        )
        pane.shelfRemoveRequested.connect(
            lambda name: self._change_shelves(lambda: remove_shelf(self.library.root, name))
        )
        pane.shelfQueryRequested.connect(self._search_shelf)
        self.bridge.changed.connect(self._library_changed)
        self.bridge.changed.connect(self.index_service.document_changed)
        self.search_pane.openRequested.connect(self.open_search_result)
        self.reader.viewReset.connect(self.search_pane.refresh_display)

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        sizes = self.settings.value("window/splitter")
        if isinstance(sizes, QByteArray) and not sizes.isEmpty():
            self.splitter.restoreState(sizes)
        else:
            self.splitter.setSizes([520, 760])

    def closeEvent(self, event: QCloseEvent) -> None:
        # Annotations that cannot be saved are asked about first: never dropped silently.
        if not settle_before_close(self, self.annotations):
            self.restart_requested = False
            event.ignore()
            return
        if self._import_task is not None:
            self._import_task.cancel()
        self.folder_check.stop()
        self.index_service.shutdown()
        self.annotations.shut_down()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.sync()
        super().closeEvent(event)

    # ------------------------------------------------------------ library view
    def _library_changed(self, event: str, doc_id: str) -> None:
        if event == "removed":
            self.library_pane.model.remove_document(doc_id)
            if self.reader.doc_id == doc_id:
                self.reader.clear()
        else:
            try:
                record = self.library.get(doc_id)
            except KeyError:
                return
            self.library_pane.model.update_document(record)
            if event == "text-changed" and self.reader.doc_id == doc_id:
                self.open_document(doc_id)
            elif event == "meta-changed" and self.reader.doc_id == doc_id:
                self.reader.refresh_record(record)
        self._update_status()

    def _update_status(self) -> None:
        docs = self.library.summaries()
        chars = sum(d.chars for d in docs)
        self.status_label.setText(
            self.tr("%n document(s)", "", len(docs))
            + " · "
            + self.tr("{chars} characters").format(chars=QLocale().toString(chars))
        )

    # ------------------------------------------------------------------ reading
    def open_document(self, doc_id: str) -> None:
        try:
            record = self.library.get(doc_id)
            text = self.library.text(doc_id)
        except (KeyError, OSError, UnicodeDecodeError) as exc:
            self._error(
                self.tr("Cannot open the document"), exc, self.library.doc_dir(doc_id) / "text.txt"
            )
            return
        self.reader.show_document(record, text)
        self.toc_dock.setVisible(len(record.chapters) > 1 or self.toc_dock.isVisible())
        self.library_pane.select(doc_id)

    def _current_id(self) -> str | None:
        return self.library_pane.current_id() or self.reader.doc_id

    # ---------------------------------------------------------------- importing
    def import_files_dialog(self) -> None:
        patterns = " ".join(f"*{s}" for s in supported_suffixes())
        name_filter = self.tr("Documents ({patterns});;All files (*)").format(patterns=patterns)
        title = self.tr("Import files")
        if files := open_files(self, self.app_settings, "import", title, name_filter):
            self.import_paths(files)

    def import_folder_dialog(self) -> None:
        title = self.tr("Import a folder")
        if folder := open_folder(self, self.app_settings, "import", title):
            self.import_paths([folder])

    def import_paths(self, paths: list[Path], *, open_single: bool = False) -> Task | None:
        """Import in the background with a progress dialog; a summary names each failure."""
        if self._import_task is not None:
            self.statusBar().showMessage(self.tr("An import is already running"), 5000)
            return None
        progress = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, 0, self)
        progress.setLabel(plain_label(self.tr("Importing…"), progress))  # shows file names
        progress.setWindowTitle(self.tr("Import"))
        progress.setMinimumDuration(400)
        progress.setWindowModality(Qt.WindowModality.WindowModal)

        def work(task: Task) -> list[ImportResult]:
            return self.library.add_paths(paths, progress=task.progress, cancel=task.is_cancelled)

        def on_progress(done: int, total: int, what: str) -> None:
            progress.setMaximum(total)
            progress.setValue(done)
            if what:
                progress.setLabelText(self.tr("Importing {name}").format(name=Path(what).name))

        def on_done(results: list[ImportResult]) -> None:
            self._import_task = None
            progress.close()
            self._import_finished(results, open_single=open_single)

        def on_failure(exc: BaseException) -> None:
            self._import_task = None
            progress.close()
            self._error(self.tr("Import failed"), exc, paths[0] if len(paths) == 1 else None)

        task = run_in_background(
            work, on_done=on_done, on_failure=on_failure, on_progress=on_progress
        )
        progress.canceled.connect(task.cancel)
        self._import_task = task
        return task

    def _import_finished(self, results: list[ImportResult], *, open_single: bool) -> None:
        imported = [r for r in results if r.status == "imported"]
        problems = [r for r in results if r.status in ("failed", "skipped")]
        self.statusBar().showMessage(
            self.tr("Imported {n} of {total} files").format(n=len(imported), total=len(results)),
            8000,
        )
        opened = [r for r in results if r.id]
        if open_single and len(opened) == 1 and opened[0].id:
            self.open_document(opened[0].id)
        if problems or len(results) > 1 or not results:
            box = import_summary(self, results)
            box.open()
            self._summary_box = box

    # ------------------------------------------------------------------ editing
    def edit_metadata(self, doc_id: str) -> None:
        record = self.library.get(doc_id)
        dialog = MetadataDialog(record, self)
        if dialog.exec() != MetadataDialog.DialogCode.Accepted:
            return
        try:
            self.library.update_meta(doc_id, **dialog.edits())
        except (ValueError, OSError, LibraryError) as exc:  # meta.json unreadable too
            self._error(
                self.tr("Cannot save the metadata"), exc, self.library.doc_dir(doc_id) / "meta.json"
            )

    def reencode(self, doc_id: str) -> None:
        record = self.library.get(doc_id)
        dialog = ReencodeDialog(record, self)
        if dialog.exec() != ReencodeDialog.DialogCode.Accepted:
            return
        encoding = dialog.encoding()

        def on_failure(exc: BaseException) -> None:
            title = self.tr("Cannot decode “{t}” as {e}").format(t=record.title, e=encoding)
            self._error(title, exc, record.original_name)

        reencode_in_background(self.library, doc_id, encoding, on_failure=on_failure)

    def remove_documents(self, ids: list[str]) -> None:
        titles = [self.library.get(i).title for i in ids]
        shown = "\n".join(titles[:10]) + ("\n…" if len(titles) > 10 else "")
        answer = QMessageBox.question(
            self,
            self.tr("Remove documents"),
            self.tr("Move %n document(s) to the library's trash?", "", len(ids)) + "\n\n" + shown,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        for doc_id in ids:
            try:
                self.library.remove(doc_id)
            except (KeyError, OSError) as exc:
                self._error(self.tr("Cannot remove a document"), exc, self.library.doc_dir(doc_id))

    def edit_current(self) -> None:
        if doc_id := self._current_id():
            self.edit_metadata(doc_id)

    def reencode_current(self) -> None:
        if doc_id := self._current_id():
            self.reencode(doc_id)

    def edit_chapters(self) -> None:
        """Document ▸ Chapters…: how the chapters are found, with a live preview."""
        open_chapters_dialog(self)

    def remove_current(self) -> None:
        ids = self.library_pane.selected_ids() or (
            [self.reader.doc_id] if self.reader.doc_id else []
        )
        if ids:
            self.remove_documents(ids)

    # -------------------------------------------------------------- drag & drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths, open_single=True)

    # ------------------------------------------------------------------- other
    def show_settings(self) -> SettingsDialog:
        """Edit ▸ Settings: changes apply on OK; language and library after a restart."""
        dialog = SettingsDialog(
            self.app_settings,
            self,
            index_status=lambda: self.index_label.text() or self.index_service.summary(),
            library_path=self.library.root,
            conversion_rules=self.reader.conversion_rules,
            document_title=self._title_of,
        )
        dialog.settingsChanged.connect(self._settings_changed)
        dialog.rebuildIndexRequested.connect(self.index_service.rebuild)
        self.index_service.status.connect(dialog.refresh_index_status)
        dialog.restartRequested.connect(self.restart)
        dialog.open()
        self._settings_dialog = dialog
        return dialog

    def _title_of(self, doc_id: str) -> str | None:
        """A document's title for Settings ▸ Conversion; None when it is not here."""
        try:
            return self.library.summary(doc_id).title
        except KeyError:
            return None

    def _settings_changed(self, names: list[str]) -> None:
        self.reader.apply_typography()
        self.reader_toolbar.sync()
        log.info("settings changed: %s", ", ".join(names))

    def restart(self) -> None:
        """Close and reopen the main window (``desktop.app`` sees ``restart_requested``)."""
        self.restart_requested = True
        self.close()

    def toggle_full_screen(self) -> None:
        """F11: distraction-free reading (full screen, the page alone) on or off."""
        self.focus_mode.toggle()

    def show_about(self) -> None:
        from desktop.ui.app.about import AboutDialog

        self._about = AboutDialog(self)
        self._about.open()

    def _error(self, title: str, exc: BaseException, path: Path | str | None = None) -> None:
        """A translated, non-modal message naming the file, the problem and what to do."""
        self._error_box = show_error(self, title, exc, path)
