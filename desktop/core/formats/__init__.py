"""Turn an imported file's bytes into canonical text plus metadata.

Each format lives in a module of its own with one function
``extract(path, data, *, encoding=None) -> Extracted``; :func:`extract` picks the
module by file name and content.  Every file is untrusted input: a handler raises
:class:`ImportRefused` with a message that names the problem, never anything else.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.errors import FORMATS

if TYPE_CHECKING:
    from desktop.core.formats.pictures import Picture

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
    """A file cannot be imported.

    ``str(exc)`` says why in English (for the command line and the log); ``code`` is a
    stable problem code from :data:`desktop.core.errors.PROBLEMS` and ``params`` its
    string parameters, from which the UI builds a sentence in the reader's language.
    ``ImportRefused("message")`` alone still works and has the code "refused".
    """

    def __init__(
        self,
        message: str = "",
        *,
        code: str = "refused",
        params: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.params: dict[str, str] = {k: str(v) for k, v in (params or {}).items()}

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_refusal, (str(self), self.code, self.params))


def _rebuild_refusal(message: str, code: str, params: dict[str, str]) -> ImportRefused:
    return ImportRefused(message, code=code, params=params)


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
    #: pictures in reading order, each at its figure line (EPUB, saved pages)
    pictures: list[Picture] = field(default_factory=list)


Handler = Callable[..., Extracted]

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
        size_mb, limit_mb = f"{size / 2**20:,.0f}", f"{MAX_FILE_BYTES // 2**20}"
        raise ImportRefused(
            f"the file is {size_mb} MB; Tongwen imports files up to {limit_mb} MB",
            code="too-large",
            params={"size_mb": size_mb, "limit_mb": limit_mb},
        )
    return size


def extract(path: Path, data: bytes, *, encoding: str | None = None) -> Extracted:
    """Extract canonical text and metadata from ``data``, the bytes of ``path``."""
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
        # Unknown suffix: accept it if it is text, refuse it clearly if not.
        import desktop.core.formats.text as text

        handler = text.extract
    return handler(path, data, encoding=encoding)
