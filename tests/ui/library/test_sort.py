"""The library pane sorts in the model (Python's sort on keys), selection following.

The speed is measured by ``make bench ARGS=library`` (the window's first paint: the
proxy compared rows through ``data()``, 5.3 s of a 20,000-document window's 5.4 s)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.ui.app.main_window import MainWindow
from desktop.ui.library.columns import COLUMNS


def _titles(window: MainWindow) -> list[str]:
    proxy = window.library_pane.proxy
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def test_sorting_orders_rows_and_keeps_the_selection(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    pane = main_window.library_pane
    chosen = main_window.library.documents()[2].id
    pane.select(chosen)
    title = COLUMNS.index(next(c for c in COLUMNS if c[0] == "title"))
    pane.table.sortByColumn(title, Qt.SortOrder.AscendingOrder)
    shown = _titles(main_window)
    assert shown == sorted(shown, key=str.casefold)
    assert pane.current_id() == chosen
    pane.table.sortByColumn(title, Qt.SortOrder.DescendingOrder)
    assert _titles(main_window) == sorted(shown, key=str.casefold, reverse=True)
    assert pane.current_id() == chosen


def test_a_new_document_takes_its_sorted_place(qtbot, main_window: MainWindow, tmp_path) -> None:  # type: ignore[no-untyped-def]
    pane = main_window.library_pane
    title = COLUMNS.index(next(c for c in COLUMNS if c[0] == "title"))
    pane.table.sortByColumn(title, Qt.SortOrder.AscendingOrder)
    path = tmp_path / "aaa.txt"
    path.write_text("AAA 最先的标题\n正文。\n", "utf-8")
    main_window.library.add_file(path)
    qtbot.waitUntil(lambda: len(_titles(main_window)) == 6, timeout=5000)
    shown = _titles(main_window)
    assert shown == sorted(shown, key=str.casefold)


def test_filtering_keeps_the_selection_of_a_document_still_shown(
    qtbot, main_window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    """The model filters its own rows (no proxy asking Python per row); the selection
    follows its document through a filter, and is dropped when the filter hides it."""
    pane = main_window.library_pane
    docs = main_window.library.summaries()
    chosen = docs[0]
    pane.select(chosen.id)
    word = chosen.title[:2]
    pane.proxy.set_filter_text(word)
    shown = _titles(main_window)
    assert chosen.title in shown and all(word.casefold() in t.casefold() for t in shown)
    assert pane.current_id() == chosen.id and pane.selected_ids() == [chosen.id]
    pane.proxy.set_filter_text("沒有這樣的書名")
    assert _titles(main_window) == [] and pane.selected_ids() == []
    assert not pane.is_empty  # filtered out is not an empty library
    pane.proxy.set_filter_text("")
    assert len(_titles(main_window)) == len(docs)


def test_a_filtered_out_document_that_changes_to_match_appears(
    qtbot, main_window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    pane = main_window.library_pane
    doc = main_window.library.summaries()[1]
    pane.proxy.set_filter_text("新名字")
    assert _titles(main_window) == []
    main_window.library.update_meta(doc.id, title="一個新名字")
    qtbot.waitUntil(lambda: _titles(main_window) == ["一個新名字"], timeout=5000)
    main_window.library.update_meta(doc.id, title="又改了")
    qtbot.waitUntil(lambda: _titles(main_window) == [], timeout=5000)


def test_sorting_again_after_a_change_puts_it_in_place(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    pane = main_window.library_pane
    title = COLUMNS.index(next(c for c in COLUMNS if c[0] == "title"))
    pane.table.sortByColumn(title, Qt.SortOrder.AscendingOrder)
    last = main_window.library.get(pane.model.document(pane.model.rowCount() - 1).id)
    main_window.library.update_meta(last.id, title="000 改名後最先")
    qtbot.waitUntil(lambda: "000 改名後最先" in _titles(main_window), timeout=5000)
    pane.table.sortByColumn(title, Qt.SortOrder.DescendingOrder)
    pane.table.sortByColumn(title, Qt.SortOrder.AscendingOrder)
    assert _titles(main_window)[0] == "000 改名後最先"
    shown = _titles(main_window)
    assert shown == sorted(shown, key=str.casefold)
