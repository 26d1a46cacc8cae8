"""The settings dialog: shows the stored values, Cancel keeps them, OK stores them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QComboBox

from desktop.ui.common.app_settings import AppSettings
from desktop.ui.settings.dialog import SettingsDialog, han_families, library_folder_problem
from tests.ui.i18n_check import english_strings


@pytest.fixture
def app_settings(settings: QSettings) -> AppSettings:
    return AppSettings(settings)


@pytest.fixture
def dialog(qtbot, app_settings: AppSettings) -> SettingsDialog:  # type: ignore[no-untyped-def]
    widget = SettingsDialog(app_settings, index_status=lambda: "ready")
    qtbot.addWidget(widget)
    return widget


def _pick(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def _change_everything(dialog: SettingsDialog, folder: Path) -> None:
    _pick(dialog.script_combo, "hongkong")
    dialog.clean_check.setChecked(False)
    _pick(dialog.pinyin_combo, "inline")
    dialog.phrases_check.setChecked(True)
    dialog.size_spin.setValue(20.5)
    dialog.spacing_spin.setValue(180)
    dialog.width_spin.setValue(0)
    _pick(dialog.theme_combo, "dark")
    _pick(dialog.language_combo, "zh_TW")
    dialog.library_edit.setText(str(folder))


def _stored(s: AppSettings) -> tuple[object, ...]:
    return (
        s.default_script,
        s.clean,
        s.pinyin,
        s.phrases,
        s.font_size,
        s.line_spacing,
        s.page_width,
        s.theme,
        s.ui_language,
        s.library_location,
    )


def test_shows_the_stored_values(qtbot, app_settings: AppSettings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app_settings.default_script = "taiwan"
    app_settings.clean = False
    app_settings.pinyin = "ruby"
    app_settings.page_width = 60
    app_settings.theme = "sepia"
    app_settings.ui_language = "en"
    app_settings.library_location = str(tmp_path / "books")
    app_settings.set_region_font("SC", "Missing Face SC")
    widget = SettingsDialog(app_settings)
    qtbot.addWidget(widget)
    assert widget.script_combo.currentData() == "taiwan"
    assert not widget.clean_check.isChecked()
    assert widget.pinyin_combo.currentData() == "ruby"
    assert widget.width_spin.value() == 60
    assert widget.theme_combo.currentData() == "sepia"
    assert widget.language_combo.currentData() == "en"
    assert widget.library_edit.text() == str(tmp_path / "books")
    assert widget.font_combos["SC"].currentData() == "Missing Face SC"
    assert "(not installed)" in widget.font_combos["SC"].currentText()
    assert widget.font_combos["TC"].currentData() == ""
    assert widget.changes() == []


def test_cancel_changes_nothing(
    dialog: SettingsDialog, app_settings: AppSettings, tmp_path: Path
) -> None:
    before = _stored(app_settings)
    _change_everything(dialog, tmp_path / "elsewhere")
    emitted: list[object] = []
    dialog.settingsChanged.connect(emitted.append)
    dialog.reject()
    assert _stored(app_settings) == before
    assert emitted == []
    assert not (tmp_path / "elsewhere").exists()


def test_ok_stores_everything_and_reports_it(
    qtbot, dialog: SettingsDialog, app_settings: AppSettings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _change_everything(dialog, tmp_path / "elsewhere")
    with qtbot.waitSignal(dialog.settingsChanged) as changed:
        dialog.accept()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    again = AppSettings(QSettings(app_settings.qsettings.fileName(), QSettings.Format.IniFormat))
    assert _stored(again) == (
        "hongkong",
        False,
        "inline",
        True,
        20.5,
        180,
        0,
        "dark",
        "zh_TW",
        str(tmp_path / "elsewhere"),
    )
    assert set(changed.args[0]) >= {"default_script", "theme", "ui_language", "library_location"}
    assert dialog.restart_pending == ["ui_language", "library_location"]


def test_ok_without_changes_emits_nothing(dialog: SettingsDialog) -> None:
    emitted: list[object] = []
    dialog.settingsChanged.connect(emitted.append)
    dialog.accept()
    assert emitted == []
    assert dialog.restart_pending == []


def test_font_choice_is_stored_per_region(
    dialog: SettingsDialog, app_settings: AppSettings
) -> None:
    families = han_families("TC")
    if not families:
        pytest.skip("no Traditional Chinese font installed")
    app_settings.set_font_family("taiwan", "Toolbar Face")
    _pick(dialog.font_combos["TC"], families[0])
    dialog.accept()
    assert app_settings.region_font("TC") == families[0]
    assert app_settings.font_family("taiwan") == families[0]
    assert app_settings.region_font("SC") == ""


def test_samples_follow_the_font_choice_and_size(dialog: SettingsDialog) -> None:
    families = han_families("SC")
    if not families:
        pytest.skip("no Simplified Chinese font installed")
    _pick(dialog.font_combos["SC"], families[-1])
    dialog.size_spin.setValue(30)
    font = dialog.samples["SC"].font()
    assert font.families()[0] == families[-1]
    assert font.pointSizeF() == 30


def test_restart_offer_follows_language_and_library_changes(
    dialog: SettingsDialog, tmp_path: Path
) -> None:
    dialog.show()
    assert dialog.restart_button.isHidden()
    _pick(dialog.language_combo, "zh_CN")
    assert not dialog.restart_button.isHidden()
    assert not dialog.language_note.isHidden()
    assert dialog.library_note.isHidden()
    _pick(dialog.language_combo, "")
    assert dialog.restart_button.isHidden()
    dialog.library_edit.setText(str(tmp_path / "new library"))
    assert not dialog.restart_button.isHidden()
    assert not dialog.library_note.isHidden()
    assert "not moved" in dialog.library_note.text()


def test_save_and_restart_stores_then_asks_for_a_restart(
    qtbot, dialog: SettingsDialog, app_settings: AppSettings
) -> None:  # type: ignore[no-untyped-def]
    _pick(dialog.language_combo, "zh_CN")
    with qtbot.waitSignals([dialog.settingsChanged, dialog.restartRequested], order="strict"):
        dialog.restart_button.click()
    assert app_settings.ui_language == "zh_CN"
    assert dialog.result() == SettingsDialog.DialogCode.Accepted


def test_unusable_library_folder_is_named_and_blocks_ok(
    dialog: SettingsDialog, app_settings: AppSettings, tmp_path: Path
) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("not a folder", encoding="utf-8")
    dialog.show()
    dialog.library_edit.setText(str(blocker / "lib"))
    problem = dialog.library_problem.text()
    assert str(blocker) in problem and "is a file" in problem
    assert not dialog.restart_button.isEnabled()
    emitted: list[object] = []
    dialog.settingsChanged.connect(emitted.append)
    dialog.tabs.setCurrentIndex(0)
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.tabs.currentIndex() == 3
    assert emitted == []
    assert app_settings.library_location == ""


def test_default_button_clears_the_folder(dialog: SettingsDialog, tmp_path: Path) -> None:
    dialog.library_edit.setText(str(tmp_path / "x"))
    dialog.default_button.click()
    assert dialog.library_edit.text() == ""
    assert dialog.library_problem.text() == ""


@pytest.mark.parametrize(
    ("folder", "expected"),
    [
        ("", None),
        ("relative/folder", "full path"),
    ],
)
def test_library_folder_problem_simple_cases(folder: str, expected: str | None) -> None:
    problem = library_folder_problem(folder)
    assert problem == expected or (expected and problem and expected in problem)


def test_library_folder_problem_accepts_new_and_existing_folders(tmp_path: Path) -> None:
    assert library_folder_problem(str(tmp_path)) is None
    assert library_folder_problem(str(tmp_path / "new" / "deeper")) is None
    assert not (tmp_path / "new").exists()
    assert list(tmp_path.iterdir()) == []  # the write probe is cleaned up


def test_library_folder_problem_reports_write_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    def refuse(*_args: object, **_kwargs: object) -> object:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("desktop.ui.settings.dialog.tempfile.mkstemp", refuse)
    problem = library_folder_problem(str(tmp_path))
    assert problem is not None
    assert str(tmp_path) in problem and "no permission" in problem


def test_rebuild_button_emits_and_refreshes_status(qtbot, app_settings: AppSettings) -> None:  # type: ignore[no-untyped-def]
    states = iter(["5 documents indexed", "rebuilding: 0 of 5"])
    widget = SettingsDialog(app_settings, index_status=lambda: next(states))
    qtbot.addWidget(widget)
    assert widget.index_label.text() == "5 documents indexed"
    with qtbot.waitSignal(widget.rebuildIndexRequested):
        widget.rebuild_button.click()
    assert widget.index_label.text() == "rebuilding: 0 of 5"


def test_without_index_status_a_neutral_text_is_shown(qtbot, app_settings: AppSettings) -> None:  # type: ignore[no-untyped-def]
    widget = SettingsDialog(app_settings)
    qtbot.addWidget(widget)
    assert "not known" in widget.index_label.text()


def test_every_control_has_an_accessible_name(dialog: SettingsDialog) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QLineEdit, QTabBar, QWidget

    kinds = (QComboBox, QAbstractSpinBox, QLineEdit, QAbstractButton)
    inner = (QComboBox, QAbstractSpinBox, QTabBar)  # their own line edits and arrows
    controls = [
        w
        for w in dialog.findChildren(QWidget)
        if isinstance(w, kinds) and not isinstance(w.parent(), inner)
    ]
    assert len(controls) >= 16
    assert [c for c in controls if not c.accessibleName()] == []


def test_fits_a_small_screen(dialog: SettingsDialog) -> None:
    dialog.show()
    hint = dialog.sizeHint()
    assert hint.width() <= 1366 and hint.height() <= 700
    assert dialog.width() <= 1366 and dialog.height() <= 700


def test_chinese_on_every_page(qtbot, chinese_ui: str, app_settings: AppSettings) -> None:  # type: ignore[no-untyped-def]
    app_settings.set_region_font("HK", "Missing Face HK")
    widget = SettingsDialog(app_settings, index_status=lambda: "")
    qtbot.addWidget(widget)
    widget.show()
    allowed = {"English", *han_families("SC"), *han_families("TC")}
    allowed |= {widget.font_combos["HK"].currentText()}  # "Missing Face HK（未安装）"
    for page in range(widget.tabs.count()):
        widget.tabs.setCurrentIndex(page)
        QApplication.processEvents()
        assert english_strings(widget, allowed) == []
    _pick(widget.language_combo, "en")
    widget.library_edit.setText("我的书库")  # relative: a problem is shown
    assert widget.library_problem.text()
    assert english_strings(widget, allowed) == []
    settings_word = {"zh_CN": "设置", "zh_TW": "設定"}[chinese_ui]
    assert widget.windowTitle() == settings_word
    assert widget.tabs.tabText(3) == "书库" if chinese_ui == "zh_CN" else "書庫"
    script = {"zh_CN": "简体", "zh_TW": "簡體"}[chinese_ui]
    assert widget.script_combo.itemText(1) == script
    assert widget.restart_button.text().endswith("(&N)")


def test_vertical_reading_by_default_is_stored(
    qtbot, dialog: SettingsDialog, app_settings: AppSettings
) -> None:  # type: ignore[no-untyped-def]
    assert not dialog.vertical_check.isChecked()
    dialog.vertical_check.setChecked(True)
    with qtbot.waitSignal(dialog.settingsChanged) as changed:
        dialog.accept()
    assert changed.args[0] == ["vertical"]
    again = AppSettings(QSettings(app_settings.qsettings.fileName(), QSettings.Format.IniFormat))
    assert again.vertical
