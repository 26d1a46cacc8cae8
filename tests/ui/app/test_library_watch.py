"""The window picks up documents another process adds, changes or removes."""

from __future__ import annotations

import json
import os
import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool

from desktop.core.folder_watch import unsupported_reason
from desktop.core.library import Library
from desktop.ui.app.library_watch import BACKSTOP_MS, DEBOUNCE_MS, MIN_INTERVAL_MS, FolderCheck
from desktop.ui.app.main_window import MainWindow


def _titles(window: MainWindow) -> set[str]:
    model = window.library_pane.model
    return {model.index(row, 0).data() for row in range(model.rowCount())}


def test_changes_from_another_process_appear(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    library = main_window.library
    first, second = (d.id for d in library.documents()[:2])
    check = main_window.folder_check
    qtbot.waitUntil(lambda: check.checks >= 1, timeout=10_000)  # the first check ran
    new_id = "d" * 64
    folder = library.docs_dir / new_id
    shutil.copytree(library.doc_dir(first), folder)
    meta = json.loads((folder / "meta.json").read_text("utf-8"))
    meta["id"], meta["extracted"]["title"] = new_id, "同步來的新文章"
    (folder / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
    shutil.rmtree(library.doc_dir(second))
    removed_title = next(d.title for d in main_window.library.documents() if d.id == second)
    check.check_now()
    qtbot.waitUntil(lambda: "同步來的新文章" in _titles(main_window), timeout=10_000)
    qtbot.waitUntil(lambda: removed_title not in _titles(main_window), timeout=10_000)


def test_checks_go_on_and_stop_with_the_window(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    check = main_window.folder_check
    qtbot.waitUntil(lambda: check.checks >= 1, timeout=10_000)
    assert check._timer.isActive()  # the next one is planned
    main_window.close()
    assert not check._timer.isActive()


def test_a_library_without_a_catalogue_is_read_after_the_first_paint(  # type: ignore[no-untyped-def]
    qtbot, seeded_library, settings, isolated_env
) -> None:
    """A first start after an upgrade (no catalogue): the window paints at once, reads
    the folders in the background with progress, then fills the list and starts the
    search index and the folder checks (not before: an index compared with a library
    not read yet would drop every document)."""
    from desktop.core.library import Library

    shutil.rmtree(isolated_env / "cache" / "catalogue")
    library = Library.open(seeded_library.root, check=False)
    assert library.first_read_pending and len(library) == 0
    window = MainWindow(library, settings)
    qtbot.addWidget(window)
    assert window.folder_check.checks == 0
    label, shown = window.status_label, []
    real = label.setText
    label.setText = lambda text: (shown.append(text), real(text))  # type: ignore[method-assign]
    window.show()
    pane = window.library_pane
    assert pane.stack.currentWidget() is not pane.empty_page  # never "your library is empty"
    qtbot.waitUntil(lambda: len(_titles(window)) == 5, timeout=10_000)
    assert any("Reading the library" in text for text in shown)
    assert pane.stack.currentWidget() is pane.list_page
    assert not library.first_read_pending
    qtbot.waitUntil(lambda: window.folder_check.checks >= 1, timeout=10_000)
    assert window.library_pane.model.total() == 5
    window.close()


def test_the_first_read_reports_its_progress(seeded_library, isolated_env) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.library import Library

    shutil.rmtree(isolated_env / "cache" / "catalogue")
    library = Library.open(seeded_library.root, check=False)
    reports: list[tuple[int, int]] = []
    library.check_folders(emit=False, progress=lambda done, total: reports.append((done, total)))
    assert reports[0] == (0, 5) and reports[-1] == (5, 5)
    assert len(library) == 5 and not library.first_read_pending


# ------------------------------------------------------------------ the folder watch

needs_inotify = pytest.mark.skipif(
    unsupported_reason() is not None, reason=f"no inotify here: {unsupported_reason()}"
)


def _retitle(library: Library, doc_id: str, title: str) -> None:
    """Another process's edit, as a sync tool writes it: a temporary file renamed."""
    meta_path = library.doc_dir(doc_id) / "meta.json"
    meta = json.loads(meta_path.read_text("utf-8"))
    meta["user"]["title"] = title
    temp = meta_path.with_name(".meta.json.synctmp")
    temp.write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
    os.replace(temp, meta_path)


def _watched(qtbot, library: Library) -> FolderCheck:  # type: ignore[no-untyped-def]
    """A FolderCheck started, its watch in place and its first look at every folder done."""
    check = FolderCheck(library)
    check.start()
    assert check.watch is not None
    qtbot.waitUntil(lambda: check.checks >= 1, timeout=10_000)
    assert check.watch.complete
    return check


@needs_inotify
def test_a_change_heard_is_shown_without_a_look_at_every_folder(
    qtbot, main_window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    check = main_window.folder_check
    qtbot.waitUntil(lambda: check.checks >= 1, timeout=10_000)
    assert check.watch is not None and check.watch.complete
    assert check._timer.interval() >= BACKSTOP_MS  # every folder watched: a rare backstop
    library = main_window.library
    first = library.documents()[0].id
    _retitle(library, first, "同步工具改的標題")
    qtbot.waitUntil(lambda: "同步工具改的標題" in _titles(main_window), timeout=10_000)
    new_id = "d" * 64
    shutil.copytree(library.doc_dir(first), library.docs_dir / new_id)
    meta = json.loads((library.docs_dir / new_id / "meta.json").read_text("utf-8"))
    meta["id"], meta["user"]["title"] = new_id, "同步來的新文章"
    _write_meta(library.docs_dir / new_id, meta)
    qtbot.waitUntil(lambda: "同步來的新文章" in _titles(main_window), timeout=10_000)
    shutil.rmtree(library.docs_dir / new_id)
    qtbot.waitUntil(lambda: "同步來的新文章" not in _titles(main_window), timeout=10_000)
    qtbot.waitUntil(lambda: check.named_checks >= 3, timeout=10_000)
    assert check.checks == 1  # each change was a check of its folder only


def _write_meta(folder: Path, meta: dict[str, object]) -> None:
    (folder / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")


@needs_inotify
def test_a_burst_of_writes_is_one_check(qtbot, seeded_library: Library) -> None:  # type: ignore[no-untyped-def]
    check = _watched(qtbot, seeded_library)
    try:
        docs = [d.id for d in seeded_library.documents()]
        names: list[list[str]] = []
        real = seeded_library.check_named_folders

        def recording(wanted, **kwargs):  # type: ignore[no-untyped-def]
            names.append(sorted(wanted))
            return real(wanted, **kwargs)

        seeded_library.check_named_folders = recording  # type: ignore[method-assign,assignment]
        for doc_id in docs:  # a sync tool writing several files at once
            _retitle(seeded_library, doc_id, f"改了 {doc_id[:4]}")
            (seeded_library.doc_dir(doc_id) / "annotations.json.synctmp").write_text("", "utf-8")
        qtbot.waitUntil(lambda: check.named_checks >= 1, timeout=10_000)
        qtbot.wait(DEBOUNCE_MS * 2)
        assert names == [sorted(docs)] and check.named_checks == 1
        assert {d.title for d in seeded_library.summaries()} == {
            f"改了 {doc_id[:4]}" for doc_id in docs
        }
    finally:
        check.stop()


@needs_inotify
def test_what_is_heard_during_a_check_waits_for_it(qtbot, seeded_library: Library) -> None:  # type: ignore[no-untyped-def]
    """Never two checks at once: a change heard while one runs is checked after it."""
    check = _watched(qtbot, seeded_library)
    first, second = (d.id for d in seeded_library.documents()[:2])
    release, running, most = threading.Event(), [0], [0]
    real = seeded_library.check_named_folders

    def slow(wanted, **kwargs):  # type: ignore[no-untyped-def]
        running[0] += 1
        most[0] = max(most[0], running[0])
        try:
            release.wait(10)
            return real(wanted, **kwargs)
        finally:
            running[0] -= 1

    seeded_library.check_named_folders = slow  # type: ignore[method-assign,assignment]
    try:
        _retitle(seeded_library, first, "先改的")
        qtbot.waitUntil(lambda: running[0] == 1, timeout=10_000)
        _retitle(seeded_library, second, "後改的")
        qtbot.wait(DEBOUNCE_MS * 2)  # heard, and held back
        assert check.named_checks == 0 and most[0] == 1
        release.set()
        qtbot.waitUntil(lambda: check.named_checks == 2, timeout=10_000)
        assert most[0] == 1
        assert seeded_library.get(first).title == "先改的"
        assert seeded_library.get(second).title == "後改的"
    finally:
        release.set()
        check.stop()
        QThreadPool.globalInstance().waitForDone(10_000)


@needs_inotify
def test_the_watch_stops_with_the_window(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    check = main_window.folder_check
    qtbot.waitUntil(lambda: check.checks >= 1, timeout=10_000)
    watch = check.watch
    assert watch is not None and watch.running
    main_window.close()
    assert not watch.running
    assert not any(t.name == "folder-watch" and t.is_alive() for t in threading.enumerate())


def test_without_a_watch_every_folder_is_looked_at_as_before(  # type: ignore[no-untyped-def]
    qtbot, seeded_library: Library, monkeypatch
) -> None:
    """No inotify (another system, none left): the checks of every folder at the pace of
    before, which find another process's change on their own."""
    from desktop.core import folder_watch

    monkeypatch.setattr(folder_watch.sys, "platform", "darwin")
    check = FolderCheck(seeded_library)
    check.start()
    try:
        assert check.watch is None
        qtbot.waitUntil(lambda: check.checks >= 1, timeout=10_000)
        assert check._timer.isActive() and check._timer.interval() == MIN_INTERVAL_MS
        doc = seeded_library.documents()[0].id
        _retitle(seeded_library, doc, "輪詢看到的")
        qtbot.waitUntil(lambda: seeded_library.get(doc).title == "輪詢看到的", timeout=10_000)
        qtbot.waitUntil(lambda: check.checks >= 2, timeout=10_000)  # that check's end
        assert check.named_checks == 0
    finally:
        check.stop()
        QThreadPool.globalInstance().waitForDone(10_000)
