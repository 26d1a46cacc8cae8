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

A second shape (seeds 002 and 004): ``新?lián)?dāng)`` is ``新擔當(dāng)``.  The page was
read one byte off around a non-GB2312 character: the trail of ``新`` (``d0c2``) and the
lead of ``擔`` (``93fa``) were read as ``聯`` (``c293``), which got the hint ``lián``;
``擔``'s trail and ``當``'s lead (``faae``) fell in GBK's user-defined area and were
dropped; ``當``'s trail ate the ``(`` of its hint.  Repair (``?r1)?r2)`` after a Han
character): the phantom is the one hinted character of the document read ``r1`` whose
lead byte is the previous character's trail; its trail is the lost character's lead.
Either the lost character is hinted ``r2`` itself (``日?qǐng)?bào)`` → ``日報(bào)`` when the
document hints ``報``), or it is followed by a character hinted ``r2`` and the two
bytes between them form a user-defined pair; every candidate comes from the document's
own hints and exactly one must fit.

What cannot be repaired stays, except a short line that does not end a sentence (a
caption or credit of at most 40 characters) and is mostly such junk: it is hidden as
``mojibake``.  Body text is never hidden.
"""

from __future__ import annotations

import re

from desktop.core.offsetmap import OffsetMap, apply_edits
from desktop.core.script import HAN
from desktop.core.views.convert import convert_text
from desktop.core.views.pinyin import iter_hints

__all__ = ["repair_mojibake"]

_RUN = re.compile(r"\?[!！]([^\x00-\x7f?]{2,40})([\x40-\x7e]|\?(?=[(（]?[a-zü]))")
_LEAD_BYTES = (0xA1, 0xA3)
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_READ = rf"[a-zü{_TONED}]{{1,7}}"
_PHANTOM = re.compile(rf"(?<=[{HAN}])\?({_READ})\)\?({_READ})\)")
_JUNK = re.compile(rf"\?(?:{_READ}\))?")
_CAPTION_MAX = 40
_SENTENCE_END = tuple("。！？!?…”」』")
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
    for m in iter_hints(text):
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


def _gbk(char: str) -> bytes:
    raw = char.encode("gbk", errors="ignore")
    return raw if len(raw) == 2 else b""


def _user_defined(lead: int, trail: int) -> bool:
    """GBK's user-defined areas, which the broken pages dropped."""
    if 0xAA <= lead <= 0xAF or 0xF8 <= lead <= 0xFE:
        return 0xA1 <= trail <= 0xFE
    return 0xA1 <= lead <= 0xA7 and 0x40 <= trail <= 0xA0 and trail != 0x7F


def _only(found: set[str]) -> str | None:
    return next(iter(found)) if len(found) == 1 else None


def _repair_phantom(prev: str, r1: str, r2: str, readings: dict[str, set[str]]) -> str | None:
    """``prev?r1)?r2)`` → the lost character(s) with the ``r2`` hint, or None."""
    before = _gbk(prev)
    phantoms = {c for c in readings.get(r1, ()) if before and _gbk(c)[:1] == before[1:]}
    phantom = _only(phantoms)
    if phantom is None:
        return None
    lead = _gbk(phantom)[1]
    itself = {c for c in readings.get(r2, ()) if _gbk(c)[:1] == bytes([lead])}
    if itself:
        char = _only(itself)
        return None if char is None else f"{char}({r2})"
    hinted = {c for cs in readings.values() for c in cs}
    pairs = {
        (x, y)
        for x in hinted
        if _gbk(x)[:1] == bytes([lead])
        for y in readings.get(r2, ())
        if _gbk(y) and _user_defined(_gbk(x)[1], _gbk(y)[0])
    }
    if len(pairs) != 1:
        return None
    x, y = pairs.pop()
    return f"{x}{y}({r2})"


def _phantom_edits(text: str, readings: dict[str, set[str]]) -> list[tuple[int, int, str]]:
    edits = []
    for m in _PHANTOM.finditer(text):
        fixed = _repair_phantom(text[m.start() - 1], m.group(1), m.group(2), readings)
        if fixed is not None and _is_common(fixed):
            edits.append((m.start(), m.end(), fixed))
    return edits


def _junk_share(line: str) -> float:
    """Share of a line that is mojibake: ``?`` runs, stray hints, non-GB2312 Han."""
    junk = sum(len(m.group()) for m in _JUNK.finditer(line))
    rest = _JUNK.sub("", line)
    folded = convert_text(rest, "t2s")
    junk += sum(1 for c in folded if not c.isascii() and not _is_gb2312(c))
    return junk / max(1, len(line.strip()))


def _is_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _is_junk_caption(line: str) -> bool:
    """A short credit/caption line (no sentence end) that is mostly junk."""
    if "?" not in line or len(line) > _CAPTION_MAX or line.endswith(_SENTENCE_END):
        return False
    return _junk_share(line) >= 0.5


def _caption_edits(text: str, edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Hide short lines that are still mostly junk after ``edits``; drop edits inside."""
    out: list[tuple[int, int, str]] = []
    start = 0
    for line in text.splitlines(keepends=True):
        end = start + len(line)
        inside = [e for e in edits if start <= e[0] < end]
        body = line.rstrip("\n")
        if _is_junk_caption(body.strip()):
            out.append((start, end, ""))
        else:
            out += inside
        start = end
    return out


def repair_mojibake(text: str) -> tuple[str, OffsetMap, list[tuple[int, int, str]]]:
    """Repair lost-byte GBK runs: (text, map, repaired input ranges)."""
    if "?" not in text:
        return text, OffsetMap.identity(len(text)), []
    readings = _readings(text)
    edits = _run_edits(text, readings) + _phantom_edits(text, readings)
    edits = _caption_edits(text, sorted(edits))
    out, mapping = apply_edits(text, edits)
    return out, mapping, [(s, e, "mojibake") for s, e, _ in edits]


def _run_edits(text: str, readings: dict[str, set[str]]) -> list[tuple[int, int, str]]:
    """Edits for ``?!``-led lost-lead-byte runs."""
    edits: list[tuple[int, int, str]] = []
    for m in _RUN.finditer(text):
        if _is_common(m.group(1)):
            continue
        reading = _READING.match(text, m.end()) if m.group(2) == "?" else None
        fixed = _repair_run(m.group(1), m.group(2), reading, readings)
        if fixed is None:
            continue
        if reading is None:
            edits.append((m.start(), m.end(), fixed))
        else:  # the "(" was eaten with the lost byte: put the hint back whole
            edits.append((m.start(), reading.end(), f"{fixed}({reading.group(1)})"))
    return edits
