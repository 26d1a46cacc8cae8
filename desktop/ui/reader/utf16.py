"""Offsets between Python (code points) and Qt (UTF-16 code units).

Characters outside the BMP, such as 𠮷, are one code point but two UTF-16 units;
every offset that crosses the widget boundary goes through :class:`Utf16Index`.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left

__all__ = ["Utf16Index"]

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Index:
    """Python code-point offsets ↔ Qt UTF-16 offsets of one (growing) text."""

    def __init__(self, text: str = "") -> None:
        self.length = 0
        self._astral = array("q")  # code-point offsets of characters outside the BMP
        self._astral_q = array("q")  # their UTF-16 offsets
        self.append(text)

    @staticmethod
    def _find(text: str) -> list[int]:
        return [m.start() for m in _ASTRAL.finditer(text)]

    def _rebuild(self, positions: list[int]) -> None:
        self._astral = array("q", positions)
        self._astral_q = array("q", (p + k for k, p in enumerate(positions)))

    def append(self, text: str) -> None:
        """The text grew at the end."""
        found = self._find(text)
        if found:
            self._rebuild([*self._astral, *(self.length + p for p in found)])
        self.length += len(text)

    def prepend(self, text: str) -> None:
        """The text grew at the start."""
        n = len(text)
        found = self._find(text)
        if found or self._astral:
            self._rebuild([*found, *(p + n for p in self._astral)])
        self.length += n

    @property
    def qt_length(self) -> int:
        return self.length + len(self._astral)

    def to_qt(self, offset: int) -> int:
        """A code-point offset as a UTF-16 offset."""
        return offset + bisect_left(self._astral, offset)

    def to_py(self, qt_offset: int) -> int:
        """A UTF-16 offset as a code-point offset (inside a surrogate pair: its start)."""
        return qt_offset - bisect_left(self._astral_q, qt_offset)
