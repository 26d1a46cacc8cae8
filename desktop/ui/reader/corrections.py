"""Conversion you can correct: the text menu's choices for a converted word, and undo.

Right-click a word in a converted view (not 原文) and the text menu offers, under
"Correct Conversion of “後”", OpenCC's other forms for it and "Keep the original",
each for this document or for all documents.  A choice is stored as a conversion
rule (:class:`~desktop.ui.reader.rule_service.ConversionRuleService`, in the
background); the reader then shows the document again with the rule, at the same
place, and :attr:`ConversionCorrections.notice` says what was done, with Undo.
Where a rule made the form shown, the menu also offers to remove that rule.

The choices come from :func:`desktop.core.views.corrections.choice_at` on the piece of
the view under the pointer; OpenCC's tables are read in a worker when a converted
view opens (:func:`~desktop.core.views.corrections.preload`), so the first right-click
does not wait.  :attr:`ConversionCorrections.spots_action` turns on the "check these
spots" mark (:mod:`desktop.ui.reader.conversion_spots`), kept in the settings.

The window installs it once (:meth:`ConversionCorrections.install`) and places
:attr:`~ConversionCorrections.notice` in its status bar and
:attr:`~ConversionCorrections.spots_action` in its View menu.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint, QPointF, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QMenu, QToolButton, QWidget

from desktop.core.views.rules import ConversionRule
from desktop.ui.common.plain import plain_label
from desktop.ui.common.workers import Task, run_in_background
from desktop.ui.reader.conversion_spots import ConversionSpotMarks
from desktop.ui.reader.toolbar import script_label

if TYPE_CHECKING:
    from desktop.core.views import TextView
    from desktop.core.views.corrections import ConversionChoice
    from desktop.ui.annotations.layer import AnnotationLayer
    from desktop.ui.reader.pane import ReaderPane
    from desktop.ui.reader.rule_service import ConversionRuleService

__all__ = ["ConversionCorrections", "CorrectionNotice", "PlacedChoice"]

log = logging.getLogger(__name__)

#: How long the notice of a change stays in the status bar.
NOTICE_MS = 30_000


@dataclass(frozen=True)
class PlacedChoice:
    """A :class:`ConversionChoice` and the document it was made in."""

    choice: ConversionChoice
    doc_id: str


@dataclass(frozen=True)
class _Undo:
    """How to take back the last change: the rule added (and the one it replaced), or
    the rule removed and where it was."""

    added: ConversionRule | None = None
    replaced: ConversionRule | None = None
    removed: ConversionRule | None = None
    index: int = -1


def _core() -> Any:
    """desktop.core.views.corrections, imported when first used: it reads OpenCC's
    tables with numpy, which the window's first paint must not wait for
    (tests/test_startup_imports.py)."""
    from desktop.core.views import corrections

    return corrections


def _menu_text(word: str) -> str:
    """A word of the document in a menu entry: shown as written (``&`` is no mnemonic)."""
    return word.replace("&", "&&")


class CorrectionNotice(QWidget):
    """What the last correction did, and Undo: for the window's status bar."""

    def __init__(self, undo: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = plain_label(parent=self)  # holds words of the document
        self.button = QToolButton(self)
        self.button.setDefaultAction(undo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self.setAccessibleName(self.tr("Conversion correction"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(NOTICE_MS)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def say(self, text: str, *, undo: bool) -> None:
        """Show ``text`` for a while, with the Undo button when there is one."""
        self.label.setText(text)
        self.button.setVisible(undo)
        if self.parentWidget() is not None:  # in the status bar, not a window of its own
            self.show()
            self._timer.start()


class ConversionCorrections(QObject):
    """The correction entries of ``reader``'s text menu, their undo and the spot marks."""

    statusMessage = Signal(str)  #: a correction failed: why, naming the file
    changed = Signal()  #: a correction or its undo is stored and shown

    def __init__(self, reader: ReaderPane, layer: AnnotationLayer | None = None) -> None:
        super().__init__(reader)
        self.reader = reader
        self.rules: ConversionRuleService | None = reader.conversion_rules
        self._undo: _Undo | None = None
        self._preloaded: set[tuple[object, ...]] = set()
        self.undo_action = QAction(self.tr("&Undo"), self)
        self.undo_action.setToolTip(self.tr("Take back the last conversion correction"))
        self.undo_action.setEnabled(False)
        self.undo_action.triggered.connect(lambda _=False: self.undo())
        self.notice = CorrectionNotice(self.undo_action)
        self.spots = ConversionSpotMarks(reader)
        self.spots_action = QAction(self.tr("Mark Conversions to &Check"), self)
        self.spots_action.setCheckable(True)
        self.spots_action.setToolTip(
            self.tr("Underline the words where OpenCC chose one of several forms")
        )
        self.spots_action.toggled.connect(self._spots_toggled)
        if layer is not None:
            layer.menu_providers.append(self.add_to_menu)
        if self.rules is not None:
            self.rules.failed.connect(self.statusMessage)
        reader.viewReset.connect(self._preload)
        reader.typographyChanged.connect(self._settings_applied)
        self._settings_applied()

    @classmethod
    def install(
        cls, reader: ReaderPane, layer: AnnotationLayer | None = None
    ) -> ConversionCorrections:
        """Corrections for ``reader``; ``layer``'s text menu gets their entries."""
        return cls(reader, layer)

    # ---------------------------------------------------------------- choices
    def choice_at(self, pos: QPoint) -> PlacedChoice | None:
        """The conversion choice for the word under viewport point ``pos`` (or the
        selection, when ``pos`` is inside it), None where there is nothing to choose."""
        reader = self.reader
        if reader.doc_id is None or reader.options.script == "original" or self.rules is None:
            return None
        v = self._vertical_offset_at(pos)
        if v is None:
            page = reader.text
            cursor = page.cursorForPosition(pos)
            q = cursor.position()
            if pos.x() < page.cursorRect(cursor).left() and q > 0:
                q -= 1  # the point is on the character before the nearest boundary
            v = reader.qt_to_view(q)
        selected = reader.text.textCursor()  # the vertical page mirrors its selection here
        if selected.hasSelection():
            v0 = reader.qt_to_view(selected.selectionStart())
            v1 = reader.qt_to_view(selected.selectionEnd())
            if v0 <= v < v1:
                return self.choice_in_view(v0, v1)
        return self.choice_in_view(v)

    def _vertical_offset_at(self, pos: QPoint) -> int | None:
        """In vertical mode (直排), the view offset of the character at ``pos``: the menu
        asks at the point mapped onto the hidden horizontal page (vertical/mode.py)."""
        vertical = getattr(self.reader, "vertical", None)
        if vertical is None or not vertical.on:
            return None
        page = vertical.page
        point = QPointF(page.mapFromGlobal(self.reader.text.viewport().mapToGlobal(pos)))
        caret = page.offset_at(point)
        rect = page.char_rect(caret)
        on_it = rect is not None and rect.contains(point)
        return caret if on_it or caret == 0 else caret - 1

    def choice_in_view(self, v0: int, v1: int | None = None) -> PlacedChoice | None:
        """The choice for the word at loaded-view offset ``v0`` (or exactly the view range
        ``[v0, v1)``, within one piece)."""
        reader = self.reader
        if reader.doc_id is None:
            return None
        for view_start, canon_start, view in reader.pieces():
            if view_start <= v0 < view_start + len(view.text):
                end = None if v1 is None else min(v1, view_start + len(view.text)) - view_start
                choice = _core().choice_at(
                    reader.canonical, view, v0 - view_start, end, origin=canon_start
                )
                return PlacedChoice(choice, reader.doc_id) if choice else None
        return None

    def add_to_menu(self, menu: QMenu, pos: QPoint) -> None:
        """Add "Correct Conversion of …" for the word at ``pos`` to the text menu (a
        :data:`~desktop.ui.annotations.layer.MenuProvider`)."""
        try:
            placed = self.choice_at(pos)
        except (OSError, ValueError) as exc:  # OpenCC's tables could not be read
            log.warning("no conversion choices: %s", exc)
            return
        if placed is not None:
            menu.addSeparator()
            self.fill_menu(menu, placed)

    def fill_menu(self, menu: QMenu, placed: PlacedChoice) -> QMenu:
        """The submenu of ``placed``'s choices, added to ``menu``."""
        choice = placed.choice
        sub = menu.addMenu(
            self.tr("Correct Conversion of “{word}”").format(word=_menu_text(choice.shown))
        )
        script = script_label(choice.script)
        for doc, heading in (
            (placed.doc_id, self.tr("This document ({script})")),
            (None, self.tr("All documents ({script})")),
        ):
            title = sub.addAction(heading.format(script=script))
            title.setEnabled(False)
            self._add_forms(sub, choice, doc)
        if choice.rule is not None:
            sub.addSeparator()
            rule = choice.rule
            remove = sub.addAction(
                self.tr("Remove the Rule “{source}” → “{target}”").format(
                    source=_menu_text(rule.source), target=_menu_text(rule.target)
                )
            )
            remove.triggered.connect(lambda _=False: self.remove_rule(rule))
        return sub

    def _add_forms(self, menu: QMenu, choice: ConversionChoice, doc: str | None) -> None:
        shown = menu.addAction(self.tr("{word} (shown now)").format(word=_menu_text(choice.shown)))
        shown.setCheckable(True)
        shown.setChecked(True)
        shown.setEnabled(False)
        for form in choice.alternatives:
            text = _menu_text(form)
            if form == choice.converted:
                text = self.tr("{word} (OpenCC's choice)").format(word=text)
            action = menu.addAction(text)
            action.triggered.connect(lambda _=False, f=form: self.choose(choice, f, doc))
        if choice.can_keep_original:
            text = self.tr("Keep the Original “{word}”").format(word=_menu_text(choice.source))
            action = menu.addAction(text)
            action.triggered.connect(lambda _=False: self.choose(choice, choice.source, doc))

    # --------------------------------------------------------------- changing
    def choose(self, choice: ConversionChoice, form: str, doc_id: str | None) -> None:
        """Show ``form`` for ``choice``'s word in this document (``doc_id``) or in all
        (None), as a rule stored in the background; the view follows."""
        if self.rules is None:
            return
        rule = choice.rule_for(form, doc=doc_id)

        def added(replaced: ConversionRule | None) -> None:
            self._set_undo(_Undo(added=rule, replaced=replaced))
            self.notice.say(self._describe(rule), undo=True)
            self.changed.emit()

        self.rules.add(rule, on_done=added)

    def remove_rule(self, rule: ConversionRule) -> None:
        """Remove ``rule`` in the background (Undo puts it back where it was)."""
        if self.rules is None:
            return

        def removed(index: int) -> None:
            if index < 0:
                return
            self._set_undo(_Undo(removed=rule, index=index))
            text = self.tr("Rule removed: “{source}” is converted by OpenCC again.")
            self.notice.say(text.format(source=rule.source), undo=True)
            self.changed.emit()

        self.rules.remove(rule, on_done=removed)

    def _describe(self, rule: ConversionRule) -> str:
        if rule.source == rule.target:
            if rule.doc is None:
                text = self.tr("“{source}” is now kept as written in all documents ({script}).")
            else:
                text = self.tr("“{source}” is now kept as written in this document ({script}).")
        elif rule.doc is None:
            text = self.tr("“{source}” is now shown as “{target}” in all documents ({script}).")
        else:
            text = self.tr("“{source}” is now shown as “{target}” in this document ({script}).")
        return text.format(source=rule.source, target=rule.target, script=script_label(rule.script))

    def _set_undo(self, undo: _Undo | None) -> None:
        self._undo = undo
        self.undo_action.setEnabled(undo is not None)

    @property
    def can_undo(self) -> bool:
        return self._undo is not None

    def undo(self) -> None:
        """Take back the last correction (or the last rule removed from the menu)."""
        undo, rules = self._undo, self.rules
        if undo is None or rules is None:
            return
        self._set_undo(None)

        def undone(_result: object) -> None:
            self.notice.say(self.tr("The conversion correction was undone."), undo=False)
            self.changed.emit()

        if undo.removed is not None:
            rules.add(undo.removed, undo.index, on_done=undone)
        elif undo.replaced is not None:
            rules.add(undo.replaced, on_done=undone)
        elif undo.added is not None:
            rules.remove(undo.added, on_done=undone)

    # ------------------------------------------------------------- preloading
    def _preload(self) -> None:
        """Read OpenCC's tables for the view just opened, once per conversion."""
        pieces = self.reader.pieces()
        if not pieces or self.reader.options.script == "original":
            return
        view: TextView = pieces[0][2]
        options = view.options
        key = (options.script, options.phrases, options.region, view.region)
        if key in self._preloaded:
            return
        self._preloaded.add(key)

        def work(_task: Task) -> bool:
            return bool(_core().preload(view))

        def failed(exc: BaseException) -> None:
            log.warning("OpenCC's tables not read: %s", exc)
            self._preloaded.discard(key)

        run_in_background(work, on_failure=failed)

    # ------------------------------------------------------------------ spots
    def _spots_toggled(self, on: bool) -> None:
        settings = self.reader.settings
        if settings is not None and settings.mark_conversion_spots != on:
            settings.mark_conversion_spots = on
        self.spots.set_enabled(on)

    def _settings_applied(self) -> None:
        """Follow the stored choice (Settings, or another window's toggle)."""
        settings = self.reader.settings
        on = settings.mark_conversion_spots if settings is not None else False
        if self.spots_action.isChecked() != on:
            self.spots_action.setChecked(on)
        elif self.spots.enabled != on:
            self.spots.set_enabled(on)
