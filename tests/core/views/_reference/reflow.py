"""Reflow hard-wrapped text (``.txt`` books, Project Gutenberg) into paragraphs.

Blocks are runs of non-blank lines.  A block is hard-wrapped when it has at least
four lines, most lines but the last reach the block's wrap width (±15 %, width at
least 20), and most of them end without sentence punctuation.  Inside such a block a
line break is kept after a line that is short (a paragraph end) or before an
indented line; any other break is removed between Han characters and turned into a
space (same length) between Latin words.  Poems, lists and headings have short or
uneven lines and stay as they are.
"""

from __future__ import annotations

import re
from statistics import median

from desktop.core.offsetmap import MapBuilder, OffsetMap

__all__ = ["reflow"]

_END = re.compile(r"[。！？!?.…”」』:：;；]$")
_INDENT = ("　", " ", "\t")


def _is_wrapped(lines: list[str]) -> bool:
    if len(lines) < 4:
        return False
    body = [len(line.rstrip()) for line in lines[:-1]]
    width = sorted(body)[int(len(body) * 0.9)]
    if width < 20:
        return False
    full = sum(1 for n in body if n >= width * 0.85)
    open_end = sum(1 for line in lines[:-1] if not _END.search(line.rstrip()))
    return full >= 0.7 * len(body) and open_end >= 0.5 * len(body) and median(body) >= width * 0.8


def _join(prev: str, nxt: str) -> str:
    """What a wrapped line break becomes: nothing between Han, a space between words."""
    if prev and nxt and prev[-1].isascii() and nxt[0].isascii():
        return " "
    return ""


def _keep_break(line: str, nxt: str, width: int) -> bool:
    return len(line.rstrip()) < width * 0.75 or nxt.startswith(_INDENT) or not nxt.strip()


def reflow(text: str) -> tuple[str, OffsetMap, list[tuple[int, int, str]]]:
    """Reflow hard-wrapped blocks: (text, map, hidden input ranges: removed breaks)."""
    lines = text.split("\n")
    out: list[str] = []
    builder = MapBuilder()
    hidden: list[tuple[int, int, str]] = []
    pos = i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].strip():
            j += 1
        block = lines[i:j] if j > i else [lines[i]]
        j = max(j, i + 1)
        wrapped = _is_wrapped(block)
        width = max(len(line.rstrip()) for line in block) if wrapped else 0
        for k, line in enumerate(block):
            out.append(line)
            builder.keep(len(line))
            pos += len(line)
            if i + k == len(lines) - 1:
                break
            nxt = lines[i + k + 1]
            sep = "\n"
            if wrapped and k < len(block) - 1 and not _keep_break(line, nxt, width):
                sep = _join(line, nxt)
            out.append(sep)
            if sep:
                builder.keep(1)
            else:
                builder.replace(1, 0)
                hidden.append((pos, pos + 1, "reflow"))
            pos += 1
        i = j
    return "".join(out), builder.build(), hidden
