"""The status line under the text: chapter, percentage read, a slider to jump anywhere."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.core.library import DocRecord
from desktop.ui.app.main_window import MainWindow
from desktop.ui.library.columns import COLUMNS, ID_ROLE
from desktop.ui.reader.status_line import chapter_at

_NUMBERS = "一二三四五六七八九十"


def _book(path: Path, title: str = "宴桃園豪傑三結義") -> Path:
    parts = []
    for n in _NUMBERS:
        parts.append(f"第{n}回 {title}\n\n")
        parts.append("話說天下大勢,分久必合,合久必分。\n" * 80)
    path.write_text("".join(parts), "utf-8")
    return path


def _open_book(window: MainWindow, path: Path) -> DocRecord:
    """Import and open a book, and let the window settle as it does before a person acts
    (the contents panel appears, the page rewraps and is put back at its place)."""
    result = window.library.add_file(path)
    assert result.id, result.error
    window.open_document(result.id)
    for _ in range(3):
        QApplication.processEvents()
    return window.library.get(result.id)


def _percent(offset: int, total: int) -> str:
    return f"{round(offset / total * 100)}%"


def test_percentage_and_chapter_follow_a_jump(
    qtbot: QtBot, main_window: MainWindow, tmp_path: Path
) -> None:
    record = _open_book(main_window, _book(tmp_path / "演義.txt"))
    line, reader = main_window.status_line, main_window.reader
    assert line.isVisible()
    target = record.chapters[6][0] + 300
    reader.go_to_canonical(target)
    assert reader.current_canonical() == target
    assert line.percent_text() == _percent(target, len(reader.canonical)) == "62%"
    assert line.chapter_text() == "第七回 宴桃園豪傑三結義"
    main_window.reader_toolbar.choose_script("simplified")
    qtbot.waitUntil(lambda: line.chapter_text() == "第七回 宴桃园豪杰三结义")
    assert line.percent_text() == "62%"


def test_status_line_follows_scrolling_by_hand(
    qtbot: QtBot, main_window: MainWindow, tmp_path: Path
) -> None:
    _open_book(main_window, _book(tmp_path / "演義.txt"))
    line, reader = main_window.status_line, main_window.reader
    assert line.percent_text() == "0%"
    for _ in range(40):
        reader.page(+1)
    qtbot.waitUntil(lambda: line.percent_text() != "0%")
    here = reader.current_canonical()
    assert line.percent_text() == _percent(here, len(reader.canonical))
    assert line.slider.value() == here


def test_slider_drag_previews_then_lands_at_the_chapter(
    qtbot: QtBot, main_window: MainWindow, tmp_path: Path
) -> None:
    record = _open_book(main_window, _book(tmp_path / "演義.txt"))
    line, reader = main_window.status_line, main_window.reader
    target = record.chapters[8][0]
    line.slider.setSliderDown(True)  # the user holds the handle and drags it
    line.slider.setSliderPosition(target)
    assert line.chapter_text() == "第九回 宴桃園豪傑三結義"
    assert line.percent_text() == _percent(target, len(reader.canonical))
    assert reader.current_canonical() == 0  # a preview: no jump while held
    line.slider.setSliderDown(False)  # released
    assert reader.current_canonical() == target
    assert reader.view_text()[reader.to_view(target) :].startswith("第九回")
    qtbot.waitUntil(lambda: main_window.toc.list.currentRow() == 8)
    assert line.chapter_text() == "第九回 宴桃園豪傑三結義"


def test_slider_keys_jump_too(qtbot: QtBot, main_window: MainWindow, tmp_path: Path) -> None:
    _open_book(main_window, _book(tmp_path / "演義.txt"))
    line, reader = main_window.status_line, main_window.reader
    line.slider.setFocus()
    qtbot.keyClick(line.slider, Qt.Key.Key_Right)
    assert line.slider.value() == line.slider.singleStep() > 0
    assert reader.current_canonical() > 0
    assert line.percent_text() == _percent(reader.current_canonical(), len(reader.canonical))


def test_library_progress_equals_the_status_line(
    qtbot: QtBot, main_window: MainWindow, tmp_path: Path
) -> None:
    """The same figure after the document is closed, for places that round either way;
    the place is saved even when another document opens at once after the jump (it was
    recorded 250 ms later, by then for the other document: the column stayed empty)."""
    record = _open_book(main_window, _book(tmp_path / "演義.txt"))
    other = _open_book(main_window, _book(tmp_path / "二.txt", "另一本書"))
    model = main_window.library_pane.model
    column = [key for key, _ in COLUMNS].index("progress")
    total = record.chars
    for offset in (total * 37 // 100 + 7, total * 2 // 3, total - 5):
        main_window.open_document(record.id)
        main_window.reader.go_to_canonical(offset)
        shown = main_window.status_line.percent_text()
        main_window.open_document(other.id)  # closing saves the position
        row = next(
            r for r in range(model.rowCount()) if model.index(r, 0).data(ID_ROLE) == record.id
        )
        qtbot.waitUntil(lambda row=row, shown=shown: model.index(row, column).data() == shown)


def test_hidden_without_a_document_and_titles_stay_text(
    qtbot: QtBot, main_window: MainWindow, tmp_path: Path
) -> None:
    line = main_window.status_line
    assert line.isHidden()  # nothing open
    record = _open_book(main_window, _book(tmp_path / "x.txt", "<b>粗</b> & {title} %s"))
    main_window.reader.go_to_canonical(record.chapters[1][0])
    assert line.chapter_text() == "第二回 <b>粗</b> & {title} %s"
    assert line.chapter_label.textFormat() == Qt.TextFormat.PlainText
    assert line.percent_label.textFormat() == Qt.TextFormat.PlainText
    main_window.library.remove(record.id)
    qtbot.waitUntil(lambda: main_window.reader.doc_id is None)
    assert line.isHidden()


def test_chapter_at() -> None:
    chapters = [(50, "二"), (0, "一"), (90, "三")]
    assert [chapter_at(chapters, o) for o in (0, 49, 50, 89, 90, 10_000)] == [
        "一",
        "一",
        "二",
        "二",
        "三",
        "三",
    ]
    assert chapter_at([(10, "一")], 5) == ""
    assert chapter_at([], 5) == ""
