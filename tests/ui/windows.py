"""Widgets as the GUI tests open them (the main window, a reader pane alone): shown,
then closed with their background work done."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QApplication, QWidget

from desktop.core.library import Library
from desktop.ui.app.main_window import MainWindow


@contextmanager
def shown[W: QWidget](qtbot, widget: W) -> Iterator[W]:  # type: ignore[no-untyped-def]
    """``widget`` shown and exposed; closed after, the background work it started
    finished."""
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.close()
    QThreadPool.globalInstance().waitForDone(10_000)
    QApplication.processEvents()


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
    with shown(qtbot, window):
        yield window
