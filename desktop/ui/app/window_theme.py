"""Whole-window themes: the reader's light, dark or sepia for every widget and dialog.

:mod:`desktop.ui.reader.themes` colours the reading surface only; without this module a dark
page sat in a white window (library, panels, toolbars, menus, scroll bars, dialogs).
Here each theme gets a complete :class:`QPalette` (every role, the Disabled group
too), set on the application so that every widget and every dialog opened later
inherits it.  The Fusion style draws from the palette on every platform (the native
Windows and macOS styles ignore much of it), so :func:`use_fusion_style` runs first.

"system" follows the platform: its own palette comes back (``setPalette`` of an empty
palette), unless the platform says "dark" and hands Qt a light palette (or the other
way round), which happens on Linux desktops; then the matching Tongwen palette is
used so that the window agrees with the page.  :class:`WindowTheme` re-applies when
the reader's theme setting or the platform's colour scheme changes.

Fusion's own drawing needs no style sheet: tool tips get a frame in their text
colour, scroll bars and headers take Button and Window.  So no style sheet is set,
and no text from a document can ever reach one.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QToolTip

from desktop.ui.reader.themes import THEMES, Theme, system_is_dark

if TYPE_CHECKING:
    from desktop.ui.app.main_window import MainWindow

__all__ = [
    "CHROME",
    "Chrome",
    "WindowTheme",
    "apply_window_theme",
    "use_fusion_style",
    "window_palette",
]

log = logging.getLogger(__name__)

Role = QPalette.ColorRole
Group = QPalette.ColorGroup


@dataclass(frozen=True)
class Chrome:
    """Colours of everything around the page (``#rrggbb``), one set per theme.

    The page itself (Base, Text, Highlight) comes from the reader's :class:`Theme`,
    so lists, fields and the reading surface share one background and selection.
    """

    window: str  #: panels, toolbars, menus, dialogs
    window_text: str
    alternate_base: str  #: every other row of the library list
    button: str  #: buttons, headers, scroll-bar handles (Fusion)
    button_text: str
    tooltip_base: str
    tooltip_text: str
    placeholder: str  #: "Search titles, authors or full text…"
    link: str
    link_visited: str
    light: str  #: bevel colours Fusion draws frames and handles with
    midlight: str
    mid: str
    dark: str
    shadow: str
    disabled_text: str  #: greyed-out text, still readable (≥ 3:1)
    disabled_button: str


CHROME = {
    "light": Chrome(
        window="#efefec",
        window_text="#1f1f1f",
        alternate_base="#f3f3ef",
        button="#e4e4e0",
        button_text="#1f1f1f",
        tooltip_base="#fbfbe6",
        tooltip_text="#1f1f1f",
        placeholder="#666666",
        link="#1a5a9e",
        link_visited="#6a3d99",
        light="#ffffff",
        midlight="#f5f5f2",
        mid="#b4b4af",
        dark="#8c8c88",
        shadow="#4a4a48",
        disabled_text="#7a7a76",
        disabled_button="#e9e9e5",
    ),
    "dark": Chrome(
        window="#2a2c2f",
        window_text="#dedede",
        alternate_base="#25272a",
        button="#36393d",
        button_text="#e4e4e4",
        tooltip_base="#3b3f44",
        tooltip_text="#f0f0f0",
        placeholder="#9c9c9c",
        link="#8fb4e0",
        link_visited="#c0a0e0",
        light="#4c5055",
        midlight="#404448",
        mid="#55595e",
        dark="#17181a",
        shadow="#000000",
        disabled_text="#8a8a8a",
        disabled_button="#303236",
    ),
    "sepia": Chrome(
        window="#e8dcc0",
        window_text="#3a2c1c",
        alternate_base="#efe5cd",
        button="#dfcfac",
        button_text="#3a2c1c",
        tooltip_base="#fbf4e2",
        tooltip_text="#3a2c1c",
        placeholder="#6e5c44",
        link="#7a4514",
        link_visited="#7a3060",
        light="#fbf5e6",
        midlight="#efe5cd",
        mid="#bba97f",
        dark="#8e7b56",
        shadow="#4a3b26",
        disabled_text="#7f6d54",
        disabled_button="#e4d7b8",
    ),
}


def _roles(theme: Theme, chrome: Chrome) -> dict[QPalette.ColorRole, str]:
    """Every colour role of the Active and Inactive groups."""
    return {
        Role.Window: chrome.window,
        Role.WindowText: chrome.window_text,
        Role.Base: theme.page,
        Role.AlternateBase: chrome.alternate_base,
        Role.Text: theme.text,
        Role.Button: chrome.button,
        Role.ButtonText: chrome.button_text,
        Role.BrightText: "#ffffff" if theme.name == "dark" else "#000000",
        Role.Highlight: theme.selection,
        Role.HighlightedText: theme.selection_text,
        Role.Accent: theme.selection,
        Role.ToolTipBase: chrome.tooltip_base,
        Role.ToolTipText: chrome.tooltip_text,
        Role.PlaceholderText: chrome.placeholder,
        Role.Link: chrome.link,
        Role.LinkVisited: chrome.link_visited,
        Role.Light: chrome.light,
        Role.Midlight: chrome.midlight,
        Role.Mid: chrome.mid,
        Role.Dark: chrome.dark,
        Role.Shadow: chrome.shadow,
    }


def _disabled_roles(theme: Theme, chrome: Chrome) -> dict[QPalette.ColorRole, str]:
    """What differs in the Disabled group: greyed text, flatter buttons and fields."""
    return {
        Role.WindowText: chrome.disabled_text,
        Role.Text: chrome.disabled_text,
        Role.ButtonText: chrome.disabled_text,
        Role.PlaceholderText: chrome.disabled_text,
        Role.Button: chrome.disabled_button,
        Role.Base: chrome.window,
        Role.Highlight: chrome.mid,
        Role.HighlightedText: chrome.window_text,
    }


def window_palette(theme: Theme) -> QPalette:
    """The full application palette of ``theme`` (light, dark or sepia)."""
    chrome = CHROME[theme.name]
    palette = QPalette()
    roles = _roles(theme, chrome)
    for group in (Group.Active, Group.Inactive, Group.Disabled):
        for role, colour in roles.items():
            palette.setColor(group, role, QColor(colour))
    for role, colour in _disabled_roles(theme, chrome).items():
        palette.setColor(Group.Disabled, role, QColor(colour))
    return palette


def use_fusion_style(app: QApplication) -> None:
    """Fusion draws every control from the palette, on every platform; the native
    Windows and macOS styles keep white buttons and scroll bars under a dark palette."""
    if app.style().name().lower() != "fusion":
        style = QStyleFactory.create("Fusion")
        if style is not None:
            app.setStyle(style)


def _dark_wanted(scheme: Qt.ColorScheme | None) -> bool:
    """Whether "system" means dark now: the scheme just announced, else the desktop's."""
    if scheme is None or scheme == Qt.ColorScheme.Unknown:
        return system_is_dark()
    return scheme == Qt.ColorScheme.Dark


def _platform_palette_disagrees(scheme: Qt.ColorScheme | None) -> bool:
    """Whether the platform asks for one scheme and gives Qt a palette of the other
    (several Linux desktops say "dark" but leave Qt's palette light)."""
    if scheme is None:
        scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Unknown:
        return False
    palette_dark = QGuiApplication.palette().color(Role.Window).lightness() < 128
    return palette_dark != (scheme == Qt.ColorScheme.Dark)


def _system_theme_name() -> str:
    """The reader theme "system" stands for now."""
    return "dark" if system_is_dark() else "light"


def apply_window_theme(
    app: QCoreApplication, name: str, scheme: Qt.ColorScheme | None = None
) -> str:
    """Colour the whole application for the theme setting ``name``.

    ``scheme`` is a colour scheme the platform just announced (for "system"); by
    default the one it reports now.  Returns the palette now in use: "light",
    "dark", "sepia", or "platform" (the platform's own palette, for "system"; also
    without widgets, where there is nothing to colour).
    """
    if not isinstance(app, QApplication):
        return "platform"
    use_fusion_style(app)
    if name in THEMES:
        applied = name
    else:
        _set_palette(app, None)
        if not _platform_palette_disagrees(scheme):
            log.info("window theme: the platform's palette")
            return "platform"
        applied = "dark" if _dark_wanted(scheme) else "light"
    _set_palette(app, window_palette(THEMES[applied]))
    log.info("window theme: %s", applied)
    return applied


#: The tool tips' palette as the platform made it, kept the first time it is replaced.
_PLATFORM_TOOLTIP: list[QPalette] = []


def _set_palette(app: QApplication, palette: QPalette | None) -> None:
    """Set (or, with None, give back to the platform) the palette of every widget,
    tool tips included (Qt keeps theirs apart and some platforms set it)."""
    if not _PLATFORM_TOOLTIP:
        _PLATFORM_TOOLTIP.append(QToolTip.palette())
    if palette is None:
        app.setPalette(QPalette())  # nothing resolved: the platform's palette again
        QToolTip.setPalette(_PLATFORM_TOOLTIP[0])
        return
    if QApplication.palette() != palette:  # set at start-up already: no second repolish
        app.setPalette(palette)
    QToolTip.setPalette(palette)


class WindowTheme(QObject):
    """Keeps the application's palette in step with the reader's theme setting.

    The reader resolves its own colours (``ReaderPane.apply_typography``) and emits
    ``typographyChanged``; the window follows here.  For "system" the reader asked
    :func:`~desktop.ui.reader.themes.system_is_dark` while a Tongwen palette may still have
    been set, so after giving the platform palette back the reader resolves again.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.applied = ""  #: what :func:`apply_window_theme` last returned
        self._setting = ""
        window.reader.typographyChanged.connect(self.follow_setting)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.scheme_changed)
        window.installEventFilter(self)
        self.follow_setting()

    @classmethod
    def install(cls, window: MainWindow) -> WindowTheme:
        """Theme ``window`` (and the whole application) from its settings from now on."""
        return cls(window)

    def follow_setting(self) -> None:
        """Apply the theme setting if it changed since last time."""
        name = self.window.app_settings.theme
        if name != self._setting or not self.applied:
            self._apply(name)

    def scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        """The desktop switched between light and dark: "system" follows it.

        A closed window (not deleted yet, or on its way out at a restart) has no say.
        """
        if self.window.isVisible() and self.window.app_settings.theme == "system":
            self._apply("system", scheme)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A desktop that changes only the palette (no colour scheme) while "system"
        # is on: the reader's page follows it too.
        if (
            event.type() == QEvent.Type.ApplicationPaletteChange
            and self.applied == "platform"
            and self.window.reader.theme.name != _system_theme_name()
        ):
            self.window.reader.apply_typography()
        return False

    def _apply(self, name: str, scheme: Qt.ColorScheme | None = None) -> None:
        app = QApplication.instance()
        if app is None:
            return
        self._setting = name
        self.applied = apply_window_theme(app, name, scheme)
        reader = self.window.reader
        if name not in THEMES and reader.theme.name != _system_theme_name():
            reader.apply_typography()  # it resolved against the palette just replaced
