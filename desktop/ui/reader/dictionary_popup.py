"""The pop-up dictionary's card: a word's entries shown over the reader's page.

:class:`DictionaryPopup` only shows what it is given (:class:`~desktop.ui.reader.
word_lookup.WordLookup` finds the words): the word as the reader shows it, then each
CC-CEDICT entry with its 简体 and 繁體 forms, its pinyin with tone marks and its
zhuyin (zhuyin first in the 臺灣 view), and every sense, then the shorter words inside
it.  Every text is plain (``Qt.TextFormat.PlainText``): the word comes from the
document and the senses from a data file, neither is markup.

It is a child of the reader pane, not a window, so it never takes the window's focus
and moves with the pane.  A click on it keeps it (``pinned``) until Esc or ✕; Left and
Right ask for the previous and next word (``stepRequested``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.common.plain import plain_label

if TYPE_CHECKING:
    from desktop.core.dictionary import Entry, Word

__all__ = ["DictionaryPopup"]

#: How many senses of a shorter word are shown (all of the word's own are).
PART_SENSES = 3
#: Widest the card grows, in characters of the body font.
WIDTH_EM = 26


def _script_name(script: str) -> str:
    """简体 or 繁體 in the interface language (the toolbar's translations)."""
    return QCoreApplication.translate("ScriptNames", script)


class DictionaryPopup(QFrame):
    """A card with a word's dictionary entries, over the reader's page."""

    closed = Signal()
    stepRequested = Signal(int)  #: -1 previous word, +1 next word
    pinnedChanged = Signal(bool)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.pinned = False
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setLineWidth(1)
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setAccessibleName(self.tr("Dictionary"))
        self.headword = plain_label(parent=self)
        self.headword.setAccessibleName(self.tr("Word"))
        self.headword.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        self.close_button.setAccessibleName(self.tr("Close the dictionary"))
        self.close_button.clicked.connect(self.dismiss)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.body)
        self.scroll_area.viewport().setAutoFillBackground(False)
        self.body.setAutoFillBackground(False)
        top = QHBoxLayout()
        top.addWidget(self.headword, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.outer_layout = QVBoxLayout(self)
        self.outer_layout.addLayout(top)
        self.outer_layout.addWidget(self.scroll_area, 1)
        self._labels: list[QLabel] = []
        self.hide()

    # ----------------------------------------------------------------- content
    def texts(self) -> list[str]:
        """Every text the card shows, top to bottom (the word first)."""
        return [self.headword.text(), *(label.text() for label in self._labels)]

    def _clear(self) -> None:
        for label in self._labels:
            label.hide()
            label.deleteLater()
        self._labels = []
        while self.body_layout.count():
            self.body_layout.takeAt(0)

    def _add(self, text: str, *, role: str = "") -> QLabel:
        label = plain_label(text, self.body, wrap=True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.installEventFilter(self)
        if role == "reading":
            font = QFont(label.font())
            font.setPointSizeF(font.pointSizeF() * 1.1)
            label.setFont(font)
        elif role == "heading":
            font = QFont(label.font())
            font.setBold(True)
            label.setFont(font)
        self.body_layout.addWidget(label)
        label.show()  # a widget added to a card already shown stays hidden otherwise
        self._labels.append(label)
        return label

    def _heading(self, text: str) -> None:
        self.headword.setText(text)
        parent = self.parentWidget()
        font = QFont(parent.font() if parent is not None else self.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.headword.setFont(font)

    def show_message(self, headline: str, message: str = "") -> None:
        """A line in place of entries: "Loading the dictionary…", a problem."""
        self._clear()
        self._heading(headline)
        if message:
            self._add(message)
        self.body_layout.addStretch(1)

    def show_word(self, word: Word, *, zhuyin_first: bool = False) -> None:
        """``word`` (as the reader shows it) with its entries and the words inside it."""
        self._clear()
        self._heading(word.text)
        for entry in word.entries:
            self._entry(entry, zhuyin_first)
        if word.parts:
            self._add(self.tr("Words inside"), role="heading")
            for part in word.parts:
                self._add(self._part_line(part, zhuyin_first))
        self.body_layout.addStretch(1)

    def _entry(self, entry: Entry, zhuyin_first: bool) -> None:
        simplified, traditional = _script_name("简体"), _script_name("繁體")
        self._add(f"{simplified} {entry.simplified}   {traditional} {entry.traditional}")
        readings = (entry.zhuyin, entry.pinyin) if zhuyin_first else (entry.pinyin, entry.zhuyin)
        self._add("   ".join(readings), role="reading")
        senses = [f"{n}. {sense}" for n, sense in enumerate(entry.definitions, start=1)]
        self._add("\n".join(senses))

    @staticmethod
    def _part_line(part: Word, zhuyin_first: bool) -> str:
        readings = []
        for entry in part.entries:
            reading = entry.zhuyin if zhuyin_first else entry.pinyin
            if reading not in readings:
                readings.append(reading)
        senses = part.entries[0].definitions[:PART_SENSES] if part.entries else ()
        return f"{part.text}  {' / '.join(readings)}  {'; '.join(senses)}"

    # --------------------------------------------------------------- placing
    def recolour(self, background: str, text: str) -> None:
        """The card in the reader theme's colours."""
        palette = self.palette()
        for role, colour in (
            (QPalette.ColorRole.Window, background),
            (QPalette.ColorRole.Base, background),
            (QPalette.ColorRole.WindowText, text),
            (QPalette.ColorRole.Text, text),
            (QPalette.ColorRole.ButtonText, text),
        ):
            palette.setColor(role, QColor(colour))
        self.setPalette(palette)

    def place(self, word_box: QRect, *, beside: bool = False) -> None:
        """Show the card under ``word_box`` (the word's line, in the parent's
        coordinates), or over it when there is no room below; kept inside the parent.
        With ``beside`` (a word in a vertical column): left of it, else right of it."""
        parent = self.parentWidget()
        if parent is None:
            return
        em = self.fontMetrics().horizontalAdvance("中")
        width = min(WIDTH_EM * em, max(10 * em, parent.width() - 16))
        outer = self.outer_layout
        margins = outer.contentsMargins()
        sides = margins.left() + margins.right() + 2 * self.frameWidth()
        body_width = width - sides - self.scroll_area.verticalScrollBar().sizeHint().width()
        body_height = self.body_layout.totalHeightForWidth(body_width)
        header = max(self.headword.sizeHint().height(), self.close_button.sizeHint().height())
        chrome = header + outer.spacing() + margins.top() + margins.bottom() + 2 * self.frameWidth()
        room_below = parent.height() - word_box.bottom() - 8
        room_above = word_box.top() - 8
        most = max(room_below, room_above, 6 * em)
        if beside:  # vertical mode (issue 19)
            most = parent.height() - 16
        height = min(body_height + chrome, most, int(parent.height() * 0.7))
        self.resize(width, height)
        if beside:  # vertical mode (issue 19): beside the column, level with the word
            left = word_box.left() - width - 4
            x = left if left >= 8 else min(word_box.right() + 4, parent.width() - width - 8)
            self.move(max(0, x), max(0, min(word_box.top(), parent.height() - height)))
            self.show()
            self.raise_()
            return
        x = max(8, min(word_box.left(), parent.width() - width - 8))
        if height <= room_below or room_below >= room_above:
            y = word_box.bottom() + 2
        else:
            y = word_box.top() - height - 2
        self.move(x, max(0, y))
        self.show()
        self.raise_()

    # ------------------------------------------------------------------ input
    def set_pinned(self, pinned: bool) -> None:
        if pinned != self.pinned:
            self.pinned = pinned
            self.setLineWidth(2 if pinned else 1)
            self.pinnedChanged.emit(pinned)

    def dismiss(self) -> None:
        """Close the card (pinned or not)."""
        if self.isVisible() or self.pinned:
            self.set_pinned(False)
            self.hide()
            self.closed.emit()

    def mousePressEvent(self, event: object) -> None:
        self.set_pinned(True)
        super().mousePressEvent(event)  # type: ignore[arg-type]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress:
            self.set_pinned(True)  # a click on a sense keeps the card too
        elif isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            return self.handle_key(event)
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.handle_key(event):
            super().keyPressEvent(event)

    def handle_key(self, event: QKeyEvent) -> bool:
        """Esc closes, Left and Right step to the previous and next word."""
        if event.modifiers() not in (Qt.KeyboardModifier.NoModifier,):
            return False
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.dismiss()
            return True
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.stepRequested.emit(-1 if key == Qt.Key.Key_Left else 1)
            return True
        return False
