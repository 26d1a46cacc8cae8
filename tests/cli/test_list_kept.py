"""``tongwen-cli list --json`` from the catalogue (its kept listing, or its rows) is
byte for byte the answer made by reading every folder, whatever changed on disk."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.cli.library_cmds import _JSON_FORM
from desktop.core import folder_signatures
from desktop.core.catalogue import Catalogue, catalogue_path
from desktop.core.library import Library
from desktop.core.paths import cache_dir
from tests.cli.in_process import run


@pytest.fixture
def lib(library_dir: Path, seed_paths: list[Path], capsys: pytest.CaptureFixture[str]) -> Path:
    code, _, _ = run(capsys, "--library", str(library_dir), "import", *map(str, seed_paths[:4]))
    assert code == 0
    Library.open(library_dir)  # the folders read once (the import wrote no row)
    return library_dir


def _listed(capsys: pytest.CaptureFixture[str], lib: Path) -> str:
    code, out, err = run(capsys, "--library", str(lib), "list", "--json")
    assert code == 0 and err == ""
    return out


def _read_from_files(
    capsys: pytest.CaptureFixture[str], lib: Path, monkeypatch: pytest.MonkeyPatch, tmp: Path
) -> str:
    """The slow answer: no catalogue (a cache folder of its own), every folder read."""
    with monkeypatch.context() as patch:
        patch.setenv("TONGWEN_CACHE", str(tmp))
        shutil.rmtree(tmp, ignore_errors=True)
        out = _listed(capsys, lib)
    shutil.rmtree(tmp)
    return out


def _rows_never_read(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(self: Catalogue) -> list[object]:
        raise AssertionError("the rows were read: the kept listing was not used")

    monkeypatch.setattr(Catalogue, "listing", refused)


def test_list_json_is_the_answer_of_the_files_after_a_change_an_addition_a_removal(
    lib: Path,
    seed_paths: list[Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    slow = tmp_path / "slow-cache"
    first = _listed(capsys, lib)  # made from the rows alone, and kept
    assert first == _read_from_files(capsys, lib, monkeypatch, slow)
    assert len(json.loads(first)) == 4
    with monkeypatch.context() as patch:
        _rows_never_read(patch)
        assert _listed(capsys, lib) == first  # the kept listing

    docs = lib / "docs"
    ids = sorted(p.name for p in docs.iterdir() if not p.name.startswith("."))
    meta = docs / ids[0] / "meta.json"
    value = json.loads(meta.read_text("utf-8"))
    value["user"]["title"] = '改過的標題 "引號" \\ \t'
    value["user"]["published"] = "1999-09-09"
    with meta.open("r+", encoding="utf-8") as fh:  # rewritten in place
        fh.write(json.dumps(value, ensure_ascii=False))
        fh.truncate()
    shutil.rmtree(docs / ids[1])  # removed by another machine's sync
    other = Library.open(tmp_path / "other")  # added: a folder arriving whole
    (added,) = [r.id for r in other.add_paths([seed_paths[4]]) if r.id]
    shutil.move(other.doc_dir(added), docs / added)

    changed = _listed(capsys, lib)
    assert changed != first
    assert changed == _read_from_files(capsys, lib, monkeypatch, slow)
    listed = {d["id"]: d for d in json.loads(changed)}
    assert sorted(listed) == sorted([ids[0], *ids[2:], added])
    assert listed[ids[0]]["title"] == value["user"]["title"]
    assert _listed(capsys, lib) == changed  # the check wrote the rows: kept from them
    with monkeypatch.context() as patch:
        _rows_never_read(patch)
        assert _listed(capsys, lib) == changed


def test_list_json_of_an_empty_library(library_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert _listed(capsys, library_dir) == "[]\n"
    assert _listed(capsys, library_dir) == "[]\n"


def test_a_row_written_by_any_writer_retires_the_kept_listing(lib: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _listed(capsys, lib)
    path = catalogue_path(cache_dir(), lib)
    kept = Catalogue(path)
    assert kept.kept_listing(4, _JSON_FORM) is not None
    assert kept.kept_listing(5, _JSON_FORM) is None  # another number of documents
    assert kept.kept_listing(4, "another version's") is None
    changes = kept.changes()
    kept.close()
    with sqlite3.connect(path) as db:  # as a version that knows nothing of the listing
        db.execute("UPDATE docs SET title = 'x' WHERE id = (SELECT MIN(id) FROM docs)")
    again = Catalogue(path)
    assert again.kept_listing(4, _JSON_FORM) is None
    assert again.changes() == (changes or 0) + 1
    again.keep_listing(changes or 0, 4, "f", b"stale")  # made before that write: not kept
    assert again.kept_listing(4, "f") is None
    again.keep_listing(again.changes() or 0, 3, "f", b"short")  # the catalogue holds 4
    assert again.kept_listing(3, "f") is None
    again.keep_listing(again.changes() or 0, 4, "f", b"current")
    assert again.kept_listing(4, "f") == b"current"
    again.close()


def test_a_catalogue_without_the_listing_tables_gets_them(lib: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    first = _listed(capsys, lib)
    path = catalogue_path(cache_dir(), lib)
    with sqlite3.connect(path) as db:  # as the version before them left it
        for name in ("docs_insert", "docs_update", "docs_delete"):
            db.execute(f"DROP TRIGGER {name}")
        db.execute("DROP TABLE listing")
        db.execute("DROP TABLE changes")
    assert _listed(capsys, lib) == first
    with sqlite3.connect(path) as db:
        triggers = db.execute("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'")
        assert triggers.fetchone()[0] == 3
    assert Catalogue(path).kept_listing(4, _JSON_FORM) is not None


def test_changed_folders_by_paths_is_the_same_answer(lib: Path) -> None:
    """Where ``stat`` takes no folder descriptor (Windows), full paths are used."""
    docs = lib / "docs"
    ids = sorted(p.name for p in docs.iterdir())
    known = {name: folder_signatures.folder_signature(docs / name) for name in ids}
    (docs / ids[0] / "meta.json").write_text("{}", "utf-8")
    (docs / ids[1] / "annotations.json").write_text("{}", "utf-8")
    (docs / "stray").write_text("", "utf-8")  # never read: taken as changed
    (docs / "was-a-folder").write_text("", "utf-8")  # known: found out a file
    names = [*os.listdir(docs), "gone-since"]
    known["gone-since"] = known["was-a-folder"] = known[ids[2]]
    fd = os.open(docs, os.O_RDONLY)
    try:
        by_descriptor = folder_signatures._changed(str(docs), fd, names, known)
    finally:
        os.close(fd)
    by_paths = folder_signatures._changed(str(docs), None, names, known)
    assert by_descriptor == by_paths
    assert sorted(by_paths[1]) == sorted([ids[0], ids[1], "gone-since", "stray"])
    assert sorted(by_paths[0]) == sorted([*ids, "gone-since", "stray"])
