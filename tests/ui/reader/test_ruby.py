"""Pinyin and zhuyin above the characters (issue 18): the room made above each line,
the readings painted for the visible lines only, the document's own hints, the
choice in the "Aa" popover, copying, and a reading corrected from the reader."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop.core.library import Library
from desktop.core.readings import read_corrections
from desktop.ui.common.app_settings import AppSettings
from desktop.ui.reader import ruby as ruby_module
from desktop.ui.reader.pane import ReaderPane
from desktop.ui.reader.reading_dialog import CorrectReadingDialog
from desktop.ui.reader.typography_popover import TypographyPopover
from tests.ui.reader.panes import open_text, reader_pane

TEXT = "他在银行工作。\n行走在路上,长大了。\n我们一起去银行。\n"
SUPER = QTextCharFormat.VerticalAlignment.AlignSuperScript


@pytest.fixture
def app_settings(settings: QSettings) -> AppSettings:
    return AppSettings(settings)


@pytest.fixture
def pane(qtbot, library_dir: Path, app_settings: AppSettings) -> Iterator[ReaderPane]:  # type: ignore[no-untyped-def]
    with reader_pane(qtbot, library_dir, app_settings) as reader:
        yield reader


def _open(pane: ReaderPane, tmp_path: Path, text: str = TEXT, name: str = "doc.txt") -> None:
    open_text(pane, tmp_path, text, name)


def _settle(qtbot, pane: ReaderPane) -> dict[int, str]:  # type: ignore[no-untyped-def]
    """Wait until every reading on screen is read; paint; ``{view offset: reading}``."""
    ruby = pane.aids.ruby
    qtbot.waitUntil(lambda: pane.aids.sources.reader() is not None, timeout=30_000)
    qtbot.waitUntil(lambda: not pane.loading, timeout=30_000)
    for _ in range(3):  # a paint reads what is on screen, the timer reads the rest
        pane.text.viewport().repaint()
        qtbot.waitUntil(lambda: not ruby.pending, timeout=30_000)
    pane.text.viewport().repaint()
    assert ruby.unread_on_screen() == 0
    return {start: reading for start, _end, reading in ruby.painted}


def _han(text: str) -> set[int]:
    return {i for i, c in enumerate(text) if "\u4e00" <= c <= "\u9fff"}


def _line_height(pane: ReaderPane) -> float:
    """The height of the first line shown."""
    block = pane.text.firstVisibleBlock()
    pane.text.document().documentLayout().blockBoundingRect(block)  # lays the block out
    layout = block.layout()
    assert layout is not None and layout.lineCount() > 0
    return layout.lineAt(0).height()


# ------------------------------------------------------------------ painting
def test_every_han_character_gets_its_reading_by_phrase(  # type: ignore[no-untyped-def]
    qtbot, pane: ReaderPane, tmp_path: Path
) -> None:
    _open(pane, tmp_path)
    plain_height = _line_height(pane)
    pane.aids.ruby.set_style("pinyin")
    painted = _settle(qtbot, pane)
    text = pane.view_text()
    assert set(painted) == _han(text)  # a short text: all of it is on screen
    at = text.index("银行")
    assert (painted[at], painted[at + 1]) == ("yín", "háng")
    at = text.index("行走")
    assert (painted[at], painted[at + 1]) == ("xíng", "zǒu")
    at = text.index("长大")
    assert (painted[at], painted[at + 1]) == ("zhǎng", "dà")
    assert _line_height(pane) > 1.3 * plain_height  # room above every line


def test_zhuyin_and_back(qtbot, pane: ReaderPane, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _open(pane, tmp_path)
    pane.aids.ruby.set_style("zhuyin")
    at = pane.view_text().index("银行")
    painted = _settle(qtbot, pane)
    assert (painted[at], painted[at + 1]) == ("ㄧㄣˊ", "ㄏㄤˊ")
    pane.aids.ruby.set_style("pinyin")
    assert _settle(qtbot, pane)[at] == "yín"


def test_only_the_visible_lines_are_read(qtbot, pane: ReaderPane, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lines = "".join(f"第{i}回 话说天下大势,分久必合,合久必分。\n" for i in range(3000))
    _open(pane, tmp_path, lines, "long.txt")
    pane.aids.ruby.set_style("pinyin")
    painted = _settle(qtbot, pane)
    text = pane.view_text()
    assert painted and max(painted) < 2000  # the first screen
    ruby = pane.aids.ruby
    far = text.index("第2500回")
    assert ruby.reading_at(far) is None  # never read
    pane.go_to_canonical(pane.to_canonical(far))
    painted = _settle(qtbot, pane)
    assert min(painted) >= far - 2000
    assert ruby.reading_at(far) == "dì"
    first, last = min(painted), max(painted)
    visible = {i for i in _han(text[first : last + 1])}
    assert {p - first for p in painted} == visible


def test_the_text_keeps_its_glyph_size_and_loses_the_format(  # type: ignore[no-untyped-def]
    qtbot, pane: ReaderPane, tmp_path: Path
) -> None:
    _open(pane, tmp_path)
    plain_height = _line_height(pane)
    ruby = pane.aids.ruby
    ruby.set_style("pinyin")
    cursor = QTextCursor(pane.text.document())
    cursor.setPosition(2)
    fmt = cursor.charFormat()
    assert fmt.verticalAlignment() == SUPER and fmt.superScriptBaseline() == 0
    body = round(pane.text.font().pointSizeF())
    assert int(fmt.fontPointSize()) * 2 // 3 == body  # Qt draws superscript at 2/3
    ruby.set_style("none")
    assert _line_height(pane) == plain_height
    block = pane.text.document().begin()
    while block.isValid():
        assert block.charFormat().verticalAlignment() != SUPER
        it = block.begin()
        while not it.atEnd():
            assert it.fragment().charFormat().verticalAlignment() != SUPER
            it += 1
        block = block.next()
    assert ruby.painted == [] or not ruby.shown


def test_a_big_text_is_loaded_again_with_the_room(  # type: ignore[no-untyped-def]
    qtbot, pane: ReaderPane, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ruby_module, "MERGE_LIMIT", 100)  # every text counts as big
    lines = "".join(f"第{i}回 话说天下大势。\n" for i in range(400))
    _open(pane, tmp_path, lines, "long.txt")
    pane.go_to_canonical(lines.index("第200回"))
    place = pane.current_canonical()
    plain_height = _line_height(pane)
    pane.aids.ruby.set_style("pinyin")
    painted = _settle(qtbot, pane)
    assert pane.current_canonical() == place  # loaded again at the same place
    assert _line_height(pane) > 1.3 * plain_height
    assert pane.view_text().index("第200回") in painted


def test_pieces_loaded_before_and_after_take_the_room(  # type: ignore[no-untyped-def]
    qtbot, pane: ReaderPane, tmp_path: Path
) -> None:
    lines = "".join(
        f"第{i}回 话说天下大势,分久必合,合久必分。周末七国分争。\n" for i in range(12000)
    )
    pane.aids.ruby.set_style("pinyin")
    path = tmp_path / "novel.txt"
    path.write_text(lines, "utf-8")
    assert pane.library is not None
    result = pane.library.add_file(path)
    assert result.id, result.error
    record, text = pane.library.get(result.id), pane.library.text(result.id)
    pane.show_document(record, text)
    pane.go_to_canonical(text.index("第6000回"))  # loaded from the middle: pieces both ways
    _settle(qtbot, pane)
    assert len(pane.pieces()) > 2
    block = pane.text.document().begin()
    while block.isValid():
        assert block.charFormat().verticalAlignment() == SUPER, block.blockNumber()
        if block.length() > 1:
            cursor = QTextCursor(block)
            cursor.setPosition(block.position() + 1)
            assert cursor.charFormat().verticalAlignment() == SUPER, block.blockNumber()
        block = block.next()


# --------------------------------------------------------------- views, hints
def test_traditional_and_taiwan_views_read_through_the_folded_form(  # type: ignore[no-untyped-def]
    qtbot, pane: ReaderPane, tmp_path: Path
) -> None:
    _open(pane, tmp_path, "他說著就走了。我去銀行。\n")
    pane.aids.ruby.set_style("pinyin")
    pane.set_options(script="traditional")
    text = pane.view_text()
    painted = _settle(qtbot, pane)
    assert painted[text.index("銀")] == "yín"
    assert painted[text.index("著")] == "zhù"  # the general standard's 著
    pane.set_options(script="taiwan")
    text = pane.view_text()
    assert _settle(qtbot, pane)[text.index("著")] == "zhe"  # Taiwan's particle


def test_document_hints_keep_their_behaviour(qtbot, pane: ReaderPane, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _open(pane, tmp_path, "他在银行(hàng)工作。\n")
    pane.aids.ruby.set_style("pinyin")
    pane.set_options(clean=True, pinyin="ruby")  # pinyin hints "On hover"
    text = pane.view_text()
    assert "(hàng)" not in text  # the clean view still drops the flattened pinyin
    assert _settle(qtbot, pane)[text.index("行")] == "hàng"  # the document's own hint
    pane.set_options(pinyin="hide")
    assert _settle(qtbot, pane)[pane.view_text().index("行")] == "háng"
    pane.set_options(clean=False)
    text = pane.view_text()
    assert "银行(hàng)" in text  # the raw view shows it as written
    assert _settle(qtbot, pane)[text.index("行")] == "háng"


# ----------------------------------------------------------- choice, copying
def test_the_popover_choice_is_remembered(  # type: ignore[no-untyped-def]
    qtbot, pane: ReaderPane, app_settings: AppSettings, tmp_path: Path, library_dir: Path
) -> None:
    _open(pane, tmp_path)
    popover = TypographyPopover(pane, app_settings, pane)
    combo = popover.ruby_combo
    assert combo.currentData() == "none"
    combo.setCurrentIndex(combo.findData("zhuyin"))
    combo.activated.emit(combo.currentIndex())
    assert pane.aids.ruby.style == "zhuyin" and app_settings.ruby == "zhuyin"
    assert pane.aids.ruby_actions["zhuyin"].isChecked()
    pane.aids.ruby_actions["pinyin"].trigger()  # the menu's choice shows in the popover
    assert combo.currentData() == "pinyin"
    again = ReaderPane(settings=app_settings, library=Library.open(library_dir))
    qtbot.addWidget(again)
    assert again.aids.ruby.style == "pinyin"


def test_settings_keep_a_known_style(app_settings: AppSettings) -> None:
    assert app_settings.ruby == "none"
    app_settings.qsettings.setValue("reader/ruby", "<b>bold</b>")
    assert app_settings.ruby == "none"
    app_settings.ruby = "zhuyin"
    assert app_settings.ruby == "zhuyin"
    with pytest.raises(ValueError):
        app_settings.ruby = "jyutping"


def test_copy_gives_plain_text(qtbot, pane: ReaderPane, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _open(pane, tmp_path)
    pane.aids.ruby.set_style("pinyin")
    at = pane.view_text().index("银行")
    pane.select_view_range(at, at + 4)
    pane.copy()
    data = QApplication.clipboard().mimeData()
    assert data.formats() == ["text/plain"]  # no superscript or font size in HTML
    assert data.text() == "银行工作"


# ---------------------------------------------------------------- corrections
def test_a_correction_is_saved_and_applied_everywhere(  # type: ignore[no-untyped-def]
    qtbot, pane: ReaderPane, tmp_path: Path
) -> None:
    _open(pane, tmp_path)
    aids = pane.aids
    aids.ruby.set_style("pinyin")
    _settle(qtbot, pane)
    asked: list[tuple[str, list[str]]] = []

    def answer(_parent: object, word: str, readings: list[str]) -> list[str]:
        asked.append((word, readings))
        return ["yin2", "xing2"]

    aids.ask_readings = answer
    text = pane.view_text()
    first, second = text.index("银行"), text.rindex("银行")
    with qtbot.waitSignal(pane.statusMessage, timeout=10_000) as said:
        aids.correct_reading(first + 1)  # the word holding the 行 pointed at
    assert asked == [("银行", ["yín", "háng"])]
    assert said.args == ["Reading of “银行” saved: yín xíng"]
    assert pane.library is not None
    saved = read_corrections(pane.library.root)
    assert [(c.word, c.readings) for c in saved] == [("银行", ("yin2", "xing2"))]
    painted = _settle(qtbot, pane)
    assert painted[first + 1] == painted[second + 1] == "xíng"
    pane.set_options(script="traditional")  # stored folded: the 繁體 view reads it too
    assert _settle(qtbot, pane)[pane.view_text().index("銀行") + 1] == "xíng"


def test_correct_reading_dialog_checks_each_syllable(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = CorrectReadingDialog("银行", ["yín", "háng"])
    qtbot.addWidget(dialog)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save.isEnabled()
    assert [c.text() for c in dialog.checks] == ["ㄧㄣˊ", "ㄏㄤˊ"]
    dialog.edits[1].setText("xx")
    assert not save.isEnabled()
    assert dialog.problem.text() == "“xx” is not a pinyin syllable."
    dialog.edits[1].setText("xing2")
    assert save.isEnabled() and dialog.checks[1].text() == "ㄒㄧㄥˊ"
    assert dialog.readings() == ["yin2", "xing2"]


def test_a_correction_that_cannot_be_saved_says_why(  # type: ignore[no-untyped-def]
    qtbot, pane: ReaderPane, tmp_path: Path
) -> None:
    _open(pane, tmp_path)
    assert pane.library is not None
    (pane.library.root / "readings.json").mkdir()  # no file can be written there
    aids = pane.aids
    aids.sources.want_reader()
    qtbot.waitUntil(lambda: aids.sources.reader() is not None, timeout=30_000)
    aids.ask_readings = lambda _parent, _word, _readings: ["yin2", "xing2"]
    with qtbot.waitSignal(pane.statusMessage, timeout=10_000) as said:
        aids.correct_reading(pane.view_text().index("银行") + 1)
    message = said.args[0]
    assert message.startswith("The reading of “银行” was not saved:")
    assert "readings.json" in message


def test_a_newer_readings_file_is_reported_and_the_readings_still_come(  # type: ignore[no-untyped-def]
    qtbot, pane: ReaderPane, tmp_path: Path
) -> None:
    """The error for a readings.json from a newer Tongwen was not one the reading aids
    caught, so the readings never loaded; now it is reported, naming the file."""
    _open(pane, tmp_path)
    assert pane.library is not None
    path = pane.library.root / "readings.json"
    newer = '{"format": "tongwen-readings", "version": 99, "corrections": []}'
    path.write_text(newer, "utf-8")
    with qtbot.waitSignal(pane.statusMessage, timeout=30_000) as said:
        pane.aids.sources.want_reader()
    assert said.args[0].startswith("The reading corrections cannot be read:")
    assert "readings.json" in said.args[0]
    qtbot.waitUntil(lambda: pane.aids.sources.reader() is not None, timeout=30_000)
    assert path.read_text("utf-8") == newer  # left as it is
