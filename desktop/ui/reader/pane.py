"""The reader pane: a document's title and metadata above its text, shown as a view.

The text shown is a *view* of the canonical text (clean steps and script conversion,
``desktop.core.views``).  A big document is built and loaded piece by piece: the piece
around the reading position first (painted at once), then the pieces after it, then
those before it, each sized so one step stays short.  Switching script or clean mode
restarts this around the current position, which also cancels the previous load.
Positions are kept in canonical offsets and mapped through the pieces; Qt's UTF-16
offsets are converted at the widget boundary (:class:`Utf16Index`).

This module holds the widget, typography, documents, the place read and the moves that
change it, and find highlights.  The loading of the pieces and keeping the place on the
first line while they come are :mod:`desktop.ui.reader.loader`; the piece table and its
offset mappings :mod:`desktop.ui.reader.pieces`; recording, saving and remembering the
reading position and the jumps Back returns from :mod:`desktop.ui.reader.place`; the
page widget, paging, chapters, zoom, keys, match highlights and pinyin hints
:mod:`desktop.ui.reader.page`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPalette, QTextCursor
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.core.annotations import AnnotationStore
from desktop.core.library import DocRecord, Library
from desktop.core.views import in_script
from desktop.core.views.options import ViewOptions
from desktop.core.views.region import document_region
from desktop.core.views.rules import ConversionRule
from desktop.ui.common.app_settings import AppSettings
from desktop.ui.common.plain import plain_label
from desktop.ui.reader import page as nav
from desktop.ui.reader.fonts import body_family, face_forms, missing_cjk_message, region_for
from desktop.ui.reader.loader import PieceLoader
from desktop.ui.reader.page import DEFAULT_FONT_SIZE, Page
from desktop.ui.reader.place import ReadingPlace, open_store
from desktop.ui.reader.reading_aids import ReadingAids
from desktop.ui.reader.rule_service import ConversionRuleService
from desktop.ui.reader.themes import Theme, apply_theme, resolve_theme
from desktop.ui.reader.utf16 import Utf16Index
from desktop.ui.reader.vertical.mode import VerticalMode

if TYPE_CHECKING:
    from desktop.core.views import TextView
    from desktop.core.views.header import Header

__all__ = ["ReaderPane", "Utf16Index"]


def _details(record: DocRecord, convert: Callable[[str], str] = str) -> str:
    """The line under the title: author and source (in the script shown) and date,
    else the file's name (as it is on disk)."""
    parts = [convert(p) for p in (record.author, record.source) if p]
    parts += [record.published] if record.published else []
    return " · ".join(parts) or record.original_name


def _header(record: DocRecord) -> Header:
    """What the reader shows above the text, for the clean view not to repeat it."""
    from desktop.core.views.header import Header  # its patterns: when a document opens

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
        self._matches: list[tuple[int, int]] = []
        self._current_match = -1
        self._build_timers()
        self.clear()
        self.apply_typography()
        self._build_vertical()  # vertical mode (issue 19)
        self.text.verticalScrollBar().valueChanged.connect(self._text_scrolled)
        # wheel, scroll bar, its keys: scrolled by hand (setValue from code is not)
        self.text.verticalScrollBar().actionTriggered.connect(self._scrolled_by_hand)
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
        self._build_loader()
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

    def _build_loader(self) -> None:
        """The view is loaded into the page piece by piece (:mod:`.loader`)."""
        self.loader = PieceLoader(
            self.text, self.settings, lambda piece: nav.underline_ruby(self, piece), self
        )
        self.loader.pieceLoaded.connect(self.pieceLoaded)
        self.loader.started.connect(self._view_started)
        self.loader.finished.connect(self.loadFinished)

    def _build_timers(self) -> None:
        self._highlight_timer = QTimer(self)
        self._highlight_timer.setSingleShot(True)
        self._highlight_timer.setInterval(0)
        self._highlight_timer.timeout.connect(self._apply_highlights)
        self.place = ReadingPlace(self._where, self)
        self.place.left.connect(self.placeLeft)
        self.place.recorded.connect(self.positionChanged)
        self.place.saved.connect(self.progressSaved)
        self.place.failed.connect(self.statusMessage)

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
        self.loader.apply_line_spacing(0, self.loader.table.qt_length)
        self._highlight_timer.start()
        self.typographyChanged.emit()

    def _colour_header(self) -> None:
        """The title area takes the page colours, the details the theme's muted text."""
        for widget, text in ((self, self.theme.text), (self.meta_label, self.theme.muted)):
            palette = widget.palette()
            palette.setColor(QPalette.ColorRole.Window, QColor(self.theme.page))
            palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
            widget.setPalette(palette)

    # ------------------------------------------------------------ documents
    def clear(self) -> None:
        self.flush_position()
        self.loader.stop()
        self.place.store = None
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
        left = self.place.before_jump()
        self.flush_position()
        self.doc_id, self.record, self.canonical = record.id, record, text
        self.meta_label.setText(_details(record))
        self.place.store = open_store(self.library, record, text, self.statusMessage.emit)
        self.options = replace(self._options_for(record.id), header=_header(record))
        self._reset_text()
        self._show_title()
        self.apply_typography()
        self._start_view(min(self.place.remembered(record.id), len(text)))
        self.documentShown.emit(record.id)
        self.place.report_left(left)

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
        script, phrases = self.options.script, self.options.phrases

        def shown_in_view(text: str) -> str:
            return in_script(text, script, phrases, region)

        shown = shown_in_view(title)
        self.title_label.setText(shown)
        if self.record is not None:
            self.meta_label.setText(_details(self.record, shown_in_view))
        self.text.setAccessibleName(self.tr("Text of “{title}”").format(title=shown))

    @property
    def loading(self) -> bool:
        return self.loader.loading

    @property
    def store(self) -> AnnotationStore | None:
        """The open document's annotation store (also used for the reading position)."""
        return self.place.store

    # -------------------------------------------------------- progressive load
    def _reset_text(self) -> None:
        """An empty view of the text with the options: the find state goes with it."""
        self._matches, self._current_match = [], -1
        self.loader.reset(self.canonical, self.options)

    def _start_view(self, position: int) -> None:
        self._matches, self._current_match = [], -1
        self.loader.start(self.canonical, self.options, position)

    def _view_started(self, position: int) -> None:
        """The view was loaded again around ``position``, the first piece in."""
        self._go_to(position)  # the view restarted, the place kept: not a jump
        self.viewReset.emit()

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
        return self.loader.table.view_text()

    def pieces(self) -> list[tuple[int, int, TextView]]:
        """``(view start, canonical start, view)`` of the loaded pieces, in order."""
        return self.loader.table.entries()

    def to_view(self, canonical: int) -> int | None:
        """A canonical offset in loaded-view offsets (None if not loaded yet)."""
        return self.loader.table.to_view(canonical)

    def place_to_view(self, canonical: int) -> int | None:
        """A reading place in loaded-view offsets (:meth:`PieceTable.place_to_view`)."""
        return self.loader.table.place_to_view(canonical)

    def to_canonical(self, view_offset: int, bias: str = "start") -> int:
        """A loaded-view offset as a canonical offset."""
        return self.loader.table.to_canonical(view_offset, bias)  # type: ignore[arg-type]

    def qt_to_view(self, qt_offset: int) -> int:
        """A Qt (UTF-16) position in the widget as a loaded-view offset."""
        return self.loader.table.qt_to_view(qt_offset)

    def view_to_qt(self, view_offset: int) -> int:
        """A loaded-view offset as a Qt (UTF-16) position in the widget."""
        return self.loader.table.view_to_qt(view_offset)

    # --------------------------------------------------------------- position
    def current_canonical(self) -> int:
        """Canonical offset of the place read: the one last gone to while the first line
        shown still holds it, else the first visible character.

        A place rarely starts a line in every view (clean mode reflows, pinyin inline
        widens), so reporting the first character would move the place back a little at
        each toggle; the place gone to is kept exactly as long as it is on the top line.
        """
        if not self.loader.table:
            return 0
        if self.vertical.on:  # vertical mode (issue 19)
            return self.vertical.current_canonical()
        anchor = self.loader.anchor
        if anchor is not None and self.loader.anchor_on_top():
            return anchor
        first, _ = self.text.top_line_range()
        return self.to_canonical(self.qt_to_view(first))

    def go_to_canonical(self, canonical: int) -> None:
        """Scroll so that the line holding ``canonical`` is the first one shown (a jump)."""
        with self.place.jump():
            self._go_to(canonical)

    def restore_place(self, canonical: int) -> None:
        """Put ``canonical`` back on the first line after the layout changed (panels shown
        or hidden, the window resized): the place is kept, so this is not a jump."""
        with self.place.jump(record=False):
            self._go_to(canonical)

    def _go_to(self, canonical: int) -> None:
        # a place from before the text changed (a re-decode) may lie past its end: a
        # view started there holds nothing, and starting again never ended
        canonical = max(0, min(canonical, len(self.canonical)))
        view = self.place_to_view(canonical)
        if view is None:
            self._start_view(canonical)
            return
        self.loader.anchor = canonical
        self.loader.scroll_to_qt(self.view_to_qt(view))
        self._scrolled()
        self.vertical.went_to(canonical)  # vertical mode (issue 19)

    def select_view_range(self, start: int, end: int) -> None:
        """Select a loaded-view range and make sure it is visible (a jump)."""
        with self.place.jump():
            self.loader.anchor = None  # the place is now where the selection is shown, not the
            # one gone to before: a rewrap must not pull the page back there
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(self.view_to_qt(start))
            cursor.setPosition(self.view_to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            self.text.setTextCursor(cursor)
            self.text.centerCursor()
            self.vertical.select(start, end)  # vertical mode (issue 19)

    def _where(self) -> tuple[str, int] | None:
        """The open document and the place read (None: no text shown)."""
        if self.doc_id is None or not self.loader.table:
            return None
        return self.doc_id, self.current_canonical()

    def _text_scrolled(self) -> None:
        """The horizontal page moved.  While the vertical page is shown it is hidden and
        moves only as pieces come before the text: nothing shown moved, and repainting
        the vertical page for it made every such step longer."""
        if not self.vertical.on:
            self._scrolled()

    def _scrolled(self) -> None:
        self.place.moved()
        self._highlight_timer.start()

    def flush_position(self) -> None:
        """Write the reading position if it changed (:meth:`ReadingPlace.flush`)."""
        self.place.flush()

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
        bar = self.text.verticalScrollBar()
        before = bar.value()
        self.text.scroll_screen(direction)
        if bar.value() != before:  # a screen down on the last one keeps the place exact
            self._scrolled_by_hand()

    def _scrolled_by_hand(self, _action: int = 0) -> None:
        """The reader moved the page: the place last gone to is no longer the place
        read, and a put-back still pending from a rewrap (a panel shown as the document
        opened, the scroll bar appearing) must not pull the page back there.  (From the
        scroll bar's ``actionTriggered``, QPlainTextEdit has moved the page already, so
        whether it moved cannot be told: a wheel turned on the last screen lets the
        place go to the start of its line.)"""
        self.loader.anchor = None

    def go_to_start(self) -> None:
        """Show the beginning of the document."""
        with self.place.jump():
            nav.go_to_start(self)

    def go_to_end(self) -> None:
        """Show the end of the document (its last screen)."""
        with self.place.jump():
            nav.go_to_end(self)
            if self.vertical.on:  # vertical mode (issue 19)
                self.vertical.go_to_end()

    def chapter_offsets(self) -> list[int]:
        """Canonical offsets of the document's chapters, in order."""
        return nav.chapter_offsets(self)

    def next_chapter(self) -> None:
        """Go to the start of the chapter after the one being read."""
        with self.place.jump():
            nav.next_chapter(self)

    def previous_chapter(self) -> None:
        """Go to the start of this chapter, or of the one before when already there."""
        with self.place.jump():
            nav.previous_chapter(self)

    def copy(self) -> None:
        """Copy the selected text (Edit ▸ Copy), so the menus need not reach the page."""
        if self.vertical.on:  # vertical mode (issue 19)
            self.vertical.copy()
            return
        self.text.copy()

    def zoom_in(self) -> None:
        """A larger body font (one point)."""
        with self.place.jump(record=False):  # the place is kept
            nav.zoom(self, +1.0)

    def zoom_out(self) -> None:
        """A smaller body font (one point)."""
        with self.place.jump(record=False):  # the place is kept
            nav.zoom(self, -1.0)

    def zoom_reset(self) -> None:
        """The default body font size."""
        with self.place.jump(record=False):  # the place is kept
            nav.zoom(self, None)

    # ------------------------------------------------------------ find matches
    def set_find_matches(self, ranges: list[tuple[int, int]], current: int = -1) -> None:
        """Canonical ranges to highlight (sorted); ``current`` is selected and shown."""
        self._matches, self._current_match = ranges, current
        if 0 <= current < len(ranges):
            with self.place.jump():
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
        return self.loader.table.ruby_at(view_offset)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.text and isinstance(event, QKeyEvent):
            if event.type() == QEvent.Type.KeyPress and nav.handle_key(self, event):
                return True
            return super().eventFilter(watched, event)
        if event.type() == QEvent.Type.ToolTip and watched is self.text.viewport():
            nav.show_ruby_tip(self, event.pos(), event.globalPos())  # type: ignore[attr-defined]
            return True
        if event.type() == QEvent.Type.Resize and watched is self.text.viewport():
            self.loader.keep_place_across_rewrap()
        return super().eventFilter(watched, event)
