"""The body store on SQLite FTS5: postings in C, texts as compressed BLOBs.

One file, ``body.db``, inside the index folder:

``grams``  a contentless FTS5 table (``detail=none``: document ids only) whose rowid
           is the slot; each document is indexed as the space-separated set of its
           grams (Han chars, Han pairs, words: see :func:`fold.text_grams`) plus,
           for a gram seen at least 2, 4, 8 … 128 times, one *count token* per
           threshold (the gram followed by a private-use character), so a gram's
           count is known to a power of two without positions
``slots``  slot → document id, folded length, folded text (GB18030 + zlib) and the
           source→folded map edits (``int64``)
``info``   the format number

The ``ascii`` tokenizer keeps every non-ASCII character inside tokens, so each gram
is one token exactly.  Query candidates are the slots holding all of a term's grams
(an FTS5 ``MATCH`` of quoted tokens); the searcher verifies them against the text.
The same public methods as :class:`store.BodyStore`.  The index is derived data:
writes go without a journal inside one transaction per :meth:`save`; the index's
manifest, written after, is the stamp that says the store is complete.
"""

from __future__ import annotations

import re
import sqlite3
import zlib
from array import array
from collections import Counter, OrderedDict
from pathlib import Path

from desktop.core.search.fold import HAN, Columns, columns
from desktop.core.search.store import StoreError

__all__ = ["FtsStore", "doc_tokens"]

_FORMAT = 3
_FILE = "body.db"
_TEXT_LEVEL = 1
_TEXT_CACHE_CHARS = 32 << 20
_THRESHOLDS = (2, 4, 8, 16, 32, 64, 128)
_MARK = {n: chr(0xE000 + i) for i, n in enumerate(_THRESHOLDS)}
_HAN_RUN = re.compile(f"[{HAN}]+")
_WORD = re.compile(r"[0-9a-z]+")
_SCHEMA = (
    "PRAGMA page_size=16384",  # ~3 KB text BLOBs waste less of a page
    "CREATE VIRTUAL TABLE grams USING fts5(t, content='', detail=none, columnsize=0,"
    " tokenize='ascii')",
    "INSERT INTO grams(grams, rank) VALUES('pgsz', 4000)",
    "CREATE TABLE slots(slot INTEGER PRIMARY KEY, doc_id TEXT UNIQUE, chars INTEGER,"
    " body BLOB, map BLOB)",
    "CREATE TABLE info(key TEXT PRIMARY KEY, value)",
)


def doc_tokens(folded: str) -> str:
    """The FTS5 token string of a folded text: its grams and count tokens."""
    counts: Counter[str] = Counter()
    for run in _HAN_RUN.findall(folded):
        counts.update(run)
        counts.update(map(str.__add__, run, run[1:]))
    counts.update(_WORD.findall(folded))
    tokens = list(counts)
    for gram, n in counts.items():
        if n >= 2:
            tokens.extend(gram + mark for k, mark in _MARK.items() if n >= k)
    return " ".join(tokens)


def _match(grams: list[str], mark: str = "") -> str:
    return " ".join(f'"{g}{mark}"' for g in grams)


class FtsStore:
    """Folded bodies and their gram postings in one SQLite file."""

    def __init__(self, folder: Path, db: sqlite3.Connection) -> None:
        self.folder = folder
        self._db = db
        self._ids: dict[int, str] = {}
        self._slot_of: dict[str, int] = {}
        self._chars: dict[int, int] = {}
        self._total_chars = 0
        self._cache: OrderedDict[int, str] = OrderedDict()
        self._cache_chars = 0

    # ------------------------------------------------------------ open / create
    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        return db

    @classmethod
    def create(cls, folder: Path) -> FtsStore:
        """A new, empty store in ``folder`` (its old files are removed)."""
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            if old.is_file():
                old.unlink()
        db = cls._connect(folder / _FILE)
        for sql in _SCHEMA:
            db.execute(sql)
        db.execute("INSERT INTO info VALUES('format', ?)", (_FORMAT,))
        return cls(folder, db)

    @classmethod
    def load(cls, folder: Path) -> FtsStore:
        """Open the store in ``folder``; :class:`StoreError` when it cannot be used."""
        path = folder / _FILE
        if not path.is_file():
            raise StoreError(f"{path}: the body store is missing")
        try:
            db = cls._connect(path)
            row = db.execute("SELECT value FROM info WHERE key='format'").fetchone()
            if row is None or row[0] != _FORMAT:
                db.close()
                raise StoreError(f"{path}: body store format {row and row[0]!r}")
            store = cls(folder, db)
            for slot, doc_id, chars in db.execute("SELECT slot, doc_id, chars FROM slots"):
                store._note(slot, doc_id, chars)
        except sqlite3.Error as exc:
            raise StoreError(f"{path}: unreadable body store ({exc})") from exc
        return store

    def close(self) -> None:
        """Close the database and drop caches."""
        if self._db.in_transaction:
            self._db.execute("COMMIT")
        self._db.close()
        self._cache.clear()
        self._cache_chars = 0

    def _note(self, slot: int, doc_id: str, chars: int) -> None:
        self._ids[slot] = doc_id
        self._slot_of[doc_id] = slot
        self._chars[slot] = chars
        self._total_chars += chars

    def _begin(self) -> None:
        if not self._db.in_transaction:
            self._db.execute("BEGIN")

    # ------------------------------------------------------------------ writing
    def add(self, doc_id: str, folded: str, flat_map: array) -> int:
        """Index a document's folded body; replaces an older version of it."""
        self._begin()
        self.remove(doc_id)
        body = zlib.compress(folded.encode("gb18030"), _TEXT_LEVEL)
        mapping = flat_map.tobytes() if len(flat_map) else None
        cur = self._db.execute(
            "INSERT INTO slots(doc_id, chars, body, map) VALUES(?, ?, ?, ?)",
            (doc_id, len(folded), body, mapping),
        )
        slot = int(cur.lastrowid or 0)
        self._db.execute("INSERT INTO grams(rowid, t) VALUES(?, ?)", (slot, doc_tokens(folded)))
        self._note(slot, doc_id, len(folded))
        return slot

    def remove(self, doc_id: str) -> bool:
        """Drop the document's slot and its postings; True when it was indexed."""
        slot = self._slot_of.get(doc_id)
        if slot is None:
            return False
        self._begin()
        tokens = doc_tokens(self.folded_text(slot))
        self._db.execute(
            "INSERT INTO grams(grams, rowid, t) VALUES('delete', ?, ?)", (slot, tokens)
        )
        self._db.execute("DELETE FROM slots WHERE slot = ?", (slot,))
        del self._slot_of[doc_id], self._ids[slot]
        self._total_chars -= self._chars.pop(slot)
        self._forget(slot)
        return True

    def flush(self) -> None:
        """Commit what was added so far."""
        if self._db.in_transaction:
            self._db.execute("COMMIT")

    def save(self, *, merge: bool = False) -> None:
        """Commit; with ``merge``, optimise the FTS5 index and give back free pages."""
        self.flush()
        if merge:
            self._db.execute("INSERT INTO grams(grams) VALUES('optimize')")
            self._db.execute("VACUUM")

    # ------------------------------------------------------------------ reading
    @property
    def live_count(self) -> int:
        """How many documents are indexed."""
        return len(self._ids)

    @property
    def average_chars(self) -> float:
        """Average folded body length, for BM25."""
        return self._total_chars / len(self._ids) if self._ids else 1.0

    def ids(self) -> list[str]:
        """The indexed document ids."""
        return list(self._slot_of)

    def slot_of(self, doc_id: str) -> int | None:
        """The live slot of a document, or None."""
        return self._slot_of.get(doc_id)

    def doc_id(self, slot: int) -> str | None:
        """The document of a slot (None when gone)."""
        return self._ids.get(slot)

    def chars(self, slot: int) -> int:
        """The folded body length of a slot."""
        return self._chars.get(slot, 0)

    def live_slots(self) -> set[int]:
        """Every live slot."""
        return set(self._ids)

    def _rowids(self, query: str) -> list[int]:
        rows = self._db.execute("SELECT rowid FROM grams WHERE grams MATCH ?", (query,))
        return [r[0] for r in rows]

    def postings(self, gram: str) -> dict[int, int]:
        """Live slots holding ``gram``, with its count rounded down to a power of 2."""
        out = dict.fromkeys(self._rowids(_match([gram])), 1)
        for n, mark in _MARK.items():
            more = self._rowids(_match([gram], mark))
            if not more:
                break
            out.update(dict.fromkeys(more, n))
        return out

    def slots_with_all(self, grams: list[str]) -> set[int]:
        """Live slots holding every gram in ``grams``."""
        return set(self._rowids(_match(grams))) if grams else set()

    def folded_text(self, slot: int) -> str:
        """A slot's folded body."""
        text = self._cache.get(slot)
        if text is not None:
            self._cache.move_to_end(slot)
            return text
        row = self._db.execute("SELECT body FROM slots WHERE slot = ?", (slot,)).fetchone()
        text = zlib.decompress(row[0]).decode("gb18030") if row else ""
        self._remember(slot, text)
        return text

    def _remember(self, slot: int, text: str) -> None:
        self._cache[slot] = text
        self._cache_chars += len(text)
        while self._cache_chars > _TEXT_CACHE_CHARS and len(self._cache) > 1:
            _old, dropped = self._cache.popitem(last=False)
            self._cache_chars -= len(dropped)

    def _forget(self, slot: int) -> None:
        dropped = self._cache.pop(slot, None)
        if dropped is not None:
            self._cache_chars -= len(dropped)

    def folded_bytes(self, slot: int) -> bytes:
        """A slot's folded body as UTF-8 bytes."""
        return self.folded_text(slot).encode("utf-8")

    def count(self, slot: int, needle: str) -> int:
        """How often ``needle`` (folded) occurs in a slot's body."""
        return self.folded_text(slot).count(needle)

    def map_columns(self, slot: int) -> Columns:
        """The slot's source→folded map edits as columns."""
        flat = array("q")
        row = self._db.execute("SELECT map FROM slots WHERE slot = ?", (slot,)).fetchone()
        if row and row[0]:
            flat.frombytes(row[0])
        return columns(flat)
