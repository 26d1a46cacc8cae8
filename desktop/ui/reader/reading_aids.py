"""The reading aids of a reader pane: ruby, pop-up dictionary, reading corrections.

:class:`ReadingAids` is made by the :class:`~desktop.ui.reader.pane.ReaderPane` and
owns the parts: the sources they read from (:class:`~desktop.ui.reader.aid_sources.
AidSources`), the readings above the characters (:class:`~desktop.ui.reader.ruby.
RubyLayer`), the pop-up dictionary (:class:`~desktop.ui.reader.word_lookup.WordLookup`)
and Correct Reading… (:class:`~desktop.ui.reader.reading_dialog.CorrectReadingDialog`,
saved through :func:`desktop.core.readings.save_correction` in a worker and applied at
once: the ruby reads the page again with the new corrections).

The actions work while the reader pane has the focus (they are the pane's, with
``WidgetWithChildrenShortcut``); the window puts them in its menus.  The text's
context menu gets "Look Up “word”" and "Correct Reading…" on a Han word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from desktop.core.readings import Correction, read_corrections, save_correction, view_region
from desktop.core.script import HAN
from desktop.core.views.region import document_region
from desktop.ui.common.app_settings import RUBY_STYLES
from desktop.ui.common.errors import describe
from desktop.ui.common.workers import Task, run_in_background
from desktop.ui.reader.aid_sources import AidSources, piece_at
from desktop.ui.reader.ruby import RubyLayer
from desktop.ui.reader.word_lookup import WordLookup

if TYPE_CHECKING:
    from desktop.ui.reader.pane import ReaderPane

__all__ = ["RUBY_LABELS", "ReadingAids", "ruby_label"]

#: The ruby choices as the toolbar and the menus name them.
RUBY_LABELS = {
    "none": str(QT_TRANSLATE_NOOP("ReadingAids", "None")),
    "pinyin": str(QT_TRANSLATE_NOOP("ReadingAids", "Pinyin")),
    "zhuyin": str(QT_TRANSLATE_NOOP("ReadingAids", "Zhuyin (Bopomofo)")),
}
#: The longest word a correction may hold (as desktop.core.readings.corrections).
MOST_CHARS = 32
_ALL_HAN = re.compile(f"[{HAN}]+")

#: Asks for a word's readings (the dialog; tests answer it): parent, word, readings.
AskReadings = Callable[[QWidget, str, list[str]], "list[str] | None"]


def ruby_label(style: str) -> str:
    """The name of a ruby choice ("pinyin" → Pinyin) in the interface language."""
    return QCoreApplication.translate("ReadingAids", RUBY_LABELS.get(style, style))


def ask_readings(parent: QWidget, word: str, readings: list[str]) -> list[str] | None:
    """The Correct Reading dialog: the numbered readings typed, or None if cancelled."""
    from desktop.ui.reader.reading_dialog import CorrectReadingDialog  # not before first use

    dialog = CorrectReadingDialog(word, readings, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.readings()
    finally:
        dialog.deleteLater()


class ReadingAids(QObject):
    """Ruby, pop-up dictionary and reading corrections for one reader pane."""

    def __init__(self, reader: ReaderPane) -> None:
        super().__init__(reader)
        self.reader = reader
        root = reader.library.root if reader.library is not None else None
        self.sources = AidSources(root, self)
        self.sources.statusMessage.connect(reader.statusMessage)
        self.ruby = RubyLayer(reader, self.sources)
        self.lookup = WordLookup(reader, self.sources)
        self.ask_readings: AskReadings = ask_readings
        self._pending: Callable[[], None] | None = None  # waits for the dictionary or reader
        self._build_actions()
        reader.text.add_menu_entries(self.fill_menu)
        self.ruby.styleChanged.connect(self._show_ruby_style)
        self.sources.dictionaryReady.connect(self._run_pending)
        self.sources.readerReady.connect(self._run_pending)

    # ------------------------------------------------------------------ actions
    def _action(self, text: str, keys: str = "") -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.reader.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.look_up_action = self._action(self.tr("&Look Up"), "Ctrl+D")
        self.look_up_action.setToolTip(
            self.tr("Look up the selected word, or the word under the pointer")
        )
        self.look_up_action.triggered.connect(lambda _=False: self.lookup.look_up_here())
        self.lookup_mode_action = self._action(self.tr("Look-Up &Mode"), "Ctrl+Shift+D")
        self.lookup_mode_action.setCheckable(True)
        self.lookup_mode_action.setToolTip(
            self.tr("Look up each word the pointer rests on (or hold Ctrl while pointing)")
        )
        self.lookup_mode_action.toggled.connect(self.lookup.set_mode)
        self.correct_action = self._action(self.tr("Correct &Reading…"))
        self.correct_action.setEnabled(self.sources.library_root is not None)
        self.correct_action.triggered.connect(lambda _=False: self.correct_here())
        self.ruby_group = QActionGroup(self)
        self.ruby_actions: dict[str, QAction] = {}
        for style in RUBY_STYLES:
            action = self._action(ruby_label(style))
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, s=style: self.ruby.set_style(s))
            self.ruby_group.addAction(action)
            self.ruby_actions[style] = action
        self._show_ruby_style(self.ruby.style)

    def actions(self) -> list[QAction]:
        """Look Up, Look-Up Mode and Correct Reading (the ruby's: :attr:`ruby_actions`)."""
        return [self.look_up_action, self.lookup_mode_action, self.correct_action]

    def _show_ruby_style(self, style: str) -> None:
        if style in self.ruby_actions:
            self.ruby_actions[style].setChecked(True)

    def _run_pending(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            pending()

    # ------------------------------------------------------------- text menu
    def fill_menu(self, menu: QMenu, pos: QPoint | None) -> None:
        """Add "Look Up “word”" and "Correct Reading…" for the Han word at viewport
        ``pos`` (or the selection) to the text's context menu."""
        target = self._target(pos)
        if target is None:
            return
        v0, v1, selected = target
        menu.addSeparator()
        dictionary = self.sources.dictionary()
        if dictionary is None:
            self.sources.want_dictionary()  # ready by the time an entry is chosen, mostly
        elif not selected:
            v0, v1 = self._word_around(v0) or (v0, v1)
        word = self._text(v0, v1)
        if selected and dictionary is not None:  # the word the card will show first
            entry = piece_at(self.reader.pieces(), v0)
            found = entry and dictionary.longest_match(entry[2].text, v0 - entry[0], v1 - entry[0])
            word = found.text if found else word
        look = menu.addAction(self.tr("Look Up “{word}”").format(word=word))
        look.triggered.connect(
            lambda _=False: self.lookup.look_up_view(v0, v1 if selected else None, say_none=True)
        )
        if self.sources.library_root is not None:
            correct = menu.addAction(self.tr("Correct Reading…"))
            correct.triggered.connect(
                lambda _=False: self.correct_reading(v0, v1 if selected or dictionary else None)
            )

    def _text(self, v0: int, v1: int) -> str:
        entry = piece_at(self.reader.pieces(), v0)
        return "" if entry is None else entry[2].text[v0 - entry[0] : v1 - entry[0]]

    def _target(self, pos: QPoint | None) -> tuple[int, int, bool] | None:
        """The selection if it is Han text (and ``pos`` in it), else the Han character
        at ``pos``: ``(view start, view end, selected)``."""
        cursor = self.reader.text.textCursor()
        if cursor.hasSelection():
            v0 = self.reader.qt_to_view(cursor.selectionStart())
            v1 = self.reader.qt_to_view(cursor.selectionEnd())
            inside = pos is None or (
                (v := self.lookup.view_at_text(pos)) is not None and v0 <= v < v1
            )
            if inside and v1 - v0 <= MOST_CHARS and _ALL_HAN.fullmatch(self._text(v0, v1)):
                return v0, v1, True
        view = self.lookup.view_at_text(pos) if pos is not None else None
        if view is None or not _ALL_HAN.fullmatch(self._text(view, view + 1)):
            return None
        return view, view + 1, False

    def _word_around(self, view: int) -> tuple[int, int] | None:
        """The dictionary word holding the character at ``view`` (as the line around it
        is cut into words), all Han."""
        dictionary = self.sources.dictionary()
        entry = piece_at(self.reader.pieces(), view)
        if dictionary is None or entry is None:
            return None
        text, local = entry[2].text, view - entry[0]
        start = max(text.rfind("\n", 0, local) + 1, local - MOST_CHARS)
        end = text.find("\n", local)
        end = min(len(text) if end < 0 else end, local + MOST_CHARS)
        for a, b in dictionary.segment(text, start, end):
            if a <= local < b and _ALL_HAN.fullmatch(text[a:b]):
                return entry[0] + a, entry[0] + b
        return None

    # ------------------------------------------------------------- corrections
    def correct_here(self) -> None:
        """Correct Reading… from the menu or a key: the selection, else the word at the
        text cursor."""
        target = self._target(None)
        if target is None:
            cursor = self.reader.text.textCursor()
            view = self.reader.qt_to_view(cursor.position())
            if not _ALL_HAN.fullmatch(self._text(view, view + 1)):
                self.reader.statusMessage.emit(
                    self.tr("Select a word in Chinese characters to correct its reading")
                )
                return
            target = (view, view + 1, False)
        v0, v1, selected = target
        self.correct_reading(v0, v1 if selected else None)

    def correct_reading(self, view: int, view_end: int | None = None) -> None:
        """Ask for the readings of view ``[view, view_end)`` (None: the dictionary word
        holding ``view``) and save them as a correction.  Waits for the dictionary and
        the reader of readings if they are still loading."""
        if self.sources.library_root is None:
            return
        if view_end is None:
            if self.sources.dictionary() is None:
                self._wait(lambda: self.correct_reading(view, None), dictionary=True)
                return
            view, view_end = self._word_around(view) or (view, view + 1)
        reader = self.sources.reader()
        if reader is None:
            self._wait(lambda: self.correct_reading(view, view_end), dictionary=False)
            return
        entry = piece_at(self.reader.pieces(), view)
        if entry is None:
            return
        a, b = view - entry[0], view_end - entry[0]
        word = entry[2].text[a:b]
        found = dict(
            (start, reading)
            for start, _end, reading in reader.spans(
                entry[2].text, a, b, style="pinyin", region=self._region()
            )
        )
        readings = self.ask_readings(self.reader, word, [found.get(i, "") for i in range(a, b)])
        if readings is not None:
            self._save(word, readings)

    def _wait(self, then: Callable[[], None], *, dictionary: bool) -> None:
        self._pending = then
        if dictionary:
            self.sources.want_dictionary()
        else:
            self.sources.want_reader()
        self.reader.statusMessage.emit(self.tr("Loading the readings…"))

    def _region(self) -> str:
        r = self.reader
        document = None
        if r.options.script == "original":
            document = (r.record.region if r.record else None) or document_region(r.canonical)
        return view_region(r.options.script, document)

    def _save(self, word: str, readings: list[str]) -> None:
        root = self.sources.library_root
        assert root is not None

        def work(_task: Task) -> list[Correction]:
            save_correction(root, word, readings)
            return read_corrections(root)

        def done(corrections: list[Correction]) -> None:
            from desktop.core.dictionary.syllables import to_marks

            reader = self.sources.reader()
            if reader is not None:
                self.sources.set_reader(reader.with_corrections(corrections))
            self.reader.statusMessage.emit(
                self.tr("Reading of “{word}” saved: {reading}").format(
                    word=word, reading=to_marks(" ".join(readings))
                )
            )

        def failed(exc: BaseException) -> None:
            problem = describe(exc, root / "readings.json").text
            self.reader.statusMessage.emit(
                self.tr("The reading of “{word}” was not saved: {problem}").format(
                    word=word, problem=problem
                )
            )

        run_in_background(work, on_done=done, on_failure=failed)
