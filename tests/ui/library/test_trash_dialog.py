"""Library ▸ Trash…: restore with annotations, delete for good after asking, empty."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.core.annotations.store import AnnotationStore
from desktop.ui.app.main_window import MainWindow
from desktop.ui.app.menus import plain
from desktop.ui.library.trash_dialog import TITLE, TrashDialog


def _remove(window: MainWindow, count: int, monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    """Remove ``count`` documents through the window, as Document ▸ Remove does."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    ids = [d.id for d in window.library.documents()[:count]]
    window.remove_documents(ids)
    return ids


def _open_trash(window: MainWindow) -> TrashDialog:
    window.menus.actions_by_name["trash"].trigger()
    dialog = window.findChild(TrashDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def _answer(dialog: TrashDialog, button: QMessageBox.StandardButton) -> None:
    """Click ``button`` of the confirmation the dialog is about to ask."""
    QTimer.singleShot(0, lambda: dialog.confirmation.button(button).click())


def test_the_library_menu_sits_between_file_and_edit(main_window: MainWindow) -> None:
    titles = [plain(a.text()) for a in main_window.menuBar().actions()]
    assert titles[:3] == ["File", "Library", "Edit"]
    library_menu = main_window.menuBar().actions()[1].menu()
    assert library_menu is not None
    entries = [plain(a.text()) for a in library_menu.actions() if not a.isSeparator()]
    assert entries == [
        "Tags and Shelves",
        "Save Search as Shelf…",
        "Pause Search Indexing",
        "Trash…",
    ]


def test_restore_brings_the_document_back_with_its_annotations(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow, monkeypatch
) -> None:
    library = main_window.library
    doc = library.documents()[0]
    store = AnnotationStore.open(library.doc_dir(doc.id), text=library.text(doc.id))
    store.add_note(2, 6, "我的筆記")
    store.save()
    _remove(main_window, 1, monkeypatch)
    assert main_window.library_pane.visible_count() == 4

    dialog = _open_trash(main_window)
    assert dialog.list.topLevelItemCount() == 1
    row = dialog.list.topLevelItem(0)
    assert row is not None and row.text(TITLE) == doc.title
    assert row.text(1) and row.text(2)  # when removed, size
    assert dialog.restore_button.isEnabled()  # the one removed last is chosen
    dialog.select_names([])
    assert not dialog.restore_button.isEnabled()
    dialog.select_names(dialog.entry_names())
    assert dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert library.get(doc.id).title == doc.title
    assert main_window.library_pane.visible_count() == 5
    notes = AnnotationStore.open(library.doc_dir(doc.id), text=library.text(doc.id)).items()
    assert [n.note for n in notes] == ["我的筆記"]
    assert library.trash() == []
    assert dialog.empty_label.isVisible() and not dialog.list.isVisible()
    assert doc.title in dialog.status.text()
    main_window.open_document(doc.id)
    assert main_window.reader.doc_id == doc.id


def test_delete_permanently_asks_first(qtbot, main_window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    removed = _remove(main_window, 2, monkeypatch)
    library = main_window.library
    dialog = _open_trash(main_window)
    names = dialog.entry_names()
    assert len(names) == 2
    dialog.select_names(names[:1])

    _answer(dialog, QMessageBox.StandardButton.Cancel)
    assert dialog.delete_selected() == 0
    assert sorted(library.trash()) == sorted(names)

    _answer(dialog, QMessageBox.StandardButton.Yes)
    assert dialog.delete_selected() == 1
    assert library.trash() == names[1:]
    assert not (library.trash_dir / names[0]).exists()
    assert dialog.entry_names() == names[1:]
    assert all(i not in {d.id for d in library.documents()} for i in removed)


def test_empty_trash_deletes_everything_after_asking(
    qtbot, main_window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _remove(main_window, 3, monkeypatch)
    dialog = _open_trash(main_window)
    assert dialog.empty_button.isEnabled()
    _answer(dialog, QMessageBox.StandardButton.Yes)
    assert dialog.empty_trash() == 3
    assert main_window.library.trash() == []
    assert dialog.empty_label.isVisible() and not dialog.empty_button.isEnabled()
    assert main_window.library_pane.visible_count() == 2


def test_restoring_a_document_imported_again_keeps_the_trash_copy(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow, monkeypatch, seed_paths: list[Path]
) -> None:
    library = main_window.library
    [doc_id] = _remove(main_window, 1, monkeypatch)
    library.add_paths(seed_paths)  # the same file imported again
    assert library.get(doc_id)
    dialog = _open_trash(main_window)
    names = dialog.entry_names()
    dialog.select_names(names)
    assert dialog.restore_selected() == []
    box = dialog._error_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert library.get(doc_id).title in box.text()
    assert box.textFormat().name == "PlainText"
    assert library.trash() == names  # nothing lost
    box.close()


def test_a_title_like_markup_is_shown_as_written(
    qtbot, main_window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    library = main_window.library
    doc = library.documents()[0]
    library.update_meta(doc.id, title='<img src="/dev/zero"><b>x')
    _remove(main_window, 1, monkeypatch)
    dialog = _open_trash(main_window)
    row = dialog.list.topLevelItem(0)
    assert row is not None and row.text(TITLE) == '<img src="/dev/zero"><b>x'
    assert "&lt;img" in row.toolTip(TITLE) and "<img" not in row.toolTip(TITLE)
    QApplication.processEvents()
