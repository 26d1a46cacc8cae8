"""A tiny real TrueType font that fontconfig and Qt take for a Chinese font.

``cjk_font_bytes("Droid Sans Fallback")`` builds, in memory, a font of that family
whose character map covers what fontconfig asks of a Simplified and a Traditional
Chinese font (every CJK Unified Ideograph, all drawn as one square).  Loaded with
``QFontDatabase.addApplicationFontFromData`` it appears in a ``QFontComboBox`` for
Chinese and in Settings' font lists, as an installed Droid Sans Fallback does: the
i18n tests use it to prove that any CJK font's family name is accepted.
"""

from __future__ import annotations

import struct

__all__ = ["cjk_font_bytes"]

#: fontconfig's zh-cn orthography also lists two tone marks, zh-tw two compatibility
#: ideographs; with the unified block they make the font count as both.
_COVERED = ((0x02C7, 0x02C7), (0x02C9, 0x02C9), (0x4E00, 0x9FFF), (0xFA0C, 0xFA0D))
_GB2312_AND_BIG5 = (1 << 18) | (1 << 20)  # OS/2 ulCodePageRange1 bits
_CJK_UNIFIED = 1 << 27  # OS/2 ulUnicodeRange2 bit 27 (range bit 59)


def _checksum(data: bytes) -> int:
    data += b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(data) // 4}L", data)) & 0xFFFFFFFF


def _name(family: str) -> bytes:
    records = ((1, family), (2, "Regular"), (4, family), (6, family.replace(" ", "")))
    entries, strings = b"", b""
    for name_id, text in records:
        raw = text.encode("utf-16-be")
        entries += struct.pack(">6H", 3, 1, 0x409, name_id, len(raw), len(strings))
        strings += raw
    return struct.pack(">3H", 0, len(records), 6 + 12 * len(records)) + entries + strings


def _cmap() -> bytes:
    """Format 13 (many-to-one): every covered character maps to glyph 1."""
    groups = b"".join(struct.pack(">3L", first, last, 1) for first, last in _COVERED)
    table = struct.pack(">HHLLL", 13, 0, 16 + len(groups), 0, len(_COVERED)) + groups
    return struct.pack(">HHHHL", 0, 1, 3, 10, 12) + table


def _square_glyph() -> bytes:
    header = struct.pack(">5h", 1, 100, 0, 900, 800)  # one contour and its bounds
    points = struct.pack(">HH", 3, 0) + bytes([1, 1, 1, 1])  # 4 on-curve points, no hints
    deltas = struct.pack(">4h", 100, 800, 0, -800) + struct.pack(">4h", 0, 0, 800, 0)
    glyph = header + points + deltas
    return glyph + b"\0" * (-len(glyph) % 4)


def _os2() -> bytes:
    return struct.pack(
        ">HhHHH11h10s4L4sHHHhhhHH2L",
        *(1, 1000, 400, 5, 0),  # version, average width, weight, width, embedding
        *([0] * 11),  # sub/superscript and strikeout metrics, family class
        bytes(10),  # PANOSE
        *(0, _CJK_UNIFIED, 0, 0),
        b"TEST",
        *(0x40, 0x02C7, 0xFA0D),  # regular; first and last character
        *(880, -120, 0, 1000, 200),  # typographic and Windows ascent/descent
        *(_GB2312_AND_BIG5, 0),
    )


def cjk_font_bytes(family: str) -> bytes:
    """A complete TrueType file of ``family`` covering Simplified and Traditional Chinese."""
    glyph = _square_glyph()
    tables = {
        b"OS/2": _os2(),
        b"cmap": _cmap(),
        b"glyf": glyph,
        b"head": struct.pack(
            ">HHlLLHHqqhhhhHHhhh",
            *(1, 0, 0x10000, 0, 0x5F0F3CF5, 0x000B, 1000, 0, 0),
            *(0, 0, 900, 800, 0, 8, 2, 0, 0),  # bounds, style, sizes, short loca, glyf 0
        ),
        b"hhea": struct.pack(">HH3hH11hH", 1, 0, 880, -120, 0, 1000, 0, 0, 900, 1, *[0] * 7, 2),
        b"hmtx": struct.pack(">HhHh", 1000, 0, 1000, 100),
        b"loca": struct.pack(">3H", 0, 0, len(glyph) // 2),
        b"maxp": struct.pack(">LHHHHHHHHHHHHHH", 0x10000, 2, 4, 1, *[0] * 2, 2, *[0] * 8),
        b"name": _name(family),
        b"post": struct.pack(">LLhhLLLLL", 0x30000, 0, 0, 0, 0, 0, 0, 0, 0),
    }
    offset = 12 + 16 * len(tables)
    directory, body = b"", b""
    for tag in sorted(tables):
        data = tables[tag]
        directory += struct.pack(">4sLLL", tag, _checksum(data), offset + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    power = 1 << (len(tables).bit_length() - 1)
    header = struct.pack(
        ">LHHHH",
        0x10000,
        len(tables),
        power * 16,
        power.bit_length() - 1,
        (len(tables) - power) * 16,
    )
    return header + directory + body
