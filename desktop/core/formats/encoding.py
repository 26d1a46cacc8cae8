"""Turn the bytes of a text file into text, deciding the encoding on evidence.

Order of evidence: an explicit encoding (the reader's re-decode choice), a byte order
mark, known binary signatures and NUL bytes (:mod:`desktop.core.formats.not_text`),
UTF-32/UTF-16 without a BOM (NUL bytes at regular positions), strict UTF-8, and
finally the legacy Chinese encodings, judged by what they decode to
(:mod:`desktop.core.formats.legacy_chinese`, scored by
:mod:`desktop.core.formats.chinese_score`).

The confidence says how far the winner's reading is ahead of the best different
reading.  Below :data:`LOW_CONFIDENCE` a decoding may be wrong, and
:func:`decoding_warning` says so for the reader and the command line.

This module is the public face of decoding: :func:`canonical_encoding` and
:func:`refuse_non_text` are served from here too.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from desktop.core.errors import ImportRefused
from desktop.core.formats.chinese_score import lead_confidence, mostly_ascii, quality
from desktop.core.formats.euc_tw import is_euc_tw_name
from desktop.core.formats.legacy_chinese import canonical_encoding, decode_legacy, refuse_euc_tw
from desktop.core.formats.not_text import (
    SAMPLE,
    judge_characters,
    refuse_binary,
    refuse_non_text,
    text_sample,
)

__all__ = [
    "LOW_CONFIDENCE",
    "Decoded",
    "canonical_encoding",
    "decode_bytes",
    "decoding_warning",
    "normalise_newlines",
    "refuse_non_text",
]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Decodings below this confidence may be wrong: the reader is told (a bar over the
#: text, ``warning`` in ``import --json`` and ``meta``).  Measured on 1,258 files: the
#: seeds, the shared GB2312/Big5 samples, 西遊記 and 左传, whole and in excerpts of 10 to
#: 5,000 characters, as GB18030, Big5-HKSCS, UTF-8 and EUC-TW (through glibc's iconv),
#: and files that no single encoding decodes right.  Right GB18030/Big5 decodings:
#: one of 535 below 0.8 (0.69, a 10-character excerpt), the rest 0.93-0.99.  Wrong:
#: every GB-plus-Big5 file whose smaller part has 200+ Chinese characters at 0.30,
#: 126 of 151 wrong files with 50+ characters below 0.7 (Korean EUC-KR read as
#: GB18030: 0.60-0.71).  Before pieces were judged (``legacy_chinese._weakest_piece``)
#: and Big5's own variants stopped counting as rivals, right Big5 scored a median 0.76 and
#: EUC-TW read as GB18030 0.30-0.99 (median 0.66): no threshold told them apart.
LOW_CONFIDENCE = 0.7


@dataclass(frozen=True)
class Decoded:
    """Decoded text and how it was decoded."""

    text: str  #: newlines normalised to "\n", BOM removed
    encoding: str  #: Python codec name actually used
    confidence: float  #: 0..1


def normalise_newlines(text: str) -> str:
    """Turn CRLF and lone CR into LF."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes, *, encoding: str | None = None, name: str = "") -> Decoded:
    """Decode ``data``, the bytes of the file ``name``.

    An explicit ``encoding`` is honoured strictly; otherwise the encoding is detected.
    Raises ImportRefused for binary content or an encoding that does not fit.
    """
    label = name or "the file"
    if encoding:
        return _decode_explicit(data, encoding, label)
    if not data:
        return Decoded("", "utf-8", 1.0)
    found = _decode_bom(data, label) or _decode_wide(data, label)
    if found is None:
        refuse_binary(data, label)
        found = _decode_utf8(data) or Decoded(*decode_legacy(data, label))
    return Decoded(_finish(found.text), found.encoding, round(found.confidence, 3))


def _finish(text: str) -> str:
    return normalise_newlines(text[1:] if text.startswith("\ufeff") else text)


# -- explicit encodings ---------------------------------------------------------------


def _decode_explicit(data: bytes, encoding: str, label: str) -> Decoded:
    if is_euc_tw_name(encoding):
        refuse_euc_tw(label)
    try:
        codec = canonical_encoding(encoding)
    except LookupError:
        raise ImportRefused(
            f"{label}: unknown encoding {encoding!r}",
            code="unknown-encoding",
            params={"encoding": encoding},
        ) from None
    try:
        text = _decode_strict_tail(data, codec)
    except UnicodeDecodeError as exc:
        raise ImportRefused(
            f"{label} cannot be decoded as {encoding} ({codec}): invalid bytes at offset "
            f"{exc.start} ({data[exc.start : exc.start + 4].hex(' ')})",
            code="cannot-decode",
            params={"encoding": encoding, "offset": exc.start},
        ) from None
    except (UnicodeError, LookupError) as exc:
        raise ImportRefused(
            f"{label} cannot be decoded as {encoding}: {exc}",
            code="cannot-decode",
            params={"encoding": encoding},
        ) from None
    judge_characters(text_sample(text), codec, label)
    return Decoded(_finish(text), codec, 1.0)


def _decode_strict_tail(data: bytes, codec: str) -> str:
    """Strict decoding that forgives only a character cut off at the very end."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        if exc.end < len(data) or len(data) - exc.start > 4:
            raise
        return data[: exc.start].decode(codec) + "\ufffd"


# -- byte order marks, UTF-32 and UTF-16 without a BOM ---------------------------------


def _decode_bom(data: bytes, label: str) -> Decoded | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            refuse_non_text(data, codec, start=len(bom), name=label)
            body = data[len(bom) :]
            if codec.startswith("utf-16") and len(body) % 2:
                return Decoded(body[:-1].decode(codec, "replace") + "\ufffd", codec, 0.95)
            return Decoded(body.decode(codec, "replace"), codec, 1.0)
    return None


def _decode_wide(data: bytes, label: str) -> Decoded | None:
    """UTF-32 or UTF-16 recognised by NUL bytes at regular positions."""
    head = data[: 4 * 1024]
    if head.count(0) < 2:
        return None
    for codec, zeros in (("utf-32-le", (2, 3)), ("utf-32-be", (0, 1))):
        if len(head) >= 8 and all(not any(head[z::4]) for z in zeros):
            refuse_non_text(data, codec, name=label)
            usable = len(data) - len(data) % 4
            return Decoded(data[:usable].decode(codec, "replace"), codec, 0.9)
    even, odd = head[0::2].count(0), head[1::2].count(0)
    # "一" (U+4E00) and friends put NULs on the other parity too: score, don't count
    return _best_utf16(data, label, first="utf-16-le" if odd > even else "utf-16-be")


def _best_utf16(data: bytes, label: str, *, first: str) -> Decoded | None:
    """The UTF-16 byte order and start that read best, or None if none reads as text."""
    other = "utf-16-be" if first == "utf-16-le" else "utf-16-le"
    head = data[:SAMPLE]
    options = [(first, 0), (other, 1), (other, 0), (first, 1)]
    scored = [(_utf16_quality(_utf16(head, c, s)), c, s) for c, s in options]
    best = max(scored, key=lambda item: item[0])  # max keeps the first of equals
    _, codec, skip = best
    if best[0] < 0.5 and not mostly_ascii(_utf16(head, codec, skip)):
        return None  # not text: refused as binary later
    refuse_non_text(data, codec, start=skip, name=label)
    text = ("\ufffd" if skip else "") + _utf16(data, codec, skip)
    return Decoded(text, codec, _margin(scored, best[0]))


def _utf16_quality(text: str) -> float:
    """:func:`quality`, except that a reading of plain ASCII is the best there is.

    The wrong byte order turns ASCII into U+xx00 characters, some of them CJK (``h``
    becomes 栀): scoring only non-ASCII characters preferred that garbage and refused
    an English page in UTF-16 as binary.
    """
    return 1.0 if mostly_ascii(text) else quality(text)


def _utf16(data: bytes, codec: str, skip: int) -> str:
    body = data[skip:]
    text = body[: len(body) - len(body) % 2].decode(codec, "replace")
    return text + "\ufffd" if len(body) % 2 else text


def _margin(scored: list[tuple[float, str, int]], best: float) -> float:
    """Confidence from how far the best candidate is ahead of the runner-up."""
    others = [q for q, *_ in scored]
    others.remove(best)
    return lead_confidence(best, max(others, default=-1.0))


# -- UTF-8 ---------------------------------------------------------------------------


def _decode_utf8(data: bytes) -> Decoded | None:
    """Strict UTF-8; a character cut off at either end is forgiven."""
    skip = 0
    while skip < 3 and skip < len(data) and 0x80 <= data[skip] <= 0xBF:
        skip += 1
    try:
        text = _decode_strict_tail(data[skip:], "utf-8")
    except UnicodeDecodeError:
        return None
    if skip or text.endswith("\ufffd"):
        return Decoded("\ufffd" * bool(skip) + text, "utf-8", 0.95)
    return Decoded(text, "utf-8", 1.0 if data.isascii() else 0.99)


# -- how sure ------------------------------------------------------------------------


def decoding_warning(encoding: str | None, confidence: float | None) -> str | None:
    """An English sentence when a decoding may be wrong (confidence below
    :data:`LOW_CONFIDENCE`), for ``import --json``, ``meta`` and the log; else None."""
    if encoding is None or confidence is None or confidence >= LOW_CONFIDENCE:
        return None
    return (
        f"decoded as {encoding.upper()} with confidence {confidence:.2f}: the text may be "
        "garbled; re-decode it with another encoding if it is"
    )
