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


@pytest.fixture
def opened(isolated_env: Path, seed_paths: list[Path]) -> Library:
    library = Library.open(isolated_env / "lib")
    library.import_seeds_if_new(seed_paths[0].parent)
    return Library.open(library.root)  # the first opening that writes the catalogue


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The document folders read from their files from now on."""
    read: list[str] = []
    real = Library._load_record

    def counting(self: Library, folder: Path) -> object:
        read.append(folder.name)
        return real(self, folder)

    monkeypatch.setattr(Library, "_load_record", counting)
    return read


def _catalogue(library: Library) -> Path:
    return catalogue_path(cache_dir(), library.root)


def test_an_unchanged_library_is_opened_from_the_catalogue(
    opened: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    read = _reads(monkeypatch)
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
    read = _reads(monkeypatch)
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
        db.execute("UPDATE docs SET record = '{}'")
    again = Library.open(opened.root)
    assert len(again.documents()) == 5 and row_count(path) == 5


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
    read = _reads(monkeypatch)
    Library.open(opened.root)
    assert read == [doc.id]
