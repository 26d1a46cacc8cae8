"""Merging by id, and sync tools' conflict copies."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.annotations import AnnotationStore
from desktop.core.annotations.merge import conflict_copies, merge_items
from desktop.core.annotations.model import Annotation, make_target

TEXT = "天下大势,分久必合,合久必分。周末七国分争,并入于秦。" * 4


class Clock:
    """A controllable clock giving ISO times."""

    def __init__(self) -> None:
        self.second = 0

    def __call__(self) -> str:
        self.second += 1
        return f"2024-01-01T00:{self.second // 60:02d}:{self.second % 60:02d}.000Z"


@pytest.mark.parametrize(
    ("name", "copy"),
    [
        ("annotations.sync-conflict-20240101-120000-ABCDEFG.json", True),
        ("annotations (conflicted copy 2024-01-01).json", True),
        ("annotations (Anna's conflicted copy 2024-01-01).json", True),
        ("annotations_conflict-20240101-120000.json", True),
        ("annotations (1).json", True),
        ("annotations 2.json", True),
        ("annotations.json", False),
        ("annotations.json.bak", False),
        ("annotations.json.corrupt-20240101-120000", False),
        ("meta (1).json", False),
        ("annotations (notes).json", False),
    ],
)
def test_conflict_copy_names(tmp_path: Path, name: str, copy: bool) -> None:
    (tmp_path / name).write_text("{}", "utf-8")
    assert (tmp_path / name in conflict_copies(tmp_path)) is copy


def _item(ident: str, modified: str, *, deleted: str | None = None, note: str = "") -> Annotation:
    return Annotation(
        ident,
        "highlight",
        make_target(TEXT, 0, 2),
        "2024-01-01T00:00:00.000Z",
        modified,
        color="yellow",
        note=note or None,
        deleted=deleted,
    )


def test_newest_wins_and_tombstone_beats_older_edit() -> None:
    t = "2024-01-01T00:00:0{}.000Z".format
    ours = [_item("a", t(5), note="ours"), _item("b", t(3), deleted=t(3))]
    theirs = [_item("a", t(6), note="theirs"), _item("b", t(2), note="older edit")]
    merged = {i.id: i for i in merge_items(ours, theirs)}
    assert merged["a"].note == "theirs"
    assert merged["b"].deleted is not None


stamps = st.integers(0, 9).map("2024-01-01T00:00:0{}.000Z".format)
versions = st.builds(
    lambda i, m, d, n: _item(f"id{i}", m, deleted=m if d else None, note=n),
    st.integers(0, 4),
    stamps,
    st.booleans(),
    st.sampled_from(["", "x", "y"]),
)


@given(st.lists(versions), st.lists(versions))
def test_merge_is_commutative(a: list[Annotation], b: list[Annotation]) -> None:
    def by_id(items: list[Annotation]) -> dict[str, dict[str, object]]:
        return {i.id: i.to_json() for i in items}

    assert by_id(merge_items(a, b)) == by_id(merge_items(b, a))
    assert by_id(merge_items(a, a)) == by_id(merge_items(a))


def _copy_with_edits(tmp_path: Path, name: str, clock: Clock) -> tuple[AnnotationStore, dict]:
    """Two machines start from the same file and diverge; machine B's file becomes `name`."""
    base = AnnotationStore.open(tmp_path, text=TEXT, clock=clock)
    keep = base.add_highlight(0, 2)
    gone_a = base.add_highlight(3, 5)
    gone_b = base.add_highlight(6, 8)
    edited = base.add_note(9, 11, "v1")
    base.save()
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(tmp_path / "annotations.json", other / "annotations.json")
    # machine B: deletes gone_b, edits the note later, adds one
    b = AnnotationStore.open(other, text=TEXT, clock=clock)
    b.delete(gone_b.id)
    b_new = b.add_bookmark(12)
    # machine A (here): deletes gone_a, edits the note first, adds one
    base.delete(gone_a.id)
    base.update(edited.id, note="v2 from A")
    a_new = base.add_highlight(14, 16, color="blue")
    base.save()
    b.update(edited.id, note="v3 from B")
    b.save()
    shutil.move(other / "annotations.json", tmp_path / name)
    ids = dict(keep=keep.id, gone_a=gone_a.id, gone_b=gone_b.id, edited=edited.id)
    ids.update(a_new=a_new.id, b_new=b_new.id)
    return base, ids


@pytest.mark.parametrize(
    "name",
    [
        "annotations.sync-conflict-20240101-120000-ABCDEFG.json",
        "annotations (conflicted copy).json",
    ],
)
def test_conflict_copy_merged_on_load_and_removed_after_save(tmp_path: Path, name: str) -> None:
    _, ids = _copy_with_edits(tmp_path, name, Clock())
    store = AnnotationStore.open(tmp_path, text=TEXT)
    live = {i.id for i in store.items()}
    assert live == {ids["keep"], ids["edited"], ids["a_new"], ids["b_new"]}
    assert store.get(ids["edited"]).note == "v3 from B"
    assert any(name in w for w in store.warnings)
    assert (tmp_path / name).exists()  # not removed before the merge is on disk
    store.save()
    assert not (tmp_path / name).exists()
    assert (tmp_path / ".merged-conflicts" / name).exists()
    assert {i.id for i in AnnotationStore.open(tmp_path, text=TEXT).items()} == live


def test_conflict_copy_appearing_later_is_merged_at_save(tmp_path: Path) -> None:
    name = "annotations.sync-conflict-1-2-X.json"
    store, ids = _copy_with_edits(tmp_path, name, Clock())
    store.save()
    assert ids["b_new"] in {i.id for i in AnnotationStore.open(tmp_path, text=TEXT).items()}


def test_bad_conflict_copy_is_left_alone(tmp_path: Path) -> None:
    name = "annotations (1).json"
    (tmp_path / name).write_text(json.dumps({"something": "else"}), "utf-8")
    store = AnnotationStore.open(tmp_path, text=TEXT)
    assert any(name in w and "not merged" in w for w in store.warnings)
    store.add_highlight(0, 1)
    store.save()
    assert list(tmp_path.glob("annotations (1).json*"))
