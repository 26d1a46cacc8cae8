"""One document folder on disk: its ``meta.json`` as made, locked, checked and merged.

::

    docs/<id>/original.<ext>   the imported bytes, untouched
    docs/<id>/text.txt         canonical text
    docs/<id>/meta.json        extracted metadata, user edits, chapters (made by
                               :func:`new_meta`, changed under :func:`meta_lock`)
    docs/<id>/annotations.json owned by the annotations store
    docs/<id>/.merged-conflicts/  sync conflict copies once merged

Functions of one folder, with no library around them: the library's parts
(:mod:`~desktop.core.library_folders`, ``library_imports``, ``library_editing``) use
them.  The times a folder waits (a sync tool still writing, another process's edit)
are named here.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core import atomic
from desktop.core.locks import FileLock
from desktop.core.picture_store import (
    picture_meta,
    write_picture_files,
)
from desktop.core.records import (
    DOC_FORMAT,
    DOC_VERSION,
    LibraryError,
    validate_meta,
)

if TYPE_CHECKING:
    from desktop.core.formats.base import Extracted

__all__ = [
    "ARRIVAL_QUIET_SECONDS",
    "MERGED_CONFLICTS_DIR",
    "META_LOCK_TIMEOUT",
    "apply_chapter_rule",
    "arrival_time",
    "check_annotations_writable",
    "keep_pictures_of_text",
    "meta_conflict_copies",
    "meta_lock",
    "meta_validator",
    "new_meta",
    "now",
    "read_conflict_copy",
    "set_aside_merged",
    "still_arriving",
    "utc_now",
]

log = logging.getLogger(__name__)

#: A document folder whose files changed this recently may still be arriving from a
#: sync tool: nothing is written into it (a write there makes the tool's conflict copy).
ARRIVAL_QUIET_SECONDS = 60.0
#: How long an edit waits for another process's edit of the same ``meta.json``.
META_LOCK_TIMEOUT = 10.0
#: Where merged sync conflict copies are kept (the same folder the annotations use).
MERGED_CONFLICTS_DIR = ".merged-conflicts"


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")


def utc_now() -> str:
    """ISO 8601 UTC with milliseconds: edit times that compare across machines."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def meta_conflict_copies(folder: Path) -> list[Path]:
    """Files in a document folder that look like sync conflict copies of ``meta.json``."""
    from desktop.core.annotations.merge import conflict_copies

    return conflict_copies(folder, stem="meta")


def meta_lock(folder: Path) -> FileLock:
    """The lock every process takes to change a document's ``meta.json``."""
    return FileLock(folder / "meta.json.lock", timeout=META_LOCK_TIMEOUT)


def meta_validator(doc_id: str) -> Callable[[Any], None]:
    """:func:`validate_meta`, and the file must describe the folder it is in."""

    def validate(value: Any) -> None:
        validate_meta(value)
        if value["id"] != doc_id:
            raise ValueError(f"it describes another document ({value['id'][:12]})")

    return validate


def read_conflict_copy(copy: Path, doc_id: str) -> dict[str, Any]:
    """A conflict copy's metadata; ValueError if it is not this document's meta.json.

    Read as it is: a copy that does not parse is the sync tool's, left where it is.
    """
    value: dict[str, Any] = json.loads(copy.read_bytes().decode("utf-8"))
    meta_validator(doc_id)(value)
    return value


def set_aside_merged(copy: Path) -> None:
    """Move a merged conflict copy into ``.merged-conflicts/`` (kept, out of the way)."""
    dest_dir = copy.parent / MERGED_CONFLICTS_DIR
    dest_dir.mkdir(exist_ok=True)
    dest = dest_dir / copy.name
    n = 1
    while dest.exists():
        n += 1
        dest = dest_dir / f"{copy.stem}-{n}{copy.suffix}"
    atomic.replace(copy, dest)


def arrival_time(path: Path) -> float:
    """When ``path`` appeared here: the inode change time, which a sync tool cannot
    set back (it copies the sender's modification time)."""
    st = path.lstat()
    if os.name == "posix":
        return st.st_ctime
    return max(st.st_mtime, getattr(st, "st_birthtime", 0.0))


def still_arriving(folder: Path) -> bool:
    try:
        newest = max((arrival_time(p) for p in folder.iterdir()), default=0.0)
    except OSError:
        return False
    return time.time() - newest < ARRIVAL_QUIET_SECONDS


def new_meta(doc_id: str, original: str, size: int, ex: Extracted) -> dict[str, Any]:
    from desktop.core.chapters import detect_chapters
    from desktop.core.script import detect_script

    chapters = ex.chapters or detect_chapters(ex.text)
    script = ex.script or detect_script(ex.text)
    return {
        "format": DOC_FORMAT,
        "version": DOC_VERSION,
        "id": doc_id,
        "original_name": original,
        "size": size,
        "doc_format": ex.format,
        "encoding": ex.encoding,
        "confidence": ex.confidence,
        "imported": now(),
        "chars": len(ex.text),
        "extracted": {
            "title": ex.title,
            "author": ex.author,
            "source": ex.source,
            "published": ex.published,
            "language": ex.language,
            "script": script,
        },
        "user": {},
        "chapters": [[o, t] for o, t in chapters],
        "blocks": [list(b) for b in ex.blocks],
        "warnings": list(ex.warnings),
        "pictures": picture_meta(ex.pictures),
    }


def apply_chapter_rule(meta: dict[str, Any], text: str) -> None:
    """Chapters found by the reader's own rule (``user.chapter_pattern``) in a new text.

    A re-decoded text is a new text: its table is found again with the rule the reader
    chose, or the rule is dropped (and said in the log) when it no longer works on it,
    so the stored rule and the table never disagree.
    """
    from desktop.core.chapters import MAX_CHAPTERS, RULE_TIMEOUT, detect_chapters

    pattern = meta.get("user", {}).get("chapter_pattern")
    if not pattern:
        return
    try:
        found = detect_chapters(text, pattern, timeout=RULE_TIMEOUT, limit=MAX_CHAPTERS)
    except ValueError as exc:
        log.warning("chapter rule %r dropped after re-decoding: %s", pattern, exc)
        meta["user"].pop("chapter_pattern", None)
        return
    meta["chapters"] = [[offset, title] for offset, title in found]


def keep_pictures_of_text(folder: Path, meta: dict[str, Any], extracted: Extracted) -> None:
    """Write a rebuilt document's pictures, or list none when the ``text.txt`` kept is
    not the text just extracted (an import by an older Tongwen, without figure lines):
    the pictures' offsets would point into other text."""
    if not extracted.pictures:
        return
    if (folder / "text.txt").read_text("utf-8") != extracted.text:
        meta["pictures"] = []
        return
    write_picture_files(folder, extracted.pictures)


def check_annotations_writable(folder: Path) -> None:
    """Raise LibraryError (before anything is written) if the annotations cannot be saved."""
    path = folder / "annotations.json"
    if not path.exists():
        return
    try:
        with FileLock(folder / "annotations.json.lock", timeout=2.0):
            pass
        for target in (path, folder):
            if not os.access(target, os.W_OK):
                raise PermissionError(f"{target} is read-only")
    except OSError as exc:
        raise LibraryError(
            f"{path}: the annotations cannot be saved ({exc}); nothing was changed"
        ) from exc
