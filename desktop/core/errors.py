"""Stable codes for the problems a user can meet, so the UI can translate them.

The core is Qt-free and speaks English: ``str(exc)`` of a refusal is an English
sentence for the command line and the log.  Each user-facing refusal also carries a
*problem code* from :data:`PROBLEMS` and string *params* (the file, a format key, an
encoding …); the UI turns code and params into a sentence in the reader's language.

:data:`FORMATS` names the file formats that may appear as the ``format`` param, by
a stable key.  Codes are always passed explicitly, alongside the English text (a
refusal's ``code``, a :class:`Skip`'s ``code``, ``ImportResult.code``): nothing
recovers a code from a message, so rewording a message never changes what the
reader is told.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["FORMATS", "PROBLEMS", "ImportRefused", "ProblemCode", "Skip"]


@dataclass(frozen=True)
class ProblemCode:
    """One kind of problem: its code, what it means, and the params it carries."""

    code: str
    meaning: str
    params: tuple[str, ...] = ()


def _codes(*entries: ProblemCode) -> dict[str, ProblemCode]:
    return {entry.code: entry for entry in entries}


#: Every problem code the core raises or reports.  Params are always strings.
PROBLEMS: dict[str, ProblemCode] = _codes(
    ProblemCode("refused", "the file cannot be imported (no finer reason known)"),
    ProblemCode("too-large", "the file is larger than Tongwen accepts", ("size_mb", "limit_mb")),
    ProblemCode("unsupported-format", "a format Tongwen does not read", ("format",)),
    ProblemCode(
        "wrong-format", "the content is another format than the name says", ("format", "expected")
    ),
    ProblemCode("binary-file", "binary data (NUL or control bytes), not text"),
    ProblemCode("not-epub", "a .epub that is not an EPUB book"),
    ProblemCode("damaged-archive", "the ZIP container is damaged or incomplete", ("member",)),
    ProblemCode("too-many-members", "the archive has too many entries", ("count", "limit")),
    ProblemCode("archive-too-large", "the archive unpacks to too much data", ("limit_mb",)),
    ProblemCode("zip-bomb", "the archive is built to explode when unpacked"),
    ProblemCode("encrypted", "a part of the archive is password-protected", ("member",)),
    ProblemCode("drm-protected", "the book is protected by DRM"),
    ProblemCode("damaged-book", "the EPUB has no readable reading order"),
    ProblemCode("entity-bomb", "XML entities built to expand without end"),
    ProblemCode("damaged-html", "the HTML cannot be parsed"),
    ProblemCode("empty-page", "the web page is empty"),
    ProblemCode("no-readable-text", "nothing readable was found in the file"),
    ProblemCode("unknown-encoding", "the chosen encoding does not exist", ("encoding",)),
    ProblemCode("cannot-decode", "the bytes do not fit the chosen encoding", ("encoding",)),
    ProblemCode(
        "unsupported-encoding", "an encoding Tongwen recognises but cannot decode", ("encoding",)
    ),
    # reported by the library and the folder walker for a whole file
    ProblemCode("not-found", "the file does not exist (any more)"),
    ProblemCode("not-a-file", "a folder or special file where a file was expected"),
    ProblemCode("special-file", "a pipe, device or socket, never opened"),
    ProblemCode("link-not-followed", "a symbolic link; links are not followed"),
    ProblemCode("unsupported-type", "a file type Tongwen does not import from folders"),
    ProblemCode("permission-denied", "the file may not be read"),
    ProblemCode("unreadable", "the file or folder cannot be read"),
    ProblemCode("library-write-failed", "the library folder could not be written"),
    # raised by the library for the library folder itself (LibraryError.code)
    ProblemCode("not-a-library", "a file where the library folder should be"),
    ProblemCode("library-error", "the library folder cannot be used"),
    ProblemCode("unexpected", "an unexpected error (a bug); details are in the log"),
)


class ImportRefused(Exception):
    """A file cannot be imported.

    ``str(exc)`` says why in English (for the command line and the log); ``code`` is a
    stable problem code from :data:`PROBLEMS` and ``params`` its string parameters,
    from which the UI builds a sentence in the reader's language.  It lives here, not
    in the formats package, because the library, the decoder and the UI raise or catch
    it without needing a format handler.  ``ImportRefused("message")`` alone still
    works and has the code "refused".
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
        """Pickle code and params too (refusals cross process boundaries)."""
        return (_rebuild_refusal, (str(self), self.code, self.params))


def _rebuild_refusal(message: str, code: str, params: dict[str, str]) -> ImportRefused:
    return ImportRefused(message, code=code, params=params)


@dataclass(frozen=True)
class Skip:
    """Why a file was left out of an import before it was read: a problem code from
    :data:`PROBLEMS` for the UI and the English ``reason`` for the command line."""

    code: str
    reason: str


#: File formats by stable key → English name (the ``format`` param holds the key).
FORMATS: dict[str, str] = {
    "pdf": "PDF",
    "doc": "Word 97-2003 (DOC)",
    "docx": "Word (DOCX)",
    "odt": "OpenDocument text (ODT)",
    "opendocument": "OpenDocument",
    "rtf": "RTF",
    "mobi": "Mobipocket (MOBI)",
    "azw": "Kindle (AZW)",
    "azw3": "Kindle (AZW3)",
    "djvu": "DjVu",
    "chm": "Compiled HTML Help (CHM)",
    "xls": "Excel (XLS)",
    "xlsx": "Excel (XLSX)",
    "ppt": "PowerPoint (PPT)",
    "pptx": "PowerPoint (PPTX)",
    "office97": "Microsoft Office 97-2003 (DOC/XLS/PPT)",
    "jpeg": "JPEG image",
    "png": "PNG image",
    "gif": "GIF image",
    "zip": "ZIP archive",
    "rar": "RAR archive",
    "7z": "7-Zip archive",
    "gzip": "gzip archive",
    "mp3": "MP3 audio",
    "mp4": "MP4 video",
    "elf": "executable program (ELF)",
    "exe": "Windows program (EXE/DLL)",
    "sqlite": "SQLite database",
    "epub": "EPUB",
    "text": "text",
    "html": "web page",
    "markdown": "Markdown",
}
