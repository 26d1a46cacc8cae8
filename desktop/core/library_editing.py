"""Changing a document: the reader's edits (title, author, source, date, regional
standard, tags, chapters) written into ``meta.json`` under its file lock, each with its
edit time so sync conflict copies merge field by field, and re-decoding the original
(all or nothing, the annotations moved to their words in the new text).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from desktop.core import atomic
from desktop.core.doc_folder import (
    apply_chapter_rule,
    check_annotations_writable,
    meta_lock,
    meta_validator,
    new_meta,
    now,
    utc_now,
)
from desktop.core.library_folders import FolderReading
from desktop.core.picture_store import (
    write_picture_files,
)
from desktop.core.records import (
    EDITABLE_FIELDS,
    MAX_TAGS,
    REGION_CHOICES,
    TAG_MAX_CHARS,
    DocRecord,
    LibraryError,
    normal_tag,
    record_from_meta,
    validate_meta,
)

if TYPE_CHECKING:
    pass

__all__ = ["Editing"]

log = logging.getLogger(__name__)


#: What decoding the original again renews in ``meta.json`` (the rest is the reader's).
_DECODED_FIELDS = ("encoding", "confidence", "chars", "extracted", "chapters", "blocks", "pictures")


class Editing(FolderReading):
    """The reader's edits of a document's metadata, and re-decoding."""

    def _write_meta(self, doc_id: str, change: Callable[[dict[str, Any]], None]) -> DocRecord:
        """Apply ``change`` to ``meta.json`` as it is on disk, under its file lock.

        Reading under the lock (not from memory) is what keeps another process's
        edit of another field: each edit is applied to the latest file.
        """
        self.get(doc_id)
        with self._lock, meta_lock(self.doc_dir(doc_id)):
            return self._write_meta_locked(doc_id, change)

    def _write_meta_locked(
        self, doc_id: str, change: Callable[[dict[str, Any]], None]
    ) -> DocRecord:
        path = self.doc_dir(doc_id) / "meta.json"
        try:
            meta = atomic.read_json(path, validate=meta_validator(doc_id)).value
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
        when = utc_now()

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
        when = utc_now()

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
        when = utc_now()

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
        when = utc_now()

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
        fresh = new_meta(doc_id, self.get(doc_id).original_name, len(data), extracted)
        folder = self.doc_dir(doc_id)

        def change(meta: dict[str, Any]) -> None:
            for key in _DECODED_FIELDS:
                meta[key] = fresh[key]
            meta["reencoded"] = now()
            apply_chapter_rule(meta, extracted.text)

        with self._lock, meta_lock(folder):
            check_annotations_writable(folder)
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


def _check_date(value: str) -> None:

    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value.strip()):
        raise ValueError(f"{value!r} is not a date like 2024-08-04, 2024-08 or 2024")
