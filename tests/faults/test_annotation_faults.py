"""Annotations under injected faults: read errors, future versions, a lock held by
another process, failing saves on close.  Nothing the reader made may be lost.

Tests run as root, where ``chmod`` does not stop writes, so failures are injected:
the store's write raises ``OSError(ENOSPC)``, reads raise ``OSError(EIO)``, or a real
second process holds the annotation lock (``desktop.core.locks.FileLock``).
"""

from __future__ import annotations

import errno
import itertools
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


def _hold_lock(doc: Path) -> subprocess.Popen[str]:
    """Start another process that holds ``doc``'s annotation lock until released."""
    doc.mkdir(parents=True, exist_ok=True)
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(doc / "annotations.json.lock")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    return proc


@pytest.fixture
def lock_holder(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding ``tmp_path/doc``'s annotation lock until told to stop."""
    proc = _hold_lock(tmp_path / "doc")
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


# ------------------------------------------------------------------- the window
@pytest.fixture
def window(qtbot, library_dir: Path, seed_paths: list[Path], isolated_env: Path):  # type: ignore[no-untyped-def]
    """The real main window on a seeded library."""
    from PySide6.QtCore import QSettings, QThreadPool

    from desktop.core.library import Library
    from desktop.ui.annotations.unsaved_dialog import UnsavedChoice
    from desktop.ui.app.main_window import MainWindow

    library = Library.open(library_dir)
    library.import_seeds_if_new(seed_paths[0].parent)
    ini = str(isolated_env / "config" / "tongwen.ini")
    win = MainWindow(library, QSettings(ini, QSettings.Format.IniFormat))
    win.show()  # not qtbot.addWidget: it would close the window before this teardown
    qtbot.waitExposed(win)
    yield win
    # A test that failed half-way must not leave a modal question open on teardown.
    win.annotations.ask_unsaved = lambda parent, unsaved: UnsavedChoice.DISCARD
    win.close()
    win.deleteLater()
    QThreadPool.globalInstance().waitForDone(10_000)


def _highlight(win, doc_index: int = 0, at: int = 0):  # type: ignore[no-untyped-def]
    """Open a document, select four shown characters of its text and highlight them."""
    from PySide6.QtGui import QTextCursor

    doc = win.library.documents()[doc_index]
    win.open_document(doc.id)
    reader = win.reader
    text = reader.view_text()
    start = next(i for i in range(at, len(text)) if text[i : i + 4].strip() == text[i : i + 4])
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(reader.view_to_qt(start))
    cursor.setPosition(reader.view_to_qt(start + 4), QTextCursor.MoveMode.KeepAnchor)
    reader.text.setTextCursor(cursor)
    item = win.annotations.highlight()
    assert item is not None
    return doc.id, item


def _disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """The library's disk is full (a copy elsewhere can still be written)."""
    real = store_module.write_json

    def full(path: Path, value: object, **kwargs: object) -> None:
        if Path(path).name == "annotations.json":
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, value, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store_module, "write_json", full)


def _on_disk(win, doc_id: str) -> set[str]:  # type: ignore[no-untyped-def]
    path = win.library.doc_dir(doc_id) / "annotations.json"
    return _saved_ids(path.parent) if path.exists() else set()


def test_closing_with_a_failing_save_asks_and_retry_saves(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Closing quit without asking and the highlight was gone."""
    from desktop.ui.annotations.unsaved_dialog import UnsavedChoice

    _disk_full(monkeypatch)
    doc_id, item = _highlight(window)
    window.annotations.save_now()
    assert not window.annotations.wait_for_saves(10_000)
    asked = []

    def answer(parent, unsaved):  # type: ignore[no-untyped-def]
        asked.append(unsaved)
        monkeypatch.undo()  # the reader freed some space
        return UnsavedChoice.RETRY

    window.annotations.ask_unsaved = answer
    assert window.close()
    assert [(u.doc_id, u.count) for u in asked] == [(doc_id, 1)]
    assert "disk space" in asked[0].problem
    assert _on_disk(window, doc_id) == {item.id}


def test_discard_is_explicit_and_names_the_count(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.annotations.unsaved_dialog import UnsavedChoice

    _disk_full(monkeypatch)
    doc_id, _ = _highlight(window)
    _highlight(window, at=40)
    asked = []
    window.annotations.ask_unsaved = lambda p, u: asked.append(u) or UnsavedChoice.DISCARD
    assert window.close()
    assert [u.count for u in asked] == [2]
    assert _on_disk(window, doc_id) == set()


def test_cancel_keeps_the_window_open_and_the_changes(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.annotations.unsaved_dialog import UnsavedChoice

    _disk_full(monkeypatch)
    doc_id, item = _highlight(window)
    window.annotations.ask_unsaved = lambda parent, unsaved: UnsavedChoice.CANCEL
    assert not window.close()
    assert window.isVisible() and [i.id for i in window.annotations.items()] == [item.id]
    monkeypatch.undo()
    window.annotations.save_now()
    assert window.annotations.wait_for_saves(10_000)
    assert _on_disk(window, doc_id) == {item.id}


def test_save_a_copy_writes_a_file_that_merges_back(  # type: ignore[no-untyped-def]
    window, monkeypatch, tmp_path: Path
) -> None:
    from desktop.ui.annotations.export_dialog import import_from_file
    from desktop.ui.annotations.unsaved_dialog import UnsavedChoice

    _disk_full(monkeypatch)
    doc_id, item = _highlight(window)
    copy = tmp_path / "kept" / "copy.json"
    places = iter([tmp_path / "no such folder" / "copy.json", copy])
    asked = []
    window.annotations.ask_copy_path = lambda parent, title: next(places)
    window.annotations.ask_unsaved = lambda p, u: asked.append(u) or UnsavedChoice.SAVE_COPY
    copy.parent.mkdir()
    assert window.close()
    assert len(asked) == 2  # the first place could not be written: asked again, saying so
    assert "copy.json" in asked[1].problem
    monkeypatch.undo()
    store = AnnotationStore.open(window.library.doc_dir(doc_id), text=window.library.text(doc_id))
    assert store.items() == []
    report = import_from_file(store, doc_id, copy)
    assert report.changed == 1 and not report.other_document
    store.save()
    assert _on_disk(window, doc_id) == {item.id}
    assert store.get(item.id).target == item.target


@pytest.mark.real_unsaved_dialog
def test_the_question_is_a_real_dialog(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.ui.annotations.unsaved_dialog import UnsavedDialog

    _disk_full(monkeypatch)
    doc_id, _ = _highlight(window)
    seen = []

    def click_discard() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, UnsavedDialog):
            QTimer.singleShot(50, click_discard)
            return
        seen.append((dialog.text(), dialog.discard_button.text()))
        dialog.discard_button.click()

    QTimer.singleShot(50, click_discard)
    assert window.close()
    title = window.library.get(doc_id).title
    assert len(seen) == 1 and title in seen[0][0] and "1 highlight" in seen[0][0]
    assert "1" in seen[0][1]


def test_switching_documents_keeps_unsaved_annotations(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The store of the document left behind is kept and retried, not dropped."""
    _disk_full(monkeypatch)
    first_id, item = _highlight(window, doc_index=0)
    _highlight(window, doc_index=1)
    assert [u.doc_id for u in window.annotations.unsaved_documents()] == [
        first_id,
        window.reader.doc_id,
    ]
    monkeypatch.undo()
    window.annotations.save_now()  # the user acts: everything is tried again
    assert window.annotations.wait_for_saves(10_000)
    assert _on_disk(window, first_id) == {item.id}


def test_reopening_a_document_carries_its_unsaved_changes_over(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _disk_full(monkeypatch)
    first_id, item = _highlight(window, doc_index=0)
    other = window.library.documents()[1].id
    window.open_document(other)
    window.open_document(first_id)
    assert [i.id for i in window.annotations.items()] == [item.id]
    assert [span[2] for span in window.annotations.painted_spans()] == [item.id]
    assert [u.doc_id for u in window.annotations.unsaved_documents()] == [first_id]


def test_window_stays_responsive_while_another_process_holds_the_lock(  # type: ignore[no-untyped-def]
    qtbot, window
) -> None:
    """The save waited for the lock on the UI thread: the window froze for 10 s."""
    import time

    from PySide6.QtCore import QTimer

    doc_id = window.library.documents()[0].id
    holder = _hold_lock(window.library.doc_dir(doc_id))
    try:
        _, item = _highlight(window)
        began = time.monotonic()
        window.annotations.save_now()
        assert time.monotonic() - began < 1.0
        ticks: list[float] = []
        timer = QTimer()
        timer.setInterval(50)
        timer.timeout.connect(lambda: ticks.append(time.monotonic()))
        timer.start()
        qtbot.wait(3000)  # longer than one lock wait: at least one attempt failed
        timer.stop()
        gaps = [b - a for a, b in itertools.pairwise(ticks)]
        assert len(ticks) > 20 and max(gaps) < 1.0  # generous: the freeze was 10 s
        assert _on_disk(window, doc_id) == set()
        _release(holder)
        qtbot.waitUntil(lambda: _on_disk(window, doc_id) == {item.id}, timeout=20_000)
    finally:
        if holder.poll() is None:
            holder.kill()
        holder.wait(timeout=10)


def test_closing_waits_for_a_save_in_flight(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """A save waiting for another process's lock finishes before the window closes."""
    from PySide6.QtCore import QTimer

    doc_id = window.library.documents()[0].id
    holder = _hold_lock(window.library.doc_dir(doc_id))
    try:
        _, item = _highlight(window)
        window.annotations.ask_unsaved = lambda p, u: pytest.fail("nothing was unsaved")
        QTimer.singleShot(300, lambda: _release(holder))
        assert window.close()
        assert _on_disk(window, doc_id) == {item.id}
    finally:
        if holder.poll() is None:
            holder.kill()
        holder.wait(timeout=10)


def test_a_document_whose_annotations_cannot_be_read_says_so_and_keeps_new_ones(  # type: ignore[no-untyped-def]
    qtbot, window, monkeypatch
) -> None:
    """Not "repaired, nothing lost": the file is left alone, and what the reader adds
    meanwhile is merged into it once it can be read."""
    doc_id, old = _highlight(window)
    window.annotations.save_now()
    assert window.annotations.wait_for_saves(10_000)
    window.open_document(window.library.documents()[1].id)
    path = window.library.doc_dir(doc_id) / "annotations.json"
    _unreadable(monkeypatch, path)
    _, new = _highlight(window, doc_index=0, at=40)
    message = window.statusBar().currentMessage()
    assert "cannot be read for now" in message and str(path) in message
    assert "repair" not in message
    assert [i.id for i in window.annotations.items()] == [new.id]
    window.annotations.save_now()
    assert not window.annotations.wait_for_saves(10_000)
    assert path.open("rb").read() and not list(path.parent.glob("*.corrupt-*"))
    monkeypatch.undo()  # readable again
    window.annotations.save_now()
    assert window.annotations.wait_for_saves(10_000)
    assert _on_disk(window, doc_id) == {old.id, new.id}
    qtbot.waitUntil(lambda: {i.id for i in window.annotations.items()} == {old.id, new.id})
