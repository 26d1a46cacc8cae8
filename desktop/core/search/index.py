"""The library's search index: kept current, rebuilt when it cannot be trusted.

The files, their versions, the commit order and what a crash between two steps
leaves are specified in ``docs/search-store.md``.

The index lives in the user cache folder (``paths.index_dir(library.root)``), never
in the library::

    writer.lock      OS lock held by the one writer (never deleted)
    commit.lock      OS lock held while a commit is published or a reader opens one
    manifest.json    the last commit (see manifest.py): version, generation folder,
                     file lengths and checksums, per-document signatures
    g<N>/body/       the body store (store.py)
    g<N>/meta/       whoosh: titles, authors, sources, notes

The manifest records, per document, the size and modification time of
``text.txt``, ``meta.json`` and ``annotations.json``.
:meth:`SearchIndex.ensure_current` compares that with the library and updates what
changed, or rebuilds everything when the index is missing, from another version,
or damaged (a file's length or checksum does not match).  Nothing is lost by a
rebuild: the index is derived data.

Processes: the writer lock is an OS lock (:class:`desktop.core.locks.FileLock`), so
a killed writer never leaves the index locked and a pid in the file means nothing.
A rebuild writes a new generation folder and publishes it by replacing the
manifest; every process checks the manifest's token before a search and reopens
when someone else committed, so an index rebuilt underneath a window is picked up,
not reported as broken.  Old generations are removed by the writer, under its lock,
after the commit; a reader that still has one open keeps reading it (POSIX) or keeps
it alive (Windows refuses the removal, which is tried again at the next commit).

Threading: every method may be called from a worker thread.  Writes and searches
are serialised by one lock per :class:`SearchIndex`.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whoosh import index as whoosh_index

from desktop.core.annotations import read_notes
from desktop.core.fold import fold
from desktop.core.locks import FileLock, LockTimeout
from desktop.core.offsetmap import OffsetMap
from desktop.core.search.analysis import make_schema
from desktop.core.search.folded import flat_edits
from desktop.core.search.manifest import (
    MANIFEST,
    Manifest,
    ManifestError,
    crc_of,
    fsync_path,
    read_manifest,
    read_token,
    verify_files,
    write_manifest,
)
from desktop.core.views import ViewOptions, build_view

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
#: Seconds an opening process waits for another process's commit to be published.
COMMIT_WAIT = 30.0
#: Bytes of index files checksummed when an index is opened (lengths are always
#: checked; the body store checks what it reads beyond this; see manifest.py).
VERIFY_BYTES = 32 << 20
_WRITER_LOCK = "writer.lock"
_COMMIT_LOCK = "commit.lock"
_GENERATION = re.compile(r"g(\d+)")
#: whoosh estimates its pool at about a quarter of what it really holds
_WRITER_MB = 32

Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]
NotesProvider = Callable[[str], str]


class IndexBusyError(RuntimeError):
    """Another running process is writing this index (for longer than we waited)."""


class IndexDamagedError(RuntimeError):
    """A search found the index's files damaged; the next update rebuilds it."""


def _stat(path: str) -> list[int]:
    try:
        st = os.stat(path)
    except OSError:
        return [0, -1]
    return [st.st_mtime_ns, st.st_size]


def _notes_from_file(doc_dir: Path) -> str:
    """The notes of a document's live annotations, as the annotations package reads them."""
    return "\n".join(read_notes(doc_dir))


def _text_changed(before: list[int] | None, now: list[int]) -> bool:
    """Whether a document's text changed since it was indexed (or was never indexed).

    A signature starts with the text file's modification time and size; a change of
    metadata or annotations alone keeps the indexed body (a note on a 10 MB novel
    must not fold the novel again).
    """
    return before is None or before[:2] != now[:2]


def reading_text(canonical: str) -> tuple[str, OffsetMap]:
    """What the reader reads (the clean view in the original script) and its map.

    Returns the view text and its ``OffsetMap`` canonical→view.
    """
    view = build_view(canonical, ViewOptions(clean=True, script="original"))
    return view.text, view.map


class SearchIndex:
    """Full-text search over one library (see the module docstring)."""

    def __init__(self, library: Any, folder: Path, notes: NotesProvider | None = None) -> None:
        self.library = library
        self.folder = folder
        self._notes = notes or (lambda doc_id: _notes_from_file(library.doc_dir(doc_id)))
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
        try:
            manifest = read_manifest(self.folder)
        except FileNotFoundError:
            return "the index is missing"
        except (OSError, ManifestError) as exc:
            return f"the index manifest is unreadable ({exc})"
        if manifest.version != INDEX_VERSION:
            return f"the index is from version {manifest.version!r}"
        if not _GENERATION.fullmatch(manifest.data):
            return f"the index manifest names no generation folder ({manifest.data!r})"
        data = self.folder / manifest.data
        problem = verify_files(data, manifest.files, VERIFY_BYTES)
        if problem is not None:
            return f"the index is damaged: {problem}"
        from desktop.core.search.store import BodyStore, StoreError

        table = manifest.files.get(f"body/{manifest.table}", [0, 0])
        try:
            store = BodyStore.load(data / "body", manifest.table, table[1])
        except StoreError as exc:
            return f"the index is damaged ({exc})"
        try:
            ix = whoosh_index.open_dir(str(data / "meta"))
            if ix.latest_generation() != manifest.whoosh_generation:
                raise ManifestError("interrupted while it was being committed")
            searcher = ix.searcher()
        except Exception as exc:  # whoosh raises many kinds on damaged files
            store.close()
            return f"the index is unreadable ({exc})"
        self._close()
        self._store, self._whoosh, self._open_searcher = store, ix, searcher
        self._manifest, self._data, self._token = manifest, data, manifest.token
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
        self.folder.mkdir(parents=True, exist_ok=True)
        lock = FileLock(self.folder / _WRITER_LOCK, timeout=0)
        try:
            lock.acquire()
        except LockTimeout:
            lock = self._wait_for_writer()
        self._writer_lock = lock
        try:
            yield
        finally:
            self._writer_lock = None
            lock.release()

    def _wait_for_writer(self) -> FileLock:
        if self.on_wait is not None and self.lock_wait > 0:
            self.on_wait(
                "another Tongwen process is updating the search index; "
                f"waiting up to {self.lock_wait:.0f} s for it to finish"
            )
        lock = FileLock(self.folder / _WRITER_LOCK, timeout=self.lock_wait)
        try:
            lock.acquire()
        except LockTimeout as exc:
            raise IndexBusyError(
                f"{self.folder}: another Tongwen process is updating the search index"
            ) from exc
        return lock

    @contextlib.contextmanager
    def _committing(self) -> Iterator[None]:
        """Hold the commit lock: a commit is published whole before anyone opens it."""
        self.folder.mkdir(parents=True, exist_ok=True)
        lock = FileLock(self.folder / _COMMIT_LOCK, timeout=COMMIT_WAIT)
        try:
            lock.acquire()
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
    def _signature(self, doc_id: str) -> list[int]:
        # plain strings: pathlib costs more than the stat calls on 100,000 documents
        folder = os.fspath(self.library.doc_dir(doc_id))
        return (
            _stat(os.path.join(folder, "text.txt"))
            + _stat(os.path.join(folder, "meta.json"))
            + _stat(os.path.join(folder, "annotations.json"))
        )

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
        numbers = [
            int(m.group(1))
            for path in self.folder.iterdir()
            if (m := _GENERATION.fullmatch(path.name)) is not None
        ]
        data = self.folder / f"g{max(numbers, default=0) + 1}"
        (data / "meta").mkdir(parents=True)
        self._whoosh = whoosh_index.create_in(str(data / "meta"), make_schema())
        from desktop.core.search.store import BodyStore

        self._store = BodyStore.create(data / "body")
        self._data = data
        self._manifest = Manifest(INDEX_VERSION, data=data.name)
        self._fresh = True

    def _update(self, progress: Progress | None, cancel: Cancel | None, message: str) -> bool:
        known = self._manifest.docs
        current = {rec.id: self._signature(rec.id) for rec in self.library.documents()}
        gone = [d for d in known if d not in current]
        todo = [d for d, sig in current.items() if known.get(d) != sig]
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
                body = _text_changed(known.get(doc_id), current[doc_id])
                if self._index_doc(writer, doc_id, body=body):
                    known[doc_id] = current[doc_id]
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
        self._remove_old_generations()

    def _publish(self, token: str, table: str) -> None:
        assert self._store is not None and self._data is not None
        data, previous = self._data, self._manifest.files
        files: dict[str, list[int]] = {}
        for name, known in self._store.files().items():
            rel = f"body/{name}"
            files[rel] = list(known) if known is not None else _record(data, rel, previous)
        for path in sorted((data / "meta").iterdir()):
            if path.is_file() and "LOCK" not in path.name and not path.name.startswith("."):
                rel = f"meta/{path.name}"
                if rel not in previous:
                    fsync_path(path)  # whoosh itself never fsyncs
                files[rel] = _record(data, rel, previous)
        # New entries: whoosh's files always; g<N>/ and its folders in a new generation
        # only (the body folder is synced by write_table, the manifest's by its write).
        for folder in (data / "meta", data, self.folder) if self._fresh else (data / "meta",):
            fsync_path(folder)
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

    def _remove_old_generations(self) -> None:
        """Remove what no commit names any more (under the writer lock).

        Older generations, the pre-generation layout and interrupted temp files.  A
        process still reading an old generation keeps its open files (POSIX); where
        the system refuses (Windows), the rest is removed at a later commit.
        """
        keep = {MANIFEST, _WRITER_LOCK, _COMMIT_LOCK}
        for path in self.folder.iterdir():
            if path.name in keep or path == self._data:
                continue
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    path.unlink()

    def _remove_doc(self, writer: Any, doc_id: str) -> None:
        writer.delete_by_term("id", doc_id)
        assert self._store is not None
        self._store.remove(doc_id)

    def _index_doc(self, writer: Any, doc_id: str, *, body: bool = True) -> bool:
        """Index a document; ``body=False`` keeps its indexed body (only metadata changed)."""
        assert self._store is not None
        slot = None if body else self._store.slot_of(doc_id)
        try:
            record = self.library.get(doc_id)
            if slot is None:
                slot = self._index_body(doc_id)
        except (KeyError, OSError, ValueError) as exc:
            log.warning("cannot index %s: %s", doc_id[:12], exc)
            return False
        writer.update_document(
            id=doc_id,
            slot=slot,
            title=record.title or "",
            author=record.author or "",
            source=record.source or "",
            notes=self._notes(doc_id) or "",
            script=(record.script or "").lower(),
            format=(record.format or "").lower(),
            tags=",".join(record.tags),
            published=record.published or "",
            imported=record.imported or "",
        )
        return True

    def _index_body(self, doc_id: str) -> int:
        """Fold the document's reading text into the body store; its slot."""
        text, view_map = reading_text(self.library.text(doc_id))
        folded, fold_map = fold(text)
        mapping = view_map.compose(fold_map)
        assert self._store is not None
        return self._store.add(doc_id, folded, flat_edits(mapping))

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
                    self.library.get(doc_id)
                    present = True
                except KeyError:
                    present = False
                if not present:
                    self._remove_doc(writer, doc_id)
                    known.pop(doc_id, None)
                else:
                    signature = self._signature(doc_id)
                    body = _text_changed(known.get(doc_id), signature)
                    if self._index_doc(writer, doc_id, body=body):
                        known[doc_id] = signature
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


def _record(data: Path, rel: str, previous: dict[str, list[int]]) -> list[int]:
    """[length, CRC-32] of a file that never changes once written (kept if known)."""
    size = (data / rel).stat().st_size
    known = previous.get(rel)
    if known is not None and known[0] == size:
        return list(known)
    return [size, crc_of(data / rel)]
