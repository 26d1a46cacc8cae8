"""Reading the library's document folders: from the catalogue first, then the folders
that changed; a damaged ``meta.json`` rebuilt from the original, sync conflict copies
merged, a folder that cannot be read skipped with a warning (one folder never stops the
library).  :meth:`FolderReading.check_folders` is what the window runs in the background
now and then, :meth:`FolderReading.check_named_folders` what it runs for the folders a
:class:`~desktop.core.folder_watch.FolderWatch` heard change.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from stat import S_ISDIR
from typing import TYPE_CHECKING, Any, NamedTuple

from desktop.core import atomic
from desktop.core.doc_folder import (
    ARRIVAL_QUIET_SECONDS,
    keep_pictures_of_text,
    meta_conflict_copies,
    meta_lock,
    meta_validator,
    new_meta,
    read_conflict_copy,
    set_aside_merged,
    still_arriving,
)
from desktop.core.errors import ImportRefused
from desktop.core.library_listing import Listing
from desktop.core.locks import FileLock, LockTimeout
from desktop.core.record_table import RecordTable
from desktop.core.records import (
    DocRecord,
    DocSummary,
    merge_user_edits,
    record_from_meta,
    salvage_user_edits,
)

if TYPE_CHECKING:
    pass

__all__ = ["PROGRESS_EVERY", "STALE_STAGING_SECONDS", "FolderReading"]

log = logging.getLogger(__name__)

#: A ``.staging-*`` folder untouched this long, whose lock nobody holds, was left by a
#: killed import.  A live import holds the lock the whole time.
STALE_STAGING_SECONDS = 120.0
#: How often (in folders) :meth:`FolderReading.check_folders` reports its progress.
PROGRESS_EVERY = 250


class FolderListing(NamedTuple):
    """A document folder's listing, taken by the check that reads it."""

    path: str
    name: str
    names: set[str]


def _signature_or_blank(sign: Callable[[str], str], folder: str) -> str:
    try:
        return sign(folder)
    except OSError:
        return ""


class FolderReading(Listing):
    """Records from the catalogue and the document folders, kept current."""

    def _load_records(self, *, check: bool = True) -> None:
        """Every document, first from the catalogue (a big library opens in a fraction
        of the time), then, with ``check``, from the files of every folder that changed
        since.  Without ``check`` the folders are not looked at (the window paints at
        once and calls :meth:`check_folders` in the background), unless there is no
        catalogue yet.

        Only each document's id (and, for the check, its signature) is read from the
        catalogue; its whole record is read when first asked for (:class:`~desktop.
        core.record_table.RecordTable`), and so are the summaries, with their
        signatures: ``tongwen-cli list`` reads none of them, the window paints its
        first rows with a few (:meth:`leading_summaries`)."""
        catalogue = self._catalogue()
        if check:
            signatures = catalogue.signatures()
            ids: Iterable[str] = signatures
        else:  # the window: the signatures come with the summaries, after its paint
            ids, signatures = catalogue.ids(), {}
        pending: dict[str, DocSummary | None] = dict.fromkeys(ids)
        catalogue.close()
        with self._lock:
            self._records = RecordTable(self._fetch_records, pending, self._fetch_summaries)
            self._signatures = signatures
            self._signed_all = check
        if not check and not pending and self._has_folders():
            # No catalogue yet (a first start after an upgrade, a cleared cache): the
            # window reads the folders in the background, with progress, rather than
            # before it paints (100,000 documents: half a minute).
            self.first_read_pending = True
        elif check or not pending:
            self.check_folders(emit=False)

    def _has_folders(self) -> bool:
        with os.scandir(self.docs_dir) as entries:
            return any(not e.name.startswith(".") and e.is_dir() for e in entries)

    def _fetch_summaries(self, ids: Collection[str]) -> dict[str, DocSummary]:
        """The summaries of ``ids`` from the catalogue.  A row another process wrote
        since this library read its signatures is newer, and taken with its signature
        (each row is a folder's state as one writer read it)."""
        catalogue = self._catalogue()
        found, signatures = catalogue.summaries(ids)
        catalogue.close()
        self._signatures.update(signatures)
        return found

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

    def check_folders(
        self, *, emit: bool = True, progress: Callable[[int, int], None] | None = None
    ) -> list[tuple[str, str]]:
        """Look at every document folder and read again those changed since their record
        was made (another process, a sync tool); drop those gone.  Returns the events
        (``added``, ``meta-changed``, ``removed``) and, with ``emit``, sends them.
        ``progress(done, total)`` hears how far it is, every few hundred folders.

        Safe in a worker thread while the window runs.  A change that lands while a
        folder is read is caught by the next check: the signature is taken first.
        The folders are compared with their signatures by
        :func:`~desktop.core.catalogue.changed_folders` (no file looked for that its
        folder's listing cannot hold).
        """
        from desktop.core.catalogue import changed_folders

        known, listed = self._known_folders()
        every = os.listdir(self.docs_dir)
        self._remove_stale_staging(every)
        docs = os.fspath(self.docs_dir)
        names, to_read = changed_folders(docs, every, known)
        to_read.sort()
        changed: dict[str, tuple[str, DocRecord]] = {}
        events, not_folders = self._read_changed(docs, to_read, known, listed, changed, progress)
        present = set(names) - not_folders
        events += [("removed", doc_id) for doc_id in sorted(listed - present)]
        removed = {doc_id for event, doc_id in events if event == "removed"}
        self._keep_check(changed, removed, set(known) - present)
        self.first_read_pending = False
        if progress is not None:
            progress(len(to_read), len(to_read))
        if emit:
            for event, doc_id in events:
                self._emit(event, doc_id)
        return events

    def check_named_folders(
        self, names: Iterable[str], *, emit: bool = True
    ) -> list[tuple[str, str]]:
        """:meth:`check_folders` for the folders ``names`` of ``docs`` only (those a
        :class:`~desktop.core.folder_watch.FolderWatch` heard change): each is read
        again if its signature changed, dropped if it is gone or no longer a folder.
        The same events, sent the same way; a name starting with a dot (an import's
        ``.staging-*`` folder) or holding a separator is no document and is passed over.

        One changed folder costs its own reading, not a look at every folder.  A change
        landing while a folder is read is caught as :meth:`check_folders` catches it:
        the signature is taken first, so the stored one is stale, and the change's
        event names the folder again for the next call."""
        wanted = sorted(
            {n for n in names if n and not n.startswith(".") and "/" not in n and os.sep not in n}
        )
        if not wanted:
            return []
        known, listed = self._known_of(wanted)
        docs = os.fspath(self.docs_dir)
        present: list[str] = []
        for name in wanted:
            try:
                there = S_ISDIR(os.stat(f"{docs}{os.sep}{name}").st_mode)
            except (FileNotFoundError, NotADirectoryError):
                there = False
            except OSError:  # cannot be looked at: reading it says why
                there = True
            if there:
                present.append(name)
        changed: dict[str, tuple[str, DocRecord]] = {}
        events, not_folders = self._read_changed(docs, present, known, listed, changed, None)
        gone = (set(wanted) - set(present)) | not_folders
        events += [("removed", doc_id) for doc_id in sorted(gone & listed)]
        removed = {doc_id for event, doc_id in events if event == "removed"}
        self._keep_check(changed, removed, gone & set(known))
        if emit:
            for event, doc_id in events:
                self._emit(event, doc_id)
        return events

    def _known_of(self, names: list[str]) -> tuple[dict[str, str], set[str]]:
        """:meth:`_known_folders` for ``names`` only: their signatures (read with their
        summaries when the library was opened without them), and which the library
        holds."""
        with self._lock:
            held = [n for n in names if n in self._records]
            if not self._signed_all:
                self._records.summarise(n for n in held if n not in self._signatures)
            signatures = self._signatures
            return {n: signatures[n] for n in names if n in signatures}, set(held)

    def _known_folders(self) -> tuple[dict[str, str], set[str]]:
        """The signature of each folder as last read, and the ids the library holds."""
        with self._lock:
            if not self._signed_all:  # opened without them: they come with the summaries
                self._records.summaries()
                self._signed_all = True
            return dict(self._signatures), set(self._records)

    def _keep_check(
        self, changed: dict[str, tuple[str, DocRecord]], removed: set[str], gone: set[str]
    ) -> None:
        """What a check found, kept: the removed documents dropped, the catalogue told
        of the folders read again and of those gone."""
        with self._lock:
            for doc_id in removed:
                self._records.pop(doc_id, None)
                self._signatures.pop(doc_id, None)
        if not (changed or removed or gone):
            return
        catalogue = self._catalogue()
        catalogue.update(changed, removed | gone)
        catalogue.close()

    def _read_changed(
        self,
        docs: str,
        to_read: list[str],
        known: dict[str, str],
        listed: set[str],
        changed: dict[str, tuple[str, DocRecord]],
        progress: Callable[[int, int], None] | None,
    ) -> tuple[list[tuple[str, str]], set[str]]:
        """Check each folder of ``to_read`` (a record's id is its folder's name): the
        events it makes (``added``, ``meta-changed``, ``removed`` for a folder that can no
        longer be read) and the names that are not folders."""
        events: list[tuple[str, str]] = []
        not_folders: set[str] = set()
        for done, name in enumerate(to_read):
            if progress is not None and done % PROGRESS_EVERY == 0:
                progress(done, len(to_read))
            outcome = self._check_folder(docs, name, known.get(name), changed)
            if outcome == "read":
                events.append(("meta-changed" if name in listed else "added", name))
            elif outcome == "unreadable" and name in listed:
                events.append(("removed", name))
            elif outcome == "not-a-folder":
                not_folders.add(name)
        return events, not_folders

    def _check_folder(
        self, docs: str, name: str, known: str | None, changed: dict[str, tuple[str, DocRecord]]
    ) -> str | None:
        """Read one folder of ``docs`` again if its signature changed: "read" (its record
        is new or renewed), "unreadable", "not-a-folder", or None (unchanged, or
        unreadable as before)."""
        from desktop.core.catalogue import folder_signature, listed_signature

        path = f"{docs}{os.sep}{name}"
        listing: FolderListing | None
        try:  # the folder's stat, then its listing, then its files (see listed_signature)
            folder_stat = os.stat(path)
            if not S_ISDIR(folder_stat.st_mode):
                return "not-a-folder"
            names = set(os.listdir(path))
            signature: str | None = listed_signature(path, folder_stat, names)
            listing = FolderListing(path, name, names)
        except OSError:
            signature, listing = None, None
        if signature is not None and signature in (known, self._failed.get(name)):
            return None
        folder = self.docs_dir / name
        record = self._read_record(folder, listing)
        if record is None:  # its signature as the read left it (it may set files aside)
            self._failed[name] = _signature_or_blank(folder_signature, os.fspath(folder))
            return "unreadable"
        self._failed.pop(name, None)
        trusted = signature is not None and not self._warned(name)
        with self._lock:
            self._records[record.id] = record
            if trusted:
                self._signatures[record.id] = signature  # type: ignore[assignment]
            else:
                self._signatures.pop(record.id, None)
        if trusted:
            changed[record.id] = (signature, record)  # type: ignore[assignment]
        return "read"

    def _warned(self, name: str) -> bool:
        """Whether reading the folder ``name`` left a warning (a repair, a conflict copy
        left alone): such a folder is read again next time, not taken from the
        catalogue."""
        if not self.warnings:
            return False
        return any(w.startswith(name[:12]) for w in self.warnings)

    def _read_record(self, folder: Path, listing: FolderListing | None = None) -> DocRecord | None:
        try:
            return self._load_record(folder, listing)
        except Exception as exc:  # one folder never stops the library, not even a bug
            log.warning("cannot read the document folder %s", folder, exc_info=exc)
            self.warnings.append(f"{folder.name[:12]}: cannot be read ({exc}); skipped")
            return None

    def _load_record(self, folder: Path, listing: FolderListing | None = None) -> DocRecord | None:
        """The record of a document folder, repaired or merged as needed.  ``listing``:
        the folder's, when the caller took it (the first read of 100,000 folders: a
        folder in the usual state is read with one ``open``, see :meth:`_quick_record`)."""
        if listing is not None:
            record = self._quick_record(folder, listing)
            if record is not None:
                return record
        meta_path = folder / "meta.json"
        try:
            result = atomic.read_json(
                meta_path, default=lambda: None, validate=meta_validator(folder.name)
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
            with meta_lock(folder):
                atomic.write_json(meta_path, meta)
        if meta_conflict_copies(folder):
            meta = self._merge_meta_conflicts(folder) or meta
        record = record_from_meta(meta)
        self._attach_annotation_summary(record, folder)
        return record

    def _quick_record(self, folder: Path, listing: FolderListing) -> DocRecord | None:
        """The record of a folder in the usual state, read the short way: ``meta.json``
        there and well-formed, no sync conflict copy of it beside it, no annotations
        file (else :func:`reading_state` reads its head).  None for any other state,
        which :meth:`_load_record` then reads the long way (backups, repairs, merges,
        warnings); the record is the same either way."""
        names = listing.names
        if "meta.json" not in names or any(
            n.startswith("meta") and n.endswith(".json") and n != "meta.json" for n in names
        ):  # a conflict copy, maybe
            return None
        try:
            with open(f"{listing.path}{os.sep}meta.json", "rb") as fh:
                raw = fh.read()
            meta = json.loads(raw.decode("utf-8"))
            meta_validator(listing.name)(meta)
        except (OSError, ValueError, TypeError, KeyError):
            return None  # read again the long way, which says what is wrong
        record = record_from_meta(meta)
        if "annotations.json" in names or "annotations.json.bak" in names:
            self._attach_annotation_summary(record, folder)
        else:  # what reading_state says of a folder without them
            record.annotations, record.progress, record.last_read = 0, 0.0, ""
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
        if not set_aside and still_arriving(folder):
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
        meta = new_meta(folder.name, originals[0].name, len(data), extracted)
        salvage_user_edits(meta, set_aside)
        with meta_lock(folder):
            if not (folder / "text.txt").exists():
                atomic.write_text(folder / "text.txt", extracted.text)
            keep_pictures_of_text(folder, meta, extracted)
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
        with meta_lock(folder):
            meta = atomic.read_json(folder / "meta.json", validate=meta_validator(folder.name))
            merged = meta.value
            for copy in meta_conflict_copies(folder):
                try:
                    theirs = read_conflict_copy(copy, folder.name)
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
                set_aside_merged(copy)
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

    def reload(self, doc_id: str) -> DocRecord:
        """Re-read one document's files (e.g. after its annotations changed)."""
        record = self._load_record(self.doc_dir(doc_id))
        if record is None:
            raise KeyError(doc_id)
        with self._lock:
            self._records[doc_id] = record
        return record

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
