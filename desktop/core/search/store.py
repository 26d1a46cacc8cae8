"""The body store: compressed folded texts, their offset maps and gram postings.

whoosh's per-posting writer indexes Chinese bigrams at about 0.2 MB/s, so document
bodies live here instead, in a few flat files inside the index folder:

``texts.bin``   each slot's folded text, GB18030 (2 bytes a Han char) and zlib'd
``maps.bin``    each text's source→folded map edits as ``int64``, zlib'd, only when
                non-empty (a CRC-32 per stored map in the slot table, checked before
                it is inflated: raw integers would have no check of their own)
``seg-N.lex``   a segment's lexicon: sorted gram keys → (block, first posting, count)
``seg-N.post``  zlib'd blocks of postings: slot deltas (``uint32``), then counts
                (``uint8``, capped at 255), gram after gram in key order
``slots-T.npz`` per slot: document id, text and map extents, length, map CRC;
                the committed lengths and CRC-32s of the two append-only files, in
                a JSON header with the format version.  ``T`` is the commit's
                token: a new table per commit, the old one removed once the
                manifest names the new one.

No file is a pickle: tables and lexicons are ``.npz`` archives of plain arrays, read
with ``allow_pickle=False``.  ``docs/search-store.md`` specifies every file, what is
appended and what is replaced, the commit order and what a crash between two steps
leaves.

A *slot* is one indexed version of one document; re-indexing a document appends a
new slot and retires the old one.  Postings are keyed by :func:`grams.gram_key`, so
a query's grams are found by intersecting postings (rarest first) and every
candidate is then verified against its folded text: results equal a substring scan.
One writer at a time (the caller holds the lock).  Committed files are never
changed in place: texts and maps are appended to (an uncommitted tail is cut off by
the next writer), segments and tables are new files.  A reader keeps its files open
from :meth:`BodyStore.load`, so what it loaded stays readable while a writer goes on
(and, on POSIX, after a rebuild removed the folder).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import zlib
from array import array
from collections import OrderedDict
from pathlib import Path
from typing import BinaryIO

import numpy as np

from desktop.core import atomic
from desktop.core.search.folded import Columns, columns, encode
from desktop.core.search.grams import gram_arrays, gram_key
from desktop.core.search.manifest import fsync_path
from desktop.core.search.postings import (
    UNREADABLE,
    Pending,
    Segment,
    SegmentWriter,
    StoreError,
)

__all__ = ["BodyStore", "StoreError"]

_FORMAT = 6  #: 6: tables and lexicons as .npz (5 pickled them)
_TABLE_FORMAT = "tongwen-body-store"
_APPENDED = ("texts.bin", "maps.bin")
#: Postings held in memory before a segment is written: 9 bytes each while pending and
#: about 35 while they are sorted into a segment (8,000,000 held 70 MB and took 200 MB
#: more at each flush, while the app built its first index).
_FLUSH_POSTINGS = 250_000
_MAX_SEGMENTS = 16
#: The newest segments are merged this many at a time once they are of one size tier
#: (:meth:`BodyStore._merge_tiers`): a first build writes some 800 segments at 100,000
#: documents, each posting is merged about three times before the last, whole merge.
_FAN_IN = 8
_MERGE_CHUNK = 250_000  #: postings merged at a time (~70 bytes each while merged)
_TEXT_LEVEL = 1  #: zlib level of stored texts (1: 93 MB/s, ratio 0.50 of UTF-8)
#: zlib level of stored offset maps (1: ratio 0.27 of the raw ``int64`` edits, which
#: took 0.1x the text at 10,000 documents; 6 saves 2% more at twice the time)
_MAP_LEVEL = 1
_TEXT_CACHE_CHARS = 32 << 20
_NO_SLOTS = np.empty(0, np.uint32)
_NO_COUNTS = np.empty(0, np.uint8)


class _Slots:
    """The slot table, written whole at each commit (see :func:`_table_bytes`)."""

    def __init__(self) -> None:
        self.ids: list[str | None] = []
        self.text_off = array("q")
        self.text_len = array("q")
        self.chars = array("q")
        self.map_off = array("q")
        self.map_len = array("q")  #: edits x 4 (integers once inflated)
        self.map_bytes = array("q")  #: bytes stored in maps.bin (zlib'd)
        self.map_crc = array("L")  #: CRC-32 of the stored bytes
        self.segments: list[int] = []
        self.live = 0
        self.total_chars = 0
        #: committed length and CRC-32 of each append-only file
        self.appended: dict[str, tuple[int, int]] = {name: (0, 0) for name in _APPENDED}


class BodyStore:
    """Folded bodies and their gram postings for one library's index."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._slots = _Slots()
        self._segments: list[Segment] = []
        self._pending = Pending()
        self._slot_of: dict[str, int] = {}
        self._cache: OrderedDict[int, str] = OrderedDict()
        self._cache_chars = 0
        self._readers: dict[str, BinaryIO] = {}  #: texts.bin and maps.bin, kept open
        self._writers: dict[str, BinaryIO] = {}  #: the same, open for appending
        self._appending: dict[str, tuple[int, int]] = {}  #: length and CRC being written
        self._new_segments: list[int] = []  #: written since the last commit (to fsync)
        self.table = ""  #: the slot table file this store was loaded from or saved to
        self._sizes: dict[int, int] = {}  #: postings of each segment, where known
        self._live: np.ndarray | None = None  #: per slot: still indexed (cached)
        self._lengths: np.ndarray | None = None  #: per slot: folded length (cached)

    # ------------------------------------------------------------ open / create
    @classmethod
    def create(cls, folder: Path) -> BodyStore:
        """A new, empty store in a new folder (nothing is committed until :meth:`save`)."""
        folder.mkdir(parents=True, exist_ok=True)
        for name in _APPENDED:
            (folder / name).write_bytes(b"")
        store = cls(folder)
        store._open_readers()
        return store

    @classmethod
    def load(cls, folder: Path, table: str, crc: int | None = None) -> BodyStore:
        """Open the store committed with slot table ``table``; StoreError if unusable.

        ``crc`` is the table's recorded CRC-32 (checked before it is parsed).
        """
        store = cls(folder)
        try:
            raw = (folder / table).read_bytes()
            if crc is not None and zlib.crc32(raw) != crc:
                raise StoreError(f"{folder / table}: does not match its checksum")
            store._slots = _parse_table(raw, folder / table)
            store._segments = [Segment(folder, n) for n in store._slots.segments]
            for seg in store._segments:
                seg.keys()  # a damaged lexicon shows now, so the index is rebuilt
            store._open_readers()
        except StoreError:
            store.close()
            raise
        except UNREADABLE as exc:
            store.close()
            raise StoreError(f"{folder}: unreadable body store ({exc})") from exc
        store.table = table
        store._slot_of = {d: i for i, d in enumerate(store._slots.ids) if d is not None}
        return store

    def _open_readers(self) -> None:
        for name in _APPENDED:
            self._readers[name] = open(self.folder / name, "rb", buffering=0)  # noqa: SIM115

    def close(self) -> None:
        """Release open files and caches (uncommitted appends are dropped)."""
        for seg in self._segments:
            seg.close()
        self._segments = []
        self._cache.clear()
        self._cache_chars = 0
        for fh in [*self._readers.values(), *self._writers.values()]:
            fh.close()
        self._readers.clear()
        self._writers.clear()
        self._appending.clear()

    # ------------------------------------------------------------------ writing
    def add(self, doc_id: str, folded: str, flat_map: array) -> int:
        """Index a document's folded body; replaces an older version of it."""
        if not doc_id or "\n" in doc_id:
            raise ValueError(f"a document id must be one line of text, not {doc_id!r}")
        self.remove(doc_id)
        s = self._slots
        slot = len(s.ids)
        data = zlib.compress(encode(folded, "gb18030"), _TEXT_LEVEL)
        s.text_off.append(self._append("texts.bin", data))
        s.map_off.append(0)
        s.map_bytes.append(0)
        s.map_crc.append(0)
        if len(flat_map):
            stored = zlib.compress(flat_map.tobytes(), _MAP_LEVEL)
            s.map_off[-1] = self._append("maps.bin", stored)
            s.map_bytes[-1] = len(stored)
            s.map_crc[-1] = zlib.crc32(stored)
        s.ids.append(doc_id)
        s.text_len.append(len(data))
        s.map_len.append(len(flat_map))
        s.chars.append(len(folded))
        s.live += 1
        s.total_chars += len(folded)
        self._slot_of[doc_id] = slot
        self._live = self._lengths = None
        self._pending.add(slot, *gram_arrays(folded))
        if self._pending.size >= _FLUSH_POSTINGS:
            self.flush()
        return slot

    def _append(self, name: str, data: bytes) -> int:
        """Append to an append-only file; the offset written at.

        The first append of a write cuts off what a killed writer appended after the
        last commit, so the file is exactly what the running CRC covers.
        """
        fh = self._writers.get(name)
        if fh is None:
            length, crc = self._slots.appended[name]
            fh = open(self.folder / name, "r+b")  # noqa: SIM115
            fh.truncate(length)
            fh.seek(length)
            self._writers[name] = fh
            self._appending[name] = (length, crc)
        length, crc = self._appending[name]
        fh.write(data)
        self._appending[name] = (length + len(data), zlib.crc32(data, crc))
        return length

    def remove(self, doc_id: str) -> bool:
        """Retire the document's slot; True when it was indexed."""
        slot = self._slot_of.pop(doc_id, None)
        if slot is None:
            return False
        s = self._slots
        s.ids[slot] = None
        s.live -= 1
        s.total_chars -= s.chars[slot]
        self._live = None
        self._forget(slot)
        return True

    def flush(self) -> None:
        """Write pending postings as a new segment (merging the newest segments when
        they are :data:`_FAN_IN` of one size: a first build must not wait for its
        commit, and hundreds of segments, to merge them)."""
        if not self._pending.size:
            return
        number = max(self._slots.segments, default=0) + 1
        writer = SegmentWriter(self.folder, number)
        self._sizes[number] = self._pending.size
        writer.add(*self._pending.arrays())
        writer.close()
        self._slots.segments.append(number)
        self._segments.append(Segment(self.folder, number))
        self._new_segments.append(number)
        self._pending = Pending()
        self._merge_tiers()

    def prepare(self, *, merge: bool = False) -> None:
        """Make everything durable but the slot table: flush, merge, fsync.

        Merges segments when asked or when there are too many.  Nothing a reader
        sees changes: new segments are new files, appends go past the committed end.
        """
        self.flush()
        if len(self._segments) > 1 and (merge or len(self._segments) > _MAX_SEGMENTS):
            self._merge()
        for name, fh in self._writers.items():
            if self._appending[name] == self._slots.appended[name]:
                continue  # nothing appended since the last commit
            fh.flush()
            os.fsync(fh.fileno())
            self._slots.appended[name] = self._appending[name]
        live = set(self._slots.segments)
        for number in self._new_segments:
            if number in live:
                for ext in ("lex", "post"):
                    fsync_path(self.folder / f"seg-{number}.{ext}")
        self._new_segments = []
        # the folder's new entries are synced with the table's (write_table, before
        # any manifest names them): one folder fsync per commit, not two

    def write_table(self, token: str) -> str:
        """Write the slot table as a new file named by ``token``; its name.

        Call :meth:`prepare` first; the write is committed when the manifest names it.
        """
        name = f"slots-{token}.npz"
        atomic.write_bytes(self.folder / name, _table_bytes(self._slots), backup=False)
        self.table = name
        return name

    def save(self, *, merge: bool = False, token: str = "0") -> None:
        """Prepare and write the slot table at once (a store used without an index)."""
        self.prepare(merge=merge)
        self.write_table(token)
        self.committed()

    def committed(self) -> None:
        """The manifest names the new table: remove older tables and merged segments."""
        for path in self.folder.glob("slots-*"):
            if path.name != self.table:
                with contextlib.suppress(OSError):
                    path.unlink()
        self._drop_unused_segments()

    def files(self) -> dict[str, tuple[int, int] | None]:
        """The committed files: name → (length, CRC-32) where known, else None."""
        found: dict[str, tuple[int, int] | None] = dict(self._slots.appended)
        found[self.table] = None
        for number in self._slots.segments:
            found[f"seg-{number}.lex"] = found[f"seg-{number}.post"] = None
        return found

    def _size(self, seg: Segment) -> int:
        """How many postings a segment holds (its lexicon is read once if not known)."""
        size = self._sizes.get(seg.number)
        if size is None:
            size = self._sizes[seg.number] = seg.posting_count
        return size

    def _merge_tiers(self) -> None:
        """Merge the newest :data:`_FAN_IN` segments while they are of one size tier
        (a tier is a power of :data:`_FAN_IN` times :data:`_FLUSH_POSTINGS`): segments
        stay few without merging the big old ones again at every flush."""

        def tier(seg: Segment) -> int:
            size, level = self._size(seg), 0
            while size >= _FLUSH_POSTINGS * _FAN_IN ** (level + 1):
                level += 1
            return level

        while len(self._segments) >= _FAN_IN:
            newest = self._segments[-_FAN_IN:]
            if len({tier(seg) for seg in newest}) != 1:
                return
            self._merge(len(self._segments) - _FAN_IN)

    def _merge(self, first: int = 0) -> None:
        """Merge the segments from ``first`` on (all by default) into one, a key range
        at a time, dropping retired slots.  Segments hold ascending slots, the newer the
        higher, so the merged one takes their place in the order."""
        merged = self._segments[first:]
        number = max(self._slots.segments) + 1
        writer = SegmentWriter(self.folder, number)
        live = self._live_mask()
        for low, high in self._merge_chunks(merged):
            parts = [seg.key_range(low, high) for seg in merged]
            keys = np.concatenate([p[0] for p in parts])
            slots = np.concatenate([p[1] for p in parts])
            counts = np.concatenate([p[2] for p in parts])
            del parts
            order = np.argsort(keys, kind="stable")  # segments hold ascending slots
            keep = order[live[slots[order]]]
            del order
            writer.add(keys[keep], slots[keep], counts[keep])
            self._sizes[number] = self._sizes.get(number, 0) + len(keep)
        writer.close()
        for seg in merged:
            seg.close()
            self._sizes.pop(seg.number, None)
        self._slots.segments = [*self._slots.segments[:first], number]
        self._segments = [*self._segments[:first], Segment(self.folder, number)]
        self._new_segments.append(number)

    def _merge_chunks(self, merged: list[Segment]) -> list[tuple[int, int | None]]:
        """Key ranges holding about :data:`_MERGE_CHUNK` postings each."""
        total = sum(self._size(seg) for seg in merged)
        firsts = np.unique(np.concatenate([seg.block_keys() for seg in merged]))
        step = max(1, len(firsts) * _MERGE_CHUNK // max(total, 1))
        lows = [0, *(int(k) for k in firsts[step::step])]
        return list(zip(lows, [*lows[1:], None], strict=True))

    def _drop_unused_segments(self) -> None:
        keep = {f"seg-{n}.{ext}" for n in self._slots.segments for ext in ("lex", "post")}
        for path in self.folder.glob("seg-*"):
            if path.name not in keep:
                with contextlib.suppress(OSError):
                    path.unlink()

    # ------------------------------------------------------------------ reading
    @property
    def live_count(self) -> int:
        """How many documents are indexed."""
        return self._slots.live

    @property
    def average_chars(self) -> float:
        """Average folded body length, for BM25."""
        return self._slots.total_chars / self._slots.live if self._slots.live else 1.0

    def ids(self) -> list[str]:
        """The indexed document ids."""
        return list(self._slot_of)

    def slot_of(self, doc_id: str) -> int | None:
        """The live slot of a document, or None."""
        return self._slot_of.get(doc_id)

    def doc_id(self, slot: int) -> str | None:
        """The document of a slot (None when retired)."""
        return self._slots.ids[slot]

    def chars(self, slot: int) -> int:
        """The folded body length of a slot."""
        return self._slots.chars[slot]

    def lengths(self, slots: np.ndarray) -> np.ndarray:
        """The folded body lengths of many slots."""
        if self._lengths is None:
            self._lengths = np.array(self._slots.chars, dtype=np.float64)
        return self._lengths[slots]

    def _live_mask(self) -> np.ndarray:
        if self._live is None:
            live = np.zeros(len(self._slots.ids), dtype=bool)
            live[list(self._slot_of.values())] = True
            self._live = live
        return self._live

    def live_slots(self) -> np.ndarray:
        """Every live slot, ascending."""
        return np.flatnonzero(self._live_mask()).astype(np.uint32)

    def postings(self, gram: str) -> tuple[np.ndarray, np.ndarray]:
        """Live slots holding ``gram`` (ascending) and the gram's count (capped at 255)."""
        self.flush()
        key = gram_key(gram)
        found = [got for seg in self._segments if (got := seg.postings(key)) is not None]
        if not found:
            return _NO_SLOTS, _NO_COUNTS
        slots = np.concatenate([f[0] for f in found]) if len(found) > 1 else found[0][0]
        counts = np.concatenate([f[1] for f in found]) if len(found) > 1 else found[0][1]
        keep = self._live_mask()[slots]
        return slots[keep], counts[keep]

    def candidates(self, grams: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Live slots holding every gram (rarest first) and the least of their counts.

        The least count bounds how often a phrase made of these grams can occur.
        """
        lists = sorted((self.postings(g) for g in grams), key=lambda p: len(p[0]))
        if not lists:
            return _NO_SLOTS, _NO_COUNTS
        slots, least = lists[0]
        for other, counts in lists[1:]:
            if not len(slots):
                break
            at = np.minimum(np.searchsorted(other, slots), max(len(other) - 1, 0))
            hit = other[at] == slots if len(other) else np.zeros(len(slots), bool)
            slots, least = slots[hit], np.minimum(least[hit], counts[at[hit]])
        return slots, least

    def folded_text(self, slot: int) -> str:
        """A slot's folded body."""
        text = self._cache.get(slot)
        if text is not None:
            self._cache.move_to_end(slot)
            return text
        off, n = self._slots.text_off[slot], self._slots.text_len[slot]
        data = self._read("texts.bin", off, n, slot)
        try:
            text = zlib.decompress(data).decode("gb18030") if n else ""
        except (zlib.error, UnicodeDecodeError) as exc:
            raise StoreError(
                f"{self.folder / 'texts.bin'}: damaged at slot {slot} ({exc})"
            ) from exc
        self._remember(slot, text)
        return text

    def _read(self, name: str, offset: int, size: int, slot: int) -> bytes:
        """``size`` bytes of an append-only file; StoreError when they are not there."""
        if not size:
            return b""
        writer = self._writers.get(name)
        if writer is not None:  # this process appended: let the reader see it
            writer.flush()
        fh = self._readers[name]
        if hasattr(os, "pread"):  # no shared file position: safe beside other readers
            data = os.pread(fh.fileno(), size, offset)
        else:
            fh.seek(offset)
            data = fh.read(size)
        if data is None or len(data) != size:
            raise StoreError(f"{self.folder / name}: truncated at slot {slot}")
        return data

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

    def count(self, slot: int, needle: str) -> int:
        """How often ``needle`` (folded) occurs in a slot's body."""
        return self.folded_text(slot).count(needle)

    def map_columns(self, slot: int) -> Columns:
        """The slot's source→folded map edits as columns."""
        flat = array("q")
        n = self._slots.map_len[slot]
        if n:
            flat.frombytes(self._map_bytes(slot))
            if len(flat) != n:
                raise StoreError(f"{self.folder / 'maps.bin'}: damaged at slot {slot}")
        return columns(flat)

    def _map_bytes(self, slot: int) -> bytes:
        """A slot's map edits as raw ``int64`` bytes, checked, then inflated."""
        stored = self._read(
            "maps.bin", self._slots.map_off[slot], self._slots.map_bytes[slot], slot
        )
        if zlib.crc32(stored) != self._slots.map_crc[slot]:
            raise StoreError(f"{self.folder / 'maps.bin'}: damaged at slot {slot}")
        try:
            return zlib.decompress(stored)
        except zlib.error as exc:
            raise StoreError(f"{self.folder / 'maps.bin'}: damaged at slot {slot} ({exc})") from exc


#: The slot table's integer columns: name, ``array`` type code, type stored.
_COLUMNS = (
    ("text_off", "q", np.int64),
    ("text_len", "q", np.int64),
    ("chars", "q", np.int64),
    ("map_off", "q", np.int64),
    ("map_len", "q", np.int64),
    ("map_bytes", "q", np.int64),
    ("map_crc", "L", np.uint32),
)


def _table_bytes(slots: _Slots) -> bytes:
    """The slot table as an ``.npz``: a JSON header, the ids, one array per column.

    Ids are UTF-8, one per line (a retired slot's is empty), so no array holds
    Python objects and the file loads with ``allow_pickle=False``.
    """
    header = {
        "format": _TABLE_FORMAT,
        "version": _FORMAT,
        "slots": len(slots.ids),
        "segments": slots.segments,
        "live": slots.live,
        "total_chars": slots.total_chars,
        "appended": {name: list(v) for name, v in slots.appended.items()},
    }
    ids = "\n".join(d or "" for d in slots.ids).encode("utf-8")
    arrays = {
        "header": np.frombuffer(json.dumps(header).encode("utf-8"), np.uint8),
        "ids": np.frombuffer(ids, np.uint8),
    }
    for name, _code, dtype in _COLUMNS:
        arrays[name] = np.asarray(getattr(slots, name), dtype=dtype)
    out = io.BytesIO()
    np.savez(out, **arrays)  # type: ignore[arg-type]
    return out.getvalue()


def _parse_table(raw: bytes, path: Path) -> _Slots:
    """The slot table :func:`_table_bytes` wrote; StoreError for another format."""
    with np.load(io.BytesIO(raw), allow_pickle=False) as archive:
        header = json.loads(archive["header"].tobytes())
        if not isinstance(header, dict) or header.get("format") != _TABLE_FORMAT:
            raise StoreError(f"{path}: not a slot table")
        if header.get("version") != _FORMAT:
            raise StoreError(f"{path}: body store format {header.get('version')!r}")
        slots = _Slots()
        count = int(header["slots"])
        text = archive["ids"].tobytes().decode("utf-8")
        slots.ids = [d or None for d in text.split("\n")] if count else []
        for name, code, _dtype in _COLUMNS:
            column = array(code, archive[name].tolist())
            if len(column) != count:
                raise StoreError(f"{path}: column {name} has {len(column)} rows, not {count}")
            setattr(slots, name, column)
    if len(slots.ids) != count:
        raise StoreError(f"{path}: {len(slots.ids)} ids for {count} slots")
    slots.segments = [int(n) for n in header["segments"]]
    slots.live, slots.total_chars = int(header["live"]), int(header["total_chars"])
    appended = header["appended"]
    slots.appended = {name: (int(appended[name][0]), int(appended[name][1])) for name in _APPENDED}
    return slots
