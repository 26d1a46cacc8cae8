"""Esc ends a search's marks in the reader: F3 stops walking them, nothing brings them back."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.ui.app.main_window import MainWindow

QUERY = "社會工作"


def _open_result(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Search the full text and open the first result, as a user does."""
    qtbot.waitUntil(
        lambda: window.index_service.ready and window.index_service.idle, timeout=20_000
    )
    pane = window.search_pane
    pane.search_box.setText(QUERY)
    qtbot.waitUntil(lambda: pane.showing_results and not pane.searching, timeout=20_000)
    pane.results.setCurrentIndex(pane.model.index(0, 0))
    pane.open_current()
    reader = window.reader
    qtbot.waitUntil(lambda: not reader.loading and reader.highlighted_count() > 1)
    assert window.search_hits.active


def _assert_no_marks(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """No mark now, none after the reader re-renders, and F3 walks nothing."""
    reader = window.reader
    qtbot.waitUntil(lambda: reader.highlighted_count() == 0)
    assert not window.search_hits.active
    reader.set_options(
        script="traditional" if reader.options.script != "traditional" else "simplified"
    )
    qtbot.waitUntil(lambda: not reader.loading)
    qtbot.wait(50)  # the zero-delay re-marking timers have run
    assert reader.highlighted_count() == 0
    cursor_before = reader.text.textCursor().position()
    window.find_next()
    qtbot.wait(20)
    assert reader.highlighted_count() == 0
    assert reader.text.textCursor().position() == cursor_before


def test_escape_in_the_reader_removes_the_hit_marks(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _open_result(qtbot, main_window)
    text = main_window.reader.text
    text.setFocus()
    qtbot.keyClick(text, Qt.Key.Key_Escape)
    _assert_no_marks(qtbot, main_window)


def test_escape_in_the_search_field_removes_the_hit_marks(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _open_result(qtbot, main_window)
    box = main_window.search_pane.search_box
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert not main_window.search_pane.showing_results
    _assert_no_marks(qtbot, main_window)


def test_escape_in_the_find_bar_removes_its_and_the_search_marks(
    qtbot, main_window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    _open_result(qtbot, main_window)
    bar = main_window.find_bar
    bar.open_bar()
    bar.edit.setText("基層")
    qtbot.waitUntil(lambda: not bar._timer.isActive() and bool(bar.matches))
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert bar.isHidden()
    _assert_no_marks(qtbot, main_window)


def test_escape_without_marks_is_left_to_others(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """With no marks shown the reader does not swallow Esc (window shortcuts keep it)."""
    _open_result(qtbot, main_window)
    text = main_window.reader.text
    qtbot.keyClick(text, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: main_window.reader.highlighted_count() == 0)
    navigator = main_window.search_hits
    assert navigator.eventFilter(text, _escape()) is False


def _escape():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    return QKeyEvent(
        QEvent.Type.ShortcutOverride, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier
    )
