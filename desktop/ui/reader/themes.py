"""Reader colour themes: light, dark and sepia; "system" follows the desktop.

A theme colours the reading surface (text, page, selection, find hits, highlight
strength, the first-run hint), so the rest of the window keeps the platform's look.
Every pair of colours a reader reads against each other meets the WCAG contrast
minimums (:func:`contrast_ratio`; tests/ui/reader/test_themes.py checks each theme).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

__all__ = [
    "PROBLEM_COLOURS",
    "THEMES",
    "Theme",
    "apply_theme",
    "blend",
    "contrast_ratio",
    "mark_as_problem",
    "problem_colour",
    "resolve_theme",
    "theme_label",
]


@dataclass(frozen=True)
class Theme:
    """Colours of the reading surface, as ``#rrggbb`` strings."""

    name: str
    page: str
    text: str
    muted: str  #: secondary text: the document's details
    selection: str
    selection_text: str
    match: str  #: find hits
    current_match: str  #: the find hit shown now
    ruby: str  #: dotted underline of characters with a pinyin reading
    hint: str  #: background of the first-run hint bar
    mark_alpha: int = 95  #: opacity (0–255) of highlight colours painted over the page


THEMES = {
    "light": Theme(
        "light",
        page="#fdfdfb",
        text="#1f1f1f",
        muted="#5f5f5f",
        selection="#b5d3f3",
        selection_text="#101010",
        match="#fff0a0",
        current_match="#ffb347",
        ruby="#4a7ab8",
        hint="#e8f0fa",
    ),
    "dark": Theme(
        "dark",
        page="#1d1f21",
        text="#dadada",
        muted="#a2a2a2",
        selection="#3f5f86",
        selection_text="#ffffff",
        match="#5a5320",
        current_match="#7c4c12",
        ruby="#8fb4e0",
        hint="#2a3440",
        mark_alpha=80,
    ),
    "sepia": Theme(
        "sepia",
        page="#f4ecd8",
        text="#433422",
        muted="#665640",
        selection="#d9c39a",
        selection_text="#2a1f12",
        match="#f1d88a",
        current_match="#e5a45a",
        ruby="#8a5a2b",
        hint="#e9dcbc",
    ),
}

#: Names shown for the theme choices, translated when shown (:func:`theme_label`).
_LABELS = {
    "system": str(QT_TRANSLATE_NOOP("Themes", "Theme: as the system")),
    "light": str(QT_TRANSLATE_NOOP("Themes", "Light")),
    "dark": str(QT_TRANSLATE_NOOP("Themes", "Dark")),
    "sepia": str(QT_TRANSLATE_NOOP("Themes", "Sepia")),
}


def theme_label(name: str) -> str:
    """The name of a theme choice ("system", "light" …) in the UI language."""
    return QCoreApplication.translate("Themes", str(_LABELS.get(name, name)))


def system_is_dark() -> bool:
    """Whether the desktop asks for a dark colour scheme.

    ``QStyleHints.colorScheme`` when the platform says; many Linux desktops leave it
    unknown and only hand Qt a dark palette, so then the window colour decides.
    """
    app = QGuiApplication.instance()
    if app is None:
        return False
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme != Qt.ColorScheme.Unknown:
        return scheme == Qt.ColorScheme.Dark
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def resolve_theme(name: str) -> Theme:
    """The theme called ``name``; "system" (or anything unknown) follows the desktop."""
    if name in THEMES:
        return THEMES[name]
    return THEMES["dark" if system_is_dark() else "light"]


def apply_theme(widget: QWidget, theme: Theme) -> None:
    """Colour a text widget's page, text and selection."""
    palette = widget.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Base, QColor(theme.page))
        palette.setColor(group, QPalette.ColorRole.Window, QColor(theme.page))
        palette.setColor(group, QPalette.ColorRole.Text, QColor(theme.text))
        palette.setColor(group, QPalette.ColorRole.WindowText, QColor(theme.text))
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor(theme.selection))
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor(theme.selection_text))
    widget.setPalette(palette)


def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def _luminance(colour: QColor) -> float:
    """WCAG relative luminance of an opaque colour."""
    r, g, b = (_channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str | QColor, second: str | QColor) -> float:
    """The WCAG 2 contrast ratio of two opaque colours (1.0 … 21.0)."""
    high, low = sorted((_luminance(QColor(first)), _luminance(QColor(second))), reverse=True)
    return (high + 0.05) / (low + 0.05)


def blend(colour: QColor, page: str) -> QColor:
    """A translucent ``colour`` as it looks painted over the opaque ``page``."""
    under, alpha = QColor(page), colour.alphaF()
    mixed = [
        top * alpha + bottom * (1 - alpha)
        for top, bottom in zip(
            (colour.redF(), colour.greenF(), colour.blueF()),
            (under.redF(), under.greenF(), under.blueF()),
        )
    ]
    return QColor.fromRgbF(*mixed)


#: Error text on a light window / on a dark one (each ≥ 4.5:1 on its own kind).
PROBLEM_COLOURS = ("#b00020", "#ff9aa2")


def problem_colour(window: QColor) -> str:
    """The problem colour that reads best on a window of colour ``window``."""
    return max(PROBLEM_COLOURS, key=lambda colour: contrast_ratio(colour, window))


class _ProblemText(QObject):
    """Keeps a widget's text in the problem colour that reads on the current theme."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        self._busy = False
        widget.installEventFilter(self)
        self.recolour()

    def recolour(self) -> None:
        if self._busy:
            return
        self._busy = True
        try:
            palette = self._widget.palette()
            window = palette.color(QPalette.ColorRole.Window)
            palette.setColor(QPalette.ColorRole.WindowText, QColor(problem_colour(window)))
            self._widget.setPalette(palette)
        finally:
            self._busy = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.PaletteChange:
            self.recolour()
        return False


def mark_as_problem(widget: QWidget) -> None:
    """Draw ``widget``'s text (a label saying what went wrong) in a red that reads on
    the theme shown, picked again when the theme changes (a red fixed for a light
    window was 1.9:1 on the dark one)."""
    _ProblemText(widget)
