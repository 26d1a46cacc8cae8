"""Vertical typesetting (直排): columns top to bottom, right to left, paged.

Qt-free: :class:`Typesetter` lays a view's text out into :class:`Page` s of
:class:`Column` s of :class:`Glyph` s, in view offsets; the reader's vertical page
(``desktop.ui.reader.vertical``) draws them.
"""

from desktop.core.vertical.classes import (
    CENTRED,
    CORNER,
    RUN,
    SPACE,
    TCY,
    TURNED,
    UPRIGHT,
    Measure,
    Token,
    approximate_measure,
    tokens,
)
from desktop.core.vertical.columns import Column, Glyph, Rules, lay_out_segment
from desktop.core.vertical.pages import SOFT, Page, PageSize, Source, StrSource, Typesetter

__all__ = [
    "CENTRED",
    "CORNER",
    "RUN",
    "SOFT",
    "SPACE",
    "TCY",
    "TURNED",
    "UPRIGHT",
    "Column",
    "Glyph",
    "Measure",
    "Page",
    "PageSize",
    "Rules",
    "Source",
    "StrSource",
    "Token",
    "Typesetter",
    "approximate_measure",
    "lay_out_segment",
    "tokens",
]
