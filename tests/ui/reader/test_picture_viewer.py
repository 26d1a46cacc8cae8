"""Figure lines in the reader and the picture viewer, in the real main window.

The book is built in ``tmp_path`` (tests/core/formats/test_pictures.py makes it),
imported into the window's library and opened; clicks, keys and menus go through
Qt's own events.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QTextCursor, QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel

from desktop.core.library import Library
from desktop.ui.app.main_window import MainWindow
from desktop.ui.reader.picture_viewer import FIGURE_PROPERTY, FigureLines, PictureViewer
from tests.core.formats.test_pictures import COVER_PNG, book, png, xhtml

HOSTILE_ALT = '<img src="/dev/zero"> {title} %s'
HOSTILE_ALT_XML = "&lt;img src=&quot;/dev/zero&quot;&gt; {title} %s"


def _open_book(window: MainWindow, tmp_path: Path, data: bytes | None = None) -> str:
    source = tmp_path / "picture-book.epub"
    source.write_bytes(data if data is not None else book())
    result = window.library.add_file(source)
    assert result.id is not None, result.error
    window.open_document(result.id)
    return result.id


def _figures(window: MainWindow) -> FigureLines:
    return window.figure_lines


def _point_in_line(window: MainWindow, index: int, nth_char: int = 3) -> QPoint:
    """The viewport point in the middle of a character of picture ``index``'s line."""
    reader = window.reader
    entry = reader.record.pictures[index]  # type: ignore[union-attr]
    view = reader.to_view(entry.offset)
    assert view is not None
    reader.go_to_canonical(entry.offset)
    QApplication.processEvents()
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(reader.view_to_qt(view + nth_char))
    left = reader.text.cursorRect(cursor)
    cursor.setPosition(reader.view_to_qt(view + nth_char + 1))
    right = reader.text.cursorRect(cursor)
    return QPoint((left.left() + right.left()) // 2, left.center().y())


def _click(qtbot, window: MainWindow, pos: QPoint) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(window.reader.text.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def _viewer(qtbot, window: MainWindow) -> PictureViewer:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: _figures(window).viewer is not None, timeout=5000)
    viewer = _figures(window).viewer
    assert viewer is not None
    qtbot.waitExposed(viewer)
    return viewer


def test_figure_lines_are_drawn_as_links(qtbot, main_window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _open_book(main_window, tmp_path)
    reader = main_window.reader
    marked = []
    block = reader.text.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().property(FIGURE_PROPERTY):
                marked.append(fragment.text())
            it += 1
        block = block.next()
    assert marked == [
        "［图：封面］",
        "［图：一只睡觉的猫］",
        "［图：越界图片］",
        "［图：网上的图片］",
    ]


def test_a_click_on_a_figure_line_shows_the_picture_and_esc_closes_it(
    qtbot, main_window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _open_book(main_window, tmp_path)
    _click(qtbot, main_window, _point_in_line(main_window, 1))
    viewer = _viewer(qtbot, main_window)
    assert viewer.image_size == (4, 3)
    assert viewer.alt_label.text() == "一只睡觉的猫"
    assert viewer.caption_label.text() == "图一：窗台上的猫"
    assert "4 × 3" in viewer.size_label.text()
    assert not viewer.message.isVisible()
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: _figures(main_window).viewer is None, timeout=5000)


def test_a_click_on_plain_text_or_a_drag_over_a_figure_opens_nothing(
    qtbot, main_window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _open_book(main_window, tmp_path)
    reader = main_window.reader
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(reader.view_to_qt(reader.view_text().index("猫在窗台上") + 2))
    _click(qtbot, main_window, reader.text.cursorRect(cursor).center())
    start = _point_in_line(main_window, 1, 1)
    viewport = reader.text.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, start + QPoint(60, 0))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(60, 0))
    qtbot.wait(50)
    assert _figures(main_window).viewer is None


def test_the_figure_line_works_in_the_traditional_view(
    qtbot, main_window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _open_book(main_window, tmp_path)
    main_window.reader.set_options(script="traditional")
    assert "［圖：一隻睡覺的貓］" in main_window.reader.view_text()
    _click(qtbot, main_window, _point_in_line(main_window, 1))
    viewer = _viewer(qtbot, main_window)
    assert viewer.image_size == (4, 3)
    assert (viewer.alt_label.text(), viewer.caption_label.text()) == (
        "一隻睡覺的貓",
        "圖一：窗臺上的貓",
    )  # in the script shown, as the line and the caption in the text are


def test_enter_on_a_figure_line_shows_its_picture(
    qtbot, main_window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _open_book(main_window, tmp_path)
    reader = main_window.reader
    at = reader.view_text().index("［图：一只睡觉的猫］")
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(reader.view_to_qt(at + 2))
    reader.text.setTextCursor(cursor)
    reader.text.setFocus()
    qtbot.keyClick(reader.text, Qt.Key.Key_Return)
    assert _viewer(qtbot, main_window).image_size == (4, 3)


def test_the_text_menu_offers_show_picture_over_a_figure_line(
    qtbot, main_window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _open_book(main_window, tmp_path)
    figures = _figures(main_window)
    pos = _point_in_line(main_window, 0)
    assert figures.picture_at(pos) == 0
    menu = figures.context_menu(0, pos)
    texts = [a.text() for a in menu.actions()]
    assert texts[0] == "Show &Picture"
    assert main_window.annotations.highlight_action.text() in texts  # the usual items stay
    menu.actions()[0].trigger()
    assert _viewer(qtbot, main_window).image_size == (60, 80)


def test_zoom_with_keys_and_ctrl_wheel_then_fit(
    qtbot, main_window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    big = png(1600, 1200, 90)
    chapter = xhtml('<p>一张大图。</p><p><img src="../images/big.png" alt="大图"/></p>')
    _open_book(main_window, tmp_path, book(chapter, **{"big.png": big}))
    viewer = _figures(main_window).show_picture(1)
    assert viewer is not None
    qtbot.waitExposed(viewer)
    viewer.activateWindow()  # the main window may take it back on its late first show
    qtbot.waitUntil(viewer.isActiveWindow)
    viewer.resize(800, 600)
    qtbot.waitUntil(lambda: 0 < viewer.shown_size()[0] < 800)
    fitted = viewer.shown_size()
    qtbot.keyClick(viewer, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert main_window.app_settings.font_size == 15.0  # the reader's own zoom stays out
    assert viewer.shown_size()[0] > fitted[0]
    wheel = QWheelEvent(
        QPointF(20, 20),
        QPointF(viewer.area.viewport().mapToGlobal(QPoint(20, 20))),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    zoomed = viewer.shown_size()
    QApplication.sendEvent(viewer.area.viewport(), wheel)
    assert viewer.shown_size()[0] < zoomed[0]
    qtbot.keyClick(viewer, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert viewer.shown_size() == fitted
    assert viewer.image_size == (1600, 1200)


def test_a_deleted_picture_file_gives_a_message_not_a_crash(
    qtbot, main_window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    doc_id = _open_book(main_window, tmp_path)
    library: Library = main_window.library
    path = library.doc_dir(doc_id) / "pictures" / str(library.get(doc_id).pictures[1].file)
    path.unlink()
    _click(qtbot, main_window, _point_in_line(main_window, 1))
    viewer = _viewer(qtbot, main_window)
    assert viewer.message.isVisible() and str(path) in viewer.message.text()
    assert viewer.image_size == (0, 0) and not viewer.area.isVisible()
    assert viewer.alt_label.text() == "一只睡觉的猫"


def test_a_damaged_picture_file_gives_a_message(
    qtbot, main_window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    doc_id = _open_book(main_window, tmp_path)
    library: Library = main_window.library
    name = str(library.get(doc_id).pictures[0].file)
    (library.doc_dir(doc_id) / "pictures" / name).write_bytes(COVER_PNG[:40])  # cut short
    viewer = _figures(main_window).show_picture(0)
    assert viewer is not None
    assert viewer.message.isVisible() and name in viewer.message.text()
    assert viewer.image_size == (0, 0)


def test_a_picture_from_outside_the_file_says_where_it_pointed(
    qtbot, main_window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _open_book(main_window, tmp_path)
    _click(qtbot, main_window, _point_in_line(main_window, 3))
    viewer = _viewer(qtbot, main_window)
    assert "http://example.com/remote.png" in viewer.message.text()
    assert viewer.alt_label.text() == "网上的图片"


def test_alt_text_is_shown_as_plain_text(qtbot, main_window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    chapter = xhtml(f'<p>一段。</p><p><img src="../images/cat.png" alt="{HOSTILE_ALT_XML}"/></p>')
    _open_book(main_window, tmp_path, book(chapter))
    viewer = _figures(main_window).show_picture(1)
    assert viewer is not None
    assert viewer.alt_label.text() == HOSTILE_ALT
    assert all(
        label.textFormat() == Qt.TextFormat.PlainText
        for label in viewer.findChildren(QLabel)
        if label is not viewer.picture
    )
    assert viewer.image_size == (4, 3)


def test_only_one_viewer_at_a_time(qtbot, main_window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _open_book(main_window, tmp_path)
    figures = _figures(main_window)
    first = figures.show_picture(0)
    second = figures.show_picture(1)
    assert first is not None and second is not None
    assert not first.isVisible() and second.isVisible()
    assert figures.viewer is second
