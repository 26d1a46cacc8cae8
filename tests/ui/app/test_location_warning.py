"""A library where locks may not hold (a cloud-synced or network folder) is said once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QThreadPool

from desktop.core.library import Library
from desktop.ui.app.main_window import MainWindow


def _window(qtbot, root: Path, settings: QSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(Library.open(root), settings)
    qtbot.addWidget(window)
    return window


def test_a_synced_library_is_said_once_as_plain_text(
    qtbot, isolated_env: Path, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    shared = isolated_env / "Sync <b>folder</b>"
    (shared / ".stfolder").mkdir(parents=True)
    root = shared / "library"
    first = _window(qtbot, root, settings)
    box = first.location_box
    assert box is not None
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert "Syncthing" in box.text() and "<b>folder</b>" in box.text()
    box.close()
    second = _window(qtbot, root, settings)
    assert second.location_box is None
    # problems found in files are counted apart: nothing here was damaged
    assert "damaged" not in first.statusBar().currentMessage()
    for window in (first, second):
        window.close()
    QThreadPool.globalInstance().waitForDone(10_000)


def test_a_local_library_says_nothing(qtbot, isolated_env: Path, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, isolated_env / "library", settings)
    assert window.location_box is None
    window.close()
    QThreadPool.globalInstance().waitForDone(10_000)
