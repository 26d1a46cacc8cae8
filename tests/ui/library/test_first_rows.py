"""The window's first rows (painted before every summary is read) are not folded
ahead: folding imports OpenCC and numpy, which the first paint must not wait for
(tests/test_startup_imports.py); a filter typed on them still finds them."""

from __future__ import annotations

import hashlib

from desktop.core.records import DocSummary
from desktop.ui.library.model import LibraryTableModel


def _doc(n: int, title: str) -> DocSummary:
    doc_id = hashlib.sha256(f"first-{n}".encode()).hexdigest()
    return DocSummary(
        doc_id, title, None, None, "2024-01-01", "traditional", "txt", "utf-8", n, n,
        "2024-01-01T00:00:00", f"{n}.txt", 0.0, 0, (), "",
    )  # fmt: skip


def test_first_rows_are_not_folded_ahead_but_filter_as_any(qtbot) -> None:  # type: ignore[no-untyped-def]
    docs = [_doc(0, "紅樓夢"), _doc(1, "三國演義"), _doc(2, "水滸傳")]
    model = LibraryTableModel()
    model.set_documents(docs, fold=False)
    assert not model._preparing.isActive()
    qtbot.wait(20)  # an event-loop pass: nothing folded behind the rows' back
    assert not model._haystacks
    model.set_filter(["红楼梦"])  # Simplified finds Traditional: folded when asked
    assert [model.document(r).id for r in range(model.rowCount())] == [docs[0].id]
    model.set_filter([])
    model.set_documents(docs)  # every summary: folded ahead again, when idle
    assert model._preparing.isActive()
    qtbot.waitUntil(lambda: len(model._haystacks) == len(docs), timeout=5000)
