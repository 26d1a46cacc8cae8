"""Stable codes for the problems a user can meet, so the UI can translate them.

The core is Qt-free and speaks English: ``str(exc)`` of a refusal is an English
sentence for the command line and the log.  Each user-facing refusal also carries a
*problem code* from :data:`PROBLEMS` and string *params* (the file, a format key, an
encoding …); the UI turns code and params into a sentence in the reader's language.

:data:`FORMATS` names the file formats that may appear as the ``format`` param, by
a stable key.  :func:`classify` recovers code and params from an English message
the core produced (for results that kept only the text, such as
``ImportResult.error`` today).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["FORMATS", "PROBLEMS", "ImportRefused", "ProblemCode", "classify", "format_key"]


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

#: Other English wordings of a format found in messages.
_ALIASES = {
    "zip archive (or a docx/epub/odt packed as zip)": "zip",
    "empty zip archive": "zip",
    "pdf document": "pdf",
    "old microsoft office document": "office97",
    "mp3 audio file": "mp3",
    "a web page": "html",
    "text file": "text",
}
_BY_NAME = {name.lower(): key for key, name in FORMATS.items()}


def format_key(name: str) -> str:
    """The :data:`FORMATS` key for an English format name ("a PNG image" → "png").

    An unknown name gives "" (the UI then speaks of "this format").
    """
    lowered = name.strip().lower()
    if lowered in _ALIASES:
        return _ALIASES[lowered]
    lowered = re.sub(r"^(?:an?|the) ", "", lowered)
    return _ALIASES.get(lowered) or _BY_NAME.get(lowered, "")


_Params = dict[str, str]


def _fmt(match: re.Match[str]) -> _Params:
    params = {"format": format_key(match["format"])}
    if "expected" in match.re.groupindex:
        params["expected"] = format_key(match["expected"])
    return params


def _only(*names: str):  # type: ignore[no-untyped-def]
    return lambda match: {n: match[n] for n in names if match[n] is not None}


_NONE = _only()
#: (pattern, code, params from the match), tried in order on the whole message.
_PATTERNS = [
    (
        r"the file is (?P<size_mb>[\d,]+) MB; Tongwen imports files up to (?P<limit_mb>\d+) MB",
        "too-large",
        _only("size_mb", "limit_mb"),
    ),
    (r"(?P<format>.+) files are not supported", "unsupported-format", _fmt),
    (r".+ is not a ZIP archive, not an EPUB", "not-epub", _NONE),
    (
        r".+ is a (?P<format>.+?) file(?: renamed \.epub)?, not (?P<expected>an EPUB|Markdown|"
        r"a web page)",
        "wrong-format",
        _fmt,
    ),
    (r".+ is (?P<format>an? .+?), not (?P<expected>a text file)", "wrong-format", _fmt),
    (r".+: binary data, not Markdown", "binary-file", _NONE),
    (r".+ contains (?:NUL|many control) bytes: .*", "binary-file", _NONE),
    (r".+: not a readable ZIP archive .*", "damaged-archive", _NONE),
    (
        r".+: the archive has (?P<count>[\d,]+) members \(at most (?P<limit>[\d,]+) .*",
        "too-many-members",
        _only("count", "limit"),
    ),
    (r".+: archive entries overlap .*|.+ is compressed more than .*ZIP bomb.*", "zip-bomb", _NONE),
    (r".+: the archive has no member '(?P<member>.*)'", "damaged-archive", _only("member")),
    (r".+?: (?P<member>.+) is encrypted", "encrypted", _only("member")),
    (r".+?: (?P<member>.+) (?:is damaged|cannot be read) \(.*", "damaged-archive", _only("member")),
    (r".+ decompresses to more than (?P<limit_mb>\d+) MB", "archive-too-large", _only("limit_mb")),
    (r".+: (?:declares \d+ XML entities|XML entit).*", "entity-bomb", _NONE),
    (r".+: the HTML cannot be read .*", "damaged-html", _NONE),
    (r".+: the book has no readable spine", "damaged-book", _NONE),
    (r".+: cannot be read \(it is DRM-protected\)", "drm-protected", _NONE),
    (r".+: not an EPUB .*", "not-epub", _NONE),
    (r".+: the page is empty", "empty-page", _NONE),
    (r".*(?:no readable text|contains no readable text)\)?", "no-readable-text", _NONE),
    (r".*unknown encoding '(?P<encoding>.*)'", "unknown-encoding", _only("encoding")),
    (r".+ cannot be decoded as (?P<encoding>[^ :]+).*", "cannot-decode", _only("encoding")),
    (
        r".+ is (?P<encoding>[^ ]+) \(.*\) text: (?P=encoding) is not supported.*",
        "unsupported-encoding",
        _only("encoding"),
    ),
    (r"no such file|No such file or directory", "not-found", _NONE),
    (r"not a regular file|is a folder|Is a directory", "not-a-file", _NONE),
    (r"named pipe \(FIFO\)|device file|socket", "special-file", _NONE),
    (r"symbolic link \(not followed\)|a link to a folder; .*", "link-not-followed", _NONE),
    (r"unsupported file type", "unsupported-type", _NONE),
    (r"(?:unreadable \()?permission denied\)?|Permission denied", "permission-denied", _NONE),
    (r"unreadable.*", "unreadable", _NONE),
    (r"could not write the library: .*", "library-write-failed", _NONE),
    (r"unexpected error: .*", "unexpected", _NONE),
]
_COMPILED = [(re.compile(p, re.DOTALL), code, params) for p, code, params in _PATTERNS]


def classify(message: str) -> tuple[str, dict[str, str]]:
    """Code and params for an English problem message written by the core.

    Messages the core does not write give ``("refused", {})``.
    """
    text = message.strip()
    for pattern, code, params in _COMPILED:
        match = pattern.fullmatch(text)
        if match:
            return code, params(match)
    return "refused", {}
