"""The library on disk: one folder per document, plain files, atomic writes.

::

    <library>/library.json               format name and version
    <library>/docs/<id>/original.<ext>   the imported bytes, untouched
    <library>/docs/<id>/text.txt         canonical text, UTF-8, "\\n" newlines
    <library>/docs/<id>/meta.json        extracted metadata, user edits, chapters
    <library>/.trash/<id>-<time>/        removed documents, restorable

``<id>`` is the SHA-256 of the original bytes, so a second import of the same file is
reported as a duplicate.  :class:`Library` owns ``docs/``; other stores (annotations)
own their own files inside a document's folder.

The class is assembled from parts, each one idea: :mod:`~desktop.core.library_state`
(the records in memory, reading them), :mod:`~desktop.core.library_listing` (the first
rows and the listing, ranked by the catalogue), :mod:`~desktop.core.library_folders`
(reading the folders, the catalogue, repairs), :mod:`~desktop.core.library_imports` (adding
files), :mod:`~desktop.core.library_editing` (the reader's edits, re-decoding); this
module opens a library and keeps its trash.  :mod:`~desktop.core.doc_folder` holds
what concerns one document folder.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.core import atomic
from desktop.core.doc_folder import meta_conflict_copies, now
from desktop.core.filesystem import location_risk, location_warning
from desktop.core.library_editing import Editing
from desktop.core.library_imports import Importing
from desktop.core.picture_store import (
    PictureUnavailable,
)
from desktop.core.records import (
    EDITABLE_FIELDS,
    LIBRARY_FORMAT,
    LIBRARY_VERSION,
    DocRecord,
    DocSummary,
    ImportResult,
    LibraryError,
    validate_library,
)
from desktop.core.trash import TrashEntry, delete_entry, entry_path, read_entry

__all__ = [
    "EDITABLE_FIELDS",
    "DocRecord",
    "DocSummary",
    "ImportResult",
    "Library",
    "LibraryError",
    "PictureUnavailable",
    "meta_conflict_copies",
]

log = logging.getLogger(__name__)


class Library(Editing, Importing):
    """A library folder.  Thread-safe: imports may run in a worker thread."""

    @classmethod
    def open(cls, root: str | os.PathLike[str], *, check: bool = True) -> Library:
        """Open the library at ``root``, creating an empty one if the folder has none.

        ``check=False`` takes the records from the catalogue without looking at the
        document folders (the window, which then calls :meth:`check_folders` in the
        background); the CLI and every other caller check them.
        """
        lib = cls(Path(root))
        lib._open(check=check)
        return lib

    def _open(self, *, check: bool = True) -> None:
        if self.root.exists() and not self.root.is_dir():
            raise LibraryError(f"{self.root} is a file, not a library folder", code="not-a-library")
        self.root.mkdir(parents=True, exist_ok=True)
        self.docs_dir.mkdir(exist_ok=True)
        self._open_marker()
        self._warn_about_location()
        self._load_records(check=check)

    def _open_marker(self) -> None:
        """Read ``library.json``; a damaged one (bad JSON or shape) is set aside and
        written afresh: it holds only the format name and version, so nothing is lost,
        while refusing would lock the reader out of every document.  A newer format
        version is refused and left untouched."""
        marker = self.root / "library.json"
        try:
            result = atomic.read_json(marker, default=lambda: None, validate=validate_library)
        except (atomic.UnreadableFileError, atomic.FileReadError) as exc:
            raise LibraryError(str(exc)) from exc
        self.warnings.extend(f"library.json: {p}" for p in result.problems)
        if result.value is None:
            self.created = not any(self.docs_dir.iterdir())
            atomic.write_json(
                marker,
                {"format": LIBRARY_FORMAT, "version": LIBRARY_VERSION, "created": now()},
            )
        elif result.from_backup:
            atomic.write_json(marker, result.value)

    def _warn_about_location(self) -> None:
        """Note once, apart from :attr:`warnings` (problems found in files), when the
        folder is where locks may not hold: the UI and the CLI say it in their words."""
        self.location_risk = location_risk(self.root)
        self.location_warning = location_warning(self.root, self.location_risk)
        if self.location_warning:
            log.warning("%s", self.location_warning)

    def listing_text(self, render: Callable[[list[dict[str, Any]]], bytes], form: str) -> bytes:
        """``render(self.listing())`` (``tongwen-cli list --json``), kept in the
        catalogue: while no row of the catalogue changes and every document of this
        library comes from it (no folder read since its rows were made), the text kept
        is the answer, without a row read.  A listing made of the rows alone is kept
        for next time, dated by the catalogue's count of changes taken before them.
        ``form`` names what ``render`` makes (its fields, its layout, the version):
        a listing kept in another form is not the answer."""
        with self._lock:
            whole = self._records.unsummarised == len(self._records)
            count = len(self._records)
        catalogue = self._catalogue()
        try:
            if whole:
                kept = catalogue.kept_listing(count, form)
                if kept is not None:
                    return kept
            changes = catalogue.changes() if whole else None
            catalogue.close()
            docs = self.listing()
            text = render(docs)
            with self._lock:  # no row was missing, and none read from its folder since
                whole = self._records.unsummarised == len(self._records) == len(docs)
            if changes is not None and whole and len(docs) == count:
                catalogue.keep_listing(changes, count, form, text)
            return text
        finally:
            catalogue.close()

    def remove(self, doc_id: str) -> str:
        """Move a document to the library's trash; returns the trash entry's name.

        Names are unique even for two removals of one document within a second.
        """
        with self._lock:
            self.get(doc_id)
            self.trash_dir.mkdir(exist_ok=True)
            stamp = time.strftime("%Y%m%d%H%M%S")
            name, n = f"{doc_id}-{stamp}", 1
            while (self.trash_dir / name).exists():
                n += 1
                name = f"{doc_id}-{stamp}-{n}"
            atomic.replace(self.doc_dir(doc_id), self.trash_dir / name)
            del self._records[doc_id]
        self._emit("removed", doc_id)
        return name

    def trash(self) -> list[str]:
        if not self.trash_dir.is_dir():
            return []
        return sorted(p.name for p in self.trash_dir.iterdir() if p.is_dir())

    def trash_entries(self) -> list[TrashEntry]:
        """The trash as a person chooses from it: title, when removed, size."""
        paths = [self.trash_dir / name for name in self.trash()]
        return [read_entry(path) for path in paths if not path.is_symlink()]

    def purge(self, trash_name: str) -> None:
        """Delete a removed document for good (its annotations with it)."""
        with self._lock:
            delete_entry(self.trash_dir, trash_name)

    def restore(self, trash_name: str) -> str:
        """Put a removed document back; returns its id."""
        src = entry_path(self.trash_dir, trash_name)  # no folder, '..' or link in the name
        doc_id = trash_name.split("-", 1)[0]
        with self._lock:
            if self.doc_dir(doc_id).exists():
                raise ValueError(f"document {doc_id[:12]} is already in the library")
            os.replace(src, self.doc_dir(doc_id))
        record = self._load_record(self.doc_dir(doc_id))
        if record is None:
            raise LibraryError(f"restored {doc_id[:12]} but it could not be read")
        with self._lock:
            self._records[doc_id] = record
        self._emit("added", doc_id)
        return doc_id

    def check(self) -> list[str]:
        """Verify every document folder; returns the problems found (empty: all well)."""
        from desktop.core.library_check import check_library

        return check_library(self)
