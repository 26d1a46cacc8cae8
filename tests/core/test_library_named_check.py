"""Checking only the document folders a watch named: the same events as a look at every
folder, for the cost of those folders."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from desktop.core.folder_watch import unsupported_reason, watch_folders
from desktop.core.library import Library
from tests.core.library_helpers import folder_reads

NEW = "f" * 64


def _copy_document(library: Library, source_id: str, new_id: str, title: str) -> None:
    folder = library.docs_dir / new_id
    shutil.copytree(library.doc_dir(source_id), folder)
    meta = json.loads((folder / "meta.json").read_text("utf-8"))
    meta["id"], meta["extracted"]["title"] = new_id, title
    (folder / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")


def _retitle(library: Library, doc_id: str, title: str, *, suffix: str = "") -> None:
    """Another process's edit, written in place."""
    meta_path = library.doc_dir(doc_id) / "meta.json"
    meta = json.loads(meta_path.read_text("utf-8"))
    meta["user"]["title"] = title
    meta_path.write_text(json.dumps(meta, ensure_ascii=False) + suffix, "utf-8")


def test_the_named_folders_give_the_events_of_a_whole_check(
    opened: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    quick = Library.open(opened.root, check=False)  # as the window opens it
    heard: list[tuple[str, str]] = []
    quick.subscribe(lambda event, doc_id: heard.append((event, doc_id)))
    first, second, third = (d.id for d in opened.documents()[:3])
    _copy_document(opened, first, NEW, "另一台電腦加的")
    other = Library.open(opened.root)  # another process edits and removes
    other.update_meta(first, title="改過的")
    other.remove(second)
    read = folder_reads(monkeypatch)
    events = quick.check_named_folders([first, second, NEW, third])
    assert sorted(events) == sorted([("added", NEW), ("meta-changed", first), ("removed", second)])
    assert heard == events
    assert sorted(read) == sorted([first, NEW])  # the third is unchanged: not read
    assert quick.get(NEW).title == "另一台電腦加的" and quick.get(first).title == "改過的"
    assert second not in {d.id for d in quick.summaries()}
    assert quick.check_named_folders([first, second, NEW, third]) == []
    assert quick.check_folders() == []  # the whole check agrees: nothing left
    read.clear()
    again = Library.open(opened.root)  # the catalogue was told
    assert read == [] and again.get(NEW).title == "另一台電腦加的"
    assert again.get(first).title == "改過的" and second not in {d.id for d in again.summaries()}


def test_what_is_no_document_is_passed_over(opened: Library) -> None:
    quick = Library.open(opened.root, check=False)
    staging = opened.docs_dir / ".staging-1-x"
    staging.mkdir()
    (staging / "meta.json").write_text("{}", "utf-8")
    (opened.docs_dir / ("0" * 64)).write_text("a file, not a folder", "utf-8")
    doc = opened.documents()[0].id
    names = [".staging-1-x", "", "../lib", f"{doc}/meta.json", "0" * 64, "1" * 64]
    assert quick.check_named_folders(names) == []
    assert quick.warnings == [] and len(quick.summaries()) == 5


def test_a_document_replaced_by_a_file_is_removed(opened: Library) -> None:
    quick = Library.open(opened.root, check=False)
    doc = opened.documents()[0].id
    shutil.rmtree(opened.doc_dir(doc))
    (opened.docs_dir / doc).write_text("", "utf-8")
    assert quick.check_named_folders([doc]) == [("removed", doc)]
    assert doc not in {d.id for d in quick.summaries()}


def test_a_change_during_the_check_is_caught_by_the_next(
    opened: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edit landing while a named folder is read: its signature was taken before, so
    the stored one is stale, and the watch names the folder again for the next check."""
    if unsupported_reason() is not None:
        pytest.skip(f"no inotify here: {unsupported_reason()}")
    quick = Library.open(opened.root, check=False)
    doc = opened.documents()[0].id
    watch = watch_folders(quick.docs_dir, lambda: None)
    assert watch is not None
    try:
        assert watch.wait_ready(10)
        watch.take()
        _retitle(opened, doc, "第一次")
        deadline = time.monotonic() + 10
        names: set[str] = set()
        while doc not in names and time.monotonic() < deadline:
            names |= watch.take().names
            time.sleep(0.01)
        real = Library._read_record

        def read_then_write(self: Library, folder: Path, *args: Any) -> object:
            record = real(self, folder, *args)
            if folder.name == doc:  # another machine's edit arrives just after the read
                _retitle(opened, doc, "掃描時寫入", suffix=" ")
            return record

        monkeypatch.setattr(Library, "_read_record", read_then_write)
        assert quick.check_named_folders(names) == [("meta-changed", doc)]
        assert quick.get(doc).title == "第一次"
        monkeypatch.setattr(Library, "_read_record", real)
        names = set()
        while doc not in names and time.monotonic() < deadline:  # heard during the check
            names |= watch.take().names
            time.sleep(0.01)
        assert doc in names
        assert quick.check_named_folders(names) == [("meta-changed", doc)]
        assert quick.get(doc).title == "掃描時寫入"
    finally:
        watch.close()


def test_an_unreadable_folder_is_not_warned_about_at_every_check(opened: Library) -> None:
    quick = Library.open(opened.root, check=False)
    bad = "e" * 64
    (opened.docs_dir / bad).mkdir()
    (opened.docs_dir / bad / "meta.json").write_text("{broken", "utf-8")  # no original
    assert quick.check_named_folders([bad]) == []
    warned = len(quick.warnings)
    quick.check_named_folders([bad])
    assert warned >= 1 and len(quick.warnings) == warned


def test_nothing_changed_touches_no_catalogue(
    opened: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder heard but unchanged (its signature is the same) costs a ``stat`` or
    two: not a read, not a write of the catalogue."""
    quick = Library.open(opened.root, check=False)
    doc = opened.documents()[0].id
    quick.summaries()  # as the window has them (with their signatures)
    opening: list[int] = []
    real = Library._catalogue

    def counting(self: Library) -> object:
        opening.append(1)
        return real(self)

    monkeypatch.setattr(Library, "_catalogue", counting)
    read = folder_reads(monkeypatch)
    assert quick.check_named_folders([doc]) == []
    assert read == [] and opening == []
    (opened.doc_dir(doc) / "meta.json").touch()
    assert quick.check_named_folders([doc]) == [("meta-changed", doc)]
    assert read == [doc] and opening == [1]  # the catalogue told
