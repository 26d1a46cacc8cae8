"""The tags and shelves panel above the library list, over a real library.

The pane's requests are answered here as the main window answers them: tags and
shelves are written by the core (``Library.set_tags``, ``save_shelf``,
``remove_shelf``) and the changed summaries or shelves handed back to the pane.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.core.annotations.store import AnnotationStore
from desktop.core.library import Library
from desktop.core.shelves import (
    CONTINUE_READING,
    RECENTLY_ADDED,
    builtin_shelf,
    read_shelves,
    remove_shelf,
    save_shelf,
)
from desktop.ui.app.main_window import MainWindow
from desktop.ui.library.columns import COLUMNS
from desktop.ui.library.organise import (
    ALL,
    BUILTIN,
    COUNT,
    KIND_ROLE,
    NAME,
    NAME_ROLE,
    SHELF,
    TAG,
    OrganisePanel,
    count_documents,
)
from desktop.ui.library.pane import LibraryPane


class Organised:
    """A library pane over ``library``, its requests answered through the core."""

    def __init__(self, qtbot, library: Library) -> None:  # type: ignore[no-untyped-def]
        self.library = library
        self.pane = LibraryPane()
        qtbot.addWidget(self.pane)
        self.pane.set_documents(library.summaries())
        self.pane.set_shelves(read_shelves(library.root))
        self.pane.tagsRequested.connect(self.set_tags)
        self.pane.shelfSaveRequested.connect(self.save_shelf)
        self.pane.shelfRemoveRequested.connect(self.remove_shelf)
        self.queries: list[str] = []
        self.pane.shelfQueryRequested.connect(self.queries.append)
        self.pane.resize(520, 700)
        self.pane.show()
        qtbot.waitExposed(self.pane)
        self.panel: OrganisePanel = self.pane.organise
        self.panel.refresh()

    def set_tags(self, ids: list[str], add: list[str], remove: list[str]) -> None:
        for doc_id in ids:
            self.library.set_tags(doc_id, add=add, remove=remove)
            self.pane.model.update_document(self.library.summary(doc_id))

    def save_shelf(self, name: str, query: str) -> None:
        save_shelf(self.library.root, name, query)
        self.pane.set_shelves(read_shelves(self.library.root))

    def remove_shelf(self, name: str) -> None:
        remove_shelf(self.library.root, name)
        self.pane.set_shelves(read_shelves(self.library.root))

    def read(self, doc_id: str, share: float, when: str) -> None:
        """Read ``doc_id`` up to ``share`` of its text at ``when``, as the reader saves it."""
        store = AnnotationStore.open(self.library.doc_dir(doc_id), clock=lambda: when)
        store.set_position(int(self.library.get(doc_id).chars * share))
        store.save()
        self.pane.model.update_document(self.library.reload(doc_id))

    def titles(self) -> list[str]:
        proxy = self.pane.proxy
        return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]

    def ids(self) -> list[str]:
        model = self.pane.model
        return [model.document(row).id for row in range(model.rowCount())]

    def items(self, kind: str) -> dict[str, str]:
        """The panel's items of ``kind``: name -> count shown."""
        tree = self.panel.tree
        found = {}
        for heading in (self.panel.shelves_heading, self.panel.tags_heading):
            for i in range(heading.childCount()):
                child = heading.child(i)
                if child is not None and child.data(NAME, KIND_ROLE) == kind:
                    found[child.data(NAME, NAME_ROLE)] = child.text(COUNT)
        assert tree.topLevelItem(0) is self.panel.all_item
        return found


@pytest.fixture
def organised(qtbot, seeded_library: Library) -> Iterator[Organised]:  # type: ignore[no-untyped-def]
    made = Organised(qtbot, seeded_library)
    yield made
    made.pane.close()
    QThreadPool.globalInstance().waitForDone(10_000)
    QApplication.processEvents()


def _tag(organised: Organised, count: int, *tags: str) -> list[str]:
    ids = [d.id for d in organised.library.summaries()[:count]]
    organised.set_tags(ids, list(tags), [])
    return ids


# ------------------------------------------------------------------- the panel
def test_the_panel_lists_everything_with_counts(qtbot, organised: Organised) -> None:  # type: ignore[no-untyped-def]
    panel = organised.panel
    assert panel.all_item.text(NAME) == "All documents" and panel.all_item.text(COUNT) == "5"
    assert set(organised.items(BUILTIN)) == {CONTINUE_READING, RECENTLY_ADDED}
    assert organised.items(TAG) == {}
    hint = panel.tags_heading.child(0)
    assert hint is not None
    assert "No tags yet" in hint.text(NAME) and not hint.flags()  # not chosen, only read
    _tag(organised, 3, "待读")
    _tag(organised, 1, "小说")
    # counted again a moment after the documents change (not on every change)
    qtbot.waitUntil(lambda: organised.items(TAG) == {"小说": "1", "待读": "3"}, timeout=3000)
    assert panel.tag_names() == ["小说", "待读"]
    assert count_documents(organised.pane.model.all_documents()).tags == (
        organised.library.tag_counts()
    )


def test_choosing_a_tag_shows_its_documents_and_the_filter_narrows_within(
    qtbot, organised: Organised
) -> None:  # type: ignore[no-untyped-def]
    tagged = _tag(organised, 3, "待读")
    panel = organised.panel
    panel.refresh()
    assert panel.choose(TAG, "待读")
    assert sorted(organised.ids()) == sorted(tagged)
    assert organised.pane.model.scope == ("tag", "待读")
    inside = organised.library.summary(tagged[1])
    organised.pane.filter_box.setText(inside.title[:4])
    assert organised.ids() == [inside.id]
    outside = next(d for d in organised.library.summaries() if d.id not in tagged)
    organised.pane.filter_box.setText(outside.title[:4])
    assert outside.id not in organised.ids()  # the filter looks only within the tag
    organised.pane.filter_box.clear()
    assert panel.choose(ALL)
    assert len(organised.ids()) == 5 and organised.pane.model.scope is None


def test_a_document_tagged_while_its_tag_is_shown_appears_in_its_sorted_place(
    qtbot, organised: Organised
) -> None:  # type: ignore[no-untyped-def]
    pane = organised.pane
    title = [k for k, _ in COLUMNS].index("title")
    pane.table.sortByColumn(title, Qt.SortOrder.AscendingOrder)
    _tag(organised, 2, "待读")
    organised.panel.refresh()
    organised.panel.choose(TAG, "待读")
    rest = [d.id for d in organised.library.summaries()[2:]]
    organised.set_tags(rest, ["待读"], [])
    assert len(organised.ids()) == 5
    assert organised.titles() == sorted(organised.titles(), key=str.casefold)
    organised.set_tags(rest, [], ["待读"])
    assert len(organised.ids()) == 2


def test_the_last_document_losing_the_chosen_tag_brings_the_whole_library_back(
    qtbot, organised: Organised
) -> None:  # type: ignore[no-untyped-def]
    ids = _tag(organised, 1, "一次")
    organised.panel.refresh()
    organised.panel.choose(TAG, "一次")
    assert organised.ids() == ids
    organised.set_tags(ids, [], ["一次"])
    qtbot.waitUntil(lambda: "一次" not in organised.items(TAG), timeout=3000)
    assert organised.panel.chosen == (ALL, "")
    assert len(organised.ids()) == 5


def test_continue_reading_shows_started_documents_the_last_read_first(
    qtbot, organised: Organised
) -> None:  # type: ignore[no-untyped-def]
    docs = organised.library.summaries()
    organised.read(docs[0].id, 0.3, "2024-05-01T10:00:00Z")
    organised.read(docs[1].id, 0.6, "2024-05-03T10:00:00Z")
    organised.read(docs[2].id, 1.0, "2024-05-04T10:00:00Z")  # finished: not on the shelf
    pane, header = organised.pane, organised.pane.table.horizontalHeader()
    organised.panel.refresh()
    assert organised.items(BUILTIN)[CONTINUE_READING] == "2"
    organised.panel.choose(BUILTIN, CONTINUE_READING)
    assert organised.ids() == [docs[1].id, docs[0].id]
    assert header.sortIndicatorSection() == -1  # the shelf's order, no column's
    assert pane.model.sort_order is None
    # reading the other one moves it to the top, in place
    organised.read(docs[0].id, 0.4, "2024-05-05T10:00:00Z")
    qtbot.waitUntil(lambda: organised.ids() == [docs[0].id, docs[1].id], timeout=3000)
    # a column clicked sorts the shelf's documents by it
    title = [k for k, _ in COLUMNS].index("title")
    header.setSortIndicator(title, Qt.SortOrder.AscendingOrder)
    assert organised.titles() == sorted(organised.titles(), key=str.casefold)
    assert pane.model.sort_order is not None and pane.model.sort_order[0] == title
    # leaving the shelf: every document, in that column's order
    organised.panel.choose(ALL)
    assert len(organised.ids()) == 5 and header.sortIndicatorSection() == title
    assert organised.titles() == sorted(organised.titles(), key=str.casefold)


def test_a_document_that_comes_to_match_the_filter_takes_its_place_on_the_shelf(
    qtbot, organised: Organised
) -> None:  # type: ignore[no-untyped-def]
    docs = organised.library.summaries()
    organised.read(docs[0].id, 0.3, "2024-05-01T10:00:00Z")
    organised.read(docs[1].id, 0.6, "2024-05-03T10:00:00Z")
    organised.read(docs[2].id, 0.2, "2024-05-02T10:00:00Z")
    organised.panel.choose(BUILTIN, CONTINUE_READING)
    assert organised.ids() == [docs[1].id, docs[2].id, docs[0].id]
    organised.pane.filter_box.setText("書名甲乙")
    assert organised.ids() == []
    for doc in (docs[0], docs[1], docs[2]):  # the middle one last
        organised.library.update_meta(doc.id, title=f"書名甲乙 {doc.title}")
        organised.pane.model.update_document(organised.library.summary(doc.id))
    assert organised.ids() == [docs[1].id, docs[2].id, docs[0].id]


def test_recently_added_is_in_the_shelfs_order_and_leaving_restores_the_sort(
    qtbot, organised: Organised
) -> None:  # type: ignore[no-untyped-def]
    header = organised.pane.table.horizontalHeader()
    before = (header.sortIndicatorSection(), header.sortIndicatorOrder())
    rows_before = organised.ids()
    organised.panel.choose(BUILTIN, RECENTLY_ADDED)
    everything = organised.pane.model.all_documents()  # the seeds share an import second:
    expected = [d.id for d in builtin_shelf(RECENTLY_ADDED, everything)]  # ties in list order
    assert organised.ids() == expected
    imported = [organised.library.summary(i).imported for i in organised.ids()]
    assert imported == sorted(imported, reverse=True)
    organised.panel.choose(ALL)
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == before
    assert organised.ids() == rows_before


def test_a_new_import_joins_recently_added_while_it_is_shown(
    qtbot, organised: Organised, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    organised.panel.choose(BUILTIN, RECENTLY_ADDED)
    path = tmp_path / "new.txt"
    path.write_text("最新的一篇\n正文。\n", "utf-8")
    result = organised.library.add_file(path)
    assert result.id is not None
    organised.pane.model.update_document(organised.library.summary(result.id))
    qtbot.waitUntil(lambda: result.id in organised.ids(), timeout=3000)
    everything = organised.pane.model.all_documents()
    assert organised.ids() == [d.id for d in builtin_shelf(RECENTLY_ADDED, everything)]


# --------------------------------------------------------------------- shelves
def test_a_shelf_made_from_the_search_asks_for_its_query(qtbot, organised: Organised) -> None:  # type: ignore[no-untyped-def]
    panel = organised.panel
    organised.pane.filter_box.setText("tag:待读 script:traditional")
    rect = panel.tree.visualItemRect(panel.all_item)
    panel._context_menu(rect.center())
    assert panel._menu is not None
    texts = [a.text() for a in panel._menu.actions()]
    assert "New Shelf…" in texts and "Remove Shelf…" not in texts
    next(a for a in panel._menu.actions() if a.text() == "New Shelf…").trigger()
    panel._menu.close()
    dialog = panel.shelf_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.query() == "tag:待读 script:traditional"
    dialog.name_field.setText("  待读的  繁體 ")
    dialog.accept()
    assert read_shelves(organised.library.root)[0].name == "待读的 繁體"
    assert "待读的 繁體" in organised.items(SHELF)
    # choosing it: the whole list stays, the query goes to the search
    organised.pane.filter_box.clear()
    organised.panel.choose(SHELF, "待读的 繁體")
    assert organised.queries == ["tag:待读 script:traditional"]
    assert organised.pane.model.scope is None
    organised.pane.filter_box.setText("tag:待读 script:traditional")  # the window does this
    assert organised.panel.chosen == (SHELF, "待读的 繁體")
    organised.pane.filter_box.setText("別的")  # another search: the shelf is left
    assert organised.panel.chosen == (ALL, "")


def test_a_shelf_needs_a_new_name_and_a_search(qtbot, organised: Organised) -> None:  # type: ignore[no-untyped-def]
    organised.save_shelf("长篇", "chars:100000..")
    dialog = organised.panel.new_shelf("")
    dialog.name_field.setText("长篇")
    dialog.query_field.setText("tag:长")
    dialog.accept()
    assert dialog.isVisible() and "already a shelf called “长篇”" in dialog.message.text()
    dialog.name_field.setText("x" * 81)
    dialog.accept()
    assert dialog.isVisible() and "1 to 80 characters" in dialog.message.text()
    dialog.name_field.setText("短的")
    dialog.query_field.setText("   ")
    dialog.accept()
    assert dialog.isVisible() and "1 to 1000 characters" in dialog.message.text()
    dialog.query_field.setText("chars:..1000")
    dialog.accept()
    assert not dialog.isVisible()
    assert [s.name for s in read_shelves(organised.library.root)] == ["长篇", "短的"]


def test_a_shelf_is_removed_after_asking(qtbot, organised: Organised) -> None:  # type: ignore[no-untyped-def]
    organised.save_shelf("<b>粗</b>", "tag:粗")
    panel = organised.panel
    item = panel._find(SHELF, "<b>粗</b>")
    assert item is not None and item.text(NAME) == "<b>粗</b>"  # plain text
    assert "&lt;b&gt;" in item.toolTip(NAME)  # escaped in the tool tip
    panel._context_menu(panel.tree.visualItemRect(item).center())
    assert panel._menu is not None
    next(a for a in panel._menu.actions() if a.text() == "Remove Shelf…").trigger()
    panel._menu.close()
    box = panel.question
    assert box is not None and "“<b>粗</b>”" in box.text()
    cancel = box.button(QMessageBox.StandardButton.Cancel)
    QTimer.singleShot(0, cancel.click)
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=3000)
    assert [s.name for s in read_shelves(organised.library.root)] == ["<b>粗</b>"]
    box = panel.remove_shelf("<b>粗</b>")
    remove = next(b for b in box.buttons() if b.text() == "Remove")
    QTimer.singleShot(0, remove.click)
    qtbot.waitUntil(lambda: read_shelves(organised.library.root) == [], timeout=3000)
    assert organised.items(SHELF) == {}


def test_tags_are_shown_as_plain_text(qtbot, organised: Organised) -> None:  # type: ignore[no-untyped-def]
    _tag(organised, 1, "<img src=/dev/zero>")
    organised.panel.refresh()
    item = organised.panel._find(TAG, "<img src=/dev/zero>")
    assert item is not None and item.text(NAME) == "<img src=/dev/zero>"
    assert item.toolTip(NAME).startswith("<p") and "&lt;img" in item.toolTip(NAME)


# ---------------------------------------------------------------- hiding, fit
def test_hiding_the_panel_shows_every_document_again(qtbot, organised: Organised) -> None:  # type: ignore[no-untyped-def]
    _tag(organised, 2, "待读")
    organised.panel.refresh()
    organised.panel.choose(TAG, "待读")
    assert len(organised.ids()) == 2
    organised.panel._context_menu(QPoint(2, 2))
    assert organised.panel._menu is not None
    hide = next(a for a in organised.panel._menu.actions() if a.text() == "Hide Tags and Shelves")
    hide.trigger()
    organised.panel._menu.close()
    assert not organised.panel.isVisible() and not organised.pane.organise_action.isChecked()
    assert len(organised.ids()) == 5
    organised.pane.organise_action.trigger()
    assert organised.panel.isVisible()


def test_the_panel_fits_the_default_window(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    pane = main_window.library_pane
    assert (main_window.width(), main_window.height()) == (1280, 800)
    assert pane.organise.isVisible() and pane.table.isVisible()
    row = pane.table.rowHeight(0)
    assert pane.table.viewport().height() >= 12 * row  # the list keeps most of the height
    assert pane.organise.height() <= pane.height() // 3
    assert pane.organise.width() == pane.table.width()  # above the list, not beside
    tree = pane.organise.tree
    assert tree.horizontalScrollBar().maximum() == 0
    assert pane.organise_action.text() == "Tags and Shelves"


# ------------------------------------------------------------------ renaming
def test_a_tag_is_renamed_on_every_document_that_has_it(qtbot, organised: Organised) -> None:  # type: ignore[no-untyped-def]
    tagged = _tag(organised, 3, "待读")
    _tag(organised, 1, "想读")  # one of them has the new name already: the two join
    panel = organised.panel
    panel.refresh()
    item = panel._find(TAG, "待读")
    assert item is not None
    panel._context_menu(panel.tree.visualItemRect(item).center())
    assert panel._menu is not None
    next(a for a in panel._menu.actions() if a.text() == "Rename Tag…").trigger()
    panel._menu.close()
    dialog = panel.rename_dialog
    assert dialog is not None and dialog.field.text() == "待读"
    assert "“待读”" in dialog.note.text() and "3 document" in dialog.note.text()
    dialog.field.setText("想,读")
    dialog.accept()
    assert dialog.isVisible() and dialog.message.text().startswith("“想,读” cannot be a tag")
    dialog.field.setText(" 想读 ")
    dialog.accept()
    assert not dialog.isVisible()
    assert organised.library.tag_counts() == {"想读": 3}
    assert all(organised.library.summary(i).tags == ("想读",) for i in tagged)
    qtbot.waitUntil(lambda: organised.items(TAG) == {"想读": "3"}, timeout=3000)


def test_a_container_can_take_the_panel_and_it_still_scopes_the_list(
    qtbot, organised: Organised
) -> None:  # type: ignore[no-untyped-def]
    """As search results replace the list, a container may keep the panel in view."""
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    tagged = _tag(organised, 2, "待读")
    holder = QWidget()
    qtbot.addWidget(holder)
    panel = organised.pane.take_organise_panel()
    QVBoxLayout(holder).addWidget(panel)
    holder.show()
    panel.refresh()
    assert panel.parent() is holder and organised.pane.list_page.count() == 1
    panel.choose(TAG, "待读")
    assert sorted(organised.ids()) == sorted(tagged)
    organised.pane.organise_action.setChecked(False)
    assert not panel.isVisible() and len(organised.ids()) == 5


def test_a_hidden_panel_counts_when_it_is_shown(qtbot, organised: Organised) -> None:  # type: ignore[no-untyped-def]
    """Every saved reading position changes a document: a hidden panel does not count."""
    from desktop.ui.library.organise import RECOUNT_MS

    organised.pane.organise_action.setChecked(False)
    _tag(organised, 2, "待读")
    qtbot.wait(RECOUNT_MS * 3)
    assert organised.items(TAG) == {}
    organised.pane.organise_action.setChecked(True)
    qtbot.waitUntil(lambda: organised.items(TAG) == {"待读": "2"}, timeout=3000)
    organised.pane.organise_action.setChecked(False)
    _tag(organised, 1, "小说")
    assert organised.panel.tag_names() == ["小说", "待读"]  # asked for: counted at once
