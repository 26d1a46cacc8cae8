"""Refuse bytes that are not text: binary signatures, NUL and control characters.

A file named ``.txt`` may be a picture, an archive or a program: its magic bytes name
it (:data:`MAGIC`).  Otherwise text that is mostly NUL or control characters is
refused, whatever the encoding: a file of NUL bytes passes every UTF-32 test (a 511 MB
one became 134 M characters of U+0000).  UTF-16/32 text has NUL *bytes* by design, so
for those the judgement is made on decoded characters (:func:`refuse_non_text`), from
a sample of the head, middle and tail, before the whole file is decoded.
"""

from __future__ import annotations

import codecs
import re

from desktop.core.errors import ImportRefused

__all__ = ["MAGIC", "SAMPLE", "judge_characters", "refuse_binary", "refuse_non_text", "text_sample"]

#: Binary formats a text file may really be: magic bytes, the format's key in
#: ``desktop.core.errors.FORMATS`` (the UI names it) and the English words of the message.
MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "png", "a PNG image"),
    (b"\xff\xd8\xff", "jpeg", "a JPEG image"),
    (b"GIF87a", "gif", "a GIF image"),
    (b"GIF89a", "gif", "a GIF image"),
    (b"PK\x03\x04", "zip", "a ZIP archive (or a DOCX/EPUB/ODT packed as ZIP)"),
    (b"PK\x05\x06", "zip", "an empty ZIP archive"),
    (b"%PDF-", "pdf", "a PDF document"),
    (b"\x7fELF", "elf", "an executable program (ELF)"),
    (b"MZ", "exe", "a Windows program (EXE/DLL)"),
    (b"Rar!\x1a\x07", "rar", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z", "a 7-Zip archive"),
    (b"\x1f\x8b", "gzip", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "office97", "an old Microsoft Office document"),
    (b"SQLite format 3\x00", "sqlite", "an SQLite database"),
    (b"ID3", "mp3", "an MP3 audio file"),
)
#: Bytes in each of the head, middle and tail samples a judgement reads.
SAMPLE = 32 * 1024
#: Control bytes that no text in an ASCII-compatible encoding carries.
_CONTROL = frozenset(b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17")
_CONTROL |= frozenset(b"\x18\x19\x1a\x1c\x1d\x1e\x1f\x7f")
#: The same, decoded: C0 with NUL (tab, line ends and ESC left out), DEL and the C1 range.
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")


def refuse_non_text(data: bytes, codec: str, *, start: int = 0, name: str = "") -> None:
    """Refuse ``data`` (read as ``codec`` from byte ``start``) when a sample of its
    head, middle and tail is mostly NUL or control characters.

    Only the sample is decoded, so a 511 MB file of NUL bytes is refused at the cost of
    reading it, not of turning it into 134 M characters.  Raises ImportRefused with the
    code "binary-file".
    """
    codec = _byte_order(codec, data)
    judge_characters(_decoded_sample(data, codec, start), codec, name or "the file")


def _byte_order(codec: str, data: bytes) -> str:
    """``utf-16``/``utf-32`` with the order their BOM gives (little-endian without one).

    A sample from the middle has no BOM: the generic codec would read it in the
    machine's order, and a Big-endian 退 (U+9000) as the control character U+0090.
    """
    if codec not in ("utf-16", "utf-32"):
        return codec
    big = codecs.BOM_UTF16_BE if codec == "utf-16" else codecs.BOM_UTF32_BE
    return f"{codec}-be" if data.startswith(big) else f"{codec}-le"


def _unit(codec: str) -> int:
    """Bytes per code unit: samples are cut at multiples of it."""
    return 4 if codec.startswith("utf-32") else 2 if codec.startswith("utf-16") else 1


def _decoded_sample(data: bytes, codec: str, start: int) -> str:
    unit = _unit(codec)
    body = len(data) - start
    if body <= 3 * SAMPLE:
        offsets = [start]
        size = body
    else:
        offsets = [start, start + body // 2, len(data) - SAMPLE]
        size = SAMPLE
    pieces = []
    for offset in offsets:
        offset -= (offset - start) % unit  # a whole code unit from ``start`` on
        chunk = data[offset : offset + size]
        pieces.append(chunk[: len(chunk) - len(chunk) % unit].decode(codec, "replace"))
    return "".join(pieces)


def text_sample(text: str) -> str:
    if len(text) <= 3 * SAMPLE:
        return text
    middle = len(text) // 2
    return text[:SAMPLE] + text[middle : middle + SAMPLE] + text[-SAMPLE:]


def judge_characters(sample: str, codec: str, label: str) -> None:
    """The rule of :func:`refuse_binary` (at most 2 % control), on characters."""
    controls = len(_CONTROL_CHARS.findall(sample))
    if controls <= max(8, len(sample) // 50):
        return
    share = f"{controls / len(sample):.0%}"
    what = "NUL" if sample.count("\x00") * 2 > controls else "many control"
    raise ImportRefused(
        f"{label} contains {what} bytes: read as {codec}, {share} of its characters are NUL "
        "or control characters, so it is not a text file",
        code="binary-file",
    )


def refuse_binary(data: bytes, label: str) -> None:
    for magic, key, kind in MAGIC:
        if data.startswith(magic) and (magic != b"MZ" or 0 in data[:256]):
            raise ImportRefused(
                f"{label} is {kind}, not a text file",
                code="wrong-format",
                params={"format": key, "expected": "text"},
            )
    sample = _sample(data)
    if 0 in sample:
        raise ImportRefused(
            f"{label} contains NUL bytes: it is a binary file, not text", code="binary-file"
        )
    controls = sum(sample.count(c) for c in _CONTROL)
    if controls > max(8, len(sample) // 50):
        raise ImportRefused(
            f"{label} contains many control bytes: it is binary, not text", code="binary-file"
        )


def _sample(data: bytes) -> bytes:
    """Head, middle and tail of ``data``, each cut to start after an ASCII byte."""
    if len(data) <= 3 * SAMPLE:
        return data
    middle = len(data) // 2
    parts = [data[:SAMPLE]]
    for start in (middle, len(data) - SAMPLE // 2):
        chunk = data[start : start + SAMPLE // 2]
        cut = next((i + 1 for i, b in enumerate(chunk[:512]) if b < 0x80), 0)
        parts.append(chunk[cut:])
    return b"\n".join(parts)
