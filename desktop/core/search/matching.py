"""Sets of matching documents as arrays, exact where cheap and verified lazily where not.

A :class:`Match` holds the slots a query node *may* match (ascending) with an upper
bound of each one's score.  When its ``check`` is None the slots and scores are
exact (a Han character, a Han pair, a word, a metadata filter).  Otherwise the slots
are candidates (they hold every gram of a phrase) and ``check(slot)`` reads the
folded text to give the exact score, or None when the phrase is not there.

:func:`select` ranks a match: it verifies candidates in the order of their bounds
and stops once the best ``limit`` exact scores cannot be beaten by any candidate
left, so a common phrase in a large library costs a few dozen verifications, not
ten thousand.  With ``limit=None`` every candidate is verified, which is what the
exactness tests compare with a substring scan.
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

__all__ = ["Match", "all_of", "any_of", "exact", "select", "union", "without"]

Check = Callable[[int], float | None]
_EPS = 1e-6
_SAMPLE = 64  #: candidates verified at random to estimate an unfinished total


@dataclass
class Match:
    """Slots a node may match (ascending ``uint32``) and upper bounds of their scores."""

    slots: np.ndarray
    bounds: np.ndarray
    check: Check | None = None  #: None: slots and bounds are exact

    def __len__(self) -> int:
        return len(self.slots)

    def score_of(self, slot: int) -> float | None:
        """The exact score of one slot, or None when it does not match."""
        i = int(np.searchsorted(self.slots, slot))
        if i == len(self.slots) or int(self.slots[i]) != slot:
            return None
        if self.check is None:
            return float(self.bounds[i])
        return self.check(slot)


def exact(slots: np.ndarray, scores: np.ndarray | float = 0.0) -> Match:
    """An exact match (slots need not be sorted; duplicates keep their first score)."""
    slots = np.asarray(slots, dtype=np.uint32)
    scores = np.broadcast_to(np.asarray(scores, dtype=np.float64), slots.shape)
    unique, first = np.unique(slots, return_index=True)
    return Match(unique, np.array(scores[first], dtype=np.float64))


def union(*slot_arrays: np.ndarray) -> np.ndarray:
    """The sorted union of slot arrays (a mask over the slot range: no sorting)."""
    top = max((int(a[-1]) for a in slot_arrays if len(a)), default=-1)
    seen = np.zeros(top + 1, dtype=bool)
    for a in slot_arrays:
        seen[a] = True
    return np.flatnonzero(seen).astype(np.uint32)


def _positions(big: np.ndarray, small: np.ndarray) -> np.ndarray:
    """Where each of ``small`` (all present in ``big``) sits in ``big``."""
    return np.searchsorted(big, small)


def any_of(matches: list[Match]) -> Match:
    """Documents matching at least one (the score is the best of them)."""
    if len(matches) == 1:
        return matches[0]
    slots = union(*(m.slots for m in matches))
    bounds = np.full(len(slots), -np.inf)
    for m in matches:
        at = _positions(slots, m.slots)
        bounds[at] = np.maximum(bounds[at], m.bounds)
    if all(m.check is None for m in matches):
        return Match(slots, bounds)

    def check(slot: int) -> float | None:
        scores = [s for m in matches if (s := m.score_of(slot)) is not None]
        return max(scores) if scores else None

    return Match(slots, bounds, check)


def all_of(matches: list[Match]) -> Match:
    """Documents matching every one (the score is their sum)."""
    if len(matches) == 1:
        return matches[0]
    slots = matches[0].slots
    for m in matches[1:]:
        slots = np.intersect1d(slots, m.slots, assume_unique=True)
    bounds = np.zeros(len(slots))
    for m in matches:
        bounds += m.bounds[_positions(m.slots, slots)]
    if all(m.check is None for m in matches):
        return Match(slots, bounds)

    def check(slot: int) -> float | None:
        total = 0.0
        for m in matches:
            score = m.score_of(slot)
            if score is None:
                return None
            total += score
        return total

    return Match(slots, bounds, check)


def without(match: Match, excluded: list[Match]) -> Match:
    """``match`` minus documents matching any of ``excluded`` (checked when needed)."""
    slots, bounds = match.slots, match.bounds
    lazy = []
    for ex in excluded:
        if ex.check is None:
            keep = ~np.isin(slots, ex.slots, assume_unique=True)
            slots, bounds = slots[keep], bounds[keep]
        else:
            lazy.append(ex)
    if not lazy and match.check is None:
        return Match(slots, bounds)
    inner = match.score_of

    def check(slot: int) -> float | None:
        if any(ex.score_of(slot) is not None for ex in lazy):
            return None
        return inner(slot)

    return Match(slots, bounds, check)


@dataclass
class Selection:
    """The best documents of a match and how many match in all."""

    ranked: list[tuple[int, float]]  #: (slot, exact score), best first, ties included
    total: int
    estimated: bool = False  #: ``total`` is estimated from a sample of candidates


def select(match: Match, limit: int | None) -> Selection:
    """The best ``limit`` slots (all when None), plus those tied with the last one."""
    if match.check is None:
        return _select_exact(match, limit)
    order = np.argsort(-match.bounds, kind="stable")
    found: list[tuple[int, float]] = []
    best: list[float] = []  # min-heap of the best ``limit`` exact scores
    stop = len(order)
    for i, at in enumerate(order.tolist()):
        if limit is not None and len(best) >= limit and match.bounds[at] < best[0] - _EPS:
            stop = i
            break
        slot = int(match.slots[at])
        score = match.check(slot)
        if score is None:
            continue
        found.append((slot, score))
        if limit is not None:
            (heapq.heappush if len(best) < limit else heapq.heappushpop)(best, score)
    total, estimated = len(found), False
    rest = order[stop:]
    if len(rest) > _SAMPLE:
        total += _estimate(match, rest)
        estimated = True
    else:
        total += sum(match.check(int(match.slots[at])) is not None for at in rest.tolist())
    found.sort(key=lambda pair: (-pair[1], pair[0]))
    if limit is not None and len(found) > limit:
        cut = found[limit - 1][1] - _EPS
        found = [pair for pair in found if pair[1] >= cut]
    return Selection(found, total, estimated)


def _estimate(match: Match, rest: np.ndarray) -> int:
    """How many of the unverified candidates ``rest`` probably match."""
    assert match.check is not None
    picks = random.Random(len(rest)).sample(range(len(rest)), _SAMPLE)
    hits = sum(match.check(int(match.slots[rest[p]])) is not None for p in picks)
    return round(len(rest) * hits / _SAMPLE)


def _select_exact(match: Match, limit: int | None) -> Selection:
    scores = match.bounds
    keep = np.arange(len(scores))
    if limit is not None and len(scores) > limit:
        cut = np.partition(-scores, limit - 1)[limit - 1]
        keep = np.flatnonzero(-scores <= cut + _EPS)
    ranked = sorted(
        zip(match.slots[keep].tolist(), scores[keep].tolist(), strict=True),
        key=lambda pair: (-pair[1], pair[0]),
    )
    return Selection(ranked, len(scores))
