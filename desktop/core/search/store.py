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

from desktop.core.search.fold import Columns, columns
from desktop.core.search.grams import gram_counts, gram_key
from desktop.core.search.postings import Pending, Segment, write_segment

__all__ = ["BodyStore", "StoreError"]

_FORMAT = 2
_FLUSH_POSTINGS = 6_000_000  #: postings held in memory before a segment is written
_MAX_SEGMENTS = 24
_TEXT_LEVEL = 1  #: zlib level of stored texts (1: 93 MB/s, ratio 0.50 of UTF-8)
_BIG_TEXT = 0  #: texts at least this long (chars) are kept decoded (LRU, bounded)
_TEXT_CACHE_CHARS = 32 << 20


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
        self._retired: set[int] = set()
        self._slot_of: dict[str, int] = {}
        self._cache: OrderedDict[int, str] = OrderedDict()
        self._cache_chars = 0

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
            store._retired = state["retired"]
            store._segments = [Segment(folder, n) for n in store._slots.segments]
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

    # ------------------------------------------------------------------ writing
    def add(self, doc_id: str, folded: str, flat_map: array) -> int:
        """Index a document's folded body; replaces an older version of it."""
        self.remove(doc_id)
        s = self._slots
        slot = len(s.ids)
        data = zlib.compress(folded.encode("gb18030"), _TEXT_LEVEL)
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
        self._pending.add(slot, gram_counts(folded))
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
        self._retired.add(slot)
        self._forget(slot)
        return True

    def flush(self) -> None:
        """Write pending postings as a new segment."""
        if not self._pending.size:
            return
        number = max(self._slots.segments, default=0) + 1
        write_segment(self.folder, number, self._pending.items())
        self._slots.segments.append(number)
        self._segments.append(Segment(self.folder, number))
        self._pending = Pending()

    def save(self, *, merge: bool = False) -> None:
        """Flush and write the slot table; merge segments when asked or too many."""
        self.flush()
        if len(self._segments) > 1 and (merge or len(self._segments) > _MAX_SEGMENTS):
            self._merge()
        state = {"format": _FORMAT, "slots": self._slots, "retired": self._retired}
        tmp = self.folder / "slots.pkl.tmp"
        with open(tmp, "wb") as fh:
            pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.folder / "slots.pkl")
        self._drop_unused_segments()

    def _merge(self) -> None:
        number = max(self._slots.segments) + 1
        keys = sorted(set().union(*(seg.keys() for seg in self._segments)))
        write_segment(self.folder, number, ((k, *self._gather(k)) for k in keys))
        for seg in self._segments:
            seg.close()
        self._slots.segments = [number]
        self._segments = [Segment(self.folder, number)]

    def _gather(self, key: int) -> tuple[array, bytes]:
        slots, counts = array("I"), bytearray()
        for seg in self._segments:
            got = seg.postings(key)
            if got is not None:
                slots.extend(got[0])
                counts.extend(got[1])
        return slots, bytes(counts)

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

    def live_slots(self) -> set[int]:
        """Every live slot."""
        return set(self._slot_of.values())

    def postings(self, gram: str) -> dict[int, int]:
        """Live slots holding ``gram``, with the gram's count (capped at 255)."""
        key = gram_key(gram)
        out: dict[int, int] = {}
        for seg in self._segments:
            got = seg.postings(key)
            if got is not None:
                out.update(zip(got[0], got[1]))
        pending = self._pending.get(key)
        if pending is not None:
            out.update(zip(*pending))
        for slot in self._retired.intersection(out) if self._retired else ():
            del out[slot]
        return out

    def slots_with_all(self, grams: list[str]) -> set[int]:
        """Live slots holding every gram in ``grams`` (rarest first)."""
        lists = sorted((self.postings(g) for g in grams), key=len)
        if not lists:
            return set()
        found = set(lists[0])
        for other in lists[1:]:
            if not found:
                break
            found.intersection_update(other)
        return found

    def folded_text(self, slot: int) -> str:
        """A slot's folded body."""
        text = self._cache.get(slot)
        if text is not None:
            self._cache.move_to_end(slot)
            return text
        off, n = self._slots.text_off[slot], self._slots.text_len[slot]
        with open(self.folder / "texts.bin", "rb") as fh:
            fh.seek(off)
            data = fh.read(n)
        text = zlib.decompress(data).decode("gb18030") if n else ""
        if len(text) >= _BIG_TEXT:
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
        n = self._slots.map_len[slot]
        if n:
            with open(self.folder / "maps.bin", "rb") as fh:
                fh.seek(self._slots.map_off[slot])
                flat.frombytes(fh.read(8 * n))
        return columns(flat)


def _format_of(state: object) -> object:
    return state.get("format") if isinstance(state, dict) else type(state).__name__
