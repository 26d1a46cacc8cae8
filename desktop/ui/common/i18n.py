"""UI languages: 简体中文, 繁體中文 and English.

Strings in the UI are written in English inside ``self.tr(...)`` (or
``QCoreApplication.translate(context, ...)`` outside a QObject) and translated by
Qt ``.qm`` catalogues compiled from the ``.ts`` sources in ``resources/i18n/``.
There is one catalogue per area and language (``main_zh_CN.qm``,
``reader_zh_TW.qm`` …): every ``*_<language>.qm`` found is loaded, together with
Qt's own ``qtbase_<language>.qm`` for the buttons and dialogs Qt draws itself.

``make i18n`` (``tools/i18n_tools.py``) refreshes the ``.ts`` sources from the code
(``pyside6-lupdate``), fills untranslated 繁體 entries from their 简体 ones through
OpenCC ``s2twp`` (never overwriting a hand-made translation) and compiles every
``.qm`` (``pyside6-lrelease``).

Qt 6 added mnemonics to some of its own strings ("&Look in:", "Files of &type:" in
the file dialog) that its Chinese catalogues still hold only without them ("Look
in:"), so Qt's file dialog showed English labels in the Chinese interface.
:class:`QtMnemonicFallback` looks such strings up without the mnemonic and puts
it back in the Chinese way (``查找范围(&L)：``).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

__all__ = [
    "LANGUAGES",
    "QtMnemonicFallback",
    "i18n_dir",
    "install_language",
    "language_name",
    "resolve_language",
    "system_language",
    "with_mnemonic",
    "without_mnemonic",
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
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[3]))
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


#: A mnemonic: one ``&`` (not ``&&``) before a character.
_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")
#: Where a Chinese mnemonic goes: before a final colon or ellipsis.
_TAIL = re.compile(r"(\s*(?:[:：]|…|\.\.\.)?\s*)$")


def without_mnemonic(text: str) -> str:
    """``text`` with its mnemonic marker removed ("&Look in:" → "Look in:")."""
    return _MNEMONIC.sub(r"\1", text)


def with_mnemonic(translated: str, source: str) -> str:
    """``translated`` with the mnemonic of ``source`` added the Chinese way.

    ``("查找范围：", "&Look in:")`` → ``"查找范围(&L)："``; unchanged when the source
    has no mnemonic or the translation already has one.
    """
    key = _MNEMONIC.search(source)
    if key is None or _MNEMONIC.search(translated):
        return translated
    return _TAIL.sub(lambda tail: f"(&{key.group(1).upper()}){tail.group(1)}", translated, 1)


class QtMnemonicFallback(QTranslator):
    """Qt strings that gained a mnemonic, translated from the same string without it.

    Installed before the other translators, so it is asked last: only for what no
    catalogue translates.  It answers only for Qt's own classes (``Q…`` contexts),
    from Qt's catalogue.
    """

    def __init__(self, qt_catalogue: QTranslator, parent: QCoreApplication) -> None:
        super().__init__(parent)
        self._qt = qt_catalogue

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        """The translation, or None (a null string: "not found, ask on").  An empty
        string would count as found, and every untranslated string would vanish."""
        if "&" not in source or not str(context).startswith("Q"):
            return None
        found = self._qt.translate(context, without_mnemonic(source), disambiguation, n)
        return with_mnemonic(found, source) if found else None

    def isEmpty(self) -> bool:  # Qt asks; a translator without a file is "empty"
        return False


def _install_qt_catalogue(app: QCoreApplication, code: str) -> Path | None:
    """Qt's own ``qtbase_<code>.qm`` with its mnemonic fallback; the file, if loaded."""
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    path = qt_dir / f"qtbase_{code}.qm"
    catalogue = QTranslator(app)
    if not _load(catalogue, path):
        return None
    fallback = QtMnemonicFallback(catalogue, app)
    app.installTranslator(fallback)  # first in, asked last
    _installed.append(fallback)
    if not app.installTranslator(catalogue):
        return None
    _installed.append(catalogue)
    return path


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
    loaded: list[Path] = []
    if code == "en":  # English catalogues hold only plural forms ("1 document")
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    else:
        QLocale.setDefault(QLocale(code))
        qt_catalogue = _install_qt_catalogue(app, code)
        loaded += [qt_catalogue] if qt_catalogue else []
    for path in candidates:
        translator = QTranslator(app)
        if _load(translator, path) and app.installTranslator(translator):
            _installed.append(translator)
            loaded.append(path)
    return loaded
