"""Index terms of folded text as integers, counted with C-level loops only.

A term (*gram*) is a Han character, a pair of adjacent Han characters, or a run of
Latin letters and digits (a word); :func:`fold.text_grams` defines them as strings.
The body store keys its postings by integers instead, so that a document's grams
are found by encoding its Han runs as UTF-32 and reading them as arrays:

- a Han character ``c``: ``ord(c) | 1 << 32`` (it is never a pair: no Han char is 1);
- a Han pair ``ab``: ``ord(a) | ord(b) << 32``;
- a word: the top bit set over a 63-bit BLAKE2b digest of its text.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections import Counter
from itertools import repeat

from desktop.core.search.fold import HAN

__all__ = ["gram_counts", "gram_key"]

_HAN_RUN = re.compile(f"[{HAN}]+")
_WORD = re.compile(r"[0-9a-z]+")
_LOW = 1 << 32
_MASK = _LOW - 1
_WORD_BIT = 1 << 63


def _word_key(word: str) -> int:
    digest = hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little") | _WORD_BIT


def gram_key(gram: str) -> int:
    """The integer key of one gram (a Han char, a Han pair or a word)."""
    if len(gram) == 1 and _HAN_RUN.fullmatch(gram):
        return ord(gram) | _LOW
    if len(gram) == 2 and _HAN_RUN.fullmatch(gram):
        return ord(gram[0]) | ord(gram[1]) << 32
    return _word_key(gram)


def _han_counts(folded: str) -> Counter[int]:
    raw = "\0".join(_HAN_RUN.findall(folded)).encode("utf-32-le")
    chars = array("I")
    chars.frombytes(raw)
    singles: Counter[int] = Counter(chars)
    singles.pop(0, None)
    pairs = array("Q")
    pairs.frombytes(raw[: len(raw) // 8 * 8])
    if len(raw) > 8:
        pairs.frombytes(raw[4 : 4 + (len(raw) - 4) // 8 * 8])
    counts: Counter[int] = Counter(pairs)
    for key in [k for k in counts if k < _LOW or not k & _MASK]:
        dict.__delitem__(counts, key)  # a pair with the run separator: not a gram
    dict.update(counts, zip(map(int.__or__, singles, repeat(_LOW)), singles.values()))
    return counts


def gram_counts(folded: str) -> dict[int, int]:
    """Every gram key of a folded text with its count (see the module docstring)."""
    counts = _han_counts(folded)
    words = Counter(_WORD.findall(folded))
    for word, n in words.items():
        counts[_word_key(word)] += n
    return counts
