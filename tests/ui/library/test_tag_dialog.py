"""Tags… on a multi-selection: ticks for all, some and none; new tags; bad ones named.

The pane's ``tagsRequested`` is connected to the real library here, as the main
window connects it; the library's events bring the changed rows back to the pane.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtWidgets import QApplication

from desktop.core.library import Library
from desktop.ui.app.main_window import MainWindow
from desktop.ui.library.organise import TAG
from desktop.ui.library.pane import LibraryPane
from desktop.ui.library.tag_dialog import TagDialog


def _select(pane: LibraryPane, ids: list[str]) -> None:
    selection = pane.table.selectionModel()
    selection.clear()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for doc_id in ids:
        row = pane.model.row_of(doc_id)
        selection.select(pane.proxy.index(row, 0), flags)


def _states(dialog: TagDialog) -> dict[str, Qt.CheckState]:
    items = [dialog.list.item(row) for row in range(dialog.list.count())]
    return {item.text(): item.checkState() for item in items if item is not None}


def _connect(window: MainWindow) -> list[tuple[list[str], list[str], list[str]]]:
    """Answer the pane's requests with the core, as the main window does."""
    asked: list[tuple[list[str], list[str], list[str]]] = []

    def set_tags(ids: list[str], add: list[str], remove: list[str]) -> None:
        asked.append((ids, add, remove))
        for doc_id in ids:
            window.library.set_tags(doc_id, add=add, remove=remove)

    window.library_pane.tagsRequested.connect(set_tags)
    return asked


def test_the_menu_opens_tags_for_the_selection(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    pane = main_window.library_pane
    ids = [d.id for d in main_window.library.summaries()[:3]]
    _select(pane, ids)
    rect = pane.table.visualRect(pane.proxy.index(pane.model.row_of(ids[0]), 0))
    pane._context_menu(QPoint(rect.center()))
    tags = next(a for a in pane._menu.actions() if a.text() == "Tags…")
    tags.trigger()
    pane._menu.close()
    dialog = pane.tag_dialog
    assert dialog is not None and dialog.isVisible()
    assert sorted(dialog.doc_ids) == sorted(ids)
    # "Tags of 3 Documents" once the English catalogue has the plural forms
    assert dialog.windowTitle().startswith("Tags of 3 Document")
    dialog.reject()


def test_ticks_add_and_remove_tags_on_every_chosen_document(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    library: Library = main_window.library
    pane = main_window.library_pane
    asked = _connect(main_window)
    a, b, c = (d.id for d in library.summaries()[:3])
    library.set_tags(a, add=["待读", "小说"])
    library.set_tags(b, add=["待读"])
    library.set_tags(c, add=["散文"])
    qtbot.waitUntil(lambda: "散文" in pane.organise.tag_names(), timeout=3000)
    _select(pane, [a, b])
    dialog = pane.edit_tags()
    assert dialog is not None
    assert _states(dialog) == {
        "待读": Qt.CheckState.Checked,  # on both
        "小说": Qt.CheckState.PartiallyChecked,  # on one of them
        "散文": Qt.CheckState.Unchecked,  # on neither (another document's)
    }
    # a half tick may go back to "as it is"; the others have two states
    assert dialog.item("小说").flags() & Qt.ItemFlag.ItemIsUserTristate  # type: ignore[union-attr]
    assert not dialog.item("散文").flags() & Qt.ItemFlag.ItemIsUserTristate  # type: ignore[union-attr]
    dialog.item("待读").setCheckState(Qt.CheckState.Unchecked)  # type: ignore[union-attr]
    dialog.item("散文").setCheckState(Qt.CheckState.Checked)  # type: ignore[union-attr]
    dialog.field.setText("  新  标签 ")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)  # adds it, the dialog stays
    assert dialog.isVisible() and _states(dialog)["新 标签"] == Qt.CheckState.Checked
    assert dialog.changes() == (["散文", "新 标签"], ["待读"])
    dialog.accept()
    assert [(sorted(ids), add, remove) for ids, add, remove in asked] == [
        (sorted([a, b]), ["散文", "新 标签"], ["待读"])
    ]
    assert library.summary(a).tags == ("小说", "散文", "新 标签")
    assert library.summary(b).tags == ("散文", "新 标签")
    assert library.summary(c).tags == ("散文",)
    # the rows and the panel's counts follow through the library's events
    qtbot.waitUntil(
        lambda: pane.model.document(pane.model.row_of(b)).tags == ("散文", "新 标签"),
        timeout=3000,
    )
    qtbot.waitUntil(lambda: pane.organise.counts.tags == library.tag_counts(), timeout=3000)
    assert "待读" not in pane.organise.tag_names()


def test_an_unchanged_dialog_asks_for_nothing(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    asked = _connect(main_window)
    pane = main_window.library_pane
    _select(pane, [main_window.library.summaries()[0].id])
    dialog = pane.edit_tags()
    assert dialog is not None
    dialog.accept()
    assert asked == []


def test_bad_tags_are_named_and_not_added(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    asked = _connect(main_window)
    pane = main_window.library_pane
    _select(pane, [main_window.library.summaries()[0].id])
    dialog = pane.edit_tags()
    assert dialog is not None
    for bad, quoted in (
        ("甲,乙", "“甲,乙”"),
        ("控制\x01字", "“控制\ufffd字”"),
        ("长" * 65, "“" + "长" * 39 + "…”"),
    ):
        dialog.field.setText(bad)
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
        message = dialog.message.text()
        assert dialog.message.isVisible() and message.startswith(quoted), message
        assert "1 to 64 characters" in message and "comma" in message
        assert dialog.message.textFormat() == Qt.TextFormat.PlainText
        assert dialog.list.count() == 0
        dialog.accept()  # OK with a bad tag in the field: the dialog stays
        assert dialog.isVisible()
    dialog.field.setText("好的，甲")  # a full-width comma is fine
    dialog.accept()  # OK with a good tag in the field adds it
    assert not dialog.isVisible() and not dialog.message.isVisible()
    assert asked and asked[0][1:] == (["好的，甲"], [])
    assert main_window.library.summary(asked[0][0][0]).tags == ("好的，甲",)


def test_typing_finds_a_tag_and_ticking_it_clears_the_field(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    library = main_window.library
    pane = main_window.library_pane
    first, second = (d.id for d in library.summaries()[:2])
    library.set_tags(first, add=["待读", "读完", "小说"])
    qtbot.waitUntil(lambda: len(pane.organise.tag_names()) == 3, timeout=3000)
    _select(pane, [second])
    dialog = pane.edit_tags()
    assert dialog is not None
    dialog.field.setText("读")
    shown = [dialog.list.item(r).text() for r in range(3) if not dialog.list.item(r).isHidden()]  # type: ignore[union-attr]
    assert shown == ["待读", "读完"]
    dialog.item("读完").setCheckState(Qt.CheckState.Checked)  # type: ignore[union-attr]
    assert dialog.field.text() == ""  # what was typed was a search, not a new tag
    assert all(not dialog.list.item(r).isHidden() for r in range(3))  # type: ignore[union-attr]
    assert dialog.changes() == (["读完"], [])
    dialog.reject()
    QApplication.processEvents()


def test_the_tag_chosen_in_the_panel_follows_the_dialog(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Tagging from the list while a tag is shown: the rows that lose it leave."""
    _connect(main_window)
    library = main_window.library
    pane = main_window.library_pane
    ids = [d.id for d in library.summaries()[:3]]
    for doc_id in ids:
        library.set_tags(doc_id, add=["待读"])
    qtbot.waitUntil(lambda: "待读" in pane.organise.tag_names(), timeout=3000)
    pane.organise.choose(TAG, "待读")
    assert pane.visible_count() == 3
    _select(pane, ids[:2])
    dialog = pane.edit_tags()
    assert dialog is not None
    dialog.item("待读").setCheckState(Qt.CheckState.Unchecked)  # type: ignore[union-attr]
    dialog.accept()
    qtbot.waitUntil(lambda: pane.visible_count() == 1, timeout=3000)
    assert pane.model.document(0).id == ids[2]
