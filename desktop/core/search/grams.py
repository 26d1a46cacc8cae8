"""Index terms of folded text as integers, counted with array operations only.

A term (*gram*) is a Han character, a pair of adjacent Han characters, or a run of
Latin letters and digits (a word); :func:`folded.text_grams` defines them as strings.
The body store keys its postings by integers instead, so that a document's grams
are found by reading its UTF-32 code points as an array:

- a Han character ``c``: ``ord(c) | 1 << 32`` (it is never a pair: no Han char is 1);
- a Han pair ``ab``: ``ord(a) | ord(b) << 32``;
- a word: the top bit set over a 63-bit BLAKE2b digest of its text.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter

import numpy as np

from desktop.core.fold import HAN
from desktop.core.search.folded import encode

__all__ = ["MAX_COUNT", "gram_arrays", "gram_counts", "gram_key", "is_han"]

#: Counts are stored in one byte: a gram seen more often is stored as this.
MAX_COUNT = 255
_HAN_RUN = re.compile(f"[{HAN}]+")
_WORD = re.compile(r"[0-9a-z]+")
_LOW = np.uint64(1 << 32)
_SHIFT = np.uint64(32)
_WORD_BIT = 1 << 63
#: The code point ranges of :data:`fold.HAN`, inclusive.
_HAN_RANGES = ((0x3007, 0x3007), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
_HAN_WIDE = (0x20000, 0x3134F)


def _word_key(word: str) -> int:
    digest = hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little") | _WORD_BIT


def gram_key(gram: str) -> int:
    """The integer key of one gram (a Han char, a Han pair or a word)."""
    if len(gram) == 1 and _HAN_RUN.fullmatch(gram):
        return ord(gram) | 1 << 32
    if len(gram) == 2 and _HAN_RUN.fullmatch(gram):
        return ord(gram[0]) | ord(gram[1]) << 32
    return _word_key(gram)


def is_han(codes: np.ndarray) -> np.ndarray:
    """A boolean mask of the Han characters among UTF-32 code points."""
    mask = (codes >= _HAN_WIDE[0]) & (codes <= _HAN_WIDE[1])
    for low, high in _HAN_RANGES:
        mask |= (codes >= low) & (codes <= high)
    return mask


def gram_arrays(folded: str) -> tuple[np.ndarray, np.ndarray]:
    """Every gram key of a folded text (ascending, ``uint64``) and its count (``uint8``).

    Counts above :data:`MAX_COUNT` are stored as :data:`MAX_COUNT`.
    """
    codes = np.frombuffer(encode(folded, "utf-32-le"), dtype=np.uint32)
    han = is_han(codes)
    wide = codes.astype(np.uint64)
    pairs = han[:-1] & han[1:]
    parts = [wide[han] | _LOW, wide[:-1][pairs] | (wide[1:][pairs] << _SHIFT)]
    words = Counter(_WORD.findall(folded)) if not han.all() else Counter[str]()
    if words:
        hashed = np.array([_word_key(w) for w in words], dtype=np.uint64)
        parts.append(np.repeat(hashed, list(words.values())))
    keys, counts = np.unique(np.concatenate(parts), return_counts=True)
    return keys, np.minimum(counts, MAX_COUNT).astype(np.uint8)


def gram_counts(folded: str) -> dict[int, int]:
    """Every gram key of a folded text with its (capped) count, as a dict."""
    keys, counts = gram_arrays(folded)
    return dict(zip(keys.tolist(), counts.tolist(), strict=True))
