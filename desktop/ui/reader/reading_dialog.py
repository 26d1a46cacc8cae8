"""Correct Reading…: the readings of a word's characters, one per character, editable.

The dialog only asks: it shows each character with the reading the ruby gives it
(pinyin with tone marks), and the zhuyin of what is typed as a check; Save is offered
while every reading is a pinyin syllable (tone marks or numbers, ``v`` for ``ü``).
Saving goes through :func:`desktop.core.readings.save_correction`, in a worker, by
:class:`~desktop.ui.reader.reading_aids.ReadingAids`.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dictionary.syllables import syllable_to_zhuyin, to_numbered
from desktop.ui.common.plain import plain_label, window_title

__all__ = ["CorrectReadingDialog"]


class CorrectReadingDialog(QDialog):
    """One line per character of ``word``, holding its reading in pinyin."""

    def __init__(self, word: str, readings: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.word = word
        self.setWindowTitle(window_title(self.tr("Correct Reading")))
        intro = plain_label(
            self.tr(
                "Readings of “{word}”, one per character, in pinyin with tone marks or "
                "numbers (háng or hang2). The correction applies wherever the word "
                "appears, in every document."
            ).format(word=word),
            self,
            wrap=True,
        )
        self.edits: list[QLineEdit] = []
        self.checks: list[QLabel] = []
        grid = self._character_rows(word, readings)
        self.problem = plain_label("", self, wrap=True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addLayout(grid)
        box.addWidget(self.problem)
        box.addWidget(self.buttons)
        self._validate()
        if self.edits:
            self.edits[0].setFocus()
            self.edits[0].selectAll()
        self.resize(max(self.sizeHint().width(), 28 * self.fontMetrics().averageCharWidth()), 0)

    def _character_rows(self, word: str, readings: list[str]) -> QGridLayout:
        """A row per character: the character (large), its reading to edit, and the
        zhuyin of what is typed (filled by :meth:`_validate`)."""
        grid = QGridLayout()
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.8)
        for row, (char, reading) in enumerate(zip(word, readings, strict=True)):
            label = plain_label(char, self)
            label.setFont(big)
            edit = QLineEdit(reading, self)
            edit.setAccessibleName(self.tr("Reading of {char}").format(char=char))
            label.setBuddy(edit)
            check = plain_label("", self)
            edit.textChanged.connect(self._validate)
            grid.addWidget(label, row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(check, row, 2)
            self.edits.append(edit)
            self.checks.append(check)
        return grid

    def readings(self) -> list[str]:
        """The readings typed, as numbered syllables (``"hang2"``); ValueError if one is
        no pinyin syllable."""
        return [to_numbered(edit.text().strip()) for edit in self.edits]

    def _validate(self) -> None:
        bad: str | None = None
        for edit, check in zip(self.edits, self.checks, strict=True):
            typed = edit.text().strip()
            try:
                check.setText(syllable_to_zhuyin(to_numbered(typed)))
            except ValueError:
                check.setText("?")
                bad = typed if bad is None else bad
        message = self.tr("“{reading}” is not a pinyin syllable.")
        self.problem.setText("" if bad is None else message.format(reading=bad))
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(bad is None)
