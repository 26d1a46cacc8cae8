"""Recognise files by their first bytes, so a renamed PDF or DOCX is refused by name."""

from __future__ import annotations

import io
import zipfile

from desktop.core.errors import FORMATS

__all__ = ["foreign_format", "foreign_kind", "is_zip"]

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "pdf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "office97"),
    (b"{\\rtf", "rtf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"Rar!\x1a\x07", "rar"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"\x1f\x8b", "gzip"),
    (b"AT&TFORM", "djvu"),
    (b"ITSF", "chm"),
)
#: Members that tell which kind of ZIP-based document an archive is.
_ZIP_KINDS: tuple[tuple[str, str], ...] = (
    ("word/document.xml", "docx"),
    ("xl/workbook.xml", "xlsx"),
    ("ppt/presentation.xml", "pptx"),
    ("content.xml", "opendocument"),
)


def is_zip(data: bytes) -> bool:
    return data[:4] in (b"PK\x03\x04", b"PK\x05\x06")


def _zip_kind(data: bytes) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return "zip"
    for member, kind in _ZIP_KINDS:
        if member in names:
            return kind
    if "META-INF/container.xml" in names or "mimetype" in names:
        return "epub"
    return "zip"


def foreign_kind(data: bytes) -> str | None:
    """The :data:`~desktop.core.errors.FORMATS` key of a binary format ``data`` starts
    with, or None if it looks like text.

    ZIP-based formats are told apart by their members (DOCX, XLSX, EPUB ...).
    """
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if len(data) > 68 and data[60:68] in (b"BOOKMOBI", b"TEXtREAd"):
        return "mobi"
    if is_zip(data):
        return _zip_kind(data)
    return None


def foreign_format(data: bytes) -> str | None:
    """The English name of the binary format of ``data`` ("Word (DOCX)"), or None."""
    kind = foreign_kind(data)
    return FORMATS[kind] if kind else None
