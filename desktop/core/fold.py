"""Folding: one spelling for both scripts, both widths and every case.

Everything that asks "does this text contain that" folds both sides here: the
library filter, search (documents at index time, queries, metadata) and find in the
document (Ctrl+F).  So a query and a text agree by construction, and the three
agree with each other.  :func:`fold` returns the folded text with an
:class:`~desktop.core.offsetmap.OffsetMap` from the text to it; a hit found in the
folded text comes back to the text through :meth:`OffsetMap.src_span`.
:func:`fold_plain` is the same folded text without the map (queries, metadata).

The rules, in order, each decided once:

1. Lone surrogates become U+FFFD (same length): OpenCC needs UTF-8.
2. Whitespace between two Han characters is dropped, so a phrase that a
   hard-wrapped file splits over two lines is found: ``社會\\n工作`` →
   ``社会工作``.  Whitespace anywhere else (between words) is kept.
3. Traditional → Simplified with OpenCC ``t2s``, through the converter the
   views use (:func:`desktop.core.views.convert.convert_with_map`), so OpenCC's
   rare-glyph ("tofu risk") dictionaries are left out here as in the 简体 view:
   ``俓`` stays ``俓`` (with them it would become ``𠇹``, which fonts lack and no one
   types).  The folded text of Traditional text is the general 简体 view's text.
4. Full-width ASCII and the ideographic space → half-width: ``ＡＢＣ`` → ``ABC``.
5. Case by Unicode case folding (``str.casefold``): ``Straße``, ``STRASSE`` and
   ``strasse`` all fold to ``strasse``; a character that folds to several (``ß``)
   is one replaced stretch in the map.

Nothing here imports numpy until a long text is folded, nor OpenCC until a text
with Han characters is converted (the library filter runs in the window).
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from desktop.core.offsetmap import MapBuilder, OffsetMap
from desktop.core.script import HAN

if TYPE_CHECKING:
    import numpy as np

__all__ = ["HAN", "find_folded", "fold", "fold_many", "fold_plain"]

_GAP = re.compile(f"(?<=[{HAN}])\\s+(?=[{HAN}])")
_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
#: Above this length the width is folded with a numpy table (``str.translate``
#: with a dict takes seconds on a 10 MB novel); below it numpy is not imported.
_LONG = 4096


def fold(text: str) -> tuple[str, OffsetMap]:
    """The folded form of ``text`` and the map from ``text`` to it."""
    if not text:
        return "", OffsetMap.identity(0)
    from desktop.core.views.convert import convert_with_map, sanitize  # OpenCC: first use

    joined, gaps = _drop_gaps(sanitize(text))
    simple, to_simple = convert_with_map(joined, "t2s")
    folded, to_folded = _casefold(_fold_width(simple))
    return folded, gaps.compose(to_simple).compose(to_folded)


def fold_plain(text: str) -> str:
    """``fold(text)[0]`` without building the map (queries, metadata, filters)."""
    if not text:
        return ""
    from desktop.core.views.convert import convert_text, sanitize  # OpenCC: first use

    joined = _GAP.sub("", sanitize(text))
    return _fold_width(convert_text(joined, "t2s")).casefold()


#: Between the texts :func:`fold_many` folds in one call: not whitespace (rule 2 joins
#: Han across whitespace), not Han, unchanged by every rule, in no OpenCC phrase.
_APART = "\x1e"


def fold_many(texts: list[str]) -> list[str]:
    """``[fold_plain(t) for t in texts]`` in one pass: 100,000 titles fold in about a
    third of the time of 100,000 calls (one OpenCC conversion, one regex pass)."""
    if any(_APART in t for t in texts):
        return [fold_plain(t) for t in texts]
    folded = fold_plain(_APART.join(texts)).split(_APART)
    if len(folded) != len(texts):  # cannot happen by the rules; never trust it blindly
        return [fold_plain(t) for t in texts]
    return folded


def find_folded(folded: str, mapping: OffsetMap, needle: str) -> list[tuple[int, int]]:
    """Source ranges of the non-overlapping occurrences of folded ``needle``.

    ``folded`` and ``mapping`` are what :func:`fold` returned for the source text.
    """
    found: list[tuple[int, int]] = []
    if not needle:
        return found
    at = folded.find(needle)
    while at >= 0:
        found.append(mapping.src_span(at, at + len(needle)))
        at = folded.find(needle, at + len(needle))
    return found


def _drop_gaps(text: str) -> tuple[str, OffsetMap]:
    """``text`` without whitespace between Han characters (rule 2), and its map."""
    builder = MapBuilder()
    parts: list[str] = []
    pos = 0
    for m in _GAP.finditer(text):
        parts.append(text[pos : m.start()])
        builder.keep(m.start() - pos)
        builder.replace(m.end() - m.start(), 0)
        pos = m.end()
    if not pos:
        return text, OffsetMap.identity(len(text))
    parts.append(text[pos:])
    builder.keep(len(text) - pos)
    return "".join(parts), builder.build()


def _fold_width(text: str) -> str:
    """Full-width ASCII and the ideographic space to half-width, char for char."""
    if len(text) <= _LONG:
        return text.translate(_WIDTH)
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    bmp = codes < 0x10000
    folded = np.where(bmp, _width_table()[np.where(bmp, codes, 0)], codes)
    return folded.tobytes().decode("utf-32-le")


@functools.cache
def _width_table() -> np.ndarray:
    """Per BMP code point: its half-width form."""
    import numpy as np

    table = np.arange(0x10000, dtype=np.uint32)
    for wide, narrow in _WIDTH.items():
        table[wide] = narrow
    return table


def _casefold(text: str) -> tuple[str, OffsetMap]:
    """``text.casefold()`` and its map: each char folds on its own, to one char or more."""
    folded = text.casefold()
    if len(folded) == len(text):  # no char grew, so every char folded to one
        return folded, OffsetMap.identity(len(text))
    builder = MapBuilder()
    pos = 0
    for m in _growing().finditer(text):
        builder.keep(m.start() - pos)
        builder.replace(1, len(m.group().casefold()))
        pos = m.end()
    builder.keep(len(text) - pos)
    return folded, builder.build()


@functools.cache
def _growing() -> re.Pattern[str]:
    """The characters that case-fold to more than one (all in the BMP: ß, ﬁ, ŉ, ...)."""
    chars = (chr(cp) for cp in range(0x10000) if not 0xD800 <= cp < 0xE000)
    return re.compile("[" + re.escape("".join(c for c in chars if len(c.casefold()) > 1)) + "]")
