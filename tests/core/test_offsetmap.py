"""Tests for desktop.core.offsetmap."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.offsetmap import MapBuilder, OffsetMap

Ops = list[tuple[int, int]]  # (src_n, dst_n); equal pairs are kept 1:1

ops_strategy = st.lists(
    st.one_of(
        st.integers(1, 6).map(lambda n: (n, n)),
        st.tuples(st.integers(0, 4), st.integers(0, 4)),
    ),
    max_size=12,
)


def build(ops: Ops) -> OffsetMap:
    b = MapBuilder()
    for src_n, dst_n in ops:
        if src_n == dst_n:
            b.keep(src_n)
        else:
            b.replace(src_n, dst_n)
    return b.build()


#: replacements with both sides non-empty: pure insertions and deletions at one point
#: are ambiguous between "sequential" and "composed" readings, tested separately
replace_ops = st.lists(
    st.one_of(
        st.integers(1, 6).map(lambda n: (n, n)),
        st.tuples(st.integers(1, 4), st.integers(1, 4)),
    ),
    max_size=12,
)


def round_trip_points(m: OffsetMap, bias: str) -> list[int]:
    """Source offsets not inside an edit, except the collapsed side of a deletion."""
    inside: set[int] = set()
    for s0, s1, d0, d1 in m.edits():
        inside.update(range(s0 + 1, s1))
        if d0 == d1 and s1 > s0:
            inside.add(s1 if bias == "start" else s0)
    return [i for i in range(m.src_len + 1) if i not in inside]


def test_identity_maps_every_offset_to_itself() -> None:
    m = OffsetMap.identity(10)
    assert [m.to_dst(i) for i in range(11)] == list(range(11))
    assert m.edit_count == 0
    assert m.dst_range(3, 7) == (3, 7)


def test_replacement_inside_maps_to_edges() -> None:
    # "ab" + "优化"(2) -> "最佳化"(3) + "cd"
    b = MapBuilder()
    b.keep(2)
    b.replace(2, 3)
    b.keep(2)
    m = b.build()
    assert (m.src_len, m.dst_len) == (6, 7)
    assert m.to_dst(3, bias="start") == 2
    assert m.to_dst(3, bias="end") == 5
    assert m.dst_range(2, 3) == (2, 5)  # a range ending inside grows to the phrase end
    assert m.to_dst(5) == 6
    assert m.src_range(3, 4) == (2, 4)
    assert m.to_src(6) == 5


def test_deletion_and_insertion_edges() -> None:
    b = MapBuilder()
    b.keep(1)
    b.replace(3, 0)  # hidden
    b.keep(1)
    b.replace(0, 2)  # inserted
    b.keep(1)
    m = b.build()
    assert m.to_dst(1) == 1 and m.to_dst(4) == 1
    assert m.to_src(1, bias="start") == 1 and m.to_src(1, bias="end") == 4
    assert m.to_dst(5, bias="start") == 2 and m.to_dst(5, bias="end") == 4
    assert m.dst_range(1, 4) == (1, 1)


def test_bad_edits_are_refused() -> None:
    with pytest.raises(ValueError, match="misaligned"):
        OffsetMap(5, 6)
    with pytest.raises(ValueError, match="out of order"):
        OffsetMap(10, 10, [(4, 5, 4, 5), (2, 3, 2, 3)])
    with pytest.raises(IndexError):
        OffsetMap.identity(3).to_dst(4)
    with pytest.raises(ValueError, match="compose"):
        OffsetMap.identity(3).compose(OffsetMap.identity(4))


def test_adjacent_edits_merge() -> None:
    m = OffsetMap(4, 4, [(0, 1, 0, 2), (1, 2, 2, 2)])
    assert m.edits() == [(0, 2, 0, 2)]


@given(ops_strategy)
def test_monotonic_and_round_trip(ops: Ops) -> None:
    m = build(ops)
    for bias in ("start", "end"):
        dst = [m.to_dst(i, bias=bias) for i in range(m.src_len + 1)]
        src = [m.to_src(i, bias=bias) for i in range(m.dst_len + 1)]
        assert dst == sorted(dst) and src == sorted(src)
    assert m.to_dst(0) == 0 and m.to_dst(m.src_len, bias="end") == m.dst_len
    assert m.to_src(0) == 0 and m.to_src(m.dst_len, bias="end") == m.src_len
    for bias in ("start", "end"):
        for b in round_trip_points(m, bias):
            assert m.to_src(m.to_dst(b, bias=bias), bias=bias) == b
    assert m.inverse().inverse() == m


@given(replace_ops, replace_ops)
def test_compose_covers_sequential_mapping(ops_a: Ops, ops_b: Ops) -> None:
    a = build(ops_a)
    # make b's source length match a's target length
    pad = a.dst_len - sum(s for s, _ in ops_b)
    if pad < 0:
        return
    b = build([*ops_b, (pad, pad)])
    c = a.compose(b)
    assert (c.src_len, c.dst_len) == (a.src_len, b.dst_len)
    for s in range(a.src_len + 1):
        for e in range(s + 1, min(a.src_len, s + 4) + 1):
            mid = a.dst_range(s, e)
            seq = b.dst_range(*mid)
            got = c.dst_range(s, e)
            assert got[0] <= seq[0] and got[1] >= seq[1]
    ends = [c.to_dst(i) for i in range(c.src_len + 1)]
    assert ends == sorted(ends)


def test_compose_identity_is_neutral() -> None:
    m = OffsetMap(6, 7, [(2, 4, 2, 5)])
    assert m.compose(OffsetMap.identity(7)) == m
    assert OffsetMap.identity(6).compose(m) == m


@given(ops_strategy, ops_strategy)
def test_compose_any_edits_is_monotonic_and_sized(ops_a: Ops, ops_b: Ops) -> None:
    a = build(ops_a)
    pad = a.dst_len - sum(s for s, _ in ops_b)
    if pad < 0:
        return
    c = a.compose(build([*ops_b, (pad, pad)]))
    for bias in ("start", "end"):
        out = [c.to_dst(i, bias=bias) for i in range(c.src_len + 1)]
        assert out == sorted(out) and all(0 <= o <= c.dst_len for o in out)


def test_compose_delete_then_insert_is_a_replacement() -> None:
    a = OffsetMap(2, 1, [(0, 1, 0, 0)])  # delete the first char
    b = OffsetMap(1, 2, [(0, 0, 0, 1)])  # insert one before the rest
    assert a.compose(b).edits() == [(0, 1, 0, 1)]
