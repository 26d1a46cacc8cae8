"""Reader colour themes: light, dark and sepia; "system" follows the desktop.

A theme only colours the reading surface (text, page, selection, find hits), so the
rest of the window keeps the platform's look.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

__all__ = ["THEMES", "Theme", "apply_theme", "resolve_theme"]


@dataclass(frozen=True)
class Theme:
    """Colours of the reading surface, as ``#rrggbb`` strings."""

    name: str
    page: str
    text: str
    muted: str
    selection: str
    selection_text: str
    match: str
    current_match: str
    ruby: str


THEMES = {
    "light": Theme(
        "light",
        "#fdfdfb",
        "#1f1f1f",
        "#6b6b6b",
        "#b5d3f3",
        "#101010",
        "#fff0a0",
        "#ffb347",
        "#4a7ab8",
    ),
    "dark": Theme(
        "dark",
        "#1d1f21",
        "#dadada",
        "#9a9a9a",
        "#3f5f86",
        "#ffffff",
        "#5a5320",
        "#a0651c",
        "#8fb4e0",
    ),
    "sepia": Theme(
        "sepia",
        "#f4ecd8",
        "#433422",
        "#7a6a55",
        "#d9c39a",
        "#2a1f12",
        "#f1d88a",
        "#e5a45a",
        "#8a5a2b",
    ),
}


def system_is_dark() -> bool:
    """Whether the desktop asks for a dark colour scheme (``QStyleHints.colorScheme``)."""
    app = QGuiApplication.instance()
    if app is None:
        return False
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


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
