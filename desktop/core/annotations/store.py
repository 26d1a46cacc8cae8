"""The annotation store: owner of one document's ``annotations.json``.

Changes happen in memory and are cheap; :meth:`AnnotationStore.save` (or
:meth:`~AnnotationStore.flush`, for a UI timer or a worker thread) writes them.  A
save takes the file lock, re-reads the file if another process changed it, merges
sync tools' conflict copies, writes atomically with a ``.bak``, and only then moves
the merged conflict copies aside.  Problems found while loading (a damaged file set
aside, a backup used, items that did not parse) are in :attr:`AnnotationStore.warnings`.

A file that is there but cannot be read (an I/O error, a refused permission) is not
damaged: the store opens without its items (:attr:`AnnotationStore.unread`), keeps new
changes in memory, and writes nothing until a later save or :meth:`~AnnotationStore.
read_again` has read the file and merged it.  A file of a newer format version, the
main file or its backup, makes the store read-only and is never written over.

In the window, a :class:`~desktop.core.annotations.saver.BackgroundSaver` attaches
itself as :attr:`AnnotationStore.saver`: :meth:`~AnnotationStore.flush` then hands the
save to its thread instead of waiting for the disk or another process's lock.
"""

from __future__ import annotations

import errno
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol

from desktop.core.annotations.anchor import ReanchorReport, find_target
from desktop.core.annotations.document import (
    FILE_NAME,
    Loaded,
    build_document,
    parse_document,
    text_fingerprint,
    validate_document,
)
from desktop.core.annotations.export import to_w3c
from desktop.core.annotations.merge import conflict_copies, merge_items, merge_position
from desktop.core.annotations.model import (
    COLORS,
    Annotation,
    Position,
    make_target,
    new_id,
    utc_now,
)
from desktop.core.atomic import FutureVersionError, UnreadableFileError, read_json, write_json
from desktop.core.locks import FileLock

__all__ = ["AnnotationSaveError", "AnnotationStore"]

log = logging.getLogger(__name__)
_MERGED_DIR = ".merged-conflicts"


class AnnotationSaveError(OSError):
    """Saving failed; the changes are still in memory.  ``str(exc)`` says why."""


class _RangeView(Protocol):
    def view_range(self, start: int, end: int) -> tuple[int, int]: ...


class SaveRequests(Protocol):
    """What :meth:`AnnotationStore.flush` hands saves to (a background saver)."""

    def request(self) -> None: ...


def _describe(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        why = "the disk is full"
    elif isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
        why = "the folder is read-only or not writable"
    else:
        why = exc.strerror or str(exc)
    return f"could not save annotations to {path}: {why}; the changes are kept in memory"


def _describe_unread(path: Path, exc: OSError) -> str:
    return (
        f"{exc}; its annotations are not shown and nothing is saved over it until it "
        f"can be read (tried again on each save); new changes are kept in memory"
    )


class AnnotationStore:
    """Highlights, notes, bookmarks and reading position of one document."""

    def __init__(
        self,
        doc_dir: Path,
        *,
        text: str | None = None,
        clock: Callable[[], str] = utc_now,
        lock_timeout: float = 10.0,
    ) -> None:
        self.doc_dir = Path(doc_dir)
        self.path = self.doc_dir / FILE_NAME
        self.warnings: list[str] = []
        self.read_only = False
        #: why the file could not be read (an I/O error, not damage); None once read
        self.unread: OSError | None = None
        #: set by a background saver: :meth:`flush` hands saves to it
        self.saver: SaveRequests | None = None
        self.last_error: str | None = None  #: why the last save failed (English)
        self.last_exception: AnnotationSaveError | None = None  #: and the error itself
        self._clock = clock
        self._lock_timeout = lock_timeout
        self._text = text
        self._fingerprint = text_fingerprint(text) if text is not None else None
        self._items: dict[str, Annotation] = {}
        self._raw: list[dict[str, Any]] = []
        self._position = Position()
        self._generation = 0
        self._saved_generation = 0
        self._unsaved_ids: dict[str, int] = {}  # item id -> generation of its last change
        self._disk_sig: tuple[int, int, int] | None = None
        self._mutex = threading.RLock()
        self._save_mutex = threading.Lock()

    # ----------------------------------------------------------------- loading
    @classmethod
    def open(cls, doc_dir: Path, *, text: str | None = None, **kwargs: Any) -> AnnotationStore:
        """Load ``doc_dir/annotations.json`` (missing: empty).  With ``text`` (the
        canonical text), annotations made on a different text are re-anchored."""
        store = cls(doc_dir, text=text, **kwargs)
        store._load()
        return store

    def _read_disk(self) -> Loaded:
        # Stat before reading: if the file is replaced in between, the next save
        # sees a changed signature and reads it again.
        signature = self._signature()
        try:
            result = read_json(self.path, default=dict, validate=validate_document)
        except UnreadableFileError as exc:
            self.read_only = True
            raise AnnotationSaveError(
                f"{self.path} was written by a newer version of Tongwen; it is shown "
                f"read-only and will not be overwritten ({exc})"
            ) from exc
        except OSError as exc:  # FileReadError: there, but unread; its content unknown
            self.unread = exc
            raise AnnotationSaveError(_describe_unread(self.path, exc)) from exc
        self.unread = None
        self._disk_sig = signature if not result.set_aside else None
        for problem in result.problems:
            self._warn(f"{self.path.name}: {problem}")
        for aside in result.set_aside:
            self._warn(f"the damaged file was kept as {aside.name}")
        if result.from_backup:
            self._warn(f"{self.path.name}: loaded the backup; the latest changes may be missing")
        if not result.value:
            return Loaded()
        loaded = parse_document(result.value)
        for problem in loaded.problems:
            self._warn(f"{self.path.name}: {problem}")
        return loaded

    def _load(self) -> None:
        try:
            loaded = self._read_disk()
        except AnnotationSaveError as exc:
            if self.unread is None:
                self._warn(str(exc))
                return
            # Not a repair: nothing was set aside or replaced.  Said as a save problem.
            log.warning("%s", exc)
            self.last_error, self.last_exception = str(exc), exc
            return
        self._absorb(loaded)
        for copy_path, copy in self._read_conflict_copies():
            self._absorb(copy)
            self._warn(f"merged the sync conflict copy {copy_path.name}")
            self._touch()
        stored = loaded.fingerprint
        if self._text is not None and stored and stored != self._fingerprint:
            report = self.reanchor(self._text)
            self._warn(f"the document's text changed; annotations re-anchored: {report.summary}")

    def _absorb(self, loaded: Loaded) -> None:
        with self._mutex:
            merged = merge_items(self._items.values(), loaded.items)
            self._items = {i.id: i for i in merged}
            self._position = merge_position(self._position, loaded.position)
            known = {repr(r) for r in self._raw}
            self._raw += [r for r in loaded.raw if repr(r) not in known]

    def _read_conflict_copies(self) -> list[tuple[Path, Loaded]]:
        found = []
        for path in conflict_copies(self.doc_dir):
            try:
                value = read_json(path, validate=validate_document).value
            except (UnreadableFileError, OSError, ValueError) as exc:
                self._warn(f"{path.name} looks like a conflict copy but was not merged: {exc}")
                continue
            found.append((path, parse_document(value)))
        return found

    def _warn(self, message: str) -> None:
        if message not in self.warnings:
            log.warning("%s", message)
            self.warnings.append(message)

    def _signature(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    # ----------------------------------------------------------------- reading
    def items(self, *, include_deleted: bool = False) -> list[Annotation]:
        """Items in text order (orphans by their last known place)."""
        with self._mutex:
            found = [i for i in self._items.values() if include_deleted or i.alive]
        return sorted(found, key=lambda i: (i.target.start, i.target.end, i.created))

    def get(self, item_id: str) -> Annotation:
        """The item with this id (tombstones included); ``KeyError`` if there is none."""
        with self._mutex:
            return self._items[item_id]

    @property
    def position(self) -> Position:
        return self._position

    @property
    def dirty(self) -> bool:
        return self._generation != self._saved_generation

    @property
    def unsaved_count(self) -> int:
        """Highlights, notes and bookmarks added, changed or deleted since the last save."""
        with self._mutex:
            return len(self._unsaved_ids)

    @property
    def text(self) -> str:
        if self._text is None:
            raise ValueError(f"{self.doc_dir}: the store was opened without the document text")
        return self._text

    def view_ranges(self, view: _RangeView) -> list[tuple[str, int, int, str | None]]:
        """``(id, view start, view end, colour)`` of live, anchored highlights and notes."""
        out = []
        for item in self.items():
            if item.kind != "bookmark" and not item.orphaned:
                start, end = view.view_range(item.target.start, item.target.end)
                out.append((item.id, start, end, item.color))
        return out

    # ----------------------------------------------------------------- editing
    def _touch(self) -> None:
        self._generation += 1

    def _put(self, item: Annotation) -> Annotation:
        with self._mutex:
            self._items[item.id] = item
            self._touch()
            self._unsaved_ids[item.id] = self._generation
        return item

    def _new(self, kind: str, start: int, end: int, **fields: Any) -> Annotation:
        when = self._clock()
        target = make_target(self.text, start, end)
        return self._put(Annotation(new_id(), kind, target, when, when, **fields))

    def add_highlight(
        self, start: int, end: int, *, color: str = "yellow", note: str | None = None
    ) -> Annotation:
        """Highlight canonical ``[start, end)``; ``ValueError`` for a bad range or colour."""
        _check_color(color)
        _check_span(start, end)
        return self._new("highlight", start, end, color=color, note=note)

    def add_note(self, start: int, end: int, note: str) -> Annotation:
        """A note on canonical ``[start, end)`` (no highlight colour)."""
        _check_span(start, end)
        return self._new("note", start, end, note=note)

    def add_bookmark(self, offset: int, *, note: str | None = None) -> Annotation:
        """A bookmark at canonical ``offset``."""
        return self._new("bookmark", offset, offset, note=note)

    def update(self, item_id: str, **changes: Any) -> Annotation:
        """Change ``color`` and/or ``note`` of an item."""
        unknown = set(changes) - {"color", "note"}
        if unknown:
            raise ValueError(f"cannot change {', '.join(sorted(unknown))}")
        if changes.get("color") is not None:
            _check_color(changes["color"])
        return self._put(self.get(item_id).edited(self._clock(), **changes))

    def delete(self, item_id: str) -> None:
        """Delete an item, leaving a tombstone so that merges do not bring it back."""
        when = self._clock()
        self._put(self.get(item_id).edited(when, deleted=when))

    def set_position(self, offset: int) -> None:
        """Record the reading position; no disk access (saved by the next flush)."""
        with self._mutex:
            if offset != self._position.offset:
                self._position = Position(max(0, offset), self._clock())
                self._touch()

    def merge_in(self, items: Iterable[Annotation]) -> int:
        """Merge items from elsewhere (an import) by id; returns how many changed."""
        changed = 0
        with self._mutex:
            for item in items:
                have = self._items.get(item.id)
                winner = item if have is None else merge_items([have], [item])[0]
                if winner is not have:
                    self._items[item.id] = winner
                    self._unsaved_ids[item.id] = self._generation + 1
                    changed += 1
            if changed:
                self._touch()
        return changed

    def take_over(self, other: AnnotationStore) -> int:
        """Adopt the unsaved changes of another store of the same document (one still
        held, unsaved, when the document was opened again), so none is lost.  Returns
        how many unsaved items came over."""
        with other._mutex:
            loaded = Loaded(list(other._items.values()), list(other._raw), other._position)
            unsaved = list(other._unsaved_ids)
        self._absorb(loaded)
        with self._mutex:
            self._touch()
            for item_id in unsaved:
                self._unsaved_ids[item_id] = self._generation
        return len(unsaved)

    def reanchor(self, new_text: str) -> ReanchorReport:
        """Re-find every live item in ``new_text``; what is not found is kept as orphaned."""
        report = ReanchorReport()
        when = self._clock()
        with self._mutex:
            for item in list(self._items.values()):
                if item.alive:
                    moved = _reanchored(item, new_text, when, report)
                    if moved is not item:
                        self._items[item.id] = moved
                        self._unsaved_ids[item.id] = self._generation + 1
            self._text = new_text
            self._fingerprint = text_fingerprint(new_text)
            if self._position.offset > len(new_text):
                self._position = Position(len(new_text), when)
            self._touch()
        return report

    # ------------------------------------------------------------------ saving
    def flush(self) -> bool:
        """Save if there are unsaved changes.  False (and :attr:`last_error`) on failure.

        With a :attr:`saver` attached the save is handed to it and False returned at
        once (unless nothing is unsaved): the caller never waits for the disk or a lock.
        """
        if not self.dirty:
            return True
        if self.saver is not None:
            self.saver.request()
            return False
        try:
            self.save()
        except AnnotationSaveError as exc:
            self.last_error, self.last_exception = str(exc), exc
            return False
        return True

    def save(self, *, lock_timeout: float | None = None) -> int:
        """Merge with the file on disk and conflict copies, then write atomically.

        Returns how many item changes were written.  ``lock_timeout`` (seconds) bounds
        the wait for another process's lock (default: the store's).  Nothing is written
        while the file is :attr:`unread`: it is read first, and a failure is raised.
        """
        if self.read_only:  # the chain tells the UI why (a newer file), not the words
            raise AnnotationSaveError(
                f"{self.path} was written by a newer version of Tongwen; not saving over it"
            ) from FutureVersionError(f"{self.path} has a newer format version")
        timeout = self._lock_timeout if lock_timeout is None else lock_timeout
        with self._save_mutex:
            try:
                written = self._save_locked(timeout)
            except AnnotationSaveError:
                raise
            except OSError as exc:
                raise AnnotationSaveError(_describe(self.path, exc)) from exc
        self.last_error = self.last_exception = None
        return written

    def read_again(self) -> None:
        """Read a file an I/O error kept from being read, and merge what it holds.

        ``AnnotationSaveError`` while it still cannot be read.
        """
        with self._save_mutex:
            if self.unread is not None:
                self._absorb(self._read_disk())
        self.last_error = self.last_exception = None

    def write_copy(self, path: Path, *, title: str = "") -> int:
        """Write every live item to ``path`` as W3C Web Annotation JSON-LD, atomically.

        For keeping changes that cannot be saved in the library: File ▸ Import Annotations…
        or ``tongwen-cli annotations import`` merges the file back by id later.
        Returns how many items were written; ``OSError`` when writing fails.
        """
        value = to_w3c(self.items(), doc_id=self.doc_dir.name, title=title)
        write_json(path, value, backup=False)
        return int(value["total"])

    def _save_locked(self, timeout: float) -> int:
        self.doc_dir.mkdir(parents=True, exist_ok=True)
        with FileLock(self.path.with_name(FILE_NAME + ".lock"), timeout=timeout):
            if self.unread is not None or self._signature() != self._disk_sig:
                self._absorb(self._read_disk())
            copies = self._read_conflict_copies()
            for _, copy in copies:
                self._absorb(copy)
            with self._mutex:
                generation = self._generation
                doc = build_document(
                    list(self._items.values()), list(self._raw), self._position, self._fingerprint
                )
            write_json(self.path, doc)
            self._disk_sig = self._signature()
            written = self._mark_saved(generation)
            for path, _ in copies:
                self._set_aside_copy(path)
            self._remove_stale_temp_files()
        return written

    def _mark_saved(self, generation: int) -> int:
        """Everything changed up to ``generation`` is on disk; how many items that was."""
        with self._mutex:
            self._saved_generation = generation
            done = [i for i, g in self._unsaved_ids.items() if g <= generation]
            for item_id in done:
                del self._unsaved_ids[item_id]
        return len(done)

    def _remove_stale_temp_files(self) -> None:
        # Under the lock no other process is writing, so a temp file left here was
        # abandoned by a writer that died before its os.replace.
        for tmp in self.doc_dir.glob(f".{FILE_NAME}.*.tmp"):
            try:
                tmp.unlink()
            except OSError:
                pass

    def _set_aside_copy(self, path: Path) -> None:
        dest_dir = self.doc_dir / _MERGED_DIR
        try:
            dest_dir.mkdir(exist_ok=True)
            dest = dest_dir / path.name
            if dest.exists():
                dest = dest_dir / f"{path.stem}-{time.strftime('%Y%m%d-%H%M%S')}{path.suffix}"
            os.replace(path, dest)
        except OSError as exc:
            self._warn(f"merged {path.name} but could not move it aside: {exc}")


def _reanchored(item: Annotation, text: str, when: str, report: ReanchorReport) -> Annotation:
    found = find_target(text, item.target)
    if found is None:
        report.orphaned.append(item.id)
        return item if item.orphaned else item.edited(when, orphaned=True)
    same_place = (found.target.start, found.target.end) == (item.target.start, item.target.end)
    if same_place and not item.orphaned:
        report.unchanged.append(item.id)
        if found.target == item.target:
            return item
    else:
        (report.fuzzy if found.method == "fuzzy" else report.moved).append(item.id)
    return item.edited(when, target=found.target, orphaned=False)


def _check_color(color: str) -> None:
    if color not in COLORS:
        raise ValueError(f"unknown colour {color!r}; choose one of {', '.join(COLORS)}")


def _check_span(start: int, end: int) -> None:
    if not start < end:
        raise ValueError(f"range {start}..{end} is empty: the end must be after the start")
