"""The main window as the GUI tests open it: shown, then closed with its work done."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QApplication

from desktop.core.library import Library
from desktop.ui.app.main_window import MainWindow


@contextmanager
def shown_window(  # type: ignore[no-untyped-def]
    qtbot,
    library: Library,
    settings: QSettings,
    before_show: Callable[[MainWindow], object] | None = None,
) -> Iterator[MainWindow]:
    """A main window on ``library``, shown and exposed (``before_show`` sees it first);
    closed after, its background work finished."""
    window = MainWindow(library, settings)
    if before_show is not None:
        before_show(window)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    QThreadPool.globalInstance().waitForDone(10_000)
    QApplication.processEvents()
