"""The menu bar: every action of the issue reachable, shown with its shortcut, none clashing."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QSettings, Qt, QThreadPool, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence, QTextCursor

from desktop.core.library import Library
from desktop.core.paths import log_dir
from desktop.ui.app.main_window import MainWindow
from desktop.ui.app.menus import ShortcutsDialog, plain
from tests.ui.i18n_check import english_strings

#: What the issue lists, by action name, with the keys a reader expects.
EXPECTED = {
    "import-files": "Ctrl+O",
    "import-folder": "Ctrl+Shift+O",
    "find": "Ctrl+F",
    "find-next": "F3",
    "find-previous": "Shift+F3",
    "search": "Ctrl+Shift+F",
    "highlight": "Ctrl+H",
    "note": "Ctrl+Shift+N",
    "bookmark": "Ctrl+B",
    "next-chapter": "Ctrl+PgDown",
    "previous-chapter": "Ctrl+PgUp",
    "script-original": "Ctrl+1",
    "script-simplified": "Ctrl+2",
    "script-traditional": "Ctrl+3",
    "script-taiwan": "Ctrl+4",
    "script-hongkong": "Ctrl+5",
    "zoom-in": "Ctrl++",
    "zoom-out": "Ctrl+-",
    "zoom-reset": "Ctrl+0",
    "settings": "Ctrl+,",
}


def _menu_actions(window: MainWindow) -> list[QAction]:
    found: list[QAction] = []

    def walk(actions: list[QAction]) -> None:
        for action in actions:
            if action.menu() is not None:
                walk(action.menu().actions())  # type: ignore[union-attr]
            elif not action.isSeparator():
                found.append(action)

    walk(window.menuBar().actions())
    return found


def test_every_listed_action_is_in_a_menu_with_its_shortcut(main_window: MainWindow) -> None:
    in_menus = {a.objectName(): a for a in _menu_actions(main_window)}
    for name, keys in EXPECTED.items():
        assert name in in_menus, f"{name} is not in any menu"
        assert in_menus[name].shortcut().matches(QKeySequence(keys)) == (
            QKeySequence.SequenceMatch.ExactMatch
        ), f"{name}: {in_menus[name].shortcut().toString()} instead of {keys}"


def test_no_two_window_shortcuts_clash(main_window: MainWindow) -> None:
    contexts = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)
    keys = [
        action.shortcut().toString()
        for action in {*main_window.findChildren(QAction), *main_window.actions()}
        if not action.shortcut().isEmpty() and action.shortcutContext() in contexts
    ]
    clashes = {k: n for k, n in Counter(keys).items() if n > 1}
    assert clashes == {}


def test_shortcuts_dialog_lists_menu_paths(main_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = main_window.menus.show_shortcuts()
    qtbot.addWidget(dialog)
    rows = dict(ShortcutsDialog.rows(main_window))
    assert rows["File › Import Files…"] == QKeySequence("Ctrl+O").toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert dialog.table.rowCount() == len(rows) >= len(EXPECTED)


def test_edit_copy_copies_the_reader_selection(main_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    main_window.open_document(main_window.library.documents()[0].id)
    qtbot.waitUntil(lambda: not main_window.reader.loading, timeout=60_000)
    page = main_window.reader.text
    cursor = page.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(4, QTextCursor.MoveMode.KeepAnchor)
    page.setTextCursor(cursor)
    QGuiApplication.clipboard().clear()
    main_window.menus.actions_by_name["copy"].trigger()
    assert QGuiApplication.clipboard().text() == cursor.selectedText() != ""


def test_mnemonics_are_stripped_for_display() -> None:
    assert plain("&File") == "File"
    assert plain("文件(&F)") == "文件"
    assert plain("Save && Quit") == "Save & Quit"


def test_help_opens_the_log(main_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    main_window.menus.actions_by_name["log-folder"].trigger()
    assert opened[-1].toLocalFile() == str(log_dir())
    (log_dir() / "tongwen.log").write_text("x", encoding="utf-8")
    main_window.menus.actions_by_name["log-file"].trigger()
    assert opened[-1].toLocalFile() == str(log_dir() / "tongwen.log")


def test_menus_in_chinese(
    qtbot, seeded_library: Library, settings: QSettings, chinese_ui: str
) -> None:  # type: ignore[no-untyped-def]
    """Menus, panes and toolbar of a window built with the Chinese catalogues installed."""
    window = MainWindow(seeded_library, settings)
    qtbot.addWidget(window)
    window.show()
    try:
        # the query syntax help quotes the query language's own keywords (title:, OR)
        assert english_strings(window, allowed=[window.search_pane.syntax_help()]) == []
        titles = [plain(a.text()) for a in window.menuBar().actions()]
        assert titles[0] == ("文件" if chinese_ui == "zh_CN" else "檔案")
        dialog = window.menus.show_shortcuts()
        assert english_strings(dialog) == []
        dialog.close()
        window.show_about()
        assert english_strings(window._about) == []
        assert window._about.windowTitle() == ("关于同文" if chinese_ui == "zh_CN" else "關於同文")
        window._about.close()
    finally:
        window.close()
        QThreadPool.globalInstance().waitForDone(10_000)
