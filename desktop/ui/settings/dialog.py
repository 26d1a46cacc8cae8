"""Edit ▸ Settings: everything the reader toolbar does not hold.

Five pages (reading, fonts, appearance, library, search) over one
:class:`~desktop.ui.common.app_settings.AppSettings`, and a sixth, Conversion, when the
window passes its conversion rules (:mod:`desktop.ui.settings.conversion_page`: the rules
change at once, with Undo).  Nothing else is written until OK; Cancel leaves every
setting as it was.  The main window wires three signals:

* ``settingsChanged(list[str])`` after OK stored changes (names of the changed
  settings, e.g. ``["theme", "font_size"]``): re-apply fonts, theme and defaults;
* ``restartRequested()`` when the user chose "Save and Restart" after changing the
  UI language or the library folder (both apply after a restart);
* ``rebuildIndexRequested()`` at once when "Rebuild Index" is pressed.
"""

from __future__ import annotations

import errno
import itertools
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.paths import library_dir
from desktop.core.script import SCRIPTS
from desktop.core.views.pinyin import PINYIN_MODES
from desktop.ui.common.app_settings import FONT_REGIONS, THEME_NAMES, AppSettings
from desktop.ui.common.controls import spin_box
from desktop.ui.common.dialogs import ok_cancel_buttons
from desktop.ui.common.i18n import LANGUAGES
from desktop.ui.common.plain import plain_label
from desktop.ui.reader.fonts import body_family
from desktop.ui.reader.rule_service import ConversionRuleService
from desktop.ui.reader.themes import mark_as_problem
from desktop.ui.reader.toolbar import script_label
from desktop.ui.settings.conversion_page import ConversionPage, TitleOf

__all__ = ["SAMPLES", "SettingsDialog", "han_families", "library_folder_problem"]

#: A sample line per font region, in that region's script (not translated).
SAMPLES = {
    "SC": "春眠不觉晓，处处闻啼鸟。骨直角说，这是简体示例。",
    "TC": "春眠不覺曉，處處聞啼鳥。骨直角說，這是繁體示例。",
    "HK": "春眠不覺曉，處處聞啼鳥。骨直角說，呢段係香港示例。",
}
#: Settings that only take effect after a restart.
RESTART_KEYS = ("ui_language", "library_location")


def han_families(region: str) -> list[str]:
    """Installed families with Han glyphs for ``region`` (SC: Simplified, else Traditional)."""
    system = (
        QFontDatabase.WritingSystem.SimplifiedChinese
        if region == "SC"
        else QFontDatabase.WritingSystem.TraditionalChinese
    )
    return sorted(
        {f for f in QFontDatabase.families(system) if not QFontDatabase.isPrivateFamily(f)}
    )


def _nearest_existing(path: Path) -> Path:
    while True:
        try:
            if path.exists() or path.is_symlink() or path == path.parent:
                return path
        except OSError:
            return path
        path = path.parent


def _reason(exc: OSError) -> str:
    translate = QCoreApplication.translate
    denied = translate("SettingsDialog", "you have no permission to write there")
    reasons = {
        errno.EACCES: denied,
        errno.EPERM: denied,
        errno.EROFS: translate("SettingsDialog", "the disk is read-only"),
        errno.ENOSPC: translate("SettingsDialog", "the disk is full"),
        errno.ENOTDIR: translate("SettingsDialog", "part of the path is a file, not a folder"),
    }
    return reasons.get(exc.errno or 0, exc.strerror or str(exc))


def library_folder_problem(folder: str) -> str | None:
    """What makes ``folder`` unusable as the library folder, or None if it can be used.

    "" (the default folder) is fine.  A folder that does not exist yet is fine when
    it can be created: its nearest existing parent must be a writable folder.
    """
    if not folder.strip():
        return None
    path = Path(folder.strip()).expanduser()
    if not path.is_absolute():
        message = QCoreApplication.translate(
            "SettingsDialog", "Enter the full path of a folder, not “{folder}”."
        )
        return message.format(folder=folder)
    existing = _nearest_existing(path)
    if not existing.is_dir():
        message = QCoreApplication.translate(
            "SettingsDialog",
            "“{file}” is a file, so the folder “{folder}” cannot be created there. "
            "Choose another folder.",
        )
        return message.format(file=existing, folder=path)
    try:
        handle, probe = tempfile.mkstemp(prefix=".tongwen-probe-", dir=existing)
        os.close(handle)
        os.unlink(probe)
    except OSError as exc:
        message = QCoreApplication.translate(
            "SettingsDialog",
            "Cannot write in “{folder}”: {reason}. Choose a folder you can write to.",
        )
        return message.format(folder=existing, reason=_reason(exc))
    return None


class SettingsDialog(QDialog):
    """The settings dialog; see the module docstring for its signals."""

    settingsChanged = Signal(list)
    restartRequested = Signal()
    rebuildIndexRequested = Signal()

    def __init__(
        self,
        settings: AppSettings,
        parent: QWidget | None = None,
        *,
        index_status: Callable[[], str] | None = None,
        library_path: str | os.PathLike[str] | None = None,
        conversion_rules: ConversionRuleService | None = None,
        document_title: TitleOf | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        #: Settings ▸ Conversion, when the window gave its conversion rules.
        self.conversion_page = (
            ConversionPage(conversion_rules, document_title, self) if conversion_rules else None
        )
        self.index_status = index_status
        self.library_path = Path(library_path) if library_path else None
        #: Settings stored by the last OK that only apply after a restart.
        self.restart_pending: list[str] = []
        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.tr("Settings"))
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Settings pages"))
        self.tabs.addTab(self._reading_page(), self.tr("Reading"))
        self.tabs.addTab(self._fonts_page(), self.tr("Fonts"))
        self.tabs.addTab(self._appearance_page(), self.tr("Appearance"))
        self.tabs.addTab(self._library_page(), self.tr("Library"))
        self.tabs.addTab(self._search_page(), self.tr("Search"))
        if self.conversion_page is not None:
            self.tabs.addTab(self.conversion_page, self.tr("Conversion"))
        self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self._load()
        self._set_tab_order()
        self.resize(self.sizeHint().expandedTo(QSize(560, 440)).boundedTo(QSize(900, 680)))

    # ------------------------------------------------------------------ pages
    def _combo(self, name: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        for label, value in items:
            combo.addItem(label, value)
        return combo

    def _check(self, text: str, tip: str) -> QCheckBox:
        box = QCheckBox(text, self)
        box.setAccessibleName(text.replace("&", ""))
        box.setToolTip(tip)
        return box

    def _note(self, text: str = "") -> QLabel:
        """A wrapped line of plain text (it may name a folder: never HTML)."""
        return plain_label(text, self, wrap=True)

    def _reading_page(self) -> QWidget:
        self.script_combo = self._combo(
            self.tr("Default script for new documents"),
            [(script_label(s), s) for s in SCRIPTS],
        )
        self.clean_check = self._check(
            self.tr("&Clean view by default"),
            self.tr("Hide web boilerplate and repair broken characters when a document opens"),
        )
        modes = {
            "hide": self.tr("Hidden"),
            "ruby": self.tr("Shown on hover"),
            "inline": self.tr("Inline, as in the file"),
        }
        self.pinyin_combo = self._combo(
            self.tr("Pinyin hints"), [(modes[m], m) for m in PINYIN_MODES]
        )
        self.phrases_check = self._check(
            self.tr("Convert p&hrases for Taiwan"),
            self.tr("Also replace mainland words with Taiwan usage (社区 → 社群, 优化 → 最佳化)"),
        )
        self.vertical_check = self._check(
            self.tr("Read &vertically by default (直排)"),
            self.tr("Columns from right to left, paged like a printed book"),
        )
        page = QWidget(self)
        form = QFormLayout(page)
        form.addRow(self.tr("Default &script:"), self.script_combo)
        form.addRow("", self.clean_check)
        form.addRow("", self.vertical_check)
        form.addRow(self.tr("&Pinyin hints:"), self.pinyin_combo)
        form.addRow("", self.phrases_check)
        form.addRow(
            self._note(
                self.tr(
                    "Documents for which you chose a script or a direction keep their own choice."
                )
            )
        )
        return page

    def _fonts_page(self) -> QWidget:
        names = {
            "SC": self.tr("Font for Simplified text"),
            "TC": self.tr("Font for Traditional text"),
            "HK": self.tr("Font for Hong Kong text"),
        }
        labels = {
            "SC": self.tr("Si&mplified:"),
            "TC": self.tr("&Traditional:"),
            "HK": self.tr("&Hong Kong:"),
        }
        self.font_combos: dict[str, QComboBox] = {}
        self.samples: dict[str, QLabel] = {}
        page = QWidget(self)
        form = QFormLayout(page)
        for region in FONT_REGIONS:
            self.font_combos[region] = self._font_combo(region, names[region])
            self.samples[region] = self._font_sample(region)
            form.addRow(labels[region], self.font_combos[region])
            form.addRow("", self.samples[region])
        self.size_spin = QDoubleSpinBox(self)
        self.size_spin.setRange(6, 72)
        self.size_spin.setDecimals(1)
        self.size_spin.setSingleStep(0.5)
        self.size_spin.setSuffix(" pt")
        self.size_spin.setAccessibleName(self.tr("Font size"))
        self.size_spin.valueChanged.connect(self._update_samples)
        self.spacing_spin = self._spin(self.tr("Line spacing"), 100, 300, " %", 10)
        self.width_spin = self._spin(self.tr("Page width"), 0, 400, " em", 2)
        self.width_spin.setSpecialValueText(self.tr("Full width"))
        self.width_spin.setToolTip(self.tr("Widest text column in characters; 0: full width"))
        form.addRow(self.tr("Font si&ze:"), self.size_spin)
        form.addRow(self.tr("&Line spacing:"), self.spacing_spin)
        form.addRow(self.tr("Page &width:"), self.width_spin)
        return page

    def _font_combo(self, region: str, name: str) -> QComboBox:
        """The Han fonts installed for ``region`` (SC, TC, HK), after "Automatic"."""
        combo = self._combo(name, [(self.tr("Automatic"), "")])
        for family in han_families(region):
            combo.addItem(family, family)
        combo.currentIndexChanged.connect(self._update_samples)
        return combo

    def _font_sample(self, region: str) -> QLabel:
        """A line of ``region``'s text, shown in the font and size chosen."""
        sample = QLabel(SAMPLES[region], self)
        sample.setAccessibleName(self.tr("Sample of the chosen font"))
        sample.setMinimumHeight(sample.sizeHint().height() * 2)
        return sample

    def _spin(self, name: str, low: int, high: int, suffix: str, step: int) -> QSpinBox:
        return spin_box(self, name, low, high, suffix, step)

    def _appearance_page(self) -> QWidget:
        themes = {
            "system": self.tr("Follow the system"),
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
            "sepia": self.tr("Sepia"),
        }
        self.theme_combo = self._combo(
            self.tr("Reader theme"), [(themes[t], t) for t in THEME_NAMES]
        )
        languages = [(self.tr("Follow the system"), ""), *((n, c) for c, n in LANGUAGES)]
        self.language_combo = self._combo(self.tr("Interface language"), languages)
        self.language_combo.currentIndexChanged.connect(self._update_restart)
        self.language_note = self._note(
            self.tr("A new interface language applies after Tongwen restarts.")
        )
        page = QWidget(self)
        form = QFormLayout(page)
        form.addRow(self.tr("Reader &theme:"), self.theme_combo)
        form.addRow(self.tr("Interface &language:"), self.language_combo)
        form.addRow(self.language_note)
        return page

    def _library_page(self) -> QWidget:
        current = self.library_path or library_dir(self.settings.library_location or None)
        self.current_label = self._note(
            self.tr("The open library is in {folder}").format(folder=current)
        )
        row = self._library_folder_row()
        self.library_note = self._note(
            self.tr(
                "A new library folder is used after Tongwen restarts. The library in the "
                "old folder stays where it is and is not moved; Tongwen opens the library "
                "in the new folder, or creates an empty one there."
            )
        )
        self.library_problem = self._note()
        mark_as_problem(self.library_problem)
        label = QLabel(self.tr("Library &folder:"), self)
        label.setBuddy(self.library_edit)
        page = QWidget(self)
        layout = QVBoxLayout(page)
        for widget in (self.current_label, label):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self.library_note)
        layout.addWidget(self.library_problem)
        layout.addStretch(1)
        return page

    def _library_folder_row(self) -> QHBoxLayout:
        """The folder to type (empty: the default one), Browse… and Use Default."""
        self.library_edit = QLineEdit(self)
        self.library_edit.setAccessibleName(self.tr("Library folder"))
        self.library_edit.setPlaceholderText(
            self.tr("Default: {folder}").format(folder=library_dir(None))
        )
        self.library_edit.textChanged.connect(self._library_edited)
        self.browse_button = QPushButton(self.tr("&Browse…"), self)
        self.browse_button.setAccessibleName(self.tr("Browse for a library folder"))
        self.browse_button.clicked.connect(self._browse)
        self.default_button = QPushButton(self.tr("Use &Default"), self)
        self.default_button.setAccessibleName(self.tr("Use the default library folder"))
        self.default_button.clicked.connect(self.library_edit.clear)
        row = QHBoxLayout()
        row.addWidget(self.library_edit, 1)
        row.addWidget(self.browse_button)
        row.addWidget(self.default_button)
        return row

    def _search_page(self) -> QWidget:
        self.index_label = self._note()
        self.index_label.setAccessibleName(self.tr("Search index status"))
        self.rebuild_button = QPushButton(self.tr("&Rebuild Index"), self)
        self.rebuild_button.setAccessibleName(self.tr("Rebuild the search index"))
        self.rebuild_button.setToolTip(self.tr("Index every document again, in the background"))
        self.rebuild_button.clicked.connect(self._rebuild)
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(self.index_label)
        layout.addWidget(
            self._note(
                self.tr(
                    "The index is kept outside the library and can always be rebuilt from it; "
                    "rebuilding loses no documents, highlights or notes."
                )
            )
        )
        layout.addWidget(self.rebuild_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.refresh_index_status()
        return page

    def _build_buttons(self) -> None:
        self.buttons = ok_cancel_buttons(self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleName(self.tr("OK"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.restart_button = self.buttons.addButton(
            self.tr("Save and Restart &Now"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.restart_button.setAccessibleName(self.tr("Save and restart Tongwen"))
        self.restart_button.clicked.connect(self._save_and_restart)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.tabs,
            self.script_combo,
            self.clean_check,
            self.pinyin_combo,
            self.phrases_check,
            *self.font_combos.values(),
            self.size_spin,
            self.spacing_spin,
            self.width_spin,
            self.theme_combo,
            self.language_combo,
            self.library_edit,
            self.browse_button,
            self.default_button,
            self.rebuild_button,
        ]
        if self.conversion_page is not None:
            page = self.conversion_page
            chain += [page.tree, page.remove_button, page.undo_button, page.spots_check]
        chain.append(self.buttons)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ----------------------------------------------------------- load / store
    def _select(self, combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        if index < 0 and value:  # a stored family that is not installed (any more)
            combo.addItem(self.tr("{family} (not installed)").format(family=value), value)
            index = combo.count() - 1
        combo.setCurrentIndex(max(index, 0))

    def _load(self) -> None:
        """Show the stored settings."""
        s = self.settings
        self._select(self.script_combo, s.default_script)
        self.clean_check.setChecked(s.clean)
        self.vertical_check.setChecked(s.vertical)
        self._select(self.pinyin_combo, s.pinyin)
        self.phrases_check.setChecked(s.phrases)
        for region, combo in self.font_combos.items():
            self._select(combo, s.region_font(region))
        self.size_spin.setValue(s.font_size)
        self.spacing_spin.setValue(s.line_spacing)
        self.width_spin.setValue(s.page_width)
        self._select(self.theme_combo, s.theme)
        self._select(self.language_combo, s.ui_language)
        self.library_edit.setText(s.library_location)
        if self.conversion_page is not None:
            self.conversion_page.spots_check.setChecked(s.mark_conversion_spots)
        self._update_samples()
        self._library_edited()

    def chosen(self) -> dict[str, object]:
        """The values shown in the dialog, by setting name."""
        values: dict[str, object] = {
            "default_script": self.script_combo.currentData(),
            "clean": self.clean_check.isChecked(),
            "vertical": self.vertical_check.isChecked(),
            "pinyin": self.pinyin_combo.currentData(),
            "phrases": self.phrases_check.isChecked(),
            "font_size": self.size_spin.value(),
            "line_spacing": self.spacing_spin.value(),
            "page_width": self.width_spin.value(),
            "theme": self.theme_combo.currentData(),
            "ui_language": self.language_combo.currentData(),
            "library_location": self._library_text(),
        }
        for region, combo in self.font_combos.items():
            values[f"font_{region}"] = combo.currentData()
        if self.conversion_page is not None:
            values["mark_conversion_spots"] = self.conversion_page.spots_check.isChecked()
        return values

    def _stored(self) -> dict[str, object]:
        s = self.settings
        return {
            name: s.region_font(name[5:]) if name[5:] in FONT_REGIONS else getattr(s, name)
            for name in self.chosen()
        }

    def changes(self) -> list[str]:
        """Names of the settings the dialog would change."""
        stored = self._stored()
        return [name for name, value in self.chosen().items() if stored[name] != value]

    def _write(self, names: list[str]) -> None:
        chosen = self.chosen()
        for name in names:
            if name.startswith("font_") and name[5:] in FONT_REGIONS:
                self.settings.set_region_font(name[5:], str(chosen[name]))
            else:
                setattr(self.settings, name, chosen[name])

    def _store(self) -> bool:
        """Validate and write the changes; False (page shown, problem named) if invalid."""
        problem = library_folder_problem(self._library_text())
        if problem:
            self.tabs.setCurrentIndex(3)
            self.library_problem.setText(problem)
            self.library_edit.setFocus()
            return False
        names = self.changes()
        self._write(names)
        self.settings.qsettings.sync()
        self.restart_pending = [name for name in names if name in RESTART_KEYS]
        if names:
            self.settingsChanged.emit(names)
        return True

    def accept(self) -> None:
        """OK: store the settings (unless the library folder is unusable) and close."""
        if self._store():
            super().accept()

    def _save_and_restart(self) -> None:
        if self._store():
            super().accept()
            self.restartRequested.emit()

    # -------------------------------------------------------------- reactions
    def _library_text(self) -> str:
        return self.library_edit.text().strip()

    def _library_edited(self) -> None:
        problem = library_folder_problem(self._library_text())
        self.library_problem.setText(problem or "")
        self._update_restart()

    def _update_restart(self) -> None:
        pending = [name for name in self.changes() if name in RESTART_KEYS]
        self.restart_button.setVisible(bool(pending))
        self.restart_button.setEnabled(not self.library_problem.text())
        self.language_note.setVisible("ui_language" in pending)
        self.library_note.setVisible("library_location" in pending)

    def _update_samples(self) -> None:
        size = self.size_spin.value()
        for region, combo in self.font_combos.items():
            font = QFont(self.font())
            family = combo.currentData() or body_family(region)
            if family:
                font.setFamilies([family])
            font.setPointSizeF(size)
            self.samples[region].setFont(font)

    def _browse(self) -> None:
        start = self._library_text() or str(self.library_path or library_dir(None))
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the Library Folder"), start)
        if folder:
            self.library_edit.setText(folder)

    def _rebuild(self) -> None:
        self.rebuildIndexRequested.emit()
        self.refresh_index_status()

    def refresh_index_status(self) -> None:
        """Show ``index_status()`` again (call it when the index service reports progress)."""
        text = self.index_status() if self.index_status else ""
        self.index_label.setText(text or self.tr("The state of the search index is not known."))
