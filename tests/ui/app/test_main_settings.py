"""The main window's Settings wiring: re-apply, rebuild the index, restart, import from empty."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog

from desktop.ui.app.main_window import MainWindow
from desktop.ui.settings.dialog import SettingsDialog


def _ready(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(
        lambda: window.index_service.ready and window.index_service.idle, timeout=20_000
    )


def test_settings_action_opens_the_dialog(main_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    main_window.menus.actions_by_name["settings"].trigger()
    dialog = main_window._settings_dialog
    assert isinstance(dialog, SettingsDialog) and dialog.isVisible()
    assert str(main_window.library.root) in dialog.current_label.text()
    dialog.reject()


def test_ok_reapplies_typography(main_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = main_window.show_settings()
    dialog.size_spin.setValue(22)
    with qtbot.waitSignal(dialog.settingsChanged):
        dialog.accept()
    assert main_window.app_settings.font_size == 22
    assert main_window.reader.text.font().pointSizeF() == pytest.approx(22, abs=0.6)


def test_rebuild_index_from_settings(main_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    _ready(qtbot, main_window)
    main_window.index_service.index.rebuilt_because = None
    dialog = main_window.show_settings()
    dialog.rebuild_button.click()
    _ready(qtbot, main_window)
    assert main_window.index_service.index.rebuilt_because == "a rebuild was asked for"
    assert "5" in main_window.index_service.summary()
    dialog.reject()


def test_restart_closes_the_window_with_the_flag(main_window: MainWindow) -> None:
    assert main_window.restart_requested is False
    main_window.restart()
    assert main_window.restart_requested is True
    assert not main_window.isVisible()


def test_empty_library_import_button_opens_the_file_dialog(
    main_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def fake_open(*args: object, **kwargs: object) -> tuple[list[str], str]:
        asked.append("files")
        return [], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", fake_open)
    main_window.library_pane.importRequested.emit()
    assert asked == ["files"]
