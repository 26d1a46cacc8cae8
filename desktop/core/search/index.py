"""The library's search index: kept current, rebuilt when it cannot be trusted.

:class:`SearchIndex` is the one object the rest of the program uses.  The files it
keeps, their versions, the commit order and what a crash between two steps leaves
are specified in ``docs/search-store.md``; the folder, its locks and generations are
:mod:`desktop.core.search.commits`, what is indexed of each document
:mod:`desktop.core.search.entries`, and searching :mod:`desktop.core.search.searcher`.

The manifest records, per document, a signature (size and modification time of
``text.txt``, ``meta.json`` and ``annotations.json``).
:meth:`SearchIndex.ensure_current` compares that with the library and updates what
changed, or rebuilds everything when the index is missing, from another version,
or damaged (a file's length or checksum does not match).  Nothing is lost by a
rebuild: the index is derived data.

Processes: one writer at a time, under the writer lock.  A rebuild writes a new
generation folder and publishes it by replacing the manifest; every process checks
the manifest's token before a search and reopens when someone else committed, so an
index rebuilt underneath a window is picked up, not reported as broken.

Threading: every method may be called from a worker thread.  Writes and searches
are serialised by one lock per :class:`SearchIndex`.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.locks import FileLock, LockTimeout
from desktop.core.search.commits import (
    COMMIT_WAIT,
    create_generation,
    hold_commit_lock,
    hold_writer_lock,
    open_commit,
    record_files,
    remove_old_generations,
)
from desktop.core.search.entries import (
    folded_body,
    meta_fields,
    notes_from_file,
    signature,
    text_changed,
)
from desktop.core.search.manifest import Manifest, read_token, write_manifest

if TYPE_CHECKING:
    import numpy as np

    from desktop.core.search.store import BodyStore

__all__ = ["INDEX_VERSION", "IndexBusyError", "IndexDamagedError", "SearchIndex"]

log = logging.getLogger(__name__)

#: Bump when the folding, the grams or the files change: older indexes are rebuilt.
#: 6: one folding (core.fold); 7: no pickles (slot tables, lexicons .npz); 8: tags
INDEX_VERSION = 8
#: Seconds a writer waits for another process's writer before IndexBusyError.
WRITER_WAIT = 2.0
#: whoosh's pool of metadata postings before it spills a run to disk, in its own
#: estimate, which is about a quarter of what the pool really holds: 2 (~8 MB) keeps
#: a first build of 100,000 documents within the app's memory (32 held ~130 MB); its
#: runs on disk are merged at the commit, 128 files at a time
_WRITER_MB = 2

Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]
NotesProvider = Callable[[str], str]


class IndexBusyError(RuntimeError):
    """Another running process is writing this index (for longer than we waited)."""


class IndexDamagedError(RuntimeError):
    """A search found the index's files damaged; the next update rebuilds it."""


class SearchIndex:
    """Full-text search over one library (see the module docstring)."""

    def __init__(self, library: Any, folder: Path, notes: NotesProvider | None = None) -> None:
        self.library = library
        self.folder = folder
        self._notes = notes or (lambda doc_id: notes_from_file(library.doc_dir(doc_id)))
        self._lock = threading.RLock()
        self._store: BodyStore | None = None
        self._whoosh: Any = None
        self._manifest = Manifest(INDEX_VERSION)
        self._data: Path | None = None  #: the generation folder open
        self._token: str | None = None  #: the commit open (None: nothing open)
        self._fresh = False  #: a new generation that no commit names yet
        self._writer_lock: FileLock | None = None
        self._damaged: str | None = None  #: why the next update must rebuild
        self._open_searcher: Any = None
        self._slots_for: Any = None  #: the searcher ``_slots`` was read from
        self._slots: np.ndarray | None = None
        #: why the index was last rebuilt from scratch (None: never, by this object)
        self.rebuilt_because: str | None = None
        #: seconds to wait for another process's writer (the CLI waits longer)
        self.lock_wait = WRITER_WAIT
        #: told once, in words, when another process's writer makes us wait
        self.on_wait: Callable[[str], None] | None = None

    # ---------------------------------------------------------------- opening
    @classmethod
    def open(
        cls, library: Any, *, notes: NotesProvider | None = None, subscribe: bool = True
    ) -> SearchIndex:
        """The index of ``library``; call :meth:`ensure_current` before searching."""
        from desktop.core.paths import index_dir

        index = cls(library, index_dir(Path(library.root)), notes)
        if subscribe:
            library.subscribe(index._on_library_event)
        return index

    @property
    def data_folder(self) -> Path | None:
        """The generation folder in use (None before the index is opened)."""
        return self._data

    def load_committed(self) -> str | None:
        """Open the last commit without writing; why it cannot be used, or None.

        For a search while another process rebuilds: the old index still answers.
        """
        with self._lock:
            if self._store is not None and not self._damaged and not self._changed():
                return None
            return self._damaged or self._load()

    def _changed(self) -> bool:
        """Whether someone committed since this object opened the index."""
        return read_token(self.folder) != self._token

    def _load(self) -> str | None:
        """Open what the last commit wrote; the reason it cannot be used, or None."""
        with self._committing():
            return self._open_commit()

    def _open_commit(self) -> str | None:
        opened = open_commit(self.folder, INDEX_VERSION)
        if isinstance(opened, str):
            return opened
        self._close()
        self._store, self._whoosh = opened.store, opened.whoosh
        self._open_searcher = opened.searcher
        self._manifest, self._data = opened.manifest, opened.data
        self._token = opened.manifest.token
        self._fresh = False
        return None

    def _close(self) -> None:
        if self._open_searcher is not None:
            self._open_searcher.close()
        self._open_searcher = self._slots_for = None
        if self._store is not None:
            self._store.close()
        if self._whoosh is not None:
            self._whoosh.close()
        self._store = self._whoosh = None
        self._token = None

    def close(self) -> None:
        """Release files; the index object may be opened again by ensure_current."""
        with self._lock:
            self._close()

    # ---------------------------------------------------------------- locking
    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """Hold the writer lock (this object may re-enter it)."""
        if self._writer_lock is not None:
            yield
            return
        try:
            lock = hold_writer_lock(self.folder, self.lock_wait, self.on_wait)
        except LockTimeout as exc:
            raise IndexBusyError(
                f"{self.folder}: another Tongwen process is updating the search index"
            ) from exc
        self._writer_lock = lock
        try:
            yield
        finally:
            self._writer_lock = None
            lock.release()

    @contextlib.contextmanager
    def _committing(self) -> Iterator[None]:
        """Hold the commit lock: a commit is published whole before anyone opens it."""
        try:
            lock = hold_commit_lock(self.folder)
        except LockTimeout as exc:
            raise IndexBusyError(
                f"{self.folder}: another Tongwen process has been committing to the "
                f"search index for {COMMIT_WAIT:.0f} s"
            ) from exc
        try:
            yield
        finally:
            lock.release()

    # ---------------------------------------------------------------- keeping current
    def _signature(self, doc_id: str) -> bytes:
        return signature(self.library.doc_dir(doc_id))

    def ensure_current(
        self,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
        *,
        rebuild: bool = False,
    ) -> bool:
        """Bring the index up to date; True when it is complete (not cancelled).

        ``rebuild=True`` throws the index away and builds it again from the library
        (Settings ▸ Search ▸ Rebuild Index, ``check --reindex``).

        ``progress(done, total, message)`` is called as documents are indexed; the
        message says "rebuilding index" or "updating index".  A cancelled update
        leaves a consistent index that the next call continues.
        :class:`IndexBusyError` when another process writes the index for longer
        than :attr:`lock_wait`.
        """
        with self._lock, self._writing():
            why, self._damaged = self._damaged, None
            if rebuild:
                why = "a rebuild was asked for"
            if why is None and (self._store is None or self._changed()):
                why = self._load()
            if why is not None:
                log.info("rebuilding the search index: %s", why)
                self.rebuilt_because = why
                self._create()
            rebuilding = why is not None or not self._manifest.docs
            return self._update(
                progress, cancel, "rebuilding index" if rebuilding else "updating index"
            )

    def _create(self) -> None:
        """Start a new generation; the manifest names it only once it is committed."""
        self._close()
        self._data, self._store, self._whoosh = create_generation(self.folder)
        self._manifest = Manifest(INDEX_VERSION, data=self._data.name)
        self._fresh = True

    def _update(self, progress: Progress | None, cancel: Cancel | None, message: str) -> bool:
        known = self._manifest.docs
        ids = self.library.ids()
        present = set(ids)
        gone = [d for d in known if d not in present]
        del present
        # No table of every signature (10 MB at 100,000 documents): a document is
        # compared now and its signature taken again as it is indexed (the first
        # build compares nothing; a file changed in between is indexed again next time).
        todo = [d for d in ids if known.get(d) != self._signature(d)] if known else ids
        if not gone and not todo and not self._fresh:
            return True
        t0 = time.perf_counter()
        writer = self._whoosh.writer(limitmb=_WRITER_MB)
        finished = True
        # Postings are millions of small objects without cycles: the cyclic
        # collector would rescan them over and over, so pause it while indexing.
        collecting = gc.isenabled()
        gc.disable()
        try:
            for doc_id in gone:
                self._remove_doc(writer, doc_id)
                known.pop(doc_id, None)
            for n, doc_id in enumerate(todo):
                if cancel is not None and cancel():
                    finished = False
                    break
                if progress is not None:
                    progress(n, len(todo), message)
                now = self._signature(doc_id)
                if self._index_doc(writer, doc_id, body=text_changed(known.get(doc_id), now)):
                    known[doc_id] = now
            if progress is not None and finished:
                progress(len(todo), len(todo), message)
        finally:
            try:
                self._commit(writer, merge=len(todo) > 1000)
            finally:
                if collecting:
                    gc.enable()
        log.info("indexed %d documents in %.2f s", len(todo), time.perf_counter() - t0)
        return finished

    # ---------------------------------------------------------------- committing
    def _commit(self, writer: Any, *, merge: bool = False) -> None:
        """Publish what was written: durable files first, then the manifest.

        Appends, segments and whoosh's files are fsynced before the manifest that
        names them is replaced (itself fsynced), all under the commit lock.  A kill
        before the manifest leaves the previous commit in force (whoosh aside: its
        generation no longer matches, and the index is rebuilt).  If anything fails,
        this object drops what it holds and reopens from the manifest next time.
        """
        assert self._store is not None
        try:
            self._store.prepare(merge=merge)
            token = os.urandom(8).hex()
            with self._committing():
                table = self._store.write_table(token)
                writer.commit()
                self._publish(token, table)
        except BaseException:
            with contextlib.suppress(Exception):
                writer.cancel()
            self._close()
            raise
        self._fresh = False
        remove_old_generations(self.folder, self._data)

    def _publish(self, token: str, table: str) -> None:
        assert self._store is not None and self._data is not None
        files = record_files(
            self._data, self._store.files(), self._manifest.files, fresh=self._fresh
        )
        manifest = self._manifest
        manifest.files, manifest.table, manifest.token = files, table, token
        manifest.whoosh_generation = self._whoosh.latest_generation()
        write_manifest(self.folder, manifest)
        self._token = token
        self._store.committed()
        if self._open_searcher is not None:
            self._open_searcher.close()
        # reopened by the next search: a burst of small commits opens one, not one each
        self._open_searcher = self._slots_for = None

    def _remove_doc(self, writer: Any, doc_id: str) -> None:
        writer.delete_by_term("id", doc_id)
        assert self._store is not None
        self._store.remove(doc_id)

    def _index_doc(self, writer: Any, doc_id: str, *, body: bool = True) -> bool:
        """Index a document; ``body=False`` keeps its indexed body (only metadata changed)."""
        assert self._store is not None
        slot = None if body else self._store.slot_of(doc_id)
        try:
            record = self.library.summary(doc_id)  # not get(): the library keeps records
            if slot is None:
                slot = self._index_body(doc_id)
        except (KeyError, OSError, ValueError) as exc:
            log.warning("cannot index %s: %s", doc_id[:12], exc)
            return False
        writer.update_document(id=doc_id, slot=slot, **meta_fields(record, self._notes(doc_id)))
        return True

    def _index_body(self, doc_id: str) -> int:
        """Fold the document's reading text into the body store; its slot."""
        folded, edits = folded_body(self.library.text(doc_id))
        assert self._store is not None
        return self._store.add(doc_id, folded, edits)

    # ---------------------------------------------------------------- incremental
    def _on_library_event(self, event: str, doc_id: str) -> None:
        """Library listener: index the change now (runs in the library's thread)."""
        try:
            self.refresh([doc_id])
        except IndexBusyError as exc:
            log.warning("search index not updated for %s: %s", doc_id[:12], exc)

    def refresh(self, doc_ids: list[str]) -> None:
        """Re-index (or drop) these documents now, as they are in the library."""
        with self._lock, self._writing():
            if self._damaged:
                return  # ensure_current rebuilds it whole
            if (self._store is None or self._changed()) and self._load() is not None:
                return  # no usable index yet: ensure_current will build it whole
            self._refresh(doc_ids)

    def _refresh(self, doc_ids: list[str]) -> None:
        known = self._manifest.docs
        writer = self._whoosh.writer()
        try:
            for doc_id in doc_ids:
                try:
                    self.library.summary(doc_id)
                    present = True
                except KeyError:
                    present = False
                if not present:
                    self._remove_doc(writer, doc_id)
                    known.pop(doc_id, None)
                else:
                    now = self._signature(doc_id)
                    if self._index_doc(writer, doc_id, body=text_changed(known.get(doc_id), now)):
                        known[doc_id] = now
        finally:
            self._commit(writer)

    def update_notes(self, doc_id: str, notes_text: str) -> None:
        """Replace the annotation notes indexed for a document."""
        provider = self._notes
        self._notes = lambda d: notes_text if d == doc_id else provider(d)
        try:
            self.refresh([doc_id])
        finally:
            self._notes = provider

    # ---------------------------------------------------------------- searching
    def search(self, query: str, limit: int | None = 20) -> Any:
        """Search the library; see :func:`desktop.core.search.searcher.run_search`.

        Opens the newest commit first when another process (or another object)
        committed since.  :class:`IndexDamagedError` when the index's files turn out
        damaged: the index is closed and the next :meth:`ensure_current` (or search)
        rebuilds it.  :class:`IndexBusyError` when it must be rebuilt and another
        process is writing it.
        """
        from desktop.core.search.searcher import run_search
        from desktop.core.search.store import StoreError

        with self._lock:
            self._follow()
            for attempt in (1, 2):
                assert self._store is not None
                try:
                    searcher = self._searcher()
                    return run_search(
                        self._store,
                        searcher,
                        self.library,
                        query,
                        limit,
                        self._slot_column(searcher),
                    )
                # Damage is what the store found as it read (StoreError) or a file that
                # cannot be read.  Not IndexError, KeyError...: those are bugs, and must
                # surface rather than start a silent rebuild.
                except (StoreError, OSError) as exc:
                    if attempt == 1 and self._changed() and self._load() is None:
                        continue  # rewritten underneath this search: ask the new files
                    self._close()
                    self._damaged = f"a search found the index damaged ({exc!r})"
                    log.warning("%s: %s", self.folder, self._damaged)
                    raise IndexDamagedError(f"{self.folder}: {self._damaged}") from exc
            raise AssertionError("unreachable")

    def _follow(self) -> None:
        """Open the newest commit, or build the index if there is none to open."""
        if self._store is not None and not self._damaged and not self._changed():
            return
        if self._damaged or self._load() is not None:
            self.ensure_current()

    def _searcher(self) -> Any:
        """The whoosh searcher of the commit open (made with it, kept between searches)."""
        if self._open_searcher is None:
            self._open_searcher = self._whoosh.searcher()
        return self._open_searcher

    def _slot_column(self, searcher: Any) -> np.ndarray:
        """whoosh document number → body-store slot, read once per index generation."""
        import numpy as np

        if self._slots is None or self._slots_for is not searcher:
            column = searcher.reader().column_reader("slot")
            self._slots = np.fromiter(column, dtype=np.int64, count=searcher.doc_count_all())
            self._slots_for = searcher
        return self._slots
