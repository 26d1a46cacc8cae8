"""Annotations under injected faults: read errors, future versions, a lock held by
another process, failing saves on close.  Nothing the reader made may be lost.

Tests run as root, where ``chmod`` does not stop writes, so failures are injected:
the store's write raises ``OSError(ENOSPC)``, reads raise ``OSError(EIO)``, or a real
second process holds the annotation lock (``desktop.core.locks.FileLock``).
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import desktop.core.annotations.store as store_module
from desktop.core import atomic
from desktop.core.annotations import AnnotationSaveError, AnnotationStore

REPO = Path(__file__).resolve().parents[2]
TEXT = "第一回 宴桃园豪杰三结义\n话说天下大势,分久必合,合久必分。" * 5


def _ids(store: AnnotationStore) -> set[str]:
    return {i.id for i in store.items()}


def _saved_ids(doc: Path) -> set[str]:
    data = json.loads((doc / "annotations.json").read_text("utf-8"))
    return {i["id"] for i in data["items"] if "deleted" not in i}


def _unreadable(
    monkeypatch: pytest.MonkeyPatch, target: Path, times: int = 10**6
) -> dict[str, int]:
    """Reading ``target`` raises EIO the first ``times`` times (counted)."""
    real = Path.read_bytes
    calls = {"failed": 0}

    def read_bytes(self: Path) -> bytes:
        if self == target and calls["failed"] < times:
            calls["failed"] += 1
            raise OSError(errno.EIO, "Input/output error", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(atomic, "READ_PAUSE", 0.001)
    return calls


def _two_versions(doc: Path) -> tuple[str, str]:
    """A store saved twice: the file holds both items, its .bak only the first."""
    store = AnnotationStore.open(doc, text=TEXT)
    first = store.add_highlight(0, 2).id
    store.save()
    second = store.add_highlight(3, 5).id
    store.save()
    return first, second


# ------------------------------------------------------------------ read errors
def test_one_read_error_loads_the_file_not_the_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = _two_versions(tmp_path)
    calls = _unreadable(monkeypatch, tmp_path / "annotations.json", times=1)
    store = AnnotationStore.open(tmp_path, text=TEXT)
    assert calls["failed"] == 1
    assert _ids(store) == {first, second} and not store.warnings
    assert not list(tmp_path.glob("*.corrupt-*"))


def test_a_lasting_read_error_saves_nothing_over_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One EIO set the good file aside, loaded the older .bak, and the next save made
    the loss permanent while the message said nothing was lost."""
    first, second = _two_versions(tmp_path)
    path = tmp_path / "annotations.json"
    before = path.read_bytes()
    _unreadable(monkeypatch, path)
    store = AnnotationStore.open(tmp_path, text=TEXT)
    assert store.unread is not None and not store.read_only
    assert not any("nothing was lost" in w or "backup" in w for w in store.warnings)
    assert store.last_error and "annotations.json" in store.last_error
    new = store.add_highlight(6, 8).id  # kept in memory meanwhile
    with pytest.raises(AnnotationSaveError, match="cannot be read"):
        store.save()
    assert not store.flush() and store.dirty and store.unsaved_count == 1
    monkeypatch.undo()  # the disk is back
    assert path.read_bytes() == before and not list(tmp_path.glob("*.corrupt-*"))
    assert store.flush()
    assert store.unread is None and _ids(store) == {first, second, new}
    assert _saved_ids(tmp_path) == {first, second, new}


def test_a_refused_permission_does_not_load_the_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    both = set(_two_versions(tmp_path))
    path = tmp_path / "annotations.json"
    real = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    monkeypatch.setattr(atomic, "READ_PAUSE", 0.001)
    store = AnnotationStore.open(tmp_path, text=TEXT)
    assert store.items() == []  # not the backup's older list
    store.add_bookmark(1)
    assert not store.flush()
    monkeypatch.undo()
    assert store.flush() and _saved_ids(tmp_path) > both and len(_saved_ids(tmp_path)) == 3


def test_a_folder_in_place_of_the_file_is_not_written_over(tmp_path: Path) -> None:
    (tmp_path / "annotations.json").mkdir()
    store = AnnotationStore.open(tmp_path, text=TEXT)
    assert store.unread is not None
    store.add_highlight(0, 2)
    assert not store.flush() and store.dirty
    assert (tmp_path / "annotations.json").is_dir()


def test_reading_again_merges_what_the_file_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = _two_versions(tmp_path)
    _unreadable(monkeypatch, tmp_path / "annotations.json")
    store = AnnotationStore.open(tmp_path, text=TEXT)
    with pytest.raises(AnnotationSaveError):
        store.read_again()
    monkeypatch.undo()
    store.read_again()
    assert store.unread is None and _ids(store) == {first, second} and not store.dirty


# -------------------------------------------------------------- future versions
def test_a_future_backup_behind_a_damaged_file_is_never_overwritten(tmp_path: Path) -> None:
    """Main file damaged, .bak of a newer format: the .bak was set aside as corrupt and
    an older-format file written."""
    future = {"format": "tongwen-annotations", "version": 99, "items": [], "new": 1}
    bak = tmp_path / "annotations.json.bak"
    bak.write_text(json.dumps(future), "utf-8")
    (tmp_path / "annotations.json").write_bytes(b'{"format": "tongwen-ann')
    store = AnnotationStore.open(tmp_path, text=TEXT)
    assert store.read_only and any("newer version" in w for w in store.warnings)
    with pytest.raises(AnnotationSaveError, match="newer version"):
        store.save()
    assert json.loads(bak.read_text("utf-8")) == future
    assert not (tmp_path / "annotations.json").exists()  # damaged: kept aside, not rewritten
    assert [p.read_bytes() for p in tmp_path.glob("annotations.json.corrupt-*")] == [
        b'{"format": "tongwen-ann'
    ]


# ------------------------------------------------------------------- copies
def test_a_copy_merges_back_into_the_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.core.annotations import from_w3c

    doc = tmp_path / "0123abcd"
    store = AnnotationStore.open(doc, text=TEXT)
    kept = store.add_highlight(0, 2, color="green", note="留")
    store.add_bookmark(9)
    copy = tmp_path / "elsewhere" / "copy.json"
    copy.parent.mkdir()
    assert store.write_copy(copy, title="三国") == 2
    value = json.loads(copy.read_text("utf-8"))
    fresh = AnnotationStore.open(doc, text=TEXT)
    assert fresh.merge_in(from_w3c(value, TEXT)) == 2
    got = fresh.get(kept.id)
    assert (got.color, got.note, got.target) == ("green", "留", kept.target)


# ------------------------------------------------------ another process's lock
_HOLD_LOCK = """
import sys, time
from pathlib import Path
from desktop.core.locks import FileLock
with FileLock(Path(sys.argv[1]), timeout=5):
    print("locked", flush=True)
    sys.stdin.readline()
"""


@pytest.fixture
def lock_holder(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding ``tmp_path/doc``'s annotation lock until told to stop."""
    doc = tmp_path / "doc"
    doc.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(doc / "annotations.json.lock")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=10)


def _release(proc: subprocess.Popen[str]) -> None:
    assert proc.stdin is not None
    proc.stdin.write("go\n")
    proc.stdin.flush()
    proc.wait(timeout=10)


def test_background_saver_waits_out_a_held_lock(
    tmp_path: Path, lock_holder: subprocess.Popen[str]
) -> None:
    """Saves run on the saver's thread, are retried after a lock timeout, and finish
    once the other process lets go; the caller never waits."""
    import threading
    import time

    from desktop.core.annotations.saver import BackgroundSaver, SaveOutcome

    doc = tmp_path / "doc"
    store = AnnotationStore.open(doc, text=TEXT)
    outcomes: list[SaveOutcome] = []
    done = threading.Event()

    def report(outcome: SaveOutcome) -> None:
        outcomes.append(outcome)
        if outcome.ok:
            done.set()

    saver = BackgroundSaver(store, report, lock_timeout=0.2, backoff=(0.1,))
    try:
        item = store.add_highlight(0, 2)
        began = time.monotonic()
        assert not store.flush()  # handed over, not waited for
        assert time.monotonic() - began < 0.1
        assert not done.wait(0.6)  # the lock is still held: failures, then retries
        assert any(o.error is not None for o in outcomes) and store.dirty
        _release(lock_holder)
        assert done.wait(10)
        assert _saved_ids(doc) == {item.id} and not store.dirty
    finally:
        assert saver.stop(timeout=5)


def test_saves_of_one_store_are_serialized(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Many requests while a save runs: never two saves at once, and the last change
    is on disk at the end."""
    import threading
    import time

    from desktop.core.annotations.saver import BackgroundSaver

    store = AnnotationStore.open(tmp_path, text=TEXT)
    running = {"now": 0, "most": 0}
    real = store_module.write_json
    guard = threading.Lock()

    def slow_write(path: Path, value: object, **kwargs: object) -> None:
        with guard:
            running["now"] += 1
            running["most"] = max(running["most"], running["now"])
        time.sleep(0.02)
        real(path, value, **kwargs)  # type: ignore[arg-type]
        with guard:
            running["now"] -= 1

    monkeypatch.setattr(store_module, "write_json", slow_write)
    saver = BackgroundSaver(store, lambda outcome: None)
    ids = []
    for n in range(30):
        ids.append(store.add_highlight(n, n + 1).id)
        store.flush()
        time.sleep(0.003)
    assert saver.wait_settled(timeout=10) and not store.dirty
    assert saver.stop(timeout=5)
    assert running["most"] == 1
    assert _saved_ids(tmp_path) == set(ids)


def test_unexpected_errors_do_not_end_the_saver(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.core.annotations.saver import BackgroundSaver, SaveOutcome

    store = AnnotationStore.open(tmp_path, text=TEXT)
    outcomes: list[SaveOutcome] = []

    def broken(*args: object, **kwargs: object) -> None:
        raise TypeError("a bug")

    monkeypatch.setattr(store_module, "write_json", broken)
    saver = BackgroundSaver(store, outcomes.append, backoff=(60.0,))
    store.add_highlight(0, 2)
    store.flush()
    assert saver.wait_settled(timeout=5)
    assert outcomes and outcomes[-1].error is not None and store.dirty
    monkeypatch.undo()
    saver.retry_now()
    assert saver.wait_settled(timeout=5) and not store.dirty
    assert saver.stop(timeout=5)
