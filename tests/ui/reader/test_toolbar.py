"""The reader toolbar: the script segments, the "Aa" popover and the regional standard.

Issue 14: the script is shown as a segmented control (原文 · 简 · 繁 · 臺 · 港), the
typography controls live in one popover, and the 简体 view of Traditional text says
which regional standard it converts from, with a per-document override.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QFont, QFontInfo, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QMenu,
    QMessageBox,
    QToolBar,
    QToolButton,
)

from desktop.core.library import Library
from desktop.core.views import SCRIPTS
from desktop.ui.app.main_window import MainWindow
from desktop.ui.common.app_settings import AppSettings
from desktop.ui.reader.region_button import region_name
from desktop.ui.reader.toolbar import script_label

#: Taiwan-standard text (著 as the particle, 裡): tw2s writes 说着, t2s keeps 说著.
TAIWAN_TEXT = "他說著就走了。這裡的人們都看著他。\n" * 3
#: One 說著 is too little evidence: detected as general Traditional (t2s keeps 著).
FEW_CLUES_TEXT = "他說著就走了，頭也不回。\n"


def _open(window: MainWindow, title_start: str) -> str:
    doc = next(d for d in window.library.documents() if d.title.startswith(title_start))
    window.open_document(doc.id)
    return doc.id


def _import_and_open(window: MainWindow, path: Path, text: str) -> str:
    path.write_text(text, "utf-8")
    result = window.library.add_file(path)
    assert result.id, result.error
    window.open_document(result.id)
    return result.id


def _checked_scripts(window: MainWindow) -> list[str]:
    buttons = window.reader_toolbar.script_buttons
    return [script for script, button in buttons.items() if button.isChecked()]


# ------------------------------------------------------------------ script segments
def test_each_segment_switches_the_view(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _open(main_window, "健全社會工作")
    toolbar, reader = main_window.reader_toolbar, main_window.reader
    assert list(toolbar.script_buttons) == list(SCRIPTS)
    for script in ("simplified", "hongkong", "traditional", "taiwan", "original", "simplified"):
        qtbot.mouseClick(toolbar.script_buttons[script], Qt.MouseButton.LeftButton)
        assert reader.options.script == script
        assert _checked_scripts(main_window) == [script]
    assert "社会工作" in reader.text.toPlainText()


def test_clicking_the_checked_segment_keeps_it_checked(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _open(main_window, "健全社會工作")
    button = main_window.reader_toolbar.script_buttons["original"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.isChecked() and main_window.reader.options.script == "original"


def test_ctrl_number_keeps_the_segments_in_sync(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _open(main_window, "健全社會工作")
    main_window.activateWindow()
    main_window.reader.text.setFocus()
    keys = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5]
    for key, script in [*zip(keys, SCRIPTS), (Qt.Key.Key_2, "simplified")]:
        qtbot.keyClick(main_window.reader.text, key, Qt.KeyboardModifier.ControlModifier)
        assert main_window.reader.options.script == script
        assert _checked_scripts(main_window) == [script]


def test_segments_follow_the_document_opened(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    first = _open(main_window, "健全社會工作")
    main_window.reader_toolbar.choose_script("taiwan")
    _open(main_window, "党建引领")
    assert _checked_scripts(main_window) == ["original"]
    main_window.open_document(first)
    assert _checked_scripts(main_window) == ["taiwan"]


def test_segments_name_the_scripts_in_full(main_window: MainWindow) -> None:
    for script, button in main_window.reader_toolbar.script_buttons.items():
        assert button.text() and len(button.text()) <= 2
        assert script_label(script) in button.toolTip()
        assert button.accessibleName() == script_label(script)


def test_set_as_default_is_in_the_view_menu_and_the_segments_menu(
    qtbot, main_window: MainWindow, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    _open(main_window, "健全社會工作")
    toolbar = main_window.reader_toolbar
    toolbar.choose_script("hongkong")
    assert toolbar.default_action in toolbar.script_segments.actions()  # its context menu
    first = main_window.menus.actions_by_name["script-original"]
    script_menu = next(m for m in main_window.findChildren(QMenu) if first in m.actions())
    assert toolbar.default_action in script_menu.actions()  # View ▸ Script
    toolbar.default_action.trigger()
    assert AppSettings(settings).default_script == "hongkong"


# ---------------------------------------------------------------------- "Aa" popover
@pytest.fixture
def popover(qtbot, main_window: MainWindow) -> Iterator[QToolBar]:  # type: ignore[no-untyped-def]
    _open(main_window, "健全社會工作")
    toolbar = main_window.reader_toolbar
    qtbot.mouseClick(toolbar.typography_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(toolbar.popover.isVisible)
    yield toolbar
    toolbar.popover.close()


def test_popover_size_changes_the_drawn_size(qtbot, popover, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    reader = main_window.reader
    chosen = int(reader.text.font().pointSizeF()) + 7
    popover.size_spin.setValue(chosen)
    want = QFontInfo(QFont(reader.text.font().family(), chosen)).pixelSize()
    assert QFontInfo(reader.text.font()).pixelSize() == want
    assert QFontInfo(reader.text.document().defaultFont()).pixelSize() == want
    assert main_window.app_settings.font_size == chosen


def test_popover_theme_recolours_the_page(qtbot, popover, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    combo = popover.theme_combo
    for name in ("dark", "sepia", "light"):
        combo.setCurrentIndex(combo.findData(name))
        combo.activated.emit(combo.currentIndex())
        reader = main_window.reader
        assert reader.theme.name == name and main_window.app_settings.theme == name
        page = reader.text.viewport().palette().color(reader.text.viewport().backgroundRole())
        assert page.name() == reader.theme.page.lower()


def test_popover_font_spacing_and_width(qtbot, popover, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    s = main_window.app_settings
    popover.spacing_spin.setValue(200)
    popover.width_spin.setValue(30)
    assert (s.line_spacing, s.page_width) == (200, 30)
    combo = popover.font_combo
    other = next(
        i
        for i in range(combo.count())
        if combo.itemText(i) != main_window.reader.text.font().family()
    )
    combo.setCurrentIndex(other)
    combo.activated.emit(other)
    assert main_window.reader.text.font().family() == combo.itemText(other)


def test_popover_is_reachable_by_keyboard_and_esc_closes_it(qtbot, popover) -> None:  # type: ignore[no-untyped-def]
    pop = popover.popover
    assert QApplication.focusWidget() is not None and pop.isAncestorOf(QApplication.focusWidget())
    order = [pop.font_combo, pop.size_spin, pop.spacing_spin, pop.width_spin, pop.theme_combo]
    order.append(pop.pinyin_combo)
    seen = []
    for _ in range(12):
        focus = QApplication.focusWidget()
        owner = next((w for w in order if w is focus or w.isAncestorOf(focus)), None)
        if owner is not None and (not seen or seen[-1] is not owner):
            seen.append(owner)
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    assert seen[: len(order)] == order
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not pop.isVisible()


def test_zoom_shows_in_the_popover(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _open(main_window, "健全社會工作")
    size = main_window.reader_toolbar.size_spin.value()
    main_window.reader.zoom_in()
    assert main_window.reader_toolbar.popover.size_spin.value() == size + 1


# -------------------------------------------------------------- regional standard
def test_region_button_shows_only_where_it_matters(
    qtbot, main_window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    toolbar = main_window.reader_toolbar
    _import_and_open(main_window, tmp_path / "臺灣.txt", TAIWAN_TEXT)
    toolbar.choose_script("simplified")
    assert toolbar.region_action.isVisible()
    qtbot.waitUntil(lambda: not toolbar.region_button.isHidden())  # laid out in the bar
    assert toolbar.region_button.text() == region_name("taiwan")
    assert "说着" in main_window.reader.text.toPlainText()
    for script in ("original", "traditional", "taiwan", "hongkong"):
        toolbar.choose_script(script)
        assert not toolbar.region_action.isVisible(), script
    qtbot.waitUntil(toolbar.region_button.isHidden)
    _open(main_window, "党建引领")  # Simplified: nothing to choose
    toolbar.choose_script("simplified")
    assert not toolbar.region_action.isVisible()


def test_region_override_is_stored_and_changes_the_view(
    qtbot, main_window: MainWindow, tmp_path: Path, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    toolbar, reader = main_window.reader_toolbar, main_window.reader
    doc_id = _import_and_open(main_window, tmp_path / "臺灣.txt", TAIWAN_TEXT)
    toolbar.choose_script("simplified")
    reader.go_to_canonical(TAIWAN_TEXT.index("這裡", 20))
    kept = reader.current_canonical()
    toolbar.region_actions["general"].trigger()
    assert reader.options.region == "general"
    assert "说著" in reader.text.toPlainText() and "说着" not in reader.text.toPlainText()
    assert reader.current_canonical() == kept
    assert toolbar.region_button.text() == region_name("general")
    assert toolbar.region_actions["general"].isChecked()
    meta = json.loads((main_window.library.doc_dir(doc_id) / "meta.json").read_text("utf-8"))
    assert meta["user"]["region"] == "general"
    auto = toolbar.region_actions[None]
    assert region_name("taiwan") in auto.text()  # "Automatic (detected: 臺灣用字)"
    auto.trigger()
    assert reader.options.region is None and "说着" in reader.text.toPlainText()


def test_region_override_survives_reopening(
    qtbot, main_window: MainWindow, tmp_path: Path, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    doc_id = _import_and_open(main_window, tmp_path / "少.txt", FEW_CLUES_TEXT)
    toolbar = main_window.reader_toolbar
    toolbar.choose_script("simplified")
    assert "说著" in main_window.reader.text.toPlainText()  # detected: general
    toolbar.region_actions["taiwan"].trigger()
    assert "说着" in main_window.reader.text.toPlainText()
    _open(main_window, "党建引领")
    main_window.open_document(doc_id)
    assert main_window.reader.options.region == "taiwan"
    main_window.close()
    again = MainWindow(Library.open(main_window.library.root), settings)
    qtbot.addWidget(again)
    again.show()
    again.open_document(doc_id)
    try:
        assert again.reader.options.region == "taiwan"
        assert "说着" in again.reader.text.toPlainText()
        assert again.reader_toolbar.region_actions["taiwan"].isChecked()
    finally:
        again.close()


def test_region_not_saved_says_so_and_changes_nothing(
    qtbot, main_window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """meta.json gone (a sync tool removed it meanwhile): a message naming it, view as it was."""
    doc_id = _import_and_open(main_window, tmp_path / "臺灣.txt", TAIWAN_TEXT)
    toolbar = main_window.reader_toolbar
    toolbar.choose_script("simplified")
    folder = main_window.library.doc_dir(doc_id)
    for name in ("meta.json", "meta.json.bak"):
        (folder / name).unlink(missing_ok=True)
    toolbar.region_actions["general"].trigger()
    assert main_window.reader.options.region is None
    assert "说着" in main_window.reader.text.toPlainText()
    assert toolbar.region_actions[None].isChecked()
    boxes = [b for b in main_window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "meta.json" in boxes[-1].text() + boxes[-1].informativeText()
    for box in boxes:
        box.close()


def _button_colour(button: QAbstractButton) -> str:
    return button.palette().color(QPalette.ColorRole.Button).name()


def test_checked_segment_and_clean_stand_out_in_any_palette(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Fusion's checked shade could not be told from the others under the dark theme."""
    _open(main_window, "健全社會工作")
    toolbar = main_window.reader_toolbar
    toolbar.choose_script("traditional")
    old = QApplication.palette()
    dark = QPalette(old)
    dark.setColor(QPalette.ColorRole.Button, QColor("#3a3a3a"))
    dark.setColor(QPalette.ColorRole.Highlight, QColor("#4f6f96"))
    QApplication.setPalette(dark)
    try:
        qtbot.waitUntil(lambda: _button_colour(toolbar.script_buttons["traditional"]) == "#4f6f96")
        assert _button_colour(toolbar.script_buttons["simplified"]) == "#3a3a3a"
        assert toolbar.clean_action.isChecked()
        assert _button_colour(toolbar.clean_button) == "#4f6f96"
        toolbar.clean_action.setChecked(False)
        assert _button_colour(toolbar.clean_button) == "#3a3a3a"
        qtbot.mouseClick(toolbar.script_buttons["hongkong"], Qt.MouseButton.LeftButton)
        assert _button_colour(toolbar.script_buttons["hongkong"]) == "#4f6f96"
        assert _button_colour(toolbar.script_buttons["traditional"]) == "#3a3a3a"
    finally:
        QApplication.setPalette(old)


def test_toolbar_fits_1280_pixels_without_an_overflow_menu(
    qtbot, main_window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _import_and_open(main_window, tmp_path / "臺灣.txt", TAIWAN_TEXT)
    toolbar = main_window.reader_toolbar
    toolbar.choose_script("simplified")  # every control shown, the region button too
    main_window.resize(1280, 800)
    qtbot.waitUntil(lambda: not toolbar.region_button.isHidden())
    extension = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert extension is not None and not extension.isVisible()
    assert toolbar.sizeHint().width() < 1280 // 2  # room to spare for longer translations
