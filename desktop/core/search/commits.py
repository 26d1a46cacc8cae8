"""The index folder on disk: its two locks, its generation folders and its commits.

``docs/search-store.md`` specifies the files, their versions, the commit order and
what a crash between two steps leaves.  The folder, in the user cache
(``paths.index_dir(library.root)``), never in the library::

    writer.lock      OS lock held by the one writer (never deleted)
    commit.lock      OS lock held while a commit is published or a reader opens one
    manifest.json    the last commit (see manifest.py): version, generation folder,
                     file lengths and checksums, per-document signatures
    g<N>/body/       the body store (store.py)
    g<N>/meta/       whoosh: titles, authors, sources, notes

Both locks are OS locks (:class:`desktop.core.locks.FileLock`), so a killed writer
never leaves the index locked and a pid in the file means nothing.  A rebuild writes
a new generation folder, published by replacing the manifest; old generations are
removed by the writer, under its lock, after the commit.  A reader that still has
one open keeps reading it (POSIX) or keeps it alive (Windows refuses the removal,
which is tried again at the next commit).

This module opens, creates and tidies; :class:`desktop.core.search.index.SearchIndex`
decides when, and writes the manifest that commits.
"""

from __future__ import annotations

import contextlib
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whoosh import index as whoosh_index

from desktop.core.locks import FileLock, LockTimeout
from desktop.core.search.analysis import make_schema
from desktop.core.search.manifest import (
    MANIFEST,
    Manifest,
    ManifestError,
    crc_of,
    fsync_path,
    read_manifest,
    verify_files,
)

if TYPE_CHECKING:
    from desktop.core.search.store import BodyStore

__all__ = [
    "COMMIT_WAIT",
    "VERIFY_BYTES",
    "Opened",
    "create_generation",
    "hold_commit_lock",
    "hold_writer_lock",
    "open_commit",
    "record_files",
    "remove_old_generations",
]

#: Seconds an opening process waits for another process's commit to be published.
COMMIT_WAIT = 30.0
#: Bytes of index files checksummed when an index is opened (lengths are always
#: checked; the body store checks what it reads beyond this; see manifest.py).
VERIFY_BYTES = 32 << 20
_WRITER_LOCK = "writer.lock"
_COMMIT_LOCK = "commit.lock"
_GENERATION = re.compile(r"g(\d+)")


@dataclass
class Opened:
    """The commit in force, opened: its manifest, generation folder and stores."""

    manifest: Manifest
    data: Path  #: the generation folder
    store: BodyStore
    whoosh: Any  #: whoosh's index of the metadata
    searcher: Any  #: a whoosh searcher made with it


# ---------------------------------------------------------------- locks
def hold_writer_lock(folder: Path, wait: float, on_wait: Callable[[str], None] | None) -> FileLock:
    """The writer lock of the index in ``folder``, acquired.

    When another process holds it, ``on_wait`` is told once, in words, and the lock
    is waited for up to ``wait`` seconds; then :class:`LockTimeout`.
    """
    folder.mkdir(parents=True, exist_ok=True)
    lock = FileLock(folder / _WRITER_LOCK, timeout=0)
    try:
        lock.acquire()
    except LockTimeout:
        if on_wait is not None and wait > 0:
            on_wait(
                "another Tongwen process is updating the search index; "
                f"waiting up to {wait:.0f} s for it to finish"
            )
        lock = FileLock(folder / _WRITER_LOCK, timeout=wait)
        lock.acquire()
    return lock


def hold_commit_lock(folder: Path) -> FileLock:
    """The commit lock, acquired (a commit is published whole before anyone opens it);
    :class:`LockTimeout` after :data:`COMMIT_WAIT` seconds."""
    folder.mkdir(parents=True, exist_ok=True)
    lock = FileLock(folder / _COMMIT_LOCK, timeout=COMMIT_WAIT)
    lock.acquire()
    return lock


# ---------------------------------------------------------------- opening
def open_commit(folder: Path, version: int) -> Opened | str:
    """Open what the last commit wrote (call under the commit lock), or say in words
    why it cannot be used: missing, from another version, damaged, interrupted."""
    try:
        manifest = read_manifest(folder)
    except FileNotFoundError:
        return "the index is missing"
    except (OSError, ManifestError) as exc:
        return f"the index manifest is unreadable ({exc})"
    if manifest.version != version:
        return f"the index is from version {manifest.version!r}"
    if not _GENERATION.fullmatch(manifest.data):
        return f"the index manifest names no generation folder ({manifest.data!r})"
    data = folder / manifest.data
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
    return Opened(manifest, data, store, ix, searcher)


# ---------------------------------------------------------------- writing
def create_generation(folder: Path) -> tuple[Path, BodyStore, Any]:
    """A new, empty generation folder after the highest one there: the folder, its
    body store and its whoosh index.  No manifest names it until it is committed."""
    numbers = [
        int(m.group(1))
        for path in folder.iterdir()
        if (m := _GENERATION.fullmatch(path.name)) is not None
    ]
    data = folder / f"g{max(numbers, default=0) + 1}"
    (data / "meta").mkdir(parents=True)
    whoosh = whoosh_index.create_in(str(data / "meta"), make_schema())
    from desktop.core.search.store import BodyStore

    return data, BodyStore.create(data / "body"), whoosh


def record_files(
    data: Path,
    body: dict[str, Any],
    previous: dict[str, list[int]],
    *,
    fresh: bool,
) -> dict[str, list[int]]:
    """[length, CRC-32] of every file of the generation ``data``, for the manifest,
    once the new ones are durable.

    ``body`` is the body store's own account of its files (None where it does not
    know); ``previous`` the last commit's records, kept for files that did not
    change.  whoosh's new files are fsynced here (whoosh itself never fsyncs), and
    the new folder entries: whoosh's always, ``g<N>/`` and the index folder's only in
    a ``fresh`` generation (the body folder is synced by the store's table write, the
    index folder's by the manifest's).
    """
    files: dict[str, list[int]] = {}
    for name, known in body.items():
        rel = f"body/{name}"
        files[rel] = list(known) if known is not None else _record(data, rel, previous)
    for path in sorted((data / "meta").iterdir()):
        if path.is_file() and "LOCK" not in path.name and not path.name.startswith("."):
            rel = f"meta/{path.name}"
            if rel not in previous:
                fsync_path(path)
            files[rel] = _record(data, rel, previous)
    for folder in (data / "meta", data, data.parent) if fresh else (data / "meta",):
        fsync_path(folder)
    return files


def _record(data: Path, rel: str, previous: dict[str, list[int]]) -> list[int]:
    """[length, CRC-32] of a file that never changes once written (kept if known)."""
    size = (data / rel).stat().st_size
    known = previous.get(rel)
    if known is not None and known[0] == size:
        return list(known)
    return [size, crc_of(data / rel)]


def remove_old_generations(folder: Path, keep: Path | None) -> None:
    """Remove what no commit names any more (call under the writer lock).

    Generations other than ``keep``, the pre-generation layout and interrupted temp
    files.  A process still reading an old generation keeps its open files (POSIX);
    where the system refuses (Windows), the rest is removed at a later commit.
    """
    names = {MANIFEST, _WRITER_LOCK, _COMMIT_LOCK}
    for path in folder.iterdir():
        if path.name in names or path == keep:
            continue
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                path.unlink()
