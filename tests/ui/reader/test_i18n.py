"""The reader side in 简体 and 繁體: no visible English left in any state."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QImage, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu

from desktop.ui.annotations.export_dialog import (
    ExportDialog,
    import_file_dialog,
    import_from_file,
    problem_box,
)
from desktop.ui.annotations.note_dialog import NoteDialog
from desktop.ui.app.main_window import MainWindow
from desktop.ui.common.app_settings import AppSettings
from desktop.ui.reader.themes import THEMES, Theme
from tests.ui import i18n_check
from tests.ui.i18n_check import english_strings

DOC = "健全社會工作"
#: A few translations that show the catalogues are loaded, per language.
KNOWN = {
    "zh_CN": {
        "note": "笔记",
        "find": "在文档中查找",
        "all_kinds": "全部类型",
        "simplified": "简体",
    },
    "zh_TW": {
        "note": "筆記",
        "find": "在文件中尋找",
        "all_kinds": "全部類型",
        "simplified": "簡體",
    },
}


def _header_texts(model: QAbstractItemModel) -> Iterator[str]:
    """As ``i18n_check._header_texts``, but list models (whose ``columnCount`` is
    private in PySide6, so the original raises TypeError) have no header to read."""
    if isinstance(model, QAbstractListModel):
        return
    for section in range(model.columnCount(QModelIndex())):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = model.headerData(section, Qt.Orientation.Horizontal, role)
            if isinstance(value, str):
                yield value


@pytest.fixture(autouse=True)
def _list_models_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n_check, "_header_texts", _header_texts)


@pytest.fixture
def window(chinese_ui: str, main_window: MainWindow) -> Iterator[MainWindow]:
    """The main window built after the Chinese catalogues were installed."""
    doc = next(d for d in main_window.library.documents() if d.title.startswith(DOC))
    main_window.open_document(doc.id)
    yield main_window


def _allowed(window: MainWindow) -> list[str]:
    """The document's own title and the font family names in the font box."""
    reader, fonts = window.reader, window.reader_toolbar.font_combo
    names = [fonts.itemText(i) for i in range(fonts.count())]
    return [reader.title_label.text(), reader.meta_label.text(), *names]


def _select(window: MainWindow, needle: str) -> None:
    reader = window.reader
    at = reader.view_text().index(needle)
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(reader.view_to_qt(at))
    cursor.setPosition(reader.view_to_qt(at + len(needle)), QTextCursor.MoveMode.KeepAnchor)
    reader.text.setTextCursor(cursor)


def test_reader_toolbar_and_find_bar(qtbot, window: MainWindow, chinese_ui: str) -> None:  # type: ignore[no-untyped-def]
    assert window.reader_toolbar.hint_bar.isVisible()  # first document: the hint shows
    window.find_bar.open_bar()
    window.find_bar.edit.setText("社會")
    qtbot.waitUntil(lambda: bool(window.find_bar.matches))
    allowed = _allowed(window)
    assert english_strings(window.reader, allowed) == []
    assert english_strings(window.reader_toolbar, allowed) == []
    known = KNOWN[chinese_ui]
    assert window.find_bar.edit.accessibleName() == known["find"]
    scripts = window.reader_toolbar.script_buttons.values()
    assert known["simplified"] in [button.accessibleName() for button in scripts]
    window.find_bar.edit.setText("沒有這個詞語")
    qtbot.waitUntil(lambda: not window.find_bar._timer.isActive())
    assert english_strings(window.find_bar) == []  # the "no matches" state
    window.reader.clear()
    assert english_strings(window.reader, allowed) == []  # nothing open


def test_context_menu_on_a_selection(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _select(window, "社會工作體制機制")
    layer = window.annotations
    layer.highlight("blue")
    rect = window.reader.text.cursorRect(window.reader.text.textCursor())
    menu = layer.context_menu(rect.center() - QPoint(2, 0))
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert english_strings(menu) == [], texts
    assert any("(&C)" in t or "複製" in t or "复制" in t for t in texts)  # Qt's own, translated
    menu.deleteLater()


def test_toc_annotations_panel_and_note_dialog(
    qtbot, window: MainWindow, chinese_ui: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _select(window, "社會工作體制機制")
    layer = window.annotations
    layer.highlight("green")
    layer.toggle_bookmark()
    panel = window.annotations_panel
    panel.list.setCurrentRow(0)
    allowed = [window.reader.title_label.text()]
    assert english_strings(panel, allowed) == []
    assert english_strings(window.toc) == []
    assert panel.kind_combo.itemText(0) == KNOWN[chinese_ui]["all_kinds"]
    menu = QMenu()
    panel.color_menu.setParent(menu, panel.color_menu.windowFlags())
    assert english_strings(panel.color_menu) == []
    dialog = NoteDialog(window, "社會工作體制機制", "")
    qtbot.addWidget(dialog)
    assert english_strings(dialog) == []
    assert dialog.windowTitle() == KNOWN[chinese_ui]["note"]


def test_export_and_import_dialogs_and_messages(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    export = ExportDialog(window, "simplified")
    qtbot.addWidget(export)
    assert english_strings(export) == []
    export.format_combo.setCurrentIndex(export.format_combo.findData("w3c"))
    assert english_strings(export) == []
    chooser = import_file_dialog(window)
    qtbot.addWidget(chooser)
    chooser.setDirectory(str(tmp_path))
    patterns = [chooser.nameFilters()[0]]  # "… (*.jsonld *.json)": file patterns stay Latin
    assert english_strings(chooser, [str(tmp_path), *patterns]) == []
    bad = tmp_path / "broken.jsonld"
    bad.write_text("{not json", "utf-8")
    store, doc_id = window.annotations.store, window.reader.doc_id
    assert store is not None and doc_id is not None
    with pytest.raises(ValueError) as caught:
        import_from_file(store, doc_id, bad)
    assert "broken.jsonld" in str(caught.value)
    box = problem_box(window, "导入失败", str(caught.value), "请选择其他文件。")
    qtbot.addWidget(box)
    assert english_strings(box) == []


def test_screenshots(qtbot, window: MainWindow, chinese_ui: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Pictures to look at: zh_CN in the light theme, zh_TW in the dark one."""
    theme = "light" if chinese_ui == "zh_CN" else "dark"
    AppSettings(window.settings).theme = theme
    window.reader.apply_typography()
    _select(window, "社會工作體制機制")
    window.annotations.highlight("yellow")
    window.find_bar.open_bar()
    window.find_bar.edit.setText("基層")
    qtbot.waitUntil(lambda: bool(window.find_bar.matches))
    window.resize(1280, 800)
    QApplication.processEvents()
    path = tmp_path / f"reader_{chinese_ui}_{theme}.png"
    assert window.grab().save(str(path))
    _check_reading_surface(QImage(str(path)), window, THEMES[theme])


def _colour_counts(picture: QImage, area: QRect) -> Counter[str]:
    """How many pixels of each ``#rrggbb`` colour ``area`` of ``picture`` holds, counting
    every second pixel of every second row (a sample is enough, and 4x faster)."""
    return Counter(
        picture.pixelColor(x, y).name()
        for y in range(area.top(), area.bottom() + 1, 2)
        for x in range(area.left(), area.right() + 1, 2)
    )


def _check_reading_surface(picture: QImage, window: MainWindow, theme: Theme) -> None:
    """The saved picture shows the page in the theme: its colour fills the reading
    area, with text drawn in the theme's text colour and the current find hit selected
    (a blank, unthemed or unpainted reader passed when only the saving was checked)."""
    viewport = window.reader.text.viewport()
    area = QRect(viewport.mapTo(window, QPoint(0, 0)), viewport.size())
    assert picture.rect().contains(area)
    counts = _colour_counts(picture, area)
    assert counts.most_common(1)[0][0] == theme.page
    assert counts[theme.text] > 200  # glyph strokes in the text colour
    assert counts[theme.selection] > 50  # the current find hit, selected
