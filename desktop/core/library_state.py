"""What a library holds in memory, and reading it: the part every other part builds on.

:class:`LibraryState` is the base of :class:`~desktop.core.library.Library`: the
folders, the records (:class:`~desktop.core.record_table.RecordTable`), the lock that
makes the library thread-safe, the listeners of its events, and the questions asked of
it (a record, a summary, a text, a picture).  Reading the folders, importing, editing
and the trash are the other parts (``library_folders``, ``library_imports``,
``library_editing``, ``library``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.filesystem import LocationRisk
from desktop.core.paths import cache_dir
from desktop.core.picture_store import (
    PictureEntry,
    read_picture,
)
from desktop.core.record_table import RecordTable
from desktop.core.records import (
    DocRecord,
    DocSummary,
)

if TYPE_CHECKING:
    from desktop.core.catalogue import Catalogue

__all__ = ["LibraryState", "Listener"]

log = logging.getLogger(__name__)

Listener = Callable[[str, str], None]


class LibraryState:
    """A library folder's documents in memory.  Thread-safe: every part takes ``_lock``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.docs_dir = root / "docs"
        self.trash_dir = root / ".trash"
        self.created = False
        self.warnings: list[str] = []
        #: Set when the folder is on a network file system or in a synced folder.
        self.location_warning: str | None = None
        self.location_risk: LocationRisk | None = None
        self._lock = threading.RLock()
        self._records = RecordTable(self._fetch_records)
        #: Folder signature of each record taken from the catalogue or read since.
        self._signatures: dict[str, str] = {}
        #: Whether :attr:`_signatures` holds every document's (opened without them,
        #: they are read with the summaries).
        self._signed_all = True
        #: Folders that could not be read, with their signature then (not read again
        #: until they change, so a periodic check does not repeat their warning).
        self._failed: dict[str, str] = {}
        self._listeners: list[Listener] = []
        #: Opened without a catalogue and without reading the folders: the first
        #: :meth:`check_folders` finds every document (``open(check=False)``).
        self.first_read_pending = False

    def subscribe(self, callback: Listener) -> None:
        """Call ``callback(event, doc_id)`` after every change.

        Events: ``added``, ``removed``, ``meta-changed``, ``text-changed``.  Callbacks
        run in the thread that made the change.
        """
        self._listeners.append(callback)

    def _emit(self, event: str, doc_id: str) -> None:
        for callback in list(self._listeners):
            try:
                callback(event, doc_id)
            except Exception:
                log.exception("library listener failed on %s %s", event, doc_id)

    def documents(self) -> list[DocRecord]:
        """Every document's whole record (at 100,000 documents this reads them all from
        the catalogue: the pane and ``list`` take :meth:`summaries`)."""
        with self._lock:
            return self._records.load_all()

    def summaries(self) -> list[DocSummary]:
        """What the library pane and ``tongwen-cli list`` show of every document."""
        with self._lock:
            return self._records.summaries()

    def summary(self, doc_id: str) -> DocSummary:
        with self._lock:
            try:
                return self._records.summary(doc_id)
            except KeyError:
                raise KeyError(f"no document {doc_id!r} in {self.root}") from None

    def ids(self) -> list[str]:
        with self._lock:
            return list(self._records)

    def __len__(self) -> int:
        return len(self._records)

    def get(self, doc_id: str) -> DocRecord:
        with self._lock:
            try:
                return self._records[doc_id]
            except KeyError:
                raise KeyError(f"no document {doc_id!r} in {self.root}") from None

    def resolve(self, prefix: str) -> str:
        """The id that starts with ``prefix``; LookupError unless exactly one does."""
        prefix = prefix.strip().lower()
        if not prefix:
            raise LookupError("an empty document id")
        with self._lock:
            matches = [i for i in self._records if i.startswith(prefix)]
        if not matches:
            raise LookupError(f"no document id starts with {prefix!r}")
        if len(matches) > 1:
            raise LookupError(f"{prefix!r} matches {len(matches)} documents; give more characters")
        return matches[0]

    def doc_dir(self, doc_id: str) -> Path:
        return self.docs_dir / doc_id

    def text(self, doc_id: str) -> str:
        self.summary(doc_id)  # there (KeyError), its record not read: indexing reads all
        return (self.doc_dir(doc_id) / "text.txt").read_text("utf-8")

    def picture(self, doc_id: str, index: int) -> tuple[PictureEntry, bytes]:
        """Picture ``index`` of a document (as listed in its record) and its bytes.

        Raises :class:`PictureUnavailable` naming the file when it cannot be shown
        (never in the imported file, missing, unreadable or damaged).
        """
        entry = self.get(doc_id).pictures[index]
        return entry, read_picture(self.doc_dir(doc_id), entry)

    def original_path(self, doc_id: str) -> Path:
        found = sorted(self.doc_dir(doc_id).glob("original.*"))
        if not found:
            raise FileNotFoundError(f"the original file of {doc_id[:12]} is missing")
        return found[0]

    def _catalogue(self) -> Catalogue:
        from desktop.core.catalogue import Catalogue, catalogue_path

        return Catalogue(catalogue_path(cache_dir(), self.root))

    def _fetch_records(self, ids: list[str]) -> dict[str, DocRecord]:
        """Read the records the table does not hold yet (:class:`~desktop.core.
        library_folders.FolderReading` does, from the catalogue or the folders)."""
        raise NotImplementedError
