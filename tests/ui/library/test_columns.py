"""The library's columns fit the pane: no horizontal scrolling at the default size."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QApplication, QTableView

from desktop.core.library import Library
from desktop.ui.app.main_window import MainWindow
from desktop.ui.library.columns import COLUMNS
from desktop.ui.library.pane import COLUMN_PRIORITY


@pytest.fixture(params=["en", "zh_CN", "zh_TW"])
def window(
    qtbot, request, qapp, seeded_library: Library, settings: QSettings
) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The main window at its first-launch size (1280×800, splitter 520/760)."""
    from desktop.ui.common.i18n import install_language

    install_language(request.param, qapp)
    main = MainWindow(seeded_library, settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    assert (main.width(), main.height()) == (1280, 800)
    QApplication.processEvents()
    yield main
    main.close()
    QThreadPool.globalInstance().waitForDone(10_000)
    install_language("en", qapp)


def _shown(table: QTableView) -> list[int]:
    header = table.horizontalHeader()
    return [i for i in range(header.count()) if not header.isSectionHidden(i)]


def _assert_fits(table: QTableView) -> None:
    header = table.horizontalHeader()
    widths = [table.columnWidth(i) for i in _shown(table)]
    assert header.length() <= table.viewport().width(), widths
    assert table.horizontalScrollBar().maximum() == 0
    assert not table.horizontalScrollBar().isVisible()
    assert table.columnWidth(0) == max(widths)  # the title takes the room
    for column in _shown(table)[1:]:  # no text of another column is cut
        assert table.columnWidth(column) >= min(
            header.sectionSizeHint(column), table.sizeHintForColumn(column), 180
        )


def test_no_horizontal_scroll_at_the_default_size(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    table = window.library_pane.table
    _assert_fits(table)
    shown = _shown(table)
    assert shown[0] == 0 and len(shown) >= 4  # title and at least progress, source, date
    assert table.columnWidth(0) >= 180


def test_a_wider_pane_shows_every_column_and_narrower_fewer(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    table = window.library_pane.table
    window.resize(2400, 800)
    window.splitter.setSizes([1500, 900])
    qtbot.waitUntil(lambda: table.viewport().width() > 1200)
    QApplication.processEvents()
    assert len(_shown(table)) == table.model().columnCount()
    _assert_fits(table)
    window.resize(1280, 800)
    window.splitter.setSizes([330, 950])
    qtbot.waitUntil(lambda: table.viewport().width() < 340)
    QApplication.processEvents()
    _assert_fits(table)
    assert 0 in _shown(table)


def test_the_header_menu_hides_a_column_and_another_takes_its_place(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    pane = window.library_pane
    table = pane.table
    before = _shown(table)
    keys = [key for key, _ in COLUMNS]
    waiting = [keys.index(k) for k in COLUMN_PRIORITY if keys.index(k) not in before]
    menu = pane.columns.menu()
    actions = {a.data(): a for a in menu.actions()}
    assert len(actions) == table.model().columnCount() - 1  # the title always stays
    actions[before[1]].trigger()
    assert before[1] not in _shown(table)
    if waiting:  # the most wanted of those that waited for room
        assert waiting[0] in _shown(table)
    _assert_fits(table)
    actions[before[1]].trigger()
    assert _shown(table) == before


def test_rows_sorted_or_filtered_are_measured_once_a_moment_later(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    """A sort or a key typed shows its rows at once; the columns are measured again
    once after a burst of such changes (REFIT_DELAY_MS), and still fit."""
    from PySide6.QtCore import Qt

    from desktop.ui.library import pane as pane_module

    pane = window.library_pane
    fitter = pane.table.findChild(pane_module.ColumnFitter)
    assert fitter is not None
    qtbot.wait(pane_module.REFIT_DELAY_MS * 2)  # what the window's start-up asked for
    measured: list[int] = []
    original = fitter.measure

    def counted() -> None:
        measured.append(1)
        original()

    fitter.measure = counted  # type: ignore[method-assign]
    chars = [k for k, _ in COLUMNS].index("chars")
    pane.table.sortByColumn(chars, Qt.SortOrder.AscendingOrder)
    pane.proxy.set_filter_text("的")
    pane.proxy.set_filter_text("")
    QApplication.processEvents()
    assert measured == []
    qtbot.waitUntil(lambda: measured == [1], timeout=2000)
    qtbot.wait(pane_module.REFIT_DELAY_MS * 2)
    assert measured == [1]
    _assert_fits(pane.table)
