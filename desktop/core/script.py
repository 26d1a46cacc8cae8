"""Decide whether Chinese text is written in Simplified or Traditional characters.

A Han character that OpenCC ``t2s`` changes exists only in Traditional writing; one
that ``s2t`` changes exists only in Simplified writing.  The converters are the views'
(:func:`desktop.core.views.convert.converter`): a rare character whose only
Simplified form is a glyph fonts lack is one the 简体 view leaves as it is, so it is
no evidence of Traditional writing either.  Counting both in a text
gives its script; a meaningful share of both makes it "mixed".
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

__all__ = ["HAN", "HAN_RANGES", "SCRIPTS", "detect_script", "paragraph_scripts"]

#: The scripts a document can be shown in, in toolbar order (``ViewOptions.script``):
#: the text as written, 简体, 繁體 (OpenCC's standard), 臺灣正體, 香港繁體.
SCRIPTS = ("original", "simplified", "traditional", "taiwan", "hongkong")

#: The code points of Han characters, inclusive: 〇, CJK extension A, the unified
#: ideographs, the compatibility ideographs and the supplementary planes' extensions
#: B to G.  One definition, so the reader, search, metadata and views agree on what a
#: Chinese character is (they had seven that differed at the edges).
HAN_RANGES = (
    (0x3007, 0x3007),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3134F),
)
#: :data:`HAN_RANGES` as the inside of a regular-expression class: ``f"[{HAN}]"``.
HAN = "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in HAN_RANGES)

#: Fewer telling characters than this: "unknown".
MIN_TELLING = 3
#: The minority script must make up at least this share of telling characters
#: (and appear MIN_MINORITY times) for "mixed".  Stray characters from machine
#: conversion, mojibake and one-to-many mappings stay well below it.
MIXED_SHARE = 0.2
MIN_MINORITY = 5
_SAMPLE_CHARS = 400_000
_HAN = re.compile(f"[{HAN}]")
_PARAGRAPH = re.compile(r"[^\n]+")

#: Characters OpenCC converts that are nevertheless standard in both scripts
#: (variants and one-to-many mappings such as 于/於, 干/乾, 里/裏, 群/羣).
_SHARED = frozenset("群愿于於涌范征徵干乾余里后并台云只松谷穀面系才几")


@lru_cache(maxsize=65536)
def _kind(ch: str) -> int:
    """+1 Traditional-only, -1 Simplified-only, 0 shared or unknown."""
    from desktop.core.views.convert import convert_text  # the views' package is large

    if ch in _SHARED:
        return 0
    if convert_text(ch, "t2s") != ch:
        return 1
    if convert_text(ch, "s2t") != ch:
        return -1
    return 0


def _counts(text: str) -> tuple[int, int]:
    """(Traditional-only, Simplified-only) character counts in ``text``."""
    trad = simp = 0
    for ch, n in Counter(_HAN.findall(text)).items():
        kind = _kind(ch)
        if kind > 0:
            trad += n
        elif kind < 0:
            simp += n
    return trad, simp


def _decide(trad: int, simp: int) -> str:
    telling = trad + simp
    if telling < MIN_TELLING:
        return "unknown"
    minority = min(trad, simp)
    if minority >= MIN_MINORITY and minority >= MIXED_SHARE * telling:
        return "mixed"
    return "traditional" if trad > simp else "simplified"


def spread_sample(text: str, chars: int = _SAMPLE_CHARS) -> str:
    """``text`` itself, or ``chars`` characters of it taken from eight evenly spread
    places (a 50 MB novel is judged on its whole length without reading all of it)."""
    if len(text) <= chars:
        return text
    step = len(text) // 8
    size = chars // 8
    return "".join(text[i * step : i * step + size] for i in range(8))


def detect_script(text: str) -> str:
    """ "simplified", "traditional", "mixed" or "unknown" (too few telling characters)."""
    return _decide(*_counts(spread_sample(text)))


def paragraph_scripts(text: str) -> list[tuple[int, int, str]]:
    """(start, end, script) for each non-empty line of ``text``, in order."""
    return [(m.start(), m.end(), detect_script(m.group())) for m in _PARAGRAPH.finditer(text)]
