"""AppSettings: typed round trips, defaults, and hand-edited ini files that must not raise."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop.ui.common.app_settings import FONT_REGIONS, AppSettings, script_region


def _ini(path: Path, body: str) -> AppSettings:
    path.write_text(body, encoding="utf-8")
    return AppSettings(QSettings(str(path), QSettings.Format.IniFormat))


def _reopen(settings: AppSettings) -> AppSettings:
    settings.qsettings.sync()
    return AppSettings(QSettings(settings.qsettings.fileName(), QSettings.Format.IniFormat))


@pytest.fixture
def app_settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "tongwen.ini"), QSettings.Format.IniFormat))


def test_defaults(app_settings: AppSettings) -> None:
    s = app_settings
    assert (s.default_script, s.clean, s.pinyin, s.phrases) == ("original", True, "hide", False)
    assert (s.font_size, s.line_spacing, s.page_width, s.theme) == (15.0, 160, 46, "system")
    assert (s.ui_language, s.library_location) == ("", "")
    assert all(s.region_font(region) == "" for region in FONT_REGIONS)
    assert s.font_family("simplified") == ""


def test_round_trip_through_the_file(app_settings: AppSettings, tmp_path: Path) -> None:
    s = app_settings
    s.default_script = "taiwan"
    s.clean = False
    s.pinyin = "ruby"
    s.phrases = True
    s.font_size = 18.5
    s.line_spacing = 200
    s.page_width = 0
    s.theme = "sepia"
    s.ui_language = "zh_TW"
    s.library_location = tmp_path / "books"
    s.set_region_font("HK", "Noto Sans CJK HK")
    again = _reopen(s)
    assert (again.default_script, again.clean, again.pinyin, again.phrases) == (
        "taiwan",
        False,
        "ruby",
        True,
    )
    assert (again.font_size, again.line_spacing, again.page_width) == (18.5, 200, 0)
    assert (again.theme, again.ui_language) == ("sepia", "zh_TW")
    assert again.library_location == str(tmp_path / "books")
    assert again.region_font("HK") == "Noto Sans CJK HK"


def test_font_family_falls_back_to_the_region(app_settings: AppSettings) -> None:
    s = app_settings
    s.set_region_font("TC", "Noto Serif CJK TC")
    assert s.font_family("traditional") == "Noto Serif CJK TC"
    assert s.font_family("taiwan") == "Noto Serif CJK TC"
    assert s.font_family("simplified") == ""
    assert s.font_family("original") == ""
    assert s.font_family("original", "TC") == "Noto Serif CJK TC"


def test_region_choice_replaces_toolbar_choices_of_that_region(app_settings: AppSettings) -> None:
    s = app_settings
    s.set_font_family("taiwan", "Toolbar Face")
    s.set_font_family("simplified", "Other Face")
    assert s.font_family("taiwan") == "Toolbar Face"
    s.set_region_font("TC", "Dialog Face")
    assert s.font_family("taiwan") == "Dialog Face"
    assert s.font_family("simplified") == "Other Face"


def test_script_region() -> None:
    assert [script_region(s) for s in ("simplified", "traditional", "taiwan", "hongkong")] == [
        "SC",
        "TC",
        "TC",
        "HK",
    ]
    assert script_region("original") == ""


@pytest.mark.parametrize(
    ("setter", "value"),
    [
        ("default_script", "klingon"),
        ("pinyin", "loud"),
        ("theme", "neon"),
        ("ui_language", "fr"),
        ("font_size", 200),
        ("font_size", float("nan")),
        ("line_spacing", 50),
        ("page_width", -1),
    ],
)
def test_setters_refuse_bad_values(app_settings: AppSettings, setter: str, value: object) -> None:
    with pytest.raises(ValueError):
        setattr(app_settings, setter, value)


def test_unknown_font_region_is_refused(app_settings: AppSettings) -> None:
    with pytest.raises(ValueError, match="region"):
        app_settings.set_region_font("JP", "Noto Sans CJK JP")
    assert app_settings.region_font("JP") == ""


HAND_EDITED = """
[reader]
script=klingon
clean=perhaps
pinyin=1
phrases=2
font_size=huge
line_spacing=9999
page_width=nan
theme=neon

[fonts]
region_SC=Face One, Face Two
region_TC="   "

[app]
language=fr
library=a, b
"""


def test_hand_edited_values_fall_back_to_defaults(tmp_path: Path) -> None:
    s = _ini(tmp_path / "tongwen.ini", HAND_EDITED)
    assert (s.default_script, s.clean, s.pinyin, s.phrases) == ("original", True, "hide", False)
    assert (s.font_size, s.line_spacing, s.page_width, s.theme) == (15.0, 160, 46, "system")
    assert (s.ui_language, s.library_location) == ("", "")
    assert (s.region_font("SC"), s.region_font("TC")) == ("", "")


def test_ini_spellings_of_booleans(tmp_path: Path) -> None:
    s = _ini(tmp_path / "tongwen.ini", "[reader]\nclean=no\nphrases=YES\n")
    assert (s.clean, s.phrases) == (False, True)
