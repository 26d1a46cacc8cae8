"""Re-finding annotation targets in a changed canonical text.

Order of attempts for each target: the text still sits at the stored position;
the quote with its prefix and suffix (nearest the old position); the quote alone
(nearest the old position); a fuzzy match of the quote within a window around the
old position.  A target that is not found is kept and marked orphaned.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from desktop.core.annotations.model import Target, make_target

__all__ = ["FUZZY_THRESHOLD", "Anchor", "ReanchorReport", "find_target"]

#: Minimum similarity (difflib ratio) a fuzzy match needs.
FUZZY_THRESHOLD = 0.75
#: Characters searched on each side of the old position by the fuzzy step.
_WINDOW = 2000
#: At most this many occurrences of a short quote are compared.
_MAX_HITS = 10_000


@dataclass(frozen=True)
class Anchor:
    """Where a target was found, and how."""

    target: Target
    method: str  #: "unchanged", "context", "exact", "fuzzy"


@dataclass
class ReanchorReport:
    """What :meth:`AnnotationStore.reanchor` did to each live item (by id)."""

    unchanged: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)
    fuzzy: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        return (
            f"{len(self.unchanged)} unchanged, {len(self.moved)} moved, "
            f"{len(self.fuzzy)} matched approximately, {len(self.orphaned)} orphaned"
        )


def _occurrences(text: str, needle: str) -> Iterator[int]:
    at = text.find(needle)
    count = 0
    while at >= 0 and count < _MAX_HITS:
        yield at
        count += 1
        at = text.find(needle, at + 1)


def _nearest(text: str, needle: str, near: int) -> int | None:
    best: int | None = None
    for at in _occurrences(text, needle):
        if best is None or abs(at - near) < abs(best - near):
            best = at
        elif at > near:
            break
    return best


def _still_there(text: str, t: Target) -> bool:
    if text[t.start : t.end] != t.exact:
        return False
    before = text[max(0, t.start - len(t.prefix)) : t.start]
    return before == t.prefix and text[t.end : t.end + len(t.suffix)] == t.suffix


def _by_context(text: str, t: Target) -> int | None:
    at = _nearest(text, t.prefix + t.exact + t.suffix, t.start - len(t.prefix))
    return None if at is None else at + len(t.prefix)


def _by_quote(text: str, t: Target) -> int | None:
    if t.exact:
        return _nearest(text, t.exact, t.start)
    # A bookmark: an empty quote, found by what follows or precedes it.
    if t.suffix:
        return _nearest(text, t.suffix, t.start)
    if t.prefix:
        at = _nearest(text, t.prefix, t.start - len(t.prefix))
        return None if at is None else at + len(t.prefix)
    return None


def _fuzzy(text: str, t: Target) -> tuple[int, int] | None:
    needle = t.exact or t.suffix
    if len(needle) < 2:
        return None
    lo = max(0, t.start - _WINDOW)
    window = text[lo : t.end + _WINDOW]
    longest = SequenceMatcher(None, window, needle, autojunk=False).find_longest_match(
        0, len(window), 0, len(needle)
    )
    if longest.size == 0:
        return None
    slack = max(2, len(needle) // 4)
    region_lo = max(0, longest.a - longest.b - slack)
    region = window[region_lo : longest.a - longest.b + len(needle) + slack]
    blocks = [
        b
        for b in SequenceMatcher(None, region, needle, autojunk=False).get_matching_blocks()
        if b.size
    ]
    matched = sum(b.size for b in blocks)
    start, end = blocks[0].a, blocks[-1].a + blocks[-1].size
    if 2 * matched / (end - start + len(needle)) < FUZZY_THRESHOLD:
        return None
    start += lo + region_lo
    end += lo + region_lo
    return (start, start) if not t.exact else (start, end)


def find_target(text: str, t: Target) -> Anchor | None:
    """Find ``t`` in ``text``; None when it cannot be found."""
    if _still_there(text, t):
        return Anchor(t, "unchanged")
    for method, finder in (("context", _by_context), ("exact", _by_quote)):
        at = finder(text, t)
        if at is not None:
            return Anchor(make_target(text, at, at + len(t.exact)), method)
    span = _fuzzy(text, t)
    if span is None:
        return None
    return Anchor(make_target(text, *span), "fuzzy")
