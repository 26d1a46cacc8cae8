"""Qt's own file dialog speaks the interface language ("Look in:" was English in 中文)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLabel

from desktop.ui.common import i18n
from desktop.ui.common.i18n import install_language
from tests.ui.i18n_check import english_strings


def _file_dialog(folder: Path, *, folders: bool = False) -> QFileDialog:
    dialog = QFileDialog(None, "", str(folder), "Documents (*.txt);;All files (*)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # the one Linux shows
    if folders:
        dialog.setFileMode(QFileDialog.FileMode.Directory)
    return dialog


def test_file_dialog_labels_are_chinese(qtbot, chinese_ui: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for folders in (False, True):
        dialog = _file_dialog(tmp_path, folders=folders)
        qtbot.addWidget(dialog)
        labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
        assert labels and all(
            not any(word in text for word in ("Look", "type", "name")) for text in labels
        ), labels
        allowed = ["Documents (*.txt)", "All files (*)"]  # the filter is the caller's
        assert english_strings(dialog, allowed=allowed) == []
        look_in = next(t for t in labels if "&L" in t)
        assert look_in == ("查找范围(&L)：" if chinese_ui == "zh_CN" else "查看：") or (
            look_in.endswith("(&L)：") and not look_in.isascii()
        )
        dialog.close()


def test_mnemonic_is_kept_in_chinese_style() -> None:
    assert i18n.with_mnemonic("查找范围：", "&Look in:") == "查找范围(&L)："
    assert i18n.with_mnemonic("文件类型：", "Files of &type:") == "文件类型(&T)："
    assert i18n.with_mnemonic("选择", "&Choose") == "选择(&C)"
    assert i18n.with_mnemonic("A&&B", "A && B") == "A&&B"  # no mnemonic in the source


def test_english_keeps_qt_source_strings(qapp) -> None:  # type: ignore[no-untyped-def]
    install_language("en", qapp)
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Look in:"


def test_strings_no_catalogue_has_stay_as_written(qapp, chinese_ui: str) -> None:  # type: ignore[no-untyped-def]
    """The fallback answers only what it can translate (an empty answer hid the text)."""
    assert QCoreApplication.translate("Nowhere", "Not in any catalogue") == "Not in any catalogue"
    assert QCoreApplication.translate("QFileDialog", "&Not in Qt") == "&Not in Qt"
    assert QCoreApplication.translate("QFileDialog", "Plain, not in Qt") == "Plain, not in Qt"
