"""Find in document: folding across scripts, width and case; the find bar."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.ui.find_bar import find_in_text, fold_query, fold_with_map
from desktop.ui.main_window import MainWindow


def test_find_across_scripts_width_and_case() -> None:
    text = "社會工作與社会工作,ＡＢＣ abc Abc"
    assert find_in_text(text, "社会工作") == [(0, 4), (5, 9)]
    assert find_in_text(text, "社會工作") == [(0, 4), (5, 9)]
    assert find_in_text(text, "abc") == [(10, 13), (14, 17), (18, 21)]
    assert find_in_text(text, "") == []
    assert find_in_text(text, "找不到") == []


def test_folding_that_changes_length_maps_back() -> None:
    text = "Straße 𠮷野家 STRASSE"
    folded, mapping = fold_with_map(text)
    assert "strasse" in folded
    assert find_in_text(text, "strasse") == [(0, 6), (11, 18)]
    assert find_in_text(text, "𠮷野家") == [(7, 10)]
    assert mapping.src_len == len(text) and mapping.dst_len == len(folded)
    assert fold_query("ＳＴＲＡßＥ") == "strasse"


def _open(window: MainWindow, title_start: str) -> str:
    doc = next(d for d in window.library.documents() if d.title.startswith(title_start))
    window.open_document(doc.id)
    return doc.id


def _search(qtbot, window: MainWindow, query: str) -> int:  # type: ignore[no-untyped-def]
    bar = window.find_bar
    bar.edit.setText(query)
    qtbot.waitUntil(lambda: not bar._timer.isActive())
    return len(bar.matches)


def test_find_bar_counts_and_highlights_in_either_script(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _open(main_window, "健全社會工作")
    main_window.reader_toolbar.choose_script("simplified")
    bar = main_window.find_bar
    bar.open_bar()
    assert bar.isVisible()
    shown = main_window.reader.view_text()
    simplified = _search(qtbot, main_window, "社会工作")
    assert simplified == shown.count("社会工作") > 3
    assert _search(qtbot, main_window, "社會工作") == simplified
    assert f"1 of {simplified}" in bar.count_label.text()
    qtbot.waitUntil(lambda: main_window.reader.highlighted_count() > 0)
    assert main_window.reader.text.textCursor().selectedText() == "社会工作"
    main_window.reader_toolbar.choose_script("traditional")
    qtbot.waitUntil(lambda: not bar._timer.isActive())
    assert len(bar.matches) == simplified
    assert _search(qtbot, main_window, "没有这个词") == 0
    assert bar.count_label.text() == "no matches"


def test_next_previous_and_keys(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _open(main_window, "党建引领")
    bar = main_window.find_bar
    bar.open_bar()
    total = _search(qtbot, main_window, "社會")
    assert total > 2
    first = bar.current
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.current == (first + 1) % total
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.current == first
    bar.previous()
    assert bar.current == (first - 1) % total
    start, end = bar.matches[bar.current]
    canonical = main_window.reader.canonical
    assert canonical[start:end] == "社会"
    bar.close_bar()
    assert not bar.isVisible()
    qtbot.waitUntil(lambda: main_window.reader.highlighted_count() == 0)
