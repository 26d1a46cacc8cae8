"""The reader's "Aa" popover: font, size, line spacing, page width, theme, pinyin hints
and the readings above the text (ruby: none, pinyin or zhuyin).

These controls filled the reader toolbar in one crowded row (issue 14: "Typography
moves into one 'Aa' popover, so the toolbar is calm").  They live in a small popup
window under the "Aa" button instead; each one writes
:class:`~desktop.ui.common.app_settings.AppSettings` and tells the reader, as they did on the bar.

A ``Qt.Popup`` frame rather than a ``QMenu`` holding the form: a menu takes Tab for
moving between its items, and the form must be walked with Tab like any dialog.  Esc
closes it (``QWidget`` closes a popup on Esc), and so does a click outside.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFontComboBox,
    QFormLayout,
    QFrame,
    QSpinBox,
    QWidget,
)

from desktop.core.views.pinyin import PINYIN_MODES
from desktop.ui.common.app_settings import RUBY_STYLES, THEME_NAMES, AppSettings
from desktop.ui.common.controls import spin_box
from desktop.ui.reader.pane import ReaderPane
from desktop.ui.reader.reading_aids import ruby_label
from desktop.ui.reader.themes import theme_label

__all__ = ["TypographyPopover"]


class TypographyPopover(QFrame):
    """A popup form with the reader's typography and pinyin-hint controls."""

    def __init__(self, reader: ReaderPane, settings: AppSettings, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.reader, self.settings = reader, settings
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Typography"))
        self._build_controls()
        self._lay_out()
        self.sync()

    # ------------------------------------------------------------------ set-up
    def _build_controls(self) -> None:
        self.font_combo = QFontComboBox(self)
        self.font_combo.setWritingSystem(QFontDatabase.WritingSystem.SimplifiedChinese)
        self.font_combo.setAccessibleName(self.tr("Font"))
        self.font_combo.setToolTip(self.tr("Font (remembered for each script)"))
        self.font_combo.setMaximumWidth(14 * self.fontMetrics().horizontalAdvance("中"))
        self.font_combo.activated.connect(self._font_chosen)
        self.size_spin = self._spin(self.tr("Font size"), 8, 48, self.tr(" pt"), 1)
        self.spacing_spin = self._spin(self.tr("Line spacing"), 100, 300, " %", 10)
        self.width_spin = self._spin(
            self.tr("Page width (characters; 0: full width)"), 0, 200, self.tr(" characters"), 2
        )
        self.width_spin.setSpecialValueText(self.tr("Full width"))
        self.theme_combo = self._combo(self.tr("Theme"), [(theme_label(t), t) for t in THEME_NAMES])
        self.theme_combo.activated.connect(self._theme_chosen)
        labels = {"hide": self.tr("Hidden"), "ruby": self.tr("On hover")}
        labels["inline"] = self.tr("Inline")
        self.pinyin_combo = self._combo(
            self.tr("Pinyin hints"), [(labels[m], m) for m in PINYIN_MODES]
        )
        self.pinyin_combo.activated.connect(self._pinyin_chosen)
        # -- reading aids (issue 18): readings above the text
        self.ruby_combo = self._combo(
            self.tr("Readings above the text"), [(ruby_label(s), s) for s in RUBY_STYLES]
        )
        self.ruby_combo.activated.connect(self._ruby_chosen)
        self.reader.aids.ruby.styleChanged.connect(lambda _style: self.sync())
        # -- end reading aids

    def _spin(self, name: str, low: int, high: int, suffix: str, step: int) -> QSpinBox:
        spin = spin_box(self, name, low, high, suffix, step)
        spin.setToolTip(name)
        spin.editingFinished.connect(self._typography_changed)
        spin.valueChanged.connect(lambda _=0: self._typography_changed())
        return spin

    def _combo(self, name: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        for label, value in items:
            combo.addItem(label, value)
        return combo

    def _lay_out(self) -> None:
        """One labelled row per control, in Tab order; mnemonics reach each one."""
        form = QFormLayout(self)
        rows = (
            (self.tr("&Font:"), self.font_combo),
            (self.tr("&Size:"), self.size_spin),
            (self.tr("&Line spacing:"), self.spacing_spin),
            (self.tr("Page &width:"), self.width_spin),
            (self.tr("&Theme:"), self.theme_combo),
            (self.tr("&Pinyin hints:"), self.pinyin_combo),
            (self.tr("&Readings above:"), self.ruby_combo),  # reading aids (issue 18)
        )
        for label, widget in rows:
            form.addRow(label, widget)
        for before, after in pairwise(rows):
            QWidget.setTabOrder(before[1], after[1])

    # ------------------------------------------------------------------ showing
    def show_below(self, anchor: QWidget) -> None:
        """Open under ``anchor`` (kept on its screen), with the first control focused."""
        self.sync()
        self.adjustSize()
        top_left = anchor.mapToGlobal(QPoint(0, 0))
        screen = QGuiApplication.screenAt(top_left) or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        x = max(area.left(), min(top_left.x(), area.right() - self.width()))
        y = top_left.y() + anchor.height()
        if y + self.height() > area.bottom():  # no room below: open above the button
            y = top_left.y() - self.height()
        self.move(x, max(area.top(), y))
        self.show()
        self.font_combo.setFocus(Qt.FocusReason.PopupFocusReason)

    def sync(self) -> None:
        """Show the settings and the reader's font and pinyin mode."""
        s = self.settings
        self._select(self.theme_combo, s.theme)
        self._select(self.pinyin_combo, self.reader.options.pinyin)
        self._select(self.ruby_combo, self.reader.aids.ruby.style)  # reading aids (issue 18)
        for spin, value in (
            (self.size_spin, int(s.font_size)),
            (self.spacing_spin, s.line_spacing),
            (self.width_spin, s.page_width),
        ):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        self.font_combo.blockSignals(True)
        self.font_combo.setCurrentFont(QFont(self.reader.text.font().family()))
        self.font_combo.blockSignals(False)

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    # ------------------------------------------------------------------ changes
    def _font_chosen(self, _index: int) -> None:
        self.settings.set_font_family(
            self.reader.options.script, self.font_combo.currentFont().family()
        )
        self.reader.apply_typography()

    def _theme_chosen(self, _index: int) -> None:
        self.settings.theme = self.theme_combo.currentData()
        self.reader.apply_typography()

    def _pinyin_chosen(self, _index: int) -> None:
        mode = self.pinyin_combo.currentData()
        self.settings.pinyin = mode
        self.reader.set_options(pinyin=mode)

    def _ruby_chosen(self, _index: int) -> None:  # reading aids (issue 18)
        self.reader.aids.ruby.set_style(self.ruby_combo.currentData())

    def _typography_changed(self) -> None:
        s = self.settings
        changed = (
            int(s.font_size) != self.size_spin.value()
            or s.line_spacing != self.spacing_spin.value()
            or s.page_width != self.width_spin.value()
        )
        if not changed:
            return
        s.font_size = self.size_spin.value()
        s.line_spacing = self.spacing_spin.value()
        s.page_width = self.width_spin.value()
        self.reader.apply_typography()
