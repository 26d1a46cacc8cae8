"""The pop-up dictionary on the vertical page (issue 19, with the aids of issue 18):
Ctrl+pointing and look-up mode through the page's hit testing, the card beside the
column, the arrows stepping in reading order, Look Up on the selection, Esc."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QSettings, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QMenu

from desktop.core.dictionary import load_dictionary
from desktop.ui.common.app_settings import AppSettings
from desktop.ui.reader.pane import ReaderPane
from tests.ui.reader.panes import open_text, reader_pane

TEXT = "他在银行工作。我们一起走进了银行大门。\n行走在路上。\n" + "天下大势，分久必合。\n" * 300


@pytest.fixture
def pane(qtbot, library_dir: Path, settings: QSettings, tmp_path: Path) -> Iterator[ReaderPane]:  # type: ignore[no-untyped-def]
    load_dictionary()  # loaded once for the session (a worker loads it in the app)
    with reader_pane(qtbot, library_dir, AppSettings(settings)) as reader:
        open_text(reader, tmp_path, TEXT)
        qtbot.waitUntil(lambda: not reader.loading, timeout=30_000)
        reader.set_vertical(True)
        yield reader


def _centre(pane: ReaderPane, view: int) -> QPoint:
    rect = pane.vertical.page.char_rect(view)
    assert rect is not None
    return rect.center().toPoint()


def _move(pane: ReaderPane, point: QPoint, ctrl: bool) -> None:
    modifiers = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    page = pane.vertical.page
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(point),
        QPointF(page.mapToGlobal(point)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        modifiers,
    )
    QApplication.sendEvent(page, event)


def _texts(pane: ReaderPane) -> list[str]:
    return pane.aids.lookup.popup.texts()


def _word_box(pane: ReaderPane, view: int, length: int) -> QRect:
    page = pane.vertical.page
    rects = page.rects_for(view, view + length)
    assert len(rects) == 1
    return QRect(page.mapTo(pane, rects[0].topLeft().toPoint()), rects[0].size().toSize())


def test_ctrl_and_pointer_look_up_the_word_under_the_pointer(qtbot, pane: ReaderPane) -> None:  # type: ignore[no-untyped-def]
    lookup, text = pane.aids.lookup, pane.view_text()
    _move(pane, _centre(pane, text.index("工作")), ctrl=False)
    assert not lookup.popup.isVisible()  # no key held, no look-up mode: nothing
    _move(pane, _centre(pane, text.index("银行") + 1), ctrl=True)  # on 行: the word at 行
    assert lookup.popup.isVisible() and _texts(pane)[0] == "行"
    _move(pane, _centre(pane, text.index("银行")), ctrl=True)
    assert _texts(pane)[0] == "银行"
    assert lookup.marked() == (text.index("银行"), text.index("银行") + 2)
    # the card beside the column, not over the word
    box = _word_box(pane, text.index("银行"), 2)
    card = lookup.popup.geometry()
    assert not card.intersects(box)
    assert card.right() < box.left() or card.left() > box.right()
    # the word is marked on the vertical page itself
    start, end = pane.vertical.page.visible_range()
    marks = pane.vertical.page.marks(start, end)
    assert (text.index("银行"), text.index("银行") + 2) in [(m[0], m[1]) for m in marks]
    far = QPoint(5, pane.vertical.page.height() - 5)
    _move(pane, far, ctrl=False)
    assert not lookup.popup.isVisible()  # the pointer left the word and the card
    assert lookup.marked() is None


def test_look_up_mode_needs_no_key(qtbot, pane: ReaderPane) -> None:  # type: ignore[no-untyped-def]
    pane.aids.lookup_mode_action.setChecked(True)
    assert pane.vertical.page.cursor().shape() == Qt.CursorShape.WhatsThisCursor
    _move(pane, _centre(pane, pane.view_text().index("大门")), ctrl=False)
    assert _texts(pane)[0] == "大门"
    pane.aids.lookup_mode_action.setChecked(False)
    assert not pane.aids.lookup.popup.isVisible()


def test_look_up_action_on_the_vertical_selection(qtbot, pane: ReaderPane) -> None:  # type: ignore[no-untyped-def]
    at = pane.view_text().index("一起")
    pane.vertical.page.set_selection(at, at + 2)
    pane.aids.look_up_action.trigger()
    assert _texts(pane)[0] == "一起"
    card, box = pane.aids.lookup.popup.geometry(), _word_box(pane, at, 2)
    assert not card.intersects(box)


def test_arrows_step_in_reading_order_and_esc_closes(qtbot, pane: ReaderPane) -> None:  # type: ignore[no-untyped-def]
    lookup, text, page = pane.aids.lookup, pane.view_text(), pane.vertical.page
    page.setFocus()
    first = page.first_offset()
    assert lookup.look_up_view(text.index("银行"))
    qtbot.keyClick(page, Qt.Key.Key_Down)  # down the column: the next word
    assert _texts(pane)[0] == "工作"
    assert lookup.marked() == (text.index("工作"), text.index("工作") + 2)
    qtbot.keyClick(page, Qt.Key.Key_Up)
    assert _texts(pane)[0] == "银行"
    qtbot.keyClick(page, Qt.Key.Key_Right)  # back (the columns run right to left)
    assert _texts(pane)[0] == "在"
    assert lookup.look_up_view(text.index("大门"))
    qtbot.keyClick(page, Qt.Key.Key_Left)  # on: past the column's end, the next one
    assert _texts(pane)[0] == "行走"
    assert page.first_offset() == first  # the arrows stepped, they did not turn the page
    qtbot.mouseClick(lookup.popup, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert lookup.popup.pinned
    qtbot.keyClick(lookup.popup, Qt.Key.Key_Right)  # on the card too, in reading order
    assert _texts(pane)[0] == "大门"
    qtbot.keyClick(lookup.popup, Qt.Key.Key_Escape)
    assert not lookup.popup.isVisible() and lookup.marked() is None
    qtbot.keyClick(page, Qt.Key.Key_Left)  # with no card, the arrows turn pages again
    assert page.first_offset() > first


def test_the_horizontal_page_looks_up_again_after_switching_back(qtbot, pane: ReaderPane) -> None:  # type: ignore[no-untyped-def]
    lookup, text = pane.aids.lookup, pane.view_text()
    assert lookup.look_up_view(text.index("银行"))
    pane.set_vertical(False)
    assert not lookup.popup.isVisible()
    assert lookup.surface is None
    assert lookup.look_up_view(text.index("工作"))
    assert lookup.boxes(text.index("工作"), text.index("工作") + 2)  # the text's own boxes
    assert pane.text.viewport().cursor().shape() == Qt.CursorShape.IBeamCursor


def test_text_menu_looks_up_the_word_under_the_pointer(qtbot, pane: ReaderPane) -> None:  # type: ignore[no-untyped-def]
    """The vertical page's menu is the text's (the point passed on through it)."""
    text, page = pane.view_text(), pane.vertical.page
    at = _centre(pane, text.index("工作"))
    passed_on = pane.text.viewport().mapFromGlobal(page.mapToGlobal(at))  # as the mode does
    menu = QMenu()
    pane.aids.fill_menu(menu, passed_on)
    entries = [a.text() for a in menu.actions() if a.text()]
    assert "Look Up “工作”" in entries
    next(a for a in menu.actions() if a.text() == "Look Up “工作”").trigger()
    assert _texts(pane)[0] == "工作"
