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
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core import atomic

if TYPE_CHECKING:
    from desktop.core.catalogue import Catalogue
    from desktop.core.formats.base import Extracted
from desktop.core.errors import ImportRefused, Skip
from desktop.core.filesystem import LocationRisk, location_risk, location_warning
from desktop.core.locks import FileLock, LockTimeout
from desktop.core.paths import cache_dir, printable_path, readable_name
from desktop.core.picture_store import (
    PictureEntry,
    PictureUnavailable,
    picture_meta,
    read_picture,
    write_picture_files,
)
from desktop.core.record_table import RecordTable
from desktop.core.records import (
    DOC_FORMAT,
    DOC_VERSION,
    EDITABLE_FIELDS,
    LIBRARY_FORMAT,
    LIBRARY_VERSION,
    MAX_TAGS,
    REGION_CHOICES,
    TAG_MAX_CHARS,
    DocRecord,
    DocSummary,
    ImportResult,
    LibraryError,
    merge_user_edits,
    normal_tag,
    record_from_meta,
    salvage_user_edits,
    validate_library,
    validate_meta,
)
from desktop.core.trash import TrashEntry, delete_entry, entry_path, read_entry

__all__ = [
    "EDITABLE_FIELDS",
    "DocRecord",
    "ImportResult",
    "Library",
    "LibraryError",
    "PictureUnavailable",
]

log = logging.getLogger(__name__)

Listener = Callable[[str, str], None]
Progress = Callable[[int, int, str], None]

#: A document folder whose files changed this recently may still be arriving from a
#: sync tool: nothing is written into it (a write there makes the tool's conflict copy).
ARRIVAL_QUIET_SECONDS = 60.0
#: A ``.staging-*`` folder untouched this long, whose lock nobody holds, was left by a
#: killed import.  A live import holds the lock the whole time.
STALE_STAGING_SECONDS = 120.0
#: How long an edit waits for another process's edit of the same ``meta.json``.
META_LOCK_TIMEOUT = 10.0
#: How often (in folders) :meth:`Library.check_folders` reports its progress.
PROGRESS_EVERY = 250
#: Where merged sync conflict copies are kept (the same folder the annotations use).
MERGED_CONFLICTS_DIR = ".merged-conflicts"


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")


def _utc_now() -> str:
    """ISO 8601 UTC with milliseconds: edit times that compare across machines."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def meta_conflict_copies(folder: Path) -> list[Path]:
    """Files in a document folder that look like sync conflict copies of ``meta.json``."""
    from desktop.core.annotations.merge import conflict_copies

    return conflict_copies(folder, stem="meta")


def _meta_lock(folder: Path) -> FileLock:
    """The lock every process takes to change a document's ``meta.json``."""
    return FileLock(folder / "meta.json.lock", timeout=META_LOCK_TIMEOUT)


def _arrival_time(path: Path) -> float:
    """When ``path`` appeared here: the inode change time, which a sync tool cannot
    set back (it copies the sender's modification time)."""
    st = path.lstat()
    if os.name == "posix":
        return st.st_ctime
    return max(st.st_mtime, getattr(st, "st_birthtime", 0.0))


def _still_arriving(folder: Path) -> bool:
    try:
        newest = max((_arrival_time(p) for p in folder.iterdir()), default=0.0)
    except OSError:
        return False
    return time.time() - newest < ARRIVAL_QUIET_SECONDS


def _signature_or_blank(sign: Callable[[str], str], folder: str) -> str:
    try:
        return sign(folder)
    except OSError:
        return ""


def _apply_chapter_rule(meta: dict[str, Any], text: str) -> None:
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


class Library:
    """A library folder.  Thread-safe: imports may run in a worker thread."""

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
        #: Folders that could not be read, with their signature then (not read again
        #: until they change, so a periodic check does not repeat their warning).
        self._failed: dict[str, str] = {}
        self._listeners: list[Listener] = []
        #: Opened without a catalogue and without reading the folders: the first
        #: :meth:`check_folders` finds every document (``open(check=False)``).
        self.first_read_pending = False

    # ----------------------------------------------------------------- opening
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
                {"format": LIBRARY_FORMAT, "version": LIBRARY_VERSION, "created": _now()},
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

    def _remove_stale_staging(self, names: Iterable[str]) -> None:
        """Delete the ``.staging-*`` folders (and their locks) that killed imports left,
        of ``names`` (the ``docs`` folder's listing, taken by :meth:`check_folders`).

        The name holds a pid, but pids are reused: ownership is the lock instead,
        which the operating system drops when an import dies.  A folder is removed
        only when nobody holds its lock and it has not changed for a while.
        """
        now = time.time()
        staging = (n for n in names if n.startswith(".staging-"))
        for path in sorted(self.docs_dir / name for name in staging):
            is_lock = path.name.endswith(".lock")
            if is_lock and path.with_name(path.name.removesuffix(".lock")).exists():
                continue  # handled with its folder
            lock = path if is_lock else path.with_name(path.name + ".lock")
            try:
                if now - path.lstat().st_mtime < STALE_STAGING_SECONDS:
                    continue
                with FileLock(lock, timeout=0):
                    if not is_lock:
                        shutil.rmtree(path)
                lock.unlink(missing_ok=True)
            except LockTimeout:
                continue  # a running import owns it
            except OSError as exc:
                log.warning("could not remove the leftover import %s: %s", path, exc)
                continue
            log.info("removed %s, left by an interrupted import", path.name)

    def _load_records(self, *, check: bool = True) -> None:
        """Every document, first from the catalogue (a big library opens in a fraction
        of the time), then, with ``check``, from the files of every folder that changed
        since.  Without ``check`` the folders are not looked at (the window paints at
        once and calls :meth:`check_folders` in the background), unless there is no
        catalogue yet.

        Only each document's summary is read from the catalogue; its whole record is
        read when first asked for (:class:`~desktop.core.record_table.RecordTable`)."""
        catalogue = self._catalogue()
        cached = catalogue.summaries()
        catalogue.close()
        pending = {doc_id: summary for doc_id, (_sig, summary) in cached.items()}
        with self._lock:
            self._records = RecordTable(self._fetch_records, pending)
            self._signatures = {doc_id: sig for doc_id, (sig, _summary) in cached.items()}
        if not check and not cached and self._has_folders():
            # No catalogue yet (a first start after an upgrade, a cleared cache): the
            # window reads the folders in the background, with progress, rather than
            # before it paints (100,000 documents: half a minute).
            self.first_read_pending = True
        elif check or not cached:
            self.check_folders(emit=False)

    def _has_folders(self) -> bool:
        with os.scandir(self.docs_dir) as entries:
            return any(not e.name.startswith(".") and e.is_dir() for e in entries)

    def _fetch_records(self, ids: list[str]) -> dict[str, DocRecord]:
        """The records of ``ids`` from the catalogue; one whose row is gone or cannot be
        read (another process rebuilt the catalogue, a newer version wrote it) is read
        from its folder, as a check would."""
        from desktop.core.catalogue import Catalogue

        catalogue = self._catalogue()
        rows = catalogue.records(ids)
        catalogue.close()
        found: dict[str, DocRecord] = {}
        for doc_id in ids:
            signature, text = rows.get(doc_id, ("", ""))
            record = Catalogue.record(text) if text else None
            if record is not None and record.id == doc_id:
                found[doc_id] = record
                self._signatures[doc_id] = signature
                continue
            record = self._read_record(self.docs_dir / doc_id)
            if record is not None:
                found[doc_id] = record
                self._signatures.pop(doc_id, None)  # checked again next time
        return found

    def _catalogue(self) -> Catalogue:
        from desktop.core.catalogue import Catalogue, catalogue_path

        return Catalogue(catalogue_path(cache_dir(), self.root))

    def check_folders(
        self, *, emit: bool = True, progress: Callable[[int, int], None] | None = None
    ) -> list[tuple[str, str]]:
        """Look at every document folder and read again those changed since their record
        was made (another process, a sync tool); drop those gone.  Returns the events
        (``added``, ``meta-changed``, ``removed``) and, with ``emit``, sends them.
        ``progress(done, total)`` hears how far it is, every few hundred folders.

        Safe in a worker thread while the window runs.  A change that lands while a
        folder is read is caught by the next check: the signature is taken first.
        """
        with os.scandir(self.docs_dir) as entries:
            listing = [(e.name, e.is_dir()) for e in entries]
        self._remove_stale_staging(name for name, _ in listing)
        names = sorted(name for name, is_dir in listing if is_dir and not name.startswith("."))
        with self._lock:
            known = dict(self._signatures)
            listed = set(self._records)
        changed: dict[str, tuple[str, DocRecord]] = {}
        events: list[tuple[str, str]] = []
        for done, name in enumerate(names):  # a record's id is its folder's name
            if progress is not None and done % PROGRESS_EVERY == 0:
                progress(done, len(names))
            outcome = self._check_folder(name, known.get(name), changed)
            if outcome == "read":
                events.append(("meta-changed" if name in listed else "added", name))
            elif outcome == "unreadable" and name in listed:
                events.append(("removed", name))
        present = set(names)
        events += [("removed", doc_id) for doc_id in sorted(listed - present)]
        removed = {doc_id for event, doc_id in events if event == "removed"}
        with self._lock:
            for doc_id in removed:
                self._records.pop(doc_id, None)
                self._signatures.pop(doc_id, None)
        catalogue = self._catalogue()
        catalogue.update(changed, removed | (set(known) - present))
        catalogue.close()
        self.first_read_pending = False
        if progress is not None:
            progress(len(names), len(names))
        if emit:
            for event, doc_id in events:
                self._emit(event, doc_id)
        return events

    def _check_folder(
        self, name: str, known: str | None, changed: dict[str, tuple[str, DocRecord]]
    ) -> str | None:
        """Read one folder again if its signature changed: "read" (its record is new or
        renewed), "unreadable", or None (unchanged, or unreadable as before)."""
        from desktop.core.catalogue import folder_signature

        folder = self.docs_dir / name
        try:
            signature: str | None = folder_signature(folder)
        except OSError:
            signature = None
        if signature is not None and signature in (known, self._failed.get(name)):
            return None
        record = self._read_record(folder)
        if record is None:  # its signature as the read left it (it may set files aside)
            self._failed[name] = _signature_or_blank(folder_signature, os.fspath(folder))
            return "unreadable"
        self._failed.pop(name, None)
        trusted = signature is not None and not self._warned(folder)
        with self._lock:
            self._records[record.id] = record
            if trusted:
                self._signatures[record.id] = signature  # type: ignore[assignment]
            else:
                self._signatures.pop(record.id, None)
        if trusted:
            changed[record.id] = (signature, record)  # type: ignore[assignment]
        return "read"

    def _warned(self, folder: Path) -> bool:
        """Whether reading ``folder`` left a warning (a repair, a conflict copy left
        alone): such a folder is read again next time, not taken from the catalogue."""
        return any(w.startswith(folder.name[:12]) for w in self.warnings)

    def _read_record(self, folder: Path) -> DocRecord | None:
        try:
            return self._load_record(folder)
        except Exception as exc:  # one folder never stops the library, not even a bug
            log.warning("cannot read the document folder %s", folder, exc_info=exc)
            self.warnings.append(f"{folder.name[:12]}: cannot be read ({exc}); skipped")
            return None

    def _load_record(self, folder: Path) -> DocRecord | None:
        meta_path = folder / "meta.json"
        try:
            result = atomic.read_json(
                meta_path, default=lambda: None, validate=_meta_validator(folder.name)
            )
        except atomic.UnreadableFileError as exc:  # a newer Tongwen's file
            self.warnings.append(f"{folder.name[:12]}: {exc}; left untouched")
            return None
        except atomic.FileReadError as exc:  # a disk or network error: not damage
            self.warnings.append(f"{folder.name[:12]}: {exc}; skipped for now, nothing changed")
            return None
        if result.value is None:
            why = result.message or "meta.json is missing"
            return self._rebuild_meta(folder, why, result.set_aside)
        if result.problems:
            self.warnings.append(f"{folder.name[:12]}: {result.message}")
        meta = result.value
        if result.from_backup:
            with _meta_lock(folder):
                atomic.write_json(meta_path, meta)
        if meta_conflict_copies(folder):
            meta = self._merge_meta_conflicts(folder) or meta
        record = record_from_meta(meta)
        self._attach_annotation_summary(record, folder)
        return record

    def _rebuild_meta(self, folder: Path, why: str, set_aside: list[Path]) -> DocRecord | None:
        """Re-extract metadata from the untouched original when meta.json is lost.

        The user's edits are kept from the set-aside file when they can be read.  A
        folder whose files are still arriving from a sync tool is not written into.
        """
        from desktop.core.formats import extract

        name = folder.name[:12]
        originals = sorted(folder.glob("original.*"))
        if not originals:
            self.warnings.append(f"{name}: {why}, and no original file; skipped")
            return None
        if not set_aside and _still_arriving(folder):
            self.warnings.append(
                f"{name}: {why}, but its files are still arriving (changed under "
                f"{ARRIVAL_QUIET_SECONDS:.0f} s ago); left alone until the next start"
            )
            return None
        data = originals[0].read_bytes()
        try:
            extracted = extract(originals[0], data)
        except ImportRefused as exc:
            self.warnings.append(f"{name}: {why}; original unreadable ({exc})")
            return None
        meta = self._meta_for(folder.name, originals[0].name, len(data), extracted)
        salvage_user_edits(meta, set_aside)
        with _meta_lock(folder):
            if not (folder / "text.txt").exists():
                atomic.write_text(folder / "text.txt", extracted.text)
            _keep_pictures_of_text(folder, meta, extracted)
            atomic.write_json(folder / "meta.json", meta)
        self.warnings.append(f"{name}: {why}; metadata rebuilt from the original")
        return record_from_meta(meta)

    def _merge_meta_conflicts(self, folder: Path) -> dict[str, Any] | None:
        """Merge sync conflict copies of ``meta.json`` field by field, newest edit wins.

        A copy is merged (and moved to ``.merged-conflicts/``) when every field in
        which it differs has an edit time to decide by; otherwise it is left where it
        is and reported, here and by ``check``.  Returns the merged metadata.
        """
        name = folder.name[:12]
        with _meta_lock(folder):
            meta = atomic.read_json(folder / "meta.json", validate=_meta_validator(folder.name))
            merged = meta.value
            for copy in meta_conflict_copies(folder):
                try:
                    theirs = _read_conflict_copy(copy, folder.name)
                except (OSError, ValueError) as exc:
                    self.warnings.append(
                        f"{name}: {copy.name} looks like a conflict copy of meta.json but "
                        f"cannot be merged ({exc}); left where it is"
                    )
                    continue
                candidate, taken, undecided = merge_user_edits(merged, theirs)
                if undecided:
                    self.warnings.append(
                        f"{name}: {copy.name} differs from meta.json in "
                        f"{', '.join(undecided)} and neither says when it was edited; "
                        "left where it is: compare the two and delete one"
                    )
                    continue
                if taken:
                    merged = candidate
                    atomic.write_json(folder / "meta.json", merged)
                _set_aside_merged(copy)
                self.warnings.append(
                    f"{name}: merged the sync conflict copy {copy.name}"
                    + (f" ({', '.join(taken)} taken from it)" if taken else "")
                )
        return merged

    def _attach_annotation_summary(self, record: DocRecord, folder: Path) -> None:
        from desktop.core.annotations.document import reading_state

        try:
            count, progress, read = reading_state(folder)
        except Exception as exc:  # a damaged annotations file must not hide the document
            log.warning("annotation summary of %s failed: %s", folder.name, exc)
            return
        record.annotations, record.progress, record.last_read = count, progress, read

    # ---------------------------------------------------------------- listening
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

    # ------------------------------------------------------------------ reading
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
        self.get(doc_id)
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

    def reload(self, doc_id: str) -> DocRecord:
        """Re-read one document's files (e.g. after its annotations changed)."""
        record = self._load_record(self.doc_dir(doc_id))
        if record is None:
            raise KeyError(doc_id)
        with self._lock:
            self._records[doc_id] = record
        return record

    # ---------------------------------------------------------------- importing
    def add_file(
        self, path: str | os.PathLike[str], *, encoding: str | None = None
    ) -> ImportResult:
        """Import one file.  Never raises for a bad file: the result says why.

        A symbolic link is refused like the folder walker refuses it: importing a
        link named ``notes.txt`` must not copy whatever file it points to.  A name
        that is not UTF-8 is stored and shown as :func:`readable_name` makes it.
        """
        from desktop.core.formats import check_size, extract

        src = Path(path)
        shown = printable_path(src)
        label = src.with_name(readable_name(src.name)) if src.name else src
        try:
            if src.is_symlink():
                raise ImportRefused("symbolic link (not followed)", code="link-not-followed")
            if not src.is_file():
                raise ImportRefused("not a regular file", code="not-a-file")
            check_size(src)
            data = src.read_bytes()
        except (ImportRefused, OSError) as exc:
            return ImportResult.failed(src, exc)
        doc_id = hashlib.sha256(data).hexdigest()
        with self._lock:
            existing = self._records.get(doc_id)
        if existing is not None:
            return ImportResult(shown, "duplicate", id=doc_id, title=existing.title)
        try:
            extracted = extract(label, data, encoding=encoding)
        except ImportRefused as exc:
            return ImportResult.failed(src, exc)
        except Exception as exc:  # a bug in a format handler must not stop an import
            log.exception("unexpected failure extracting %s", shown)
            return ImportResult(
                shown, "failed", error=f"unexpected error: {exc!r}", code="unexpected"
            )
        if not extracted.text.strip():
            return ImportResult(
                shown,
                "failed",
                error="the file contains no readable text",
                code="no-readable-text",
            )
        try:
            record = self._store(doc_id, label, data, extracted)
        except OSError as exc:
            return ImportResult(
                shown,
                "failed",
                error=f"could not write the library: {exc}",
                code="library-write-failed",
            )
        self._emit("added", doc_id)
        return ImportResult(shown, "imported", id=doc_id, title=record.title)

    def _meta_for(self, doc_id: str, original: str, size: int, ex: Extracted) -> dict[str, Any]:
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
            "imported": _now(),
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

    def _store(self, doc_id: str, src: Path, data: bytes, ex: Extracted) -> DocRecord:
        """Write a document folder in a staging folder, then rename it into place.

        The staging folder's lock (beside it) tells a later start that this import
        is alive; ``docs/`` is synced after the rename so the import survives a crash.
        """
        staging = self.docs_dir / f".staging-{doc_id[:16]}-{os.getpid()}-{threading.get_ident()}"
        lock_path = staging.with_name(staging.name + ".lock")
        try:
            with FileLock(lock_path, timeout=META_LOCK_TIMEOUT):
                try:
                    record = self._store_staged(staging, doc_id, src, data, ex)
                except BaseException:
                    shutil.rmtree(staging, ignore_errors=True)
                    raise
        finally:
            lock_path.unlink(missing_ok=True)
        log.info("imported %s as %s (%d chars)", printable_path(src), doc_id[:12], len(ex.text))
        return record

    def _store_staged(
        self, staging: Path, doc_id: str, src: Path, data: bytes, ex: Extracted
    ) -> DocRecord:
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        suffix = src.suffix.lower() if src.suffix and len(src.suffix) <= 10 else ".bin"
        atomic.write_bytes(staging / f"original{suffix}", data, backup=False)
        atomic.write_text(staging / "text.txt", ex.text, backup=False)
        write_picture_files(staging, ex.pictures)
        meta = self._meta_for(doc_id, src.name, len(data), ex)
        atomic.write_json(staging / "meta.json", meta, backup=False)
        target = self.doc_dir(doc_id)
        with self._lock:
            if target.exists():  # imported meanwhile by another process
                shutil.rmtree(staging, ignore_errors=True)
                record = self._load_record(target) or record_from_meta(meta)
            else:
                atomic.replace(staging, target)
                atomic.fsync_dir(self.docs_dir)  # the import survives a crash
                record = record_from_meta(meta)
            self._records[doc_id] = record
        return record

    def add_paths(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        encoding: str | None = None,
        progress: Progress | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> list[ImportResult]:
        """Import files and folders (recursively); one bad file never stops the others."""
        plan = self.plan_import(paths)
        results: list[ImportResult] = []
        for n, (path, skip) in enumerate(plan):
            if cancel is not None and cancel():
                break
            if progress is not None:
                progress(n, len(plan), str(path))
            if skip is not None:
                results.append(
                    ImportResult(printable_path(path), "skipped", error=skip.reason, code=skip.code)
                )
            else:
                results.append(self.add_file(path, encoding=encoding))
        if progress is not None:
            progress(len(results), len(plan), "")
        return results

    def plan_import(
        self, paths: Iterable[str | os.PathLike[str]]
    ) -> list[tuple[Path, Skip | None]]:
        """The files an import of ``paths`` would read, with a :class:`Skip` for each
        one left out (its code and English reason)."""
        plan: list[tuple[Path, Skip | None]] = []
        for raw in paths:
            path = Path(raw)
            if path.is_symlink():
                plan.append((path, Skip("link-not-followed", "symbolic link (not followed)")))
            elif path.is_dir():
                plan.extend(_walk(path))
            elif not path.exists():
                plan.append((path, Skip("not-found", "no such file")))
            else:
                plan.append((path, None))
        return plan

    def import_seeds_if_new(self, seeds: Path) -> list[ImportResult]:
        """On the first launch of a new, empty library, import the bundled seeds."""
        if not self.created or self._records:
            return []
        self.created = False
        return self.add_paths(sorted(seeds.glob("*.txt")))

    # ------------------------------------------------------------------ editing
    def _write_meta(self, doc_id: str, change: Callable[[dict[str, Any]], None]) -> DocRecord:
        """Apply ``change`` to ``meta.json`` as it is on disk, under its file lock.

        Reading under the lock (not from memory) is what keeps another process's
        edit of another field: each edit is applied to the latest file.
        """
        self.get(doc_id)
        with self._lock, _meta_lock(self.doc_dir(doc_id)):
            return self._write_meta_locked(doc_id, change)

    def _write_meta_locked(
        self, doc_id: str, change: Callable[[dict[str, Any]], None]
    ) -> DocRecord:
        path = self.doc_dir(doc_id) / "meta.json"
        try:
            meta = atomic.read_json(path, validate=_meta_validator(doc_id)).value
        except (atomic.UnreadableFileError, atomic.FileReadError, FileNotFoundError) as exc:
            raise LibraryError(
                f"{path} cannot be read ({exc}); nothing was changed, and the library "
                "rebuilds it from the original when it is opened again"
            ) from exc
        change(meta)
        validate_meta(meta)
        atomic.write_json(path, meta)
        old = self._records[doc_id]
        record = record_from_meta(meta)
        record.annotations, record.progress = old.annotations, old.progress
        self._records[doc_id] = record
        return record

    def update_meta(self, doc_id: str, **edits: str | None) -> DocRecord:
        """Set user edits of title/author/source/published; None or "" clears an edit.

        Each edit's time is kept in ``user_modified``, so sync conflict copies merge
        field by field.
        """
        unknown = set(edits) - set(EDITABLE_FIELDS)
        if unknown:
            raise ValueError(f"cannot edit {', '.join(sorted(unknown))}")
        if edits.get("published"):
            _check_date(str(edits["published"]))
        when = _utc_now()

        def change(meta: dict[str, Any]) -> None:
            user = meta.setdefault("user", {})
            times = meta.setdefault("user_modified", {})
            for key, value in edits.items():
                if value is None or not str(value).strip():
                    user.pop(key, None)
                else:
                    user[key] = str(value).strip()
                times[key] = when

        record = self._write_meta(doc_id, change)
        self._emit("meta-changed", doc_id)
        return record

    def set_region(self, doc_id: str, region: str | None) -> DocRecord:
        """Choose the regional standard the 简体 view converts from; None: detect it.

        Kept per document in ``meta.json`` (``user.region``, its time in
        ``user_modified``) so that it syncs and merges like the other user edits.
        """
        if region is not None and region not in REGION_CHOICES:
            raise ValueError(
                f"unknown regional standard {region!r} (expected one of: "
                f"{', '.join(REGION_CHOICES)})"
            )
        when = _utc_now()

        def change(meta: dict[str, Any]) -> None:
            user = meta.setdefault("user", {})
            if region is None:
                user.pop("region", None)
            else:
                user["region"] = region
            meta.setdefault("user_modified", {})["region"] = when

        record = self._write_meta(doc_id, change)
        self._emit("meta-changed", doc_id)
        return record

    def set_tags(
        self, doc_id: str, add: Iterable[str] = (), remove: Iterable[str] = ()
    ) -> DocRecord:
        """Add and remove the reader's tags of a document (``user.tags`` in its
        ``meta.json``, with its edit time, so they sync and merge like other edits).
        A tag that is empty, too long or has control characters is refused."""
        wanted = {normal_tag(t): t for t in add}
        if "" in wanted:
            bad = wanted[""]
            raise ValueError(f"{bad!r} is not a tag (1 to {TAG_MAX_CHARS} characters)")
        dropped = {normal_tag(t) for t in remove}
        when = _utc_now()

        def change(meta: dict[str, Any]) -> None:
            user = meta.setdefault("user", {})
            tags = (set(user.get("tags", [])) | set(wanted)) - dropped
            if len(tags) > MAX_TAGS:
                raise ValueError(f"a document has at most {MAX_TAGS} tags")
            if tags:
                user["tags"] = sorted(tags)
            else:
                user.pop("tags", None)
            meta.setdefault("user_modified", {})["tags"] = when

        record = self._write_meta(doc_id, change)
        self._emit("meta-changed", doc_id)
        return record

    def tag_counts(self) -> dict[str, int]:
        """Every tag in the library with the number of documents that have it."""
        counts: dict[str, int] = {}
        for record in self.summaries():
            for tag in record.tags:
                counts[tag] = counts.get(tag, 0) + 1
        return dict(sorted(counts.items()))

    def set_chapters(
        self, doc_id: str, chapters: list[tuple[int, str]], pattern: str | None
    ) -> DocRecord:
        """Store a table of contents (e.g. from a custom chapter pattern)."""
        when = _utc_now()

        def change(meta: dict[str, Any]) -> None:
            meta["chapters"] = [[int(o), str(t)] for o, t in chapters]
            if pattern:
                meta.setdefault("user", {})["chapter_pattern"] = pattern
            else:
                meta.setdefault("user", {}).pop("chapter_pattern", None)
            meta.setdefault("user_modified", {})["chapters"] = when

        record = self._write_meta(doc_id, change)
        self._emit("meta-changed", doc_id)
        return record

    def automatic_chapters(self, doc_id: str) -> list[tuple[int, str]]:
        """The table of contents import gave: the file's own (an EPUB's navigation,
        HTML and Markdown headings), else the built-in finder's.

        Document ▸ Chapters… ▸ Automatic puts it back after a custom rule replaced
        it.  Where extracting the original again no longer gives the stored text
        (imported by an older Tongwen), the finder's table of the stored text is
        used: its offsets are the ones that fit."""
        from desktop.core.chapters import detect_chapters
        from desktop.core.formats import extract

        record = self.get(doc_id)
        text = self.text(doc_id)
        if record.format == "txt":
            return detect_chapters(text)
        original = self.original_path(doc_id)
        extracted = extract(original, original.read_bytes(), encoding=record.encoding)
        if extracted.text != text or not extracted.chapters:
            return detect_chapters(text)
        return list(extracted.chapters)

    def reencode(self, doc_id: str, encoding: str) -> DocRecord:
        """Decode the original again with ``encoding``; the canonical text changes.

        All or nothing: the annotations are checked first (they must be re-anchored
        to the new text), and if saving them still fails, ``text.txt`` and
        ``meta.json`` are put back as they were.
        """
        from desktop.core.formats import extract

        original = self.original_path(doc_id)
        data = original.read_bytes()
        extracted = extract(original, data, encoding=encoding)
        fresh = self._meta_for(doc_id, self.get(doc_id).original_name, len(data), extracted)
        folder = self.doc_dir(doc_id)

        def change(meta: dict[str, Any]) -> None:
            for key in (
                "encoding",
                "confidence",
                "chars",
                "extracted",
                "chapters",
                "blocks",
                "pictures",
            ):
                meta[key] = fresh[key]
            meta["reencoded"] = _now()
            _apply_chapter_rule(meta, extracted.text)

        with self._lock, _meta_lock(folder):
            _check_annotations_writable(folder)
            before = {n: (folder / n).read_bytes() for n in ("text.txt", "meta.json")}
            old_record = self._records[doc_id]
            try:
                write_picture_files(folder, extracted.pictures)  # new names only
                atomic.write_text(folder / "text.txt", extracted.text)
                record = self._write_meta_locked(doc_id, change)
                self._reanchor_annotations(doc_id, extracted.text)
            except (OSError, LibraryError) as exc:
                for name, content in before.items():
                    atomic.write_bytes(folder / name, content)
                self._records[doc_id] = old_record
                raise LibraryError(
                    f"could not re-decode {doc_id[:12]}: the annotations could not be "
                    f"re-anchored and saved ({exc}); nothing was changed"
                ) from exc
        self._emit("text-changed", doc_id)
        return record

    def _reanchor_annotations(self, doc_id: str, text: str) -> None:
        """Move annotations to their quotes in the new text (kept as orphans if lost)."""
        folder = self.doc_dir(doc_id)
        if not (folder / "annotations.json").exists():
            return
        from desktop.core.annotations import AnnotationStore

        store = AnnotationStore.open(folder, text=text)
        store.save()
        self.warnings.extend(store.warnings)

    # --------------------------------------------------------- removing, trash
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

    # -------------------------------------------------------------------- check
    def check(self) -> list[str]:
        """Verify every document folder; returns the problems found (empty: all well)."""
        from desktop.core.library_check import check_library

        return check_library(self)


def _keep_pictures_of_text(folder: Path, meta: dict[str, Any], extracted: Extracted) -> None:
    """Write a rebuilt document's pictures, or list none when the ``text.txt`` kept is
    not the text just extracted (an import by an older Tongwen, without figure lines):
    the pictures' offsets would point into other text."""
    if not extracted.pictures:
        return
    if (folder / "text.txt").read_text("utf-8") != extracted.text:
        meta["pictures"] = []
        return
    write_picture_files(folder, extracted.pictures)


def _check_annotations_writable(folder: Path) -> None:
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


def _meta_validator(doc_id: str) -> Callable[[Any], None]:
    """:func:`validate_meta`, and the file must describe the folder it is in."""

    def validate(value: Any) -> None:
        validate_meta(value)
        if value["id"] != doc_id:
            raise ValueError(f"it describes another document ({value['id'][:12]})")

    return validate


def _read_conflict_copy(copy: Path, doc_id: str) -> dict[str, Any]:
    """A conflict copy's metadata; ValueError if it is not this document's meta.json.

    Read as it is: a copy that does not parse is the sync tool's, left where it is.
    """
    value: dict[str, Any] = json.loads(copy.read_bytes().decode("utf-8"))
    _meta_validator(doc_id)(value)
    return value


def _set_aside_merged(copy: Path) -> None:
    """Move a merged conflict copy into ``.merged-conflicts/`` (kept, out of the way)."""
    dest_dir = copy.parent / MERGED_CONFLICTS_DIR
    dest_dir.mkdir(exist_ok=True)
    dest = dest_dir / copy.name
    n = 1
    while dest.exists():
        n += 1
        dest = dest_dir / f"{copy.stem}-{n}{copy.suffix}"
    atomic.replace(copy, dest)


def _check_date(value: str) -> None:

    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value.strip()):
        raise ValueError(f"{value!r} is not a date like 2024-08-04, 2024-08 or 2024")


def _walk(folder: Path) -> list[tuple[Path, Skip | None]]:
    from desktop.core.formats import supported_suffixes
    from desktop.core.walk import iter_import_files

    return list(iter_import_files(folder, supported_suffixes()))
