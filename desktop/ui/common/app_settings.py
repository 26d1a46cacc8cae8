"""App settings in one place: a typed layer over ``QSettings`` with defaults.

Every reader preference lives here (script, clean view, pinyin hints, readings above
the text, fonts, line spacing, page width, theme, phrase conversion) plus the
per-document script choice.
Bad stored values (hand-edited ini files) fall back to the default, never raise.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from desktop.core.script import SCRIPTS
from desktop.core.views.pinyin import PINYIN_MODES

__all__ = [
    "FONT_REGIONS",
    "RECENT_LIMIT",
    "RUBY_STYLES",
    "THEME_NAMES",
    "UI_LANGUAGES",
    "AppSettings",
    "script_region",
]

THEME_NAMES = ("system", "light", "dark", "sepia")
#: Glyph regions that get a font choice of their own (see ``desktop.ui.reader.fonts.FACES``).
FONT_REGIONS = ("SC", "TC", "HK")
#: UI language codes; "" follows the system.
UI_LANGUAGES = ("", "zh_CN", "zh_TW", "en")
#: What the ruby shows above each Han character: nothing, pinyin or zhuyin.
RUBY_STYLES = ("none", "pinyin", "zhuyin")
#: How many documents File ▸ Recent lists.
RECENT_LIMIT = 10
_DOC_ID = re.compile(r"[0-9a-f]{8,128}")
_SCRIPT_REGION = {"simplified": "SC", "traditional": "TC", "taiwan": "TC", "hongkong": "HK"}
#: Ranges accepted for the numeric settings: (low, high).
_RANGES: dict[str, tuple[float, float]] = {
    "reader/font_size": (6, 72),
    "reader/line_spacing": (100, 300),
    "reader/page_width": (0, 400),
}

_DEFAULTS: dict[str, Any] = {
    "reader/script": "original",
    "reader/clean": True,
    "reader/pinyin": "hide",
    "reader/ruby": "none",
    "reader/phrases": False,
    "reader/conversion_spots": False,
    "reader/font_size": 15.0,
    "reader/line_spacing": 160,
    "reader/page_width": 46,
    "reader/theme": "system",
    "reader/vertical": False,
}


def script_region(script: str) -> str:
    """The font region of a view script ("SC", "TC", "HK"); "" for "original"."""
    return _SCRIPT_REGION.get(script, "")


def _as_bool(value: Any, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.lower() in ("true", "1", "yes", "false", "0", "no"):
        return value.lower() in ("true", "1", "yes")
    return default


def _as_number(value: Any, default: float, low: float, high: float) -> float:
    if isinstance(value, bool):
        return default
    try:
        number = float(value)
    except (TypeError, ValueError):
        return default
    return default if not low <= number <= high else number


def _as_text(value: Any) -> str:
    """A stored string, trimmed; anything else (a list from "a, b" in an ini) → ""."""
    if not isinstance(value, str) or len(value) > 4096 or "\0" in value:
        return ""
    return value.strip()


def _checked_number(key: str, value: float) -> float:
    low, high = _RANGES[key]
    number = float(value)
    if not low <= number <= high:
        raise ValueError(f"{key.split('/')[-1]} {value!r} is outside {low:g}…{high:g}")
    return number


class AppSettings:
    """Typed getters and setters for the reader's preferences over one ``QSettings``."""

    def __init__(self, qsettings: QSettings) -> None:
        self.qsettings = qsettings

    def _get(self, key: str) -> Any:
        return self.qsettings.value(key, _DEFAULTS.get(key))

    def _choice(self, key: str, allowed: tuple[str, ...]) -> str:
        value = self._get(key)
        return value if value in allowed else str(_DEFAULTS[key])

    def _set(self, key: str, value: Any) -> None:
        self.qsettings.setValue(key, value)

    def _number(self, key: str) -> float:
        low, high = _RANGES[key]
        return _as_number(self._get(key), float(_DEFAULTS[key]), low, high)

    # ----------------------------------------------------------------- script
    @property
    def default_script(self) -> str:
        return self._choice("reader/script", SCRIPTS)

    @default_script.setter
    def default_script(self, script: str) -> None:
        if script not in SCRIPTS:
            raise ValueError(f"unknown script {script!r}")
        self._set("reader/script", script)

    def document_script(self, doc_id: str) -> str:
        """The script chosen for this document, else the global default."""
        value = self.qsettings.value(f"documents/{doc_id}/script")
        return value if value in SCRIPTS else self.default_script

    def set_document_script(self, doc_id: str, script: str) -> None:
        if script not in SCRIPTS:
            raise ValueError(f"unknown script {script!r}")
        self._set(f"documents/{doc_id}/script", script)

    # ---------------------------------------------------------- vertical mode
    @property
    def vertical(self) -> bool:
        """Whether documents not set otherwise are read in vertical columns (直排)."""
        return _as_bool(self._get("reader/vertical"), False)

    @vertical.setter
    def vertical(self, on: bool) -> None:
        self._set("reader/vertical", bool(on))

    def document_vertical(self, doc_id: str) -> bool:
        """Whether this document is read vertically, else the default."""
        value = self.qsettings.value(f"documents/{doc_id}/vertical")
        return _as_bool(value, self.vertical) if value is not None else self.vertical

    def set_document_vertical(self, doc_id: str, on: bool) -> None:
        self._set(f"documents/{doc_id}/vertical", bool(on))

    # ---------------------------------------------------------------- options
    @property
    def clean(self) -> bool:
        return _as_bool(self._get("reader/clean"), True)

    @clean.setter
    def clean(self, on: bool) -> None:
        self._set("reader/clean", bool(on))

    @property
    def pinyin(self) -> str:
        return self._choice("reader/pinyin", PINYIN_MODES)

    @pinyin.setter
    def pinyin(self, mode: str) -> None:
        if mode not in PINYIN_MODES:
            raise ValueError(f"unknown pinyin mode {mode!r}")
        self._set("reader/pinyin", mode)

    @property
    def ruby(self) -> str:
        """The readings shown above the characters: "none", "pinyin" or "zhuyin"."""
        return self._choice("reader/ruby", RUBY_STYLES)

    @ruby.setter
    def ruby(self, style: str) -> None:
        if style not in RUBY_STYLES:
            raise ValueError(f"unknown ruby style {style!r}")
        self._set("reader/ruby", style)

    @property
    def phrases(self) -> bool:
        return _as_bool(self._get("reader/phrases"), False)

    @phrases.setter
    def phrases(self, on: bool) -> None:
        self._set("reader/phrases", bool(on))

    @property
    def mark_conversion_spots(self) -> bool:
        """Whether converted views underline the words OpenCC chose one of several
        forms for (the "check these spots" mark)."""
        return _as_bool(self._get("reader/conversion_spots"), False)

    @mark_conversion_spots.setter
    def mark_conversion_spots(self, on: bool) -> None:
        self._set("reader/conversion_spots", bool(on))

    # ------------------------------------------------------------- typography
    def font_family(self, script: str, region: str = "") -> str:
        """The family chosen for text shown in ``script`` ("" = automatic).

        A choice made for the script itself (the toolbar's font box) wins; else the
        choice for its glyph region (``region``, or the script's own region).
        """
        chosen = _as_text(self.qsettings.value(f"fonts/{script}", ""))
        return chosen or self.region_font(region or script_region(script))

    def set_font_family(self, script: str, family: str) -> None:
        self._set(f"fonts/{script}", str(family).strip())

    def region_font(self, region: str) -> str:
        """The family chosen for a glyph region ("SC", "TC", "HK"); "" = automatic."""
        if region not in FONT_REGIONS:
            return ""
        return _as_text(self.qsettings.value(f"fonts/region_{region}", ""))

    def set_region_font(self, region: str, family: str) -> None:
        """Choose the family for ``region`` and drop older per-script choices in it."""
        if region not in FONT_REGIONS:
            raise ValueError(f"unknown font region {region!r}")
        self._set(f"fonts/region_{region}", str(family).strip())
        for script, script_reg in _SCRIPT_REGION.items():
            if script_reg == region:
                self.qsettings.remove(f"fonts/{script}")

    @property
    def font_size(self) -> float:
        """Body text size in points."""
        return self._number("reader/font_size")

    @font_size.setter
    def font_size(self, points: float) -> None:
        self._set("reader/font_size", _checked_number("reader/font_size", points))

    @property
    def line_spacing(self) -> int:
        """Line height in percent of the font's natural height."""
        return int(self._number("reader/line_spacing"))

    @line_spacing.setter
    def line_spacing(self, percent: int) -> None:
        self._set("reader/line_spacing", int(_checked_number("reader/line_spacing", percent)))

    @property
    def page_width(self) -> int:
        """Widest text column, in em (characters of the body font); 0 = no limit."""
        return int(self._number("reader/page_width"))

    @page_width.setter
    def page_width(self, ems: int) -> None:
        self._set("reader/page_width", int(_checked_number("reader/page_width", ems)))

    @property
    def theme(self) -> str:
        return self._choice("reader/theme", THEME_NAMES)

    @theme.setter
    def theme(self, name: str) -> None:
        if name not in THEME_NAMES:
            raise ValueError(f"unknown theme {name!r}")
        self._set("reader/theme", name)

    # ------------------------------------------------------------ application
    @property
    def ui_language(self) -> str:
        """The UI language code ("zh_CN", "zh_TW", "en"), or "" to follow the system."""
        value = self.qsettings.value("app/language", "")
        return value if value in UI_LANGUAGES else ""

    @ui_language.setter
    def ui_language(self, code: str) -> None:
        if code not in UI_LANGUAGES:
            raise ValueError(f"unknown UI language {code!r}")
        self._set("app/language", code)

    @property
    def library_location(self) -> str:
        """The library folder chosen by the user ("" = the platform's default)."""
        return _as_text(self.qsettings.value("app/library", ""))

    @library_location.setter
    def library_location(self, folder: str | os.PathLike[str]) -> None:
        self._set("app/library", os.fspath(folder).strip())

    # ------------------------------------------------------------ file dialogs
    def dialog_folder(self, purpose: str) -> str:
        """Where a file dialog for ``purpose`` ("import", "annotations") opens.

        The folder used last for it, or the nearest folder above that still exists
        (an unplugged drive), else the home folder: a reader importing a series of
        files should not walk down from home each time.
        """
        stored = _as_text(self.qsettings.value(f"dialogs/{purpose}", ""))
        folder = Path(stored) if stored else None
        while folder is not None and folder.is_absolute() and not folder.is_dir():
            folder = folder.parent if folder.parent != folder else None
        if folder is None or not folder.is_absolute():
            return str(Path.home())
        return str(folder)

    def remember_dialog_folder(self, purpose: str, folder: str | os.PathLike[str]) -> None:
        """The folder a file dialog for ``purpose`` was last used in."""
        self._set(f"dialogs/{purpose}", os.fspath(folder))

    # -------------------------------------------------------- reading history
    @property
    def last_document(self) -> str:
        """The id of the document open when the window last closed ("" = none)."""
        value = _as_text(self.qsettings.value("reading/last_document", ""))
        return value if _DOC_ID.fullmatch(value) else ""

    @last_document.setter
    def last_document(self, doc_id: str) -> None:
        if doc_id and not _DOC_ID.fullmatch(doc_id):
            raise ValueError(f"not a document id: {doc_id!r}")
        self._set("reading/last_document", doc_id)

    @property
    def recent_documents(self) -> list[str]:
        """Ids of the documents opened last, most recent first (at most RECENT_LIMIT).

        Kept as one space-separated string: an ini file gives a one-item list back
        as a plain string and an empty one as nothing.
        """
        words = _as_text(self.qsettings.value("reading/recent", "")).split()
        ids = [w for w in words if _DOC_ID.fullmatch(w)]
        return list(dict.fromkeys(ids))[:RECENT_LIMIT]

    @recent_documents.setter
    def recent_documents(self, ids: list[str]) -> None:
        bad = [i for i in ids if not _DOC_ID.fullmatch(i)]
        if bad:
            raise ValueError(f"not a document id: {bad[0]!r}")
        self._set("reading/recent", " ".join(list(dict.fromkeys(ids))[:RECENT_LIMIT]))

    def hint_seen(self, name: str) -> bool:
        """Whether the one-time hint ``name`` ("welcome", "script-toggle" …) was shown."""
        return _as_bool(self.qsettings.value(f"hints/{name}", False), False)

    def mark_hint_seen(self, name: str, seen: bool = True) -> None:
        self._set(f"hints/{name}", bool(seen))
