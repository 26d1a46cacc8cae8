"""The Last read column: when the reading position last moved, blank when never."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.core.annotations.store import AnnotationStore
from desktop.core.library import Library
from desktop.ui.library.columns import COLUMNS, format_date
from desktop.ui.library.model import LibraryTableModel
from desktop.ui.library.pane import COLUMN_PRIORITY, LibraryPane

LAST_READ = [key for key, _ in COLUMNS].index("last_read")


def _read(library: Library, doc_id: str, when: str) -> None:
    store = AnnotationStore.open(library.doc_dir(doc_id), clock=lambda: when)
    store.set_position(10)
    store.save()
    library.reload(doc_id)


def _column(model: LibraryTableModel) -> list[str]:
    return [model.index(row, LAST_READ).data() for row in range(model.rowCount())]


def test_last_read_is_shown_sorted_and_blank_when_never(qtbot, seeded_library: Library) -> None:  # type: ignore[no-untyped-def]
    docs = seeded_library.summaries()
    _read(seeded_library, docs[0].id, "2024-05-01T08:00:00Z")
    _read(seeded_library, docs[1].id, "2024-06-02T09:30:00Z")
    pane = LibraryPane()
    qtbot.addWidget(pane)
    pane.set_documents(seeded_library.summaries())
    model = pane.model
    header = model.headerData(LAST_READ, Qt.Orientation.Horizontal)
    assert header == "Last read"
    tip = model.headerData(LAST_READ, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip == "When you last read the document"
    pane.table.sortByColumn(LAST_READ, Qt.SortOrder.DescendingOrder)
    shown = _column(model)
    assert shown[:2] == [format_date("2024-06-02T09:30:00Z"), format_date("2024-05-01T08:00:00Z")]
    assert shown[0] == "2024-06-02"  # written like the other dates
    assert shown[2:] == ["", "", ""]  # never read: blank, after those read
    assert [model.document(r).id for r in range(2)] == [docs[1].id, docs[0].id]
    tip = model.index(0, LAST_READ).data(Qt.ItemDataRole.ToolTipRole)
    assert "2024-06-02T09:30:00Z" in tip  # the full time in the tip
    assert model.index(2, LAST_READ).data(Qt.ItemDataRole.ToolTipRole) is None
    pane.table.sortByColumn(LAST_READ, Qt.SortOrder.AscendingOrder)
    assert _column(model)[-2:] == shown[:2][::-1]


def test_last_read_gives_way_first_when_the_pane_is_narrow(qtbot, seeded_library: Library) -> None:  # type: ignore[no-untyped-def]
    assert COLUMN_PRIORITY[-1] == "last_read"
    pane = LibraryPane()
    qtbot.addWidget(pane)
    pane.set_documents(seeded_library.summaries())
    pane.resize(520, 600)
    pane.show()
    qtbot.waitExposed(pane)
    header = pane.table.horizontalHeader()
    assert header.isSectionHidden(LAST_READ)
    pane.resize(1800, 600)
    qtbot.waitUntil(lambda: not header.isSectionHidden(LAST_READ), timeout=3000)
