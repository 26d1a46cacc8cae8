"""What the library stores and reports: document records, import results, formats.

The plain data of :mod:`desktop.core.library`: the on-disk format names and
versions, :class:`DocRecord` (one document as ``meta.json`` describes it),
:class:`ImportResult` (what happened to one imported file, with its problem code)
and the validators that read ``library.json`` and ``meta.json``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core import atomic
from desktop.core.formats import ImportRefused

__all__ = [
    "EDITABLE_FIELDS",
    "DocRecord",
    "ImportResult",
    "LibraryError",
    "record_from_meta",
    "validate_library",
    "validate_meta",
]

LIBRARY_FORMAT = "tongwen-library"
LIBRARY_VERSION = 1
DOC_FORMAT = "tongwen-document"
DOC_VERSION = 1
#: Metadata the user may edit; edits are stored apart from the extracted values.
EDITABLE_FIELDS = ("title", "author", "source", "published")


class LibraryError(Exception):
    """The library folder cannot be used (not a library, newer format, unreadable)."""


@dataclass
class DocRecord:
    """One document as the library pane and the reader see it."""

    id: str
    title: str
    author: str | None
    source: str | None
    published: str | None
    script: str
    format: str
    encoding: str | None
    confidence: float | None
    chars: int
    size: int
    imported: str
    original_name: str
    chapters: list[tuple[int, str]] = field(default_factory=list)
    extracted: dict[str, Any] = field(default_factory=dict)
    user: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    progress: float = 0.0
    annotations: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "author": self.author,
            "source": self.source,
            "published": self.published,
            "script": self.script,
            "format": self.format,
            "encoding": self.encoding,
            "chars": self.chars,
        }


@dataclass
class ImportResult:
    """What happened to one file of an import."""

    path: str
    status: str  #: "imported", "duplicate", "skipped" or "failed"
    id: str | None = None
    title: str | None = None
    error: str | None = None  #: the English reason (CLI, log)
    code: str | None = None  #: the problem's code in desktop.core.errors.PROBLEMS
    params: dict[str, str] = field(default_factory=dict)  #: the values the reason names

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "id": self.id,
            "status": self.status,
            "title": self.title,
            "error": self.error,
            "code": self.code,
        }

    @classmethod
    def failed(cls, path: Path, exc: BaseException) -> ImportResult:
        """A failed import of ``path`` because of ``exc``, with its problem code."""
        code, params = _problem_code(exc)
        return cls(str(path), "failed", error=_reason(exc), code=code, params=params)


def validate_library(value: Any) -> None:
    if not isinstance(value, dict) or value.get("format") != LIBRARY_FORMAT:
        raise ValueError("not a Tongwen library.json")
    if int(value.get("version", 0)) > LIBRARY_VERSION:
        raise atomic.FutureVersionError(
            f"library format version {value.get('version')} is newer than this Tongwen"
        )


def validate_meta(value: Any) -> None:
    if not isinstance(value, dict) or value.get("format") != DOC_FORMAT:
        raise ValueError("not a Tongwen meta.json")
    if int(value.get("version", 0)) > DOC_VERSION:
        raise atomic.FutureVersionError(
            f"document format version {value.get('version')} is newer than this Tongwen"
        )


def record_from_meta(meta: dict[str, Any]) -> DocRecord:
    ext = meta.get("extracted", {})
    user = meta.get("user", {})

    def pick(key: str) -> Any:
        value = user.get(key)
        return value if value not in (None, "") else ext.get(key)

    return DocRecord(
        id=meta["id"],
        title=pick("title") or meta.get("original_name", meta["id"][:12]),
        author=pick("author"),
        source=pick("source"),
        published=pick("published"),
        script=ext.get("script") or "unknown",
        format=meta.get("doc_format", "txt"),
        encoding=meta.get("encoding"),
        confidence=meta.get("confidence"),
        chars=int(meta.get("chars", 0)),
        size=int(meta.get("size", 0)),
        imported=meta.get("imported", ""),
        original_name=meta.get("original_name", ""),
        chapters=[(int(o), str(t)) for o, t in meta.get("chapters", [])],
        extracted=dict(ext),
        user=dict(user),
        warnings=list(meta.get("warnings", [])),
    )


def _problem_code(exc: BaseException) -> tuple[str, dict[str, str]]:
    """The problem code and parameters of an import failure (see desktop.core.errors)."""
    if isinstance(exc, ImportRefused):
        return exc.code, dict(exc.params)
    if isinstance(exc, FileNotFoundError):
        return "not-found", {}
    if isinstance(exc, PermissionError):
        return "permission-denied", {}
    if isinstance(exc, OSError):
        return "unreadable", {}
    return "unexpected", {}


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ImportRefused):
        return str(exc)
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a folder"
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)
