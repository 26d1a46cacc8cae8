"""Importing files into the library: each file read once, extracted, written into a
staging folder under a lock, then renamed into ``docs/`` (an import survives a crash
and a killed import leaves nothing half-written).  One bad file never stops the others.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core import atomic
from desktop.core.doc_folder import (
    META_LOCK_TIMEOUT,
    new_meta,
)
from desktop.core.errors import ImportRefused, Skip
from desktop.core.library_folders import FolderReading
from desktop.core.locks import FileLock
from desktop.core.paths import printable_path, readable_name
from desktop.core.picture_store import (
    write_picture_files,
)
from desktop.core.records import (
    DocRecord,
    ImportResult,
    record_from_meta,
)

if TYPE_CHECKING:
    from desktop.core.formats.base import Extracted

__all__ = ["Importing", "Progress"]

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]


def _read_source(src: Path) -> bytes | ImportResult:
    """The bytes of the file to import, or the failure that refuses it (a link, not a
    file, too big, unreadable)."""
    from desktop.core.formats import check_size

    try:
        if src.is_symlink():
            raise ImportRefused("symbolic link (not followed)", code="link-not-followed")
        if not src.is_file():
            raise ImportRefused("not a regular file", code="not-a-file")
        check_size(src)
        return src.read_bytes()
    except (ImportRefused, OSError) as exc:
        return ImportResult.failed(src, exc)


def _extract(src: Path, label: Path, data: bytes, encoding: str | None) -> Extracted | ImportResult:
    """The text and metadata of ``data`` (named ``label``), or why there are none (a
    refusal, no readable text, a bug in a format handler)."""
    from desktop.core.formats import extract

    shown = printable_path(src)
    try:
        extracted = extract(label, data, encoding=encoding)
    except ImportRefused as exc:
        return ImportResult.failed(src, exc)
    except Exception as exc:  # a bug in a format handler must not stop an import
        log.exception("unexpected failure extracting %s", shown)
        return ImportResult(shown, "failed", error=f"unexpected error: {exc!r}", code="unexpected")
    if not extracted.text.strip():
        return ImportResult(
            shown, "failed", error="the file contains no readable text", code="no-readable-text"
        )
    return extracted


class Importing(FolderReading):
    """Adding documents."""

    def add_file(
        self, path: str | os.PathLike[str], *, encoding: str | None = None
    ) -> ImportResult:
        """Import one file.  Never raises for a bad file: the result says why.

        A symbolic link is refused like the folder walker refuses it: importing a
        link named ``notes.txt`` must not copy whatever file it points to.  A name
        that is not UTF-8 is stored and shown as :func:`readable_name` makes it.
        """
        src = Path(path)
        shown = printable_path(src)
        label = src.with_name(readable_name(src.name)) if src.name else src
        data = _read_source(src)
        if isinstance(data, ImportResult):
            return data
        doc_id = hashlib.sha256(data).hexdigest()
        with self._lock:
            existing = self._records.get(doc_id)
        if existing is not None:
            return ImportResult(shown, "duplicate", id=doc_id, title=existing.title)
        extracted = _extract(src, label, data, encoding)
        if isinstance(extracted, ImportResult):
            return extracted
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
        meta = new_meta(doc_id, src.name, len(data), ex)
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


def _walk(folder: Path) -> list[tuple[Path, Skip | None]]:
    from desktop.core.formats import supported_suffixes
    from desktop.core.walk import iter_import_files

    return list(iter_import_files(folder, supported_suffixes()))
