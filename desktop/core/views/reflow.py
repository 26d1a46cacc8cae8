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
from bisect import bisect_left, insort
from functools import cached_property
from itertools import accumulate

from desktop.core.chapters import is_heading_line
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
    widths = [len(line.rstrip()) for line in lines]
    if len(lines) < 2 or max(widths) < _MIN_WIDTH:
        return text, OffsetMap.identity(len(text)), []
    joins = _Judge(lines, widths).joins()
    if not joins:
        return text, OffsetMap.identity(len(text)), []
    return _apply(text, lines, joins)


#: First characters of the lines worth a closer look: separators, indents, headings.
_MAYBE_HARD = frozenset(_SEPARATOR_MARKS + " \t\u3000第序前楔引尾後后終终番一二三四五六七八九十百")


def _kind(line: str, width: int) -> int:
    if not width:
        return _BLANK
    if line[0] not in _MAYBE_HARD and not line[0].isdigit() and width > 8:
        return _BODY  # (a heading without 第 or a number is at most 8 characters)
    line = line.rstrip()
    if line.lstrip()[:1] in _SEPARATOR_MARKS and _SEPARATOR.fullmatch(line):
        return _HARD
    if width <= _HEADING_MAX and is_heading_line(line):
        return _HARD
    return _BODY


def _ends_sentence(line: str) -> bool:
    return line.rstrip()[-1:] in SENTENCE_END


def _indented(line: str) -> bool:
    return line.startswith(_INDENT)


def _slack(width: int) -> int:
    """How much shorter than the wrap width a wrapped line may be (kinsoku, words)."""
    return max(2, width // 12)


def _first_word(line: str) -> int:
    return len(line.split(None, 1)[0]) if line.strip() else 0


class _Judge:
    """Decides which line breaks of one text are wrap breaks (to be removed)."""

    def __init__(self, lines: list[str], widths: list[int]) -> None:
        self.lines = lines
        self.widths = widths
        kinds = [_kind(line, w) for line, w in zip(lines, widths)]
        self.kinds = kinds
        #: line numbers of body lines, and for each the first/last body position of
        #: its segment (segments end at headings and separators)
        self.body = [i for i, k in enumerate(kinds) if k == _BODY]
        self.seg_lo, self.seg_hi = self._segments()
        anchors = self._anchors()
        #: the wrap width judged from the lines before each body line, and after it
        self.before = _sliding_typical(anchors, self.seg_lo)
        last = len(anchors) - 1
        starts = [last - self.seg_hi[k] for k in range(last, -1, -1)]
        self.after = _sliding_typical(anchors[::-1], starts)[::-1]
        self.full = [self._is_full(k) for k in range(len(self.body))]

    def _segments(self) -> tuple[list[int], list[int]]:
        """For each body line, the first and last body position of its segment."""
        seg: list[int] = []  # segment number of each body line
        number = 0
        for kind in self.kinds:
            if kind == _HARD:
                number += 1
            elif kind == _BODY:
                seg.append(number)
        lo = [0] * len(seg)
        hi = [0] * len(seg)
        start = 0
        for k in range(1, len(seg) + 1):
            if k == len(seg) or seg[k] != seg[start]:
                lo[start:k] = [start] * (k - start)
                hi[start:k] = [k - 1] * (k - start)
                start = k
        return lo, hi

    def _anchors(self) -> list[int]:
        """A body line's width where one of the three lines on either side of it (in
        its segment) is about as wide, else 0.

        Wrapped lines come in runs of (nearly) equal width, even where paragraphs are
        only two lines long; a paragraph's last line or a verse line rarely matches a
        neighbour that is long enough to be wrapped."""
        widths = [self.widths[i] for i in self.body]
        out = [0] * len(widths)
        seg_lo, seg_hi = self.seg_lo, self.seg_hi
        for k, w in enumerate(widths):
            if w < _MIN_WIDTH:
                continue
            tol = w // 10 or 1
            for j in range(max(seg_lo[k], k - 3), min(seg_hi[k], k + 3) + 1):
                if j != k and -tol <= widths[j] - w <= tol:
                    out[k] = w
                    break
        return out

    def _is_full(self, k: int) -> bool:
        """Whether body line ``k`` is as long as the wrap width on either side of it
        (a wrapped Latin line: if the next line's first word would not have fit)."""
        i = self.body[k]
        w = self.widths[i]
        if w < _MIN_WIDTH:
            return False
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else ""
        last = self.lines[i].rstrip()[-1]
        words = last.isascii() and last.isalnum() and nxt[:1].isascii()
        for width in (self.before[k], self.after[k]):
            if not width or w > width + 2:
                continue
            if words and w + 1 + _first_word(nxt) > width - 1:
                return True
            if not words and w >= width - _slack(width):
                return True
        return False

    @cached_property
    def marks(self) -> tuple[list[int], list[int]]:
        """Prefix counts of paragraph-mark evidence: a short line that ends a sentence
        followed by an indented line (first list), or by an unindented one (second)."""
        ups = [0] * len(self.body)
        downs = [0] * len(self.body)
        for k, i in enumerate(self.body):
            if self.full[k] or i + 1 >= len(self.lines) or self.kinds[i + 1] != _BODY:
                continue
            line = self.lines[i]
            if _indented(line) or not _ends_sentence(line):
                continue
            if _indented(self.lines[i + 1]):
                ups[k] = 1
            else:
                downs[k] = 1
        return [0, *accumulate(ups)], [0, *accumulate(downs)]

    def _indented_style(self, k: int) -> bool:
        """Whether paragraphs around body line ``k`` start with an indent."""
        lo = max(self.seg_lo[k], k - _STYLE_REACH)
        hi = min(self.seg_hi[k], k + _STYLE_REACH) + 1
        ups, downs = self.marks
        up, down = ups[hi] - ups[lo], downs[hi] - downs[lo]
        return up >= 2 and up >= 3 * down

    @cached_property
    def paragraph_block(self) -> list[bool]:
        """For each body line: whether its block of lines is one paragraph: body lines
        only, every one but the last full, a blank line before or after it.  (Where
        blank lines part the paragraphs, a second paragraph in a block would have to
        end exactly at the wrap width.  A text without blank lines is one block of
        many paragraphs, which may all end at the wrap width.)"""
        out = [False] * len(self.body)
        lines, kinds = self.lines, self.kinds
        k = 0
        while k < len(self.body):
            first = last = self.body[k]
            j = k
            while last + 1 < len(lines) and kinds[last + 1] == _BODY:
                last += 1
                j += 1
            before = kinds[first - 1] if first > 0 else None
            after = kinds[last + 1] if last + 1 < len(lines) else None
            bounded = _BLANK in (before, after) and _HARD not in (before, after)
            if bounded and first < last < first + _BLOCK_MAX and all(self.full[k:j]):
                out[k : j + 1] = [True] * (j + 1 - k)
            k = j + 1
        return out

    def _goes_on(self, k: int) -> bool:
        """Whether the paragraph of full line ``k``, which ends a sentence, goes on.

        In a block that is one paragraph it does.  Where paragraphs start indented it
        does if the next (unindented) line is full too: a short one may be a heading
        or a dialogue line of its own."""
        if self.paragraph_block[k]:
            return True
        return k + 1 < len(self.full) and self.full[k + 1] and self._indented_style(k)

    def joins(self) -> list[int]:
        """Line numbers whose following line break is a wrap break."""
        out: list[int] = []
        lines, kinds = self.lines, self.kinds
        for k, i in enumerate(self.body):
            if not self.full[k] or i + 1 >= len(lines) or kinds[i + 1] != _BODY:
                continue
            if _indented(lines[i + 1]):
                continue
            if _ends_sentence(lines[i]) and not self._goes_on(k):
                continue
            out.append(i)
        return out


def _sliding_typical(anchors: list[int], seg_start: list[int]) -> list[int]:
    """For each ``k``, the upper-quartile width among the anchors of lines
    ``max(seg_start[k], k - _REACH) .. k`` (0 when fewer than two are anchors)."""
    out = [0] * len(anchors)
    window: list[int] = []  # the window's anchors, sorted
    for k, width in enumerate(anchors):
        if k == 0 or seg_start[k] != seg_start[k - 1]:
            window = []
        else:
            gone = k - _REACH - 1
            if gone >= seg_start[k] and anchors[gone]:
                del window[bisect_left(window, anchors[gone])]
        if width:
            insort(window, width)
        n = len(window)
        if n >= 2:
            out[k] = window[(3 * (n - 1)) // 4]
    return out


def _apply(
    text: str, lines: list[str], joins: list[int]
) -> tuple[str, OffsetMap, list[tuple[int, int, str]]]:
    """Remove the line breaks after ``joins``; a space stands between Latin words."""
    ends = list(accumulate(len(line) + 1 for line in lines))  # after each newline
    parts: list[str] = []
    edits: list[tuple[int, int, int, int]] = []
    hidden: list[tuple[int, int, str]] = []
    pos = shift = 0
    for i in joins:
        line, end = lines[i], ends[i]
        start = end - 2 if line.endswith("\r") else end - 1
        sep = " " if _between_words(line.rstrip("\r"), lines[i + 1]) else ""
        parts.append(text[pos:start])
        parts.append(sep)
        if end - start != len(sep):
            edits.append((start, end, start - shift, start - shift + len(sep)))
            shift += end - start - len(sep)
            if not sep:
                hidden.append((start, end, "reflow"))
        pos = end
    parts.append(text[pos:])
    out = "".join(parts)
    return out, OffsetMap(len(text), len(out), edits), hidden


def _between_words(line: str, nxt: str) -> bool:
    """A wrapped break between Latin words (not after a hyphen or a space) is a space."""
    if not line or not nxt or line[-1] in " \t-":
        return False
    return line[-1].isascii() and nxt[0].isascii()
