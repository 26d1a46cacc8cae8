"""Distraction-free reading (F11): the page alone, controls at the edges, Esc restores."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QPoint, Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QWidget

from desktop.ui.app.focus_mode import EDGE_PX, FocusMode
from desktop.ui.app.main_window import MainWindow

SENTENCES = [
    "那天夜裏，風從山口吹下來，把院子裏的燈籠都吹滅了",
    "他站在門口看了很久，才慢慢走回屋裏坐下",
    "城外的河水比往年漲得早，渡船一連停了三天",
    "先生說讀書不可性急，一天讀懂一頁，勝過十頁囫圇吞棗",
    "街上賣糖葫蘆的老人又來了，孩子們遠遠地就跟在後面",
]


def _novel(path: Path, paragraphs: int = 300) -> Path:
    """A long text of paragraphs of varied length (one line each: the widget wraps)."""
    rng = random.Random(14)
    body = [
        "　　" + "，".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 9))) + "。"
        for _ in range(paragraphs)
    ]
    path.write_text("長夜\n\n" + "\n".join(body) + "\n", "utf-8")
    return path


def _open(qtbot, window: MainWindow, path: Path) -> None:  # type: ignore[no-untyped-def]
    result = window.library.add_file(path)
    assert result.id, result.error
    window.open_document(result.id)
    qtbot.waitUntil(lambda: not window.reader.loading, timeout=60_000)


def _focus(window: MainWindow) -> FocusMode:
    return window.focus_mode


def _chrome(window: MainWindow) -> dict[str, QWidget]:
    return {
        "menu bar": window.menuBar(),
        "toolbar": window.reader_toolbar,
        "status bar": window.statusBar(),
        "library and search": window.search_pane,
        "contents panel": window.toc_dock,
        "title": window.reader.title_label,
        "details": window.reader.meta_label,
    }


def _shown(window: MainWindow) -> set[str]:
    return {name for name, widget in _chrome(window).items() if widget.isVisible()}


def _settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Let resizes, re-wraps and the place kept across them run their course."""
    for _ in range(3):
        qtbot.wait(30)
        QApplication.processEvents()


def test_f11_shows_only_the_page(qtbot, main_window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _open(qtbot, main_window, _novel(tmp_path / "長夜.txt"))
    main_window.toc_dock.show()
    main_window.activateWindow()
    qtbot.waitActive(main_window)
    qtbot.keyClick(main_window.reader.text, Qt.Key.Key_F11)
    assert _focus(main_window).active
    assert _shown(main_window) == set()
    assert main_window.windowState() & Qt.WindowState.WindowFullScreen
    assert main_window.reader.text.isVisible()
    assert main_window.reader.text.hasFocus()
    qtbot.keyClick(main_window.reader.text, Qt.Key.Key_F11)
    assert not _focus(main_window).active
    assert "menu bar" in _shown(main_window)


def test_the_menu_names_it(main_window: MainWindow) -> None:
    action = main_window.menus.actions_by_name["full-screen"]
    assert action.shortcut().toString() == "F11"
    assert "Distraction" in action.text()


def test_pointer_at_an_edge_brings_the_controls_back(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow, tmp_path: Path
) -> None:
    _open(qtbot, main_window, _novel(tmp_path / "長夜.txt"))
    main_window.toc_dock.show()
    focus = _focus(main_window)
    focus.enter()
    _settle(qtbot)
    width, height = main_window.width(), main_window.height()
    focus.pointer_at(QPoint(width // 2, 0))
    assert _shown(main_window) == {"menu bar", "toolbar"}
    focus.pointer_at(QPoint(width // 2, height // 2))
    assert _shown(main_window) == set()
    focus.pointer_at(QPoint(width - 1, height // 2))
    assert _shown(main_window) == {"contents panel"}
    focus.pointer_at(QPoint(main_window.toc_dock.geometry().left() + 5, height // 2))
    assert _shown(main_window) == {"contents panel"}, "still over the panel"
    focus.pointer_at(QPoint(width // 4, height // 2))
    assert _shown(main_window) == set()
    assert main_window.reader.text.hasFocus() or not main_window.isActiveWindow()


def test_the_real_pointer_is_followed(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    focus = _focus(main_window)
    focus.enter()
    _settle(qtbot)
    bar = main_window.menuBar()
    QCursor.setPos(main_window.mapToGlobal(QPoint(main_window.width() // 2, EDGE_PX - 1)))
    qtbot.waitUntil(bar.isVisible, timeout=3000)
    QCursor.setPos(main_window.mapToGlobal(main_window.rect().center()))
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=3000)


def test_esc_restores_the_layout_exactly(qtbot, main_window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _open(qtbot, main_window, _novel(tmp_path / "長夜.txt"))
    main_window.toc_dock.show()
    main_window.splitter.setSizes([300, 900])
    _settle(qtbot)
    before = _shown(main_window)
    sizes = main_window.splitter.sizes()
    state = main_window.windowState()
    focus = _focus(main_window)
    focus.enter()
    _settle(qtbot)
    focus.pointer_at(QPoint(main_window.width() // 2, 0))  # the bars out, then Esc
    qtbot.keyClick(main_window.reader.text, Qt.Key.Key_Escape)
    _settle(qtbot)
    assert not focus.active
    assert _shown(main_window) == before
    assert main_window.splitter.sizes() == sizes
    assert main_window.windowState() == state


def test_maximised_stays_maximised(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    main_window.showMaximized()
    qtbot.waitUntil(lambda: bool(main_window.windowState() & Qt.WindowState.WindowMaximized))
    focus = _focus(main_window)
    focus.enter()
    _settle(qtbot)
    focus.leave()
    _settle(qtbot)
    assert main_window.windowState() == Qt.WindowState.WindowMaximized


def test_esc_closes_the_find_bar_first(qtbot, main_window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _open(qtbot, main_window, _novel(tmp_path / "長夜.txt"))
    focus = _focus(main_window)
    focus.enter()
    main_window.find_bar.open_bar()
    main_window.activateWindow()
    qtbot.waitActive(main_window)
    qtbot.keyClick(main_window.find_bar.focusWidget() or main_window.find_bar, Qt.Key.Key_Escape)
    assert not main_window.find_bar.isVisible()
    assert focus.active
    qtbot.keyClick(main_window.reader.text, Qt.Key.Key_Escape)
    assert not focus.active


def test_reading_keys_and_place(qtbot, main_window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The place read does not move on entering or leaving, though the page re-wraps
    at another width; paging keys work in the mode."""
    _open(qtbot, main_window, _novel(tmp_path / "長夜.txt"))
    reader = main_window.reader
    main_window.splitter.setSizes([700, 500])  # a narrow page: wider in the mode
    _settle(qtbot)
    reader.go_to_canonical(len(reader.canonical) // 2 + 7)  # mid-line, mid-document
    _settle(qtbot)
    place, width = reader.current_canonical(), reader.text.width()
    focus = _focus(main_window)
    focus.enter()
    _settle(qtbot)
    assert reader.text.width() > width  # the lines did re-wrap
    assert reader.current_canonical() == place
    qtbot.keyClick(reader.text, Qt.Key.Key_PageDown)
    _settle(qtbot)
    paged = reader.current_canonical()
    assert paged > place
    focus.leave()
    _settle(qtbot)
    assert reader.text.width() == width
    assert reader.current_canonical() == paged


def test_closing_in_the_mode_saves_the_real_layout(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow
) -> None:
    splitter = QByteArray(main_window.splitter.saveState())
    _focus(main_window).enter()
    _settle(qtbot)
    main_window.close()
    assert not _focus(main_window).active
    saved = main_window.settings.value("window/splitter")
    assert isinstance(saved, QByteArray)
    assert saved == splitter
    assert not main_window.search_pane.isHidden()


@pytest.mark.parametrize("times", [3])
def test_toggling_again_and_again_ends_where_it_began(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow, tmp_path: Path, times: int
) -> None:
    _open(qtbot, main_window, _novel(tmp_path / "長夜.txt"))
    reader = main_window.reader
    reader.go_to_canonical(len(reader.canonical) // 3)
    _settle(qtbot)
    place, before = reader.current_canonical(), _shown(main_window)
    for _ in range(times * 2):
        main_window.toggle_full_screen()
        _settle(qtbot)
    assert _shown(main_window) == before
    assert reader.current_canonical() == place


def test_a_panel_the_window_opens_meanwhile_waits_for_the_edge(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow
) -> None:
    """A first highlight opens the annotations panel: not over the page in the mode,
    but at the right edge, and open after the mode."""
    focus = _focus(main_window)
    focus.enter()
    _settle(qtbot)
    dock = main_window.annotations_dock
    dock.show()  # what the window does when the first annotation is made
    _settle(qtbot)
    assert not dock.isVisible()
    width, height = main_window.width(), main_window.height()
    focus.pointer_at(QPoint(width - 1, height // 2))
    assert dock.isVisible()
    focus.pointer_at(QPoint(width // 4, height // 2))
    assert not dock.isVisible()
    focus.leave()
    _settle(qtbot)
    assert dock.isVisible()


def test_outside_the_mode_a_resize_never_pulls_the_reader_back(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow, tmp_path: Path
) -> None:
    """A jump made just after a resize (opening a document, a search result) stays:
    the mode's place keeping must not take the reader back to where it was."""
    _open(qtbot, main_window, _novel(tmp_path / "長夜.txt"))
    reader = main_window.reader
    reader.go_to_canonical(len(reader.canonical) // 4)
    _settle(qtbot)
    target = len(reader.canonical) // 2
    main_window.splitter.setSizes([650, 550])  # the page resized ...
    reader.go_to_canonical(target)  # ... and a jump before the event loop runs again
    _settle(qtbot)
    assert reader.current_canonical() == target


def test_keeping_the_place_is_not_a_jump_to_go_back_from(
    qtbot, main_window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Entering and leaving put the place back with a jump, which Go ▸ Back then
    offered (unless the old place happened to be still on screen)."""
    _open(qtbot, main_window, _novel(tmp_path / "長夜.txt"))
    reader, history = main_window.reader, main_window.history
    main_window.splitter.setSizes([700, 500])
    _settle(qtbot)
    reader.restore_place(len(reader.canonical) // 2 + 7)
    _settle(qtbot)
    before = history.back_places()
    focus = _focus(main_window)
    focus.enter()
    _settle(qtbot)
    focus.leave()
    _settle(qtbot)
    assert history.back_places() == before
