"""Cutting one paragraph into vertical columns, with kinsoku, indents and hanging marks.

A column takes tokens (:func:`desktop.core.vertical.classes.tokens`) from the top
while they fit.  Where it must break, the break is moved as a publisher moves it: no
column starts with a closing mark and none ends with an opening one.  A small stop or
pause (，。、．) that would start the next column hangs below this one instead
(burasage, one cell into the bottom margin) unless another closing mark follows it;
otherwise the last few tokens are pushed out to the next column (oidashi) and the
column is spread evenly over its length, so its foot still lines up however many cells
were pushed out (a Latin word or a dash with its closing mark can take five or more).
A column that a token too long for its foot ends early is spread the same way.  A
paragraph's first column is indented; a chapter heading has an indent of its own.

The break is decided by where a column starts alone (greedy), so laying a paragraph
out from any column start gives the same columns as laying it out from its start.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.vertical.classes import RUN, Measure, Token, tokens

__all__ = ["Column", "Glyph", "Rules", "lay_out_segment"]

#: How many tokens a break may be moved back to satisfy kinsoku.
PUSH_LIMIT = 4
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


@dataclass(frozen=True, slots=True)
class Column:
    """View offsets ``[start, end)`` (skipped blanks and the newline included) and the
    glyphs drawn for them, top to bottom."""

    start: int
    end: int
    glyphs: tuple[Glyph, ...]
    heading: bool = False


def _break(toks: list[Token], i: int, cap: int, hang: bool) -> tuple[int, bool, int]:
    """``(j, hung, used)``: the column takes ``toks[i:j]``; ``hung`` if the last hangs."""
    n, used, j = len(toks), 0, i
    while j < n and used + toks[j].cells <= cap:
        used += toks[j].cells
        j += 1
    if j == n:
        return j, False, used
    if j == i:  # a token longer than the whole column takes it alone
        return i + 1, False, toks[i].cells
    if hang and toks[j].hanging and (j + 1 == n or not toks[j + 1].closing):
        return j + 1, True, used
    for k in range(j, max(i, j - PUSH_LIMIT), -1):
        if not toks[k].closing and not toks[k - 1].opening:
            return k, False, used - sum(t.cells for t in toks[k:j])
    return j, False, used


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


def _place(chunk: list[Token], top: int, slack: float) -> tuple[Glyph, ...]:
    chunk = _merged(chunk)
    gap = slack / (len(chunk) - 1) if slack > 0 and len(chunk) > 1 else 0.0
    glyphs, row = [], float(top)
    for t in chunk:
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
        j, hung, used = _break(toks, i, cap, rules.hang)
        short = cap - used
        slack = short if rules.spread and j < len(toks) and not hung else 0
        col_end = toks[j].start if j < len(toks) else end
        columns.append(Column(start, col_end, _place(toks[i:j], top, slack), heading))
        i, start, top = j, col_end, 0
    return columns
