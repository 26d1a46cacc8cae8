"""The reader's loaded pieces as the vertical page's text, read a slice at a time.

The reader loads a big document piece by piece (:mod:`desktop.ui.reader.pieces`); the
vertical page lays out only the text near the page, so it reads slices of the pieces
where they lie instead of joining them (joining 50 MB again at every piece would cost
more than the page).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.core.views import TextView


__all__ = ["PieceSource"]

Entry = tuple[int, int, "TextView"]  #: (view start, canonical start, view) of a loaded piece


class PieceSource:
    """The loaded view text, from the reader's ``pieces()`` entries (in order)."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.entries = list(entries)
        self.starts = [e[0] for e in self.entries]
        last = self.entries[-1] if self.entries else None
        self.length = last[0] + len(last[2].text) if last else 0

    def __len__(self) -> int:
        return self.length

    def slice(self, start: int, end: int) -> str:
        start, end = max(0, start), min(end, self.length)
        if end <= start:
            return ""
        i = max(0, bisect_right(self.starts, start) - 1)
        parts = []
        while i < len(self.entries) and self.starts[i] < end:
            base, _, view = self.entries[i]
            parts.append(view.text[max(0, start - base) : end - base])
            i += 1
        return "".join(parts)
