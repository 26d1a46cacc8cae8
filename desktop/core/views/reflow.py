"""Reflow hard-wrapped text (``.txt`` books, Project Gutenberg) into paragraphs.

A line break is removed only where the line before it is *full*: as long as the wrap
width of the lines around it.  That width is judged for each line from its own
neighbours (the ten body lines before it and the ten after it, not across a heading or
a separator), never once for the whole document: chapters wrapped at 35 characters and
chapters wrapped at 26 are both reflowed, and the decision for a break depends only on
the lines near it, so the same text always gives the same view.

Whether a full line ends its paragraph is read from the text's own paragraph marks:

* a break before an indented line, a blank line, a heading (``第三回 …``) or a
  separator line (``------``) is always kept, and so is the break after a heading or
  separator;
* a full line that ends inside a sentence (no ``。！？．…」』”`` at its end) is joined
  to the next line;
* a full line that ends a sentence is joined only where paragraphs are visibly marked
  otherwise: by indentation (the lines after short paragraph-ending lines around it
  are indented) or by blank lines (its block of lines is one paragraph).  In
  unindented text without blank lines a paragraph that happens to end at the wrap
  width looks exactly like a wrapped sentence end, so that break is kept: a real
  paragraph is never joined to the next.

Short lines (paragraph ends, verse, lists, dialogue lines) keep their breaks.  A
removed break disappears between Han characters and becomes a space (same length)
between Latin words; a ``\\r`` before the newline goes with it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from functools import cached_property
from itertools import accumulate, compress, count, filterfalse, pairwise, repeat
from operator import add, sub

from desktop.core.chapters import HEADING_START, is_heading_line
from desktop.core.offsetmap import OffsetMap

__all__ = ["CONTEXT_LINES", "SENTENCE_END", "reflow"]

#: A line ending in one of these ends a sentence (and may end a paragraph).
SENTENCE_END = frozenset('。．｡！？!?….」』”’"')
_INDENT = (" ", "\t", "\u3000", "\u00a0")
_MIN_WIDTH = 16  #: lines shorter than this are never taken for wrapped lines
_REACH = 10  #: body lines on each side that judge a line's wrap width
_STYLE_REACH = 40  #: body lines on each side that show how paragraphs start
_HEADING_MAX = 40  #: longer lines are not checked for heading shapes
#: A block of more lines is not taken for one paragraph (so every decision depends
#: on nearby lines only: see :data:`CONTEXT_LINES`).
_BLOCK_MAX = 60
#: From this many body lines on, every line is judged at once (most are asked about).
_JUDGE_ALL = 1000
#: Non-blank lines on each side of a break that can change the decision about it.
#: A piece of text with this many lines around it reflows as in the whole text.
CONTEXT_LINES = 100
_SEPARATOR_MARKS = "-－—―─━=＝*＊~～_·•・#＃+＋☆★※○●◇◆□■"
_SEPARATOR = re.compile(rf"[ \t\u3000]*(?:[{_SEPARATOR_MARKS}][ \t\u3000]*){{3,}}")

_BLANK, _HARD, _BODY = 0, 1, 2
Break = tuple[int, int, str]  #: (start, end, replacement) of a removed line break


def reflow(text: str) -> tuple[str, OffsetMap, list[tuple[int, int, str]]]:
    """Reflow hard-wrapped runs: (text, map, hidden input ranges: removed breaks)."""
    lines = text.split("\n")
    widths = list(map(len, map(str.rstrip, lines)))
    if len(lines) < 2 or max(widths) < _MIN_WIDTH:
        return text, OffsetMap.identity(len(text)), []
    filled = list(compress(range(len(lines)), widths))  # the lines that are not blank
    if 1 not in map(sub, filled[1:], filled):
        # (a break is removed only between two lines that are not blank)
        return text, OffsetMap.identity(len(text)), []
    joins = _Judge(text, lines, widths, filled).joins()
    if not joins:
        return text, OffsetMap.identity(len(text)), []
    return _apply(text, lines, joins)


#: First characters of the lines worth a closer look: separators, indents, headings.
_MAYBE_HARD = frozenset(_SEPARATOR_MARKS + " \t\u3000第序前楔引尾後后終终番一二三四五六七八九十百")
#: A newline before a line that :func:`_kind` may call a separator or a heading (every
#: other line that is not blank is body text): found in the whole text at once.
_MAYBE_HARD_START = re.compile(
    rf"\n(?=[ \t\u3000]*+(?:[{re.escape(_SEPARATOR_MARKS)}]|{HEADING_START}))"
)
#: A newline before an indented line.
_INDENTED_START = re.compile("\n[" + "".join(_INDENT) + "]")


def _kind(line: str, width: int) -> int:
    if not width:
        return _BLANK
    if line[0] not in _MAYBE_HARD and not line[0].isdigit() and width > 8:
        return _BODY  # (a heading without 第 or a number is at most 8 characters)
    if _SEPARATOR.fullmatch(line, 0, width):  # (the line without its trailing spaces)
        return _HARD
    if width <= _HEADING_MAX and is_heading_line(line[:width]):
        return _HARD
    return _BODY


def _hard_lines(text: str, lines: list[str], widths: list[int]) -> list[int]:
    """Numbers of the heading and separator lines (:func:`_kind` only where the line
    can be one: the regular expression finds those lines in the whole text at once)."""
    out = [0] if _kind(lines[0], widths[0]) == _HARD else []
    line_no = pos = 0
    newlines_in = text.count
    for match in _MAYBE_HARD_START.finditer(text):
        at = match.start() + 1
        line_no += newlines_in("\n", pos, at)
        pos = at
        if _kind(lines[line_no], widths[line_no]) == _HARD:
            out.append(line_no)
    return out


def _slack(width: int) -> int:
    """How much shorter than the wrap width a wrapped line may be (kinsoku, words)."""
    return max(2, width // 12)


def _first_word(line: str) -> int:
    return len(line.split(None, 1)[0]) if line.strip() else 0


class _Segment:
    """The anchors of one segment (the body lines between two headings or
    separators), from which the wrap width around each of its lines is judged."""

    __slots__ = ("below", "first", "typical", "values")

    def __init__(self, first: int, widths: list[int], anchors: list[int]) -> None:
        self.first = first  #: body position of the segment's first line
        flags = [0] * len(widths)
        for k in anchors:
            flags[k] = 1
        #: below[x + _REACH]: how many anchors stand before position x (-REACH..L+REACH)
        self.below = [0] * (_REACH + 1)
        self.below += accumulate(flags)
        self.below += [self.below[-1]] * (_REACH + 1)
        self.values = [widths[k] for k in anchors]  #: the anchors' widths, in order
        #: the wrap width of each window of anchors (runs of lines share one)
        self.typical: dict[int, int] = {}

    def width(self, x: int) -> int:
        """The wrap width judged from the anchors at positions ``x - REACH .. x`` (0
        where fewer than two are anchors): their upper-quartile width."""
        lo, hi = self.below[x], self.below[x + _REACH + 1]
        if hi - lo < 2:
            return 0
        key = lo * (len(self.values) + 1) + hi
        width = self.typical.get(key, 0)
        if not width:
            if hi - lo == 2:
                width = min(self.values[lo], self.values[lo + 1])
            else:
                width = sorted(self.values[lo:hi])[(3 * (hi - lo) - 3) // 4]
            self.typical[key] = width
        return width

    def all_widths(self, size: int) -> list[int]:
        """:meth:`width` for every ``x`` in ``0 .. size + REACH - 1`` (``size``: the
        segment's length), in one sweep of a sorted window."""
        below, values = self.below, self.values
        out = [0] * (size + _REACH)
        window: list[int] = []  # the widths of the anchors at x - REACH .. x, sorted
        for x in range(size + _REACH):
            entering = below[x + _REACH]  # (the index of the anchor at x, if there is one)
            enters = below[x + _REACH + 1] != entering
            leaving = below[x - 1] if x else 0  # (the anchor at x - REACH - 1)
            leaves = x > _REACH and below[x] != leaving
            if enters and leaves and values[entering] == values[leaving]:
                pass  # (the window's widths stay the same)
            else:
                if leaves:
                    del window[bisect_left(window, values[leaving])]
                if enters:
                    insort(window, values[entering])
            n = len(window)
            if n >= 2:
                out[x] = window[(3 * n - 3) // 4]
        return out


class _Judge:
    """Decides which line breaks of one text are wrap breaks (to be removed).

    Body lines (not blank, not a heading or separator) are numbered by position
    ``k``; ``body[k]`` is the line number.  Segments are the runs of body positions
    between two headings or separators: no window reaches across one.  Whether a line
    is full is judged only where a decision asks (most sentence-ending lines of a text
    without blank lines or indents never need it)."""

    def __init__(self, text: str, lines: list[str], widths: list[int], filled: list[int]):
        self.text = text
        self.lines = lines
        self.widths = widths
        hard = _hard_lines(text, lines, widths)
        self.hard = frozenset(hard)
        body = list(filterfalse(self.hard.__contains__, filled)) if hard else filled
        self.body = body
        self.body_widths = list(map(widths.__getitem__, body))
        #: body positions where a segment starts, and len(body) at the end
        self.seg_starts = sorted({0, len(body), *(bisect_left(body, h) for h in hard)})
        self.segments = [self._segment_anchors(lo, hi) for lo, hi in pairwise(self.seg_starts)]
        #: whether each body line is full: 1 or 0, -1 where not judged yet
        self.full = [-1] * len(body)

    def _segment_anchors(self, lo: int, hi: int) -> _Segment | None:
        """The anchors of the segment of body positions ``lo..hi - 1`` (None where
        there are fewer than two: no line of it is full)."""
        widths = self.body_widths[lo:hi]
        longs = [k for k, w in enumerate(widths) if w >= _MIN_WIDTH]
        if len(longs) < 2:
            return None  # (an anchor is long)
        anchors = _anchors(widths, longs)
        return _Segment(lo, widths, anchors) if len(anchors) >= 2 else None

    def _is_full(self, k: int) -> bool:
        """Whether body line ``k`` is as long as the wrap width on either side of it
        (a wrapped Latin line: if the next line's first word would not have fit)."""
        known = self.full[k]
        if known < 0:
            known = self.full[k] = self._judge_full(k)
        return known == 1

    def _judge_full(self, k: int) -> int:
        w = self.body_widths[k]
        if w < _MIN_WIDTH:
            return 0
        segment = self.segments[bisect_right(self.seg_starts, k) - 1]
        if segment is None:
            return 0
        x = k - segment.first
        if segment.below[x + 2 * _REACH + 1] - segment.below[x] < 2:
            return 0  # (fewer than two anchors within reach on both sides)
        words: bool | None = None
        for shift in (0, _REACH):  # the lines before k, then those after it
            width = segment.width(x + shift)
            if not width or w > width + 2:
                continue
            if words is None:
                i = self.body[k]
                last = self.lines[i][w - 1]
                nxt = self.lines[i + 1] if i + 1 < len(self.lines) else ""
                words = last.isascii() and last.isalnum() and nxt[:1].isascii()
            if words:
                if w + 1 + _first_word(nxt) > width - 1:
                    return 1
            elif w >= width - _slack(width):
                return 1
        return 0

    def _judge_all(self) -> None:
        """Judge every line at once: the same answers as :meth:`_judge_full`, with
        less work per line where most lines are asked about (a long text)."""
        full, body, lines, widths = self.full, self.body, self.lines, self.body_widths
        last_line = len(lines) - 1
        for segment, (lo, hi) in zip(self.segments, pairwise(self.seg_starts), strict=True):
            full[lo:hi] = [0] * (hi - lo)
            if segment is None:
                continue
            typical = segment.all_widths(hi - lo)
            todo = [k for k in range(lo, hi) if widths[k] >= _MIN_WIDTH]
            for shift in (-lo, _REACH - lo):  # the lines before k, then those after it
                rest: list[int] = []
                for k in todo:
                    width = typical[k + shift]
                    w = widths[k]
                    if width and w <= width + 2:
                        i = body[k]
                        last = lines[i][w - 1]
                        nxt = lines[i + 1] if i < last_line else ""
                        if last.isascii() and last.isalnum() and nxt[:1].isascii():  # words
                            if w + 1 + _first_word(nxt) > width - 1:
                                full[k] = 1
                                continue
                        elif w >= width - (2 if width < 36 else width // 12):  # _slack
                            full[k] = 1
                            continue
                    rest.append(k)
                todo = rest

    def _segment(self, k: int) -> tuple[int, int]:
        """First and last body position of the segment of body position ``k``."""
        s = bisect_right(self.seg_starts, k)
        return self.seg_starts[s - 1], self.seg_starts[s] - 1

    @cached_property
    def marks(self) -> tuple[list[int], list[int]] | None:
        """Prefix counts of paragraph-mark evidence: a short line that ends a sentence
        followed by an indented line (first list), or by an unindented one (second);
        None where no line is indented (so there is no evidence of the first kind)."""
        if _INDENTED_START.search(self.text) is None:
            return None
        body, lines, widths, full = self.body, self.lines, self.widths, self.full
        ups = [0] * len(body)
        downs = [0] * len(body)
        for k, (i, j) in enumerate(pairwise(body)):
            if j != i + 1:
                continue
            line = lines[i]
            if line.startswith(_INDENT) or line[widths[i] - 1] not in SENTENCE_END:
                continue
            if full[k] == 1 or (full[k] < 0 and self._is_full(k)):
                continue
            if lines[j].startswith(_INDENT):
                ups[k] = 1
            else:
                downs[k] = 1
        return [0, *accumulate(ups)], [0, *accumulate(downs)]

    def _indented_style(self, k: int) -> bool:
        """Whether paragraphs around body line ``k`` start with an indent."""
        if self.marks is None:
            return False
        seg_lo, seg_hi = self._segment(k)
        lo = max(seg_lo, k - _STYLE_REACH)
        hi = min(seg_hi, k + _STYLE_REACH) + 1
        ups, downs = self.marks
        up, down = ups[hi] - ups[lo], downs[hi] - downs[lo]
        return up >= 2 and up >= 3 * down

    @cached_property
    def short_blocks(self) -> tuple[list[int], list[int]]:
        """The blocks of lines that may be one paragraph each: body lines one after
        the other (two to _BLOCK_MAX), a blank line before or after them, no heading
        or separator: their first and their last body positions."""
        body, widths, hard = self.body, self.widths, self.hard
        ends = [k for k, (i, j) in enumerate(pairwise(body)) if j != i + 1]
        ends.append(len(body) - 1)
        starts: list[int] = []
        lasts: list[int] = []
        start = 0
        for end in ends:
            first, last = body[start], body[end]
            before, after = first - 1, last + 1
            blank_before = before >= 0 and not widths[before]
            blank_after = after < len(widths) and not widths[after]
            if (
                first < last < first + _BLOCK_MAX
                and (blank_before or blank_after)
                and before not in hard
                and after not in hard
            ):
                starts.append(start)
                lasts.append(end)
            start = end + 1
        return starts, lasts

    def _paragraph_block(self, k: int) -> bool:
        """Whether the block of lines of body line ``k`` is one paragraph: one of the
        short blocks, every line but the last full.  (Where blank lines part the
        paragraphs, a second paragraph in a block would have to end exactly at the
        wrap width.  A text without blank lines is one block of many paragraphs,
        which may all end at the wrap width.)"""
        starts, lasts = self.short_blocks
        b = bisect_left(lasts, k)
        if b == len(lasts) or starts[b] > k:
            return False
        return all(map(self._is_full, range(starts[b], lasts[b])))

    def _goes_on(self, k: int) -> bool:
        """Whether the paragraph of full line ``k``, which ends a sentence, goes on.

        In a block that is one paragraph it does.  Where paragraphs start indented it
        does if the next (unindented) line is full too: a short one may be a heading
        or a dialogue line of its own."""
        if self._paragraph_block(k):
            return True
        return k + 1 < len(self.full) and self._indented_style(k) and self._is_full(k + 1)

    def joins(self) -> list[int]:
        """Line numbers whose following line break is a wrap break."""
        out: list[int] = []
        lines, body, widths, full = self.lines, self.body, self.body_widths, self.full
        last = len(body) - 1
        if last < 1:
            return out
        if last >= _JUDGE_ALL:
            self._judge_all()
        # (where no block may be one paragraph and no line is indented, no paragraph
        # goes on after a full line that ends a sentence)
        marked = bool(self.short_blocks[0]) or self.marks is not None
        for k in compress(range(last), map(_MIN_WIDTH.__le__, widths)):
            i = body[k]
            if body[k + 1] != i + 1 or lines[i + 1].startswith(_INDENT):
                continue
            if lines[i][widths[k] - 1] in SENTENCE_END and not (marked and self._goes_on(k)):
                continue  # (a full line that ends a sentence may end its paragraph)
            if full[k] == 1 or (full[k] < 0 and self._is_full(k)):
                out.append(i)
        return out


def _anchors(widths: list[int], longs: list[int]) -> list[int]:
    """The positions ``longs`` whose line is about as wide as one of the three lines on
    either side of it (``widths`` of one segment).

    Wrapped lines come in runs of (nearly) equal width, even where paragraphs are
    only two lines long; a paragraph's last line or a verse line rarely matches a
    neighbour that is long enough to be wrapped."""
    pad = [0, 0, 0, *widths, 0, 0, 0]  # (0 is never near a long line's width)
    out: list[int] = []
    for k in longs:
        w = pad[k + 3]
        tol = w // 10  # (at least 1: w >= _MIN_WIDTH)
        lo, hi = w - tol, w + tol
        if (
            lo <= pad[k + 2] <= hi
            or lo <= pad[k + 4] <= hi
            or lo <= pad[k + 1] <= hi
            or lo <= pad[k + 5] <= hi
            or lo <= pad[k] <= hi
            or lo <= pad[k + 6] <= hi
        ):
            out.append(k)
    return out


def _apply(
    text: str, lines: list[str], joins: list[int]
) -> tuple[str, OffsetMap, list[tuple[int, int, str]]]:
    """Remove the line breaks after ``joins``; a space stands between Latin words."""
    ends = list(accumulate(map(len, lines)))  # ends[i] + i: where line i's newline is
    lasts = "".join([lines[i][-1] for i in joins])
    if _ASCII.search(lasts) is None:
        return _remove_newlines(text, joins, ends)
    parts: list[str] = []
    edits: list[tuple[int, int, int, int]] = []
    hidden: list[tuple[int, int, str]] = []
    pos = shift = 0
    for i in joins:
        line = lines[i]
        end = ends[i] + i + 1  # after the newline
        last = line[-1]
        if last == "\r":
            start = end - 2
            last = line.rstrip("\r")[-1:]
        else:
            start = end - 1
        if last.isascii() and last not in " \t-" and lines[i + 1][0].isascii():
            # a wrapped break between Latin words is a space
            parts.append(text[pos:start])
            parts.append(" ")
            if start + 1 != end:
                edits.append((start, end, start - shift, start - shift + 1))
                shift += end - start - 1
        else:
            parts.append(text[pos:start])
            edits.append((start, end, start - shift, start - shift))
            shift += end - start
            hidden.append((start, end, "reflow"))
        pos = end
    parts.append(text[pos:])
    out = "".join(parts)
    return out, OffsetMap(len(text), len(out), edits), hidden


_ASCII = re.compile("[\x00-\x7f]")


def _remove_newlines(
    text: str, joins: list[int], ends: list[int]
) -> tuple[str, OffsetMap, list[tuple[int, int, str]]]:
    """:func:`_apply` where no joined line ends in an ASCII character (no ``\\r``, no
    Latin word): every removed break is one ``\\n`` and leaves nothing."""
    starts = list(map(add, map(ends.__getitem__, joins), joins))  # the newlines
    after = list(map((1).__add__, starts))
    out = "".join(map(text.__getitem__, map(slice, [0, *after], [*starts, len(text)])))
    shifted = list(map(sub, starts, count()))
    edits = list(zip(starts, after, shifted, shifted))
    hidden = list(zip(starts, after, repeat("reflow")))
    return out, OffsetMap(len(text), len(out), edits), hidden
