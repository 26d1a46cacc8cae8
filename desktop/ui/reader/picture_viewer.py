"""Pictures of EPUBs and saved pages: figure lines in the reader, and a picture viewer.

The reader's page is a plain-text layout, which cannot draw a picture inside the text,
so each picture stands in the canonical text as a figure line (``［图：alt text］``,
see :mod:`desktop.core.formats.pictures`).  :class:`FigureLines` draws those lines in
the theme's accent colour with an underline, and opens the picture in a
:class:`PictureViewer` on a click, on Enter with the text cursor in the line, or from
the text menu's "Show Picture".  It is installed on the reader from outside (event
filters on the text and its viewport), so the reader itself knows nothing of it.

The viewer gets the picture's bytes from the library (:meth:`Library.picture`); it
never opens a file itself.  A picture that cannot be shown (never inside the file,
its file gone from the library, damaged) opens the same window with a sentence that
says why and names the file, never a crash.  Alt text and captions are the
document's text: shown as plain text only.
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QObject, QPoint, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QCursor,
    QImage,
    QImageReader,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPixmap,
    QTextCharFormat,
    QTextCursor,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QScrollArea,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.core.library import PictureUnavailable
from desktop.core.picture_store import PictureEntry
from desktop.core.views import in_script
from desktop.ui.common.errors import describe
from desktop.ui.common.plain import plain_label, tooltip, window_title

if TYPE_CHECKING:
    from desktop.ui.annotations.layer import AnnotationLayer
    from desktop.ui.reader.pane import ReaderPane

__all__ = ["FigureLines", "PictureViewer"]

log = logging.getLogger(__name__)

#: Zoom steps of the viewer, as factors of the picture's own size.
MIN_ZOOM, MAX_ZOOM, ZOOM_STEP = 0.05, 16.0, 1.25
#: Marks a figure line's characters (a char format property of our own).
FIGURE_PROPERTY = 0x100000 + 0x7F1


class PictureViewer(QDialog):
    """One picture, scaled to fit the window; Ctrl+wheel and Ctrl+± zoom, Ctrl+0 fits.

    ``data`` None (or bytes Qt cannot decode) shows ``message`` instead of a picture.
    """

    def __init__(
        self,
        parent: QWidget | None,
        *,
        title: str,
        entry: PictureEntry,
        data: bytes | None,
        message: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(window_title(self.tr("Picture — {title}").format(title=title)))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.entry = entry
        self.image = QImage()
        self.zoom = 1.0
        self.fitting = True
        self._build(entry)
        error = self._decode(data) if data is not None else ""
        self._show_state(message or error)
        self.resize(self._first_size())

    # ------------------------------------------------------------------ set-up
    def _build(self, entry: PictureEntry) -> None:
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setAccessibleName(entry.alt or entry.caption or self.tr("Picture"))
        self.area = QScrollArea(self)
        self.area.setWidget(self.picture)
        self.area.setWidgetResizable(False)
        self.area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.area.viewport().installEventFilter(self)
        self.message = plain_label(parent=self, wrap=True)
        self.message.setAccessibleName(self.tr("Why the picture is not shown"))
        self.alt_label = plain_label(entry.alt, self, wrap=True)
        self.alt_label.setAccessibleName(self.tr("Alt text"))
        self.caption_label = plain_label(entry.caption, self, wrap=True)
        self.caption_label.setAccessibleName(self.tr("Caption"))
        self.size_label = plain_label(parent=self)
        self.size_label.setAccessibleName(self.tr("Picture size"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.area, 1)
        for widget in (self.message, self.alt_label, self.caption_label, self.size_label):
            layout.addWidget(widget)
        layout.addWidget(buttons)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl++ (or Ctrl+=) and Ctrl+- zoom, Ctrl+0 fits; Esc closes (QDialog)."""
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        key = event.key()
        if event.matches(QKeySequence.StandardKey.ZoomIn) or (
            control and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal)
        ):
            self.zoom_in()
        elif event.matches(QKeySequence.StandardKey.ZoomOut) or (
            control and key == Qt.Key.Key_Minus
        ):
            self.zoom_out()
        elif control and key == Qt.Key.Key_0:
            self.fit()
        else:
            super().keyPressEvent(event)

    def _decode(self, data: bytes) -> str:
        """Read the picture; an error sentence when Qt cannot (damaged, too big)."""
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        reader = QImageReader(buffer)
        image = reader.read()
        if image.isNull():
            log.warning("picture %s cannot be decoded: %s", self.entry.file, reader.errorString())
            return self.tr(
                "The picture file {file} cannot be shown: it is damaged, or of a kind "
                "this system cannot draw."
            ).format(file=self.entry.file or "")
        self.image = image
        return ""

    def _show_state(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))
        self.alt_label.setVisible(bool(self.entry.alt))
        shown_caption = self.entry.caption and self.entry.caption != self.entry.alt
        self.caption_label.setVisible(bool(shown_caption))
        self.area.setVisible(not self.image.isNull())
        if self.image.isNull():
            self.size_label.hide()
            box = self.layout()
            if isinstance(box, QVBoxLayout):  # the sentence and the alt text stay together
                box.insertStretch(box.count() - 1, 1)
            return
        self.size_label.setText(
            self.tr("{width} × {height} pixels").format(
                width=self.image.width(), height=self.image.height()
            )
        )

    def _first_size(self) -> QSize:
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = (1000, 760) if screen is None else (screen.width(), screen.height())
        if self.image.isNull():
            return QSize(min(520, width), 200)
        wanted = self.image.size() + QSize(48, 160)
        return wanted.boundedTo(QSize(int(width * 0.85), int(height * 0.85))).expandedTo(
            QSize(360, 280)
        )

    # ------------------------------------------------------------------ zoom
    @property
    def image_size(self) -> tuple[int, int]:
        """The picture's own size in pixels ((0, 0) when none is shown)."""
        return (self.image.width(), self.image.height())

    def shown_size(self) -> tuple[int, int]:
        """The size the picture is drawn at now."""
        pixmap = self.picture.pixmap()
        return (pixmap.width(), pixmap.height()) if not pixmap.isNull() else (0, 0)

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        self._redraw()

    def resizeEvent(self, event: object) -> None:  # type: ignore[override]
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.fitting:
            self._redraw()

    def fit(self) -> None:
        """Scale the picture to the window (never above its own size)."""
        self.fitting = True
        self._redraw()

    def zoom_in(self) -> None:
        self._set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(self.zoom / ZOOM_STEP)

    def _set_zoom(self, factor: float) -> None:
        self.fitting = False
        self.zoom = min(MAX_ZOOM, max(MIN_ZOOM, factor))
        self._redraw()

    def _fit_factor(self) -> float:
        area = self.area.viewport().size()
        if self.image.isNull() or area.width() < 2 or area.height() < 2:
            return 1.0
        scale = min(area.width() / self.image.width(), area.height() / self.image.height())
        return min(1.0, scale)

    def _redraw(self) -> None:
        if self.image.isNull():
            return
        if self.fitting:
            self.zoom = self._fit_factor()
        size = self.image.size() * self.zoom
        pixmap = QPixmap.fromImage(self.image).scaled(
            size.expandedTo(QSize(1, 1)),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.picture.setPixmap(pixmap)
        self.picture.resize(pixmap.size())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QWheelEvent)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            and watched is self.area.viewport()
        ):
            if event.angleDelta().y() > 0:
                self.zoom_in()
            elif event.angleDelta().y() < 0:
                self.zoom_out()
            return True
        return super().eventFilter(watched, event)


class FigureLines(QObject):
    """The figure lines of the reader's document: drawn as links, opening pictures."""

    def __init__(self, reader: ReaderPane, annotations: AnnotationLayer | None = None) -> None:
        super().__init__(reader)
        self.reader = reader
        self.annotations = annotations
        self.viewer: PictureViewer | None = None
        self._press: QPoint | None = None
        self._hand = False
        self._starts: tuple[list[PictureEntry] | None, list[int]] = (None, [])
        reader.pieceLoaded.connect(self._mark_piece)
        reader.typographyChanged.connect(self.mark_all)
        # Kept here: events still arrive while the reader is being destroyed, when
        # asking it for its text widget would fail.
        self._text = reader.text
        self._viewport = reader.text.viewport()
        self._viewport.setMouseTracking(True)
        self._viewport.installEventFilter(self)
        self._text.installEventFilter(self)

    @classmethod
    def install(cls, reader: ReaderPane, annotations: AnnotationLayer | None = None) -> FigureLines:
        """Figure lines for ``reader``; ``annotations`` gives the text menu its items."""
        return cls(reader, annotations)

    # -------------------------------------------------------------- pictures
    def pictures(self) -> list[PictureEntry]:
        """The pictures of the document shown, in text order."""
        return self.reader.record.pictures if self.reader.record else []

    def _offsets(self) -> list[int]:
        """Where the figure lines start (asked at every mouse move: kept per list)."""
        pictures = self.pictures()
        if self._starts[0] is not pictures:
            self._starts = (pictures, [p.offset for p in pictures])
        return self._starts[1]

    def picture_at_canonical(self, offset: int) -> int | None:
        """The index of the picture whose figure line holds canonical ``offset``."""
        n = bisect_right(self._offsets(), offset) - 1
        if n >= 0 and offset < self.pictures()[n].end:
            return n
        return None

    def picture_at(self, pos: QPoint) -> int | None:
        """The picture whose figure line is drawn under viewport point ``pos``."""
        text = self.reader.text
        if not self.reader.pieces():
            return None
        cursor = text.cursorForPosition(pos)
        rect = text.cursorRect(cursor)
        if not rect.top() <= pos.y() <= rect.bottom():
            return None  # below the last line
        qt = cursor.position() - (1 if pos.x() < rect.left() else 0)
        if qt < 0:
            return None
        return self._picture_at_qt(qt)

    def _picture_at_qt(self, qt: int) -> int | None:
        view = self.reader.qt_to_view(qt)
        if view >= len(self.reader.view_text()):
            return None
        return self.picture_at_canonical(self.reader.to_canonical(view))

    def picture_at_text_cursor(self) -> int | None:
        """The picture whose figure line holds the text cursor (or its selection)."""
        cursor = self.reader.text.textCursor()
        return self._picture_at_qt(cursor.selectionStart()) if self.reader.pieces() else None

    # ---------------------------------------------------------------- marking
    def _format(self) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setForeground(QColor(self.reader.theme.ruby))
        fmt.setFontUnderline(True)
        fmt.setProperty(FIGURE_PROPERTY, True)
        return fmt

    def _mark_piece(self, canon_start: int, canon_end: int) -> None:
        self._mark(canon_start, canon_end)

    def mark_all(self) -> None:
        """Draw every loaded figure line (again: the theme's colour may have changed)."""
        self._mark(0, len(self.reader.canonical))

    def _mark(self, canon_start: int, canon_end: int) -> None:
        pictures = [p for p in self.pictures() if canon_start <= p.offset < canon_end]
        if not pictures:
            return
        fmt = self._format()
        cursor = QTextCursor(self.reader.text.document())
        cursor.beginEditBlock()
        for picture in pictures:
            v0, v1 = self.reader.to_view(picture.offset), self.reader.to_view(picture.end)
            if v0 is None or v1 is None or v0 >= v1:
                continue  # not loaded, or hidden in this view
            cursor.setPosition(self.reader.view_to_qt(v0))
            cursor.setPosition(self.reader.view_to_qt(v1), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)
        cursor.endEditBlock()

    # ---------------------------------------------------------------- opening
    def show_picture(self, index: int) -> PictureViewer | None:
        """Open picture ``index`` of the shown document in the viewer."""
        reader, library = self.reader, self.reader.library
        if reader.record is None or library is None or reader.doc_id is None:
            return None
        entry = reader.record.pictures[index]
        data, message = None, ""
        try:
            entry, data = library.picture(reader.doc_id, index)
        except PictureUnavailable as exc:
            log.info("picture %d of %s not shown: %s", index, reader.doc_id[:12], exc)
            message = self._why_not(exc, entry)
        except (KeyError, IndexError) as exc:
            log.warning("picture %d of %s: %s", index, reader.doc_id[:12], exc)
            return None
        if self.viewer is not None:
            self.viewer.close()
        shown = replace(entry, alt=self._in_view_script(entry.alt))
        shown = replace(shown, caption=self._in_view_script(entry.caption))
        title = reader.title_label.text()  # the title as the reader shows it
        viewer = PictureViewer(
            reader.window(), title=title, entry=shown, data=data, message=message
        )
        viewer.destroyed.connect(lambda _=None, v=viewer: self._forget(v))
        self.viewer = viewer
        viewer.show()
        return viewer

    def _in_view_script(self, text: str) -> str:
        """``text`` in the script the document is shown in, as the figure line is."""
        options = self.reader.options
        return in_script(text, options.script, options.phrases)

    def _forget(self, viewer: PictureViewer) -> None:
        if self.viewer is viewer:
            self.viewer = None

    def _why_not(self, exc: PictureUnavailable, entry: PictureEntry) -> str:
        """A sentence saying why a picture cannot be shown, naming its file."""
        path = str(exc.path or "")
        if exc.reason == "missing":
            return self.tr("The picture file {path} is missing from the library folder.").format(
                path=path
            )
        if exc.reason == "damaged":
            return self.tr(
                "The picture file {path} is damaged: it is not the picture it should be."
            ).format(path=path)
        if exc.reason == "unreadable":
            cause = exc.__cause__ if isinstance(exc.__cause__, OSError) else exc
            return describe(cause, exc.path).text
        return self._not_in_file(entry)

    def _not_in_file(self, entry: PictureEntry) -> str:
        problem = entry.problem
        if problem == "too-large":
            return self.tr(
                "This picture was not kept: it is larger than a picture may be (20 MB), "
                "or the document's pictures pass 200 MB in all."
            )
        if problem == "svg":
            return self.tr("SVG pictures are not shown: they can load other files.")
        if problem == "type":
            return self.tr(
                "This picture was not kept: it is not PNG, JPEG, GIF or WebP ({src})."
            ).format(src=entry.src)
        if problem in ("missing", "damaged"):
            return self.tr(
                "The document names this picture ({src}) but does not hold a readable copy."
            ).format(src=entry.src)
        return self.tr(
            "This picture is not inside the document: it points to {src}. Tongwen loads "
            "nothing from outside a document."
        ).format(src=entry.src)

    def _open_later(self, index: int) -> None:
        """Open after the event that asked for it is over (a window opened from
        inside a mouse release would leave the text selecting)."""
        QTimer.singleShot(0, lambda: self.show_picture(index))

    # ---------------------------------------------------------------- events
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._viewport:
            return self._viewport_event(event) or super().eventFilter(watched, event)
        if watched is self._text and isinstance(event, QKeyEvent):
            return self._key(event) or super().eventFilter(watched, event)
        if (
            watched is self._text
            and isinstance(event, QContextMenuEvent)
            and event.reason() == QContextMenuEvent.Reason.Keyboard
        ):
            return self._menu(self.picture_at_text_cursor(), event)
        return super().eventFilter(watched, event)

    def _viewport_event(self, event: QEvent) -> bool:
        kind = event.type()
        if isinstance(event, QMouseEvent):
            return self._mouse(event)
        if kind == QEvent.Type.ToolTip:
            return self._tooltip(event)
        if isinstance(event, QContextMenuEvent):
            return self._menu(self.picture_at(event.pos()), event)
        return False

    def _mouse(self, event: QMouseEvent) -> bool:
        pos = event.position().toPoint()
        kind = event.type()
        if kind == QEvent.Type.MouseMove and event.buttons() == Qt.MouseButton.NoButton:
            self._set_hand(self.picture_at(pos) is not None)
        elif kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            self._press = pos
        elif kind == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:
            pressed, self._press = self._press, None
            moved = pressed is None or (pos - pressed).manhattanLength() >= (
                QApplication.startDragDistance()
            )
            index = None if moved else self.picture_at(pos)
            if index is not None:
                self._open_later(index)
        return False  # the text still selects, places its cursor, scrolls

    def _set_hand(self, over_figure: bool) -> None:
        if over_figure == self._hand:
            return
        self._hand = over_figure
        viewport = self.reader.text.viewport()
        if over_figure:
            viewport.setCursor(QCursor(Qt.CursorShape.PointingHandCursor))
        else:
            viewport.setCursor(QCursor(Qt.CursorShape.IBeamCursor))

    def _tooltip(self, event: QEvent) -> bool:
        pos = event.pos()  # type: ignore[attr-defined]
        index = self.picture_at(pos)
        if index is None:
            return False
        entry = self.pictures()[index]
        words = [self.tr("Click to show the picture"), entry.alt, entry.caption]
        QToolTip.showText(
            event.globalPos(),  # type: ignore[attr-defined]
            tooltip("\n".join(dict.fromkeys(w for w in words if w))),
            self.reader.text,
        )
        return True

    def _key(self, event: QKeyEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or event.modifiers() not in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            return False
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return False
        index = self.picture_at_text_cursor()
        if index is None:
            return False
        self._open_later(index)
        return True

    def context_menu(self, index: int, pos: QPoint) -> QMenu:
        """The text menu at viewport ``pos`` with "Show Picture" first."""
        if self.annotations is not None:
            menu = self.annotations.context_menu(pos)
        else:
            menu = self.reader.text.createStandardContextMenu(pos)
        show = QAction(self.tr("Show &Picture"), menu)
        show.triggered.connect(lambda _=False: self._open_later(index))
        actions = menu.actions()
        if actions:
            menu.insertAction(actions[0], show)
            menu.insertSeparator(actions[0])
        else:
            menu.addAction(show)
        return menu

    def _menu(self, index: int | None, event: QContextMenuEvent) -> bool:
        if index is None:
            return False
        viewport = self.reader.text.viewport()
        pos = event.pos()
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            pos = self.reader.text.cursorRect().center()
        menu = self.context_menu(index, pos)
        menu.exec(viewport.mapToGlobal(pos))
        menu.deleteLater()
        return True
