"""Readings right of the columns on the vertical page (the ruby of the reading aids).

:class:`VerticalRuby` draws each Han character's reading right of its column, as
vertical books print them: zhuyin stacked, one symbol under the other, its tone mark
beside the last symbol (the light tone's dot above the first); pinyin turned a quarter
clockwise, reading downwards along the character.  The readings are the horizontal
ruby's (:meth:`desktop.ui.reader.ruby.RubyLayer.readings_for`: the same reader of
readings, corrections and cache), read for the characters of the pages shown only.
The readings are about as large as the horizontal ruby's (:data:`SIZE`); to make
room, the page's columns move apart by :data:`ROOM` while the ruby is on, so a reading
never reaches the next column, and each character takes the horizontal ruby's room
after it down the column too (:data:`ALONG`, its ``SPACING``), so a reading never
reaches the next character's: a pinyin syllable squeezed at most to
:data:`MOST_SQUEEZED`, a stack of three zhuyin symbols (each a little shorter if need
be) fit one cell.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPixmap,
    QStaticText,
    QTransform,
)

from desktop.ui.reader.ruby import SPACING, ruby_family

if TYPE_CHECKING:
    from desktop.ui.reader.reading_aids import ReadingAids
    from desktop.ui.reader.vertical.page import VerticalPage

__all__ = ["ALONG", "ROOM", "SIZE", "VerticalRuby"]

#: Room right of each column while the ruby is on, in em, by style: the reading's
#: line (pinyin turned) or a symbol and its tone mark (zhuyin).
ROOM = {"pinyin": 0.85, "zhuyin": 1.0}
#: Room after each character down the column while the ruby is on, in em: the
#: horizontal ruby's room after each character.
ALONG = dict(SPACING)
#: The reading's pixel size, in em: pinyin the horizontal ruby's (``RUBY_SIZE``);
#: zhuyin a little under its 0.6, so a symbol and its tone mark fit beside the column.
SIZE = {"pinyin": 0.55, "zhuyin": 0.55}
#: Height of the image a reading is drawn on, in em (the light tone's dot included).
IMAGE_HEIGHT = 2.0
#: Room between a character and its reading, in em.
GAP = 0.05
#: The zhuyin tone marks drawn beside the stack (the light tone's dot goes above it).
TONES = "ˊˇˋ"
LIGHT = "˙"
#: A pinyin reading longer than its character is squeezed to at most this share.
MOST_SQUEEZED = 0.55


class VerticalRuby(QObject):
    """Pinyin or zhuyin right of each Han character of the vertical pages shown."""

    def __init__(self, page: VerticalPage, aids: ReadingAids) -> None:
        super().__init__(page)
        self.page, self.layer = page, aids.ruby
        #: ``(view start, view end, reading)`` drawn by the last paint, in order.
        self.painted: list[tuple[int, int, str]] = []
        self._texts: dict[str, QStaticText] = {}
        self._images: dict[str, QPixmap] = {}  # each reading drawn once, then copied
        self._size = QSizeF()
        self._ratio = 1.0
        self._font = QFont()
        self._key: tuple[object, ...] = ()
        page.overlays.append(self._paint)
        self.layer.readingsRead.connect(self._read)
        aids.sources.readerReady.connect(page.update)
        self.layer.styleChanged.connect(lambda _style: self.apply_room())
        self.apply_room()

    @property
    def style(self) -> str:
        return self.layer.style

    def apply_room(self) -> None:
        """Move the columns apart for the readings (or together again)."""
        self.page.set_ruby_room(ROOM.get(self.style, 0.0), ALONG.get(self.style, 0.0))
        self.page.update()

    def _read(self) -> None:
        if self.page.isVisible():
            self.page.update()

    # ------------------------------------------------------------- painting
    def _fonts(self) -> None:
        """The reading's font from the page's (again when it or the style changed)."""
        body, style = self.page.font(), self.style
        ratio = self.page.devicePixelRatioF()
        key = (body.toString(), style, self.page.em, self.page.cell, self.page.theme.muted, ratio)
        if key == self._key:
            return
        self._key = key
        self._images = {}
        self._ratio = ratio
        em = self.page.em
        self._size = QSizeF((ROOM.get(style, 0.6) - GAP) * em, IMAGE_HEIGHT * em)
        self._font = QFont(body)
        self._font.setFamilies([ruby_family(body.family())])
        self._font.setPixelSize(max(6, round(self.pixel_size())))
        self._texts = {}

    def pixel_size(self) -> float:
        """The readings' size in pixels, for the page's em."""
        return self.page.em * SIZE.get(self.style, 0.55)

    def font(self) -> QFont:
        """The readings' font (the body's region, in a sans face, at :meth:`pixel_size`)."""
        self._fonts()
        return QFont(self._font)

    def _text(self, text: str) -> QStaticText:
        found = self._texts.get(text)
        if found is None:
            found = self._texts[text] = QStaticText(text)
            found.setTextFormat(Qt.TextFormat.PlainText)
            found.prepare(QTransform(), self._font)
        return found

    def _paint(self, painter: QPainter) -> None:
        self.painted = []
        style = self.style
        if style not in ROOM:
            return
        v0, v1 = self.page.visible_range()
        readings = self.layer.readings_for(v0, v1)
        if not readings:
            return
        self._fonts()
        em, cell, ratio = self.page.em, self.page.cell, self._ratio
        half = self._size.height() / 2
        images, image = self._images, self.image
        get, painted = readings.get, self.painted
        for column, cx, top in self.page.placed_columns():
            x = round((cx + em / 2 + GAP * em) * ratio) / ratio  # on whole device pixels
            for glyph in column.glyphs:
                start = glyph.start
                reading = get(start) if glyph.end == start + 1 else None
                if reading:
                    pixmap = images.get(reading) or image(reading)
                    centre = top + (glyph.row + glyph.cells / 2) * cell
                    painter.drawPixmap(QPointF(x, round((centre - half) * ratio) / ratio), pixmap)
                    painted.append((start, start + 1, reading))

    def image(self, reading: str) -> QPixmap:
        """``reading`` drawn once on a clear image as wide as the room right of a
        column (nothing reaches the next column), centred on its height (the centre of
        the character's cell)."""
        self._fonts()
        size = self._size
        pixmap = QPixmap((size * self._ratio).toSize())
        pixmap.setDevicePixelRatio(self._ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(self._font)
        painter.setPen(QColor(self.page.theme.muted))
        draw = self._zhuyin if self.style == "zhuyin" else self._pinyin
        draw(painter, reading, 0.0, size.height() / 2)
        painter.end()
        self._images[reading] = pixmap
        return pixmap

    def _pinyin(self, painter: QPainter, reading: str, left: float, centre: float) -> None:
        """``reading`` turned a quarter clockwise, its foot at ``left``, centred on
        ``centre`` along the character, squeezed when longer than the character."""
        text = self._text(reading)
        length, height = text.size().width(), text.size().height()
        squeeze = self._squeeze(length)
        painter.save()
        painter.translate(left + height, centre - length * squeeze / 2)
        painter.rotate(90)
        painter.scale(squeeze, 1.0)
        painter.drawStaticText(QPointF(0, 0), text)
        painter.restore()

    def _squeeze(self, length: float) -> float:
        """How much a pinyin reading ``length`` long is squeezed down the column: to
        the character's cell, less a little air, at most to :data:`MOST_SQUEEZED`."""
        room = self.page.cell - 0.1 * self.page.em
        return 1.0 if length <= room else max(MOST_SQUEEZED, room / length)

    def _symbol_step(self) -> float:
        """The room a zhuyin symbol takes down the column (three fit a cell)."""
        return self.page.cell / 3

    def _zhuyin(self, painter: QPainter, reading: str, left: float, centre: float) -> None:
        """The symbols of ``reading`` one under the other from ``left``, centred on
        ``centre``, a third of the cell each; the tone mark right of the last symbol, the
        light tone's dot above the first."""
        tone = reading[-1] if reading[-1] in TONES else ""
        light = LIGHT in reading
        symbols = [c for c in reading if c not in TONES and c != LIGHT]
        if not symbols:
            return
        metrics = QFontMetricsF(self._font)
        ascent = metrics.ascent()
        column = max(self._text(c).size().width() for c in symbols)
        step = self._symbol_step()
        above = metrics.tightBoundingRect(LIGHT).height() + 1.0 if light else 0.0
        step = min(step, (self.page.cell - above) / len(symbols))  # the dot within the cell
        y = centre - (step * len(symbols) + above) / 2 + above
        if light:
            dot, ink = self._text(LIGHT), metrics.tightBoundingRect(LIGHT)
            baseline = y - 1.0 - ink.bottom()
            at = left + (column - dot.size().width()) / 2
            painter.drawStaticText(QPointF(at, baseline - ascent), dot)
        right = 0.0
        for c in symbols:  # its ink centred in its step, a little shorter if taller
            text, ink = self._text(c), metrics.tightBoundingRect(c)
            x = left + (column - text.size().width()) / 2
            right = max(right, x + ink.right())
            squeeze = min(1.0, (step - 1.0) / max(ink.height(), 1.0))
            painter.save()
            painter.translate(x, y + step / 2)
            painter.scale(1.0, squeeze)
            painter.drawStaticText(QPointF(0, -ascent - ink.center().y()), text)
            painter.restore()
            y += step
        if tone:  # just right of the symbols' ink, beside the last symbol
            mark, ink = self._text(tone), metrics.tightBoundingRect(tone)
            at = min(left + column, right + 0.06 * self._font.pixelSize()) - ink.left()
            painter.drawStaticText(QPointF(at, y - step / 2 - ink.center().y() - ascent), mark)
