"""Read OpenCC's binary dictionaries (``.ocd2``) in Python.

The ``opencc`` wheel ships its dictionaries only in OpenCC's binary format, and the
binding converts text but cannot list a dictionary's entries.  The candidates a
reader may choose from (``后`` → ``後`` or ``后``; ``发`` → ``發`` or ``髮``) are
exactly those entries, so this module reads the files the converter itself reads,
and the candidates can never disagree with the installed OpenCC.

An ``.ocd2`` file is the header ``OPENCC_MARISA_0.2.5``, a marisa-trie holding the
keys, then the values in key-id order::

    u32 item count, u32 value bytes, the values (each UTF-8 with a NUL),
    per item: u16 value count, then per value: u16 byte length (with the NUL)

The trie (marisa 0.2: "We love Marisa." then a LOUDS trie whose label tails may
sit in a nested trie) is read only as far as needed to spell every key from its
id: walk from the key's terminal node up to the root.  The integers are
little-endian, as the wheels of every platform write them.  Every key and value
read here was compared with OpenCC's own ``opencc_dict -t text`` dump of all of
the shipped dictionaries (``tests/core/views/test_ocd2.py`` checks a sample).
"""

from __future__ import annotations

import struct
from functools import cache
from pathlib import Path

import numpy as np

__all__ = ["DictFormatError", "opencc_data_dir", "read_ocd2"]

_HEADER = b"OPENCC_MARISA_0.2.5"
_MARISA = b"We love Marisa.\0"

#: A dictionary: each key with its values, the default conversion first.
Entries = dict[str, tuple[str, ...]]


class DictFormatError(ValueError):
    """An ``.ocd2`` file that is not what OpenCC writes (names the file)."""


def opencc_data_dir() -> Path:
    """The folder of OpenCC's configs and dictionaries inside the ``opencc`` package
    (where the packaged app puts them too: resources/packaging/bundle.py)."""
    import opencc

    return Path(opencc.__file__).resolve().parent / "clib" / "share" / "opencc"


class _Reader:
    __slots__ = ("data", "pos")

    def __init__(self, data: bytes, pos: int) -> None:
        self.data = data
        self.pos = pos

    def take(self, n: int) -> bytes:
        if n < 0 or self.pos + n > len(self.data):
            raise ValueError(f"truncated at byte {self.pos} (wanted {n} more)")
        out = self.data[self.pos : self.pos + n]
        self.pos += n
        return out

    def u16(self) -> int:
        return int(struct.unpack("<H", self.take(2))[0])

    def u32(self) -> int:
        return int(struct.unpack("<I", self.take(4))[0])

    def u64(self) -> int:
        return int(struct.unpack("<Q", self.take(8))[0])

    def vector(self) -> bytes:
        """A marisa vector: its byte size, its bytes, padding to 8 bytes."""
        size = self.u64()
        out = self.take(size)
        self.take(-size % 8)
        return out


class _Bits:
    """A marisa bit vector, as Python lists for fast scalar look-ups."""

    __slots__ = ("bits", "ones", "rank", "size")

    def __init__(self, r: _Reader) -> None:
        units = r.vector()
        self.size = r.u32()
        count = r.u32()
        for _ in range(3):  # rank and select indexes: recomputed below
            r.vector()
        if self.size > len(units) * 8:
            raise ValueError(f"bit vector of {self.size} bits in {len(units)} bytes")
        bits = np.unpackbits(np.frombuffer(units, np.uint8), bitorder="little")[: self.size]
        self.bits: list[int] = bits.tolist()
        self.ones: list[int] = np.flatnonzero(bits).tolist()
        if len(self.ones) != count:
            raise ValueError(f"bit vector counts {count} ones but holds {len(self.ones)}")
        self.rank: list[int] = np.concatenate(([0], np.cumsum(bits, dtype=np.int64))).tolist()


class _FlatVector:
    """Integers of ``width`` bits packed in 64-bit units."""

    __slots__ = ("values",)

    def __init__(self, r: _Reader) -> None:
        units = r.vector()
        width, _mask, size = r.u32(), r.u32(), r.u64()
        if width > 32 or size * width > len(units) * 8:
            raise ValueError(f"{size} values of {width} bits in {len(units)} bytes")
        bits = np.unpackbits(np.frombuffer(units, np.uint8), bitorder="little")
        rows = bits[: size * width].reshape(size, width).astype(np.int64)
        self.values: list[int] = (rows @ (1 << np.arange(width, dtype=np.int64))).tolist()


class _Trie:
    """The parts of a marisa LOUDS trie needed to spell keys from their ids."""

    def __init__(self, r: _Reader) -> None:
        self.louds = _Bits(r)
        self.terminals = _Bits(r)
        self.links = _Bits(r)
        self.bases = r.vector()
        self.extras = _FlatVector(r)
        self.tail = r.vector()
        self.tail_ends = _Bits(r)
        nested = bool(self.links.ones) and not self.tail
        self.next = _Trie(r) if nested else None
        r.vector()  # the look-up cache
        self.level1 = r.u32()  # nodes of the first level: their parent is the root
        r.u32()  # config flags

    def _link(self, node: int) -> int:
        return self.bases[node] | (self.extras.values[self.links.rank[node]] << 8)

    def _restore(self, out: bytearray, link: int) -> None:
        """Append the label held at ``link`` (in the nested trie or the tail)."""
        if self.next is not None:
            self.next._climb(out, link)
            return
        if not self.tail_ends.size:  # text tail: NUL-terminated labels
            out += self.tail[link : self.tail.index(0, link)]
            return
        ends = self.tail_ends.bits
        while True:
            out.append(self.tail[link])
            link += 1
            if ends[link - 1]:
                return

    def _climb(self, out: bytearray, node: int) -> None:
        """Append the labels from ``node`` up to the root, as a nested trie stores them."""
        links, parents, bases = self.links.bits, self.louds.ones, self.bases
        while True:
            if links[node]:
                self._restore(out, self._link(node))
            else:
                out.append(bases[node])
            if node <= self.level1:
                return
            node = parents[node] - node - 1

    def keys(self) -> list[bytes]:
        """Every key, in key-id order."""
        links, parents, bases = self.links.bits, self.louds.ones, self.bases
        keys: list[bytes] = []
        for node in self.terminals.ones:
            out = bytearray()
            while node:
                if links[node]:
                    mark = len(out)
                    self._restore(out, self._link(node))
                    out[mark:] = out[mark:][::-1]
                else:
                    out.append(bases[node])
                if node <= self.level1:
                    break
                node = parents[node] - node - 1
            keys.append(bytes(out[::-1]))
        return keys


def _parse(data: bytes) -> Entries:
    if not data.startswith(_HEADER):
        raise ValueError("not an OpenCC dictionary (no OPENCC_MARISA_0.2.5 header)")
    r = _Reader(data, len(_HEADER))
    if r.take(len(_MARISA)) != _MARISA:
        raise ValueError("no marisa-trie after the header")
    keys = _Trie(r).keys()
    count, total = r.u32(), r.u32()
    if count != len(keys):
        raise ValueError(f"{len(keys)} keys but {count} value lists")
    buffer = r.take(total)
    entries: Entries = {}
    pos = 0
    for key in keys:
        values = []
        for _ in range(r.u16()):
            size = r.u16()
            values.append(buffer[pos : pos + size - 1].decode("utf-8"))
            pos += size
        entries[key.decode("utf-8")] = tuple(values)
    if r.pos != len(data) or pos != total:
        raise ValueError(f"{len(data) - r.pos} bytes left after the last entry")
    return entries


@cache
def read_ocd2(path: Path) -> Entries:
    """The entries of the OpenCC dictionary at ``path`` (read once per process).

    Raises :class:`DictFormatError` naming the file when it is not an ``.ocd2`` file
    as OpenCC 1.x writes it, and ``OSError`` when it cannot be read."""
    data = Path(path).read_bytes()
    try:
        return _parse(data)
    except (ValueError, IndexError, struct.error) as exc:
        raise DictFormatError(f"{path}: not a readable OpenCC dictionary ({exc})") from exc
