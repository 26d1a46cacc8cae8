"""Highlight colours as the reader sees them: names in the UI language, swatches, paint.

The store keeps a colour as its English key (``"yellow"``, see
:data:`desktop.core.annotations.COLORS`); this module says how each looks: an opaque
swatch in menus and the panel, and a translucent paint on the page whose strength
each theme sets (``mark_alpha``), so that it reads on light, sepia and dark pages.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor, QIcon, QPixmap

__all__ = ["COLOR_LABELS", "PAINT", "color_label", "paint_color", "swatch_color", "swatch_icon"]

#: The colours, as red, green and blue (the key None: a note without a highlight colour).
PAINT = {
    "yellow": (255, 212, 0),
    "green": (64, 192, 87),
    "blue": (51, 154, 240),
    "pink": (240, 101, 149),
    "purple": (132, 94, 247),
    None: (134, 142, 150),
}
#: English colour names (translated when shown: :func:`color_label`).
COLOR_LABELS = {
    "yellow": str(QT_TRANSLATE_NOOP("AnnotationColours", "Yellow")),
    "green": str(QT_TRANSLATE_NOOP("AnnotationColours", "Green")),
    "blue": str(QT_TRANSLATE_NOOP("AnnotationColours", "Blue")),
    "pink": str(QT_TRANSLATE_NOOP("AnnotationColours", "Pink")),
    "purple": str(QT_TRANSLATE_NOOP("AnnotationColours", "Purple")),
}


def color_label(color: str) -> str:
    """The name of a highlight colour in the UI language."""
    return QCoreApplication.translate("AnnotationColours", str(COLOR_LABELS.get(color, color)))


def swatch_color(color: str | None) -> QColor:
    """The opaque colour of a highlight colour's swatch (grey for a plain note)."""
    return QColor(*PAINT.get(color, PAINT[None]))


def swatch_icon(color: str | None) -> QIcon:
    """A square of the colour, for menus and the panel (drawn at 64 px, scaled down)."""
    pixmap = QPixmap(64, 64)
    pixmap.fill(swatch_color(color))
    return QIcon(pixmap)


def paint_color(color: str | None, alpha: int) -> QColor:
    """The translucent colour a highlight is painted with (``alpha`` from the theme)."""
    return QColor(*PAINT.get(color, PAINT[None]), alpha)
