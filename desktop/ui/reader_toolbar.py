"""The reader toolbar: script, clean/raw, pinyin hints, font, spacing, width, theme.

Every control writes :class:`~desktop.ui.settings.AppSettings` and tells the reader;
the script choice is remembered per document ("Set as default" makes it global).
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QFont, QFontDatabase
from PySide6.QtWidgets import QComboBox, QFontComboBox, QSpinBox, QToolBar, QWidget

from desktop.ui.reader import ReaderPane
from desktop.ui.settings import PINYIN_MODES, SCRIPT_CHOICES, THEME_NAMES, AppSettings

__all__ = ["SCRIPT_LABELS", "ReaderToolbar"]

SCRIPT_LABELS = {
    "original": "原文",
    "simplified": "简体",
    "traditional": "繁體",
    "taiwan": "臺灣正體",
    "hongkong": "香港繁體",
}


class ReaderToolbar(QToolBar):
    """Controls for how the reader shows text."""

    def __init__(
        self, reader: ReaderPane, settings: AppSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Reader"), parent)
        self.setObjectName("reader_toolbar")
        self.reader = reader
        self.settings = settings
        self._build_view_controls()
        self.addSeparator()
        self._build_type_controls()
        self.sync()
        reader.viewReset.connect(self.sync)

    def _combo(self, name: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        for label, value in items:
            combo.addItem(label, value)
        self.addWidget(combo)
        return combo

    def _spin(self, name: str, low: int, high: int, suffix: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        spin.setAccessibleName(name)
        spin.setToolTip(name)
        self.addWidget(spin)
        return spin

    def _build_view_controls(self) -> None:
        self.script_combo = self._combo(
            self.tr("Script"), [(SCRIPT_LABELS[s], s) for s in SCRIPT_CHOICES]
        )
        self.script_combo.activated.connect(self._script_chosen)
        self.default_action = QAction(self.tr("Set as Default"), self)
        self.default_action.setToolTip(self.tr("Use this script for documents not set otherwise"))
        self.default_action.triggered.connect(self._make_default)
        self.addAction(self.default_action)
        self.clean_action = QAction(self.tr("Clean"), self)
        self.clean_action.setCheckable(True)
        self.clean_action.setToolTip(self.tr("Hide web boilerplate and pinyin hints (off: raw)"))
        self.clean_action.toggled.connect(self._clean_toggled)
        self.addAction(self.clean_action)
        labels = {"hide": self.tr("Pinyin: hidden"), "ruby": self.tr("Pinyin: on hover")}
        labels["inline"] = self.tr("Pinyin: inline")
        self.pinyin_combo = self._combo(
            self.tr("Pinyin hints"), [(labels[m], m) for m in PINYIN_MODES]
        )
        self.pinyin_combo.activated.connect(self._pinyin_chosen)

    def _build_type_controls(self) -> None:
        self.font_combo = QFontComboBox(self)
        self.font_combo.setWritingSystem(QFontDatabase.WritingSystem.SimplifiedChinese)
        self.font_combo.setAccessibleName(self.tr("Font"))
        self.font_combo.setMaximumWidth(190)
        self.font_combo.activated.connect(self._font_chosen)
        self.addWidget(self.font_combo)
        self.size_spin = self._spin(self.tr("Font size"), 8, 48, " pt")
        self.spacing_spin = self._spin(self.tr("Line spacing"), 100, 300, " %")
        self.spacing_spin.setSingleStep(10)
        self.width_spin = self._spin(
            self.tr("Page width (characters; 0: full width)"), 0, 200, " em"
        )
        self.width_spin.setSingleStep(2)
        names = {"system": self.tr("Theme: system"), "light": self.tr("Light")}
        names |= {"dark": self.tr("Dark"), "sepia": self.tr("Sepia")}
        self.theme_combo = self._combo(self.tr("Theme"), [(names[t], t) for t in THEME_NAMES])
        self.theme_combo.activated.connect(self._theme_chosen)
        for spin in (self.size_spin, self.spacing_spin, self.width_spin):
            spin.editingFinished.connect(self._typography_changed)
            spin.valueChanged.connect(lambda _=0: self._typography_changed())

    def sync(self) -> None:
        """Show the reader's current options and the settings."""
        options, s = self.reader.options, self.settings
        self._select(self.script_combo, options.script)
        self._select(self.pinyin_combo, options.pinyin)
        self._select(self.theme_combo, s.theme)
        self.clean_action.blockSignals(True)
        self.clean_action.setChecked(options.clean)
        self.clean_action.blockSignals(False)
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

    # ------------------------------------------------------------------ actions
    def choose_script(self, script: str) -> None:
        """Show the document in ``script`` (remembered for this document)."""
        self._select(self.script_combo, script)
        self.reader.set_options(script=script)
        self.sync()

    def _script_chosen(self, _index: int) -> None:
        self.choose_script(self.script_combo.currentData())

    def _make_default(self) -> None:
        self.settings.default_script = self.script_combo.currentData()

    def _clean_toggled(self, on: bool) -> None:
        self.settings.clean = on
        self.reader.set_options(clean=on)

    def _pinyin_chosen(self, _index: int) -> None:
        mode = self.pinyin_combo.currentData()
        self.settings.pinyin = mode
        self.reader.set_options(pinyin=mode)

    def _font_chosen(self, _index: int) -> None:
        self.settings.set_font_family(
            self.reader.options.script, self.font_combo.currentFont().family()
        )
        self.reader.apply_typography()

    def _theme_chosen(self, _index: int) -> None:
        self.settings.theme = self.theme_combo.currentData()
        self.reader.apply_typography()

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
