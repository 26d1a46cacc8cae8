"""The library's record table: summaries read together, one string per document id."""

from __future__ import annotations

import sys

from desktop.core.library import Library


def test_every_summary_read_shares_its_id_with_the_table(opened: Library) -> None:
    lazy = Library.open(opened.root, check=False)  # ids only, from the catalogue
    table = lazy._records
    assert table.nothing_read
    every = lazy.summaries()
    assert [s.id for s in every] == list(table)  # the opening's order is kept
    for doc_id, summary in table._pending.items():
        assert doc_id is summary.id, "two strings for one id"
        assert sys.intern(doc_id) is doc_id  # the catalogue's interned string


def test_a_summary_the_catalogue_lacks_is_read_from_its_record(opened: Library) -> None:
    lazy = Library.open(opened.root, check=False)
    table = lazy._records
    first = next(iter(table))
    table._fetch_summaries = lambda ids: {}  # the catalogue answers for none
    every = lazy.summaries()
    assert first in [s.id for s in every] and first in table._loaded
    assert not table._pending
