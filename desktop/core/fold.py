"""Folding for "does this contain that" across scripts, widths and case.

``fold_for_match`` maps Traditional to Simplified (OpenCC ``t2s``), full-width ASCII
to half-width, and case to lower case, so that a quick filter or a find typed in one
script matches text in the other.  It is for membership tests; code that needs exact
positions (search hits, find in document) uses folding with an offset map instead.
"""

from __future__ import annotations

import functools

__all__ = ["fold_for_match", "fold_width"]

_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH[0x3000] = 0x20


def fold_width(text: str) -> str:
    """Full-width ASCII forms and the ideographic space to their half-width forms."""
    return text.translate(_WIDTH)


@functools.cache
def _t2s() -> object:
    import opencc

    return opencc.OpenCC("t2s")


def fold_for_match(text: str) -> str:
    if not text:
        return ""
    clean = text.encode("utf-8", "replace").decode("utf-8")  # no lone surrogates
    converted = _t2s().convert(clean)  # type: ignore[attr-defined]
    return fold_width(converted).casefold()
