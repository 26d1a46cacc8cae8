"""The body store: folded texts, their offset maps and gram postings, on disk.

whoosh's per-posting writer indexes Chinese bigrams at about 0.2 MB/s, so document
bodies live here instead, in a few flat files inside the index folder:

``folded.bin``  folded texts, UTF-8, append-only (read through ``mmap``)
``maps.bin``    each text's source→folded map edits as ``int64``, append-only
``seg-N.lex``   a segment's lexicon: gram → (byte offset, posting count)
``seg-N.post``  per gram: its slots (``uint32``) then their counts (``uint8``, capped)
``slots.pkl``   per slot: document id, text and map extents, length; deleted slots

A *slot* is one indexed version of one document; re-indexing a document appends a
new slot and retires the old one.  Postings come from :func:`fold.text_grams`, so a
query's grams are found by set intersection and every candidate is then verified
against its folded text: results equal a substring scan.  One writer at a time (the
caller holds the lock); readers see a consistent state after :meth:`save`.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import pickle
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import BinaryIO

from desktop.core.search.fold import Columns, columns

__all__ = ["BodyStore", "StoreError"]

_FORMAT = 1
_FLUSH_POSTINGS = 3_000_000  #: postings held in memory before a segment is written
_MAX_SEGMENTS = 6


class StoreError(Exception):
    """The body store on disk is missing, damaged or from another version."""


@dataclass
class _Slots:
    ids: list[str | None] = field(default_factory=list)
    text_off: array = field(default_factory=lambda: array("q"))
    text_len: array = field(default_factory=lambda: array("q"))
    chars: array = field(default_factory=lambda: array("q"))
    map_off: array = field(default_factory=lambda: array("q"))
    map_len: array = field(default_factory=lambda: array("q"))
    segments: list[int] = field(default_factory=list)
    live: int = 0
    total_chars: int = 0


class _Segment:
    """One written postings segment, read through ``mmap``."""

    def __init__(self, folder: Path, number: int) -> None:
        self.number = number
        with open(folder / f"seg-{number}.lex", "rb") as fh:
            self.lexicon: dict[str, tuple[int, int]] = pickle.load(fh)
        self._file = open(folder / f"seg-{number}.post", "rb")  # noqa: SIM115
        size = os.fstat(self._file.fileno()).st_size
        self._mm = mmap.mmap(self._file.fileno(), 0, access=mmap.ACCESS_READ) if size else None

    def postings(self, gram: str) -> tuple[array, bytes] | None:
        entry = self.lexicon.get(gram)
        if entry is None or self._mm is None:
            return None
        off, n = entry
        slots = array("I")
        slots.frombytes(self._mm[off : off + 4 * n])
        return slots, self._mm[off + 4 * n : off + 5 * n]

    def close(self) -> None:
        if self._mm is not None:
            self._mm.close()
        self._file.close()


def _split(codes: list[int]) -> tuple[array, bytearray]:
    """Pending ``slot << 8 | count`` codes as slot and count columns."""
    return array("I", map(int.__rshift__, codes, repeat(8))), bytearray(
        map(int.__and__, codes, repeat(255))
    )


def _write_segment(
    folder: Path, number: int, postings: Iterable[tuple[str, array, bytes | bytearray]]
) -> None:
    lexicon: dict[str, tuple[int, int]] = {}
    with open(folder / f"seg-{number}.post", "wb") as fh:
        off = 0
        for gram, slots, counts in postings:
            fh.write(slots.tobytes())
            fh.write(counts)
            lexicon[gram] = (off, len(slots))
            off += 5 * len(slots)
    with open(folder / f"seg-{number}.lex", "wb") as fh:
        pickle.dump(lexicon, fh, protocol=pickle.HIGHEST_PROTOCOL)


class BodyStore:
    """Folded bodies and their gram postings for one library's index."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._slots = _Slots()
        self._segments: list[_Segment] = []
        self._pending: dict[str, list[int]] = {}
        self._pending_count = 0
        self._retired: set[int] = set()
        self._slot_of: dict[str, int] = {}
        self._text_mm: mmap.mmap | None = None
        self._text_fh: BinaryIO | None = None

    # ------------------------------------------------------------ open / create
    @classmethod
    def create(cls, folder: Path) -> BodyStore:
        """A new, empty store in ``folder`` (its old files are removed)."""
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            if old.is_file():
                old.unlink()
        store = cls(folder)
        (folder / "folded.bin").write_bytes(b"")
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
            if state.get("format") != _FORMAT:
                raise StoreError(f"{folder}: body store format {state.get('format')!r}")
            store._slots = state["slots"]
            store._retired = state["retired"]
            store._segments = [_Segment(folder, n) for n in store._slots.segments]
        except StoreError:
            raise
        except Exception as exc:
            raise StoreError(f"{folder}: unreadable body store ({exc})") from exc
        store._reindex_ids()
        return store

    def _reindex_ids(self) -> None:
        self._slot_of = {d: i for i, d in enumerate(self._slots.ids) if d is not None}

    def close(self) -> None:
        """Release open files."""
        for seg in self._segments:
            seg.close()
        self._segments = []
        self._close_text()

    def _close_text(self) -> None:
        if self._text_mm is not None:
            self._text_mm.close()
            self._text_mm = None
        if self._text_fh is not None:
            self._text_fh.close()
            self._text_fh = None

    # ------------------------------------------------------------------ writing
    def add(self, doc_id: str, folded: str, flat_map: array) -> int:
        """Index a document's folded body; replaces an older version of it."""
        from desktop.core.search.fold import text_grams

        self.remove(doc_id)
        s = self._slots
        slot = len(s.ids)
        data = folded.encode("utf-8")
        with open(self.folder / "folded.bin", "ab") as fh:
            s.text_off.append(fh.tell())
            fh.write(data)
        with open(self.folder / "maps.bin", "ab") as fh:
            s.map_off.append(fh.tell())
            fh.write(flat_map.tobytes())
        s.ids.append(doc_id)
        s.text_len.append(len(data))
        s.map_len.append(len(flat_map))
        s.chars.append(len(folded))
        s.live += 1
        s.total_chars += len(folded)
        self._slot_of[doc_id] = slot
        self._add_postings(slot, text_grams(folded).items())
        return slot

    def _add_postings(self, slot: int, grams: Iterable[tuple[str, int]]) -> None:
        pending = self._pending
        base = slot << 8
        n = 0
        for gram, count in grams:
            code = base | (count if count < 255 else 255)
            codes = pending.get(gram)
            if codes is None:
                pending[gram] = [code]
            else:
                codes.append(code)
            n += 1
        self._pending_count += n
        if self._pending_count >= _FLUSH_POSTINGS:
            self.flush()

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
        return True

    def flush(self) -> None:
        """Write pending postings as a new segment."""
        if not self._pending:
            return
        number = max(self._slots.segments, default=0) + 1
        items = ((g, *_split(codes)) for g, codes in self._pending.items())
        _write_segment(self.folder, number, items)
        self._slots.segments.append(number)
        self._segments.append(_Segment(self.folder, number))
        self._pending = {}
        self._pending_count = 0

    def save(self, *, merge: bool = False) -> None:
        """Flush and write the slot table; merge segments when asked or too many."""
        self.flush()
        if merge or len(self._segments) > _MAX_SEGMENTS:
            self._merge()
        state = {"format": _FORMAT, "slots": self._slots, "retired": self._retired}
        tmp = self.folder / "slots.pkl.tmp"
        with open(tmp, "wb") as fh:
            pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.folder / "slots.pkl")
        self._close_text()
        self._drop_unused_segments()

    def _merge(self) -> None:
        if len(self._segments) <= 1:
            return
        number = max(self._slots.segments) + 1
        _write_segment(self.folder, number, self._merged())
        for seg in self._segments:
            seg.close()
        self._slots.segments = [number]
        self._segments = [_Segment(self.folder, number)]

    def _merged(self) -> Iterator[tuple[str, array, bytes | bytearray]]:
        grams: dict[str, None] = {}
        for seg in self._segments:
            grams.update(dict.fromkeys(seg.lexicon))
        for gram in grams:
            slots, counts = array("I"), bytearray()
            for seg in self._segments:
                got = seg.postings(gram)
                if got is not None:
                    slots.extend(got[0])
                    counts.extend(got[1])
            yield gram, slots, counts

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
        out: dict[int, int] = {}
        for seg in self._segments:
            got = seg.postings(gram)
            if got is not None:
                out.update(zip(got[0], got[1]))
        codes = self._pending.get(gram)
        if codes is not None:
            out.update(zip(*_split(codes)))
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

    def _texts(self, need: int = 0) -> mmap.mmap | None:
        if self._text_mm is not None and len(self._text_mm) < need:
            self._close_text()  # texts were appended since the file was mapped
        if self._text_mm is None:
            fh = open(self.folder / "folded.bin", "rb")  # noqa: SIM115
            if os.fstat(fh.fileno()).st_size == 0:
                fh.close()
                return None
            self._text_fh = fh
            self._text_mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        return self._text_mm

    def folded_bytes(self, slot: int) -> bytes:
        """A slot's folded body as UTF-8 bytes."""
        off = self._slots.text_off[slot]
        end = off + self._slots.text_len[slot]
        mm = self._texts(end)
        return b"" if mm is None else mm[off:end]

    def count(self, slot: int, needle: bytes) -> int:
        """How often ``needle`` (folded, UTF-8) occurs in a slot's body."""
        off = self._slots.text_off[slot]
        end = off + self._slots.text_len[slot]
        mm = self._texts(end)
        if mm is None:
            return 0
        if mm.find(needle, off, end) < 0:
            return 0
        return mm[off:end].count(needle)

    def map_columns(self, slot: int) -> Columns:
        """The slot's source→folded map edits as columns."""
        flat = array("q")
        n = self._slots.map_len[slot]
        if n:
            with open(self.folder / "maps.bin", "rb") as fh:
                fh.seek(self._slots.map_off[slot])
                flat.frombytes(fh.read(8 * n))
        return columns(flat)
