"""End-to-end flows on the real main window with a temporary seeded library."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from desktop.core.library import Library
from desktop.ui.app.main_window import MainWindow
from desktop.ui.library.columns import ID_ROLE


def _row_titles(window: MainWindow) -> list[str]:
    proxy = window.library_pane.proxy
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def test_five_seed_rows_and_open_one(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    titles = _row_titles(main_window)
    assert len(titles) == 5
    assert "党建引领 打造和谐昆山“共同体”" in titles
    assert "健全社會工作體制機制,立體推進城鄉基層治理工作" in titles
    assert "5" in main_window.status_label.text()
    proxy = main_window.library_pane.proxy
    row = titles.index("党建引领 打造和谐昆山“共同体”")
    main_window.library_pane.table.doubleClicked.emit(proxy.index(row, 0))
    assert main_window.reader.title_label.text() == "党建引领 打造和谐昆山“共同体”"
    assert "昆山社会工作研讨活动" in main_window.reader.text.toPlainText()
    assert "苏州新闻网" in main_window.reader.meta_label.text()


def test_sort_and_filter_across_scripts(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    pane = main_window.library_pane
    pane.filter_box.setText("社会工作")  # Simplified query, Traditional title
    titles = _row_titles(main_window)
    assert "健全社會工作體制機制,立體推進城鄉基層治理工作" in titles
    pane.filter_box.setText("苏州新闻网")
    assert _row_titles(main_window) == ["党建引领 打造和谐昆山“共同体”"]
    pane.filter_box.clear()
    pane.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    ascending = _row_titles(main_window)
    pane.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert _row_titles(main_window) == list(reversed(ascending))


def test_import_in_background_with_summary(qtbot, main_window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "新書.txt"
    good.write_text("第一回 宴桃園豪傑三結義\n話說天下大勢,分久必合,合久必分。", "utf-8")
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7")
    task = main_window.import_paths([good, bad])
    assert task is not None
    qtbot.waitUntil(lambda: main_window._import_task is None, timeout=10_000)
    assert len(_row_titles(main_window)) == 6
    box = main_window._summary_box
    assert isinstance(box, QMessageBox)
    assert "bad.pdf" in box.detailedText() and "PDF" in box.detailedText()
    box.close()


def test_remove_updates_the_list(qtbot, main_window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    proxy = main_window.library_pane.proxy
    doc_id = proxy.index(0, 0).data(ID_ROLE)
    main_window.remove_documents([doc_id])
    assert len(_row_titles(main_window)) == 4
    assert main_window.library.trash()


def test_geometry_is_remembered(qtbot, seeded_library: Library, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    first = MainWindow(seeded_library, settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)
    first.splitter.setSizes([250, 450])
    wanted = first.splitter.sizes()
    first.close()
    second = MainWindow(seeded_library, settings)
    qtbot.addWidget(second)
    second.show()
    assert second.size().width() == 700
    assert second.splitter.sizes() == wanted
    second.close()
