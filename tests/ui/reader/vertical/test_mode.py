"""The reader's vertical mode in the main window: the place kept exactly across switches,
selection, highlights and find hits under every script, remembered per document."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from desktop.ui.app.main_window import MainWindow
from desktop.ui.common.app_settings import AppSettings
from desktop.ui.reader.pane import ReaderPane

SLOW = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _open(window: MainWindow, title_start: str) -> str:
    doc = next(d for d in window.library.documents() if d.title.startswith(title_start))
    window.open_document(doc.id)
    return doc.id


def _novel(path: Path, lines: int = 10_000) -> Path:
    body = "".join(
        f"　　第{i}行 話說天下大勢，分久必合，合久必分。周末七國「分爭」，並入於秦。\n"
        if i % 50
        else f"第{i // 50}回　桃園結義\n"
        for i in range(lines)
    )
    path.write_text(body, "utf-8")
    return path


def _wait_loaded(qtbot, reader: ReaderPane) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not reader.loading, timeout=120_000)


def _first_column(reader: ReaderPane) -> tuple[int, int]:
    column = reader.vertical.page.pages()[0].columns[0]
    return column.start, column.end


@pytest.fixture
def novel_window(qtbot, main_window: MainWindow, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    result = main_window.library.add_file(_novel(tmp_path / "長篇.txt"))
    assert result.id, result.error
    main_window.open_document(result.id)
    _wait_loaded(qtbot, main_window.reader)
    return main_window


@given(st.floats(0, 1))
@SLOW
def test_switching_keeps_the_first_visible_character(
    qtbot, novel_window: MainWindow, where: float
) -> None:  # type: ignore[no-untyped-def]
    reader = novel_window.reader
    place = int(where * (len(reader.canonical) - 1))
    reader.set_vertical(False)
    reader.go_to_canonical(place)
    first = reader.current_canonical()
    reader.set_vertical(True)
    assert reader.is_vertical
    assert reader.current_canonical() == first
    view = reader.to_view(first)
    start, end = _first_column(reader)
    assert view is not None and start <= view < max(end, start + 1)
    reader.set_vertical(False)
    assert reader.current_canonical() == first
    # and from a place reached by turning vertical pages (in the last screen too: the
    # horizontal page's range then reaches past the end of the text)
    reader.set_vertical(True)
    reader.page(+1)
    turned = reader.current_canonical()
    reader.set_vertical(False)
    assert reader.current_canonical() == turned
    reader.set_vertical(True)
    assert reader.current_canonical() == turned


@given(st.integers(0, 3), st.floats(0, 1))
@SLOW
def test_switching_keeps_the_first_visible_character_in_the_last_pages(
    qtbot, novel_window: MainWindow, back: int, where: float
) -> None:  # type: ignore[no-untyped-def]
    """Places in the last pages: the horizontal page cannot scroll them to its top within
    the text, so its range reaches past the end; both ways stay exact."""
    reader = novel_window.reader
    reader.set_vertical(True)
    reader.go_to_end()
    for _ in range(back):
        reader.page(-1)
    page = reader.vertical.page
    start, end = page.visible_range()
    if where > 0.5:  # the first character of a page reached by turning
        place = reader.current_canonical()
    else:  # any character of the pages shown, gone to
        reader.go_to_canonical(reader.to_canonical(start + int(2 * where * (end - start - 1))))
        place = reader.current_canonical()
    assert len(reader.canonical) - place < 2 * (end - start) * (back + 1)  # near the end
    for on in (False, True, False, True, False, True):
        reader.set_vertical(on)
        assert reader.is_vertical == on
        assert reader.current_canonical() == place, on
    view = reader.to_view(place)
    first, last = _first_column(reader)
    assert view is not None and first <= view < max(last, first + 1)
    # and the horizontal page's own last screen (Go ▸ End) both ways
    reader.set_vertical(False)
    reader.go_to_end()
    assert not reader.text.past_end()
    bar = reader.text.verticalScrollBar()
    assert bar.value() == bar.maximum()
    last_screen = reader.current_canonical()
    for on in (True, False, True, False):
        reader.set_vertical(on)
        assert reader.current_canonical() == last_screen, on
    assert bar.value() == bar.maximum() and not reader.text.past_end()


def test_the_range_past_the_end_goes_no_further_and_closes_within_the_text(
    qtbot, novel_window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    reader = novel_window.reader
    reader.set_vertical(True)
    reader.go_to_end()
    place = reader.current_canonical()
    reader.set_vertical(False)
    text, bar = reader.text, reader.text.verticalScrollBar()
    assert text.past_end() and reader.current_canonical() == place
    held = bar.value()
    reader.page(+1)  # a screen down: nothing more to show
    assert bar.value() == held and reader.current_canonical() == place
    bar.setValue(bar.maximum())  # the scroll bar dragged to its foot
    assert bar.value() == held
    reader.page(-1)  # a screen up: back within the text, the range closes
    assert not text.past_end()
    for _ in range(3):
        reader.page(+1)
    assert bar.value() == bar.maximum()  # the text's last screen, as before
    assert not text.past_end() and reader.current_canonical() < place


@pytest.mark.parametrize(
    "mods", [Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier]
)
def test_home_and_end_on_the_vertical_page_are_one_back_step_each(
    qtbot, novel_window: MainWindow, mods: Qt.KeyboardModifier
) -> None:  # type: ignore[no-untyped-def]
    reader, history = novel_window.reader, novel_window.history
    doc = reader.doc_id
    reader.set_vertical(True)
    reader.go_to_canonical(len(reader.canonical) // 2)
    for _ in range(3):
        reader.page(+1)
    middle = reader.current_canonical()

    def next_action() -> None:  # control back in the event loop, as between two key presses
        for _ in range(3):
            QApplication.processEvents()

    next_action()
    history.clear()
    page = reader.vertical.page
    novel_window.activateWindow()
    page.setFocus()
    qtbot.waitUntil(page.hasFocus)
    qtbot.keyClick(page, Qt.Key.Key_End, mods)
    next_action()
    end = reader.current_canonical()
    assert page.visible_range()[1] == len(page.source) and end > middle
    assert history.back_places() == [(doc, middle)]
    qtbot.keyClick(page, Qt.Key.Key_Home, mods)
    next_action()
    assert reader.current_canonical() == 0
    assert history.back_places() == [(doc, middle), (doc, end)]
    qtbot.keyClick(page, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # Back
    assert reader.is_vertical and reader.current_canonical() == end
    qtbot.keyClick(page, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert reader.current_canonical() == middle
    assert not history.can_go_back()
    qtbot.keyClick(page, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # Forward
    assert reader.current_canonical() == end


def test_home_from_the_second_vertical_page_is_a_back_step(qtbot, novel_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Whether the place left is still in view is asked of the page shown: the hidden
    horizontal page's first screen holds the second vertical page too, and Home from
    there was not recorded."""
    reader, history = novel_window.reader, novel_window.history
    reader.set_vertical(True)
    reader.go_to_start()
    reader.page(+1)
    for _ in range(3):
        QApplication.processEvents()
    left = reader.current_canonical()
    page = reader.vertical.page
    assert left > 0 and page.visible_range()[0] > 0
    history.clear()
    novel_window.activateWindow()
    page.setFocus()
    qtbot.waitUntil(page.hasFocus)
    qtbot.keyClick(page, Qt.Key.Key_Home)
    assert reader.current_canonical() == 0
    assert history.back_places() == [(reader.doc_id, left)]


def test_the_place_read_vertically_is_recorded(qtbot, novel_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    reader = novel_window.reader
    reader.set_vertical(True)
    for _ in range(5):
        reader.page(+1)
    with qtbot.waitSignal(reader.positionChanged, timeout=5_000) as blocker:
        pass
    assert blocker.args == [reader.current_canonical()]
    assert reader.current_canonical() > 0


def test_chapters_start_pages_and_contents_jumps_land_on_the_first_column(
    qtbot, novel_window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    reader = novel_window.reader
    reader.set_vertical(True)
    chapters = reader.chapter_offsets()
    assert len(chapters) > 3
    reader.go_to_canonical(chapters[2])
    assert reader.current_canonical() == chapters[2]
    page = reader.vertical.page.pages()[0]
    assert reader.to_view(chapters[2]) == page.start and page.columns[0].heading
    reader.next_chapter()
    assert reader.current_canonical() == chapters[3]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_selection_and_highlight_under_each_script(
    qtbot, main_window: MainWindow, script: str
) -> None:  # type: ignore[no-untyped-def]
    doc_id = _open(main_window, "健全社會工作")
    main_window.reader_toolbar.choose_script(script)
    reader = main_window.reader
    _wait_loaded(qtbot, reader)
    reader.set_vertical(True)
    word = "社会工作" if script == "simplified" else "社會工作"
    text = reader.view_text()
    v0 = text.index(word, 200)
    reader.vertical.select(v0, v0 + len(word))
    page = reader.vertical.page
    assert page.selected_text() == word
    assert page.visible_range()[0] <= v0 < page.visible_range()[1]
    item = main_window.annotations.highlight("green")
    assert item is not None
    canonical = main_window.library.text(doc_id)
    assert canonical[item.target.start : item.target.end] in ("社會工作", "社会工作")
    qtbot.waitUntil(lambda: any(s <= v0 and e >= v0 + 4 for s, e, _c in _marks(reader)))
    # the same highlight in the other script, on the same characters
    other = "traditional" if script == "simplified" else "simplified"
    main_window.reader_toolbar.choose_script(other)
    _wait_loaded(qtbot, reader)
    assert reader.is_vertical
    w0 = reader.to_view(item.target.start)
    assert w0 is not None
    reader.go_to_canonical(item.target.start)
    qtbot.waitUntil(lambda: any(s <= w0 and e >= w0 + 4 for s, e, _c in _marks(reader)))
    shown = reader.view_text()[w0 : w0 + 4]
    assert shown == ("社會工作" if other == "traditional" else "社会工作")


def _marks(reader: ReaderPane) -> list[tuple[int, int, object]]:
    page = reader.vertical.page
    return list(page.marks(*page.visible_range()))


def test_copy_in_vertical_mode_copies_the_vertical_selection(
    qtbot, main_window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QGuiApplication

    _open(main_window, "健全社會工作")
    reader = main_window.reader
    _wait_loaded(qtbot, reader)
    reader.set_vertical(True)
    text = reader.view_text()
    v0 = text.index("社會工作", 100)
    reader.vertical.page.set_selection(v0, v0 + 4)
    reader.copy()
    assert QGuiApplication.clipboard().text() == "社會工作"
    # the annotation layer reads the same selection
    span = main_window.annotations.selection_range()
    assert span is not None and span[1] - span[0] >= 4


def test_find_hits_are_marked_and_the_current_one_selected(qtbot, novel_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    reader = novel_window.reader
    reader.set_vertical(True)
    canonical = reader.canonical
    hits = []
    at = canonical.find("並入於秦", len(canonical) // 2)
    for _ in range(3):
        hits.append((at, at + 4))
        at = canonical.find("並入於秦", at + 1)
    reader.set_find_matches(hits, 1)
    page = reader.vertical.page
    v1 = reader.to_view(hits[1][0])
    assert v1 is not None
    assert page.selection() == (v1, v1 + 4)
    theme = reader.theme
    colours = {(s, c.name()) for s, _e, c in _marks(reader)}  # type: ignore[attr-defined]
    assert (v1, theme.current_match) in colours


def test_vertical_mode_is_remembered_per_document(
    qtbot, main_window: MainWindow, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    first = _open(main_window, "健全社會工作")
    main_window.reader.set_vertical(True)
    _open(main_window, "党建引领")
    assert not main_window.reader.is_vertical  # the default: horizontal
    main_window.open_document(first)
    assert main_window.reader.is_vertical
    AppSettings(settings).vertical = True
    _open(main_window, "党建引领")
    assert main_window.reader.is_vertical  # the default is now vertical


def test_the_page_stays_while_text_loads_before_it(qtbot, novel_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    reader = novel_window.reader
    reader.set_vertical(True)
    reader.go_to_canonical(len(reader.canonical) * 2 // 3)
    for _ in range(3):
        reader.page(+1)
    place = reader.current_canonical()
    novel_window.reader_toolbar.choose_script("simplified")  # restarts loading around the place
    assert reader.loading and reader.pieces()[0][1] > 0  # text before the page comes later
    first_view = reader.to_view(place)
    column_text = _column_text(reader)
    _wait_loaded(qtbot, reader)
    assert reader.pieces()[0][1] == 0
    assert reader.current_canonical() == place
    assert reader.to_view(place) != first_view  # offsets moved by what came before
    assert _column_text(reader) == column_text  # the same column, read the same way


def _column_text(reader: ReaderPane) -> str:
    start, end = _first_column(reader)
    return reader.vertical.page.source.slice(start, end)


def test_the_toolbar_button_switches_and_follows_the_document(
    qtbot, main_window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    action = main_window.reader_toolbar.vertical_action
    first = _open(main_window, "健全社會工作")
    assert not action.isChecked()
    action.trigger()
    assert main_window.reader.is_vertical and action.isChecked()
    assert main_window.reader.vertical.stack.currentWidget() is main_window.reader.vertical.page
    _open(main_window, "党建引领")
    assert not action.isChecked() and not main_window.reader.is_vertical
    main_window.open_document(first)
    assert action.isChecked()
    action.trigger()
    assert not main_window.reader.is_vertical
    assert main_window.reader.vertical.stack.currentWidget() is main_window.reader.text
