"""The view of one stretch of a document, exactly as it reads inside the whole view.

The reader shows a big book piece by piece (the page first, the rest later).  Built on
its own, a piece is cleaned without the lines around it: the reflow step cannot tell
the wrap width at its edges, and the line break at its end is always kept, so the same
passage read differently depending on where the piece was cut (issue 14: "the same
passage was reflowed in one render and not in another").

:func:`build_view_range` builds the view of ``[start, end)`` with
:data:`~desktop.core.views.reflow.CONTEXT_LINES` non-blank lines around it, then cuts
the result to the range through its offset map.  Every decision that looks at nearby
lines (reflow, blank lines, pinyin hints, mojibake, script conversion of whole
paragraphs) is then the one the whole view makes, and consecutive ranges joined give
the whole view's text and map.  (Web boilerplate is judged from the first and last
prose lines of what is built; a hundred lines of context put those far from the range
in any real text.)
"""

from __future__ import annotations

from dataclasses import replace

from desktop.core.offsetmap import OffsetMap
from desktop.core.views.pipeline import TextView, ViewOptions, build_view
from desktop.core.views.reflow import CONTEXT_LINES
from desktop.core.views.region import document_region

__all__ = ["build_view_range", "context_bounds"]

#: Never more context than this many characters on a side (a book of huge lines).
MAX_CONTEXT_CHARS = 200_000


def context_bounds(text: str, start: int, end: int, lines: int = CONTEXT_LINES) -> tuple[int, int]:
    """Line starts around ``[start, end)`` with ``lines`` non-blank lines on each side."""
    lo = max(0, start - MAX_CONTEXT_CHARS)
    a, seen = start, 0
    while a > lo and seen < lines:
        prev = text.rfind("\n", lo, a - 1) + 1 if a - 1 > lo else lo
        seen += bool(text[prev : a - 1].strip())
        a = prev
    hi = min(len(text), end + MAX_CONTEXT_CHARS)
    b, seen = end, 0
    while b < hi and seen < lines:
        nl = text.find("\n", b, hi)
        nxt = hi if nl < 0 else nl + 1
        seen += bool(text[b:nxt].strip())
        b = nxt
    return a, b


def build_view_range(
    canonical: str, start: int, end: int, options: ViewOptions | None = None
) -> TextView:
    """The view of ``canonical[start:end]`` as it reads inside the whole view.

    The result is like ``build_view(canonical[start:end], options)``: its map goes
    from offsets in the range (0 = ``start``) to its text, hidden ranges are in the
    same offsets, ruby spans in its text.  Joined in order, the views of consecutive
    ranges give the text and map of the whole view.  A 简体 view without a chosen
    regional standard takes the one detected in the whole document, not the range."""
    options = options or ViewOptions()
    if options.script == "simplified" and options.region is None:
        options = replace(options, region=document_region(canonical))
    if start <= 0 and end >= len(canonical):
        return build_view(canonical, options)
    a, b = context_bounds(canonical, start, end)
    if a > 0:  # the head lines that repeat the header are not in this stretch
        options = replace(options, header=None)
    view = build_view(canonical[a:b], options)
    return _crop(view, start - a, end - a)


def _crop(view: TextView, s: int, e: int) -> TextView:
    """``view`` cut to its source range ``[s, e)``.  An edit across a cut is split
    there; all its output goes to the range after the cut (an offset inside an edit
    maps to the edit's start, on both sides of the cut alike)."""
    v0 = view.to_view(s)
    v1 = max(v0, view.to_view(e))
    edits = []
    for s0, s1, d0, d1 in view.map.edits():
        if s0 >= e or (s1 <= s and not s0 == s1 == s):
            continue
        edits.append((max(s0, s) - s, min(s1, e) - s, max(d0, v0) - v0, min(d1, v1) - v0))
    mapping = OffsetMap(e - s, v1 - v0, edits)
    hidden = [
        (max(h0, s) - s, min(h1, e) - s, why) for h0, h1, why in view.hidden if h1 > s and h0 < e
    ]
    ruby = [(r0 - v0, r1 - v0, reading) for r0, r1, reading in view.ruby if v0 <= r0 and r1 <= v1]
    return TextView(view.text[v0:v1], mapping, view.options, ruby, hidden, view.region)
