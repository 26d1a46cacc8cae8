"""The "no English left in the Chinese interface" check accepts any CJK font's name.

With Droid Sans Fallback as the only Chinese font, the font lists showed its family
name and the check counted "Droid Sans Fallback" as untranslated English.  These tests
load a real font of that name (tests/ui/cjk_font.py) so the lists show it here too.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QByteArray, QSettings, QThreadPool
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QFontComboBox, QLabel, QVBoxLayout, QWidget

from desktop.core.library import Library
from desktop.ui.app.main_window import MainWindow
from desktop.ui.common.app_settings import AppSettings
from desktop.ui.settings.dialog import SettingsDialog
from tests.ui.cjk_font import cjk_font_bytes
from tests.ui.i18n_check import english_strings

FAMILY = "Droid Sans Fallback"


@pytest.fixture
def droid_sans_fallback(qapp) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A Chinese font named Droid Sans Fallback, installed for this test only."""
    font_id = QFontDatabase.addApplicationFontFromData(QByteArray(cjk_font_bytes(FAMILY)))
    assert font_id >= 0
    assert QFontDatabase.applicationFontFamilies(font_id) == [FAMILY]
    yield FAMILY
    QFontDatabase.removeApplicationFont(font_id)


def _font_box() -> QFontComboBox:
    box = QFontComboBox()
    box.setWritingSystem(QFontDatabase.WritingSystem.SimplifiedChinese)
    return box


def test_the_font_counts_as_chinese(droid_sans_fallback: str) -> None:
    box = _font_box()
    assert droid_sans_fallback in [box.itemText(i) for i in range(box.count())]
    box.deleteLater()


def test_a_font_family_name_is_not_english(
    qtbot, chinese_ui: str, droid_sans_fallback: str
) -> None:  # type: ignore[no-untyped-def]
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    box = _font_box()
    box.setCurrentText(droid_sans_fallback)
    layout.addWidget(box)
    layout.addWidget(QLabel(f"字体：{droid_sans_fallback}"))
    assert english_strings(page) == []


def test_english_beside_a_font_name_is_still_found(
    qtbot, chinese_ui: str, droid_sans_fallback: str
) -> None:  # type: ignore[no-untyped-def]
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    layout.addWidget(_font_box())
    layout.addWidget(QLabel(f"Font: {droid_sans_fallback}"))
    layout.addWidget(QLabel("Open the Droid settings"))
    assert english_strings(page) == ["Font: Droid Sans Fallback", "Open the Droid settings"]


def test_main_window_in_chinese_with_droid_sans_fallback(
    qtbot,
    seeded_library: Library,
    settings: QSettings,
    chinese_ui: str,
    droid_sans_fallback: str,
) -> None:  # type: ignore[no-untyped-def]
    """As test_menus_in_chinese, with the font chosen for every script (issue 15)."""
    app_settings = AppSettings(settings)
    for region in ("SC", "TC", "HK"):
        app_settings.set_region_font(region, droid_sans_fallback)
    window = MainWindow(seeded_library, settings)
    qtbot.addWidget(window)
    window.show()
    try:
        fonts = window.reader_toolbar.font_combo
        assert droid_sans_fallback in [fonts.itemText(i) for i in range(fonts.count())]
        assert english_strings(window, allowed=[window.search_pane.syntax_help()]) == []
    finally:
        window.close()
        QThreadPool.globalInstance().waitForDone(10_000)
        QApplication.processEvents()


def test_settings_in_chinese_with_droid_sans_fallback(
    qtbot, chinese_ui: str, settings: QSettings, droid_sans_fallback: str
) -> None:  # type: ignore[no-untyped-def]
    app_settings = AppSettings(settings)
    app_settings.set_region_font("SC", droid_sans_fallback)
    dialog = SettingsDialog(app_settings, index_status=lambda: "")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.font_combos["SC"].currentData() == droid_sans_fallback
    for page in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(page)
        QApplication.processEvents()
        assert english_strings(dialog, allowed={"English"}) == []
