"""Repair GBK mojibake where one byte went missing.

How it arises (seed 002): the page was GBK.  One byte was lost or mangled, so the
decoder paired every following byte with the wrong neighbour: ``。”江寧區`` (GBK
``a1a3 a1b1 bdad 8c8e 855e``) came out as ``?`` + ``！苯瓕巺^`` (``a3a1 b1bd ad8c
8e85 5e``) until an ASCII byte (here ``^``, the second byte of ``區``) put the decoder
back in step.  Later the full-width ``！`` became ``!``.

Repair: a ``?`` then ``!``/``！`` then a run of double-byte characters is re-encoded
as GBK, the lost lead byte put back in front, and decoded again.  The run ends at an
ASCII character that is really a trail byte (``@``..``~``), or at a ``?`` that hides
the trail byte of the last character; that character is then guessed from the
document's own pinyin hints (``會(huì)`` elsewhere in the text) when exactly one
candidate fits.  A repair is kept only when it is clearly better: the run contains a
character outside GB2312 (after folding to Simplified) and the repair has none.
"""

from __future__ import annotations

import re

from desktop.core.offsetmap import OffsetMap, apply_edits
from desktop.core.views.convert import convert_text
from desktop.core.views.pinyin import HINT

__all__ = ["repair_mojibake"]

_RUN = re.compile(r"\?[!！]([^\x00-\x7f?]{2,40})([\x40-\x7e]|\?(?=[(（]?[a-zü]))")
_LEAD_BYTES = (0xA1, 0xA3)
_READING = re.compile(r"[(（]?([^()（）\s]{1,8})[)）]")


def _is_common(text: str) -> bool:
    """Every non-ASCII char is GB2312 after folding to Simplified."""
    folded = convert_text(text, "t2s")
    try:
        folded.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _readings(text: str) -> dict[str, set[str]]:
    """Reading → characters that carry that hint in this document."""
    out: dict[str, set[str]] = {}
    for m in HINT.finditer(text):
        out.setdefault(m.group(1), set()).add(text[m.start() - 1])
    return out


def _guess_last(lead: int, hint: str, readings: dict[str, set[str]]) -> str | None:
    fits = []
    for char in readings.get(hint, ()):
        raw = char.encode("gbk", errors="ignore")
        if len(raw) == 2 and raw[0] == lead:
            fits.append(char)
    return fits[0] if len(fits) == 1 else None


def _repair_run(
    run: str, tail: str, reading: re.Match[str] | None, readings: dict[str, set[str]]
) -> str | None:
    try:
        raw = ("！" + run).encode("gbk")
    except UnicodeEncodeError:
        return None
    if tail != "?":
        raw += tail.encode("ascii")
    for lead in _LEAD_BYTES:
        data = bytes([lead]) + raw
        last = ""
        if tail == "?":
            guess = _guess_last(data[-1], reading.group(1), readings) if reading else None
            if guess is None:
                return None
            last, data = guess, data[:-1]
        try:
            fixed = data.decode("gbk") + last
        except UnicodeDecodeError:
            continue
        if _is_common(fixed):
            return fixed
    return None


def repair_mojibake(text: str) -> tuple[str, OffsetMap, list[tuple[int, int, str]]]:
    """Repair lost-byte GBK runs: (text, map, repaired input ranges)."""
    if "?" not in text:
        return text, OffsetMap.identity(len(text)), []
    readings: dict[str, set[str]] | None = None
    edits: list[tuple[int, int, str]] = []
    for m in _RUN.finditer(text):
        if _is_common(m.group(1)):
            continue
        if readings is None:
            readings = _readings(text)
        reading = _READING.match(text, m.end()) if m.group(2) == "?" else None
        fixed = _repair_run(m.group(1), m.group(2), reading, readings)
        if fixed is None:
            continue
        if reading is None:
            edits.append((m.start(), m.end(), fixed))
        else:  # the "(" was eaten with the lost byte: put the hint back whole
            edits.append((m.start(), reading.end(), f"{fixed}({reading.group(1)})"))
    out, mapping = apply_edits(text, edits)
    return out, mapping, [(s, e, "mojibake") for s, e, _ in edits]
