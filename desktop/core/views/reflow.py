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

from itertools import pairwise
from statistics import median

from desktop.core.offsetmap import OffsetMap

__all__ = ["reflow"]

_END = frozenset("。！？!?.…”」』:：;；")  #: a line ending in one of these ends a sentence
_INDENT = ("　", " ", "\t")
_MIN_BLOCK = 4  #: a block of fewer lines is never hard-wrapped


def _is_wrapped(lines: list[str]) -> bool:
    if len(lines) < _MIN_BLOCK:
        return False
    body = [len(line.rstrip()) for line in lines[:-1]]
    width = sorted(body)[int(len(body) * 0.9)]
    if width < 20:
        return False
    full = sum(1 for n in body if n >= width * 0.85)
    if not (full >= 0.7 * len(body) and median(body) >= width * 0.8):
        return False
    open_end = sum(1 for line in lines[:-1] if line.rstrip()[-1:] not in _END)
    return open_end >= 0.5 * len(body)


def _join(prev: str, nxt: str) -> str:
    """What a wrapped line break becomes: nothing between Han, a space between words."""
    if prev and nxt and prev[-1].isascii() and nxt[0].isascii():
        return " "
    return ""


def _keep_break(line: str, nxt: str, width: int) -> bool:
    return len(line.rstrip()) < width * 0.75 or nxt.startswith(_INDENT) or not nxt.strip()


def _blocks(lines: list[str]) -> list[tuple[int, int, int]]:
    """Runs of at least four non-blank lines: (first line, end line, offset of first)."""
    out: list[tuple[int, int, int]] = []
    first = -1
    first_at = offset = 0
    for i, line in enumerate(lines):
        if line.strip():
            if first < 0:
                first, first_at = i, offset
        elif first >= 0:
            if i - first >= _MIN_BLOCK:
                out.append((first, i, first_at))
            first = -1
        offset += len(line) + 1
    if first >= 0 and len(lines) - first >= _MIN_BLOCK:
        out.append((first, len(lines), first_at))
    return out


def _block_breaks(block: list[str], pos: int) -> list[tuple[int, str]]:
    """The removed breaks of a wrapped block at ``pos``: (offset, replacement)."""
    width = max(len(line.rstrip()) for line in block)
    out: list[tuple[int, str]] = []
    for line, nxt in pairwise(block):
        pos += len(line)
        if not _keep_break(line, nxt, width):
            out.append((pos, _join(line, nxt)))
        pos += 1
    return out


def reflow(text: str) -> tuple[str, OffsetMap, list[tuple[int, int, str]]]:
    """Reflow hard-wrapped blocks: (text, map, hidden input ranges: removed breaks)."""
    lines = text.split("\n")
    breaks: list[tuple[int, str]] = []
    for first, end, at in _blocks(lines):
        block = lines[first:end]
        if _is_wrapped(block):
            breaks += _block_breaks(block, at)
    if not breaks:
        return text, OffsetMap.identity(len(text)), []
    parts: list[str] = []
    pos = 0
    for at, sep in breaks:
        parts += (text[pos:at], sep)
        pos = at + 1
    parts.append(text[pos:])
    out = "".join(parts)
    removed = [at for at, sep in breaks if not sep]  # a space keeps the length
    edits = [(at, at + 1, at - k, at - k) for k, at in enumerate(removed)]
    return out, OffsetMap(len(text), len(out), edits), [(at, at + 1, "reflow") for at in removed]
