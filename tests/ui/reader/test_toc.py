"""The contents panel: chapters from the record, jumps, following the position."""

from __future__ import annotations

from pathlib import Path

from desktop.ui.app.main_window import MainWindow
from desktop.ui.reader.toc_panel import OFFSET_ROLE

_NUMBERS = "一二三四五六七八九十"


def _book(path: Path) -> Path:
    parts = []
    for n in _NUMBERS:
        parts.append(f"第{n}回 宴桃園豪傑三結義\n\n")
        parts.append("話說天下大勢,分久必合,合久必分。\n" * 80)
    path.write_text("".join(parts), "utf-8")
    return path


def _open_book(main_window: MainWindow, tmp_path: Path) -> str:
    result = main_window.library.add_file(_book(tmp_path / "演義.txt"))
    assert result.id, result.error
    main_window.open_document(result.id)
    return result.id


def test_toc_lists_chapters_and_jumps(qtbot, main_window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc_id = _open_book(main_window, tmp_path)
    chapters = main_window.library.get(doc_id).chapters
    assert len(chapters) == 10
    toc = main_window.toc
    assert toc.list.count() == 10
    assert main_window.toc_dock.isVisible()
    item = toc.list.item(6)
    toc.list.itemClicked.emit(item)
    reader = main_window.reader
    assert reader.current_canonical() == chapters[6][0] == item.data(OFFSET_ROLE)
    assert reader.view_text()[reader.to_view(chapters[6][0]) :].startswith("第七回")


def test_toc_follows_scrolling_and_script(qtbot, main_window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc_id = _open_book(main_window, tmp_path)
    chapters = main_window.library.get(doc_id).chapters
    reader, toc = main_window.reader, main_window.toc
    reader.go_to_canonical(chapters[3][0] + 200)
    qtbot.waitUntil(lambda: toc.list.currentRow() == 3)
    main_window.reader_toolbar.choose_script("simplified")
    assert toc.list.item(0).text().startswith("第一回 宴桃园豪杰三结义")
    assert toc.list.currentRow() == 3
    toc.list.itemClicked.emit(toc.list.item(9))
    assert reader.current_canonical() == chapters[9][0]
