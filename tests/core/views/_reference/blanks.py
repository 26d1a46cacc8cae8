"""Collapse the blank lines that hidden boilerplate and web pages leave behind.

Two or more blank lines (lines of nothing but spaces, tabs, no-break or ideographic
spaces) become one, and blank lines before the first text go, so the clean view
reads as paragraphs rather than gaps.
"""

from __future__ import annotations

import re

from desktop.core.offsetmap import OffsetMap, apply_edits

__all__ = ["collapse_blank_lines"]

_SPACE = "[ \t\u00a0\u3000]*"
_RUN = re.compile(rf"\n(?:{_SPACE}\n)+")
_LEAD = re.compile(rf"\A(?:{_SPACE}\n)+")


def collapse_blank_lines(text: str) -> tuple[str, OffsetMap, list[tuple[int, int, str]]]:
    edits: list[tuple[int, int, str]] = []
    lead = _LEAD.match(text)
    pos = 0
    if lead and lead.end():
        edits.append((0, lead.end(), ""))
        pos = lead.end()
    for m in _RUN.finditer(text, max(pos - 1, 0)):
        if m.start() < pos:
            continue
        if m.group() != "\n\n":
            edits.append((m.start(), m.end(), "\n\n"))
    if not edits:
        return text, OffsetMap.identity(len(text)), []
    out, mapping = apply_edits(text, edits)
    return out, mapping, []
