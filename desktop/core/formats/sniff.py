"""Recognise files by their first bytes, so a renamed PDF or DOCX is refused by name."""

from __future__ import annotations

import io
import zipfile

__all__ = ["foreign_format", "is_zip"]

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office 97-2003 (DOC/XLS/PPT)"),
    (b"{\\rtf", "RTF"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"AT&TFORM", "DjVu"),
    (b"ITSF", "Compiled HTML Help (CHM)"),
)
#: Members that tell which kind of ZIP-based document an archive is.
_ZIP_KINDS: tuple[tuple[str, str], ...] = (
    ("word/document.xml", "Word (DOCX)"),
    ("xl/workbook.xml", "Excel (XLSX)"),
    ("ppt/presentation.xml", "PowerPoint (PPTX)"),
    ("content.xml", "OpenDocument"),
)


def is_zip(data: bytes) -> bool:
    return data[:4] in (b"PK\x03\x04", b"PK\x05\x06")


def _zip_kind(data: bytes) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return "ZIP archive"
    for member, kind in _ZIP_KINDS:
        if member in names:
            return kind
    if "META-INF/container.xml" in names or "mimetype" in names:
        return "EPUB"
    return "ZIP archive"


def foreign_format(data: bytes) -> str | None:
    """The name of a binary format ``data`` starts with, or None if it looks like text.

    ZIP-based formats are told apart by their members (DOCX, XLSX, EPUB ...).
    """
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if len(data) > 68 and data[60:68] in (b"BOOKMOBI", b"TEXtREAd"):
        return "Mobipocket (MOBI)"
    if is_zip(data):
        return _zip_kind(data)
    return None
