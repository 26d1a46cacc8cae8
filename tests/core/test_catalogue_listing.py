"""What ``tongwen-cli list`` reads: the folders compared with their signatures in few
``stat`` calls, the summaries left unread, the catalogue's rows sorted by SQLite."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from desktop.core import catalogue
from desktop.core.catalogue import catalogue_path, changed_folders, folder_signature, list_order
from desktop.core.library import Library
from desktop.core.paths import cache_dir


def _signatures(library: Library) -> dict[str, str]:
    return {name: folder_signature(library.docs_dir / name) for name in library.ids()}


def test_changed_folders_are_those_whose_signature_changed(
    opened: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = sorted(opened.ids())
    rewritten, annotated, kept = ids[0], ids[1], ids[2]
    with_notes = ids[3]
    (opened.doc_dir(with_notes) / "annotations.json").write_text('{"a": 1}', "utf-8")
    known = _signatures(opened)
    (opened.docs_dir / "stray.txt").write_text("not a document", "utf-8")
    (opened.docs_dir / ".hidden").mkdir()
    meta = opened.doc_dir(rewritten) / "meta.json"
    with meta.open("r+b") as fh:  # rewritten in place: its folder does not change
        fh.seek(0, os.SEEK_END)
        fh.write(b" ")
    (opened.doc_dir(annotated) / "annotations.json").write_text("{}", "utf-8")
    notes = opened.doc_dir(with_notes) / "annotations.json"
    with notes.open("r+b") as fh:  # in place, same size, later time
        fh.write(b'{"a": 2}')
    os.utime(notes, ns=(1, os.stat(notes).st_mtime_ns + 10_000_000))

    names = os.listdir(opened.docs_dir)
    folders, changed = changed_folders(str(opened.docs_dir), names, known)
    assert sorted(folders) == sorted([*ids, "stray.txt"])  # unknown: the reading tells
    assert sorted(changed) == sorted([rewritten, annotated, with_notes, "stray.txt"])
    truth = {n for n in ids if folder_signature(opened.docs_dir / n) != known[n]}
    assert set(changed) - {"stray.txt"} == truth and kept not in truth
    warned = len(opened.warnings)
    events = opened.check_folders(emit=False)
    assert sorted(events) == sorted(("meta-changed", n) for n in truth)  # no stray.txt
    assert len(opened.warnings) == warned and "stray.txt" not in opened.ids()

    now = _signatures(opened)
    looked: list[str] = []
    real = os.stat

    def counting(path: str, *args: object, **kwargs: object) -> os.stat_result:
        looked.append(path)
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", counting)
    assert changed_folders(str(opened.docs_dir), [kept], now) == ([kept], [])
    # the folder and its meta.json: annotations.json, missing, is not looked for
    assert [Path(p).name for p in looked] == [kept, "meta.json"]


def test_listing_is_every_summary_in_list_order_without_building_them(
    opened: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = sorted(opened.ids())
    opened.update_meta(ids[0], title="同一個標題", published="2001-01-01")
    opened.update_meta(ids[1], title="同一個標題", published="2001-01-01")  # a tie: by id
    opened.set_tags(ids[2], add=["長篇"])
    (opened.doc_dir(ids[3]) / "meta.json").write_text("{broken", "utf-8")  # repaired,
    with sqlite3.connect(catalogue_path(cache_dir(), opened.root)) as db:  # not trusted
        db.execute("DELETE FROM docs WHERE id = ?", (ids[4],))  # a row gone meanwhile

    built: list[int] = []
    real = catalogue._summaries

    def building(rows: list[tuple[object, ...]], *args: Any) -> None:
        built.append(1)
        real(rows, *args)

    monkeypatch.setattr(catalogue, "_summaries", building)
    listed = Library.open(opened.root)
    rows = listed.listing()
    assert built == []  # read from the rows: no summary of an unchanged document made
    expected = sorted((s.as_dict() for s in Library.open(opened.root).summaries()), key=list_order)
    assert rows == expected and len(rows) == 5
    tied = [r["id"] for r in rows if r["title"] == "同一個標題"]
    assert tied == sorted(ids[:2])
    assert next(r for r in rows if r["id"] == ids[2])["tags"] == ["長篇"]


def test_summaries_read_after_opening_are_the_catalogue_rows_then(opened: Library) -> None:
    """A library opened with its check reads its summaries only when asked; a row
    another process wrote in between is newer, and is the one shown."""
    lazy = Library.open(opened.root)
    doc_id = sorted(opened.ids())[0]
    meta = opened.doc_dir(doc_id) / "meta.json"
    value = json.loads(meta.read_text("utf-8"))
    value["user"]["title"] = "後來改的"
    meta.write_text(json.dumps(value, ensure_ascii=False), "utf-8")
    Library.open(opened.root)  # another process: its check writes the row
    assert {s.id: s.title for s in lazy.summaries()}[doc_id] == "後來改的"
    assert lazy.check_folders() == []  # the row's signature came with it


def test_a_folder_read_the_short_way_gives_the_same_record(opened: Library) -> None:
    from desktop.core.annotations import AnnotationStore
    from desktop.core.library_folders import FolderListing

    ids = sorted(opened.ids())
    store = AnnotationStore.open(opened.doc_dir(ids[0]), text=opened.text(ids[0]))
    store.set_position(10)
    store.save()
    for doc_id in ids:
        folder = opened.doc_dir(doc_id)
        listing = FolderListing(str(folder), doc_id, set(os.listdir(folder)))
        quick = opened._quick_record(folder, listing)
        assert quick is not None and quick == opened._load_record(folder)
    assert opened._load_record(opened.doc_dir(ids[0])).progress > 0  # type: ignore[union-attr]
    (opened.doc_dir(ids[1]) / "meta (1).json").write_text("{}", "utf-8")  # a conflict copy
    folder = opened.doc_dir(ids[1])
    assert (
        opened._quick_record(
            folder, FolderListing(str(folder), ids[1], {"meta.json", "meta (1).json"})
        )
        is None
    )


#: How the key below orders each column, as the window tells leading_summaries.
_NATURAL = {"published": "ascii", "imported": "ascii", "last_read": "ascii", "chars": "number"}


@pytest.mark.parametrize("field", ["published", "title", "chars", "imported", "last_read"])
@pytest.mark.parametrize("reverse", [False, True])
def test_leading_summaries_are_the_first_of_the_sorted_summaries(
    opened: Library, field: str, reverse: bool
) -> None:
    ids = sorted(opened.ids())
    for doc_id in ids[:3]:  # ties: their order is the summaries' order
        opened.update_meta(doc_id, published="2001-01-01", title="同名")
    Library.open(opened.root)  # the catalogue written

    def key(value: Any) -> Any:
        return value if isinstance(value, int) else str(value or "").casefold()

    for read_one in (False, True):  # nothing read yet; one record read (another order)
        lazy = Library.open(opened.root, check=False)
        if read_one:
            lazy.get(ids[4])
        leading = lazy.leading_summaries(3, field, key, reverse=reverse)
        # ranked by SQLite when nothing is read yet: the same rows, ties in order
        ranked = Library.open(opened.root, check=False)
        if read_one:
            ranked.get(ids[4])
        natural = _NATURAL.get(field)
        assert ranked.leading_summaries(3, field, key, reverse=reverse, natural=natural) == (
            leading
        )
        every = Library.open(opened.root, check=False).summaries()
        if read_one:  # the read record comes first in the summaries' order
            every = sorted(every, key=lambda s: s.id != ids[4])
        expected = sorted(every, key=lambda s: key(getattr(s, field)), reverse=reverse)
        assert leading == expected[:3]
    assert lazy.leading_summaries(99, field, key, reverse=reverse) == expected


def test_leading_summaries_leave_the_catalogue_when_it_holds_a_newer_document(
    opened: Library, testdata: Path
) -> None:
    """Another process imported a document after this library opened: the catalogue's
    ranking names a document the library does not hold yet, so the library ranks its
    own documents (as every summary will show them), not the catalogue's rows."""
    lazy = Library.open(opened.root, check=False)
    other = Library.open(opened.root)
    added = other.add_file(testdata / "encodings" / "big5" / "_ude_1.txt")
    assert added.id and added.id not in lazy.ids()

    def key(value: Any) -> Any:
        return str(value or "").casefold()

    for reverse in (False, True):
        leading = lazy.leading_summaries(99, "imported", key, reverse=reverse, natural="ascii")
        assert added.id not in [s.id for s in leading]
        expected = sorted(lazy.summaries(), key=lambda s: key(s.imported), reverse=reverse)
        assert leading == expected


def test_a_library_opened_without_its_check_checks_against_the_catalogue(
    opened: Library,
) -> None:
    """Opened as the window opens it (the ids only), its first check takes the
    signatures with the summaries: nothing changed is read again."""
    lazy = Library.open(opened.root, check=False)
    assert lazy.check_folders() == []
    doc_id = sorted(opened.ids())[0]
    opened.update_meta(doc_id, title="再改")
    assert lazy.check_folders() == [("meta-changed", doc_id)]
