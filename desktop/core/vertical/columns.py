"""Cutting one paragraph into vertical columns, with kinsoku, indents and hanging marks.

A column takes tokens (:func:`desktop.core.vertical.classes.tokens`) from the top
while they fit.  Where it must break, the break is moved as a publisher moves it: no
column starts with a closing mark and none ends with an opening one.  A small stop or
pause (，。、．) that would start the next column hangs below this one instead
(burasage, one cell into the bottom margin) unless another closing mark follows it;
otherwise the last few tokens are pushed out to the next column (oidashi) and the
column is spread evenly over its length, so its foot still lines up.  When pushing out
would leave more than :data:`SPREAD_LIMIT` cells to spread (a Latin word or a dash
goes with the mark), the column takes the next few tokens in instead where halving some
of its marks makes the room (oikomi, 標點擠壓: a full-width mark whose ink fills half its
cell is set in half a cell, the marks nearest the foot first); where it cannot, it is
spread however many cells are left.  A column that a token too long for its foot ends
early is spread the same way.  A paragraph's first column is indented; a chapter
heading has an indent of its own.

The break is decided by where a column starts alone (greedy), so laying a paragraph
out from any column start gives the same columns as laying it out from its start.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.vertical.classes import RUN, Measure, Token, tokens

__all__ = ["Column", "Glyph", "Rules", "lay_out_segment"]

#: How many tokens a break may be moved back (or on) to satisfy kinsoku.
PUSH_LIMIT = 4
#: The most cells pushing out may leave to spread before taking tokens in is tried.
SPREAD_LIMIT = 3
#: Leading blanks a paragraph's indent replaces.
_LEADING = " \t\u3000\u00a0"


@dataclass(frozen=True)
class Rules:
    """Paragraph rules."""

    indent: int = 2  #: cells before a paragraph's first character
    heading_indent: int = 3  #: cells before a chapter heading
    hang: bool = True  #: small stops may hang below a full column
    spread: bool = True  #: a column shortened by kinsoku is spread to full length


@dataclass(frozen=True, slots=True)
class Glyph:
    """A token placed in its column: ``row`` is its top, in cells from the column's top."""

    start: int
    end: int
    kind: str
    draw: str
    row: float
    cells: int
    #: Set in half a cell (push-in): ``row`` is the top of that half; the mark's ink is
    #: in it (an opening mark is drawn from half a cell above).
    half: bool = False

    @property
    def extent(self) -> float:
        """Cells it takes down the column."""
        return 0.5 if self.half else float(self.cells)


@dataclass(frozen=True, slots=True)
class Column:
    """View offsets ``[start, end)`` (skipped blanks and the newline included) and the
    glyphs drawn for them, top to bottom."""

    start: int
    end: int
    glyphs: tuple[Glyph, ...]
    heading: bool = False


#: Where a column ends: it takes ``toks[i:j]``, ``used`` cells of them; ``hung`` if
#: the last token hangs below the foot; ``halved``: indexes of the marks set in half a
#: cell (a tuple, for speed: one is made for every column).
_Cut = tuple[int, int, bool, frozenset[int]]
_WHOLE: frozenset[int] = frozenset()


def _legal(toks: list[Token], k: int) -> bool:
    """Whether a column may end before ``toks[k]``."""
    return k == len(toks) or (not toks[k].closing and not toks[k - 1].opening)


def _break(toks: list[Token], i: int, cap: int, hang: bool) -> _Cut:
    """Where the column starting at ``toks[i]`` with ``cap`` cells ends."""
    n, used, j = len(toks), 0, i
    while j < n and used + toks[j].cells <= cap:
        used += toks[j].cells
        j += 1
    if j == n:
        return j, used, False, _WHOLE
    if j == i:  # a token longer than the whole column takes it alone
        return i + 1, toks[i].cells, False, _WHOLE
    token = toks[j]
    if not token.closing and not toks[j - 1].opening:
        return j, used, False, _WHOLE  # the usual case: the break is legal where it falls
    if hang and token.hanging and (j + 1 == n or not toks[j + 1].closing):
        return j + 1, used, True, _WHOLE
    out: _Cut | None = None
    for k in range(j - 1, max(i, j - PUSH_LIMIT), -1):
        if _legal(toks, k):
            out = (k, used - sum(t.cells for t in toks[k:j]), False, _WHOLE)
            break
    if out is not None and cap - out[1] <= SPREAD_LIMIT:
        return out
    return _push_in(toks, i, j, cap, used) or out or (j, used, False, _WHOLE)


def _push_in(toks: list[Token], i: int, j: int, cap: int, used: int) -> _Cut | None:
    """The column taking the next few tokens from ``toks[j]`` on, with as many of its
    marks halved as that needs (the ones nearest the foot), where a column may end
    after them; None if no such break is near."""
    over = used - cap
    for end in range(j + 1, min(len(toks), j + PUSH_LIMIT - 1) + 1):
        over += toks[end - 1].cells
        if not _legal(toks, end):
            continue
        halvable = [k for k in range(end - 1, i - 1, -1) if toks[k].halvable]
        if 2 * over > len(halvable):
            return None  # taking more tokens only needs more room
        return end, cap, False, frozenset(halvable[: 2 * over])
    return None


def _merged(chunk: list[Token]) -> list[Token]:
    """Consecutive words of one Latin run drawn as one turned run."""
    out: list[Token] = []
    for t in chunk:
        last = out[-1] if out else None
        if last and t.kind == RUN and last.kind == RUN and last.end == t.start:
            out[-1] = Token(last.start, t.end, RUN, last.cells + t.cells, last.draw + t.draw)
        else:
            out.append(t)
    return out


def _place(
    chunk: list[Token], top: int, slack: float, halved: frozenset[int] = frozenset()
) -> tuple[Glyph, ...]:
    """Glyphs down the column from ``top``, ``slack`` cells spread between them; the
    tokens at ``halved`` (view offsets of their starts) take half a cell."""
    chunk = _merged(chunk)
    gap = slack / (len(chunk) - 1) if slack > 0 and len(chunk) > 1 else 0.0
    glyphs, row = [], float(top)
    for t in chunk:
        if halved and t.start in halved:
            glyphs.append(Glyph(t.start, t.end, t.kind, t.draw, row, t.cells, True))
            row += 0.5 + gap
        else:
            glyphs.append(Glyph(t.start, t.end, t.kind, t.draw, row, t.cells))
            row += t.cells + gap
    return tuple(glyphs)


def lay_out_segment(
    text: str,
    base: int,
    rows: int,
    *,
    kind: str = "paragraph",
    rules: Rules = Rules(),
    measure: Measure,
) -> list[Column]:
    """The columns of one segment of a view: ``text`` starts at offset ``base`` and may
    end with its newline.  ``kind`` is "paragraph" (indented), "heading" (a chapter's
    first line) or "soft" (the rest of a very long line: no indent)."""
    rows = max(1, rows)
    end = base + len(text)
    body = text[:-1] if text.endswith("\n") else text
    lead = 0
    indent = 0
    if kind in ("paragraph", "heading"):
        lead = len(body) - len(body.lstrip(_LEADING))
        indent = rules.heading_indent if kind == "heading" else rules.indent
        indent = indent if indent < rows else 0
    heading = kind == "heading"
    toks = list(tokens(body[lead:], base + lead, rows, measure))
    if not toks:
        return [Column(base, end, (), heading)]
    columns: list[Column] = []
    i, start, top = 0, base, indent
    while i < len(toks):
        cap = rows - top
        j, used, hung, halved = _break(toks, i, cap, rules.hang)
        slack = cap - used if rules.spread and j < len(toks) and not hung else 0
        col_end = toks[j].start if j < len(toks) else end
        if halved:
            halved = frozenset(toks[k].start for k in halved)
        columns.append(Column(start, col_end, _place(toks[i:j], top, slack, halved), heading))
        i, start, top = j, col_end, 0
    return columns
