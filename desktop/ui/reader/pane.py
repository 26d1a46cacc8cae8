"""The reader pane: a document's title and metadata above its text, shown as a view.

The text shown is a *view* of the canonical text (clean steps and script conversion,
``desktop.core.views``).  A big document is built and loaded piece by piece from a
zero-delay timer: the piece around the reading position first (painted at once), then
the pieces after it, then those before it, each sized so one timer tick stays short.
Switching script or clean mode restarts this around the current position, which also
cancels the previous load.  Positions are kept in canonical offsets and mapped through
the pieces; Qt's UTF-16 offsets are converted at the widget boundary (:class:`Utf16Index`).

This module holds the widget, typography, documents, the timer-driven loader and position
tracking.  The piece table and its offset mappings are :mod:`desktop.ui.reader.pieces`;
the page widget, paging, chapters, zoom, keys, match highlights and pinyin hints are
:mod:`desktop.ui.reader.page`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QPalette,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QPlainTextDocumentLayout,
    QVBoxLayout,
    QWidget,
)

from desktop.core.annotations import AnnotationStore, Position
from desktop.core.library import DocRecord, Library
from desktop.core.views import Header, TextView, ViewOptions, convert_text, script_config
from desktop.core.views.region import document_region
from desktop.core.views.rules import ConversionRule
from desktop.ui.common.app_settings import AppSettings
from desktop.ui.common.errors import describe
from desktop.ui.common.plain import plain_label
from desktop.ui.reader import page as nav
from desktop.ui.reader.fonts import body_family, face_forms, missing_cjk_message, region_for
from desktop.ui.reader.page import DEFAULT_FONT_SIZE, Page
from desktop.ui.reader.pieces import MAX_CHUNK, Piece, PieceTable
from desktop.ui.reader.reading_aids import ReadingAids
from desktop.ui.reader.rule_service import ConversionRuleService
from desktop.ui.reader.themes import Theme, apply_theme, resolve_theme
from desktop.ui.reader.utf16 import Utf16Index
from desktop.ui.reader.vertical.mode import VerticalMode

__all__ = ["ReaderPane", "Utf16Index"]

log = logging.getLogger(__name__)

MIN_CHUNK = 2_000
TICK_BUDGET = 0.020


def _details(record: DocRecord, convert: Callable[[str], str] = str) -> str:
    """The line under the title: author and source (in the script shown) and date,
    else the file's name (as it is on disk)."""
    parts = [convert(p) for p in (record.author, record.source) if p]
    parts += [record.published] if record.published else []
    return " · ".join(parts) or record.original_name


def _header(record: DocRecord) -> Header:
    """What the reader shows above the text, for the clean view not to repeat it."""
    shown = (record.title, record.author, record.source, record.published)
    return Header(*(value or "" for value in shown))


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
    placeLeft = Signal(str, int)  # doc id, canonical offset a jump left (sent once it landed)

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
        # -- conversion rules (issue 18): the library's, applied to every view
        self.conversion_rules = ConversionRuleService(library.root, self) if library else None
        if self.conversion_rules is not None:
            self.conversion_rules.changed.connect(self._rules_changed)
            self.conversion_rules.problemFound.connect(self.statusMessage)
        # -- end conversion rules
        self._build_widgets()
        self.doc_id: str | None = None
        self.record: DocRecord | None = None
        self.canonical = ""
        self.options = ViewOptions()
        self.theme: Theme = resolve_theme("system")
        self._table = PieceTable()
        self._chunk = 20_000
        self._anchor: int | None = None  # the canonical place last gone to (see current_canonical)
        self._store: AnnotationStore | None = None
        self._matches: list[tuple[int, int]] = []
        self._current_match = -1
        self._jump_depth = 0  # moves in progress (see _jump)
        self._places: dict[str, Position] = {}  # doc id → the place this pane recorded last
        self._build_timers()
        self.clear()
        self.apply_typography()
        self._build_vertical()  # vertical mode (issue 19)
        # -- reading aids (issue 18): pop-up dictionary, ruby, reading corrections
        self.aids = ReadingAids(self)
        self.vertical.attach_aids(self.aids)  # vertical mode (issue 19): the aids there too
        # -- end reading aids

    # ------------------------------------------------------------------ set-up
    def _build_widgets(self) -> None:
        self.title_label = plain_label(parent=self, wrap=True)  # titles are text, not HTML
        self.title_label.setAccessibleName(self.tr("Document title"))
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title_label.setFont(font)
        self.meta_label = plain_label(parent=self, wrap=True)
        self.meta_label.setAccessibleName(self.tr("Document details"))
        self.text = Page(self)
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
        font = face_forms(font)
        self.text.setFont(font)
        self.text.document().setDefaultFont(font)  # the font drawn, whatever the widget had
        em = self.text.fontMetrics().horizontalAdvance("中")
        self.text.column_px = (s.page_width if s else 46) * em
        self.text.relayout_margins()
        self.theme = resolve_theme(s.theme if s else "system")
        apply_theme(self.text, self.theme)
        self._colour_header()
        self._apply_line_spacing(0, self._table.qt_length)
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
        left = self._place_before_jump()
        self.flush_position()
        self.doc_id, self.record, self.canonical = record.id, record, text
        self.meta_label.setText(_details(record))
        self._store = self._open_store(record, text)
        self.options = replace(self._options_for(record.id), header=_header(record))
        self._reset_text()
        self._show_title()
        self.apply_typography()
        self._start_view(min(self._remembered_place(record.id), len(text)))
        self.documentShown.emit(record.id)
        self._report_left(left)

    def _remembered_place(self, doc_id: str) -> int:
        """Where to open ``doc_id``: the newer of the saved place and the one recorded
        here last.  Saving runs in the background, so a document opened again at once
        (Back, Recent) would find the file not yet written, open at the older place and
        then save that over the newer one."""
        known = [p for p in (self._store and self._store.position, self._places.get(doc_id)) if p]
        return max(known, key=lambda p: p.modified).offset if known else 0

    def _options_for(self, doc_id: str) -> ViewOptions:
        """The settings' view options, and the regional standard chosen for the
        document (kept in its meta.json; None: detected)."""
        record = self.record if self.record and self.record.id == doc_id else None
        region = record.region if record else None
        s = self.settings
        if s is None:
            return ViewOptions(region=region, rules=self.rules_for(doc_id))
        return ViewOptions(
            clean=s.clean,
            script=s.document_script(doc_id),
            phrases=s.phrases,
            pinyin=s.pinyin,
            region=region,
            rules=self.rules_for(doc_id),
        )

    # -- conversion rules (issue 18)
    def rules_for(self, doc_id: str | None) -> tuple[ConversionRule, ...]:
        """The conversion rules the views of ``doc_id`` apply (none without a library)."""
        return self.conversion_rules.for_document(doc_id) if self.conversion_rules else ()

    def _rules_changed(self) -> None:
        """The rules changed: the document shown again with them, at the same place."""
        if self.doc_id is not None:
            self.set_options(rules=self.rules_for(self.doc_id))

    # -- end conversion rules

    def _open_store(self, record: DocRecord, text: str) -> AnnotationStore | None:
        if self.library is None:
            return None
        try:
            store = AnnotationStore.open(self.library.doc_dir(record.id), text=text)
        except (OSError, ValueError) as exc:
            path = self.library.doc_dir(record.id) / "annotations.json"
            log.warning("cannot read %s: %s", path, exc)
            message = self.tr(
                "The annotations and reading position of “{title}” cannot be read, so the "
                "document opens at its start. {problem}"
            )
            self.statusMessage.emit(
                message.format(title=record.title, problem=describe(exc, path).text)
            )
            return None
        if store.warnings:  # repairs made while loading; the log has each one
            self.statusMessage.emit(
                self.tr(
                    "The annotations of “{title}” needed repairs while loading (a damaged "
                    "file or a conflict copy); nothing was lost. The annotations panel and "
                    "the log say more."
                ).format(title=record.title)
            )
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

    def refresh_record(self, record: DocRecord) -> None:
        """The open document's details changed (edited here, or synced from elsewhere):
        the new title and details above the text, a clean view that hides the head lines
        the new header repeats, and the regional standard chosen, at the same place."""
        if record.id != self.doc_id:
            return
        self.record = record
        self.meta_label.setText(_details(record))
        self.set_options(header=_header(record), region=record.region)
        self._show_title()

    def _show_title(self) -> None:
        """The title in the script of the view (a 简体 title converted by the regional
        standard the text is converted by)."""
        title = self.record.title if self.record else ""
        region = None
        if self.options.script == "simplified":
            region = self.options.region or document_region(self.canonical)
        config = script_config(self.options.script, self.options.phrases, region)

        def shown_in_view(text: str) -> str:
            return convert_text(text, config) if config else text

        shown = shown_in_view(title)
        self.title_label.setText(shown)
        if self.record is not None:
            self.meta_label.setText(_details(self.record, shown_in_view))
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
        self._table = PieceTable(self.canonical, self.options)
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
        # A new document starts with the application's font (9 pt), and setFont() with
        # the font the widget already has does not pass it on: set it here, or the text
        # is drawn small while the toolbar shows the chosen size.
        doc.setDefaultFont(self.text.font())
        self.text.setDocument(doc)
        self._document = doc  # keeps the Python wrapper tied to the live document

    def _start_view(self, canonical_pos: int) -> None:
        self._reset_text()
        start, end = self._table.first_range(canonical_pos)
        self._insert_piece(self._table.build(start, end), at_end=True)
        self._go_to(canonical_pos)  # the view restarted, the place kept: not a jump
        self.viewReset.emit()
        if self._table.more_to_load():
            self._timer.start()
        else:
            self.loadFinished.emit()

    def _load_step(self) -> None:
        began = time.perf_counter()
        start, end, at_end = self._table.next_range(self._chunk)
        self._insert_piece(self._table.build(start, end), at_end=at_end)
        spent = max(time.perf_counter() - began, 1e-4)
        scale = min(2.0, TICK_BUDGET / spent)
        self._chunk = int(min(MAX_CHUNK, max(MIN_CHUNK, self._chunk * scale)))
        if not self._table.more_to_load():
            self._timer.stop()
            self.loadFinished.emit()

    def _insert_piece(self, piece: Piece, *, at_end: bool) -> None:
        """Add a built piece's text to the widget, after or before the loaded text."""
        cursor = QTextCursor(self.text.document())
        # Text added after the page can still move it (the scroll bar appears and the
        # lines rewrap narrower): the place gone to is put back on the first line.
        kept = self._anchor if self._anchor_on_top() else None
        if at_end:
            q0, q1 = self._table.append(piece)
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertText(piece.view.text)
            self._format_piece(piece, q0, q1)
            self.pieceLoaded.emit(piece.canon_start, piece.canon_end)
            if kept is not None and not self._anchor_on_top():
                self._scroll_to_canonical(kept)
            return
        top = self._top_qt()
        added = self._table.prepend(piece)
        cursor.insertText(piece.view.text)
        self._format_piece(piece, 0, added)
        self.pieceLoaded.emit(piece.canon_start, piece.canon_end)
        if kept is not None:
            self._scroll_to_canonical(kept)
        else:
            self._scroll_to_qt(top + added)

    def _anchor_on_top(self) -> bool:
        """Whether the place last gone to is on the first line shown."""
        view = None if self._anchor is None else self.place_to_view(self._anchor)
        if view is None:
            return False
        first, last = self.text.top_line_range()
        return first <= self.view_to_qt(view) < last

    def _scroll_to_canonical(self, canonical: int) -> None:
        view = self.place_to_view(canonical)
        if view is not None:
            self._scroll_to_qt(self.view_to_qt(view))

    def _format_piece(self, piece: Piece, q0: int, q1: int) -> None:
        self._apply_line_spacing(q0, q1)
        nav.underline_ruby(self, piece)

    # -- reading aids (issue 18)
    def restart_view(self) -> None:
        """Load the view again around the place read: the text's formats changed in a
        way that cannot be undone in place (the ruby's room above the lines)."""
        if self.doc_id is not None:
            self._start_view(self.current_canonical())

    # -- end reading aids

    # ---------------------------------------------------------- offset mapping
    def view_text(self) -> str:
        """The loaded view text (all of it once loading has finished)."""
        return self._table.view_text()

    def pieces(self) -> list[tuple[int, int, TextView]]:
        """``(view start, canonical start, view)`` of the loaded pieces, in order."""
        return self._table.entries()

    def to_view(self, canonical: int) -> int | None:
        """A canonical offset in loaded-view offsets (None if not loaded yet)."""
        return self._table.to_view(canonical)

    def place_to_view(self, canonical: int) -> int | None:
        """A reading place in loaded-view offsets (:meth:`PieceTable.place_to_view`)."""
        return self._table.place_to_view(canonical)

    def to_canonical(self, view_offset: int, bias: str = "start") -> int:
        """A loaded-view offset as a canonical offset."""
        return self._table.to_canonical(view_offset, bias)  # type: ignore[arg-type]

    def qt_to_view(self, qt_offset: int) -> int:
        """A Qt (UTF-16) position in the widget as a loaded-view offset."""
        return self._table.qt_to_view(qt_offset)

    def view_to_qt(self, view_offset: int) -> int:
        """A loaded-view offset as a Qt (UTF-16) position in the widget."""
        return self._table.view_to_qt(view_offset)

    # --------------------------------------------------------------- position
    def _top_qt(self) -> int:
        return self.text.top_qt()

    def current_canonical(self) -> int:
        """Canonical offset of the place read: the one last gone to while the first line
        shown still holds it, else the first visible character.

        A place rarely starts a line in every view (clean mode reflows, pinyin inline
        widens), so reporting the first character would move the place back a little at
        each toggle; the place gone to is kept exactly as long as it is on the top line.
        """
        if not self._table:
            return 0
        if self.vertical.on:  # vertical mode (issue 19)
            return self.vertical.current_canonical()
        if self._anchor is not None and self._anchor_on_top():
            return self._anchor
        first, _ = self.text.top_line_range()
        return self.to_canonical(self.qt_to_view(first))

    def _scroll_to_qt(self, qt_offset: int) -> None:
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(max(0, min(qt_offset, self._table.qt_length)))
        self.text.scroll_line_to_top(cursor)

    def go_to_canonical(self, canonical: int) -> None:
        """Scroll so that the line holding ``canonical`` is the first one shown (a jump)."""
        with self._jump():
            self._go_to(canonical)

    def restore_place(self, canonical: int) -> None:
        """Put ``canonical`` back on the first line after the layout changed (panels shown
        or hidden, the window resized): the place is kept, so this is not a jump."""
        with self._jump(record=False):
            self._go_to(canonical)

    def _go_to(self, canonical: int) -> None:
        # a place from before the text changed (a re-decode) may lie past its end: a
        # view started there holds nothing, and starting again never ended
        canonical = max(0, min(canonical, len(self.canonical)))
        view = self.place_to_view(canonical)
        if view is None:
            self._start_view(canonical)
            return
        self._anchor = canonical
        self._scroll_to_qt(self.view_to_qt(view))
        self._scrolled()
        self.vertical.went_to(canonical)  # vertical mode (issue 19)

    def select_view_range(self, start: int, end: int) -> None:
        """Select a loaded-view range and make sure it is visible (a jump)."""
        with self._jump():
            self._anchor = None  # the place is now where the selection is shown, not the
            # one gone to before: a rewrap must not pull the page back there
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(self.view_to_qt(start))
            cursor.setPosition(self.view_to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            self.text.setTextCursor(cursor)
            self.text.centerCursor()
            self.vertical.select(start, end)  # vertical mode (issue 19)

    # ------------------------------------------------------------------ jumps
    @contextmanager
    def _jump(self, *, record: bool = True) -> Iterator[None]:
        """A move that takes the reader elsewhere: once it lands, ``placeLeft`` says where
        it was, so Back can return there.  Scrolling by hand is not a jump; the moves a
        jump makes on its way (a chapter step goes to an offset, a found match is
        selected) are part of it, and a move with ``record=False`` (zoom keeps the
        place) records nothing, nor do the moves inside it.
        """
        left = self._place_before_jump() if record else None
        self._jump_depth += 1
        try:
            yield
        finally:
            self._jump_depth -= 1
        self._report_left(left)

    def _place_before_jump(self) -> tuple[str, int] | None:
        """The open document and place, unless a jump is already under way."""
        if self._jump_depth or self.doc_id is None:
            return None
        return self.doc_id, self.current_canonical()

    def _report_left(self, left: tuple[str, int] | None) -> None:
        if left is not None:
            self.placeLeft.emit(*left)

    def _scrolled(self) -> None:
        self._position_timer.start()
        self._highlight_timer.start()

    def _record_position(self) -> None:
        if not self._table:
            return
        offset = self.current_canonical()
        if self._store is not None:
            self._store.set_position(offset)
            self._places[self._store.doc_dir.name] = self._store.position
        self.positionChanged.emit(offset)

    def flush_position(self) -> None:
        """Write the reading position if it changed (called from a timer, on close and
        before another document opens).  A place reached less than the position timer's
        interval ago is taken first: it was lost when another document opened at once."""
        if self._position_timer.isActive():
            self._position_timer.stop()
            self._record_position()
        store = self._store
        if store is None or not store.dirty:
            return
        if store.flush():
            self.progressSaved.emit(self.doc_id or "")
        elif store.last_exception is not None:
            self.statusMessage.emit(describe(store.last_exception, store.path).sentence())

    # -- vertical mode (issue 19): the work is in desktop/ui/reader/vertical/mode.py
    def _build_vertical(self) -> None:
        self.vertical = VerticalMode(self)
        self.vertical.page.pageChanged.connect(lambda _offset: self._scrolled())
        self._highlight_timer.timeout.connect(self.vertical.page.update)

    def set_vertical(self, on: bool) -> None:
        """Read in vertical columns (直排) or in lines, keeping the first character shown;
        remembered for the open document."""
        self.vertical.set_vertical(on)

    @property
    def is_vertical(self) -> bool:
        """Whether the text is shown in vertical columns."""
        return self.vertical.on

    # -- end vertical mode

    # ------------------------------------------------------------- navigation
    def page(self, direction: int) -> None:
        """Scroll one screen down (``+1``) or up (``-1``), keeping one line in view."""
        if self.vertical.on:  # vertical mode (issue 19): a page forward or back
            self.vertical.page_turn(direction)
            return
        self.text.scroll_screen(direction)

    def go_to_start(self) -> None:
        """Show the beginning of the document."""
        with self._jump():
            nav.go_to_start(self)

    def go_to_end(self) -> None:
        """Show the end of the document (its last screen)."""
        with self._jump():
            nav.go_to_end(self)
            if self.vertical.on:  # vertical mode (issue 19)
                self.vertical.go_to_end()

    def chapter_offsets(self) -> list[int]:
        """Canonical offsets of the document's chapters, in order."""
        return nav.chapter_offsets(self)

    def next_chapter(self) -> None:
        """Go to the start of the chapter after the one being read."""
        with self._jump():
            nav.next_chapter(self)

    def previous_chapter(self) -> None:
        """Go to the start of this chapter, or of the one before when already there."""
        with self._jump():
            nav.previous_chapter(self)

    def copy(self) -> None:
        """Copy the selected text (Edit ▸ Copy), so the menus need not reach the page."""
        if self.vertical.on:  # vertical mode (issue 19)
            self.vertical.copy()
            return
        self.text.copy()

    def zoom_in(self) -> None:
        """A larger body font (one point)."""
        with self._jump(record=False):  # the place is kept
            nav.zoom(self, +1.0)

    def zoom_out(self) -> None:
        """A smaller body font (one point)."""
        with self._jump(record=False):  # the place is kept
            nav.zoom(self, -1.0)

    def zoom_reset(self) -> None:
        """The default body font size."""
        with self._jump(record=False):  # the place is kept
            nav.zoom(self, None)

    # ------------------------------------------------------------ find matches
    def set_find_matches(self, ranges: list[tuple[int, int]], current: int = -1) -> None:
        """Canonical ranges to highlight (sorted); ``current`` is selected and shown."""
        self._matches, self._current_match = ranges, current
        if 0 <= current < len(ranges):
            with self._jump():
                self._select_match(*ranges[current])
        self._highlight_timer.start()

    def _select_match(self, start: int, end: int) -> None:
        view = self.to_view(start)
        if view is None:
            self._start_view(start)
            view = self.to_view(start) or 0
        view_end = self.to_view(end)
        self.select_view_range(view, view_end if view_end is not None else view)

    def _apply_highlights(self) -> None:
        selections = nav.match_selections(self, self._matches, self._current_match)
        self.text.setExtraSelections(selections)

    def highlighted_count(self) -> int:
        """How many match highlights are painted now (the visible ones)."""
        return len(self.text.extraSelections())

    # -------------------------------------------------------------- ruby hints
    def ruby_at(self, view_offset: int) -> str | None:
        """The pinyin reading over the character at a loaded-view offset, if any."""
        return self._table.ruby_at(view_offset)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.text and isinstance(event, QKeyEvent):
            if event.type() == QEvent.Type.KeyPress and nav.handle_key(self, event):
                return True
            return super().eventFilter(watched, event)
        if event.type() == QEvent.Type.ToolTip and watched is self.text.viewport():
            nav.show_ruby_tip(self, event.pos(), event.globalPos())  # type: ignore[attr-defined]
            return True
        if event.type() == QEvent.Type.Resize and watched is self.text.viewport():
            self._keep_place_across_rewrap()
        return super().eventFilter(watched, event)

    def _keep_place_across_rewrap(self) -> None:
        """The page is about to be rewrapped at a new width (the scroll bar appearing as
        the text loads, the window or a panel resized): the lines above the place change,
        so the place read would slide off the first line.  Put it back once rewrapped."""
        if self._anchor is None or not self._anchor_on_top():
            return
        anchor = self._anchor

        def put_back() -> None:
            if self._anchor == anchor and not self._anchor_on_top():
                self._scroll_to_canonical(anchor)

        QTimer.singleShot(0, self, put_back)
