"""Gram postings: gathered in memory, written as compressed segments, read back.

Every loop over postings runs in C (numpy, ``zlib``): the body store adds about two
thousand postings per 5 KB document, and a library of 100,000 documents holds two
hundred million.

A segment is two files.  ``seg-N.post`` holds zlib'd *blocks* of about
:data:`BLOCK` postings: gram after gram in key order, each gram's slots as deltas
(the first one absolute) and then every posting's count.  Integer columns are
stored byte-shuffled (all low bytes, then the next ones...), which lets zlib see
the runs of zero bytes that small deltas leave.  ``seg-N.lex`` holds the sorted
gram keys, each gram's posting count and the block table, compressed the same way,
as an uncompressed ``.npz`` archive of four ``uint8`` arrays (``keys``, ``sizes``,
``starts``, ``offsets``) read with ``allow_pickle=False``: the zip's CRC-32 per
member shows a damaged lexicon when it is read.  The byte layout is specified in
``docs/search-store.md``.
"""

from __future__ import annotations

import zipfile
import zlib
from collections import OrderedDict
from itertools import pairwise
from pathlib import Path
from typing import BinaryIO

import numpy as np

__all__ = [
    "BLOCK",
    "UNREADABLE",
    "Pending",
    "Segment",
    "SegmentWriter",
    "StoreError",
    "pack",
    "read_lexicon",
    "unpack",
]

#: Postings per compressed block (a gram's postings never straddle two blocks).
BLOCK = 16_384
_LEVEL = 1  #: zlib level of postings blocks (6 is 3x slower for 5% less)
_LEX_LEVEL = 6
_CACHED_BLOCKS = 64  #: per segment; a block holds ~16K postings (~80 KB decoded)

Arrays = tuple[np.ndarray, np.ndarray, np.ndarray]  #: keys, slots, counts per posting
_LEXICON_PARTS = ("keys", "sizes", "starts", "offsets")
#: What reading a damaged file of the store raises, turned into StoreError where the
#: file is read.  Not IndexError, TypeError...: those are bugs, and must surface.
UNREADABLE = (OSError, EOFError, ValueError, KeyError, zlib.error, zipfile.BadZipFile)


class StoreError(Exception):
    """The body store on disk is missing, damaged or from another version."""


def _shuffle(values: np.ndarray) -> bytes:
    return np.ascontiguousarray(values).view(np.uint8).reshape(-1, values.itemsize).T.tobytes()


def _unshuffle(data: bytes, dtype: type) -> np.ndarray:
    width = np.dtype(dtype).itemsize
    raw = np.frombuffer(data, dtype=np.uint8).reshape(width, -1)
    return np.ascontiguousarray(raw.T).view(dtype).ravel()


def pack(values: np.ndarray) -> bytes:
    """An integer array byte-shuffled and compressed (see the module docstring)."""
    return zlib.compress(_shuffle(values), _LEX_LEVEL)


def unpack(data: bytes, dtype: type) -> np.ndarray:
    """The array that :func:`pack` stored."""
    return _unshuffle(zlib.decompress(data), dtype)


class Pending:
    """Postings of documents added since the last segment was written."""

    def __init__(self) -> None:
        self._docs: list[tuple[int, np.ndarray, np.ndarray]] = []
        self.size = 0  #: postings held

    def add(self, slot: int, keys: np.ndarray, counts: np.ndarray) -> None:
        """Add one document's grams (ascending keys and their counts)."""
        self._docs.append((slot, keys, counts))
        self.size += len(keys)

    def arrays(self) -> Arrays:
        """Every pending posting sorted by key, slots ascending within a key.

        The pending documents are handed over: the object is empty afterwards.
        """
        if not self._docs:
            empty = np.empty(0, np.uint64)
            return empty, empty.astype(np.uint32), empty.astype(np.uint8)
        docs, self._docs, self.size = self._docs, [], 0  # freed as they are copied
        keys = np.concatenate([keys for _slot, keys, _counts in docs])
        slots = np.repeat(
            np.array([slot for slot, _k, _c in docs], dtype=np.uint32),
            [len(keys) for _slot, keys, _counts in docs],
        )
        counts = np.concatenate([counts for _slot, _keys, counts in docs])
        del docs
        order = np.argsort(keys, kind="stable")  # documents were added in slot order
        keys = keys[order]
        slots = slots[order]
        return keys, slots, counts[order]


class SegmentWriter:
    """Writes postings, given in key order, as segment N."""

    def __init__(self, folder: Path, number: int) -> None:
        self._folder = folder
        self._number = number
        self._fh = open(folder / f"seg-{number}.post", "wb")  # noqa: SIM115
        self._keys: list[np.ndarray] = []
        self._sizes: list[np.ndarray] = []
        self._block_starts = [0]  #: first posting of each block, and the end
        self._offsets = [0]  #: file offset of each block, and the end

    def add(self, keys: np.ndarray, slots: np.ndarray, counts: np.ndarray) -> None:
        """Append postings sorted by key (all keys above those added before)."""
        n = len(keys)
        if not n:
            return
        starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
        deltas = slots.astype(np.uint32)
        deltas[1:] -= slots[:-1]
        deltas[starts] = slots[starts]
        self._keys.append(keys[starts])
        self._sizes.append(np.diff(np.append(starts, n)).astype(np.uint32))
        firsts = np.searchsorted(starts, np.arange(BLOCK, n, BLOCK))
        cuts = np.unique(starts[firsts[firsts < len(starts)]])
        bounds = [0, *cuts.tolist(), n]
        for lo, hi in pairwise(bounds):
            if hi > lo:
                data = zlib.compress(_shuffle(deltas[lo:hi]) + counts[lo:hi].tobytes(), _LEVEL)
                self._fh.write(data)
                self._offsets.append(self._offsets[-1] + len(data))
                self._block_starts.append(self._block_starts[-1] + hi - lo)

    def close(self) -> None:
        """Finish the postings file and write the lexicon."""
        self._fh.close()
        keys = np.concatenate(self._keys) if self._keys else np.empty(0, np.uint64)
        sizes = np.concatenate(self._sizes) if self._sizes else np.empty(0, np.uint32)
        lexicon = {
            "keys": pack(np.diff(keys, prepend=np.uint64(0))),
            "sizes": pack(sizes),
            "starts": pack(np.array(self._block_starts, dtype=np.uint64)),
            "offsets": pack(np.array(self._offsets, dtype=np.uint64)),
        }
        with open(self._folder / f"seg-{self._number}.lex", "wb") as fh:
            parts = {k: np.frombuffer(v, np.uint8) for k, v in lexicon.items()}
            np.savez(fh, **parts)  # type: ignore[arg-type]


def read_lexicon(path: Path) -> dict[str, bytes]:
    """The four packed parts of a lexicon file; StoreError when it is damaged."""
    try:
        with np.load(path, allow_pickle=False) as archive:
            return {k: archive[k].tobytes() for k in _LEXICON_PARTS}
    except UNREADABLE as exc:
        raise StoreError(f"{path}: damaged lexicon ({exc})") from exc


class Segment:
    """One written segment: its lexicon, read when first needed, and a few blocks cached."""

    def __init__(self, folder: Path, number: int) -> None:
        self.number = number
        self._folder = folder
        self._fh: BinaryIO | None = None
        self._blocks: OrderedDict[int, tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._last: tuple[int, tuple[np.ndarray, np.ndarray]] | None = None
        if not (folder / f"seg-{number}.lex").is_file():
            raise FileNotFoundError(folder / f"seg-{number}.lex")

    def _open(self) -> BinaryIO:
        if self._fh is not None:
            return self._fh
        path = self._folder / f"seg-{self.number}.lex"
        lexicon = read_lexicon(path)
        try:
            self._keys = np.cumsum(unpack(lexicon["keys"], np.uint64), dtype=np.uint64)
            sizes = unpack(lexicon["sizes"], np.uint32)
            self._block_starts = unpack(lexicon["starts"], np.uint64).astype(np.int64)
            self._offsets = unpack(lexicon["offsets"], np.uint64).astype(np.int64)
        except UNREADABLE as exc:
            raise StoreError(f"{path}: damaged lexicon ({exc})") from exc
        self._firsts = np.concatenate(([0], np.cumsum(sizes, dtype=np.int64)))
        self._fh = open(self._folder / f"seg-{self.number}.post", "rb")  # noqa: SIM115
        return self._fh

    def keys(self) -> np.ndarray:
        """The segment's gram keys, ascending."""
        self._open()
        return self._keys

    @property
    def posting_count(self) -> int:
        """How many postings the segment holds."""
        self._open()
        return int(self._firsts[-1])

    def block_keys(self) -> np.ndarray:
        """The first gram key of every block (for splitting a merge into chunks)."""
        self._open()
        grams = np.searchsorted(self._firsts, self._block_starts[:-1])
        return self._keys[grams]

    def postings(self, key: int) -> tuple[np.ndarray, np.ndarray] | None:
        """Slots (ascending, ``uint32``) and counts (``uint8``) of one gram key, or None."""
        self._open()
        i = int(np.searchsorted(self._keys, np.uint64(key)))
        if i == len(self._keys) or int(self._keys[i]) != key:
            return None
        _keys, slots, counts = self.postings_range(i, i + 1)
        return slots, counts

    def key_range(self, low: int, high: int | None) -> Arrays:
        """Postings of every key in ``[low, high)`` (``high=None``: to the end).

        For merging: the blocks read are not cached.
        """
        self._open()
        i = int(np.searchsorted(self._keys, np.uint64(low)))
        j = len(self._keys) if high is None else int(np.searchsorted(self._keys, np.uint64(high)))
        return self.postings_range(i, j, cache=False)

    def postings_range(self, i: int, j: int, *, cache: bool = True) -> Arrays:
        """Postings of the grams ``i`` to ``j - 1``: keys, absolute slots, counts."""
        first, end = int(self._firsts[i]), int(self._firsts[j])
        if end <= first:
            empty = np.empty(0, np.uint64)
            return empty, empty.astype(np.uint32), empty.astype(np.uint8)
        b0 = int(np.searchsorted(self._block_starts, first, "right")) - 1
        b1 = int(np.searchsorted(self._block_starts, end, "left"))
        parts = [self._block(b, cache) for b in range(b0, b1)]
        base = int(self._block_starts[b0])
        deltas = parts[0][0] if len(parts) == 1 else np.concatenate([p[0] for p in parts])
        counts = parts[0][1] if len(parts) == 1 else np.concatenate([p[1] for p in parts])
        deltas = deltas[first - base : end - base]
        counts = counts[first - base : end - base]
        sizes = np.diff(self._firsts[i : j + 1])
        running = np.cumsum(deltas, dtype=np.uint64)
        if j - i > 1:
            heads = (self._firsts[i:j] - first).astype(np.int64)
            running -= np.repeat(running[heads] - deltas[heads], sizes)
        return np.repeat(self._keys[i:j], sizes), running.astype(np.uint32), counts

    def _block(self, b: int, cache: bool = True) -> tuple[np.ndarray, np.ndarray]:
        got = self._blocks.get(b)
        if got is not None:
            self._blocks.move_to_end(b)
            return got
        if self._last is not None and self._last[0] == b:
            return self._last[1]
        got = self._read_block(b)
        if not cache:  # a merge reads blocks in order: keep only the last one
            self._last = (b, got)
            return got
        self._blocks[b] = got
        if len(self._blocks) > _CACHED_BLOCKS:
            self._blocks.popitem(last=False)
        return got

    def _read_block(self, b: int) -> tuple[np.ndarray, np.ndarray]:
        """Block ``b``'s slot deltas and counts; StoreError when it does not inflate whole."""
        fh = self._open()
        fh.seek(int(self._offsets[b]))
        n = int(self._block_starts[b + 1] - self._block_starts[b])
        try:
            raw = zlib.decompress(fh.read(int(self._offsets[b + 1] - self._offsets[b])))
        except zlib.error as exc:
            raise StoreError(f"{fh.name}: damaged at block {b} ({exc})") from exc
        if len(raw) != 5 * n:  # a uint32 delta and a uint8 count per posting
            raise StoreError(f"{fh.name}: block {b} holds {len(raw)} bytes, not {5 * n}")
        return _unshuffle(raw[: 4 * n], np.uint32), np.frombuffer(raw[4 * n :], np.uint8)

    def close(self) -> None:
        """Close the postings file and forget the lexicon (it is read again if needed)."""
        if self._fh is not None:
            self._fh.close()
            self._fh = None
            del self._keys, self._firsts, self._block_starts, self._offsets
        self._blocks.clear()
        self._last = None
