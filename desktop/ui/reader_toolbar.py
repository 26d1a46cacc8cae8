"""The reader toolbar: script, clean/raw, pinyin hints, font, spacing, width, theme.

Every control writes :class:`~desktop.ui.settings.AppSettings` and tells the reader;
the script choice is remembered per document ("Set as default" makes it global).
The first time a document is opened, a :class:`HintBar` above the text points at
the script choice and at highlighting; once closed it never comes back.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFontComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.reader import ReaderPane
from desktop.ui.settings import PINYIN_MODES, SCRIPT_CHOICES, THEME_NAMES, AppSettings
from desktop.ui.themes import theme_label

__all__ = ["HINT_NAME", "SCRIPT_LABELS", "HintBar", "ReaderToolbar", "script_label"]

#: The product's names of the scripts (translated when shown: 简体 is 簡體 in 繁體 UIs).
SCRIPT_LABELS = {
    "original": str(QT_TRANSLATE_NOOP("ScriptNames", "原文")),
    "simplified": str(QT_TRANSLATE_NOOP("ScriptNames", "简体")),
    "traditional": str(QT_TRANSLATE_NOOP("ScriptNames", "繁體")),
    "taiwan": str(QT_TRANSLATE_NOOP("ScriptNames", "臺灣正體")),
    "hongkong": str(QT_TRANSLATE_NOOP("ScriptNames", "香港繁體")),
}
#: The one-time hint shown with the first document (``AppSettings.hint_seen``).
HINT_NAME = "reader-welcome"


def script_label(script: str) -> str:
    """The name of a script choice ("simplified" → 简体) in the UI language."""
    return QCoreApplication.translate("ScriptNames", str(SCRIPT_LABELS.get(script, script)))


class HintBar(QFrame):
    """A dismissable first-run hint above the text (not a dialog)."""

    def __init__(self, reader: ReaderPane, settings: AppSettings) -> None:
        super().__init__(reader)
        self.reader, self.settings = reader, settings
        self.setAutoFillBackground(True)
        self.setAccessibleName(self.tr("Tips for reading"))
        script_tip = QLabel(
            self.tr("To switch between 简体 and 繁體, use the script button on the toolbar."), self
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
        reader.typographyChanged.connect(self.sync)
        self.hint_bar = HintBar(reader, settings)
        reader.layout_box.insertWidget(0, self.hint_bar)

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
            self.tr("Script"), [(script_label(s), s) for s in SCRIPT_CHOICES]
        )
        self.script_combo.setToolTip(self.tr("Show the text in 简体 or 繁體 (or as written)"))
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
        self.font_combo.setToolTip(self.tr("Font (remembered for each script)"))
        self.font_combo.setMaximumWidth(12 * self.fontMetrics().horizontalAdvance("中"))
        self.font_combo.activated.connect(self._font_chosen)
        self.addWidget(self.font_combo)
        self.size_spin = self._spin(self.tr("Font size"), 8, 48, self.tr(" pt"))
        self.spacing_spin = self._spin(self.tr("Line spacing"), 100, 300, " %")
        self.spacing_spin.setSingleStep(10)
        self.width_spin = self._spin(
            self.tr("Page width (characters; 0: full width)"), 0, 200, self.tr(" characters")
        )
        self.width_spin.setSingleStep(2)
        self.theme_combo = self._combo(self.tr("Theme"), [(theme_label(t), t) for t in THEME_NAMES])
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
