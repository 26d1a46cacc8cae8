"""Turn an imported file's bytes into canonical text plus metadata.

Each format lives in a module of its own with one function
``extract(path, data, *, encoding=None) -> Extracted``; :func:`extract` picks the
module by file name and content.  Every file is untrusted input: a handler raises
:class:`ImportRefused` with a message that names the problem, never anything else.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "MAX_FILE_BYTES",
    "Extracted",
    "ImportRefused",
    "check_size",
    "extract",
    "handler_for",
    "supported_suffixes",
]

#: Files larger than this are refused before a byte is read.
MAX_FILE_BYTES = 512 * 1024 * 1024


class ImportRefused(Exception):
    """A file cannot be imported; ``str(exc)`` says why in words a reader understands."""


@dataclass
class Extracted:
    """What a format handler found in a file."""

    text: str  #: canonical text: decoded, markup removed, newlines ``\n``
    format: str  #: "txt", "html", "epub", "markdown"
    encoding: str | None = None  #: the decoding used, for byte formats
    confidence: float | None = None  #: 0..1, how sure the decoder was
    title: str | None = None
    author: str | None = None
    source: str | None = None
    published: str | None = None  #: ISO date "YYYY-MM-DD" (or "YYYY-MM-DDTHH:MM")
    language: str | None = None
    script: str | None = None  #: "simplified", "traditional", "mixed" or "unknown"
    #: table of contents as (canonical offset, heading), in reading order
    chapters: list[tuple[int, str]] = field(default_factory=list)
    #: block structure as (start, end, kind); kind "h1".."h6" or "p"
    blocks: list[tuple[int, int, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


Handler = Callable[..., Extracted]

#: Suffixes refused with a named format, so the reader knows what the file was.
_REFUSED = {
    ".pdf": "PDF",
    ".doc": "Word 97-2003 (DOC)",
    ".docx": "Word (DOCX)",
    ".odt": "OpenDocument text (ODT)",
    ".rtf": "RTF",
    ".mobi": "Mobipocket (MOBI)",
    ".azw": "Kindle (AZW)",
    ".azw3": "Kindle (AZW3)",
    ".djvu": "DjVu",
    ".chm": "Compiled HTML Help (CHM)",
    ".xls": "Excel (XLS)",
    ".xlsx": "Excel (XLSX)",
    ".ppt": "PowerPoint (PPT)",
    ".pptx": "PowerPoint (PPTX)",
    ".jpg": "JPEG image",
    ".jpeg": "JPEG image",
    ".png": "PNG image",
    ".gif": "GIF image",
    ".zip": "ZIP archive",
    ".rar": "RAR archive",
    ".7z": "7-Zip archive",
    ".mp3": "MP3 audio",
    ".mp4": "MP4 video",
}


def _handlers() -> dict[str, Handler]:
    import desktop.core.formats.text as text

    table: dict[str, Handler] = {".txt": text.extract, ".text": text.extract}
    try:  # formats added by later modules register here
        import desktop.core.formats.registry as registry

        table.update(registry.handlers())
    except ImportError:
        pass
    return table


def supported_suffixes() -> tuple[str, ...]:
    """File name suffixes Tongwen imports, for file dialogs and folder import."""
    return tuple(sorted(_handlers()))


def handler_for(path: Path) -> Handler | None:
    """The handler for ``path`` by its suffix, or None when the suffix is unknown."""
    return _handlers().get(path.suffix.lower())


def check_size(path: Path) -> int:
    size = os.stat(path).st_size
    if size > MAX_FILE_BYTES:
        raise ImportRefused(
            f"the file is {size / 2**20:,.0f} MB; Tongwen imports files up to "
            f"{MAX_FILE_BYTES // 2**20} MB"
        )
    return size


def extract(path: Path, data: bytes, *, encoding: str | None = None) -> Extracted:
    """Extract canonical text and metadata from ``data``, the bytes of ``path``."""
    suffix = path.suffix.lower()
    handler = handler_for(path)
    if handler is None:
        if suffix in _REFUSED:
            raise ImportRefused(f"{_REFUSED[suffix]} files are not supported")
        # Unknown suffix: accept it if it is text, refuse it clearly if not.
        import desktop.core.formats.text as text

        handler = text.extract
    return handler(path, data, encoding=encoding)
