"""The library's search index: kept current, rebuilt when it cannot be trusted.

The index lives in the user cache folder (``paths.index_dir(library.root)``), never
in the library.  ``manifest.json`` stamps it with :data:`INDEX_VERSION` and records,
per document, the size and modification time of ``text.txt``, ``meta.json`` and
``annotations.json``.  :meth:`SearchIndex.ensure_current` compares that with the
library and updates what changed, or rebuilds everything when the index is
missing, from another version, unreadable, or was left locked by a process that no
longer runs.  Nothing is lost by a rebuild: the index is derived data.

Threading: every method may be called from a worker thread.  Writes and searches
are serialised by one lock per :class:`SearchIndex`; across processes a lock file
holding the writer's pid keeps a second writer out.
"""

from __future__ import annotations

import contextlib
import gc
import json
import logging
import os
import pickle
import shutil
import threading
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whoosh import index as whoosh_index

from desktop.core.search.analysis import make_schema
from desktop.core.search.fold import flat_edits, fold

if TYPE_CHECKING:
    import numpy as np

    from desktop.core.search.store import BodyStore

__all__ = ["INDEX_VERSION", "IndexBusyError", "IndexDamagedError", "SearchIndex"]

log = logging.getLogger(__name__)

#: Bump when the folding, the grams or the files change: older indexes are rebuilt.
INDEX_VERSION = 3
#: whoosh estimates its pool at about a quarter of what it really holds
_WRITER_MB = 32

Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]
NotesProvider = Callable[[str], str]


class IndexBusyError(RuntimeError):
    """Another running process is writing this index."""


class IndexDamagedError(RuntimeError):
    """A search found the index's files damaged; the next update rebuilds it."""


#: What a damaged body store raises while it is read.
_DAMAGE = (OSError, EOFError, IndexError, UnicodeDecodeError, zlib.error, pickle.UnpicklingError)


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists but not ours (PermissionError), or Windows quirks
        return True
    return True


def _stat(path: Path) -> list[int]:
    try:
        st = path.stat()
    except OSError:
        return [0, -1]
    return [st.st_mtime_ns, st.st_size]


def _notes_from_file(doc_dir: Path) -> str:
    """Annotation notes of a document, read tolerantly from ``annotations.json``."""
    try:
        data = json.loads((doc_dir / "annotations.json").read_text("utf-8"))
    except (OSError, ValueError):
        return ""
    notes: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if value.get("deleted"):
                return
            note = value.get("note")
            if isinstance(note, str) and note.strip():
                notes.append(note)
            for item in value.values():
                if isinstance(item, (dict, list)):
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    return "\n".join(notes)


def _text_changed(before: list[int] | None, now: list[int]) -> bool:
    """Whether a document's text changed since it was indexed (or was never indexed).

    A signature starts with the text file's modification time and size; a change of
    metadata or annotations alone keeps the indexed body (a note on a 10 MB novel
    must not fold the novel again).
    """
    return before is None or before[:2] != now[:2]


def reading_text(canonical: str) -> tuple[str, Any]:
    """What the reader reads (the clean view in the original script) and its map.

    Returns the view text and an ``OffsetMap`` canonical→view, or ``None`` for the
    identity while the view pipeline is not available.
    """
    try:
        from desktop.core.views import ViewOptions, build_view
    except ImportError:
        return canonical, None
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
        self._manifest: dict[str, Any] = {}
        self._stale_lock: str | None = None
        self._damaged: str | None = None  #: why the next update must rebuild
        self._open_searcher: Any = None
        self._slots_for: Any = None  #: the searcher ``_slots`` was read from
        self._slots: np.ndarray | None = None
        #: why the index was last rebuilt from scratch (None: never, by this object)
        self.rebuilt_because: str | None = None

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

    def _load(self) -> str | None:
        """Open what is on disk; the reason it cannot be used, or None."""
        manifest_path = self.folder / "manifest.json"
        try:
            manifest = json.loads(manifest_path.read_text("utf-8"))
        except FileNotFoundError:
            return "the index is missing"
        except (OSError, ValueError) as exc:
            return f"the index manifest is unreadable ({exc})"
        if manifest.get("version") != INDEX_VERSION:
            return f"the index is from version {manifest.get('version')!r}"
        from desktop.core.search.store import BodyStore, StoreError

        try:
            store = BodyStore.load(self.folder / "body")
            ix = whoosh_index.open_dir(str(self.folder / "meta"))
        except (StoreError, OSError, whoosh_index.IndexError) as exc:
            return f"the index is unreadable ({exc})"
        except Exception as exc:  # whoosh raises many kinds on damaged files
            return f"the index is unreadable ({exc!r})"
        self._close()
        self._store, self._whoosh, self._manifest = store, ix, manifest
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

    def close(self) -> None:
        """Release files; the index object may be opened again by ensure_current."""
        with self._lock:
            self._close()

    # ---------------------------------------------------------------- locking
    @contextlib.contextmanager
    def _writing(self) -> Any:
        self.folder.mkdir(parents=True, exist_ok=True)
        lock = self.folder / "writer.lock"
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            fd = self._take_stale_lock(lock)
        try:
            os.write(fd, str(os.getpid()).encode())
            os.close(fd)
            yield
        finally:
            with contextlib.suppress(OSError):
                lock.unlink()

    def _take_stale_lock(self, lock: Path) -> int:
        try:
            pid = int(lock.read_text().strip() or "0")
        except (OSError, ValueError):
            pid = 0
        if pid != os.getpid() and _pid_alive(pid):
            raise IndexBusyError(
                f"{self.folder}: the search index is being written by process {pid}"
            )
        log.warning("removing a stale index lock left by process %s", pid)
        self._stale_lock = f"the index was left locked by process {pid}, which is gone"
        lock.unlink(missing_ok=True)
        self._manifest = {}
        return os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)

    # ---------------------------------------------------------------- keeping current
    def _signature(self, doc_id: str) -> list[int]:
        folder = self.library.doc_dir(doc_id)
        return (
            _stat(folder / "text.txt")
            + _stat(folder / "meta.json")
            + _stat(folder / "annotations.json")
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
        (Settings ▸ Search ▸ Rebuild Index).

        ``progress(done, total, message)`` is called as documents are indexed; the
        message says "rebuilding index" or "updating index".  A cancelled update
        leaves a consistent index that the next call continues.
        """
        with self._lock, self._writing():
            why, self._stale_lock = self._stale_lock, None
            why, self._damaged = why or self._damaged, None
            if rebuild:
                why = "a rebuild was asked for"
            if self._store is None:
                why = why or self._load()
            if why is not None:
                log.info("rebuilding the search index: %s", why)
                self.rebuilt_because = why
                self._create()
            rebuilding = why is not None or not self._manifest.get("docs")
            return self._update(
                progress, cancel, "rebuilding index" if rebuilding else "updating index"
            )

    def _create(self) -> None:
        self._close()
        with contextlib.suppress(FileNotFoundError):
            shutil.rmtree(self.folder / "meta")
        (self.folder / "meta").mkdir(parents=True)
        self._whoosh = whoosh_index.create_in(str(self.folder / "meta"), make_schema())
        from desktop.core.search.store import BodyStore

        self._store = BodyStore.create(self.folder / "body")
        self._manifest = {"version": INDEX_VERSION, "docs": {}}
        self._write_manifest()

    def _write_manifest(self) -> None:
        tmp = self.folder / "manifest.json.tmp"
        tmp.write_text(json.dumps(self._manifest), "utf-8")
        os.replace(tmp, self.folder / "manifest.json")

    def _update(self, progress: Progress | None, cancel: Cancel | None, message: str) -> bool:
        known: dict[str, list[int]] = self._manifest.setdefault("docs", {})
        current = {rec.id: self._signature(rec.id) for rec in self.library.documents()}
        gone = [d for d in known if d not in current]
        todo = [d for d, sig in current.items() if known.get(d) != sig]
        if not gone and not todo:
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
            writer.commit()
            assert self._store is not None
            self._store.save(merge=len(todo) > 1000)
            self._write_manifest()
            if collecting:
                gc.enable()
        log.info("indexed %d documents in %.2f s", len(todo), time.perf_counter() - t0)
        return finished

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
            published=record.published or "",
            imported=record.imported or "",
        )
        return True

    def _index_body(self, doc_id: str) -> int:
        """Fold the document's reading text into the body store; its slot."""
        text, view_map = reading_text(self.library.text(doc_id))
        folded, fold_map = fold(text)
        mapping = fold_map if view_map is None else view_map.compose(fold_map)
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
        with self._lock:
            if self._store is None and self._load() is not None:
                return  # no usable index yet: ensure_current will build it whole
            with self._writing():
                self._refresh(doc_ids)

    def _refresh(self, doc_ids: list[str]) -> None:
        known: dict[str, list[int]] = self._manifest.setdefault("docs", {})
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
            writer.commit()
            assert self._store is not None
            self._store.save()
            self._write_manifest()

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

        :class:`IndexDamagedError` when the index's files turn out damaged: the index
        is closed and the next :meth:`ensure_current` (or search) rebuilds it.
        """
        from desktop.core.search.searcher import run_search

        with self._lock:
            if self._store is None and (self._damaged or self._load() is not None):
                self.ensure_current()
            assert self._store is not None
            from desktop.core.search.store import StoreError

            try:
                searcher = self._searcher()
                return run_search(
                    self._store, searcher, self.library, query, limit, self._slot_column(searcher)
                )
            except (StoreError, *_DAMAGE) as exc:
                self._close()
                self._damaged = f"a search found the index damaged ({exc!r})"
                log.warning("%s: %s", self.folder, self._damaged)
                raise IndexDamagedError(f"{self.folder}: {self._damaged}") from exc

    def _searcher(self) -> Any:
        """A whoosh searcher over the current index, kept open between searches."""
        if self._open_searcher is None:
            self._open_searcher = self._whoosh.searcher()
        else:
            # refresh() re-uses what is still current and closes the rest
            self._open_searcher = self._open_searcher.refresh()
        return self._open_searcher

    def _slot_column(self, searcher: Any) -> np.ndarray:
        """whoosh document number → body-store slot, read once per index generation."""
        import numpy as np

        if self._slots is None or self._slots_for is not searcher:
            column = searcher.reader().column_reader("slot")
            self._slots = np.fromiter(column, dtype=np.int64, count=searcher.doc_count_all())
            self._slots_for = searcher
        return self._slots
