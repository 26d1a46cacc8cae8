"""Highlights, notes and bookmarks in the reader: the actions that make and change them.

Annotations are stored in canonical offsets (:class:`~desktop.core.annotations.
AnnotationStore`, the same store the reader keeps the reading position in); a
selection in the view becomes a canonical range here, and an item's quote is shown in
the script the reader shows.  :class:`AnnotationLayer` is what the window and the
annotations panel use: its actions (highlight, note, bookmark, a colour each), the
edits behind them with undo of a deletion, and the text's context menu.  It paints
through :class:`~desktop.ui.annotations.painter.HighlightPainter` and saves through
:class:`~desktop.ui.annotations.saving.AnnotationSaving`, whose results it passes on
(:attr:`~AnnotationLayer.saved`, :attr:`~AnnotationLayer.saveFailed`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from desktop.core.annotations import COLORS, Annotation, AnnotationStore
from desktop.core.annotations.model import normalize_time, utc_now
from desktop.core.records import DocRecord
from desktop.core.views import in_script
from desktop.ui.annotations.colours import color_label, swatch_icon
from desktop.ui.annotations.note_dialog import NoteDialog
from desktop.ui.annotations.painter import HighlightPainter
from desktop.ui.annotations.saving import AnnotationSaving
from desktop.ui.annotations.unsaved_dialog import (
    UnsavedChoice,
    UnsavedDialog,
    UnsavedDocument,
    ask_copy_path,
)
from desktop.ui.common.app_settings import AppSettings
from desktop.ui.reader.pane import ReaderPane

__all__ = ["AnnotationLayer", "MenuProvider"]

SAVE_DELAY_MS = 400

AskNote = Callable[[QWidget, str, str], "str | None"]
AskUnsaved = Callable[[QWidget, UnsavedDocument], UnsavedChoice]
AskPath = Callable[[QWidget, str], Path | None]
#: Adds entries for viewport point ``pos`` to the text menu (see AnnotationLayer.menu_providers).
MenuProvider = Callable[[QMenu, QPoint], None]


def _just_after(stamp: str) -> str:
    """Now, or a millisecond after ``stamp`` if that is later (merges need a newer time)."""
    now = utc_now()
    if now > stamp:
        return now
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")) + timedelta(milliseconds=1)
    return normalize_time(moment.isoformat())


class AnnotationLayer(QObject):
    """Turns selections into a document's annotations, and paints and saves them."""

    changed = Signal(str)  #: doc id: items were added, edited, deleted or restored
    saved = Signal(str)  #: doc id: annotation changes are on disk
    saveFailed = Signal(str)  #: why (the file is named); the changes stay in memory
    statusMessage = Signal(str)
    undoChanged = Signal(bool)  #: whether a deletion can be undone
    documentShown = Signal(str)  #: doc id ("" for none): another document is in the reader

    def __init__(self, reader: ReaderPane, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        self.color = "yellow"
        self.ask_note: AskNote = NoteDialog.ask
        self.ask_unsaved: AskUnsaved = UnsavedDialog.ask  #: the close question (tests answer it)
        self.ask_copy_path: AskPath = ask_copy_path  #: where "Save a Copy…" writes
        self._undo: list[Annotation] = []
        self._doc_id: str | None = None
        #: Called with the text menu and the viewport point after our entries, in
        #: order: other features (conversion corrections …) add theirs at the end.
        self.menu_providers: list[MenuProvider] = []
        self._painter = HighlightPainter(reader)
        self._saving = AnnotationSaving(reader, self)
        self._saving.saved.connect(self.saved)
        self._saving.saveFailed.connect(self.saveFailed)
        self._saving.statusMessage.connect(self.statusMessage)
        self._saving.carriedOver.connect(self._painter.refresh)
        self._saving.reloaded.connect(self._reloaded)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_now)
        self._build_actions()
        reader.pieceLoaded.connect(self._painter.paint_piece)
        reader.viewReset.connect(self._view_reset)
        reader.typographyChanged.connect(self._painter.theme_applied)
        reader.text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        reader.text.customContextMenuRequested.connect(self._context_menu)

    # ------------------------------------------------------------------ actions
    def _build_actions(self) -> None:
        self.highlight_action = self._action(self.tr("&Highlight"), "Ctrl+H", self.highlight)
        self.note_action = self._action(self.tr("Add or Edit &Note…"), "Ctrl+Shift+N", self.note)
        self.bookmark_action = self._action(self.tr("&Bookmark"), "Ctrl+B", self.toggle_bookmark)
        self.bookmark_action.setToolTip(self.tr("Add a bookmark here, or remove the one here"))
        self.color_actions: dict[str, QAction] = {}
        for n, color in enumerate(COLORS, start=1):
            action = self._action(
                color_label(color),
                f"Ctrl+Alt+{n}",
                lambda _=False, c=color: self.highlight(c),
            )
            action.setIcon(swatch_icon(color))
            self.color_actions[color] = action

    def _action(self, text: str, keys: str, slot: Callable[..., object]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _=False: slot())
        return action

    def actions(self) -> list[QAction]:
        """Highlight, note and bookmark actions (colour actions: :attr:`color_actions`)."""
        return [self.highlight_action, self.note_action, self.bookmark_action]

    # -------------------------------------------------------------- the store
    @property
    def store(self) -> AnnotationStore | None:
        return self.reader.store

    def _writable_store(self) -> AnnotationStore | None:
        store = self.store
        if store is None:
            self.statusMessage.emit(self.tr("Open a document first"))
            return None
        if store.read_only:
            self.statusMessage.emit(
                self.tr("{path} is read-only here; annotations cannot be changed").format(
                    path=store.path
                )
            )
            return None
        return store

    def items(self) -> list[Annotation]:
        """Live items of the open document in reading order."""
        return self.store.items() if self.store else []

    # ------------------------------------------------ the document, for the dialogs
    @property
    def doc_id(self) -> str | None:
        """The id of the document in the reader (None without one)."""
        return self.reader.doc_id

    @property
    def record(self) -> DocRecord | None:
        """The record of the document in the reader: its title and chapters."""
        return self.reader.record

    @property
    def shown_script(self) -> str:
        """The script the reader shows (an export offers it first)."""
        return self.reader.options.script

    @property
    def settings(self) -> AppSettings | None:
        """The window's settings, where the file dialogs keep their folders."""
        return self.reader.settings

    def _view_reset(self) -> None:
        if self.reader.store is not self._saving.shown:
            self._saving.show(self.reader.store)
        if self.reader.doc_id != self._doc_id:
            self._doc_id = self.reader.doc_id
            self._undo.clear()
            self.undoChanged.emit(False)
            self.documentShown.emit(self._doc_id or "")

    # --------------------------------------------------------------- offsets
    def _edge(self, view_offset: int, *, start: bool) -> int:
        """Canonical offset of a selection edge; hidden text beside it stays out."""
        before = self.reader.to_canonical(view_offset, "start")
        after = self.reader.to_canonical(view_offset, "end")
        if before == after:
            return before
        if start:
            return after if self.reader.to_view(after) == view_offset else before
        return before if self.reader.to_view(before) == view_offset else after

    def selection_range(self) -> tuple[int, int] | None:
        """The reader's selection as a canonical range (None when nothing is selected)."""
        cursor = self.reader.text.textCursor()
        if not cursor.hasSelection() or self.reader.doc_id is None:
            return None
        v0 = self.reader.qt_to_view(cursor.selectionStart())
        v1 = self.reader.qt_to_view(cursor.selectionEnd())
        start, end = self._edge(v0, start=True), self._edge(v1, start=False)
        return (start, end) if start < end else None

    def _cursor_canonical(self) -> int:
        cursor = self.reader.text.textCursor()
        return self.reader.to_canonical(self.reader.qt_to_view(cursor.position()))

    def view_span(self, start: int, end: int) -> tuple[int, int] | None:
        """A canonical range in loaded-view offsets (None when not loaded yet)."""
        pieces = self.reader.pieces()
        first = next((p for p in pieces if p[1] <= start <= p[1] + p[2].map.src_len), None)
        last = next((p for p in pieces if p[1] <= end <= p[1] + p[2].map.src_len), None)
        if first is None or last is None:
            return None
        v0 = first[0] + first[2].to_view(start - first[1], "start")
        v1 = last[0] + last[2].to_view(end - last[1], "end")
        return v0, max(v0, v1)

    # --------------------------------------------------------------- painting
    def repaint(self) -> None:
        """Clear and repaint every highlight in the loaded text."""
        self._painter.repaint()

    def painted_spans(self) -> list[tuple[int, int, str]]:
        """``(view start, view end, item id)`` of the text painted now, in order."""
        return self._painter.painted_spans()

    # ---------------------------------------------------------------- editing
    def highlight(self, color: str | None = None) -> Annotation | None:
        """Highlight the selection (or recolour a highlight of exactly that text)."""
        color = color or self.color
        store, span = self._writable_store(), self.selection_range()
        if store is None:
            return None
        if span is None:
            self.statusMessage.emit(self.tr("Select some text to highlight"))
            return None
        self.color = color
        same = [i for i in self.items() if (i.target.start, i.target.end) == span]
        if same and same[0].kind == "highlight":
            item = store.update(same[0].id, color=color)
        else:
            item = store.add_highlight(*span, color=color)
        self.notify_changed()
        return item

    def note(self) -> Annotation | None:
        """Add a note to the selection, or edit the note of the item under the cursor."""
        if self._writable_store() is None:
            return None
        span = self.selection_range()
        if span is None:
            under = self.items_at(self._cursor_canonical())
            if under:
                return self.edit_note(under[-1].id)
            self.statusMessage.emit(self.tr("Select some text to write a note about"))
            return None
        same = [i for i in self.items() if (i.target.start, i.target.end) == span]
        if same:
            return self.edit_note(same[0].id)
        text = self.ask_note(self.reader, self.quote_of_range(*span), "")
        if not text or self.store is None:
            return None
        item = self.store.add_note(*span, text)
        self.notify_changed()
        return item

    def edit_note(self, item_id: str) -> Annotation | None:
        """Ask for a new note text for an item; an empty note removes the note."""
        store = self._writable_store()
        if store is None:
            return None
        item = store.get(item_id)
        text = self.ask_note(self.reader, self.quote(item), item.note or "")
        if text is None:
            return None
        return self.set_note(item_id, text)

    def set_note(self, item_id: str, text: str) -> Annotation | None:
        store = self._writable_store()
        if store is None:
            return None
        updated = store.update(item_id, note=text or None)
        self.notify_changed()
        return updated

    def set_color(self, item_id: str, color: str) -> Annotation | None:
        """Change an item's colour (a plain note becomes coloured)."""
        store = self._writable_store()
        if store is None:
            return None
        updated = store.update(item_id, color=color)
        self.notify_changed()
        return updated

    def bookmark(self) -> Annotation | None:
        """Bookmark the selection's start, or the first visible character."""
        store = self._writable_store()
        if store is None:
            return None
        span = self.selection_range()
        offset = span[0] if span else self.reader.current_canonical()
        item = store.add_bookmark(offset)
        self.notify_changed()
        self.statusMessage.emit(self.tr("Bookmarked"))
        return item

    def toggle_bookmark(self) -> Annotation | None:
        """Remove the bookmark where :meth:`bookmark` would put one, else add it."""
        span = self.selection_range()
        offset = span[0] if span else self.reader.current_canonical()
        here = [i for i in self.items() if i.kind == "bookmark" and i.target.start == offset]
        if not here:
            return self.bookmark()
        if self._writable_store() is not None:
            self.delete(here[0].id)
            self.statusMessage.emit(self.tr("Bookmark removed; Ctrl+Z in the panel restores it"))
        return None

    def delete(self, item_id: str) -> None:
        """Delete an item; :meth:`undo_delete` brings it back."""
        store = self._writable_store()
        if store is None:
            return
        self._undo.append(store.get(item_id))
        store.delete(item_id)
        self.notify_changed()
        self.undoChanged.emit(True)
        self.statusMessage.emit(self.tr("Deleted; Ctrl+Z in the annotations panel undoes it"))

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo_delete(self) -> Annotation | None:
        """Restore the item deleted last (merged in as newer than its tombstone)."""
        store = self.store
        if store is None or not self._undo:
            return None
        before = self._undo.pop()
        tomb = store.get(before.id)
        restored = before.edited(_just_after(max(tomb.modified, tomb.deleted or "")))
        store.merge_in([restored])
        self.notify_changed()
        self.undoChanged.emit(bool(self._undo))
        return restored

    def notify_changed(self) -> None:
        """Repaint, schedule a save and tell listeners (also after an import)."""
        self._painter.refresh()
        self._save_timer.start()
        self.changed.emit(self.reader.doc_id or "")

    # ----------------------------------------------------------------- saving
    def save_now(self) -> None:
        """Ask the background savers to save now, skipping the pause after a failure
        (the user acted).  Returns at once; :attr:`saved` or :attr:`saveFailed` follows."""
        self._save_timer.stop()
        self._saving.save_now()

    def _reloaded(self, doc_id: str) -> None:
        """The shown store read its file again: its items may have changed."""
        self._painter.refresh()
        self.changed.emit(doc_id)

    def wait_for_saves(self, timeout_ms: int) -> bool:
        """Run the event loop (the window stays responsive) until no save is running or
        about to start, or ``timeout_ms`` passed.  True when nothing is left unsaved."""
        return self._saving.wait_for_saves(timeout_ms)

    def retry(self, store: AnnotationStore) -> None:
        """Try saving ``store`` again now."""
        self._saving.retry(store)

    def unsaved_document(self, store: AnnotationStore) -> UnsavedDocument | None:
        """What is unsaved in ``store``'s annotations (None: nothing)."""
        return self._saving.unsaved_document(store)

    def unsaved_documents(self) -> list[UnsavedDocument]:
        """Every document whose highlights, notes or bookmarks are not all on disk."""
        return self._saving.unsaved_documents()

    def shut_down(self) -> None:
        """Stop every saver, waiting a moment for a save in flight (the window closes)."""
        self._saving.shut_down()

    # ----------------------------------------------------------------- reading
    def items_at(self, offset: int) -> list[Annotation]:
        """Live highlights and notes covering canonical ``offset``."""
        return [
            i
            for i in self.items()
            if i.kind != "bookmark" and i.target.start <= offset < i.target.end
        ]

    def quote_of_range(self, start: int, end: int) -> str:
        """Canonical ``[start, end)`` as shown (loaded view text, else converted)."""
        span = self.view_span(start, end)
        if span is not None:
            return self.reader.view_text()[span[0] : span[1]]
        return self.in_shown_script(self.reader.canonical[start:end])

    def quote(self, item: Annotation) -> str:
        """An item's text in the script shown; a bookmark's: the text after it."""
        if item.orphaned:
            return self.in_shown_script(item.target.exact)
        if item.kind == "bookmark":
            after = self.reader.canonical[item.target.start : item.target.start + 40]
            return self.in_shown_script(after.split("\n", 1)[0].strip() or after.strip())
        return self.quote_of_range(item.target.start, item.target.end)

    def chapter_title_at(self, canonical: int) -> str:
        """The title of the chapter holding canonical offset ``canonical``, in the script
        shown ("" before the first chapter, or without chapters)."""
        chapters = sorted(self.record.chapters) if self.record else []
        n = bisect_right([offset for offset, _title in chapters], canonical) - 1
        return self.in_shown_script(chapters[n][1].strip()) if n >= 0 else ""

    def in_shown_script(self, text: str) -> str:
        options = self.reader.options
        return in_script(text, options.script, options.phrases)

    def jump_to(self, item_id: str) -> bool:
        """Show an item in the reader and select its text; False for an orphan."""
        store = self.store
        if store is None:
            return False
        item = store.get(item_id)
        if item.orphaned:
            self.statusMessage.emit(self.tr("This annotation's text is not in the document now"))
            return False
        span = self.view_span(item.target.start, item.target.end)
        if span is None:
            self.reader.go_to_canonical(item.target.start)
            span = self.view_span(item.target.start, item.target.end)
        if span is None:
            return False
        self.reader.select_view_range(*span)
        return True

    # ------------------------------------------------------------ context menu
    def context_menu(self, pos: QPoint) -> QMenu:
        """The text's context menu at viewport ``pos``: Qt's copy/select, then ours."""
        menu = self.reader.text.createStandardContextMenu(pos)
        menu.setAccessibleName(self.tr("Text menu"))
        self.fill_menu(menu, pos)
        for provider in self.menu_providers:
            provider(menu, pos)
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        menu = self.context_menu(pos)
        menu.exec(self.reader.text.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def fill_menu(self, menu: QMenu, pos: QPoint | None = None) -> None:
        """Add the annotation actions (and those for the item under ``pos``) to a menu."""
        menu.addSeparator()
        colors = menu.addMenu(self.tr("Highlight in Colour"))
        for action in self.color_actions.values():
            colors.addAction(action)
        menu.addAction(self.highlight_action)
        menu.addAction(self.note_action)
        menu.addAction(self.bookmark_action)
        if pos is None or self.store is None:
            return
        q = self.reader.text.cursorForPosition(pos).position()
        under = self.items_at(self.reader.to_canonical(self.reader.qt_to_view(q)))
        if under:
            item_id = under[-1].id
            menu.addSeparator()
            remove = menu.addAction(self.tr("Remove Highlight"))
            remove.triggered.connect(lambda _=False: self.delete(item_id))
