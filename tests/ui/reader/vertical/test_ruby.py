"""Readings right of the columns on the vertical page (issue 19, with the ruby of issue 18)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QFontInfo, QImage, qAlpha

from desktop.ui.common.app_settings import AppSettings
from desktop.ui.reader.pane import ReaderPane
from desktop.ui.reader.ruby import RUBY_SIZE
from desktop.ui.reader.vertical.ruby import ROOM
from tests.ui.reader.panes import open_text, reader_pane

TEXT = "他在银行工作。\n行走在路上，长大了。\n我们一起去银行。\n" * 3


@pytest.fixture
def app_settings(settings: QSettings) -> AppSettings:
    return AppSettings(settings)


@pytest.fixture
def pane(
    qtbot, library_dir: Path, app_settings: AppSettings, tmp_path: Path
) -> Iterator[ReaderPane]:  # type: ignore[no-untyped-def]
    with reader_pane(qtbot, library_dir, app_settings) as reader:
        open_text(reader, tmp_path, TEXT)
        qtbot.waitUntil(lambda: not reader.loading, timeout=30_000)
        reader.set_vertical(True)
        yield reader


def _settle(qtbot, pane: ReaderPane) -> dict[int, str]:  # type: ignore[no-untyped-def]
    """Paint until every reading shown is read: ``{view offset: reading}`` drawn."""
    qtbot.waitUntil(lambda: pane.aids.sources.reader() is not None, timeout=30_000)
    page, ruby = pane.vertical.page, pane.aids.ruby
    for _ in range(3):
        page.repaint()
        qtbot.waitUntil(lambda: not ruby.pending, timeout=30_000)
    page.repaint()
    return {start: reading for start, _end, reading in pane.vertical.ruby.painted}


def _han_shown(pane: ReaderPane) -> set[int]:
    page = pane.vertical.page
    v0, v1 = page.visible_range()
    text = page.source.slice(v0, v1)
    return {v0 + i for i, c in enumerate(text) if "\u4e00" <= c <= "\u9fff"}


@pytest.mark.parametrize("style", ["pinyin", "zhuyin"])
def test_every_han_character_shown_gets_the_horizontal_rubys_reading(
    qtbot, pane: ReaderPane, style: str
) -> None:  # type: ignore[no-untyped-def]
    pane.aids.ruby.set_style(style)
    drawn = _settle(qtbot, pane)
    assert set(drawn) == _han_shown(pane)
    assert drawn  # the page shows Han text
    for offset, reading in drawn.items():
        assert reading == pane.aids.ruby.reading_at(offset)  # the same reader and cache
    first = min(drawn)
    assert drawn[first] == ("tā" if style == "pinyin" else "ㄊㄚ")
    bank = pane.vertical.page.source.slice(0, len(pane.vertical.page.source)).index("银行")
    assert drawn[bank + 1] == ("háng" if style == "pinyin" else "ㄏㄤˊ")


LONG = {
    "pinyin": ["zhuàng", "shuāng", "chuǎng", "xióng"],
    "zhuyin": ["ㄓㄨㄤˋ", "ㄔㄨㄤˇ", "ㄒㄩㄥˊ", "˙ㄇㄣ", "ㄇㄣ˙"],
}


@pytest.mark.parametrize("style", ["pinyin", "zhuyin"])
def test_readings_are_legible_and_each_keeps_to_its_characters_cell(
    qtbot, pane: ReaderPane, style: str
) -> None:  # type: ignore[no-untyped-def]
    """At the default size the readings are nearly as large as the horizontal ruby's
    pinyin (a tenth less at most; they were 0.42 and 0.34 em), and the ink of each one
    drawn, the longest syllables too, lies within its character's cell down the column,
    so the readings of two characters never run into each other."""
    pane.aids.ruby.set_style(style)
    drawn = _settle(qtbot, pane)
    page, ruby = pane.vertical.page, pane.vertical.ruby
    size = QFontInfo(ruby.font()).pixelSize()
    assert size >= 0.9 * RUBY_SIZE["pinyin"] * page.em
    assert size >= 10  # the body at the default 15 pt
    for reading in sorted(set(drawn.values()) | set(LONG[style])):
        image = ruby.image(reading).toImage()
        ratio = image.devicePixelRatio()
        rows = [
            y
            for y in range(image.height())
            if any(qAlpha(image.pixel(x, y)) > 24 for x in range(image.width()))
        ]
        assert rows, reading
        centre = image.height() / ratio / 2  # the image is centred on the character's cell
        top, bottom = min(rows) / ratio, (max(rows) + 1) / ratio
        assert centre - page.cell / 2 <= top and bottom <= centre + page.cell / 2, reading
        if reading in LONG[style]:
            assert bottom - top > 0.6 * page.em, reading  # not squeezed out of legibility


def test_columns_move_apart_while_the_ruby_is_on(qtbot, pane: ReaderPane) -> None:  # type: ignore[no-untyped-def]
    page = pane.vertical.page
    plain = page.pitch
    pane.aids.ruby.set_style("zhuyin")
    assert page.pitch == pytest.approx(plain + ROOM["zhuyin"] * page.em)
    pane.aids.ruby.set_style("pinyin")
    assert page.pitch == pytest.approx(plain + ROOM["pinyin"] * page.em)
    pane.aids.ruby.set_style("none")
    assert page.pitch == pytest.approx(plain)
    assert _settle(qtbot, pane) == {}


@pytest.mark.parametrize("style", ["pinyin", "zhuyin"])
def test_readings_stay_between_their_column_and_the_next(
    qtbot, pane: ReaderPane, app_settings: AppSettings, style: str
) -> None:  # type: ignore[no-untyped-def]
    """At the tightest column spacing, the readings' ink (the text painted in the page's
    colour, so only the readings show) lies right of its column and short of the next."""
    app_settings.line_spacing = 100
    pane.typographyChanged.emit()
    pane.aids.ruby.set_style(style)
    page = pane.vertical.page
    _settle(qtbot, pane)
    theme = page.theme
    page.theme = dataclasses.replace(theme, text=theme.page, selection_text=theme.page)
    image = page.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    page.theme = theme
    ratio = image.devicePixelRatio()
    background = QColor(theme.page).rgb()
    em = page.em
    columns = sorted({round(cx, 3) for _s, _e, _r, cx in page.boxes_shown()})
    assert len(columns) >= 3
    top, bottom = page.height() * 0.05, page.height() * 0.95
    for cx in columns:
        inked = [
            x
            for x in range(int((cx - em / 2) * ratio), int((cx + page.pitch - em / 2) * ratio))
            if any(
                image.pixel(x, int(y * ratio)) != background
                for y in range(int(top), int(bottom), 1)
            )
        ]
        assert inked, f"no reading right of the column at {cx}"
        assert min(inked) / ratio >= cx + em / 2 - 0.5  # right of the column's characters
        assert max(inked) / ratio < cx + page.pitch - em / 2  # short of the next column's


def test_the_first_character_stays_as_the_ruby_comes_and_goes(
    qtbot, pane: ReaderPane, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "long.txt"
    path.write_text("".join(f"第{i}行，我们一起去银行工作。\n" for i in range(3000)), "utf-8")
    assert pane.library is not None
    result = pane.library.add_file(path)
    assert result.id, result.error
    pane.show_document(pane.library.get(result.id), pane.library.text(result.id))
    qtbot.waitUntil(lambda: not pane.loading, timeout=30_000)
    pane.set_vertical(True)  # remembered per document: this one opened in lines
    pane.go_to_canonical(len(pane.canonical) // 2)
    place = pane.current_canonical()
    for style in ("pinyin", "zhuyin", "none", "pinyin"):
        pane.aids.ruby.set_style(style)
        qtbot.waitUntil(lambda: not pane.loading, timeout=30_000)
        assert pane.is_vertical
        assert pane.current_canonical() == place, style
    assert _settle(qtbot, pane)  # readings on the page in the middle of the book
