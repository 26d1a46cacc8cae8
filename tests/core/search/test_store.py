"""Body store format 2: integer grams, compressed postings segments, texts."""

from __future__ import annotations

from array import array
from pathlib import Path

import pytest

from desktop.core.search.fold import fold_plain, text_grams
from desktop.core.search.grams import gram_counts, gram_key
from desktop.core.search.postings import BLOCK, Pending, Segment, pack, unpack, write_segment
from desktop.core.search.store import BodyStore, StoreError


def test_integer_grams_match_the_string_grams() -> None:
    folded = fold_plain("社會工作,ABC 2024 社会\n工作者。人人人 a 𠮷野家")
    expected = {gram_key(g): n for g, n in text_grams(folded).items()}
    assert gram_counts(folded) == expected


def test_pack_round_trips_signed_and_wide_values() -> None:
    for values in (array("I", [0, 1, 2**32 - 1]), array("Q", [2**63 + 5, 7]), array("I")):
        assert unpack(pack(values), values.typecode) == values


def test_segment_round_trip_across_blocks(tmp_path: Path) -> None:
    pending = Pending()
    for slot in range(BLOCK // 2 + 10):
        counts = {1: 1, 2: 300, 5 + slot % 3: 2}
        pending.add(slot, counts)
    write_segment(tmp_path, 1, pending.items())
    seg = Segment(tmp_path, 1)
    try:
        for key in (1, 2, 5, 6, 7):
            got = seg.postings(key)
            assert got is not None
            slots, found = got
            assert list(slots) == [s for s in range(BLOCK // 2 + 10) if key < 5 or s % 3 == key - 5]
            assert set(found) == {1 if key == 1 else 255 if key == 2 else 2}
        assert seg.postings(3) is None
        assert seg.postings(10**6) is None
    finally:
        seg.close()


def test_store_add_remove_merge_and_reload(tmp_path: Path) -> None:
    store = BodyStore.create(tmp_path)
    store.add("a", fold_plain("社會工作者"), array("q"))
    store.flush()
    store.add("b", fold_plain("社会主义"), array("q"))
    store.add("a", fold_plain("工作日"), array("q"))  # a new version of "a"
    store.save(merge=True)
    store.close()
    store = BodyStore.load(tmp_path)
    assert store.live_count == 2
    assert {store.doc_id(s) for s in store.postings("社会")} == {"b"}
    assert {store.doc_id(s) for s in store.postings("工作")} == {"a"}
    slot = store.slot_of("a")
    assert slot is not None and store.folded_text(slot) == "工作日"
    assert store.count(slot, "工作") == 1
    store.close()


def test_damaged_store_names_the_folder(tmp_path: Path) -> None:
    BodyStore.create(tmp_path).close()
    (tmp_path / "slots.pkl").write_bytes(b"not a pickle")
    with pytest.raises(StoreError, match=str(tmp_path)):
        BodyStore.load(tmp_path)
