"""Decode the bytes of a markup file: BOM, strict UTF-8, declared charset, detection.

The declared charset (``<meta charset>``, ``http-equiv``, or the XML declaration) is
trusted only after strict UTF-8 failed, so a page labelled gb2312 whose bytes are
UTF-8 comes out right.  Everything else (no BOM, no UTF-8, no usable declaration,
UTF-16/32 without a BOM) is left to :func:`~desktop.core.formats.encoding.decode_bytes`,
which weighs GB18030 against Big5 on what they decode to.
"""

from __future__ import annotations

import codecs
import re

from desktop.core.errors import ImportRefused
from desktop.core.formats.encoding import decode_bytes, refuse_non_text

__all__ = ["declared_charset", "decode_markup"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""")
#: Bytes looked at for NULs: markup full of them is UTF-16/32 (or not text); a
#: stray NUL in a scraped page is tolerated as before.
_WIDE_PROBE = 4 * 1024
#: Labels widened to their supersets, as browsers do.
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "big5": "big5hkscs",
    "iso-8859-1": "cp1252",
    "ascii": "cp1252",
}


def _python_codec(label: str) -> str | None:
    label = label.strip().lower()
    label = _SUPERSETS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The Python codec named by a meta tag or XML declaration in the first 64 KiB."""
    head = data[: 64 * 1024]
    for pattern in (_XML_DECL, _META):
        match = pattern.search(head)
        if match:
            codec = _python_codec(match.group(1).decode("ascii", "replace"))
            if codec:
                return codec
    return None


def _detect(data: bytes, name: str) -> tuple[str, str, float]:
    decoded = decode_bytes(data, name=name)
    return decoded.text, decoded.encoding, decoded.confidence


def decode_markup(
    data: bytes, *, encoding: str | None = None, name: str = ""
) -> tuple[str, str, float]:
    """Return ``(text, encoding, confidence)`` for the bytes of a markup file."""
    if encoding:
        codec = _python_codec(encoding)
        if codec is None:
            raise ImportRefused(
                f"{name}: unknown encoding {encoding!r}",
                code="unknown-encoding",
                params={"encoding": encoding},
            )
        refuse_non_text(data, codec, name=name)
        return data.decode(codec, errors="replace"), codec, 1.0
    for bom, codec in _BOMS:
        if data.startswith(bom):
            refuse_non_text(data, codec, start=len(bom), name=name)
            return data.decode(codec, errors="replace"), codec.replace("-sig", ""), 1.0
    head = data[:_WIDE_PROBE]
    if head.count(0) * 10 > len(head):
        return _detect(data, name)  # UTF-16/32 without a BOM, or NUL bytes: not UTF-8
    refuse_non_text(data, "utf-8", name=name)
    try:
        return data.decode("utf-8"), "utf-8", 1.0
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data)
    if declared:
        try:
            return data.decode(declared), declared, 0.9
        except UnicodeDecodeError:
            pass
    return _detect(data, name)
