"""The library's catalogue: a cache of its document records, so a big library opens fast.

Opening a library read every ``meta.json`` and ``annotations.json`` (100,000 documents:
15 s before the window painted).  The catalogue keeps each record with a *signature*
of its folder (the folder's and the two files' modification times and sizes) in SQLite
in the user cache folder; at the next opening a folder whose signature is unchanged
takes its record from the catalogue, and only changed folders are read again.

Two tables: ``docs`` holds each document's signature and summary (the columns of
:class:`~desktop.core.records.DocSummary`: what the library pane and ``list`` show),
``records`` its whole record as JSON.  Opening reads only ``docs`` (100,000 rows in
about 0.3 s); a record is read when it is first asked for.  Beside them, ``listing``
keeps the last ``tongwen-cli list --json`` made from ``docs`` alone, with the count of
``changes`` to ``docs`` it was made at (SQLite triggers count every row written or
deleted, by any process or version): while nothing changed it is the answer, 34 MB
read at once instead of 100,000 rows sorted, turned into dictionaries and into JSON.

The files in the library folder stay the only truth.  The catalogue is derived, like
the search index: deleting it loses nothing, and a damaged or locked one, or one
written by another version, is set aside and rebuilt with a line in the log, never
taken for an empty library.  Several processes may open one library: SQLite (WAL)
lets one write at a time while the others read a consistent state.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import sys
from collections.abc import Collection, Container, Iterable, Iterator, Mapping
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

from desktop.core.folder_signatures import (  # here before, still named from here
    changed_folders,
    folder_signature,
    listed_signature,
)
from desktop.core.picture_store import PictureEntry
from desktop.core.records import DocRecord, DocSummary

__all__ = [
    "SCHEMA",
    "Catalogue",
    "catalogue_path",
    "changed_folders",
    "folder_signature",
    "list_order",
    "listed_signature",
    "row_count",
]

log = logging.getLogger(__name__)

#: Version of the tables; another version is rebuilt, never read.
#: 2: records carry tags and the last-read time; 3: the summary of each document in
#: ``docs``, its whole record apart in ``records`` (opening reads only ``docs``).
SCHEMA = 3
_FIELD_ORDER = tuple(f.name for f in fields(DocRecord))
_FIELDS = set(_FIELD_ORDER)
#: How long a start waits for another process writing the catalogue, then reads files.
BUSY_SECONDS = 1.0
#: The summary columns (:class:`DocSummary`'s fields), after ``id``.
_SUMMARY = DocSummary._fields[1:]
#: SQLite's limit on the parameters of one statement is 32,766 (999 before 3.32).
_BATCH = 900
#: Up to this many rows are asked for by id; more are read in one pass over the table.
_FEW = 5000
#: Rows fetched at a time when many are read.
_FETCH = 4000


#: Writes to ``docs`` counted in ``changes`` (by triggers: any writer is counted).
_COUNTED = ("INSERT", "UPDATE", "DELETE")
#: The kept listing and the count of changes to ``docs`` that dates it.
_LISTING_TABLES = (
    "CREATE TABLE IF NOT EXISTS changes (n INTEGER NOT NULL)",
    "INSERT INTO changes SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM changes)",
    "CREATE TABLE IF NOT EXISTS listing "
    "(changes INTEGER NOT NULL, rows INTEGER NOT NULL, form TEXT NOT NULL, text BLOB NOT NULL)",
    *(
        f"CREATE TRIGGER IF NOT EXISTS docs_{event.lower()} AFTER {event} ON docs "
        "BEGIN UPDATE changes SET n = n + 1; END"
        for event in _COUNTED
    ),
)

#: The fields ``tongwen-cli list --json`` prints (:meth:`DocSummary.as_dict`).
LIST_FIELDS = (
    "id", "title", "author", "source", "published", "script", "format", "encoding", "chars",
    "tags",
)  # fmt: skip


def list_order(entry: Mapping[str, Any]) -> tuple[str, str, str]:
    """The order of ``tongwen-cli list``: publication date (none first), title, id;
    code point order, as SQLite's (UTF-8, binary) in :meth:`Catalogue.listing`."""
    return (entry["published"] or "", entry["title"], entry["id"])


def catalogue_path(cache: Path, library_root: Path) -> Path:
    """Where the catalogue of the library at ``library_root`` lives under ``cache``."""
    key = hashlib.sha256(str(library_root.resolve()).encode("utf-8", "surrogateescape"))
    return cache / "catalogue" / f"{key.hexdigest()[:20]}.sqlite"


def _record_json(record: DocRecord) -> str:
    """The record as JSON (fields read directly: ``dataclasses.asdict`` copies every
    nested value first, a third of the catalogue's first build at 10,000 documents)."""
    value = {name: getattr(record, name) for name in _FIELD_ORDER}
    value["pictures"] = [asdict(p) for p in record.pictures]
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _docs_row(doc_id: str, signature: str, record: DocRecord) -> tuple[object, ...]:
    summary = record.summary()
    tags = json.dumps(list(summary.tags), ensure_ascii=False) if summary.tags else ""
    return (doc_id, signature, *summary[1:-2], tags, summary.last_read)


#: The summary's fields as :func:`_summaries` unpacks a row (after the signature).
_UNPACKED = (
    "id", "title", "author", "source", "published", "script", "format", "encoding", "chars",
    "size", "imported", "original_name", "progress", "annotations", "tags", "last_read",
)  # fmt: skip
assert DocSummary._fields == _UNPACKED, "_summaries unpacks the summary's fields by place"


def _summaries(
    rows: list[tuple[Any, ...]],
    keep: Container[str] | None,
    summaries: dict[str, DocSummary],
    signatures: dict[str, str],
    shared: list[dict[Any, Any]],
) -> None:
    """Add to ``summaries`` and ``signatures`` the rows of ``SELECT signature, id,
    <summary columns>`` whose id ``keep`` holds (None: all).  Tags are a JSON list, or
    "" for none.  A value that repeats from row to row (a script, a format, an author,
    an import time, a tag list...) is kept once, in ``shared`` (one dict per column):
    at 100,000 documents each copy costs megabytes; so does each copy of the ids
    (11 MB), which are interned."""
    make, loads, intern = DocSummary._make, json.loads, sys.intern
    authors, sources, dates, scripts, formats, encodings, times, progresses, tag_lists = (
        d.setdefault for d in shared
    )
    for (
        signature, doc_id, title, author, source, published, script, doc_format, encoding,
        chars, size, imported, original_name, progress, notes, tags, last_read,
    ) in rows:  # fmt: skip
        if keep is not None and doc_id not in keep:
            continue
        doc_id = intern(doc_id)  # one string per id, shared with the folder watch's
        signatures[doc_id] = signature
        summaries[doc_id] = make(
            (
                doc_id,
                title,
                authors(author, author),
                sources(source, source),
                dates(published, published),
                scripts(script, script),
                formats(doc_format, doc_format),
                encodings(encoding, encoding),
                chars,
                size,
                times(imported, imported),
                original_name,
                progresses(progress, progress),
                notes,
                tag_lists(tags, tuple(loads(tags)) if tags else ()),
                times(last_read, last_read),
            )
        )


def _record_from_json(text: str) -> DocRecord:
    value = json.loads(text)
    if not isinstance(value, dict) or set(value) != _FIELDS:
        raise ValueError("a catalogue row does not hold a whole record")
    value["chapters"] = [(int(offset), str(title)) for offset, title in value["chapters"]]
    value["pictures"] = [PictureEntry(**p) for p in value["pictures"]]
    return DocRecord(**value)


class Catalogue:
    """The catalogue file of one library; every failure leaves it unused, not wrong."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection:
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None)
            try:
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                self._check_schema(db)
                self._check_listing(db)
            except sqlite3.Error:
                db.close()
                raise
            self._db = db
        return self._db

    @staticmethod
    def _check_schema(db: sqlite3.Connection) -> None:
        db.execute("CREATE TABLE IF NOT EXISTS info (key TEXT PRIMARY KEY, value TEXT)")
        row = db.execute("SELECT value FROM info WHERE key = 'schema'").fetchone()
        if row is not None and row[0] == str(SCHEMA):
            return
        db.execute("BEGIN IMMEDIATE")
        db.execute("DROP TABLE IF EXISTS docs")
        db.execute("DROP TABLE IF EXISTS records")
        db.execute("DROP TABLE IF EXISTS listing")
        columns = ", ".join(_SUMMARY)
        db.execute(f"CREATE TABLE docs (id TEXT PRIMARY KEY, signature TEXT NOT NULL, {columns})")
        db.execute("CREATE TABLE records (id TEXT PRIMARY KEY, record TEXT NOT NULL)")
        db.execute("INSERT OR REPLACE INTO info VALUES ('schema', ?)", (str(SCHEMA),))
        for sql in _LISTING_TABLES:
            db.execute(sql)
        db.execute("COMMIT")
        if row is not None:
            log.info("catalogue %s was of schema %s: rebuilt", row[0], SCHEMA)

    @staticmethod
    def _check_listing(db: sqlite3.Connection) -> None:
        """Add the kept listing and the count of changes to a catalogue made before
        them (same schema: a version without them reads and writes it as before, and
        its writes are counted too)."""
        found = db.execute(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'docs_%'"
        ).fetchone()[0]
        if found == len(_COUNTED):
            return
        try:
            db.execute("BEGIN IMMEDIATE")
            for sql in _LISTING_TABLES:
                db.execute(sql)
            db.execute("COMMIT")
        except sqlite3.OperationalError as exc:  # busy: added by a later opening
            log.info("catalogue: listing tables not added (%s)", exc)
            if db.in_transaction:
                db.execute("ROLLBACK")

    def _select(self, sql: str, params: Iterable[object] = ()) -> list[tuple[Any, ...]]:
        """The rows of a query; none when the file cannot be read (a damaged file is then
        set aside, so the next opening starts a new one)."""
        try:
            return self._connect().execute(sql, tuple(params)).fetchall()
        except sqlite3.OperationalError as exc:
            if not _busy(exc):
                self._set_aside(exc)
            else:  # another process holds it: the caller reads the folders
                log.info("catalogue %s busy (%s): the library folder is read", self.path, exc)
                self.close()
            return []
        except sqlite3.Error as exc:
            self._set_aside(exc)
            return []

    def load(self) -> dict[str, tuple[str, str]]:
        """``{doc id: (signature, record as JSON)}`` of every row (empty when unreadable)."""
        sql = "SELECT docs.id, signature, record FROM docs JOIN records USING (id)"
        return {str(i): (str(sig), str(rec)) for i, sig, rec in self._select(sql)}

    def signatures(self) -> dict[str, str]:
        """``{doc id: signature}`` of every row: what opening a library reads (the
        records themselves are read when asked for, :meth:`records`)."""
        ids, signatures = self._arrays("id", "signature")
        return dict(zip(ids, signatures, strict=True))

    def records(self, ids: Iterable[str]) -> dict[str, tuple[str, str]]:
        """``{doc id: (signature, record as JSON)}`` of the rows of ``ids`` still here."""
        ids = list(ids)
        found: dict[str, tuple[str, str]] = {}
        for start in range(0, len(ids), _BATCH):
            batch = ids[start : start + _BATCH]
            marks = ",".join("?" * len(batch))
            sql = (
                "SELECT docs.id, signature, record FROM docs JOIN records USING (id) "
                f"WHERE docs.id IN ({marks})"
            )
            for doc_id, signature, record in self._select(sql, batch):
                found[str(doc_id)] = (str(signature), str(record))
        return found

    def summaries(
        self, ids: Collection[str] | None = None
    ) -> tuple[dict[str, DocSummary], dict[str, str]]:
        """``({doc id: summary}, {doc id: signature})`` of every row (or of the rows of
        ``ids`` still here), read from the summary columns (no record is decoded), a
        few thousand rows at a time (100,000 rows in half a second)."""
        columns = ", ".join(_SUMMARY)
        sql = f"SELECT signature, id, {columns} FROM docs"
        batches: Iterable[list[tuple[Any, ...]]]
        keep: Collection[str] | None = None
        if ids is None or len(ids) > _FEW:  # all, or most: one pass over the table
            batches, keep = self._batches(sql + " ORDER BY rowid"), ids
        else:
            wanted = list(ids)
            batches = (
                self._select(f"{sql} WHERE id IN ({','.join('?' * len(batch))})", batch)
                for batch in (wanted[i : i + _BATCH] for i in range(0, len(wanted), _BATCH))
            )
        summaries: dict[str, DocSummary] = {}
        signatures: dict[str, str] = {}
        shared: list[dict[Any, Any]] = [{} for _ in range(9)]
        try:
            for rows in batches:
                _summaries(rows, keep, summaries, signatures, shared)
        except (ValueError, TypeError) as exc:
            self._set_aside(ValueError(f"a summary column holds {exc}"))
            return {}, {}
        return summaries, signatures

    def _batches(self, sql: str) -> Iterator[list[tuple[Any, ...]]]:
        """The rows of a query a few thousand at a time (:meth:`_select`'s faults)."""
        try:
            cursor = self._connect().execute(sql)
            while rows := cursor.fetchmany(_FETCH):
                yield rows
        except sqlite3.OperationalError as exc:
            if not _busy(exc):
                self._set_aside(exc)
            else:
                log.info("catalogue %s busy (%s): the library folder is read", self.path, exc)
                self.close()
        except sqlite3.Error as exc:
            self._set_aside(exc)

    def column(self, name: str) -> tuple[list[str], list[Any]]:
        """The ids and the values of one summary column, in the rows' order (as two
        JSON arrays SQLite makes: a fifth of the time of 100,000 row tuples)."""
        if name not in _SUMMARY:
            raise ValueError(f"no summary column {name!r}")
        return self._arrays("id", name)

    def leading(self, name: str, count: int, *, descending: bool, text: bool) -> list[str]:
        """The ids of the first ``count`` rows ordered by the summary column ``name``,
        rows of equal value in the rows' order: ``heapq.nsmallest`` / ``nlargest``
        over :meth:`column`, ranked by SQLite (100,000 rows: 20 ms instead of 160).
        ``text``: the values compared as text after ASCII case folding, a missing one
        as "" (what ``str.casefold`` does to ASCII text such as ISO dates); else as
        they are (numbers)."""
        if name not in _SUMMARY:
            raise ValueError(f"no summary column {name!r}")
        value = f"lower(COALESCE({name}, ''))" if text else name
        direction = "DESC" if descending else "ASC"
        sql = f"SELECT id FROM docs ORDER BY {value} {direction}, rowid LIMIT ?"
        return [row[0] for row in self._select(sql, (count,))]

    def ids(self) -> list[str]:
        """Every row's id, in the rows' order (joined by SQLite with "/", which no
        folder name holds, and split here: 100,000 ids in 32 ms, 48 ms as a JSON
        array, 53 ms as row tuples)."""
        sql = "SELECT group_concat(id, '/') FROM (SELECT id FROM docs ORDER BY rowid)"
        rows = self._select(sql)
        joined = rows[0][0] if rows else None
        # not interned: 30 ms at 100,000 ids, before the window's first paint
        return joined.split("/") if isinstance(joined, str) and joined else []

    def _arrays(self, *names: str) -> Any:
        """The values of some columns, each as a list, in the rows' order."""
        arrays = ", ".join(f"json_group_array({n})" for n in names)
        inner = ", ".join(names)
        rows = self._select(f"SELECT {arrays} FROM (SELECT {inner} FROM docs ORDER BY rowid)")
        if not rows:
            return tuple([] for _ in names)
        try:
            return tuple(json.loads(text) for text in rows[0])
        except (ValueError, TypeError) as exc:
            self._set_aside(ValueError(f"a column cannot be read: {exc}"))
            return tuple([] for _ in names)

    def listing(self) -> list[dict[str, Any]]:
        """Every row as :meth:`DocSummary.as_dict` has it, in :data:`LIST_ORDER`
        (``tongwen-cli list``: sorted by SQLite, and no summary built)."""
        names = ", ".join(LIST_FIELDS)
        sql = f"SELECT {names} FROM docs ORDER BY COALESCE(published, ''), title, id"
        rows = self._select(sql)
        keys, loads = LIST_FIELDS, json.loads
        try:
            listed = [dict(zip(keys, row)) for row in rows]
            for entry in listed:
                entry["tags"] = loads(entry["tags"]) if entry["tags"] else []
        except (ValueError, TypeError) as exc:
            self._set_aside(ValueError(f"a summary column holds {exc}"))
            return []
        return listed

    def changes(self) -> int | None:
        """How many times a row of ``docs`` was written or deleted (None: unreadable).
        Read before the rows a listing is made of, it dates that listing."""
        rows = self._quiet("SELECT n FROM changes")
        return int(rows[0][0]) if rows else None

    def kept_listing(self, count: int, form: str) -> bytes | None:
        """The listing :meth:`keep_listing` kept, if no row of ``docs`` changed since,
        it lists ``count`` documents and is of ``form``; else None."""
        rows = self._quiet(
            "SELECT text FROM listing, changes WHERE listing.changes = changes.n "
            "AND listing.rows = ? AND listing.form = ?",
            (count, form),
        )
        return bytes(rows[0][0]) if rows else None

    def _quiet(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        """The rows of a query of the kept listing; none on any failure (the listing
        is made again; the catalogue's own faults are :meth:`_select`'s to judge)."""
        try:
            return self._connect().execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            log.info("catalogue %s: no kept listing (%s)", self.path, exc)
            return []

    def keep_listing(self, changes: int, count: int, form: str, text: bytes) -> None:
        """Keep ``text``, a listing of ``count`` documents made from ``docs`` as it was
        at ``changes`` (:meth:`changes`, read before its rows), in the ``form`` that
        names its fields and layout (another version's is not taken), unless a row
        changed since or ``docs`` holds another number of rows.  Another process
        writing meanwhile: not kept (the next listing is made again)."""
        try:
            db = self._connect()
            db.execute("BEGIN IMMEDIATE")
            db.execute("DELETE FROM listing")
            db.execute(
                "INSERT INTO listing SELECT ?, ?, ?, ? FROM changes "
                "WHERE n = ? AND (SELECT COUNT(*) FROM docs) = ?",
                (changes, count, form, text, changes, count),
            )
            db.execute("COMMIT")
        except sqlite3.Error as exc:
            log.info("catalogue %s: listing not kept (%s)", self.path, exc)
            self._rollback()

    @staticmethod
    def record(text: str) -> DocRecord | None:
        """The record a row holds; None for a row this version cannot read."""
        try:
            return _record_from_json(text)
        except (ValueError, TypeError, KeyError) as exc:
            log.warning("catalogue row unreadable (%s): read from its folder", exc)
            return None

    def update(self, changed: Mapping[str, tuple[str, DocRecord]], gone: Iterable[str]) -> None:
        """Write the rows of ``changed`` (id → signature, record) and drop ``gone``."""
        gone = list(gone)
        if not changed and not gone:
            return
        try:
            db = self._connect()
            db.execute("BEGIN IMMEDIATE")
            db.executemany(
                f"INSERT OR REPLACE INTO docs VALUES ({', '.join('?' * (2 + len(_SUMMARY)))})",
                (_docs_row(i, sig, r) for i, (sig, r) in changed.items()),
            )
            db.executemany(
                "INSERT OR REPLACE INTO records VALUES (?, ?)",
                ((i, _record_json(r)) for i, (_sig, r) in changed.items()),
            )
            db.executemany("DELETE FROM docs WHERE id = ?", ((i,) for i in gone))
            db.executemany("DELETE FROM records WHERE id = ?", ((i,) for i in gone))
            db.execute("COMMIT")
        except sqlite3.Error as exc:
            log.warning(
                "catalogue %s not updated (%s): the next opening reads more", self.path, exc
            )
            self._rollback()

    def _rollback(self) -> None:
        if self._db is not None:
            try:
                self._db.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    def _set_aside(self, exc: BaseException) -> None:
        log.warning("catalogue %s cannot be read (%s): rebuilt from the library", self.path, exc)
        self.close()
        for suffix in ("", "-wal", "-shm"):
            path = self.path.with_name(self.path.name + suffix)
            try:
                path.replace(path.with_name(path.name + ".damaged"))
            except FileNotFoundError:
                continue
            except OSError as err:
                log.warning("cannot set the catalogue file %s aside: %s", path, err)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _busy(exc: sqlite3.OperationalError) -> bool:
    message = str(exc).lower()
    return "locked" in message or "busy" in message


def row_count(path: Path) -> int:
    """How many documents a catalogue file holds (for tests and the CLI's checks)."""
    with sqlite3.connect(path) as db:
        return int(db.execute("SELECT COUNT(*) FROM docs").fetchone()[0])
