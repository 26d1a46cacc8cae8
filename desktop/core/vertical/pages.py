"""Vertical pages of a view, laid out lazily from where the reader is.

A page is ``size.columns`` columns of ``size.rows`` cells, read from the right.  The
text is cut into *segments* — paragraphs (a line of the view), chapters (a chapter's
offset starts one, and a page) and, in a line longer than :data:`SOFT` characters
with no newline, stretches cut at multiples of :data:`SOFT` — and each segment is cut
into columns on its own (:func:`~desktop.core.vertical.columns.lay_out_segment`), so
the columns of any place are known from its segment alone.  A page starts at a column
start; the next page starts where it ends; the previous one is the columns before its
start, back to a chapter's start at most.  Nothing is laid out ahead: a 50 MB novel
shows its first page after laying out a page's worth of paragraphs.

The same text, size and rules give the same columns, and the same pages from the same
start.  The text comes from a :class:`Source` (a whole ``str``: :class:`StrSource`; the
reader gives the pieces it has loaded); when the source changes, make a new
:class:`Typesetter` (its caches hold the old text's columns).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from desktop.core.vertical.classes import Measure, approximate_measure
from desktop.core.vertical.columns import Column, Rules, lay_out_segment

__all__ = ["SOFT", "Page", "PageSize", "Source", "StrSource", "Typesetter"]

#: A line with no newline for this many characters is cut into segments this long.
SOFT = 8192
_CACHED_SEGMENTS = 256


class Source(Protocol):
    """Text to lay out, read a slice at a time."""

    def __len__(self) -> int: ...

    def slice(self, start: int, end: int) -> str: ...


class StrSource:
    """A whole string as a :class:`Source`."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __len__(self) -> int:
        return len(self.text)

    def slice(self, start: int, end: int) -> str:
        return self.text[max(0, start) : max(0, end)]


@dataclass(frozen=True)
class PageSize:
    """Cells per column and columns per page."""

    rows: int
    columns: int

    def __post_init__(self) -> None:
        if self.rows < 1 or self.columns < 1:
            raise ValueError(f"a page needs at least one cell and one column, not {self}")


@dataclass(frozen=True)
class Page:
    """Columns ``[start, end)`` of the view, the first one rightmost."""

    start: int
    end: int
    columns: tuple[Column, ...]

    def column_of(self, offset: int) -> int:
        """Index of the column holding ``offset`` (the last one for the page's end)."""
        starts = [c.start for c in self.columns]
        return max(0, min(len(starts) - 1, bisect_right(starts, offset) - 1))


@dataclass
class _Segment:
    start: int
    end: int
    columns: list[Column]
    starts: list[int]


class Typesetter:
    """Pages of one source at one size, laid out on demand and cached."""

    def __init__(
        self,
        source: Source,
        size: PageSize,
        chapters: Sequence[int] = (),
        rules: Rules | None = None,
        measure: Measure = approximate_measure,
    ) -> None:
        self.source = source
        self.size = size
        self.rules = rules or Rules()
        self.measure = measure
        self.chapters = sorted({c for c in chapters if 0 <= c <= len(source)})
        self._chapter_set = frozenset(self.chapters)
        self._segments: OrderedDict[int, _Segment] = OrderedDict()

    @property
    def length(self) -> int:
        return len(self.source)

    # ------------------------------------------------------------ segments
    def _chapter_before(self, x: int) -> int:
        i = bisect_right(self.chapters, x)
        return self.chapters[i - 1] if i else 0

    def _chapter_after(self, x: int) -> int:
        i = bisect_right(self.chapters, x)
        return self.chapters[i] if i < len(self.chapters) else self.length

    def segment_start(self, x: int) -> int:
        """Start of the segment holding the character at ``x``."""
        if x <= 0:
            return 0
        lo = max(0, x - 2 * SOFT)
        nl = self.source.slice(lo, x).rfind("\n")
        para = lo + nl + 1 if nl >= 0 else (0 if lo == 0 else -1)
        soft = (x // SOFT) * SOFT
        start = max(para, self._chapter_before(x))
        if soft > 0 and soft - SOFT >= para:
            start = max(start, soft)
        return start

    def _segment_end(self, s: int) -> int:
        n = self.length
        window = self.source.slice(s, min(n, s + 2 * SOFT))
        nl = window.find("\n")
        end = min(s + nl + 1 if nl >= 0 else n, self._chapter_after(s))
        soft = (s // SOFT + 1) * SOFT
        while soft < end:
            if "\n" not in self.source.slice(soft - SOFT, soft):
                return soft
            soft += SOFT
        return min(end, n)

    def _kind(self, s: int) -> str:
        if s in self._chapter_set:
            return "heading"
        if s == 0 or self.source.slice(s - 1, s) == "\n":
            return "paragraph"
        return "soft"

    def _segment(self, s: int) -> _Segment:
        seg = self._segments.get(s)
        if seg is not None:
            self._segments.move_to_end(s)
            return seg
        end = self._segment_end(s)
        text = self.source.slice(s, end)
        columns = lay_out_segment(
            text, s, self.size.rows, kind=self._kind(s), rules=self.rules, measure=self.measure
        )
        seg = _Segment(s, end, columns, [c.start for c in columns])
        self._segments[s] = seg
        if len(self._segments) > _CACHED_SEGMENTS:
            self._segments.popitem(last=False)
        return seg

    # ------------------------------------------------------------- columns
    def column_start(self, offset: int) -> int:
        """Start of the column holding ``offset`` (the last column for the end)."""
        n = self.length
        if n == 0:
            return 0
        x = max(0, min(offset, n - 1))
        seg = self._segment(self.segment_start(x))
        return seg.starts[max(0, bisect_right(seg.starts, x) - 1)]

    def _columns_from(self, pos: int) -> list[Column]:
        """Up to a page of columns from column start ``pos``, stopping at a chapter."""
        want, out = self.size.columns, list[Column]()
        n = self.length
        while len(out) < want and pos < n:
            seg = self._segment(self.segment_start(pos))
            i = max(0, bisect_right(seg.starts, pos) - 1)
            for col in seg.columns[i:]:
                if out and col.start in self._chapter_set:
                    return out
                out.append(col)
                if len(out) == want:
                    return out
            if seg.end <= pos:  # a source that shrank under us: stop rather than loop
                break
            pos = seg.end
        return out

    # --------------------------------------------------------------- pages
    def page_at(self, start: int) -> Page:
        """The page whose first column is the one holding ``start``."""
        first = self.column_start(start)
        columns = tuple(self._columns_from(first))
        end = columns[-1].end if columns else first
        return Page(first, end, columns)

    def next_page(self, page: Page) -> Page | None:
        """The page after ``page`` (None at the end of the text)."""
        return self.page_at(page.end) if page.end < self.length else None

    def previous_page(self, page: Page) -> Page | None:
        """The page before ``page``: the columns before its start, never reaching back
        past a chapter's start (None at the start of the text)."""
        return self._page_before(page.start)

    def _page_before(self, end: int) -> Page | None:
        if end <= 0:
            return None
        want, collected = self.size.columns, list[Column]()
        pos = end
        while len(collected) < want and pos > 0:
            s = self.segment_start(pos - 1)
            seg = self._segment(s)
            before = seg.columns[: bisect_right([c.end for c in seg.columns], pos)]
            collected = before + collected
            if s in self._chapter_set:
                break
            pos = s
        columns = tuple(collected[-want:])
        if not columns:
            return None
        return Page(columns[0].start, columns[-1].end, columns)

    def first_page(self) -> Page:
        return self.page_at(0)

    def last_page(self) -> Page:
        """The page that ends the text."""
        return self._page_before(self.length) or self.page_at(0)
