"""Whole-window themes: light, dark and sepia colour every widget and dialog, readably."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMessageBox, QToolTip, QWidget

from desktop.ui.app import window_theme
from desktop.ui.app.main_window import MainWindow
from desktop.ui.app.window_theme import CHROME, apply_window_theme
from desktop.ui.common.app_settings import AppSettings
from desktop.ui.common.dialogs import MetadataDialog, import_summary
from desktop.ui.common.plain import plain_message_box
from desktop.ui.reader.themes import THEMES

Role, Group = QPalette.ColorRole, QPalette.ColorGroup


@pytest.fixture(autouse=True)
def platform_palette(qapp: QApplication) -> Iterator[QPalette]:
    """The platform's palette (another test may have left a theme set); given back after."""
    apply_window_theme(qapp, "system")
    yield QPalette(QApplication.palette())
    apply_window_theme(qapp, "system")


def _choose(window: MainWindow, theme: str) -> None:
    """Pick a theme as the reader's controls do: setting, then the reader applies it."""
    AppSettings(window.settings).theme = theme
    window.reader.apply_typography()
    QApplication.processEvents()  # Qt hands the new palette to widgets from the event loop


def _window(theme: str) -> str:
    return CHROME[theme].window


def _drawn(widget: QWidget, at: QPoint) -> QColor:
    return widget.grab().toImage().pixelColor(at)


@pytest.mark.parametrize("name", sorted(THEMES))
def test_the_whole_window_takes_the_theme(qtbot, main_window: MainWindow, name: str) -> None:  # type: ignore[no-untyped-def]
    _choose(main_window, name)
    theme, window = THEMES[name], QColor(_window(name))
    assert QApplication.style().name().lower() == "fusion"
    view = main_window.library_pane.findChild(QAbstractItemView)
    assert view is not None
    checks = {
        "library list": view.palette().color(Role.Base) == QColor(theme.page),
        "library list text": view.palette().color(Role.Text) == QColor(theme.text),
        "library header": view.horizontalHeader().palette().color(Role.Button)  # type: ignore[attr-defined]
        == QColor(CHROME[name].button),
        "contents panel": main_window.toc_dock.palette().color(Role.Window) == window,
        "annotations panel": main_window.annotations_dock.palette().color(Role.Window) == window,
        "toolbar": main_window.reader_toolbar.palette().color(Role.Window) == window,
        "status bar": main_window.statusBar().palette().color(Role.Window) == window,
        "scroll bar": main_window.reader.text.verticalScrollBar().palette().color(Role.Button)
        == QColor(CHROME[name].button),
        "tool tips": QToolTip.palette().color(Role.ToolTipBase)
        == QColor(CHROME[name].tooltip_base),
    }
    menu = main_window.menuBar().actions()[0].menu()
    checks["menu"] = menu.palette().color(Role.Window) == window  # type: ignore[union-attr]
    assert [what for what, ok in checks.items() if not ok] == []


def test_dark_is_drawn_dark(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Not only the palette: the pixels of the empty library list and the menu bar."""
    _choose(main_window, "dark")
    view = main_window.library_pane.findChild(QAbstractItemView)
    assert view is not None
    viewport = view.viewport()  # type: ignore[attr-defined]
    empty = QPoint(viewport.width() // 2, viewport.height() - 4)  # below the five rows
    assert _drawn(viewport, empty) == QColor(THEMES["dark"].page)
    bar = main_window.menuBar()
    assert _drawn(bar, QPoint(bar.width() - 4, bar.height() // 2)) == QColor(_window("dark"))


def test_dialogs_opened_later_come_up_themed(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow, tmp_path: Path
) -> None:
    _choose(main_window, "dark")
    window = QColor(_window("dark"))
    record = main_window.library.documents()[0]
    (tmp_path / "notes.txt").write_text("第一回\n\n今天天氣很好。\n", "utf-8")
    results = main_window.library.add_paths([tmp_path / "notes.txt", tmp_path / "missing.txt"])
    dialogs: list[QWidget] = [
        main_window.show_settings(),
        MetadataDialog(record, main_window),
        import_summary(main_window, results),
        plain_message_box(main_window, QMessageBox.Icon.Warning, "Title", "Text"),
        main_window.menus.show_shortcuts(),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        palette = dialog.palette()
        assert palette.color(Role.Window) == window, type(dialog).__name__
        assert palette.color(Role.WindowText) == QColor(CHROME["dark"].window_text)
        assert _drawn(dialog, QPoint(2, 2)) == window, type(dialog).__name__
        dialog.close()


def test_system_gives_the_platform_palette_back(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow, platform_palette: QPalette
) -> None:
    _choose(main_window, "dark")
    assert QApplication.palette().color(Role.Window) == QColor(_window("dark"))
    _choose(main_window, "system")
    now = QApplication.palette()
    for role in (Role.Window, Role.WindowText, Role.Base, Role.Text, Role.Button, Role.Highlight):
        assert now.color(role) == platform_palette.color(role), role
    assert main_window.window_theme.applied == "platform"
    assert QToolTip.palette().color(Role.ToolTipBase) != QColor(CHROME["dark"].tooltip_base)
    light = platform_palette.color(Role.Window).lightness() >= 128
    assert main_window.reader.theme.name == ("light" if light else "dark")


def test_system_follows_the_desktop_turning_dark(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow, platform_palette: QPalette
) -> None:
    """A desktop that announces "dark" but hands Qt its light palette (common on
    Linux): the window and the page both go dark, and back when it turns light."""
    assert platform_palette.color(Role.Window).lightness() >= 128  # offscreen: light
    _choose(main_window, "system")
    hints = QGuiApplication.styleHints()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    QApplication.processEvents()
    assert QApplication.palette().color(Role.Window) == QColor(_window("dark"))
    assert main_window.reader.theme.name == "dark"
    assert main_window.reader.text.palette().color(Role.Base) == QColor(THEMES["dark"].page)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert QApplication.palette().color(Role.Window) == platform_palette.color(Role.Window)
    assert main_window.reader.theme.name == "light"


def test_a_chosen_theme_ignores_the_desktop(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _choose(main_window, "sepia")
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert QApplication.palette().color(Role.Window) == QColor(_window("sepia"))
    assert main_window.reader.theme.name == "sepia"


def test_start_up_sets_fusion_and_the_theme(qapp: QApplication) -> None:
    qapp.setStyle("Windows")
    assert apply_window_theme(qapp, "sepia") == "sepia"
    assert qapp.style().name().lower() == "fusion"
    assert QApplication.palette().color(Role.Base) == QColor(THEMES["sepia"].page)
    assert window_theme.apply_window_theme(qapp, "system") == "platform"


def test_system_page_follows_a_desktop_that_changes_only_the_palette(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow
) -> None:
    """Some desktops switch Qt's palette without announcing a colour scheme: the
    window follows by itself, and the reader's page must follow it too."""
    _choose(main_window, "system")
    assert main_window.reader.theme.name == "light"
    desktop_dark = QPalette(QApplication.palette())
    desktop_dark.setColor(Role.Window, QColor("#202020"))
    desktop_dark.setColor(Role.WindowText, QColor("#eeeeee"))
    QApplication.setPalette(desktop_dark)  # what the platform hands Qt
    QApplication.processEvents()
    assert main_window.reader.theme.name == "dark"
    assert main_window.reader.text.palette().color(Role.Base) == QColor(THEMES["dark"].page)
