"""Pronunciation hints flattened into text: ``習(xí)近平`` → ``習近平``.

A hint is one pinyin syllable (or a few, space separated) with at least one tone
mark, in ASCII or full-width parentheses right after a Han character.  Real
parentheses such as ``(村)`` or ``(網約車產業鏈)`` never match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from desktop.core.offsetmap import OffsetMap, apply_edits
from desktop.core.script import HAN

__all__ = ["HINT", "PINYIN_MODES", "hide_hints", "iter_hints", "strip_hints"]

#: What the reader can do with pronunciation hints, in the order the settings list
#: them: hide them, show them on hover (ruby), leave them in the text.
PINYIN_MODES = ("hide", "ruby", "inline")
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_SYLLABLE = rf"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?[aeiouüv{_TONED}]+(?:ng|n|r)?"
_READING = rf"(?=[a-zü{_TONED} ]*[{_TONED}])({_SYLLABLE}(?: {_SYLLABLE}){{0,3}})[)）]"
#: A hint: group 1 is the reading.
HINT = re.compile(rf"(?<=[{HAN}])[(（]{_READING}")
#: The same matches as HINT, found faster: the parenthesis comes first in the pattern
#: (so the search skips to it) and the Han character before it is checked after.
_HINT_SCAN = re.compile(rf"[(（](?<=[{HAN}][(（]){_READING}")


def iter_hints(text: str) -> Iterator[re.Match[str]]:
    """The hints in ``text``, in order: what ``HINT.finditer(text)`` finds, faster."""
    return _HINT_SCAN.finditer(text)


def strip_hints(text: str) -> str:
    """``text`` without hints (for classifying lines, not for views)."""
    return _HINT_SCAN.sub("", text)


def hide_hints(text: str, ruby: bool) -> tuple[str, OffsetMap, list[tuple[int, int, str]], list]:
    """Remove hints: (text, map, hidden input ranges, ruby spans in output offsets).

    With ``ruby`` each reading is reported over the character it followed.
    """
    matches = list(iter_hints(text))
    out, mapping = apply_edits(text, ((m.start(), m.end(), "") for m in matches))
    hidden = [(m.start(), m.end(), "pinyin") for m in matches]
    spans: list[tuple[int, int, str]] = []
    if ruby:
        for m in matches:
            base = mapping.to_dst(m.start())
            spans.append((base - 1, base, m.group(1)))
    return out, mapping, hidden, spans
