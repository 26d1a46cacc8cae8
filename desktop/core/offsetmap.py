"""Offset maps between a source text and a text derived from it.

An :class:`OffsetMap` records only the *edits* of a transformation: stretches of the
source that were replaced by a stretch of a different length (a deletion or an
insertion is a replacement with one empty side).  Everything between two edits maps
one to one.  Edits are kept in four ``array('q')`` columns and searched with
:mod:`bisect`, so a 50 MB text with no length change costs a few bytes, and a lookup
is ``O(log edits)``.

Offsets inside a replacement map to its edges: with ``bias="start"`` to the start of
the other side, with ``bias="end"`` to its end.  So a range that ends inside a
replaced phrase grows to cover the whole phrase on the other side.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable
from typing import Literal

__all__ = ["Bias", "MapBuilder", "OffsetMap", "apply_edits"]

Bias = Literal["start", "end"]
Edit = tuple[int, int, int, int]


class OffsetMap:
    """Monotonic map of code-point offsets from a source text to a target text."""

    __slots__ = ("_de", "_ds", "_re", "_rs", "dst_len", "src_len")

    def __init__(self, src_len: int, dst_len: int, edits: Iterable[Edit] = ()) -> None:
        """Build from ``(src_start, src_end, dst_start, dst_end)`` edits in order.

        Adjacent edits are merged; the stretches between edits must have equal lengths
        on both sides, and the tail after the last edit too (``ValueError`` otherwise).
        """
        self.src_len = src_len
        self.dst_len = dst_len
        self._rs, self._re = array("q"), array("q")
        self._ds, self._de = array("q"), array("q")
        for edit in edits:
            self._append(*edit)
        self._check_tail()

    def _append(self, s0: int, s1: int, d0: int, d1: int) -> None:
        if s1 < s0 or d1 < d0:
            raise ValueError(f"edit has a negative length: {(s0, s1, d0, d1)}")
        prev_s, prev_d = (self._re[-1], self._de[-1]) if self._rs else (0, 0)
        if s0 < prev_s or d0 < prev_d or s0 - prev_s != d0 - prev_d:
            raise ValueError(f"edit {(s0, s1, d0, d1)} is out of order or misaligned")
        if s1 - s0 == 0 and d1 - d0 == 0:
            return
        if self._rs and s0 == prev_s:
            self._re[-1], self._de[-1] = s1, d1
            return
        self._rs.append(s0)
        self._re.append(s1)
        self._ds.append(d0)
        self._de.append(d1)

    def _check_tail(self) -> None:
        prev_s, prev_d = (self._re[-1], self._de[-1]) if self._rs else (0, 0)
        if self.src_len - prev_s != self.dst_len - prev_d or self.src_len < prev_s:
            raise ValueError(
                f"map tail is misaligned: src {prev_s}..{self.src_len}, "
                f"dst {prev_d}..{self.dst_len}"
            )

    @classmethod
    def identity(cls, n: int) -> OffsetMap:
        """The map of a text to itself (or to a same-length, char-for-char rewrite)."""
        return cls(n, n)

    @property
    def edit_count(self) -> int:
        """How many replaced stretches the map holds."""
        return len(self._rs)

    def edits(self) -> list[Edit]:
        """The replaced stretches as ``(src_start, src_end, dst_start, dst_end)``."""
        return list(zip(self._rs, self._re, self._ds, self._de))

    def nbytes(self) -> int:
        """Memory used by the breakpoint columns, in bytes."""
        return sum(col.itemsize * len(col) for col in (self._rs, self._re, self._ds, self._de))

    def to_dst(self, offset: int, *, bias: Bias = "start") -> int:
        """Map a source offset to the target text."""
        return _lookup(offset, self.src_len, self._rs, self._re, self._ds, self._de, bias)

    def to_src(self, offset: int, *, bias: Bias = "start") -> int:
        """Map a target offset back to the source text."""
        return _lookup(offset, self.dst_len, self._ds, self._de, self._rs, self._re, bias)

    def dst_range(self, start: int, end: int) -> tuple[int, int]:
        """A source range as a target range (covers every char it produced)."""
        d0 = self.to_dst(start, bias="start")
        return d0, max(d0, self.to_dst(end, bias="end"))

    def src_range(self, start: int, end: int) -> tuple[int, int]:
        """A target range as a source range (covers every char it came from)."""
        s0 = self.to_src(start, bias="start")
        return s0, max(s0, self.to_src(end, bias="end"))

    def src_span(self, start: int, end: int) -> tuple[int, int]:
        """A target range as the source range that produced exactly its chars.

        Unlike :meth:`src_range`, source text that produced nothing (a line break
        folding dropped) is left out at the range's edges and covered only inside
        it: a hit on ``工作`` in ``社會\n工作`` is ``工作``, not ``\n工作``.  Text
        replaced by a longer or shorter stretch is covered whole, as there.
        """
        return self._src_start(start), self._src_end(end)

    def _replacing(self, x: int) -> int:
        """Index of the non-empty target stretch of an edit holding char ``x``, or -1."""
        j = bisect_right(self._ds, x) - 1
        if j >= 0 and self._ds[j] <= x < self._de[j]:
            return j
        return -1

    def _src_start(self, a: int) -> int:
        j = self._replacing(a)
        if j >= 0:
            return self._rs[j]
        k = bisect_right(self._de, a) - 1
        return a if k < 0 else self._re[k] + (a - self._de[k])

    def _src_end(self, b: int) -> int:
        if b <= 0:
            return self._src_start(0)
        j = self._replacing(b - 1)
        if j >= 0:
            return self._re[j]
        k = bisect_right(self._de, b - 1) - 1
        return b if k < 0 else self._re[k] + (b - self._de[k])

    def columns(self) -> tuple[array, array, array, array]:
        """The edits as four columns (src starts, src ends, dst starts, dst ends)."""
        return self._rs, self._re, self._ds, self._de

    @classmethod
    def from_columns(cls, dst_len: int, rs: array, re_: array, ds: array, de: array) -> OffsetMap:
        """The map whose :meth:`columns` these are, for a target of ``dst_len`` chars.

        For maps stored by their columns (the search index): the columns are taken
        as they are, in order and merged, without walking 100,000 edits in Python;
        only their lengths and the tail are checked (``ValueError``).
        """
        if not len(rs) == len(re_) == len(ds) == len(de):
            raise ValueError("offset map columns of different lengths")
        out = cls.__new__(cls)
        out._rs, out._re, out._ds, out._de = (array("q", col) for col in (rs, re_, ds, de))
        out.dst_len = dst_len
        out.src_len = dst_len + (re_[-1] - de[-1] if len(rs) else 0)
        out._check_tail()
        return out

    def inverse(self) -> OffsetMap:
        """The map from the target back to the source."""
        return OffsetMap(self.dst_len, self.src_len, zip(self._ds, self._de, self._rs, self._re))

    @classmethod
    def concat(cls, maps: Iterable[OffsetMap]) -> OffsetMap:
        """Maps of consecutive pieces joined into the map of the whole."""
        edits: list[Edit] = []
        src = dst = 0
        for m in maps:
            edits.extend((a + src, b + src, c + dst, d + dst) for a, b, c, d in m.edits())
            src, dst = src + m.src_len, dst + m.dst_len
        return cls(src, dst, edits)

    def compose(self, then: OffsetMap) -> OffsetMap:
        """``self``: A→B and ``then``: B→C give A→C."""
        if then.src_len != self.dst_len:
            raise ValueError(f"cannot compose: {self.dst_len} chars != {then.src_len} chars")
        if not then._rs:
            return self
        if not self._rs:
            return then
        out = OffsetMap.__new__(OffsetMap)
        out.src_len, out.dst_len = self.src_len, then.dst_len
        out._rs, out._re, out._ds, out._de = array("q"), array("q"), array("q"), array("q")
        for b0, b1 in _clusters(self, then):
            s0, s1 = self.to_src(b0, bias="start"), self.to_src(b1, bias="end")
            c0, c1 = then.to_dst(b0, bias="start"), then.to_dst(b1, bias="end")
            out._append(s0, s1, c0, c1)
        out._check_tail()
        return out

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, OffsetMap):
            return NotImplemented
        return (self.src_len, self.dst_len, self.edits()) == (
            other.src_len,
            other.dst_len,
            other.edits(),
        )

    def __repr__(self) -> str:
        return f"OffsetMap({self.src_len} -> {self.dst_len}, {self.edit_count} edits)"


def _lookup(x: int, n: int, rs: array, re_: array, ds: array, de: array, bias: Bias) -> int:
    if x < 0 or x > n:
        raise IndexError(f"offset {x} outside 0..{n}")
    i = bisect_right(rs, x) - 1
    if i < 0:
        return x
    if x < re_[i]:
        return de[i] if bias == "end" and x > rs[i] else ds[i]
    if x == rs[i] and bias == "start":
        return ds[i]
    return de[i] + (x - re_[i])


def _clusters(first: OffsetMap, then: OffsetMap) -> list[tuple[int, int]]:
    """Merged intervals of the middle text touched by an edit of either map."""
    a = list(zip(first._ds, first._de))
    b = list(zip(then._rs, then._re))
    merged: list[tuple[int, int]] = []
    i = j = 0
    while i < len(a) or j < len(b):
        if j >= len(b) or (i < len(a) and a[i] <= b[j]):
            lo, hi = a[i]
            i += 1
        else:
            lo, hi = b[j]
            j += 1
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


class MapBuilder:
    """Builds an :class:`OffsetMap` while a step walks its input left to right."""

    __slots__ = ("_dst", "_edits", "_src")

    def __init__(self) -> None:
        self._src = 0
        self._dst = 0
        self._edits: list[Edit] = []

    def keep(self, n: int) -> None:
        """``n`` chars map one to one (copied or rewritten char for char)."""
        self._src += n
        self._dst += n

    def replace(self, src_n: int, dst_n: int) -> None:
        """``src_n`` source chars became ``dst_n`` target chars (either may be 0)."""
        if src_n == 0 and dst_n == 0:
            return
        self._edits.append((self._src, self._src + src_n, self._dst, self._dst + dst_n))
        self._src += src_n
        self._dst += dst_n

    def build(self) -> OffsetMap:
        """The finished map."""
        return OffsetMap(self._src, self._dst, self._edits)


def apply_edits(text: str, edits: Iterable[tuple[int, int, str]]) -> tuple[str, OffsetMap]:
    """Replace ``text[start:end]`` by each replacement (sorted, non-overlapping)."""
    parts: list[str] = []
    builder = MapBuilder()
    pos = 0
    for start, end, new in edits:
        if start < pos or end < start:
            raise ValueError(f"edit {start}..{end} overlaps or is reversed")
        parts.append(text[pos:start])
        builder.keep(start - pos)
        parts.append(new)
        builder.replace(end - start, len(new))
        pos = end
    parts.append(text[pos:])
    builder.keep(len(text) - pos)
    return "".join(parts), builder.build()
