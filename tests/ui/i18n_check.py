"""Find visible English in a widget tree shown in a Chinese UI language.

``english_strings(widget)`` walks a window or dialog and every child, menu and
action, gathers the text a user can see or hear (titles, labels, buttons, tool
tips, place-holders, combo items, tab and header texts, accessible names, menu
entries) and returns those that still contain English words.  Names that stay
Latin in a Chinese UI (format names, encodings, key names, paths) are allowed, and
so are the family names of the installed Chinese fonts, whatever they are (the font
lists show them: "Droid Sans Fallback" is a name, not untranslated English).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QTextEdit,
    QWidget,
)

__all__ = ["ALLOWED_WORDS", "chinese_font_families", "english_strings", "visible_strings"]

#: Latin words that stay Latin in a Chinese UI: formats, encodings, standards, keys.
_ALLOWED = (
    "Tongwen EPUB HTML TXT JSON Markdown OpenCC Qt PySide UTF GB Big HKSCS W3C PDF "
    "Ctrl Shift Alt Meta Esc Tab Space Enter Return PgUp PgDown Home End Del Ins Backspace "
    "Up Down Left Right Plus Minus F1 F2 F3 F4 F5 F6 F7 F8 F9 F10 F11 F12 "
    "MIT LGPL GPL Apache BSD MPL Python whoosh trafilatura chardet platformdirs lxml "
    "Noto Sans Serif CJK SC TC HK JP KR Source Han sans serif mono Unicode "
    "Web Annotation Annotations Data Model LD jsonld pinyin ID ISO MB KB GB px pt Syncthing Dropbox "
    "PNG JPEG GIF ZIP RAR gzip DOCX DOC ODT RTF MOBI AZW DjVu CHM XLS XLSX PPT PPTX Word Excel "
    "PowerPoint Kindle Mobipocket Office Windows MP3 MP4 GBK JIS EUC LE BE WebP SVG "
    "Aa "  # the typography button, a type sample rather than a word
    # words Qt's own 繁體 catalogue keeps in Latin (dock widget buttons)
    "Dock"
)
ALLOWED_WORDS = {word.lower() for word in _ALLOWED.split()}
_WORD = re.compile(r"[A-Za-z]{2,}")
_PATHLIKE = re.compile(
    r"(?:[A-Za-z]:)?[\w.~-]*[/\\][^\s，。：；、]*|\w+://\S+|\S+@\S+\.\w+|\S+\.\w{2,5}\b"
)


def _texts_of_widget(widget: QWidget) -> Iterator[str]:
    yield widget.windowTitle()
    yield widget.toolTip()
    yield widget.accessibleName()
    yield widget.accessibleDescription()
    yield widget.whatsThis()
    if isinstance(widget, QLabel | QAbstractButton):
        yield widget.text()
    if isinstance(widget, QLineEdit):
        yield widget.placeholderText()
    if isinstance(widget, QTextEdit):
        yield widget.placeholderText()
    if isinstance(widget, QGroupBox):
        yield widget.title()
    if isinstance(widget, QDockWidget):
        yield widget.windowTitle()
    if isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
    if isinstance(widget, QTabWidget):
        yield from (widget.tabText(i) for i in range(widget.count()))
    if isinstance(widget, QMessageBox):
        yield widget.text()
        yield widget.informativeText()
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        yield from _header_texts(widget.model())


def _header_texts(model: QAbstractItemModel) -> Iterator[str]:
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # list models hide columnCount: they have no header
        return
    for section in range(columns):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = model.headerData(section, Qt.Orientation.Horizontal, role)
            if isinstance(value, str):
                yield value


def _texts_of_action(action: QAction) -> Iterator[str]:
    yield action.text()
    yield action.toolTip()
    yield action.statusTip()
    yield action.iconText()
    menu = action.menu()
    if isinstance(menu, QMenu):
        yield menu.title()
        for sub in menu.actions():
            yield from _texts_of_action(sub)


def visible_strings(root: QWidget) -> list[str]:
    """Every user-facing string of ``root``, its children, menus and actions."""
    widgets: list[QWidget] = [root, *root.findChildren(QWidget)]
    found: list[str] = []
    for widget in widgets:
        found.extend(_texts_of_widget(widget))
        for action in widget.actions():
            found.extend(_texts_of_action(action))
        if isinstance(widget, QMainWindow):
            for action in widget.menuBar().actions():
                found.extend(_texts_of_action(action))
    return [text for text in found if text and text.strip()]


def chinese_font_families() -> list[str]:
    """The installed families that write Chinese, longest first.

    The UI shows these in its font lists and samples; they are names, never
    translated, and differ from machine to machine (Noto Sans CJK, Droid Sans
    Fallback, WenQuanYi Micro Hei ...), so no word list could cover them.
    """
    systems = (
        QFontDatabase.WritingSystem.SimplifiedChinese,
        QFontDatabase.WritingSystem.TraditionalChinese,
    )
    families = {family for system in systems for family in QFontDatabase.families(system)}
    return sorted(families, key=len, reverse=True)


def _without_font_names(text: str, families: Iterable[str]) -> str:
    """``text`` with every whole occurrence of a font family name blanked out."""
    for family in families:
        if family in text:
            text = re.sub(rf"(?<![A-Za-z]){re.escape(family)}(?![A-Za-z])", " ", text)
    return text


def _english_words(text: str, families: Iterable[str] = ()) -> list[str]:
    text = re.sub(r"<[^>]+>", " ", text)  # rich-text tags
    text = text.replace("&&", "&").replace("&", "")
    text = _without_font_names(text, families)
    text = _PATHLIKE.sub(" ", text)
    return [w for w in _WORD.findall(text) if w.lower() not in ALLOWED_WORDS]


def english_strings(root: QWidget, allowed: Iterable[str] = ()) -> list[str]:
    """The visible strings of ``root`` that contain English words.

    ``allowed`` lists whole strings that may stay as they are (a document's own
    title, a font name that is not installed).  The names of installed Chinese
    fonts are never counted, in a list or inside a sentence.
    """
    keep = set(allowed)
    families = chinese_font_families()
    return sorted(
        {
            text
            for text in visible_strings(root)
            if text not in keep and _english_words(text, families)
        }
    )
