"""Body store format 3: SQLite FTS5 postings, count tokens, texts as BLOBs."""

from __future__ import annotations

from array import array
from pathlib import Path

import pytest

from desktop.core.search.fold import fold_plain
from desktop.core.search.ftsstore import FtsStore, doc_tokens
from desktop.core.search.store import StoreError


def test_tokens_are_the_grams_and_count_tokens() -> None:
    tokens = doc_tokens(fold_plain("人人人 𠮷野家 ABC abc")).split(" ")
    assert {"人", "人人", "𠮷", "𠮷野", "野家", "家", "abc"} <= set(tokens)
    assert "人\ue000" in tokens and "abc\ue000" in tokens  # seen 3 and 2 times
    assert "人\ue001" not in tokens
    assert len(tokens) == len(set(tokens))


def test_add_remove_reload_and_counts(tmp_path: Path) -> None:
    store = FtsStore.create(tmp_path)
    store.add("a", fold_plain("社會工作者"), array("q"))
    store.add("b", fold_plain("社会主义 社会 社会 社会 社会"), array("q", [3, 4]))
    store.add("a", fold_plain("工作日 𠮷"), array("q"))  # a new version of "a"
    store.save(merge=True)
    store.close()
    store = FtsStore.load(tmp_path)
    try:
        assert store.live_count == 2
        assert {store.doc_id(s): n for s, n in store.postings("社会").items()} == {"b": 4}
        assert {store.doc_id(s) for s in store.postings("工作")} == {"a"}
        assert {store.doc_id(s) for s in store.postings("𠮷")} == {"a"}
        assert store.slots_with_all(["社会", "主义"]) == {store.slot_of("b")}
        assert store.slots_with_all(["社会", "工作"]) == set()
        slot = store.slot_of("a")
        assert slot is not None and store.folded_text(slot) == "工作日𠮷"
        b = store.slot_of("b")
        assert b is not None and store.map_columns(b) is not None
    finally:
        store.close()


def test_removed_document_leaves_no_postings(tmp_path: Path) -> None:
    store = FtsStore.create(tmp_path)
    store.add("a", fold_plain("四海之内"), array("q"))
    store.add("b", fold_plain("四海"), array("q"))
    assert store.remove("a") and not store.remove("a")
    store.save()
    assert {store.doc_id(s) for s in store.postings("四海")} == {"b"}
    assert store.postings("之内") == {}
    store.close()


def test_damaged_or_missing_store_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="missing"):
        FtsStore.load(tmp_path)
    FtsStore.create(tmp_path).close()
    (tmp_path / "body.db").write_bytes(b"not a database" * 100)
    with pytest.raises(StoreError, match=r"body\.db"):
        FtsStore.load(tmp_path)
