"""The reader toolbar: the script segments, the regional standard, Clean, and "Aa".

The script is the product's signature, so it is a row of five segments always in
sight (原文 · 简 · 繁 · 臺 · 港), the current one checked; Ctrl+1 … Ctrl+5 and the
View ▸ Script menu go through :meth:`ReaderToolbar.choose_script`, which keeps them in
step.  The script choice is remembered per document; "Set as Default" (the segments'
context menu, View ▸ Script) makes it the choice for other documents.  Beside the
segments, the 简体 view of Traditional text names its regional standard
(:class:`~desktop.ui.reader.region_button.RegionButton`).  Font, size, spacing, width, theme
and pinyin hints are in the "Aa" popover
(:class:`~desktop.ui.reader.typography_popover.TypographyPopover`), so the bar stays calm.

The first time a document is opened, a :class:`HintBar` above the text points at
the script segments and at highlighting; once closed it never comes back.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.script import SCRIPTS
from desktop.ui.common.app_settings import AppSettings
from desktop.ui.reader.pane import ReaderPane
from desktop.ui.reader.region_button import RegionButton
from desktop.ui.reader.typography_popover import TypographyPopover

__all__ = [
    "HINT_NAME",
    "SCRIPT_LABELS",
    "SHORT_SCRIPT_LABELS",
    "HintBar",
    "ReaderToolbar",
    "ScriptSegments",
    "script_label",
]

#: The product's names of the scripts (translated when shown: 简体 is 簡體 in 繁體 UIs).
SCRIPT_LABELS = {
    "original": str(QT_TRANSLATE_NOOP("ScriptNames", "原文")),
    "simplified": str(QT_TRANSLATE_NOOP("ScriptNames", "简体")),
    "traditional": str(QT_TRANSLATE_NOOP("ScriptNames", "繁體")),
    "taiwan": str(QT_TRANSLATE_NOOP("ScriptNames", "臺灣正體")),
    "hongkong": str(QT_TRANSLATE_NOOP("ScriptNames", "香港繁體")),
}
#: The scripts' one-character names on the segments (translated: 简 is 簡 in 繁體 UIs).
SHORT_SCRIPT_LABELS = {
    "original": str(QT_TRANSLATE_NOOP("ScriptNames", "原文")),
    "simplified": str(QT_TRANSLATE_NOOP("ScriptNames", "简")),
    "traditional": str(QT_TRANSLATE_NOOP("ScriptNames", "繁")),
    "taiwan": str(QT_TRANSLATE_NOOP("ScriptNames", "臺")),
    "hongkong": str(QT_TRANSLATE_NOOP("ScriptNames", "港")),
}
#: The one-time hint shown with the first document (``AppSettings.hint_seen``).
HINT_NAME = "reader-welcome"


def script_label(script: str) -> str:
    """The name of a script choice ("simplified" → 简体) in the UI language."""
    return QCoreApplication.translate("ScriptNames", str(SCRIPT_LABELS.get(script, script)))


def short_script_label(script: str) -> str:
    """The one-character name of a script on its segment ("simplified" → 简)."""
    return QCoreApplication.translate("ScriptNames", SHORT_SCRIPT_LABELS.get(script, script))


class HintBar(QFrame):
    """A dismissable first-run hint above the text (not a dialog)."""

    def __init__(self, reader: ReaderPane, settings: AppSettings) -> None:
        super().__init__(reader)
        self.reader, self.settings = reader, settings
        self.setAutoFillBackground(True)
        self.setAccessibleName(self.tr("Tips for reading"))
        script_tip = QLabel(
            self.tr(
                "To switch between 简体 and 繁體, use the 原文 · 简 · 繁 · 臺 · 港 buttons on "
                "the toolbar."
            ),
            self,
        )
        mark_tip = QLabel(
            self.tr("Select text and right-click it to highlight it or add a note or a bookmark."),
            self,
        )
        self.labels = [script_tip, mark_tip]
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Close the tips (they will not come back)"))
        self.close_button.setAccessibleName(self.tr("Close the tips"))
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismiss)
        self._lay_out()
        QWidget.setTabOrder(self.close_button, reader.text)  # the hint sits above the text
        self.hide()
        reader.documentShown.connect(self._document_shown)
        reader.typographyChanged.connect(self.recolour)
        self.recolour()

    def _lay_out(self) -> None:
        pad = self.fontMetrics().height() // 2
        texts = QVBoxLayout()
        for label in self.labels:
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            texts.addWidget(label)
        row = QHBoxLayout(self)
        row.setContentsMargins(pad, pad // 2, pad // 2, pad // 2)
        row.addLayout(texts, 1)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)

    def recolour(self) -> None:
        """The hint's colours from the reader's theme."""
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(self.reader.theme.hint))
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
            palette.setColor(role, QColor(self.reader.theme.text))
        self.setPalette(palette)

    def _document_shown(self, _doc_id: str) -> None:
        if not self.settings.hint_seen(HINT_NAME):
            self.show()

    def dismiss(self) -> None:
        """Close the hint for good."""
        self.settings.mark_hint_seen(HINT_NAME)
        self.hide()
        self.reader.text.setFocus()


def paint_checked(button: QAbstractButton, base: QPalette) -> None:
    """Draw ``button`` in the selection colours of ``base`` while it is checked.

    Fusion draws a checked tool button a shade darker than the others, which cannot
    be told apart under the dark window theme: the script shown must be plain."""
    palette = QPalette(base)
    if button.isChecked():
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            highlight = base.color(group, QPalette.ColorRole.Highlight)
            palette.setColor(group, QPalette.ColorRole.Button, highlight)
            text = base.color(group, QPalette.ColorRole.HighlightedText)
            palette.setColor(group, QPalette.ColorRole.ButtonText, text)
    button.setPalette(palette)


class ScriptSegments(QWidget):
    """Five checkable buttons side by side, one per script, exactly one checked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Script"))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QToolButton] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        for script in SCRIPTS:
            button = QToolButton(self)
            button.setText(short_script_label(script))
            button.setCheckable(True)
            button.setAccessibleName(script_label(script))
            button.setToolTip(
                self.tr("Show the text as {script}").format(script=script_label(script))
            )
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            self.group.addButton(button)
            self.buttons[script] = button
            row.addWidget(button)
        self.group.buttonToggled.connect(lambda button, _on: paint_checked(button, self.palette()))

    def changeEvent(self, event: QEvent) -> None:
        """Repaint the checked segment in a new window theme's colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            for button in self.buttons.values():
                paint_checked(button, self.palette())

    def show_checked(self, script: str) -> None:
        """Check the segment of ``script`` (the group unchecks the others)."""
        if script in self.buttons:
            self.buttons[script].setChecked(True)

    def script_of(self, button: QAbstractButton) -> str:
        return next(s for s, b in self.buttons.items() if b is button)


class ReaderToolbar(QToolBar):
    """Controls for how the reader shows text."""

    def __init__(
        self, reader: ReaderPane, settings: AppSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Reader"), parent)
        self.setObjectName("reader_toolbar")
        self.reader = reader
        self.settings = settings
        self._build_script_controls()
        self._build_vertical_action()  # vertical mode (issue 19)
        self.addSeparator()
        self._build_clean_action()
        self._build_typography()
        self.sync()
        reader.viewReset.connect(self.sync)
        reader.typographyChanged.connect(self.sync)
        self.hint_bar = HintBar(reader, settings)
        reader.layout_box.insertWidget(0, self.hint_bar)

    def _build_script_controls(self) -> None:
        self.script_segments = ScriptSegments(self)
        self.script_buttons = self.script_segments.buttons
        self.script_segments.group.buttonClicked.connect(self._segment_clicked)
        self.addWidget(self.script_segments)
        self.default_action = QAction(self.tr("Set as Default"), self)
        self.default_action.setToolTip(self.tr("Use this script for documents not set otherwise"))
        self.default_action.triggered.connect(self._make_default)
        self.script_segments.addAction(self.default_action)
        self.region_button = RegionButton(self.reader, self)
        self.region_actions = self.region_button.region_actions
        self.region_action = self.addWidget(self.region_button)

    # -- vertical mode (issue 19)
    def _build_vertical_action(self) -> None:
        """A checkable "Vertical" beside the script segments: the text in columns from
        the right (直排), remembered per document."""
        self.vertical_action = QAction(self.tr("Vertical"), self)
        self.vertical_action.setCheckable(True)
        self.vertical_action.setToolTip(
            self.tr("Read in vertical columns from right to left, paged like a printed book")
        )
        self.vertical_action.toggled.connect(self.reader.set_vertical)
        self.reader.vertical.toggled.connect(self._show_vertical)
        self.addAction(self.vertical_action)

    def _show_vertical(self, on: bool) -> None:
        self.vertical_action.blockSignals(True)
        self.vertical_action.setChecked(on)
        self.vertical_action.blockSignals(False)

    # -- end vertical mode

    def _build_clean_action(self) -> None:
        self.clean_action = QAction(self.tr("Clean"), self)
        self.clean_action.setCheckable(True)
        self.clean_action.setToolTip(self.tr("Hide web boilerplate and pinyin hints (off: raw)"))
        self.clean_action.toggled.connect(self._clean_toggled)
        self.addAction(self.clean_action)
        button = self.widgetForAction(self.clean_action)
        assert isinstance(button, QToolButton)  # a toolbar shows an action as a tool button
        self.clean_button = button

    def changeEvent(self, event: QEvent) -> None:
        """Repaint the Clean button in a new window theme's colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            paint_checked(self.clean_button, self.palette())

    def _build_typography(self) -> None:
        """The "Aa" button and its popover; the popover's controls are also reachable
        here by their old names (``size_spin`` …) for menus and tests."""
        self.popover = TypographyPopover(self.reader, self.settings, self)
        self.typography_button = QToolButton(self)
        self.typography_button.setText(self.tr("Aa"))
        self.typography_button.setAccessibleName(self.tr("Typography"))
        self.typography_button.setToolTip(
            self.tr("Font, size, line spacing, page width, theme and pinyin hints")
        )
        self.typography_button.clicked.connect(
            lambda: self.popover.show_below(self.typography_button)
        )
        self.addWidget(self.typography_button)
        pop = self.popover
        self.font_combo, self.size_spin = pop.font_combo, pop.size_spin
        self.spacing_spin, self.width_spin = pop.spacing_spin, pop.width_spin
        self.theme_combo, self.pinyin_combo = pop.theme_combo, pop.pinyin_combo

    def sync(self) -> None:
        """Show the reader's current options and the settings."""
        options = self.reader.options
        self.script_segments.show_checked(options.script)
        self.clean_action.blockSignals(True)
        self.clean_action.setChecked(options.clean)
        self.clean_action.blockSignals(False)
        paint_checked(self.clean_button, self.palette())
        self.region_action.setVisible(self.region_button.matters())
        self.region_button.refresh()
        self.popover.sync()

    # ------------------------------------------------------------------ actions
    def choose_script(self, script: str) -> None:
        """Show the document in ``script`` (remembered for this document)."""
        self.script_segments.show_checked(script)
        self.reader.set_options(script=script)
        self.sync()

    def _segment_clicked(self, button: QAbstractButton) -> None:
        self.choose_script(self.script_segments.script_of(button))

    def _make_default(self) -> None:
        self.settings.default_script = self.reader.options.script

    def _clean_toggled(self, on: bool) -> None:
        paint_checked(self.clean_button, self.palette())
        self.settings.clean = on
        self.reader.set_options(clean=on)
