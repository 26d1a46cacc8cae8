"""Pronunciation hints flattened into text: ``習(xí)近平`` → ``習近平``.

A hint is one pinyin syllable (or a few, space separated) with at least one tone
mark, in ASCII or full-width parentheses right after a Han character.  Real
parentheses such as ``(村)`` or ``(網約車產業鏈)`` never match.
"""

from __future__ import annotations

import re

from desktop.core.offsetmap import OffsetMap, apply_edits

__all__ = ["HINT", "PINYIN_MODES", "hide_hints", "strip_hints"]

PINYIN_MODES = ("hide", "inline", "ruby")
_HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"  # script.HAN
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_SYLLABLE = rf"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?[aeiouüv{_TONED}]+(?:ng|n|r)?"
#: A hint: group 1 is the reading.
HINT = re.compile(
    rf"(?<=[{_HAN}])[(（](?=[a-zü{_TONED} ]*[{_TONED}])({_SYLLABLE}(?: {_SYLLABLE}){{0,3}})[)）]"
)


def strip_hints(text: str) -> str:
    """``text`` without hints (for classifying lines, not for views)."""
    return HINT.sub("", text)


def hide_hints(text: str, ruby: bool) -> tuple[str, OffsetMap, list[tuple[int, int, str]], list]:
    """Remove hints: (text, map, hidden input ranges, ruby spans in output offsets).

    With ``ruby`` each reading is reported over the character it followed.
    """
    matches = list(HINT.finditer(text))
    out, mapping = apply_edits(text, ((m.start(), m.end(), "") for m in matches))
    hidden = [(m.start(), m.end(), "pinyin") for m in matches]
    spans: list[tuple[int, int, str]] = []
    if ruby:
        for m in matches:
            base = mapping.to_dst(m.start())
            spans.append((base - 1, base, m.group(1)))
    return out, mapping, hidden, spans
