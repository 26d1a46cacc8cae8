"""AnnotationStore: editing, saving, loading, damaged files, locking and merging."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

import desktop.core.atomic as atomic
from desktop.core.annotations import AnnotationSaveError, AnnotationStore, summary

TEXT = "第一回 宴桃园豪杰三结义\n话说天下大势,分久必合,合久必分。" * 5


def _store(doc: Path) -> AnnotationStore:
    return AnnotationStore.open(doc, text=TEXT)


def _ids(store: AnnotationStore) -> set[str]:
    return {i.id for i in store.items()}


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    store = _store(tmp_path)
    h = store.add_highlight(3, 7, color="green", note="好")
    n = store.add_note(10, 12, "注")
    b = store.add_bookmark(20)
    store.set_position(15)
    store.save()
    again = _store(tmp_path)
    assert again.get(h.id) == h and again.get(n.id) == n and again.get(b.id) == b
    assert again.position.offset == 15
    assert h.target.exact == TEXT[3:7] and h.target.suffix == TEXT[7:39]
    assert again.warnings == []


def test_file_shape(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.add_highlight(0, 3)
    store.save()
    doc = json.loads((tmp_path / "annotations.json").read_text("utf-8"))
    assert doc["format"] == "tongwen-annotations" and doc["version"] == 1
    item = doc["items"][0]
    assert item["type"] == "highlight" and item["color"] == "yellow"
    assert item["created"].endswith("Z") and len(item["created"]) == 24
    types = {s["type"] for s in item["target"]["selector"]}
    assert types == {"TextPositionSelector", "TextQuoteSelector"}


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [(-1, 3, "outside"), (5, 5, "empty"), (0, len(TEXT) + 1, "outside"), (7, 3, "after the start")],
)
def test_bad_ranges_are_refused(tmp_path: Path, start: int, end: int, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        _store(tmp_path).add_highlight(start, end)


def test_bad_colour_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="colour"):
        _store(tmp_path).add_highlight(0, 2, color="red")


def test_delete_leaves_tombstone(tmp_path: Path) -> None:
    store = _store(tmp_path)
    h = store.add_highlight(0, 2)
    store.delete(h.id)
    store.save()
    again = _store(tmp_path)
    assert again.items() == []
    assert again.get(h.id).deleted is not None


def test_position_is_coalesced_until_flush(tmp_path: Path) -> None:
    store = _store(tmp_path)
    for offset in range(0, 100, 5):
        store.set_position(offset)
    assert not (tmp_path / "annotations.json").exists()
    assert store.dirty and store.flush() and not store.dirty
    assert _store(tmp_path).position.offset == 95


def test_two_stores_do_not_clobber(tmp_path: Path) -> None:
    one, two = _store(tmp_path), _store(tmp_path)
    a = one.add_highlight(0, 2)
    one.save()
    b = two.add_highlight(4, 6)
    two.save()
    c = one.add_bookmark(9)
    one.save()
    assert _ids(_store(tmp_path)) == {a.id, b.id, c.id}


def test_delete_in_one_store_survives_edit_merge(tmp_path: Path) -> None:
    one = _store(tmp_path)
    h = one.add_highlight(0, 2)
    one.save()
    two = _store(tmp_path)
    one.delete(h.id)
    one.save()
    two.add_bookmark(3)
    two.save()
    assert h.id not in _ids(_store(tmp_path))


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"\x00" * 300,
        b'{"format": "tongwen-annotations", "version": 1, "items": [{"id"',
        b"]][",
    ],
    ids=["empty", "nul", "truncated", "garbage"],
)
def test_damaged_file_falls_back_to_backup(tmp_path: Path, damage: bytes) -> None:
    store = _store(tmp_path)
    first = store.add_highlight(0, 2)
    store.save()
    store.add_highlight(3, 5)
    store.save()  # the .bak now holds the version with `first` only
    (tmp_path / "annotations.json").write_bytes(damage)
    again = _store(tmp_path)
    assert _ids(again) == {first.id}
    assert any("backup" in w for w in again.warnings)
    assert list(tmp_path.glob("annotations.json.corrupt-*"))


def test_damaged_file_without_backup_is_kept_aside(tmp_path: Path) -> None:
    (tmp_path / "annotations.json").write_bytes(b"{not json")
    store = _store(tmp_path)
    assert store.items() == [] and store.warnings
    aside = list(tmp_path.glob("annotations.json.corrupt-*"))
    assert aside and aside[0].read_bytes() == b"{not json"


def test_future_version_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    future = {"format": "tongwen-annotations", "version": 99, "items": [], "new": 1}
    path.write_text(json.dumps(future), "utf-8")
    store = _store(tmp_path)
    assert store.read_only and any("newer version" in w for w in store.warnings)
    store.add_highlight(0, 2)
    with pytest.raises(AnnotationSaveError, match="newer version"):
        store.save()
    assert not store.flush() and "newer version" in (store.last_error or "")
    assert json.loads(path.read_text("utf-8")) == future


def test_unreadable_item_is_kept(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.add_highlight(0, 2)
    store.save()
    path = tmp_path / "annotations.json"
    doc = json.loads(path.read_text("utf-8"))
    doc["items"].append({"id": "x", "type": "scribble", "shape": [1, 2]})
    path.write_text(json.dumps(doc), "utf-8")
    again = _store(tmp_path)
    assert len(again.items()) == 1 and any("scribble" in w for w in again.warnings)
    again.add_bookmark(1)
    again.save()
    saved = json.loads(path.read_text("utf-8"))["items"]
    assert {"id": "x", "type": "scribble", "shape": [1, 2]} in saved


def _disk_full(*args: object, **kwargs: object) -> object:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_disk_full_loses_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = _store(tmp_path)
    old = store.add_highlight(0, 2)
    store.save()
    before = (tmp_path / "annotations.json").read_bytes()
    new = store.add_highlight(4, 6)
    monkeypatch.setattr(atomic.os, "fsync", _disk_full)
    assert not store.flush()
    assert "disk is full" in (store.last_error or "") and str(tmp_path) in (store.last_error or "")
    assert (tmp_path / "annotations.json").read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert store.dirty and _ids(store) == {old.id, new.id}
    monkeypatch.undo()
    assert store.flush()
    assert _ids(_store(tmp_path)) == {old.id, new.id}


def test_read_only_folder_loses_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = _store(tmp_path)
    old = store.add_highlight(0, 2)
    store.save()
    new = store.add_note(3, 4, "n")

    def refuse(*args: object, **kwargs: object) -> object:
        raise PermissionError(errno.EACCES, "Permission denied")

    # Tests run as root, where chmod does not stop writes: refuse the temp file instead.
    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    with pytest.raises(AnnotationSaveError, match="read-only"):
        store.save()
    assert _ids(_store(tmp_path)) == {old.id}
    monkeypatch.undo()
    store.save()
    assert _ids(_store(tmp_path)) == {old.id, new.id}


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores chmod")
def test_read_only_folder_by_chmod(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.add_highlight(0, 2)
    tmp_path.chmod(0o555)
    try:
        assert not store.flush() and "read-only" in (store.last_error or "")
    finally:
        tmp_path.chmod(0o755)


def test_summary_counts_live_items_and_progress(tmp_path: Path) -> None:
    assert summary(tmp_path) == (0, 0.0)
    store = _store(tmp_path)
    a = store.add_highlight(0, 2)
    store.add_bookmark(5)
    store.delete(a.id)
    store.set_position(len(TEXT) // 2)
    store.save()
    count, progress = summary(tmp_path)
    assert count == 1 and progress == pytest.approx(0.5, abs=0.01)
    assert summary(tmp_path, chars=len(TEXT) // 2)[1] == 1.0
