"""Body store format 3: integer grams, compressed postings segments, texts."""

from __future__ import annotations

from array import array
from pathlib import Path

import numpy as np
import pytest

from desktop.core.fold import fold, fold_plain
from desktop.core.search import store as store_module
from desktop.core.search.folded import columns, flat_edits, text_grams
from desktop.core.search.grams import gram_arrays, gram_counts, gram_key
from desktop.core.search.postings import BLOCK, Pending, Segment, SegmentWriter, pack, unpack
from desktop.core.search.store import BodyStore, StoreError


def test_integer_grams_match_the_string_grams() -> None:
    folded = fold_plain("社會工作,ABC 2024 社会\n工作者。人人人 a 𠮷野家")
    expected = {gram_key(g): n for g, n in text_grams(folded).items()}
    assert gram_counts(folded) == expected


def test_counts_are_capped_at_one_byte() -> None:
    keys, counts = gram_arrays("人" * 300 + "。abc " * 3)
    assert dict(zip(keys.tolist(), counts.tolist(), strict=True)) == {
        gram_key("人"): 255,
        gram_key("人人"): 255,
        gram_key("abc"): 3,
    }


def test_pack_round_trips_wide_values() -> None:
    for values in (
        np.array([0, 1, 2**32 - 1], np.uint32),
        np.array([2**63 + 5, 7], np.uint64),
        np.empty(0, np.uint32),
    ):
        assert unpack(pack(values), values.dtype.type).tolist() == values.tolist()


def test_segment_round_trip_across_blocks(tmp_path: Path) -> None:
    pending = Pending()
    for slot in range(BLOCK // 2 + 10):
        keys = np.array([1, 2, 5 + slot % 3], np.uint64)
        pending.add(slot, keys, np.array([1, 255, 2], np.uint8))
    writer = SegmentWriter(tmp_path, 1)
    writer.add(*pending.arrays())
    writer.close()
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
    store = BodyStore.load(tmp_path, store.table)
    assert store.live_count == 2
    assert {store.doc_id(s) for s in store.postings("社会")[0].tolist()} == {"b"}
    assert {store.doc_id(s) for s in store.postings("工作")[0].tolist()} == {"a"}
    slot = store.slot_of("a")
    assert slot is not None and store.folded_text(slot) == "工作日"
    assert store.count(slot, "工作") == 1
    store.close()


def test_damaged_store_names_the_folder(tmp_path: Path) -> None:
    store = BodyStore.create(tmp_path / "body")
    store.save()
    store.close()
    (tmp_path / "body" / store.table).write_bytes(b"not a pickle")
    with pytest.raises(StoreError, match=str(tmp_path)):
        BodyStore.load(tmp_path / "body", store.table)


def test_an_emptied_map_file_is_damage_not_wrong_offsets(tmp_path: Path) -> None:
    """Offset maps are raw integers: each one's CRC is checked as it is read."""
    store = BodyStore.create(tmp_path / "body")
    store.add("a", fold_plain("社會工作"), array("q", [0, 4, 0, 2]))
    store.save()
    store.close()
    store = BodyStore.load(tmp_path / "body", store.table)
    assert list(store.map_columns(0)[1]) == [4]
    (tmp_path / "body" / "maps.bin").write_bytes(b"")
    with pytest.raises(StoreError, match=r"maps\.bin"):
        store.map_columns(0)
    (tmp_path / "body" / "maps.bin").write_bytes(b"\x01" * 32)
    with pytest.raises(StoreError, match="damaged"):
        store.map_columns(0)
    store.close()


def test_offset_maps_are_stored_compressed(tmp_path: Path) -> None:
    """Raw int64 edits made maps.bin 0.1x the text at 10,000 documents: now zlib'd."""
    text = "\n".join(f"中華人民共和國憲法第{n}條 " + "　" * (n % 3) for n in range(400))
    folded, mapping = fold(text)
    flat = flat_edits(mapping)
    assert len(flat) > 400  # edits for the spaces, the newlines and the conversions
    store = BodyStore.create(tmp_path / "body")
    store.add("a", folded, flat)
    store.save()
    store.close()
    assert (tmp_path / "body" / "maps.bin").stat().st_size < 8 * len(flat) // 3
    store = BodyStore.load(tmp_path / "body", store.table)
    assert [list(c) for c in store.map_columns(0)] == [list(c) for c in columns(flat)]
    store.close()


def test_merging_in_chunks_keeps_every_live_posting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Many small segments merged a key range at a time equal one big segment."""
    monkeypatch.setattr(store_module, "_MERGE_CHUNK", 50)
    monkeypatch.setattr(store_module, "_FAN_IN", 100)  # no merge before the asked one
    texts = {
        f"d{n}": fold_plain("天地玄黄宇宙洪荒日月盈昃辰宿列张"[n % 7 : n % 7 + 5 + n % 4])
        for n in range(40)
    }
    store = BodyStore.create(tmp_path)
    for n, (doc_id, text) in enumerate(texts.items()):
        store.add(doc_id, text, array("q"))
        if n % 5 == 4:
            store.flush()
    store.remove("d3")
    store.add("d7", fold_plain("辰宿列张"), array("q"))
    texts["d7"] = "辰宿列张"
    del texts["d3"]
    assert len(store._segments) > 5
    store.save(merge=True)
    assert len(store._segments) == 1
    for gram in {g for t in texts.values() for g in text_grams(t)}:
        slots, counts = store.postings(gram)
        assert {store.doc_id(s) for s in slots.tolist()} == {
            d for d, t in texts.items() if gram in t
        }
        assert slots.tolist() == sorted(slots.tolist())
        assert all(c >= 1 for c in counts.tolist())
    store.close()


def test_newest_segments_merge_by_tiers_as_they_are_flushed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Flushes merge the newest segments _FAN_IN at a time once they are of one size
    tier (bigger tiers in turn), so a long build keeps few segments; retired slots
    are dropped and every posting stays found, slots ascending."""
    monkeypatch.setattr(store_module, "_FLUSH_POSTINGS", 8)
    monkeypatch.setattr(store_module, "_FAN_IN", 3)
    monkeypatch.setattr(store_module, "_MERGE_CHUNK", 20)
    source = "天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏"
    store = BodyStore.create(tmp_path)
    texts: dict[str, str] = {}
    most = 0
    for n in range(120):
        doc_id = f"d{n % 90}"  # the last 30 replace earlier versions (old slots retired)
        texts[doc_id] = fold_plain(source[n % 11 : n % 11 + 4 + n % 5])
        store.add(doc_id, texts[doc_id], array("q"))
        if n % 17 == 16:
            gone = f"d{(n - 16) % 90}"
            store.remove(gone)
            texts.pop(gone, None)
        most = max(most, len(store._segments))
    tiers = [store._size(seg) for seg in store._segments]
    assert most <= 3 * 3  # (fan-in - 1) per tier and the one being filled
    assert tiers == sorted(tiers, reverse=True)  # older segments are the bigger ones

    def check() -> None:
        for gram in {g for t in texts.values() for g in text_grams(t)}:
            slots, counts = store.postings(gram)
            assert {store.doc_id(s) for s in slots.tolist()} == {
                d for d, t in texts.items() if gram in t
            }
            assert slots.tolist() == sorted(slots.tolist())
            assert all(c >= 1 for c in counts.tolist())

    check()
    store.save()
    store = BodyStore.load(tmp_path, store.table)
    check()
    store.close()


def test_candidates_bound_the_phrase_count(tmp_path: Path) -> None:
    store = BodyStore.create(tmp_path)
    store.add("a", fold_plain("社会工作社会工作"), array("q"))
    store.add("b", fold_plain("社会主义工作"), array("q"))
    store.save()
    slots, least = store.candidates(["社会", "会工", "工作"])
    assert [store.doc_id(s) for s in slots.tolist()] == ["a"]
    assert least.tolist() == [2]
    assert store.candidates(["社会", "主义"])[0].tolist() == [store.slot_of("b")]
    store.close()
