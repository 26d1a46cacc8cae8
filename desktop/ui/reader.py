"""The reader pane: a document's title and metadata above its text, shown as a view.

The text shown is a *view* of the canonical text (clean steps and script conversion,
``desktop.core.views``).  A big document is built and loaded piece by piece from a
zero-delay timer: the piece around the reading position first (painted at once), then
the pieces after it, then those before it, each sized so one timer tick stays short.
Switching script or clean mode restarts this around the current position, which also
cancels the previous load.  Positions are kept in canonical offsets and mapped through
the pieces; Qt's UTF-16 offsets are converted at the widget boundary (:class:`Utf16Index`).
"""

from __future__ import annotations

import logging
import time
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextDocumentLayout,
    QPlainTextEdit,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.core.annotations import AnnotationStore
from desktop.core.library import DocRecord, Library
from desktop.core.views import TextView, ViewOptions, build_view, convert_text, script_config
from desktop.ui.fonts import body_family, missing_cjk_message, region_for
from desktop.ui.settings import AppSettings
from desktop.ui.themes import Theme, apply_theme, resolve_theme
from desktop.ui.utf16 import Utf16Index

__all__ = ["ReaderPane", "Utf16Index"]

log = logging.getLogger(__name__)

#: A document up to this size is one piece, built exactly as ``build_view`` builds it.
WHOLE_LIMIT = 300_000
FIRST_AFTER = 6_000
FIRST_BEFORE = 1_500
MIN_CHUNK, MAX_CHUNK = 2_000, 400_000
TICK_BUDGET = 0.020
DEFAULT_FONT_SIZE, MIN_FONT_SIZE, MAX_FONT_SIZE = 15.0, 8.0, 48.0


@dataclass
class _Piece:
    canon_start: int
    canon_end: int
    view: TextView
    view_start: int = 0  # where it starts in the loaded text


class _Page(QPlainTextEdit):
    """The text surface: a centred column at most ``column_px`` wide."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column_px = 0

    def relayout_margins(self) -> None:
        free = self.width() - self.column_px - 2 * self.frameWidth()
        side = max(12, free // 2) if self.column_px else 12
        self.setViewportMargins(side, 0, side, 0)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.relayout_margins()


class ReaderPane(QWidget):
    """Title, details and the view of one document, with positions in canonical offsets."""

    loadFinished = Signal()
    viewReset = Signal()  # new document or new view options: matches and TOC must remap
    positionChanged = Signal(int)  # canonical offset of the first visible character
    progressSaved = Signal(str)  # doc id whose reading position was written
    statusMessage = Signal(str)
    pieceLoaded = Signal(int, int)  # canonical (start, end) of text just added to the widget
    documentShown = Signal(str)  # doc id of a document just opened
    typographyChanged = Signal()  # font, size, spacing, width or theme applied

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        settings: AppSettings | None = None,
        library: Library | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.library = library
        self._build_widgets()
        self.doc_id: str | None = None
        self.record: DocRecord | None = None
        self.canonical = ""
        self.options = ViewOptions()
        self.theme: Theme = resolve_theme("system")
        self._pieces: list[_Piece] = []
        self._utf16 = Utf16Index()
        self._joined: str | None = None
        self._chunk = 20_000
        self._store: AnnotationStore | None = None
        self._matches: list[tuple[int, int]] = []
        self._current_match = -1
        self._build_timers()
        self.clear()
        self.apply_typography()

    # ------------------------------------------------------------------ set-up
    def _build_widgets(self) -> None:
        self.title_label = QLabel(self)
        self.title_label.setWordWrap(True)
        self.title_label.setAccessibleName(self.tr("Document title"))
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title_label.setFont(font)
        self.meta_label = QLabel(self)
        self.meta_label.setWordWrap(True)
        self.meta_label.setAccessibleName(self.tr("Document details"))
        self.text = _Page(self)
        self.text.setReadOnly(True)
        self._new_document()
        self.text.setUndoRedoEnabled(False)
        self.text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.text.setAccessibleName(self.tr("Document text"))
        self.text.viewport().installEventFilter(self)
        self.text.installEventFilter(self)
        self.setAutoFillBackground(True)
        self.layout_box = QVBoxLayout(self)
        self.layout_box.setContentsMargins(8, 8, 8, 8)
        self.layout_box.addWidget(self.title_label)
        self.layout_box.addWidget(self.meta_label)
        self.layout_box.addWidget(self.text, 1)

    def _build_timers(self) -> None:
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._load_step)
        self._highlight_timer = QTimer(self)
        self._highlight_timer.setSingleShot(True)
        self._highlight_timer.setInterval(0)
        self._highlight_timer.timeout.connect(self._apply_highlights)
        self._position_timer = QTimer(self)
        self._position_timer.setSingleShot(True)
        self._position_timer.setInterval(250)
        self._position_timer.timeout.connect(self._record_position)
        self._flush_timer = QTimer(self)
        self._flush_timer.setInterval(2000)
        self._flush_timer.timeout.connect(self.flush_position)
        self._flush_timer.start()
        self.text.verticalScrollBar().valueChanged.connect(self._scrolled)

    # ---------------------------------------------------------------- settings
    def apply_typography(self) -> None:
        """Font (following the script shown), size, line spacing, page width, theme."""
        s = self.settings
        doc_script = self.record.script if self.record else "unknown"
        region = region_for(self.options.script, doc_script)
        chosen = s.font_family(self.options.script, region) if s else ""
        font = QFont(self.text.font())
        family = body_family(region, chosen)
        if family:
            font.setFamilies([family])
        elif message := missing_cjk_message():
            self.statusMessage.emit(message)
        font.setPointSizeF(s.font_size if s else DEFAULT_FONT_SIZE)
        self.text.setFont(font)
        em = self.text.fontMetrics().horizontalAdvance("中")
        self.text.column_px = (s.page_width if s else 46) * em
        self.text.relayout_margins()
        self.theme = resolve_theme(s.theme if s else "system")
        apply_theme(self.text, self.theme)
        self._colour_header()
        self._apply_line_spacing(0, self._utf16.qt_length)
        self._highlight_timer.start()
        self.typographyChanged.emit()

    def _colour_header(self) -> None:
        """The title area takes the page colours, the details the theme's muted text."""
        for widget, text in ((self, self.theme.text), (self.meta_label, self.theme.muted)):
            palette = widget.palette()
            palette.setColor(QPalette.ColorRole.Window, QColor(self.theme.page))
            palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
            widget.setPalette(palette)

    def _apply_line_spacing(self, start: int, end: int) -> None:
        percent = self.settings.line_spacing if self.settings else 160
        fmt = QTextBlockFormat()
        fmt.setLineHeight(percent, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        fmt.setBottomMargin(self.text.fontMetrics().height() * 0.4)
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeBlockFormat(fmt)

    # ------------------------------------------------------------ documents
    def clear(self) -> None:
        self.flush_position()
        self._timer.stop()
        self._store = None
        self.doc_id = None
        self.record = None
        self.canonical = ""
        self.title_label.setText(self.tr("No document open"))
        self.meta_label.setText(self.tr("Double-click a document in the library to read it."))
        self.text.setAccessibleName(self.tr("Document text"))
        self._reset_text()
        self.viewReset.emit()

    def show_document(self, record: DocRecord, text: str) -> None:
        """Show ``text`` (canonical) of ``record`` at its remembered position."""
        self.flush_position()
        self.doc_id, self.record, self.canonical = record.id, record, text
        parts = [record.author, record.source, record.published]
        details = " · ".join(p for p in parts if p)
        self.meta_label.setText(details or record.original_name)
        self._store = self._open_store(record, text)
        self.options = self._options_for(record.id)
        self._reset_text()
        self._show_title()
        self.apply_typography()
        start = self._store.position.offset if self._store else 0
        self._start_view(min(start, len(text)))
        self.documentShown.emit(record.id)

    def _options_for(self, doc_id: str) -> ViewOptions:
        s = self.settings
        if s is None:
            return ViewOptions()
        return ViewOptions(
            clean=s.clean, script=s.document_script(doc_id), phrases=s.phrases, pinyin=s.pinyin
        )

    def _open_store(self, record: DocRecord, text: str) -> AnnotationStore | None:
        if self.library is None:
            return None
        try:
            store = AnnotationStore.open(self.library.doc_dir(record.id), text=text)
        except (OSError, ValueError) as exc:
            message = self.tr(
                "Cannot read the annotations and reading position of “{title}” ({file}): "
                "{problem}. The document opens at its start; check that the file is readable."
            )
            path = self.library.doc_dir(record.id) / "annotations.json"
            self.statusMessage.emit(message.format(title=record.title, file=path, problem=exc))
            return None
        for warning in store.warnings:
            self.statusMessage.emit(warning)
        return store

    def set_options(self, **changes: Any) -> None:
        """Show the document with other view options, keeping the visible place."""
        options = replace(self.options, **changes)
        if options == self.options:
            return
        if self.settings and self.doc_id and "script" in changes:
            self.settings.set_document_script(self.doc_id, options.script)
        position = self.current_canonical()
        self.options = options
        if self.doc_id is None:
            return
        self._reset_text()
        self._show_title()
        self.apply_typography()
        self._start_view(position)

    def _show_title(self) -> None:
        """The title in the script of the view."""
        title = self.record.title if self.record else ""
        config = script_config(self.options.script, self.options.phrases)
        shown = convert_text(title, config) if config else title
        self.title_label.setText(shown)
        self.text.setAccessibleName(self.tr("Text of “{title}”").format(title=shown))

    @property
    def loading(self) -> bool:
        return self._timer.isActive()

    @property
    def store(self) -> AnnotationStore | None:
        """The open document's annotation store (also used for the reading position)."""
        return self._store

    # -------------------------------------------------------- progressive load
    def _reset_text(self) -> None:
        self._timer.stop()
        self._pieces = []
        self._utf16 = Utf16Index()
        self._joined = None
        self._matches, self._current_match = [], -1
        self.text.setExtraSelections([])
        old = self.text.document()
        if old.characterCount() < 100_000:
            self.text.clear()
            return
        self._new_document()  # clearing a big document blocks: swap in a new one
        old.deleteLater()  # ours, not the widget's: freed later, after the page is painted

    def _new_document(self) -> None:
        doc = QTextDocument(self.text)
        doc.setDocumentLayout(QPlainTextDocumentLayout(doc))
        doc.setUndoRedoEnabled(False)
        self.text.setDocument(doc)
        self._document = doc  # keeps the Python wrapper tied to the live document

    def _start_view(self, canonical_pos: int) -> None:
        self._reset_text()
        text = self.canonical
        if len(text) <= WHOLE_LIMIT:
            start, end = 0, len(text)
        else:
            start = self._cut_before(canonical_pos - FIRST_BEFORE)
            end = self._cut_after(max(canonical_pos, start) + FIRST_AFTER)
        self._insert_piece(self._build(start, end), at_end=True)
        self.go_to_canonical(canonical_pos)
        self.viewReset.emit()
        if self._more_to_load():
            self._timer.start()
        else:
            self.loadFinished.emit()

    def _cut_after(self, offset: int) -> int:
        """A piece boundary at or after ``offset``: after a newline (or the end)."""
        n = len(self.canonical)
        if offset >= n:
            return n
        nl = self.canonical.find("\n", offset, offset + MAX_CHUNK)
        return offset if nl < 0 else nl + 1

    def _cut_before(self, offset: int) -> int:
        if offset <= 0:
            return 0
        nl = self.canonical.rfind("\n", max(0, offset - MAX_CHUNK), offset)
        return offset if nl < 0 else nl + 1

    def _build(self, start: int, end: int) -> _Piece:
        whole = start == 0 and end == len(self.canonical)
        source = self.canonical if whole else self.canonical[start:end]
        return _Piece(start, end, build_view(source, self.options))

    def _more_to_load(self) -> bool:
        return bool(self._pieces) and (
            self._pieces[0].canon_start > 0 or self._pieces[-1].canon_end < len(self.canonical)
        )

    def _load_step(self) -> None:
        began = time.perf_counter()
        first, last = self._pieces[0], self._pieces[-1]
        if last.canon_end < len(self.canonical):
            end = self._cut_after(last.canon_end + self._chunk)
            self._insert_piece(self._build(last.canon_end, end), at_end=True)
        else:
            start = self._cut_before(first.canon_start - self._chunk)
            self._insert_piece(self._build(start, first.canon_start), at_end=False)
        spent = max(time.perf_counter() - began, 1e-4)
        scale = min(2.0, TICK_BUDGET / spent)
        self._chunk = int(min(MAX_CHUNK, max(MIN_CHUNK, self._chunk * scale)))
        if not self._more_to_load():
            self._timer.stop()
            self.loadFinished.emit()

    def _insert_piece(self, piece: _Piece, *, at_end: bool) -> None:
        text = piece.view.text
        cursor = QTextCursor(self.text.document())
        self._joined = None
        if at_end:
            piece.view_start = self._utf16.length
            q0 = self._utf16.qt_length
            self._pieces.append(piece)
            self._utf16.append(text)
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertText(text)
            self._format_piece(piece, q0, self._utf16.qt_length)
            self.pieceLoaded.emit(piece.canon_start, piece.canon_end)
            return
        top = self._top_qt()
        self._pieces.insert(0, piece)
        for p in self._pieces[1:]:
            p.view_start += len(text)
        self._utf16.prepend(text)
        added = self._utf16.to_qt(len(text))
        cursor.insertText(text)
        self._format_piece(piece, 0, added)
        self.pieceLoaded.emit(piece.canon_start, piece.canon_end)
        self._scroll_to_qt(top + added)

    def _format_piece(self, piece: _Piece, q0: int, q1: int) -> None:
        self._apply_line_spacing(q0, q1)
        if not piece.view.ruby:
            return
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(QColor(self.theme.ruby))
        cursor = QTextCursor(self.text.document())
        cursor.beginEditBlock()
        for start, end, _reading in piece.view.ruby:
            cursor.setPosition(self._utf16.to_qt(piece.view_start + start))
            qend = self._utf16.to_qt(piece.view_start + end)
            cursor.setPosition(qend, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)
        cursor.endEditBlock()

    # ---------------------------------------------------------- offset mapping
    def view_text(self) -> str:
        """The loaded view text (all of it once loading has finished)."""
        if self._joined is None:
            self._joined = "".join(p.view.text for p in self._pieces)
        return self._joined

    def pieces(self) -> list[tuple[int, int, TextView]]:
        """``(view start, canonical start, view)`` of the loaded pieces, in order."""
        return [(p.view_start, p.canon_start, p.view) for p in self._pieces]

    def to_view(self, canonical: int) -> int | None:
        """A canonical offset in loaded-view offsets (None if not loaded yet)."""
        pieces = self._pieces
        if not pieces or not pieces[0].canon_start <= canonical <= pieces[-1].canon_end:
            return None
        i = max(0, bisect_right([p.canon_start for p in pieces], canonical) - 1)
        p = pieces[i]
        return p.view_start + p.view.to_view(min(canonical - p.canon_start, p.view.map.src_len))

    def to_canonical(self, view_offset: int, bias: str = "start") -> int:
        """A loaded-view offset as a canonical offset."""
        pieces = self._pieces
        if not pieces:
            return 0
        i = max(0, bisect_right([p.view_start for p in pieces], view_offset) - 1)
        p = pieces[i]
        local = max(0, min(view_offset - p.view_start, len(p.view.text)))
        return p.canon_start + p.view.to_canonical(local, bias)  # type: ignore[arg-type]

    def qt_to_view(self, qt_offset: int) -> int:
        return self._utf16.to_py(qt_offset)

    def view_to_qt(self, view_offset: int) -> int:
        return self._utf16.to_qt(view_offset)

    # --------------------------------------------------------------- position
    def _top_qt(self) -> int:
        return self.text.cursorForPosition(QPoint(2, 2)).position()

    def current_canonical(self) -> int:
        """Canonical offset of the first visible character."""
        if not self._pieces:
            return 0
        return self.to_canonical(self.qt_to_view(self._top_qt()))

    def _scroll_to_qt(self, qt_offset: int) -> None:
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(max(0, min(qt_offset, self._utf16.qt_length)))
        self.text.verticalScrollBar().setValue(self._line_at(cursor))

    def go_to_canonical(self, canonical: int) -> None:
        """Scroll so that the line holding ``canonical`` is the first one shown."""
        view = self.to_view(canonical)
        if view is None:
            self._start_view(canonical)
            return
        self._scroll_to_qt(self.view_to_qt(view))
        self._scrolled()

    def select_view_range(self, start: int, end: int) -> None:
        """Select a loaded-view range and make sure it is visible."""
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self.view_to_qt(start))
        cursor.setPosition(self.view_to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.text.centerCursor()

    def _scrolled(self) -> None:
        self._position_timer.start()
        self._highlight_timer.start()

    def _record_position(self) -> None:
        if not self._pieces:
            return
        offset = self.current_canonical()
        if self._store is not None:
            self._store.set_position(offset)
        self.positionChanged.emit(offset)

    def flush_position(self) -> None:
        """Write the reading position if it changed (called from a timer and on close)."""
        store = self._store
        if store is None or not store.dirty:
            return
        if self._position_timer.isActive():
            self._position_timer.stop()
            self._record_position()
        if store.flush():
            self.progressSaved.emit(self.doc_id or "")
        elif store.last_error:
            self.statusMessage.emit(store.last_error)

    # ------------------------------------------------------------- navigation
    def page(self, direction: int) -> None:
        """Scroll one screen down (``+1``) or up (``-1``), keeping one line in view."""
        bar = self.text.verticalScrollBar()
        top = bar.value()
        height = self.text.viewport().height()
        bottom = self._line_at(self.text.cursorForPosition(QPoint(2, height - 1)))
        step = max(1, bottom - top)
        bar.setValue(top + step if direction > 0 else top - step)

    def _line_at(self, cursor: QTextCursor) -> int:
        """The scroll-bar line number (document layout line) of a cursor."""
        block = cursor.block()
        layout = block.layout()
        line = 0
        if layout is not None and layout.lineCount():
            line = max(0, layout.lineForTextPosition(cursor.positionInBlock()).lineNumber())
        return block.firstLineNumber() + line

    def go_to_start(self) -> None:
        """Show the beginning of the document."""
        if self.doc_id is not None:
            self.go_to_canonical(0)
            self.text.verticalScrollBar().setValue(0)

    def go_to_end(self) -> None:
        """Show the end of the document (its last screen)."""
        if self.doc_id is None:
            return
        if not self._pieces or self._pieces[-1].canon_end < len(self.canonical):
            self._start_view(len(self.canonical))
        bar = self.text.verticalScrollBar()
        bar.setValue(bar.maximum())

    def chapter_offsets(self) -> list[int]:
        """Canonical offsets of the document's chapters, in order."""
        return sorted(offset for offset, _ in self.record.chapters) if self.record else []

    def next_chapter(self) -> None:
        """Go to the start of the chapter after the one being read."""
        here = self.current_canonical()
        later = [o for o in self.chapter_offsets() if o > here]
        if later:
            self.go_to_canonical(later[0])
        elif self.doc_id is not None:
            self.statusMessage.emit(self.tr("This is the last chapter"))

    def previous_chapter(self) -> None:
        """Go to the start of this chapter, or of the one before when already there."""
        here = self.current_canonical()
        earlier = [o for o in self.chapter_offsets() if o < here]
        if earlier:
            self.go_to_canonical(earlier[-1])
        elif self.doc_id is not None:
            self.go_to_start()

    def set_script(self, script: str) -> None:
        """Show the document in ``script`` (original, simplified, traditional …)."""
        self.set_options(script=script)

    def zoom_in(self) -> None:
        """A larger body font (one point)."""
        self._zoom(+1.0)

    def zoom_out(self) -> None:
        """A smaller body font (one point)."""
        self._zoom(-1.0)

    def zoom_reset(self) -> None:
        """The default body font size."""
        self._zoom(None)

    def _zoom(self, step: float | None) -> None:
        if self.settings is None:
            return
        size = DEFAULT_FONT_SIZE if step is None else self.settings.font_size + step
        size = min(MAX_FONT_SIZE, max(MIN_FONT_SIZE, size))
        if size != self.settings.font_size:
            position = self.current_canonical()
            self.settings.font_size = size
            self.apply_typography()
            if self._pieces:
                self.go_to_canonical(position)

    def _key_pressed(self, event: QKeyEvent) -> bool:
        """Paging keys on the text: handled here so they behave the same everywhere."""
        mods = event.modifiers()
        plain = mods == Qt.KeyboardModifier.NoModifier
        if mods not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            plain = plain or mods == Qt.KeyboardModifier.ControlModifier
            if event.key() not in (Qt.Key.Key_Home, Qt.Key.Key_End):
                return False
        keys = {
            (Qt.Key.Key_PageDown, True): lambda: self.page(+1),
            (Qt.Key.Key_Space, True): lambda: self.page(+1),
            (Qt.Key.Key_PageUp, True): lambda: self.page(-1),
            (Qt.Key.Key_Space, False): lambda: self.page(-1),  # Shift+Space
            (Qt.Key.Key_Home, True): self.go_to_start,
            (Qt.Key.Key_End, True): self.go_to_end,
        }
        action = keys.get((Qt.Key(event.key()), plain))
        if action is None:
            return False
        action()
        return True

    # ------------------------------------------------------------ find matches
    def set_find_matches(self, ranges: list[tuple[int, int]], current: int = -1) -> None:
        """Canonical ranges to highlight (sorted); ``current`` is selected and shown."""
        self._matches, self._current_match = ranges, current
        if 0 <= current < len(ranges):
            start, end = ranges[current]
            view = self.to_view(start)
            if view is None:
                self._start_view(start)
                view = self.to_view(start) or 0
            view_end = self.to_view(end)
            self.select_view_range(view, view_end if view_end is not None else view)
        self._highlight_timer.start()

    def _visible_canonical(self) -> tuple[int, int]:
        viewport = self.text.viewport()
        q0 = self._top_qt()
        q1 = self.text.cursorForPosition(QPoint(viewport.width(), viewport.height())).position()
        return self.to_canonical(self.qt_to_view(q0)), self.to_canonical(self.qt_to_view(q1), "end")

    def _apply_highlights(self) -> None:
        if not self._matches or not self._pieces:
            self.text.setExtraSelections([])
            return
        c0, c1 = self._visible_canonical()
        starts = [s for s, _ in self._matches]
        lo = max(0, bisect_left(starts, c0) - 1)
        hi = bisect_right(starts, c1)
        selections = []
        for i in range(lo, min(hi, len(self._matches))):
            selections.append(self._match_selection(*self._matches[i], i == self._current_match))
        self.text.setExtraSelections([s for s in selections if s is not None])

    def _match_selection(self, start: int, end: int, current: bool) -> Any:
        v0, v1 = self.to_view(start), self.to_view(end)
        if v0 is None or v1 is None:
            return None
        selection = QTextEdit.ExtraSelection()
        colour = self.theme.current_match if current else self.theme.match
        selection.format.setBackground(QColor(colour))  # type: ignore[attr-defined]
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self.view_to_qt(v0))
        cursor.setPosition(self.view_to_qt(v1), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor  # type: ignore[attr-defined]
        return selection

    def highlighted_count(self) -> int:
        """How many match highlights are painted now (the visible ones)."""
        return len(self.text.extraSelections())

    # -------------------------------------------------------------- ruby hints
    def ruby_at(self, view_offset: int) -> str | None:
        """The pinyin reading over the character at a loaded-view offset, if any."""
        for p in self._pieces:
            local = view_offset - p.view_start
            if 0 <= local < len(p.view.text):
                for start, end, reading in p.view.ruby:
                    if start <= local < end:
                        return reading
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.text and isinstance(event, QKeyEvent):
            if event.type() == QEvent.Type.KeyPress and self._key_pressed(event):
                return True
            return super().eventFilter(watched, event)
        if event.type() == QEvent.Type.ToolTip and watched is self.text.viewport():
            pos = event.pos()  # type: ignore[attr-defined]
            q = self.text.cursorForPosition(pos).position()
            reading = self.ruby_at(self.qt_to_view(max(0, q - 1))) or self.ruby_at(
                self.qt_to_view(q)
            )
            if reading:
                QToolTip.showText(event.globalPos(), reading, self.text)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(watched, event)
