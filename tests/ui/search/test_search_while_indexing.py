"""A query typed while the first search index is built (or paused) keeps the list.

A big library's first index takes many minutes; a pause in typing used to switch to
an empty results page ("Waiting for the search index…") for all that time.  The list
now stays filtered by title, author and source as typed, and the full text is searched
once the index is ready.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings

from desktop.core.library import Library
from desktop.ui.app.main_window import MainWindow
from tests.ui.windows import shown_window


@pytest.fixture
def paused_window(qtbot, seeded_library: Library, settings: QSettings) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    def pause(window: MainWindow) -> None:
        window.index_service.pause()  # before its first pass: no index until resumed

    with shown_window(qtbot, seeded_library, settings, before_show=pause) as window:
        yield window


def test_the_list_stays_filtered_until_the_index_is_ready(qtbot, paused_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window, search = paused_window, paused_window.search_pane
    qtbot.waitUntil(lambda: window.library_pane.model.total() > 0, timeout=10_000)
    assert not window.index_service.ready
    search.search_box.setText("社会工作")
    search.run_search()  # as the pause in typing does
    assert not search.showing_results, "the list gave way to an empty results page"
    assert search.searching  # the full text is still to be searched
    shown = window.library_pane.model.rowCount()
    assert 0 < shown < window.library_pane.model.total()  # filtered as typed
    window.index_service.resume()
    qtbot.waitUntil(lambda: search.showing_results and not search.searching, timeout=30_000)
    assert search.model.rowCount() > 0


def test_a_query_changed_meanwhile_is_not_searched_late(qtbot, paused_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    search = paused_window.search_pane
    search.search_box.setText("社会工作")
    search.run_search()
    search.search_box.clear()  # Esc / the field emptied: back to the whole list
    assert not search.searching
    paused_window.index_service.resume()
    qtbot.waitUntil(lambda: paused_window.index_service.ready, timeout=30_000)
    qtbot.wait(100)
    assert not search.showing_results
