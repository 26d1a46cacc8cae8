"""A place at a paragraph's first character starts the page there, not a line before.

The clean view drops blank and space-only lines between paragraphs; the dropped
stretch maps to the next paragraph's first character, so a place taken there mapped
back to the line break before it, and the page started on the previous paragraph's
last line (a vertical page: on its last column)."""

from __future__ import annotations

from desktop.ui.app.main_window import MainWindow


def _seed_with_blank_lines(window: MainWindow) -> tuple[str, int]:
    for doc in window.library.summaries():
        text = window.library.text(doc.id)
        at = text.find("面對復雜繁重")
        if at > 0 and "\xa0" in text[at - 6 : at]:
            return doc.id, at
    raise AssertionError("seed 001 with its blank lines is missing")


def test_a_place_after_blank_lines_is_the_first_line(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    doc_id, at = _seed_with_blank_lines(main_window)
    main_window.open_document(doc_id)
    reader = main_window.reader
    qtbot.waitUntil(lambda: reader.doc_id == doc_id, timeout=5000)
    reader._go_to(at)
    first, _last = reader.text.top_line_range()
    top = reader.qt_to_view(first)
    assert reader.to_canonical(top) == at
    assert reader.current_canonical() == at
    main_window.reader_toolbar.vertical_action.trigger()
    qtbot.waitUntil(lambda: reader.is_vertical, timeout=5000)
    page = reader.vertical.page
    assert reader.to_canonical(page.first_offset()) == at
    main_window.reader_toolbar.vertical_action.trigger()
    qtbot.waitUntil(lambda: not reader.is_vertical, timeout=5000)
    assert reader.current_canonical() == at
    first, _last = reader.text.top_line_range()
    assert reader.to_canonical(reader.qt_to_view(first)) == at
