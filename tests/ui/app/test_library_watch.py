"""The window picks up documents another process adds, changes or removes."""

from __future__ import annotations

import json
import shutil

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
