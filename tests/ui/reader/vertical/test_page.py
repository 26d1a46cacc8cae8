"""The vertical page alone: hit testing, page turns, selection, copy, marks, spreads."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop.core.vertical import SPACE, StrSource
from desktop.ui.reader.fonts import body_family, face_forms
from desktop.ui.reader.themes import THEMES
from desktop.ui.reader.vertical.page import VerticalPage

TEXT = (
    "第一回　宴桃園豪傑三結義\n"
    "　　話說天下大勢，分久必合，合久必分。周末七國分爭，並入於秦。及秦滅之後，楚、漢分爭，"
    "又並入於漢。漢朝自高祖斬白蛇而起義，一統天下，後來光武中興，傳至獻帝，遂分為三國。\n"
    "　　他說：「2024年的New York City很大——12個區……」她笑了。\n"
) * 12
CHAPTERS = [i for i in range(len(TEXT)) if TEXT.startswith("第一回", i)]


def _font() -> QFont:
    font = QFont()
    family = body_family("TC")
    if family:
        font.setFamilies([family])
    font.setPointSizeF(14)
    return face_forms(font)


@pytest.fixture
def page(qtbot) -> Iterator[VerticalPage]:  # type: ignore[no-untyped-def]
    widget = VerticalPage()
    qtbot.addWidget(widget)
    widget.resize(600, 520)
    widget.set_typography(_font(), 160, 0, THEMES["light"])
    widget.set_source(StrSource(TEXT), CHAPTERS)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def _drawn_offsets(page: VerticalPage) -> list[int]:
    """Every view offset drawn on the page (a character of a glyph, not a blank)."""
    out: list[int] = []
    for column, _cx, _top in page.placed_columns():
        for g in column.glyphs:
            if g.kind != SPACE:
                out.extend(range(g.start, g.end))
    return out


def _upper(rect_point: QPointF, height: float) -> QPointF:
    return QPointF(rect_point.x(), rect_point.y() + height * 0.25)


@given(st.data())
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_point_offset_rectangle_round_trip(page: VerticalPage, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(TEXT) - 1))
    page.show_offset(start)
    offsets = _drawn_offsets(page)
    assert offsets
    for offset in data.draw(st.lists(st.sampled_from(offsets), min_size=1, max_size=20)):
        rect = page.char_rect(offset)
        assert rect is not None and rect.width() > 0 and rect.height() > 0
        point = QPointF(rect.center().x(), rect.top() + rect.height() * 0.25)
        assert page.offset_at(point) == offset
        # the lower half is the caret after the character
        lower = QPointF(rect.center().x(), rect.bottom() - rect.height() * 0.1)
        assert page.offset_at(lower) == offset + 1 or page.char_rect(offset + 1) == rect
        rects = page.rects_for(offset, offset + 1)
        assert len(rects) == 1 and rects[0].contains(rect.center())


def test_every_offset_of_a_page_is_in_exactly_one_column(page: VerticalPage) -> None:
    start, end = page.visible_range()
    columns = [c for c, _x, _y in page.placed_columns()]
    for offset in range(start, end):
        assert sum(c.start <= offset < c.end for c in columns) == 1


def test_columns_run_right_to_left_and_top_to_bottom(page: VerticalPage) -> None:
    placed = page.placed_columns()
    xs = [cx for _c, cx, _t in placed]
    assert xs == sorted(xs, reverse=True)
    first = placed[1][0]  # the heading is the first column; then the paragraph
    rects = [page.char_rect(g.start) for g in first.glyphs]
    tops = [r.top() for r in rects if r is not None]
    assert tops == sorted(tops)


def test_keys_wheel_and_edges_turn_pages(qtbot, page: VerticalPage) -> None:  # type: ignore[no-untyped-def]
    first = page.visible_range()
    qtbot.keyClick(page, Qt.Key.Key_PageDown)
    second = page.visible_range()
    assert second[0] == first[1]
    qtbot.keyClick(page, Qt.Key.Key_PageUp)
    assert page.visible_range() == first
    qtbot.keyClick(page, Qt.Key.Key_Left)  # a vertical book reads leftwards
    assert page.visible_range() == second
    qtbot.keyClick(page, Qt.Key.Key_Right)
    assert page.visible_range() == first
    qtbot.keyClick(page, Qt.Key.Key_Space)
    assert page.visible_range() == second
    qtbot.keyClick(page, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    assert page.visible_range() == first
    qtbot.mouseClick(page, Qt.MouseButton.LeftButton, pos=QPoint(3, page.height() // 2))
    assert page.visible_range() == second  # the left edge turns forward
    qtbot.mouseClick(page, Qt.MouseButton.LeftButton, pos=QPoint(page.width() - 3, 100))
    assert page.visible_range() == first
    _wheel(page, -120)
    assert page.visible_range() == second
    _wheel(page, 120)
    assert page.visible_range() == first
    qtbot.keyClick(page, Qt.Key.Key_End)
    assert page.visible_range()[1] == len(TEXT)
    qtbot.keyClick(page, Qt.Key.Key_Home)
    assert page.visible_range() == first


def _wheel(page: VerticalPage, delta: int) -> None:
    from PySide6.QtGui import QWheelEvent

    centre = QPointF(page.width() / 2, page.height() / 2)
    event = QWheelEvent(
        centre, page.mapToGlobal(centre), QPoint(), QPoint(0, delta),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
        False,
    )  # fmt: skip
    QApplication.sendEvent(page, event)


def test_a_chapter_starts_a_page(page: VerticalPage) -> None:
    seen = []
    page.go_to_start()
    while True:
        first = page.pages()[0]
        seen.append(first.start)
        if any(c.start in CHAPTERS for c in first.columns[1:]):
            pytest.fail(f"a chapter inside the page starting at {first.start}")
        if not page.next_page():
            break
    assert set(CHAPTERS) <= set(seen)


def test_mouse_and_shift_arrow_selection_and_copy(qtbot, page: VerticalPage) -> None:  # type: ignore[no-untyped-def]
    start = TEXT.index("話說")
    rect_a, rect_b = page.char_rect(start), page.char_rect(start + 3)
    assert rect_a is not None and rect_b is not None
    a = _upper(rect_a.topLeft() + QPointF(rect_a.width() / 2, 0), rect_a.height()).toPoint()
    b = _upper(rect_b.topLeft() + QPointF(rect_b.width() / 2, 0), rect_b.height()).toPoint()
    qtbot.mousePress(page, Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(page, b)
    qtbot.mouseRelease(page, Qt.MouseButton.LeftButton, pos=b)
    assert page.selection() == (start, start + 3)
    assert page.selected_text() == "話說天"
    qtbot.keyClick(page, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert page.selected_text() == "話說天下"
    qtbot.keyClick(page, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(page, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)  # a column on
    chosen = page.selected_text()
    assert chosen.startswith("話說天") and len(chosen) > 3
    qtbot.keyClick(page, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == chosen


def test_marks_and_selection_are_painted_behind_their_characters(page: VerticalPage) -> None:
    start = TEXT.index("分久必合")
    page.marks = lambda s, e: [(start, start + 4, QColor(255, 0, 0))]
    image = page.grab().toImage()
    rect = page.rects_for(start, start + 4)[0]
    corner = rect.topLeft().toPoint() + QPoint(1, 1)
    assert QColor(image.pixel(corner)) == QColor(255, 0, 0)
    outside = page.char_rect(start + 5)
    assert outside is not None
    point = outside.topLeft().toPoint() + QPoint(1, 1)
    assert QColor(image.pixel(point)) == QColor(THEMES["light"].page)


def test_a_wide_window_shows_a_spread_read_from_the_right(qtbot, page: VerticalPage) -> None:  # type: ignore[no-untyped-def]
    assert len(page.pages()) == 1
    page.resize(1300, 600)
    qtbot.waitUntil(lambda: len(page.pages()) == 2)
    right, left = page.pages()
    assert left.start == right.end
    placed = page.placed_columns()
    assert placed[0][1] > placed[-1][1]
    end = page.visible_range()[1]
    page.next_page()
    assert page.visible_range()[0] == end


def test_same_text_and_size_give_the_same_pages(qtbot) -> None:  # type: ignore[no-untyped-def]
    walks = []
    for _ in range(2):
        widget = VerticalPage()
        qtbot.addWidget(widget)
        widget.resize(500, 480)
        widget.set_typography(_font(), 160, 0, THEMES["light"])
        widget.set_source(StrSource(TEXT), CHAPTERS)
        walk = [widget.visible_range()]
        while widget.next_page():
            walk.append(widget.visible_range())
        walks.append(walk)
    assert walks[0] == walks[1]


def test_the_offset_shown_stays_first_across_a_resize(qtbot, page: VerticalPage) -> None:  # type: ignore[no-untyped-def]
    target = TEXT.index("光武中興", 300)
    page.show_offset(target)
    assert page.first_offset() == target
    page.resize(640, 440)
    qtbot.waitUntil(lambda: page.typesetter().size == page.page_size())
    assert page.first_offset() == target


def test_marks_set_in_half_a_cell_are_hit_and_drawn_in_their_half(
    qtbot, page: VerticalPage
) -> None:  # type: ignore[no-untyped-def]
    """A column that takes a closing mark in by halving the marks nearest its foot
    (push-in): each halved mark's box is half a cell, the boxes follow one another
    without overlapping, and every character is found at its box."""
    rows = page.page_size().rows
    base = "天地玄黃宇宙洪荒日月盈昃辰宿列張寒來暑往秋收冬藏閏餘成歲律呂調陽" * 4
    # 「——」 fills the column, 』 would start the next: pushing out 「——」』 would leave
    # four cells, so 」 and 』 are halved and 』 comes in
    text = base[: rows - 4] + "「——」』" + base[:5] + "\n"
    page.rules = type(page.rules)(indent=0, heading_indent=0)
    page.set_source(StrSource(text))
    column = page.placed_columns()[0][0]
    assert text[column.start : column.end] == base[: rows - 4] + "「——」』"
    assert [g.draw for g in column.glyphs if g.half] == ["」", "』"]
    boxes = [page.char_rect(o) for o in range(column.start, column.end)]
    assert all(b is not None for b in boxes)
    cell = page.cell
    for glyph in column.glyphs:
        rect = page.char_rect(glyph.end - 1)
        assert rect is not None
        if glyph.half:
            assert rect.height() == pytest.approx(cell / 2)
    tops = [b.top() for b in boxes if b is not None]
    bottoms = [b.bottom() for b in boxes if b is not None]
    assert all(b <= t + 1e-6 for b, t in zip(bottoms, tops[1:], strict=False))  # no overlap
    foot = page.placed_columns()[0][2] + rows * cell
    assert bottoms[-1] == pytest.approx(foot)  # the column ends at its foot
    for offset, rect in zip(range(column.start, column.end), boxes, strict=True):
        assert rect is not None
        point = QPointF(rect.center().x(), rect.top() + rect.height() * 0.25)
        assert page.offset_at(point) == offset
