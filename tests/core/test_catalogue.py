"""The catalogue: unchanged document folders are not read again; it is never the truth."""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path

import pytest

from desktop.core.catalogue import SCHEMA, catalogue_path, row_count
from desktop.core.library import Library
from desktop.core.paths import cache_dir
from tests.core.library_helpers import folder_reads


def _catalogue(library: Library) -> Path:
    return catalogue_path(cache_dir(), library.root)


def test_an_unchanged_library_is_opened_from_the_catalogue(
    opened: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    read = folder_reads(monkeypatch)
    again = Library.open(opened.root)
    assert read == []
    assert [d.__dict__ for d in again.documents()] == [d.__dict__ for d in opened.documents()]
    assert row_count(_catalogue(opened)) == 5


def test_a_change_by_another_process_is_read_again(
    opened: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = opened.documents()[0]
    meta_path = opened.doc_dir(doc.id) / "meta.json"
    meta = json.loads(meta_path.read_text("utf-8"))
    meta["user"]["title"] = "別處改的標題"
    meta_path.write_text(json.dumps(meta, ensure_ascii=False), "utf-8")  # in place
    read = folder_reads(monkeypatch)
    again = Library.open(opened.root)
    assert read == [doc.id] and again.get(doc.id).title == "別處改的標題"


def test_reading_progress_written_since_is_shown(opened: Library) -> None:
    from desktop.core.annotations import AnnotationStore

    doc = opened.documents()[1]
    store = AnnotationStore.open(opened.doc_dir(doc.id), text=opened.text(doc.id))
    store.set_position(doc.chars // 2)
    store.save()
    again = Library.open(opened.root)
    assert again.get(doc.id).progress == pytest.approx(0.5, abs=0.01)


def test_a_removed_folder_leaves_the_catalogue(opened: Library) -> None:
    doc = opened.documents()[0]
    opened.remove(doc.id)
    again = Library.open(opened.root)
    assert doc.id not in {d.id for d in again.documents()}
    assert row_count(_catalogue(opened)) == 4


def test_a_damaged_catalogue_is_set_aside_and_rebuilt(
    opened: Library, caplog: pytest.LogCaptureFixture
) -> None:
    path = _catalogue(opened)
    opened_docs = {d.id for d in opened.documents()}
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    path.write_bytes(b"this is not a database" * 100)
    with caplog.at_level(logging.WARNING):
        again = Library.open(opened.root)
    assert {d.id for d in again.documents()} == opened_docs  # never an empty library
    assert "cannot be read" in caplog.text
    assert path.with_name(path.name + ".damaged").exists()
    assert row_count(path) == 5  # a new one was written


def test_a_catalogue_of_another_schema_is_rebuilt(opened: Library) -> None:
    path = _catalogue(opened)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE info SET value = ? WHERE key = 'schema'", (str(SCHEMA + 1),))
        db.execute("UPDATE docs SET title = 'not from this version'")
        db.execute("UPDATE records SET record = '{}'")
    again = Library.open(opened.root)
    assert len(again.documents()) == 5 and row_count(path) == 5
    assert "not from this version" not in {d.title for d in again.summaries()}


def test_a_locked_catalogue_still_opens_the_library(opened: Library) -> None:
    path = _catalogue(opened)
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        doc = opened.documents()[0]
        (opened.doc_dir(doc.id) / "meta.json").touch()  # something to write back
        again = Library.open(opened.root)
        assert len(again.documents()) == 5
        assert not path.with_name(path.name + ".damaged").exists()  # busy is not damage
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()


def test_a_repaired_folder_is_read_again_next_time(
    opened: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder whose reading left a warning (here a damaged meta.json rebuilt from the
    original) is not trusted to the catalogue: the next opening looks at it again."""
    doc = opened.documents()[0]
    (opened.doc_dir(doc.id) / "meta.json").write_text("{broken", "utf-8")
    repaired = Library.open(opened.root)
    assert repaired.warnings and repaired.get(doc.id)
    read = folder_reads(monkeypatch)
    Library.open(opened.root)
    assert read == [doc.id]


def _copy_document(library: Library, source_id: str, new_id: str) -> None:
    """A document arriving from another machine: a new folder with its files."""
    import shutil

    folder = library.docs_dir / new_id
    shutil.copytree(library.doc_dir(source_id), folder)
    meta = json.loads((folder / "meta.json").read_text("utf-8"))
    meta["id"] = new_id
    meta["extracted"]["title"] = "另一台電腦加的"
    (folder / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")


def test_opening_without_a_check_reads_no_folder(
    opened: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    read = folder_reads(monkeypatch)
    quick = Library.open(opened.root, check=False)
    assert read == [] and len(quick.documents()) == 5


def test_the_check_finds_what_other_processes_changed(opened: Library) -> None:
    quick = Library.open(opened.root, check=False)
    heard: list[tuple[str, str]] = []
    quick.subscribe(lambda event, doc_id: heard.append((event, doc_id)))
    first, second = (d.id for d in opened.documents()[:2])
    new_id = "f" * 64
    _copy_document(opened, first, new_id)
    other = Library.open(opened.root)  # another process edits and removes
    other.update_meta(first, title="改過的")
    other.remove(second)
    events = quick.check_folders()
    assert sorted(events) == sorted(
        [("added", new_id), ("meta-changed", first), ("removed", second)]
    )
    assert heard == events
    assert quick.get(new_id).title == "另一台電腦加的" and quick.get(first).title == "改過的"
    assert second not in {d.id for d in quick.documents()}
    assert quick.check_folders() == []  # nothing new: nothing read, nothing said


def test_a_change_during_the_check_is_caught_by_the_next(
    opened: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The signature is taken before the folder is read: a write landing in between
    makes the stored signature stale, so the next check reads the folder again."""
    quick = Library.open(opened.root, check=False)
    doc = opened.documents()[0]
    meta_path = opened.doc_dir(doc.id) / "meta.json"
    (opened.doc_dir(doc.id) / "meta.json").touch()  # the check will read this folder
    real = Library._read_record

    def read_then_write(self: Library, folder: Path, *args: object) -> object:
        record = real(self, folder, *args)
        if folder.name == doc.id:  # another machine's edit arrives just after the read
            meta = json.loads(meta_path.read_text("utf-8"))
            meta["user"]["title"] = "掃描時寫入"
            meta_path.write_text(json.dumps(meta, ensure_ascii=False) + " ", "utf-8")
        return record

    monkeypatch.setattr(Library, "_read_record", read_then_write)
    quick.check_folders()
    monkeypatch.setattr(Library, "_read_record", real)
    assert quick.check_folders() == [("meta-changed", doc.id)]
    assert quick.get(doc.id).title == "掃描時寫入"


def test_an_unreadable_folder_is_not_warned_about_at_every_check(opened: Library) -> None:
    quick = Library.open(opened.root, check=False)
    bad = opened.docs_dir / ("e" * 64)
    bad.mkdir()
    (bad / "meta.json").write_text("{broken", "utf-8")  # and no original to rebuild from
    quick.check_folders()
    warned = len(quick.warnings)
    quick.check_folders()
    assert warned >= 1 and len(quick.warnings) == warned


def test_opening_reads_summaries_and_each_record_when_asked(
    opened: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the summary columns are read at opening; a record is decoded on first use."""
    from desktop.core import catalogue

    decoded: list[str] = []
    real = catalogue._record_from_json
    monkeypatch.setattr(
        catalogue, "_record_from_json", lambda text: decoded.append(text) or real(text)
    )
    read = folder_reads(monkeypatch)
    quick = Library.open(opened.root, check=False)
    assert decoded == [] and read == []
    summaries = {s.id: s for s in quick.summaries()}
    assert decoded == []
    expected = {d.id: d.summary() for d in opened.documents()}
    assert summaries == expected
    first = sorted(expected)[0]
    assert quick.get(first).summary() == expected[first] and len(decoded) == 1
    quick.get(first)
    assert len(decoded) == 1  # kept once read
    assert {d.id for d in quick.documents()} == set(expected) and len(decoded) == 5
    assert read == []


def test_a_record_row_gone_or_unreadable_is_read_from_its_folder(
    opened: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    quick = Library.open(opened.root, check=False)
    gone, damaged = sorted(quick.ids())[:2]
    with sqlite3.connect(_catalogue(opened)) as db:
        db.execute("DELETE FROM records WHERE id = ?", (gone,))
        db.execute("UPDATE records SET record = '[1]' WHERE id = ?", (damaged,))
    read = folder_reads(monkeypatch)
    assert quick.get(gone).id == gone and quick.get(damaged).id == damaged
    assert sorted(read) == sorted([gone, damaged])
    assert quick.get(gone).title == opened.get(gone).title


def test_a_tagged_summary_comes_back_from_the_catalogue(opened: Library) -> None:
    doc_id = sorted(opened.ids())[0]
    opened.set_tags(doc_id, add=["長篇", "to read"])
    Library.open(opened.root)  # the check writes the changed row
    quick = Library.open(opened.root, check=False)
    assert quick.summary(doc_id).tags == ("to read", "長篇")
    assert quick.tag_counts() == {"to read": 1, "長篇": 1}
