"""Gram postings: gathered in memory, written as compressed segments, read back.

Every loop over postings runs in C (``map``, ``array``, slicing, ``zlib``): the
body store adds about two thousand postings per 5 KB document.

A segment is two files.  ``seg-N.post`` holds zlib'd *blocks* of about
:data:`BLOCK` postings: gram after gram in key order, each gram's slots as deltas
(the first one absolute) and then every posting's count.  Integer columns are
stored byte-shuffled (all low bytes, then the next ones...), which lets zlib see
the runs of zero bytes that small deltas leave.  ``seg-N.lex`` holds the sorted
gram keys, each gram's posting count and the block table, compressed the same way.
"""

from __future__ import annotations

import pickle
import zlib
from array import array
from bisect import bisect_left, bisect_right
from collections import OrderedDict, defaultdict, deque
from collections.abc import Iterable, Iterator
from itertools import accumulate, repeat
from operator import sub
from pathlib import Path

__all__ = ["BLOCK", "Pending", "Segment", "pack", "unpack", "write_segment"]

#: Postings per compressed block (a gram's postings never straddle two blocks).
BLOCK = 16_384
_LEVEL = 6
_CACHED_BLOCKS = 64

Posting = tuple[int, array, bytes | bytearray]


def pack(values: array) -> bytes:
    """An integer array byte-shuffled and compressed (see the module docstring)."""
    raw = values.tobytes()
    width = values.itemsize
    return zlib.compress(b"".join(raw[i::width] for i in range(width)), _LEVEL)


def unpack(data: bytes, typecode: str) -> array:
    """The array that :func:`pack` stored."""
    return _unshuffle(zlib.decompress(data), typecode)


def _unshuffle(shuffled: bytes, typecode: str) -> array:
    out = array(typecode)
    width = out.itemsize
    n = len(shuffled) // width
    raw = bytearray(n * width)
    for i in range(width):
        raw[i::width] = shuffled[i * n : (i + 1) * n]
    out.frombytes(bytes(raw))
    return out


class Pending:
    """Postings of documents added since the last segment was written.

    Each gram holds a list of ``slot << 8 | count`` codes: one list append per
    posting is the cheapest grouping plain Python offers (a dict lookup that misses
    the cache costs ~400 ns; sorting millions of codes costs as much).
    """

    def __init__(self) -> None:
        self._codes: defaultdict[int, list[int]] = defaultdict(list)
        self.size = 0  #: postings held

    def add(self, slot: int, counts: dict[int, int]) -> None:
        """Add one document's grams (key → count)."""
        values: Iterable[int] = counts.values()
        if counts and max(counts.values()) > 255:
            values = [min(v, 255) for v in values]
        codes = map(int.__or__, values, repeat(slot << 8))
        deque(map(list.append, map(self._codes.__getitem__, counts.keys()), codes), 0)
        self.size += len(counts)

    def get(self, key: int) -> tuple[array, bytes] | None:
        """The pending slots and counts of one gram key."""
        codes = self._codes.get(key)
        return None if codes is None else _split(codes)

    def items(self) -> Iterator[Posting]:
        """``(key, slots, counts)`` in key order."""
        codes = self._codes
        for key in sorted(codes):
            yield key, *_split(codes[key])


def _split(codes: list[int]) -> tuple[array, bytes]:
    slots = array("I", map(int.__rshift__, codes, repeat(8)))
    return slots, bytes(map(int.__and__, codes, repeat(255)))


class _BlockWriter:
    """Collects grams into blocks and writes each block once it is full."""

    def __init__(self, path: Path) -> None:
        self._fh = open(path, "wb")  # noqa: SIM115
        self.slots = array("I")
        self.counts = bytearray()
        self.starts = array("Q", [0])  #: first posting of each block (global)
        self.offsets = array("Q", [0])  #: file offset of each block, and the end
        self.total = 0

    def add(self, slots: array, counts: bytes | bytearray) -> None:
        self.slots.append(slots[0])
        if len(slots) > 1:
            self.slots.extend(map(sub, slots[1:], slots))
        self.counts += counts
        if len(self.slots) >= BLOCK:
            self.finish_block()

    def finish_block(self) -> None:
        if not self.slots:
            return
        raw = self.slots.tobytes()
        data = zlib.compress(b"".join(raw[i::4] for i in range(4)) + self.counts, _LEVEL)
        self._fh.write(data)
        self.total += len(self.slots)
        self.offsets.append(self.offsets[-1] + len(data))
        self.starts.append(self.total)
        self.slots = array("I")
        self.counts = bytearray()

    def close(self) -> None:
        self.finish_block()
        self._fh.close()


def write_segment(folder: Path, number: int, postings: Iterable[Posting]) -> None:
    """Write ``(key, slots, counts)`` (in key order, slots ascending) as segment N."""
    keys = array("Q")
    sizes = array("I")
    blocks = _BlockWriter(folder / f"seg-{number}.post")
    try:
        for key, slots, counts in postings:
            if not slots:
                continue
            keys.append(key)
            sizes.append(len(slots))
            blocks.add(slots, counts)
    finally:
        blocks.close()
    deltas = array("Q", keys[:1])
    deltas.extend(map(sub, keys[1:], keys))
    lexicon = {
        "keys": pack(deltas),
        "sizes": pack(sizes),
        "starts": pack(blocks.starts),
        "offsets": pack(blocks.offsets),
    }
    with open(folder / f"seg-{number}.lex", "wb") as fh:
        pickle.dump(lexicon, fh, protocol=pickle.HIGHEST_PROTOCOL)


class Segment:
    """One written segment, its lexicon in memory and a few blocks cached."""

    def __init__(self, folder: Path, number: int) -> None:
        self.number = number
        with open(folder / f"seg-{number}.lex", "rb") as fh:
            lexicon = pickle.load(fh)
        self._keys = array("Q", accumulate(unpack(lexicon["keys"], "Q")))
        self._firsts = array("Q", accumulate(unpack(lexicon["sizes"], "I"), initial=0))
        self._block_starts = unpack(lexicon["starts"], "Q")
        self._offsets = unpack(lexicon["offsets"], "Q")
        self._fh = open(folder / f"seg-{number}.post", "rb")  # noqa: SIM115
        self._blocks: OrderedDict[int, tuple[array, bytes]] = OrderedDict()

    def keys(self) -> array:
        """The segment's gram keys, ascending."""
        return self._keys

    def postings(self, key: int) -> tuple[array, bytes] | None:
        """Slots (ascending) and counts of one gram key, or None."""
        i = bisect_left(self._keys, key)
        if i == len(self._keys) or self._keys[i] != key:
            return None
        first, end = self._firsts[i], self._firsts[i + 1]
        b = bisect_right(self._block_starts, first) - 1
        deltas, counts = self._block(b)
        lo, hi = first - self._block_starts[b], end - self._block_starts[b]
        return array("I", accumulate(deltas[lo:hi])), counts[lo:hi]

    def _block(self, b: int) -> tuple[array, bytes]:
        got = self._blocks.get(b)
        if got is not None:
            self._blocks.move_to_end(b)
            return got
        self._fh.seek(self._offsets[b])
        raw = zlib.decompress(self._fh.read(self._offsets[b + 1] - self._offsets[b]))
        n = self._block_starts[b + 1] - self._block_starts[b]
        got = (_unshuffle(raw[: 4 * n], "I"), raw[4 * n :])
        self._blocks[b] = got
        if len(self._blocks) > _CACHED_BLOCKS:
            self._blocks.popitem(last=False)
        return got

    def close(self) -> None:
        """Close the postings file."""
        self._fh.close()
