"""The library model's own bookkeeping: new rows in their sorted place, scopes kept.

Property tests over generated summaries (the fields the model reads); the pane's
behaviour over a real library is in test_organise.py and test_sort.py.
"""

from __future__ import annotations

import hashlib

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from desktop.core.records import DocSummary
from desktop.ui.library.columns import COLUMNS
from desktop.ui.library.columns import sort_key as _sort_key
from desktop.ui.library.model import LibraryTableModel

_TAGS = ("待读", "小说", "散文")


def _doc(n: int, title: str, chars: int, tags: tuple[str, ...], day: int) -> DocSummary:
    doc_id = hashlib.sha256(f"scope-{n}".encode()).hexdigest()
    date = f"2024-01-{day:02d}"
    return DocSummary(
        doc_id, title, None, None, date, "simplified", "txt", "utf-8", chars, chars,
        f"{date}T00:00:00", f"{n}.txt", 0.0, 0, tags, "",
    )  # fmt: skip


_docs = st.lists(
    st.tuples(
        st.sampled_from(["红楼", "水浒", "西游", "三国", "Alpha", "beta"]),
        st.integers(0, 5),
        st.sets(st.sampled_from(_TAGS)).map(lambda s: tuple(sorted(s))),
        st.integers(1, 9),
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(
    docs=_docs,
    split=st.integers(0, 40),
    column=st.integers(0, len(COLUMNS) - 1),
    descending=st.booleans(),
    tag=st.none() | st.sampled_from(_TAGS),
)
def test_new_documents_take_the_place_a_sort_would_give_them(
    qapp, docs, split: int, column: int, descending: bool, tag: str | None
) -> None:  # type: ignore[no-untyped-def]
    made = [_doc(n, *fields) for n, fields in enumerate(docs)]
    first, later = made[: min(split, len(made))], made[min(split, len(made)) :]
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    model = LibraryTableModel()
    model.set_documents(first)
    model.sort(column, order)
    model.set_scope(tag=tag)
    for doc in later:
        model.update_document(doc)
    key = COLUMNS[column][0]
    expected = sorted(first, key=lambda d: _sort_key(d, key), reverse=descending)
    for doc in later:  # each new one after those already there with an equal key
        expected = sorted([*expected, doc], key=lambda d: _sort_key(d, key), reverse=descending)
    assert [d.id for d in model.all_documents()] == [d.id for d in expected]
    shown = [model.document(row).id for row in range(model.rowCount())]
    assert shown == [d.id for d in expected if tag is None or tag in d.tags]
    assert model.scope == (None if tag is None else ("tag", tag))
