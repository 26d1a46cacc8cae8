"""The first filter typed before the idle folding is done: matches among the texts
folded so far at once, every match once the folding has gone on; the selection kept.
(Its speed is measured by ``make bench ARGS=library``: "filter before idle folding".)"""

from __future__ import annotations

import hashlib

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from desktop.core.records import DocSummary
from desktop.ui.library import model as model_module
from desktop.ui.library.columns import COLUMNS
from desktop.ui.library.model import LibraryTableModel

_TITLES = ("紅樓夢", "水浒传", "西游记", "ＡＢＣ Letters", "三國演義")


def _doc(n: int) -> DocSummary:
    doc_id = hashlib.sha256(f"fold-{n}".encode()).hexdigest()
    title = f"{_TITLES[n % len(_TITLES)]} {n}"
    return DocSummary(
        doc_id, title, None, None, "2024-01-01", "simplified", "txt", "utf-8", n, n,
        "2024-01-01T00:00:00", f"{n}.txt", 0.0, 0, (), "",
    )  # fmt: skip


def _ids(model: LibraryTableModel) -> list[str]:
    return [model.document(r).id for r in range(model.rowCount())]


@pytest.mark.parametrize("sort_first", [False, True])
def test_a_filter_before_the_folding_is_done_fills_in_as_it_goes(
    qtbot, monkeypatch: pytest.MonkeyPatch, sort_first: bool
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(model_module, "PREPARE_SLICE", 10)
    docs = [_doc(n) for n in range(95)]
    model = LibraryTableModel()
    if sort_first:
        model.sort([k for k, _ in COLUMNS].index("chars"), Qt.SortOrder.DescendingOrder)
    model.set_documents(docs)
    order = _ids(model)
    model._prepare_some()  # one idle slice: 10 texts folded
    assert model._preparing.isActive()
    selection = QItemSelectionModel(model)
    chosen = next(
        model.document(r) for r in range(10) if "红楼梦" in model.haystack(model.document(r))
    )
    row = model.row_of(chosen.id)
    selection.setCurrentIndex(model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    model.set_filter(["红楼梦"])  # 紅樓夢 folded: Traditional found by Simplified
    early = _ids(model)
    assert chosen.id in early and len(early) < 19  # among the folded ones only
    assert selection.currentIndex().row() == early.index(chosen.id)
    model.set_filter(["红楼梦", "1"])  # typing on while partial: not narrowed from it
    model.set_filter(["红楼梦"])
    qtbot.waitUntil(lambda: not model._preparing.isActive(), timeout=5000)
    wanted = [i for i in order if "紅樓夢" in next(d.title for d in docs if d.id == i)]
    assert _ids(model) == wanted and len(wanted) == 19
    assert not model._partial
    assert model.document(selection.currentIndex().row()).id == chosen.id
    model.set_filter(["abc"])  # full-width letters folded to half-width, case folded
    assert len(_ids(model)) == 19


def test_a_filter_after_the_folding_is_never_partial(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = LibraryTableModel()
    model.set_documents([_doc(n) for n in range(30)])
    model.set_filter(["西游记"])  # fewer than a slice not folded: folded at once
    assert len(_ids(model)) == 6 and not model._partial
