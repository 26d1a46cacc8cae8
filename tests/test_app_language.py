"""``tongwen`` starts in the language chosen in Settings, on the library chosen there."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from desktop.app import main
from desktop.core.paths import config_dir
from desktop.ui.i18n import install_language


def test_start_in_the_chosen_language_and_library(
    qapp, isolated_env: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    chosen = isolated_env / "elsewhere" / "books"
    monkeypatch.delenv("TONGWEN_LIBRARY")
    monkeypatch.setenv("TONGWEN_EXIT_AFTER_PAINT", "1")
    ini = QSettings(str(config_dir() / "tongwen.ini"), QSettings.Format.IniFormat)
    ini.setValue("app/language", "zh_TW")
    ini.setValue("app/library", str(chosen))
    ini.sync()
    try:
        assert main([]) == 0
        assert "first-paint" in capsys.readouterr().out
        assert QCoreApplication.translate("MainWindow", "Import files") == "匯入檔案"
    finally:
        install_language("en", qapp)
    assert (chosen / "library.json").is_file()
    assert len(list((chosen / "docs").iterdir())) == 5  # the seeds, on first launch
