"""Folding for search: one spelling for both scripts, both widths and both cases.

:func:`fold` turns a text into its *folded* form and an :class:`OffsetMap` from the
text to the folded form.  Folding, in order:

1. whitespace (spaces, line breaks) between two Han characters is dropped, so a
   phrase that a hard-wrapped file splits over two lines is found;
2. Traditional → Simplified with OpenCC ``t2s`` (phrase-aware; the rare phrase whose
   length changes becomes one replaced stretch in the map);
3. full-width ASCII → half-width, upper → lower case (char for char).

The same function folds queries, so a query and a text agree by construction.  The
OpenCC converter is module-level and created lazily: it cannot be pickled.
"""

from __future__ import annotations

import functools
import re
from array import array
from bisect import bisect_right
from collections import Counter
from operator import add
from typing import TYPE_CHECKING

from desktop.core.offsetmap import MapBuilder, OffsetMap
from desktop.core.views.convert import sanitize

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "HAN",
    "columns",
    "encode",
    "flat_edits",
    "fold",
    "fold_plain",
    "hit_range",
    "text_grams",
]

#: A regular-expression class of Han characters (CJK ideographs and 〇).
HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_HAN_RUN = re.compile(f"[{HAN}]+")
_GAP = re.compile(f"(?<=[{HAN}])\\s+(?=[{HAN}])")
_WORD = re.compile(r"[0-9a-z]+")
_PIECE = 1 << 17  #: chars converted per OpenCC call (see :func:`_convert`)
_BREAKS = ("\n", "。", "！", "？", "；", "，")


@functools.cache
def _case_width_table() -> np.ndarray:
    """Per BMP code point: its half-width, lower-case form (one code point)."""
    import numpy as np

    table = np.arange(0x10000, dtype=np.uint32)
    table[0xFF01:0xFF5F] -= 0xFEE0
    table[0x3000] = 0x20
    for cp in range(0x10000):
        low = chr(table[cp]).lower()
        if len(low) == 1:
            table[cp] = ord(low)
    return table


def encode(text: str, codec: str) -> bytes:
    """``text.encode(codec)`` for a stateless codec, a piece at a time.

    Encoding 10 MB in one call holds the GIL for tens of milliseconds.
    """
    if len(text) <= _PIECE:
        return text.encode(codec)
    return b"".join(text[i : i + _PIECE].encode(codec) for i in range(0, len(text), _PIECE))


def _case_width(text: str) -> str:
    """Full-width ASCII → half-width and upper → lower case, char for char."""
    if len(text) > _PIECE:  # in pieces, as :func:`encode` does
        return "".join(_case_width(text[i : i + _PIECE]) for i in range(0, len(text), _PIECE))
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    bmp = codes < 0x10000
    folded = np.where(bmp, _case_width_table()[np.where(bmp, codes, 0)], codes)
    return folded.tobytes().decode("utf-32-le")


@functools.cache
def _t2s() -> object:
    import opencc

    return opencc.OpenCC("t2s")


def _convert(text: str) -> str:
    """``text`` in Simplified script, converted a piece at a time.

    One OpenCC call holds the GIL throughout (~130 ms for a 10 MB novel), which
    would freeze the window while a worker indexes; pieces end at a line break or
    a sentence mark, which no converted phrase spans.
    """
    convert = _t2s().convert  # type: ignore[attr-defined]
    if len(text) <= _PIECE:
        return str(convert(text))
    parts: list[str] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + _PIECE)
        if end < len(text):
            cut = max(text.rfind(mark, start, end) for mark in _BREAKS)
            end = cut + 1 if cut > start else end
        parts.append(str(convert(text[start:end])))
        start = end
    return "".join(parts)


def _drop_gaps(text: str) -> tuple[str, MapBuilder]:
    builder = MapBuilder()
    parts: list[str] = []
    pos = 0
    for m in _GAP.finditer(text):
        parts.append(text[pos : m.start()])
        builder.keep(m.start() - pos)
        builder.replace(m.end() - m.start(), 0)
        pos = m.end()
    parts.append(text[pos:])
    builder.keep(len(text) - pos)
    return "".join(parts), builder


def _align_line(src: str, dst: str, builder: MapBuilder) -> None:
    """Map one line whose conversion changed its length: trim the common ends."""
    per_char = "".join(_convert(ch) for ch in src)
    head = 0
    limit = min(len(src), len(dst), len(per_char))
    while head < limit and per_char[head] == dst[head] and len(per_char) == len(src):
        head += 1
    tail = 0
    while (
        tail < limit - head
        and len(per_char) == len(src)
        and per_char[len(per_char) - 1 - tail] == dst[len(dst) - 1 - tail]
    ):
        tail += 1
    builder.keep(head)
    builder.replace(len(src) - head - tail, len(dst) - head - tail)
    builder.keep(tail)


def _to_simplified(text: str) -> tuple[str, OffsetMap]:
    out = _convert(text)
    if len(out) == len(text) and out.count("\n") == text.count("\n"):
        return out, OffsetMap.identity(len(text))
    builder = MapBuilder()
    src_lines = text.split("\n")
    dst_lines = out.split("\n")
    if len(src_lines) != len(dst_lines):  # never seen; keep the map honest anyway
        builder.replace(len(text), len(out))
        return out, builder.build()
    for i, (src, dst) in enumerate(zip(src_lines, dst_lines)):
        if len(src) == len(dst):
            builder.keep(len(src))
        else:
            _align_line(src, dst, builder)
        if i < len(src_lines) - 1:
            builder.keep(1)
    return out, builder.build()


def fold(text: str) -> tuple[str, OffsetMap]:
    """The folded form of ``text`` and the map from ``text`` to it."""
    if not text:
        return "", OffsetMap.identity(0)
    clean = sanitize(text)
    joined, gaps = _drop_gaps(clean)
    simple, conv = _to_simplified(joined)
    return _case_width(simple), gaps.build().compose(conv)


def fold_plain(text: str) -> str:
    """The folded form of ``text`` alone (for queries and metadata)."""
    return fold(text)[0]


def text_grams(folded: str) -> Counter[str]:
    """Index terms of a folded text with their counts.

    Every Han character and every pair of adjacent Han characters, and every run of
    Latin letters and digits as a word.
    """
    joined = "\0".join(_HAN_RUN.findall(folded))  # NUL never folds into a Han run
    grams: Counter[str] = Counter(joined)
    grams.update(map(add, joined, joined[1:]))
    for key in [k for k in grams if "\0" in k]:
        del grams[key]
    grams.update(_WORD.findall(folded))
    return grams


Columns = tuple[array, array, array, array]


def columns(flat: array) -> Columns:
    """Split flat ``(src_start, src_end, dst_start, dst_end)*`` edits into columns."""
    return flat[0::4], flat[1::4], flat[2::4], flat[3::4]


def flat_edits(mapping: OffsetMap) -> array:
    """The edits of ``mapping`` as one flat ``array('q')`` (for storage)."""
    flat = array("q")
    for edit in mapping.edits():
        flat.extend(edit)
    return flat


def hit_range(cols: Columns, folded_start: int, folded_end: int) -> tuple[int, int]:
    """A folded range as the source range it covers exactly.

    ``cols`` are the edit columns of the map from the source to the folded text.  The
    result starts at the first matched char and ends after the last one: text the
    folding dropped inside the range (a line break) is covered, but never outside.
    """
    return _src_start(cols, folded_start), _src_end(cols, folded_end)


def _containing(cols: Columns, x: int) -> int:
    """Index of the non-empty replaced stretch holding folded char ``x``, or -1."""
    ds, de = cols[2], cols[3]
    j = bisect_right(ds, x) - 1
    if j >= 0 and ds[j] <= x < de[j]:
        return j
    return -1


def _src_start(cols: Columns, a: int) -> int:
    rs, re_, _ds, de = cols
    j = _containing(cols, a)
    if j >= 0:
        return rs[j]
    k = bisect_right(de, a) - 1
    return a if k < 0 else re_[k] + (a - de[k])


def _src_end(cols: Columns, b: int) -> int:
    if b <= 0:
        return _src_start(cols, 0)
    _rs, re_, _ds, de = cols
    j = _containing(cols, b - 1)
    if j >= 0:
        return re_[j]
    k = bisect_right(de, b - 1) - 1
    return b if k < 0 else re_[k] + (b - de[k])
