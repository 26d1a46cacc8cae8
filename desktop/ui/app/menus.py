"""The main window's menu bar: every action, each with its shortcut shown.

The menus follow what readers of desktop programs expect: File (import, export,
settings, quit), Edit (copy, find, search), View (script, clean view, zoom,
panels), Go (chapters, start, end), Annotate, Document, Help (shortcuts, log,
about).  :class:`ShortcutsDialog` lists every shortcut, built from the actions
themselves, so the list cannot drift from the menus.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.paths import log_dir
from desktop.ui.reader.toolbar import SCRIPT_LABELS, script_label

if TYPE_CHECKING:
    from desktop.ui.app.main_window import MainWindow

__all__ = ["MenuBuilder", "ShortcutsDialog", "open_log_file", "open_log_folder"]

Slot = Callable[..., object]
Keys = QKeySequence | QKeySequence.StandardKey | str | None


def open_log_file() -> bool:
    """Open ``tongwen.log`` in the system's text viewer (its folder if none yet)."""
    path = log_dir() / "tongwen.log"
    if not path.is_file():
        return open_log_folder()
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def open_log_folder() -> bool:
    """Show the folder that holds the log files."""
    log_dir().mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_dir())))


class MenuBuilder(QObject):
    """Builds the menu bar of a :class:`MainWindow`; keeps the actions it made."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.actions_by_name: dict[str, QAction] = {}

    # ----------------------------------------------------------------- helpers
    def action(self, name: str, text: str, slot: Slot, keys: Keys = None) -> QAction:
        """A window-wide action with a shortcut (shown in menus), remembered by name."""
        action = QAction(text, self.window)
        action.setObjectName(name)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _=False: slot())
        self.window.addAction(action)
        self.actions_by_name[name] = action
        return action

    def adopt(self, name: str, action: QAction, keys: Keys = None) -> QAction:
        """Put an action made elsewhere (a dock's toggle, a layer's action) in the set."""
        action.setObjectName(name)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        if action not in self.window.actions():
            self.window.addAction(action)
        self.actions_by_name[name] = action
        return action

    def menu(self, title: str, *entries: QAction | QMenu | None) -> QMenu:
        menu = self.window.menuBar().addMenu(title)
        self._fill(menu, entries)
        return menu

    @staticmethod
    def _fill(menu: QMenu, entries: tuple[QAction | QMenu | None, ...]) -> None:
        for entry in entries:
            if entry is None:
                menu.addSeparator()
            elif isinstance(entry, QMenu):
                menu.addMenu(entry)
            else:
                menu.addAction(entry)

    # ------------------------------------------------------------------- build
    def build(self) -> None:
        w = self.window
        self.menu(
            self.tr("&File"),
            self.action("import-files", self.tr("&Import Files…"), w.import_files_dialog, "Ctrl+O"),
            self.action(
                "import-folder",
                self.tr("Import &Folder…"),
                w.import_folder_dialog,
                "Ctrl+Shift+O",
            ),
            w.recent.menu,
            None,
            self.action(
                "export-annotations", self.tr("E&xport Annotations…"), w.export_annotations
            ),
            self.action(
                "import-annotations", self.tr("Im&port Annotations…"), w.import_annotations
            ),
            None,
            self.action("settings", self.tr("&Settings…"), w.show_settings, "Ctrl+,"),
            None,
            self.action("quit", self.tr("&Quit"), w.close, QKeySequence.StandardKey.Quit),
        )
        self._build_library()
        self._build_edit()
        self._build_view()
        self._build_go()
        self._build_annotate()
        self._build_document()
        self._build_help()

    def _build_library(self) -> None:
        w = self.window
        self.menu(
            self.tr("&Library"),
            self.adopt("organise-panel", w.library_pane.organise_action, "Ctrl+Shift+L"),
            self.action("new-shelf", self.tr("Save Search as &Shelf…"), w.library_pane.new_shelf),
            None,
            self.adopt("pause-index", w.index_service.pause_action),
            None,
            self.action("trash", self.tr("&Trash…"), lambda: _open_trash(w)),
        )

    def _build_edit(self) -> None:
        w = self.window
        self.menu(
            self.tr("&Edit"),
            self.action("copy", self.tr("&Copy"), w.reader.copy, QKeySequence.StandardKey.Copy),
            None,
            self.action("find", self.tr("&Find in Document…"), w.find_bar.open_bar, "Ctrl+F"),
            self.action("find-next", self.tr("Find &Next"), w.find_next, "F3"),
            self.action("find-previous", self.tr("Find &Previous"), w.find_previous, "Shift+F3"),
            None,
            self.action(
                "search",
                self.tr("&Search the Library…"),
                w.search_pane.focus_search,
                "Ctrl+Shift+F",
            ),
            None,
            self.adopt("look-up", w.reader.aids.look_up_action),
            self.adopt("look-up-mode", w.reader.aids.lookup_mode_action),
            self.adopt("correct-reading", w.reader.aids.correct_action),
        )

    def _scripts_menu(self) -> QMenu:
        """View ▸ Script: one entry a script (Ctrl+1…), then the document's default."""
        w = self.window
        scripts = QMenu(self.tr("&Script"), w)
        for n, script in enumerate(SCRIPT_LABELS, start=1):
            scripts.addAction(
                self.action(
                    f"script-{script}",
                    script_label(script),
                    lambda s=script: w.reader_toolbar.choose_script(s),
                    f"Ctrl+{n}",
                )
            )
        scripts.addSeparator()
        scripts.addAction(self.adopt("script-default", w.reader_toolbar.default_action))
        return scripts

    def _readings_menu(self) -> QMenu:
        """View ▸ Readings Above the Text: none, pinyin, zhuyin (the reading aids' own)."""
        readings = QMenu(self.tr("&Readings Above the Text"), self.window)
        for style, action in self.window.reader.aids.ruby_actions.items():
            readings.addAction(self.adopt(f"ruby-{style}", action))
        return readings

    def _build_view(self) -> None:
        w = self.window
        self.menu(
            self.tr("&View"),
            self._scripts_menu(),
            self.adopt("clean-view", w.reader_toolbar.clean_action, "Ctrl+Shift+C"),
            self.adopt("vertical", w.reader_toolbar.vertical_action, "Ctrl+Shift+V"),
            self._readings_menu(),
            None,
            self.action(
                "zoom-in", self.tr("Zoom &In"), w.reader.zoom_in, QKeySequence.StandardKey.ZoomIn
            ),
            self.action(
                "zoom-out",
                self.tr("Zoom &Out"),
                w.reader.zoom_out,
                QKeySequence.StandardKey.ZoomOut,
            ),
            self.action("zoom-reset", self.tr("&Actual Size"), w.reader.zoom_reset, "Ctrl+0"),
            None,
            self.adopt("contents-panel", w.toc_dock.toggleViewAction(), "Ctrl+Shift+T"),
            self.adopt("annotations-panel", w.annotations_dock.toggleViewAction(), "Ctrl+Shift+A"),
            self.adopt("toolbar", w.reader_toolbar.toggleViewAction()),
            None,
            self.adopt("conversion-spots", w.corrections.spots_action),
            None,
            self.action(
                "full-screen", self.tr("&Distraction-Free Reading"), w.toggle_full_screen, "F11"
            ),
        )

    def _build_go(self) -> None:
        w = self.window
        self.menu(
            self.tr("&Go"),
            self.adopt("back", w.history.back_action, QKeySequence.StandardKey.Back),
            self.adopt("forward", w.history.forward_action, QKeySequence.StandardKey.Forward),
            None,
            self.action(
                "next-chapter", self.tr("&Next Chapter"), w.reader.next_chapter, "Ctrl+PgDown"
            ),
            self.action(
                "previous-chapter",
                self.tr("&Previous Chapter"),
                w.reader.previous_chapter,
                "Ctrl+PgUp",
            ),
            None,
            self.action("go-start", self.tr("&Beginning"), w.reader.go_to_start, "Ctrl+Home"),
            self.action("go-end", self.tr("&End"), w.reader.go_to_end, "Ctrl+End"),
        )

    def _build_annotate(self) -> None:
        layer = self.window.annotations
        colours = QMenu(self.tr("Highlight in &Colour"), self.window)
        for color, action in layer.color_actions.items():
            colours.addAction(self.adopt(f"highlight-{color}", action))
        self.menu(
            self.tr("&Annotate"),
            self.adopt("highlight", layer.highlight_action),
            colours,
            self.adopt("note", layer.note_action),
            self.adopt("bookmark", layer.bookmark_action),
        )

    def _build_document(self) -> None:
        w = self.window
        self.document_menu = self.menu(
            self.tr("&Document"),
            self.action("edit-metadata", self.tr("&Edit Metadata…"), w.edit_current, "Ctrl+E"),
            self.action("reencode", self.tr("Re-&decode…"), w.reencode_current),
            self.action("chapters", self.tr("&Chapters…"), w.edit_chapters),
            None,
            self.action("remove", self.tr("&Remove from Library"), w.remove_current),
        )

    def _build_help(self) -> None:
        w = self.window
        self.menu(
            self.tr("&Help"),
            self.action("shortcuts", self.tr("&Keyboard Shortcuts"), self.show_shortcuts, "Ctrl+/"),
            None,
            self.action("log-file", self.tr("Open the &Log File"), open_log_file),
            self.action("log-folder", self.tr("Show the Log &Folder"), open_log_folder),
            None,
            self.action("about", self.tr("&About Tongwen"), w.show_about),
        )

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self.window)
        dialog.open()
        self._shortcuts_dialog = dialog
        return dialog


def plain(text: str) -> str:
    """A menu text without its mnemonic: "&File" → "File", "文件(&F)" → "文件"."""
    return re.sub(r"\(&\w\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")


class ShortcutsDialog(QDialog):
    """Every menu action that has a shortcut, in menu order."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.table = QTableWidget(0, 2, self)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for text, keys in self.rows(window):
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(text))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 70, self.fontMetrics().height() * 30)

    @staticmethod
    def rows(window: QWidget) -> list[tuple[str, str]]:
        """(menu path, shortcut text) for each action with a shortcut, in menu order."""
        found: list[tuple[str, str]] = []

        def walk(menu: QMenu, trail: str) -> None:
            for action in menu.actions():
                label = plain(action.text())
                if action.menu() is not None:
                    walk(action.menu(), f"{trail}{label} › ")  # type: ignore[arg-type]
                elif not action.shortcut().isEmpty():
                    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                    found.append((trail + label, keys))

        bar = window.menuBar()  # type: ignore[attr-defined]
        for top in bar.actions():
            if top.menu() is not None:
                walk(top.menu(), plain(top.text()) + " › ")
        return found


def _open_trash(window: MainWindow) -> None:
    """Library ▸ Trash… (its dialog's module is imported when it first opens)."""
    from desktop.ui.library.trash_dialog import open_trash

    open_trash(window, window.library)
