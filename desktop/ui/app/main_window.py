"""The main window: library pane beside the reader, menus, status bar.

This is the one wiring place: panes emit ``...Requested`` signals and the window
answers them by calling the core (:class:`~desktop.core.library.Library`), running
slow work in the background.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QLocale, QObject, QSettings, Qt, QTimer, Signal
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
from desktop.core.library import ImportResult, Library, LibraryError
from desktop.ui.annotations.layer import AnnotationLayer
from desktop.ui.annotations.panel import AnnotationsPanel
from desktop.ui.app.focus_mode import FocusMode
from desktop.ui.app.library_watch import FolderCheck
from desktop.ui.app.menus import MenuBuilder
from desktop.ui.app.organising import Organising
from desktop.ui.app.startup import WindowStartup
from desktop.ui.app.window_theme import WindowTheme
from desktop.ui.common.app_settings import AppSettings
from desktop.ui.common.errors import show_error
from desktop.ui.common.plain import plain_label
from desktop.ui.common.workers import Task, run_in_background
from desktop.ui.library.pane import LibraryPane
from desktop.ui.reader.corrections import ConversionCorrections
from desktop.ui.reader.decode_warning import DecodeWarningBar
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

if TYPE_CHECKING:
    from desktop.ui.settings.dialog import SettingsDialog

__all__ = ["LibraryBridge", "MainWindow"]

log = logging.getLogger(__name__)

#: The status line's totals are summed this long after the last library event.
STATUS_DELAY_MS = 150


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
        self._build_splitter()
        self._build_status_totals()
        self.bridge = LibraryBridge(library, self)
        self._build_annotations()
        self.history = ReadingHistory.install(self)
        self.recent = RecentDocuments.install(self)
        self.menus = MenuBuilder(self)
        self.menus.build()
        self._wire()
        self.window_theme = WindowTheme.install(self)
        self.focus_mode = FocusMode.install(self)
        self._restore_layout()  # the rows and the totals: WindowStartup, below
        # the library opened from its catalogue: its folders are checked from now on
        self.folder_check = FolderCheck(library, self)
        self.location_box: QMessageBox | None = None
        self.startup = WindowStartup.install(self)

    # ------------------------------------------------------------------ set-up

    def _build_splitter(self) -> None:
        """Search and library on the left, the reader on the right, neither collapsible."""
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.search_pane)
        self.splitter.addWidget(self.reader)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

    def _build_status_totals(self) -> None:
        """The count and length of every document at the right of the status bar, summed
        again once after a burst of library events."""
        self.status_label = plain_label(parent=self)
        self.statusBar().addPermanentWidget(self.status_label)
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.setInterval(STATUS_DELAY_MS)
        self._status_timer.timeout.connect(self.update_status)

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

    # The dialogs' modules are imported when a dialog first opens, not before the
    # window's first paint.

    def export_annotations(self) -> None:
        from desktop.ui.annotations.export_dialog import export_annotations

        if message := export_annotations(self, self.annotations):
            self.statusBar().showMessage(message, 10_000)

    def import_annotations(self) -> None:
        from desktop.ui.annotations.export_dialog import import_annotations

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
        self.organising = Organising.install(self)
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
        from desktop.ui.annotations.unsaved_dialog import settle_before_close

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
        self._status_timer.start()  # once for a burst of events (1,000 documents tagged)

    def update_status(self) -> None:
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
        from desktop.core.formats import supported_suffixes
        from desktop.ui.common.file_dialogs import open_files

        patterns = " ".join(f"*{s}" for s in supported_suffixes())
        name_filter = self.tr("Documents ({patterns});;All files (*)").format(patterns=patterns)
        title = self.tr("Import files")
        if files := open_files(self, self.app_settings, "import", title, name_filter):
            self.import_paths(files)

    def import_folder_dialog(self) -> None:
        from desktop.ui.common.file_dialogs import open_folder

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
            from desktop.ui.common.dialogs import import_summary

            box = import_summary(self, results)
            box.open()
            self._summary_box = box

    # ------------------------------------------------------------------ editing
    def edit_metadata(self, doc_id: str) -> None:
        from desktop.ui.common.dialogs import MetadataDialog

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
        from desktop.ui.common.dialogs import ReencodeDialog
        from desktop.ui.reader.decode_warning import reencode_in_background

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
        from desktop.ui.reader.chapters_dialog import open_chapters_dialog

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
        from desktop.ui.settings.dialog import SettingsDialog

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
