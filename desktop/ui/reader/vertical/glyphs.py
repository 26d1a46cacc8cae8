"""Drawing the glyphs of a vertical column, and where each character of them lies.

The typesetter (:mod:`desktop.core.vertical`) says which cells a glyph takes and how it
stands; this module turns that into pixels for one font: a cell is one em wide and
:attr:`GlyphMetrics.cell` tall (an em, more while readings take room beside each
character), a glyph is centred on its cells, an upright character on its column, a turned one is drawn rotated 90°
clockwise about the centre of its cells, a small stop sits in the cell's upper right.
Every glyph is placed by its ink or by the em box of the font's ideographs (the ink of
中), so a face with other metrics still lines up.  :func:`char_boxes` gives the
rectangle of each character (a turned run's letters one by one, a 縱中橫 pair's two
halves), for hit testing, selection and highlights.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QGlyphRun, QPainter, QRawFont

from desktop.core.vertical import CENTRED, CORNER, RUN, SPACE, TCY, TURNED, UPRIGHT, Glyph
from desktop.core.vertical.classes import OPENING

__all__ = ["Box", "GlyphMetrics", "UprightRun", "char_boxes", "draw_glyph"]

#: Where a small stop's ink centre sits in its cell, from the cell's top right, in em.
_CORNER_INSET = 0.26
#: The widest a 縱中橫 pair may be, in em (wider pairs are squeezed).
_TCY_WIDTH = 0.92

Box = tuple[int, int, QRectF]  #: view offsets [start, end) and the rectangle drawn


@dataclass
class GlyphMetrics:
    """One font's measures for vertical drawing (cached widths and ink boxes)."""

    font: QFont
    metrics: QFontMetricsF = field(init=False)
    em: float = field(init=False)
    #: Height of a cell along the column, in pixels (the em unless the page sets more).
    cell: float = field(init=False)
    ideo_mid: float = field(init=False)  #: baseline → centre of the ideographic em box
    latin_mid: float = field(init=False)  #: baseline → middle of a capital letter
    digit_mid: float = field(init=False)
    raw: QRawFont = field(init=False)
    _widths: dict[str, float] = field(init=False, default_factory=dict)
    _indexes: dict[str, int] = field(init=False, default_factory=dict)
    _inks: dict[str, QRectF] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.metrics = QFontMetricsF(self.font)
        self.em = max(1.0, self.metrics.horizontalAdvance("中"))
        self.cell = self.em
        self.ideo_mid = self.metrics.tightBoundingRect("中").center().y()
        self.latin_mid = self.metrics.tightBoundingRect("H").center().y()
        self.digit_mid = self.metrics.tightBoundingRect("0").center().y()
        self.raw = QRawFont.fromFont(self.font)

    def glyph_index(self, text: str) -> int:
        """The font's own glyph for a one-character ``text`` (0: none, or a cluster that
        needs shaping or another font: drawn as text)."""
        index = self._indexes.get(text)
        if index is None:
            found = self.raw.glyphIndexesForString(text) if self.raw.isValid() else []
            index = found[0] if len(text) == 1 and len(found) == 1 else 0
            if len(self._indexes) < 20_000:
                self._indexes[text] = index
        return index

    def width(self, text: str) -> float:
        """Advance of ``text`` in pixels (cached)."""
        w = self._widths.get(text)
        if w is None:
            w = self.metrics.horizontalAdvance(text)
            if len(self._widths) < 20_000:
                self._widths[text] = w
        return w

    def ink(self, text: str) -> QRectF:
        """The ink box of ``text`` drawn at the origin (cached)."""
        box = self._inks.get(text)
        if box is None:
            box = self.metrics.tightBoundingRect(text)
            if len(self._inks) < 2_000:
                self._inks[text] = box
        return box

    def measure_em(self, text: str) -> float:
        """Advance of ``text`` in em."""
        return self.width(text) / self.em

    def measure_cells(self, text: str) -> float:
        """Advance of ``text`` in cells along the column: the typesetter's measure."""
        return self.width(text) / self.cell


def _span(glyph: Glyph, top: float, cell: float) -> tuple[float, float]:
    """Top and bottom y of the room a glyph takes (half a cell for a halved mark)."""
    y0 = top + glyph.row * cell
    return y0, y0 + glyph.extent * cell


def _drawn_span(glyph: Glyph, top: float, cell: float) -> tuple[float, float]:
    """Top and bottom y of the cells a glyph is drawn in: a halved mark is drawn in a
    whole cell whose half holding its ink is its room (an opening mark's lower half)."""
    y0, y1 = _span(glyph, top, cell)
    if not glyph.half:
        return y0, y1
    if glyph.draw[:1] in OPENING:
        return y1 - cell, y1
    return y0, y0 + cell


def draw_glyph(painter: QPainter, m: GlyphMetrics, glyph: Glyph, cx: float, top: float) -> None:
    """Draw ``glyph`` on the column centred at ``cx`` whose first cell's top is ``top``."""
    if glyph.kind == SPACE or not glyph.draw:
        return
    em = m.em
    y0, y1 = _drawn_span(glyph, top, m.cell)
    cy = (y0 + y1) / 2
    text = glyph.draw
    if glyph.kind == CORNER:  # in the upper right of the em box centred in its cell
        ink = m.ink(text)
        target = QPointF(cx + em / 2 - _CORNER_INSET * em, cy - em / 2 + _CORNER_INSET * em)
        painter.drawText(target - ink.center(), text)
    elif glyph.kind == CENTRED:
        ink = m.ink(text)
        painter.drawText(QPointF(cx, cy) - ink.center(), text)
    elif glyph.kind in (TURNED, RUN):
        text = text.rstrip(" ")
        width = m.width(text)
        painter.save()
        painter.translate(cx, cy)
        painter.rotate(90)
        if glyph.kind == RUN:
            painter.drawText(QPointF(-width / 2, -m.latin_mid), text)
        elif width < 0.75 * em * len(text):  # a narrow (Latin) mark: its ink centred
            painter.drawText(-m.ink(text).center(), text)
        else:  # a full-width mark keeps its place in the em box (「 hugs what follows)
            painter.drawText(QPointF(-width / 2, -m.ideo_mid), text)
        painter.restore()
    elif glyph.kind == TCY:
        width = m.width(text)
        squeeze = min(1.0, _TCY_WIDTH * em / max(width, 1.0))
        painter.save()
        painter.translate(cx, cy)
        painter.scale(squeeze, 1.0)
        painter.drawText(QPointF(-width / 2, -m.digit_mid), text)
        painter.restore()
    else:
        painter.drawText(QPointF(cx - m.width(text) / 2, cy - m.ideo_mid), text)


class UprightRun:
    """The upright characters of a page gathered into glyph runs (one draw call per
    colour instead of one per character); the rest is drawn one glyph at a time."""

    def __init__(self, m: GlyphMetrics) -> None:
        self.m = m
        self.indexes: list[int] = []
        self.positions: list[QPointF] = []
        self.offsets: list[int] = []

    def add(self, glyph: Glyph, cx: float, top: float) -> bool:
        """Take ``glyph`` into the run if it is one upright character of the font."""
        if glyph.kind != UPRIGHT:
            return False
        index = self.m.glyph_index(glyph.draw)
        if not index:
            return False
        y0, y1 = _span(glyph, top, self.m.cell)
        x = cx - self.m.width(glyph.draw) / 2
        self.indexes.append(index)
        self.positions.append(QPointF(x, (y0 + y1) / 2 - self.m.ideo_mid))
        self.offsets.append(glyph.start)
        return True

    def draw(self, painter: QPainter, chosen: tuple[int, int] | None = None) -> None:
        """Draw the run in the painter's pen, the characters in ``chosen`` (a view range)
        left out (drawn by :meth:`draw_chosen`)."""
        if chosen is None:
            self._draw(painter, None)
        else:
            self._draw(painter, lambda o: not chosen[0] <= o < chosen[1])

    def draw_chosen(self, painter: QPainter, chosen: tuple[int, int]) -> None:
        self._draw(painter, lambda o: chosen[0] <= o < chosen[1])

    def _draw(self, painter: QPainter, keep: Callable[[int], bool] | None) -> None:
        if keep is None:
            indexes, positions = self.indexes, self.positions
        else:
            picked = [i for i, o in enumerate(self.offsets) if keep(o)]
            indexes = [self.indexes[i] for i in picked]
            positions = [self.positions[i] for i in picked]
        if not indexes:
            return
        run = QGlyphRun()
        run.setRawFont(self.m.raw)
        run.setGlyphIndexes(indexes)
        run.setPositions(positions)
        painter.drawGlyphRun(QPointF(0, 0), run)


def char_boxes(m: GlyphMetrics, glyph: Glyph, cx: float, top: float, width: float) -> list[Box]:
    """The rectangle of each character of ``glyph`` (``width``: the column's), in order."""
    cell = m.cell
    y0, y1 = _span(glyph, top, cell)
    left = cx - width / 2
    n = glyph.end - glyph.start
    if glyph.kind == TCY and n == 2:
        return [
            (glyph.start, glyph.start + 1, QRectF(left, y0, width / 2, y1 - y0)),
            (glyph.start + 1, glyph.end, QRectF(cx, y0, width / 2, y1 - y0)),
        ]
    if glyph.kind == RUN and n == len(glyph.draw) and n > 1:
        text = glyph.draw.rstrip(" ")
        length = m.width(text)
        y = (y0 + y1) / 2 - length / 2
        boxes: list[Box] = []
        for i, ch in enumerate(glyph.draw):
            step = m.width(ch)
            if i == n - 1:  # the last box reaches the foot of the run's cells
                step = max(step, y1 - y)
            boxes.append((glyph.start + i, glyph.start + i + 1, QRectF(left, y, width, step)))
            y += step
        boxes[0] = (boxes[0][0], boxes[0][1], boxes[0][2].adjusted(0, y0 - boxes[0][2].top(), 0, 0))
        return boxes
    if glyph.cells > 1 and n == glyph.cells:  # a dash or ellipsis pair: a cell each
        return [
            (glyph.start + i, glyph.start + i + 1, QRectF(left, y0 + i * cell, width, cell))
            for i in range(n)
        ]
    return [(glyph.start, glyph.end, QRectF(left, y0, width, y1 - y0))]
