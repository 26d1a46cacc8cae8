"""GUI fixtures: a cheap one for single widgets and a full main window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktop.core.library import Library
from desktop.ui.app.main_window import MainWindow
from tests.ui.windows import shown_window


@pytest.fixture(autouse=True)
def _application(qapp: QApplication) -> QApplication:
    """Every GUI test runs with the QApplication made: a test that only makes Qt objects
    (a local server, a timer) passed or failed with the order tests reached a worker
    ("QSocketNotifier: current thread's event dispatcher has already been destroyed"
    when it came first)."""
    return qapp


@pytest.fixture(autouse=True)
def _theme_back_to_system() -> Iterator[None]:
    """A theme a test chose is the whole application's: give the next test the
    platform's palette back, as a new start would."""
    yield
    app = QApplication.instance()
    if isinstance(app, QApplication):
        from desktop.ui.app.window_theme import apply_window_theme

        apply_window_theme(app, "system")


@pytest.fixture
def settings(isolated_env: Path) -> QSettings:
    return QSettings(str(isolated_env / "config" / "tongwen.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def seeded_library(library_dir: Path, seed_paths: list[Path]) -> Library:
    lib = Library.open(library_dir)
    lib.import_seeds_if_new(seed_paths[0].parent)
    return lib


@pytest.fixture
def main_window(qtbot, seeded_library: Library, settings: QSettings) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    with shown_window(qtbot, seeded_library, settings) as window:
        yield window


@pytest.fixture(params=["zh_CN", "zh_TW"])
def chinese_ui(request, qapp) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """Each Chinese UI language in turn, installed for the test; English afterwards."""
    from desktop.ui.common.i18n import install_language

    install_language(request.param, qapp)
    yield request.param
    install_language("en", qapp)
