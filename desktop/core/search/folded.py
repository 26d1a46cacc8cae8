"""Folded text as search keeps it: index terms, storage encoding, map columns.

The folding itself is :mod:`desktop.core.fold` (one for the whole application);
this module holds what only the index does with its output.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from operator import add

from desktop.core.fold import HAN
from desktop.core.offsetmap import OffsetMap

__all__ = ["Columns", "columns", "encode", "flat_edits", "text_grams"]

_HAN_RUN = re.compile(f"[{HAN}]+")
_WORD = re.compile(r"[0-9a-z]+")
_PIECE = 1 << 17  #: chars encoded per call (see :func:`encode`)

Columns = tuple[array, array, array, array]


def encode(text: str, codec: str) -> bytes:
    """``text.encode(codec)`` for a stateless codec, a piece at a time.

    Encoding 10 MB in one call holds the GIL for tens of milliseconds.
    """
    if len(text) <= _PIECE:
        return text.encode(codec)
    return b"".join(text[i : i + _PIECE].encode(codec) for i in range(0, len(text), _PIECE))


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


def columns(flat: array) -> Columns:
    """Split flat ``(src_start, src_end, dst_start, dst_end)*`` edits into columns
    (:meth:`OffsetMap.from_columns` makes them a map again)."""
    return flat[0::4], flat[1::4], flat[2::4], flat[3::4]


def flat_edits(mapping: OffsetMap) -> array:
    """The edits of ``mapping`` as one flat ``array('q')`` (for storage)."""
    flat = array("q")
    for edit in mapping.edits():
        flat.extend(edit)
    return flat
