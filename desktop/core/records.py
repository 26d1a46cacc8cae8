"""What the library stores and reports: document records, import results, formats.

The plain data of :mod:`desktop.core.library`: the on-disk format names and
versions, :class:`DocRecord` (one document as ``meta.json`` describes it),
:class:`ImportResult` (what happened to one imported file, with its problem code)
and the validators that read ``library.json`` and ``meta.json``.
"""

from __future__ import annotations

import copy
import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from desktop.core import atomic
from desktop.core.errors import ImportRefused
from desktop.core.paths import printable_path
from desktop.core.picture_store import PictureEntry, entries_from_meta, validate_pictures

__all__ = [
    "EDITABLE_FIELDS",
    "REGION_CHOICES",
    "DocRecord",
    "DocSummary",
    "ImportResult",
    "LibraryError",
    "merge_user_edits",
    "normal_tag",
    "record_from_meta",
    "salvage_user_edits",
    "validate_library",
    "validate_meta",
]

log = logging.getLogger(__name__)

LIBRARY_FORMAT = "tongwen-library"
LIBRARY_VERSION = 1
DOC_FORMAT = "tongwen-document"
DOC_VERSION = 1
#: Metadata the user may edit; edits are stored apart from the extracted values.
EDITABLE_FIELDS = ("title", "author", "source", "published")
#: What a sync conflict copy can bring: the user's edits, each with its own edit time
#: in ``user_modified``; ``chapters`` is the table of contents with its pattern.
MERGED_FIELDS = (*EDITABLE_FIELDS, "chapters", "region", "tags")
#: At most this many tags per document, each at most :data:`TAG_MAX_CHARS` long.
MAX_TAGS = 200
TAG_MAX_CHARS = 64
#: The regional standards a user may choose for a document's 简体 view (``user.region``;
#: absent: detected).  The same names as ``desktop.core.views.region.REGIONS``, not
#: imported from there so that opening a library does not load the views pipeline.
REGION_CHOICES = ("general", "taiwan", "hongkong")
#: The user's edits kept from a damaged ``meta.json`` when it is rebuilt.
SALVAGED_FIELDS = (*EDITABLE_FIELDS, "region")


class LibraryError(Exception):
    """The library folder cannot be used (not a library, newer format, unreadable).

    ``code`` is its problem code in :data:`desktop.core.errors.PROBLEMS`, passed by
    whoever raises it; a newer format or a damaged file is told by the exception
    chain (``__cause__``), as for every other data file.
    """

    def __init__(self, message: str = "", *, code: str = "library-error") -> None:
        super().__init__(message)
        self.code = code


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
    #: The regional standard the user chose for the 简体 view (one of REGION_CHOICES);
    #: None: detected from the text.
    region: str | None = None
    #: The pictures of an EPUB or saved page, each at its figure line.
    pictures: list[PictureEntry] = field(default_factory=list)
    progress: float = 0.0
    annotations: int = 0
    #: The reader's own words for the document (``user.tags``), sorted.
    tags: list[str] = field(default_factory=list)
    #: When the reading position last moved (ISO time, "" if never).
    last_read: str = ""

    def as_dict(self) -> dict[str, Any]:
        return self.summary().as_dict()

    def summary(self) -> DocSummary:
        """What the library pane and ``tongwen-cli list`` show of this document."""
        return DocSummary(
            self.id,
            self.title,
            self.author,
            self.source,
            self.published,
            self.script,
            self.format,
            self.encoding,
            self.chars,
            self.size,
            self.imported,
            self.original_name,
            self.progress,
            self.annotations,
            tuple(self.tags),
            self.last_read,
        )


class DocSummary(NamedTuple):
    """A document as a row of the library: the fields of :class:`DocRecord` that the
    pane, the CLI's ``list`` and the tag counts need, and nothing that is long (no
    chapters, pictures or metadata as extracted).  A tuple, made straight from a
    catalogue row: 100,000 of them are built in a fraction of the records' time."""

    id: str
    title: str
    author: str | None
    source: str | None
    published: str | None
    script: str
    format: str
    encoding: str | None
    chars: int
    size: int
    imported: str
    original_name: str
    progress: float
    annotations: int
    tags: tuple[str, ...]
    last_read: str

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
            "tags": list(self.tags),
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
        return cls(printable_path(path), "failed", error=_reason(exc), code=code, params=params)


def _whole_number(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_version(value: dict[str, Any], newest: int, what: str) -> None:
    """A whole ``version`` of at least 1; a newer one than ``newest`` is left alone."""
    version: Any = value.get("version")
    if not _whole_number(version) or version < 1:
        raise ValueError(f"the format version is {version!r}, not a whole number")
    if version > newest:
        raise atomic.FutureVersionError(
            f"{what} format version {version} is newer than this Tongwen"
        )


def validate_library(value: Any) -> None:
    """Reject a ``library.json`` that is not ours, of a bad shape, or from the future."""
    if not isinstance(value, dict) or value.get("format") != LIBRARY_FORMAT:
        raise ValueError("not a Tongwen library.json")
    _check_version(value, LIBRARY_VERSION, "library")
    if not isinstance(value.get("created", ""), str):
        raise ValueError("'created' is not a date string")


#: Optional top-level fields of ``meta.json`` and the types they must have when present.
_META_FIELDS: dict[str, tuple[type, ...]] = {
    "original_name": (str,),
    "doc_format": (str,),
    "encoding": (str, type(None)),
    "imported": (str,),
    "reencoded": (str,),
    "extracted": (dict,),
    "user": (dict,),
    "user_modified": (dict,),
    "chapters": (list,),
    "blocks": (list,),
    "warnings": (list,),
}
#: Text fields inside ``extracted`` and ``user``.
_TEXT_FIELDS = (*EDITABLE_FIELDS, "language", "script", "chapter_pattern", "region")
_TEXT_NAMES = frozenset(_TEXT_FIELDS)


def validate_meta(value: Any) -> None:
    """Reject a ``meta.json`` of the wrong shape, naming the first thing that is wrong.

    Everything :func:`record_from_meta` and the editors read is checked, so a file
    that passes can never raise a TypeError or KeyError later.  Missing optional
    fields are fine (older files lack some); present ones must have the right type.
    """
    if not isinstance(value, dict) or value.get("format") != DOC_FORMAT:
        raise ValueError("not a Tongwen meta.json")
    _check_version(value, DOC_VERSION, "document")
    doc_id = value.get("id")
    if not isinstance(doc_id, str) or not _is_doc_id(doc_id):
        raise ValueError(f"'id' is {doc_id!r}, not a document id")
    for key, types in _META_FIELDS.items():
        if key in value and not isinstance(value[key], types):
            raise ValueError(f"{key!r} is a {type(value[key]).__name__}")
    for key in ("size", "chars"):
        if key in value and not (_whole_number(value[key]) and value[key] >= 0):
            raise ValueError(f"{key!r} is {value[key]!r}, not a count")
    confidence = value.get("confidence")
    if confidence is not None and (
        isinstance(confidence, bool) or not isinstance(confidence, (int, float))
    ):
        raise ValueError(f"'confidence' is {confidence!r}, not a number")
    for section in ("extracted", "user"):
        _check_text_fields(value.get(section, {}), section)
    _check_chapters(value.get("chapters", []))
    _check_tags(value.get("user", {}).get("tags", []))
    if not all(isinstance(w, str) for w in value.get("warnings", [])):
        raise ValueError("'warnings' holds something other than text")
    if not all(isinstance(t, str) for t in value.get("user_modified", {}).values()):
        raise ValueError("'user_modified' holds something other than times")
    if "pictures" in value:
        validate_pictures(value["pictures"], value.get("chars"))


_DOC_ID = re.compile(r"[0-9a-f]{64}")


def _is_doc_id(text: str) -> bool:
    return _DOC_ID.fullmatch(text) is not None


def _check_text_fields(section: dict[str, Any], name: str) -> None:
    for key, value in section.items():  # the fields present (a few), not all the names
        if key in _TEXT_NAMES and value is not None and not isinstance(value, str):
            raise ValueError(f"{name}.{key} is a {type(value).__name__}, not text")


def _check_tags(tags: Any) -> None:
    if not isinstance(tags, list) or len(tags) > MAX_TAGS:
        raise ValueError(f"user.tags is {type(tags).__name__}, not a list of at most {MAX_TAGS}")
    for tag in tags:
        if not isinstance(tag, str) or normal_tag(tag) != tag:
            raise ValueError(f"user.tags holds {tag!r}, not a tag")


def normal_tag(text: str) -> str:
    """A tag as stored: trimmed, inner spaces as one, no control characters and no ASCII
    comma (the search index keeps a document's tags comma-separated); "" when nothing
    is left, it is too long or holds one of those (callers refuse that)."""
    tag = " ".join(str(text).split())
    if not tag or len(tag) > TAG_MAX_CHARS or any(ord(c) < 32 or c in ",\x7f" for c in tag):
        return ""
    return tag


def _check_chapters(chapters: list[Any]) -> None:
    for entry in chapters:
        if not (
            isinstance(entry, list)
            and len(entry) == 2
            and _whole_number(entry[0])
            and entry[0] >= 0
            and isinstance(entry[1], str)
        ):
            raise ValueError(f"a chapter is {entry!r}, not [offset, title]")


def record_from_meta(meta: dict[str, Any]) -> DocRecord:
    """The record of a ``meta.json`` that passed :func:`validate_meta`."""
    ext = meta.get("extracted", {})
    user = {k: v for k, v in meta.get("user", {}).items() if isinstance(v, str)}

    def pick(key: str) -> Any:
        value = user.get(key)
        return value if value not in (None, "") else ext.get(key)

    return DocRecord(
        id=meta["id"],
        title=pick("title") or meta.get("original_name") or meta["id"][:12],
        author=pick("author"),
        source=pick("source"),
        published=pick("published"),
        script=ext.get("script") or "unknown",
        format=meta.get("doc_format", "txt"),
        encoding=meta.get("encoding"),
        confidence=meta.get("confidence"),
        chars=meta.get("chars", 0),
        size=meta.get("size", 0),
        imported=meta.get("imported", ""),
        original_name=meta.get("original_name", ""),
        chapters=[(o, t) for o, t in meta.get("chapters", [])],
        extracted=dict(ext),
        user=user,
        warnings=list(meta.get("warnings", [])),
        region=_chosen_region(meta),
        pictures=entries_from_meta(meta.get("pictures", [])),
        tags=sorted(set(meta.get("user", {}).get("tags", []))),
    )


def _chosen_region(meta: dict[str, Any]) -> str | None:
    """``user.region`` when it names a standard this Tongwen knows, else None (detect).

    A name from a newer Tongwen is left in the file (and merged) but not used here."""
    region = meta.get("user", {}).get("region")
    if not region:
        return None
    if region in REGION_CHOICES:
        return str(region)
    log.warning(
        "document %s: user.region %r is not a regional standard this Tongwen knows; "
        "the 简体 view detects it instead",
        meta["id"][:12],
        region,
    )
    return None


def _edited_value(meta: dict[str, Any], key: str) -> Any:
    user = meta.get("user", {})
    if key == "chapters":
        return meta.get("chapters", []), user.get("chapter_pattern")
    return user.get(key)


def _take_edit(ours: dict[str, Any], theirs: dict[str, Any], key: str) -> None:
    user = ours.setdefault("user", {})
    names = ("chapter_pattern",) if key == "chapters" else (key,)
    if key == "chapters":
        ours["chapters"] = copy.deepcopy(theirs.get("chapters", []))
    for name in names:
        value = theirs.get("user", {}).get(name)
        if value is None:
            user.pop(name, None)
        else:
            user[name] = value
    ours.setdefault("user_modified", {})[key] = theirs["user_modified"][key]


def merge_user_edits(
    ours: dict[str, Any], theirs: dict[str, Any]
) -> tuple[dict[str, Any], list[str], list[str]]:
    """Merge a sync conflict copy's user edits into ``ours`` (both valid meta.json).

    Field by field the newer edit (by ``user_modified``) wins.  Returns the merged
    metadata (``ours`` is not changed), the fields taken from ``theirs``, and the
    fields that differ with no edit time on either side: those cannot be decided,
    nor can a different ``encoding`` (the text itself differs then).
    """
    merged = copy.deepcopy(ours)
    taken: list[str] = []
    undecided = ["encoding"] if ours.get("encoding") != theirs.get("encoding") else []
    our_times = ours.get("user_modified", {})
    their_times = theirs.get("user_modified", {})
    for key in MERGED_FIELDS:
        if _edited_value(ours, key) == _edited_value(theirs, key):
            continue
        mine, other = our_times.get(key, ""), their_times.get(key, "")
        if not mine and not other:
            undecided.append(key)
        elif other > mine:
            _take_edit(merged, theirs, key)
            taken.append(key)
    return merged, taken, undecided


def salvage_user_edits(meta: dict[str, Any], set_aside: list[Path]) -> list[str]:
    """Copy the user's edits from a damaged, set-aside ``meta.json`` into ``meta``.

    Only text edits of the same document are taken; returns the fields kept.
    """
    for path in set_aside:
        try:
            old = json.loads(path.read_bytes().decode("utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(old, dict) or old.get("id", meta["id"]) != meta["id"]:
            continue
        user, times = old.get("user"), old.get("user_modified")
        if not isinstance(user, dict):
            continue
        kept = [k for k in SALVAGED_FIELDS if isinstance(user.get(k), str) and user[k].strip()]
        meta.setdefault("user", {}).update({k: user[k] for k in kept})
        if isinstance(times, dict):
            meta.setdefault("user_modified", {}).update(
                {k: times[k] for k in kept if isinstance(times.get(k), str)}
            )
        return kept
    return []


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
