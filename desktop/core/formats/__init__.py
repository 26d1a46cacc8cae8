"""Turn an imported file's bytes into canonical text plus metadata.

Each format lives in a module of its own with one function
``extract(path, data, *, encoding=None) -> Extracted`` (:class:`~.base.Handler`);
:func:`extract` picks the module by file name from :data:`HANDLERS`.  Every file is
untrusted input: a handler raises :class:`~desktop.core.errors.ImportRefused` with a
message that names the problem, never anything else.

The handler modules import their shared names from :mod:`.base` and
:mod:`desktop.core.errors`, never from this package: no cycle.  The table names each
handler's module, imported the first time a file of that kind comes: the window
imports this package (and ``.encoding``, ``.pictures``) at start-up, and the HTML and
EPUB handlers bring lxml (about 50 ms) that the first paint does not need.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

from desktop.core.errors import FORMATS, ImportRefused
from desktop.core.formats.base import Extracted, Handler

__all__ = [
    "HANDLERS",
    "MAX_FILE_BYTES",
    "check_size",
    "extract",
    "handler_for",
    "supported_suffixes",
]

#: Files larger than this are refused before a byte is read.
MAX_FILE_BYTES = 512 * 1024 * 1024

#: Suffix (lower case, with the dot) to the module of this package whose ``extract``
#: reads it.
HANDLERS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".epub": "epub",
    ".md": "markdown",
    ".markdown": "markdown",
}

#: Suffixes refused with a named format, so the reader knows what the file was.
_REFUSED = {
    ".pdf": "pdf",
    ".doc": "doc",
    ".docx": "docx",
    ".odt": "odt",
    ".rtf": "rtf",
    ".mobi": "mobi",
    ".azw": "azw",
    ".azw3": "azw3",
    ".djvu": "djvu",
    ".chm": "chm",
    ".xls": "xls",
    ".xlsx": "xlsx",
    ".ppt": "ppt",
    ".pptx": "pptx",
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
    ".png": "png",
    ".gif": "gif",
    ".zip": "zip",
    ".rar": "rar",
    ".7z": "7z",
    ".mp3": "mp3",
    ".mp4": "mp4",
}


def supported_suffixes() -> tuple[str, ...]:
    """File name suffixes Tongwen imports, for file dialogs and folder import."""
    return tuple(sorted(HANDLERS))


def handler_for(path: Path) -> Handler | None:
    """The handler for ``path`` by its suffix, or None when the suffix is unknown."""
    module = HANDLERS.get(path.suffix.lower())
    return None if module is None else _handler(module)


def _handler(module: str) -> Handler:
    extract_file: Handler = importlib.import_module(f"{__name__}.{module}").extract
    return extract_file


def check_size(path: Path) -> int:
    """The size of ``path`` in bytes; refused (code "too-large") before it is read
    when it is over :data:`MAX_FILE_BYTES`."""
    size = os.stat(path).st_size
    if size > MAX_FILE_BYTES:
        size_mb, limit_mb = f"{size / 2**20:,.0f}", f"{MAX_FILE_BYTES // 2**20}"
        raise ImportRefused(
            f"the file is {size_mb} MB; Tongwen imports files up to {limit_mb} MB",
            code="too-large",
            params={"size_mb": size_mb, "limit_mb": limit_mb},
        )
    return size


def extract(path: Path, data: bytes, *, encoding: str | None = None) -> Extracted:
    """Extract canonical text and metadata from ``data``, the bytes of ``path``.

    A known suffix picks its handler; a suffix of a format Tongwen does not read is
    refused by name; any other file is accepted if it is text and refused if not.
    """
    suffix = path.suffix.lower()
    handler = handler_for(path)
    if handler is None:
        if suffix in _REFUSED:
            key = _REFUSED[suffix]
            raise ImportRefused(
                f"{FORMATS[key]} files are not supported",
                code="unsupported-format",
                params={"format": key},
            )
        handler = _handler("text")
    return handler(path, data, encoding=encoding)
