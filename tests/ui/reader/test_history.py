"""Back and forward across jumps, in canonical places (document id, offset)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.core.library import DocRecord
from desktop.ui.app.main_window import MainWindow

_NUMBERS = "一二三四五六七八九十"


def _book(path: Path, title: str = "宴桃園豪傑三結義") -> Path:
    """Ten chapters of 80 lines; 社會工作 only in chapters 4 and 8, 社 also in 7."""
    parts = []
    for n in _NUMBERS:
        parts.append(f"第{n}回 {title}\n\n")
        lines = ["話說天下大勢,分久必合,合久必分。\n"] * 80
        if n in "四八":
            lines[40] = "孔明曰:社會工作。\n"
        if n == "七":
            lines[10] = "社稷危矣。\n"  # 社 alone: typing 社會工 moves on from here
        parts.append("".join(lines))
    path.write_text("".join(parts), "utf-8")
    return path


def _add(window: MainWindow, path: Path) -> DocRecord:
    result = window.library.add_file(path)
    assert result.id, result.error
    return window.library.get(result.id)


def _next_action() -> None:
    """Control goes back to the event loop, as between two things a person does: the
    layout settles (panels shown, the page rewrapped and put back at its place)."""
    for _ in range(3):
        QApplication.processEvents()


def _type(edit: QLineEdit, text: str) -> None:
    """Chinese typed as an input method commits it (QTest can send only ASCII keys)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)
    _next_action()


def _place(window: MainWindow) -> tuple[str | None, int]:
    return window.reader.doc_id, window.reader.current_canonical()


def test_back_after_a_contents_jump_survives_a_script_toggle(
    qtbot: QtBot, main_window: MainWindow, tmp_path: Path
) -> None:
    book = _add(main_window, _book(tmp_path / "演義.txt"))
    main_window.open_document(book.id)
    _next_action()
    reader, history = main_window.reader, main_window.history
    for _ in range(7):
        reader.page(+1)  # reading on by hand: not a jump
    qtbot.waitUntil(lambda: reader.current_canonical() > 0)
    start = reader.current_canonical()
    assert start % 40 != 0  # somewhere inside a line, not at a chapter
    _next_action()
    main_window.toc.list.itemClicked.emit(main_window.toc.list.item(7))
    assert reader.current_canonical() == book.chapters[7][0]
    _next_action()
    main_window.reader_toolbar.choose_script("simplified")
    main_window.reader_toolbar.choose_script("traditional")
    assert history.back()
    assert _place(main_window) == (book.id, start)
    assert reader.options.script == "traditional"
    assert history.forward()
    assert _place(main_window) == (book.id, book.chapters[7][0])
    assert not history.can_go_forward()


def test_back_returns_to_the_previous_document_at_its_place(
    qtbot: QtBot, main_window: MainWindow, tmp_path: Path
) -> None:
    first = _add(main_window, _book(tmp_path / "一.txt"))
    second = _add(main_window, _book(tmp_path / "二.txt", "另一本書"))
    history = main_window.history
    main_window.open_document(first.id)
    _next_action()
    main_window.reader.go_to_canonical(6_543)
    _next_action()
    main_window.open_document(second.id)
    main_window.reader.go_to_canonical(second.chapters[2][0])  # part of opening it
    _next_action()
    assert history.back_places()[-1] == (first.id, 6_543)
    main_window.menus.actions_by_name["back"].trigger()
    assert _place(main_window) == (first.id, 6_543)
    main_window.menus.actions_by_name["forward"].trigger()
    assert _place(main_window) == (second.id, second.chapters[2][0])
    history.back()
    history.back()  # before the first jump in the first document: its remembered place
    assert _place(main_window) == (first.id, 0)
    assert not history.can_go_back()


def test_actions_follow_the_history_and_keys_drive_it(
    qtbot: QtBot, main_window: MainWindow, tmp_path: Path
) -> None:
    book = _add(main_window, _book(tmp_path / "演義.txt"))
    back = main_window.menus.actions_by_name["back"]
    forward = main_window.menus.actions_by_name["forward"]
    assert back.shortcut() == QKeySequence(QKeySequence.StandardKey.Back)
    assert forward.shortcut() == QKeySequence(QKeySequence.StandardKey.Forward)
    assert not back.isEnabled() and not forward.isEnabled()
    main_window.open_document(book.id)
    _next_action()
    main_window.reader.next_chapter()  # Go ▸ Next Chapter
    assert back.isEnabled() and not forward.isEnabled()
    _next_action()
    main_window.activateWindow()
    main_window.reader.text.setFocus()
    qtbot.waitUntil(main_window.reader.text.hasFocus)
    qtbot.keyClick(main_window.reader.text, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert _place(main_window) == (book.id, 0)
    assert not back.isEnabled() and forward.isEnabled()
    qtbot.keyClick(main_window.reader.text, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert _place(main_window) == (book.id, book.chapters[1][0])


def test_mouse_side_buttons_go_back_and_forward(
    qtbot: QtBot, main_window: MainWindow, tmp_path: Path
) -> None:
    book = _add(main_window, _book(tmp_path / "演義.txt"))
    main_window.open_document(book.id)
    _next_action()
    main_window.reader.go_to_end()  # Go ▸ End
    end = main_window.reader.current_canonical()
    assert end > book.chapters[9][0]
    viewport = main_window.reader.text.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.BackButton, pos=QPoint(20, 20))
    assert _place(main_window) == (book.id, 0)
    qtbot.mouseClick(viewport, Qt.MouseButton.ForwardButton, pos=QPoint(20, 20))
    assert _place(main_window) == (book.id, end)


def test_scrolling_zooming_and_toggles_are_not_jumps(
    qtbot: QtBot, main_window: MainWindow, tmp_path: Path
) -> None:
    book = _add(main_window, _book(tmp_path / "演義.txt"))
    main_window.open_document(book.id)
    _next_action()
    reader = main_window.reader
    for step in (
        lambda: reader.page(+1),
        reader.zoom_in,
        reader.zoom_out,
        lambda: main_window.reader_toolbar.choose_script("simplified"),
        lambda: reader.text.verticalScrollBar().setValue(40),
    ):
        step()
        _next_action()
    assert main_window.history.back_places() == []


def test_search_result_annotation_and_find_jumps(
    qtbot: QtBot, main_window: MainWindow, tmp_path: Path
) -> None:
    book = _add(main_window, _book(tmp_path / "演義.txt"))
    seed = main_window.library.documents()[0].id
    history, reader = main_window.history, main_window.reader
    main_window.open_document(seed)
    _next_action()
    # a search result: opening the document and selecting the hit is one step
    hit = book.chapters[5][0] + 20
    main_window.open_search_result(book.id, [(hit, hit + 4)])
    _next_action()
    assert history.back_places() == [(seed, 0)]
    # find: typing the query is one step, F3 is another
    here = reader.current_canonical()
    main_window.find_bar.open_bar()
    qtbot.waitUntil(main_window.find_bar.edit.hasFocus)
    _type(main_window.find_bar.edit, "社")
    qtbot.waitUntil(lambda: book.chapters[6][0] < reader.current_canonical() < book.chapters[7][0])
    for character in "會工":
        _type(main_window.find_bar.edit, character)
    eighth = book.chapters[7][0]
    qtbot.waitUntil(lambda: eighth < reader.current_canonical() < book.chapters[8][0])
    qtbot.keyClick(main_window.find_bar.edit, Qt.Key.Key_Left)  # no new text: no jump
    _next_action()
    assert history.back_places() == [(seed, 0), (book.id, here)]
    found = reader.current_canonical()
    main_window.find_next()  # F3: the match in chapter 4
    _next_action()
    assert book.chapters[3][0] < reader.current_canonical() < book.chapters[4][0]
    assert history.back_places()[-1] == (book.id, found)
    history.back()
    history.back()
    assert _place(main_window) == (book.id, here)  # before the query was typed
    history.back()
    assert _place(main_window) == (seed, 0)


def _on_screen(window: MainWindow, canonical: int) -> bool:
    reader = window.reader
    viewport = reader.text.viewport()
    top = reader.text.cursorForPosition(QPoint(0, 0)).position()
    bottom = reader.text.cursorForPosition(QPoint(viewport.width(), viewport.height())).position()
    first = reader.to_canonical(reader.qt_to_view(top))
    return first <= canonical <= reader.to_canonical(reader.qt_to_view(bottom), "end")


def test_a_search_result_stays_shown_while_the_window_settles(
    qtbot: QtBot, main_window: MainWindow, tmp_path: Path
) -> None:
    """Opening the result shows the contents panel, so the page rewraps after the hit
    was selected; the rewrap put the page back at the document's remembered place."""
    book = _add(main_window, _book(tmp_path / "演義.txt"))
    main_window.open_document(main_window.library.documents()[0].id)
    _next_action()
    hit = book.chapters[5][0] + 20
    main_window.open_search_result(book.id, [(hit, hit + 4)])
    _next_action()
    assert _on_screen(main_window, hit)
    assert main_window.reader.current_canonical() > book.chapters[4][0]


def test_a_bookmark_from_the_annotations_panel_is_one_step(
    qtbot: QtBot, main_window: MainWindow, tmp_path: Path
) -> None:
    book = _add(main_window, _book(tmp_path / "演義.txt"))
    main_window.open_document(book.id)
    layer, reader = main_window.annotations, main_window.reader
    store = reader.store
    assert store is not None
    target = book.chapters[9][0] + 30
    item = store.add_bookmark(target)
    layer.notify_changed()
    _next_action()
    assert layer.jump_to(item.id)
    _next_action()
    assert main_window.history.back_places() == [(book.id, 0)]
    main_window.history.back()
    assert _place(main_window) == (book.id, 0)


def test_removed_documents_leave_the_history(
    qtbot: QtBot, main_window: MainWindow, tmp_path: Path
) -> None:
    first = _add(main_window, _book(tmp_path / "一.txt"))
    second = _add(main_window, _book(tmp_path / "二.txt", "另一本書"))
    main_window.open_document(first.id)
    _next_action()
    main_window.open_document(second.id)
    _next_action()
    main_window.library.remove(first.id)
    assert main_window.history.back_places() == []
    assert not main_window.history.back()
    assert main_window.reader.doc_id == second.id


def test_a_place_past_the_end_goes_to_the_end(
    qtbot: QtBot, main_window: MainWindow, tmp_path: Path
) -> None:
    """A place kept from before a re-decode may lie past the new end (it recursed forever)."""
    book = _add(main_window, _book(tmp_path / "演義.txt"))
    main_window.open_document(book.id)
    reader = main_window.reader
    reader.go_to_canonical(len(reader.canonical) + 500)
    assert reader.current_canonical() <= len(reader.canonical)
    assert reader.current_canonical() > book.chapters[9][0]
