"""Bookmarks drawn in place on the vertical page (issue 19): a ribbon above the column
that holds each bookmark, added, moved with the page and removed with the bookmark."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage

from desktop.ui.annotations.colours import swatch_color
from desktop.ui.app.main_window import MainWindow
from desktop.ui.reader.pane import ReaderPane


def _open(qtbot, window: MainWindow) -> ReaderPane:  # type: ignore[no-untyped-def]
    doc = next(d for d in window.library.documents() if d.title.startswith("健全社會工作"))
    window.open_document(doc.id)
    reader = window.reader
    qtbot.waitUntil(lambda: not reader.loading, timeout=120_000)
    reader.set_vertical(True)
    return reader


def _column_of(reader: ReaderPane, view: int) -> tuple[float, float]:
    """Centre x and top y of the column holding ``view``."""
    for column, cx, top in reader.vertical.page.placed_columns():
        if column.start <= view < column.end:
            return cx, top
    raise AssertionError(f"{view} is not shown")


def _ink(reader: ReaderPane, colour: QColor, x: float, y0: float, y1: float) -> int:
    """Pixels of ``colour`` on the page at ``x`` between ``y0`` and ``y1``."""
    page = reader.vertical.page
    image = page.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    ratio = image.devicePixelRatio()
    return sum(
        1
        for y in range(int(y0 * ratio), int(y1 * ratio))
        if QColor(image.pixel(int(x * ratio), y)).rgb() == colour.rgb()
    )


def test_a_bookmark_is_drawn_above_its_column_and_goes_with_it(
    qtbot, main_window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    reader = _open(qtbot, main_window)
    page, bookmarks = reader.vertical.page, reader.vertical.bookmarks
    start = page.visible_range()[0]
    columns = page.placed_columns()
    third = columns[2][0]  # a column in the page, not the first one
    view = third.start + 1
    page.repaint()
    assert bookmarks.drawn == []
    reader.vertical.select(view, view + 1)
    item = main_window.annotations.bookmark()
    assert item is not None
    qtbot.waitUntil(lambda: bool(bookmarks.drawn), timeout=5_000)  # repainted by itself
    assert [d[0] for d in bookmarks.drawn] == [view]
    _view, ribbon, colour = bookmarks.drawn[0]
    cx, top = _column_of(reader, view)
    assert ribbon.center().x() == cx and ribbon.bottom() < top  # above that column
    assert colour == QColor(page.theme.current_match)
    em = page.em
    assert _ink(reader, colour, cx, top - em, top) > 0.3 * em  # drawn there, in its colour
    assert _ink(reader, colour, columns[0][1], top - em, top) == 0  # not above the others
    # coloured: in its own colour
    main_window.annotations.set_color(item.id, "blue")
    page.repaint()
    assert bookmarks.drawn[0][2] == swatch_color("blue")
    # the next page has no bookmark; coming back shows it again
    page.next_page()
    page.repaint()
    assert bookmarks.drawn == []
    page.show_offset(start)
    page.repaint()
    assert [d[0] for d in bookmarks.drawn] == [view]
    # deleted: gone from the page
    main_window.annotations.delete(item.id)
    qtbot.waitUntil(lambda: not bookmarks.drawn, timeout=5_000)  # repainted by itself
    page.repaint()
    assert bookmarks.drawn == []
    assert _ink(reader, colour, cx, top - em, top) == 0
