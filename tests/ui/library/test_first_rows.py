"""The window paints with the first rows of its library, then every document arrives
from a background read: the selection, the current row and changes heard meanwhile
are kept.  (The first paint at 100,000 documents is measured by ``make bench
ARGS=library``.)"""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QSettings

from desktop.core.library import Library
from desktop.core.records import DocSummary
from desktop.ui.app import startup as startup_module
from desktop.ui.app.main_window import MainWindow


def test_the_rows_set_again_keep_the_selection_and_current_row(
    qtbot,  # type: ignore[no-untyped-def]
    main_window: MainWindow,
) -> None:
    pane = main_window.library_pane
    qtbot.waitUntil(lambda: main_window.startup.summaries_read is None, timeout=10_000)
    docs = pane.model.all_documents()
    first, second = sorted(d.id for d in docs)[:2]
    pane.select(first)
    rows = pane.model.rows_of([second])
    pane.table.selectionModel().select(
        pane.proxy.index(rows[second], 0),
        pane.table.selectionModel().SelectionFlag.Select
        | pane.table.selectionModel().SelectionFlag.Rows,
    )
    assert sorted(pane.selected_ids()) == sorted([first, second])
    pane.set_documents(list(reversed(docs)))
    assert sorted(pane.selected_ids()) == sorted([first, second])
    assert pane.current_id() == first
    pane.set_documents([d for d in docs if d.id != second])  # one gone: the other stays
    assert pane.selected_ids() == [first]


def _changed_while_read(
    seeded_library: Library,
    monkeypatch,  # type: ignore[no-untyped-def]
    change: Callable[[Library, str], object],
) -> tuple[Library, str, Callable[[], list[DocSummary]], list[bool]]:
    """The library opened as the app opens it (from the catalogue its check wrote),
    whose summaries are read as they are and then, the first time, one document is
    changed by ``change``: a change landing while every summary is read.  The library,
    the document changed, the true ``summaries`` (to put back) and whether the change
    was made."""
    Library.open(seeded_library.root)  # its check writes the catalogue
    library = Library.open(seeded_library.root, check=False)
    changed = sorted(library.ids())[0]
    real = library.summaries
    done: list[bool] = []

    def read_then_change() -> list[DocSummary]:
        docs = real()  # the summaries as they were
        if not done:
            done.append(True)
            change(library, changed)
        return docs

    monkeypatch.setattr(library, "summaries", read_then_change)
    return library, changed, real, done


def test_the_window_paints_with_the_first_rows_then_shows_every_document(
    qtbot,  # type: ignore[no-untyped-def]
    seeded_library: Library,
    settings: QSettings,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    """Two rows before the paint; all five after; a title changed while the summaries
    were read (they were read before it) is shown as changed."""
    monkeypatch.setattr(startup_module, "FIRST_ROWS", 2)
    library, changed, real, _done = _changed_while_read(
        seeded_library,
        monkeypatch,
        lambda lib, doc_id: lib.update_meta(doc_id, title="讀取時改的"),  # an event is heard
    )
    window = MainWindow(library, settings)
    qtbot.addWidget(window)
    assert window.library_pane.model.total() == 2  # before the first paint
    assert "5" in window.status_label.text()
    window.show()
    qtbot.waitUntil(lambda: window.library_pane.model.total() == 5, timeout=10_000)
    qtbot.waitUntil(lambda: window.startup.summaries_read is None, timeout=10_000)
    monkeypatch.setattr(library, "summaries", real)
    model = window.library_pane.model
    titles = {d.id: d.title for d in model.all_documents()}
    assert titles[changed] == "讀取時改的"
    window.close()


def _reload_with_a_new_title(library: Library, doc_id: str) -> None:
    """meta.json edited on disk, then the document re-read as the window re-reads one
    after a save: no library event."""
    meta_path = library.doc_dir(doc_id) / "meta.json"
    meta = json.loads(meta_path.read_text("utf-8"))
    meta["user"]["title"] = "讀完後重讀的"
    meta_path.write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
    library.reload(doc_id)


def test_a_document_re_read_while_the_summaries_are_read_is_shown_as_re_read(
    qtbot,  # type: ignore[no-untyped-def]
    seeded_library: Library,
    settings: QSettings,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    """A document re-read without a library event (its annotations or place saved: the
    window updates its row itself) while every summary is read: the rows set after the
    read show it as re-read, not as the read found it a moment before (the Notes column
    of a highlight saved just after start-up showed 0)."""
    library, changed, real, done = _changed_while_read(
        seeded_library, monkeypatch, _reload_with_a_new_title
    )
    window = MainWindow(library, settings)
    qtbot.addWidget(window)
    window.show()
    model = window.library_pane.model
    # at once when the rows are set, not after the folder check that follows them
    qtbot.waitUntil(lambda: window.startup.summaries_read is None and bool(done))
    monkeypatch.setattr(library, "summaries", real)
    assert model.total() == 5
    assert {d.id: d.title for d in model.all_documents()}[changed] == "讀完後重讀的"
    window.close()
