"""The body store's files as docs/search-store.md specifies them, and what counts as damage.

No file is a pickle (a table or lexicon is read with ``allow_pickle=False``); a table
of another format is refused; damage the store reads is a StoreError naming the
file; a bug (IndexError) surfaces instead of passing for damage; notes are read the
way the annotations package reads them.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from array import array
from pathlib import Path

import numpy as np
import pytest

from desktop.core.annotations import AnnotationStore
from desktop.core.library import Library
from desktop.core.search import INDEX_VERSION, SearchIndex, fold_plain
from desktop.core.search import searcher as searcher_module
from desktop.core.search import store as store_module
from desktop.core.search.store import BodyStore, StoreError
from tests.conftest import REPO


def _store(folder: Path) -> BodyStore:
    """A committed store: three documents over two segments, one of them retired."""
    store = BodyStore.create(folder)
    store.add("a", fold_plain("社會工作者"), array("q", [0, 4, 0, 2]))
    store.flush()
    store.add("b", fold_plain("社会主义"), array("q"))
    store.add("c", fold_plain("工作日"), array("q"))
    store.remove("c")
    store.save(token="t1")
    return store


def test_no_file_of_the_store_is_a_pickle(tmp_path: Path) -> None:
    """Tables and lexicons are .npz archives of plain arrays (they were pickles)."""
    _store(tmp_path).close()
    archives = sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".npz", ".lex"))
    assert archives == ["seg-1.lex", "seg-2.lex", "slots-t1.npz"]
    for name in archives:
        with np.load(tmp_path / name, allow_pickle=False) as archive:
            assert all(archive[key].dtype != object for key in archive.files)
    with np.load(tmp_path / "slots-t1.npz", allow_pickle=False) as table:
        header = json.loads(table["header"].tobytes())
        ids = table["ids"].tobytes().decode("utf-8")
    assert header["format"] == "tongwen-body-store" and header["version"] == 6
    assert header["slots"] == 3 and header["live"] == 2 and header["segments"] == [1, 2]
    assert ids == "a\nb\n"  # the retired slot's id is empty


def test_the_format_page_names_the_versions_in_force() -> None:
    """docs/search-store.md is the specification: its versions are the code's."""
    page = (REPO / "docs" / "search-store.md").read_text("utf-8")
    index_row = re.search(r"^\| Index version \|.*?\| (\d+) \|", page, re.M)
    store_row = re.search(r"^\| Body store format \|.*?\| (\d+) \|", page, re.M)
    assert index_row and int(index_row.group(1)) == INDEX_VERSION
    assert store_row and int(store_row.group(1)) == store_module._FORMAT
    assert f'"version": {INDEX_VERSION}, "token"' in page


def test_a_reloaded_store_is_the_store_that_was_saved(tmp_path: Path) -> None:
    _store(tmp_path).close()
    store = BodyStore.load(tmp_path, "slots-t1.npz")
    try:
        assert sorted(store.ids()) == ["a", "b"] and store.doc_id(2) is None
        assert [store.doc_id(int(s)) for s in store.postings("工作")[0]] == ["a"]
        assert store.folded_text(1) == "社会主义"
        assert list(store.map_columns(0)[1]) == [4]
    finally:
        store.close()


def test_a_store_whose_only_slot_is_retired_reloads(tmp_path: Path) -> None:
    store = BodyStore.create(tmp_path)
    store.add("a", "x", array("q"))
    store.remove("a")
    store.save(token="t")
    store.close()
    store = BodyStore.load(tmp_path, "slots-t.npz")
    assert store.live_count == 0 and store.doc_id(0) is None
    store.close()


def _rewrite_header(path: Path, **changes: object) -> None:
    with np.load(path, allow_pickle=False) as archive:
        arrays = {key: archive[key] for key in archive.files}
    header = json.loads(arrays["header"].tobytes()) | changes
    arrays["header"] = np.frombuffer(json.dumps(header).encode(), np.uint8)
    out = io.BytesIO()
    np.savez(out, **arrays)  # type: ignore[arg-type]
    path.write_bytes(out.getvalue())


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"version": 5}, "format 5"),
        ({"format": "other"}, "not a slot table"),
        ({"slots": 9}, "rows"),
    ],
)
def test_a_table_of_another_format_is_refused(
    tmp_path: Path, changes: dict[str, object], says: str
) -> None:
    _store(tmp_path).close()
    _rewrite_header(tmp_path / "slots-t1.npz", **changes)
    with pytest.raises(StoreError, match=says):
        BodyStore.load(tmp_path, "slots-t1.npz")


def test_an_old_pickled_table_is_refused_not_unpickled(tmp_path: Path) -> None:
    _store(tmp_path).close()
    (tmp_path / "slots-t1.npz").write_bytes(b"\x80\x05\x95" + b"\x00" * 64)  # a pickle's start
    with pytest.raises(StoreError, match=str(tmp_path)):
        BodyStore.load(tmp_path, "slots-t1.npz")


def _flip_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x40
    path.write_bytes(bytes(data))


def test_a_flipped_lexicon_byte_is_found_without_the_manifest(tmp_path: Path) -> None:
    """The zip's CRC-32 per member checks a lexicon even beyond the manifest's budget."""
    _store(tmp_path).close()
    _flip_middle(tmp_path / "seg-1.lex")
    with pytest.raises(StoreError, match=r"seg-1\.lex"):
        BodyStore.load(tmp_path, "slots-t1.npz")
    assert zipfile.is_zipfile(tmp_path / "seg-2.lex")


def test_a_damaged_postings_block_is_a_store_error(tmp_path: Path) -> None:
    """A block that does not inflate is StoreError naming the file (it leaked zlib.error)."""
    _store(tmp_path).close()
    store = BodyStore.load(tmp_path, "slots-t1.npz")
    try:
        (tmp_path / "seg-1.post").write_bytes(b"\x00garbage" * 16)
        with pytest.raises(StoreError, match=r"seg-1\.post"):
            store.postings("社会")
    finally:
        store.close()


# ---------------------------------------------------------------- the index


def test_an_index_error_is_a_bug_not_damage(
    seeded: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """IndexError passed for damage: a bug started a silent rebuild instead of failing."""
    index = SearchIndex.open(seeded, subscribe=False)
    index.ensure_current()
    index.rebuilt_because = None

    def buggy(*_args: object, **_kwargs: object) -> None:
        raise IndexError("index 7 is out of bounds")

    monkeypatch.setattr(searcher_module, "run_search", buggy)
    with pytest.raises(IndexError, match="out of bounds"):
        index.search("社会工作")
    monkeypatch.undo()
    index.ensure_current()
    assert index.rebuilt_because is None
    assert len(index.search("社会工作").hits) == 5


def _annotate(lib: Library, doc_id: str, *notes: str) -> AnnotationStore:
    store = AnnotationStore.open(lib.doc_dir(doc_id), text=lib.text(doc_id))
    for note in notes:
        store.add_note(0, 2, note)
    store.save()
    return store


def _found(index: SearchIndex, query: str) -> set[str]:
    return {hit.doc_id for hit in index.search(query, limit=None).hits}


def test_notes_are_read_as_the_annotation_store_reads_them(seeded: Library) -> None:
    """A damaged annotations.json: the store uses the backup, and so does the index
    (its own parser found no notes); deleted notes are not found; nothing is moved."""
    doc = seeded.documents()[0].id
    store = _annotate(seeded, doc, "鳳凰花開的路口", "被刪掉的批注")
    gone = next(i for i in store.items() if i.note == "被刪掉的批注")
    store.delete(gone.id)
    store.save()
    store.add_note(2, 4, "最後一條")
    store.save()  # annotations.json.bak: the two notes and the tombstone
    path = seeded.doc_dir(doc) / "annotations.json"
    path.write_bytes(path.read_bytes()[:40])  # cut short, as by a full disk
    before = sorted(p.name for p in path.parent.iterdir())
    index = SearchIndex.open(seeded, subscribe=False)
    index.ensure_current()
    assert _found(index, "凤凰花开") == {doc}
    assert _found(index, "被删掉") == set()
    assert _found(index, "最後一條") == set()  # only in the damaged file
    assert sorted(p.name for p in path.parent.iterdir()) == before
    assert [i.note for i in AnnotationStore.open(path.parent).items()] == ["鳳凰花開的路口"]
