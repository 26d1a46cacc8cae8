"""The reader's piece table: which parts of a document's view are loaded, and their offsets.

A big document is shown as a run of *pieces*, each the view (``build_view``) of one
canonical range cut at line ends.  :class:`PieceTable` decides the ranges (the first one
around the reading position, then further ones after and before what is loaded), keeps
the pieces in order and maps offsets between canonical text, the loaded view text and
Qt's UTF-16 positions.  It knows nothing of widgets: the reader inserts each piece's
text into its ``QTextDocument`` and asks the table for positions.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.core.offsetmap import Bias
from desktop.core.views.options import ViewOptions
from desktop.ui.reader.utf16 import Utf16Index

if TYPE_CHECKING:
    from desktop.core.views import TextView

__all__ = ["Piece", "PieceTable"]

#: A document up to this size is one piece, built exactly as ``build_view`` builds it.
WHOLE_LIMIT = 300_000
FIRST_AFTER = 6_000
FIRST_BEFORE = 1_500
MAX_CHUNK = 400_000


@dataclass
class Piece:
    """The view of canonical ``[canon_start, canon_end)``, placed at ``view_start``."""

    canon_start: int
    canon_end: int
    view: TextView
    view_start: int = 0  # where it starts in the loaded text


class PieceTable:
    """The loaded pieces of one view of ``canonical``, with offset mappings."""

    def __init__(self, canonical: str = "", options: ViewOptions | None = None) -> None:
        self.canonical = canonical
        self.options = options or ViewOptions()
        self.pieces: list[Piece] = []
        self.utf16 = Utf16Index()
        self._joined: str | None = None

    def __bool__(self) -> bool:
        return bool(self.pieces)

    # ---------------------------------------------------------------- ranges
    def first_range(self, position: int) -> tuple[int, int]:
        """The canonical range to build first so that ``position`` can be shown."""
        if len(self.canonical) <= WHOLE_LIMIT:
            return 0, len(self.canonical)
        start = self.cut_before(position - FIRST_BEFORE)
        return start, self.cut_after(max(position, start) + FIRST_AFTER)

    def next_range(self, chunk: int) -> tuple[int, int, bool]:
        """``(start, end, at_end)`` of the next piece to load: after the loaded text first."""
        first, last = self.pieces[0], self.pieces[-1]
        if last.canon_end < len(self.canonical):
            return last.canon_end, self.cut_after(last.canon_end + chunk), True
        return self.cut_before(first.canon_start - chunk), first.canon_start, False

    def cut_after(self, offset: int) -> int:
        """A piece boundary at or after ``offset``: after a newline (or the end)."""
        n = len(self.canonical)
        if offset >= n:
            return n
        nl = self.canonical.find("\n", offset, offset + MAX_CHUNK)
        return offset if nl < 0 else nl + 1

    def cut_before(self, offset: int) -> int:
        """A piece boundary at or before ``offset``: after a newline (or the start)."""
        if offset <= 0:
            return 0
        nl = self.canonical.rfind("\n", max(0, offset - MAX_CHUNK), offset)
        return offset if nl < 0 else nl + 1

    def build(self, start: int, end: int) -> Piece:
        """The view of canonical ``[start, end)`` as a piece (not yet placed)."""
        # Built with the lines around it, so the piece reads as it does in the whole
        # view (a wrapped line at a piece's edge is reflowed like any other).
        from desktop.core.views.ranges import build_view_range  # the pipeline: on first use

        return Piece(start, end, build_view_range(self.canonical, start, end, self.options))

    def more_to_load(self) -> bool:
        """Whether some of the canonical text has no piece yet."""
        return bool(self.pieces) and (
            self.pieces[0].canon_start > 0 or self.pieces[-1].canon_end < len(self.canonical)
        )

    def loaded_to_end(self) -> bool:
        """Whether the last piece reaches the end of the canonical text."""
        return bool(self.pieces) and self.pieces[-1].canon_end >= len(self.canonical)

    # ---------------------------------------------------------------- placing
    def append(self, piece: Piece) -> tuple[int, int]:
        """Place ``piece`` after the loaded text; its Qt range ``(q0, q1)``."""
        self._joined = None
        piece.view_start = self.utf16.length
        q0 = self.utf16.qt_length
        self.pieces.append(piece)
        self.utf16.append(piece.view.text)
        return q0, self.utf16.qt_length

    def prepend(self, piece: Piece) -> int:
        """Place ``piece`` before the loaded text; its length in Qt units."""
        self._joined = None
        text = piece.view.text
        piece.view_start = 0
        self.pieces.insert(0, piece)
        for p in self.pieces[1:]:
            p.view_start += len(text)
        self.utf16.prepend(text)
        return self.utf16.to_qt(len(text))

    @property
    def qt_length(self) -> int:
        """Length of the loaded text in Qt (UTF-16) units."""
        return self.utf16.qt_length

    # ---------------------------------------------------------------- mapping
    def view_text(self) -> str:
        """The loaded view text (all of it once loading has finished)."""
        if self._joined is None:
            self._joined = "".join(p.view.text for p in self.pieces)
        return self._joined

    def entries(self) -> list[tuple[int, int, TextView]]:
        """``(view start, canonical start, view)`` of the loaded pieces, in order."""
        return [(p.view_start, p.canon_start, p.view) for p in self.pieces]

    def to_view(self, canonical: int) -> int | None:
        """A canonical offset in loaded-view offsets (None if not loaded yet)."""
        pieces = self.pieces
        if not pieces or not pieces[0].canon_start <= canonical <= pieces[-1].canon_end:
            return None
        i = max(0, bisect_right([p.canon_start for p in pieces], canonical) - 1)
        p = pieces[i]
        return p.view_start + p.view.to_view(min(canonical - p.canon_start, p.view.map.src_len))

    def place_to_view(self, canonical: int) -> int | None:
        """Where a reading place (a canonical offset a line is to start at) is in the
        loaded view: :meth:`to_view`, past the line breaks the view put before it.  A
        clean view's blank line between two paragraphs maps to the second paragraph's
        first character too, and a place taken there started the page on the line
        before (the first paragraph's last), and a vertical page on its last column."""
        view = self.to_view(canonical)
        if view is None:
            return None
        pieces = self.pieces
        p = pieces[max(0, bisect_right([q.view_start for q in pieces], view) - 1)]
        text, local, target = p.view.text, view - p.view_start, canonical - p.canon_start
        while (
            local < len(text) and text[local] == "\n" and p.view.to_canonical(local + 1) == target
        ):
            local += 1
        return p.view_start + local

    def to_canonical(self, view_offset: int, bias: Bias = "start") -> int:
        """A loaded-view offset as a canonical offset."""
        pieces = self.pieces
        if not pieces:
            return 0
        i = max(0, bisect_right([p.view_start for p in pieces], view_offset) - 1)
        p = pieces[i]
        local = max(0, min(view_offset - p.view_start, len(p.view.text)))
        return p.canon_start + p.view.to_canonical(local, bias)

    def qt_to_view(self, qt_offset: int) -> int:
        """A Qt (UTF-16) position as a loaded-view offset."""
        return self.utf16.to_py(qt_offset)

    def view_to_qt(self, view_offset: int) -> int:
        """A loaded-view offset as a Qt (UTF-16) position."""
        return self.utf16.to_qt(view_offset)

    def ruby_at(self, view_offset: int) -> str | None:
        """The pinyin reading over the character at a loaded-view offset, if any."""
        for p in self.pieces:
            local = view_offset - p.view_start
            if 0 <= local < len(p.view.text):
                for start, end, reading in p.view.ruby:
                    if start <= local < end:
                        return reading
        return None
