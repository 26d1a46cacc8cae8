"""UI languages: 简体中文, 繁體中文 and English.

Strings in the UI are written in English inside ``self.tr(...)`` (or
``QCoreApplication.translate(context, ...)`` outside a QObject) and translated by
Qt ``.qm`` catalogues compiled from the ``.ts`` sources in ``resources/i18n/``.
There is one catalogue per area and language (``main_zh_CN.qm``,
``reader_zh_TW.qm`` …): every ``*_<language>.qm`` found is loaded, together with
Qt's own ``qtbase_<language>.qm`` for the buttons and dialogs Qt draws itself.

``python -m desktop.ui.i18n`` refreshes the ``.ts`` sources from the code
(``pyside6-lupdate``), fills untranslated 繁體 entries from their 简体 ones through
OpenCC ``s2twp`` (never overwriting a hand-made translation) and compiles every
``.qm`` (``pyside6-lrelease``).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

__all__ = [
    "LANGUAGES",
    "i18n_dir",
    "install_language",
    "language_name",
    "resolve_language",
    "system_language",
]

#: UI languages as (code, name in that language); code "" means "as the system".
LANGUAGES: tuple[tuple[str, str], ...] = (
    ("zh_CN", "简体中文"),
    ("zh_TW", "繁體中文"),
    ("en", "English"),
)
_CODES = tuple(code for code, _ in LANGUAGES)

#: Translators installed by :func:`install_language`, so a new choice replaces them.
_installed: list[QTranslator] = []


def i18n_dir() -> Path:
    """The folder holding the compiled catalogues (source tree or bundle)."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[2]))
    return base / "resources" / "i18n"


def language_name(code: str) -> str:
    """The language's own name for ``code`` ("简体中文"), or ``code`` if unknown."""
    return dict(LANGUAGES).get(code, code)


def system_language(locale: QLocale | None = None) -> str:
    """The UI language that suits the system locale: zh_TW, zh_CN or en.

    Chinese written in Traditional script (Taiwan, Hong Kong, Macau, or an explicit
    Hant script) gets 繁體; any other Chinese gets 简体; every other language English.
    """
    locale = locale or QLocale.system()
    if locale.language() != QLocale.Language.Chinese:
        return "en"
    traditional = {
        QLocale.Country.Taiwan,
        QLocale.Country.HongKong,
        QLocale.Country.Macao,
    }
    if locale.script() == QLocale.Script.TraditionalHanScript or locale.territory() in traditional:
        return "zh_TW"
    return "zh_CN"


def resolve_language(setting: str | None) -> str:
    """The language to use for a stored setting ("" or unknown → the system's)."""
    return setting if setting in _CODES else system_language()


def _load(translator: QTranslator, path: Path) -> bool:
    return path.is_file() and translator.load(str(path))


def install_language(code: str, app: QCoreApplication | None = None) -> list[Path]:
    """Load every catalogue of ``code`` into the application; returns the files loaded.

    Previously installed Tongwen translators are removed first, so this can switch
    languages for windows created afterwards.  English loads only its plural forms.
    """
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_language needs a QCoreApplication")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if code not in _CODES:
        code = "en"
    candidates: list[Path] = sorted(i18n_dir().glob(f"*_{code}.qm"))
    if code == "en":  # English catalogues hold only plural forms ("1 document")
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    else:
        QLocale.setDefault(QLocale(code))
        qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        candidates.append(qt_dir / f"qtbase_{code}.qm")
    loaded: list[Path] = []
    for path in candidates:
        translator = QTranslator(app)
        if _load(translator, path) and app.installTranslator(translator):
            _installed.append(translator)
            loaded.append(path)
    return loaded


def _tools(argv: Sequence[str]) -> int:
    from desktop.ui import i18n_tools

    return i18n_tools.main(argv)


if __name__ == "__main__":
    raise SystemExit(_tools(sys.argv[1:]))
