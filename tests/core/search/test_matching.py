"""Match algebra and lazy selection, on hand-made candidates."""

from __future__ import annotations

import numpy as np

from desktop.core.search.matching import Match, all_of, any_of, exact, select, without


def _lazy(truth: dict[int, float], bounds: dict[int, float]) -> tuple[Match, list[int]]:
    """Candidates with upper bounds; ``truth`` holds the ones that really match."""
    slots = sorted(bounds)
    checked: list[int] = []

    def check(slot: int) -> float | None:
        checked.append(slot)
        return truth.get(slot)

    match = Match(np.array(slots, np.uint32), np.array([bounds[s] for s in slots]), check)
    return match, checked


def test_select_verifies_in_bound_order_and_stops_when_certain() -> None:
    truth = {1: 5.0, 2: 4.0, 7: 1.0}
    match, checked = _lazy(truth, {1: 6.0, 2: 4.5, 3: 9.0, 7: 1.5, 8: 1.2})
    chosen = select(match, 2)
    assert chosen.ranked == [(1, 5.0), (2, 4.0)]
    assert checked[:3] == [3, 1, 2]  # 3 has the best bound but does not match
    assert chosen.total == 3 and not chosen.estimated  # the few left are counted


def test_select_estimates_the_total_of_many_unread_candidates() -> None:
    bounds = {s: 100.0 - s / 10 for s in range(1000)}
    truth = {s: bounds[s] - 0.05 for s in range(0, 1000, 2)}  # half of them match
    match, checked = _lazy(truth, bounds)
    chosen = select(match, 3)
    assert [s for s, _ in chosen.ranked] == [0, 2, 4]
    # 64 of the unread candidates sampled by a generator seeded with their number
    # (matching._estimate): the same candidates give the same estimate, 407 of 500.
    assert chosen.estimated and chosen.total == 407
    assert select(_lazy(truth, bounds)[0], 3).total == 407
    assert len(checked) < 100
    assert select(_lazy(truth, bounds)[0], None).total == 500


def test_select_keeps_ties_with_the_last_one() -> None:
    chosen = select(exact(np.array([5, 3, 9, 1]), np.array([2.0, 1.0, 1.0, 0.5])), 2)
    assert chosen.ranked == [(5, 2.0), (3, 1.0), (9, 1.0)]
    assert chosen.total == 4


def test_and_or_not_combine_exact_and_lazy_matches() -> None:
    a = exact(np.array([1, 2, 3, 4]), 1.0)
    b, _ = _lazy({2: 2.0, 4: 3.0}, {2: 5.0, 3: 5.0, 4: 5.0})
    both = all_of([a, b])
    assert both.slots.tolist() == [2, 3, 4]
    assert [both.score_of(s) for s in (2, 3, 4)] == [3.0, None, 4.0]
    either = any_of([exact(np.array([9]), 0.5), b])
    assert either.slots.tolist() == [2, 3, 4, 9]
    assert [either.score_of(s) for s in (3, 9)] == [None, 0.5]
    not_two = without(both, [exact(np.array([2]))])
    assert not_two.slots.tolist() == [3, 4]
    lazy_not = without(a, [b])
    assert [s for s, _ in select(lazy_not, None).ranked] == [1, 3]
