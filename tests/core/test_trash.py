"""The library's trash: entries described for a person, deleted for good, names checked."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop.core.annotations.store import AnnotationStore
from desktop.core.library import Library


@pytest.fixture
def seeded(library_dir: Path, seed_paths: list[Path]) -> Library:
    lib = Library.open(library_dir)
    lib.add_paths(seed_paths[:3])
    return lib


def _folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def test_entries_give_title_time_size_and_annotations(seeded: Library) -> None:
    doc, other = seeded.documents()[:2]
    seeded.update_meta(doc.id, title="我改的標題")
    store = AnnotationStore.open(seeded.doc_dir(doc.id), text=seeded.text(doc.id))
    store.add_highlight(0, 4)
    store.save()
    before = datetime.now().replace(microsecond=0)
    name = seeded.remove(doc.id)
    other_name = seeded.remove(other.id)
    entries = {e.name: e for e in seeded.trash_entries()}
    assert set(entries) == {name, other_name}
    entry = entries[name]
    assert entry.doc_id == doc.id
    assert entry.title == "我改的標題"  # the title the library showed, not the extracted one
    assert entry.removed is not None
    assert before - timedelta(seconds=1) <= entry.removed <= datetime.now()
    assert entry.size == _folder_size(seeded.trash_dir / name) > doc.size
    assert entry.annotations and not entries[other_name].annotations


def test_a_damaged_entry_is_listed_not_fatal(seeded: Library) -> None:
    doc = seeded.documents()[0]
    name = seeded.remove(doc.id)
    (seeded.trash_dir / name / "meta.json").write_text("{not json", encoding="utf-8")
    (seeded.trash_dir / "stray-file").write_text("x", encoding="utf-8")  # not an entry
    [entry] = seeded.trash_entries()
    assert entry.name == name and entry.title == "" and entry.doc_id == doc.id


def test_purge_deletes_one_entry_for_good(seeded: Library) -> None:
    first, second = seeded.documents()[:2]
    gone = seeded.remove(first.id)
    kept = seeded.remove(second.id)
    seeded.purge(gone)
    assert not (seeded.trash_dir / gone).exists()
    assert seeded.trash() == [kept]
    assert seeded.restore(kept) == second.id
    with pytest.raises(LookupError):
        seeded.purge(gone)


@pytest.mark.parametrize("bad", ["", ".", "..", "../docs", "a/b", ".hidden"])
def test_names_outside_the_trash_touch_nothing(seeded: Library, bad: str) -> None:
    doc = seeded.documents()[0]
    seeded.remove(doc.id)
    docs_before = sorted(p.name for p in seeded.docs_dir.iterdir())
    with pytest.raises(LookupError):
        seeded.purge(bad)
    with pytest.raises(LookupError):
        seeded.restore(bad)
    assert sorted(p.name for p in seeded.docs_dir.iterdir()) == docs_before
    assert len(seeded.trash()) == 1


def test_a_link_in_the_trash_is_not_followed(seeded: Library, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("mine", encoding="utf-8")
    seeded.trash_dir.mkdir(exist_ok=True)
    link = seeded.trash_dir / ("ab" * 32 + "-20240101000000")
    os.symlink(outside, link)
    with pytest.raises(LookupError):
        seeded.purge(link.name)
    assert (outside / "keep.txt").read_text(encoding="utf-8") == "mine"
