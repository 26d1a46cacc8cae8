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
import logging
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from desktop.core import atomic
from desktop.core.formats import Extracted, ImportRefused, check_size, extract, supported_suffixes
from desktop.core.records import (
    DOC_FORMAT,
    DOC_VERSION,
    EDITABLE_FIELDS,
    LIBRARY_FORMAT,
    LIBRARY_VERSION,
    DocRecord,
    ImportResult,
    LibraryError,
    record_from_meta,
    validate_library,
    validate_meta,
)
from desktop.core.script import detect_script

__all__ = [
    "EDITABLE_FIELDS",
    "DocRecord",
    "ImportResult",
    "Library",
    "LibraryError",
]

log = logging.getLogger(__name__)

Listener = Callable[[str, str], None]
Progress = Callable[[int, int, str], None]


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")


def _detect_chapters(text: str) -> list[tuple[int, str]]:
    try:
        from desktop.core.chapters import detect_chapters
    except ImportError:  # the chapter detector is optional for the library
        return []
    return detect_chapters(text)


class Library:
    """A library folder.  Thread-safe: imports may run in a worker thread."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.docs_dir = root / "docs"
        self.trash_dir = root / ".trash"
        self.created = False
        self.warnings: list[str] = []
        self._lock = threading.RLock()
        self._records: dict[str, DocRecord] = {}
        self._listeners: list[Listener] = []

    # ----------------------------------------------------------------- opening
    @classmethod
    def open(cls, root: str | os.PathLike[str]) -> Library:
        """Open the library at ``root``, creating an empty one if the folder has none."""
        lib = cls(Path(root))
        lib._open()
        return lib

    def _open(self) -> None:
        if self.root.exists() and not self.root.is_dir():
            raise LibraryError(f"{self.root} is a file, not a library folder")
        self.root.mkdir(parents=True, exist_ok=True)
        self.docs_dir.mkdir(exist_ok=True)
        marker = self.root / "library.json"
        try:
            result = atomic.read_json(marker, default=lambda: None, validate=validate_library)
        except atomic.UnreadableFileError as exc:
            raise LibraryError(str(exc)) from exc
        self.warnings.extend(result.problems)
        if result.value is None:
            self.created = not any(self.docs_dir.iterdir())
            atomic.write_json(
                marker,
                {"format": LIBRARY_FORMAT, "version": LIBRARY_VERSION, "created": _now()},
            )
        elif result.from_backup:
            atomic.write_json(marker, result.value)
        self._load_records()

    def _load_records(self) -> None:
        records = {}
        for folder in sorted(self.docs_dir.iterdir()):
            if folder.name.startswith(".") or not folder.is_dir():
                continue
            record = self._load_record(folder)
            if record is not None:
                records[record.id] = record
        with self._lock:
            self._records = records

    def _load_record(self, folder: Path) -> DocRecord | None:
        meta_path = folder / "meta.json"
        try:
            result = atomic.read_json(meta_path, validate=validate_meta)
        except FileNotFoundError:
            return self._rebuild_meta(folder, "meta.json is missing")
        except atomic.UnreadableFileError as exc:
            if "newer than this Tongwen" in str(exc):
                self.warnings.append(f"{folder.name[:12]}: {exc}; left untouched")
                return None
            return self._rebuild_meta(folder, str(exc))
        if result.problems:
            self.warnings.append(f"{folder.name[:12]}: {result.message}")
        if result.from_backup:
            atomic.write_json(meta_path, result.value)
        record = record_from_meta(result.value)
        self._attach_annotation_summary(record, folder)
        return record

    def _rebuild_meta(self, folder: Path, why: str) -> DocRecord | None:
        """Re-extract metadata from the untouched original when meta.json is lost."""
        originals = sorted(folder.glob("original.*"))
        if not originals:
            self.warnings.append(f"{folder.name[:12]}: {why}, and no original file; skipped")
            return None
        data = originals[0].read_bytes()
        try:
            extracted = extract(originals[0], data)
        except ImportRefused as exc:
            self.warnings.append(f"{folder.name[:12]}: {why}; original unreadable ({exc})")
            return None
        meta = self._meta_for(folder.name, originals[0].name, len(data), extracted)
        if not (folder / "text.txt").exists():
            atomic.write_text(folder / "text.txt", extracted.text)
        atomic.write_json(folder / "meta.json", meta)
        self.warnings.append(f"{folder.name[:12]}: {why}; metadata rebuilt from the original")
        return record_from_meta(meta)

    def _attach_annotation_summary(self, record: DocRecord, folder: Path) -> None:
        try:
            from desktop.core.annotations import summary
        except ImportError:
            return
        try:
            count, progress = summary(folder)
        except Exception as exc:  # a damaged annotations file must not hide the document
            log.warning("annotation summary of %s failed: %s", folder.name, exc)
            return
        record.annotations, record.progress = count, progress

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
        with self._lock:
            return list(self._records.values())

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
        """Import one file.  Never raises for a bad file: the result says why."""
        src = Path(path)
        try:
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
            return ImportResult(str(src), "duplicate", id=doc_id, title=existing.title)
        try:
            extracted = extract(src, data, encoding=encoding)
        except ImportRefused as exc:
            return ImportResult.failed(src, exc)
        except Exception as exc:  # a bug in a format handler must not stop an import
            log.exception("unexpected failure extracting %s", src)
            return ImportResult(
                str(src), "failed", error=f"unexpected error: {exc!r}", code="unexpected"
            )
        if not extracted.text.strip():
            return ImportResult(
                str(src),
                "failed",
                error="the file contains no readable text",
                code="no-readable-text",
            )
        try:
            record = self._store(doc_id, src, data, extracted)
        except OSError as exc:
            return ImportResult(
                str(src),
                "failed",
                error=f"could not write the library: {exc}",
                code="library-write-failed",
            )
        self._emit("added", doc_id)
        return ImportResult(str(src), "imported", id=doc_id, title=record.title)

    def _meta_for(self, doc_id: str, original: str, size: int, ex: Extracted) -> dict[str, Any]:
        chapters = ex.chapters or _detect_chapters(ex.text)
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
        }

    def _store(self, doc_id: str, src: Path, data: bytes, ex: Extracted) -> DocRecord:
        """Write a document folder in a staging folder, then rename it into place."""
        suffix = src.suffix.lower() if src.suffix and len(src.suffix) <= 10 else ".bin"
        staging = self.docs_dir / f".staging-{doc_id[:16]}-{os.getpid()}-{threading.get_ident()}"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        try:
            atomic.write_bytes(staging / f"original{suffix}", data, backup=False)
            atomic.write_text(staging / "text.txt", ex.text, backup=False)
            meta = self._meta_for(doc_id, src.name, len(data), ex)
            atomic.write_json(staging / "meta.json", meta, backup=False)
            target = self.doc_dir(doc_id)
            with self._lock:
                if target.exists():  # imported meanwhile by another process
                    shutil.rmtree(staging, ignore_errors=True)
                    record = self._load_record(target) or record_from_meta(meta)
                else:
                    os.replace(staging, target)
                    record = record_from_meta(meta)
                self._records[doc_id] = record
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        log.info("imported %s as %s (%d chars)", src, doc_id[:12], len(ex.text))
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
                results.append(ImportResult(str(path), "skipped", error=skip))
            else:
                results.append(self.add_file(path, encoding=encoding))
        if progress is not None:
            progress(len(results), len(plan), "")
        return results

    def plan_import(self, paths: Iterable[str | os.PathLike[str]]) -> list[tuple[Path, str | None]]:
        """The files an import of ``paths`` would read, with a reason for each skip."""
        plan: list[tuple[Path, str | None]] = []
        for raw in paths:
            path = Path(raw)
            if path.is_symlink() and path.is_dir():
                plan.append((path, "a link to a folder; links are not followed"))
            elif path.is_dir():
                plan.extend(_walk(path))
            elif not path.exists():
                plan.append((path, "no such file"))
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
        path = self.doc_dir(doc_id) / "meta.json"
        with self._lock:
            self.get(doc_id)
            meta = atomic.read_json(path, validate=validate_meta).value
            change(meta)
            atomic.write_json(path, meta)
            old = self._records[doc_id]
            record = record_from_meta(meta)
            record.annotations, record.progress = old.annotations, old.progress
            self._records[doc_id] = record
        return record

    def update_meta(self, doc_id: str, **edits: str | None) -> DocRecord:
        """Set user edits of title/author/source/published; None or "" clears an edit."""
        unknown = set(edits) - set(EDITABLE_FIELDS)
        if unknown:
            raise ValueError(f"cannot edit {', '.join(sorted(unknown))}")
        if edits.get("published"):
            _check_date(str(edits["published"]))

        def change(meta: dict[str, Any]) -> None:
            user = meta.setdefault("user", {})
            for key, value in edits.items():
                if value is None or not str(value).strip():
                    user.pop(key, None)
                else:
                    user[key] = str(value).strip()

        record = self._write_meta(doc_id, change)
        self._emit("meta-changed", doc_id)
        return record

    def set_chapters(
        self, doc_id: str, chapters: list[tuple[int, str]], pattern: str | None
    ) -> DocRecord:
        """Store a table of contents (e.g. from a custom chapter pattern)."""

        def change(meta: dict[str, Any]) -> None:
            meta["chapters"] = [[int(o), str(t)] for o, t in chapters]
            if pattern:
                meta.setdefault("user", {})["chapter_pattern"] = pattern
            else:
                meta.setdefault("user", {}).pop("chapter_pattern", None)

        record = self._write_meta(doc_id, change)
        self._emit("meta-changed", doc_id)
        return record

    def reencode(self, doc_id: str, encoding: str) -> DocRecord:
        """Decode the original again with ``encoding``; the canonical text changes."""
        original = self.original_path(doc_id)
        data = original.read_bytes()
        extracted = extract(original, data, encoding=encoding)
        fresh = self._meta_for(doc_id, self.get(doc_id).original_name, len(data), extracted)
        atomic.write_text(self.doc_dir(doc_id) / "text.txt", extracted.text)

        def change(meta: dict[str, Any]) -> None:
            for key in ("encoding", "confidence", "chars", "extracted", "chapters", "blocks"):
                meta[key] = fresh[key]
            meta["reencoded"] = _now()

        record = self._write_meta(doc_id, change)
        self._reanchor_annotations(doc_id, extracted.text)
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
        """Move a document to the library's trash; returns the trash entry's name."""
        with self._lock:
            self.get(doc_id)
            self.trash_dir.mkdir(exist_ok=True)
            name = f"{doc_id}-{time.strftime('%Y%m%d%H%M%S')}"
            os.replace(self.doc_dir(doc_id), self.trash_dir / name)
            del self._records[doc_id]
        self._emit("removed", doc_id)
        return name

    def trash(self) -> list[str]:
        if not self.trash_dir.is_dir():
            return []
        return sorted(p.name for p in self.trash_dir.iterdir() if p.is_dir())

    def restore(self, trash_name: str) -> str:
        """Put a removed document back; returns its id."""
        src = self.trash_dir / trash_name
        doc_id = trash_name.split("-", 1)[0]
        if not src.is_dir():
            raise LookupError(f"nothing called {trash_name!r} in the trash")
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


def _check_date(value: str) -> None:
    import re

    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value.strip()):
        raise ValueError(f"{value!r} is not a date like 2024-08-04, 2024-08 or 2024")


def _walk(folder: Path) -> list[tuple[Path, str | None]]:
    from desktop.core.walk import iter_import_files

    return list(iter_import_files(folder, supported_suffixes()))
