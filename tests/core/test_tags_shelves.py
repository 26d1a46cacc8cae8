"""Tags (in meta.json, synced and merged) and shelves (saved searches in the library)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core import shelves
from desktop.core.annotations import AnnotationStore
from desktop.core.library import Library
from desktop.core.records import merge_user_edits, validate_meta


@pytest.fixture
def library(isolated_env: Path, seed_paths: list[Path]) -> Library:
    lib = Library.open(isolated_env / "lib")
    lib.import_seeds_if_new(seed_paths[0].parent)
    return lib


def _meta(library: Library, doc_id: str) -> dict:
    return json.loads((library.doc_dir(doc_id) / "meta.json").read_text("utf-8"))


def test_tags_are_kept_in_meta_json_and_counted(library: Library) -> None:
    first, second = (d.id for d in library.documents()[:2])
    library.set_tags(first, add=["待读", " 社会  工作 "])
    library.set_tags(second, add=["待读"])
    assert _meta(library, first)["user"]["tags"] == ["待读", "社会 工作"]
    assert "tags" in _meta(library, first)["user_modified"]
    assert library.tag_counts() == {"待读": 2, "社会 工作": 1}
    library.set_tags(first, remove=["待读", "社会 工作"])
    assert "tags" not in _meta(library, first)["user"]
    reopened = Library.open(library.root)  # through the catalogue
    assert reopened.get(second).tags == ["待读"] and reopened.get(first).tags == []


@pytest.mark.parametrize("bad", ["", "   ", "x" * 65, "a\tb\x01", "a,b"])
def test_a_tag_that_is_not_one_is_refused(library: Library, bad: str) -> None:
    doc = library.documents()[0]
    with pytest.raises(ValueError):
        library.set_tags(doc.id, add=[bad])
    assert "tags" not in _meta(library, doc.id)["user"]


def test_a_meta_json_with_bad_tags_is_not_valid(library: Library) -> None:
    meta = _meta(library, library.documents()[0].id)
    for tags in (["ok", 3], "one", ["  spaced  "], ["x" * 65]):
        meta["user"]["tags"] = tags
        with pytest.raises(ValueError):
            validate_meta(meta)


def test_tags_merge_from_a_conflict_copy_by_edit_time(library: Library) -> None:
    doc = library.documents()[0]
    library.set_tags(doc.id, add=["甲"])
    ours = _meta(library, doc.id)
    theirs = json.loads(json.dumps(ours))
    theirs["user"]["tags"] = ["甲", "乙"]
    theirs["user_modified"]["tags"] = "2999-01-01T00:00:00Z"
    merged, taken, undecided = merge_user_edits(ours, theirs)
    assert merged["user"]["tags"] == ["甲", "乙"] and taken == ["tags"] and not undecided


def test_the_last_read_time_comes_with_the_record(library: Library) -> None:
    doc = library.documents()[0]
    store = AnnotationStore.open(library.doc_dir(doc.id), text=library.text(doc.id))
    store.set_position(10)
    store.save()
    read = Library.open(library.root).get(doc.id).last_read
    assert read and read == store.position.modified


def test_shelves_are_saved_changed_and_removed(library: Library) -> None:
    root = library.root
    assert shelves.read_shelves(root) == []
    shelves.save_shelf(root, "待读的繁体", "tag:待读 script:traditional")
    shelves.save_shelf(root, "今年", "published:2026..")
    shelves.save_shelf(root, "待读的繁体", "tag:待读")
    saved = shelves.read_shelves(root)
    assert [(s.name, s.query) for s in saved] == [
        ("待读的繁体", "tag:待读"),
        ("今年", "published:2026.."),
    ]
    assert shelves.remove_shelf(root, "今年") and not shelves.remove_shelf(root, "今年")
    with pytest.raises(ValueError):
        shelves.save_shelf(root, shelves.CONTINUE_READING, "x")
    with pytest.raises(ValueError):
        shelves.save_shelf(root, "  ", "x")


def test_a_damaged_shelves_file_is_set_aside_not_fatal(library: Library) -> None:
    shelves.save_shelf(library.root, "甲", "tag:甲")
    shelves.save_shelf(library.root, "乙", "tag:乙")
    (library.root / shelves.FILE_NAME).write_text("{broken", "utf-8")
    # the backup (the file before the last write) is read, the damaged one set aside
    assert [s.name for s in shelves.read_shelves(library.root)] == ["甲"]
    assert list(library.root.glob(f"{shelves.FILE_NAME}.corrupt-*"))


def test_builtin_shelves(library: Library) -> None:
    docs = library.documents()
    for n, doc in enumerate(docs[:3]):
        store = AnnotationStore.open(library.doc_dir(doc.id), text=library.text(doc.id))
        store.set_position(doc.chars // 2 if n < 2 else doc.chars)  # the third finished
        store.save()
    records = Library.open(library.root).documents()
    reading = shelves.builtin_shelf(shelves.CONTINUE_READING, records)
    assert {r.id for r in reading} == {docs[0].id, docs[1].id}
    assert reading[0].last_read >= reading[1].last_read
    added = shelves.builtin_shelf(shelves.RECENTLY_ADDED, records)
    assert [r.imported for r in added] == sorted((r.imported for r in records), reverse=True)
