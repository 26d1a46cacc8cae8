"""The import summary ends lines where a reader expects: never inside an English word."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from desktop.core.library import Library
from desktop.ui.common.dialogs import import_summary, wrap_lines
from desktop.ui.common.i18n import install_language

LONG_NAME = (
    "an_extremely_long_file_name_for_a_novel_downloaded_from_a_forum_thread_with_every_"
    "chapter_in_one_piece_and_the_commentary_added_by_the_uploader.epub"
)
CJK_NAME = "三國演義_第一部分_毛宗崗評本_全文校對版本_附錄金聖嘆批語與李卓吾評點合刊本.txt"
SHORT_NAMES = ("empty file.txt", "论文.pdf", "notes about the translation of the classics.pdf")
_LETTERS_AT_END = re.compile(r"[A-Za-z]+$")
_LETTERS_AT_START = re.compile(r"[A-Za-z]+")


def _results(library: Library, folder: Path) -> list:  # type: ignore[type-arg]
    folder.mkdir()
    (folder / LONG_NAME).write_bytes(b"PK\x03\x04broken")
    (folder / CJK_NAME).write_bytes(b"\x00\x01\x02" * 100)
    (folder / SHORT_NAMES[0]).write_bytes(b"")
    (folder / SHORT_NAMES[1]).write_bytes(b"%PDF-1.4")
    (folder / SHORT_NAMES[2]).write_bytes(b"%PDF-1.4")
    return library.add_paths([folder])


def _informative(box: QMessageBox) -> QLabel:
    label = box.findChild(QLabel, "qt_msgbox_informativelabel")
    assert isinstance(label, QLabel)
    return label


@pytest.mark.parametrize("language", ["en", "zh_CN", "zh_TW"])
def test_no_line_ends_inside_a_word(  # type: ignore[no-untyped-def]
    qtbot, qapp, language: str, library_dir: Path, tmp_path: Path
) -> None:
    install_language(language, qapp)
    try:
        results = _results(Library.open(library_dir), tmp_path / "incoming")
        parent = QWidget()
        qtbot.addWidget(parent)
        box = import_summary(parent, results)
        box.show()
        QApplication.processEvents()
        label = _informative(box)
        metrics = label.fontMetrics()
        room = label.contentsRect().width()
        lines = label.text().split("\n")
        # every line fits, so Qt wraps none of them again (in no wrap mode at all)
        for line in lines:
            assert metrics.horizontalAdvance(line) <= room, (line, room)
        unwrapped = box.detailedText()  # the same sentences, one line each
        for first, second in itertools.pairwise(lines):
            tail = _LETTERS_AT_END.search(first)
            head = _LETTERS_AT_START.match(second.lstrip())
            if tail and head:  # letters on both sides: was there a space between?
                assert f"{tail[0]} {head[0]}" in unwrapped, (first, second)
        shown = label.text()
        for name in SHORT_NAMES:  # names that fit on a line stay whole
            assert name in shown
        joined = re.sub(r"\n\s*", "", shown)
        assert LONG_NAME in joined and CJK_NAME in joined  # cut, nothing lost
        assert LONG_NAME in box.detailedText() and CJK_NAME in box.detailedText()
        box.close()
    finally:
        install_language("en", qapp)


def test_wrap_lines_rules() -> None:
    def fits(line: str) -> bool:
        return len(line) <= 20

    assert wrap_lines("one two three four five six seven", fits) == [
        "one two three four",
        "five six seven",
    ]
    # Chinese breaks between characters, never before a full stop or comma
    lines = wrap_lines("同文是一个阅读中文文档的桌面程序，它保存你的批注。", fits)
    assert all(fits(line) for line in lines)
    assert not any(line.startswith(("，", "。")) for line in lines[1:])
    # a long path is cut after its folder separators
    path = "“/home/reader/novels/collected/三國演義.txt”"
    assert wrap_lines(path, fits) == ["“/home/reader/", "novels/collected/", "三國演義.txt”"]
    # a quoted name that fits on a line is never cut
    lines = wrap_lines("已跳过“论文 草稿.pdf”：同文不导入这种类型的文件。", fits)
    assert any("“论文 草稿.pdf”" in line for line in lines)
