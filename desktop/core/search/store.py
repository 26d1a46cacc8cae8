"""The body store: compressed folded texts, their offset maps and gram postings.

whoosh's per-posting writer indexes Chinese bigrams at about 0.2 MB/s, so document
bodies live here instead, in a few flat files inside the index folder:

``texts.bin``   each slot's folded text, GB18030 (2 bytes a Han char) and zlib'd
``maps.bin``    each text's source→folded map edits as ``int64``, only when non-empty
``seg-N.lex``   a segment's lexicon: sorted gram keys → (block, first posting, count)
``seg-N.post``  zlib'd blocks of postings: slot deltas (``uint32``), then counts
                (``uint8``, capped at 255), gram after gram in key order
``slots.pkl``   per slot: document id, text and map extents, length; deleted slots

A *slot* is one indexed version of one document; re-indexing a document appends a
new slot and retires the old one.  Postings are keyed by :func:`grams.gram_key`, so
a query's grams are found by intersecting postings (rarest first) and every
candidate is then verified against its folded text: results equal a substring scan.
One writer at a time (the caller holds the lock); readers see a consistent state
after :meth:`BodyStore.save`.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import zlib
from array import array
from collections import OrderedDict
from pathlib import Path
from typing import BinaryIO

import numpy as np

from desktop.core.search.fold import Columns, columns, encode
from desktop.core.search.grams import gram_arrays, gram_key
from desktop.core.search.postings import Pending, Segment, SegmentWriter

__all__ = ["BodyStore", "StoreError"]

_FORMAT = 3
_FLUSH_POSTINGS = 8_000_000  #: postings held in memory before a segment is written
_MAX_SEGMENTS = 16
_MERGE_CHUNK = 1_000_000  #: postings merged at a time (~70 bytes each while merged)
_TEXT_LEVEL = 1  #: zlib level of stored texts (1: 93 MB/s, ratio 0.50 of UTF-8)
_TEXT_CACHE_CHARS = 32 << 20
_NO_SLOTS = np.empty(0, np.uint32)
_NO_COUNTS = np.empty(0, np.uint8)


class StoreError(Exception):
    """The body store on disk is missing, damaged or from another version."""


class _Slots:
    """The slot table (pickled as a whole)."""

    def __init__(self) -> None:
        self.ids: list[str | None] = []
        self.text_off = array("q")
        self.text_len = array("q")
        self.chars = array("q")
        self.map_off = array("q")
        self.map_len = array("q")
        self.segments: list[int] = []
        self.live = 0
        self.total_chars = 0


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
        self._reader: BinaryIO | None = None
        self._live: np.ndarray | None = None  #: per slot: still indexed (cached)
        self._lengths: np.ndarray | None = None  #: per slot: folded length (cached)

    # ------------------------------------------------------------ open / create
    @classmethod
    def create(cls, folder: Path) -> BodyStore:
        """A new, empty store in ``folder`` (its old files are removed)."""
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            if old.is_file():
                old.unlink()
        store = cls(folder)
        (folder / "texts.bin").write_bytes(b"")
        (folder / "maps.bin").write_bytes(b"")
        store.save()
        return store

    @classmethod
    def load(cls, folder: Path) -> BodyStore:
        """Open the store in ``folder``; :class:`StoreError` when it cannot be used."""
        store = cls(folder)
        try:
            with open(folder / "slots.pkl", "rb") as fh:
                state = pickle.load(fh)
            if not isinstance(state, dict) or state.get("format") != _FORMAT:
                raise StoreError(f"{folder}: body store format {_format_of(state)!r}")
            store._slots = state["slots"]
            store._segments = [Segment(folder, n) for n in store._slots.segments]
            for seg in store._segments:
                seg.keys()  # a damaged lexicon shows now, so the index is rebuilt
        except StoreError:
            raise
        except Exception as exc:
            raise StoreError(f"{folder}: unreadable body store ({exc})") from exc
        store._slot_of = {d: i for i, d in enumerate(store._slots.ids) if d is not None}
        return store

    def close(self) -> None:
        """Release open files and caches."""
        for seg in self._segments:
            seg.close()
        self._segments = []
        self._cache.clear()
        self._cache_chars = 0
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    # ------------------------------------------------------------------ writing
    def add(self, doc_id: str, folded: str, flat_map: array) -> int:
        """Index a document's folded body; replaces an older version of it."""
        self.remove(doc_id)
        s = self._slots
        slot = len(s.ids)
        data = zlib.compress(encode(folded, "gb18030"), _TEXT_LEVEL)
        with open(self.folder / "texts.bin", "ab") as fh:
            s.text_off.append(fh.tell())
            fh.write(data)
        s.map_off.append(0)
        if len(flat_map):
            with open(self.folder / "maps.bin", "ab") as fh:
                s.map_off[-1] = fh.tell()
                fh.write(flat_map.tobytes())
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
        """Write pending postings as a new segment."""
        if not self._pending.size:
            return
        number = max(self._slots.segments, default=0) + 1
        writer = SegmentWriter(self.folder, number)
        writer.add(*self._pending.arrays())
        writer.close()
        self._slots.segments.append(number)
        self._segments.append(Segment(self.folder, number))
        self._pending = Pending()

    def save(self, *, merge: bool = False) -> None:
        """Flush and write the slot table; merge segments when asked or too many."""
        self.flush()
        if len(self._segments) > 1 and (merge or len(self._segments) > _MAX_SEGMENTS):
            self._merge()
        state = {"format": _FORMAT, "slots": self._slots}
        tmp = self.folder / "slots.pkl.tmp"
        with open(tmp, "wb") as fh:
            pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.folder / "slots.pkl")
        self._drop_unused_segments()

    def _merge(self) -> None:
        """Merge every segment into one, a key range at a time, dropping retired slots."""
        number = max(self._slots.segments) + 1
        writer = SegmentWriter(self.folder, number)
        live = self._live_mask()
        for low, high in self._merge_chunks():
            parts = [seg.key_range(low, high) for seg in self._segments]
            keys = np.concatenate([p[0] for p in parts])
            slots = np.concatenate([p[1] for p in parts])
            counts = np.concatenate([p[2] for p in parts])
            order = np.argsort(keys, kind="stable")  # segments hold ascending slots
            keep = order[live[slots[order]]]
            writer.add(keys[keep], slots[keep], counts[keep])
        writer.close()
        for seg in self._segments:
            seg.close()
        self._slots.segments = [number]
        self._segments = [Segment(self.folder, number)]

    def _merge_chunks(self) -> list[tuple[int, int | None]]:
        """Key ranges holding about :data:`_MERGE_CHUNK` postings each."""
        total = sum(seg.posting_count for seg in self._segments)
        firsts = np.unique(np.concatenate([seg.block_keys() for seg in self._segments]))
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
        if self._reader is None:
            self._reader = open(self.folder / "texts.bin", "rb", buffering=0)  # noqa: SIM115
        self._reader.seek(off)
        data = self._reader.read(n) if n else b""
        if data is None or len(data) != n:
            raise StoreError(f"{self.folder / 'texts.bin'}: truncated at slot {slot}")
        text = zlib.decompress(data).decode("gb18030") if n else ""
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

    def count(self, slot: int, needle: str) -> int:
        """How often ``needle`` (folded) occurs in a slot's body."""
        return self.folded_text(slot).count(needle)

    def map_columns(self, slot: int) -> Columns:
        """The slot's source→folded map edits as columns."""
        flat = array("q")
        n = self._slots.map_len[slot]
        if n:
            with open(self.folder / "maps.bin", "rb") as fh:
                fh.seek(self._slots.map_off[slot])
                flat.frombytes(fh.read(8 * n))
        return columns(flat)


def _format_of(state: object) -> object:
    return state.get("format") if isinstance(state, dict) else type(state).__name__
