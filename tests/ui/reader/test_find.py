"""Find in document: folding across scripts, width and case; the find bar."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.core.fold import find_folded, fold, fold_plain
from desktop.core.search import SearchIndex
from desktop.ui.app.main_window import MainWindow
from desktop.ui.library.model import LibraryFilterProxy, LibraryTableModel


def find_in_text(text: str, query: str) -> list[tuple[int, int]]:
    """What the find bar does with one piece of the view."""
    folded, mapping = fold(text)
    return find_folded(folded, mapping, fold_plain(query))


def test_find_across_scripts_width_and_case() -> None:
    text = "社會工作與社会工作,ＡＢＣ abc Abc"
    assert find_in_text(text, "社会工作") == [(0, 4), (5, 9)]
    assert find_in_text(text, "社會工作") == [(0, 4), (5, 9)]
    assert find_in_text(text, "abc") == [(10, 13), (14, 17), (18, 21)]
    assert find_in_text(text, "") == []
    assert find_in_text(text, "找不到") == []


def test_folding_that_changes_length_maps_back() -> None:
    text = "Straße 𠮷野家 STRASSE"
    folded, mapping = fold(text)
    assert "strasse" in folded
    assert find_in_text(text, "strasse") == [(0, 6), (11, 18)]
    assert find_in_text(text, "𠮷野家") == [(7, 10)]
    assert mapping.src_len == len(text) and mapping.dst_len == len(folded)
    assert fold_plain("ＳＴＲＡßＥ") == "strasse"


#: (query, what the find bar selects in the document below): the rules once decided
#: in desktop.core.fold, which the library filter, search and Ctrl+F used to disagree on.
AGREED = [
    ("STRASSE", "Straße"),  # ß is ss (search kept ß)
    ("鳄鱼饼干", "鱷魚\n餅乾"),  # a line break inside a word (filter and Ctrl+F kept it)
    ("ＡＢＣ", "abc"),
    ("俓直", "俓直"),  # no rare-glyph dictionaries (search and the filter had them)
]


@pytest.mark.parametrize(("query", "selected"), AGREED)
def test_filter_search_and_find_agree(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow, tmp_path: Path, query: str, selected: str
) -> None:
    source = tmp_path / "agree.txt"
    source.write_text("Straße 鱷魚 餅乾 俓直 abc\n\n在Straße上的鱷魚\n餅乾，abc，俓直。\n", "utf-8")
    library = main_window.library
    doc_id = library.add_file(source).id
    assert doc_id is not None
    model = LibraryTableModel()
    model.set_documents(library.documents())
    shown = LibraryFilterProxy()
    shown.setSourceModel(model)
    shown.set_filter_text(query)
    assert [shown.index(r, 0).data() for r in range(shown.rowCount())] == [
        library.get(doc_id).title
    ]
    index = SearchIndex.open(library)
    index.ensure_current()
    assert [hit.doc_id for hit in index.search(query).hits] == [doc_id]
    main_window.open_document(doc_id)
    qtbot.waitUntil(lambda: not main_window.reader.loading)
    bar = main_window.find_bar
    bar.open_bar()
    assert _search(qtbot, main_window, query) >= 1  # the title line may be hidden
    start, end = bar.matches[-1]
    assert main_window.reader.canonical[start:end] == selected


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
