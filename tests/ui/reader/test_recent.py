"""Continue where I was: the last document reopens on launch; File ▸ Recent lists ten."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.core.annotations import summary
from desktop.core.library import Library
from desktop.core.locks import FileLock
from desktop.ui.app.main_window import MainWindow
from desktop.ui.common.app_settings import AppSettings
from desktop.ui.reader.recent import menu_text


def _add(library: Library, folder: Path, name: str, body: str) -> str:
    path = folder / f"{name}.txt"
    path.write_text(body, "utf-8")
    result = library.add_file(path)
    assert result.id, result.error
    return result.id


def _long_text(title: str) -> str:
    return f"{title}\n\n" + "話說天下大勢,分久必合,合久必分。\n" * 2000


@pytest.fixture
def windows(
    qtbot: QtBot, seeded_library: Library, settings: QSettings
) -> Iterator[list[MainWindow]]:
    """Windows opened one after the other on the same library and settings (launches)."""
    opened: list[MainWindow] = []
    yield opened
    for window in opened:
        window.close()
    QThreadPool.globalInstance().waitForDone(10_000)
    QApplication.processEvents()


def _launch(
    qtbot: QtBot, windows: list[MainWindow], library: Library, settings: QSettings
) -> MainWindow:
    if windows:
        windows[-1].close()  # the previous launch ends first
    window = MainWindow(library, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    windows.append(window)
    return window


def test_relaunch_reopens_the_last_document_at_its_place(
    qtbot: QtBot,
    windows: list[MainWindow],
    seeded_library: Library,
    settings: QSettings,
    tmp_path: Path,
) -> None:
    doc_id = _add(seeded_library, tmp_path, "長篇", _long_text("長篇"))
    first = _launch(qtbot, windows, seeded_library, settings)
    seed = seeded_library.documents()[0].id
    first.open_document(seed)
    first.open_document(doc_id)
    first.reader.go_to_canonical(31_234)
    place = first.reader.current_canonical()
    assert place == 31_234
    second = _launch(qtbot, windows, seeded_library, settings)
    qtbot.waitUntil(lambda: second.reader.doc_id == doc_id)
    assert second.reader.current_canonical() == place
    assert (
        second.status_line.percent_text() == f"{round(place / len(second.reader.canonical) * 100)}%"
    )


def test_a_removed_last_document_opens_nothing_and_says_nothing(
    qtbot: QtBot,
    windows: list[MainWindow],
    seeded_library: Library,
    settings: QSettings,
    tmp_path: Path,
) -> None:
    doc_id = _add(seeded_library, tmp_path, "將刪", _long_text("將刪"))
    first = _launch(qtbot, windows, seeded_library, settings)
    first.open_document(doc_id)
    first.close()
    seeded_library.remove(doc_id)  # e.g. with tongwen-cli while the window was shut
    second = _launch(qtbot, windows, seeded_library, settings)
    qtbot.wait(50)  # the first paint, then the reopening would come
    assert second.reader.doc_id is None
    assert second.statusBar().currentMessage() == ""
    assert not [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]
    assert AppSettings(settings).last_document == ""


def test_files_opened_at_launch_win_over_the_last_document(
    qtbot: QtBot, seeded_library: Library, settings: QSettings
) -> None:
    seeds = [d.id for d in seeded_library.documents()]
    AppSettings(settings).last_document = seeds[0]
    window = MainWindow(seeded_library, settings)
    qtbot.addWidget(window)
    window.open_document(seeds[1])  # as a file handed over before the first paint
    window.show()
    qtbot.wait(50)
    assert window.reader.doc_id == seeds[1]
    window.close()


def test_recent_lists_ten_most_recent_first_and_drops_removed(
    qtbot: QtBot, main_window: MainWindow, tmp_path: Path
) -> None:
    library = main_window.library
    ids = [_add(library, tmp_path, f"第{n}篇", f"正文{n}。\n") for n in range(12)]
    for n, doc_id in enumerate(ids):
        library.update_meta(doc_id, title=f"第{n}篇 & 其他")
    for doc_id in ids:
        main_window.open_document(doc_id)
    recent = main_window.recent
    entries = recent.entries()
    assert [doc_id for _, doc_id in entries] == ids[::-1][:10]
    assert entries[0][0] == "&1 第11篇 && 其他"  # the title's & shown, not a mnemonic
    assert entries[9][0] == "1&0 第2篇 && 其他"
    main_window.open_document(ids[5])  # opened again: first again, not twice
    assert [d for _, d in recent.entries()][:3] == [ids[5], ids[11], ids[10]]
    library.remove(ids[11])
    listed = [d for _, d in recent.entries()]
    assert ids[11] not in listed and len(listed) == 9
    actions = recent.menu.actions()
    assert actions[-1] is recent.clear_action and actions[-1].isEnabled()  # at the bottom
    recent.clear_action.trigger()
    assert recent.entries() == []
    assert not recent.clear_action.isEnabled()


def test_recent_opens_a_document_at_its_place(
    qtbot: QtBot, main_window: MainWindow, tmp_path: Path
) -> None:
    library = main_window.library
    long_id = _add(library, tmp_path, "長篇", _long_text("長篇"))
    main_window.open_document(long_id)
    main_window.reader.go_to_canonical(30_000)
    main_window.open_document(library.documents()[0].id)
    entry = next(a for a in main_window.recent.menu.actions() if a.data() == long_id)
    entry.trigger()
    assert main_window.reader.doc_id == long_id
    assert main_window.reader.current_canonical() == 30_000


def test_recent_menu_is_under_file(main_window: MainWindow) -> None:
    file_menu = main_window.menuBar().actions()[0].menu()
    assert main_window.recent.menu.menuAction() in file_menu.actions()  # type: ignore[union-attr]


def test_menu_text_is_one_plain_line() -> None:
    assert menu_text(3, "A&B\tC\nD") == "&3 A&&B C D"
    assert menu_text(1, "") == "&1 …"
    long = menu_text(2, "長" * 100)
    assert long.endswith("…") and len(long) == len("&2 ") + 60


def test_settings_keep_only_document_ids(settings: QSettings) -> None:
    prefs = AppSettings(settings)
    ids = [f"{n:064x}" for n in range(12)]
    prefs.recent_documents = ids
    assert prefs.recent_documents == ids[:10]
    settings.setValue("reading/recent", "not-an-id ../x " + ids[0])
    assert prefs.recent_documents == [ids[0]]
    settings.setValue("reading/last_document", ["a", "b"])  # a hand-edited ini
    assert prefs.last_document == ""
    with pytest.raises(ValueError):
        prefs.last_document = "../etc"


def test_a_document_opened_again_before_its_place_is_saved_opens_there(
    qtbot: QtBot, main_window: MainWindow, tmp_path: Path
) -> None:
    """Saving runs in the background: while it waits (here for another process's lock),
    the document opened again from Recent opened at its older place, then saved that."""
    library = main_window.library
    long_id = _add(library, tmp_path, "長篇", _long_text("長篇"))
    seed = library.documents()[0].id
    main_window.open_document(long_id)
    lock = FileLock(library.doc_dir(long_id) / "annotations.json.lock")
    lock.acquire()
    try:
        main_window.reader.go_to_canonical(30_000)
        main_window.open_document(seed)
        entry = next(a for a in main_window.recent.menu.actions() if a.data() == long_id)
        entry.trigger()
        assert main_window.reader.current_canonical() == 30_000
        main_window.reader.flush_position()
    finally:
        lock.release()
    qtbot.waitUntil(
        lambda: summary(library.doc_dir(long_id))[1] == 30_000 / len(main_window.reader.canonical)
    )
