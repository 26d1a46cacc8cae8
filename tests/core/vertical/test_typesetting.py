"""Vertical typesetting: character classes, kinsoku, 縱中橫, indents, chapters, paging."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.vertical import (
    CENTRED,
    CORNER,
    RUN,
    SOFT,
    SPACE,
    TCY,
    TURNED,
    UPRIGHT,
    Column,
    Page,
    PageSize,
    Rules,
    StrSource,
    Typesetter,
    approximate_measure,
    lay_out_segment,
    tokens,
)
from desktop.core.vertical.classes import CLOSING, HALVABLE, OPENING
from desktop.core.vertical.columns import PUSH_LIMIT

NO_INDENT = Rules(indent=0, heading_indent=0)


def kinds(text: str) -> list[tuple[str, str]]:
    return [(t.draw, t.kind) for t in tokens(text, 0, 20, approximate_measure)]


def columns(text: str, rows: int, rules: Rules = NO_INDENT) -> list[str]:
    cols = lay_out_segment(text, 0, rows, rules=rules, measure=approximate_measure)
    return [text[c.start : c.end] for c in cols]


def test_marks_take_their_vertical_positions() -> None:
    assert kinds("，。、．") == [("，", CORNER), ("。", CORNER), ("、", CORNER), ("．", CORNER)]
    assert kinds("！？") == [("！", CENTRED), ("？", CENTRED)]
    for mark in "「」『』（）《》〈〉【】":
        assert kinds(mark) == [(mark, TURNED)]
    assert kinds("中") == [("中", UPRIGHT)]


def test_dashes_ellipses_and_waves_are_turned_and_never_split() -> None:
    assert kinds("——") == [("——", TURNED)]
    assert kinds("……") == [("……", TURNED)]
    assert kinds("～") == [("～", TURNED)]
    toks = list(tokens("他——說", 0, 20, approximate_measure))
    assert [(t.start, t.end, t.cells) for t in toks] == [(0, 1, 1), (1, 3, 2), (3, 4, 1)]
    # a dash never straddles two columns
    for rows in range(2, 8):
        for col in columns("一二三四五六七——八九十" * 2, rows):
            assert not col.startswith("—") or col.startswith("——")


def test_quotation_marks_are_drawn_as_corner_brackets() -> None:
    assert kinds("“‘’”") == [("『", TURNED), ("「", TURNED), ("」", TURNED), ("』", TURNED)]


def test_short_numbers_stand_upright_and_two_digits_share_a_cell() -> None:
    assert kinds("12月") == [("12", TCY), ("月", UPRIGHT)]
    assert kinds("3日") == [("3", UPRIGHT), ("日", UPRIGHT)]
    toks = list(tokens("12月", 0, 20, approximate_measure))
    assert (toks[0].start, toks[0].end, toks[0].cells) == (0, 2, 1)


def test_latin_words_and_long_numbers_are_turned_runs() -> None:
    assert kinds("2024年") == [("2024", RUN), ("年", UPRIGHT)]
    assert kinds("看New York") == [("看", UPRIGHT), ("New ", RUN), ("York", RUN)]
    assert kinds("3.14") == [("3.14", RUN)]
    assert kinds("A股") == [("A", UPRIGHT), ("股", UPRIGHT)]
    assert kinds("　") == [("", SPACE)]


def test_a_run_is_one_glyph_in_its_column() -> None:
    cols = lay_out_segment("看New York City了", 0, 30, rules=NO_INDENT, measure=approximate_measure)
    glyphs = cols[0].glyphs
    assert [g.draw for g in glyphs] == ["看", "New York City", "了"]
    assert glyphs[1].kind == RUN and glyphs[1].cells >= 7


def test_a_word_longer_than_a_column_is_cut_to_fit() -> None:
    word = "Pneumonoultramicroscopicsilicovolcanoconiosis"
    cols = lay_out_segment(word, 0, 6, rules=NO_INDENT, measure=approximate_measure)
    assert "".join(g.draw for c in cols for g in c.glyphs) == word
    assert all(sum(g.cells for g in c.glyphs) <= 6 for c in cols)


def test_no_column_starts_with_a_closing_mark() -> None:
    # 5 cells: 一二三四五 fill the column; 」 must not start the next one: 五 goes with it
    assert columns("一二三四五」六七", 5) == ["一二三四", "五」六七"]


def test_no_column_ends_with_an_opening_mark() -> None:
    assert columns("一二三四「五六七", 5) == ["一二三四", "「五六七"]


def test_a_small_stop_hangs_below_a_full_column() -> None:
    cols = lay_out_segment("一二三四五。六七", 0, 5, rules=NO_INDENT, measure=approximate_measure)
    assert [c.glyphs[-1].draw for c in cols] == ["。", "七"]
    hung = cols[0].glyphs[-1]
    assert hung.row == 5  # one cell past the column's foot
    assert not Rules().hang or len(cols) == 2


def test_a_stop_followed_by_a_closing_mark_pushes_out_instead() -> None:
    # 。」 cannot both hang: the last character goes with them to the next column
    assert columns("一二三四五。」六", 5) == ["一二三四", "五。」六"]


def test_a_pushed_out_column_is_spread_to_full_length() -> None:
    cols = lay_out_segment("一二三四五」六七", 0, 5, rules=NO_INDENT, measure=approximate_measure)
    first = cols[0].glyphs
    assert len(first) == 4
    assert first[-1].row + first[-1].cells == pytest.approx(5)
    unspread = Rules(indent=0, heading_indent=0, spread=False)
    cols = lay_out_segment("一二三四五」六七", 0, 5, rules=unspread, measure=approximate_measure)
    assert cols[0].glyphs[-1].row == 3


@pytest.mark.parametrize(
    ("text", "rows", "pushed"),
    [
        ("一二三四五六七Tongwen」八九十", 11, "Tongwen」"),  # a word of 5 cells goes on
        ("一二三四五六七八Tongwen！八九十", 13, "Tongwen！"),  # ！ cannot be halved
    ],
)
def test_a_column_shortened_by_more_than_three_cells_still_reaches_the_foot(
    text: str, rows: int, pushed: str
) -> None:
    """Pushing out leaves more than three cells, and too few marks can be halved to take
    the mark in instead: the column is spread to its foot (it was left short)."""
    cols = lay_out_segment(text, 0, rows, rules=NO_INDENT, measure=approximate_measure)
    first, second = cols[0], cols[1]
    assert text[second.start :].startswith(pushed)
    glyphs = first.glyphs
    short = rows - sum(g.cells for g in glyphs)
    assert short > 3  # more than the old limit of spreading
    last = glyphs[-1]
    assert last.row + last.cells == pytest.approx(rows)  # the foot lines up
    gaps = {
        round(b.row - (a.row + a.cells), 6) for a, b in itertools.pairwise(glyphs)
    }  # spread evenly: one gap between every two characters
    assert len(gaps) == 1 and gaps.pop() == pytest.approx(short / (len(glyphs) - 1))
    # the same columns from the second column's start (layout is decided column by column)
    again = lay_out_segment(
        text[second.start :], second.start, rows, rules=NO_INDENT, measure=approximate_measure
    )
    assert again == cols[1:]


@pytest.mark.parametrize(
    ("text", "rows", "taken", "halved"),
    [
        # pushing out 「Tongwen would leave six cells: 「 and 」 in half a cell each take 」 in
        ("一二三四五「Tongwen」八九十", 11, "一二三四五「Tongwen」", "「」"),
        # 。」 together, as a publisher squeezes a stop and a closing mark
        ("一二三四五六七八九Tongwen。」他說", 15, "一二三四五六七八九Tongwen。」", "。」"),
        # 」』 both come in, two cells over: the four marks nearest the foot are halved
        (
            "一（二）三（四）五六七Tongwen」』八",
            16,
            "一（二）三（四）五六七Tongwen」』",
            "（）」』",
        ),
    ],
)
def test_a_column_takes_the_mark_in_by_halving_marks_rather_than_spread_far(
    text: str, rows: int, taken: str, halved: str
) -> None:
    cols = lay_out_segment(text, 0, rows, rules=NO_INDENT, measure=approximate_measure)
    first = cols[0]
    assert text[first.start : first.end] == taken
    assert "".join(g.draw for g in first.glyphs if g.half) == halved
    assert all(g.draw in HALVABLE for g in first.glyphs if g.half)
    for a, b in itertools.pairwise(first.glyphs):  # no gaps, no overlaps
        assert b.row == pytest.approx(a.row + a.extent)
    last = first.glyphs[-1]
    assert last.row + last.extent == pytest.approx(rows)  # exactly full: the foot lines up
    if len(cols) > 1:
        assert text[cols[1].start :][:1] not in CLOSING  # the next column starts legally
        again = lay_out_segment(
            text[cols[1].start :], cols[1].start, rows, rules=NO_INDENT,
            measure=approximate_measure,
        )  # fmt: skip
        assert again == cols[1:]


@given(st.text(alphabet="一二三四五六七八九十，。、「」『』（）！？：——……ab12 ", max_size=120))
@settings(max_examples=300, deadline=None)
def test_kinsoku_holds_whenever_it_can(text: str) -> None:
    rows = 6
    cols = lay_out_segment(text, 0, rows, rules=NO_INDENT, measure=approximate_measure)
    assert cols[0].start == 0 and cols[-1].end == len(text)
    for a, b in itertools.pairwise(cols):
        assert a.end == b.start
    for col in cols[1:]:
        first = col.glyphs[0].draw if col.glyphs else ""
        before = [g.draw for g in cols[cols.index(col) - 1].glyphs]
        # a break is left illegal only when moving it back a few tokens cannot help:
        # the column's last characters are themselves marks that must stay together
        if first[:1] in CLOSING:
            assert any(d[:1] in CLOSING | OPENING for d in before[-(PUSH_LIMIT - 1) :])
        last = before[-1] if before else ""
        if last[:1] in OPENING and col.glyphs:
            assert any(d[:1] in CLOSING | OPENING for d in before[-(PUSH_LIMIT - 1) :])
    for col in cols:
        assert sum(g.extent for g in col.glyphs[:-1]) <= rows
        if col.glyphs:  # within the column (a hanging stop one cell below the foot)
            foot = col.glyphs[-1]
            assert foot.row + foot.extent <= rows + 1 or len(col.glyphs) == 1
        for upper, lower in itertools.pairwise(col.glyphs):
            assert lower.row >= upper.row + upper.extent - 1e-9  # glyphs never overlap


def test_paragraphs_are_indented_and_leading_blanks_are_the_indent() -> None:
    cols = lay_out_segment("　　他說。\n", 0, 10, measure=approximate_measure)
    assert cols[0].glyphs[0].draw == "他" and cols[0].glyphs[0].row == 2
    assert cols[0].start == 0 and cols[-1].end == 6


def test_a_blank_line_is_an_empty_column() -> None:
    ts = Typesetter(StrSource("一\n\n二\n"), PageSize(5, 5))
    page = ts.page_at(0)
    assert [len(c.glyphs) for c in page.columns] == [1, 0, 1]


def test_a_chapter_heading_starts_a_new_page() -> None:
    text = "第一章\n正文。\n第二章\n正文。\n"
    ts = Typesetter(StrSource(text), PageSize(10, 10), chapters=[0, 8])
    first = ts.page_at(0)
    assert first.end == 8
    assert all(not c.heading for c in first.columns[1:]) and first.columns[0].heading
    second = ts.next_page(first)
    assert second is not None and second.start == 8 and second.columns[0].heading
    assert ts.previous_page(second) == first


def novel(paragraphs: int = 200) -> str:
    body = "他說：「今天天氣很好，我們去2024年的New York看看吧。」她笑了——沒有回答……"
    return "".join(
        f"第{i}章\n" if i % 20 == 0 else f"　　{body[: 10 + i % 40]}\n" for i in range(paragraphs)
    )


def test_same_text_and_size_give_the_same_pages() -> None:
    text = novel()
    walk: list[list[tuple[int, int, int]]] = []
    for _ in range(2):
        ts = Typesetter(StrSource(text), PageSize(12, 8), chapters=_chapters(text))
        page: Page | None = ts.page_at(0)
        starts = []
        while page is not None:
            starts.append((page.start, page.end, len(page.columns)))
            page = ts.next_page(page)
        walk.append(starts)
    assert walk[0] == walk[1]
    assert walk[0][-1][1] == len(text)


def _chapters(text: str) -> list[int]:
    return [
        i for i in range(len(text)) if text.startswith("第", i) and (i == 0 or text[i - 1] == "\n")
    ]


@given(st.integers(min_value=0, max_value=10_000), st.integers(3, 30), st.integers(1, 12))
@settings(max_examples=200, deadline=None)
def test_previous_of_next_is_the_same_page(offset: int, rows: int, cols: int) -> None:
    text = novel(120)
    ts = Typesetter(StrSource(text), PageSize(rows, cols), chapters=_chapters(text))
    page = ts.page_at(offset % (len(text) + 1))
    assert page.start <= min(offset % (len(text) + 1), len(text) - 1) < page.end or page.end == len(
        text
    )
    nxt = ts.next_page(page)
    if nxt is not None:
        assert nxt.start == page.end
        back = ts.previous_page(nxt)
        assert back is not None and back.end == nxt.start
        if len(page.columns) == cols:
            assert back == page
        else:  # a page cut short by a chapter: paging back re-aligns to the chapter's pages
            assert back.start <= page.start and len(back.columns) <= cols


@given(st.integers(min_value=0, max_value=50_000))
@settings(max_examples=100, deadline=None)
def test_columns_from_any_start_are_the_columns_from_the_paragraph_start(offset: int) -> None:
    text = novel(300)
    ts = Typesetter(StrSource(text), PageSize(9, 5), chapters=_chapters(text))
    x = offset % len(text)
    start = ts.column_start(x)
    fresh = Typesetter(StrSource(text), PageSize(9, 5), chapters=_chapters(text))
    page = fresh.page_at(x)
    assert page.start == start
    assert page.columns[0].start <= x < page.columns[0].end


def test_a_line_without_newlines_is_cut_into_soft_segments() -> None:
    text = "字" * (5 * SOFT + 17)
    ts = Typesetter(StrSource(text), PageSize(7, 4))
    for x in (0, SOFT - 1, SOFT, 3 * SOFT + 5, len(text) - 1):
        s = ts.segment_start(x)
        assert s <= x < ts._segment_end(s)
        assert s == 0 or s % SOFT == 0
    far = ts.page_at(4 * SOFT + 100)
    assert far.columns[0].start <= 4 * SOFT + 100 < far.columns[0].end
    # walking back from the end reaches the start, page by page
    page, steps = ts.last_page(), 0
    while (prev := ts.previous_page(page)) is not None:
        assert prev.end == page.start
        page, steps = prev, steps + 1
    assert page.start == 0 and steps > 0


def test_glyph_offsets_cover_the_column_without_overlap() -> None:
    text = novel(40)
    ts = Typesetter(StrSource(text), PageSize(11, 6), chapters=_chapters(text))
    page: Page | None = ts.page_at(0)
    while page is not None:
        assert isinstance(page.columns[0], Column)
        for col in page.columns:
            last = col.start
            for g in col.glyphs:
                assert last <= g.start < g.end <= col.end
                last = g.end
        page = ts.next_page(page)
