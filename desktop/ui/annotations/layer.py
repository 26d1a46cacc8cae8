"""Highlights, notes and bookmarks in the reader: painting them and making them.

Annotations are stored in canonical offsets (:class:`~desktop.core.annotations.
AnnotationStore`, the same store the reader keeps the reading position in) and painted
through the view: each loaded piece of the view maps its own canonical slice, so a
highlight made in 繁體 covers the same characters in 简体, in the raw text and in the
cleaned text.  Painting uses ``QTextCursor.mergeCharFormat`` inside one edit block;
text appended by progressive loading is painted when it arrives (``pieceLoaded``).
Qt's UTF-16 positions are converted by the reader (``view_to_qt``/``qt_to_view``).

Changes are saved off the UI thread: each store shown gets a
:class:`~desktop.core.annotations.saver.BackgroundSaver` (one thread per store, saves
serialized, failures retried with growing pauses), and the reader's ``flush_position``
timer and :meth:`AnnotationLayer.save_now` only ask it to save, so the window never
waits for the disk or for another process's lock.  Results come back on the UI thread
(:attr:`~AnnotationLayer.saved`, :attr:`~AnnotationLayer.saveFailed`).  A store whose
changes are not on disk yet is kept, and retried, after another document is opened;
opening its document again carries them over; closing the window asks about them
(:func:`desktop.ui.app.unsaved_dialog.settle_before_close`).
"""

from __future__ import annotations

import logging
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDeadlineTimer,
    QEventLoop,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QIcon,
    QKeySequence,
    QPixmap,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QDialog,
    QMenu,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.annotations import COLORS, Annotation, AnnotationStore
from desktop.core.annotations.model import normalize_time, utc_now
from desktop.core.annotations.saver import LOCK_TIMEOUT, BackgroundSaver, SaveOutcome
from desktop.core.views import TextView, convert_text, script_config
from desktop.ui.app.unsaved_dialog import (
    UnsavedChoice,
    UnsavedDialog,
    UnsavedDocument,
    ask_copy_path,
)
from desktop.ui.common.dialogs import ok_cancel_buttons
from desktop.ui.common.errors import describe
from desktop.ui.common.plain import plain_label
from desktop.ui.reader.pane import ReaderPane

__all__ = [
    "COLOR_LABELS",
    "AnnotationLayer",
    "NoteDialog",
    "color_label",
    "swatch_color",
    "swatch_icon",
]

log = logging.getLogger(__name__)

#: Colours as painted: translucent, so they read on the light, sepia and dark pages.
_PAINT = {
    "yellow": (255, 212, 0),
    "green": (64, 192, 87),
    "blue": (51, 154, 240),
    "pink": (240, 101, 149),
    "purple": (132, 94, 247),
    None: (134, 142, 150),  # a note without a highlight colour
}
#: English colour names (translated when shown: :func:`color_label`).
COLOR_LABELS = {
    "yellow": str(QT_TRANSLATE_NOOP("AnnotationColours", "Yellow")),
    "green": str(QT_TRANSLATE_NOOP("AnnotationColours", "Green")),
    "blue": str(QT_TRANSLATE_NOOP("AnnotationColours", "Blue")),
    "pink": str(QT_TRANSLATE_NOOP("AnnotationColours", "Pink")),
    "purple": str(QT_TRANSLATE_NOOP("AnnotationColours", "Purple")),
}
#: Char-format property holding the id of the item painted on a character.
ITEM_PROPERTY = QTextFormat.Property.UserProperty.value + 71
SAVE_DELAY_MS = 400
_QUOTE_CHARS = 160

AskNote = Callable[[QWidget, str, str], "str | None"]
AskUnsaved = Callable[[QWidget, UnsavedDocument], UnsavedChoice]
AskPath = Callable[[QWidget, str], Path | None]


def color_label(color: str) -> str:
    """The name of a highlight colour in the UI language."""
    return QCoreApplication.translate("AnnotationColours", str(COLOR_LABELS.get(color, color)))


def swatch_color(color: str | None) -> QColor:
    """The opaque colour of a highlight colour's swatch (grey for a plain note)."""
    return QColor(*_PAINT.get(color, _PAINT[None]))


def swatch_icon(color: str | None) -> QIcon:
    """A square of the colour, for menus and the panel (drawn at 64 px, scaled down)."""
    pixmap = QPixmap(64, 64)
    pixmap.fill(swatch_color(color))
    return QIcon(pixmap)


def paint_color(color: str | None, alpha: int) -> QColor:
    """The translucent colour a highlight is painted with (``alpha`` from the theme)."""
    return QColor(*_PAINT.get(color, _PAINT[None]), alpha)


def _paint_format(item: Annotation, alpha: int) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(paint_color(item.color, alpha))
    fmt.setProperty(ITEM_PROPERTY, item.id)
    return fmt


def _clear_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QBrush())
    fmt.setProperty(ITEM_PROPERTY, "")
    return fmt


def _just_after(stamp: str) -> str:
    """Now, or a millisecond after ``stamp`` if that is later (merges need a newer time)."""
    now = utc_now()
    if now > stamp:
        return now
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")) + timedelta(milliseconds=1)
    return normalize_time(moment.isoformat())


@dataclass
class _Kept:
    """A store saved in the background: the one shown, or an older one whose changes
    are not on disk yet (another document was opened meanwhile)."""

    store: AnnotationStore
    saver: BackgroundSaver
    doc_id: str
    title: str
    failing: bool = False


class _SaveReports(QObject):
    """Carries a saver's outcome from its thread to the UI thread (queued)."""

    finished = Signal(object)


@dataclass
class _Painted:
    store: AnnotationStore | None
    items: list[Annotation]
    starts: list[int]
    longest: int


class NoteDialog(QDialog):
    """A small dialog to write or edit a note, showing the quote it belongs to."""

    def __init__(self, parent: QWidget | None, quote: str, note: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Note"))
        shown = quote if len(quote) <= _QUOTE_CHARS else quote[:_QUOTE_CHARS] + "…"
        label = plain_label(self.tr("“{quote}”").format(quote=shown), self, wrap=True)
        label.setAccessibleName(self.tr("Quoted text"))
        self.editor = QPlainTextEdit(self)
        self.editor.setPlainText(note)
        self.editor.setAccessibleName(self.tr("Note text"))
        self.editor.setPlaceholderText(self.tr("Write your note here"))
        self.editor.setTabChangesFocus(True)
        buttons = ok_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.editor)
        layout.addWidget(buttons)
        em = self.fontMetrics().horizontalAdvance("中")
        self.resize(30 * em, 16 * self.fontMetrics().height())
        self.editor.setFocus()

    @classmethod
    def ask(cls, parent: QWidget, quote: str, note: str) -> str | None:
        """The edited note, or None when cancelled."""
        dialog = cls(parent, quote, note)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.editor.toPlainText().strip()


class AnnotationLayer(QObject):
    """Paints a document's annotations in the reader and turns selections into them."""

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
        self._kept: list[_Kept] = []
        self._retired: list[BackgroundSaver] = []  # stopped, maybe finishing a save
        self._shown: AnnotationStore | None = None
        self._reports = _SaveReports(self)
        self._reports.finished.connect(self._save_finished)
        self._undo: list[Annotation] = []
        self._doc_id: str | None = None
        self._cache: _Painted | None = None
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_now)
        self._build_actions()
        reader.pieceLoaded.connect(self._paint_piece)
        reader.viewReset.connect(self._view_reset)
        reader.typographyChanged.connect(self._theme_applied)
        self._alpha = reader.theme.mark_alpha
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

    def _theme_applied(self) -> None:
        """Repaint when the theme's highlight strength changed."""
        alpha = self.reader.theme.mark_alpha
        if alpha != self._alpha:
            self._alpha = alpha
            self.repaint()

    def _view_reset(self) -> None:
        if self.reader.store is not self._shown:
            self._show_store(self.reader.store)
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
        cursor = QTextCursor(self.reader.text.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeCharFormat(_clear_format())
        for view_start, canon_start, view in self.reader.pieces():
            self._paint_spans(cursor, view_start, canon_start, view)
        cursor.endEditBlock()

    def _paint_piece(self, canon_start: int, canon_end: int) -> None:
        piece = next((p for p in self.reader.pieces() if p[1] == canon_start), None)
        if piece is None:
            return
        view_start, _, view = piece
        cursor = QTextCursor(self.reader.text.document())
        cursor.beginEditBlock()
        # Inserted text takes the format of its neighbour: clear what it inherited.
        self._select(cursor, view_start, view_start + len(view.text))
        cursor.mergeCharFormat(_clear_format())
        self._paint_spans(cursor, view_start, canon_start, view)
        cursor.endEditBlock()

    def _select(self, cursor: QTextCursor, v0: int, v1: int) -> None:
        cursor.setPosition(self.reader.view_to_qt(v0))
        cursor.setPosition(self.reader.view_to_qt(v1), QTextCursor.MoveMode.KeepAnchor)

    def _paint_spans(
        self, cursor: QTextCursor, view_start: int, canon_start: int, view: TextView
    ) -> None:
        canon_end = canon_start + view.map.src_len
        for item in self._overlapping(canon_start, canon_end):
            s = max(item.target.start, canon_start) - canon_start
            e = min(item.target.end, canon_end) - canon_start
            v0, v1 = view.view_range(s, e)
            if v0 < v1:
                self._select(cursor, view_start + v0, view_start + v1)
                cursor.mergeCharFormat(_paint_format(item, self._alpha))

    def _painted(self) -> _Painted:
        """Anchored highlights and notes by start (cached until the items change)."""
        store = self.store
        if self._cache is None or self._cache.store is not store:
            items = [i for i in self.items() if i.kind != "bookmark" and not i.orphaned]
            longest = max((i.target.end - i.target.start for i in items), default=0)
            self._cache = _Painted(store, items, [i.target.start for i in items], longest)
        return self._cache

    def _overlapping(self, start: int, end: int) -> list[Annotation]:
        found = self._painted()
        lo = bisect_left(found.starts, start - found.longest)
        hi = bisect_left(found.starts, end)
        return [i for i in found.items[lo:hi] if i.target.end > start]

    def painted_spans(self) -> list[tuple[int, int, str]]:
        """``(view start, view end, item id)`` of the text painted now, in order."""
        spans: list[tuple[int, int, str]] = []
        block = self.reader.text.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                ident = fragment.charFormat().property(ITEM_PROPERTY)
                if ident:
                    q0 = fragment.position()
                    v0 = self.reader.qt_to_view(q0)
                    v1 = self.reader.qt_to_view(q0 + fragment.length())
                    if spans and spans[-1][2] == ident and spans[-1][1] == v0:
                        v0 = spans.pop()[0]
                    spans.append((v0, v1, str(ident)))
                it += 1
            block = block.next()
        return spans

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
        self._cache = None
        self.repaint()
        self._save_timer.start()
        self.changed.emit(self.reader.doc_id or "")

    def save_now(self) -> None:
        """Ask the background savers to save now, skipping the pause after a failure
        (the user acted).  Returns at once; :attr:`saved` or :attr:`saveFailed` follows."""
        self._save_timer.stop()
        self.reader.flush_position()
        for kept in self._kept:
            if kept.store.dirty or kept.store.unread is not None:
                kept.saver.retry_now()

    # ---------------------------------------------------------- saving, behind
    def _show_store(self, store: AnnotationStore | None) -> None:
        """Save the store now shown in the background; keep the previous one while it
        holds unsaved changes, or hand them to the new store of the same document."""
        previous, self._shown = self._shown, store
        if store is not None:
            for older in [k for k in self._kept if k.store.doc_dir == store.doc_dir]:
                if older.store.dirty:
                    moved = store.take_over(older.store)
                    log.info("%d unsaved change(s) carried over to %s", moved, store.path)
                    self._cache = None  # the first piece was painted before this
                    self.repaint()
                self._forget(older)
            self._keep(store)
            if store.unread is not None:
                self._report_unread(store)
        kept = self._kept_of(previous) if previous is not None else None
        if kept is not None and kept.store.dirty:
            kept.saver.retry_now()  # kept and retried; asked about on closing
        elif kept is not None:
            self._forget(kept)

    def _report_unread(self, store: AnnotationStore) -> None:
        """The file is there but could not be read: say that nothing was replaced."""
        error = store.unread
        why = (error.strerror if error is not None else None) or str(error)
        self.statusMessage.emit(
            self.tr(
                "{file} cannot be read for now ({problem}). It was left as it is; new "
                "highlights and notes are kept and saved into it once it can be read."
            ).format(file=store.path, problem=why)
        )

    def _keep(self, store: AnnotationStore) -> None:
        record = self.reader.record
        doc_id = store.doc_dir.name
        title = record.title if record is not None and record.id == doc_id else doc_id
        saver = BackgroundSaver(store, self._reports.finished.emit)
        self._kept.append(_Kept(store, saver, doc_id, title))

    def _kept_of(self, store: AnnotationStore) -> _Kept | None:
        return next((k for k in self._kept if k.store is store), None)

    def _forget(self, kept: _Kept) -> None:
        """Stop saving a store (a save in flight still finishes)."""
        self._kept.remove(kept)
        kept.saver.stop(timeout=0)
        self._retired = [s for s in self._retired if s.running] + [kept.saver]

    def _save_finished(self, outcome: SaveOutcome) -> None:
        kept = self._kept_of(outcome.store)
        doc_id = kept.doc_id if kept is not None else outcome.store.doc_dir.name
        if outcome.error is not None:
            if kept is not None:
                kept.failing = True
            self._report_failure(outcome, kept)
            return
        recovered = kept is not None and kept.failing and outcome.ok
        if kept is not None and outcome.ok:
            kept.failing = False
        if outcome.wrote:
            self.reader.progressSaved.emit(doc_id)
        if outcome.reloaded and outcome.store is self.store:
            self._cache = None
            self.repaint()
            self.changed.emit(doc_id)
        if outcome.items_saved or outcome.reloaded or recovered:
            self.saved.emit(doc_id)
        if kept is not None and outcome.ok and outcome.store is not self._shown:
            self._forget(kept)

    def _report_failure(self, outcome: SaveOutcome, kept: _Kept | None) -> None:
        assert outcome.error is not None
        sentence = describe(outcome.error, outcome.store.path).sentence()
        if outcome.store is not self.store and kept is not None:
            sentence = self.tr("“{title}”: {problem}").format(title=kept.title, problem=sentence)
        self.saveFailed.emit(sentence)
        self.statusMessage.emit(sentence)

    def _settled(self) -> bool:
        return all(k.saver.settled for k in self._kept) and all(s.settled for s in self._retired)

    def wait_for_saves(self, timeout_ms: int) -> bool:
        """Run the event loop (the window stays responsive) until no save is running or
        about to start, or ``timeout_ms`` passed.  True when nothing is left unsaved."""
        deadline = QDeadlineTimer(timeout_ms)
        if not self._settled():
            loop = QEventLoop()
            tick = QTimer(loop)
            tick.setInterval(10)
            tick.timeout.connect(
                lambda: loop.quit() if self._settled() or deadline.hasExpired() else None
            )
            tick.start()
            loop.exec()
        QCoreApplication.processEvents()  # deliver the last outcomes
        return not any(k.store.dirty for k in self._kept)

    def retry(self, store: AnnotationStore) -> None:
        """Try saving ``store`` again now."""
        kept = self._kept_of(store)
        if kept is not None:
            kept.saver.retry_now()

    def unsaved_document(self, store: AnnotationStore) -> UnsavedDocument | None:
        """What is unsaved in ``store``'s annotations (None: nothing)."""
        kept = self._kept_of(store)
        count = store.unsaved_count
        if kept is None or not count:
            return None
        error = store.last_exception
        problem = describe(error, store.path).sentence() if error is not None else ""
        return UnsavedDocument(store, kept.doc_id, kept.title, count, problem)

    def unsaved_documents(self) -> list[UnsavedDocument]:
        """Every document whose highlights, notes or bookmarks are not all on disk."""
        found = [self.unsaved_document(k.store) for k in self._kept]
        return [doc for doc in found if doc is not None]

    def shut_down(self) -> None:
        """Stop every saver, waiting a moment for a save in flight (the window closes)."""
        for kept in self._kept:
            if kept.store.dirty:
                log.warning(
                    "closing with changes to %s not saved (%d annotation(s))",
                    kept.store.path,
                    kept.store.unsaved_count,
                )
        savers = [k.saver for k in self._kept] + self._retired
        self._kept, self._retired, self._shown = [], [], None
        for saver in savers:
            if not saver.stop(timeout=LOCK_TIMEOUT + 3):
                log.warning("a save of %s was still running on closing", saver.store.path)

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

    def in_shown_script(self, text: str) -> str:
        options = self.reader.options
        config = script_config(options.script, options.phrases)
        return convert_text(text, config) if config and text else text

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
